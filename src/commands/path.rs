//! `careers path FROM [TO]`: routes between roles over the career graph,
//! with the years, pay change and skill gap of every step; without TO,
//! everything reachable from FROM.

use crate::catalog::Catalog;
use crate::citations::Citations;
use crate::cli::{PathArgs, PathBy};
use crate::error::{Error, Result};
use crate::graph::{Graph, NodeIx, Step};
use crate::model::{MoveKind, Role};
use crate::pay::{self, PayFigure};
use crate::skillset::{gap, skills_of};
use serde::{Serialize, Serializer};

/// At most this many equally good routes are shown.
pub const ROUTE_LIMIT: usize = 10;

/// Years one source gives for a step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourcedYears {
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub source: String,
}

/// The pay on both ends of a step and, when the figures are comparable
/// (same source, currency, period and measure), the change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayChange {
    pub from: Option<PayFigure>,
    pub to: Option<PayFigure>,
    pub change: Option<f64>,
    pub percent: Option<f64>,
    /// Why there is no change figure, when there is none.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// Role id, or the destination's name when it has no profile.
    pub from: String,
    pub from_title: String,
    pub to: String,
    pub to_title: String,
    /// Whether `to` is a catalog role.
    pub to_profile: bool,
    /// The strongest kind any source gives the step.
    pub kind: MoveKind,
    /// Years, per source that gives them.
    pub years: Vec<SourcedYears>,
    pub pay_change: PayChange,
    /// Skills the target lists and the source does not.
    pub skills_to_gain: Vec<String>,
    /// Skills both list.
    pub skills_shared: Vec<String>,
    /// False when either end lists no skills: the gap is unknown.
    pub skills_known: bool,
    /// Why the gap is unknown, when it is.
    pub skills_note: Option<String>,
    /// Every source that names the step.
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Among the routes with the fewest steps.
    FewestSteps,
    /// Among the routes with the least typical years.
    LeastYears,
}

#[derive(Debug, Clone, Serialize)]
pub struct Route {
    pub basis: Basis,
    pub steps: Vec<StepView>,
    /// The highest typical years of any step (years are experience
    /// levels, so this is when the route typically ends).
    pub years: Option<u32>,
    /// Steps for which no source gives years.
    pub unknown_steps: usize,
}

/// Routes from one role to another.
#[derive(Debug)]
pub struct RoutesView<'a> {
    pub from: String,
    pub from_title: String,
    pub to: String,
    pub to_title: String,
    /// What the routes asked for are best by.
    pub by: Basis,
    /// The routes asked for, then (by steps) a route with known years when
    /// none of those has years for every step.
    pub routes: Vec<Route>,
    /// How many routes are as good as the first (more may exist than shown).
    pub total: u64,
    pub sources: Citations<'a>,
}

/// One node reached from the start, and the step that first reaches it.
#[derive(Debug, Clone, Serialize)]
pub struct ReachEntry {
    /// The graph nodes of `to` and `from`, for drawing the tree.
    #[serde(skip)]
    pub node: NodeIx,
    #[serde(skip)]
    pub parent: NodeIx,
    pub depth: usize,
    pub from: String,
    pub to: String,
    pub to_title: String,
    pub to_profile: bool,
    pub kind: MoveKind,
    pub years: Vec<SourcedYears>,
    pub sources: Vec<String>,
}

/// Everything reachable from a role, in breadth-first order.
#[derive(Debug)]
pub struct ReachView<'a> {
    pub root: NodeIx,
    pub from: String,
    pub from_title: String,
    pub entries: Vec<ReachEntry>,
    pub sources: Citations<'a>,
}

#[derive(Debug)]
pub enum PathView<'a> {
    Routes(RoutesView<'a>),
    Reach(ReachView<'a>),
}

/// A route step in JSON: its route and position, then the step.
#[derive(Serialize)]
struct NumberedStep<'a> {
    route: usize,
    step: usize,
    basis: Basis,
    #[serde(flatten)]
    view: &'a StepView,
}

impl Serialize for PathView<'_> {
    /// JSON is an array of steps; a step's `route` says which route it is on.
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            PathView::Routes(r) => {
                let steps: Vec<NumberedStep<'_>> = r
                    .routes
                    .iter()
                    .enumerate()
                    .flat_map(|(i, route)| {
                        route
                            .steps
                            .iter()
                            .enumerate()
                            .map(move |(j, view)| NumberedStep {
                                route: i + 1,
                                step: j + 1,
                                basis: route.basis,
                                view,
                            })
                    })
                    .collect();
                steps.serialize(serializer)
            }
            PathView::Reach(r) => r.entries.serialize(serializer),
        }
    }
}

