//! Domain types: roles, their sourced facts, sources, ladders and moves.
//!
//! Pure data with serde derives and no I/O. `build.rs` uses it to validate
//! and encode the bundled catalog and the library to decode it and to read
//! user data, so it depends on `serde` alone.
//!
//! Every fact carries the id of the source it came from. Lists of facts
//! taken from one source are grouped (`List`, `Prose`) so that the TOML
//! stays readable. Optional values that no source gives stay `None`; the
//! renderers show them as unknown.
//!
//! No `skip_serializing_if` here: the bundled catalog is encoded with
//! postcard, which needs every field present.

use serde::{Deserialize, Serialize};

/// The id of an entry in the sources catalog.
pub type SourceId = String;
/// The id of a role: lowercase kebab-case, unique across the catalog.
pub type RoleId = String;

/// One document facts are taken from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    /// Who published it, when the document says so.
    #[serde(default)]
    pub publisher: Option<String>,
    /// What kind of document: career-guide, role-profile, job-description,
    /// essay, statistics...
    pub kind: String,
    /// Publication or last-updated date as the document gives it (ISO 8601).
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// Anything worth knowing about the document itself.
    #[serde(default)]
    pub note: Option<String>,
    /// Works the document itself cites as its sources.
    #[serde(default)]
    pub cites: Vec<String>,
}

/// The file `sources.toml`: `[[source]]` tables.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    #[serde(default)]
    pub source: Vec<Source>,
}

/// Paragraphs of prose from one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prose {
    pub source: SourceId,
    pub paragraphs: Vec<String>,
}

/// A list of short items (responsibilities, skills, pros...) from one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {
    pub source: SourceId,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    pub name: String,
    pub source: SourceId,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alias {
    pub name: String,
    pub source: SourceId,
}

/// A named quality or attribute with its explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quality {
    pub source: SourceId,
    pub name: String,
    pub text: String,
}

/// A tool category with the vendor examples a source names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolGroup {
    pub source: SourceId,
    pub tools: Vec<Tool>,
}

/// A group of the skill map: a name, what it covers, and its skills.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillGroup {
    pub source: SourceId,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub source: SourceId,
    /// The minimum, in a few words ("High school diploma or equivalent").
    #[serde(default)]
    pub minimum: Option<String>,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub items: Vec<String>,
}

/// Typical experience for the role, as a source states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    pub source: SourceId,
    #[serde(default)]
    pub min_years: Option<u32>,
    /// `None` with a `min_years` means open-ended ("5+ years").
    #[serde(default)]
    pub max_years: Option<u32>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Year,
    Hour,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub min: f64,
    pub max: f64,
}

/// Pay figures from one source, all in one currency and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    pub source: SourceId,
    /// ISO 4217 code.
    pub currency: String,
    pub period: Period,
    /// Where the figures apply ("US").
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub range: Option<Range>,
    #[serde(default)]
    pub median: Option<f64>,
    #[serde(default)]
    pub average: Option<f64>,
    #[serde(default)]
    pub entry: Option<f64>,
    #[serde(default)]
    pub mid: Option<f64>,
    #[serde(default)]
    pub senior: Option<f64>,
    /// A range given for entry-level pay ("$15-20 per hour").
    #[serde(default)]
    pub entry_range: Option<Range>,
    /// "Top 10% of earners ... starting from".
    #[serde(default)]
    pub top_10_percent_from: Option<f64>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Growing,
    Stable,
    Declining,
}

