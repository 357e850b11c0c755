//! Text and TSV for `careers list` and `careers validate`.

use crate::citations::Citations;
use crate::commands::list::{ListRow, ListView};
use crate::commands::validate::ValidateView;
use crate::render::text::{self, cell, money, per, percent, UNKNOWN};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use serde::Serialize;
use std::io::{self, Write};

fn growth_text(r: &ListRow, cites: &Citations) -> String {
    if r.growth.is_empty() {
        return UNKNOWN.into();
    }
    r.growth
        .iter()
        .map(|g| {
            let what = match g.percent {
                Some(p) => percent(p),
                None => g.trend.map_or(UNKNOWN, trend_word).to_string(),
            };
            format!("{what} {}", text::tag(cites, &g.source))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn pay_text(r: &ListRow, cites: &Citations) -> String {
    match &r.median_pay {
        Some(p) => {
            let approx = if p.basis == "median" {
                ""
            } else {
                " mid-range"
            };
            format!(
                "{}{}{approx} {}",
                money(p.value, &p.currency),
                per(p.period),
                text::tag(cites, &p.source)
            )
        }
        None => UNKNOWN.into(),
    }
}

/// "growing", "stable", "declining".
pub fn trend_word(t: crate::model::Trend) -> &'static str {
    match t {
        crate::model::Trend::Growing => "growing",
        crate::model::Trend::Stable => "stable",
        crate::model::Trend::Declining => "declining",
    }
}

/// Below this width, each role is a small block instead of a table row.
const STACK_BELOW: usize = 60;

impl Render for ListView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let cites = &self.sources;
        if term.width < STACK_BELOW {
            for r in &self.rows {
                text::line(out, term, &term.paint(Paint::Title, &text::clean(&r.title)))?;
                for (label, value) in [
                    ("id", term.paint(Paint::Id, &r.id)),
                    ("family", text::clean(&r.family).into_owned()),
                    ("pay", pay_text(r, cites)),
                    ("growth", growth_text(r, cites)),
                ] {
                    text::line(out, term, &format!("  {label}: {value}"))?;
                }
            }
        } else {
            let mut t = text::table(term);
            let wide = term.width >= 100;
            let mut header = vec!["Role", "Median pay", "Growth"];
            if wide {
                header.insert(1, "Family");
            }
            t.set_header(header.into_iter().map(|h| cell(h, Some(Paint::Heading))));
            for r in &self.rows {
                // The title above its id: ids are never split across lines.
                let mut role = comfy_table::Cell::new(text::cell_text(&format!(
                    "{}\n{}",
                    text::clean(&r.title),
                    r.id
                )));
                if term.color {
                    role = role.add_attribute(comfy_table::Attribute::Bold);
                }
                let pay_paint = if r.median_pay.is_some() {
                    Paint::Figure
                } else {
                    Paint::Warning
                };
                let mut row = vec![
                    role,
                    cell(&pay_text(r, cites), Some(pay_paint)),
                    cell(&growth_text(r, cites), None),
                ];
                if wide {
                    row.insert(1, cell(&r.family, None));
                }
                t.add_row(row);
            }
            let id_width = self.rows.iter().map(|r| r.id.len()).max().unwrap_or(10) as u16;
            if let Some(c) = t.column_mut(0) {
                c.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
                    comfy_table::Width::Fixed(id_width + 2),
                ));
            }
            text::write_table(out, &t)?;
        }
        text::legend(out, term, cites)?;
        text::line(
            out,
            term,
            &term.paint(
                Paint::Muted,
                &format!(
                    "{} roles. `careers show ROLE` for a profile.",
                    self.rows.len()
                ),
            ),
        )
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let rows = self.rows.iter().map(|r| {
            let p = r.median_pay.as_ref();
            // The first growth statement with a figure, else the first at all.
            let g = r
                .growth
                .iter()
                .find(|g| g.percent.is_some())
                .or(r.growth.first());
            ListRecord {
                id: &r.id,
                title: &r.title,
                family: &r.family,
                median_pay: p.map(|p| p.value),
                currency: p.map(|p| p.currency.as_str()),
                period: p.map(|p| per(p.period).trim_start_matches('/')),
                pay_basis: p.map(|p| p.basis.as_str()),
                pay_source: p.map(|p| p.source.as_str()),
                growth_percent: g.and_then(|g| g.percent),
                growth_status: g.and_then(|g| g.status.as_deref()),
                growth_source: g.map(|g| g.source.as_str()),
            }
        });
        tsv::write(out, rows)
    }
}

/// A TSV record of `careers list`: one role.
#[derive(Serialize, Default)]
struct ListRecord<'a> {
    id: &'a str,
    title: &'a str,
    family: &'a str,
    median_pay: Option<f64>,
    currency: Option<&'a str>,
    period: Option<&'a str>,
    pay_basis: Option<&'a str>,
    pay_source: Option<&'a str>,
    growth_percent: Option<f64>,
    growth_status: Option<&'a str>,
    growth_source: Option<&'a str>,
}

impl Render for ValidateView {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        writeln!(
            out,
            "{} {}: {} roles, {} sources, no problems",
            term.paint(Paint::Good, "ok"),
            text::clean(&self.checked.join(", ")),
            self.roles,
            self.sources
        )
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        tsv::write(
            out,
            [ValidateRecord {
                checked: self.checked.join(","),
                roles: self.roles,
                sources: self.sources,
                problems: 0,
            }],
        )
    }
}

/// The TSV record of `careers validate`: what was checked, and what it holds.
#[derive(Serialize, Default)]
struct ValidateRecord {
    /// The directories checked, or `bundled`, joined with `,`.
    checked: String,
    roles: usize,
    sources: usize,
    /// Always 0: problems are reported on stderr, with exit code 3.
    problems: usize,
}
