//! Decompression of the zstd frames build/occupations.rs writes: each one
//! block or index chunk, compressed against a dictionary trained on its
//! kind. Shared with the build, which decodes every
//! frame it wrote with this function before accepting it.

use ruzstd::decoding::{Dictionary, FrameDecoder};
use std::cell::RefCell;

thread_local! {
    /// A decoder per dictionary, by the dictionary's address: parsing a
    /// dictionary's tables costs about as much as decoding a small frame,
    /// so a command that decodes many frames (a search over every
    /// occupation) parses each dictionary once.
    static DECODERS: RefCell<Vec<(usize, FrameDecoder)>> = const { RefCell::new(Vec::new()) };
}

/// The `size` bytes of `frame`, decompressed with `dict`; `None` when the
/// frame is damaged or does not decode to exactly `size` bytes.
pub fn decompress(frame: &[u8], dict: &'static [u8], size: usize) -> Option<Vec<u8>> {
    DECODERS.with(|cell| {
        let mut decoders = cell.borrow_mut();
        let key = dict.as_ptr() as usize;
        let i = match decoders.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                let mut decoder = FrameDecoder::new();
                decoder.add_dict(Dictionary::decode_dict(dict).ok()?).ok()?;
                decoders.push((key, decoder));
                decoders.len() - 1
            }
        };
        // The frames carry no checksum (the bytes are compiled in); a
        // length check still catches a frame paired with the wrong size.
        let mut out = Vec::with_capacity(size);
        decoders[i].1.decode_all_to_vec(frame, &mut out).ok()?;
        (out.len() == size).then_some(out)
    })
}