/// Employment outlook as one source states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outlook {
    pub source: SourceId,
    /// Whom the source credits for the figure ("U.S. Bureau of Labor Statistics").
    #[serde(default)]
    pub attributed_to: Option<String>,
    #[serde(default)]
    pub growth_percent: Option<f64>,
    #[serde(default)]
    pub trend: Option<Trend>,
    /// The source's words ("Growing faster than average").
    #[serde(default)]
    pub status: Option<String>,
    /// The year the projection runs to, when given.
    #[serde(default)]
    pub through: Option<u32>,
    /// Market demand level ("High").
    #[serde(default)]
    pub demand: Option<String>,
    #[serde(default)]
    pub demand_text: Option<String>,
    #[serde(default)]
    pub automation: Option<String>,
    #[serde(default)]
    pub ai_impact: Option<String>,
    /// The year the AI-impact estimate runs to, when given.
    #[serde(default)]
    pub ai_impact_through: Option<u32>,
    #[serde(default)]
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remote {
    pub source: SourceId,
    /// The source's label, when it gives one ("remote-friendly").
    #[serde(default)]
    pub remote_friendly: Option<bool>,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobMarket {
    pub source: SourceId,
    #[serde(default)]
    pub challenges: Option<String>,
    #[serde(default)]
    pub growth_paths: Option<String>,
    #[serde(default)]
    pub trends: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeBlock {
    /// "Morning".
    pub label: String,
    /// "9:00 AM".
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub focus: Option<String>,
    #[serde(default)]
    pub tasks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayInTheLife {
    pub source: SourceId,
    #[serde(default)]
    pub blocks: Vec<TimeBlock>,
    #[serde(default)]
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkLife {
    pub source: SourceId,
    /// "Moderate", "Moderate to High".
    #[serde(default)]
    pub stress: Option<String>,
    /// "Challenging".
    #[serde(default)]
    pub balance: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseStudy {
    pub source: SourceId,
    pub title: String,
    pub story: String,
    pub takeaway: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub source: SourceId,
    pub question: String,
    pub answer: String,
}

/// A performance metric the role is measured by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub source: SourceId,
    pub name: String,
    /// "CSAT", "AHT".
    #[serde(default)]
    pub short: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// A day-to-day number: contacts per shift, call length, typing speed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub source: SourceId,
    pub name: String,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    /// "contacts", "minutes", "words per minute".
    pub unit: String,
    #[serde(default)]
    pub context: Option<String>,
}

/// A role this one reports to. `role` links a catalog entry when there is one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleRef {
    pub source: SourceId,
    pub title: String,
    #[serde(default)]
    pub role: Option<RoleId>,
    #[serde(default)]
    pub note: Option<String>,
}

/// How this role differs from a look-alike role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Difference {
    pub source: SourceId,
    pub title: String,
    #[serde(default)]
    pub role: Option<RoleId>,
    pub text: String,
}

/// One tier of a career ladder. Its level code and pay band come from
/// the ladder's source, like the rest of the tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub title: String,
    /// The experience at which the tier starts, when the source says.
    #[serde(default)]
    pub min_years: Option<u32>,
    /// With a `min_years`, `None` means open-ended ("7+ years").
    #[serde(default)]
    pub max_years: Option<u32>,
    #[serde(default)]
    pub description: Option<String>,
    /// The catalog role this tier is, when there is one.
    #[serde(default)]
    pub role: Option<RoleId>,
    /// The level code the source gives the tier (`L3`, `IC2`, `M1`).
    #[serde(default)]
    pub level: Option<String>,
    /// The tier's pay band, written `pay` in the file.
    #[serde(default, rename = "pay")]
    pub band: Option<PayBand>,
}

/// A pay band of a ladder tier: from `min` to `max`, in one currency and
/// period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayBand {
    pub min: f64,
    pub max: f64,
    /// ISO 4217 code.
    pub currency: String,
    pub period: Period,
}

/// A career ladder as one source lays it out, lowest tier first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    pub source: SourceId,
    pub name: String,
    pub tiers: Vec<Tier>,
}

/// A ladder in a file of its own, `ladders/<id>.toml`: the ladder's
/// fields with an `id`, the file's name. The file is flat (`id`, `name`,
/// `source`, `[[tiers]]`); it is read through [`LadderFileToml`] because
/// serde's `flatten` would give up `deny_unknown_fields`, the TOML spans
/// and postcard (see [`Sourced`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "LadderFileToml", into = "LadderFileToml")]
pub struct LadderFile {
    pub id: String,
    pub ladder: Ladder,
}

