//! The pay answer: what a role pays in an area, computed here and only
//! here, so that `list`, `salary`, `ladder`, `path`, `compare` and `show`
//! give the same figures with the same labels. Pure functions, no output.
//!
//! The answer is, in this order:
//! 1. the curated figures, each with its source, in the period the source
//!    gives them (converted, and marked, only when a period is asked for:
//!    `salary --hourly`);
//! 2. the official figures (BLS OEWS, May 2025) of each SOC code the role
//!    links to, for the area asked (national by default), marked
//!    approximate where the link is.
//!
//! The headline, the one figure that stands for the role in a list, a
//! ladder tier or a path step, is the first of: a curated median, a
//! curated average, the midpoint of a curated range (yearly figures before
//! hourly ones, sources in the role's order); else the official median of
//! the role's first SOC code that has one (exact links before approximate
//! ones), annual unless the BLS publishes it by the hour only. A midpoint
//! is computed, `(min + max) / 2`, and labelled as such; no figure is ever
//! called a median that is not one.

mod figures;
mod official;

pub use figures::{
    check_hours, convert, figures_of, FigureKind, Original, SalaryFigure, DEFAULT_HOURS_PER_YEAR,
    MAX_HOURS_PER_YEAR, MIN_HOURS_PER_YEAR,
};
pub use official::{for_links, median_figure, official_headline, AreaRef, OfficialWages};

use crate::model::{Period, Salary, SocLink};
use crate::wages::Area;
use serde::Serialize;

/// What a pay figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Basis {
    #[serde(rename = "median")]
    Median,
    #[serde(rename = "average")]
    Average,
    /// `(min + max) / 2` of a source's range.
    #[serde(rename = "midpoint of range")]
    MidpointOfRange,
    #[serde(rename = "entry-level")]
    EntryLevel,
    #[serde(rename = "mid-level")]
    MidLevel,
    #[serde(rename = "senior-level")]
    SeniorLevel,
    /// A source's range for entry-level pay (`min`, `max`).
    #[serde(rename = "entry-level range")]
    EntryLevelRange,
    /// The BLS median wage of a SOC occupation.
    #[serde(rename = "official median")]
    OfficialMedian,
}

impl Basis {
    /// The words text output and JSON use: "median", "midpoint of range",
    /// "official median".
    pub fn label(self) -> &'static str {
        match self {
            Basis::Median => "median",
            Basis::Average => "average",
            Basis::MidpointOfRange => "midpoint of range",
            Basis::EntryLevel => "entry-level",
            Basis::MidLevel => "mid-level",
            Basis::SeniorLevel => "senior-level",
            Basis::EntryLevelRange => "entry-level range",
            Basis::OfficialMedian => "official median",
        }
    }
}

/// One pay figure with what it is and where it is from. A single figure
/// has `value`; a range (`entry-level range`) has `min` and `max`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayFigure {
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// ISO 4217.
    pub currency: String,
    pub period: Period,
    pub basis: Basis,
    pub source: String,
    /// For an official figure, the SOC code it is the median of.
    pub soc: Option<String>,
    /// The role's link to `soc` is approximate (the occupation is broader
    /// or narrower than the role); `false` for curated figures.
    pub approximate: bool,
    /// For an official figure, the area it is for.
    pub area: Option<AreaRef>,
    /// An official figure at or above the BLS cap: `value` is the cap.
    pub top_coded: bool,
    /// Converted from the other period (only when a period is asked for).
    pub converted: bool,
}

impl PayFigure {
    /// A curated figure of `s`, in the period `s` gives it.
    fn curated(s: &Salary, basis: Basis, value: f64) -> PayFigure {
        PayFigure {
            value: Some(value),
            min: None,
            max: None,
            currency: s.currency.clone(),
            period: s.period,
            basis,
            source: s.source.clone(),
            soc: None,
            approximate: false,
            area: None,
            top_coded: false,
            converted: false,
        }
    }

    /// A curated range of `s`.
    fn curated_range(s: &Salary, basis: Basis, min: f64, max: f64) -> PayFigure {
        PayFigure {
            value: None,
            min: Some(min),
            max: Some(max),
            ..PayFigure::curated(s, basis, 0.0)
        }
    }

    /// The figure in `period`, converted at `hours` (and marked) when it is
    /// in the other one.
    fn in_period(self, period: Period, hours: f64) -> PayFigure {
        if self.period == period {
            return self;
        }
        let c = |v: Option<f64>| v.map(|v| convert(v, self.period, period, hours));
        PayFigure {
            value: c(self.value),
            min: c(self.min),
            max: c(self.max),
            period,
            converted: true,
            ..self
        }
    }

    pub fn is_official(&self) -> bool {
        self.soc.is_some()
    }
}

/// What a command asks of the pay answer.
#[derive(Debug, Clone, Copy)]
pub struct Ask<'a> {
    /// The area of the official figures.
    pub area: &'a Area,
    /// The period to show every figure in; `None`: each figure's own.
    pub period: Option<Period>,
    /// For conversions between periods.
    pub hours_per_year: f64,
}

impl Ask<'static> {
    /// National figures, each in its own period: what `list`, `ladder` and
    /// `path` show.
    pub fn national() -> Ask<'static> {
        Ask {
            area: crate::wages::nation(),
            period: None,
            hours_per_year: DEFAULT_HOURS_PER_YEAR,
        }
    }
}

/// Everything a role's sources and SOC codes say about its pay.
#[derive(Debug, Clone, Serialize)]
pub struct PayAnswer {
    /// The figure that stands for the role; `None` when no source gives pay.
    pub headline: Option<PayFigure>,
    /// One figure per source, then each official median ([`per_source`]):
    /// the key facts of a profile.
    pub by_source: Vec<PayFigure>,
    /// Every curated figure, sources in the role's order.
    pub curated: Vec<SalaryFigure>,
    /// The official figures of each SOC code the role links to.
    pub official: Vec<OfficialWages>,
}

