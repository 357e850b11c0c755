//! The names people type, resolved to catalog entries: the catalog's own
//! names through [`crate::resolve`], with the official occupations' title
//! index ([`crate::official::titles`]) as its [`Titles`]; the rule that
//! an occupation a curated role stands for is that role; and the note of
//! what a name was taken for ([`Taken`]), which `run` prints on stderr.

use super::Catalog;
use crate::error::{quoted, Error, Result};
use crate::model::{Role, RoleCore};
use crate::official::titles;
use crate::resolve::{self, Found, How, Resolution, Title, TitleBy, Titles};
use crate::validate::{is_kebab_id, is_soc_code, normalize_name};
use rustc_hash::FxHashMap;
use std::fmt;
use std::sync::Mutex;

/// A name careers took for an entry that is not one of the entry's exact
/// names: said on stderr, so that a guess is never silent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    /// What was typed.
    pub query: String,
    pub id: String,
    pub title: String,
    /// What of the entry's the query matched.
    pub why: String,
}

impl fmt::Display for Taken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "taking \"{}\" as {} ({}): {}",
            quoted(&self.query),
            quoted(&self.id),
            quoted(&self.title),
            self.why
        )
    }
}

/// The notes of the resolutions done so far.
#[derive(Debug, Default)]
pub(super) struct Notes(Mutex<Vec<Taken>>);

impl Notes {
    fn push(&self, taken: Taken) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(taken);
    }

    fn take(&self) -> Vec<Taken> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl Clone for Notes {
    fn clone(&self) -> Self {
        let notes = self.0.lock().unwrap_or_else(|e| e.into_inner()).clone();
        Notes(Mutex::new(notes))
    }
}

/// The official occupations' title index, with each occupation as the
/// catalog entry that stands for it.
struct TitleIndex<'c>(&'c Catalog);

impl TitleIndex<'_> {
    fn title(&self, m: titles::TitleMatch) -> Title {
        let mut entries: Vec<(usize, &'static str)> = Vec::new();
        for hit in &m.hits {
            for e in self.0.entries_of_soc(hit.soc) {
                if !entries.iter().any(|x| x.0 == e) {
                    entries.push((e, hit.kinds.describe()));
                }
            }
        }
        Title {
            spelling: m
                .spellings
                .first()
                .cloned()
                .unwrap_or_else(|| m.key.clone()),
            key: m.key,
            entries,
        }
    }
}

impl Titles for TitleIndex<'_> {
    fn exact(&self, normalized: &str) -> Option<Title> {
        titles::exact(normalized).map(|m| self.title(m))
    }

    fn with_words(&self, words: &[&str], limit: usize) -> Option<Vec<Title>> {
        let found = titles::with_words(words);
        if found.left() > limit {
            return None;
        }
        Some(found.map(|m| self.title(m)).collect())
    }

    fn correct(&self, query: &str) -> Option<String> {
        titles::corrected(query)
    }
}

impl Catalog {
    /// The role a person means by `query`, or an error listing the
    /// candidates or the closest roles.
    pub fn resolve(&self, query: &str) -> Result<&Role> {
        self.entry(self.resolve_entry(query)?)
    }

    /// As [`Catalog::resolve`], with a curated role's short facts alone
    /// ([`Catalog::cores`]).
    pub fn resolve_core(&self, query: &str) -> Result<&RoleCore> {
        self.entry_core(self.resolve_entry(query)?)
    }

    /// The entry number (as in [`Catalog::candidates`]) `query` names.
    pub fn resolve_index(&self, query: &str) -> Result<usize> {
        self.resolve_entry(query)
    }

    /// What the resolutions so far took names for (other than exact
    /// names), each once, in order; the list is emptied.
    pub fn take_notes(&self) -> Vec<Taken> {
        self.notes.take()
    }

    /// The curated roles that stand for official occupation `soc`: those
    /// linked to it exactly (not approximately); of several, the ones whose
    /// title is the occupation's (in the singular), when any is. Such an
    /// occupation is no entry of its own (`list --all` leaves it out), so
    /// its code, id and titles name the curated role.
    pub fn standing_for(&self, soc: &str) -> &[usize] {
        self.standing
            .get_or_init(|| self.find_standing())
            .get(soc)
            .map_or(&[], Vec::as_slice)
    }