/// The fields of a ladder file as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderFileToml {
    pub id: String,
    pub name: String,
    pub source: SourceId,
    pub tiers: Vec<Tier>,
}

impl From<LadderFileToml> for LadderFile {
    fn from(f: LadderFileToml) -> LadderFile {
        LadderFile {
            id: f.id,
            ladder: Ladder {
                source: f.source,
                name: f.name,
                tiers: f.tiers,
            },
        }
    }
}

impl From<LadderFile> for LadderFileToml {
    fn from(f: LadderFile) -> LadderFileToml {
        LadderFileToml {
            id: f.id,
            name: f.ladder.name,
            source: f.ladder.source,
            tiers: f.ladder.tiers,
        }
    }
}

impl Ladder {
    /// The role ids its tiers link, each once, in tier order.
    pub fn linked_roles(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for id in self.tiers.iter().filter_map(|t| t.role.as_deref()) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MoveKind {
    /// Up a ladder.
    Promotion,
    /// Into another field or function.
    Lateral,
    /// A role a source lists as related.
    Related,
}

/// A move out of this role that a source names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Move {
    pub source: SourceId,
    /// The destination as the source names it.
    pub to: String,
    /// The catalog role, when the destination has a profile.
    #[serde(default)]
    pub role: Option<RoleId>,
    pub kind: MoveKind,
    #[serde(default)]
    pub min_years: Option<u32>,
    #[serde(default)]
    pub max_years: Option<u32>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A link from a curated role to a Standard Occupational Classification code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SocLink {
    pub code: String,
    /// The source that backs the link, when one does.
    #[serde(default)]
    pub source: Option<SourceId>,
    /// Why this code, when no source states it.
    #[serde(default)]
    pub reason: Option<String>,
    /// The SOC occupation is broader or narrower than the role.
    #[serde(default)]
    pub approximate: bool,
}

/// A role: everything the sources say about one job title.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: RoleId,
    pub title: String,
    pub family: Family,
    #[serde(default)]
    pub aliases: Vec<Alias>,
    #[serde(default)]
    pub summary: Vec<Prose>,
    #[serde(default)]
    pub overview: Vec<Prose>,
    #[serde(default)]
    pub responsibilities: Vec<List>,
    #[serde(default)]
    pub work_setting: Vec<Prose>,
    /// Kinds of employers and industries that hire for the role.
    #[serde(default)]
    pub employers: Vec<List>,
    #[serde(default)]
    pub tech_stack: Vec<ToolGroup>,
    #[serde(default)]
    pub tech_skills: Vec<List>,
    #[serde(default)]
    pub soft_skills: Vec<List>,
    /// Attributes employers look for, each with its explanation.
    #[serde(default)]
    pub qualities: Vec<Quality>,
    #[serde(default)]
    pub skill_map: Vec<SkillGroup>,
    #[serde(default)]
    pub education: Vec<Education>,
    #[serde(default)]
    pub certifications: Vec<List>,
    #[serde(default)]
    pub experience: Vec<Experience>,
    /// How to get into the role.
    #[serde(default)]
    pub getting_started: Vec<Prose>,
    #[serde(default)]
    pub salary: Vec<Salary>,
    #[serde(default)]
    pub outlook: Vec<Outlook>,
    #[serde(default)]
    pub remote: Vec<Remote>,
    #[serde(default)]
    pub global_outlook: Vec<Prose>,
    #[serde(default)]
    pub job_market: Vec<JobMarket>,
    #[serde(default)]
    pub day_in_the_life: Vec<DayInTheLife>,
    #[serde(default)]
    pub work_life: Vec<WorkLife>,
    #[serde(default)]
    pub pros: Vec<List>,
    #[serde(default)]
    pub cons: Vec<List>,
    #[serde(default)]
    pub beginner_mistakes: Vec<List>,
    #[serde(default)]
    pub advice: Vec<List>,
    #[serde(default)]
    pub case_studies: Vec<CaseStudy>,
    #[serde(default)]
    pub portfolio_tips: Vec<Prose>,
    /// A sample cover letter a source gives for the role.
    #[serde(default)]
    pub cover_letter: Vec<Prose>,
    #[serde(default)]
    pub faq: Vec<Faq>,
    #[serde(default)]
    pub metrics: Vec<Metric>,
    #[serde(default)]
    pub figures: Vec<Figure>,
    #[serde(default)]
    pub reports_to: Vec<RoleRef>,
    #[serde(default)]
    pub differs_from: Vec<Difference>,
    #[serde(default)]
    pub related: Vec<RoleRef>,
    #[serde(default)]
    pub ladder: Vec<Ladder>,
    #[serde(default)]
    pub moves: Vec<Move>,
    #[serde(default)]
    pub soc: Vec<SocLink>,
}

/// A block of facts that names the source it comes from: every block a
/// role holds, but a SOC link (see [`Role::sourced_blocks`]).
///
/// A trait over the existing types rather than a generic wrapper
/// `Sourced<T> { source, #[serde(flatten)] inner: T }`, because flattening
/// would give up three things: `deny_unknown_fields` (serde does not
/// support it together with `flatten`, so a typo in a role file would
/// vanish silently); the TOML spans that place a problem at its key
/// (flattened fields are buffered before they are deserialized, and lose
/// their spans); and postcard, which can neither encode a flattened struct
/// (serde writes it as a map of unknown length) nor decode one (that needs
/// `deserialize_any`, which postcard does not implement).
pub trait Sourced {
    /// The id of the source, an entry of some `sources.toml`.
    fn source(&self) -> &str;
}

macro_rules! sourced {
    ($($block:ty),* $(,)?) => {
        $(impl Sourced for $block {
            fn source(&self) -> &str {
                &self.source
            }
        })*
    };
}

sourced!(
    Prose,
    List,
    Family,
    Alias,
    Quality,
    ToolGroup,
    SkillGroup,
    Education,
    Experience,
    Salary,
    Outlook,
    Remote,
    JobMarket,
    DayInTheLife,
    WorkLife,
    CaseStudy,
    Faq,
    Metric,
    Figure,
    RoleRef,
    Difference,
    Ladder,
    Move,
);

/// The role fields whose blocks cite a source, as the TOML names them, in
/// the role's order: what a role file's default `source` (a `source` key
/// at the top of the file) applies to, for each block that names none.
/// Not `soc`: a SOC link stands on a source or on a reason, and a default
/// would make a reasoned link cite a document that does not give it.
pub const SOURCED_FIELDS: &[&str] = &[
    "family",
    "aliases",
    "summary",
    "overview",
    "responsibilities",
    "work_setting",
    "employers",
    "tech_stack",
    "tech_skills",
    "soft_skills",
    "qualities",
    "skill_map",
    "education",
    "certifications",
    "experience",
    "getting_started",
    "salary",
    "outlook",
    "remote",
    "global_outlook",
    "job_market",
    "day_in_the_life",
    "work_life",
    "pros",
    "cons",
    "beginner_mistakes",
    "advice",
    "case_studies",
    "portfolio_tips",
    "cover_letter",
    "faq",
    "metrics",
    "figures",
    "reports_to",
    "differs_from",
    "related",
    "ladder",
    "moves",
];

impl SocLink {
    /// The id of the source backing the link. Optional, unlike every other
    /// block's, because a link may rest on a `reason` instead; so `SocLink`
    /// is not [`Sourced`], and [`Role::sourced_blocks`] walks the links
    /// that name a source.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
}

/// Where a role cites a source: one item of [`Role::sourced_blocks`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourcedBlock<'a> {
    /// The role's field, as the TOML names it (`salary`, `family`).
    pub field: &'static str,
    /// The block's place in the field's list; `None` for `family`, the one
    /// sourced field that holds a single table.
    pub index: Option<usize>,
    /// The id of the source.
    pub source: &'a str,
}

