//! The career graph: which role or occupation leads to which, and how to
//! get from one to another.
//!
//! Nodes are the curated roles, the official occupations that no curated
//! role stands for, and the destinations a guide names without a profile
//! ("Technical support", keyed by name, so that one named by two roles is
//! one node). A curated role linked exactly to a SOC code stands for that
//! occupation; one linked approximately keeps its own node and takes the
//! occupation's links out as well.
//!
//! Steps come from the guides (ladder steps: consecutive tiers of a
//! `[[ladder]]` that are different roles; `[[moves]]`; `[[related]]`) and
//! from the official tables ([`official`]: O*NET related occupations,
//! nearest by skills, the supervisor of a worker's group). The guides'
//! edges are built here from the role files; the official links are
//! static tables, read as a search goes, so that building the graph of
//! the whole economy allocates little (BENCHMARKS.md). An occupation open
//! to newcomers (BLS: no work experience in a related occupation) can be
//! entered from anywhere: the route search counts that as a first step
//! ([`search`]).
//!
//! Every search keeps a visited set, so cycles in user data (two roles
//! whose moves point at each other) cannot loop. Pure: no I/O.

pub mod explain;
mod guides;
pub mod official;
pub mod rank;
mod search;
#[cfg(test)]
mod tests;

pub use search::{Reached, Routes, StepCost};

use crate::catalog::occupations::slug;
use crate::catalog::Catalog;
use crate::model::{MoveKind, Role};
use crate::validate::normalize_name;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// An index into [`Graph::nodes`].
pub type NodeIx = usize;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeId<'c> {
    /// A curated role (bundled or user data), by id.
    Role(&'c str),
    /// An official occupation no curated role stands for, by SOC code.
    Occupation(&'static str),
    /// A destination a guide names without a profile.
    Named,
}

/// A role or official occupation, or a destination a source names that
/// has no profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'c> {
    pub id: NodeId<'c>,
    /// The role's or occupation's title, or the destination as the source
    /// names it.
    pub title: &'c str,
    /// The official occupation whose figures describe it: its own code, or
    /// the code a curated role is linked to.
    pub soc: Option<&'static str>,
    /// The SOC link is approximate (the occupation is broader or narrower).
    pub approximate: bool,
    /// A residual "All Other" occupation: described, but not a job one
    /// moves into, so routes do not pass through it.
    pub residual: bool,
    /// What BLS says entering `soc` asks (education, work experience,
    /// on-the-job training).
    pub requires: Option<official::Requires>,
    /// `soc`'s number in the official tables.
    oews: Option<usize>,
    /// Open to newcomers: it stands for an occupation BLS says asks no
    /// work experience in a related occupation.
    open: bool,
}

impl<'c> Node<'c> {
    /// The catalog id of the role or occupation (an occupation's is its
    /// title in kebab-case, `registered-nurses`); `None` for a destination
    /// without a profile.
    pub fn role(&self) -> Option<Cow<'c, str>> {
        match self.id {
            NodeId::Role(id) => Some(Cow::Borrowed(id)),
            NodeId::Occupation(_) => Some(Cow::Owned(slug(self.title))),
            NodeId::Named => None,
        }
    }

    /// How the node is named in output: the id, or the name.
    pub fn key(&self) -> Cow<'c, str> {
        self.role().unwrap_or(Cow::Borrowed(self.title))
    }

    /// Whether the node has a profile (`careers show` can show it).
    pub fn has_profile(&self) -> bool {
        self.id != NodeId::Named
    }

    /// Whether the node is a curated role.
    pub fn is_curated(&self) -> bool {
        matches!(self.id, NodeId::Role(_))
    }

    /// "Customer Service Supervisor", "Technical support (no profile)".
    pub fn label(&self) -> String {
        match self.id {
            NodeId::Named => format!("{} (no profile)", self.title),
            _ => self.title.to_string(),
        }
    }

    /// Whether BLS says the node's occupation asks no work experience in a
    /// related occupation (only for a node that stands for one exactly).
    pub fn is_open(&self) -> bool {
        self.open
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

/// Where a guide's edge comes from: a ladder, a move or a related role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    Ladder,
    Move,
    Related,
}

