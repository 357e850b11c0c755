//! The official sections of a profile: what the BLS Employment
//! Projections 2024–34 and O*NET say about the SOC occupation a role is,
//! or links to. Every block names the table it comes from (its source id);
//! a table with nothing for the occupation gives the block without items
//! and says why (`unknown`), never another occupation's rows.

use crate::catalog::Catalog;
use crate::model::SocLink;
use crate::official::{
    self, AllOccupations, Education, Experience, Growth, Match, MedianWage, OnetOccupation,
    Profile, SkillBasis, TaskKind, Training,
};
use serde::Serialize;

/// One SOC occupation's official facts, block by block.
#[derive(Debug, Clone, Serialize)]
pub struct Occupation {
    /// The OEWS code (`29-1141`) and its title.
    pub soc: &'static str,
    pub title: &'static str,
    /// The occupation is broader or narrower than the role (its SOC link
    /// says so).
    pub approximate: bool,
    pub description: Block<Description>,
    pub tasks: Block<TaskItem>,
    pub technology: Block<Named>,
    pub skills: Skills,
    pub knowledge: Block<KnowledgeItem>,
    pub education: EducationFacts,
    pub experience: ExperienceFacts,
    pub outlook: OutlookFacts,
    pub related: Block<RelatedItem>,
    pub alternate_titles: Block<Named>,
    pub sample_titles: Block<String>,
}

/// Rows of one table for one occupation.
#[derive(Debug, Clone, Serialize)]
pub struct Block<T> {
    pub soc: &'static str,
    pub approximate: bool,
    /// The table's source id (for descriptions, that of the occupation
    /// itself; each item names its own).
    pub source: &'static str,
    pub items: Vec<T>,
    /// Why there are no items: the table has no row for the occupation;
    /// `null` when there are items.
    pub unknown: Option<String>,
}

/// An O*NET occupation's title and description.
#[derive(Debug, Clone, Serialize)]
pub struct Description {
    pub onet_code: &'static str,
    pub title: &'static str,
    /// The occupation itself (`.00`) or, for a BLS aggregate, each of its
    /// components; `false` for a specialty O*NET describes separately.
    pub primary: bool,
    #[serde(rename = "match")]
    pub matched: Match,
    pub release: official::DescriptionRelease,
    pub source: &'static str,
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskItem {
    /// The O*NET occupation the task belongs to, and its title.
    pub onet_code: &'static str,
    pub onet_title: &'static str,
    /// O*NET's task id.
    pub id: u32,
    pub kind: TaskKind,
    pub statement: String,
}

/// A name of an O*NET occupation's list (a technology, an alternate
/// title), with the occupation.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub onet_code: &'static str,
    pub name: String,
}

