//! Pay figures as a source gives them, or converted to the period asked
//! for and marked: what `salary`, `compare` and `show` list.

use crate::error::{Error, Result};
use crate::model::{Period, Salary};
use serde::Serialize;

/// The most hours a year can hold (366 days of 24 hours): more than this
/// in `--hours-per-year` is a mistake, not a schedule.
pub const MAX_HOURS_PER_YEAR: f64 = 8784.0;
/// An hour a week: fewer is not a working year either, and dividing a
/// yearly figure by a tiny number of hours only makes an absurd one.
pub const MIN_HOURS_PER_YEAR: f64 = 52.0;
/// The BLS convention: 40 hours a week for 52 weeks.
pub const DEFAULT_HOURS_PER_YEAR: f64 = 2080.0;

/// What a pay figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// A low-high range (`min`, `max`).
    Range,
    Median,
    Average,
    /// Entry-level pay.
    Entry,
    /// Mid-level pay.
    Mid,
    /// Senior-level pay.
    Senior,
    /// A low-high range for entry-level pay (`min`, `max`).
    EntryRange,
    /// The pay the top 10% of earners start from.
    #[serde(rename = "top_10_percent_from")]
    Top10PercentFrom,
}

impl FigureKind {
    /// Whether the figure is a range (`min`, `max`) rather than a `value`.
    pub fn is_range(self) -> bool {
        matches!(self, FigureKind::Range | FigureKind::EntryRange)
    }
}

/// What a converted figure was before conversion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Original {
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub period: Period,
    pub hours_per_year: f64,
}

/// One pay figure, in the period it is shown in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SalaryFigure {
    pub source: String,
    /// Where the figure applies, when the source says ("US").
    pub region: Option<String>,
    /// ISO 4217.
    pub currency: String,
    /// The period of `value` / `min` / `max` as shown (after any conversion).
    pub period: Period,
    pub kind: FigureKind,
    /// For single figures; `null` for ranges.
    pub value: Option<f64>,
    /// For ranges; `null` for single figures.
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Whether the figure was converted from another period.
    pub converted: bool,
    /// The figure as the source gives it, when converted.
    pub converted_from: Option<Original>,
}

/// Turns a source's pay entry into figures. With `want`, figures in the
/// other period are converted at `hours_per_year` and marked; without it,
/// every figure stays in the period the source gives.
pub fn figures_of(s: &Salary, want: Option<Period>, hours_per_year: f64) -> Vec<SalaryFigure> {
    let target = want.unwrap_or(s.period);
    let converted = s.period != target;
    // `converted_from` keeps the source's figure exactly.
    let scale = |v: f64| convert(v, s.period, target, hours_per_year);
    let make = |kind: FigureKind, value: Option<f64>, range: Option<(f64, f64)>| SalaryFigure {
        source: s.source.clone(),
        region: s.region.clone(),
        currency: s.currency.clone(),
        period: target,
        kind,
        value: value.map(scale),
        min: range.map(|r| scale(r.0)),
        max: range.map(|r| scale(r.1)),
        converted,
        converted_from: converted.then(|| Original {
            value,
            min: range.map(|r| r.0),
            max: range.map(|r| r.1),
            period: s.period,
            hours_per_year,
        }),
    };
    let mut out = Vec::new();
    if let Some(r) = s.range {
        out.push(make(FigureKind::Range, None, Some((r.min, r.max))));
    }
    for (kind, v) in [
        (FigureKind::Median, s.median),
        (FigureKind::Average, s.average),
        (FigureKind::Entry, s.entry),
        (FigureKind::Mid, s.mid),
        (FigureKind::Senior, s.senior),
    ] {
        if let Some(v) = v {
            out.push(make(kind, Some(v), None));
        }
    }
    if let Some(r) = s.entry_range {
        out.push(make(FigureKind::EntryRange, None, Some((r.min, r.max))));
    }
    if let Some(v) = s.top_10_percent_from {
        out.push(make(FigureKind::Top10PercentFrom, Some(v), None));
    }
    out
}

/// `v` per `from` as a figure per `to`, at `hours_per_year`, rounded to
/// the cent; `v` itself when the periods are the same.
pub fn convert(v: f64, from: Period, to: Period, hours_per_year: f64) -> f64 {
    let factor = match (from, to) {
        (Period::Year, Period::Hour) => 1.0 / hours_per_year,
        (Period::Hour, Period::Year) => hours_per_year,
        _ => return v,
    };
    (v * factor * 100.0).round() / 100.0
}

/// `--hours-per-year` as a usable number, or a usage error.
pub fn check_hours(hours: f64) -> Result<f64> {
    if (MIN_HOURS_PER_YEAR..=MAX_HOURS_PER_YEAR).contains(&hours) {
        return Ok(hours);
    }
    // 1e-300 as 1e-300, not as 300 zeros.
    let shown = if hours != 0.0 && (hours.abs() < 1e-3 || hours.abs() >= 1e9) {
        format!("{hours:e}")
    } else {
        hours.to_string()
    };
    Err(Error::Usage(format!(
        "--hours-per-year must be a number of hours from {} (an hour a week) to {} (a leap year); got {shown}",
        MIN_HOURS_PER_YEAR as u32,
        MAX_HOURS_PER_YEAR as u32,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Range;

    fn salary(period: Period) -> Salary {
        Salary {
            source: "s".into(),
            currency: "USD".into(),
            period,
            region: None,
            range: Some(Range {
                min: 32000.0,
                max: 52000.0,
            }),
            median: Some(42000.0),
            average: None,
            entry: None,
            mid: None,
            senior: None,
            entry_range: None,
            top_10_percent_from: None,
            note: None,
        }
    }

    #[test]
    fn yearly_figures_convert_to_hourly_and_are_marked() {
        let f = figures_of(&salary(Period::Year), Some(Period::Hour), 2080.0);
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].kind, FigureKind::Median);
        let v = f[1].value.unwrap_or_default();
        assert_eq!(v, 20.19, "rounded to the cent");
        assert!(f[1].converted);
        let from = f[1].converted_from.as_ref().map(|o| (o.value, o.period));
        assert_eq!(from, Some((Some(42000.0), Period::Year)));
        assert_eq!(f[0].min.map(|v| v.round()), Some(15.0));
    }

    #[test]
    fn without_a_period_figures_stay_as_given() {
        let f = figures_of(&salary(Period::Hour), None, 2080.0);
        assert!(f.iter().all(|f| !f.converted && f.period == Period::Hour));
        assert_eq!(f[1].value, Some(42000.0));
    }

    #[test]
    fn hours_per_year_must_be_a_real_working_year() {
        assert!(check_hours(2080.0).is_ok());
        assert!(check_hours(8784.0).is_ok());
        for bad in [0.0, -1.0, 8785.0, f64::NAN, f64::INFINITY] {
            assert!(check_hours(bad).is_err(), "{bad}");
        }
    }
}
