//! `careers salary [ROLE...]`: every pay figure of the chosen roles, each
//! with its source, the highest-paid roles first.
//!
//! A role's figures are a flat list; each figure says which source, region,
//! currency and period it belongs to, so the text renderer groups them by
//! (source, region, currency, original period). Another provider (official
//! wage percentiles, say) adds figures with its own source id, region and
//! [`FigureKind`]s, and they are grouped, charted and printed like the rest.

use crate::catalog::Catalog;
use crate::citations::Citations;
use crate::cli::SalaryArgs;
use crate::error::{Error, Result};
use crate::model::{Period, RoleCore, Salary};
use serde::{Serialize, Serializer};

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
    let factor = match (s.period, target) {
        (Period::Year, Period::Hour) => 1.0 / hours_per_year,
        (Period::Hour, Period::Year) => hours_per_year,
        _ => 1.0,
    };
    let converted = s.period != target;
    // Converted values are rounded to the cent; `converted_from` keeps
    // the source's figure exactly.
    let scale = |v: f64| {
        if converted {
            (v * factor * 100.0).round() / 100.0
        } else {
            v
        }
    };
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

/// The figure a role is ranked by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankFigure {
    pub value: f64,
    pub currency: String,
    pub period: Period,
    /// `"median"`, `"average"` or `"midpoint of range"`.
    pub basis: String,
    pub source: String,
    pub converted: bool,
}

/// One role's pay.
#[derive(Debug, Clone, Serialize)]
pub struct SalaryRow {
    pub id: String,
    pub title: String,
    /// What the role is sorted by; `null` when no source gives pay.
    pub ranked_by: Option<RankFigure>,
    /// Every figure, grouped by source in the order the role lists them.
    pub figures: Vec<SalaryFigure>,
    /// The sources' notes on their figures, by source id.
    pub notes: Vec<SourceNote>,
    /// Official wages (BLS) of the role's SOC occupations in the area.
    pub official: Vec<crate::commands::official::OfficialWages>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceNote {
    pub source: String,
    pub note: String,
}

/// Pay for the chosen roles. Serializes as the array of rows.
#[derive(Debug)]
pub struct SalaryView<'a> {
    pub rows: Vec<SalaryRow>,
    /// The period figures are shown in; `None` means each source's own.
    pub period: Option<Period>,
    pub hours_per_year: f64,
    /// The period the chart is drawn in.
    pub chart_period: Period,
    /// One chart per currency, in order of first appearance, each on its
    /// own scale.
    pub charts: Vec<Chart>,
    /// The roles no source gives pay for.
    pub unpaid: Vec<Bar>,
    /// Some charted figure was converted from the other period.
    pub converted: bool,
    /// Titles of roles with figures in the other period that the chart
    /// leaves out (they are listed, unconverted, below it).
    pub uncharted: Vec<String>,
    /// The sources cited, in order of first citation, for the legend.
    pub sources: Citations<'a>,
}

impl Serialize for SalaryView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.rows.serialize(serializer)
    }
}

/// The bars of one currency, highest-paid role first, and the scale they
/// share.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub currency: String,
    /// One per source entry with a range, median or average; a role's
    /// first bar in this chart is marked `first`.
    pub bars: Vec<Bar>,
    /// The lowest and highest figure of the bars (0 and 0 when none is
    /// finite).
    pub low: f64,
    pub high: f64,
}

/// The charts of `bars` (grouped by currency) and the bars without a figure.
fn charts_of(bars: Vec<Bar>) -> (Vec<Chart>, Vec<Bar>) {
    let mut charts: Vec<Chart> = Vec::new();
    let mut unpaid = Vec::new();
    for mut bar in bars {
        let Some(currency) = bar.figure.as_ref().map(|f| f.currency.clone()) else {
            unpaid.push(bar);
            continue;
        };
        let chart = match charts.iter().position(|c| c.currency == currency) {
            Some(i) => &mut charts[i],
            None => {
                charts.push(Chart {
                    currency,
                    bars: Vec::new(),
                    low: 0.0,
                    high: 0.0,
                });
                charts.last_mut().expect("just pushed")
            }
        };
        bar.first = !chart.bars.iter().any(|have| have.id == bar.id);
        chart.bars.push(bar);
    }
    for chart in &mut charts {
        let values = chart
            .bars
            .iter()
            .filter_map(|b| b.figure.as_ref())
            .flat_map(|f| {
                let range = f.range.map(|(a, b)| [a, b]).into_iter().flatten();
                range.chain(f.mark.map(|(_, m)| m))
            })
            .filter(|v| v.is_finite());
        let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        if low.is_finite() && high.is_finite() {
            (chart.low, chart.high) = (low, high);
        }
    }
    (charts, unpaid)
}

