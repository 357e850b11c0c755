//! The career graph: which role leads to which, and how to get from one
//! role to another.
//!
//! Edges come from three places in the role files:
//! - ladder steps: consecutive tiers of a `[[ladder]]` that are different
//!   roles (tiers of one role are levels within it, not steps);
//! - `[[moves]]`: promotions, lateral moves and related roles a source names;
//! - `[[related]]`: roles a source lists as related.
//!
//! Destinations without a profile (a move or related role with no `role`
//! id, a ladder tier with no `role`) are nodes too, keyed by their name, so
//! "Technical support" named by two roles is one node.
//!
//! Every search keeps a visited set, so cycles in user data (two roles
//! whose moves point at each other) cannot loop. Pure: no I/O.

pub mod explain;
pub mod official;
pub mod rank;

use crate::catalog::Catalog;
use crate::model::MoveKind;
use crate::validate::normalize_name;
use serde::Serialize;
use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet, VecDeque};
use std::hash::Hash;

/// An index into [`Graph::nodes`].
pub type NodeIx = usize;

/// A role or official occupation, or a destination a source names that
/// has no profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Node {
    /// The catalog entry's id (a curated role's, or an official
    /// occupation's); `None` for a destination without a profile.
    pub role: Option<String>,
    /// The role's title, or the destination as the source names it.
    pub title: String,
    /// The official occupation whose figures describe it: its own code, or
    /// the code a curated role is linked to.
    #[serde(skip)]
    pub soc: Option<&'static str>,
    /// The SOC link is approximate (the occupation is broader or narrower).
    #[serde(skip)]
    pub approximate: bool,
    /// A residual "All Other" occupation: described, but not a job one
    /// moves into, so routes do not pass through it.
    #[serde(skip)]
    pub residual: bool,
}

impl Node {
    /// How the node is named in output: the role id, or the name.
    pub fn key(&self) -> &str {
        self.role.as_deref().unwrap_or(&self.title)
    }

    /// "Customer Service Supervisor", "Technical support (no profile)".
    pub fn label(&self) -> String {
        match self.role {
            Some(_) => self.title.clone(),
            None => format!("{} (no profile)", self.title),
        }
    }
}

/// Typical years for a step as a source gives them. For a ladder step it
/// is the experience at which the target tier starts (`max` unset); for a
/// move, the move's own figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Years {
    pub min: Option<u32>,
    pub max: Option<u32>,
}

impl Years {
    fn new(min: Option<u32>, max: Option<u32>) -> Option<Years> {
        (min.is_some() || max.is_some()).then_some(Years { min, max })
    }

    /// The one figure routing uses: the lower bound, or the upper bound
    /// when only that is given ("within 2 years").
    pub fn typical(&self) -> Option<u32> {
        self.min.or(self.max)
    }
}

/// Where an edge comes from: the role files (a ladder, a move, a related
/// role a guide names) or the official tables (O*NET's related
/// occupations, nearest occupations by O*NET skills).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    Ladder,
    Move,
    Related,
    OnetRelated,
    SimilarSkills,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub from: NodeIx,
    pub to: NodeIx,
    pub kind: MoveKind,
    pub years: Option<Years>,
    pub source: Cow<'static, str>,
    /// The role whose file states the edge (for an official edge, the
    /// occupation's code).
    pub owner: Cow<'static, str>,
    pub via: Via,
}

/// What makes two curated edges the same: the sources may name a step twice.
type EdgeKey = (
    NodeIx,
    NodeIx,
    MoveKind,
    Option<Years>,
    Cow<'static, str>,
    Via,
);

/// All the edges from one node to another: the sources may name the same
/// step several times (a ladder and a move, or two sources).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub from: NodeIx,
    pub to: NodeIx,
    /// Indexes into [`Graph::edges`], in catalog order.
    pub edges: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// For each node, its steps out, in catalog order.
    steps: Vec<Vec<Step>>,
    by_role: HashMap<String, NodeIx>,
    by_name: HashMap<String, NodeIx>,
}

/// What one step of a route weighs, for ranking routes with the same
/// number of steps: first fewer steps whose skill gap is unknown, then the
/// smaller total skill gap, then the higher lowest pay along the route (no
/// deep pay cut on the way).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StepCost {
    /// The step's skill gap is unknown (an end without O*NET ratings).
    pub unknown_gap: bool,
    /// The step's skill gap ([`explain::SkillGap::gap`]); 0 when unknown.
    pub gap: f64,
    /// The pay of the step's target, when known, in one unit for all.
    pub pay: Option<f64>,
}

/// A partial route's cost, and the label of the node before it it extends.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Label {
    unknown: usize,
    gap: f64,
    lowest_pay: Option<f64>,
    back: Option<(NodeIx, usize)>,
}

impl Label {
    fn start() -> Label {
        Label {
            unknown: 0,
            gap: 0.0,
            lowest_pay: None,
            back: None,
        }
    }

    fn extend(self, step: StepCost, from: NodeIx, at: usize) -> Label {
        let lowest_pay = match (self.lowest_pay, step.pay) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Label {
            unknown: self.unknown + usize::from(step.unknown_gap),
            gap: self.gap + step.gap,
            lowest_pay,
            back: Some((from, at)),
        }
    }

