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
use crate::searchable::official::{has_words, Kind, Stored, TextKind, Words};
use crate::searchable::SearchField;

static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/official-search.bin"));

/// The index compiled in; `None` if it does not parse (a bug in the
/// build, reported as no official hits rather than a panic).
fn stored() -> Option<Stored<'static>> {
    Stored::parse(INDEX)
}

/// The best text of one field in one occupation: its weighted score and
/// its place among the occupation's texts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Best {
    pub score: f64,
    /// The kind of the text (two kinds make the title field: the O*NET
    /// titles, beside the occupation's own).
    pub kind: TextKind,
    /// The text's ordinal among its block's texts of its kind, in
    /// [`profile_texts`]' order.
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

/// Scores every official text of the fields asked for: the words table
/// and the texts of those kinds only are decompressed, and each word is
/// scored on first sight.
pub fn score_all(searcher: &mut Searcher, fields: &[SearchField]) -> Scores {
    let official: Vec<SearchField> = fields
        .iter()
        .copied()
        .filter(|f| TextKind::ALL.iter().any(|k| k.field() == *f))
        .collect();
    let mut scores = Scores {
        fields: official,
        best: Vec::new(),
    };
    let kinds: Vec<TextKind> = TextKind::ALL
        .into_iter()
        .filter(|k| scores.fields.contains(&k.field()))
        .collect();
    let Some(stored) = stored().filter(|_| !kinds.is_empty()) else {
        return scores;
    };
    let Some(plain) = stored.words() else {
        return scores;
    };
    let Some(words) = Words::parse(&plain) else {
        return scores;
    };
    let mut memo = WordMemo::new(words);
    for kind in kinds {
        let Some(plain) = stored.kind(kind) else {
            continue;
        };
        let Some(texts) = Kind::parse(&plain) else {
            continue;
        };
        score_kind(searcher, &mut memo, &texts, kind, &mut scores);
    }
    scores
}

/// Where each word's scores are in the searcher and whether it matches
/// any query word, worked out on first sight.
struct WordMemo<'w> {
    words: Words<'w>,
    known: Vec<Option<(Option<usize>, bool)>>,
}

impl<'w> WordMemo<'w> {
    fn new(words: Words<'w>) -> WordMemo<'w> {
        WordMemo {
            known: vec![None; words.len()],
            words,
        }
    }

    fn get(&mut self, searcher: &mut Searcher, w: usize) -> (Option<usize>, bool) {
        if let Some(Some(k)) = self.known.get(w) {
            return *k;
        }
        let at = self.words.get(w).and_then(|word| searcher.score_word(word));
        let k = (at, at.is_some_and(|a| searcher.word_matches(a)));
        if let Some(slot) = self.known.get_mut(w) {
            *slot = Some(k);
        }
        k
    }
}

/// The best text of each block among the texts of one kind.
fn score_kind(
    searcher: &mut Searcher,
    memo: &mut WordMemo<'_>,
    texts: &Kind<'_>,
    kind: TextKind,
    scores: &mut Scores,
) {
    let n = scores.fields.len();
    let Some(f) = scores.fields.iter().position(|x| *x == kind.field()) else {
        return;
    };
    if scores.best.is_empty() {
        scores.best = vec![None; texts.block_count() * n];
    }
    let mut at: Vec<usize> = Vec::new();
    for block in 0..texts.block_count() {
        for (ordinal, ids) in texts.block(block).enumerate() {
            at.clear();
            let mut any = false;
            for w in ids.iter() {
                let (a, hit) = memo.get(searcher, w);
                any |= hit;
                at.extend(a);
            }
            if !any {
                continue;
            }
            let Some(s) = searcher.score_word_list(at.iter().copied()) else {
                continue;
            };
            let score = round3(s * weight(kind.field()));
            if let Some(slot) = scores.best.get_mut(block * n + f) {
                if slot.is_none_or(|b| score > b.score) {
                    *slot = Some(Best {
                        score,
                        ordinal,
                        kind,
                    });
                }
            }
        }
    }
}

/// The blocks whose texts are each entry's: an official occupation's
/// own; for a curated role, those of the SOC codes it stands for exactly
/// (their occupations are not listed apart, see
/// [`Catalog::entry_numbers`]). Built once per search, by entry number.
pub struct Blocks {
    curated: Vec<Vec<usize>>,
}

impl Blocks {
    pub fn of(catalog: &Catalog) -> Blocks {
        let curated = catalog
            .heads()
            .map(|h| {
                h.soc
                    .iter()
                    .filter(|(_, approximate)| !approximate)
                    .filter_map(|(code, _)| official::oews_index(code))
                    .collect()
            })
            .collect();
        Blocks { curated }
    }

    /// The blocks of entry `entry`.
    pub fn get(&self, catalog: &Catalog, entry: usize) -> Vec<usize> {
        match self.curated.get(entry) {
            Some(blocks) => blocks.clone(),
            None => catalog
                .occupations
                .occupation(entry - self.curated.len())
                .and_then(|o| official::oews_index(o.soc))
                .into_iter()
                .collect(),
        }
    }
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
        let stored = stored().expect("the index parses");
        let plain = stored.words().expect("the words decompress");
        let words = Words::parse(&plain).expect("the words parse");
        let kinds: Vec<Vec<u8>> = TextKind::ALL
            .iter()
            .map(|k| stored.kind(*k).expect("a kind decompresses"))
            .collect();
        let kinds: Vec<Kind> = kinds
            .iter()
            .map(|p| Kind::parse(p).expect("a kind parses"))
            .collect();
        let mut ranges = Vec::new();
        let mut texts = 0;
        for (block, soc) in official::oews_codes().enumerate() {
            let p = official::profile(soc).expect("profile");
            let want = profile_texts(&p);
            for (k, kind) in TextKind::ALL.iter().zip(&kinds) {
                let want: Vec<_> = want.iter().filter(|t| t.kind == *k).collect();
                let got: Vec<_> = kind.block(block).collect();
                assert_eq!(got.len(), want.len(), "{soc} {k:?}");
                for (t, ids) in want.iter().zip(got) {
                    split_words(t.text, &mut ranges);
                    let expected: Vec<&str> = ranges.iter().map(|r| &t.text[r.clone()]).collect();
                    let stored: Vec<&str> = ids.iter().filter_map(|w| words.get(w)).collect();
                    assert_eq!(stored, expected, "{soc}");
                }
                texts += want.len();
            }
        }
        assert_eq!(kinds[0].block_count(), official::oews_codes().len());
        // Titles, descriptions, 18,797 tasks, 45,961 alternate titles,
        // sample titles and technology of the OEWS occupations.
        assert!(texts > 75_000, "{texts}");
    }
}
