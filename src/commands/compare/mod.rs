//! `careers compare ROLE ROLE [ROLE...]`: roles side by side, the first the
//! baseline. Pay differences are computed only between figures of the
//! same kind, currency and period; anything else is reported as not
//! comparable, with the reason. Beside the guides' facts, each role's SOC
//! occupation's BLS projection and O*NET skill ratings ([`official`]).

pub mod official;

use crate::catalog::Catalog;
use crate::citations::Citations;
use crate::cli::CompareArgs;
use crate::error::{Error, Result};
use crate::model::{Period, Role, Salary, Trend};
use crate::pay::{self, Ask, OfficialWages, PayFigure, SalaryFigure};
use crate::skillset::{gap, skills_of, tools_of, Gap, Membership, SkillIndex, ToolIndex};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// A short fact with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sourced {
    pub value: String,
    pub source: String,
}

/// One outlook statement as a source makes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GrowthStatement {
    pub source: String,
    pub attributed_to: Option<String>,
    pub percent: Option<f64>,
    pub trend: Option<Trend>,
    pub status: Option<String>,
    pub through: Option<u32>,
    pub demand: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Growth {
    /// Every outlook statement with a figure, a trend or a status.
    pub statements: Vec<GrowthStatement>,
    /// The statements name different trends (growing vs declining), the
    /// BLS projection of the role's SOC occupations counted as one.
    pub sources_disagree: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExperienceFact {
    pub min_years: Option<u32>,
    pub max_years: Option<u32>,
    /// The source's words.
    pub text: Option<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RemoteFact {
    pub remote_friendly: Option<bool>,
    pub text: Option<String>,
    pub source: String,
}

/// A tier of a ladder the role sits on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierPlace {
    /// 1-based, lowest tier first.
    pub position: usize,
    pub title: String,
    pub min_years: Option<u32>,
    pub max_years: Option<u32>,
}

/// A catalog ladder with a tier linked to the role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LadderPlace {
    pub ladder: String,
    pub source: String,
    /// The role whose profile lays the ladder out, or the ladder file's
    /// id.
    pub defined_by: String,
    /// How many tiers the ladder has.
    pub tiers_total: usize,
    /// The tiers linked to the role.
    pub tiers: Vec<TierPlace>,
}

/// One column of the comparison.
#[derive(Debug, Clone, Serialize)]
pub struct CompareRole {
    pub id: String,
    pub title: String,
    /// The role's headline pay ([`crate::pay`]): what `list`, `salary`
    /// and the other commands show for it.
    pub headline: Option<PayFigure>,
    /// Every curated pay figure, in the period its source gives.
    pub pay: Vec<SalaryFigure>,
    pub growth: Growth,
    /// Minimum education, per source.
    pub education: Vec<Sourced>,
    pub experience: Vec<ExperienceFact>,
    pub remote: Vec<RemoteFact>,
    pub stress: Vec<Sourced>,
    pub balance: Vec<Sourced>,
    pub ladders: Vec<LadderPlace>,
    /// Official wages (BLS) of the role's SOC occupations in the area.
    pub official: Vec<OfficialWages>,
    /// The role's SOC occupations (exact links first) with their BLS
    /// projection 2024–34: outlook, education, experience, training.
    pub occupations: Vec<official::OccupationFacts>,
    /// The O*NET 30.2 ratings of the first of them O*NET rates, all 35,
    /// most important first; `null` when none is rated.
    pub onet_skills: Option<crate::commands::soc_facts::SkillRatings>,
    /// Why `onet_skills` is `null`.
    pub onet_skills_unknown: Option<String>,
}

/// What a difference is measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Median,
    Average,
    RangeMin,
    RangeMax,
    Entry,
    Mid,
    Senior,
    #[serde(rename = "top_10_percent_from")]
    Top10PercentFrom,
    /// The official (BLS) medians of the roles' SOC codes, in the area.
    OfficialMedian,
}

