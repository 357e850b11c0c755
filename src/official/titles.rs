//! The title index, built by build/occupations.rs: every O*NET occupation
//! title, O*NET alternate title and BLS sample title of the 830 OEWS
//! occupations, normalized with [`crate::validate::normalize_name`]
//! (`Licensed Practical Nurse (LPN)` → `licensed practical nurse lpn`)
//! and mapped to every occupation it belongs to. Titles of occupations
//! careers does not have (military O*NET codes, the two EP-only codes) are
//! left out.
//!
//! The normalized titles are sorted and stored in compressed chunks of 64;
//! a lookup binary-searches the chunks' first titles (static data) and
//! decompresses one chunk. No linear scan, nothing decoded at start-up.
//!
//! No singular/plural folding: `cashier` and `cashiers` are different
//! keys. Resolution can try both forms.

use super::data;
use super::format::{self, TitleEntry, WordEntry};
use crate::validate::normalize_name;
use serde::Serialize;

/// What kind of title a hit is, as bit flags (several at once when the
/// same title is, say, both an O*NET alternate title and a BLS sample
/// title of the occupation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct TitleKinds(u8);

impl TitleKinds {
    /// The title of an O*NET-SOC occupation the crosswalk maps here
    /// (onet_occupations.tsv; O*NET 29.1 or 25.1).
    pub fn onet_title(self) -> bool {
        self.0 & 1 != 0
    }

    /// An O*NET alternate title (onet_alt_titles.tsv; O*NET 29.1).
    pub fn alt_title(self) -> bool {
        self.0 & 2 != 0
    }

    /// A BLS sample job title (sample_titles.tsv; BLS EP 2024–34).
    pub fn sample_title(self) -> bool {
        self.0 & 4 != 0
    }

    /// What kind of title it is, for people: "O*NET alternate title",
    /// "O*NET alternate title and BLS sample title"...
    pub fn describe(self) -> &'static str {
        match (self.onet_title(), self.alt_title(), self.sample_title()) {
            (true, false, false) => "O*NET occupation title",
            (false, true, false) => "O*NET alternate title",
            (true, true, false) => "O*NET occupation and alternate title",
            (false, false, true) => "BLS sample title",
            (true, false, true) => "O*NET occupation title and BLS sample title",
            (false, true, true) => "O*NET alternate title and BLS sample title",
            (true, true, true) => "O*NET occupation and alternate title and BLS sample title",
            (false, false, false) => "title",
        }
    }
}

/// One occupation a title belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TitleHit {
    /// The OEWS code.
    pub soc: &'static str,
    pub kinds: TitleKinds,
}

/// A normalized title and the occupations it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TitleMatch {
    /// The normalized title.
    pub key: String,
    /// The spellings it was found in (`Bank Teller`), in order of first
    /// sight: O*NET titles, then alternate titles, then sample titles.
    pub spellings: Vec<String>,
    /// By SOC code; never empty.
    pub hits: Vec<TitleHit>,
}

impl TitleMatch {
    /// The SOC codes alone.
    pub fn socs(&self) -> Vec<&'static str> {
        self.hits.iter().map(|h| h.soc).collect()
    }
}

/// How many normalized titles the index holds.
pub fn count() -> usize {
    data::TITLE_COUNT
}

/// The chunk of a sorted index that may hold `key`, by its first keys.
fn chunk_of(heads: &data::Strs, key: &str) -> Option<usize> {
    match heads.binary_search(key) {
        Ok(i) => Some(i),
        Err(0) => None,
        Err(i) => Some(i - 1),
    }
}

/// Chunk `i` with each entry's normalized title.
fn title_chunk(i: usize) -> Option<Vec<(String, TitleEntry)>> {
    let entries = format::decode_titles(&data::TITLE_FRAMES.get(i)?)?;
    Some(
        entries
            .into_iter()
            .map(|e| (normalize_name(&e.spellings[0]), e))
            .collect(),
    )
}

