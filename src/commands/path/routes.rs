//! `careers path FROM TO`: the best routes between two roles or
//! occupations, each step explained (how it is known, years, skills,
//! schooling, requirements, pay, outlook); or, when there is none, the
//! occupations within reach that are closest to TO.

use super::facts::{self, EducationView, GuideSkills, OnetSkills, PayAsk, PayChange, Requirements};
use super::Basis;
use crate::catalog::Catalog;
use crate::graph::official::Why;
use crate::graph::{Graph, NodeIx, Routes, Step};
use crate::model::MoveKind;
use crate::official::{ONET_29_1, ONET_30_2};
use serde::Serialize;

/// What kind of move a step is: the strongest a guide gives (promotion,
/// lateral, related), a promotion to a worker's supervisor, a related
/// occupation; or an entry into an occupation open to newcomers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    Promotion,
    Lateral,
    Related,
    Entry,
}

impl From<MoveKind> for StepKind {
    fn from(k: MoveKind) -> StepKind {
        match k {
            MoveKind::Promotion => StepKind::Promotion,
            MoveKind::Lateral => StepKind::Lateral,
            MoveKind::Related => StepKind::Related,
        }
    }
}

/// One reason a step exists, with its sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct How {
    pub via: HowVia,
    /// For a guide's edge, the kind it gives.
    pub kind: Option<MoveKind>,
    /// The source ids: a guide's; O*NET's or BLS's.
    pub sources: Vec<String>,
    /// The role whose file states a guide's edge; the occupation whose
    /// O*NET list names an O*NET related one.
    pub owner: Option<String>,
    /// For similar skills, the skill distance (RMS of the 35 ratings).
    pub distance: Option<f64>,
}

/// Where a reason comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HowVia {
    /// Consecutive tiers of a guide's ladder.
    Ladder,
    /// A move a guide names.
    Move,
    /// A role a guide lists as related.
    Related,
    /// O*NET lists one among the other's related occupations.
    OnetRelated,
    /// Among the occupation's nearest by skills.
    SimilarSkills,
    /// The first-line supervisors of the worker's SOC group.
    Supervisor,
    /// BLS asks no work experience in a related occupation.
    Entry,
}

/// Years one source gives for a step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourcedYears {
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub source: String,
}

/// One end of a step or route.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct End {
    /// The role or occupation id; a destination without a profile: its name.
    pub id: String,
    pub title: String,
    pub profile: bool,
    /// The SOC code whose figures describe it, and whether the link is
    /// approximate.
    pub soc: Option<&'static str>,
    pub approximate: bool,
}