/// The blocks of one list field, numbered.
fn blocks<'a, T: Sourced>(
    field: &'static str,
    list: &'a [T],
) -> impl Iterator<Item = SourcedBlock<'a>> + 'a {
    list.iter().enumerate().map(move |(i, b)| SourcedBlock {
        field,
        index: Some(i),
        source: b.source(),
    })
}

impl Role {
    /// Every block of the role that names a source, in the order of the
    /// role's fields and, within a field, of its list: the one walk that
    /// validation (every source must exist) and citations (numbered in
    /// order of first appearance) both use, so that a new sourced field is
    /// added here once. SOC links appear when they name a source.
    pub fn sourced_blocks(&self) -> impl Iterator<Item = SourcedBlock<'_>> + '_ {
        let r = self;
        std::iter::once(SourcedBlock {
            field: "family",
            index: None,
            source: r.family.source(),
        })
        .chain(blocks("aliases", &r.aliases))
        .chain(blocks("summary", &r.summary))
        .chain(blocks("overview", &r.overview))
        .chain(blocks("responsibilities", &r.responsibilities))
        .chain(blocks("work_setting", &r.work_setting))
        .chain(blocks("employers", &r.employers))
        .chain(blocks("tech_stack", &r.tech_stack))
        .chain(blocks("tech_skills", &r.tech_skills))
        .chain(blocks("soft_skills", &r.soft_skills))
        .chain(blocks("qualities", &r.qualities))
        .chain(blocks("skill_map", &r.skill_map))
        .chain(blocks("education", &r.education))
        .chain(blocks("certifications", &r.certifications))
        .chain(blocks("experience", &r.experience))
        .chain(blocks("getting_started", &r.getting_started))
        .chain(blocks("salary", &r.salary))
        .chain(blocks("outlook", &r.outlook))
        .chain(blocks("remote", &r.remote))
        .chain(blocks("global_outlook", &r.global_outlook))
        .chain(blocks("job_market", &r.job_market))
        .chain(blocks("day_in_the_life", &r.day_in_the_life))
        .chain(blocks("work_life", &r.work_life))
        .chain(blocks("pros", &r.pros))
        .chain(blocks("cons", &r.cons))
        .chain(blocks("beginner_mistakes", &r.beginner_mistakes))
        .chain(blocks("advice", &r.advice))
        .chain(blocks("case_studies", &r.case_studies))
        .chain(blocks("portfolio_tips", &r.portfolio_tips))
        .chain(blocks("cover_letter", &r.cover_letter))
        .chain(blocks("faq", &r.faq))
        .chain(blocks("metrics", &r.metrics))
        .chain(blocks("figures", &r.figures))
        .chain(blocks("reports_to", &r.reports_to))
        .chain(blocks("differs_from", &r.differs_from))
        .chain(blocks("related", &r.related))
        .chain(blocks("ladder", &r.ladder))
        .chain(blocks("moves", &r.moves))
        .chain(r.soc.iter().enumerate().filter_map(|(i, link)| {
            Some(SourcedBlock {
                field: "soc",
                index: Some(i),
                source: link.source()?,
            })
        }))
    }
}

