//! BLS Employment Projections 2024–34 for one occupation, the change of
//! all occupations together, and careers' growth category.

use super::categories::{Education, Experience, Training};
use super::data::{self, Raw};
use super::BLS_EP;
use serde::Serialize;
use std::sync::OnceLock;

/// One occupation's projection, as projections.tsv gives it (source
/// [`BLS_EP`]). Employment counts all jobs, self-employed included, in
/// whole jobs rounded by BLS to 100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Projection {
    pub source: &'static str,
    pub employment_2024: u32,
    pub employment_2034: u32,
    /// Percent change 2024–34 with one decimal, as BLS computed it from
    /// unrounded levels (recomputing it from the two rounded counts can
    /// differ for small occupations).
    pub change_pct: f64,
    /// Average annual openings 2024–34, from growth and from workers
    /// leaving the occupation (not net new jobs).
    pub openings_per_year: u32,
    /// The median annual wage published with the projections (from OEWS
    /// May 2024, so not the bundled May 2025 wages); `None` where BLS
    /// gives none (6 occupations).
    pub median_wage_2024: Option<MedianWage>,
    pub entry_education: Education,
    pub work_experience: Experience,
    pub job_training: Training,
}

/// A median annual wage in dollars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MedianWage {
    pub dollars: u32,
    /// BLS gives ">=239,200": `dollars` is that floor, the median is at
    /// or above it (17 occupations).
    pub top_coded: bool,
}

impl Projection {
    pub(super) fn from_raw(r: &Raw) -> Projection {
        Projection {
            source: BLS_EP,
            employment_2024: r.employment_2024,
            employment_2034: r.employment_2034,
            change_pct: f64::from(r.change_tenths) / 10.0,
            openings_per_year: r.openings,
            median_wage_2024: r.median_wage.map(|dollars| MedianWage {
                dollars,
                top_coded: r.top_coded,
            }),
            entry_education: r.education,
            work_experience: r.experience,
            job_training: r.training,
        }
    }

    /// How this occupation's change compares with all occupations'
    /// ([`Growth::of`]).
    pub fn growth(&self) -> Growth {
        Growth::of(self.change_pct, all_occupations_change().change_pct)
    }
}

/// Employment of all occupations together, summed by careers from the
/// same table (a DERIVED value): every row of projections.tsv, that is the
/// 830 OEWS detailed occupations and the two occupations only the
/// projections publish (11-1031 Legislators, 45-3031 Fishing and hunting
/// workers), 832 rows. The table has no total row; BLS's own published
/// total may differ slightly, as each row is rounded to 100 jobs (at most
/// 832 × 50 jobs, 0.03% of the total).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AllOccupations {
    pub source: &'static str,
    /// How many rows were summed.
    pub rows: usize,
    pub employment_2024: u64,
    pub employment_2034: u64,
    /// (2034 − 2024) / 2024 × 100, unrounded.
    pub change_pct: f64,
}

/// The change of all occupations, 2024–34 (computed once per process).
pub fn all_occupations_change() -> AllOccupations {
    static ALL: OnceLock<AllOccupations> = OnceLock::new();
    *ALL.get_or_init(|| {
        let (a, b) = data::SOCS.iter().fold((0u64, 0u64), |(a, b), r| {
            (
                a + u64::from(r.projection.employment_2024),
                b + u64::from(r.projection.employment_2034),
            )
        });
        let change_pct = if a == 0 {
            0.0
        } else {
            (b as f64 - a as f64) / a as f64 * 100.0
        };
        AllOccupations {
            source: BLS_EP,
            rows: data::SOCS.len(),
            employment_2024: a,
            employment_2034: b,
            change_pct,
        }
    })
}

/// careers' own growth category: an occupation's projected change set
/// against the change of all occupations ([`all_occupations_change`]).
/// This is careers' rule, not BLS's wording or bands. With `c` the
/// occupation's change and `all` that of all occupations, in percent:
///
/// | category | rule |
/// |---|---|
/// | `Declining` | `c < 0` |
/// | `Slower` | `0 ≤ c < all − 1` |
/// | `Similar` | `all − 1 ≤ c ≤ all + 1` (and `c ≥ 0`) |
/// | `Faster` | `all + 1 < c ≤ all + 5` |
/// | `MuchFaster` | `c > all + 5` |
///
/// The one-point band absorbs the rounding of `c` to one decimal and of
/// employment to 100 jobs; five points above is where the change is more
/// than twice that of all occupations (3.1% for 2024–34).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Growth {
    Declining,
    Slower,
    Similar,
    Faster,
    MuchFaster,
}

impl Growth {
    /// The category of a change of `change_pct` when all occupations
    /// change by `all_pct` (both in percent).
    pub fn of(change_pct: f64, all_pct: f64) -> Growth {
        if change_pct < 0.0 {
            Growth::Declining
        } else if change_pct < all_pct - 1.0 {
            Growth::Slower
        } else if change_pct <= all_pct + 1.0 {
            Growth::Similar
        } else if change_pct <= all_pct + 5.0 {
            Growth::Faster
        } else {
            Growth::MuchFaster
        }
    }

    /// Words for people, naming what it is compared with.
    pub fn label(self) -> &'static str {
        match self {
            Growth::Declining => "declining",
            Growth::Slower => "growing slower than all occupations",
            Growth::Similar => "growing about as fast as all occupations",
            Growth::Faster => "growing faster than all occupations",
            Growth::MuchFaster => "growing much faster than all occupations",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_bands_follow_the_documented_rule() {
        let all = 3.07;
        assert_eq!(Growth::of(-5.5, all), Growth::Declining);
        assert_eq!(Growth::of(-0.1, all), Growth::Declining);
        assert_eq!(Growth::of(0.0, all), Growth::Slower);
        assert_eq!(Growth::of(2.0, all), Growth::Slower);
        assert_eq!(Growth::of(2.1, all), Growth::Similar);
        assert_eq!(Growth::of(4.0, all), Growth::Similar);
        assert_eq!(Growth::of(4.1, all), Growth::Faster);
        assert_eq!(Growth::of(8.0, all), Growth::Faster);
        assert_eq!(Growth::of(8.1, all), Growth::MuchFaster);
        // Declining wins over "similar" when all occupations shrink too.
        assert_eq!(Growth::of(-0.5, -0.2), Growth::Declining);
    }
}