    /// Best first: fewer unknown gaps, smaller gap (to a hundredth of a
    /// point), higher lowest pay (known before unknown).
    fn order(a: &Label, b: &Label) -> std::cmp::Ordering {
        let hundredths = |g: f64| (g * 100.0).round() as i64;
        a.unknown
            .cmp(&b.unknown)
            .then(hundredths(a.gap).cmp(&hundredths(b.gap)))
            .then(match (a.lowest_pay, b.lowest_pay) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
    }
}

/// One node of a reachability tree: how it was first reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reached {
    pub node: NodeIx,
    /// The step from the parent; `None` for the root.
    pub parent: Option<NodeIx>,
    pub depth: usize,
}

/// Routes of one search, all equally good.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Routes {
    /// Each route is its nodes, first to last; at most the limit asked for.
    pub routes: Vec<Vec<NodeIx>>,
    /// How many equally good routes exist (saturating).
    pub total: u64,
    /// For a search by years: steps without years on the best route.
    pub unknown_steps: usize,
    /// For a search by years: the highest typical years of any step.
    pub years: Option<u32>,
}

impl Graph {
    /// The graph of every role and official occupation in the catalog.
    pub fn build(catalog: &Catalog) -> crate::error::Result<Graph> {
        let mut g = Graph::curated(catalog)?;
        g.add_official(catalog);
        g.index_steps();
        Ok(g)
    }

    /// The graph of the curated roles alone: their ladders, moves and
    /// related roles.
    pub fn curated(catalog: &Catalog) -> crate::error::Result<Graph> {
        let roles = catalog
            .roles()
            .collect::<crate::error::Result<Vec<&crate::model::Role>>>()?;
        let mut g = Graph::default();
        for r in &roles {
            g.role_node(&r.id, &r.title);
        }
        let mut seen: HashSet<EdgeKey> = HashSet::new();
        let mut add = |g: &mut Graph, e: Edge| {
            if e.from == e.to {
                return;
            }
            let key = (e.from, e.to, e.kind, e.years, e.source.clone(), e.via);
            if seen.insert(key) {
                g.edges.push(e);
            }
        };
        // Ladders from role files and ladder files alike, each role's at
        // its place in the catalog's order (before its moves), the ladder
        // files' after every role.
        let ladders = catalog.ladders()?;
        let mut ladders = ladders.iter().peekable();
        for r in &roles {
            let me = g.by_role[&r.id];
            while let Some(l) = ladders.next_if(|l| l.owner() == Some(r.id.as_str())) {
                for e in g.ladder_steps(catalog, l) {
                    add(&mut g, e);
                }
            }
            for m in &r.moves {
                let to = g.target(catalog, m.role.as_deref(), &m.to);
                add(
                    &mut g,
                    Edge {
                        from: me,
                        to,
                        kind: m.kind,
                        years: Years::new(m.min_years, m.max_years),
                        source: Cow::Owned(m.source.clone()),
                        owner: Cow::Owned(r.id.clone()),
                        via: Via::Move,
                    },
                );
            }
            for rel in &r.related {
                let to = g.target(catalog, rel.role.as_deref(), &rel.title);
                add(
                    &mut g,
                    Edge {
                        from: me,
                        to,
                        kind: MoveKind::Related,
                        years: None,
                        source: Cow::Owned(rel.source.clone()),
                        owner: Cow::Owned(r.id.clone()),
                        via: Via::Related,
                    },
                );
            }
        }
        for l in ladders {
            for e in g.ladder_steps(catalog, l) {
                add(&mut g, e);
            }
        }
        g.index_steps();
        Ok(g)
    }

    /// The steps up a ladder: between consecutive tiers that are different
    /// roles, taking the years at which the upper tier starts.
    fn ladder_steps(&mut self, catalog: &Catalog, l: &crate::catalog::LadderRef<'_>) -> Vec<Edge> {
        let owner = l.owner().or(l.file_id()).unwrap_or_default();
        let tiers: Vec<NodeIx> = l
            .ladder
            .tiers
            .iter()
            .map(|t| self.target(catalog, t.role.as_deref(), &t.title))
            .collect();
        let mut out = Vec::new();
        for (i, pair) in tiers.windows(2).enumerate() {
            if pair[0] == pair[1] {
                continue;
            }
            out.push(Edge {
                from: pair[0],
                to: pair[1],
                kind: MoveKind::Promotion,
                years: Years::new(l.ladder.tiers[i + 1].min_years, None),
                source: Cow::Owned(l.ladder.source.clone()),
                owner: Cow::Owned(owner.to_string()),
                via: Via::Ladder,
            });
        }
        out
    }