pub fn run<'a>(catalog: &'a Catalog, args: &PathArgs) -> Result<PathView<'a>> {
    let from = catalog.resolve(&args.from)?;
    let graph = Graph::curated(catalog)?;
    let start = graph
        .node_of(&from.id)
        .ok_or_else(|| Error::Usage(format!("role `{}` is missing from the graph", from.id)))?;
    let Some(to_query) = &args.to else {
        if args.by == PathBy::Years {
            return Err(Error::Usage(
                "--by years ranks routes between two roles; give TO as well".into(),
            ));
        }
        return Ok(PathView::Reach(reach(catalog, &graph, start)));
    };
    let to = catalog.resolve(to_query)?;
    if to.id == from.id {
        return Err(Error::Usage(format!(
            "FROM and TO are the same role ({}); give two different roles, or leave out TO \
             to see everything reachable from it",
            from.id
        )));
    }
    let end = graph
        .node_of(&to.id)
        .ok_or_else(|| Error::Usage(format!("role `{}` is missing from the graph", to.id)))?;
    let found = match args.by {
        PathBy::Steps => {
            graph.fewest_steps(start, end, ROUTE_LIMIT, &|u, v| graph.skill_cost(u, v))
        }
        PathBy::Years => graph.least_years(start, end, ROUTE_LIMIT),
    };
    if found.routes.is_empty() {
        return Err(Error::NoResults(no_route(&graph, start, from, to)));
    }
    let basis = match args.by {
        PathBy::Steps => Basis::FewestSteps,
        PathBy::Years => Basis::LeastYears,
    };
    let mut routes: Vec<Route> = found
        .routes
        .iter()
        .map(|nodes| route(catalog, &graph, nodes, basis))
        .collect();
    // Routes whose steps all have years first, then fewer "related" steps.
    routes.sort_by_key(|r| {
        (
            r.unknown_steps,
            r.steps
                .iter()
                .filter(|s| s.kind == MoveKind::Related)
                .count(),
        )
    });
    if args.by == PathBy::Steps && routes.iter().all(|r| r.unknown_steps > 0) {
        let fewest_unknown = routes.iter().map(|r| r.unknown_steps).min().unwrap_or(0);
        let by_years = graph.least_years(start, end, 1);
        if by_years.unknown_steps < fewest_unknown {
            for nodes in &by_years.routes {
                routes.push(route(catalog, &graph, nodes, Basis::LeastYears));
            }
        }
    }
    // Number the sources in the order text output shows them.
    let mut sources = Citations::new(&catalog.sources);
    for r in &routes {
        for s in &r.steps {
            for id in &s.sources {
                sources.cite(id);
            }
            for p in [&s.pay_change.from, &s.pay_change.to].into_iter().flatten() {
                sources.cite(&p.source);
            }
        }
    }
    Ok(PathView::Routes(RoutesView {
        from: from.id.clone(),
        from_title: from.title.clone(),
        to: to.id.clone(),
        to_title: to.title.clone(),
        by: basis,
        routes,
        total: found.total,
        sources,
    }))
}

/// The message for "no route": what FROM does lead to.
fn no_route(graph: &Graph, start: NodeIx, from: &Role, to: &Role) -> String {
    let reached = graph.reachable(start);
    let mut msg = format!("no route from {} to {}", from.id, to.id);
    if reached.is_empty() {
        msg.push_str(&format!(
            "\n\n{} leads nowhere in the catalog: no ladder step, move or related role starts from it.",
            from.id
        ));
        return msg;
    }
    let roles: Vec<&str> = reached
        .iter()
        .filter_map(|r| graph.nodes[r.node].role.as_deref())
        .collect();
    let others = reached.len() - roles.len();
    msg.push_str(&format!("\n\nreachable from {}:", from.id));
    if roles.is_empty() {
        msg.push_str(" no other role with a profile");
    }
    for id in &roles {
        msg.push_str(&format!("\n  {id}"));
    }
    if others > 0 {
        msg.push_str(&format!(
            "\n  and {others} destination{} without a profile",
            if others == 1 { "" } else { "s" }
        ));
    }
    msg.push_str(&format!(
        "\n\n`careers path {}` shows them as a tree.",
        from.id
    ));
    msg
}

