//! Decompression of the zstd frames build/occupations.rs writes: each one
//! block or index chunk, compressed against a dictionary trained on its
//! kind. Shared with the build (through `#[path]`), which decodes every
//! frame it wrote with this function before accepting it.

use ruzstd::decoding::{Dictionary, FrameDecoder};

/// The `size` bytes of `frame`, decompressed with `dict`; `None` when the
/// frame is damaged or does not decode to exactly `size` bytes.
pub fn decompress(frame: &[u8], dict: &[u8], size: usize) -> Option<Vec<u8>> {
    let dict = Dictionary::decode_dict(dict).ok()?;
    let mut decoder = FrameDecoder::new();
    decoder.add_dict(dict).ok()?;
    // The frames carry no checksum (the bytes are compiled in); a length
    // check still catches a frame paired with the wrong size.
    let mut out = Vec::with_capacity(size);
    decoder.decode_all_to_vec(frame, &mut out).ok()?;
    (out.len() == size).then_some(out)
}