impl Measure {
    /// The measures of the curated figures.
    pub const CURATED: [Measure; 8] = [
        Measure::Median,
        Measure::Average,
        Measure::RangeMin,
        Measure::RangeMax,
        Measure::Entry,
        Measure::Mid,
        Measure::Senior,
        Measure::Top10PercentFrom,
    ];

    fn of(self, s: &Salary) -> Option<f64> {
        match self {
            Measure::Median => s.median,
            Measure::Average => s.average,
            Measure::RangeMin => s.range.map(|r| r.min),
            Measure::RangeMax => s.range.map(|r| r.max),
            Measure::Entry => s.entry,
            Measure::Mid => s.mid,
            Measure::Senior => s.senior,
            Measure::Top10PercentFrom => s.top_10_percent_from,
            Measure::OfficialMedian => None,
        }
    }
}

/// One side of a difference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayPoint {
    pub value: f64,
    pub currency: String,
    pub period: Period,
    pub source: String,
    /// For an official median, its SOC code.
    pub soc: Option<String>,
}

/// A role's pay against the baseline's, on one measure both give.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayDifference {
    /// The role compared with the baseline.
    pub role: String,
    pub measure: Measure,
    /// Same currency and period: `amount` and `percent` are set.
    pub comparable: bool,
    pub baseline: PayPoint,
    pub other: PayPoint,
    /// `other - baseline`, in their currency and period.
    pub amount: Option<f64>,
    /// `amount` as a percentage of the baseline figure.
    pub percent: Option<f64>,
    /// Why the figures cannot be compared.
    pub reason: Option<String>,
}

/// Items every role has, and items only one role has. Serializes `unique`
/// as an object keyed by role id, in the order the roles were given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SetComparison {
    pub shared: Vec<String>,
    pub unique: Vec<(String, Vec<String>)>,
}

impl Serialize for SetComparison {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        struct Unique<'a>(&'a [(String, Vec<String>)]);
        impl Serialize for Unique<'_> {
            fn serialize<S: Serializer>(
                &self,
                serializer: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                let mut m = serializer.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0 {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
        let mut m = serializer.serialize_map(Some(2))?;
        m.serialize_entry("shared", &self.shared)?;
        m.serialize_entry("unique", &Unique(&self.unique))?;
        m.end()
    }
}

/// The skills to learn going from the baseline to a role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapEntry {
    pub from: String,
    pub to: String,
    #[serde(flatten)]
    pub gap: Gap,
    /// Why the gap is unknown (`known` is false): which role lists no skills.
    pub reason: Option<String>,
}

/// A source the comparison cites.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CompareView<'a> {
    pub baseline: String,
    pub roles: Vec<CompareRole>,
    pub differences: Vec<PayDifference>,
    pub skills: SetComparison,
    pub tools: SetComparison,
    pub gaps: Vec<GapEntry>,
    /// The change of all occupations 2024–34 that each growth category is
    /// measured against (computed by careers from the projections).
    pub all_occupations: crate::official::AllOccupations,
    /// The O*NET skills side by side: each role's most important ones.
    pub skill_grid: Vec<official::GridRow>,
    /// For each other role, its O*NET ratings against the baseline's.
    pub skill_differences: Vec<official::SkillDifferences>,
    /// Every source cited above, in order of first citation (text output
    /// numbers them in this order).
    #[serde(serialize_with = "source_refs")]
    pub sources: Citations<'a>,
}

/// The cited sources as JSON gives them: id, title, publisher and URL.
fn source_refs<S: serde::Serializer>(
    sources: &Citations<'_>,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    serializer.collect_seq(sources.sources().map(|s| SourceRef {
        id: s.id.clone(),
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        url: s.url.clone(),
    }))
}

