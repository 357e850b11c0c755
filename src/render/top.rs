//! Text and TSV for `careers salary --top`.

use crate::commands::top::{median, TopView};
use crate::render::official::{count, value};
use crate::render::text::{self, cell};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use serde::Serialize;
use std::io::{self, Write};

impl Render for TopView {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        text::line(
            out,
            term,
            &term.paint(
                Paint::Heading,
                &format!(
                    "Best-paid occupations by median annual wage · {} [1]",
                    self.area.label()
                ),
            ),
        )?;
        let mut t = text::table(term);
        t.set_header(
            ["#", "Occupation", "Median", "Employment"].map(|h| cell(h, Some(Paint::Heading))),
        );
        for r in &self.rows {
            let soc = format!("SOC {}", r.soc);
            let profiles = format!("profiles: {}", r.curated.join(", "));
            let mut name = vec![r.title.as_str(), soc.as_str()];
            if !r.curated.is_empty() {
                name.push(&profiles);
            }
            t.add_row(vec![
                cell(&r.rank.to_string(), None),
                text::lines_cell(&name, None),
                cell(&value(median(&r.wages)), Some(Paint::Figure)),
                cell(&count(r.wages.employment), None),
            ]);
        }
        text::write_table(out, &t)?;
        text::line(
            out,
            term,
            &term.paint(
                Paint::Muted,
                "[1] Occupational Employment and Wage Statistics, May 2025, U.S. Bureau of Labor Statistics (bls-oews-2025). Top-coded medians (>=: the BLS publishes no figure) rank by that floor.",
            ),
        )
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let area = self.area.label();
        let rows = self.rows.iter().map(|r| {
            let m = median(&r.wages);
            TopRecord {
                rank: r.rank,
                id: &r.id,
                soc: &r.soc,
                title: &r.title,
                annual_median: match m {
                    crate::wages::WageValue::TopCoded { cap } => Some(cap),
                    other => other.value(),
                },
                top_coded: m.is_top_coded(),
                employment: r.wages.employment.value(),
                area: &area,
                source: &self.source,
            }
        });
        tsv::write(out, rows)
    }
}

/// A TSV record of `careers salary --top`: one occupation.
#[derive(Serialize, Default)]
struct TopRecord<'a> {
    rank: usize,
    id: &'a str,
    soc: &'a str,
    title: &'a str,
    /// The median, or the floor of a top-coded one.
    annual_median: Option<f64>,
    top_coded: bool,
    employment: Option<f64>,
    area: &'a str,
    source: &'a str,
}
