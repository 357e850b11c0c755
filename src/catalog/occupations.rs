//! The official occupations (the 830 detailed SOC occupations of the BLS
//! wage tables) as catalog entries: each can be shown, searched, compared
//! and priced like a curated role. Their profiles are built on first use,
//! so a command that touches one occupation pays for one.

use crate::model::{Family, Role, RoleCore, SocLink};
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
            return self.position(code_or_id);
        }
        self.list
            .iter()
            .position(|o| is_slug_of(code_or_id, o.title))
    }

    /// The index of the occupation with this SOC code (the list is by code).
    pub fn position(&self, soc: &str) -> Option<usize> {
        self.list.binary_search_by(|o| o.soc.cmp(soc)).ok()
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

/// Whether `id` is [`slug`]`(title)`, without building the slug: a look-up
/// by id compares every title.
fn is_slug_of(id: &str, title: &str) -> bool {
    // Titles are ASCII; anything else takes the exact way.
    if !title.is_ascii() {
        return slug(title) == id;
    }
    let mut want = id.bytes();
    let mut gap = false;
    let mut started = false;
    for b in title.bytes() {
        if b.is_ascii_alphanumeric() {
            if gap && started && want.next() != Some(b'-') {
                return false;
            }
            if want.next() != Some(b.to_ascii_lowercase()) {
                return false;
            }
            gap = false;
            started = true;
        } else {
            gap = true;
        }
    }
    want.next().is_none()
}

/// The major group an occupation belongs to (`29-0000 Healthcare
/// Practitioners and Technical Occupations`).
fn major_group(soc: &str) -> Option<&'static Occupation> {
    wages::occupation(&format!("{}-0000", soc.get(..2)?))
}

/// The profile of an official occupation as a role: its title, group and
/// code. What careers knows about it comes from the official tables, which
/// `show` reads by the code (descriptions, tasks, skills, projections,
/// wages...); no guide says anything, so the role's own fields are empty.
fn profile(o: &Occupation) -> Role {
    let group = major_group(o.soc).map_or("Unclassified occupations", |g| g.title);
    Role {
        id: slug(o.title),
        title: o.title.to_string(),
        family: Family {
            name: group.to_string(),
            source: SOURCE_ID.to_string(),
        },
        soc: vec![SocLink {
            code: o.soc.to_string(),
            source: Some(SOURCE_ID.to_string()),
            reason: None,
            approximate: false,
        }],
        ..Role::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_found_without_building_every_slug() {
        let all = Occupations::new();
        for (j, o) in all.iter().enumerate() {
            assert!(is_slug_of(&slug(o.title), o.title), "{}", o.title);
            assert_eq!(all.find(&slug(o.title)), Some(j), "{}", o.title);
            assert_eq!(all.position(o.soc), Some(j));
        }
        assert!(is_slug_of("helpers-carpenters", "Helpers--Carpenters"));
        for (id, title) in [
            ("registered-nurse", "Registered Nurses"),
            ("registered-nursesx", "Registered Nurses"),
            ("registerednurses", "Registered Nurses"),
            ("-registered-nurses", "Registered Nurses"),
            ("", "Registered Nurses"),
        ] {
            assert!(!is_slug_of(id, title), "{id}");
        }
        assert_eq!(all.find("no-such-occupation"), None);
        assert_eq!(all.position("43-4050"), None);
    }
}
