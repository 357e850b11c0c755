//! What `path` says about one node of the graph and one move between two:
//! the pay figures and the pay change (src/pay, in the area and period
//! asked), the O*NET skill gap, the guides' own skill lists, the schooling
//! step, and the target's entry requirements and outlook. Pure.

use crate::catalog::Catalog;
use crate::graph::explain::{self, EducationStep, SkillChange};
use crate::graph::{Graph, NodeIx};
use crate::model::{Period, Role, SocLink};
use crate::official::{Education, Experience, Growth, Training, BLS_EP};
use crate::pay::{self, PayFigure, DEFAULT_HOURS_PER_YEAR};
use crate::skillset;
use crate::wages::{self, Area, WageValue};
use serde::Serialize;

/// What a command asks of pay: the area of the official figures, and
/// whether to show them by the hour.
#[derive(Debug, Clone, Copy)]
pub struct PayAsk<'a> {
    pub area: &'a Area,
    pub hourly: bool,
}

/// The pay on both ends of a move and, when the figures are comparable
/// (same source, currency, period and measure), the change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayChange {
    pub from: Option<PayFigure>,
    pub to: Option<PayFigure>,
    /// In the figures' currency and period (`from.period`).
    pub change: Option<f64>,
    pub percent: Option<f64>,
    /// Why there is no change figure, when there is none.
    pub note: Option<String>,
}

/// The O*NET side of a move's skills (O*NET 30.2 importance, 1–5).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OnetSkills {
    pub source: &'static str,
    /// Rated at least 0.5 higher by the target, largest gap first.
    pub to_gain: Vec<SkillChange>,
    /// Important for the target (3 or more) and already no more than 0.5
    /// below, most important first.
    pub carry_over: Vec<SkillChange>,
    /// The sum of the gaps to gain, in points.
    pub gap: f64,
    /// Either end's ratings are those of an approximate SOC link.
    pub approximate: bool,
}

/// The guides' own skill lists compared as they word them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuideSkills {
    /// Skills the target lists and the source does not.
    pub to_gain: Vec<String>,
    /// Skills both list.
    pub shared: Vec<String>,
}

/// The schooling side of a move: BLS's typical entry-level education of
/// both ends (the current one unknown for a role without a SOC code).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EducationView {
    pub source: &'static str,
    pub from: Option<Education>,
    pub to: Education,
    /// Levels of careers' order above the current one; `None` when the
    /// current one is unknown.
    pub levels_up: Option<usize>,
}

/// The target's entry requirements and outlook (BLS projections 2024–34).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Requirements {
    pub source: &'static str,
    /// The SOC code the figures are of, and whether the target's link to
    /// it is approximate.
    pub soc: &'static str,
    pub approximate: bool,
    pub education: Education,
    pub work_experience: Experience,
    pub job_training: Training,
    /// Percent change in jobs, 2024–34, and all occupations' change.
    pub change_pct: f64,
    pub all_occupations_change_pct: f64,
    pub growth: Growth,
    pub openings_per_year: u32,
}

/// The role behind a node, when it is a curated role.
pub fn curated<'c>(catalog: &'c Catalog, graph: &Graph, n: NodeIx) -> Option<&'c Role> {
    let node = graph.nodes.get(n)?;
    match node.id {
        crate::graph::NodeId::Role(id) => catalog.role(id).ok().flatten(),
        _ => None,
    }
}

/// Every figure of a node a pay change can be measured between
/// ([`pay::comparable_figures`]): a curated role's, or an official
/// occupation's median in the area.
pub fn figures(catalog: &Catalog, graph: &Graph, n: NodeIx, area: &Area) -> Vec<PayFigure> {
    // A curated role's short facts hold its pay and SOC links: no need to
    // decode the whole role.
    if let crate::graph::NodeId::Role(id) = graph.nodes[n].id {
        return match catalog.role_core(id).ok().flatten() {
            Some(core) => pay::comparable_figures(&core.salary, &core.soc, area),
            None => Vec::new(),
        };
    }
    let Some(soc) = graph.nodes.get(n).and_then(|x| x.soc) else {
        return Vec::new();
    };
    let link = SocLink {
        code: soc.to_string(),
        source: Some(wages::SOURCE_ID.to_string()),
        reason: None,
        approximate: false,
    };
    pay::comparable_figures(&[], &[link], area)
}

