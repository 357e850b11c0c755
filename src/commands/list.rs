//! `careers list`: every role, one line each.

use crate::catalog::Catalog;
use crate::citations::Citations;
use crate::clean::clean;
use crate::cli::{ListArgs, ListSort};
use crate::commands::soc_facts::{self, Category};
use crate::error::{Error, Result};
use crate::model::{Period, RoleCore};
use crate::pay::{self, Ask, PayFigure};
use crate::validate::normalize_name;
use crate::wages::{self, Level, Occupation};
use serde::Serialize;
use std::cmp::Ordering;

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
    /// The role's headline pay ([`crate::pay`]), national.
    pub pay: Option<PayFigure>,
    /// Every outlook statement of the role's guides with a growth figure
    /// or a status.
    pub growth: Vec<GrowthFigure>,
    /// The BLS projection of the SOC occupation the role stands for (its
    /// own, or a curated role's first SOC link: exact before approximate),
    /// with its typical entry-level education; `None` without a link.
    pub projection: Option<ListProjection>,
}

/// What `list` shows of a BLS projection: the change, its category and
/// the typical entry-level education of one SOC occupation.
#[derive(Debug, Clone, Serialize)]
pub struct ListProjection {
    pub soc: &'static str,
    pub approximate: bool,
    pub source: &'static str,
    /// Percent, 2024–34, one decimal.
    pub change_pct: f64,
    pub growth: crate::official::Growth,
    pub openings_per_year: u32,
    pub entry_education: Category<crate::official::Education>,
}

/// The projection of the first SOC occupation of `soc` the tables have.
pub fn projection_of(soc: &[crate::model::SocLink]) -> Option<ListProjection> {
    let first = soc_facts::links(soc).into_iter().next()?;
    let (o, r) = (
        soc_facts::outlook(&first)?,
        soc_facts::requirements(&first)?,
    );
    Some(ListProjection {
        soc: o.soc,
        approximate: o.approximate,
        source: o.source,
        change_pct: o.change_pct,
        growth: o.growth,
        openings_per_year: o.openings_per_year,
        entry_education: r.entry_education,
    })
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ListView<'a> {
    pub rows: Vec<ListRow>,
    /// The sources the rows cite, numbered row by row (pay, then growth).
    #[serde(skip)]
    pub sources: Citations<'a>,
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
    // Short facts are enough: names, family, pay and outlook.
    let entries: Vec<&RoleCore> = if args.all {
        catalog.all_cores()?
    } else {
        catalog.cores().collect::<Result<_>>()?
    };
    let entries = match &args.family {
        None => entries,
        Some(f) if args.all => in_groups(entries, &major_groups(f)?),
        Some(f) => in_family(catalog, entries, f)?,
    };
    let ask = Ask::national();
    let mut rows: Vec<ListRow> = entries
        .into_iter()
        .map(|r| ListRow {
            id: r.id.clone(),
            title: r.title.clone(),
            family: r.family.name.clone(),
            pay: pay::headline(&r.salary, &r.soc, &ask),
            growth: growth_of(r),
            projection: projection_of(&r.soc),
        })
        .collect();
    sort(&mut rows, args.sort);
    let mut sources = Citations::new(&catalog.sources);
    for r in &rows {
        sources.cite_all(r.pay.iter().map(|p| p.source.as_str()));
        sources.cite_all(r.growth.iter().map(|g| g.source.as_str()));
        sources.cite_all(r.projection.iter().map(|p| p.source));
    }
    Ok(ListView { rows, sources })
}

/// The curated roles of family `f`; none is an error naming the families.
fn in_family<'c>(
    catalog: &'c Catalog,
    entries: Vec<&'c RoleCore>,
    f: &str,
) -> Result<Vec<&'c RoleCore>> {
    let wanted = normalize_name(f);
    let found: Vec<&RoleCore> = entries
        .into_iter()
        .filter(|r| normalize_name(&r.family.name) == wanted)
        .collect();
    if !found.is_empty() {
        return Ok(found);
    }
    // Names from data and the argument, made safe for one line.
    let mut families: Vec<String> = catalog
        .cores()
        .map(|r| r.map(|r| clean(&r.family.name).into_owned()))
        .collect::<Result<_>>()?;
    families.sort();
    families.dedup();
    Err(Error::NoResults(format!(
        "no roles in family `{}`; families: {} (with --all, the SOC major groups)",
        clean(f),
        families.join(", ")
    )))
}

