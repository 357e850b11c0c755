//! Roles encoded one by one (postcard), each found through its
//! [`RoleHead`], so that a command decodes only the roles it uses: `show`
//! one role of the bundle, `search` none of a 10,000-role cache but the
//! hits it prints. Shared with build.rs, which packs the bundled catalog.

use crate::model::{Role, RoleHead};

/// The heads of `roles` and their concatenated encodings; with `cores`,
/// each role's short facts ([`core_of`]) are encoded separately too.
pub fn pack(roles: &[Role], cores: bool) -> Result<(Vec<RoleHead>, Vec<u8>), postcard::Error> {
    let mut bodies = Vec::new();
    let mut heads = Vec::with_capacity(roles.len());
    for role in roles {
        let start = bodies.len() as u64;
        bodies = postcard::to_extend(role, bodies)?;
        let body = (start, bodies.len() as u64);
        let mut core = (body.1, body.1);
        if cores {
            bodies = postcard::to_extend(&core_of(role), bodies)?;
            core.1 = bodies.len() as u64;
        }
        heads.push(RoleHead::of(role, body, core));
    }
    Ok((heads, bodies))
}

/// A role with its short facts alone: names, family, pay, outlook,
/// ladders and SOC links, what `ladder`, `list` and `salary` show. The
/// rest (prose, duties, skills, tools, moves, advice...) is left empty:
/// most of a full profile's size, and of its decoding time.
pub fn core_of(role: &Role) -> Role {
    Role {
        id: role.id.clone(),
        title: role.title.clone(),
        family: role.family.clone(),
        aliases: role.aliases.clone(),
        salary: role.salary.clone(),
        outlook: role.outlook.clone(),
        ladder: role.ladder.clone(),
        soc: role.soc.clone(),
        ..Role::default()
    }
}

/// The role whose encoding `range` (`head.body` or `head.core`) points at
/// in `bodies`; `None` when the range is out of bounds or does not decode
/// to the role `head` names.
pub fn unpack(head: &RoleHead, range: (u64, u64), bodies: &[u8]) -> Option<Role> {
    let (start, end) = range;
    let bytes = bodies.get(usize::try_from(start).ok()?..usize::try_from(end).ok()?)?;
    decode(head, bytes)
}

/// The role `head` names from its encoding alone.
pub fn decode(head: &RoleHead, bytes: &[u8]) -> Option<Role> {
    let role: Role = postcard::from_bytes(bytes).ok()?;
    (role.id == head.id).then_some(role)
}
