//! `careers salary --top N [--area X]`: the best-paid official occupations
//! of an area by median annual wage.

use crate::catalog::occupations::slug;
use crate::catalog::Catalog;
use crate::citations::Citations;
use crate::cli::SalaryArgs;
use crate::commands::official::{self, AreaRef};
use crate::error::{Error, Result};
use crate::model::SocLink;
use crate::pay::{self, PayFigure};
use crate::wages::{self, Rank, WageValue, Wages, SOURCE_ID};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct TopRow {
    pub rank: usize,
    pub id: String,
    pub soc: String,
    pub title: String,
    /// Curated profiles linked to this occupation.
    pub curated: Vec<String>,
    /// The occupation's pay answer: its official median ([`crate::pay`]).
    pub pay: Option<PayFigure>,
    pub wages: Wages,
}

#[derive(Debug, Serialize)]
pub struct TopView<'a> {
    pub area: AreaRef,
    pub by: Rank,
    pub source: String,
    pub rows: Vec<TopRow>,
    /// The one source, for the legend.
    #[serde(skip)]
    pub sources: Citations<'a>,
}

pub fn run<'a>(catalog: &'a Catalog, args: &SalaryArgs, n: usize) -> Result<TopView<'a>> {
    if n == 0 {
        return Err(Error::Usage(
            "--top takes a number of occupations above 0".into(),
        ));
    }
    let area = official::area(args.area.as_deref())?;
    let rows = wages::top(area, n, Rank::AnnualMedian)
        .into_iter()
        .enumerate()
        .map(|(i, (o, w))| {
            let link = SocLink {
                code: o.soc.to_string(),
                source: Some(SOURCE_ID.to_string()),
                reason: None,
                approximate: false,
            };
            let official = pay::for_links(&[link], area);
            TopRow {
                rank: i + 1,
                id: slug(o.title),
                soc: o.soc.to_string(),
                title: o.title.to_string(),
                curated: catalog
                    .linked_roles(o.soc)
                    .map(|(r, _)| r.id.clone())
                    .collect(),
                pay: pay::official_headline(&official, None, pay::DEFAULT_HOURS_PER_YEAR),
                wages: w,
            }
        })
        .collect();
    let mut sources = Citations::new(&catalog.sources);
    sources.cite(SOURCE_ID);
    Ok(TopView {
        area: AreaRef::of(area),
        by: Rank::AnnualMedian,
        source: SOURCE_ID.to_string(),
        rows,
        sources,
    })
}

/// The median a row is ranked by, as shown.
pub fn median(w: &Wages) -> WageValue {
    w.annual.median
}
