//! `careers ladder [ROLE]`: career ladders tier by tier, with each tier's
//! level code and pay band where the ladder's source gives them, and the
//! pay of each tier's role where a source gives it. Ladders come from
//! role files and ladder files alike ([`Catalog::ladders`]).

use crate::catalog::{Catalog, Home, LadderRef};
use crate::citations::Citations;
use crate::cli::LadderArgs;
use crate::error::{Error, Result};
use crate::model::{Ladder, PayBand, RoleCore, Tier};
use crate::pay::{self, Ask, Level, PayFigure};
use crate::validate::normalize_name;
use serde::Serialize;

fn level_of(title: &str) -> Option<Level> {
    let name = normalize_name(title);
    name.split(' ').find_map(|w| match w {
        "junior" | "entry" => Some(Level::Entry),
        "mid" | "intermediate" => Some(Level::Mid),
        "senior" => Some(Level::Senior),
        _ => None,
    })
}

/// The pay of a ladder tier: the level figure (entry, mid, senior) when
/// the tier's title names a level and a source of the tier's role gives
/// it (the ladder's own source first); else the role's headline pay, the
/// same figure every command shows for it ([`crate::pay`]).
pub fn tier_pay(ladder: &Ladder, tier: &Tier, role: &RoleCore) -> Option<PayFigure> {
    level_of(&tier.title)
        .and_then(|level| pay::level_figure(&role.salary, level, &ladder.source))
        .or_else(|| pay::headline(&role.salary, &role.soc, &Ask::national()))
}

#[derive(Debug, Clone, Serialize)]
pub struct TierView {
    pub title: String,
    /// `None` with `max_years` too: the source gives no years.
    pub min_years: Option<u32>,
    /// With `min_years`, `None` is open-ended ("7+ years").
    pub max_years: Option<u32>,
    /// The catalog role this tier is, when there is one.
    pub role: Option<String>,
    /// The pay of the tier's role ([`tier_pay`]).
    pub pay: Option<PayFigure>,
    /// The tier's level code, from the ladder's source.
    pub level: Option<String>,
    /// The tier's pay band, from the ladder's source.
    pub band: Option<PayBand>,
    pub description: Option<String>,
    /// The linked role's title, for text output.
    #[serde(skip)]
    pub role_title: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LadderEntry {
    /// The source of the ladder, its tiers, levels and bands.
    pub source: String,
    /// The role whose file gives the ladder; `None` for a ladder file.
    pub owner: Option<String>,
    /// The ladder file's id; `None` for a ladder in a role's file.
    pub id: Option<String>,
    #[serde(skip)]
    pub owner_title: Option<String>,
    pub name: String,
    pub tiers: Vec<TierView>,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct LadderView<'a> {
    pub ladders: Vec<LadderEntry>,
    /// The role asked about, whose tiers text output marks.
    #[serde(skip)]
    pub role: Option<String>,
    #[serde(skip)]
    pub sources: Citations<'a>,
}

pub fn run<'a>(catalog: &'a Catalog, args: &LadderArgs) -> Result<LadderView<'a>> {
    let wanted = match &args.role {
        Some(q) => Some(catalog.resolve(q)?),
        None => None,
    };
    let mut sources = Citations::new(&catalog.sources);
    let found = match wanted {
        Some(w) => catalog.ladders_on(&w.id)?,
        None => catalog.ladders()?,
    };
    let mut ladders = Vec::with_capacity(found.len());
    for l in &found {
        ladders.push(entry(catalog, l, &mut sources)?);
    }
    if let (Some(w), true) = (wanted, ladders.is_empty()) {
        return Err(Error::NoResults(format!(
            "{} ({}) is on no career ladder in the catalog; `careers path {}` shows where it leads",
            w.title, w.id, w.id
        )));
    }
    Ok(LadderView {
        ladders,
        role: wanted.map(|w| w.id.clone()),
        sources,
    })
}

