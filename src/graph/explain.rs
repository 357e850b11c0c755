//! What a move from one occupation to another takes, from the official
//! tables: the skills to gain and those that carry over (O*NET 30.2
//! importance ratings), the schooling step, the experience and training
//! asked for (BLS Employment Projections), and the target's outlook. Pure:
//! the figures in, the explanation out; pay is the caller's (it depends on
//! the area and the period asked for).
//!
//! The rules, documented for people in docs/paths.md:
//!
//! - a skill is **to gain** when the target rates it at least
//!   [`GAIN_MARGIN`] (half a point on O*NET's 1–5 importance scale) above
//!   the current occupation; largest gaps first;
//! - a skill **carries over** when the target rates it important (at least
//!   [`IMPORTANT`], O*NET's "important") and the current occupation rates
//!   it no more than [`GAIN_MARGIN`] below that;
//! - a step's **skill gap** is the sum of the gaps of its skills to gain
//!   (points of importance), what routes are ranked by after their number
//!   of steps.

use crate::official::{self, skill_names, Education, Experience, Growth, Training};
use careers_data::official::similarity;
use serde::Serialize;

/// How far above the current rating a skill must be rated to count as one
/// to gain: half a point of O*NET's 1–5 importance scale (shared with the
/// build, which computes the gap of every official link).
pub use similarity::GAIN_MARGIN;

/// O*NET's "important" on its 1–5 importance scale.
pub const IMPORTANT: f64 = 3.0;

/// One skill of a move, with both ratings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillChange {
    pub skill: &'static str,
    /// Importance for the current occupation and for the target (1–5).
    pub from: f64,
    pub to: f64,
}

impl SkillChange {
    pub fn gap(&self) -> f64 {
        self.to - self.from
    }
}

/// The skills side of a move; `None` fields when either end has no O*NET
/// ratings.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SkillGap {
    /// Rated at least [`GAIN_MARGIN`] higher by the target, largest first.
    pub to_gain: Vec<SkillChange>,
    /// Important for the target and already (nearly) at that level, most
    /// important first.
    pub carry_over: Vec<SkillChange>,
    /// The sum of the gaps of `to_gain`.
    pub gap: f64,
}

/// The skill gap of moving from ratings `from` to ratings `to` (parallel
/// to [`skill_names`]).
pub fn skill_gap(from: &[f64], to: &[f64]) -> SkillGap {
    let names = skill_names();
    let changes = names
        .iter()
        .zip(from.iter().zip(to))
        .map(|(&skill, (&f, &t))| SkillChange {
            skill,
            from: f,
            to: t,
        });
    let mut to_gain: Vec<SkillChange> = Vec::new();
    let mut carry_over: Vec<SkillChange> = Vec::new();
    for c in changes {
        if similarity::is_gain(c.from, c.to) {
            to_gain.push(c);
        } else if c.to >= IMPORTANT && c.gap() <= GAIN_MARGIN {
            carry_over.push(c);
        }
    }
    to_gain.sort_by(|a, b| b.gap().total_cmp(&a.gap()).then(a.skill.cmp(b.skill)));
    carry_over.sort_by(|a, b| b.to.total_cmp(&a.to).then(a.skill.cmp(b.skill)));
    let gap = to_gain.iter().map(SkillChange::gap).sum();
    SkillGap {
        to_gain,
        carry_over,
        gap,
    }
}

/// The skill gap between two official occupations; `None` when either has
/// no O*NET ratings (68 of the 830, see data/occupations/README.md).
pub fn occupation_gap(from_soc: &str, to_soc: &str) -> Option<SkillGap> {
    let from = official::skills(from_soc)?;
    let to = official::skills(to_soc)?;
    Some(skill_gap(&from.importance, &to.importance))
}

/// The skill gap alone, in points (no lists): what a route search ranks
/// by; `None` when either has no O*NET ratings.
pub fn gap_points(from_soc: &str, to_soc: &str) -> Option<f64> {
    let from = official::skills(from_soc)?;
    let to = official::skills(to_soc)?;
    Some(similarity::gap(&from.importance, &to.importance))
}

