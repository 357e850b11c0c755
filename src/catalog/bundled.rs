//! The catalog build.rs validated and encoded into the binary.

use crate::error::{Error, Result};
use crate::model::Bundle;

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle.postcard"));

mod files {
    include!(concat!(env!("OUT_DIR"), "/bundled_files.rs"));
}

/// Identifies the bundled catalog, for the user-data cache key.
pub(super) fn id() -> u64 {
    super::cache::hash64(BUNDLE)
}

pub(super) fn decode() -> Result<Bundle> {
    postcard::from_bytes(BUNDLE).map_err(|e| {
        Error::io(
            "decoding the bundled catalog",
            std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        )
    })
}

/// The bundled TOML files as (path, text), for `careers validate`.
pub fn bundled_files() -> &'static [(&'static str, &'static str)] {
    files::FILES
}