/// One bar of the chart: a source's range with its median (or average)
/// marked, in the chart's period.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub id: String,
    pub title: String,
    /// The first bar of its role (later bars of the role are unlabelled).
    pub first: bool,
    /// `None` for a role no source gives pay for.
    pub figure: Option<BarFigure>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarFigure {
    pub source: String,
    pub currency: String,
    pub range: Option<(f64, f64)>,
    /// The median, else the average.
    pub mark: Option<(FigureKind, f64)>,
    /// Converted from the other period to the chart's.
    pub converted: bool,
}

/// The bars of a role in `period`. Entries in the other period are
/// converted only when `convert` is set.
pub fn bars_of(role: &RoleCore, period: Period, hours_per_year: f64, convert: bool) -> Vec<Bar> {
    let mut out: Vec<Bar> = Vec::new();
    for s in role.salary.iter().filter(|s| convert || s.period == period) {
        let figures = figures_of(s, Some(period), hours_per_year);
        let find = |k: FigureKind| figures.iter().find(|f| f.kind == k);
        let range = find(FigureKind::Range).and_then(|f| f.min.zip(f.max));
        let mark = find(FigureKind::Median)
            .or_else(|| find(FigureKind::Average))
            .and_then(|f| f.value.map(|v| (f.kind, v)));
        if range.is_none() && mark.is_none() {
            continue;
        }
        out.push(Bar {
            id: role.id.clone(),
            title: role.title.clone(),
            first: out.is_empty(),
            figure: Some(BarFigure {
                source: s.source.clone(),
                currency: s.currency.clone(),
                range,
                mark,
                converted: s.period != period,
            }),
        });
    }
    if out.is_empty() {
        out.push(Bar {
            id: role.id.clone(),
            title: role.title.clone(),
            first: true,
            figure: None,
        });
    }
    out
}

/// The figure to rank a role by, in `period`: a median, else an average,
/// else the midpoint of a range; figures already in `period` before
/// converted ones.
pub fn rank_figure(role: &RoleCore, period: Period, hours_per_year: f64) -> Option<RankFigure> {
    type Pick = fn(&Salary) -> Option<f64>;
    let picks: [(&str, Pick); 3] = [
        ("median", |s| s.median),
        ("average", |s| s.average),
        ("midpoint of range", |s| {
            s.range.map(|r| (r.min + r.max) / 2.0)
        }),
    ];
    for (basis, pick) in picks {
        let own = role.salary.iter().filter(|s| s.period == period);
        let other = role.salary.iter().filter(|s| s.period != period);
        for s in own.chain(other) {
            if let Some(v) = pick(s) {
                let factor = match (s.period, period) {
                    (Period::Year, Period::Hour) => 1.0 / hours_per_year,
                    (Period::Hour, Period::Year) => hours_per_year,
                    _ => 1.0,
                };
                return Some(RankFigure {
                    value: if s.period == period {
                        v
                    } else {
                        (v * factor * 100.0).round() / 100.0
                    },
                    currency: s.currency.clone(),
                    period,
                    basis: basis.to_string(),
                    source: s.source.clone(),
                    converted: s.period != period,
                });
            }
        }
    }
    None
}

/// Resolves the named roles (every role when none), dropping repeats.
pub fn resolve_all<'a>(catalog: &'a Catalog, names: &[String]) -> Result<Vec<&'a RoleCore>> {
    if names.is_empty() {
        return catalog.cores().collect();
    }
    let mut out: Vec<&RoleCore> = Vec::new();
    // A name given again resolves to the same role: resolving it again
    // cost milliseconds a copy (5,000 copies of a misspelt name: 20 s).
    let mut asked = std::collections::HashSet::new();
    let mut ids = std::collections::HashSet::new();
    for name in names {
        if !asked.insert(name.as_str()) {
            continue;
        }
        // Short facts are enough: pay and SOC links.
        let role = catalog.resolve_core(name)?;
        if ids.insert(role.id.as_str()) {
            out.push(role);
        }
    }
    Ok(out)
}

