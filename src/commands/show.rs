//! `careers show ROLE`: a role's profile, section by section (the sections
//! are declared in [`crate::sections`]).

use crate::catalog::{Catalog, Origin};
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
    /// fields, then the official wages'.
    pub sources: Citations<'a>,
    /// Sections to print; empty means all.
    pub sections: Vec<SectionId>,
    /// Official wages of the role's SOC occupations in the chosen area.
    pub official: Vec<OfficialWages>,
    /// The role's pay answer in the chosen area ([`crate::pay`]).
    pub pay: crate::pay::PayAnswer,
    /// For an official occupation: the curated roles linked to it.
    pub curated: Vec<CuratedLink>,
}

impl ShowView<'_> {
    pub fn wants(&self, s: SectionId) -> bool {
        self.sections.is_empty() || self.sections.contains(&s)
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
    let mut sources = Citations::new(&catalog.sources);
    sources.cite_all(role.sourced_blocks().map(|b| b.source));
    sources.cite_all(official.iter().map(|o| o.source.as_str()));
    let mut sections = args.sections.clone();
    sections.sort();
    sections.dedup();
    Ok(ShowView {
        role,
        origin,
        sources,
        sections,
        official,
        pay,
        curated,
    })
}

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
        let mut out = Map::new();
        let keep = |k: &str| {
            matches!(k, "id" | "title" | "family" | "aliases")
                || self.sections.is_empty()
                || self
                    .sections
                    .iter()
                    .any(|s| s.section().fields.contains(&k))
        };
        for (k, v) in all {
            if keep(&k) {
                out.insert(k, v);
            }
        }
        if keep("pay") {
            out.insert("pay".into(), json(&self.pay.headline)?);
        }
        if keep("official_wages") {
            out.insert("official_wages".into(), json(&self.official)?);
            out.insert("curated_profiles".into(), json(&self.curated)?);
        }
        out.insert("origin".into(), Value::String(self.origin.to_string()));
        if keep("sources") {
            let sources: Vec<_> = self.sources.sources().collect();
            out.insert("sources".into(), json(&sources)?);
        }
        out.serialize(serializer)
    }
}

/// `v` as a JSON value, for a serializer's error type.
fn json<T: Serialize, E: serde::ser::Error>(v: &T) -> std::result::Result<Value, E> {
    serde_json::to_value(v).map_err(E::custom)
}