fn hit(i: usize) -> Option<TitleHit> {
    let b = data::HITS.get(2 * i..2 * i + 2)?;
    let v = u16::from_le_bytes([b[0], b[1]]);
    let block = usize::from(v & ((1 << data::HIT_KIND_SHIFT) - 1));
    Some(TitleHit {
        soc: data::OEWS.get(block)?,
        kinds: TitleKinds(u8::try_from(v >> data::HIT_KIND_SHIFT).ok()?),
    })
}

/// Entry `j` of chunk `i`, with its hits.
fn entry(i: usize, chunk: &[(String, TitleEntry)], j: usize) -> Option<TitleMatch> {
    let base = *data::TITLE_HIT_BASE.get(i)? as usize;
    let start = base
        + chunk
            .get(..j)?
            .iter()
            .map(|(_, e)| e.hits as usize)
            .sum::<usize>();
    let (key, e) = chunk.get(j)?;
    let hits = (start..start + e.hits as usize)
        .map(hit)
        .collect::<Option<Vec<_>>>()?;
    Some(TitleMatch {
        key: key.clone(),
        spellings: e.spellings.clone(),
        hits,
    })
}

/// The occupations whose titles normalize to exactly `normalized` (give
/// it already normalized: `bank teller`, `licensed practical nurse lpn`).
pub fn exact(normalized: &str) -> Option<TitleMatch> {
    let i = chunk_of(&data::TITLE_HEADS, normalized)?;
    let chunk = title_chunk(i)?;
    let j = chunk
        .binary_search_by(|(key, _)| key.as_str().cmp(normalized))
        .ok()?;
    entry(i, &chunk, j)
}

/// The shortest word [`closest_words`] corrects: shorter words are too
/// often another word with one letter changed (`cook`, `cool`).
const CORRECT_MIN_CHARS: usize = 4;

/// `normalized` (a name as [`crate::validate::normalize_name`] gives it)
/// with each word that is in no title replaced by the closest word that
/// is ([`closest_words`]); `None` when no word changed. The correction
/// role names and search both get.
pub fn corrected(normalized: &str) -> Option<String> {
    let typed: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    let fixes = closest_words(&typed);
    if fixes.iter().all(Option::is_none) {
        return None;
    }
    let words: Vec<&str> = typed
        .iter()
        .zip(&fixes)
        .map(|(w, c)| c.as_deref().unwrap_or(w))
        .collect();
    Some(words.join(" "))
}

/// For each of `words` (normalized), the word of the titles closest to it
/// when it is in no title: `softwre` → `software`, `enginer` →
/// `engineer`. One edit for a word of four or five letters, two for
/// longer words (Damerau–Levenshtein: a swap of two letters is one edit);
/// among equally close words, one with a letter the typed word left out,
/// then the one in most titles. `None` where a word is in the titles
/// already, is shorter than four letters, or nothing is that close.
/// Decompresses every word chunk once for all the words: for the path
/// where a name was not found.
pub fn closest_words(words: &[&str]) -> Vec<Option<String>> {
    // (edits, 0 for a longer word else 1, titles reversed, the word): the
    // fewest edits; then a letter left out, the commonest slip
    // (`electrican` is "electrician" rather than "electrical"); then the
    // word in most titles.
    type Best = Option<(usize, u8, std::cmp::Reverse<usize>, String)>;
    // (word, its length, the edits allowed) for the words to correct.
    let asked: Vec<Option<(&str, usize, usize)>> = words
        .iter()
        .map(|w| {
            let n = w.chars().count();
            (n >= CORRECT_MIN_CHARS && ordinals(w).is_empty()).then_some((
                *w,
                n,
                if n <= 5 { 1 } else { 2 },
            ))
        })
        .collect();
    let mut best: Vec<Best> = vec![None; words.len()];
    if asked.iter().all(Option::is_none) {
        return vec![None; words.len()];
    }
    for i in 0..data::WORD_FRAMES.len() {
        let Some(chunk) = data::WORD_FRAMES
            .get(i)
            .and_then(|b| format::decode_words(&b))
        else {
            continue;
        };
        for e in &chunk {
            let len = e.word.chars().count();
            for (slot, ask) in best.iter_mut().zip(&asked) {
                let Some((word, n, most)) = *ask else {
                    continue;
                };
                if len.abs_diff(n) > most {
                    continue;
                }
                let d = strsim::damerau_levenshtein(word, &e.word);
                if d > most {
                    continue;
                }
                let key = (d, u8::from(len <= n), std::cmp::Reverse(e.titles.len()));
                let better = slot.as_ref().is_none_or(|b| {
                    key < (b.0, b.1, b.2) || (key == (b.0, b.1, b.2) && e.word < b.3)
                });
                if better {
                    *slot = Some((key.0, key.1, key.2, e.word.clone()));
                }
            }
        }
    }
    best.into_iter().map(|b| b.map(|(_, _, _, w)| w)).collect()
}

