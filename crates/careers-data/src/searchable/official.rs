//! The search index of the official occupations' texts: O*NET titles,
//! descriptions, task statements, alternate titles and technology, and
//! BLS sample titles, of each of the 830 OEWS occupations. Written by
//! `build/official_search.rs` as one zstd frame ([`decompress`]), read by
//! the program in place once decompressed: a search scores every distinct
//! word once, then walks the texts as word numbers, and decompresses the
//! blocks of the occupations it shows only.
//!
//! The layout, decompressed, all integers little-endian:
//!
//! ```text
//! "CSO1"
//! u32 words W, u32 blocks B, u32 word text bytes, u32 text stream bytes
//! u32 × (W + 1)   where each word starts in the word text
//! u32 × (B + 1)   where each block's texts start in the stream
//! word text       the distinct words, end to end (UTF-8)
//! text stream     per text: u8 kind, u8 word count n, n × u16 word
//! ```
//!
//! A block's texts are in the order of [`block_texts`], which the program
//! follows again on a decoded profile to show a hit's text.

use super::{split_words, SearchField};
use crate::official::format::RawBlock;
use std::collections::HashMap;

const MAGIC: &[u8; 4] = b"CSO1";
const HEADER: usize = 4 + 4 * 4;

/// The index as stored: its size decompressed (u32, little-endian), then
/// one zstd frame; `None` when `plain` is too large.
pub fn compress_with(
    plain: &[u8],
    compress: impl FnOnce(&[u8]) -> Option<Vec<u8>>,
) -> Option<Vec<u8>> {
    let mut out = u32::try_from(plain.len()).ok()?.to_le_bytes().to_vec();
    out.extend(compress(plain)?);
    Some(out)
}

/// The index stored in `stored` ([`compress_with`]), decompressed; `None`
/// when it does not decode to its stated size.
pub fn decompress(stored: &[u8]) -> Option<Vec<u8>> {
    let size = u32_at(stored.get(..4)?, 0)?;
    let mut out = Vec::with_capacity(size);
    ruzstd::decoding::FrameDecoder::new()
        .decode_all_to_vec(stored.get(4..)?, &mut out)
        .ok()?;
    (out.len() == size).then_some(out)
}

/// What an official text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextKind {
    /// The title of an O*NET occupation the OEWS code maps to.
    OnetTitle,
    Description,
    Task,
    AltTitle,
    Technology,
    /// A BLS sample job title.
    SampleTitle,
}

impl TextKind {
    pub const ALL: [TextKind; 6] = [
        TextKind::OnetTitle,
        TextKind::Description,
        TextKind::Task,
        TextKind::AltTitle,
        TextKind::Technology,
        TextKind::SampleTitle,
    ];

    /// The search field (`--in`) the text is searched as.
    pub fn field(self) -> SearchField {
        match self {
            TextKind::OnetTitle => SearchField::Title,
            TextKind::Description => SearchField::Description,
            TextKind::Task => SearchField::Tasks,
            TextKind::AltTitle => SearchField::AlternateTitles,
            TextKind::Technology => SearchField::Technology,
            TextKind::SampleTitle => SearchField::SampleTitles,
        }
    }

    fn code(self) -> u8 {
        TextKind::ALL.iter().position(|k| *k == self).unwrap_or(0) as u8
    }
}

