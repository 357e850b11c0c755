//! Official facts about the 830 OEWS detailed occupations beyond wages:
//! BLS Employment Projections 2024–34 (employment, change, openings,
//! education, experience, training, sample job titles) and O*NET
//! (descriptions, tasks, skills, knowledge, technology, related
//! occupations, alternate titles), from the tables in `data/occupations/`
//! (its README gives provenance, licences and coverage).
//!
//! Every block of facts names its source id in `data/sources.toml`:
//!
//! | what | source id |
//! |---|---|
//! | projections, sample titles | [`BLS_EP`] (`bls-ep-2024-34`) |
//! | titles and descriptions | [`ONET_29_1`], or [`ONET_25_1`] for 137 O*NET codes |
//! | alternate titles, knowledge, technology, related | [`ONET_29_1`] |
//! | skills | [`ONET_30_2`] |
//! | tasks | [`ONET_30_0_TASKS`] |
//!
//! Compiled in by `build/occupations.rs`. Cheap, static, nothing decoded:
//! [`projection`], [`skills()`], [`all_occupations_change`], [`onet_codes`],
//! the name lists. Decompressed on demand, one occupation at a time:
//! [`profile`] (one zstd frame of a few kB). The title index
//! ([`titles`]) decompresses one chunk per lookup. Pure functions, no
//! printing, no I/O; a command that does not call them pays nothing.
//!
//! Values careers computes rather than reads are marked DERIVED in their
//! docs: the mean skills of the 12 BLS aggregate codes
//! ([`SkillBasis::MeanOf`]), the change of all occupations
//! ([`all_occupations_change`]), the growth category ([`Growth`]) and
//! the knowledge importance on O*NET's 1–5 scale
//! ([`Knowledge::importance_im`]).

use careers_data::official::{categories, codec, format};

mod data;
mod profile;
mod projection;
mod skills;
pub mod titles;

#[cfg(test)]
mod tests;

pub use categories::{DescriptionRelease, Education, Experience, Match, TaskKind, Training};
pub use profile::{profile, Knowledge, OnetOccupation, Profile, Related, Sourced, Task};
pub use projection::{all_occupations_change, AllOccupations, Growth, MedianWage, Projection};
pub use skills::{all_skills, skill_names, skills, SkillBasis, Skills};

/// Source id of the BLS Employment Projections 2024–34 (public domain).
pub const BLS_EP: &str = "bls-ep-2024-34";
/// Source id of the O*NET 29.1 Database (CC BY 4.0).
pub const ONET_29_1: &str = "onet-29-1";
/// Source id of the O*NET 25.1 Occupation Data (CC BY 4.0).
pub const ONET_25_1: &str = "onet-25-1";
/// Source id of the O*NET 30.2 Skills (CC BY 4.0).
pub const ONET_30_2: &str = "onet-30-2";
/// Source id of the O*NET 30.0 task statements as compiled by graph.org.ai
/// (text CC BY 4.0, compilation CC BY-SA 4.0).
pub const ONET_30_0_TASKS: &str = "onet-30-0-tasks";
/// The credit line shown with the task statements: their compilation is
/// CC BY-SA 4.0 (data/occupations/README.md, "Share-alike for tasks"); the
/// first sentence of [`ONET_30_0_TASKS`]'s note in data/sources.toml.
pub const TASKS_CREDIT: &str = "Task statements: O*NET 30.0 Database (USDOL/ETA, CC BY 4.0), as compiled by graph.org.ai (.do Platform Team, CC BY-SA 4.0).";
/// Every source id this module cites.
pub const SOURCE_IDS: [&str; 5] = [BLS_EP, ONET_29_1, ONET_25_1, ONET_30_2, ONET_30_0_TASKS];

/// The code and row of an OEWS occupation (not the two EP-only codes).
fn oews_row(soc: &str) -> Option<(&'static str, &'static data::SocRow)> {
    let i = data::SOC_CODES.binary_search(soc).ok()?;
    let row = data::SOCS.get(i)?;
    row.block?;
    Some((data::SOC_CODES.get(i)?, row))
}

/// The OEWS detailed occupations these tables cover, by SOC code (830).
pub fn oews_codes() -> impl ExactSizeIterator<Item = &'static str> {
    data::OEWS.iter()
}

/// The OEWS occupation number `i` (in the order of [`oews_codes`], by SOC
/// code): the numbering of tables computed from these ones (the career
/// graph's official edges).
pub fn oews_code(i: usize) -> Option<&'static str> {
    data::OEWS.get(i)
}

/// The number of OEWS occupation `soc` in the order of [`oews_codes`].
pub fn oews_index(soc: &str) -> Option<usize> {
    data::OEWS.binary_search(soc).ok()
}

/// The projection of OEWS occupation `soc`, without decompressing
/// anything; `None` if `soc` is not an OEWS detailed occupation.
pub fn projection(soc: &str) -> Option<Projection> {
    Some(Projection::from_raw(&oews_row(soc)?.1.projection))
}

/// The 33 O*NET knowledge area names of the data, sorted.
pub fn knowledge_names() -> &'static [&'static str] {
    &data::KNOWLEDGE_NAMES
}

/// An O*NET-SOC occupation as soc_crosswalk.tsv maps it to a BLS code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct OnetCode {
    pub code: &'static str,
    pub title: &'static str,
    pub release: DescriptionRelease,
    pub matched: Match,
}

/// The O*NET occupations mapped to OEWS occupation `soc`, in the
/// crosswalk's order, without decompressing anything.
pub fn onet_codes(soc: &str) -> Vec<OnetCode> {
    let Some((_, row)) = oews_row(soc) else {
        return Vec::new();
    };
    let (start, end) = row.crosswalk;
    data::CROSSWALK
        .get(usize::from(start)..usize::from(end))
        .unwrap_or_default()
        .iter()
        .filter_map(|&(i, matched)| {
            let i = usize::from(i);
            Some(OnetCode {
                code: data::ONET_CODES.get(i)?,
                title: data::ONET_TITLES.get(i)?,
                release: data::ONET.get(i)?.release,
                matched,
            })
        })
        .collect()
}
