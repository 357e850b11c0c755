//! `careers skills --rank SKILL [--area AREA] [--limit N]`: the official
//! occupations that need one of the 35 O*NET skills most, by O*NET 30.2
//! importance, with each one's official median pay in the area and its
//! BLS 2024–34 outlook.

use crate::catalog::occupations::slug;
use crate::catalog::Catalog;
use crate::citations::Citations;
use crate::cli::SkillsArgs;
use crate::commands::official::{self, AreaRef};
use crate::commands::search::shown;
use crate::commands::soc_facts::{self, Linked, Outlook, IMPORTANCE_SCALE};
use crate::error::{Error, Result};
use crate::model::SocLink;
use crate::official::{AllOccupations, ONET_30_2};
use crate::pay::{self, PayFigure};
use crate::search::Searcher;
use crate::validate::normalize_name;
use serde::Serialize;

/// One occupation of the ranking.
#[derive(Debug, Serialize)]
pub struct RankRow {
    /// 1-based position: by importance, highest first, then by title.
    pub rank: usize,
    pub id: String,
    pub soc: &'static str,
    pub title: &'static str,
    /// Curated profiles linked to this occupation.
    pub curated: Vec<String>,
    /// 1 (not important) to 5 (extremely important).
    pub importance: f64,
    /// `true` for a BLS aggregate, whose ratings careers averages over its
    /// components (computed, not published).
    pub derived: bool,
    /// The occupation's official median in the area ([`crate::pay`]);
    /// `null` when the area publishes none.
    pub pay: Option<PayFigure>,
    /// BLS Employment Projections 2024–34 (national).
    pub outlook: Option<Outlook>,
}

/// The ranking of the occupations by one O*NET skill.
#[derive(Debug, Serialize)]
pub struct RankView<'a> {
    /// The O*NET skill, as O*NET names it.
    pub skill: &'static str,
    pub source: &'static str,
    pub scale: &'static str,
    /// The area of `pay`.
    pub area: AreaRef,
    /// How many occupations O*NET rates (the ranking's length before
    /// `--limit`).
    pub rated: usize,
    /// What each row's growth category is measured against.
    pub all_occupations: AllOccupations,
    pub rows: Vec<RankRow>,
    #[serde(skip)]
    pub sources: Citations<'a>,
}

pub fn run<'a>(catalog: &'a Catalog, query: &str, args: &SkillsArgs) -> Result<RankView<'a>> {
    let skill = onet_skill(query)?;
    let area = official::area(args.area.as_deref())?;
    let mut all: Vec<(&'static str, f64, bool)> = crate::official::all_skills()
        .filter_map(|(soc, s)| Some((soc, s.get(skill)?, s.is_derived())))
        .collect();
    let title = |soc: &str| crate::wages::occupation(soc).map_or("", |o| o.title);
    all.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| title(a.0).cmp(title(b.0))));
    let rated = all.len();
    if args.limit > 0 {
        all.truncate(args.limit);
    }
    let rows: Vec<RankRow> = all
        .into_iter()
        .enumerate()
        .map(|(i, (soc, importance, derived))| {
            let link = SocLink {
                code: soc.to_string(),
                source: Some(crate::wages::SOURCE_ID.to_string()),
                reason: None,
                approximate: false,
            };
            let wages = pay::for_links(std::slice::from_ref(&link), area);
            RankRow {
                rank: i + 1,
                id: slug(title(soc)),
                soc,
                title: title(soc),
                curated: catalog
                    .linked_roles(soc)
                    .map(|(r, _)| r.id.clone())
                    .collect(),
                importance,
                derived,
                pay: pay::official_headline(&wages, None, pay::DEFAULT_HOURS_PER_YEAR),
                outlook: soc_facts::outlook(&Linked {
                    soc,
                    title: title(soc),
                    approximate: false,
                }),
            }
        })
        .collect();
    let mut sources = Citations::new(&catalog.sources);
    sources.cite(ONET_30_2);
    sources.cite(crate::wages::SOURCE_ID);
    sources.cite(soc_facts::PROJECTIONS_SOURCE);
    Ok(RankView {
        skill,
        source: ONET_30_2,
        scale: IMPORTANCE_SCALE,
        area: AreaRef::of(area),
        rated,
        all_occupations: soc_facts::all_occupations(),
        rows,
        sources,
    })
}

/// The O*NET skill `query` names: the one whose name it is (in any case
/// and with any separators), else the only one it matches (typos are
/// fine: `actve listning`). A query that matches none, or several (no
/// guess is taken: `monitorng` is Monitoring or Operations Monitoring),
/// is an error listing them.
pub fn onet_skill(query: &str) -> Result<&'static str> {
    let names = crate::official::skill_names();
    let wanted = normalize_name(query);
    if let Some(n) = names.iter().find(|n| normalize_name(n) == wanted) {
        return Ok(n);
    }
    let mut searcher = Searcher::new(query)
        .map_err(|e| Error::Usage(format!("the skill `{}` {e}", shown(query))))?;
    let mut scored: Vec<(&'static str, f64)> = names
        .iter()
        .filter_map(|n| Some((*n, searcher.score(n)?)))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    match scored.as_slice() {
        [(one, _)] => Ok(one),
        [] => Err(Error::NoResults(format!(
            "`{}` is not one of the 35 O*NET skills: {}",
            shown(query),
            names.join(", ")
        ))),
        several => {
            let names: Vec<&str> = several.iter().map(|(n, _)| *n).collect();
            Err(Error::NoResults(format!(
                "`{}` matches several O*NET skills; say which: {}",
                shown(query),
                names.join(", ")
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skills_are_found_by_name_typo_or_word() {
        assert_eq!(
            onet_skill("active listening").ok(),
            Some("Active Listening")
        );
        assert_eq!(
            onet_skill("ACTIVE_LISTENING").ok(),
            Some("Active Listening")
        );
        assert_eq!(onet_skill("actve listning").ok(), Some("Active Listening"));
        assert_eq!(onet_skill("programming").ok(), Some("Programming"));
        assert_eq!(onet_skill("programing").ok(), Some("Programming"));
        assert!(onet_skill("monitorng").is_err());
        assert!(onet_skill("zendesk").is_err());
        // "management" is in four skill names: ask which.
        let e = onet_skill("management").err().map(|e| e.to_string());
        assert!(
            e.as_deref().is_some_and(|e| e.contains("say which")),
            "{e:?}"
        );
    }
}
