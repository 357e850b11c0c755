//! The BLS Employment Projections and O*NET tables' encoding: the
//! categories the tables use, the block format (written by
//! `build/occupations.rs`, read by the program's `src/official`), the
//! zstd decoding of blocks, and the build's strict parser of the tables.

pub mod categories;
pub mod codec;
pub mod format;
pub mod parse;
pub mod similarity;

/// The text of the code that parses and encodes the tables (and of the
/// name normaliser the title index uses), for `build/occupations.rs` to
/// key its cache on: the tables are rebuilt when this code changes.
pub const ENCODER_CODE: &[&str] = &[
    include_str!("categories.rs"),
    include_str!("codec.rs"),
    include_str!("format.rs"),
    include_str!("parse.rs"),
    include_str!("similarity.rs"),
    include_str!("../names.rs"),
];
