//! The search index of the official occupations' texts: O*NET titles,
//! descriptions, task statements, alternate titles and technology, and
//! BLS sample titles, of each of the 830 OEWS occupations. Written by
//! `build/official_search.rs`; a search decompresses what it needs: the
//! table of distinct words, and the texts of the kinds its fields cover
//! (`--in title` reads the O*NET titles alone, not the 18,797 tasks).
//! Each distinct word is scored once; the texts are walked as word
//! numbers; only the blocks of the occupations shown are decompressed
//! later, to give the matched text.
//!
//! Stored, all integers little-endian:
//!
//! ```text
//! "CSO2"
//! 7 × (u32 size decompressed, u32 frame bytes)   the words, then each
//!                                                 kind of TextKind::ALL
//! the 7 zstd frames, end to end
//! ```
//!
//! Decompressed, the words: `u32 W`, `u32 × (W + 1)` where each word
//! starts, then the words end to end (UTF-8). A kind: `u32 B` (blocks),
//! `u32 × (B + 1)` where each block's texts start, then per text `u8 n`
//! and `n × u16` word numbers. A block's texts of one kind are in the
//! order of [`block_texts`], which the program follows again on a
//! decoded profile to show a hit's text.

use super::{split_words, SearchField};
use crate::official::format::RawBlock;
use std::collections::HashMap;