fn step_years(graph: &Graph, step: &Step) -> Vec<SourcedYears> {
    let mut out: Vec<SourcedYears> = Vec::new();
    for &e in &step.edges {
        let e = &graph.edges[e];
        if let Some(y) = e.years {
            let sy = SourcedYears {
                min: y.min,
                max: y.max,
                source: e.source.to_string(),
            };
            if !out.contains(&sy) {
                out.push(sy);
            }
        }
    }
    out
}

fn step_sources(graph: &Graph, step: &Step) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &e in &step.edges {
        let s = &graph.edges[e].source;
        if !out.iter().any(|have| have == s) {
            out.push(s.to_string());
        }
    }
    out
}

fn route(catalog: &Catalog, graph: &Graph, nodes: &[NodeIx], basis: Basis) -> Route {
    let mut steps = Vec::new();
    for pair in nodes.windows(2) {
        let Some(step) = graph.step(pair[0], pair[1]) else {
            continue;
        };
        let (a, b) = (&graph.nodes[pair[0]], &graph.nodes[pair[1]]);
        // Graph::build decoded every curated role: looking one up cannot fail.
        let ra = a
            .role
            .as_deref()
            .and_then(|id| catalog.role(id).ok().flatten());
        let rb = b
            .role
            .as_deref()
            .and_then(|id| catalog.role(id).ok().flatten());
        let g = match (ra, rb) {
            (Some(x), Some(y)) => gap(x, y),
            _ => Default::default(),
        };
        let skills_note = match (ra, rb) {
            (None, _) => Some(format!("no profile for {}", a.title)),
            (_, None) => Some(format!("no profile for {}", b.title)),
            (Some(x), Some(y)) => {
                let bare: Vec<&str> = [x, y]
                    .iter()
                    .filter(|r| skills_of(r).is_empty())
                    .map(|r| r.id.as_str())
                    .collect();
                (!bare.is_empty()).then(|| format!("no skills listed for {}", bare.join(" or ")))
            }
        };
        let view = StepView {
            from: a.key().to_string(),
            from_title: a.title.clone(),
            to: b.key().to_string(),
            to_title: b.title.clone(),
            to_profile: rb.is_some(),
            kind: graph.step_kind(step),
            years: step_years(graph, step),
            pay_change: pay_change(ra, rb, &a.title, &b.title),
            skills_to_gain: g.skills_to_gain,
            skills_shared: g.skills_shared,
            skills_known: g.known,
            skills_note,
            sources: step_sources(graph, step),
        };
        steps.push(view);
    }
    let unknown_steps = nodes
        .windows(2)
        .filter(|p| {
            graph
                .step(p[0], p[1])
                .is_none_or(|s| graph.step_years(s).is_none())
        })
        .count();
    let years = nodes
        .windows(2)
        .filter_map(|p| graph.step(p[0], p[1]).and_then(|s| graph.step_years(s)))
        .max();
    Route {
        basis,
        steps,
        years,
        unknown_steps,
    }
}

/// The pay change from one role to another; `a` and `b` name them in
/// notes. Each end's figures are its pay answer's ([`pay::comparable_figures`]):
/// the headline first, then the other curated figures, then the official
/// medians (national). The change is measured between the first pair of the
/// same source, currency, period and measure, so an hourly figure is only
/// ever compared with an hourly one; with no such pair, the headlines are
/// shown and the note says why.
pub fn pay_change(from: Option<&Role>, to: Option<&Role>, a: &str, b: &str) -> PayChange {
    let none = |note: String| PayChange {
        from: None,
        to: None,
        change: None,
        percent: None,
        note: Some(note),
    };
    let (from, to) = match (from, to) {
        (Some(x), Some(y)) => (x, y),
        (None, _) => return none(format!("no profile for {a}")),
        (_, None) => return none(format!("no profile for {b}")),
    };
    let nation = crate::wages::nation();
    let fa = pay::comparable_figures(&from.salary, &from.soc, nation);
    let fb = pay::comparable_figures(&to.salary, &to.soc, nation);
    let missing = match (fa.is_empty(), fb.is_empty()) {
        (true, true) => Some(format!("no pay figure for {} or {}", from.id, to.id)),
        (true, false) => Some(format!("no pay figure for {}", from.id)),
        (false, true) => Some(format!("no pay figure for {}", to.id)),
        (false, false) => None,
    };
    if let Some(note) = missing {
        return PayChange {
            from: fa.into_iter().next(),
            to: fb.into_iter().next(),
            change: None,
            percent: None,
            note: Some(note),
        };
    }
    let same = |x: &PayFigure, y: &PayFigure| {
        x.source == y.source
            && x.currency == y.currency
            && x.period == y.period
            && x.basis == y.basis
            && !x.top_coded
            && !y.top_coded
    };
    for x in &fa {
        for y in fb.iter().filter(|y| same(x, y)) {
            if let (Some(vx), Some(vy)) = (x.value, y.value) {
                let change = vy - vx;
                return PayChange {
                    from: Some(x.clone()),
                    to: Some(y.clone()),
                    change: Some(change),
                    percent: (vx > 0.0).then(|| change / vx * 100.0),
                    note: None,
                };
            }
        }
    }
    PayChange {
        note: Some(why_not_compared(from, to, &fa, &fb)),
        from: fa.into_iter().next(),
        to: fb.into_iter().next(),
        change: None,
        percent: None,
    }
}