    /// The official occupations and their edges (see [`official`]). An
    /// occupation that curated roles stand for exactly is those roles'
    /// nodes (no hidden duplicate: an edge into it goes to each of them);
    /// a curated role linked approximately keeps its own node, with the
    /// occupation's edges out of it too.
    fn add_official(&mut self, catalog: &Catalog) {
        let mut stand_for: HashMap<&'static str, Vec<NodeIx>> = HashMap::new();
        let mut linked: Vec<(NodeIx, &'static str)> = Vec::new();
        for h in catalog.heads() {
            let Some(&n) = self.by_role.get(&h.id) else {
                continue;
            };
            for (code, approx) in &h.soc {
                let Some(o) = crate::wages::occupation(code) else {
                    continue;
                };
                linked.push((n, o.soc));
                if !approx {
                    stand_for.entry(o.soc).or_default().push(n);
                }
                let node = &mut self.nodes[n];
                if node.soc.is_none() {
                    (node.soc, node.approximate) = (Some(o.soc), *approx);
                }
            }
        }
        for o in catalog.occupations.iter() {
            if stand_for.contains_key(o.soc) {
                continue;
            }
            let n = self.role_node(&crate::catalog::occupations::slug(o.title), o.title);
            let node = &mut self.nodes[n];
            node.soc = Some(o.soc);
            node.residual = o.title.ends_with("All Other");
            stand_for.insert(o.soc, vec![n]);
        }
        for o in catalog.occupations.iter() {
            let mut starts: Vec<NodeIx> = stand_for[o.soc].clone();
            for (n, soc) in &linked {
                if *soc == o.soc && !starts.contains(n) {
                    starts.push(*n);
                }
            }
            for (to_soc, link) in official::edges(o.soc) {
                let Some(targets) = stand_for.get(to_soc) else {
                    continue;
                };
                let via = match link {
                    official::Link::Related => Via::OnetRelated,
                    official::Link::Similar { .. } => Via::SimilarSkills,
                };
                for &from in &starts {
                    for &to in targets.iter().filter(|&&to| to != from) {
                        self.edges.push(Edge {
                            from,
                            to,
                            kind: MoveKind::Related,
                            years: None,
                            source: Cow::Borrowed(link.source()),
                            owner: Cow::Borrowed(o.soc),
                            via,
                        });
                    }
                }
            }
        }
    }

    /// The nodes that stand for official occupations (an occupation's own
    /// node, or a curated role linked to it exactly), with the code; each
    /// code once, the first such node.
    pub fn official_nodes(&self) -> impl Iterator<Item = (NodeIx, &'static str)> + '_ {
        let mut seen = HashSet::new();
        self.nodes.iter().enumerate().filter_map(move |(i, n)| {
            let soc = n.soc.filter(|_| !n.approximate)?;
            seen.insert(soc).then_some((i, soc))
        })
    }

    /// The fewest steps from `from` to every node (`None`: not reached),
    /// not passing through residual occupations.
    pub fn distances(&self, from: NodeIx) -> Vec<Option<usize>> {
        let mut dist: Vec<Option<usize>> = vec![None; self.nodes.len()];
        if from >= self.nodes.len() {
            return dist;
        }
        dist[from] = Some(0);
        let mut queue = VecDeque::from([from]);
        while let Some(u) = queue.pop_front() {
            if u != from && self.nodes[u].residual {
                continue;
            }
            let d = dist[u].unwrap_or(0);
            for s in self.steps_from(u) {
                if dist[s.to].is_none() {
                    dist[s.to] = Some(d + 1);
                    queue.push_back(s.to);
                }
            }
        }
        dist
    }

    fn role_node(&mut self, id: &str, title: &str) -> NodeIx {
        if let Some(&i) = self.by_role.get(id) {
            return i;
        }
        self.nodes.push(Node {
            role: Some(id.to_string()),
            title: title.to_string(),
            soc: None,
            approximate: false,
            residual: false,
        });
        let i = self.nodes.len() - 1;
        self.by_role.insert(id.to_string(), i);
        i
    }

    /// The node for a link: the catalog role when `role` names one, else a
    /// node without a profile named `name`.
    fn target(&mut self, catalog: &Catalog, role: Option<&str>, name: &str) -> NodeIx {
        // Every curated role is decoded already (`build` read them all
        // first), so looking one up cannot fail here.
        if let Some(r) = role.and_then(|id| catalog.role(id).ok().flatten()) {
            return self.role_node(&r.id, &r.title);
        }
        let key = normalize_name(name);
        if let Some(&i) = self.by_name.get(&key) {
            return i;
        }
        self.nodes.push(Node {
            role: None,
            title: name.to_string(),
            soc: None,
            approximate: false,
            residual: false,
        });
        let i = self.nodes.len() - 1;
        self.by_name.insert(key, i);
        i
    }

    fn index_steps(&mut self) {
        let mut steps: Vec<Vec<Step>> = vec![Vec::new(); self.nodes.len()];
        for (i, e) in self.edges.iter().enumerate() {
            let out = &mut steps[e.from];
            match out.iter_mut().find(|s| s.to == e.to) {
                Some(s) => s.edges.push(i),
                None => out.push(Step {
                    from: e.from,
                    to: e.to,
                    edges: vec![i],
                }),
            }
        }
        self.steps = steps;
    }

    /// The node of a catalog role.
    pub fn node_of(&self, role_id: &str) -> Option<NodeIx> {
        self.by_role.get(role_id).copied()
    }

    /// The steps out of `n`.
    pub fn steps_from(&self, n: NodeIx) -> &[Step] {
        self.steps.get(n).map_or(&[], Vec::as_slice)
    }

    /// The step from `from` to `to`, if there is one.
    pub fn step(&self, from: NodeIx, to: NodeIx) -> Option<&Step> {
        self.steps_from(from).iter().find(|s| s.to == to)
    }

    /// The kind of a step: the strongest of its edges (promotion before
    /// lateral before related).
    pub fn step_kind(&self, step: &Step) -> MoveKind {
        step.edges
            .iter()
            .map(|&e| self.edges[e].kind)
            .min()
            .unwrap_or(MoveKind::Related)
    }

    /// The typical years of a step: the lowest figure any of its sources
    /// gives, or `None` when none gives years.
    pub fn step_years(&self, step: &Step) -> Option<u32> {
        step.edges
            .iter()
            .filter_map(|&e| self.edges[e].years.and_then(|y| y.typical()))
            .min()
    }

    /// Every node reachable from `from` (not `from` itself), breadth first:
    /// each node once, at its fewest steps, under the first node that
    /// reached it.
    pub fn reachable(&self, from: NodeIx) -> Vec<Reached> {
        let mut out = Vec::new();
        if from >= self.nodes.len() {
            return out;
        }
        let mut visited = vec![false; self.nodes.len()];
        visited[from] = true;
        let mut queue = VecDeque::from([(from, 0usize)]);
        while let Some((n, depth)) = queue.pop_front() {
            for s in self.steps_from(n) {
                if !visited[s.to] {
                    visited[s.to] = true;
                    out.push(Reached {
                        node: s.to,
                        parent: Some(n),
                        depth: depth + 1,
                    });
                    queue.push_back((s.to, depth + 1));
                }
            }
        }
        out
    }

    /// The skills part of a step's cost: its O*NET skill gap, from the
    /// official occupations the two nodes are (unknown for a node without
    /// ratings). No pay: see [`StepCost::pay`].
    pub fn skill_cost(&self, from: NodeIx, to: NodeIx) -> StepCost {
        let gap = match (self.nodes[from].soc, self.nodes[to].soc) {
            (Some(a), Some(b)) => explain::occupation_gap(a, b),
            _ => None,
        };
        StepCost {
            unknown_gap: gap.is_none(),
            gap: gap.map_or(0.0, |g| g.gap),
            pay: None,
        }
    }

    /// The routes from `from` to `to` with the fewest steps, best first by
    /// `cost` (summed over their steps), at most `limit` of them. Residual
    /// "All Other" occupations are not passed through (they may be `to`).
    pub fn fewest_steps(
        &self,
        from: NodeIx,
        to: NodeIx,
        limit: usize,
        cost: &dyn Fn(NodeIx, NodeIx) -> StepCost,
    ) -> Routes {
        let n = self.nodes.len();
        if from >= n || to >= n || limit == 0 {
            return Routes::default();
        }
        let passable = |u: NodeIx| u == from || !self.nodes[u].residual;
        // Distances from `from`, breadth first, as far as `to`.
        let mut dist = vec![usize::MAX; n];
        dist[from] = 0;
        let mut order = vec![from];
        let mut i = 0;
        while i < order.len() && dist[to] == usize::MAX {
            let u = order[i];
            i += 1;
            if !passable(u) {
                continue;
            }
            for s in self.steps_from(u) {
                if dist[s.to] == usize::MAX {
                    dist[s.to] = dist[u] + 1;
                    order.push(s.to);
                }
            }
        }
        if dist[to] == usize::MAX {
            return Routes::default();
        }
        // The `limit` cheapest routes to every node on a shortest route,
        // layer by layer (each label: its cost, and the label it extends).
        let mut labels: Vec<Vec<Label>> = vec![Vec::new(); n];
        let mut count = vec![0u64; n];
        labels[from].push(Label::start());
        count[from] = 1;
        for &u in &order {
            if labels[u].is_empty() || !passable(u) || dist[u] >= dist[to] {
                continue;
            }
            for s in self.steps_from(u) {
                let v = s.to;
                if dist[v] != dist[u] + 1 {
                    continue;
                }
                count[v] = count[v].saturating_add(count[u]);
                let step = cost(u, v);
                for (k, l) in labels[u].clone().into_iter().enumerate() {
                    labels[v].push(l.extend(step, u, k));
                }
                labels[v].sort_by(Label::order);
                labels[v].truncate(limit);
            }
        }
        let routes = (0..labels[to].len())
            .map(|k| {
                let mut route = vec![to];
                let (mut node, mut at) = (to, k);
                while let Some((prev, prev_at)) = labels[node][at].back {
                    route.push(prev);
                    (node, at) = (prev, prev_at);
                }
                route.reverse();
                route
            })
            .collect();
        Routes {
            routes,
            total: count[to],
            unknown_steps: 0,
            years: None,
        }
    }

    /// The routes from `from` to `to` that take the least typical time.
    ///
    /// Ladder years are experience levels (the year a tier starts), so the
    /// time a route takes is the highest figure any step gives, not a sum:
    /// on a ladder with a supervisor tier at 5 years and a manager tier at
    /// 7, reaching manager takes 7 years. Routes are ranked by the number
    /// of steps without years (fewest first), then that highest figure,
    /// then the number of steps; at most `limit` are returned.
    pub fn least_years(&self, from: NodeIx, to: NodeIx, limit: usize) -> Routes {
        let Some((unknown, years)) = self.best_years(from, to) else {
            return Routes::default();
        };
        // Among routes that match the best (unknown, years), the fewest
        // steps: a breadth-first search over (node, unknown steps so far).
        let found = all_shortest(
            (from, 0usize),
            |&(n, u)| n == to && u == unknown,
            |&(n, u)| {
                self.steps_from(n)
                    .iter()
                    .filter_map(|s| match self.step_years(s) {
                        Some(y) if Some(y) <= years => Some((s.to, u)),
                        Some(_) => None,
                        None if u < unknown => Some((s.to, u + 1)),
                        None => None,
                    })
                    .collect()
            },
        );
        let Some((paths, total)) = found.map(|f| f.paths(limit)) else {
            return Routes::default();
        };
        Routes {
            routes: paths
                .into_iter()
                .map(|p| p.into_iter().map(|(n, _)| n).collect())
                .collect(),
            total,
            unknown_steps: unknown,
            years,
        }
    }

    /// Dijkstra over (steps without years, highest years so far): both
    /// only grow along a route, so the search is exact. `None` years: no
    /// step of the route gives any.
    fn best_years(&self, from: NodeIx, to: NodeIx) -> Option<(usize, Option<u32>)> {
        if from >= self.nodes.len() || to >= self.nodes.len() {
            return None;
        }
        let mut done = vec![false; self.nodes.len()];
        let mut heap = BinaryHeap::from([Reverse((0usize, None::<u32>, from))]);
        while let Some(Reverse((u, y, n))) = heap.pop() {
            if done[n] {
                continue;
            }
            done[n] = true;
            if n == to {
                return Some((u, y));
            }
            for s in self.steps_from(n) {
                if done[s.to] {
                    continue;
                }
                let next = match self.step_years(s) {
                    Some(sy) => (u, y.max(Some(sy))),
                    None => (u + 1, y),
                };
                heap.push(Reverse((next.0, next.1, s.to)));
            }
        }
        None
    }
}

/// A breadth-first search that keeps, for every state, all the states one
/// step nearer the start: every shortest path to a goal can be rebuilt.
struct Shortest<S> {
    goals: Vec<S>,
    preds: HashMap<S, Vec<S>>,
    start: S,
}

/// Breadth-first search from `start` until the nearest goal states.
fn all_shortest<S, G, N>(start: S, is_goal: G, next: N) -> Option<Shortest<S>>
where
    S: Copy + Eq + Hash,
    G: Fn(&S) -> bool,
    N: Fn(&S) -> Vec<S>,
{
    let mut dist: HashMap<S, usize> = HashMap::from([(start, 0)]);
    let mut preds: HashMap<S, Vec<S>> = HashMap::new();
    let mut layer = vec![start];
    let mut depth = 0;
    while !layer.is_empty() {
        let goals: Vec<S> = layer.iter().copied().filter(|s| is_goal(s)).collect();
        if !goals.is_empty() {
            return Some(Shortest {
                goals,
                preds,
                start,
            });
        }
        depth += 1;
        let mut next_layer = Vec::new();
        for s in &layer {
            for t in next(s) {
                match dist.get(&t) {
                    None => {
                        dist.insert(t, depth);
                        preds.insert(t, vec![*s]);
                        next_layer.push(t);
                    }
                    Some(&d) if d == depth => {
                        let p = preds.entry(t).or_default();
                        if !p.contains(s) {
                            p.push(*s);
                        }
                    }
                    Some(_) => {}
                }
            }
        }
        layer = next_layer;
    }
    None
}

impl<S: Copy + Eq + Hash> Shortest<S> {
    /// Up to `limit` paths, start first, and how many there are in all.
    fn paths(&self, limit: usize) -> (Vec<Vec<S>>, u64) {
        let mut counts: HashMap<S, u64> = HashMap::new();
        let total = self.goals.iter().fold(0u64, |acc, g| {
            acc.saturating_add(self.count(*g, &mut counts))
        });
        let mut out = Vec::new();
        for g in &self.goals {
            let mut tail = vec![*g];
            self.collect(&mut tail, limit, &mut out);
        }
        (out, total)
    }

    fn count(&self, s: S, memo: &mut HashMap<S, u64>) -> u64 {
        if s == self.start {
            return 1;
        }
        if let Some(&c) = memo.get(&s) {
            return c;
        }
        // Predecessors are strictly nearer the start: the recursion ends.
        let c = self.preds.get(&s).map_or(0, |ps| {
            ps.iter()
                .fold(0u64, |acc, p| acc.saturating_add(self.count(*p, memo)))
        });
        memo.insert(s, c);
        c
    }

    fn collect(&self, tail: &mut Vec<S>, limit: usize, out: &mut Vec<Vec<S>>) {
        if out.len() >= limit {
            return;
        }
        let Some(&last) = tail.last() else { return };
        if last == self.start {
            out.push(tail.iter().rev().copied().collect());
            return;
        }
        for p in self.preds.get(&last).map_or(&[][..], Vec::as_slice) {
            tail.push(*p);
            self.collect(tail, limit, out);
            tail.pop();
            if out.len() >= limit {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    fn role(toml_text: &str) -> Role {
        toml::from_str(toml_text).unwrap_or_else(|e| panic!("{e}\n{toml_text}"))
    }

    fn catalog(roles: Vec<Role>) -> Catalog {
        Catalog::from_roles(Vec::new(), roles)
    }

    fn head(id: &str) -> String {
        format!(
            "id = \"{id}\"\ntitle = \"{id} title\"\nfamily = {{ name = \"f\", source = \"s\" }}\n"
        )
    }

    fn mv(to: &str, kind: &str, years: &str) -> String {
        format!(
            "[[moves]]\nsource = \"s\"\nto = \"{to} title\"\nrole = \"{to}\"\nkind = \"{kind}\"\n{years}\n"
        )
    }

    fn ids(g: &Graph, route: &[NodeIx]) -> Vec<String> {
        route
            .iter()
            .map(|&n| g.nodes[n].key().to_string())
            .collect()
    }

    fn n(g: &Graph, id: &str) -> NodeIx {
        g.node_of(id).unwrap_or_else(|| panic!("no node {id}"))
    }

    #[test]
    fn ladder_steps_skip_levels_within_one_role_and_take_the_target_tier_start() {
        let a = role(&format!(
            "{}[[ladder]]\nsource = \"lad\"\nname = \"L\"\n\
             [[ladder.tiers]]\ntitle = \"Junior\"\nmin_years = 0\nmax_years = 2\nrole = \"a\"\n\
             [[ladder.tiers]]\ntitle = \"Senior\"\nmin_years = 2\nrole = \"a\"\n\
             [[ladder.tiers]]\ntitle = \"Lead\"\nmin_years = 5\nmax_years = 7\nrole = \"b\"\n\
             [[ladder.tiers]]\ntitle = \"Boss\"\nmin_years = 7\nrole = \"c\"\n",
            head("a")
        ));
        let g = Graph::build(&catalog(vec![a, role(&head("b")), role(&head("c"))])).unwrap();
        let got: Vec<(String, String, Option<Years>)> = g
            .edges
            .iter()
            .map(|e| {
                (
                    g.nodes[e.from].key().to_string(),
                    g.nodes[e.to].key().to_string(),
                    e.years,
                )
            })
            .collect();
        let y = |v| {
            Some(Years {
                min: Some(v),
                max: None,
            })
        };
        assert_eq!(
            got,
            vec![
                ("a".into(), "b".into(), y(5)),
                ("b".into(), "c".into(), y(7))
            ]
        );
        assert!(g.edges.iter().all(|e| e.kind == MoveKind::Promotion
            && e.via == Via::Ladder
            && e.owner == "a"
            && e.source == "lad"));
    }

    #[test]
    fn destinations_without_a_profile_are_one_node_per_name() {
        let a = role(&format!(
            "{}[[moves]]\nsource = \"s\"\nto = \"Technical support\"\nkind = \"lateral\"\n",
            head("a")
        ));
        let b = role(&format!(
            "{}[[moves]]\nsource = \"t\"\nto = \"technical-support\"\nkind = \"lateral\"\n",
            head("b")
        ));
        let g = Graph::build(&catalog(vec![a, b])).unwrap();
        assert_eq!(g.nodes.len(), 3);
        assert_eq!(g.nodes[2].role, None);
        assert_eq!(g.nodes[2].label(), "Technical support (no profile)");
        assert_eq!(g.edges.len(), 2);
        assert!(g.edges.iter().all(|e| e.to == 2));
    }

    #[test]
    fn fewest_steps_finds_every_equally_short_route() {
        // a -> b -> d, a -> c -> d, a -> c -> e -> d
        let g = Graph::build(&catalog(vec![
            role(&format!(
                "{}{}{}",
                head("a"),
                mv("b", "promotion", ""),
                mv("c", "lateral", "")
            )),
            role(&format!("{}{}", head("b"), mv("d", "promotion", ""))),
            role(&format!(
                "{}{}{}",
                head("c"),
                mv("d", "promotion", ""),
                mv("e", "promotion", "")
            )),
            role(&format!("{}{}", head("e"), mv("d", "promotion", ""))),
            role(&head("d")),
        ]))
        .unwrap();
        let r = g.fewest_steps(n(&g, "a"), n(&g, "d"), 10, &|_, _| StepCost::default());
        assert_eq!(r.total, 2);
        let got: Vec<Vec<String>> = r.routes.iter().map(|x| ids(&g, x)).collect();
        assert_eq!(got, vec![vec!["a", "b", "d"], vec!["a", "c", "d"]]);
        let capped = g.fewest_steps(n(&g, "a"), n(&g, "d"), 1, &|_, _| StepCost::default());
        assert_eq!((capped.routes.len(), capped.total), (1, 2));
    }

    #[test]
    fn equally_short_routes_rank_by_unknown_gaps_then_gap_then_lowest_pay() {
        // a -> {b, c, x} -> d: three routes of two steps.
        let g = Graph::build(&catalog(vec![
            role(&format!(
                "{}{}{}{}",
                head("a"),
                mv("b", "promotion", ""),
                mv("c", "lateral", ""),
                mv("x", "lateral", "")
            )),
            role(&format!("{}{}", head("b"), mv("d", "promotion", ""))),
            role(&format!("{}{}", head("c"), mv("d", "promotion", ""))),
            role(&format!("{}{}", head("x"), mv("d", "promotion", ""))),
            role(&head("d")),
        ]))
        .unwrap();
        let id = |i: NodeIx| g.nodes[i].key().to_string();
        // Into b: gap 3; into c: gap 1; into x: gap unknown. Pay of d 50, of
        // b 40, of c 20.
        let cost = |_: NodeIx, v: NodeIx| match id(v).as_str() {
            "b" => StepCost {
                unknown_gap: false,
                gap: 3.0,
                pay: Some(40.0),
            },
            "c" => StepCost {
                unknown_gap: false,
                gap: 1.0,
                pay: Some(20.0),
            },
            "x" => StepCost {
                unknown_gap: true,
                gap: 0.0,
                pay: None,
            },
            _ => StepCost {
                unknown_gap: false,
                gap: 0.0,
                pay: Some(50.0),
            },
        };
        let r = g.fewest_steps(n(&g, "a"), n(&g, "d"), 10, &cost);
        let got: Vec<Vec<String>> = r.routes.iter().map(|x| ids(&g, x)).collect();
        assert_eq!(got, [["a", "c", "d"], ["a", "b", "d"], ["a", "x", "d"]]);
        assert_eq!(r.total, 3);
        // Equal gaps: the route whose lowest pay is higher first.
        let same_gap = |_: NodeIx, v: NodeIx| StepCost {
            unknown_gap: false,
            gap: 1.0,
            pay: Some(if id(v) == "b" { 40.0 } else { 20.0 }),
        };
        let r = g.fewest_steps(n(&g, "a"), n(&g, "d"), 1, &same_gap);
        assert_eq!(ids(&g, &r.routes[0]), ["a", "b", "d"]);
    }

    #[test]
    fn routes_do_not_pass_through_residual_occupations() {
        // a -> b -> c and a -> r -> c with r residual ("All Other").
        let mut g = Graph::build(&catalog(vec![
            role(&format!(
                "{}{}{}",
                head("a"),
                mv("b", "promotion", ""),
                mv("r", "lateral", "")
            )),
            role(&format!("{}{}", head("b"), mv("c", "promotion", ""))),
            role(&format!("{}{}", head("r"), mv("c", "promotion", ""))),
            role(&head("c")),
        ]))
        .unwrap();
        let r_node = n(&g, "r");
        g.nodes[r_node].residual = true;
        let r = g.fewest_steps(n(&g, "a"), n(&g, "c"), 10, &|_, _| StepCost::default());
        let got: Vec<Vec<String>> = r.routes.iter().map(|x| ids(&g, x)).collect();
        assert_eq!(got, [["a", "b", "c"]]);
        // It can still be where a route ends.
        let r = g.fewest_steps(n(&g, "a"), r_node, 10, &|_, _| StepCost::default());
        assert_eq!(r.routes.len(), 1);
    }

    #[test]
    fn no_route_is_empty_and_reachable_lists_what_there_is() {
        let g = Graph::build(&catalog(vec![
            role(&format!("{}{}", head("a"), mv("b", "promotion", ""))),
            role(&head("b")),
            role(&head("c")),
        ]))
        .unwrap();
        let r = g.fewest_steps(n(&g, "a"), n(&g, "c"), 10, &|_, _| StepCost::default());
        assert!(r.routes.is_empty());
        assert_eq!(r.total, 0);
        let reach: Vec<NodeIx> = g.reachable(n(&g, "a")).iter().map(|r| r.node).collect();
        assert_eq!(reach, vec![n(&g, "b")]);
        assert!(g.reachable(n(&g, "b")).is_empty());
    }

    #[test]
    fn cycles_terminate() {
        let g = Graph::build(&catalog(vec![
            role(&format!("{}{}", head("a"), mv("b", "lateral", ""))),
            role(&format!("{}{}", head("b"), mv("a", "lateral", ""))),
            role(&head("c")),
        ]))
        .unwrap();
        let (a, b, c) = (n(&g, "a"), n(&g, "b"), n(&g, "c"));
        assert_eq!(g.reachable(a).len(), 1);
        assert_eq!(
            g.fewest_steps(a, c, 10, &|_, _| StepCost::default()).total,
            0
        );
        assert_eq!(g.least_years(a, c, 10).total, 0);
        assert_eq!(
            ids(
                &g,
                &g.fewest_steps(b, a, 10, &|_, _| StepCost::default()).routes[0]
            ),
            vec!["b", "a"]
        );
    }

    #[test]
    fn least_years_prefers_known_years_then_the_lowest_highest_figure() {
        // a -> d directly (no years); a -> b (1-3) -> d (7); a -> c (5) -> d (9)
        let g = Graph::build(&catalog(vec![
            role(&format!(
                "{}{}{}{}",
                head("a"),
                mv("d", "promotion", ""),
                mv("b", "promotion", "min_years = 1\nmax_years = 3"),
                mv("c", "promotion", "min_years = 5")
            )),
            role(&format!(
                "{}{}",
                head("b"),
                mv("d", "promotion", "min_years = 7")
            )),
            role(&format!(
                "{}{}",
                head("c"),
                mv("d", "promotion", "min_years = 9")
            )),
            role(&head("d")),
        ]))
        .unwrap();
        let (a, d) = (n(&g, "a"), n(&g, "d"));
        let steps = g.fewest_steps(a, d, 10, &|_, _| StepCost::default());
        assert_eq!(ids(&g, &steps.routes[0]), vec!["a", "d"]);
        let years = g.least_years(a, d, 10);
        assert_eq!(years.routes.len(), 1);
        assert_eq!(ids(&g, &years.routes[0]), vec!["a", "b", "d"]);
        assert_eq!((years.unknown_steps, years.years), (0, Some(7)));
    }

    #[test]
    fn least_years_falls_back_to_steps_without_years() {
        let g = Graph::build(&catalog(vec![
            role(&format!("{}{}", head("a"), mv("b", "promotion", ""))),
            role(&format!(
                "{}{}",
                head("b"),
                mv("c", "promotion", "min_years = 4")
            )),
            role(&head("c")),
        ]))
        .unwrap();
        let r = g.least_years(n(&g, "a"), n(&g, "c"), 10);
        assert_eq!(ids(&g, &r.routes[0]), vec!["a", "b", "c"]);
        assert_eq!((r.unknown_steps, r.years), (1, Some(4)));
    }

    #[test]
    fn least_years_breaks_ties_by_fewest_steps() {
        // a -> b (2) -> c (2) -> d (3) and a -> e (3) -> d (1): both peak at 3.
        let g = Graph::build(&catalog(vec![
            role(&format!(
                "{}{}{}",
                head("a"),
                mv("b", "promotion", "min_years = 2"),
                mv("e", "promotion", "min_years = 3")
            )),
            role(&format!(
                "{}{}",
                head("b"),
                mv("c", "promotion", "min_years = 2")
            )),
            role(&format!(
                "{}{}",
                head("c"),
                mv("d", "promotion", "min_years = 3")
            )),
            role(&format!(
                "{}{}",
                head("e"),
                mv("d", "promotion", "min_years = 1")
            )),
            role(&head("d")),
        ]))
        .unwrap();
        let r = g.least_years(n(&g, "a"), n(&g, "d"), 10);
        assert_eq!(r.routes.len(), 1);
        assert_eq!(ids(&g, &r.routes[0]), vec!["a", "e", "d"]);
    }

    #[test]
    fn parallel_edges_make_one_step_with_the_strongest_kind_and_lowest_years() {
        let g = Graph::build(&catalog(vec![
            role(&format!(
                "{}{}{}[[related]]\nsource = \"s\"\ntitle = \"B\"\nrole = \"b\"\n",
                head("a"),
                mv("b", "lateral", "min_years = 4"),
                mv("b", "promotion", "min_years = 2\nmax_years = 3")
            )),
            role(&head("b")),
        ]))
        .unwrap();
        let steps = g.steps_from(n(&g, "a"));
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].edges.len(), 3);
        assert_eq!(g.step_kind(&steps[0]), MoveKind::Promotion);
        assert_eq!(g.step_years(&steps[0]), Some(2));
    }

    #[test]
    fn the_bundled_catalog_has_the_associate_ladder() {
        let Ok(cat) = Catalog::bundled() else {
            panic!("bundled catalog decodes")
        };
        let g = Graph::build(&cat).unwrap();
        let (csa, sup, mgr) = (
            n(&g, "customer-service-associate"),
            n(&g, "customer-service-supervisor"),
            n(&g, "customer-service-manager"),
        );
        let ladder: Vec<&Edge> = g
            .edges
            .iter()
            .filter(|e| e.via == Via::Ladder && e.owner == "customer-service-associate")
            .collect();
        assert_eq!(ladder.len(), 2);
        assert_eq!((ladder[0].from, ladder[0].to), (csa, sup));
        assert_eq!(ladder[0].years.and_then(|y| y.min), Some(5));
        assert_eq!((ladder[1].from, ladder[1].to), (sup, mgr));
        assert_eq!(ladder[1].years.and_then(|y| y.min), Some(7));
        let r = g.least_years(csa, mgr, 10);
        assert_eq!(r.routes, vec![vec![csa, sup, mgr]]);
        assert_eq!(r.years, Some(7));
    }
}
