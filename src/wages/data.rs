//! The tables build/wages.rs generated from data/oews-2025.

use super::{Area, AreaKind, Level, Occupation};

include!(concat!(env!("OUT_DIR"), "/wages_data.rs"));
