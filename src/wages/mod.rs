//! Official U.S. wages and employment by occupation and area: the BLS
//! Occupational Employment and Wage Statistics, May 2025 (source id
//! [`SOURCE_ID`]), for the nation, 54 states and territories and 528
//! metropolitan and nonmetropolitan areas.
//!
//! The tables are compiled into the binary by `build/wages.rs` (see
//! `data/oews-2025/README.md`): the occupation and area lists are static
//! data that cost nothing at start-up, and each area's figures are one
//! small block that a query decodes on its own. Pure functions, no I/O.

mod area;
mod data;
mod value;

// The block format and state codes, shared with build/wages.rs.
use careers_data::wages::{format, postal};

pub use area::{find_area, AreaError};
pub use value::{Footnote, Percentiles, WageValue, Wages};

use format::{BlockRows, CHECKPOINT_EVERY};
use serde::Serialize;
use std::cmp::Ordering;

/// The id of these facts in `data/sources.toml`.
pub const SOURCE_ID: &str = "bls-oews-2025";

/// Where an occupation sits in the SOC hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Level 0, e.g. 43-0000 Office and Administrative Support Occupations.
    Major,
    /// Level 1, e.g. 43-4000 Information and Record Clerks.
    Minor,
    /// Level 2, e.g. 43-4050 Customer Service Representatives.
    Broad,
    /// Level 3, e.g. 43-4051 Customer Service Representatives.
    Detailed,
}

impl Level {
    /// The level number of the data: 0 (major group) to 3 (detailed).
    pub fn number(self) -> u8 {
        self as u8
    }
}

/// A SOC occupation or occupation group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Occupation {
    /// SOC code, `NN-NNNN`.
    pub soc: &'static str,
    pub title: &'static str,
    pub level: Level,
}

impl Occupation {
    /// The national figures.
    pub fn national(&self) -> Option<Wages> {
        wages(nation(), self.soc)
    }
}

/// What kind of area a figure is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AreaKind {
    Nation,
    /// A state, the District of Columbia, Guam, Puerto Rico or the U.S.
    /// Virgin Islands.
    State,
    /// A metropolitan statistical area (`Austin-Round Rock-San Marcos, TX`)
    /// or a nonmetropolitan area of a state (`West Texas Region of Texas
    /// nonmetropolitan area`).
    Metro,
}

/// An area the estimates are published for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Area {
    /// OEWS area code, 7 digits (`0000000` nation, `4800000` Texas,
    /// `0012420` Austin).
    pub code: &'static str,
    pub kind: AreaKind,
    pub name: &'static str,
    /// FIPS code of the state (of the first state named, for a metro area
    /// across state lines); `00` for the nation.
    pub state_fips: &'static str,
    /// USPS code of that state (`TX`); none for the nation.
    pub postal: Option<&'static str>,
    /// Position in [`areas`], which is also the block's.
    #[serde(skip)]
    index: usize,
    /// For matching, normalized ([`crate::validate::normalize_name`]):
    /// the name (`austin round rock san marcos tx`), the name with its
    /// state codes spelt out (`... san marcos texas`; empty if none), and
    /// its first place (`austin`; the whole name for a state).
    #[serde(skip)]
    words: &'static str,
    #[serde(skip)]
    alias: &'static str,
    #[serde(skip)]
    first_place: &'static str,
    /// Total employment, to list bigger areas first among equals.
    #[serde(skip)]
    weight: u64,
}

/// Every occupation and group, sorted by SOC code (1,104 in May 2025).
pub fn occupations() -> &'static [Occupation] {
    &data::OCCUPATIONS
}

/// The detailed occupations (830 in May 2025), by SOC code.
pub fn detailed_occupations() -> impl Iterator<Item = &'static Occupation> {
    data::OCCUPATIONS
        .iter()
        .filter(|o| o.level == Level::Detailed)
}

fn index_of(soc: &str) -> Option<u16> {
    let i = data::OCCUPATIONS
        .binary_search_by(|o| o.soc.cmp(soc))
        .ok()?;
    u16::try_from(i).ok()
}

/// The occupation with this SOC code (`43-4051`).
pub fn occupation(soc: &str) -> Option<&'static Occupation> {
    data::OCCUPATIONS.get(usize::from(index_of(soc)?))
}