pub fn run<'a>(catalog: &'a Catalog, args: &CompareArgs) -> Result<CompareView<'a>> {
    if args.roles.len() < 2 {
        return Err(Error::Usage(
            "compare needs at least two roles; the first is the baseline".into(),
        ));
    }
    let mut roles: Vec<&Role> = Vec::new();
    let mut own: Vec<bool> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for name in &args.roles {
        let entry = catalog.resolve_index(name)?;
        let role = catalog.entry(entry)?;
        if let Some(i) = roles.iter().position(|r| r.id == role.id) {
            let how = if names[i] == name {
                format!("`{name}` is given twice")
            } else {
                format!("`{}` and `{name}` both name {}", names[i], role.id)
            };
            return Err(Error::Usage(format!(
                "{how}; compare needs different roles (`careers show {}` shows one)",
                role.id
            )));
        }
        roles.push(role);
        own.push(catalog.origin_at(entry) == crate::catalog::Origin::Official);
        names.push(name);
    }
    let area = crate::commands::official::area(args.area.as_deref())?;
    build(catalog, &roles, &own, area)
}

/// The comparison of `roles` (at least one; the first is the baseline);
/// `own[i]` says role `i` is an official occupation itself.
pub fn build<'a>(
    catalog: &'a Catalog,
    roles: &[&Role],
    own: &[bool],
    area: &crate::wages::Area,
) -> Result<CompareView<'a>> {
    let ask = Ask {
        area,
        period: None,
        hours_per_year: pay::DEFAULT_HOURS_PER_YEAR,
    };
    let columns: Vec<CompareRole> =
        roles
            .iter()
            .zip(own.iter().chain(std::iter::repeat(&false)))
            .map(|(r, &own)| {
                let answer = pay::answer(&r.salary, &r.soc, &ask);
                let facts = official::of(r, own);
                let mut column = column(catalog, r)?;
                // The BLS projection is a statement too: a guide that says
                // growing disagrees with a projected decline.
                let bls = facts.occupations.iter().filter_map(|o| o.outlook).map(|o| {
                    match o.change_pct {
                        c if c > 0.0 => Trend::Growing,
                        c if c < 0.0 => Trend::Declining,
                        _ => Trend::Stable,
                    }
                });
                let trends: Vec<Trend> = column
                    .growth
                    .statements
                    .iter()
                    .filter_map(|s| s.trend)
                    .chain(bls)
                    .collect();
                column.growth.sources_disagree = trends.windows(2).any(|w| w[0] != w[1]);
                Ok(CompareRole {
                    headline: answer.headline,
                    pay: answer.curated,
                    official: answer.official,
                    occupations: facts.occupations,
                    onet_skills: facts.skills,
                    onet_skills_unknown: facts.skills_unknown,
                    ..column
                })
            })
            .collect::<Result<_>>()?;
    let rated: Vec<Option<&crate::commands::soc_facts::SkillRatings>> =
        columns.iter().map(|c| c.onet_skills.as_ref()).collect();
    let skill_grid = official::grid(&rated);
    let skill_differences = match columns.split_first() {
        Some((base, others)) => others
            .iter()
            .map(|o| {
                official::differences(
                    &o.id,
                    (
                        base.onet_skills.as_ref(),
                        base.onet_skills_unknown.as_deref(),
                    ),
                    (o.onet_skills.as_ref(), o.onet_skills_unknown.as_deref()),
                )
            })
            .collect(),
        None => Vec::new(),
    };
    let mut differences = Vec::new();
    if let Some(((base, others), (base_column, other_columns))) =
        roles.split_first().zip(columns.split_first())
    {
        for (other, column) in others.iter().zip(other_columns) {
            differences.extend(pay_differences(base, other));
            differences.extend(official_difference(base_column, column));
        }
    }
    let skills = compare_sets::<SkillIndex>(roles, skills_of);
    let tools = compare_sets::<ToolIndex>(roles, tools_of);
    let gaps = match roles.split_first() {
        Some((base, others)) => others
            .iter()
            .map(|o| {
                let g = gap(base, o);
                let reason = (!g.known).then(|| {
                    let bare: Vec<&str> = [base, o]
                        .iter()
                        .filter(|r| skills_of(r).is_empty())
                        .map(|r| r.id.as_str())
                        .collect();
                    let verb = if bare.len() > 1 { "list" } else { "lists" };
                    format!("{} {verb} no skills", bare.join(" and "))
                });
                GapEntry {
                    from: base.id.clone(),
                    to: o.id.clone(),
                    gap: g,
                    reason,
                }
            })
            .collect(),
        None => Vec::new(),
    };
    let mut view = CompareView {
        baseline: roles.first().map(|r| r.id.clone()).unwrap_or_default(),
        roles: columns,
        differences,
        skills,
        tools,
        gaps,
        all_occupations: crate::commands::soc_facts::all_occupations(),
        skill_grid,
        skill_differences,
        sources: Citations::new(&catalog.sources),
    };
    cite(&mut view);
    Ok(view)
}

