//! Roles encoded one by one (postcard), each found through its
//! [`RoleHead`], so that a command decodes only the roles it uses: `show`
//! one role of the bundle, `search` none of a 10,000-role cache but the
//! hits it prints. Shared with build.rs, which packs the bundled catalog.

use crate::model::{Role, RoleCore, RoleHead};
use serde::de::DeserializeOwned;

/// The heads of `roles` and their concatenated encodings; with `cores`,
/// each role's short facts ([`RoleCore`]) are encoded separately too.
pub fn pack(roles: &[Role], cores: bool) -> Result<(Vec<RoleHead>, Vec<u8>), postcard::Error> {
    let mut bodies = Vec::new();
    let mut heads = Vec::with_capacity(roles.len());
    for role in roles {
        let start = bodies.len() as u64;
        bodies = postcard::to_extend(role, bodies)?;
        let body = (start, bodies.len() as u64);
        let mut core = (body.1, body.1);
        if cores {
            bodies = postcard::to_extend(&RoleCore::of(role), bodies)?;
            core.1 = bodies.len() as u64;
        }
        heads.push(RoleHead::of(role, body, core));
    }
    Ok((heads, bodies))
}

/// A role or its short facts: what `head.body` or `head.core` points at.
pub trait Packed: DeserializeOwned {
    fn id(&self) -> &str;
}

impl Packed for Role {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Packed for RoleCore {
    fn id(&self) -> &str {
        &self.id
    }
}

/// The role (or short facts) whose encoding `range` (`head.body` or
/// `head.core`) points at in `bodies`; `None` when the range is out of
/// bounds or does not decode to the role `head` names.
pub fn unpack<T: Packed>(head: &RoleHead, range: (u64, u64), bodies: &[u8]) -> Option<T> {
    let (start, end) = range;
    let bytes = bodies.get(usize::try_from(start).ok()?..usize::try_from(end).ok()?)?;
    decode(head, bytes)
}

/// The role (or short facts) `head` names from its encoding alone.
pub fn decode<T: Packed>(head: &RoleHead, bytes: &[u8]) -> Option<T> {
    let it: T = postcard::from_bytes(bytes).ok()?;
    (it.id() == head.id).then_some(it)
}