/// An edge a guide states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge<'c> {
    pub from: NodeIx,
    pub to: NodeIx,
    pub kind: MoveKind,
    pub years: Option<Years>,
    pub source: &'c str,
    /// The role whose file states the edge.
    pub owner: &'c str,
    pub via: Via,
}

/// What makes two guides' edges the same: the sources may name a step
/// twice.
type EdgeKey<'c> = (NodeIx, NodeIx, MoveKind, Option<Years>, &'c str, Via);

/// Everything that leads from one node to another: the guides' edges (the
/// sources may name the same step several times) and the official link.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    pub from: NodeIx,
    pub to: NodeIx,
    /// The guides' edges: a range of [`Graph`]'s edge order.
    guide: (u32, u32),
    /// The official link, when the tables link the two occupations.
    pub link: Option<official::Link>,
}

/// The guides' steps out of one node: its edges grouped by target.
#[derive(Debug, Clone, Copy, PartialEq)]
struct GuideStep {
    to: NodeIx,
    guide: (u32, u32),
}

#[derive(Debug, Clone, Default)]
pub struct Graph<'c> {
    pub nodes: Vec<Node<'c>>,
    /// The guides' edges, in catalog order.
    pub edges: Vec<Edge<'c>>,
    /// Indexes into `edges`, grouped by step (by source node, then target
    /// in order of first appearance).
    edge_order: Vec<u32>,
    /// Each node's guide steps: `guide_steps[guide_start[n]..guide_start[n + 1]]`.
    guide_steps: Vec<GuideStep>,
    guide_start: Vec<u32>,
    by_role: HashMap<&'c str, NodeIx>,
    by_name: HashMap<String, NodeIx>,
    /// For each official occupation (by number), the first node that
    /// stands for it (`u32::MAX`: none, the graph of the guides alone);
    /// `more` holds the others (two curated roles linked to one code).
    stand: Vec<u32>,
    more: Vec<(usize, NodeIx)>,
    /// The nodes open to newcomers ([`Node::is_open`]).
    open: Vec<NodeIx>,
}

