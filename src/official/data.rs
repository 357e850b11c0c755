//! The tables build/occupations.rs generated from data/occupations, and
//! the record types they are written in.

use super::categories::{DescriptionRelease, Education, Experience, Match, Training};
use super::codec;

// The tables hold no references to strings: each would be a relocation
// the loader applies at every start (some 5,000 of them, 70,000
// instructions for commands that never use these tables). Strings are
// kept end to end in `Strs` instead, addressed by index.

/// A BLS code of the Employment Projections (the 830 OEWS detailed
/// occupations and the two EP-only ones), sorted by code; its code is
/// the same index of `SOC_CODES`.
pub(super) struct SocRow {
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

/// An O*NET-SOC occupation of onet_occupations.tsv, by code; its code and
/// title are the same index of `ONET_CODES` and `ONET_TITLES`.
pub(super) struct OnetRow {
    pub release: DescriptionRelease,
    /// Index in `SOCS` of the BLS code the crosswalk maps it to; `None`
    /// for the military codes.
    pub bls: Option<u16>,
}

/// Strings end to end, and where each ends.
pub(super) struct Strs {
    pub text: &'static str,
    pub ends: &'static [u32],
}

impl Strs {
    pub fn get(&self, i: usize) -> Option<&'static str> {
        let start = match i {
            0 => 0,
            _ => *self.ends.get(i - 1)? as usize,
        };
        let end = *self.ends.get(i)? as usize;
        self.text.get(start..end)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Binary search of sorted strings, like `slice::binary_search`.
    pub fn binary_search(&self, key: &str) -> Result<usize, usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.get(mid).unwrap_or_default().cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Ok(mid),
            }
        }
        Err(lo)
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'static str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }
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

#[cfg(test)]
thread_local! {
    /// The frames decompressed on this thread, as (frames, index): what
    /// tests count to check that a look-up decodes only what it needs.
    pub static DECODED: std::cell::RefCell<Vec<(usize, usize)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

impl Frames {
    /// Frame `i`, decompressed.
    pub fn get(&self, i: usize) -> Option<Vec<u8>> {
        #[cfg(test)]
        DECODED.with(|d| d.borrow_mut().push((self as *const Frames as usize, i)));
        let start = *self.offsets.get(i)? as usize;
        let end = *self.offsets.get(i + 1)? as usize;
        let size = *self.sizes.get(i)? as usize;
        codec::decompress(self.bytes.get(start..end)?, self.dict, size)
    }

    pub fn len(&self) -> usize {
        self.sizes.len()
    }
}

include!(concat!(env!("OUT_DIR"), "/official_data.rs"));