/// Every SOC major group (`29-0000 Healthcare Practitioners and Technical
/// Occupations`), by code.
fn all_major_groups() -> impl Iterator<Item = &'static Occupation> {
    // 00-0000 is "All Occupations", not a group of them.
    wages::occupations()
        .iter()
        .filter(|o| o.level == Level::Major && !o.soc.starts_with("00"))
}

/// The SOC major groups `--family` names with `--all`: by number (`29`,
/// `29-0000`), by name in any case and with or without "occupations"
/// (`healthcare practitioners and technical`), or by words in the name
/// (`healthcare` is both healthcare groups). None is an error that lists
/// them.
fn major_groups(f: &str) -> Result<Vec<&'static Occupation>> {
    let query = normalize_name(f);
    let number = query.strip_suffix(" 0000").unwrap_or(&query);
    let name = |o: &Occupation| normalize_name(o.title);
    let short = |o: &Occupation| {
        let n = name(o);
        n.strip_suffix(" occupations")
            .map(str::to_string)
            .unwrap_or(n)
    };
    let by_number: Vec<_> = all_major_groups()
        .filter(|o| o.soc.get(..2) == Some(number))
        .collect();
    let by_name: Vec<_> = all_major_groups()
        .filter(|o| name(o) == query || short(o) == query)
        .collect();
    let padded = format!(" {query} ");
    let by_words: Vec<_> = all_major_groups()
        .filter(|o| !query.is_empty() && format!(" {} ", name(o)).contains(&padded))
        .collect();
    match [by_number, by_name, by_words]
        .into_iter()
        .find(|m| !m.is_empty())
    {
        Some(groups) => Ok(groups),
        None => {
            let listed: Vec<String> = all_major_groups()
                .map(|o| format!("{} {}", o.soc.get(..2).unwrap_or(o.soc), short_title(o)))
                .collect();
            Err(Error::NoResults(format!(
                "no SOC major group matches `{}`; with --all, families are the SOC major \
                 groups, by number or name: {}",
                clean(f),
                listed.join(", ")
            )))
        }
    }
}

/// "Healthcare Practitioners and Technical" for the group's title.
fn short_title(o: &Occupation) -> &'static str {
    o.title.strip_suffix(" Occupations").unwrap_or(o.title)
}

/// The entries with a SOC code in one of `groups` (curated roles through
/// their SOC links).
fn in_groups<'c>(entries: Vec<&'c RoleCore>, groups: &[&Occupation]) -> Vec<&'c RoleCore> {
    let prefixes: Vec<&str> = groups.iter().filter_map(|g| g.soc.get(..3)).collect();
    entries
        .into_iter()
        .filter(|r| {
            r.soc
                .iter()
                .any(|l| prefixes.iter().any(|p| l.code.starts_with(p)))
        })
        .collect()
}

fn sort(rows: &mut [ListRow], by: ListSort) {
    let by_title = |a: &ListRow, b: &ListRow| a.title.to_lowercase().cmp(&b.title.to_lowercase());
    // Highest first, unknown last; ties by title.
    let highest = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    match by {
        ListSort::Title => rows.sort_by(by_title),
        ListSort::Salary => rows.sort_by(|a, b| {
            // Yearly and hourly figures are not compared: yearly first.
            let period = |r: &ListRow| r.pay.as_ref().map(|p| p.period != Period::Year);
            let value = |r: &ListRow| r.pay.as_ref().and_then(|p| p.value.or(p.max));
            match (period(a), period(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => Ordering::Equal,
            }
            .then_with(|| highest(value(a), value(b)))
            .then_with(|| by_title(a, b))
        }),
        ListSort::Growth => rows.sort_by(|a, b| {
            // The most optimistic figure any source states, the BLS
            // projection included; unknown growth last.
            let v = |r: &ListRow| {
                r.growth
                    .iter()
                    .filter_map(|g| g.percent)
                    .chain(r.projection.as_ref().map(|p| p.change_pct))
                    .fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.max(x))))
            };
            highest(v(a), v(b)).then_with(|| by_title(a, b))
        }),
        ListSort::Education => rows.sort_by(|a, b| {
            // Least schooling first (careers' order of the BLS
            // categories); unknown last.
            let e = |r: &ListRow| r.projection.as_ref().map(|p| p.entry_education.code);
            match (e(a), e(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then_with(|| by_title(a, b))
        }),
    }
}