/// A role's short facts: its names, family, pay, outlook, ladders and SOC
/// links, what `ladder`, `list` and `salary` show. Encoded apart from the
/// whole role (prose, duties, skills, tools, moves and advice are most of a
/// profile's size, and of its decoding time), see [`crate::pack`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RoleCore {
    pub id: RoleId,
    pub title: String,
    pub family: Family,
    pub aliases: Vec<Alias>,
    pub salary: Vec<Salary>,
    pub outlook: Vec<Outlook>,
    pub ladder: Vec<Ladder>,
    pub soc: Vec<SocLink>,
}

impl RoleCore {
    /// The short facts of `role`.
    pub fn of(role: &Role) -> RoleCore {
        RoleCore {
            id: role.id.clone(),
            title: role.title.clone(),
            family: role.family.clone(),
            aliases: role.aliases.clone(),
            salary: role.salary.clone(),
            outlook: role.outlook.clone(),
            ladder: role.ladder.clone(),
            soc: role.soc.clone(),
        }
    }
}

/// What a command needs of a role without decoding all of it: its names,
/// its SOC links, and where its encoding lies (see [`crate::pack`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RoleHead {
    pub id: RoleId,
    pub title: String,
    pub aliases: Vec<String>,
    /// The SOC codes the role is linked to, with whether the link is
    /// approximate.
    pub soc: Vec<(String, bool)>,
    /// The [`role_key`] of each role the tiers of its ladders link, each
    /// once: which roles' ladders a role may be on is found without
    /// decoding any. Keys rather than ids, so that loading the heads of a
    /// cache decodes no string per link (10,000 generated roles link
    /// 35,000); two ids may share a key, so a match is checked on the
    /// decoded ladder.
    pub ladder_roles: Vec<u32>,
    /// The byte range of the role's postcard encoding in its bodies.
    pub body: (u64, u64),
    /// The byte range of its short facts alone ([`RoleCore`]);
    /// empty when there is no separate encoding of them.
    pub core: (u64, u64),
}

