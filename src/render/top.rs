//! Text and TSV for `careers salary --top`.

use crate::commands::top::TopRow;
use crate::commands::top::{median, TopView};
use crate::render::official::{count, value};
use crate::render::text::{self, cell};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use serde::Serialize;
use std::io::{self, Write};

/// Below this width, each occupation is a small block instead of a row:
/// a table's Occupation column would cut titles such as Cardiologists.
const STACK_BELOW: usize = 60;

impl TopView<'_> {
    fn table(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
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
                cell(&median_text(r, term.ascii), Some(Paint::Figure)),
                cell(&count(r.wages.employment), None),
            ]);
        }
        text::write_table(out, &t)
    }

    fn stacked(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        for r in &self.rows {
            let title = term.paint(Paint::Title, &text::clean(&r.title));
            text::line(out, term, &format!("{}. {title}", r.rank))?;
            let mut facts = vec![
                format!("SOC {}", r.soc),
                format!("median {}", median_text(r, term.ascii)),
                format!("employment {}", count(r.wages.employment)),
            ];
            if !r.curated.is_empty() {
                facts.push(format!("profiles: {}", r.curated.join(", ")));
            }
            for f in facts {
                text::line(out, term, &format!("   {f}"))?;
            }
        }
        Ok(())
    }
}

/// The median as every command shows pay ("$410,150/yr", ">= $239,200/yr").
fn median_text(r: &TopRow, ascii: bool) -> String {
    match &r.pay {
        Some(p) => text::pay_amount(p, ascii),
        None => value(median(&r.wages)),
    }
}

impl Render for TopView<'_> {
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
        if term.width < STACK_BELOW {
            self.stacked(out, term)?;
        } else {
            self.table(out, term)?;
        }
        text::line(
            out,
            term,
            &term.paint(
                Paint::Muted,
                "Top-coded medians (>=: the BLS publishes no figure above its cap) rank by that floor.",
            ),
        )?;
        text::source_legend(out, term, &self.sources)
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
                employment: r.wages.employment.value().map(|e| e as u64),
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
    /// A count of jobs.
    employment: Option<u64>,
    area: &'a str,
    source: &'a str,
}
