//! The catalog build.rs validated and encoded into the binary: the
//! sources and role heads (decoded at start-up), and the role bodies
//! (decoded one by one when used; see `pack.rs`).

use crate::error::{Error, Result};
use crate::model::Bundle;

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle.postcard"));
static BODIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle-bodies.postcard"));
static SEARCH: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle-search.postcard"));
static OCCUPATIONS_SEARCH: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/occupations-search.postcard"));

mod files {
    include!(concat!(env!("OUT_DIR"), "/bundled_files.rs"));
}

/// Identifies the bundled catalog, for the user-data cache key.
pub(super) fn id() -> u64 {
    super::cache::checksum(BUNDLE) ^ super::cache::checksum(BODIES).rotate_left(1)
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
    decode_index(SEARCH, "decoding the bundled search index")
}

/// The search index of the detailed official occupations' titles, one
/// entry per occupation in `wages::detailed_occupations` order.
pub(super) fn occupations_index() -> Result<crate::searchable::SearchIndex> {
    decode_index(OCCUPATIONS_SEARCH, "decoding the occupations' search index")
}

fn decode_index(bytes: &[u8], context: &str) -> Result<crate::searchable::SearchIndex> {
    postcard::from_bytes(bytes).map_err(|e| {
        Error::io(
            context,
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
            let role: crate::model::Role = crate::catalog::pack::unpack(head, head.body, bodies())
                .unwrap_or_else(|| panic!("{} does not decode", head.id));
            assert_eq!(
                crate::model::RoleHead::of(&role, head.body, head.core),
                *head
            );
            let core: crate::model::RoleCore =
                crate::catalog::pack::unpack(head, head.core, bodies())
                    .unwrap_or_else(|| panic!("{}'s short facts do not decode", head.id));
            assert_eq!(core, crate::model::RoleCore::of(&role));
        }
        let index = search_index().expect("the search index decodes");
        assert_eq!(index.len(), bundle.roles.len());
    }

    #[test]
    fn the_occupations_index_has_each_title_in_order() {
        use crate::searchable::{split_words, SearchField};
        let index = occupations_index().expect("the index decodes");
        let titles: Vec<&str> = crate::wages::detailed_occupations()
            .map(|o| o.title)
            .collect();
        assert_eq!(index.len(), titles.len());
        let mut ranges = Vec::new();
        for (j, title) in titles.iter().enumerate() {
            let texts = index.field(j, SearchField::Title);
            assert_eq!(texts.len(), 1, "{title}");
            split_words(title, &mut ranges);
            let want: Vec<&str> = ranges.iter().map(|r| &title[r.clone()]).collect();
            let got: Vec<&str> = texts
                .iter()
                .flat_map(|t| index.text(t).iter())
                .map(|w| index.words[w as usize].as_str())
                .collect();
            assert_eq!(got, want, "{title}");
            for f in [SearchField::Alias, SearchField::Skills] {
                assert!(index.field(j, f).is_empty());
            }
        }
    }
}
