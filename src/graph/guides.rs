//! What the guides say leads from a role to another: its ladders, moves
//! and related roles, borrowed either from a decoded role (user data) or
//! from the table build/routes.rs makes of the bundled roles, so that
//! building the graph decodes no bundled role.

use crate::model::{MoveKind, Role};

mod data {
    use super::{GuideLadder, GuideMove, GuideRelated, GuideRole, GuideTier};
    use crate::model::MoveKind;
    include!(concat!(env!("OUT_DIR"), "/guide_links.rs"));
}

/// A bundled role's links, as the build wrote them.
pub struct GuideRole {
    pub id: &'static str,
    pub ladders: &'static [GuideLadder],
    pub moves: &'static [GuideMove],
    pub related: &'static [GuideRelated],
}

pub struct GuideLadder {
    pub source: &'static str,
    pub tiers: &'static [GuideTier],
}

pub struct GuideTier {
    pub title: &'static str,
    pub role: Option<&'static str>,
    pub min_years: Option<u32>,
}

pub struct GuideMove {
    pub source: &'static str,
    pub to: &'static str,
    pub role: Option<&'static str>,
    pub kind: MoveKind,
    pub min_years: Option<u32>,
    pub max_years: Option<u32>,
}

pub struct GuideRelated {
    pub source: &'static str,
    pub title: &'static str,
    pub role: Option<&'static str>,
}

/// A ladder tier as [`Links`] holds it: title, role, the year it starts
/// (when the source says).
pub type Tier<'c> = (&'c str, Option<&'c str>, Option<u32>);

/// One role's links, borrowed.
pub struct Links<'c> {
    pub id: &'c str,
    /// Each ladder: its source and its tiers.
    pub ladders: Vec<(&'c str, Vec<Tier<'c>>)>,
    /// (source, destination as named, role, kind, min years, max years).
    pub moves: Vec<Move<'c>>,
    /// (source, title, role).
    pub related: Vec<(&'c str, &'c str, Option<&'c str>)>,
}

/// A move as [`Links`] holds it.
pub struct Move<'c> {
    pub source: &'c str,
    pub to: &'c str,
    pub role: Option<&'c str>,
    pub kind: MoveKind,
    pub min_years: Option<u32>,
    pub max_years: Option<u32>,
}

impl<'c> Links<'c> {
    pub fn of_role(r: &'c Role) -> Links<'c> {
        Links {
            id: &r.id,
            ladders: r
                .ladder
                .iter()
                .map(|l| {
                    let tiers = l
                        .tiers
                        .iter()
                        .map(|t| (t.title.as_str(), t.role.as_deref(), t.min_years))
                        .collect();
                    (l.source.as_str(), tiers)
                })
                .collect(),
            moves: r
                .moves
                .iter()
                .map(|m| Move {
                    source: &m.source,
                    to: &m.to,
                    role: m.role.as_deref(),
                    kind: m.kind,
                    min_years: m.min_years,
                    max_years: m.max_years,
                })
                .collect(),
            related: r
                .related
                .iter()
                .map(|x| (x.source.as_str(), x.title.as_str(), x.role.as_deref()))
                .collect(),
        }
    }

    fn of_bundled(g: &'static GuideRole) -> Links<'static> {
        Links {
            id: g.id,
            ladders: g
                .ladders
                .iter()
                .map(|l| {
                    let tiers = l
                        .tiers
                        .iter()
                        .map(|t| (t.title, t.role, t.min_years))
                        .collect();
                    (l.source, tiers)
                })
                .collect(),
            moves: g
                .moves
                .iter()
                .map(|m| Move {
                    source: m.source,
                    to: m.to,
                    role: m.role,
                    kind: m.kind,
                    min_years: m.min_years,
                    max_years: m.max_years,
                })
                .collect(),
            related: g
                .related
                .iter()
                .map(|x| (x.source, x.title, x.role))
                .collect(),
        }
    }

    /// The ladder of a ladder file (user data): links with no role, under
    /// the file's id.
    pub fn of_ladder_file(l: crate::catalog::LadderRef<'c>) -> Links<'c> {
        let tiers = l
            .ladder
            .tiers
            .iter()
            .map(|t| (t.title.as_str(), t.role.as_deref(), t.min_years))
            .collect();
        Links {
            id: l.file_id().or(l.owner()).unwrap_or_default(),
            ladders: vec![(l.ladder.source.as_str(), tiers)],
            moves: Vec::new(),
            related: Vec::new(),
        }
    }

    /// The links of the bundled role with this id, from the build's table.
    pub fn bundled(id: &str) -> Option<Links<'static>> {
        let i = data::GUIDES.binary_search_by(|g| g.id.cmp(id)).ok()?;
        data::GUIDES.get(i).map(Links::of_bundled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn the_table_is_what_the_bundled_roles_say() {
        let catalog = Catalog::bundled().expect("bundled");
        let mut n = 0;
        for role in catalog.roles() {
            let role = role.expect("decodes");
            let built = Links::bundled(&role.id).expect("in the table");
            let decoded = Links::of_role(role);
            assert_eq!(built.id, decoded.id);
            assert_eq!(built.ladders, decoded.ladders, "{}", role.id);
            assert_eq!(built.related, decoded.related, "{}", role.id);
            let m = |l: &Links<'_>| -> Vec<String> {
                l.moves
                    .iter()
                    .map(|m| {
                        format!(
                            "{} {} {:?} {:?} {:?} {:?}",
                            m.source, m.to, m.role, m.kind, m.min_years, m.max_years
                        )
                    })
                    .collect()
            };
            assert_eq!(m(&built), m(&decoded), "{}", role.id);
            n += 1;
        }
        assert_eq!(n, data::GUIDES.len());
    }
}
