//! Text, TSV, Mermaid and DOT for `careers ladder`.

use crate::commands::ladder::{LadderView, TierView};
use crate::render::diagram::{
    arrow, box_width, dot_label, dot_text, draw_box, mermaid_label, prose, title, BoxLine, Glyphs,
};
use crate::render::text::{pay_figure, source_legend, years, UNKNOWN};
use crate::render::Format;
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use serde::Serialize;
use std::io::{self, Write};

fn tier_lines(
    view: &LadderView<'_>,
    t: &TierView,
    sep: &str,
    ascii: bool,
    source_tag: &dyn Fn(&str) -> String,
) -> Vec<BoxLine> {
    let mine = t.role.is_some() && t.role == view.role;
    let mut lines = vec![BoxLine::new(
        t.title.clone(),
        Some(if mine { Paint::Title } else { Paint::Figure }),
    )];
    let pay = match &t.pay {
        Some(p) => format!("{} {}", pay_figure(p, ascii), source_tag(&p.source)),
        None => format!("pay {UNKNOWN}"),
    };
    lines.push(BoxLine::new(
        format!("{}{sep}{pay}", years(Some(t.min_years), t.max_years)),
        None,
    ));
    let role = match (&t.role, &t.role_title) {
        (Some(id), Some(_)) => format!("role: {id}"),
        (Some(id), None) => format!("role: {id} (not in the catalog)"),
        (None, _) => "no profile in the catalog".to_string(),
    };
    lines.push(BoxLine::new(role, Some(Paint::Id)));
    lines
}

impl Render for LadderView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let tag = |id: &str| match self.sources.number(id) {
            Some(n) => format!("[{n}]"),
            None => format!("[{id}]"),
        };
        if self.ladders.is_empty() {
            writeln!(out, "No career ladders in the catalog.")?;
            return Ok(());
        }
        for (i, l) in self.ladders.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            title(out, term, &l.name)?;
            prose(
                out,
                term,
                &format!(
                    "Ladder on {} ({}) {}, lowest tier first",
                    l.owner_title,
                    l.owner,
                    tag(&l.source)
                ),
                "",
                "",
            )?;
            let sep = Glyphs::for_term(term).sep;
            let boxes: Vec<Vec<BoxLine>> = l
                .tiers
                .iter()
                .map(|t| tier_lines(self, t, sep, term.ascii, &tag))
                .collect();
            let w = boxes.iter().map(|b| box_width(term, b)).max().unwrap_or(8);
            for (j, b) in boxes.iter().enumerate() {
                if j > 0 {
                    arrow(out, term, 2, &[])?;
                }
                draw_box(out, term, b, w)?;
            }
        }
        source_legend(out, term, &self.sources)
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let rows = self.ladders.iter().flat_map(|l| {
            l.tiers.iter().enumerate().map(move |(i, t)| TierRecord {
                owner: &l.owner,
                ladder: &l.name,
                source: &l.source,
                tier: i + 1,
                title: &t.title,
                min_years: t.min_years,
                max_years: t.max_years,
                role: t.role.as_deref(),
                pay: tsv::PayColumns::of(t.pay.as_ref()),
            })
        });
        tsv::write(out, rows)
    }

    fn diagram(&self, format: Format, out: &mut dyn Write) -> Option<io::Result<()>> {
        Some(match format {
            Format::Dot => self.dot(out),
            _ => self.mermaid(out),
        })
    }
}

/// A TSV record of `careers ladder`: one tier.
#[derive(Serialize, Default)]
struct TierRecord<'a> {
    owner: &'a str,
    ladder: &'a str,
    source: &'a str,
    /// 1-based, lowest tier first.
    tier: usize,
    title: &'a str,
    min_years: u32,
    max_years: Option<u32>,
    role: Option<&'a str>,
    #[serde(flatten)]
    pay: tsv::PayColumns<'a>,
}

/// The lines of a tier's diagram label; figures carry their source id.
fn tier_label(t: &TierView) -> Vec<String> {
    let mut lines = vec![t.title.clone(), years(Some(t.min_years), t.max_years)];
    lines.push(match &t.pay {
        Some(p) => format!("{} ({})", pay_figure(p, false), p.source),
        None => format!("pay {UNKNOWN}"),
    });
    lines.push(match &t.role {
        Some(id) => id.clone(),
        None => "no profile".into(),
    });
    lines
}

impl LadderView<'_> {
    fn mermaid(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "flowchart TB")?;
        for (i, l) in self.ladders.iter().enumerate() {
            writeln!(
                out,
                "  subgraph L{i}[{}]",
                mermaid_label(&[format!("{} · {} · {}", l.name, l.owner, l.source)])
            )?;
            writeln!(out, "    direction TB")?;
            for (j, t) in l.tiers.iter().enumerate() {
                writeln!(out, "    L{i}T{j}[{}]", mermaid_label(&tier_label(t)))?;
            }
            for j in 1..l.tiers.len() {
                writeln!(out, "    L{i}T{} --> L{i}T{j}", j - 1)?;
            }
            writeln!(out, "  end")?;
        }
        Ok(())
    }

    fn dot(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "digraph ladders {{")?;
        writeln!(out, "  rankdir=TB;")?;
        writeln!(out, "  node [shape=box];")?;
        for (i, l) in self.ladders.iter().enumerate() {
            writeln!(out, "  subgraph cluster_{i} {{")?;
            writeln!(
                out,
                "    label=\"{} · {} · {}\";",
                dot_text(&l.name),
                dot_text(&l.owner),
                dot_text(&l.source)
            )?;
            for (j, t) in l.tiers.iter().enumerate() {
                writeln!(out, "    l{i}t{j} [label={}];", dot_label(&tier_label(t)))?;
            }
            for j in 1..l.tiers.len() {
                writeln!(out, "    l{i}t{} -> l{i}t{j};", j - 1)?;
            }
            writeln!(out, "  }}")?;
        }
        writeln!(out, "}}")
    }
}
