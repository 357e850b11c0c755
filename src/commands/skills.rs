//! `careers skills ROLE`: a role's skill map, skills and qualities as its
//! guides give them, and the O*NET ratings of its SOC occupation.
//! `careers skills --find SKILL`: the roles whose guides list a skill.
//! `careers skills --rank SKILL`: see [`crate::commands::rank`].

use crate::catalog::{Catalog, Origin};
use crate::citations::Citations;
use crate::cli::SkillsArgs;
pub use crate::commands::rank::RankView;
use crate::commands::search::{round3, shown};
use crate::commands::soc_facts::{self, Rating, IMPORTANCE_SCALE};
use crate::error::{Error, Result};
use crate::model::{List, Quality, SkillGroup};
use crate::official::SkillBasis;
use crate::search::Searcher;
use serde::{Serialize, Serializer};
use std::ops::Range;

#[derive(Debug)]
pub enum SkillsView<'a> {
    Map(SkillMapView<'a>),
    Find(FindView<'a>),
    Rank(RankView<'a>),
}

impl Serialize for SkillsView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            SkillsView::Map(v) => v.serialize(s),
            SkillsView::Find(v) => v.serialize(s),
            SkillsView::Rank(v) => v.serialize(s),
        }
    }
}

/// A role's skills as its sources give them.
#[derive(Debug, Serialize)]
pub struct SkillMapView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// `bundled`, a user file's path, or `official` (an official
    /// occupation, which has no guides: text shows its O*NET ratings only).
    #[serde(serialize_with = "as_text")]
    pub origin: Origin,
    pub skill_map: &'a [SkillGroup],
    pub tech_skills: &'a [List],
    pub soft_skills: &'a [List],
    pub qualities: &'a [Quality],
    /// The O*NET ratings of each SOC occupation the role links to (exact
    /// links first); empty for a role without a SOC link.
    pub onet_skills: Vec<OnetSkills>,
    /// The sources cited above, in order of first citation.
    #[serde(serialize_with = "cited_sources")]
    pub sources: Citations<'a>,
}

/// The 35 O*NET skills of one SOC occupation, most important first; or
/// why there are none.
#[derive(Debug, Serialize)]
pub struct OnetSkills {
    pub soc: &'static str,
    pub title: &'static str,
    /// The occupation is broader or narrower than the role.
    pub approximate: bool,
    pub source: &'static str,
    /// What the numbers mean: `1 (not important) to 5 (extremely important)`.
    pub scale: &'static str,
    /// `{"kind": "direct"}`, or `{"kind": "mean_of", "components": [...]}`
    /// for careers' mean over a BLS aggregate's components; `null` when
    /// O*NET rates no skills for the occupation.
    pub basis: Option<SkillBasis>,
    /// `[{name, importance}]`, most important first (ties by name).
    pub ratings: Vec<Rating>,
    /// Why `ratings` is empty; `null` when it is not.
    pub unknown: Option<String>,
}

/// The ratings of every SOC occupation `soc` links to.
pub fn onet_skills(soc: &[crate::model::SocLink]) -> Vec<OnetSkills> {
    soc_facts::links(soc)
        .into_iter()
        .map(|l| match soc_facts::skills(&l) {
            Some(s) => OnetSkills {
                soc: l.soc,
                title: l.title,
                approximate: l.approximate,
                source: s.source,
                scale: IMPORTANCE_SCALE,
                basis: Some(s.basis),
                ratings: s.ratings,
                unknown: None,
            },
            None => OnetSkills {
                soc: l.soc,
                title: l.title,
                approximate: l.approximate,
                source: crate::official::ONET_30_2,
                scale: IMPORTANCE_SCALE,
                basis: None,
                ratings: Vec::new(),
                unknown: Some(format!(
                    "O*NET 30.2 rates no skills for SOC {} (coverage: data/occupations/README.md)",
                    l.soc
                )),
            },
        })
        .collect()
}

fn as_text<S: Serializer>(v: &Origin, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(v)
}

/// The cited sources as JSON gives them: their catalog entries.
fn cited_sources<S: Serializer>(
    sources: &Citations<'_>,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    serializer.collect_seq(sources.sources())
}

/// Which list of a role a skill sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillKind {
    SkillMap,
    Technical,
    Soft,
}

/// One skill of a role that matched.
#[derive(Debug, Clone, Serialize)]
pub struct SkillMatch {
    pub kind: SkillKind,
    /// The skill-map group's name, or "technical skills" / "soft skills".
    pub group: String,
    pub skill: String,
    pub score: f64,
    pub source: String,
    #[serde(skip)]
    pub highlight: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkillRole {
    pub id: String,
    pub title: String,
    /// The best match's score.
    pub score: f64,
    /// Every matching skill, best first.
    pub matches: Vec<SkillMatch>,
}

#[derive(Debug, Clone)]
pub struct FindView<'a> {
    pub query: String,
    /// Best first.
    pub roles: Vec<SkillRole>,
    /// The sources the matches cite, role by role, for the legend.
    pub sources: Citations<'a>,
    /// The O*NET skill the query names, if it names one: text points to
    /// `--rank` for it.
    pub onet_skill: Option<&'static str>,
}

