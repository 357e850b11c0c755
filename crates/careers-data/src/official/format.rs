//! The byte layout of the occupation blocks and of the title and word
//! index chunks, before compression: LEB128 varints and length-prefixed
//! UTF-8 strings. Shared with build/occupations.rs,
//! which encodes with these functions and checks that the decoders here
//! read every block back. Decoding never panics: a malformed input gives
//! `None`.

/// One OEWS occupation's text: what the per-occupation block holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawBlock {
    /// The BLS Employment Projections title (sentence case).
    pub bls_title: String,
    /// BLS sample job titles, in BLS order.
    pub sample_titles: Vec<String>,
    /// The O*NET occupations the crosswalk maps to this code, in its order.
    pub onet: Vec<RawOnet>,
}

/// One O*NET-SOC occupation's rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawOnet {
    /// Index into the O*NET occupation table.
    pub onet: u16,
    pub description: String,
    pub tasks: Vec<RawTask>,
    /// (index into the knowledge names, importance_0_100), forage's order.
    pub knowledge: Vec<(u8, u8)>,
    pub technology: Vec<String>,
    /// Indexes into the O*NET occupation table, rank order.
    pub related: Vec<u16>,
    pub alt_titles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawTask {
    pub id: u32,
    /// Index into `TaskKind::ALL`.
    pub kind: u8,
    pub statement: String,
}

/// One entry of a title index chunk: the spellings of one normalized
/// title, and how many postings it has. The normalized title itself is
/// not stored: it is `normalize_name` of any spelling, which the reader
/// computes (half the chunk's bytes saved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleEntry {
    pub spellings: Vec<String>,
    pub hits: u32,
}

/// One entry of a word index chunk: a word and the ordinals of the titles
/// that contain it, ascending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordEntry {
    pub word: String,
    pub titles: Vec<u32>,
}

pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_strs(out: &mut Vec<u8>, list: &[String]) {
    put_varint(out, list.len() as u64);
    for s in list {
        put_str(out, s);
    }
}

pub fn encode_block(b: &RawBlock) -> Vec<u8> {
    let mut out = Vec::new();
    put_str(&mut out, &b.bls_title);
    put_strs(&mut out, &b.sample_titles);
    put_varint(&mut out, b.onet.len() as u64);
    for o in &b.onet {
        put_varint(&mut out, u64::from(o.onet));
        put_str(&mut out, &o.description);
        put_varint(&mut out, o.tasks.len() as u64);
        for t in &o.tasks {
            put_varint(&mut out, u64::from(t.id));
            out.push(t.kind);
            put_str(&mut out, &t.statement);
        }
        put_varint(&mut out, o.knowledge.len() as u64);
        for &(name, value) in &o.knowledge {
            out.extend_from_slice(&[name, value]);
        }
        put_strs(&mut out, &o.technology);
        put_varint(&mut out, o.related.len() as u64);
        for &r in &o.related {
            put_varint(&mut out, u64::from(r));
        }
        put_strs(&mut out, &o.alt_titles);
    }
    out
}

pub fn encode_titles(entries: &[TitleEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, entries.len() as u64);
    for e in entries {
        put_strs(&mut out, &e.spellings);
        put_varint(&mut out, u64::from(e.hits));
    }
    out
}

pub fn encode_words(entries: &[WordEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, entries.len() as u64);
    for e in entries {
        put_str(&mut out, &e.word);
        put_varint(&mut out, e.titles.len() as u64);
        let mut last = 0;
        for &t in &e.titles {
            put_varint(&mut out, u64::from(t - last));
            last = t;
        }
    }
    out
}

/// A cursor over encoded bytes.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }

    pub fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn int<T: TryFrom<u64>>(&mut self) -> Option<T> {
        T::try_from(self.varint()?).ok()
    }

    /// A count of items that each take at least one byte, so that a
    /// corrupt count cannot ask for a huge allocation.
    fn count(&mut self) -> Option<usize> {
        let n: usize = self.int()?;
        (n <= self.bytes.len()).then_some(n)
    }

    pub fn str(&mut self) -> Option<&'a str> {
        let n: usize = self.int()?;
        if n > self.bytes.len() {
            return None;
        }
        let (s, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        std::str::from_utf8(s).ok()
    }

    fn strs(&mut self) -> Option<Vec<String>> {
        let n = self.count()?;
        (0..n).map(|_| self.str().map(str::to_string)).collect()
    }
}