/// The skill distance of two occupations (RMS of the 35 ratings'
/// differences); `None` when either has no O*NET ratings.
pub fn distance(from_soc: &str, to_soc: &str) -> Option<f64> {
    let from = official::skills(from_soc)?;
    let to = official::skills(to_soc)?;
    Some(similarity::distance(&from.importance, &to.importance))
}

/// The schooling side of a move: BLS's typical entry-level education of
/// both ends, and how many of careers' education levels the target asks
/// above the current one (0 when it asks no more).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EducationStep {
    pub from: Education,
    pub to: Education,
    pub levels_up: usize,
}

impl EducationStep {
    pub fn of(from: Education, to: Education) -> EducationStep {
        let rank = |e: Education| Education::ALL.iter().position(|x| *x == e).unwrap_or(0);
        EducationStep {
            from,
            to,
            levels_up: rank(to).saturating_sub(rank(from)),
        }
    }
}

/// The target's entry requirements and outlook, from the BLS projections.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Entry {
    pub source: &'static str,
    pub education: Education,
    pub work_experience: Experience,
    pub job_training: Training,
    /// Percent change in jobs, 2024–34.
    pub change_pct: f64,
    pub growth: Growth,
    pub openings_per_year: u32,
}

/// The entry requirements and outlook of occupation `soc`.
pub fn entry(soc: &str) -> Option<Entry> {
    let p = official::projection(soc)?;
    Some(Entry {
        source: p.source,
        education: p.entry_education,
        work_experience: p.work_experience,
        job_training: p.job_training,
        change_pct: p.change_pct,
        growth: p.growth(),
        openings_per_year: p.openings_per_year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratings(pairs: &[(&str, f64)]) -> Vec<f64> {
        skill_names()
            .iter()
            .map(|n| pairs.iter().find(|(k, _)| k == n).map_or(2.0, |(_, v)| *v))
            .collect()
    }

    #[test]
    fn gains_need_the_margin_and_carry_overs_need_importance() {
        let from = ratings(&[
            ("Writing", 2.0),
            ("Speaking", 3.9),
            ("Programming", 1.0),
            ("Monitoring", 3.0),
        ]);
        let to = ratings(&[
            ("Writing", 2.5),
            ("Speaking", 4.0),
            ("Programming", 4.0),
            ("Monitoring", 3.4),
        ]);
        let g = skill_gap(&from, &to);
        let gained: Vec<&str> = g.to_gain.iter().map(|c| c.skill).collect();
        // Programming +3.0, Writing +0.5 (at the margin); Speaking +0.1 and
        // Monitoring +0.4 are not gains.
        assert_eq!(gained, ["Programming", "Writing"]);
        assert!((g.gap - 3.5).abs() < 1e-9);
        let kept: Vec<&str> = g.carry_over.iter().map(|c| c.skill).collect();
        // Important for the target (>= 3) and within the margin: Speaking
        // (4.0), Monitoring (3.4); not Writing (2.5 is not important).
        assert_eq!(kept, ["Speaking", "Monitoring"]);
    }

    #[test]
    fn education_levels_count_up_only() {
        let s = EducationStep::of(Education::HighSchool, Education::Bachelor);
        assert_eq!(s.levels_up, 4);
        assert_eq!(
            EducationStep::of(Education::Master, Education::HighSchool).levels_up,
            0
        );
    }

    #[test]
    fn a_real_move_customer_service_to_registered_nurse() {
        let g = occupation_gap("43-4051", "29-1141").expect("both rated");
        assert!(!g.to_gain.is_empty());
        assert!(g.to_gain.windows(2).all(|w| w[0].gap() >= w[1].gap()));
        assert!(g.to_gain.iter().all(|c| c.gap() >= GAIN_MARGIN - 1e-9));
        let e = entry("29-1141").expect("projected");
        assert_eq!(e.education, Education::Bachelor);
        assert_eq!(entry("43-4051").map(|e| e.change_pct), Some(-5.5));
        assert!(occupation_gap("43-4051", "15-1252").is_some());
        // 29-1212 Cardiologists have no O*NET ratings in the bundle.
        assert_eq!(occupation_gap("43-4051", "29-1212"), None);
    }
}
