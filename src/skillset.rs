//! A role's skills and tools as sets, and the gap between two roles: the
//! one computation behind `compare`'s gap section and `path`'s steps.

use crate::model::Role;
use crate::validate::normalize_name;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
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

/// A set of items that answers "is this item in it?" without comparing
/// the item with each member: compare and path ask that of every item of
/// one role against every other role, and a role with 100,000 skills
/// made a scan per item take minutes.
pub trait Membership {
    /// An item prepared for lookups.
    type Key;
    fn key(name: &str) -> Self::Key;
    fn of(keys: &[Self::Key]) -> Self;
    fn holds(&self, key: &Self::Key) -> bool;
}

/// Skills, looked up by [`SkillKey::same`]: one holds `k` when a member
/// has the same words as `k`, or all of `k`'s words, or only words of
/// `k`, or (for names without content words) the same normalized name.
///
/// "A member with all of `k`'s words" is found through the members with
/// `k`'s rarest word; "a member with only words of `k`" by looking up
/// each subset of `k`'s words or by counting, for each member, how many
/// of `k`'s words it has, whichever costs less. Near-linear for skill
/// names as people write them (a few words each); only names of dozens of
/// words that every member shares can make it slow again, and no
/// algorithm answers that kind of subset query fast in general.
#[derive(Debug, Default)]
pub struct SkillIndex {
    /// Word ids.
    words: HashMap<String, u32>,
    /// Each member's word ids, sorted, without repeats.
    sets: Vec<Vec<u32>>,
    /// The members having each word, by word id.
    having: Vec<Vec<u32>>,
    /// Every member's word set.
    exact: HashSet<Vec<u32>>,
    /// The normalized names of all members, and of those without words.
    wholes: HashSet<String>,
    wordless: HashSet<String>,
}

/// At most this many subsets of a skill's words are looked up one by one.
const MAX_SUBSETS: usize = 1 << 12;

impl SkillIndex {
    /// `key`'s words as ids, sorted, without repeats, and whether every
    /// one of them is a word of some member.
    fn ids(&self, key: &SkillKey) -> (Vec<u32>, bool) {
        let mut all = true;
        let mut ids: Vec<u32> = key
            .words
            .iter()
            .filter_map(|w| {
                let id = self.words.get(w).copied();
                all &= id.is_some();
                id
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        (ids, all)
    }

    /// Whether a member has every word of `ids` (all of them known).
    fn has_superset(&self, ids: &[u32]) -> bool {
        let Some(rarest) = ids.iter().min_by_key(|&&w| self.having[w as usize].len()) else {
            return false;
        };
        self.having[*rarest as usize].iter().any(|&m| {
            let set = &self.sets[m as usize];
            ids.iter().all(|w| set.binary_search(w).is_ok())
        })
    }

    /// Whether a member has only words among `ids` (and some word).
    fn has_subset(&self, ids: &[u32]) -> bool {
        let postings: usize = ids.iter().map(|&w| self.having[w as usize].len()).sum();
        let subsets = 1usize.checked_shl(ids.len() as u32).unwrap_or(usize::MAX);
        if subsets <= MAX_SUBSETS && subsets <= postings {
            // Every non-empty subset, as a sorted list of ids.
            return (1..subsets).any(|mask| {
                let subset: Vec<u32> = ids
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, &w)| w)
                    .collect();
                self.exact.contains(&subset)
            });
        }
        let mut counts: HashMap<u32, usize> = HashMap::default();
        ids.iter().any(|&w| {
            self.having[w as usize].iter().any(|&m| {
                let n = counts.entry(m).or_insert(0);
                *n += 1;
                *n == self.sets[m as usize].len()
            })
        })
    }
}

impl Membership for SkillIndex {
    type Key = SkillKey;

    fn key(name: &str) -> SkillKey {
        SkillKey::new(name)
    }

    fn of(keys: &[SkillKey]) -> SkillIndex {
        let mut index = SkillIndex::default();
        for (m, key) in keys.iter().enumerate() {
            index.wholes.insert(key.whole.clone());
            if key.words.is_empty() {
                index.wordless.insert(key.whole.clone());
            }
            let mut set: Vec<u32> = key
                .words
                .iter()
                .map(|w| {
                    let next = index.words.len() as u32;
                    *index.words.entry(w.clone()).or_insert(next)
                })
                .collect();
            set.sort_unstable();
            set.dedup();
            index.having.resize(index.words.len(), Vec::new());
            for &w in &set {
                index.having[w as usize].push(m as u32);
            }
            if !set.is_empty() {
                index.exact.insert(set.clone());
            }
            index.sets.push(set);
        }
        index
    }

    fn holds(&self, key: &SkillKey) -> bool {
        if key.words.is_empty() {
            return self.wholes.contains(&key.whole);
        }
        if self.wordless.contains(&key.whole) {
            return true;
        }
        let (ids, all_known) = self.ids(key);
        (all_known && self.has_superset(&ids)) || self.has_subset(&ids)
    }
}

/// Tools: the same tool only by normalized name.
#[derive(Debug, Default)]
pub struct ToolIndex(HashSet<String>);

impl Membership for ToolIndex {
    type Key = String;

    fn key(name: &str) -> String {
        normalize_name(name)
    }

    fn of(keys: &[String]) -> ToolIndex {
        ToolIndex(keys.iter().cloned().collect())
    }

    fn holds(&self, key: &String) -> bool {
        self.0.contains(key)
    }
}

/// The skill gap from `from` to `to`, in the target's spelling, sorted: a
/// target skill carries over when the source lists the same skill, even
/// worded differently (see [`same_skill`]).
pub fn gap(from: &Role, to: &Role) -> Gap {
    let have = skills_of(from);
    let want = skills_of(to);
    let have_keys: Vec<SkillKey> = have.values().map(|h| SkillKey::new(h)).collect();
    let have_index = SkillIndex::of(&have_keys);
    let (shared, to_gain): (Vec<_>, Vec<_>) = want
        .values()
        .cloned()
        .partition(|w| have_index.holds(&SkillKey::new(w)));
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

    proptest::proptest! {
        /// The index answers exactly as comparing with every member.
        #[test]
        fn the_index_agrees_with_comparing_each_pair(
            members in proptest::collection::vec("(a|b|c|d|the|skills|e f|g-h| ){0,5}", 0..12),
            asked in proptest::collection::vec("(a|b|c|d|the|skills|e f|x| ){0,6}", 0..12),
        ) {
            let keys: Vec<SkillKey> = members.iter().map(|m| SkillKey::new(m)).collect();
            let index = SkillIndex::of(&keys);
            for a in &asked {
                let k = SkillKey::new(a);
                proptest::prop_assert_eq!(
                    index.holds(&k),
                    keys.iter().any(|m| k.same(m)),
                    "{:?} in {:?}", a, members
                );
            }
        }
    }

    #[test]
    fn a_role_without_skills_makes_the_gap_unknown() {
        let a = role("a", &[]);
        let b = role("b", &["Leadership"]);
        assert!(!gap(&a, &b).known);
    }
}