    fn find_standing(&self) -> FxHashMap<String, Vec<usize>> {
        // Looked up for every occupation each time the names are listed:
        // a quick hash for short keys.
        let mut map: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, h) in self.heads().enumerate() {
            for (code, approximate) in &h.soc {
                if !approximate {
                    map.entry(code.clone()).or_default().push(i);
                }
            }
        }
        for (soc, roles) in map.iter_mut() {
            let Some(o) = crate::wages::occupation(soc) else {
                continue;
            };
            let same = resolve::singular(&normalize_name(o.title));
            let named: Vec<usize> = roles
                .iter()
                .copied()
                .filter(|i| {
                    self.slots
                        .get(*i)
                        .is_some_and(|s| resolve::singular(&normalize_name(&s.head.title)) == same)
                })
                .collect();
            if roles.len() > 1 && !named.is_empty() {
                *roles = named;
            }
        }
        map
    }

    /// The entries official occupation `soc` is: the curated roles that
    /// stand for it, or its own entry; nothing for a code careers does not
    /// have.
    pub fn entries_of_soc(&self, soc: &str) -> Vec<usize> {
        match self.standing_for(soc) {
            [] => self
                .occupations
                .position(soc)
                .map(|j| vec![self.slots.len() + j])
                .unwrap_or_default(),
            roles => roles.to_vec(),
        }
    }

    fn resolve_entry(&self, query: &str) -> Result<usize> {
        if normalize_name(query).is_empty() {
            return Err(Error::Usage(format!(
                "`{query}` is not a role name: give an id, title or alias (see `careers list`)"
            )));
        }
        // An exact id is what resolve() would find first, and no other
        // role may have it as a name (the validator rejects that); this
        // skips normalizing every name of a large catalog.
        if let Some(i) = self.slots.iter().position(|s| s.head.id == query) {
            return Ok(i);
        }
        if let Some(found) = self.occupation_by_code_or_id(query) {
            return found;
        }
        let candidates = self.candidates();
        let prepared = self.prepared.get_or_init(|| resolve::prepare(&candidates));
        match resolve::resolve_prepared(&candidates, prepared, &TitleIndex(self), query) {
            Resolution::Found(found) => {
                if let Some(why) = self.why(query, &found, &candidates) {
                    self.note(query, found.entry, why);
                }
                Ok(found.entry)
            }
            Resolution::Ambiguous(ids) => Err(self.ambiguous(query, ids)),
            Resolution::Unknown(ids) => Err(Error::UnknownRole {
                query: query.to_string(),
                suggestions: self.listed(ids),
            }),
        }
    }

    /// An official occupation's SOC code or id, typed exactly: its entry,
    /// or the curated role that stands for it (said in a note). Quicker
    /// than preparing every name.
    fn occupation_by_code_or_id(&self, query: &str) -> Option<Result<usize>> {
        let j = if is_soc_code(query) {
            self.occupations.position(query)?
        } else if is_kebab_id(query) {
            self.occupations.find(query)?
        } else {
            return None;
        };
        let o = self.occupations.occupation(j)?;
        Some(match self.standing_for(o.soc) {
            [] => Ok(self.slots.len() + j),
            [role] => {
                self.note(query, *role, stands_for(o));
                Ok(*role)
            }
            roles => Err(self.ambiguous(query, roles.to_vec())),
        })
    }

    /// Why `found` was taken, when it was not by one of its own exact
    /// names.
    fn why(
        &self,
        query: &str,
        found: &Found,
        candidates: &[resolve::Candidate<'_>],
    ) -> Option<String> {
        let name = |i: usize| candidates.get(i).map(|c| (c.name, c.tier));
        // Which of its names: its id or title say so; another (an alias,
        // the title of the occupation it stands for) is quoted.
        let which = |i: usize| -> Option<String> {
            let (n, _) = name(i)?;
            Some(if self.entry_title(found.entry) == Some(n) {
                "its title".to_string()
            } else if self.entry_id(found.entry).is_some_and(|id| id == n) {
                "its id".to_string()
            } else {
                format!("its name \"{}\"", quoted(n))
            })
        };
        let words = match normalize_name(query).split(' ').count() {
            1 => "a word",
            _ => "words",
        };
        self.how(&found.how, found.entry, words, &which, &name)
    }

    /// What [`Catalog::why`] says of `how`.
    fn how<'a>(
        &self,
        how: &How,
        entry: usize,
        words: &str,
        which: &dyn Fn(usize) -> Option<String>,
        name: &dyn Fn(usize) -> Option<(&'a str, u8)>,
    ) -> Option<String> {
        Some(match how {
            How::Corrected { query, how } => {
                let inner = self.how(how, entry, words, which, name);
                let read = format!("read as \"{}\"", quoted(query));
                match inner {
                    Some(inner) => format!("{read}, {inner}"),
                    None => read,
                }
            }
            How::Exact { name: i } => {
                let (n, tier) = name(*i)?;
                // An occupation's name on a curated role: it stands for it.
                if tier == 0 || entry >= self.slots.len() {
                    return None;
                }
                let o = self
                    .occupations
                    .iter()
                    .find(|o| o.soc == n || o.title == n)?;
                stands_for(o)
            }
            How::Acronym { name: i } => format!("the initials of {}", which(*i)?),
            How::Words { name: i } => format!("{words} of {}", which(*i)?),
            How::Fuzzy { name: i } => format!("closest to {}", which(*i)?),
            How::Title { spelling, kind, by } => match by {
                TitleBy::Exact => format!("its {kind} \"{}\"", quoted(spelling)),
                TitleBy::Acronym => {
                    format!("the acronym in its {kind} \"{}\"", quoted(spelling))
                }
                TitleBy::Words => format!(
                    "every title with those words is its own, such as its {kind} \"{}\"",
                    quoted(spelling)
                ),
            },
        })
    }

    fn note(&self, query: &str, entry: usize, why: String) {
        let (Some(id), Some(title)) = (self.entry_id(entry), self.entry_title(entry)) else {
            return;
        };
        self.notes.push(Taken {
            query: query.to_string(),
            id: id.into_owned(),
            title: title.to_string(),
            why,
        });
    }

    /// Several entries fit `query`: curated first (in resolve's order),
    /// then occupations by national employment, largest first.
    fn ambiguous(&self, query: &str, mut ids: Vec<usize>) -> Error {
        ids.sort_by_key(|i| std::cmp::Reverse(self.employment(*i)));
        Error::AmbiguousRole {
            query: query.to_string(),
            candidates: self.listed(ids),
        }
    }

    /// Entries as (id, title) for a message.
    fn listed(&self, ids: Vec<usize>) -> Vec<(String, String)> {
        ids.into_iter()
            .filter_map(|i| {
                let id = self.entry_id(i)?.into_owned();
                Some((id, self.entry_title(i)?.to_string()))
            })
            .collect()
    }
}

/// Why a curated role was taken for an occupation's code, id or title.
fn stands_for(o: &crate::wages::Occupation) -> String {
    format!(
        "the curated role for SOC {} {} (its profile shows the occupation's official data)",
        o.soc, o.title
    )
}
