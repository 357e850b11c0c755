//! The destinations worth considering from one occupation (`careers path
//! FROM`), ranked by one documented score. Pure: the caller gives the pay
//! of an occupation (in the area and period asked for).
//!
//! The score, documented for people in docs/paths.md, is a weighted sum of
//! four parts, each between −1 and 1, over the occupations at most
//! [`MAX_STEPS`] steps away in the career graph:
//!
//! | part | weight | from | how |
//! |---|---:|---|---|
//! | skill closeness | 0.5 | O*NET 30.2 ratings | 1 − distance, the RMS difference of the 35 ratings (within 0 and 1) |
//! | pay gain | 0.2 | OEWS May 2025 medians | log₂(target median / current median), within −1 (half) and 1 (double) |
//! | growth | 0.1 | BLS projections 2024–34 | (target's change − all occupations' change) / 10 points, within −1 and 1 |
//! | education | 0.2 | BLS typical entry-level education | −(levels above the current one) / 4, within −1 and 0 |
//!
//! Closeness weighs most because it says whether the move can be made at
//! all; pay is why one moves; growth and schooling temper both. An
//! occupation without O*NET ratings cannot be placed and is left out (68
//! of the 830); one without a pay figure in the area gets 0 for pay and
//! says so.

use super::explain::EducationStep;
use super::{Graph, NodeIx};
use crate::official::{self, all_occupations_change, Education};
use careers_data::official::similarity;
use serde::Serialize;

pub const CLOSENESS_WEIGHT: f64 = 0.5;
pub const PAY_WEIGHT: f64 = 0.2;
pub const GROWTH_WEIGHT: f64 = 0.1;
pub const EDUCATION_WEIGHT: f64 = 0.2;

/// Destinations are the occupations at most this many steps away in the
/// career graph: a next move, or the one after, each step one a guide or
/// O*NET names or between near skill profiles. Farther, a route's
/// intermediate jobs say more about the graph than about a career.
pub const MAX_STEPS: usize = 2;

/// What to leave out of the ranking.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filters {
    /// Destinations whose typical entry-level education is above this.
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
        Part {
            value,
            points: value.unwrap_or(0.0) * weight,
        }
    }
}

/// A ranked destination.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Destination {
    #[serde(skip)]
    pub node: NodeIx,
    pub soc: &'static str,
    /// The skill distance (RMS of the 35 ratings' differences, 1–5 scale).
    pub skill_distance: f64,
    /// Pay in the area, current and target, when both are known.
    pub pay_from: Option<f64>,
    pub pay_to: Option<f64>,
    /// Percent change of pay, target against current.
    pub pay_gain_pct: Option<f64>,
    pub change_pct: f64,
    pub education: EducationStep,
    /// Steps in the career graph from the current occupation; `None` when
    /// no route reaches it.
    pub steps: Option<usize>,
    pub closeness: Part,
    pub pay: Part,
    pub growth: Part,
    pub schooling: Part,
    pub score: f64,
}

