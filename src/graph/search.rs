//! Searches over the career graph: distances, what is reachable, the
//! routes with the fewest steps (ranked by a [`StepCost`]), and the routes
//! that take the least typical time by the guides' years.
//!
//! An occupation open to newcomers ([`super::Node::is_open`]) can be the
//! first step of a route from anywhere: "enter it directly". Only the
//! first: any later, the route would be longer than entering directly.
//! Distances and reachability for ranking destinations follow the graph's
//! steps alone (`entry: false`): where experience leads, not where anyone
//! can apply.

use super::{Graph, NodeIx};
use rustc_hash::FxHashMap as HashMap;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::hash::Hash;

/// What one step of a route weighs, for ranking routes with the same
/// number of steps: first fewer steps whose skill gap is unknown, then the
/// smaller total skill gap, then the higher lowest pay along the route (no
/// deep pay cut on the way).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StepCost {
    /// The step's skill gap is unknown (an end without O*NET ratings).
    pub unknown_gap: bool,
    /// The step's skill gap ([`super::explain::SkillGap::gap`]); 0 when unknown.
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

/// Which nodes open to newcomers a route may enter as its first step
/// (`None`: none; the graph's steps alone).
type Entry<'a> = Option<&'a dyn Fn(NodeIx) -> bool>;

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
    /// How many equally short routes exist (saturating).
    pub total: u64,
    /// For a search by years: steps without years on the best route.
    pub unknown_steps: usize,
    /// For a search by years: the highest typical years of any step.
    pub years: Option<u32>,
}

