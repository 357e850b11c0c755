//! The destinations worth considering from one role or occupation
//! (`careers path FROM`), ranked by one documented score. Pure: the caller
//! gives the pay of the two ends (in the area and period asked for).
//!
//! The score, documented for people in docs/paths.md, is a weighted sum of
//! four parts, each between −1 and 1, over the roles and occupations at
//! most [`MAX_STEPS`] steps away in the career graph (the graph's steps:
//! entering an occupation open to newcomers is not a step here):
//!
//! | part | weight | from | how |
//! |---|---:|---|---|
//! | skill closeness | 0.5 | O*NET 30.2 ratings | 1 − distance, the RMS difference of the 35 ratings (within 0 and 1) |
//! | pay gain | 0.2 | the pay answer (src/pay) | log₂(target pay / current pay), within −1 (half) and 1 (double) |
//! | growth | 0.1 | BLS projections 2024–34 | (target's change − all occupations' change) / 10 points, within −1 and 1 |
//! | education | 0.2 | BLS typical entry-level education | −(levels above the current one) / 4, within −1 and 0 |
//!
//! Closeness weighs most because it says whether the move can be made at
//! all; pay is why one moves; growth and schooling temper both. A part no
//! source gives (an end without ratings, without a pay figure the other
//! end's can be compared with, or without a SOC code) is unknown: it
//! counts 0 and says so. A curated role takes the figures of its SOC code,
//! marked approximate where the link is.

use super::explain::EducationStep;
use super::{Graph, NodeId, NodeIx};
use crate::official::{self, all_occupations_change, Education};
use careers_data::official::similarity;
use serde::Serialize;

pub const CLOSENESS_WEIGHT: f64 = 0.5;
pub const PAY_WEIGHT: f64 = 0.2;
pub const GROWTH_WEIGHT: f64 = 0.1;
pub const EDUCATION_WEIGHT: f64 = 0.2;

/// Destinations are at most this many steps away in the career graph: a
/// next move, or the one after, each step one a guide or O*NET names,
/// between near skill profiles, or to a worker's supervisor. Farther, a
/// route's intermediate jobs say more about the graph than about a career.
pub const MAX_STEPS: usize = 2;

/// What to leave out of the ranking.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filters {
    /// Destinations whose typical entry-level education is above this, or
    /// unknown.
    pub max_education: Option<Education>,
    /// Destinations whose pay gain (percent) is below this, or unknown.
    pub min_pay_gain: Option<f64>,
}

/// One part of a destination's score: the measure and its contribution.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Part {
    /// The part's value, −1 to 1 (`None`: not known, counted as 0).
    pub value: Option<f64>,
    /// `value` times the part's weight.
    pub points: f64,
}

impl Part {
    fn of(value: Option<f64>, weight: f64) -> Part {
        // Adding 0 turns −0 (no levels of schooling up, negated) into 0,
        // which JSON would otherwise print as `-0.0`.
        let value = value.map(|v| v + 0.0);
        Part {
            value,
            points: value.unwrap_or(0.0) * weight + 0.0,
        }
    }
}

/// A ranked destination.
#[derive(Debug, Clone, PartialEq)]
pub struct Destination {
    pub node: NodeIx,
    /// The SOC code whose figures describe it; `None` for a curated role
    /// without one.
    pub soc: Option<&'static str>,
    /// Either end's figures are those of an approximate SOC link.
    pub approximate: bool,
    /// The skill distance (RMS of the 35 ratings' differences, 1–5 scale).
    pub skill_distance: Option<f64>,
    /// Pay of both ends (as the caller compared them), and the change in
    /// percent, target against current.
    pub pay_from: Option<f64>,
    pub pay_to: Option<f64>,
    pub pay_gain_pct: Option<f64>,
    /// The target's projected change in jobs 2024–34, percent.
    pub change_pct: Option<f64>,
    /// The target's typical entry-level education, and the step from the
    /// current one when both are known.
    pub education_to: Option<Education>,
    pub education: Option<EducationStep>,
    /// Steps in the career graph from the current node.
    pub steps: usize,
    /// For a destination two steps away, the node between.
    pub via: Option<NodeIx>,
    pub closeness: Part,
    pub pay: Part,
    pub growth: Part,
    pub schooling: Part,
    pub score: f64,
}

