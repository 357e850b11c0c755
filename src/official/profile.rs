//! Everything the tables give for one OEWS occupation, decoded from its
//! block on demand.

use super::categories::{DescriptionRelease, Match, TaskKind};
use super::data::{self, OnetRow};
use super::format::{self, RawOnet};
use super::projection::Projection;
use super::skills::{self, Skills};
use super::{BLS_EP, ONET_25_1, ONET_29_1, ONET_30_0_TASKS};
use serde::Serialize;

/// A list of rows from one table, with the source id of the release it
/// comes from. Never empty: a table without rows for an occupation gives
/// `None` instead (careers says `unknown`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sourced<T> {
    pub source: &'static str,
    pub items: Vec<T>,
}

impl<T> Sourced<T> {
    fn of(source: &'static str, items: Vec<T>) -> Option<Sourced<T>> {
        (!items.is_empty()).then_some(Sourced { source, items })
    }
}

/// An OEWS occupation's official profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    /// The OEWS code (`29-1141`).
    pub soc: &'static str,
    /// The Employment Projections title, in BLS's sentence case
    /// (`Registered nurses`; source [`BLS_EP`]).
    pub bls_title: String,
    pub projection: Projection,
    /// BLS sample job titles, in BLS order; `None` for 15 occupations.
    pub sample_titles: Option<Sourced<String>>,
    /// The O*NET occupations soc_crosswalk.tsv maps to this code, in its
    /// order (by O*NET code); never empty.
    pub occupations: Vec<OnetOccupation>,
    /// `None` for the 68 occupations onet_skills.tsv does not cover.
    pub skills: Option<Skills>,
}