/// Numbers the sources in the order the text output cites them:
/// attribute by attribute, role by role.
fn cite(view: &mut CompareView<'_>) {
    let mut out = std::mem::take(&mut view.sources);
    let mut add = |s: &str| {
        out.cite(s);
    };
    for r in &view.roles {
        r.headline.iter().for_each(|f| add(&f.source));
        r.pay.iter().for_each(|f| add(&f.source));
    }
    for r in &view.roles {
        r.official.iter().for_each(|o| add(&o.source));
    }
    // The guides' then the BLS figures of each role, as text shows them.
    let bls = |r: &CompareRole| -> Vec<&'static str> {
        r.occupations
            .iter()
            .flat_map(|o| {
                let outlook = o.outlook.map(|x| x.source);
                outlook.into_iter().chain(o.requirements.map(|x| x.source))
            })
            .collect()
    };
    for r in &view.roles {
        r.growth.statements.iter().for_each(|g| add(&g.source));
        bls(r).into_iter().for_each(&mut add);
    }
    for r in &view.roles {
        r.education.iter().for_each(|e| add(&e.source));
        bls(r).into_iter().for_each(&mut add);
    }
    for r in &view.roles {
        r.experience.iter().for_each(|e| add(&e.source));
        bls(r).into_iter().for_each(&mut add);
    }
    for r in &view.roles {
        r.remote.iter().for_each(|e| add(&e.source));
    }
    for r in &view.roles {
        r.stress.iter().for_each(|e| add(&e.source));
    }
    for r in &view.roles {
        r.balance.iter().for_each(|e| add(&e.source));
    }
    for r in &view.roles {
        r.ladders.iter().for_each(|l| add(&l.source));
    }
    for r in &view.roles {
        r.onet_skills.iter().for_each(|s| add(s.source));
    }
    view.sources = out;
}

fn column(catalog: &Catalog, r: &Role) -> Result<CompareRole> {
    let statements: Vec<GrowthStatement> = r
        .outlook
        .iter()
        .filter(|o| o.growth_percent.is_some() || o.trend.is_some() || o.status.is_some())
        .map(|o| GrowthStatement {
            source: o.source.clone(),
            attributed_to: o.attributed_to.clone(),
            percent: o.growth_percent,
            trend: o.trend,
            status: o.status.clone(),
            through: o.through,
            demand: o.demand.clone(),
        })
        .collect();
    let trends: Vec<Trend> = statements.iter().filter_map(|s| s.trend).collect();
    let sources_disagree = trends.windows(2).any(|w| w[0] != w[1]);
    let sourced = |v: &Option<String>, source: &str| {
        v.as_ref().map(|v| Sourced {
            value: v.clone(),
            source: source.to_string(),
        })
    };
    Ok(CompareRole {
        // The pay answer's and the official facts, filled in by `build`.
        headline: None,
        pay: Vec::new(),
        official: Vec::new(),
        occupations: Vec::new(),
        onet_skills: None,
        onet_skills_unknown: None,
        id: r.id.clone(),
        title: r.title.clone(),
        growth: Growth {
            statements,
            sources_disagree,
        },
        education: r
            .education
            .iter()
            .filter_map(|e| sourced(&e.minimum, &e.source))
            .collect(),
        experience: r
            .experience
            .iter()
            .filter(|e| e.min_years.is_some() || e.max_years.is_some() || e.text.is_some())
            .map(|e| ExperienceFact {
                min_years: e.min_years,
                max_years: e.max_years,
                text: e.text.clone(),
                source: e.source.clone(),
            })
            .collect(),
        remote: r
            .remote
            .iter()
            .map(|x| RemoteFact {
                remote_friendly: x.remote_friendly,
                text: x.text.clone(),
                source: x.source.clone(),
            })
            .collect(),
        stress: r
            .work_life
            .iter()
            .filter_map(|w| sourced(&w.stress, &w.source))
            .collect(),
        balance: r
            .work_life
            .iter()
            .filter_map(|w| sourced(&w.balance, &w.source))
            .collect(),
        ladders: ladders_of(catalog, &r.id)?,
    })
}

