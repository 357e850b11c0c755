//! The official facts of the SOC occupations a role links to, as `list`,
//! `compare` and `skills` show them beside the guides' figures: the BLS
//! Employment Projections 2024–34 (outlook, education, experience,
//! training) and the O*NET 30.2 skill ratings. An official occupation
//! links to its own code; a curated role to the codes its file names,
//! approximate where the link says so. Every block names its source id
//! and the code it is about; a table without a row gives `None` (output
//! says `unknown`), never another occupation's row.

use crate::model::SocLink;
use crate::official::{
    self, AllOccupations, Education, Experience, Growth, SkillBasis, Training, BLS_EP,
};
use serde::Serialize;

/// A SOC occupation of the tables that a role links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Linked {
    /// The OEWS code (`29-1141`) and its title (`Registered Nurses`).
    pub soc: &'static str,
    pub title: &'static str,
    /// The occupation is broader or narrower than the role.
    pub approximate: bool,
}

/// The role's SOC links that the tables have, each once: exact links
/// first, then approximate ones, each in the role's order (as the pay
/// answer takes them).
pub fn links(soc: &[SocLink]) -> Vec<Linked> {
    let mut out: Vec<Linked> = Vec::new();
    for approximate in [false, true] {
        for link in soc.iter().filter(|l| l.approximate == approximate) {
            let Some(o) = crate::wages::occupation(&link.code) else {
                continue;
            };
            if official::projection(o.soc).is_none() || out.iter().any(|l| l.soc == o.soc) {
                continue;
            }
            out.push(Linked {
                soc: o.soc,
                title: o.title,
                approximate,
            });
        }
    }
    out
}

/// A BLS category by its code (`bachelor`) and its BLS wording
/// (`Bachelor's degree`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Category<T> {
    pub code: T,
    pub label: &'static str,
}

/// One occupation's BLS Employment Projections 2024–34 (source
/// [`BLS_EP`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Outlook {
    pub soc: &'static str,
    pub approximate: bool,
    pub source: &'static str,
    pub employment_2024: u32,
    pub employment_2034: u32,
    /// Percent, one decimal, as BLS computed it.
    pub change_pct: f64,
    /// Average openings a year, 2024–34 (growth and replacements).
    pub openings_per_year: u32,
    /// careers' category against all occupations ([`Growth`], computed).
    pub growth: Growth,
    pub growth_label: &'static str,
}

/// One occupation's BLS education, experience and training categories
/// (source [`BLS_EP`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Requirements {
    pub soc: &'static str,
    pub approximate: bool,
    pub source: &'static str,
    /// BLS "typical entry-level education".
    pub entry_education: Category<Education>,
    /// BLS "work experience in a related occupation".
    pub work_experience: Category<Experience>,
    /// BLS "typical on-the-job training".
    pub job_training: Category<Training>,
}

/// One O*NET skill's importance for an occupation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rating {
    pub name: &'static str,
    /// 1 (not important) to 5 (extremely important).
    pub importance: f64,
}

/// The 35 O*NET skills of one occupation, most important first (ties by
/// name); source [`official::ONET_30_2`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillRatings {
    pub soc: &'static str,
    pub approximate: bool,
    pub source: &'static str,
    /// `direct` (the table's row) or `mean_of` (careers' mean of the
    /// rows of a BLS aggregate's components, computed).
    pub basis: SkillBasis,
    pub ratings: Vec<Rating>,
}

impl SkillRatings {
    /// The importance of the skill called `name`.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.ratings
            .iter()
            .find(|r| r.name == name)
            .map(|r| r.importance)
    }
}

/// O*NET's importance scale, as output explains it.
pub const IMPORTANCE_SCALE: &str = "1 (not important) to 5 (extremely important)";

pub fn outlook(l: &Linked) -> Option<Outlook> {
    let p = official::projection(l.soc)?;
    let growth = p.growth();
    Some(Outlook {
        soc: l.soc,
        approximate: l.approximate,
        source: p.source,
        employment_2024: p.employment_2024,
        employment_2034: p.employment_2034,
        change_pct: p.change_pct,
        openings_per_year: p.openings_per_year,
        growth,
        growth_label: growth.label(),
    })
}

pub fn requirements(l: &Linked) -> Option<Requirements> {
    let p = official::projection(l.soc)?;
    Some(Requirements {
        soc: l.soc,
        approximate: l.approximate,
        source: p.source,
        entry_education: Category {
            code: p.entry_education,
            label: p.entry_education.label(),
        },
        work_experience: Category {
            code: p.work_experience,
            label: p.work_experience.label(),
        },
        job_training: Category {
            code: p.job_training,
            label: p.job_training.label(),
        },
    })
}

pub fn skills(l: &Linked) -> Option<SkillRatings> {
    let s = official::skills(l.soc)?;
    let ratings = s
        .ranked()
        .into_iter()
        .map(|(name, importance)| Rating { name, importance })
        .collect();
    Some(SkillRatings {
        soc: l.soc,
        approximate: l.approximate,
        source: s.source,
        basis: s.basis,
        ratings,
    })
}

/// The change of all occupations, 2024–34, that growth categories are
/// measured against (computed by careers from the same table).
pub fn all_occupations() -> AllOccupations {
    official::all_occupations_change()
}

/// The source id of the projections, for citing before any row is known.
pub const PROJECTIONS_SOURCE: &str = BLS_EP;

#[cfg(test)]
mod tests {
    use super::*;

    fn link(code: &str, approximate: bool) -> SocLink {
        SocLink {
            code: code.into(),
            source: None,
            reason: None,
            approximate,
        }
    }

    #[test]
    fn exact_links_come_first_and_unknown_codes_are_left_out() {
        let got = links(&[
            link("43-1011", true),
            link("99-9999", false),
            link("43-4051", false),
            link("43-4051", true),
        ]);
        let codes: Vec<(&str, bool)> = got.iter().map(|l| (l.soc, l.approximate)).collect();
        assert_eq!(codes, vec![("43-4051", false), ("43-1011", true)]);
    }

    #[test]
    fn the_spot_check_occupation_reads_as_the_data_readme_says() {
        let l = links(&[link("43-4051", false)])[0];
        let o = outlook(&l).expect("projection");
        assert_eq!(
            (o.employment_2024, o.employment_2034),
            (2_814_000, 2_660_300)
        );
        assert_eq!(o.change_pct, -5.5);
        assert_eq!(o.openings_per_year, 341_700);
        assert_eq!(o.growth, Growth::Declining);
        let s = skills(&l).expect("skills");
        assert_eq!(s.ratings.len(), 35);
        assert!(s
            .ratings
            .windows(2)
            .all(|w| w[0].importance >= w[1].importance));
    }
}
