//! Official wages (BLS OEWS May 2025) for a role's SOC links in an area:
//! the one view value `show`, `salary` and `compare` share.

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::model::{Role, SocLink};
use crate::wages::{self, Area, AreaError, AreaKind, Wages, SOURCE_ID};
use serde::Serialize;

/// An area as output shows it.
#[derive(Debug, Clone, Serialize)]
pub struct AreaRef {
    pub code: String,
    pub name: String,
    pub kind: AreaKind,
    /// The USPS code of the state, for states (and a metro's first state).
    pub postal: Option<String>,
}

impl AreaRef {
    pub fn of(a: &Area) -> AreaRef {
        AreaRef {
            code: a.code.to_string(),
            name: a.name.to_string(),
            kind: a.kind,
            postal: a.postal.map(str::to_string),
        }
    }

    /// "National (United States)", "Texas (TX)", "Austin-Round Rock-San Marcos, TX".
    pub fn label(&self) -> String {
        match (self.kind, &self.postal) {
            (AreaKind::Nation, _) => "National (U.S.)".to_string(),
            (AreaKind::State, Some(p)) => format!("{} ({p})", self.name),
            _ => self.name.clone(),
        }
    }
}

/// The official figures for one SOC occupation linked to a role.
#[derive(Debug, Clone, Serialize)]
pub struct OfficialWages {
    pub soc: String,
    pub occupation: String,
    /// The occupation is broader or narrower than the role.
    pub approximate: bool,
    /// Why this code: the source that backs the link, or the stated reason.
    pub link_source: Option<String>,
    pub link_reason: Option<String>,
    pub area: AreaRef,
    /// `null` when the area publishes no estimate for this occupation.
    pub wages: Option<Wages>,
    pub source: String,
}

/// The area `--area` names, or the nation. An unknown or ambiguous area is
/// a usage error listing the closest or the candidate areas.
pub fn area(query: Option<&str>) -> Result<&'static Area> {
    match query {
        None => Ok(wages::nation()),
        Some(q) => wages::find_area(q).map_err(|e| match e {
            AreaError::Unknown { .. } | AreaError::Ambiguous { .. } => {
                Error::Usage(format!("--area: {e}"))
            }
        }),
    }
}

/// The official wages of every SOC code a role links to (`soc`), in `area`.
pub fn for_links(soc: &[SocLink], area: &Area) -> Vec<OfficialWages> {
    soc.iter()
        .filter_map(|link| {
            let occ = wages::occupation(&link.code)?;
            Some(OfficialWages {
                soc: link.code.clone(),
                occupation: occ.title.to_string(),
                approximate: link.approximate,
                link_source: link.source.clone(),
                link_reason: link.reason.clone(),
                area: AreaRef::of(area),
                wages: wages::wages(area, &link.code),
                source: SOURCE_ID.to_string(),
            })
        })
        .collect()
}

/// The official national annual median of a role's first exact SOC link
/// (of `soc`), for rankings that need one figure when the guides give none.
pub fn national_median(soc: &[SocLink]) -> Option<(f64, String)> {
    let link = soc.iter().find(|l| !l.approximate).or(soc.first())?;
    let w = wages::wages(wages::nation(), &link.code)?;
    w.annual.median.value().map(|v| (v, link.code.clone()))
}

/// Curated roles linked to the SOC codes of an official occupation, as
/// (id, title, approximate), so its page can point to them.
/// A curated role linked to an official occupation.
#[derive(Debug, Clone, Serialize)]
pub struct CuratedLink {
    pub id: String,
    pub title: String,
    /// The occupation is broader or narrower than the role.
    pub approximate: bool,
}

/// For an official occupation (`origin`), the curated roles linked to its
/// SOC code; nothing for a curated role.
pub fn curated_for(
    catalog: &Catalog,
    role: &Role,
    origin: &crate::catalog::Origin,
) -> Result<Vec<CuratedLink>> {
    if *origin != crate::catalog::Origin::Official {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for link in &role.soc {
        for (r, approximate) in catalog.linked_roles(&link.code) {
            out.push(CuratedLink {
                id: r.id.clone(),
                title: r.title.clone(),
                approximate,
            });
        }
    }
    Ok(out)
}