/// The 35 O*NET skills, most important first.
#[derive(Debug, Clone, Serialize)]
pub struct Skills {
    #[serde(flatten)]
    pub block: Block<SkillItem>,
    /// The table's own row (`direct`), or careers' mean of the rows of
    /// the components of a BLS aggregate (`mean_of`); `null` when unknown.
    pub basis: Option<SkillBasis>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkillItem {
    pub name: &'static str,
    /// 1 (not important) to 5 (extremely important).
    pub importance: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct KnowledgeItem {
    pub onet_code: &'static str,
    pub name: &'static str,
    /// On O*NET's 1–5 scale: `importance_0_100 / 20`, computed by careers.
    pub importance: f64,
    /// As the table gives it: `round(IM / 5 × 100)`.
    pub importance_0_100: u8,
}

#[derive(Debug, Clone, Serialize)]
pub struct RelatedItem {
    /// The O*NET occupation that lists it.
    pub onet_code: &'static str,
    pub rank: u8,
    /// The related O*NET occupation.
    pub code: &'static str,
    pub title: &'static str,
    /// The OEWS occupation `code` belongs to; `null` for the codes careers
    /// has no occupation for.
    pub soc: Option<&'static str>,
    /// The catalog id that shows it (`careers show ID`): the occupation's,
    /// or the curated role's that stands for it; `null` when none.
    pub id: Option<String>,
}

/// A BLS category, by its code and its BLS wording.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Category<T> {
    pub code: T,
    pub label: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct EducationFacts {
    pub soc: &'static str,
    pub approximate: bool,
    pub source: &'static str,
    /// BLS "typical entry-level education".
    pub entry_education: Category<Education>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExperienceFacts {
    pub soc: &'static str,
    pub approximate: bool,
    pub source: &'static str,
    /// BLS "work experience in a related occupation".
    pub work_experience: Category<Experience>,
    /// BLS "typical on-the-job training".
    pub job_training: Category<Training>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutlookFacts {
    pub soc: &'static str,
    pub approximate: bool,
    pub source: &'static str,
    pub employment_2024: u32,
    pub employment_2034: u32,
    /// Percent, one decimal, as BLS computed it.
    pub change_pct: f64,
    /// Average openings a year, 2024–34 (growth and replacements).
    pub openings_per_year: u32,
    /// The median annual wage published with the projections (May 2024).
    pub median_wage_2024: Option<MedianWage>,
    /// careers' category, against all occupations ([`Growth`]).
    pub growth: Growth,
    pub growth_label: &'static str,
    /// Every occupation of the same table together (summed by careers).
    pub all_occupations: AllOccupations,
}

impl OutlookFacts {
    /// How the change reads: growing, stable or declining.
    pub fn trend(&self) -> crate::model::Trend {
        use crate::model::Trend;
        match self.change_pct {
            c if c > 0.0 => Trend::Growing,
            c if c < 0.0 => Trend::Declining,
            _ => Trend::Stable,
        }
    }
}

/// The official facts of every SOC occupation a role links to, each once,
/// in the role's order; codes the tables do not have are left out.
pub fn for_links(catalog: &Catalog, links: &[SocLink]) -> Vec<Occupation> {
    let mut out: Vec<Occupation> = Vec::new();
    for link in links {
        if out.iter().any(|o| o.soc == link.code) {
            continue;
        }
        if let Some(p) = official::profile(&link.code) {
            out.push(of_profile(catalog, p, link.approximate));
        }
    }
    out
}

/// The O*NET occupations in the order the sections show them: the
/// occupation itself (or an aggregate's components) first, then the
/// specialties, in the crosswalk's order within each.
fn ordered(occupations: &mut [OnetOccupation]) {
    occupations.sort_by_key(|o| !o.primary);
}

/// "15-1252.00 Software Developers", or several joined: what a table was
/// looked up for.
fn looked_up(occupations: &[&OnetOccupation]) -> String {
    let names: Vec<String> = occupations
        .iter()
        .map(|o| format!("{} {}", o.code, o.title))
        .collect();
    names.join(", ")
}

/// Where blocks are from: the occupation, and how well it fits the role.
struct At {
    soc: &'static str,
    approximate: bool,
}

impl At {
    /// A block of `items`; without items, `why` says why.
    fn block<T>(&self, source: &'static str, items: Vec<T>, why: String) -> Block<T> {
        Block {
            soc: self.soc,
            approximate: self.approximate,
            source,
            unknown: items.is_empty().then_some(why),
            items,
        }
    }
}

/// Why O*NET may rate nothing: most gaps are residual "All Other" codes,
/// which O*NET describes but does not rate (data/occupations/README.md).
fn residual(occupations: &[&OnetOccupation]) -> &'static str {
    match occupations.iter().all(|o| o.title.ends_with("All Other")) {
        true => " (a residual \"All Other\" code, which O*NET describes but does not rate)",
        false => "",
    }
}

fn of_profile(catalog: &Catalog, mut p: Profile, approximate: bool) -> Occupation {
    let soc = p.soc;
    let at = At { soc, approximate };
    ordered(&mut p.occupations);
    // The text is taken out of the profile, not copied.
    let mut taken: Vec<Taken> = p.occupations.iter_mut().map(Taken::from).collect();
    let onet: Vec<&OnetOccupation> = p.occupations.iter().collect();
    let codes = looked_up(&onet);
    let residual = residual(&onet);
    let per_onet = |list: &mut dyn FnMut(&mut Taken) -> Vec<String>, taken: &mut [Taken]| {
        taken
            .iter_mut()
            .flat_map(|t| {
                let code = t.code;
                list(t).into_iter().map(move |name| Named {
                    onet_code: code,
                    name,
                })
            })
            .collect::<Vec<Named>>()
    };
    let descriptions: Vec<Description> = onet
        .iter()
        .zip(taken.iter_mut())
        .map(|(o, t)| Description {
            onet_code: o.code,
            title: o.title,
            primary: o.primary,
            matched: o.matched,
            release: o.release,
            source: o.description_source,
            description: std::mem::take(&mut t.description),
        })
        .collect();
    let description_source = descriptions
        .first()
        .map_or(official::ONET_29_1, |d| d.source);
    Occupation {
        soc,
        title: crate::wages::occupation(soc).map_or(soc, |o| o.title),
        approximate,
        description: at.block(
            description_source,
            descriptions,
            format!("O*NET describes no occupation of SOC {soc}"),
        ),
        tasks: at.block(
            official::ONET_30_0_TASKS,
            tasks(&mut taken),
            format!(
                "the O*NET 30.0 task statements careers bundles have none for {codes}{residual}"
            ),
        ),
        technology: at.block(
            official::ONET_29_1,
            per_onet(&mut |t| std::mem::take(&mut t.technology), &mut taken),
            format!("careers' O*NET 29.1 extract has no hot technology for {codes}{residual}"),
        ),
        skills: skills(&at, &p, residual),
        knowledge: at.block(
            official::ONET_29_1,
            knowledge(&onet),
            format!("careers' O*NET 29.1 extract has no knowledge ratings for {codes}{residual}"),
        ),
        education: education(&at, &p.projection),
        experience: experience(&at, &p.projection),
        outlook: outlook(&at, &p.projection),
        related: at.block(
            official::ONET_29_1,
            related(catalog, &onet),
            format!("careers' O*NET 29.1 extract has no related occupations for {codes}{residual}"),
        ),
        alternate_titles: at.block(
            official::ONET_29_1,
            per_onet(&mut |t| std::mem::take(&mut t.alt_titles), &mut taken),
            format!("careers' O*NET 29.1 extract has no alternate titles for {codes}{residual}"),
        ),
        sample_titles: at.block(
            official::BLS_EP,
            p.sample_titles.take().map(|s| s.items).unwrap_or_default(),
            format!("the BLS Employment Projections give no sample titles for SOC {soc}"),
        ),
    }
}

/// The text of one O*NET occupation's lists, taken out of its profile.
struct Taken {
    code: &'static str,
    title: &'static str,
    description: String,
    tasks: Vec<official::Task>,
    technology: Vec<String>,
    alt_titles: Vec<String>,
}

impl From<&mut OnetOccupation> for Taken {
    fn from(o: &mut OnetOccupation) -> Taken {
        Taken {
            code: o.code,
            title: o.title,
            description: std::mem::take(&mut o.description),
            tasks: o.tasks.take().map(|t| t.items).unwrap_or_default(),
            technology: o.technology.take().map(|t| t.items).unwrap_or_default(),
            alt_titles: o.alt_titles.take().map(|t| t.items).unwrap_or_default(),
        }
    }
}

fn education(at: &At, proj: &official::Projection) -> EducationFacts {
    EducationFacts {
        soc: at.soc,
        approximate: at.approximate,
        source: proj.source,
        entry_education: Category {
            code: proj.entry_education,
            label: proj.entry_education.label(),
        },
    }
}

fn experience(at: &At, proj: &official::Projection) -> ExperienceFacts {
    ExperienceFacts {
        soc: at.soc,
        approximate: at.approximate,
        source: proj.source,
        work_experience: Category {
            code: proj.work_experience,
            label: proj.work_experience.label(),
        },
        job_training: Category {
            code: proj.job_training,
            label: proj.job_training.label(),
        },
    }
}

fn outlook(at: &At, proj: &official::Projection) -> OutlookFacts {
    OutlookFacts {
        soc: at.soc,
        approximate: at.approximate,
        source: proj.source,
        employment_2024: proj.employment_2024,
        employment_2034: proj.employment_2034,
        change_pct: proj.change_pct,
        openings_per_year: proj.openings_per_year,
        median_wage_2024: proj.median_wage_2024,
        growth: proj.growth(),
        growth_label: proj.growth().label(),
        all_occupations: official::all_occupations_change(),
    }
}

/// Every task, by O*NET occupation ([`ordered`]), core first within each.
fn tasks(taken: &mut [Taken]) -> Vec<TaskItem> {
    taken
        .iter_mut()
        .flat_map(|o| {
            let (code, title) = (o.code, o.title);
            let mut own: Vec<TaskItem> = std::mem::take(&mut o.tasks)
                .into_iter()
                .map(|t| TaskItem {
                    onet_code: code,
                    onet_title: title,
                    id: t.id,
                    kind: t.kind,
                    statement: t.statement,
                })
                .collect();
            own.sort_by_key(|t| t.kind);
            own
        })
        .collect()
}

fn knowledge(onet: &[&OnetOccupation]) -> Vec<KnowledgeItem> {
    onet.iter()
        .flat_map(|o| {
            o.knowledge
                .iter()
                .flat_map(|k| &k.items)
                .map(|k| KnowledgeItem {
                    onet_code: o.code,
                    name: k.name,
                    importance: k.importance_im(),
                    importance_0_100: k.importance_0_100,
                })
        })
        .collect()
}

fn related(catalog: &Catalog, onet: &[&OnetOccupation]) -> Vec<RelatedItem> {
    onet.iter()
        .flat_map(|o| {
            o.related
                .iter()
                .flat_map(|r| &r.items)
                .map(|r| RelatedItem {
                    onet_code: o.code,
                    rank: r.rank,
                    code: r.code,
                    title: r.title,
                    soc: r.oews_soc,
                    id: r.oews_soc.and_then(|soc| {
                        let entry = *catalog.entries_of_soc(soc).first()?;
                        Some(catalog.entry_id(entry)?.into_owned())
                    }),
                })
        })
        .collect()
}

fn skills(at: &At, p: &Profile, residual: &str) -> Skills {
    let (items, basis) = match &p.skills {
        Some(s) => (
            s.ranked()
                .into_iter()
                .map(|(name, importance)| SkillItem { name, importance })
                .collect(),
            Some(s.basis.clone()),
        ),
        None => (Vec::new(), None),
    };
    Skills {
        block: at.block(
            official::ONET_30_2,
            items,
            format!(
                "careers' O*NET 30.2 skills table has no ratings for SOC {}{residual}",
                p.soc
            ),
        ),
        basis,
    }
}

impl Occupation {
    /// The sources of the blocks that have something, in the order the
    /// sections show them (description, tasks, technology, skills,
    /// knowledge, education and experience, outlook, related, titles).
    pub fn sources(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = self.description.items.iter().map(|d| d.source).collect();
        let blocks = [
            (self.tasks.source, self.tasks.items.is_empty()),
            (self.technology.source, self.technology.items.is_empty()),
            (self.skills.block.source, self.skills.block.items.is_empty()),
            (self.knowledge.source, self.knowledge.items.is_empty()),
            (self.education.source, false),
            (self.experience.source, false),
            (self.outlook.source, false),
            (self.related.source, self.related.items.is_empty()),
            (
                self.alternate_titles.source,
                self.alternate_titles.items.is_empty(),
            ),
            (
                self.sample_titles.source,
                self.sample_titles.items.is_empty(),
            ),
        ];
        out.extend(blocks.iter().filter(|(_, empty)| !empty).map(|(s, _)| *s));
        out
    }
}
