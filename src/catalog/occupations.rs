//! The official occupations (the 830 detailed SOC occupations of the BLS
//! wage tables) as catalog entries: each can be shown, searched, compared
//! and priced like a curated role. Their profiles are built on first use,
//! so a command that touches one occupation pays for one.

use crate::model::{Family, Prose, Role, RoleCore, SocLink};
use crate::wages::{self, Occupation, SOURCE_ID};
use std::sync::OnceLock;

/// The detailed occupations and their lazily built profiles.
#[derive(Debug, Default)]
pub struct Occupations {
    list: Vec<&'static Occupation>,
    roles: Vec<OnceLock<Box<Role>>>,
    cores: Vec<OnceLock<Box<RoleCore>>>,
}

impl Clone for Occupations {
    fn clone(&self) -> Self {
        Occupations::new()
    }
}

impl Occupations {
    pub fn new() -> Occupations {
        let list: Vec<&'static Occupation> = wages::detailed_occupations().collect();
        let n = list.len();
        Occupations {
            roles: std::iter::repeat_with(OnceLock::new).take(n).collect(),
            cores: std::iter::repeat_with(OnceLock::new).take(n).collect(),
            list,
        }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn occupation(&self, i: usize) -> Option<&'static Occupation> {
        self.list.get(i).copied()
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static Occupation> + '_ {
        self.list.iter().copied()
    }

    /// The profile of occupation `i`, built on first use.
    pub fn role(&self, i: usize) -> Option<&Role> {
        let occ = self.list.get(i)?;
        Some(self.roles.get(i)?.get_or_init(|| Box::new(profile(occ))))
    }

    /// The short facts of occupation `i`.
    pub fn core(&self, i: usize) -> Option<&RoleCore> {
        let role = self.role(i)?;
        Some(
            self.cores
                .get(i)?
                .get_or_init(|| Box::new(RoleCore::of(role))),
        )
    }

    /// The index of the occupation with this SOC code or id.
    pub fn find(&self, code_or_id: &str) -> Option<usize> {
        if crate::validate::is_soc_code(code_or_id) {
            return self.list.iter().position(|o| o.soc == code_or_id);
        }
        self.list.iter().position(|o| slug(o.title) == code_or_id)
    }
}

/// The id of an occupation: its title in kebab-case (`registered-nurses`).
pub fn slug(title: &str) -> String {
    crate::names::occupation_id(title)
}

/// (SOC code, title) of every detailed occupation: the names user roles
/// may not take ([`crate::validate::Base::occupations`]).
pub fn names() -> Vec<(String, String)> {
    wages::detailed_occupations()
        .map(|o| (o.soc.to_string(), o.title.to_string()))
        .collect()
}

/// The major group an occupation belongs to (`29-0000 Healthcare
/// Practitioners and Technical Occupations`).
fn major_group(soc: &str) -> Option<&'static Occupation> {
    wages::occupation(&format!("{}-0000", soc.get(..2)?))
}

/// The profile of an official occupation: its title, group and code. All
/// it says comes from the BLS tables; the wages are looked up when shown.
fn profile(o: &Occupation) -> Role {
    let group = major_group(o.soc).map_or("Unclassified occupations", |g| g.title);
    Role {
        id: slug(o.title),
        title: o.title.to_string(),
        family: Family {
            name: group.to_string(),
            source: SOURCE_ID.to_string(),
        },
        summary: vec![Prose {
            source: SOURCE_ID.to_string(),
            paragraphs: vec![format!(
                "{}: detailed occupation {} of the Standard Occupational Classification, in the group {group}. \
                 careers has no curated profile for it; what it shows are the official wages and employment.",
                o.title, o.soc
            )],
        }],
        soc: vec![SocLink {
            code: o.soc.to_string(),
            source: Some(SOURCE_ID.to_string()),
            reason: None,
            approximate: false,
        }],
        ..Role::default()
    }
}
