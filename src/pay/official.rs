//! The official figures of a role: the BLS wages (OEWS, May 2025) of each
//! SOC code it links to, in one area.

use super::figures::convert;
use super::{Basis, PayFigure};
use crate::model::{Period, SocLink};
use crate::wages::{self, Area, AreaKind, WageValue, Wages, SOURCE_ID};
use serde::Serialize;

/// An area as output shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaRef {
    pub code: String,
    pub name: String,
    pub kind: AreaKind,
    /// The USPS code of the state, for states (and a metro's first state).
    pub postal: Option<String>,
}

impl AreaRef {
    pub fn is_nation(&self) -> bool {
        self.kind == AreaKind::Nation
    }

    pub fn of(a: &Area) -> AreaRef {
        AreaRef {
            code: a.code.to_string(),
            name: a.name.to_string(),
            kind: a.kind,
            postal: a.postal.map(str::to_string),
        }
    }

    /// "National (U.S.)", "Texas (TX)", "Austin-Round Rock-San Marcos, TX".
    pub fn label(&self) -> String {
        match (self.kind, &self.postal) {
            (AreaKind::Nation, _) => "National (U.S.)".to_string(),
            (AreaKind::State, Some(p)) => format!("{} ({p})", self.name),
            _ => self.name.clone(),
        }
    }
}

/// The official figures for one SOC occupation linked to a role.
#[derive(Debug, Clone, Serialize)]
pub struct OfficialWages {
    pub soc: String,
    pub occupation: String,
    /// The occupation is broader or narrower than the role.
    pub approximate: bool,
    /// Why this code: the source that backs the link, or the stated reason.
    pub link_source: Option<String>,
    pub link_reason: Option<String>,
    pub area: AreaRef,
    /// `null` when the area publishes no estimate for this occupation.
    pub wages: Option<Wages>,
    pub source: String,
    /// The median as a pay figure ([`median_figure`]): annual, or hourly
    /// where the BLS publishes the occupation by the hour only; `null`
    /// when the area publishes no median.
    pub median: Option<PayFigure>,
}

/// The official wages of every SOC code a role links to (`soc`), in `area`.
pub fn for_links(soc: &[SocLink], area: &Area) -> Vec<OfficialWages> {
    soc.iter()
        .filter_map(|link| {
            let occ = wages::occupation(&link.code)?;
            let mut o = OfficialWages {
                soc: link.code.clone(),
                occupation: occ.title.to_string(),
                approximate: link.approximate,
                link_source: link.source.clone(),
                link_reason: link.reason.clone(),
                area: AreaRef::of(area),
                wages: wages::wages(area, &link.code),
                source: SOURCE_ID.to_string(),
                median: None,
            };
            o.median = median_figure(&o, None, super::DEFAULT_HOURS_PER_YEAR);
            Some(o)
        })
        .collect()
}

/// The official median of one occupation, as a pay figure: the median in
/// `want` (the annual one when no period is asked). Where the BLS
/// publishes a median in only one period (footnote 4: occupations paid by
/// the hour or the year only, such as actors) that one is taken, converted
/// and marked only when another period is asked. A top-coded median is its
/// floor, marked; `None` when the area publishes no median at all.
pub fn median_figure(o: &OfficialWages, want: Option<Period>, hours: f64) -> Option<PayFigure> {
    let w = o.wages.as_ref()?;
    let target = want.unwrap_or(Period::Year);
    let cell = |p: Period| match p {
        Period::Year => w.annual.median,
        Period::Hour => w.hourly.median,
    };
    let other = match target {
        Period::Year => Period::Hour,
        Period::Hour => Period::Year,
    };
    let (period, (value, top_coded)) = [target, other].into_iter().find_map(|p| match cell(p) {
        WageValue::Value(v) => Some((p, (v, false))),
        WageValue::TopCoded { cap } => Some((p, (cap, true))),
        WageValue::NotAvailable { .. } | WageValue::Missing => None,
    })?;
    // Shown in its own period unless a period is asked for.
    let shown = want.unwrap_or(period);
    Some(PayFigure {
        value: Some(convert(value, period, shown, hours)),
        min: None,
        max: None,
        currency: "USD".into(),
        period: shown,
        basis: Basis::OfficialMedian,
        source: o.source.clone(),
        soc: Some(o.soc.clone()),
        approximate: o.approximate,
        area: Some(o.area.clone()),
        top_coded,
        converted: shown != period,
    })
}

/// The official median that stands for a role no guide gives pay for: of
/// its exact SOC links first, then the approximate ones, the first the
/// area publishes a median for.
pub fn official_headline(
    official: &[OfficialWages],
    want: Option<Period>,
    hours: f64,
) -> Option<PayFigure> {
    let exact = official.iter().filter(|o| !o.approximate);
    let approximate = official.iter().filter(|o| o.approximate);
    exact
        .chain(approximate)
        .find_map(|o| median_figure(o, want, hours))
}