/// Every area: the nation, then the states and territories, then the
/// metropolitan and nonmetropolitan areas, each by code.
pub fn areas() -> &'static [Area] {
    &data::AREAS
}

/// The United States as a whole.
pub fn nation() -> &'static Area {
    // build/wages.rs puts the one nation first.
    &data::AREAS[0]
}

/// The area with this OEWS code (`4800000`).
pub fn area_by_code(code: &str) -> Option<&'static Area> {
    data::AREAS.iter().find(|a| a.code == code)
}

fn block(area: &Area) -> Option<&'static [u8]> {
    let start = *data::OFFSETS.get(area.index)? as usize;
    let end = *data::OFFSETS.get(area.index + 1)? as usize;
    data::BLOCKS.get(start..end)
}

/// The rows of an area's block, in occupation order.
fn rows(area: &Area) -> Option<BlockRows<'static>> {
    BlockRows::new(block(area)?)
}

/// The estimates for occupation `soc` in `area`; `None` when the area
/// publishes nothing for it (or `soc` is not a SOC code of the data).
pub fn wages(area: &Area, soc: &str) -> Option<Wages> {
    let occ = index_of(soc)?;
    BlockRows::from_occ(block(area)?, occ)?
        .take_while(|r| r.occ <= occ)
        .find(|r| r.occ == occ)
        .map(|r| Wages::from_row(&r))
}

/// Every occupation and group `area` publishes estimates for, by SOC code.
pub fn area_wages(area: &Area) -> Vec<(&'static Occupation, Wages)> {
    let Some(rows) = rows(area) else {
        return Vec::new();
    };
    let mut all = Vec::with_capacity(rows.len());
    all.extend(rows.filter_map(|r| {
        let o = data::OCCUPATIONS.get(usize::from(r.occ))?;
        Some((o, Wages::from_row(&r)))
    }));
    all
}

/// The estimates `area` publishes for the occupations `socs` (any order;
/// codes not in the data are skipped), by SOC code. Only the stretches of
/// the area's block that hold them are decoded: from the checkpoint before
/// a code when it is far from the last row read, else on from that row.
/// `path FROM` asks for the hundred or so occupations within reach, which
/// cluster by SOC group; decoding a state's whole block costs 2 M
/// instructions.
pub fn wages_of(area: &Area, socs: &[&str]) -> Vec<(&'static Occupation, Wages)> {
    let Some(block) = block(area) else {
        return Vec::new();
    };
    let mut wanted: Vec<u16> = socs.iter().filter_map(|s| index_of(s)).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut out = Vec::with_capacity(wanted.len());
    // The rows being read, and the occupation of the last row read.
    let mut reading: Option<(BlockRows<'static>, u16)> = None;
    for occ in wanted {
        // Reading on costs the rows in between; a jump, up to a
        // checkpoint's stretch (half of it on average).
        let near = |last: u16| last < occ && usize::from(occ - last) <= CHECKPOINT_EVERY / 2;
        let mut rows = match reading.take() {
            Some((rows, last)) if near(last) => rows,
            _ => match BlockRows::from_occ(block, occ) {
                Some(rows) => rows,
                None => continue,
            },
        };
        let mut last = 0;
        let mut found = None;
        for r in rows.by_ref() {
            last = r.occ;
            if r.occ >= occ {
                found = (r.occ == occ).then(|| Wages::from_row(&r));
                break;
            }
        }
        if let (Some(w), Some(o)) = (found, data::OCCUPATIONS.get(usize::from(occ))) {
            out.push((o, w));
        }
        reading = Some((rows, last));
    }
    out
}

/// What [`top`] ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rank {
    #[default]
    AnnualMedian,
    AnnualMean,
    HourlyMedian,
    HourlyMean,
    Employment,
}

impl Rank {
    /// The cell of `w` this ranks by.
    pub fn of(self, w: &Wages) -> WageValue {
        match self {
            Rank::AnnualMedian => w.annual.median,
            Rank::AnnualMean => w.annual_mean,
            Rank::HourlyMedian => w.hourly.median,
            Rank::HourlyMean => w.hourly_mean,
            Rank::Employment => w.employment,
        }
    }
}

