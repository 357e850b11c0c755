//! `careers salary [ROLE...]`: every pay figure of the chosen roles, each
//! with its source, the highest-paid roles first.
//!
//! Each role's figures are its pay answer ([`crate::pay`]): the curated
//! figures, a flat list in which each figure says which source, region,
//! currency and period it belongs to (so the text renderer groups them by
//! source, region, currency and period), then the official figures of its
//! SOC codes. The chart has one scale per currency and period: figures are
//! charted in the period their source gives unless `--hourly` asks for
//! hours, when yearly ones are converted and marked.

use crate::catalog::Catalog;
use crate::citations::Citations;
use crate::cli::SalaryArgs;
use crate::error::Result;
use crate::model::{Period, RoleCore};
use crate::pay::{self, Ask, FigureKind, OfficialWages, PayAnswer, PayFigure, SalaryFigure};
use serde::{Serialize, Serializer};
use std::cmp::Ordering;

/// One role's pay.
#[derive(Debug, Clone, Serialize)]
pub struct SalaryRow {
    pub id: String,
    pub title: String,
    /// The role's headline pay, what it is sorted by; `null` when no
    /// source gives pay (such roles come last).
    pub ranked_by: Option<PayFigure>,
    /// Every curated figure, grouped by source in the order the role
    /// lists them.
    pub figures: Vec<SalaryFigure>,
    /// The sources' notes on their figures, by source id.
    pub notes: Vec<SourceNote>,
    /// Official wages (BLS) of the role's SOC occupations in the area.
    pub official: Vec<OfficialWages>,
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
    /// One chart per currency and period, each on its own scale.
    pub charts: Vec<Chart>,
    /// The roles no source gives pay for.
    pub unpaid: Vec<Bar>,
    /// Some charted figure was converted from the other period.
    pub converted: bool,
    /// The sources cited, in order of first citation, for the legend.
    pub sources: Citations<'a>,
}

impl Serialize for SalaryView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.rows.serialize(serializer)
    }
}

/// The bars of one currency and period, highest-paid role first, and the
/// scale they share.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub currency: String,
    pub period: Period,
    /// One per source entry with a range, median or average (or the
    /// official median of a role no guide gives pay for); a role's first
    /// bar in this chart is marked `first`.
    pub bars: Vec<Bar>,
    /// The lowest and highest figure of the bars (0 and 0 when none is
    /// finite).
    pub low: f64,
    pub high: f64,
}

/// One bar of the chart: a source's range with its median (or average)
/// marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub id: String,
    pub title: String,
    /// The first bar of its role in its chart (later ones are unlabelled).
    pub first: bool,
    /// `None` for a role no source gives pay for.
    pub figure: Option<BarFigure>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarFigure {
    pub source: String,
    pub currency: String,
    pub period: Period,
    pub range: Option<(f64, f64)>,
    /// The median, else the average.
    pub mark: Option<(FigureKind, f64)>,
    /// Converted from the other period.
    pub converted: bool,
    /// The official median of a role no guide gives pay for.
    pub official: bool,
    /// An official median at or above the BLS cap: the mark is the cap.
    pub top_coded: bool,
}

impl BarFigure {
    /// What the bar is ranked by within its chart: its mark, else the
    /// middle of its range.
    fn rank(&self) -> f64 {
        self.mark
            .map(|(_, v)| v)
            .or(self.range.map(|(a, b)| (a + b) / 2.0))
            .unwrap_or(f64::NEG_INFINITY)
    }
}

/// The bars of a role: one per curated entry with a range, median or
/// average, in the period `ask` shows it in; with no such entry, its
/// headline official median; with nothing at all, one bar without a
/// figure.
fn bars_of(role: &RoleCore, answer: &PayAnswer, ask: &Ask<'_>) -> Vec<Bar> {
    let bar = |figure| Bar {
        id: role.id.clone(),
        title: role.title.clone(),
        first: false,
        figure,
    };
    let mut out: Vec<Bar> = Vec::new();
    for s in &role.salary {
        let figures = pay::figures_of(s, ask.period, ask.hours_per_year);
        let find = |k: FigureKind| figures.iter().find(|f| f.kind == k);
        let range = find(FigureKind::Range).and_then(|f| f.min.zip(f.max));
        let mark = find(FigureKind::Median)
            .or_else(|| find(FigureKind::Average))
            .and_then(|f| f.value.map(|v| (f.kind, v)));
        let (Some(first), true) = (figures.first(), range.is_some() || mark.is_some()) else {
            continue;
        };
        out.push(bar(Some(BarFigure {
            source: s.source.clone(),
            currency: first.currency.clone(),
            period: first.period,
            range,
            mark,
            converted: first.converted,
            official: false,
            top_coded: false,
        })));
    }
    if out.is_empty() {
        let official = answer.headline.as_ref().filter(|h| h.is_official());
        out.push(bar(official.and_then(|h| {
            Some(BarFigure {
                source: h.source.clone(),
                currency: h.currency.clone(),
                period: h.period,
                range: None,
                mark: Some((FigureKind::Median, h.value?)),
                converted: h.converted,
                official: true,
                top_coded: h.top_coded,
            })
        })));
    }
    out
}

