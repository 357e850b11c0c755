//! `careers show ROLE`: a role's profile, section by section (the sections
//! are declared in [`crate::sections`]): what its sources say, and the
//! official facts (BLS and O*NET) of the SOC occupation it is or links to.

pub mod occupation;
mod trends;

pub use occupation::Occupation;
pub use trends::Trends;

use crate::catalog::{Catalog, LadderRef, Origin};
use crate::citations::Citations;
use crate::cli::ShowArgs;
use crate::commands::official::{CuratedLink, OfficialWages};
use crate::error::Result;
use crate::model::Role;
use crate::sections::SectionId;
use serde::Serialize;
use serde_json::{Map, Value};

/// A role's profile with the sources it cites, numbered in order of first
/// citation.
#[derive(Debug)]
pub struct ShowView<'a> {
    pub role: &'a Role,
    pub origin: Origin,
    /// Every source the profile cites: the role's, in the order of its
    /// fields, then the official wages', then the official occupations'
    /// (in the order of the sections that show them).
    pub sources: Citations<'a>,
    /// Sections to print, in the order asked, each once; empty means all.
    pub sections: Vec<SectionId>,
    /// Official wages of the role's SOC occupations in the chosen area.
    pub official: Vec<OfficialWages>,
    /// The role's pay answer in the chosen area ([`crate::pay`]).
    pub pay: crate::pay::PayAnswer,
    /// For an official occupation: the curated roles linked to it.
    pub curated: Vec<CuratedLink>,
    /// The official facts (BLS Employment Projections, O*NET) of the
    /// role's SOC occupations.
    pub occupations: Vec<Occupation>,
    /// Which sources see growth, stability or decline.
    pub trends: Trends,
    /// The role fields that hold a sourced block, each once (what a
    /// section of role fields has to show).
    pub filled: Vec<&'static str>,
    /// The career ladders the role is on: those its own file lays out,
    /// then those of other roles' files and ladder files that have a tier
    /// that is the role.
    pub ladders: Vec<OnLadder<'a>>,
}

/// A ladder the role is on, with the role's places on it (its JSON); the
/// text shows the whole ladder.
#[derive(Debug, Serialize)]
pub struct OnLadder<'a> {
    /// The ladder file's id; `None` for a ladder in a role's file.
    pub id: Option<&'a str>,
    /// The role whose file lays the ladder out; `None` for a ladder file.
    pub owner: Option<&'a str>,
    pub name: &'a str,
    pub source: &'a str,
    pub tiers_total: usize,
    /// The places of the role's tiers, 1-based, lowest tier first.
    pub positions: Vec<usize>,
    #[serde(skip)]
    pub ladder: LadderRef<'a>,
}

impl<'a> OnLadder<'a> {
    fn of(ladder: LadderRef<'a>, role: &str) -> OnLadder<'a> {
        OnLadder {
            id: ladder.file_id(),
            owner: ladder.owner(),
            name: &ladder.ladder.name,
            source: &ladder.ladder.source,
            tiers_total: ladder.ladder.tiers.len(),
            positions: ladder.positions_of(role),
            ladder,
        }
    }
}

impl ShowView<'_> {
    /// The whole profile, not chosen sections.
    pub fn is_full(&self) -> bool {
        self.sections.is_empty()
    }

    pub fn wants(&self, s: SectionId) -> bool {
        self.is_full() || self.sections.contains(&s)
    }

    /// The sections to show, in order: those asked, or every one.
    pub fn shown(&self) -> Vec<SectionId> {
        match self.is_full() {
            true => SectionId::all().collect(),
            false => self.sections.clone(),
        }
    }

    /// Whether the source list shows a source's note: the official tables'
    /// notes are the attribution their licences ask for (data/occupations/
    /// README.md); the guides' notes are only about the seeds.
    pub fn shows_note(&self, source: &str) -> bool {
        crate::official::SOURCE_IDS.contains(&source)
    }
}

pub fn run<'a>(catalog: &'a Catalog, args: &ShowArgs) -> Result<ShowView<'a>> {
    let entry = catalog.resolve_index(&args.role)?;
    let role = catalog.entry(entry)?;
    let origin = catalog.origin_at(entry);
    let area = crate::commands::official::area(args.area.as_deref())?;
    let ask = crate::pay::Ask {
        area,
        ..crate::pay::Ask::national()
    };
    let pay = crate::pay::answer(&role.salary, &role.soc, &ask);
    let official = pay.official.clone();
    let curated = crate::commands::official::curated_for(catalog, role, &origin)?;
    let occupations = occupation::for_links(catalog, &role.soc);
    let mut sources = Citations::new(&catalog.sources);
    let mut filled: Vec<&'static str> = Vec::new();
    for b in role.sourced_blocks() {
        sources.cite(b.source);
        if !filled.contains(&b.field) {
            filled.push(b.field);
        }
    }
    sources.cite_all(official.iter().map(|o| o.source.as_str()));
    for o in &occupations {
        sources.cite_all(o.sources());
    }
    // The role's own ladders come first: their sources are the role's.
    let mut ladders: Vec<OnLadder<'a>> = catalog
        .ladders_on(&role.id)?
        .into_iter()
        .map(|l| OnLadder::of(l, &role.id))
        .collect();
    ladders.sort_by_key(|l| l.owner != Some(role.id.as_str()));
    sources.cite_all(ladders.iter().map(|l| l.source));
    let mut sections: Vec<SectionId> = Vec::new();
    for s in &args.sections {
        if !sections.contains(s) {
            sections.push(*s);
        }
    }
    Ok(ShowView {
        trends: Trends::of(&role.outlook, &occupations),
        role,
        origin,
        sources,
        sections,
        official,
        pay,
        curated,
        occupations,
        filled,
        ladders,
    })
}

/// The role's fields, `origin`, then the view's own keys of each section
/// shown ([`crate::sections::Section::keys`]).
impl Serialize for ShowView<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        let Value::Object(all) =
            serde_json::to_value(self.role).map_err(serde::ser::Error::custom)?
        else {
            return Err(serde::ser::Error::custom("a role serializes to an object"));
        };
        let shown = self.shown();
        let mut out = Map::new();
        let keep = |k: &str| {
            self.is_full()
                || matches!(k, "id" | "title" | "family" | "aliases")
                || shown.iter().any(|s| s.section().fields.contains(&k))
        };
        for (k, v) in all {
            if keep(&k) {
                out.insert(k, v);
            }
        }
        out.insert("origin".into(), Value::String(self.origin.to_string()));
        for s in &shown {
            for key in s.section().keys {
                let value = (key.json)(self).map_err(serde::ser::Error::custom)?;
                out.insert(key.name.into(), value);
            }
        }
        out.serialize(serializer)
    }
}

/// `f` of every official occupation, as a JSON array: a view-level key's
/// value ([`crate::sections::Key`]).
pub fn each<T: Serialize>(
    view: &ShowView<'_>,
    f: impl Fn(&Occupation) -> &T,
) -> serde_json::Result<Value> {
    serde_json::to_value(view.occupations.iter().map(f).collect::<Vec<_>>())
}
