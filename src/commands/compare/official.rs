//! What `compare` shows of each role's SOC occupation beside its guides'
//! figures: the BLS projection 2024–34 (outlook, education, experience,
//! training) and the O*NET skill ratings, side by side, with the skills
//! where each role differs most from the baseline.

use crate::commands::soc_facts::{self, Outlook, Requirements, SkillRatings};
use crate::model::Role;
use serde::Serialize;

/// One SOC occupation a compared role links to, with its BLS facts.
#[derive(Debug, Clone, Serialize)]
pub struct OccupationFacts {
    pub soc: &'static str,
    pub title: &'static str,
    /// The occupation is broader or narrower than the role.
    pub approximate: bool,
    /// The role is this official occupation itself, not a curated role
    /// linked to it (text then leaves the code out).
    pub own: bool,
    pub outlook: Option<Outlook>,
    pub requirements: Option<Requirements>,
}

/// The official facts of a role: its SOC occupations (exact links first),
/// the O*NET ratings of the first one O*NET rates, and why there are
/// none when there are none.
pub struct RoleFacts {
    pub occupations: Vec<OccupationFacts>,
    pub skills: Option<SkillRatings>,
    pub skills_unknown: Option<String>,
}

pub fn of(role: &Role, own: bool) -> RoleFacts {
    let links = soc_facts::links(&role.soc);
    let occupations = links
        .iter()
        .map(|l| OccupationFacts {
            soc: l.soc,
            title: l.title,
            approximate: l.approximate,
            own,
            outlook: soc_facts::outlook(l),
            requirements: soc_facts::requirements(l),
        })
        .collect();
    let skills = links.iter().find_map(soc_facts::skills);
    let skills_unknown = match (&skills, links.first()) {
        (Some(_), _) => None,
        (None, None) => Some("no SOC occupation linked".to_string()),
        (None, Some(_)) => Some(format!(
            "O*NET 30.2 rates no skills for SOC {}",
            links.iter().map(|l| l.soc).collect::<Vec<_>>().join(", ")
        )),
    };
    RoleFacts {
        occupations,
        skills,
        skills_unknown,
    }
}

/// How many of each role's most important skills the side-by-side grid
/// takes (their union, every role's rating of each).
pub const GRID_TOP: usize = 5;

/// One skill of the grid: every role's rating, in the roles' order
/// (`null` where a role has no ratings).
#[derive(Debug, Clone, Serialize)]
pub struct GridRow {
    pub name: &'static str,
    pub importance: Vec<Option<f64>>,
}

/// The skills side by side: the union of each role's [`GRID_TOP`] most
/// important, by the mean of the ratings the roles have (highest first),
/// then by name; empty when no role has ratings.
pub fn grid(skills: &[Option<&SkillRatings>]) -> Vec<GridRow> {
    let mut names: Vec<&'static str> = Vec::new();
    for s in skills.iter().flatten() {
        for r in s.ratings.iter().take(GRID_TOP) {
            if !names.contains(&r.name) {
                names.push(r.name);
            }
        }
    }
    let mut rows: Vec<(f64, GridRow)> = names
        .into_iter()
        .map(|name| {
            let importance: Vec<Option<f64>> =
                skills.iter().map(|s| s.and_then(|s| s.get(name))).collect();
            let known: Vec<f64> = importance.iter().flatten().copied().collect();
            let mean = known.iter().sum::<f64>() / known.len().max(1) as f64;
            (mean, GridRow { name, importance })
        })
        .collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.name.cmp(b.1.name)));
    rows.into_iter().map(|(_, r)| r).collect()
}

/// One skill's ratings for the baseline and another role.
#[derive(Debug, Clone, Serialize)]
pub struct SkillDelta {
    pub name: &'static str,
    pub baseline: f64,
    pub other: f64,
    /// `other - baseline`, in points of importance, rounded to hundredths.
    pub difference: f64,
}