/// Every catalog ladder with a tier linked to `id`. The same ladder laid
/// out in several profiles (same source and name) is listed once.
pub fn ladders_of(catalog: &Catalog, id: &str) -> Result<Vec<LadderPlace>> {
    let mut out: Vec<LadderPlace> = Vec::new();
    for on in catalog.ladders_on(id)? {
        let l = on.ladder;
        let tiers: Vec<TierPlace> = l
            .tiers
            .iter()
            .enumerate()
            .filter(|(_, t)| t.role.as_deref() == Some(id))
            .map(|(i, t)| TierPlace {
                position: i + 1,
                title: t.title.clone(),
                min_years: t.min_years,
                max_years: t.max_years,
            })
            .collect();
        if tiers.is_empty()
            || out
                .iter()
                .any(|have| have.source == l.source && have.ladder == l.name)
        {
            continue;
        }
        out.push(LadderPlace {
            ladder: l.name.clone(),
            source: l.source.clone(),
            defined_by: on.owner().or(on.file_id()).unwrap_or_default().to_string(),
            tiers_total: l.tiers.len(),
            tiers,
        });
    }
    Ok(out)
}

/// The differences on every measure both roles give: the first pair of
/// figures in the same currency and period, else (not comparable) the
/// first figure of each.
pub fn pay_differences(base: &Role, other: &Role) -> Vec<PayDifference> {
    let point = |s: &Salary, v: f64| PayPoint {
        value: v,
        currency: s.currency.clone(),
        period: s.period,
        source: s.source.clone(),
        soc: None,
    };
    let mut out = Vec::new();
    for m in Measure::CURATED {
        let a: Vec<(&Salary, f64)> = base
            .salary
            .iter()
            .filter_map(|s| m.of(s).map(|v| (s, v)))
            .collect();
        let b: Vec<(&Salary, f64)> = other
            .salary
            .iter()
            .filter_map(|s| m.of(s).map(|v| (s, v)))
            .collect();
        let matched = a.iter().find_map(|(sa, va)| {
            b.iter()
                .find(|(sb, _)| sb.currency == sa.currency && sb.period == sa.period)
                .map(|(sb, vb)| ((*sa, *va), (*sb, *vb)))
        });
        let diff = match (matched, a.first(), b.first()) {
            (Some(((sa, va), (sb, vb))), _, _) => {
                let amount = vb - va;
                PayDifference {
                    role: other.id.clone(),
                    measure: m,
                    comparable: true,
                    baseline: point(sa, va),
                    other: point(sb, vb),
                    amount: Some(amount),
                    percent: (va != 0.0).then(|| amount / va * 100.0),
                    reason: None,
                }
            }
            (None, Some((sa, va)), Some((sb, vb))) => PayDifference {
                role: other.id.clone(),
                measure: m,
                comparable: false,
                baseline: point(sa, *va),
                other: point(sb, *vb),
                amount: None,
                percent: None,
                reason: Some(why_not(&sa.currency, sa.period, &sb.currency, sb.period)),
            },
            _ => continue,
        };
        out.push(diff);
    }
    out
}