/// The texts of one OEWS occupation's block, in index order: for each
/// O*NET occupation (in the block's order) its title, description, tasks,
/// alternate titles and technology; then the BLS sample titles. Texts
/// without a word (by [`split_words`]) are left out. `title_of` gives an
/// O*NET occupation's title by its number.
pub fn block_texts<'a>(
    b: &'a RawBlock,
    title_of: &dyn Fn(u16) -> Option<&'a str>,
) -> Vec<(TextKind, &'a str)> {
    let mut out: Vec<(TextKind, &'a str)> = Vec::new();
    for o in &b.onet {
        out.extend(title_of(o.onet).map(|t| (TextKind::OnetTitle, t)));
        out.push((TextKind::Description, o.description.as_str()));
        out.extend(
            o.tasks
                .iter()
                .map(|t| (TextKind::Task, t.statement.as_str())),
        );
        out.extend(
            o.alt_titles
                .iter()
                .map(|t| (TextKind::AltTitle, t.as_str())),
        );
        out.extend(
            o.technology
                .iter()
                .map(|t| (TextKind::Technology, t.as_str())),
        );
    }
    out.extend(
        b.sample_titles
            .iter()
            .map(|t| (TextKind::SampleTitle, t.as_str())),
    );
    out.retain(|(_, t)| has_words(t));
    out
}

/// Whether `text` has a word to search.
pub fn has_words(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

fn push_u32(out: &mut Vec<u8>, v: usize) -> Result<(), String> {
    let v = u32::try_from(v).map_err(|_| format!("{v} does not fit the index (u32)"))?;
    out.extend_from_slice(&v.to_le_bytes());
    Ok(())
}

/// The index of `blocks` (each block's texts, as [`block_texts`] gives
/// them), or why it cannot be written.
pub fn encode(blocks: &[Vec<(TextKind, &str)>]) -> Result<Vec<u8>, String> {
    let mut ids: HashMap<&str, u16> = HashMap::new();
    let mut words: Vec<&str> = Vec::new();
    let mut stream: Vec<u8> = Vec::new();
    let mut block_starts: Vec<usize> = Vec::with_capacity(blocks.len() + 1);
    let mut ranges = Vec::new();
    for texts in blocks {
        block_starts.push(stream.len());
        for (kind, text) in texts {
            split_words(text, &mut ranges);
            let n = u8::try_from(ranges.len())
                .map_err(|_| format!("a text of {} words: `{text}`", ranges.len()))?;
            if n == 0 {
                return Err(format!("a text without words: `{text}`"));
            }
            stream.extend_from_slice(&[kind.code(), n]);
            for r in &ranges {
                let word = text.get(r.clone()).ok_or("a word off its text")?;
                let id = match ids.get(word) {
                    Some(id) => *id,
                    None => {
                        let id = u16::try_from(words.len())
                            .map_err(|_| "over 65,536 distinct words".to_string())?;
                        ids.insert(word, id);
                        words.push(word);
                        id
                    }
                };
                stream.extend_from_slice(&id.to_le_bytes());
            }
        }
    }
    block_starts.push(stream.len());
    let text: String = words.concat();
    let mut out = MAGIC.to_vec();
    for v in [words.len(), blocks.len(), text.len(), stream.len()] {
        push_u32(&mut out, v)?;
    }
    let mut at = 0;
    push_u32(&mut out, 0)?;
    for w in &words {
        at += w.len();
        push_u32(&mut out, at)?;
    }
    for s in block_starts {
        push_u32(&mut out, s)?;
    }
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(&stream);
    Ok(out)
}

/// The index, read in place.
#[derive(Debug, Clone, Copy)]
pub struct OfficialIndex<'a> {
    word_starts: &'a [u8],
    block_starts: &'a [u8],
    word_text: &'a str,
    stream: &'a [u8],
}

fn u32_at(bytes: &[u8], i: usize) -> Option<usize> {
    let b = bytes.get(i.checked_mul(4)?..i.checked_mul(4)?.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

impl<'a> OfficialIndex<'a> {
    /// The index in `bytes`; `None` when they are not one.
    pub fn parse(bytes: &'a [u8]) -> Option<OfficialIndex<'a>> {
        if bytes.get(..4)? != MAGIC {
            return None;
        }
        let head = bytes.get(4..HEADER)?;
        let [w, b, t, s] = [0, 1, 2, 3].map(|i| u32_at(head, i));
        let (w, b, t, s) = (w?, b?, t?, s?);
        let mut at = HEADER;
        let mut take = |n: usize| -> Option<&'a [u8]> {
            let part = bytes.get(at..at.checked_add(n)?)?;
            at += n;
            Some(part)
        };
        let word_starts = take((w + 1) * 4)?;
        let block_starts = take((b + 1) * 4)?;
        let word_text = std::str::from_utf8(take(t)?).ok()?;
        let stream = take(s)?;
        (at == bytes.len()).then_some(OfficialIndex {
            word_starts,
            block_starts,
            word_text,
            stream,
        })
    }

    /// How many distinct words the texts have.
    pub fn word_count(&self) -> usize {
        (self.word_starts.len() / 4).saturating_sub(1)
    }

    /// Word number `i`.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.word_text
            .get(u32_at(self.word_starts, i)?..u32_at(self.word_starts, i + 1)?)
    }

    /// How many blocks (occupations) the index covers.
    pub fn block_count(&self) -> usize {
        (self.block_starts.len() / 4).saturating_sub(1)
    }

    /// The texts of block `i`, in [`block_texts`]' order; none when out of
    /// range.
    pub fn block(&self, i: usize) -> Texts<'a> {
        let bytes = match (
            u32_at(self.block_starts, i),
            u32_at(self.block_starts, i + 1),
        ) {
            (Some(a), Some(b)) => self.stream.get(a..b).unwrap_or_default(),
            _ => &[],
        };
        Texts { bytes }
    }
}

/// The texts of a block: each its kind and its word numbers.
#[derive(Debug, Clone)]
pub struct Texts<'a> {
    bytes: &'a [u8],
}

