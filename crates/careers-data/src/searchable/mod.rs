//! What `careers search` looks at in a role: the searchable fields, the
//! texts of each, and an index of those texts for large catalogs.
//!
//! The index is built once, when a user catalog is cached: every distinct
//! word once, every distinct text once as a list of word numbers, and for
//! each role the numbers of its texts field by field. A search then scores
//! each distinct word once and each distinct text once from its words'
//! scores, without decoding any role. 10,000 generated roles have 277,000
//! searchable texts, 30,283 distinct ones, made of far fewer distinct
//! words.

pub mod official;

use crate::model::Role;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A field of a role that search looks at (`--in`; the command-line
/// names are in `cli.rs`). The first five are a role's own texts; the
/// others the official texts of an occupation ([`official`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SearchField {
    Title,
    Alias,
    Skills,
    Tools,
    Responsibilities,
    /// O*NET occupation descriptions.
    Description,
    /// O*NET task statements.
    Tasks,
    /// O*NET alternate titles.
    AlternateTitles,
    /// BLS sample job titles.
    SampleTitles,
    /// O*NET hot technologies.
    Technology,
}

/// Every field, in the order hits of equal score are listed.
pub const ALL_FIELDS: [SearchField; 10] = [
    SearchField::Title,
    SearchField::Alias,
    SearchField::AlternateTitles,
    SearchField::SampleTitles,
    SearchField::Skills,
    SearchField::Tools,
    SearchField::Technology,
    SearchField::Responsibilities,
    SearchField::Tasks,
    SearchField::Description,
];

/// The fields of a role's own texts, in the order [`SearchIndex`] stores
/// them (the user-data cache holds that index: this order is its format).
pub const ROLE_FIELDS: [SearchField; 5] = [
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

/// The texts of a name field (title or aliases) from a role's short facts,
/// as [`texts`] gives them; nothing for the other fields.
pub fn name_texts(role: &crate::model::RoleCore, field: SearchField) -> Vec<Text<'_>> {
    match field {
        SearchField::Title => vec![Text {
            text: role.title.as_str(),
            context: None,
            source: None,
        }],
        SearchField::Alias => role
            .aliases
            .iter()
            .map(|a| Text {
                text: &a.name,
                context: None,
                source: Some(&a.source),
            })
            .collect(),
        _ => Vec::new(),
    }
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
        // The official texts are in their own index.
        SearchField::Description
        | SearchField::Tasks
        | SearchField::AlternateTitles
        | SearchField::SampleTitles
        | SearchField::Technology => Vec::new(),
    }
}

/// The words of `text` as byte ranges, into `out`: maximal runs of
/// letters and digits.
pub fn split_words(text: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    let mut start = None;
    if text.is_ascii() {
        for (i, b) in text.bytes().enumerate() {
            match (b.is_ascii_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(st)) => {
                    out.push(st..i);
                    start = None;
                }
                _ => {}
            }
        }
    } else {
        for (i, c) in text.char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(st)) => {
                    out.push(st..i);
                    start = None;
                }
                _ => {}
            }
        }
    }
    if let Some(st) = start {
        out.push(st..text.len());
    }
}

/// The searchable texts of many roles, each distinct text stored once, as
/// the numbers of its words in a table of distinct words. The number
/// arrays are little-endian `u32`s ([`U32s`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Every distinct word of the texts, as [`split_words`]
    /// finds them.
    pub words: Vec<String>,
    /// The words of each distinct text, by number in `words`.
    #[serde(with = "serde_bytes")]
    text_words: Vec<u8>,
    /// Where each text's part of `text_words` starts; one more than texts.
    #[serde(with = "serde_bytes")]
    text_starts: Vec<u8>,
    /// For each role, for each field of [`ROLE_FIELDS`] in turn: how many
    /// texts, then their numbers, in [`texts`]' order.
    #[serde(with = "serde_bytes")]
    lists: Vec<u8>,
    /// Where each role's part of `lists` starts; one more than roles.
    #[serde(with = "serde_bytes")]
    starts: Vec<u8>,
}

/// An array of little-endian `u32`s in bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct U32s<'a>(&'a [u8]);