/// The difference between the official medians of two roles (each its
/// pay answer's first official median, in the area asked): comparable
/// when both are in the same period and neither is top-coded.
pub fn official_difference(base: &CompareRole, other: &CompareRole) -> Option<PayDifference> {
    let median =
        |r: &CompareRole| pay::official_headline(&r.official, None, pay::DEFAULT_HOURS_PER_YEAR);
    let (a, b) = (median(base)?, median(other)?);
    let point = |f: &PayFigure| {
        Some(PayPoint {
            value: f.value?,
            currency: f.currency.clone(),
            period: f.period,
            source: f.source.clone(),
            soc: f.soc.clone(),
        })
    };
    let (pa, pb) = (point(&a)?, point(&b)?);
    let reason = if a.top_coded || b.top_coded {
        Some("a top-coded median (at least the BLS cap)".to_string())
    } else {
        Some(why_not(&pa.currency, pa.period, &pb.currency, pb.period)).filter(|r| !r.is_empty())
    };
    let amount = reason.is_none().then_some(pb.value - pa.value);
    Some(PayDifference {
        role: other.id.clone(),
        measure: Measure::OfficialMedian,
        comparable: reason.is_none(),
        percent: amount
            .filter(|_| pa.value != 0.0)
            .map(|x| x / pa.value * 100.0),
        amount,
        baseline: pa,
        other: pb,
        reason,
    })
}

fn why_not(currency_a: &str, period_a: Period, currency_b: &str, period_b: Period) -> String {
    let words = |p: Period| match p {
        Period::Year => "per year",
        Period::Hour => "per hour",
    };
    let mut parts = Vec::new();
    if currency_a != currency_b {
        parts.push(format!(
            "different currencies ({currency_a} vs {currency_b})"
        ));
    }
    if period_a != period_b {
        parts.push(format!(
            "different periods ({} vs {})",
            words(period_a),
            words(period_b)
        ));
    }
    parts.join(" and ")
}