/// The `n` detailed occupations of `area` with the highest `by`, highest
/// first. Top-coded ones (at or above the cap, true value unknown) come
/// first, among themselves by employment; occupations without a figure
/// are left out. Ties go to the larger employment, then the SOC code.
pub fn top(area: &Area, n: usize, by: Rank) -> Vec<(&'static Occupation, Wages)> {
    // (top-coded, figure) ranks; `None` when there is nothing to rank.
    let key = |w: &Wages| match by.of(w) {
        // Ranked by their floor: the data publishes figures above the cap
        // the README gives, so a top-coded cell is not known to be the largest.
        WageValue::TopCoded { cap } => Some((false, cap)),
        WageValue::Value(v) => Some((false, v)),
        WageValue::NotAvailable { .. } | WageValue::Missing => None,
    };
    let mut all = area_wages(area);
    all.retain(|(o, _)| o.level == Level::Detailed);
    // Sort small keys, not the rows: a `Wages` is some 250 bytes.
    let mut order: Vec<((bool, f64), f64, usize)> = all
        .iter()
        .enumerate()
        .filter_map(|(i, (_, w))| Some((key(w)?, w.employment.value().unwrap_or(0.0), i)))
        .collect();
    order.sort_by(|(ka, ea, ia), (kb, eb, ib)| {
        kb.0.cmp(&ka.0)
            .then(if ka.0 {
                Ordering::Equal
            } else {
                kb.1.total_cmp(&ka.1)
            })
            .then(eb.total_cmp(ea))
            .then(ia.cmp(ib))
    });
    order.into_iter().take(n).map(|(_, _, i)| all[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_block_decodes_completely() {
        let mut rows_total = 0;
        for area in areas() {
            let mut it = rows(area).expect("every area has a block header");
            let n = it.len();
            let mut last = None;
            let mut count = 0;
            for r in it.by_ref() {
                assert!(Some(r.occ) > last, "{}: rows out of order", area.code);
                last = Some(r.occ);
                count += 1;
            }
            assert!(!it.failed(), "{}: block failed to decode", area.code);
            assert_eq!(count, n, "{}", area.code);
            rows_total += count;
        }
        // national.tsv + states.tsv + metros.tsv rows (README of the data).
        assert_eq!(rows_total, 1_104 + 37_408 + 198_287);
    }

    #[test]
    fn tables_are_in_the_order_lookups_rely_on() {
        assert!(occupations().windows(2).all(|w| w[0].soc < w[1].soc));
        assert_eq!(nation().kind, AreaKind::Nation);
        for (i, a) in areas().iter().enumerate() {
            assert_eq!(a.index, i);
        }
        assert_eq!(data::OFFSETS.len(), areas().len() + 1);
    }

    #[test]
    fn some_codes_of_an_area_are_those_of_the_whole_block() {
        // Every 7th, 3rd and 40th code, and runs of neighbours: stretches
        // read on and jumps to checkpoints, codes an area does not publish,
        // unknown codes and repeats.
        let socs: Vec<&str> = occupations().iter().map(|o| o.soc).collect();
        let picks: [Vec<&str>; 4] = [
            socs.iter().step_by(7).copied().collect(),
            socs.iter().step_by(3).rev().copied().collect(),
            socs.iter()
                .step_by(40)
                .chain(&socs[100..140])
                .copied()
                .collect(),
            vec!["99-9999", "43-4051", "43-4051", "11-1011", ""],
        ];
        let n = areas().len();
        for area in [
            nation(),
            &areas()[1],
            &areas()[44],
            &areas()[n / 2],
            &areas()[n - 1],
        ] {
            let code = area.code;
            let all = area_wages(area);
            for pick in &picks {
                let want: Vec<_> = all
                    .iter()
                    .filter(|(o, _)| pick.contains(&o.soc))
                    .copied()
                    .collect();
                assert!(!want.is_empty(), "{code}");
                assert_eq!(wages_of(area, pick), want, "{code}");
            }
        }
    }

    #[test]
    fn unknown_soc_codes_find_nothing() {
        assert!(wages(nation(), "99-9999").is_none());
        assert!(wages(nation(), "").is_none());
        assert!(occupation("43-405").is_none());
    }
}