const MAGIC: &[u8; 4] = b"CSO2";
/// The words' part and one per kind.
const PARTS: usize = 1 + TextKind::ALL.len();

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

    /// Its position in [`TextKind::ALL`].
    pub fn index(self) -> usize {
        TextKind::ALL.iter().position(|k| *k == self).unwrap_or(0)
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

fn u32_at(bytes: &[u8], i: usize) -> Option<usize> {
    let b = bytes.get(i.checked_mul(4)?..i.checked_mul(4)?.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

/// The parts of the index of `blocks` (each block's texts, as
/// [`block_texts`] gives them), decompressed: the words, then one per
/// kind of [`TextKind::ALL`]; or why they cannot be written.
pub fn encode(blocks: &[Vec<(TextKind, &str)>]) -> Result<Vec<Vec<u8>>, String> {
    let mut ids: HashMap<&str, u16> = HashMap::new();
    let mut words: Vec<&str> = Vec::new();
    let mut streams: Vec<Vec<u8>> = vec![Vec::new(); TextKind::ALL.len()];
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); TextKind::ALL.len()];
    let mut ranges = Vec::new();
    for texts in blocks {
        for (k, s) in starts.iter_mut().enumerate() {
            s.push(streams[k].len());
        }
        for (kind, text) in texts {
            split_words(text, &mut ranges);
            let n = u8::try_from(ranges.len())
                .map_err(|_| format!("a text of {} words: `{text}`", ranges.len()))?;
            if n == 0 {
                return Err(format!("a text without words: `{text}`"));
            }
            let stream = &mut streams[kind.index()];
            stream.push(n);
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
    let mut parts = Vec::with_capacity(PARTS);
    let mut w = Vec::new();
    push_u32(&mut w, words.len())?;
    let mut at = 0;
    push_u32(&mut w, 0)?;
    for word in &words {
        at += word.len();
        push_u32(&mut w, at)?;
    }
    w.extend_from_slice(words.concat().as_bytes());
    parts.push(w);
    for (stream, mut s) in streams.into_iter().zip(starts) {
        s.push(stream.len());
        let mut part = Vec::new();
        push_u32(&mut part, blocks.len())?;
        for v in s {
            push_u32(&mut part, v)?;
        }
        part.extend_from_slice(&stream);
        parts.push(part);
    }
    Ok(parts)
}

/// The index as stored: the parts ([`encode`]) each compressed by
/// `compress`, behind a table of their sizes; `None` when one fails.
pub fn store(parts: &[Vec<u8>], compress: impl Fn(&[u8]) -> Option<Vec<u8>>) -> Option<Vec<u8>> {
    let frames: Vec<Vec<u8>> = parts.iter().map(|p| compress(p)).collect::<Option<_>>()?;
    let mut out = MAGIC.to_vec();
    for (plain, frame) in parts.iter().zip(&frames) {
        push_u32(&mut out, plain.len()).ok()?;
        push_u32(&mut out, frame.len()).ok()?;
    }
    for f in frames {
        out.extend(f);
    }
    Some(out)
}

/// The stored index: its frames, not yet decompressed.
#[derive(Debug, Clone, Copy)]
pub struct Stored<'a> {
    /// (size decompressed, frame), the words first.
    parts: [(usize, &'a [u8]); PARTS],
}

impl<'a> Stored<'a> {
    /// The table of frames of `bytes`; `None` when they are not an index.
    pub fn parse(bytes: &'a [u8]) -> Option<Stored<'a>> {
        if bytes.get(..4)? != MAGIC {
            return None;
        }
        let table = bytes.get(4..4 + PARTS * 8)?;
        let mut at = 4 + PARTS * 8;
        let mut parts = [(0, &[][..]); PARTS];
        for (i, p) in parts.iter_mut().enumerate() {
            let (size, len) = (u32_at(table, 2 * i)?, u32_at(table, 2 * i + 1)?);
            *p = (size, bytes.get(at..at.checked_add(len)?)?);
            at += len;
        }
        (at == bytes.len()).then_some(Stored { parts })
    }

    fn decompress(&self, part: usize) -> Option<Vec<u8>> {
        let (size, frame) = *self.parts.get(part)?;
        let mut out = Vec::with_capacity(size);
        ruzstd::decoding::FrameDecoder::new()
            .decode_all_to_vec(frame, &mut out)
            .ok()?;
        (out.len() == size).then_some(out)
    }

    /// The table of words, decompressed ([`Words::parse`] reads it).
    pub fn words(&self) -> Option<Vec<u8>> {
        self.decompress(0)
    }

    /// The texts of one kind, decompressed ([`Kind::parse`] reads them).
    pub fn kind(&self, kind: TextKind) -> Option<Vec<u8>> {
        self.decompress(1 + kind.index())
    }
}

/// The distinct words, read in place.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    starts: &'a [u8],
    text: &'a str,
}

impl<'a> Words<'a> {
    pub fn parse(bytes: &'a [u8]) -> Option<Words<'a>> {
        let w = u32_at(bytes, 0)?;
        let starts = bytes.get(4..4 + (w + 1).checked_mul(4)?)?;
        let text = std::str::from_utf8(bytes.get(4 + (w + 1) * 4..)?).ok()?;
        (u32_at(starts, w)? == text.len()).then_some(Words { starts, text })
    }

    pub fn len(&self) -> usize {
        (self.starts.len() / 4).saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Word number `i`.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        self.text
            .get(u32_at(self.starts, i)?..u32_at(self.starts, i + 1)?)
    }
}

/// The texts of one kind, by block, read in place.
#[derive(Debug, Clone, Copy)]
pub struct Kind<'a> {
    starts: &'a [u8],
    stream: &'a [u8],
}

impl<'a> Kind<'a> {
    pub fn parse(bytes: &'a [u8]) -> Option<Kind<'a>> {
        let b = u32_at(bytes, 0)?;
        let starts = bytes.get(4..4 + (b + 1).checked_mul(4)?)?;
        let stream = bytes.get(4 + (b + 1) * 4..)?;
        (u32_at(starts, b)? == stream.len()).then_some(Kind { starts, stream })
    }

    /// How many blocks (occupations) the index covers.
    pub fn block_count(&self) -> usize {
        (self.starts.len() / 4).saturating_sub(1)
    }

    /// The texts of block `i`, in [`block_texts`]' order; none when out of
    /// range.
    pub fn block(&self, i: usize) -> Texts<'a> {
        let bytes = match (u32_at(self.starts, i), u32_at(self.starts, i + 1)) {
            (Some(a), Some(b)) => self.stream.get(a..b).unwrap_or_default(),
            _ => &[],
        };
        Texts { bytes }
    }
}

/// The texts of a block: each its word numbers.
#[derive(Debug, Clone)]
pub struct Texts<'a> {
    bytes: &'a [u8],
}

impl<'a> Iterator for Texts<'a> {
    type Item = WordIds<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let (&n, rest) = self.bytes.split_first()?;
        let len = usize::from(n) * 2;
        let Some(words) = rest.get(..len) else {
            self.bytes = &[];
            return None;
        };
        self.bytes = &rest[len..];
        Some(WordIds { bytes: words })
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

    /// Stored without compression, for the tests: a "frame" is the bytes.
    fn stored(blocks: &[Vec<(TextKind, &str)>]) -> Vec<u8> {
        let parts = encode(blocks).expect("encodes");
        let frames = store(&parts, |p| {
            let mut out = Vec::new();
            // A zstd raw block frame: magic, header, one raw block.
            out.extend_from_slice(&0xFD2F_B528u32.to_le_bytes());
            out.push(0x20); // single segment, 1-byte content size
            out.push(u8::try_from(p.len()).ok()?);
            let header = (u32::try_from(p.len()).ok()? << 3) | 1; // last, raw
            out.extend_from_slice(&header.to_le_bytes()[..3]);
            out.extend_from_slice(p);
            Some(out)
        });
        frames.expect("stores")
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
        let bytes = stored(&[texts.clone(), Vec::new()]);
        let index = Stored::parse(&bytes).expect("parses");
        let words = index.words().expect("words");
        let words = Words::parse(&words).expect("words parse");
        let mut ranges = Vec::new();
        for (kind, text) in &texts {
            let plain = index.kind(*kind).expect("kind");
            let k = Kind::parse(&plain).expect("kind parses");
            assert_eq!(k.block_count(), 2);
            assert_eq!(k.block(1).count(), 0);
            let ids = k.block(0).next().expect("one text of each kind");
            split_words(text, &mut ranges);
            let want: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
            let got: Vec<&str> = ids.iter().filter_map(|w| words.get(w)).collect();
            assert_eq!(got, want);
        }
        // "money" twice in one text and in another: each word once.
        let money = (0..words.len()).filter(|&i| words.get(i) == Some("money"));
        assert_eq!(money.count(), 1);
    }

    #[test]
    fn damaged_bytes_are_refused_not_panicked_on() {
        let b = block();
        let bytes = stored(&[block_texts(&b, &|_| None)]);
        assert!(Stored::parse(&bytes[..bytes.len() - 1]).is_none());
        assert!(Stored::parse(b"CSO2").is_none());
        assert!(Stored::parse(b"").is_none());
        let index = Stored::parse(&bytes).expect("parses");
        let plain = index.kind(TextKind::Task).expect("decompresses");
        assert!(Kind::parse(&plain[..plain.len() - 1]).is_none());
        let k = Kind::parse(&plain).expect("parses");
        assert_eq!(k.block(5).count(), 0);
        let words = index.words().expect("words");
        assert!(Words::parse(&words[..words.len() - 1]).is_none());
        assert_eq!(Words::parse(&words).and_then(|w| w.get(usize::MAX)), None);
        // A frame that is not zstd decodes to nothing.
        let mut broken = bytes.clone();
        let at = 4 + PARTS * 8;
        broken[at] ^= 0xFF;
        assert!(Stored::parse(&broken).and_then(|s| s.words()).is_none());
    }
}
