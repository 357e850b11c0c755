//! The tables build/occupations.rs generated from data/occupations, and
//! the record types they are written in.

use super::categories::{DescriptionRelease, Education, Experience, Match, Training};
use super::codec;

/// A BLS code of the Employment Projections (the 830 OEWS detailed
/// occupations and the two EP-only ones), sorted by code.
pub(super) struct SocRow {
    pub soc: &'static str,
    /// Index of its block and in `OEWS`; `None` for the EP-only codes.
    pub block: Option<u16>,
    /// Its rows of `CROSSWALK`: start and end.
    pub crosswalk: (u16, u16),
    /// Its row of `SKILLS`, when onet_skills.tsv has one for this code.
    pub skills: Option<u16>,
    pub projection: Raw,
}

/// A row of projections.tsv as the build checked it.
pub(super) struct Raw {
    pub employment_2024: u32,
    pub employment_2034: u32,
    pub change_tenths: i16,
    pub openings: u32,
    pub median_wage: Option<u32>,
    pub top_coded: bool,
    pub education: Education,
    pub experience: Experience,
    pub training: Training,
}

/// An O*NET-SOC occupation of onet_occupations.tsv, by code.
pub(super) struct OnetRow {
    pub code: &'static str,
    pub title: &'static str,
    pub release: DescriptionRelease,
    /// Index in `SOCS` of the BLS code the crosswalk maps it to; `None`
    /// for the military codes.
    pub bls: Option<u16>,
}

/// Compressed frames end to end: one per block or index chunk.
pub(super) struct Frames {
    /// Where each frame starts; one more than frames.
    pub offsets: &'static [u32],
    /// Each frame's size decompressed.
    pub sizes: &'static [u32],
    pub bytes: &'static [u8],
    pub dict: &'static [u8],
}

impl Frames {
    /// Frame `i`, decompressed.
    pub fn get(&self, i: usize) -> Option<Vec<u8>> {
        let start = *self.offsets.get(i)? as usize;
        let end = *self.offsets.get(i + 1)? as usize;
        let size = *self.sizes.get(i)? as usize;
        codec::decompress(self.bytes.get(start..end)?, self.dict, size)
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.sizes.len()
    }
}

include!(concat!(env!("OUT_DIR"), "/official_data.rs"));