impl<'a> Iterator for Texts<'a> {
    type Item = (TextKind, WordIds<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let (&kind, rest) = self.bytes.split_first()?;
        let (&n, rest) = rest.split_first()?;
        let len = usize::from(n) * 2;
        let Some(words) = rest.get(..len) else {
            self.bytes = &[];
            return None;
        };
        self.bytes = &rest[len..];
        let kind = *TextKind::ALL.get(usize::from(kind))?;
        Some((kind, WordIds { bytes: words }))
    }
}

/// The word numbers of one text.
#[derive(Debug, Clone, Copy)]
pub struct WordIds<'a> {
    bytes: &'a [u8],
}

impl<'a> WordIds<'a> {
    pub fn len(&self) -> usize {
        self.bytes.len() / 2
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = usize> + 'a {
        self.bytes
            .chunks_exact(2)
            .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::official::format::{RawOnet, RawTask};

    fn block() -> RawBlock {
        RawBlock {
            bls_title: "Tellers".into(),
            sample_titles: vec!["Bank Teller".into(), " -- ".into()],
            onet: vec![RawOnet {
                onet: 7,
                description: "Receive and pay out money.".into(),
                tasks: vec![RawTask {
                    id: 1,
                    kind: 0,
                    statement: "Count money; pay out money.".into(),
                }],
                knowledge: Vec::new(),
                technology: vec!["Microsoft Excel".into()],
                related: Vec::new(),
                alt_titles: vec!["Teller".into()],
            }],
        }
    }

    #[test]
    fn texts_come_in_block_order_and_round_trip_as_words() {
        let b = block();
        let title = |_: u16| Some("Tellers");
        let texts = block_texts(&b, &title);
        let kinds: Vec<TextKind> = texts.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            kinds,
            [
                TextKind::OnetTitle,
                TextKind::Description,
                TextKind::Task,
                TextKind::AltTitle,
                TextKind::Technology,
                TextKind::SampleTitle
            ],
            "the sample title without words is left out"
        );
        let bytes = encode(&[texts.clone(), Vec::new()]).expect("encodes");
        let index = OfficialIndex::parse(&bytes).expect("parses");
        assert_eq!(index.block_count(), 2);
        assert_eq!(index.block(1).count(), 0);
        let mut ranges = Vec::new();
        for ((kind, text), (got_kind, ids)) in texts.iter().zip(index.block(0)) {
            assert_eq!(*kind, got_kind);
            split_words(text, &mut ranges);
            let want: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
            let got: Vec<&str> = ids.iter().filter_map(|w| index.word(w)).collect();
            assert_eq!(got, want);
        }
        // "money" twice in one text, "pay" in two: each word once.
        assert_eq!(
            (0..index.word_count())
                .filter(|&i| index.word(i) == Some("money"))
                .count(),
            1
        );
    }

    #[test]
    fn damaged_bytes_are_refused_not_panicked_on() {
        let b = block();
        let bytes = encode(&[block_texts(&b, &|_| None)]).expect("encodes");
        assert!(OfficialIndex::parse(&bytes[..bytes.len() - 1]).is_none());
        assert!(OfficialIndex::parse(b"CSO1").is_none());
        assert!(OfficialIndex::parse(b"").is_none());
        let index = OfficialIndex::parse(&bytes).expect("parses");
        assert_eq!(index.block(5).count(), 0);
        assert_eq!(index.word(usize::MAX), None);
    }
}