/// The charts of `bars` (one per currency and period, currencies in order
/// of first appearance, yearly before hourly; within each, roles by their
/// best bar, highest first) and the bars without a figure.
fn charts_of(bars: Vec<Bar>) -> (Vec<Chart>, Vec<Bar>) {
    let mut charts: Vec<Chart> = Vec::new();
    let mut unpaid = Vec::new();
    for bar in bars {
        let Some((currency, period)) = bar.figure.as_ref().map(|f| (f.currency.clone(), f.period))
        else {
            unpaid.push(bar);
            continue;
        };
        match charts
            .iter_mut()
            .find(|c| c.currency == currency && c.period == period)
        {
            Some(chart) => chart.bars.push(bar),
            None => charts.push(Chart {
                currency,
                period,
                bars: vec![bar],
                low: 0.0,
                high: 0.0,
            }),
        }
    }
    let currencies: Vec<String> = charts.iter().map(|c| c.currency.clone()).collect();
    let first_seen = |c: &str| currencies.iter().position(|x| x == c);
    charts.sort_by_key(|c| (first_seen(&c.currency), c.period != Period::Year));
    for chart in &mut charts {
        order_bars(&mut chart.bars);
        scale(chart);
    }
    (charts, unpaid)
}

/// Roles by their best bar, highest first (a role's bars stay together,
/// in its order); each role's first bar is marked.
fn order_bars(bars: &mut Vec<Bar>) {
    let mut roles: Vec<(f64, Vec<Bar>)> = Vec::new();
    for bar in bars.drain(..) {
        let rank = bar
            .figure
            .as_ref()
            .map_or(f64::NEG_INFINITY, BarFigure::rank);
        match roles.iter_mut().find(|(_, b)| b[0].id == bar.id) {
            Some((best, group)) => {
                *best = best.max(rank);
                group.push(bar);
            }
            None => roles.push((rank, vec![bar])),
        }
    }
    roles.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, group) in roles {
        for (i, mut bar) in group.into_iter().enumerate() {
            bar.first = i == 0;
            bars.push(bar);
        }
    }
}

/// The lowest and highest figure of a chart's bars.
fn scale(chart: &mut Chart) {
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
    let ask = Ask {
        area: crate::commands::official::area(args.area.as_deref())?,
        period: args.hourly.then_some(Period::Hour),
        hours_per_year: pay::check_hours(args.hours_per_year)?,
    };
    let roles = resolve_all(catalog, &args.roles)?;
    let mut bars = Vec::new();
    let mut rows: Vec<SalaryRow> = Vec::with_capacity(roles.len());
    for r in &roles {
        let answer = pay::answer(&r.salary, &r.soc, &ask);
        bars.extend(bars_of(r, &answer, &ask));
        rows.push(SalaryRow {
            id: r.id.clone(),
            title: r.title.clone(),
            ranked_by: answer.headline,
            figures: answer.curated,
            official: answer.official,
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
        });
    }
    sort_rows(&mut rows);
    let mut sources = Citations::new(&catalog.sources);
    for r in &rows {
        sources.cite_all(r.ranked_by.iter().map(|f| f.source.as_str()));
        sources.cite_all(r.figures.iter().map(|f| f.source.as_str()));
        sources.cite_all(r.official.iter().map(|o| o.source.as_str()));
    }
    let converted = bars
        .iter()
        .any(|b| b.figure.as_ref().is_some_and(|f| f.converted));
    let (charts, unpaid) = charts_of(bars);
    Ok(SalaryView {
        rows,
        period: ask.period,
        hours_per_year: ask.hours_per_year,
        charts,
        unpaid,
        converted,
        sources,
    })
}

/// Highest ranking figure first. Figures in different currencies or
/// periods are not compared: the currency most roles are paid in comes
/// first, then the others by code, each yearly before hourly; roles with
/// no figure last; ties by title.
pub fn sort_rows(rows: &mut [SalaryRow]) {
    use std::collections::BTreeMap;
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for r in rows.iter() {
        if let Some(f) = &r.ranked_by {
            *count.entry(f.currency.clone()).or_default() += 1;
        }
    }
    let group = |f: &PayFigure| {
        (
            std::cmp::Reverse(count.get(&f.currency).copied().unwrap_or(0)),
            f.currency.clone(),
            f.period != Period::Year,
        )
    };
    let value = |f: &PayFigure| f.value.or(f.max).unwrap_or(f64::NEG_INFINITY);
    let by_title = |a: &SalaryRow, b: &SalaryRow| {
        a.title
            .to_lowercase()
            .cmp(&b.title.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    };
    rows.sort_by(|a, b| match (&a.ranked_by, &b.ranked_by) {
        (Some(x), Some(y)) => group(x)
            .cmp(&group(y))
            .then_with(|| value(y).total_cmp(&value(x)))
            .then_with(|| by_title(a, b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => by_title(a, b),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pay::Basis;

    fn figure(value: f64, currency: &str, period: Period) -> PayFigure {
        PayFigure {
            value: Some(value),
            min: None,
            max: None,
            currency: currency.into(),
            period,
            basis: Basis::Median,
            source: "s".into(),
            soc: None,
            approximate: false,
            area: None,
            top_coded: false,
            converted: false,
        }
    }

    #[test]
    fn sorting_puts_unknown_last_and_never_mixes_currencies_or_periods() {
        let row = |id: &str, v: Option<PayFigure>| SalaryRow {
            id: id.into(),
            title: id.into(),
            ranked_by: v,
            figures: vec![],
            notes: vec![],
            official: vec![],
        };
        let mut rows = vec![
            row("none", None),
            row("hourly", Some(figure(90.0, "USD", Period::Hour))),
            row("eur", Some(figure(90000.0, "EUR", Period::Year))),
            row("low", Some(figure(30000.0, "USD", Period::Year))),
            row("high", Some(figure(50000.0, "USD", Period::Year))),
        ];
        sort_rows(&mut rows);
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["high", "low", "hourly", "eur", "none"]);
    }
}
