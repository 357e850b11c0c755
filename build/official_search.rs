//! The search index of the official occupations' texts (titles,
//! descriptions, tasks, alternate and sample titles, technology), built
//! from the same blocks `build/occupations.rs` compresses, in their order
//! (`crates/careers-data/src/searchable/official.rs` has the format).
//! The index (1.3 MB: 441,000 word numbers of two bytes) is one zstd
//! frame of 0.7 MB: a search decompresses it whole (a few ms), as it
//! scores every text; a command that does not search never does.

use careers_data::official::format::RawBlock;
use careers_data::official::parse::{Problem, Result, Tables};
use careers_data::searchable::official::{block_texts, compress_with, decompress, encode};

/// `official-search.bin` for `blocks` (one per OEWS occupation, in block
/// order): the index compressed, checked to decode back with the
/// program's decoder.
pub fn index(t: &Tables, blocks: &[RawBlock]) -> Result<Vec<u8>> {
    let title = |i: u16| t.onet.get(usize::from(i)).map(|o| o.title.as_str());
    let texts: Vec<_> = blocks.iter().map(|b| block_texts(b, &title)).collect();
    let plain = encode(&texts).map_err(|e| Problem(format!("the official search index: {e}")))?;
    let frame = compress_with(&plain, |p| zstd::bulk::compress(p, 19).ok())
        .ok_or_else(|| Problem("compressing the official search index failed".into()))?;
    if decompress(&frame).as_deref() != Some(plain.as_slice()) {
        return Err(Problem(
            "the official search index does not decode back".into(),
        ));
    }
    Ok(frame)
}
