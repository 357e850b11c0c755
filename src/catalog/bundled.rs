//! The catalog build.rs validated and encoded into the binary: the
//! sources and role heads (decoded at start-up), and the role bodies
//! (decoded one by one when used; see `pack.rs`).

use crate::error::{Error, Result};
use crate::model::Bundle;

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle.postcard"));
static BODIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle-bodies.postcard"));
static SEARCH: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle-search.postcard"));

mod files {
    include!(concat!(env!("OUT_DIR"), "/bundled_files.rs"));
}

/// Identifies the bundled catalog, for the user-data cache key.
pub(super) fn id() -> u64 {
    super::cache::hash64(BUNDLE) ^ super::cache::hash64(BODIES).rotate_left(1)
}

pub(super) fn decode() -> Result<Bundle> {
    postcard::from_bytes(BUNDLE).map_err(|e| {
        Error::io(
            "decoding the bundled catalog",
            std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        )
    })
}

/// The search index of the bundled roles, built by build.rs.
pub(super) fn search_index() -> Result<crate::searchable::SearchIndex> {
    postcard::from_bytes(SEARCH).map_err(|e| {
        Error::io(
            "decoding the bundled search index",
            std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        )
    })
}

/// The encoded bodies of the bundled roles.
pub(super) fn bodies() -> &'static [u8] {
    BODIES
}

/// The bundled TOML files as (path, text), for `careers validate`.
pub fn bundled_files() -> &'static [(&'static str, &'static str)] {
    files::FILES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_body_decodes_to_its_role() {
        let bundle = decode().expect("the bundle decodes");
        assert!(!bundle.roles.is_empty());
        for head in &bundle.roles {
            let role = crate::catalog::pack::unpack(head, head.body, bodies())
                .unwrap_or_else(|| panic!("{} does not decode", head.id));
            assert_eq!(
                crate::model::RoleHead::of(&role, head.body, head.core),
                *head
            );
            let core = crate::catalog::pack::unpack(head, head.core, bodies())
                .unwrap_or_else(|| panic!("{}'s short facts do not decode", head.id));
            assert_eq!(core, crate::catalog::pack::core_of(&role));
        }
        let index = search_index().expect("the search index decodes");
        assert_eq!(index.len(), bundle.roles.len());
    }
}
