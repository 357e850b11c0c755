//! The BLS wage tables' encoding: the block format (written by
//! `build/wages.rs`, read by the program's `src/wages`), the state codes,
//! and the build's strict parser of the tables.

pub mod format;
pub mod parse;
pub mod postal;

/// The text of the code that parses and encodes the tables (and of the
/// name normaliser the area index uses), for `build/wages.rs` to key its
/// cache on: the tables are rebuilt when this code changes.
pub const ENCODER_CODE: &[&str] = &[
    include_str!("format.rs"),
    include_str!("parse.rs"),
    include_str!("postal.rs"),
    include_str!("../names.rs"),
];
