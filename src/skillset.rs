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

/// Words that qualify a skill rather than name it.
const FILLER: &[&str] = &[
    "a",
    "an",
    "and",
    "the",
    "of",
    "with",
    "in",
    "for",
    "to",
    "or",
    "e",
    "g",
    "skill",
    "skills",
    "ability",
    "abilities",
    "strong",
    "excellent",
    "basic",
    "good",
    "great",
    "proficiency",
    "proficient",
    "knowledge",
    "familiarity",
    "experience",
    "using",
    "usage",
    "use",
];

/// The words that name a skill: normalized, without filler, singular.
fn content_words(skill: &str) -> Vec<String> {
    normalize_name(skill)
        .split(' ')
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .map(|w| {
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w.to_string()
            }
        })
        .collect()
}

/// Whether two skill names name the same skill: the same words, or all the
/// words of one within the other ("Conflict resolution" and "Conflict
/// resolution and de-escalation"; "CRM software" and "Proficiency with CRM
/// software").
pub fn same_skill(a: &str, b: &str) -> bool {
    SkillKey::new(a).same(&SkillKey::new(b))
}

/// A skill name prepared for [`same_skill`], so that comparing many pairs
/// normalizes each name once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillKey {
    words: Vec<String>,
    /// The whole name normalized, for names with no content words.
    whole: String,
}

impl SkillKey {
    pub fn new(name: &str) -> SkillKey {
        SkillKey {
            words: content_words(name),
            whole: normalize_name(name),
        }
    }

    /// Whether the two name the same skill, as [`same_skill`].
    pub fn same(&self, other: &SkillKey) -> bool {
        let (wa, wb) = (&self.words, &other.words);
        if wa.is_empty() || wb.is_empty() {
            return self.whole == other.whole;
        }
        wa.iter().all(|w| wb.contains(w)) || wb.iter().all(|w| wa.contains(w))
    }
}

/// The skill gap from `from` to `to`, in the target's spelling, sorted: a
/// target skill carries over when the source lists the same skill, even
/// worded differently (see [`same_skill`]).
pub fn gap(from: &Role, to: &Role) -> Gap {
    let have = skills_of(from);
    let want = skills_of(to);
    let have_keys: Vec<SkillKey> = have.values().map(|h| SkillKey::new(h)).collect();
    let (shared, to_gain): (Vec<_>, Vec<_>) = want.values().cloned().partition(|w| {
        let w = SkillKey::new(w);
        have_keys.iter().any(|h| w.same(h))
    });
    Gap {
        skills_to_gain: to_gain,
        skills_shared: shared,
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
    fn differently_worded_skills_carry_over() {
        assert!(same_skill(
            "Conflict resolution",
            "Conflict Resolution and De-escalation"
        ));
        assert!(same_skill(
            "CRM software usage (Salesforce, Zendesk)",
            "Proficiency with CRM software (Salesforce, Zendesk)"
        ));
        assert!(same_skill("Time Management", "time management"));
        assert!(!same_skill("Time management", "Stress management"));
        assert!(!same_skill("Data entry", "Data analysis"));
        let a = role("a", &["Conflict resolution and de-escalation", "Empathy"]);
        let b = role("b", &["Conflict resolution", "Budgeting"]);
        let g = gap(&a, &b);
        assert_eq!(g.skills_shared, vec!["Conflict resolution"]);
        assert_eq!(g.skills_to_gain, vec!["Budgeting"]);
    }

    #[test]
    fn a_role_without_skills_makes_the_gap_unknown() {
        let a = role("a", &[]);
        let b = role("b", &["Leadership"]);
        assert!(!gap(&a, &b).known);
    }
}
