//! `careers path FROM`: the destinations within reach, ranked by the
//! score of `graph::rank`, each with the parts of its score and the facts
//! behind them.

use super::facts::{self, PayAsk, PayChange};
use super::routes::End;
use crate::catalog::Catalog;
use crate::graph::rank::{self, Destination, Filters, Part};
use crate::graph::{Graph, NodeIx};
use crate::official::{Education, BLS_EP, ONET_30_2};
use serde::Serialize;

/// One destination, as output shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    /// Its place in the ranking (1 is the best), before `--limit`.
    pub rank: usize,
    /// The role or occupation id, title and SOC code.
    pub to: String,
    pub to_title: String,
    pub to_soc: Option<&'static str>,
    /// Whether it is a curated role (its figures are its SOC code's).
    pub curated: bool,
    /// Steps away in the career graph, and for two steps the one between.
    pub steps: usize,
    pub via: Option<String>,
    pub via_title: Option<String>,
    pub score: f64,
    pub closeness: Part,
    pub pay: Part,
    pub growth: Part,
    pub education: Part,
    /// The figures behind the parts.
    pub skill_distance: Option<f64>,
    pub pay_change: PayChange,
    pub change_pct: Option<f64>,
    pub all_occupations_change_pct: f64,
    pub education_from: Option<Education>,
    pub education_to: Option<Education>,
    pub education_levels_up: Option<usize>,
    /// Either end's figures are those of an approximate SOC link.
    pub approximate: bool,
    /// The sources of the steps to it.
    pub route_sources: Vec<String>,
    /// Every source the row cites: the steps to it, then its figures'.
    pub sources: Vec<String>,
}

/// The ranking, with what it needs to be read.
#[derive(Debug)]
pub struct Ranking {
    pub from: End,
    /// How many destinations passed the filters.
    pub total: usize,
    /// The best `--limit` of them, then the curated roles within reach
    /// ranked below (the guides name them: they are always shown).
    pub rows: Vec<Candidate>,
    /// How many of `rows` are within the limit.
    pub shown: usize,
    /// FROM has no O*NET ratings: closeness is unknown for every row.
    pub unrated: bool,
}

/// Ranks the destinations from node `from`; `limit` 0 keeps them all.
pub fn ranking(
    catalog: &Catalog,
    graph: &Graph,
    from: NodeIx,
    filters: Filters,
    limit: usize,
    ask: PayAsk<'_>,
) -> Ranking {
    // The pay of FROM and of every destination [`rank::rank`] scores.
    let mut within: Vec<NodeIx> = graph
        .reachable_within(from, rank::MAX_STEPS)
        .iter()
        .map(|r| r.node)
        .collect();
    within.push(from);
    let table = facts::AreaWages::of_nodes(ask.area, graph, &within);
    let mine = table.figures(catalog, graph, from);
    let from_end = End::of(graph, from);
    let change = |to: NodeIx, hourly: bool| {
        let theirs = table.figures(catalog, graph, to);
        let id = graph.nodes[to].key();
        facts::pay_change(&mine, &theirs, &from_end.id, &id, hourly)
    };
    // The score is of the figures as published: converting both to the
    // hour (--hourly) would round them. An official occupation's pair is
    // read off its wages; the figures are built for the rows shown only.
    let pay = |to: NodeIx| {
        table.official_pair(graph, &mine, to).unwrap_or_else(|| {
            let c = change(to, false);
            let pair = c.from.as_ref().and_then(|f| f.value).zip(c.change);
            pair.map(|(a, change)| (a, a + change))
        })
    };
    let ranked = rank::rank(graph, from, &pay, filters);
    let total = ranked.len();
    let shown = if limit == 0 { total } else { limit.min(total) };
    let keep = |i: usize, d: &Destination| i < shown || graph.nodes[d.node].is_curated();
    let rows: Vec<Candidate> = ranked
        .iter()
        .enumerate()
        .filter(|(i, d)| keep(*i, d))
        .map(|(i, d)| candidate(graph, from, i + 1, d, change(d.node, ask.hourly)))
        .collect();
    Ranking {
        unrated: graph.nodes[from]
            .soc
            .and_then(crate::official::skills)
            .is_none(),
        from: from_end,
        total,
        shown,
        rows,
    }
}

fn candidate(
    graph: &Graph,
    from: NodeIx,
    rank: usize,
    d: &Destination,
    change: PayChange,
) -> Candidate {
    fn add(list: &mut Vec<String>, id: &str) {
        if !list.iter().any(|s| s == id) {
            list.push(id.to_string());
        }
    }
    let mut route_sources: Vec<String> = Vec::new();
    let mut hops = vec![from];
    hops.extend(d.via);
    hops.push(d.node);
    for pair in hops.windows(2) {
        if let Some(s) = graph.step(pair[0], pair[1]) {
            graph
                .step_edges(&s)
                .for_each(|e| add(&mut route_sources, e.source));
            if let Some(l) = s.link {
                for id in l.why.sources() {
                    add(&mut route_sources, id);
                }
            }
        }
    }
    let mut sources = route_sources.clone();
    if d.skill_distance.is_some() {
        add(&mut sources, ONET_30_2);
    }
    for p in [&change.from, &change.to].into_iter().flatten() {
        add(&mut sources, &p.source);
    }
    if d.change_pct.is_some() || d.education_to.is_some() {
        add(&mut sources, BLS_EP);
    }
    Candidate {
        rank,
        to: graph.nodes[d.node].key().into_owned(),
        to_title: graph.nodes[d.node].title.to_string(),
        to_soc: d.soc,
        curated: graph.nodes[d.node].is_curated(),
        steps: d.steps,
        via: d.via.map(|v| graph.nodes[v].key().into_owned()),
        via_title: d.via.map(|v| graph.nodes[v].title.to_string()),
        score: d.score,
        closeness: d.closeness,
        pay: d.pay,
        growth: d.growth,
        education: d.schooling,
        skill_distance: d.skill_distance,
        pay_change: change,
        change_pct: d.change_pct,
        all_occupations_change_pct: crate::official::all_occupations_change().change_pct,
        education_from: d.education.map(|e| e.from),
        education_to: d.education_to,
        education_levels_up: d.education.map(|e| e.levels_up),
        approximate: d.approximate,
        route_sources,
        sources,
    }
}