/// What one end of a move offers the score: its ratings and projections.
struct End {
    soc: Option<&'static str>,
    approximate: bool,
    ratings: Option<Vec<f64>>,
    projection: Option<official::Projection>,
}

impl End {
    fn of(graph: &Graph, n: NodeIx) -> End {
        let node = &graph.nodes[n];
        End {
            soc: node.soc,
            approximate: node.approximate,
            ratings: node.soc.and_then(official::skills).map(|s| s.importance),
            projection: node.soc.and_then(official::projection),
        }
    }
}

/// Every role and occupation within [`MAX_STEPS`] of node `from` (not the
/// same occupation, not a residual one, not a destination without a
/// profile), scored, best first (ties by steps, then node order),
/// filtered. `pay(to)` gives the pay of `from` and of `to` in one
/// comparable unit, when there are such figures.
pub fn rank(
    graph: &Graph,
    from: NodeIx,
    pay: &dyn Fn(NodeIx) -> Option<(f64, f64)>,
    filters: Filters,
) -> Vec<Destination> {
    if from >= graph.nodes.len() {
        return Vec::new();
    }
    let me = End::of(graph, from);
    let all = all_occupations_change().change_pct;
    let mut out: Vec<Destination> = graph
        .reachable_within(from, MAX_STEPS)
        .into_iter()
        .filter(|r| {
            let node = &graph.nodes[r.node];
            let same =
                node.soc.is_some() && node.soc == me.soc && !node.approximate && !me.approximate;
            node.id != NodeId::Named && !node.residual && !same
        })
        .map(|r| {
            let them = End::of(graph, r.node);
            let via = r.parent.filter(|&p| p != from);
            score(&me, &them, r.node, r.depth, via, pay(r.node), all)
        })
        .filter(|d| {
            filters
                .max_education
                .is_none_or(|max| d.education_to.is_some_and(|e| e <= max))
                && filters
                    .min_pay_gain
                    .is_none_or(|min| d.pay_gain_pct.is_some_and(|g| g >= min))
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.steps.cmp(&b.steps))
            .then(a.node.cmp(&b.node))
    });
    out
}

/// The score of moving from `me` to `them` (node `node`).
fn score(
    me: &End,
    them: &End,
    node: NodeIx,
    steps: usize,
    via: Option<NodeIx>,
    pay: Option<(f64, f64)>,
    all: f64,
) -> Destination {
    let skill_distance = match (&me.ratings, &them.ratings) {
        (Some(a), Some(b)) => Some(similarity::distance(a, b)),
        _ => None,
    };
    let (pay_from, pay_to) = (pay.map(|p| p.0), pay.map(|p| p.1));
    let pay_gain_pct = pay
        .filter(|(a, _)| *a > 0.0)
        .map(|(a, b)| (b / a - 1.0) * 100.0);
    let change_pct = them.projection.map(|p| p.change_pct);
    let education_to = them.projection.map(|p| p.entry_education);
    let education = me
        .projection
        .zip(them.projection)
        .map(|(a, b)| EducationStep::of(a.entry_education, b.entry_education));
    let closeness = Part::of(
        skill_distance.map(|d| (1.0 - d).clamp(0.0, 1.0)),
        CLOSENESS_WEIGHT,
    );
    let pay_part = Part::of(
        pay_gain_pct.map(|g| (1.0 + g / 100.0).log2().clamp(-1.0, 1.0)),
        PAY_WEIGHT,
    );
    let growth = Part::of(
        change_pct.map(|c| ((c - all) / 10.0).clamp(-1.0, 1.0)),
        GROWTH_WEIGHT,
    );
    let schooling = Part::of(
        education.map(|e| -(e.levels_up.min(4) as f64) / 4.0),
        EDUCATION_WEIGHT,
    );
    let score = closeness.points + pay_part.points + growth.points + schooling.points;
    Destination {
        node,
        soc: them.soc,
        approximate: (me.approximate && me.soc.is_some()) || them.approximate,
        skill_distance,
        pay_from,
        pay_to,
        pay_gain_pct,
        change_pct,
        education_to,
        education,
        steps,
        via,
        closeness,
        pay: pay_part,
        growth,
        schooling,
        score,
    }
}