/// Why no pair of figures of two roles (`fa`, `fb`) can be compared.
fn why_not_compared(from: &Role, to: &Role, fa: &[PayFigure], fb: &[PayFigure]) -> String {
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
        format!(
            "different sources ({}: {}; {}: {})",
            from.id,
            list(fa),
            to.id,
            list(fb)
        )
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

fn reach<'a>(catalog: &'a Catalog, graph: &Graph, start: NodeIx) -> ReachView<'a> {
    let mut sources = Citations::new(&catalog.sources);
    let node = &graph.nodes[start];
    let entries = graph
        .reachable(start)
        .into_iter()
        .filter_map(|r| {
            let parent = r.parent?;
            let step = graph.step(parent, r.node)?;
            let n = &graph.nodes[r.node];
            let entry = ReachEntry {
                node: r.node,
                parent,
                depth: r.depth,
                from: graph.nodes[parent].key().to_string(),
                to: n.key().to_string(),
                to_title: n.title.clone(),
                to_profile: n.role.is_some(),
                kind: graph.step_kind(step),
                years: step_years(graph, step),
                sources: step_sources(graph, step),
            };
            for s in &entry.sources {
                sources.cite(s);
            }
            Some(entry)
        })
        .collect();
    ReachView {
        root: start,
        from: node.key().to_string(),
        from_title: node.title.clone(),
        entries,
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(id: &str, salary: &str) -> Role {
        toml::from_str(&format!(
            "id = \"{id}\"\ntitle = \"{id}\"\nfamily = {{ name = \"f\", source = \"s\" }}\n{salary}"
        ))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    const A: &str =
        "[[salary]]\nsource = \"x\"\ncurrency = \"USD\"\nperiod = \"year\"\nmedian = 40000\n";
    const B: &str =
        "[[salary]]\nsource = \"x\"\ncurrency = \"USD\"\nperiod = \"year\"\nmedian = 50000\n";

    #[test]
    fn pay_change_needs_the_same_source_period_and_measure() {
        let (a, b) = (role("a", A), role("b", B));
        let c = pay_change(Some(&a), Some(&b), "a", "b");
        assert_eq!(c.change, Some(10000.0));
        assert_eq!(c.percent, Some(25.0));
        assert_eq!(c.note, None);
        assert_eq!(c.to.map(|p| p.source), Some("x".into()));

        let other = role("o", &B.replace("\"x\"", "\"y\""));
        let c = pay_change(Some(&a), Some(&other), "a", "o");
        assert_eq!(c.change, None);
        assert_eq!(c.note.as_deref(), Some("different sources (a: x; o: y)"));

        let hourly = role(
            "h",
            "[[salary]]\nsource = \"x\"\ncurrency = \"USD\"\nperiod = \"hour\"\nmedian = 20\n",
        );
        let c = pay_change(Some(&a), Some(&hourly), "a", "h");
        assert_eq!(c.change, None);
        assert_eq!(
            c.note.as_deref(),
            Some("different periods (yearly and hourly figures)")
        );

        let ranged = role(
            "r",
            "[[salary]]\nsource = \"x\"\ncurrency = \"USD\"\nperiod = \"year\"\nrange = { min = 1, max = 3 }\n",
        );
        let c = pay_change(Some(&a), Some(&ranged), "a", "r");
        assert_eq!(
            c.note.as_deref(),
            Some("different measures (such as a median and a range)")
        );
    }

    #[test]
    fn pay_change_says_which_end_has_no_figure() {
        let (a, none) = (role("a", A), role("sup", ""));
        let c = pay_change(Some(&a), Some(&none), "a", "sup");
        assert_eq!(c.note.as_deref(), Some("no pay figure for sup"));
        assert_eq!(c.from.map(|p| p.value), Some(Some(40000.0)));
        let c = pay_change(Some(&a), None, "a", "Sales");
        assert_eq!(c.note.as_deref(), Some("no profile for Sales"));
    }
}