impl End {
    pub fn of(graph: &Graph, n: NodeIx) -> End {
        let node = &graph.nodes[n];
        End {
            id: node.key().into_owned(),
            title: node.title.to_string(),
            profile: node.has_profile(),
            soc: node.soc,
            approximate: node.approximate,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// Role or occupation ids (a destination without a profile: its name).
    pub from: String,
    pub from_title: String,
    /// The SOC code whose figures describe the end, and whether the link
    /// is approximate.
    pub from_soc: Option<&'static str>,
    pub from_approximate: bool,
    pub to: String,
    pub to_title: String,
    /// Whether `to` has a profile (`careers show` shows it).
    pub to_profile: bool,
    pub to_soc: Option<&'static str>,
    pub to_approximate: bool,
    pub kind: StepKind,
    /// Every reason the step exists.
    pub how: Vec<How>,
    /// Years, per guide that gives them.
    pub years: Vec<SourcedYears>,
    /// O*NET's skills of both ends compared; `None` with `onet_skills_note`.
    pub onet_skills: Option<OnetSkills>,
    pub onet_skills_note: Option<String>,
    /// The guides' own skill lists, as they word them (both ends curated).
    pub guide_skills: Option<GuideSkills>,
    pub guide_skills_note: Option<String>,
    pub education: Option<EducationView>,
    /// The target's requirements and outlook.
    pub requirements: Option<Requirements>,
    pub pay_change: PayChange,
    /// Every source the step cites, in order.
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Route {
    pub basis: Basis,
    pub steps: Vec<StepView>,
    /// The highest typical years of any step (years are experience
    /// levels, so this is when the route typically ends).
    pub years: Option<u32>,
    /// As `years`, taking each step's highest figure where its guides
    /// disagree ("3+ years" and "2+ years"): the route's years are a range
    /// when this is above `years`.
    pub years_most: Option<u32>,
    /// Steps for which no guide gives years.
    pub unknown_steps: usize,
}

/// The steps of one route, as nodes.
pub fn route(
    catalog: &Catalog,
    graph: &Graph,
    nodes: &[NodeIx],
    basis: Basis,
    ask: PayAsk<'_>,
) -> Route {
    let steps: Vec<StepView> = nodes
        .windows(2)
        .enumerate()
        .map(|(i, p)| step(catalog, graph, p[0], p[1], i == 0, ask))
        .collect();
    // Each step's years, the lowest and the highest figure its guides
    // give (`None`: no guide gives years).
    let spans: Vec<Option<(u32, u32)>> = nodes
        .windows(2)
        .map(|p| {
            graph
                .step(p[0], p[1])
                .and_then(|s| graph.step_years_span(&s))
        })
        .collect();
    Route {
        basis,
        years: spans.iter().flatten().map(|s| s.0).max(),
        years_most: spans.iter().flatten().map(|s| s.1).max(),
        unknown_steps: spans.iter().filter(|s| s.is_none()).count(),
        steps,
    }
}

fn step(
    catalog: &Catalog,
    graph: &Graph,
    a: NodeIx,
    b: NodeIx,
    first: bool,
    ask: PayAsk<'_>,
) -> StepView {
    let found = graph.step(a, b);
    let entry = first && graph.nodes[b].is_open();
    let how = hows(graph, found.as_ref(), a, b, entry);
    let kind = match (found, entry) {
        (Some(s), _) => graph.step_kind(&s).into(),
        (None, _) => StepKind::Entry,
    };
    let years = found.map(|s| years(graph, &s)).unwrap_or_default();
    let (ra, rb) = (
        facts::curated(catalog, graph, a),
        facts::curated(catalog, graph, b),
    );
    let (from, to) = (End::of(graph, a), End::of(graph, b));
    let pay_change = facts::pay_change(
        &facts::figures(catalog, graph, a, ask.area),
        &facts::figures(catalog, graph, b, ask.area),
        &from.id,
        &to.id,
        ask.hourly,
    );
    let (onet_skills, onet_skills_note) = split(facts::onet_skills(graph, a, b));
    let (guide_skills, guide_skills_note) = split(facts::guide_skills(ra, rb));
    let education = facts::education(graph, a, b);
    let requirements = facts::requirements(graph, b);
    let mut sources: Vec<String> = Vec::new();
    let mut cite = |id: &str| {
        if !sources.iter().any(|s| s == id) {
            sources.push(id.to_string());
        }
    };
    for h in &how {
        h.sources.iter().for_each(|s| cite(s));
    }
    for p in [&pay_change.from, &pay_change.to].into_iter().flatten() {
        cite(&p.source);
    }
    onet_skills.iter().for_each(|s| cite(s.source));
    education.iter().for_each(|e| cite(e.source));
    requirements.iter().for_each(|r| cite(r.source));
    StepView {
        from: from.id,
        from_title: from.title,
        from_soc: from.soc,
        from_approximate: from.approximate,
        to: to.id,
        to_title: to.title,
        to_profile: to.profile,
        to_soc: to.soc,
        to_approximate: to.approximate,
        kind,
        how,
        years,
        onet_skills,
        onet_skills_note,
        guide_skills,
        guide_skills_note,
        education,
        requirements,
        pay_change,
        sources,
    }
}

fn split<T>(r: Result<T, String>) -> (Option<T>, Option<String>) {
    match r {
        Ok(v) => (Some(v), None),
        Err(e) => (None, Some(e)),
    }
}

/// Every reason for a step: the guides' edges, the official link's
/// reasons, and entry.
fn hows(graph: &Graph, step: Option<&Step>, a: NodeIx, b: NodeIx, entry: bool) -> Vec<How> {
    let mut out: Vec<How> = Vec::new();
    let bare = |via: HowVia, sources: Vec<&str>| How {
        via,
        kind: None,
        sources: sources.into_iter().map(str::to_string).collect(),
        owner: None,
        distance: None,
    };
    if let Some(s) = step {
        for e in graph.step_edges(s) {
            let via = match e.via {
                crate::graph::Via::Ladder => HowVia::Ladder,
                crate::graph::Via::Move => HowVia::Move,
                crate::graph::Via::Related => HowVia::Related,
            };
            let how = How {
                kind: Some(e.kind),
                owner: Some(e.owner.to_string()),
                ..bare(via, vec![e.source])
            };
            if !out.contains(&how) {
                out.push(how);
            }
        }
        if let Some(l) = s.link {
            let (sa, sb) = (graph.nodes[a].soc, graph.nodes[b].soc);
            if l.why.has(Why::RELATED) {
                out.push(How {
                    owner: sa.map(str::to_string),
                    ..bare(HowVia::OnetRelated, vec![ONET_29_1])
                });
            }
            if l.why.has(Why::RELATED_BACK) {
                out.push(How {
                    owner: sb.map(str::to_string),
                    ..bare(HowVia::OnetRelated, vec![ONET_29_1])
                });
            }
            if l.why.has(Why::SIMILAR) {
                out.push(How {
                    distance: l.distance,
                    ..bare(HowVia::SimilarSkills, vec![ONET_30_2])
                });
            }
            if l.why.has(Why::SUPERVISOR) {
                let sources = Why::SUPERVISOR.sources();
                out.push(bare(HowVia::Supervisor, sources));
            }
        }
    }
    if entry {
        out.push(bare(HowVia::Entry, vec![crate::official::BLS_EP]));
    }
    out
}

fn years(graph: &Graph, step: &Step) -> Vec<SourcedYears> {
    let mut out: Vec<SourcedYears> = Vec::new();
    for e in graph.step_edges(step) {
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

/// What a route search found, and how it was asked.
pub struct Search<'s> {
    pub found: &'s Routes,
    pub by: Basis,
    pub ends: (NodeIx, NodeIx),
    /// How many routes were asked for.
    pub limit: usize,
    pub cost: &'s dyn Fn(NodeIx, NodeIx) -> crate::graph::StepCost,
}

/// The routes found; after a direct entry alone, routes one step longer
/// through a stepping stone, up to the limit; and (by steps) a route with
/// known years when none of them has years for every step.
pub fn routes(
    catalog: &Catalog,
    graph: &Graph,
    search: &Search<'_>,
    ask: PayAsk<'_>,
) -> Vec<Route> {
    let (start, end) = search.ends;
    let mut out: Vec<Route> = search
        .found
        .routes
        .iter()
        .map(|nodes| route(catalog, graph, nodes, search.by, ask))
        .collect();
    let direct_entry = out
        .iter()
        .all(|r| r.steps.len() == 1 && r.steps[0].kind == StepKind::Entry);
    if search.by == Basis::FewestSteps && direct_entry && out.len() < search.limit {
        let allow = |x: NodeIx| no_harder(graph, x, end);
        let stones =
            graph.stepping_stones(start, end, search.limit - out.len(), search.cost, &allow);
        for nodes in &stones {
            out.push(route(catalog, graph, nodes, Basis::SteppingStone, ask));
        }
    }
    // Only the guides give years, so only a route from or to a curated
    // role is worth the search.
    let guided = graph.nodes[start].is_curated() || graph.nodes[end].is_curated();
    if search.by == Basis::FewestSteps && guided && out.iter().all(|r| r.unknown_steps > 0) {
        let fewest_unknown = out.iter().map(|r| r.unknown_steps).min().unwrap_or(0);
        // Fewer than one step without years is none: the guides' steps
        // alone tell whether such a route exists, without searching the
        // whole economy.
        let possible = fewest_unknown > 1 || graph.reaches_with_years(start, end);
        let by_years = match possible {
            true => graph.least_years_with_years(start, end, 1),
            false => crate::graph::Routes::default(),
        };
        if by_years.years.is_some() && by_years.unknown_steps < fewest_unknown {
            for nodes in &by_years.routes {
                out.push(route(catalog, graph, nodes, Basis::LeastYears, ask));
            }
        }
    }
    out
}

/// Whether node `x` is no harder to get into than node `goal` (BLS, where
/// both are known): no more schooling, no more work experience, and, when
/// the goal asks on-the-job training, less of it (or none). A stepping
/// stone that asks the goal's own apprenticeship is another career, not a
/// way in.
pub fn no_harder(graph: &Graph, x: NodeIx, goal: NodeIx) -> bool {
    use crate::official::Training;
    let weight = |t: Training| match t {
        Training::None => 0,
        Training::ShortTerm => 1,
        Training::ModerateTerm => 2,
        Training::LongTerm => 3,
        Training::Apprenticeship | Training::InternshipResidency => 4,
    };
    match (graph.nodes[x].requires, graph.nodes[goal].requires) {
        (Some(a), Some(b)) => {
            a.education <= b.education
                && a.experience <= b.experience
                && (b.training == Training::None
                    || a.training == Training::None
                    || weight(a.training) < weight(b.training))
        }
        _ => true,
    }
}

/// The message for "no route": why, and the occupations FROM can reach
/// (entering open ones directly) that are closest to TO by skills.
pub fn no_route(graph: &Graph, start: NodeIx, end: NodeIx) -> String {
    let (from, to) = (graph.nodes[start].key(), graph.nodes[end].key());
    let mut msg = format!("no route from {from} to {to}");
    let reached = graph.reachable(start, true);
    if reached.is_empty() {
        msg.push_str(&format!(
            "\n\n{from} leads nowhere in the catalog: no guide's step starts from it, and it \
             has no SOC code that official occupations link from."
        ));
        return msg;
    }
    let why = match graph.nodes[end].soc {
        None => format!(
            "{to} has no SOC code, so only the guides' steps lead into it, and none does \
             from where {from} can go"
        ),
        Some(_) => format!(
            "{to} asks for work experience in a related occupation (BLS), and no step of \
             the graph leads into it from where {from} can go"
        ),
    };
    msg.push_str(&format!(": {why}."));
    let target = graph.nodes[end].soc.and_then(crate::official::skills);
    let Some(target) = target else {
        msg.push_str(&format!(
            "\n\n{to} has no O*NET skill ratings to find the nearest occupations by; \
             `careers path {from}` ranks where {from} leads."
        ));
        return msg;
    };
    let mut near: Vec<(f64, usize, NodeIx)> = reached
        .iter()
        .filter(|r| !graph.nodes[r.node].residual && graph.nodes[r.node].has_profile())
        .filter_map(|r| {
            let theirs = crate::official::skills(graph.nodes[r.node].soc?)?;
            let d = careers_data::official::similarity::distance(
                &theirs.importance,
                &target.importance,
            );
            Some((d, r.depth, r.node))
        })
        .collect();
    near.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    msg.push_str(&format!(
        "\n\nThe occupations {from} can reach that are closest to {to} by skills \
         (RMS distance of the 35 O*NET 30.2 ratings):"
    ));
    for (d, depth, n) in near.iter().take(5) {
        let steps = if *depth == 1 { "step" } else { "steps" };
        msg.push_str(&format!(
            "\n  {}  {d:.2} apart, {depth} {steps}",
            graph.nodes[*n].key()
        ));
    }
    msg.push_str(&format!(
        "\n\n`careers path {from} ID` shows the route to one of them."
    ));
    msg
}
