//! Text, TSV, Mermaid and DOT for `careers ladder`.

use crate::commands::ladder::{LadderEntry, LadderView, TierView};
use crate::model::PayBand;
use crate::render::diagram::{
    arrow, box_width, dot_label, dot_text, draw_box, mermaid_label, prose, title, BoxLine, Glyphs,
};
use crate::render::text::{self, pay_figure, source_legend, UNKNOWN};
use crate::render::Format;
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use serde::Serialize;
use std::io::{self, Write};

/// A tier's years: "0-2 years", "5+ years", "years unknown".
fn tier_years(t: &TierView) -> String {
    text::tier_years(t.min_years, t.max_years)
}

/// "band $38,000-$45,000/yr".
fn band_text(b: &PayBand) -> String {
    format!("band {}", text::pay_band(b))
}

/// What the ladder's source says of the tier besides its title and
/// years: "level L2 · band $44,000-$52,000/yr"; `None` when it says
/// neither.
fn level_and_band(t: &TierView, sep: &str) -> Option<String> {
    let parts: Vec<String> = [
        t.level.as_ref().map(|l| format!("level {l}")),
        t.band.as_ref().map(band_text),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(sep))
}

fn tier_lines(
    view: &LadderView<'_>,
    l: &LadderEntry,
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
    if let Some(said) = level_and_band(t, sep) {
        lines.push(BoxLine::new(
            format!("{said} {}", source_tag(&l.source)),
            None,
        ));
    }
    // The band is the tier's pay: the role's figure is added when a
    // source gives one, and "pay unknown" only when there is neither.
    let pay = match (&t.pay, &t.band) {
        (Some(p), _) => format!("{sep}{} {}", pay_figure(p, ascii), source_tag(&p.source)),
        (None, None) => format!("{sep}pay {UNKNOWN}"),
        (None, Some(_)) => String::new(),
    };
    lines.push(BoxLine::new(format!("{}{pay}", tier_years(t)), None));
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
            let home = match (&l.owner_title, &l.owner, &l.id) {
                (Some(title), Some(owner), _) => format!("Ladder on {title} ({owner})"),
                (_, _, Some(id)) => format!("Ladder file {id}"),
                _ => "Ladder".to_string(),
            };
            prose(
                out,
                term,
                &format!("{home} {}, lowest tier first", tag(&l.source)),
                "",
                "",
            )?;
            let sep = Glyphs::for_term(term).sep;
            let boxes: Vec<Vec<BoxLine>> = l
                .tiers
                .iter()
                .map(|t| tier_lines(self, l, t, sep, term.ascii, &tag))
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
                owner: l.owner.as_deref(),
                ladder: &l.name,
                source: &l.source,
                tier: i + 1,
                title: &t.title,
                min_years: t.min_years,
                max_years: t.max_years,
                role: t.role.as_deref(),
                pay: tsv::PayColumns::of(t.pay.as_ref()),
                ladder_id: l.id.as_deref(),
                level: t.level.as_deref(),
                band_min: t.band.as_ref().map(|b| b.min),
                band_max: t.band.as_ref().map(|b| b.max),
                band_currency: t.band.as_ref().map(|b| b.currency.as_str()),
                band_period: t.band.as_ref().map(|b| b.period),
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

/// A TSV record of `careers ladder`: one tier. The columns that came
/// later (the ladder file's id, the level and the band) are last, so that
/// `cut -f` lines written before them still work.
#[derive(Serialize, Default)]
struct TierRecord<'a> {
    /// Empty for a ladder file.
    owner: Option<&'a str>,
    ladder: &'a str,
    source: &'a str,
    /// 1-based, lowest tier first.
    tier: usize,
    title: &'a str,
    min_years: Option<u32>,
    max_years: Option<u32>,
    role: Option<&'a str>,
    #[serde(flatten)]
    pay: tsv::PayColumns<'a>,
    /// Empty for a ladder in a role's file.
    ladder_id: Option<&'a str>,
    level: Option<&'a str>,
    band_min: Option<f64>,
    band_max: Option<f64>,
    band_currency: Option<&'a str>,
    band_period: Option<crate::model::Period>,
}

/// The lines of a tier's diagram label; figures carry their source id.
fn tier_label(l: &LadderEntry, t: &TierView) -> Vec<String> {
    let mut lines = vec![t.title.clone()];
    if let Some(said) = level_and_band(t, " · ") {
        lines.push(format!("{said} ({})", l.source));
    }
    lines.push(tier_years(t));
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

/// Where a ladder is written, in a diagram's title: the role whose file
/// lays it out, or the ladder file's id.
fn home(l: &LadderEntry) -> &str {
    l.owner.as_deref().or(l.id.as_deref()).unwrap_or_default()
}

impl LadderView<'_> {
    fn mermaid(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "flowchart TB")?;
        for (i, l) in self.ladders.iter().enumerate() {
            writeln!(
                out,
                "  subgraph L{i}[{}]",
                mermaid_label(&[format!("{} · {} · {}", l.name, home(l), l.source)])
            )?;
            writeln!(out, "    direction TB")?;
            for (j, t) in l.tiers.iter().enumerate() {
                writeln!(out, "    L{i}T{j}[{}]", mermaid_label(&tier_label(l, t)))?;
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
                dot_text(home(l)),
                dot_text(&l.source)
            )?;
            for (j, t) in l.tiers.iter().enumerate() {
                writeln!(
                    out,
                    "    l{i}t{j} [label={}];",
                    dot_label(&tier_label(l, t))
                )?;
            }
            for j in 1..l.tiers.len() {
                writeln!(out, "    l{i}t{} -> l{i}t{j};", j - 1)?;
            }
            writeln!(out, "  }}")?;
        }
        writeln!(out, "}}")
    }
}
