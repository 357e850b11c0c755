//! Official wages (BLS OEWS May 2025): the area `--area` names, and the
//! curated roles an official occupation's page points to. The figures
//! themselves are part of the pay answer ([`crate::pay`]).

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::model::Role;
use crate::wages::{self, Area, AreaError};
use serde::Serialize;

pub use crate::pay::{for_links, AreaRef, OfficialWages};

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

/// A curated role linked to an official occupation, so that its page can
/// point to it.
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