/// JSON is the array of roles alone.
impl Serialize for FindView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.roles.serialize(s)
    }
}

pub fn run<'a>(catalog: &'a Catalog, args: &SkillsArgs) -> Result<SkillsView<'a>> {
    match (&args.role, &args.find, &args.rank) {
        (Some(role), None, None) => map(catalog, role).map(SkillsView::Map),
        (None, Some(skill), None) => find(catalog, skill).map(SkillsView::Find),
        (None, None, Some(skill)) => {
            crate::commands::rank::run(catalog, skill, args).map(SkillsView::Rank)
        }
        // clap enforces exactly one; say so if that ever changes.
        _ => Err(Error::Usage(
            "give a ROLE, --find SKILL or --rank SKILL: exactly one".into(),
        )),
    }
}

fn map<'a>(catalog: &'a Catalog, name: &str) -> Result<SkillMapView<'a>> {
    let entry = catalog.resolve_index(name)?;
    let role = catalog.entry(entry)?;
    let onet = onet_skills(&role.soc);
    // In the order text output shows them; a kind of list whose lists are
    // all empty shows "unknown" and cites nothing.
    let mut sources = Citations::new(&catalog.sources);
    let lists = |lists: &'a [List]| {
        let any = lists.iter().any(|l| !l.items.is_empty());
        lists.iter().filter(move |_| any).map(|l| l.source.as_str())
    };
    sources.cite_all(role.skill_map.iter().map(|g| g.source.as_str()));
    sources.cite_all(lists(&role.tech_skills));
    sources.cite_all(lists(&role.soft_skills));
    sources.cite_all(role.qualities.iter().map(|q| q.source.as_str()));
    sources.cite_all(onet.iter().map(|o| o.source));
    Ok(SkillMapView {
        id: &role.id,
        title: &role.title,
        origin: catalog.origin_at(entry),
        onet_skills: onet,
        skill_map: &role.skill_map,
        tech_skills: &role.tech_skills,
        soft_skills: &role.soft_skills,
        qualities: &role.qualities,
        sources,
    })
}

fn find<'a>(catalog: &'a Catalog, skill: &str) -> Result<FindView<'a>> {
    let mut searcher = Searcher::new(skill)
        .map_err(|e| Error::Usage(format!("the skill `{}` {e}", shown(skill))))?;
    let mut roles = Vec::new();
    for role in catalog.roles() {
        let role = role?;
        let mut matches = Vec::new();
        let mut try_skill = |kind, group: &str, text: &str, source: &str| {
            if let Some((score, highlight)) = searcher.highlight(text) {
                matches.push(SkillMatch {
                    kind,
                    group: group.to_string(),
                    skill: text.to_string(),
                    score: round3(score),
                    source: source.to_string(),
                    highlight,
                });
            }
        };
        for g in &role.skill_map {
            for s in &g.skills {
                try_skill(SkillKind::SkillMap, &g.name, s, &g.source);
            }
        }
        for l in &role.tech_skills {
            for s in &l.items {
                try_skill(SkillKind::Technical, "technical skills", s, &l.source);
            }
        }
        for l in &role.soft_skills {
            for s in &l.items {
                try_skill(SkillKind::Soft, "soft skills", s, &l.source);
            }
        }
        if matches.is_empty() {
            continue;
        }
        // Stable: equal scores keep the order above.
        matches.sort_by(|a, b| b.score.total_cmp(&a.score));
        roles.push(SkillRole {
            id: role.id.clone(),
            title: role.title.clone(),
            score: matches[0].score,
            matches,
        });
    }
    if roles.is_empty() {
        // Suggest the exact command only when the skill is quoted whole.
        let search = if shown(skill) == skill {
            format!("careers search {}", shell_word(skill))
        } else {
            "careers search".to_string()
        };
        let rank = match crate::commands::rank::onet_skill(skill) {
            Ok(name) => format!(
                "\n`careers skills --rank {}` ranks the official occupations by O*NET's \
                 importance of {name}.",
                shell_word(&name.to_lowercase())
            ),
            Err(_) => String::new(),
        };
        return Err(Error::NoResults(format!(
            "no role lists a skill matching `{}`\n\n\
             `{search}` also looks at titles, tools and responsibilities.{rank}",
            shown(skill),
        )));
    }
    roles.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.matches.len().cmp(&a.matches.len()))
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut sources = Citations::new(&catalog.sources);
    sources.cite_all(
        roles
            .iter()
            .flat_map(|r| r.matches.iter().map(|m| m.source.as_str())),
    );
    Ok(FindView {
        query: skill.to_string(),
        roles,
        sources,
        onet_skill: crate::commands::rank::onet_skill(skill).ok(),
    })
}

/// `s` quoted for a shell when it needs to be.
pub fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_commands_quote_what_needs_quoting() {
        assert_eq!(shell_word("crm"), "crm");
        assert_eq!(shell_word("active listening"), "'active listening'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
    }
}