/// The ordinals (positions in the sorted index) of the titles that
/// contain the normalized word `word` as a whole word, ascending.
fn ordinals(word: &str) -> Vec<u32> {
    let Some(i) = chunk_of(&data::WORD_HEADS, word) else {
        return Vec::new();
    };
    let Some(chunk) = data::WORD_FRAMES
        .get(i)
        .and_then(|b| format::decode_words(&b))
    else {
        return Vec::new();
    };
    chunk
        .into_iter()
        .find(|e: &WordEntry| e.word == word)
        .map(|e| e.titles)
        .unwrap_or_default()
}

/// The ordinals of the titles that contain every word of `words`: the
/// intersection of each word's (one word chunk decompressed per word).
fn ordinals_of_all(words: &[&str]) -> Vec<u32> {
    let mut words = words.iter();
    let Some(first) = words.next() else {
        return Vec::new();
    };
    let mut found = ordinals(first);
    for w in words {
        if found.is_empty() {
            break;
        }
        let next = ordinals(w);
        found.retain(|o| next.binary_search(o).is_ok());
    }
    found
}

/// How many titles contain `word` (normalized, one word) as a whole word;
/// decompresses one word chunk only.
pub fn containing_count(word: &str) -> usize {
    ordinals(word).len()
}

/// The titles that contain `word` (normalized, one word: `forklift`) as a
/// whole word, in normalized-title order, each with its occupations.
/// Title chunks are decompressed as the iterator reaches them, so
/// `.take(n)` pays for the first chunks only.
pub fn containing(word: &str) -> Containing {
    with_words(&[word])
}

/// As [`containing`], for the titles that contain every word of `words`
/// (normalized, each one word): `help desk` finds "Help Desk Analyst" and
/// "Computer Help Desk Specialist". How many there are is known before
/// any title is decompressed ([`Containing::left`]).
pub fn with_words(words: &[&str]) -> Containing {
    Containing {
        ordinals: ordinals_of_all(words).into_iter(),
        chunk: None,
    }
}

/// The iterator of [`containing`].
pub struct Containing {
    ordinals: std::vec::IntoIter<u32>,
    /// The last chunk decompressed, by number.
    chunk: Option<(usize, Vec<(String, TitleEntry)>)>,
}

impl Containing {
    /// How many titles are still to come (none decompressed yet).
    pub fn left(&self) -> usize {
        self.ordinals.len()
    }
}

impl Iterator for Containing {
    type Item = TitleMatch;

    fn next(&mut self) -> Option<TitleMatch> {
        loop {
            let ordinal = self.ordinals.next()? as usize;
            let (i, j) = (
                ordinal / data::TITLES_PER_CHUNK,
                ordinal % data::TITLES_PER_CHUNK,
            );
            if self.chunk.as_ref().is_none_or(|(have, _)| *have != i) {
                self.chunk = title_chunk(i).map(|c| (i, c));
            }
            // A chunk that fails to decode skips its titles.
            if let Some(found) = self.chunk.as_ref().and_then(|(_, c)| entry(i, c, j)) {
                return Some(found);
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.ordinals.len()))
    }
}