pub fn decode_block(bytes: &[u8]) -> Option<RawBlock> {
    let mut r = Reader::new(bytes);
    let bls_title = r.str()?.to_string();
    let sample_titles = r.strs()?;
    let n = r.count()?;
    let mut onet = Vec::with_capacity(n);
    for _ in 0..n {
        let code = r.int()?;
        let description = r.str()?.to_string();
        let tasks = (0..r.count()?)
            .map(|_| {
                Some(RawTask {
                    id: r.int()?,
                    kind: r.byte()?,
                    statement: r.str()?.to_string(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let knowledge = (0..r.count()?)
            .map(|_| Some((r.byte()?, r.byte()?)))
            .collect::<Option<Vec<_>>>()?;
        let technology = r.strs()?;
        let related = (0..r.count()?)
            .map(|_| r.int())
            .collect::<Option<Vec<_>>>()?;
        let alt_titles = r.strs()?;
        onet.push(RawOnet {
            onet: code,
            description,
            tasks,
            knowledge,
            technology,
            related,
            alt_titles,
        });
    }
    r.is_empty().then_some(RawBlock {
        bls_title,
        sample_titles,
        onet,
    })
}

pub fn decode_titles(bytes: &[u8]) -> Option<Vec<TitleEntry>> {
    let mut r = Reader::new(bytes);
    let n = r.count()?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let spellings = r.strs()?;
        if spellings.is_empty() {
            return None;
        }
        out.push(TitleEntry {
            spellings,
            hits: r.int()?,
        });
    }
    r.is_empty().then_some(out)
}

pub fn decode_words(bytes: &[u8]) -> Option<Vec<WordEntry>> {
    let mut r = Reader::new(bytes);
    let n = r.count()?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let word = r.str()?.to_string();
        let mut last = 0u32;
        let titles = (0..r.count()?)
            .map(|_| {
                last = last.checked_add(r.int()?)?;
                Some(last)
            })
            .collect::<Option<Vec<_>>>()?;
        out.push(WordEntry { word, titles });
    }
    r.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_round_trip_and_truncations_fail_cleanly() {
        let b = RawBlock {
            bls_title: "Registered nurses".into(),
            sample_titles: vec!["Nurse".into(), "RN".into()],
            onet: vec![RawOnet {
                onet: 700,
                description: "Assess patient health problems.".into(),
                tasks: vec![RawTask {
                    id: 300_000,
                    kind: 1,
                    statement: "Monitor patients.".into(),
                }],
                knowledge: vec![(3, 95), (0, 27)],
                technology: vec!["Epic".into()],
                related: vec![701, 12],
                alt_titles: vec!["Charge Nurse".into()],
            }],
        };
        let bytes = encode_block(&b);
        assert_eq!(decode_block(&bytes), Some(b));
        for end in 0..bytes.len() {
            assert_eq!(decode_block(&bytes[..end]), None, "prefix of {end} bytes");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode_block(&longer), None);
        // A huge count is refused, not allocated.
        assert_eq!(decode_block(&[0, 0xff, 0xff, 0xff, 0xff, 0x0f]), None);
    }

    #[test]
    fn index_chunks_round_trip() {
        let titles = vec![TitleEntry {
            spellings: vec!["Bank Teller".into()],
            hits: 2,
        }];
        assert_eq!(decode_titles(&encode_titles(&titles)), Some(titles));
        let words = vec![WordEntry {
            word: "forklift".into(),
            titles: vec![3, 4, 900, 70_000],
        }];
        let bytes = encode_words(&words);
        assert_eq!(decode_words(&bytes), Some(words));
        assert_eq!(decode_words(&bytes[..bytes.len() - 1]), None);
    }
}
