//! Searching the official occupations' texts (O*NET titles, descriptions,
//! tasks, alternate titles, technology; BLS sample titles) through the
//! index build.rs compiles in ([`crate::searchable::official`]): every
//! distinct word is scored once, then each text from its words' scores;
//! a text none of whose words matches is skipped at once. Only the
//! occupations shown are decompressed, to give the matched text.

use super::{round3, weight};
use crate::catalog::Catalog;
use crate::official::{self, OnetOccupation, Profile};
use crate::search::Searcher;
use crate::searchable::official::{has_words, OfficialIndex, TextKind};
use crate::searchable::SearchField;

static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/official-search.bin"));

/// The index compiled in, decompressed; `None` if it does not decode (a
/// bug in the build, reported as no official hits rather than a panic).
fn decompressed() -> Option<Vec<u8>> {
    crate::searchable::official::decompress(INDEX)
}

/// The best text of one field in one occupation: its weighted score and
/// its place among the occupation's texts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Best {
    pub score: f64,
    /// The text's ordinal in [`profile_texts`] of the block.
    pub ordinal: usize,
}

/// For each occupation (by block, as [`official::oews_codes`] numbers
/// them) and each field of `fields` (in that order), its best text.
pub struct Scores {
    fields: Vec<SearchField>,
    best: Vec<Option<Best>>,
}

impl Scores {
    /// The best text of `field` in block `block`.
    pub fn get(&self, block: usize, field: SearchField) -> Option<Best> {
        let f = self.fields.iter().position(|x| *x == field)?;
        *self.best.get(block * self.fields.len() + f)?
    }
}

/// Scores every official text of the fields asked for: one pass over the
/// index.
pub fn score_all(searcher: &mut Searcher, fields: &[SearchField]) -> Scores {
    let official: Vec<SearchField> = fields
        .iter()
        .copied()
        .filter(|f| TextKind::ALL.iter().any(|k| k.field() == *f))
        .collect();
    let plain = decompressed().filter(|_| !official.is_empty());
    let Some(index) = plain.as_deref().and_then(OfficialIndex::parse) else {
        return Scores {
            fields: official,
            best: Vec::new(),
        };
    };
    // Where each word's scores are, and whether it matches at all.
    let mut at: Vec<Option<usize>> = Vec::with_capacity(index.word_count());
    let mut hit: Vec<bool> = Vec::with_capacity(index.word_count());
    for w in 0..index.word_count() {
        let a = index.word(w).and_then(|w| searcher.score_word(w));
        hit.push(a.is_some_and(|a| searcher.word_matches(a)));
        at.push(a);
    }
    let n = official.len();
    let mut best: Vec<Option<Best>> = vec![None; index.block_count() * n];
    let mut words: Vec<usize> = Vec::new();
    for block in 0..index.block_count() {
        for (ordinal, (kind, ids)) in index.block(block).enumerate() {
            let Some(f) = official.iter().position(|x| *x == kind.field()) else {
                continue;
            };
            if !ids.iter().any(|w| hit.get(w).copied().unwrap_or(false)) {
                continue;
            }
            words.clear();
            words.extend(ids.iter().filter_map(|w| at.get(w).copied().flatten()));
            let Some(s) = searcher.score_word_list(words.iter().copied()) else {
                continue;
            };
            let score = round3(s * weight(kind.field()));
            let slot = &mut best[block * n + f];
            if slot.is_none_or(|b| score > b.score) {
                *slot = Some(Best { score, ordinal });
            }
        }
    }
    Scores {
        fields: official,
        best,
    }
}

/// The blocks whose texts are entry `entry`'s: an official occupation's
/// own; for a curated role, those of the SOC codes it stands for exactly
/// (their occupations are not listed apart, see
/// [`Catalog::entry_numbers`]).
pub fn blocks_of(catalog: &Catalog, entry: usize) -> Vec<usize> {
    let n = catalog.role_count();
    if entry >= n {
        return catalog
            .occupations
            .occupation(entry - n)
            .and_then(|o| official::oews_index(o.soc))
            .into_iter()
            .collect();
    }
    catalog
        .heads()
        .nth(entry)
        .map(|h| {
            h.soc
                .iter()
                .filter(|(_, approximate)| !approximate)
                .filter_map(|(code, _)| official::oews_index(code))
                .collect()
        })
        .unwrap_or_default()
}