/// Items in every role (in the baseline's spelling) and items in only one.
/// `I` decides when two items are one: for skills, [`SkillIndex`] (the
/// same skill, as [`crate::skillset::same_skill`] says), so that the unique
/// skills of a target are exactly its gap from the baseline; for tools,
/// [`ToolIndex`] (equal normalized names). An item is always in its own
/// role's set, so only the other roles are asked.
fn compare_sets<I: Membership>(
    roles: &[&Role],
    of: fn(&Role) -> BTreeMap<String, String>,
) -> SetComparison {
    let sets: Vec<BTreeMap<String, String>> = roles.iter().map(|r| of(r)).collect();
    let Some(first) = sets.first() else {
        return SetComparison::default();
    };
    // Each item's key made once, and each role's items indexed once.
    let keys: Vec<Vec<I::Key>> = sets
        .iter()
        .map(|set| set.values().map(|v| I::key(v)).collect())
        .collect();
    let indexes: Vec<I> = keys.iter().map(|k| I::of(k)).collect();
    let shared = first
        .values()
        .zip(&keys[0])
        .filter(|(_, k)| indexes[1..].iter().all(|index| index.holds(k)))
        .map(|(v, _)| v.clone())
        .collect();
    let unique = roles
        .iter()
        .zip(&sets)
        .zip(&keys)
        .enumerate()
        .map(|(i, ((r, set), set_keys))| {
            let only: Vec<String> = set
                .values()
                .zip(set_keys)
                .filter(|(_, k)| (0..sets.len()).all(|j| j == i || !indexes[j].holds(k)))
                .map(|(v, _)| v.clone())
                .collect();
            (r.id.clone(), only)
        })
        .collect();
    SetComparison { shared, unique }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Range;

    fn role(id: &str, salary: Vec<Salary>) -> Role {
        let mut r: Role = toml::from_str(&format!(
            "id = \"{id}\"\ntitle = \"{id}\"\nfamily = {{ name = \"x\", source = \"s\" }}\n"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        r.salary = salary;
        r
    }

    fn pay(currency: &str, period: Period, median: f64) -> Salary {
        Salary {
            source: format!("{currency}-{period:?}"),
            currency: currency.into(),
            period,
            region: None,
            range: Some(Range {
                min: median - 1000.0,
                max: median + 1000.0,
            }),
            median: Some(median),
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
    fn same_currency_and_period_gives_amount_and_percent() {
        let a = role("a", vec![pay("USD", Period::Year, 40000.0)]);
        let b = role("b", vec![pay("USD", Period::Year, 50000.0)]);
        let d = pay_differences(&a, &b);
        let median = d.iter().find(|d| d.measure == Measure::Median);
        let median = median.map(|d| (d.comparable, d.amount, d.percent));
        assert_eq!(median, Some((true, Some(10000.0), Some(25.0))));
        assert_eq!(d.len(), 3, "median, range min, range max: {d:?}");
    }

    #[test]
    fn other_periods_or_currencies_are_not_comparable_and_say_why() {
        let a = role("a", vec![pay("USD", Period::Year, 40000.0)]);
        let b = role("b", vec![pay("USD", Period::Hour, 20.0)]);
        let d = pay_differences(&a, &b);
        assert!(d.iter().all(|d| !d.comparable && d.amount.is_none()));
        assert_eq!(
            d[0].reason.as_deref(),
            Some("different periods (per year vs per hour)")
        );
        let c = role("c", vec![pay("EUR", Period::Year, 40000.0)]);
        let d = pay_differences(&a, &c);
        assert_eq!(
            d[0].reason.as_deref(),
            Some("different currencies (USD vs EUR)")
        );
    }

    #[test]
    fn a_comparable_pair_is_found_past_an_incomparable_one() {
        let a = role(
            "a",
            vec![
                pay("USD", Period::Hour, 20.0),
                pay("USD", Period::Year, 40000.0),
            ],
        );
        let b = role("b", vec![pay("USD", Period::Year, 44000.0)]);
        let d = pay_differences(&a, &b);
        assert!(d[0].comparable);
        assert_eq!(d[0].amount, Some(4000.0));
        assert_eq!(d[0].baseline.period, Period::Year);
    }

    #[test]
    fn measures_only_one_side_gives_are_left_out() {
        let a = role("a", vec![pay("USD", Period::Year, 40000.0)]);
        let b = role("b", vec![]);
        assert!(pay_differences(&a, &b).is_empty());
    }

    #[test]
    fn shared_means_in_every_role_and_unique_in_exactly_one() {
        let mut a = role("a", vec![]);
        let mut b = role("b", vec![]);
        let mut c = role("c", vec![]);
        let list = |items: &[&str]| crate::model::List {
            source: "s".into(),
            items: items.iter().map(|s| s.to_string()).collect(),
        };
        a.soft_skills = vec![list(&["Empathy", "Typing", "Patience"])];
        b.soft_skills = vec![list(&["empathy", "Typing", "Coaching"])];
        c.soft_skills = vec![list(&["Empathy", "Budgeting"])];
        let s = compare_sets::<SkillIndex>(&[&a, &b, &c], skills_of);
        assert_eq!(s.shared, vec!["Empathy"]);
        assert_eq!(s.unique[0], ("a".to_string(), vec!["Patience".to_string()]));
        assert_eq!(s.unique[1], ("b".to_string(), vec!["Coaching".to_string()]));
        assert_eq!(
            s.unique[2],
            ("c".to_string(), vec!["Budgeting".to_string()])
        );
        let json = serde_json::to_value(&s).unwrap_or_default();
        assert_eq!(json["unique"]["b"][0], "Coaching");
    }
}