/// One ladder with its tiers' pay, citing the sources it shows.
fn entry(catalog: &Catalog, l: &LadderRef<'_>, sources: &mut Citations<'_>) -> Result<LadderEntry> {
    let ladder = l.ladder;
    sources.cite(&ladder.source);
    let mut tiers = Vec::with_capacity(ladder.tiers.len());
    for t in &ladder.tiers {
        // Short facts are enough: pay and titles.
        let linked = match t.role.as_deref() {
            Some(id) => catalog.role_core(id)?,
            None => None,
        };
        let pay = linked.and_then(|r| tier_pay(ladder, t, r));
        if let Some(p) = &pay {
            sources.cite(&p.source);
        }
        tiers.push(TierView {
            title: t.title.clone(),
            min_years: t.min_years,
            max_years: t.max_years,
            role: t.role.clone(),
            pay,
            level: t.level.clone(),
            band: t.band.clone(),
            description: t.description.clone(),
            role_title: linked.map(|r| r.title.clone()),
        });
    }
    let owner_title = match l.home {
        Home::Role { title, .. } => Some(title.to_string()),
        Home::File { .. } => None,
    };
    Ok(LadderEntry {
        source: ladder.source.clone(),
        owner: l.owner().map(str::to_string),
        id: l.file_id().map(str::to_string),
        owner_title,
        name: ladder.name.clone(),
        tiers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Salary;
    use crate::pay::Basis;

    fn salary(toml_text: &str) -> Salary {
        toml::from_str(toml_text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn ladder(source: &str) -> Ladder {
        Ladder {
            source: source.into(),
            name: "L".into(),
            tiers: Vec::new(),
        }
    }

    fn tier(title: &str) -> Tier {
        Tier {
            title: title.into(),
            min_years: Some(0),
            max_years: None,
            description: None,
            role: Some("r".into()),
            level: None,
            band: None,
        }
    }

    fn role_with(salaries: Vec<Salary>) -> RoleCore {
        RoleCore {
            id: "r".into(),
            title: "R".into(),
            salary: salaries,
            ..RoleCore::default()
        }
    }

    #[test]
    fn levels_come_from_tier_titles() {
        assert_eq!(
            level_of("Junior Customer Service Associate"),
            Some(Level::Entry)
        );
        assert_eq!(level_of("Entry-Level Representative"), Some(Level::Entry));
        assert_eq!(level_of("Mid-level Associate"), Some(Level::Mid));
        assert_eq!(level_of("Senior Associate"), Some(Level::Senior));
        assert_eq!(level_of("Customer Service Manager"), None);
    }

    #[test]
    fn tier_pay_prefers_the_ladder_source_for_the_level_figure() {
        let other = salary(
            "source = \"other\"\ncurrency = \"USD\"\nperiod = \"year\"\nmedian = 1\nsenior = 2",
        );
        let own = salary(
            "source = \"lad\"\ncurrency = \"USD\"\nperiod = \"year\"\nmedian = 40000\n\
             entry = 35000\nsenior = 49000",
        );
        let r = role_with(vec![other, own]);
        let p = tier_pay(&ladder("lad"), &tier("Senior Associate"), &r);
        assert_eq!(
            p.as_ref().map(|p| (p.basis, p.value)),
            Some((Basis::SeniorLevel, Some(49000.0)))
        );
        assert_eq!(p.map(|p| p.source), Some("lad".to_string()));
        // No mid figure anywhere: the role's headline, the first median.
        let p = tier_pay(&ladder("lad"), &tier("Mid-level Associate"), &r);
        assert_eq!(
            p.map(|p| (p.basis, p.value, p.source)),
            Some((Basis::Median, Some(1.0), "other".into()))
        );
    }

    #[test]
    fn tier_pay_falls_back_to_the_midpoint_and_to_nothing() {
        let r = role_with(vec![salary(
            "source = \"x\"\ncurrency = \"USD\"\nperiod = \"year\"\nrange = { min = 30000, max = 42000 }",
        )]);
        let p = tier_pay(&ladder("lad"), &tier("Clerk"), &r);
        assert_eq!(
            p.map(|p| (p.basis, p.value, p.source)),
            Some((Basis::MidpointOfRange, Some(36000.0), "x".into()))
        );
        assert_eq!(
            tier_pay(&ladder("lad"), &tier("Clerk"), &role_with(vec![])),
            None
        );
    }
}