/// One official text of an occupation, as search shows it.
#[derive(Debug, Clone)]
pub struct OfficialText<'p> {
    pub kind: TextKind,
    pub text: &'p str,
    /// The O*NET occupation it belongs to (none for a sample title).
    pub onet: Option<&'p OnetOccupation>,
    pub source: &'static str,
}

/// The texts of a profile in the index's order
/// ([`crate::searchable::official::block_texts`]).
pub fn profile_texts(p: &Profile) -> Vec<OfficialText<'_>> {
    fn add<'p>(
        out: &mut Vec<OfficialText<'p>>,
        kind: TextKind,
        text: &'p str,
        onet: Option<&'p OnetOccupation>,
        source: &'static str,
    ) {
        if has_words(text) {
            out.push(OfficialText {
                kind,
                text,
                onet,
                source,
            });
        }
    }
    let mut out = Vec::new();
    for o in &p.occupations {
        let release = o.description_source;
        add(&mut out, TextKind::OnetTitle, o.title, Some(o), release);
        add(
            &mut out,
            TextKind::Description,
            &o.description,
            Some(o),
            release,
        );
        for t in o.tasks.iter().flat_map(|t| &t.items) {
            let source = official::ONET_30_0_TASKS;
            add(&mut out, TextKind::Task, &t.statement, Some(o), source);
        }
        for a in o.alt_titles.iter().flat_map(|a| &a.items) {
            add(
                &mut out,
                TextKind::AltTitle,
                a,
                Some(o),
                official::ONET_29_1,
            );
        }
        for t in o.technology.iter().flat_map(|t| &t.items) {
            add(
                &mut out,
                TextKind::Technology,
                t,
                Some(o),
                official::ONET_29_1,
            );
        }
    }
    for s in p.sample_titles.iter().flat_map(|s| &s.items) {
        add(&mut out, TextKind::SampleTitle, s, None, official::BLS_EP);
    }
    out
}

/// Where an official text sits, for a hit's `context`: the SOC code when
/// the entry is a curated role (`SOC 43-4051`), and the O*NET occupation
/// when it is not the code's own (`O*NET 29-1141.01 Acute Care Nurses`).
pub fn context(t: &OfficialText<'_>, soc: &str, curated: bool) -> Option<String> {
    let specialty = t
        .onet
        .filter(|o| o.code.strip_suffix(".00") != Some(soc))
        .map(|o| format!("O*NET {} {}", o.code, o.title));
    match (curated, specialty) {
        (true, Some(s)) => Some(format!("SOC {soc}, {s}")),
        (true, None) => Some(format!("SOC {soc}")),
        (false, s) => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::searchable::split_words;

    /// The words of every text, as the index holds them and as a
    /// decoded profile gives them, for every occupation: the order the
    /// program follows to show a hit is the index's.
    #[test]
    fn the_index_holds_every_profile_text_in_order() {
        let plain = decompressed().expect("the index decompresses");
        let index = OfficialIndex::parse(&plain).expect("the index parses");
        assert_eq!(index.block_count(), official::oews_codes().len());
        let mut ranges = Vec::new();
        let mut texts = 0;
        for (block, soc) in official::oews_codes().enumerate() {
            let p = official::profile(soc).expect("profile");
            let want = profile_texts(&p);
            let got: Vec<_> = index.block(block).collect();
            assert_eq!(got.len(), want.len(), "{soc}");
            for (t, (kind, ids)) in want.iter().zip(got) {
                assert_eq!(t.kind, kind, "{soc}: {}", t.text);
                split_words(t.text, &mut ranges);
                let words: Vec<&str> = ranges.iter().map(|r| &t.text[r.clone()]).collect();
                let stored: Vec<&str> = ids.iter().filter_map(|w| index.word(w)).collect();
                assert_eq!(stored, words, "{soc}");
            }
            texts += want.len();
        }
        // Titles, descriptions, 18,797 tasks, 45,961 alternate titles,
        // sample titles and technology of the OEWS occupations.
        assert!(texts > 75_000, "{texts}");
    }
}
