//! What `careers search` looks at in a role: the searchable fields, the
//! texts of each, and an index of those texts for large catalogs.
//!
//! The index is built once, when a user catalog is cached: every distinct
//! text once, and for each role the ids of its texts field by field. A
//! search then scores each distinct text once, without decoding any role
//! (10,000 generated roles have about 400,000 searchable texts but only
//! tens of thousands of distinct ones: skills and tools repeat).

use crate::model::Role;
use clap::ValueEnum;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ValueEnum)]
pub enum SearchField {
    Title,
    Alias,
    Skills,
    Tools,
    Responsibilities,
}

/// Every field, in the order hits of equal score are listed.
pub const ALL_FIELDS: [SearchField; 5] = [
    SearchField::Title,
    SearchField::Alias,
    SearchField::Skills,
    SearchField::Tools,
    SearchField::Responsibilities,
];

/// A text to search, with what the output says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text<'a> {
    pub text: &'a str,
    /// Where the text sits: the tool category of a vendor example, the
    /// skill-map group or "technical skills"/"soft skills" of a skill.
    pub context: Option<&'a str>,
    /// The source it comes from; none for a role's title.
    pub source: Option<&'a str>,
}

/// Every text of `field` in `role`, in a fixed order (the index stores
/// positions in it).
pub fn texts(role: &Role, field: SearchField) -> Vec<Text<'_>> {
    let t = |text, context, source| Text {
        text,
        context,
        source,
    };
    match field {
        SearchField::Title => vec![t(role.title.as_str(), None, None)],
        SearchField::Alias => role
            .aliases
            .iter()
            .map(|a| t(&a.name, None, Some(&a.source)))
            .collect(),
        SearchField::Skills => {
            let mut out = Vec::new();
            for l in &role.tech_skills {
                out.extend(
                    l.items
                        .iter()
                        .map(|i| t(i, Some("technical skills"), Some(&l.source))),
                );
            }
            for l in &role.soft_skills {
                out.extend(
                    l.items
                        .iter()
                        .map(|i| t(i, Some("soft skills"), Some(&l.source))),
                );
            }
            for g in &role.skill_map {
                out.extend(
                    g.skills
                        .iter()
                        .map(|i| t(i, Some(g.name.as_str()), Some(&g.source))),
                );
            }
            out
        }
        SearchField::Tools => {
            let mut out = Vec::new();
            for g in &role.tech_stack {
                for tool in &g.tools {
                    out.push(t(&tool.name, None, Some(&g.source)));
                    out.extend(
                        tool.examples
                            .iter()
                            .map(|e| t(e, Some(tool.name.as_str()), Some(&g.source))),
                    );
                }
            }
            out
        }
        SearchField::Responsibilities => role
            .responsibilities
            .iter()
            .flat_map(|l| l.items.iter().map(|i| t(i, None, Some(&l.source))))
            .collect(),
    }
}

/// The searchable texts of many roles, each distinct text stored once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Every distinct text.
    pub texts: Vec<String>,
    /// For each role, for each field of [`ALL_FIELDS`] in turn: how many
    /// texts, then their ids in `texts`, in [`texts`]' order.
    lists: Vec<u32>,
    /// Where each role's part of `lists` starts; one more than roles.
    starts: Vec<u32>,
}

impl SearchIndex {
    /// The index of `roles`, or `None` past four billion texts.
    pub fn build(roles: &[Role]) -> Option<SearchIndex> {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut index = SearchIndex::default();
        for role in roles {
            index.starts.push(u32::try_from(index.lists.len()).ok()?);
            for field in ALL_FIELDS {
                let all = texts(role, field);
                index.lists.push(u32::try_from(all.len()).ok()?);
                for t in all {
                    let next = u32::try_from(index.texts.len()).ok()?;
                    let id = *ids.entry(t.text).or_insert(next);
                    if id == next {
                        index.texts.push(t.text.to_string());
                    }
                    index.lists.push(id);
                }
            }
        }
        index.starts.push(u32::try_from(index.lists.len()).ok()?);
        Some(index)
    }

    /// How many roles the index covers.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text ids of `field` in role `role`; empty when out of range.
    pub fn field(&self, role: usize, field: SearchField) -> &[u32] {
        let (Some(&start), Some(&end)) = (self.starts.get(role), self.starts.get(role + 1)) else {
            return &[];
        };
        let Some(mut rest) = self.lists.get(start as usize..end as usize) else {
            return &[];
        };
        for f in ALL_FIELDS {
            let Some((&n, tail)) = rest.split_first() else {
                return &[];
            };
            let n = (n as usize).min(tail.len());
            if f == field {
                return &tail[..n];
            }
            rest = &tail[n..];
        }
        &[]
    }

    /// Whether every id points at a text: a cache that decodes but does
    /// not hold together is not used.
    pub fn is_consistent(&self, roles: usize) -> bool {
        let n = self.texts.len() as u64;
        self.len() == roles
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self
                .starts
                .last()
                .is_some_and(|&e| e as usize == self.lists.len())
            && (0..roles).all(|r| {
                ALL_FIELDS
                    .iter()
                    .all(|&f| self.field(r, f).iter().all(|&id| u64::from(id) < n))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles() -> Vec<Role> {
        crate::catalog::Catalog::bundled()
            .expect("bundled catalog")
            .roles()
            .cloned()
            .collect()
    }

    #[test]
    fn index_gives_back_every_field_of_every_role() {
        let roles = roles();
        let index = SearchIndex::build(&roles).expect("builds");
        assert!(index.is_consistent(roles.len()));
        for (i, role) in roles.iter().enumerate() {
            for f in ALL_FIELDS {
                let want: Vec<&str> = texts(role, f).iter().map(|t| t.text).collect();
                let got: Vec<&str> = index
                    .field(i, f)
                    .iter()
                    .map(|&id| index.texts[id as usize].as_str())
                    .collect();
                assert_eq!(got, want, "{} {f:?}", role.id);
            }
        }
        let total: usize = roles
            .iter()
            .flat_map(|r| ALL_FIELDS.map(|f| texts(r, f).len()))
            .sum();
        assert!(index.texts.len() < total, "shared texts are stored once");
    }

    #[test]
    fn out_of_range_is_empty() {
        let index = SearchIndex::build(&roles()).expect("builds");
        assert!(index.field(index.len(), SearchField::Title).is_empty());
        assert!(!index.is_consistent(index.len() + 1));
    }
}
