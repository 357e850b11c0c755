//! The search index of the official occupations' texts (titles,
//! descriptions, tasks, alternate and sample titles, technology), built
//! from the same blocks `build/occupations.rs` compresses, in their order
//! (`crates/careers-data/src/searchable/official.rs` has the format).
//! Decompressed, the words and the 441,000 word numbers take 1.3 MB; as
//! zstd frames, one for the words and one per kind of text, 0.7 MB. A
//! search decompresses the words and the kinds its fields cover.

use careers_data::official::format::RawBlock;
use careers_data::official::parse::{Problem, Result, Tables};
use careers_data::searchable::official::{block_texts, encode, store, Stored, TextKind};

/// `official-search.bin` for `blocks` (one per OEWS occupation, in block
/// order), checked to decode back with the program's decoder.
pub fn index(t: &Tables, blocks: &[RawBlock]) -> Result<Vec<u8>> {
    let fail = |e: &str| Problem(format!("the official search index: {e}"));
    let title = |i: u16| t.onet.get(usize::from(i)).map(|o| o.title.as_str());
    let texts: Vec<_> = blocks.iter().map(|b| block_texts(b, &title)).collect();
    let parts = encode(&texts).map_err(|e| fail(&e))?;
    let stored = store(&parts, |p| zstd::bulk::compress(p, 19).ok())
        .ok_or_else(|| fail("compressing failed"))?;
    let back = Stored::parse(&stored).ok_or_else(|| fail("does not parse back"))?;
    let decoded = std::iter::once(back.words())
        .chain(TextKind::ALL.iter().map(|k| back.kind(*k)))
        .collect::<Option<Vec<_>>>();
    if decoded.as_ref() != Some(&parts) {
        return Err(fail("does not decode back"));
    }
    Ok(stored)
}
