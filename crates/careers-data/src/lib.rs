//! What careers's build script and the program share: the domain model,
//! the validation of role and source files, the role packing, the search
//! index builder and the wage tables' block format.
//!
//! `build.rs` uses this crate as a build-dependency to validate and encode
//! the bundled catalog; the program uses it to decode that catalog and to
//! validate user data with the very same rules. Nothing here prints or
//! touches the file system.

// No function over clippy.toml's 150 lines (issue 13).
#![warn(clippy::too_many_lines)]

pub mod model;
pub mod names;
pub mod official;
pub mod pack;
pub mod parallel;
pub mod searchable;
pub mod validate;
pub mod wages;

#[cfg(test)]
mod testdata;