impl Graph<'_> {
    /// The nodes one step from `u`: its steps' targets, and for the start
    /// of a route (`entry`) every node open to newcomers too; each once.
    fn next_of(&self, u: NodeIx, entry: Entry<'_>, out: &mut Vec<NodeIx>, mark: &mut [bool]) {
        out.clear();
        for s in self.steps_from(u) {
            if !mark[s.to] {
                mark[s.to] = true;
                out.push(s.to);
            }
        }
        if let Some(allow) = entry {
            for &v in &self.open {
                if v != u && !mark[v] && allow(v) {
                    mark[v] = true;
                    out.push(v);
                }
            }
        }
        for &v in out.iter() {
            mark[v] = false;
        }
    }

    /// The fewest steps from `from` to every node (`None`: not reached),
    /// not passing through residual occupations; with `entry`, a first step
    /// into any occupation open to newcomers counts.
    pub fn distances(&self, from: NodeIx, entry: bool) -> Vec<Option<usize>> {
        let any = |_: NodeIx| true;
        self.reach(from, entry.then_some(&any), usize::MAX)
            .0
            .into_iter()
            .map(|d| (d != usize::MAX).then_some(d))
            .collect()
    }

    /// Breadth-first distances from `from`, as far as `until` is reached
    /// (`usize::MAX`: everything), `usize::MAX` for nodes not reached; and
    /// the nodes in the order they were reached.
    fn reach(&self, from: NodeIx, entry: Entry<'_>, until: NodeIx) -> (Vec<usize>, Vec<NodeIx>) {
        let n = self.nodes.len();
        let mut dist = vec![usize::MAX; n];
        if from >= n {
            return (dist, Vec::new());
        }
        dist[from] = 0;
        let mut queue = vec![from];
        let (mut next, mut mark) = (Vec::new(), vec![false; n]);
        let mut i = 0;
        while i < queue.len() {
            let u = queue[i];
            i += 1;
            if until < n && dist[until] != usize::MAX {
                break;
            }
            if u != from && self.nodes[u].residual {
                continue;
            }
            self.next_of(u, entry.filter(|_| u == from), &mut next, &mut mark);
            for &v in &next {
                if dist[v] == usize::MAX {
                    dist[v] = dist[u] + 1;
                    queue.push(v);
                }
            }
        }
        (dist, queue)
    }

    /// Every node reachable from `from` (not `from` itself), breadth first:
    /// each node once, at its fewest steps, under the first node that
    /// reached it; with `entry`, open occupations from the start too.
    pub fn reachable(&self, from: NodeIx, entry: bool) -> Vec<Reached> {
        let any = |_: NodeIx| true;
        self.reachable_up_to(from, entry.then_some(&any), usize::MAX)
    }

    /// As [`Graph::reachable`] by the graph's steps alone, at most `depth`
    /// steps away.
    pub fn reachable_within(&self, from: NodeIx, depth: usize) -> Vec<Reached> {
        self.reachable_up_to(from, None, depth)
    }

    fn reachable_up_to(&self, from: NodeIx, entry: Entry<'_>, max: usize) -> Vec<Reached> {
        let mut out = Vec::new();
        let n = self.nodes.len();
        if from >= n {
            return out;
        }
        let mut visited = vec![false; n];
        visited[from] = true;
        let mut queue = std::collections::VecDeque::from([(from, 0usize)]);
        let (mut next, mut mark) = (Vec::new(), vec![false; n]);
        while let Some((u, depth)) = queue.pop_front() {
            if (u != from && self.nodes[u].residual) || depth >= max {
                continue;
            }
            self.next_of(u, entry.filter(|_| u == from), &mut next, &mut mark);
            for &v in &next {
                if !visited[v] {
                    visited[v] = true;
                    out.push(Reached {
                        node: v,
                        parent: Some(u),
                        depth: depth + 1,
                    });
                    queue.push_back((v, depth + 1));
                }
            }
        }
        out
    }

    /// The routes from `from` to `to` with the fewest steps, best first by
    /// `cost` (summed over their steps), at most `limit` of them. A first
    /// step may enter an occupation open to newcomers directly. Residual
    /// "All Other" occupations are not passed through (they may be `to`).
    pub fn fewest_steps(
        &self,
        from: NodeIx,
        to: NodeIx,
        limit: usize,
        cost: &dyn Fn(NodeIx, NodeIx) -> StepCost,
    ) -> Routes {
        self.fewest_steps_through(from, to, limit, cost, &|_| true)
    }

    /// As [`Graph::fewest_steps`], entering directly only `to` and the
    /// stepping stones `stone` accepts.
    pub fn fewest_steps_through(
        &self,
        from: NodeIx,
        to: NodeIx,
        limit: usize,
        cost: &dyn Fn(NodeIx, NodeIx) -> StepCost,
        stone: &dyn Fn(NodeIx) -> bool,
    ) -> Routes {
        let entry = |v: NodeIx| v == to || stone(v);
        let entry: Entry<'_> = Some(&entry);
        let n = self.nodes.len();
        if from >= n || to >= n || limit == 0 || from == to {
            return Routes::default();
        }
        let (dist, order) = self.reach(from, entry, to);
        if dist[to] == usize::MAX {
            return Routes::default();
        }
        let passable = |u: NodeIx| u == from || !self.nodes[u].residual;
        // The steps on a shortest route, found from `to` back layer by
        // layer: costs are only asked for them.
        let mut layers: Vec<Vec<NodeIx>> = vec![Vec::new(); dist[to]];
        for &v in &order {
            if dist[v] < dist[to] && passable(v) {
                layers[dist[v]].push(v);
            }
        }
        let (mut next, mut mark) = (Vec::new(), vec![false; n]);
        let mut on_route = vec![false; n];
        on_route[to] = true;
        let mut dag: Vec<Vec<(NodeIx, Vec<NodeIx>)>> = vec![Vec::new(); dist[to]];
        for (d, layer) in layers.iter().enumerate().rev() {
            for &u in layer {
                self.next_of(u, entry.filter(|_| u == from), &mut next, &mut mark);
                let onward: Vec<NodeIx> = next
                    .iter()
                    .copied()
                    .filter(|&v| dist[v] == d + 1 && on_route[v])
                    .collect();
                if !onward.is_empty() {
                    on_route[u] = true;
                    dag[d].push((u, onward));
                }
            }
        }
        // The `limit` cheapest routes to every node on a shortest route,
        // layer by layer (each label: its cost, and the label it extends).
        let mut labels: Vec<Vec<Label>> = vec![Vec::new(); n];
        let mut count = vec![0u64; n];
        labels[from].push(Label::start());
        count[from] = 1;
        for (u, onward) in dag.iter().flatten() {
            for &v in onward {
                count[v] = count[v].saturating_add(count[*u]);
                let step = cost(*u, v);
                let extended: Vec<Label> = labels[*u]
                    .iter()
                    .enumerate()
                    .map(|(k, l)| l.extend(step, *u, k))
                    .collect();
                labels[v].extend(extended);
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

    /// Routes of two steps from `from` to `to` through one stepping stone:
    /// a node `allow` accepts that `from` can enter (open to newcomers, or
    /// one step away) and that has a step into `to`; the `limit` best by
    /// `cost`, as [`Graph::fewest_steps`] orders them.
    pub fn stepping_stones(
        &self,
        from: NodeIx,
        to: NodeIx,
        limit: usize,
        cost: &dyn Fn(NodeIx, NodeIx) -> StepCost,
        allow: &dyn Fn(NodeIx) -> bool,
    ) -> Vec<Vec<NodeIx>> {
        let n = self.nodes.len();
        if from >= n || to >= n || from == to {
            return Vec::new();
        }
        let (mut next, mut mark) = (Vec::new(), vec![false; n]);
        let any = |_: NodeIx| true;
        self.next_of(from, Some(&any), &mut next, &mut mark);
        let mut found: Vec<(Label, NodeIx)> = next
            .iter()
            .copied()
            .filter(|&x| x != to && !self.nodes[x].residual && allow(x))
            .filter(|&x| self.steps_from(x).any(|s| s.to == to))
            .map(|x| {
                let l = Label::start().extend(cost(from, x), from, 0);
                (l.extend(cost(x, to), x, 0), x)
            })
            .collect();
        found.sort_by(|a, b| Label::order(&a.0, &b.0).then(a.1.cmp(&b.1)));
        found
            .into_iter()
            .take(limit)
            .map(|(_, x)| vec![from, x, to])
            .collect()
    }

    /// The routes from `from` to `to` that take the least typical time by
    /// the guides' years (no entry step: only the guides give years).
    ///
    /// Ladder years are experience levels (the year a tier starts), so the
    /// time a route takes is the highest figure any step gives, not a sum:
    /// on a ladder with a supervisor tier at 5 years and a manager tier at
    /// 7, reaching manager takes 7 years. Routes are ranked by the number
    /// of steps without years (fewest first), then that highest figure,
    /// then the number of steps; at most `limit` are returned.
    pub fn least_years(&self, from: NodeIx, to: NodeIx, limit: usize) -> Routes {
        self.least_years_if(from, to, limit, false)
    }

    /// As [`Graph::least_years`], but nothing when no route has years for
    /// any step: the search for the routes themselves is skipped.
    pub fn least_years_with_years(&self, from: NodeIx, to: NodeIx, limit: usize) -> Routes {
        self.least_years_if(from, to, limit, true)
    }

    fn least_years_if(&self, from: NodeIx, to: NodeIx, limit: usize, known: bool) -> Routes {
        let Some((unknown, years)) = self.best_years(from, to) else {
            return Routes::default();
        };
        if known && years.is_none() {
            return Routes::default();
        }
        // Among routes that match the best (unknown, years), the fewest
        // steps: a breadth-first search over (node, unknown steps so far).
        let found = all_shortest(
            (from, 0usize),
            |&(n, u)| n == to && u == unknown,
            |&(n, u)| {
                if n != from && self.nodes[n].residual {
                    return Vec::new();
                }
                self.steps_from(n)
                    .filter_map(|s| match self.step_years(&s) {
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

    /// Whether some route from `from` to `to` has years for every step: a
    /// search over the steps the guides give years for, which stays among
    /// the guides' roles (no official step has years).
    pub fn reaches_with_years(&self, from: NodeIx, to: NodeIx) -> bool {
        if from >= self.nodes.len() || to >= self.nodes.len() {
            return false;
        }
        let mut seen = vec![false; self.nodes.len()];
        seen[from] = true;
        let mut stack = vec![from];
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if n != from && self.nodes[n].residual {
                continue;
            }
            for s in self.steps_from(n) {
                if !seen[s.to] && self.step_years(&s).is_some() {
                    seen[s.to] = true;
                    stack.push(s.to);
                }
            }
        }
        false
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
            if n != from && self.nodes[n].residual {
                continue;
            }
            for s in self.steps_from(n) {
                if done[s.to] {
                    continue;
                }
                let next = match self.step_years(&s) {
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
    let mut dist: HashMap<S, usize> = HashMap::default();
    dist.insert(start, 0);
    let mut preds: HashMap<S, Vec<S>> = HashMap::default();
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
        let mut counts: HashMap<S, u64> = HashMap::default();
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