impl<'a> U32s<'a> {
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<u32> {
        let b = self
            .0
            .get(i.checked_mul(4)?..i.checked_mul(4)?.checked_add(4)?)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Elements `start..end`, or `None` when out of range.
    pub fn slice(&self, start: usize, end: usize) -> Option<U32s<'a>> {
        Some(U32s(
            self.0.get(start.checked_mul(4)?..end.checked_mul(4)?)?,
        ))
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = u32> + 'a {
        self.0
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// Appends `v` to a [`U32s`] array, or `None` past four billion.
fn push(out: &mut Vec<u8>, v: usize) -> Option<()> {
    out.extend_from_slice(&u32::try_from(v).ok()?.to_le_bytes());
    Some(())
}

impl SearchIndex {
    /// The index of `roles`, or `None` past four billion texts.
    pub fn build(roles: &[Role]) -> Option<SearchIndex> {
        let mut text_ids: FxHashMap<&str, usize> = FxHashMap::default();
        let mut word_ids: FxHashMap<&str, usize> = FxHashMap::default();
        let mut ranges = Vec::new();
        let mut index = SearchIndex::default();
        push(&mut index.text_starts, 0)?;
        for role in roles {
            push(&mut index.starts, index.lists.len() / 4)?;
            for field in ROLE_FIELDS {
                let all = texts(role, field);
                push(&mut index.lists, all.len())?;
                for t in all {
                    let next = text_ids.len();
                    let id = *text_ids.entry(t.text).or_insert(next);
                    if id == next {
                        split_words(t.text, &mut ranges);
                        for r in &ranges {
                            let word = t.text.get(r.clone())?;
                            let next = index.words.len();
                            let w = *word_ids.entry(word).or_insert(next);
                            if w == next {
                                index.words.push(word.to_string());
                            }
                            push(&mut index.text_words, w)?;
                        }
                        push(&mut index.text_starts, index.text_words.len() / 4)?;
                    }
                    push(&mut index.lists, id)?;
                }
            }
        }
        push(&mut index.starts, index.lists.len() / 4)?;
        Some(index)
    }

    /// How many roles the index covers.
    pub fn len(&self) -> usize {
        U32s(&self.starts).len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many distinct texts the index holds.
    pub fn text_count(&self) -> usize {
        U32s(&self.text_starts).len().saturating_sub(1)
    }

    /// The word numbers of text `text`; empty when out of range.
    pub fn text(&self, text: u32) -> U32s<'_> {
        let starts = U32s(&self.text_starts);
        let t = text as usize;
        let (Some(start), Some(end)) = (starts.get(t), starts.get(t + 1)) else {
            return U32s::default();
        };
        U32s(&self.text_words)
            .slice(start as usize, end as usize)
            .unwrap_or_default()
    }

    /// The text numbers of `field` in role `role`; empty when out of range.
    pub fn field(&self, role: usize, field: SearchField) -> U32s<'_> {
        let starts = U32s(&self.starts);
        let (Some(start), Some(end)) = (starts.get(role), starts.get(role + 1)) else {
            return U32s::default();
        };
        let Some(mut rest) = U32s(&self.lists).slice(start as usize, end as usize) else {
            return U32s::default();
        };
        for f in ROLE_FIELDS {
            let Some(n) = rest.get(0) else {
                return U32s::default();
            };
            let n = (n as usize).min(rest.len() - 1);
            let (Some(these), Some(tail)) = (rest.slice(1, 1 + n), rest.slice(1 + n, rest.len()))
            else {
                return U32s::default();
            };
            if f == field {
                return these;
            }
            rest = tail;
        }
        U32s::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles() -> Vec<Role> {
        crate::testdata::bundled_roles()
    }

    /// The text of text number `id`, rebuilt from its words.
    fn words_of(index: &SearchIndex, id: u32) -> Vec<&str> {
        index
            .text(id)
            .iter()
            .map(|w| index.words[w as usize].as_str())
            .collect()
    }

    #[test]
    fn index_gives_back_every_field_of_every_role() {
        let roles = roles();
        let index = SearchIndex::build(&roles).expect("builds");
        assert_eq!(index.len(), roles.len());
        let mut ranges = Vec::new();
        for (i, role) in roles.iter().enumerate() {
            for f in ALL_FIELDS {
                let want: Vec<Vec<&str>> = texts(role, f)
                    .iter()
                    .map(|t| {
                        split_words(t.text, &mut ranges);
                        ranges.iter().map(|r| &t.text[r.clone()]).collect()
                    })
                    .collect();
                let got: Vec<Vec<&str>> = index
                    .field(i, f)
                    .iter()
                    .map(|id| words_of(&index, id))
                    .collect();
                assert_eq!(got, want, "{} {f:?}", role.id);
            }
        }
        let total: usize = roles
            .iter()
            .flat_map(|r| ALL_FIELDS.map(|f| texts(r, f).len()))
            .sum();
        assert!(index.text_count() < total, "shared texts are stored once");
    }

    #[test]
    fn out_of_range_is_empty() {
        let index = SearchIndex::build(&roles()).expect("builds");
        assert!(index.field(index.len(), SearchField::Title).is_empty());
        assert!(index.text(u32::MAX).is_empty());
    }
}