impl<'c> Graph<'c> {
    /// The graph of every role and official occupation in the catalog.
    pub fn build(catalog: &'c Catalog) -> crate::error::Result<Graph<'c>> {
        Graph::make(catalog, true)
    }

    /// The graph of the curated roles alone: their ladders, moves and
    /// related roles.
    pub fn curated(catalog: &'c Catalog) -> crate::error::Result<Graph<'c>> {
        Graph::make(catalog, false)
    }

    fn make(catalog: &'c Catalog, whole: bool) -> crate::error::Result<Graph<'c>> {
        let mut g = Graph::default();
        for h in catalog.heads() {
            g.role_node(&h.id, &h.title);
        }
        if whole {
            g.add_official(catalog);
        }
        // The bundled roles' links come from the build's table; only user
        // roles are decoded.
        let mut links: Vec<guides::Links<'c>> = Vec::with_capacity(catalog.role_count());
        for (i, h) in catalog.heads().enumerate() {
            let bundled = match catalog.origin_at(i) {
                crate::catalog::Origin::Bundled => guides::Links::bundled(&h.id),
                _ => None,
            };
            links.push(match bundled {
                Some(l) => l,
                None => guides::Links::of_role(catalog.role_at(i)?),
            });
        }
        // Ladders in files of their own, after every role's (as
        // `Catalog::ladders` orders them).
        links.extend(catalog.file_ladders().map(guides::Links::of_ladder_file));
        g.add_guides(&links);
        g.index();
        Ok(g)
    }

    /// The guides' edges of every role and ladder file.
    fn add_guides(&mut self, roles: &[guides::Links<'c>]) {
        let mut seen: HashSet<EdgeKey<'c>> = HashSet::new();
        let mut add = |g: &mut Graph<'c>, e: Edge<'c>| {
            if e.from != e.to && seen.insert((e.from, e.to, e.kind, e.years, e.source, e.via)) {
                g.edges.push(e);
            }
        };
        for r in roles {
            for (source, tiers) in &r.ladders {
                let nodes: Vec<NodeIx> = tiers
                    .iter()
                    .map(|&(title, role, _)| self.target(role, title))
                    .collect();
                for (i, pair) in nodes.windows(2).enumerate() {
                    if pair[0] == pair[1] {
                        continue;
                    }
                    let e = Edge {
                        from: pair[0],
                        to: pair[1],
                        kind: MoveKind::Promotion,
                        years: Years::new(tiers[i + 1].2, None),
                        source,
                        owner: r.id,
                        via: Via::Ladder,
                    };
                    add(self, e);
                }
            }
            // A ladder file's links are its ladder alone.
            let Some(&me) = self.by_role.get(r.id) else {
                continue;
            };
            for m in &r.moves {
                let to = self.target(m.role, m.to);
                let e = Edge {
                    from: me,
                    to,
                    kind: m.kind,
                    years: Years::new(m.min_years, m.max_years),
                    source: m.source,
                    owner: r.id,
                    via: Via::Move,
                };
                add(self, e);
            }
            for &(source, title, role) in &r.related {
                let to = self.target(role, title);
                let e = Edge {
                    from: me,
                    to,
                    kind: MoveKind::Related,
                    years: None,
                    source,
                    owner: r.id,
                    via: Via::Related,
                };
                add(self, e);
            }
        }
    }

    /// The official occupations. An occupation that curated roles stand
    /// for exactly is those roles' nodes (no hidden duplicate: a link into
    /// it goes to each of them); a curated role linked approximately keeps
    /// its own node, with the occupation's links out of it too.
    fn add_official(&mut self, catalog: &'c Catalog) {
        let codes: Vec<&'static str> = crate::official::oews_codes().collect();
        self.stand = vec![u32::MAX; codes.len()];
        let number = |soc: &str| codes.binary_search(&soc).ok();
        for (n, h) in catalog.heads().enumerate() {
            for (code, approximate) in &h.soc {
                let Some(i) = number(code) else {
                    continue;
                };
                let node = &mut self.nodes[n];
                if node.oews.is_none() {
                    node.soc = Some(codes[i]);
                    node.approximate = *approximate;
                    node.oews = Some(i);
                    node.requires = official::requires(i);
                }
                if !approximate {
                    if self.stand[i] == u32::MAX {
                        self.stand[i] = n as u32;
                    } else {
                        self.more.push((i, n));
                    }
                }
            }
        }
        // The wage tables' detailed occupations and the official tables'
        // codes are the same 830, both by code: walk them side by side.
        let mut occupations = catalog.occupations.iter().peekable();
        for (i, &soc) in codes.iter().enumerate() {
            while occupations.next_if(|o| o.soc < soc).is_some() {}
            let Some(o) = occupations.next_if(|o| o.soc == soc) else {
                continue;
            };
            if self.stand[i] != u32::MAX {
                continue;
            }
            self.stand[i] = self.nodes.len() as u32;
            self.nodes.push(Node {
                id: NodeId::Occupation(o.soc),
                title: o.title,
                soc: Some(o.soc),
                approximate: false,
                residual: o.title.ends_with("All Other"),
                requires: official::requires(i),
                oews: Some(i),
                open: false,
            });
        }
        for i in 0..codes.len() {
            if official::open(i) {
                let nodes: Vec<NodeIx> = self.nodes_for(i).collect();
                for n in nodes {
                    self.nodes[n].open = true;
                    self.open.push(n);
                }
            }
        }
    }

    /// Groups the guides' edges into steps, per node.
    fn index(&mut self) {
        let mut order: Vec<u32> = (0..self.edges.len() as u32).collect();
        // Stable: by source node, then target in order of first appearance.
        let mut first: HashMap<(NodeIx, NodeIx), usize> = HashMap::new();
        for (i, e) in self.edges.iter().enumerate() {
            first.entry((e.from, e.to)).or_insert(i);
        }
        order.sort_by_key(|&i| {
            let e = &self.edges[i as usize];
            (e.from, first[&(e.from, e.to)], i)
        });
        let mut start = vec![0u32; self.nodes.len() + 1];
        let mut steps: Vec<GuideStep> = Vec::new();
        let mut k = 0;
        for (n, first) in start.iter_mut().enumerate().take(self.nodes.len()) {
            *first = steps.len() as u32;
            while k < order.len() && self.edges[order[k] as usize].from == n {
                let to = self.edges[order[k] as usize].to;
                let begin = k;
                while k < order.len() && {
                    let e = &self.edges[order[k] as usize];
                    e.from == n && e.to == to
                } {
                    k += 1;
                }
                steps.push(GuideStep {
                    to,
                    guide: (begin as u32, k as u32),
                });
            }
        }
        start[self.nodes.len()] = steps.len() as u32;
        self.edge_order = order;
        self.guide_steps = steps;
        self.guide_start = start;
    }

    fn role_node(&mut self, id: &'c str, title: &'c str) -> NodeIx {
        if let Some(&i) = self.by_role.get(id) {
            return i;
        }
        self.nodes.push(Node {
            id: NodeId::Role(id),
            title,
            soc: None,
            approximate: false,
            residual: false,
            requires: None,
            oews: None,
            open: false,
        });
        let i = self.nodes.len() - 1;
        self.by_role.insert(id, i);
        i
    }

    /// The node for a link: the role or occupation `role` names, else a
    /// node without a profile named `name`.
    fn target(&mut self, role: Option<&str>, name: &'c str) -> NodeIx {
        if let Some(n) = role.and_then(|id| self.node_of(id)) {
            return n;
        }
        let key = normalize_name(name);
        if let Some(&i) = self.by_name.get(&key) {
            return i;
        }
        self.nodes.push(Node {
            id: NodeId::Named,
            title: name,
            soc: None,
            approximate: false,
            residual: false,
            requires: None,
            oews: None,
            open: false,
        });
        let i = self.nodes.len() - 1;
        self.by_name.insert(key, i);
        i
    }

    /// The nodes that stand for official occupation number `i`.
    fn nodes_for(&self, i: usize) -> impl Iterator<Item = NodeIx> + '_ {
        let first = self
            .stand
            .get(i)
            .copied()
            .filter(|&n| n != u32::MAX)
            .map(|n| n as usize);
        first.into_iter().chain(
            self.more
                .iter()
                .filter(move |(j, _)| *j == i)
                .map(|(_, n)| *n),
        )
    }

    /// The node of a catalog role or official occupation, by id (an
    /// occupation's kebab-case title) or SOC code.
    pub fn node_of(&self, id: &str) -> Option<NodeIx> {
        if let Some(&n) = self.by_role.get(id) {
            return Some(n);
        }
        if crate::validate::is_soc_code(id) {
            return self.node_of_soc(id);
        }
        self.nodes
            .iter()
            .position(|n| matches!(n.id, NodeId::Occupation(_)) && slug(n.title) == id)
    }

    /// The first node that stands for the occupation with this SOC code.
    pub fn node_of_soc(&self, soc: &str) -> Option<NodeIx> {
        self.nodes_for(crate::official::oews_index(soc)?).next()
    }

    /// The node of a resolved catalog entry: a curated role's own, or the
    /// node that stands for an official occupation.
    pub fn node_of_role(&self, role: &Role) -> Option<NodeIx> {
        self.by_role.get(role.id.as_str()).copied().or_else(|| {
            role.soc
                .iter()
                .filter(|l| !l.approximate)
                .find_map(|l| self.node_of_soc(&l.code))
        })
    }

    /// The nodes that stand for official occupations (an occupation's own
    /// node, or a curated role linked to it exactly), with the code; each
    /// code once, the first such node.
    pub fn official_nodes(&self) -> impl Iterator<Item = (NodeIx, &'static str)> + '_ {
        self.stand.iter().enumerate().filter_map(|(i, &n)| {
            let n = usize::try_from(n).ok().filter(|&n| n < self.nodes.len())?;
            Some((n, crate::official::oews_code(i)?))
        })
    }

    /// The nodes open to newcomers.
    pub fn open_nodes(&self) -> &[NodeIx] {
        &self.open
    }

    /// The steps out of `n`: the guides' first (in catalog order, with the
    /// official link to the same node when there is one), then the
    /// official links, in their tables' order.
    pub fn steps_from(&self, n: NodeIx) -> impl Iterator<Item = Step> + '_ {
        let guide = self.guide_steps_of(n);
        let oews = self.nodes.get(n).and_then(|x| x.oews);
        let links = oews.into_iter().flat_map(official::links);
        let guided = guide.iter().map(move |g| Step {
            from: n,
            to: g.to,
            guide: g.guide,
            link: self.link_between(n, g.to),
        });
        let official = links.flat_map(move |l| {
            self.nodes_for(l.to)
                .filter(move |&to| to != n && !guide.iter().any(|g| g.to == to))
                .map(move |to| Step {
                    from: n,
                    to,
                    guide: (0, 0),
                    link: Some(l),
                })
        });
        guided.chain(official)
    }

    fn guide_steps_of(&self, n: NodeIx) -> &[GuideStep] {
        let at = |i: usize| self.guide_start.get(i).map(|&v| v as usize);
        match (at(n), at(n + 1)) {
            (Some(a), Some(b)) => self.guide_steps.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }

    /// The official link from node `a`'s occupation to node `b`, when `b`
    /// stands for the occupation it links to.
    fn link_between(&self, a: NodeIx, b: NodeIx) -> Option<official::Link> {
        let (from, to) = (self.nodes.get(a)?, self.nodes.get(b)?);
        if to.approximate {
            return None;
        }
        official::link(from.oews?, to.oews?)
    }

    /// The step from `from` to `to`, if there is one.
    pub fn step(&self, from: NodeIx, to: NodeIx) -> Option<Step> {
        self.steps_from(from).find(|s| s.to == to)
    }

    /// The guides' edges of a step, in catalog order.
    pub fn step_edges(&self, step: &Step) -> impl Iterator<Item = &Edge<'c>> + '_ {
        let (a, b) = step.guide;
        self.edge_order
            .get(a as usize..b as usize)
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| self.edges.get(i as usize))
    }

    /// The kind of a step: the strongest its guides give (promotion before
    /// lateral before related); a step to a worker's supervisor is a
    /// promotion; other official links are related occupations.
    pub fn step_kind(&self, step: &Step) -> MoveKind {
        let official = step.link.map(|l| {
            if l.why.has(official::Why::SUPERVISOR) {
                MoveKind::Promotion
            } else {
                MoveKind::Related
            }
        });
        self.step_edges(step)
            .map(|e| e.kind)
            .chain(official)
            .min()
            .unwrap_or(MoveKind::Related)
    }

    /// The typical years of a step: the lowest figure any of its guides
    /// gives, or `None` when none gives years.
    pub fn step_years(&self, step: &Step) -> Option<u32> {
        self.step_edges(step)
            .filter_map(|e| e.years.and_then(|y| y.typical()))
            .min()
    }

    /// The lowest and the highest typical years a step's guides give
    /// (its [`Graph::step_years`], and how far its sources are apart).
    pub fn step_years_span(&self, step: &Step) -> Option<(u32, u32)> {
        self.step_edges(step)
            .filter_map(|e| e.years.and_then(|y| y.typical()))
            .fold(None, |span, y| match span {
                None => Some((y, y)),
                Some((lo, hi)) => Some((lo.min(y), hi.max(y))),
            })
    }

    /// The skills part of a step's cost: its O*NET skill gap, from the
    /// official occupations the two nodes are (the build's figure for an
    /// official link; unknown for a node without ratings). No pay: see
    /// [`StepCost::pay`].
    pub fn skill_cost(&self, from: NodeIx, to: NodeIx) -> StepCost {
        let gap = match self.link_between(from, to) {
            Some(l) => l.gap,
            None => match (self.nodes[from].soc, self.nodes[to].soc) {
                (Some(a), Some(b)) => explain::gap_points(a, b),
                _ => None,
            },
        };
        StepCost {
            unknown_gap: gap.is_none(),
            gap: gap.unwrap_or(0.0),
            pay: None,
        }
    }
}
