//! Roles encoded one by one (postcard), each found through its
//! [`RoleHead`], so that a command decodes only the roles it uses: `show`
//! one role of the bundle, `search` none of a 10,000-role cache but the
//! hits it prints. Shared with build.rs, which packs the bundled catalog.

use crate::model::{Role, RoleHead};

/// The heads of `roles` and their concatenated encodings.
pub fn pack(roles: &[Role]) -> Result<(Vec<RoleHead>, Vec<u8>), postcard::Error> {
    let mut bodies = Vec::new();
    let mut heads = Vec::with_capacity(roles.len());
    for role in roles {
        let start = bodies.len() as u64;
        bodies = postcard::to_extend(role, bodies)?;
        heads.push(RoleHead::of(role, (start, bodies.len() as u64)));
    }
    Ok((heads, bodies))
}

/// The role whose encoding `head` points at in `bodies`; `None` when the
/// range is out of bounds or does not decode to the role it names.
pub fn unpack(head: &RoleHead, bodies: &[u8]) -> Option<Role> {
    let (start, end) = head.body;
    let bytes = bodies.get(usize::try_from(start).ok()?..usize::try_from(end).ok()?)?;
    decode(head, bytes)
}

/// The role `head` names from its encoding alone.
pub fn decode(head: &RoleHead, bytes: &[u8]) -> Option<Role> {
    let role: Role = postcard::from_bytes(bytes).ok()?;
    (role.id == head.id).then_some(role)
}