/// The education level `--max-education` names: the BLS wording in any
/// case (`"Bachelor's degree"`), or a short name: `none`, `high-school`,
/// `postsecondary`, `some-college`, `associate`, `bachelor`, `master`,
/// `doctoral` (plurals and `'s` too: `bachelors`, `master's`).
pub fn parse_education(text: &str) -> Result<Education, String> {
    let key: String = text
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let short = |e: Education| -> &'static [&'static str] {
        match e {
            Education::NoFormalCredential => &["none", "noformalcredential", "nocredential"],
            Education::HighSchool => &["highschool", "hs", "diploma", "ged"],
            Education::PostsecondaryNondegree => &[
                "postsecondary",
                "postsecondarynondegree",
                "certificate",
                "nondegree",
            ],
            Education::SomeCollege => &["somecollege"],
            Education::Associate => &["associate", "associates", "associatedegree"],
            Education::Bachelor => &["bachelor", "bachelors", "bachelordegree"],
            Education::Master => &["master", "masters", "masterdegree"],
            Education::DoctoralOrProfessional => &[
                "doctoral",
                "doctorate",
                "professional",
                "phd",
                "doctoralorprofessional",
            ],
        }
    };
    let bls = |e: Education| -> String {
        e.label()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    Education::ALL
        .into_iter()
        .find(|&e| bls(e) == key || short(e).contains(&key.as_str()))
        .ok_or_else(|| {
            format!(
                "`{text}` is not an education level; use one of none, high-school, \
                 postsecondary, some-college, associate, bachelor, master, doctoral \
                 (or the BLS wording, such as \"Bachelor's degree\")"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn node(graph: &Graph, id: &str) -> NodeIx {
        graph
            .node_of(id)
            .unwrap_or_else(|| panic!("{id} is a node"))
    }

    /// Pay from the projections' 2024 medians: a fixed, known table.
    fn median(graph: &Graph, n: NodeIx) -> Option<f64> {
        let soc = graph.nodes[n].soc?;
        Some(f64::from(
            official::projection(soc)?.median_wage_2024?.dollars,
        ))
    }

    fn ranked(graph: &Graph, from: &str, filters: Filters) -> Vec<Destination> {
        let from = node(graph, from);
        let pay = |to: NodeIx| median(graph, from).zip(median(graph, to));
        rank(graph, from, &pay, filters)
    }

    #[test]
    fn the_score_is_the_sum_of_its_weighted_parts() {
        let catalog = Catalog::bundled().expect("bundled");
        let g = Graph::build(&catalog).expect("graph");
        let ranked = ranked(&g, "customer-service-representative", Filters::default());
        assert!(ranked.len() > 10, "{}", ranked.len());
        assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
        for d in &ranked {
            let sum = d.closeness.points + d.pay.points + d.growth.points + d.schooling.points;
            assert!((d.score - sum).abs() < 1e-9);
            assert_ne!(d.soc, Some("43-4051"), "not the same occupation");
            assert!((1..=MAX_STEPS).contains(&d.steps));
            assert_eq!(d.via.is_some(), d.steps == 2);
        }
    }

    #[test]
    fn each_part_is_computed_as_documented() {
        // Licensed practical nurses to registered nurses: one step (O*NET
        // relates them).
        let catalog = Catalog::bundled().expect("bundled");
        let g = Graph::build(&catalog).expect("graph");
        let ranked = ranked(
            &g,
            "licensed-practical-and-licensed-vocational-nurses",
            Filters::default(),
        );
        let rn = ranked
            .iter()
            .find(|d| d.soc == Some("29-1141"))
            .expect("ranked");
        let lpn = official::projection("29-2061").unwrap();
        let nurse = official::projection("29-1141").unwrap();
        let skills = |s| official::skills(s).unwrap().importance;
        let d = similarity::distance(&skills("29-2061"), &skills("29-1141"));
        assert_eq!(rn.closeness.value, Some(1.0 - d));
        assert!((rn.closeness.points - 0.5 * (1.0 - d)).abs() < 1e-12);
        let ratio = f64::from(nurse.median_wage_2024.unwrap().dollars)
            / f64::from(lpn.median_wage_2024.unwrap().dollars);
        assert!((rn.pay.value.unwrap() - ratio.log2().clamp(-1.0, 1.0)).abs() < 1e-9);
        let all = all_occupations_change().change_pct;
        assert!((rn.growth.value.unwrap() - (nurse.change_pct - all) / 10.0).abs() < 1e-9);
        // Postsecondary nondegree award to bachelor's degree: some college,
        // associate's, bachelor's: three levels.
        assert_eq!(rn.education.map(|e| e.levels_up), Some(3));
        assert_eq!(rn.schooling.value, Some(-0.75));
        assert_eq!(rn.steps, 1);
    }

    #[test]
    fn filters_leave_out_schooling_and_pay() {
        let catalog = Catalog::bundled().expect("bundled");
        let g = Graph::build(&catalog).expect("graph");
        let f = Filters {
            max_education: Some(Education::HighSchool),
            min_pay_gain: Some(20.0),
        };
        let ranked = ranked(&g, "customer-service-representative", f);
        assert!(!ranked.is_empty());
        for d in &ranked {
            assert!(d.education_to.is_some_and(|e| e <= Education::HighSchool));
            assert!(d.pay_gain_pct.is_some_and(|p| p >= 20.0));
        }
    }

    #[test]
    fn curated_roles_within_reach_are_candidates_with_their_soc_s_figures() {
        let catalog = Catalog::bundled().expect("bundled");
        let g = Graph::build(&catalog).expect("graph");
        let all = ranked(&g, "customer-service-associate", Filters::default());
        let find = |id: &str| {
            let n = node(&g, id);
            all.iter()
                .find(|d| d.node == n)
                .unwrap_or_else(|| panic!("{id} is ranked"))
        };
        // The supervisor: 43-1011's figures, approximate.
        let sup = find("customer-service-supervisor");
        assert_eq!(sup.soc, Some("43-1011"));
        assert!(sup.approximate && sup.closeness.value.is_some());
        assert_eq!(sup.steps, 1);
        // The manager has no SOC code: every part unknown, counted as 0.
        let mgr = find("customer-service-manager");
        assert_eq!(mgr.soc, None);
        for p in [mgr.closeness, mgr.pay, mgr.growth, mgr.schooling] {
            assert_eq!(
                p,
                Part {
                    value: None,
                    points: 0.0
                }
            );
        }
        assert_eq!(mgr.score, 0.0);
        // The representative is the associate's own occupation: left out.
        let csr = node(&g, "customer-service-representative");
        assert!(all.iter().all(|d| d.node != csr));
    }

    #[test]
    fn a_start_without_ratings_still_ranks_with_closeness_unknown() {
        let catalog = Catalog::bundled().expect("bundled");
        let g = Graph::build(&catalog).expect("graph");
        let all = ranked(&g, "customer-service-clerk", Filters::default());
        assert!(!all.is_empty());
        assert!(all.iter().all(|d| d.closeness.value.is_none()));
    }

    #[test]
    fn education_levels_by_short_name_or_bls_wording() {
        for (text, want) in [
            ("bachelors", Education::Bachelor),
            ("Bachelor's degree", Education::Bachelor),
            ("associate", Education::Associate),
            ("high-school", Education::HighSchool),
            ("High school diploma or equivalent", Education::HighSchool),
            ("none", Education::NoFormalCredential),
            (
                "Doctoral or professional degree",
                Education::DoctoralOrProfessional,
            ),
            ("postsecondary", Education::PostsecondaryNondegree),
            ("SOME_COLLEGE", Education::SomeCollege),
        ] {
            assert_eq!(parse_education(text), Ok(want), "{text}");
        }
        let e = parse_education("kindergarten").unwrap_err();
        assert!(e.contains("not an education level") && e.contains("bachelor"));
    }
}