/// The official wages of every occupation of one area, decoded once: what
/// ranking many destinations reads instead of one lookup each.
pub struct AreaWages<'a> {
    area: &'a Area,
    rows: Vec<(&'static wages::Occupation, wages::Wages)>,
}

impl<'a> AreaWages<'a> {
    pub fn of(area: &'a Area) -> AreaWages<'a> {
        AreaWages {
            area,
            rows: wages::area_wages(area),
        }
    }

    /// The table for the nodes `nodes` only: the figures of any other
    /// official occupation are then missing.
    pub fn of_nodes(area: &'a Area, graph: &Graph, nodes: &[NodeIx]) -> AreaWages<'a> {
        let socs: Vec<&str> = nodes.iter().filter_map(|&n| graph.nodes[n].soc).collect();
        AreaWages {
            area,
            rows: wages::wages_of(area, &socs),
        }
    }

    fn get(&self, soc: &str) -> Option<wages::Wages> {
        let i = self.rows.binary_search_by(|(o, _)| o.soc.cmp(soc)).ok()?;
        self.rows.get(i).map(|(_, w)| *w)
    }

    /// The figures of a node, as [`figures`] gives them: an official
    /// occupation's from this table.
    pub fn figures(&self, catalog: &Catalog, graph: &Graph, n: NodeIx) -> Vec<PayFigure> {
        let node = &graph.nodes[n];
        match (node.id, node.soc) {
            (crate::graph::NodeId::Occupation(_), Some(soc)) => {
                official_figures(soc, node.title, self.area, self.get(soc))
            }
            _ => figures(catalog, graph, n, self.area),
        }
    }
}

impl AreaWages<'_> {
    /// The pair of figures [`pay_change`] compares between `mine` and
    /// official occupation `n`'s figures, as (mine, theirs), each in its
    /// own period (so their ratio is the change's), without building
    /// `n`'s figures; `None` when `n` is not an official occupation, so
    /// the caller asks [`pay_change`]. An official occupation's figures
    /// are its area median per year, then per hour (never converted; see
    /// [`official_figures`]), each top-coded or not.
    pub fn official_pair(
        &self,
        graph: &Graph,
        mine: &[PayFigure],
        n: NodeIx,
    ) -> Option<Option<(f64, f64)>> {
        let node = graph.nodes.get(n)?;
        let (crate::graph::NodeId::Occupation(_), Some(soc)) = (node.id, node.soc) else {
            return None;
        };
        let Some(w) = self.get(soc) else {
            return Some(None);
        };
        let theirs = [
            (Period::Year, w.annual.median),
            (Period::Hour, w.hourly.median),
        ];
        Some(mine.iter().find_map(|x| {
            let official = x.source == wages::SOURCE_ID
                && x.currency == "USD"
                && x.basis == pay::Basis::OfficialMedian
                && !x.top_coded;
            if !official {
                return None;
            }
            theirs.iter().find_map(|&(period, cell)| match cell {
                // As `pay_change` gives them: the first and the first
                // plus the change.
                WageValue::Value(v) if period == x.period => x.value.map(|a| (a, a + (v - a))),
                _ => None,
            })
        }))
    }
}

/// An official occupation's figures, as [`pay::comparable_figures`] gives
/// them for a code without curated pay (its median in the headline's
/// period, then in the other, neither converted), from its wages.
fn official_figures(
    soc: &str,
    title: &str,
    area: &Area,
    found: Option<wages::Wages>,
) -> Vec<PayFigure> {
    let o = pay::OfficialWages {
        soc: soc.to_string(),
        occupation: title.to_string(),
        approximate: false,
        link_source: Some(wages::SOURCE_ID.to_string()),
        link_reason: None,
        area: pay::AreaRef::of(area),
        wages: found,
        source: wages::SOURCE_ID.to_string(),
        median: None,
    };
    let all = std::slice::from_ref(&o);
    let first = pay::official_headline(all, None, DEFAULT_HOURS_PER_YEAR)
        .map_or(Period::Year, |f| f.period);
    let other = match first {
        Period::Year => Period::Hour,
        Period::Hour => Period::Year,
    };
    [first, other]
        .into_iter()
        .filter_map(|p| pay::median_figure(&o, Some(p), DEFAULT_HOURS_PER_YEAR))
        .filter(|f| !f.converted)
        .collect()
}

/// The annual official median of a node's occupation in the area (the
/// cap where top-coded), for ordering routes by their lowest pay: one
/// unit for every node.
pub fn annual_median(graph: &Graph, n: NodeIx, area: &Area) -> Option<f64> {
    let soc = graph.nodes.get(n)?.soc?;
    match wages::wages(area, soc)?.annual.median {
        WageValue::Value(v) | WageValue::TopCoded { cap: v } => Some(v),
        _ => None,
    }
}

/// The pay change between two nodes named `a` and `b` (for notes), from
/// their figures `fa` and `fb` (best first). The change is measured
/// between the first pair of the same source, currency, period and
/// measure, so an hourly figure is only ever compared with an hourly one;
/// with no such pair, the first figures are shown and the note says why.
/// With `hourly`, yearly figures (and the change) are shown by the hour,
/// converted at 2,080 hours and marked.
pub fn pay_change(fa: &[PayFigure], fb: &[PayFigure], a: &str, b: &str, hourly: bool) -> PayChange {
    let missing = match (fa.is_empty(), fb.is_empty()) {
        (true, true) => Some(format!("no pay figure for {a} or {b}")),
        (true, false) => Some(format!("no pay figure for {a}")),
        (false, true) => Some(format!("no pay figure for {b}")),
        (false, false) => None,
    };
    let change = match missing {
        Some(note) => PayChange {
            from: fa.first().cloned(),
            to: fb.first().cloned(),
            change: None,
            percent: None,
            note: Some(note),
        },
        None => compared(fa, fb).unwrap_or_else(|| PayChange {
            from: fa.first().cloned(),
            to: fb.first().cloned(),
            change: None,
            percent: None,
            note: Some(why_not_compared(fa, fb, a, b)),
        }),
    };
    if hourly {
        by_the_hour(change)
    } else {
        change
    }
}

/// The first comparable pair of figures and their change.
fn compared(fa: &[PayFigure], fb: &[PayFigure]) -> Option<PayChange> {
    let same = |x: &PayFigure, y: &PayFigure| {
        x.source == y.source
            && x.currency == y.currency
            && x.period == y.period
            && x.basis == y.basis
            && !x.top_coded
            && !y.top_coded
    };
    fa.iter().find_map(|x| {
        fb.iter().filter(|y| same(x, y)).find_map(|y| {
            let (vx, vy) = (x.value?, y.value?);
            let change = vy - vx;
            Some(PayChange {
                from: Some(x.clone()),
                to: Some(y.clone()),
                change: Some(change),
                percent: (vx > 0.0).then(|| change / vx * 100.0),
                note: None,
            })
        })
    })
}

/// Why no pair of figures of `a` (`fa`) and `b` (`fb`) can be compared.
fn why_not_compared(fa: &[PayFigure], fb: &[PayFigure], a: &str, b: &str) -> String {
    let shared: Vec<(&PayFigure, &PayFigure)> = fa
        .iter()
        .flat_map(|x| fb.iter().map(move |y| (x, y)))
        .filter(|(x, y)| x.source == y.source)
        .collect();
    if shared.is_empty() {
        let list = |ps: &[PayFigure]| {
            let mut ids: Vec<&str> = ps.iter().map(|p| p.source.as_str()).collect();
            ids.dedup();
            ids.join(", ")
        };
        format!("different sources ({a}: {}; {b}: {})", list(fa), list(fb))
    } else if shared.iter().all(|(x, y)| x.currency != y.currency) {
        "different currencies".to_string()
    } else if shared.iter().all(|(x, y)| x.period != y.period) {
        "different periods (yearly and hourly figures)".to_string()
    } else if shared.iter().any(|(x, y)| x.top_coded || y.top_coded) {
        "a top-coded official figure (at least the BLS cap)".to_string()
    } else {
        "different measures (such as a median and a range)".to_string()
    }
}

/// A pay change shown by the hour: yearly figures and a yearly change
/// converted at 2,080 hours (the BLS convention) and marked converted.
fn by_the_hour(c: PayChange) -> PayChange {
    let yearly = c.from.as_ref().is_some_and(|f| f.period == Period::Year);
    let hour = |v: f64| pay::convert(v, Period::Year, Period::Hour, DEFAULT_HOURS_PER_YEAR);
    let figure = |f: Option<PayFigure>| {
        f.map(|f| match f.period {
            Period::Hour => f,
            Period::Year => PayFigure {
                value: f.value.map(hour),
                min: f.min.map(hour),
                max: f.max.map(hour),
                period: Period::Hour,
                converted: true,
                ..f
            },
        })
    };
    PayChange {
        change: match yearly {
            true => c.change.map(hour),
            false => c.change,
        },
        from: figure(c.from),
        to: figure(c.to),
        ..c
    }
}

/// The O*NET skill gap of moving from node `a` to node `b`, or why it is
/// unknown.
pub fn onet_skills(graph: &Graph, a: NodeIx, b: NodeIx) -> Result<OnetSkills, String> {
    let (x, y) = (&graph.nodes[a], &graph.nodes[b]);
    let (Some(sa), Some(sb)) = (x.soc, y.soc) else {
        let bare = if x.soc.is_none() { x } else { y };
        return Err(format!("{} has no SOC code", bare.key()));
    };
    let g = explain::occupation_gap(sa, sb).ok_or_else(|| {
        let unrated: Vec<&str> = [sa, sb]
            .into_iter()
            .filter(|s| crate::official::skills(s).is_none())
            .collect();
        format!("no O*NET skill ratings for SOC {}", unrated.join(" or "))
    })?;
    Ok(OnetSkills {
        source: crate::official::ONET_30_2,
        to_gain: g.to_gain,
        carry_over: g.carry_over,
        gap: g.gap,
        approximate: x.approximate || y.approximate,
    })
}

/// The guides' skill lists of two curated roles compared as they word
/// them; `Err` says why there is nothing to compare.
pub fn guide_skills(a: Option<&Role>, b: Option<&Role>) -> Result<GuideSkills, String> {
    let (Some(x), Some(y)) = (a, b) else {
        return Err("not both curated roles".into());
    };
    let g = skillset::gap(x, y);
    if !g.known {
        let bare: Vec<&str> = [x, y]
            .iter()
            .filter(|r| skillset::skills_of(r).is_empty())
            .map(|r| r.id.as_str())
            .collect();
        return Err(format!("no skills listed for {}", bare.join(" or ")));
    }
    Ok(GuideSkills {
        to_gain: g.skills_to_gain,
        shared: g.skills_shared,
    })
}

/// The schooling step from node `a` to node `b`, when `b`'s is known.
pub fn education(graph: &Graph, a: NodeIx, b: NodeIx) -> Option<EducationView> {
    let to = explain::entry(graph.nodes[b].soc?)?.education;
    let from = graph.nodes[a]
        .soc
        .and_then(explain::entry)
        .map(|e| e.education);
    Some(EducationView {
        source: BLS_EP,
        from,
        to,
        levels_up: from.map(|f| EducationStep::of(f, to).levels_up),
    })
}

/// The entry requirements and outlook of node `n`'s occupation.
pub fn requirements(graph: &Graph, n: NodeIx) -> Option<Requirements> {
    let node = graph.nodes.get(n)?;
    let soc = node.soc?;
    let e = explain::entry(soc)?;
    Some(Requirements {
        source: e.source,
        soc,
        approximate: node.approximate,
        education: e.education,
        work_experience: e.work_experience,
        job_training: e.job_training,
        change_pct: e.change_pct,
        all_occupations_change_pct: crate::official::all_occupations_change().change_pct,
        growth: e.growth,
        openings_per_year: e.openings_per_year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(source: &str, period: Period, value: Option<f64>) -> PayFigure {
        PayFigure {
            value,
            min: None,
            max: None,
            currency: "USD".into(),
            period,
            basis: pay::Basis::Median,
            source: source.into(),
            soc: None,
            approximate: false,
            area: None,
            top_coded: false,
            converted: false,
        }
    }

    #[test]
    fn pay_change_needs_the_same_source_period_and_measure() {
        let a = [figure("x", Period::Year, Some(40000.0))];
        let b = [figure("x", Period::Year, Some(50000.0))];
        let c = pay_change(&a, &b, "a", "b", false);
        assert_eq!(
            (c.change, c.percent, c.note),
            (Some(10000.0), Some(25.0), None)
        );
        let other = [figure("y", Period::Year, Some(50000.0))];
        let c = pay_change(&a, &other, "a", "o", false);
        assert_eq!(c.change, None);
        assert_eq!(c.note.as_deref(), Some("different sources (a: x; o: y)"));
        let hourly = [figure("x", Period::Hour, Some(20.0))];
        let c = pay_change(&a, &hourly, "a", "h", false);
        assert_eq!(
            c.note.as_deref(),
            Some("different periods (yearly and hourly figures)")
        );
        let c = pay_change(&a, &[], "a", "sup", false);
        assert_eq!(c.note.as_deref(), Some("no pay figure for sup"));
        assert_eq!(c.from.and_then(|p| p.value), Some(40000.0));
    }

    #[test]
    fn the_area_table_gives_what_the_pay_answer_gives() {
        let catalog = Catalog::bundled().expect("bundled");
        let graph = Graph::build(&catalog).expect("graph");
        for area in ["TX", "Austin", "CA"] {
            let area = wages::find_area(area).expect("an area");
            let table = AreaWages::of(area);
            // Annual, hourly only (actors), top-coded (surgeons), and none.
            let ids = [
                "electricians",
                "actors",
                "cardiologists",
                "registered-nurses",
                CSA,
            ];
            let nodes: Vec<NodeIx> = ids
                .iter()
                .map(|id| graph.node_of(id).expect("a node"))
                .collect();
            let some = AreaWages::of_nodes(area, &graph, &nodes);
            for (id, &n) in ids.iter().zip(&nodes) {
                let want = figures(&catalog, &graph, n, area);
                assert_eq!(table.figures(&catalog, &graph, n), want, "{id}");
                assert_eq!(some.figures(&catalog, &graph, n), want, "{id}");
            }
        }
    }

    const CSA: &str = "customer-service-associate";

    #[test]
    fn an_official_pair_is_the_pay_change_of_the_figures() {
        let catalog = Catalog::bundled().expect("bundled");
        let graph = Graph::build(&catalog).expect("graph");
        let mut checked = 0;
        for area in ["National", "TX", "Austin"] {
            let area = wages::find_area(area).expect("an area");
            let table = AreaWages::of(area);
            for from in [
                CSA,
                "cashiers",
                "actors",
                "cardiologists",
                "customer-service-manager",
            ] {
                let a = graph.node_of(from).expect("a node");
                let mine = table.figures(&catalog, &graph, a);
                for r in graph.reachable_within(a, 2) {
                    let Some(pair) = table.official_pair(&graph, &mine, r.node) else {
                        continue;
                    };
                    let theirs = table.figures(&catalog, &graph, r.node);
                    let c = pay_change(&mine, &theirs, "a", "b", false);
                    let want = c.from.as_ref().and_then(|f| f.value).zip(c.change);
                    assert_eq!(pair, want.map(|(x, d)| (x, x + d)), "{from} {}", r.node);
                    checked += 1;
                }
            }
        }
        assert!(checked > 500, "{checked}");
    }

    #[test]
    fn by_the_hour_converts_yearly_figures_and_the_change() {
        let a = [figure("x", Period::Year, Some(41600.0))];
        let b = [figure("x", Period::Year, Some(62400.0))];
        let c = pay_change(&a, &b, "a", "b", true);
        assert_eq!(c.change, Some(10.0));
        assert_eq!(c.percent, Some(50.0));
        let from = c.from.expect("a figure");
        assert_eq!(
            (from.value, from.period, from.converted),
            (Some(20.0), Period::Hour, true)
        );
        // Hourly figures stay as they are.
        let h = [figure("x", Period::Hour, Some(20.0))];
        let c = pay_change(&h, &h, "a", "b", true);
        assert_eq!(c.from.map(|f| f.converted), Some(false));
    }
}