impl RoleHead {
    pub fn of(role: &Role, body: (u64, u64), core: (u64, u64)) -> RoleHead {
        RoleHead {
            id: role.id.clone(),
            title: role.title.clone(),
            aliases: role.aliases.iter().map(|a| a.name.clone()).collect(),
            soc: role
                .soc
                .iter()
                .map(|l| (l.code.clone(), l.approximate))
                .collect(),
            ladder_roles: {
                let mut keys: Vec<u32> = Vec::new();
                for id in role.ladder.iter().flat_map(|l| l.linked_roles()) {
                    let key = role_key(id);
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                }
                keys
            },
            body,
            core,
        }
    }
}

/// A role id's key in [`RoleHead::ladder_roles`]: its 32-bit FNV-1a hash,
/// the same in build.rs, in the cache and at run time.
pub fn role_key(id: &str) -> u32 {
    id.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The bundled catalog as build.rs encodes it: the sources, and each
/// role's head; the role bodies are a separate blob.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub sources: Vec<Source>,
    pub roles: Vec<RoleHead>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::{self, Visitor};

    /// The keys are stored in the bundle and in caches: a change of the
    /// function must bump the cache's format.
    #[test]
    fn role_keys_are_fnv_1a() {
        assert_eq!(role_key(""), 0x811c_9dc5);
        assert_eq!(role_key("a"), 0xe40c_292c);
        assert_eq!(role_key("foobar"), 0xbf9c_f968);
    }

    /// The names of a struct's fields in declaration order, as serde's
    /// derive hands them to `deserialize_struct`.
    struct FieldNames(std::cell::Cell<&'static [&'static str]>);

    impl<'de> de::Deserializer<'de> for &FieldNames {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("only a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.set(fields);
            Err(de::Error::custom("names taken"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    fn role_fields() -> &'static [&'static str] {
        let names = FieldNames(std::cell::Cell::new(&[]));
        let _ = Role::deserialize(&names);
        names.0.get()
    }

    /// How many `source` strings lie under each top-level key of `role`
    /// serialized.
    fn sources_per_field(role: &Role) -> Vec<(String, usize)> {
        fn count(v: &toml::Value) -> usize {
            match v {
                toml::Value::Table(t) => t
                    .iter()
                    .map(|(k, v)| usize::from(k == "source" && v.is_str()) + count(v))
                    .sum(),
                toml::Value::Array(a) => a.iter().map(count).sum(),
                _ => 0,
            }
        }
        let value = toml::Value::try_from(role).expect("a role serializes");
        let table = value.as_table().expect("a table");
        let mut out: Vec<(String, usize)> = table
            .iter()
            .map(|(k, v)| (k.clone(), count(v)))
            .filter(|(_, n)| *n > 0)
            .collect();
        out.sort();
        out
    }

    fn full_role() -> Role {
        toml::from_str(crate::testdata::FULL_ROLE).expect("FULL_ROLE parses")
    }

    #[test]
    fn the_test_role_fills_every_field() {
        let value = toml::Value::try_from(full_role()).expect("serializes");
        let table = value.as_table().expect("a table");
        for field in role_fields() {
            let v = table.get(*field);
            let empty = v.is_none_or(|v| v.as_array().is_some_and(|a| a.is_empty()));
            assert!(!empty, "FULL_ROLE leaves `{field}` empty");
        }
    }

    #[test]
    fn the_walk_visits_every_source_in_field_order() {
        let role = full_role();
        let walked: Vec<SourcedBlock<'_>> = role.sourced_blocks().collect();
        let mut per_field: Vec<(String, usize)> = Vec::new();
        for b in &walked {
            match per_field.last_mut() {
                Some((f, n)) if f == b.field => *n += 1,
                _ => per_field.push((b.field.to_string(), 1)),
            }
        }
        // In the order of the struct's fields: every field but the id and
        // the title holds sourced blocks.
        let order: Vec<&str> = per_field.iter().map(|(f, _)| f.as_str()).collect();
        let want: Vec<&str> = role_fields()
            .iter()
            .copied()
            .filter(|f| !["id", "title"].contains(f))
            .collect();
        assert_eq!(order, want);
        // And as many of them as the serialized role has `source` keys.
        per_field.sort();
        assert_eq!(per_field, sources_per_field(&role));
    }

    #[test]
    fn the_fields_a_default_source_applies_to_are_the_walks_but_soc() {
        let role = full_role();
        let mut walked: Vec<&str> = Vec::new();
        for b in role.sourced_blocks() {
            if b.field != "soc" && !walked.contains(&b.field) {
                walked.push(b.field);
            }
        }
        assert_eq!(walked, SOURCED_FIELDS);
    }

    #[test]
    fn a_ladder_file_reads_flat_and_round_trips_through_postcard() {
        let text = "id = \"l\"\nname = \"L\"\nsource = \"s\"\n\n[[tiers]]\ntitle = \"T\"\nlevel = \"L1\"\n\
                    pay = { min = 1, max = 2, currency = \"USD\", period = \"year\" }\n";
        let f: LadderFile = toml::from_str(text).expect("parses");
        assert_eq!((f.id.as_str(), f.ladder.source.as_str()), ("l", "s"));
        let t = &f.ladder.tiers[0];
        assert_eq!(t.level.as_deref(), Some("L1"));
        assert_eq!(t.band.as_ref().map(|b| (b.min, b.max)), Some((1.0, 2.0)));
        assert_eq!(t.min_years, None);
        let bytes = postcard::to_stdvec(&f).expect("encodes");
        assert_eq!(
            postcard::from_bytes::<LadderFile>(&bytes).expect("decodes"),
            f
        );
        let typo = text.replace("level", "levle");
        let err = toml::from_str::<LadderFile>(&typo).expect_err("unknown field");
        assert!(err.message().contains("unknown field `levle`"), "{err}");
    }

    #[test]
    fn the_walk_numbers_blocks_within_their_field() {
        let role = full_role();
        let salary: Vec<(Option<usize>, &str)> = role
            .sourced_blocks()
            .filter(|b| b.field == "salary")
            .map(|b| (b.index, b.source))
            .collect();
        assert_eq!(salary, [(Some(0), "src-a"), (Some(1), "src-b")]);
        let first = role.sourced_blocks().next().expect("a family");
        assert_eq!((first.field, first.index), ("family", None));
        // A SOC link stands on a source or a reason; only the first cites.
        let soc: Vec<_> = role
            .sourced_blocks()
            .filter(|b| b.field == "soc")
            .map(|b| (b.index, b.source))
            .collect();
        assert_eq!(soc, [(Some(0), "src-b")]);
        assert_eq!(role.soc[1].source(), None);
    }
}
