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
#[allow(dead_code)] // The encoding half is for build/wages.rs.
mod format;
mod postal;
mod value;

// The build's parser, tested here on malformed input (build scripts have
// no tests of their own).
#[cfg(test)]
#[allow(dead_code)]
#[path = "../../build/wages_parse.rs"]
mod build_parse;

pub use area::{find_area, AreaError};
pub use value::{Footnote, Percentiles, WageValue, Wages};

use format::BlockRows;
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

    mod parsing {
        use super::super::build_parse::{self, AreaRow, OccupationRow};
        use super::super::format::{Cell, Row};
        use std::collections::BTreeMap;

        const OCC: &str = "soc_code\ttitle\tlevel\n00-0000\tAll Occupations\t0\n43-4051\tCustomer Service Representatives\t3\n";
        const AREAS: &str =
            "area_code\ttype\tname\tstate_fips\n0000000\tN\tNational\t00\n4800000\tS\tTexas\t48\n";
        const GOOD: &str = "4800000\t43-4051\t337170\t1.2\t20.78\t43220\t0.3\t14.10\t17.03\t19.44\t23.22\t28.65\t29320\t35420\t40420\t48300\t59590\t";

        fn tables() -> (Vec<OccupationRow>, Vec<AreaRow>) {
            let occ = build_parse::parse_occupations("occ.tsv", OCC)
                .unwrap_or_else(|p| panic!("{}", p.0));
            let areas =
                build_parse::parse_areas("areas.tsv", AREAS).unwrap_or_else(|p| panic!("{}", p.0));
            (occ, areas)
        }

        /// Parses `lines` as states.tsv; the rows of Texas, or the message.
        fn states(lines: &[&str]) -> Result<BTreeMap<u16, Row>, String> {
            let (occ, areas) = tables();
            let mut text = format!("{}\n", build_parse::DATA_HEADER);
            for l in lines {
                text.push_str(l);
                text.push('\n');
            }
            let mut blocks = vec![BTreeMap::new(); areas.len()];
            build_parse::parse_data("s.tsv", 'S', &text, &areas, &occ, &mut blocks)
                .map_err(|p| p.0)?;
            Ok(blocks.swap_remove(1))
        }

        fn error(line: &str) -> String {
            match states(&[line]) {
                Ok(_) => panic!("`{line}` parsed"),
                Err(e) => e,
            }
        }

        #[test]
        fn a_good_line_parses_to_integer_units() {
            let rows = states(&[GOOD]).unwrap_or_else(|e| panic!("{e}"));
            let row = rows.get(&1).expect("43-4051 is occupation 1");
            assert_eq!(row.cells[0], Cell::Value(337_170));
            assert_eq!(row.cells[1], Cell::Value(12));
            assert_eq!(row.cells[2], Cell::Value(2078));
            assert_eq!(row.cells[14], Cell::Value(59_590));
            let dashes = "4800000\t43-4051\t-\t-\t-\t-\t6.0\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\temployment=8,employment_rse=8,hourly_mean=5,annual_mean=4,hourly_p10=9";
            let rows = states(&[dashes]).unwrap_or_else(|e| panic!("{e}"));
            let cells = rows.get(&1).expect("row").cells;
            assert_eq!(cells[0], Cell::Footnote(8));
            assert_eq!(cells[2], Cell::Footnote(5));
            assert_eq!(cells[3], Cell::Footnote(4));
            assert_eq!(cells[5], Cell::Footnote(9));
            assert_eq!(cells[6], Cell::Missing);
        }

        #[test]
        fn malformed_lines_name_file_line_and_column() {
            let bad = |column: usize, value: &str| {
                let mut f: Vec<&str> = GOOD.split('\t').collect();
                f[column] = value;
                error(&f.join("\t"))
            };
            assert_eq!(
                bad(4, "20.789"),
                "s.tsv:2: column `hourly_mean`: `20.789` is not `-` or a number with at most 2 decimal places"
            );
            assert!(bad(2, "337,170").starts_with("s.tsv:2: column `employment`:"));
            assert!(bad(5, "43220.0").starts_with("s.tsv:2: column `annual_mean`:"));
            assert!(bad(3, "").starts_with("s.tsv:2: column `employment_rse`:"));
            assert!(bad(7, "-1.00").starts_with("s.tsv:2: column `hourly_p10`:"));
            assert!(bad(7, " 14.10").starts_with("s.tsv:2: column `hourly_p10`:"));
            assert!(bad(0, "9900000")
                .starts_with("s.tsv:2: column `area_code`: `9900000` is not in areas.tsv"));
            assert!(bad(0, "0000000")
                .starts_with("s.tsv:2: column `area_code`: `0000000` is of type N"));
            assert!(bad(1, "43-4052").starts_with("s.tsv:2: column `soc_code`:"));
            assert!(bad(17, "hourly_mean").starts_with("s.tsv:2: column `footnotes`:"));
            assert!(bad(17, "wages=8").starts_with("s.tsv:2: column `footnotes`:"));
            assert!(bad(17, "hourly_mean=x").starts_with("s.tsv:2: column `footnotes`:"));
            assert!(bad(17, "employment=5")
                .starts_with("s.tsv:2: column `footnotes`: employment is not a wage"));
            assert_eq!(
                bad(17, "hourly_mean=4"),
                "s.tsv:2: column `hourly_mean`: `20.78` has footnote 4, which only explains a `-`"
            );
            assert!(error(&GOOD.replace("\t59590\t", "\t59590"))
                .starts_with("s.tsv:2: column `annual_p90`: 17 fields, expected 18"));
            assert!(
                error(&format!("{GOOD}\tx")).starts_with("s.tsv:2: column `footnotes`: 19 fields")
            );
            assert!(error(&format!("{GOOD}\r")).starts_with("s.tsv:2: column `footnotes`:"));
            let twice = states(&[GOOD, GOOD]).err().unwrap_or_default();
            assert!(
                twice.starts_with("s.tsv:3: column `soc_code`: `43-4051` appears twice"),
                "{twice}"
            );
        }

        #[test]
        fn malformed_tables_are_refused() {
            let (occ, areas) = tables();
            let mut blocks = vec![BTreeMap::new(); areas.len()];
            let e = build_parse::parse_data("s.tsv", 'S', "area\tsoc\n", &areas, &occ, &mut blocks)
                .err()
                .map(|p| p.0)
                .unwrap_or_default();
            assert!(e.starts_with("s.tsv:1: the header is `area\tsoc`"), "{e}");
            let e = |text: &str| {
                build_parse::parse_occupations("o.tsv", text)
                    .err()
                    .map(|p| p.0)
            };
            assert!(e("soc_code\ttitle\tlevel\n43-4051\tX\t4\n")
                .is_some_and(|m| m.starts_with("o.tsv:2: column `level`")));
            assert!(e("soc_code\ttitle\tlevel\n434051\tX\t3\n")
                .is_some_and(|m| m.starts_with("o.tsv:2: column `soc_code`")));
            assert!(e("soc_code\ttitle\tlevel\n43-4051\t\t3\n")
                .is_some_and(|m| m.starts_with("o.tsv:2: column `title`")));
            assert!(e("soc_code\ttitle\tlevel\n43-4051\tX\t3\n43-4051\tY\t3\n")
                .is_some_and(|m| m.contains("listed twice")));
            let e = |text: &str| build_parse::parse_areas("a.tsv", text).err().map(|p| p.0);
            let head = "area_code\ttype\tname\tstate_fips\n0000000\tN\tNational\t00\n";
            assert!(e(&format!("{head}0300000\tS\tNowhere\t03\n")).is_some_and(
                |m| m.starts_with("a.tsv:3: column `state_fips`: `03` has no USPS code")
            ));
            assert!(e(&format!("{head}4800000\tX\tTexas\t48\n"))
                .is_some_and(|m| m.starts_with("a.tsv:3: column `type`")));
            assert!(
                e("area_code\ttype\tname\tstate_fips\n4800000\tS\tTexas\t48\n")
                    .is_some_and(|m| m.contains("exactly one N"))
            );
        }
    }

    #[test]
    fn unknown_soc_codes_find_nothing() {
        assert!(wages(nation(), "99-9999").is_none());
        assert!(wages(nation(), "").is_none());
        assert!(occupation("43-405").is_none());
    }
}