/// The pay answer for a role with these pay entries and SOC links.
pub fn answer(salary: &[Salary], soc: &[SocLink], ask: &Ask<'_>) -> PayAnswer {
    let official = for_links(soc, ask.area);
    let headline = curated_headline(salary, ask)
        .or_else(|| official_headline(&official, ask.period, ask.hours_per_year));
    PayAnswer {
        headline,
        by_source: per_source(salary, &official, ask),
        curated: salary
            .iter()
            .flat_map(|s| figures_of(s, ask.period, ask.hours_per_year))
            .collect(),
        official,
    }
}

/// The headline alone, without building the rest of the answer; the
/// official figures are looked up only for a role no guide gives pay for.
pub fn headline(salary: &[Salary], soc: &[SocLink], ask: &Ask<'_>) -> Option<PayFigure> {
    curated_headline(salary, ask)
        .or_else(|| official_headline(&for_links(soc, ask.area), ask.period, ask.hours_per_year))
}

/// The single figures of one pay entry that can stand for the role, best
/// first: median, average, midpoint of the range.
pub fn entry_figures(s: &Salary) -> Vec<PayFigure> {
    let mut out = Vec::new();
    if let Some(v) = s.median {
        out.push(PayFigure::curated(s, Basis::Median, v));
    }
    if let Some(v) = s.average {
        out.push(PayFigure::curated(s, Basis::Average, v));
    }
    if let Some(r) = s.range {
        out.push(PayFigure::curated(
            s,
            Basis::MidpointOfRange,
            (r.min + r.max) / 2.0,
        ));
    }
    out
}

/// The curated headline: the first median, else average, else midpoint of
/// a range; entries in the asked period first (the others converted), or
/// with no period asked yearly entries first, each in its own period.
pub fn curated_headline(salary: &[Salary], ask: &Ask<'_>) -> Option<PayFigure> {
    let first = ask.period.unwrap_or(Period::Year);
    let ordered = || {
        let own = salary.iter().filter(move |s| s.period == first);
        own.chain(salary.iter().filter(move |s| s.period != first))
    };
    let best = [Basis::Median, Basis::Average, Basis::MidpointOfRange]
        .into_iter()
        .find_map(|basis| {
            ordered().find_map(|s| entry_figures(s).into_iter().find(|f| f.basis == basis))
        })?;
    Some(match ask.period {
        Some(p) => best.in_period(p, ask.hours_per_year),
        None => best,
    })
}

/// One figure per source, in the role's order (each entry's median, else
/// average, else midpoint of range, else entry-level range), then each
/// official median: the key facts of a profile.
pub fn per_source(salary: &[Salary], official: &[OfficialWages], ask: &Ask<'_>) -> Vec<PayFigure> {
    let curated = salary.iter().filter_map(|s| {
        let single = entry_figures(s).into_iter().next();
        single.or_else(|| {
            s.entry_range
                .map(|r| PayFigure::curated_range(s, Basis::EntryLevelRange, r.min, r.max))
        })
    });
    let official = official
        .iter()
        .filter_map(|o| median_figure(o, ask.period, ask.hours_per_year));
    curated.chain(official).collect()
}

/// An experience level a ladder tier can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Entry,
    Mid,
    Senior,
}

/// The figure a source gives for `level`, preferring the entries of
/// `source` (the ladder's own): the entry-, mid- or senior-level figure,
/// or for entry level a range.
pub fn level_figure(salary: &[Salary], level: Level, source: &str) -> Option<PayFigure> {
    let mut entries: Vec<&Salary> = salary.iter().collect();
    entries.sort_by_key(|s| s.source != source);
    entries.into_iter().find_map(|s| {
        let (value, basis) = match level {
            Level::Entry => (s.entry, Basis::EntryLevel),
            Level::Mid => (s.mid, Basis::MidLevel),
            Level::Senior => (s.senior, Basis::SeniorLevel),
        };
        if let Some(v) = value {
            return Some(PayFigure::curated(s, basis, v));
        }
        match (level, s.entry_range) {
            (Level::Entry, Some(r)) => Some(PayFigure::curated_range(
                s,
                Basis::EntryLevelRange,
                r.min,
                r.max,
            )),
            _ => None,
        }
    })
}

/// Every single figure of a role that a pay change can be measured
/// between, best first: the headline, the other curated figures (yearly
/// first), then the official medians, in the headline's period first.
/// Nothing is converted: a change is only measured between figures of
/// the same period.
pub fn comparable_figures(salary: &[Salary], soc: &[SocLink], area: &Area) -> Vec<PayFigure> {
    let ask = Ask {
        area,
        period: None,
        hours_per_year: DEFAULT_HOURS_PER_YEAR,
    };
    let mut curated: Vec<PayFigure> = salary.iter().flat_map(entry_figures).collect();
    curated.sort_by_key(|p| p.period != Period::Year);
    let mut out: Vec<PayFigure> = curated_headline(salary, &ask).into_iter().collect();
    for f in curated {
        if !out.contains(&f) {
            out.push(f);
        }
    }
    let official = for_links(soc, area);
    let first = out
        .first()
        .cloned()
        .or_else(|| official_headline(&official, None, ask.hours_per_year))
        .map_or(Period::Year, |f| f.period);
    let other = match first {
        Period::Year => Period::Hour,
        Period::Hour => Period::Year,
    };
    for period in [first, other] {
        out.extend(
            official
                .iter()
                .filter_map(|o| median_figure(o, Some(period), ask.hours_per_year))
                .filter(|f| !f.converted),
        );
    }
    out
}

#[cfg(test)]
mod tests;
