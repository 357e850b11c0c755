//! `careers path FROM [TO]` over the career graph of the whole economy
//! (src/graph, docs/paths.md): with TO, the best routes, every step
//! explained and sourced; without, the destinations within reach, ranked.

pub mod facts;
pub mod ranking;
pub mod routes;

use crate::catalog::Catalog;
use crate::citations::Citations;
use crate::cli::{PathArgs, PathBy};
use crate::error::{Error, Result};
use crate::graph::rank::Filters;
use crate::graph::{Graph, NodeIx, StepCost};
use crate::model::Period;
use crate::pay::AreaRef;
use facts::PayAsk;
use serde::{Serialize, Serializer};

pub use ranking::{Candidate, Ranking};
pub use routes::{End, How, HowVia, Route, SourcedYears, StepKind, StepView};

/// At most this many routes when `--limit 0` asks for all.
pub const ROUTE_CAP: usize = 100;
/// Routes shown by default.
pub const DEFAULT_ROUTES: usize = 3;
/// Destinations shown by default.
pub const DEFAULT_DESTINATIONS: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Among the routes with the fewest steps.
    FewestSteps,
    /// Among the routes with the least typical years.
    LeastYears,
    /// One step longer than a direct entry, through a stepping stone.
    SteppingStone,
}

/// What the figures are for: the area of the official ones and the period
/// pay is shown in.
#[derive(Debug, Clone)]
pub struct Scope {
    pub area: AreaRef,
    pub period: Option<Period>,
}

/// Routes from one role or occupation to another.
#[derive(Debug)]
pub struct RoutesView<'a> {
    pub from: End,
    pub to: End,
    /// What the routes asked for are best by.
    pub by: Basis,
    /// The routes asked for, then (by steps) a route with known years when
    /// none of those has years for every step.
    pub routes: Vec<Route>,
    /// How many routes are as good as the first (more may exist than shown).
    pub total: u64,
    pub scope: Scope,
    pub sources: Citations<'a>,
}

/// The destinations within reach of one role or occupation, ranked.
#[derive(Debug)]
pub struct RankView<'a> {
    pub ranking: Ranking,
    pub scope: Scope,
    pub filters: Filters,
    pub sources: Citations<'a>,
}

#[derive(Debug)]
pub enum PathView<'a> {
    Routes(RoutesView<'a>),
    Ranking(RankView<'a>),
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
    /// Routes: an array of steps (`route` says which route a step is on);
    /// a ranking: an array of destinations.
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
            PathView::Ranking(r) => r.ranking.rows.serialize(serializer),
        }
    }
}

pub fn run<'a>(catalog: &'a Catalog, args: &PathArgs) -> Result<PathView<'a>> {
    let from = catalog.resolve(&args.from)?;
    let area = crate::commands::official::area(args.area.as_deref())?;
    let graph = Graph::build(catalog)?;
    let start = graph
        .node_of_role(from)
        .ok_or_else(|| Error::NoResults(format!("`{}` is not in the career graph", from.id)))?;
    let ask = PayAsk {
        area,
        hourly: args.hourly,
    };
    let scope = Scope {
        area: AreaRef::of(area),
        period: args.hourly.then_some(Period::Hour),
    };
    let Some(to_query) = &args.to else {
        if args.by == PathBy::Years {
            return Err(Error::Usage(
                "--by years ranks routes between two roles; give TO as well".into(),
            ));
        }
        let filters = Filters {
            max_education: args.max_education,
            min_pay_gain: args.min_pay_gain,
        };
        let limit = args.limit.unwrap_or(DEFAULT_DESTINATIONS);
        let ranking = ranking::ranking(catalog, &graph, start, filters, limit, ask);
        let mut sources = Citations::new(&catalog.sources);
        for c in &ranking.rows {
            sources.cite_all(c.sources.iter().map(String::as_str));
        }
        return Ok(PathView::Ranking(RankView {
            ranking,
            scope,
            filters,
            sources,
        }));
    };
    let to = catalog.resolve(to_query)?;
    let end = graph
        .node_of_role(to)
        .ok_or_else(|| Error::NoResults(format!("`{}` is not in the career graph", to.id)))?;
    if end == start {
        return Err(Error::Usage(format!(
            "FROM and TO are the same role ({}); give two different roles, or leave out TO \
             to see where it leads",
            graph.nodes[start].key()
        )));
    }
    let limit = match args.limit {
        Some(0) => ROUTE_CAP,
        Some(n) => n.min(ROUTE_CAP),
        None => DEFAULT_ROUTES,
    };
    let cost = |u: NodeIx, v: NodeIx| StepCost {
        pay: facts::annual_median(&graph, v, area),
        ..graph.skill_cost(u, v)
    };
    let (found, by) = match args.by {
        PathBy::Steps => {
            let stone = |x: NodeIx| routes::no_harder(&graph, x, end);
            (
                graph.fewest_steps_through(start, end, limit, &cost, &stone),
                Basis::FewestSteps,
            )
        }
        PathBy::Years => (graph.least_years(start, end, limit), Basis::LeastYears),
    };
    if found.routes.is_empty() {
        return Err(Error::NoResults(routes::no_route(&graph, start, end)));
    }
    let search = routes::Search {
        found: &found,
        by,
        ends: (start, end),
        limit,
        cost: &cost,
    };
    let routes = routes::routes(catalog, &graph, &search, ask);
    // Number the sources in the order text output shows them.
    let mut sources = Citations::new(&catalog.sources);
    for r in &routes {
        for s in &r.steps {
            sources.cite_all(s.sources.iter().map(String::as_str));
        }
    }
    Ok(PathView::Routes(RoutesView {
        from: End::of(&graph, start),
        to: End::of(&graph, end),
        by,
        routes,
        total: found.total,
        scope,
        sources,
    }))
}