/// One O*NET-SOC occupation of an OEWS occupation, with its rows of the
/// per-O*NET-code tables.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OnetOccupation {
    /// The O*NET-SOC code (`29-1141.01`).
    pub code: &'static str,
    pub title: &'static str,
    pub description: String,
    /// The release the title and description come from, and its source
    /// id ([`ONET_29_1`] or [`ONET_25_1`]).
    pub release: DescriptionRelease,
    pub description_source: &'static str,
    pub matched: Match,
    /// The occupation a single description stands for: the `.00` code
    /// (match `soc`), or, for a BLS aggregate, every component.
    pub primary: bool,
    /// O*NET 30.0 task statements in file order (by task id; the order
    /// carries no ranking). Source [`ONET_30_0_TASKS`].
    pub tasks: Option<Sourced<Task>>,
    /// The 15 most important knowledge areas, in forage's order (by
    /// importance, highest first). Source [`ONET_29_1`].
    pub knowledge: Option<Sourced<Knowledge>>,
    /// O*NET hot technologies (at most 30, In Demand first then by name,
    /// as forage kept them). Source [`ONET_29_1`].
    pub technology: Option<Sourced<String>>,
    /// Five related occupations, rank order. Source [`ONET_29_1`].
    pub related: Option<Sourced<Related>>,
    /// O*NET alternate titles, in O*NET's order. Source [`ONET_29_1`].
    pub alt_titles: Option<Sourced<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Task {
    /// O*NET's task id.
    pub id: u32,
    pub kind: TaskKind,
    pub statement: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Knowledge {
    pub name: &'static str,
    /// forage's `round(IM / 5 × 100)`, IM being O*NET's importance (1–5):
    /// 20 to 100, not a 0–100 rescale.
    pub importance_0_100: u8,
}

impl Knowledge {
    /// O*NET's importance on its 1–5 scale, recovered as
    /// `importance_0_100 / 20` (a DERIVED value, within ±0.025 of O*NET's
    /// figure because forage rounded).
    pub fn importance_im(&self) -> f64 {
        f64::from(self.importance_0_100) / 20.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// Position in forage's order, 1 to 5 (the relatedness tier itself is
    /// not in the data).
    pub rank: u8,
    /// The related O*NET-SOC code and its title.
    pub code: &'static str,
    pub title: &'static str,
    /// The first 7 characters of `code`, as onet_related.tsv gives them.
    pub soc: &'static str,
    /// The OEWS occupation the crosswalk maps `code` to (13-1021.00 gives
    /// 13-1020); `None` for the codes careers has no occupation for
    /// (military codes and the two EP-only codes).
    pub oews_soc: Option<&'static str>,
}

impl Profile {
    /// The primary O*NET occupations ([`OnetOccupation::primary`]).
    pub fn primary(&self) -> impl Iterator<Item = &OnetOccupation> {
        self.occupations.iter().filter(|o| o.primary)
    }

    /// Every task of every O*NET occupation, with it, in file order.
    pub fn tasks(&self) -> impl Iterator<Item = (&OnetOccupation, &Task)> {
        self.occupations.iter().flat_map(|o| {
            o.tasks
                .iter()
                .flat_map(move |t| t.items.iter().map(move |t| (o, t)))
        })
    }

    /// [`Profile::tasks`] with Core first, then Supplemental, then those
    /// O*NET left unspecified; file order within each (a stable sort).
    pub fn tasks_core_first(&self) -> Vec<(&OnetOccupation, &Task)> {
        let mut all: Vec<_> = self.tasks().collect();
        all.sort_by_key(|(_, t)| t.kind);
        all
    }

    /// Every alternate title of every O*NET occupation, in order.
    pub fn alt_titles(&self) -> impl Iterator<Item = &str> {
        self.occupations.iter().flat_map(|o| {
            o.alt_titles
                .iter()
                .flat_map(|a| a.items.iter().map(String::as_str))
        })
    }
}

/// O*NET occupation `i`: its row, code and title.
fn onet(i: u16) -> Option<(&'static OnetRow, &'static str, &'static str)> {
    let i = usize::from(i);
    Some((
        data::ONET.get(i)?,
        data::ONET_CODES.get(i)?,
        data::ONET_TITLES.get(i)?,
    ))
}

/// The OEWS code an O*NET occupation maps to, if careers has it.
fn oews_of(o: &OnetRow) -> Option<&'static str> {
    let i = usize::from(o.bls?);
    data::SOCS.get(i)?.block?;
    data::SOC_CODES.get(i)
}

fn occupation(raw: RawOnet, matched: Match) -> Option<OnetOccupation> {
    let (row, code, title) = onet(raw.onet)?;
    let knowledge = raw
        .knowledge
        .iter()
        .map(|&(name, v)| {
            Some(Knowledge {
                name: data::KNOWLEDGE_NAMES.get(usize::from(name))?,
                importance_0_100: v,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let related = raw
        .related
        .iter()
        .enumerate()
        .map(|(i, &r)| {
            let (o, code, title) = onet(r)?;
            Some(Related {
                rank: u8::try_from(i + 1).ok()?,
                code,
                title,
                soc: code.get(..7)?,
                oews_soc: oews_of(o),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let tasks = raw
        .tasks
        .into_iter()
        .map(|t| {
            Some(Task {
                id: t.id,
                kind: *TaskKind::ALL.get(usize::from(t.kind))?,
                statement: t.statement,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(OnetOccupation {
        code,
        title,
        description: raw.description,
        release: row.release,
        description_source: match row.release {
            DescriptionRelease::R29_1 => ONET_29_1,
            DescriptionRelease::R25_1 => ONET_25_1,
        },
        matched,
        primary: matches!(matched, Match::Soc | Match::BlsAggregate),
        tasks: Sourced::of(ONET_30_0_TASKS, tasks),
        knowledge: Sourced::of(ONET_29_1, knowledge),
        technology: Sourced::of(ONET_29_1, raw.technology),
        related: Sourced::of(ONET_29_1, related),
        alt_titles: Sourced::of(ONET_29_1, raw.alt_titles),
    })
}

/// The profile of OEWS occupation `soc` (`29-1141`), decompressing its
/// block; `None` if `soc` is not one of the 830 OEWS detailed occupations
/// (the two codes only the projections have, 11-1031 and 45-3031, give
/// `None` too) or the block fails to decode.
pub fn profile(soc: &str) -> Option<Profile> {
    let (code, row) = super::oews_row(soc)?;
    let bytes = data::BLOCK_FRAMES.get(usize::from(row.block?))?;
    let raw = format::decode_block(&bytes)?;
    let (start, end) = row.crosswalk;
    let links = data::CROSSWALK.get(usize::from(start)..usize::from(end))?;
    if links.len() != raw.onet.len() {
        return None;
    }
    let occupations = raw
        .onet
        .into_iter()
        .zip(links)
        .map(|(o, &(code, matched))| (o.onet == code).then(|| occupation(o, matched))?)
        .collect::<Option<Vec<_>>>()?;
    Some(Profile {
        soc: code,
        bls_title: raw.bls_title,
        projection: Projection::from_raw(&row.projection),
        sample_titles: Sourced::of(BLS_EP, raw.sample_titles),
        occupations,
        skills: skills::skills(soc),
    })
}
