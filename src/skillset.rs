//! A role's skills and tools as sets, and the gap between two roles: the
//! one computation behind `compare`'s gap section and `path`'s steps.

use crate::model::Role;
use crate::validate::normalize_name;
use serde::Serialize;
use std::collections::BTreeMap;

/// Skills (technical, soft, skill map) keyed by normalized name, with the
/// first spelling seen.
pub fn skills_of(role: &Role) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut add = |s: &str| {
        out.entry(normalize_name(s))
            .or_insert_with(|| s.to_string());
    };
    for l in role.tech_skills.iter().chain(&role.soft_skills) {
        l.items.iter().for_each(|s| add(s));
    }
    for g in &role.skill_map {
        g.skills.iter().for_each(|s| add(s));
    }
    out
}

/// Tools (names and vendor examples) keyed by normalized name.
pub fn tools_of(role: &Role) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for g in &role.tech_stack {
        for t in &g.tools {
            out.entry(normalize_name(&t.name))
                .or_insert_with(|| t.name.clone());
            for e in &t.examples {
                out.entry(normalize_name(e)).or_insert_with(|| e.clone());
            }
        }
    }
    out
}

/// What changes going from one role to another.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Gap {
    /// Skills the target lists that the source does not.
    pub skills_to_gain: Vec<String>,
    /// Skills both list.
    pub skills_shared: Vec<String>,
    /// Whether both roles list any skills at all; without them the gap is
    /// unknown rather than empty.
    pub known: bool,
}

/// The skill gap from `from` to `to`, in the target's spelling, sorted.
pub fn gap(from: &Role, to: &Role) -> Gap {
    let have = skills_of(from);
    let want = skills_of(to);
    Gap {
        skills_to_gain: want
            .iter()
            .filter(|(k, _)| !have.contains_key(*k))
            .map(|(_, v)| v.clone())
            .collect(),
        skills_shared: want
            .iter()
            .filter(|(k, _)| have.contains_key(*k))
            .map(|(_, v)| v.clone())
            .collect(),
        known: !have.is_empty() && !want.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Family, List};

    fn role(id: &str, skills: &[&str]) -> Role {
        let mut r: Role = toml::from_str(&format!(
            "id = \"{id}\"\ntitle = \"{id}\"\nfamily = {{ name = \"x\", source = \"s\" }}\n"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        r.family = Family {
            name: "x".into(),
            source: "s".into(),
        };
        r.soft_skills = vec![List {
            source: "s".into(),
            items: skills.iter().map(|s| s.to_string()).collect(),
        }];
        r
    }

    #[test]
    fn gap_is_target_minus_source_ignoring_case_and_punctuation() {
        let a = role("a", &["Active listening", "Empathy"]);
        let b = role("b", &["active-listening", "Leadership", "Budgeting"]);
        let g = gap(&a, &b);
        assert_eq!(g.skills_to_gain, vec!["Budgeting", "Leadership"]);
        assert_eq!(g.skills_shared, vec!["active-listening"]);
        assert!(g.known);
    }

    #[test]
    fn a_role_without_skills_makes_the_gap_unknown() {
        let a = role("a", &[]);
        let b = role("b", &["Leadership"]);
        assert!(!gap(&a, &b).known);
    }
}