pub fn run<'a>(catalog: &'a Catalog, args: &SalaryArgs) -> Result<SalaryView<'a>> {
    let hours = check_hours(args.hours_per_year)?;
    let area = crate::commands::official::area(args.area.as_deref())?;
    let roles = resolve_all(catalog, &args.roles)?;
    let period = args.hourly.then_some(Period::Hour);
    let chart_period = period.unwrap_or(Period::Year);
    let mut rows: Vec<SalaryRow> = roles
        .iter()
        .map(|r| SalaryRow {
            id: r.id.clone(),
            title: r.title.clone(),
            ranked_by: rank_figure(r, chart_period, hours)
                .or_else(|| official_rank(r, area, chart_period)),
            official: crate::commands::official::for_links(&r.soc, area),
            figures: r
                .salary
                .iter()
                .flat_map(|s| figures_of(s, period, hours))
                .collect(),
            notes: r
                .salary
                .iter()
                .filter_map(|s| {
                    s.note.as_ref().map(|n| SourceNote {
                        source: s.source.clone(),
                        note: n.clone(),
                    })
                })
                .collect(),
        })
        .collect();
    sort_rows(&mut rows);
    let mut uncharted = Vec::new();
    let bars: Vec<Bar> = rows
        .iter()
        .filter_map(|row| roles.iter().find(|r| r.id == row.id))
        .flat_map(|r| {
            // Converted figures are charted only when asked for (--hourly)
            // or when a role has nothing else: a converted hourly average
            // next to a yearly range would stretch the scale for no news.
            let own = bars_of(r, chart_period, hours, args.hourly);
            if own.iter().any(|b| b.figure.is_some()) {
                if r.salary.iter().any(|s| s.period != chart_period) && !args.hourly {
                    uncharted.push(r.title.clone());
                }
                own
            } else {
                bars_of(r, chart_period, hours, true)
            }
        })
        .collect();
    let mut sources = Citations::new(&catalog.sources);
    let official_ids = rows.iter().flat_map(|r| &r.official).map(|o| &o.source);
    sources.cite_all(
        rows.iter()
            .flat_map(|r| &r.figures)
            .map(|f| &f.source)
            .chain(official_ids)
            .map(String::as_str),
    );
    let converted = bars
        .iter()
        .any(|b| b.figure.as_ref().is_some_and(|f| f.converted));
    let (charts, unpaid) = charts_of(bars);
    Ok(SalaryView {
        rows,
        period,
        hours_per_year: hours,
        chart_period,
        charts,
        unpaid,
        converted,
        uncharted,
        sources,
    })
}

/// The official median in `area` for a role no guide gives pay for, so it
/// still sorts by a sourced figure.
fn official_rank(r: &RoleCore, area: &crate::wages::Area, period: Period) -> Option<RankFigure> {
    let o = crate::commands::official::for_links(&r.soc, area)
        .into_iter()
        .find(|o| o.wages.is_some())?;
    let w = o.wages?;
    let value = match period {
        Period::Year => w.annual.median.value()?,
        Period::Hour => w.hourly.median.value()?,
    };
    Some(RankFigure {
        value,
        currency: "USD".into(),
        period,
        basis: format!("official median, SOC {}", o.soc),
        source: o.source,
        converted: false,
    })
}

/// Highest ranking figure first. Figures in different currencies are not
/// compared: the currency most roles are paid in comes first, then the
/// others by code; roles with no figure last; ties by title.
pub fn sort_rows(rows: &mut [SalaryRow]) {
    use std::cmp::Ordering;
    use std::collections::BTreeMap;
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for r in rows.iter() {
        if let Some(f) = &r.ranked_by {
            *count.entry(f.currency.clone()).or_default() += 1;
        }
    }
    let currency_rank = |c: &str| -> (std::cmp::Reverse<usize>, String) {
        (
            std::cmp::Reverse(count.get(c).copied().unwrap_or(0)),
            c.to_string(),
        )
    };
    let by_title = |a: &SalaryRow, b: &SalaryRow| {
        a.title
            .to_lowercase()
            .cmp(&b.title.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    };
    rows.sort_by(|a, b| match (&a.ranked_by, &b.ranked_by) {
        (Some(x), Some(y)) => currency_rank(&x.currency)
            .cmp(&currency_rank(&y.currency))
            .then_with(|| y.value.total_cmp(&x.value))
            .then_with(|| by_title(a, b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => by_title(a, b),
    });
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

    #[test]
    fn sorting_puts_unknown_last_and_never_mixes_currencies() {
        let row = |id: &str, v: Option<(f64, &str)>| SalaryRow {
            id: id.into(),
            title: id.into(),
            ranked_by: v.map(|(value, c)| RankFigure {
                value,
                currency: c.into(),
                period: Period::Year,
                basis: "median".into(),
                source: "s".into(),
                converted: false,
            }),
            figures: vec![],
            notes: vec![],
            official: vec![],
        };
        let mut rows = vec![
            row("none", None),
            row("eur", Some((90000.0, "EUR"))),
            row("low", Some((30000.0, "USD"))),
            row("high", Some((50000.0, "USD"))),
        ];
        sort_rows(&mut rows);
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["high", "low", "eur", "none"]);
    }
}
