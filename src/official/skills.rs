//! The importance of the 35 O*NET skills for an occupation (O*NET 30.2,
//! source [`ONET_30_2`]), by 6-digit SOC code.

use super::categories::Match;
use super::data;
use super::ONET_30_2;
use serde::Serialize;

/// The 35 O*NET skill names, in the order of onet_skills.tsv (alphabetical;
/// not O*NET's element order, which the bundled tables do not carry).
pub fn skill_names() -> &'static [&'static str] {
    &data::SKILL_NAMES
}

/// An occupation's importance ratings, 1 (not important) to 5 (extremely
/// important), parallel to [`skill_names`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skills {
    pub source: &'static str,
    pub importance: Vec<f64>,
    pub basis: SkillBasis,
}

/// Where the ratings come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum SkillBasis {
    /// The table's row for this SOC code, as published (two decimals;
    /// upstream already averaged the O*NET-SOC codes of the SOC, see the
    /// data README).
    Direct,
    /// A DERIVED value, computed by careers: the unweighted mean, skill by
    /// skill, of the rows of these component SOC codes. Only for the 12
    /// BLS aggregate codes (13-1020 Buyers and Purchasing Agents...), which
    /// have no row of their own; the components are the 6-digit codes of
    /// the O*NET occupations soc_crosswalk.tsv maps to the aggregate, those
    /// that have a row, as the data README says to do. Not rounded.
    MeanOf { components: Vec<&'static str> },
}

impl Skills {
    /// True for a value careers computed ([`SkillBasis::MeanOf`]).
    pub fn is_derived(&self) -> bool {
        matches!(self.basis, SkillBasis::MeanOf { .. })
    }

    /// The importance of the skill with this exact name.
    pub fn get(&self, name: &str) -> Option<f64> {
        let i = data::SKILL_NAMES.iter().position(|n| *n == name)?;
        self.importance.get(i).copied()
    }

    /// (name, importance), most important first; ties in name order.
    pub fn ranked(&self) -> Vec<(&'static str, f64)> {
        let mut all: Vec<(&'static str, f64)> = data::SKILL_NAMES
            .iter()
            .copied()
            .zip(self.importance.iter().copied())
            .collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        all
    }
}

fn row(i: u16) -> Option<Vec<f64>> {
    let values = data::SKILLS.get(usize::from(i))?;
    Some(values.iter().map(|&v| f64::from(v) / 100.0).collect())
}

/// The row of this 6-digit code (any code of the table, O*NET split codes
/// included).
fn row_of(soc: &str) -> Option<u16> {
    let i = data::SKILL_SOCS.binary_search(soc).ok()?;
    u16::try_from(i).ok()
}

/// The skills of OEWS occupation `soc`: its own row, or for a BLS
/// aggregate the mean of its components' rows; `None` where neither
/// exists (68 of the 830, listed in data/occupations/README.md) or `soc`
/// is not an OEWS occupation.
pub fn skills(soc: &str) -> Option<Skills> {
    let (_, r) = super::oews_row(soc)?;
    if let Some(i) = r.skills {
        return Some(Skills {
            source: ONET_30_2,
            importance: row(i)?,
            basis: SkillBasis::Direct,
        });
    }
    let (start, end) = r.crosswalk;
    let mut components: Vec<&'static str> = Vec::new();
    for &(onet, m) in data::CROSSWALK.get(usize::from(start)..usize::from(end))? {
        if m != Match::BlsAggregate {
            continue;
        }
        let code = data::ONET_CODES.get(usize::from(onet))?;
        let soc6 = code.get(..7)?;
        if row_of(soc6).is_some() && !components.contains(&soc6) {
            components.push(soc6);
        }
    }
    if components.is_empty() {
        return None;
    }
    let mut sum = vec![0.0; data::SKILL_NAMES.len()];
    for c in &components {
        for (s, v) in sum.iter_mut().zip(row(row_of(c)?)?) {
            *s += v;
        }
    }
    let n = components.len() as f64;
    Some(Skills {
        source: ONET_30_2,
        importance: sum.into_iter().map(|s| s / n).collect(),
        basis: SkillBasis::MeanOf { components },
    })
}

/// Every OEWS occupation that has skills, by SOC code, with them: for
/// ranking occupations by a skill. No block is decompressed.
pub fn all_skills() -> impl Iterator<Item = (&'static str, Skills)> {
    data::OEWS
        .iter()
        .filter_map(|soc| Some((soc, skills(soc)?)))
}
