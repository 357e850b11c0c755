//! `careers list`: every role, one line each.

use crate::catalog::Catalog;
use crate::citations::Citations;
use crate::clean::clean;
use crate::cli::{ListArgs, ListSort};
use crate::error::{Error, Result};
use crate::model::{Period, RoleCore};
use serde::Serialize;

/// A pay figure with what it is and where it is from.
#[derive(Debug, Clone, Serialize)]
pub struct PayFigure {
    pub value: f64,
    pub currency: String,
    pub period: Period,
    /// "median", "average" or "midpoint of range".
    pub basis: String,
    pub source: String,
}

/// A growth figure with its source.
#[derive(Debug, Clone, Serialize)]
pub struct GrowthFigure {
    /// Percent, when the source gives one.
    pub percent: Option<f64>,
    pub trend: Option<crate::model::Trend>,
    pub status: Option<String>,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ListRow {
    pub id: String,
    pub title: String,
    pub family: String,
    /// The headline yearly pay: a median where a source gives one.
    pub median_pay: Option<PayFigure>,
    /// Every outlook statement with a growth figure or a status.
    pub growth: Vec<GrowthFigure>,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ListView<'a> {
    pub rows: Vec<ListRow>,
    /// The sources the rows cite, numbered row by row (pay, then growth).
    #[serde(skip)]
    pub sources: Citations<'a>,
}

/// The headline pay of a role: the first yearly median; else the midpoint
/// of the first yearly range (marked as such). Hourly-only figures are
/// not turned into a yearly headline here.
pub fn headline_pay(role: &RoleCore) -> Option<PayFigure> {
    let yearly = || role.salary.iter().filter(|s| s.period == Period::Year);
    if let Some(s) = yearly().find(|s| s.median.is_some()) {
        return s.median.map(|v| PayFigure {
            value: v,
            currency: s.currency.clone(),
            period: s.period,
            basis: "median".into(),
            source: s.source.clone(),
        });
    }
    yearly().find_map(|s| {
        s.range.map(|r| PayFigure {
            value: (r.min + r.max) / 2.0,
            currency: s.currency.clone(),
            period: s.period,
            basis: "midpoint of range".into(),
            source: s.source.clone(),
        })
    })
}

/// The official national median of the role's SOC occupation, for roles
/// no guide gives pay for (and for official occupations).
fn official_pay(role: &RoleCore) -> Option<PayFigure> {
    let (value, soc) = crate::commands::official::national_median(&role.soc)?;
    Some(PayFigure {
        value,
        currency: "USD".into(),
        period: Period::Year,
        basis: format!("official median, SOC {soc}"),
        source: crate::wages::SOURCE_ID.into(),
    })
}

pub fn growth_of(role: &RoleCore) -> Vec<GrowthFigure> {
    role.outlook
        .iter()
        .filter(|o| o.growth_percent.is_some() || o.trend.is_some())
        .map(|o| GrowthFigure {
            percent: o.growth_percent,
            trend: o.trend,
            status: o.status.clone(),
            source: o.source.clone(),
        })
        .collect()
}

pub fn run<'a>(catalog: &'a Catalog, args: &ListArgs) -> Result<ListView<'a>> {
    let wanted = args.family.as_deref().map(crate::validate::normalize_name);
    // Short facts are enough: names, family, pay and outlook.
    let entries: Vec<&RoleCore> = if args.all {
        catalog.all_cores()?
    } else {
        catalog.cores().collect::<Result<_>>()?
    };
    let mut rows: Vec<ListRow> = entries
        .into_iter()
        .filter(|r| {
            wanted
                .as_ref()
                .is_none_or(|f| crate::validate::normalize_name(&r.family.name) == *f)
        })
        .map(|r| ListRow {
            id: r.id.clone(),
            title: r.title.clone(),
            family: r.family.name.clone(),
            median_pay: headline_pay(r).or_else(|| official_pay(r)),
            growth: growth_of(r),
        })
        .collect();
    if rows.is_empty() {
        if let Some(f) = &args.family {
            // Names from data and the argument, made safe for one line.
            let mut families: Vec<String> = catalog
                .cores()
                .map(|r| r.map(|r| clean(&r.family.name).into_owned()))
                .collect::<Result<_>>()?;
            families.sort();
            families.dedup();
            return Err(Error::NoResults(format!(
                "no roles in family `{}`; families: {}",
                clean(f),
                families.join(", ")
            )));
        }
    }
    let by_title = |a: &ListRow, b: &ListRow| a.title.to_lowercase().cmp(&b.title.to_lowercase());
    match args.sort {
        ListSort::Title => rows.sort_by(by_title),
        ListSort::Salary => rows.sort_by(|a, b| {
            let v = |r: &ListRow| r.median_pay.as_ref().map(|p| p.value);
            // Highest first; unknown pay last.
            match (v(a), v(b)) {
                (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| by_title(a, b)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => by_title(a, b),
            }
        }),
        ListSort::Growth => rows.sort_by(|a, b| {
            // The most optimistic stated figure; unknown growth last.
            let v = |r: &ListRow| {
                r.growth
                    .iter()
                    .filter_map(|g| g.percent)
                    .fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.max(x))))
            };
            match (v(a), v(b)) {
                (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| by_title(a, b)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => by_title(a, b),
            }
        }),
    }
    let mut sources = Citations::new(&catalog.sources);
    for r in &rows {
        sources.cite_all(r.median_pay.iter().map(|p| p.source.as_str()));
        sources.cite_all(r.growth.iter().map(|g| g.source.as_str()));
    }
    Ok(ListView { rows, sources })
}