/// How a role's O*NET ratings differ from the baseline's.
#[derive(Debug, Clone, Serialize)]
pub struct SkillDifferences {
    /// The role compared with the baseline.
    pub role: String,
    /// The SOC codes rated, the baseline's then the role's.
    pub baseline_soc: Option<&'static str>,
    pub other_soc: Option<&'static str>,
    pub source: &'static str,
    /// Every skill, the largest difference (either way) first, then by
    /// name; empty when either role has no ratings.
    pub skills: Vec<SkillDelta>,
    /// Why `skills` is empty; `null` when it is not.
    pub unknown: Option<String>,
}

/// The differences of `other` (role id `role`) from the baseline.
pub fn differences(
    role: &str,
    baseline: (Option<&SkillRatings>, Option<&str>),
    other: (Option<&SkillRatings>, Option<&str>),
) -> SkillDifferences {
    let (b, o) = (baseline.0, other.0);
    let mut skills: Vec<SkillDelta> = match (b, o) {
        (Some(b), Some(o)) => b
            .ratings
            .iter()
            .filter_map(|r| {
                let other = o.get(r.name)?;
                Some(SkillDelta {
                    name: r.name,
                    baseline: r.importance,
                    other,
                    // Hundredths, as the ratings are published.
                    difference: ((other - r.importance) * 100.0).round() / 100.0,
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    skills.sort_by(|x, y| {
        y.difference
            .abs()
            .total_cmp(&x.difference.abs())
            .then(x.name.cmp(y.name))
    });
    let unknown = match (b, o) {
        (Some(_), Some(_)) => None,
        (None, _) => Some(format!(
            "the baseline: {}",
            baseline.1.unwrap_or("no O*NET ratings")
        )),
        (_, None) => Some(other.1.unwrap_or("no O*NET ratings").to_string()),
    };
    SkillDifferences {
        role: role.to_string(),
        baseline_soc: b.map(|s| s.soc),
        other_soc: o.map(|s| s.soc),
        source: crate::official::ONET_30_2,
        skills,
        unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::soc_facts::Rating;
    use crate::official::SkillBasis;

    fn ratings(soc: &'static str, values: &[(&'static str, f64)]) -> SkillRatings {
        SkillRatings {
            soc,
            approximate: false,
            source: "onet-30-2",
            basis: SkillBasis::Direct,
            ratings: values
                .iter()
                .map(|&(name, importance)| Rating { name, importance })
                .collect(),
        }
    }

    #[test]
    fn the_largest_differences_come_first_either_way() {
        let a = ratings(
            "1",
            &[("Speaking", 4.0), ("Programming", 1.0), ("Science", 2.0)],
        );
        let b = ratings(
            "2",
            &[("Speaking", 2.5), ("Programming", 4.0), ("Science", 2.0)],
        );
        let d = differences("b", (Some(&a), None), (Some(&b), None));
        let got: Vec<(&str, f64)> = d.skills.iter().map(|s| (s.name, s.difference)).collect();
        assert_eq!(
            got,
            vec![("Programming", 3.0), ("Speaking", -1.5), ("Science", 0.0)]
        );
        assert_eq!(d.unknown, None);
        let none = differences(
            "c",
            (Some(&a), None),
            (None, Some("no SOC occupation linked")),
        );
        assert!(none.skills.is_empty());
        assert_eq!(none.unknown.as_deref(), Some("no SOC occupation linked"));
    }

    #[test]
    fn the_grid_takes_each_roles_top_skills_with_every_roles_rating() {
        let a = ratings("1", &[("A", 5.0), ("B", 4.0), ("C", 1.0)]);
        let b = ratings("2", &[("C", 5.0), ("A", 1.0), ("B", 1.0)]);
        let rows = grid(&[Some(&a), Some(&b), None]);
        let names: Vec<&str> = rows.iter().map(|r| r.name).collect();
        // Means: A 3.0, C 3.0, B 2.5.
        assert_eq!(names, vec!["A", "C", "B"]);
        assert_eq!(rows[0].importance, vec![Some(5.0), Some(1.0), None]);
    }
}