/// Every official occupation as a destination from node `from` (which must
/// have an official occupation with ratings), best score first (ties by
/// SOC code), filtered. `pay` gives an occupation's pay by SOC code.
pub fn rank(
    graph: &Graph,
    from: NodeIx,
    pay: &dyn Fn(&str) -> Option<f64>,
    filters: Filters,
) -> Vec<Destination> {
    let Some(from_soc) = graph.nodes.get(from).and_then(|n| n.soc) else {
        return Vec::new();
    };
    let (Some(mine), Some(my_entry)) = (official::skills(from_soc), official::projection(from_soc))
    else {
        return Vec::new();
    };
    let my_pay = pay(from_soc);
    let all = all_occupations_change().change_pct;
    let steps = graph.distances(from);
    let mut out: Vec<Destination> = graph
        .official_nodes()
        .filter(|&(n, soc)| n != from && soc != from_soc && !graph.nodes[n].residual)
        .filter(|&(n, _)| {
            steps
                .get(n)
                .copied()
                .flatten()
                .is_some_and(|s| s <= MAX_STEPS)
        })
        .filter_map(|(n, soc)| {
            let theirs = official::skills(soc)?;
            let entry = official::projection(soc)?;
            let skill_distance = similarity::distance(&mine.importance, &theirs.importance);
            let pay_to = pay(soc);
            let pay_gain_pct = match (my_pay, pay_to) {
                (Some(a), Some(b)) if a > 0.0 => Some((b / a - 1.0) * 100.0),
                _ => None,
            };
            let education = EducationStep::of(my_entry.entry_education, entry.entry_education);
            let closeness = Part::of(
                Some((1.0 - skill_distance).clamp(0.0, 1.0)),
                CLOSENESS_WEIGHT,
            );
            let pay_part = Part::of(
                pay_gain_pct.map(|g| (1.0 + g / 100.0).log2().clamp(-1.0, 1.0)),
                PAY_WEIGHT,
            );
            let growth = Part::of(
                Some(((entry.change_pct - all) / 10.0).clamp(-1.0, 1.0)),
                GROWTH_WEIGHT,
            );
            let schooling = Part::of(
                Some(-(education.levels_up.min(4) as f64) / 4.0),
                EDUCATION_WEIGHT,
            );
            let score = closeness.points + pay_part.points + growth.points + schooling.points;
            Some(Destination {
                node: n,
                soc,
                skill_distance,
                pay_from: my_pay,
                pay_to,
                pay_gain_pct,
                change_pct: entry.change_pct,
                education,
                steps: steps.get(n).copied().flatten(),
                closeness,
                pay: pay_part,
                growth,
                schooling,
                score,
            })
        })
        .filter(|d| {
            filters
                .max_education
                .is_none_or(|max| d.education.to <= max)
                && filters
                    .min_pay_gain
                    .is_none_or(|min| d.pay_gain_pct.is_some_and(|g| g >= min))
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.soc.cmp(b.soc)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn graph() -> (Catalog, Graph) {
        let catalog = Catalog::bundled().expect("bundled");
        let graph = Graph::build(&catalog).expect("graph");
        (catalog, graph)
    }

    fn node(graph: &Graph, id: &str) -> NodeIx {
        graph
            .node_of(id)
            .unwrap_or_else(|| panic!("{id} is a node"))
    }

    /// Pay from the projections' 2024 medians: a fixed, known table.
    fn pay(soc: &str) -> Option<f64> {
        Some(f64::from(
            official::projection(soc)?.median_wage_2024?.dollars,
        ))
    }

    #[test]
    fn the_score_is_the_sum_of_its_weighted_parts() {
        let (_, g) = graph();
        let from = node(&g, "customer-service-representative");
        let ranked = rank(&g, from, &pay, Filters::default());
        assert!(ranked.len() > 10, "{}", ranked.len());
        assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
        for d in &ranked {
            let sum = d.closeness.points + d.pay.points + d.growth.points + d.schooling.points;
            assert!((d.score - sum).abs() < 1e-9);
            assert!(d.soc != "43-4051");
            assert!(d.steps.is_some_and(|s| (1..=MAX_STEPS).contains(&s)));
        }
    }

    #[test]
    fn each_part_is_computed_as_documented() {
        // Licensed practical nurses to registered nurses: one step (O*NET
        // relates them).
        let (_, g) = graph();
        let from = node(&g, "licensed-practical-and-licensed-vocational-nurses");
        let ranked = rank(&g, from, &pay, Filters::default());
        let rn = ranked.iter().find(|d| d.soc == "29-1141").expect("ranked");
        let lpn = official::projection("29-2061").unwrap();
        let nurse = official::projection("29-1141").unwrap();
        let skills = |s| official::skills(s).unwrap().importance;
        let d = similarity::distance(&skills("29-2061"), &skills("29-1141"));
        assert_eq!(rn.closeness.value, Some(1.0 - d));
        let ratio = f64::from(nurse.median_wage_2024.unwrap().dollars)
            / f64::from(lpn.median_wage_2024.unwrap().dollars);
        assert!((rn.pay.value.unwrap() - ratio.log2().clamp(-1.0, 1.0)).abs() < 1e-9);
        let all = all_occupations_change().change_pct;
        assert!((rn.growth.value.unwrap() - (nurse.change_pct - all) / 10.0).abs() < 1e-9);
        // Postsecondary nondegree award to bachelor's degree: some college,
        // associate's, bachelor's: three levels.
        assert_eq!(rn.education.levels_up, 3);
        assert_eq!(rn.schooling.value, Some(-0.75));
        assert_eq!(rn.steps, Some(1));
    }

    #[test]
    fn filters_leave_out_schooling_and_pay() {
        let (_, g) = graph();
        let from = node(&g, "customer-service-representative");
        let f = Filters {
            max_education: Some(Education::HighSchool),
            min_pay_gain: Some(20.0),
        };
        let ranked = rank(&g, from, &pay, f);
        assert!(!ranked.is_empty());
        for d in &ranked {
            assert!(d.education.to <= Education::HighSchool, "{}", d.soc);
            assert!(d.pay_gain_pct.is_some_and(|p| p >= 20.0), "{}", d.soc);
        }
    }
}
