//! Text and TSV for `careers list` and `careers validate`.

use crate::commands::list::{ListRow, ListView};
use crate::commands::validate::ValidateView;
use crate::render::text::{self, cell, money, per, percent, UNKNOWN};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use std::io::{self, Write};

fn growth_text(r: &ListRow) -> String {
    if r.growth.is_empty() {
        return UNKNOWN.into();
    }
    r.growth
        .iter()
        .map(|g| match (g.percent, &g.status) {
            (Some(p), _) => format!("{} [{}]", percent(p), g.source),
            (None, Some(s)) => format!("{s} [{}]", g.source),
            (None, None) => format!("{} [{}]", g.trend.map_or("unknown", trend_word), g.source),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// "growing", "stable", "declining".
pub fn trend_word(t: crate::model::Trend) -> &'static str {
    match t {
        crate::model::Trend::Growing => "growing",
        crate::model::Trend::Stable => "stable",
        crate::model::Trend::Declining => "declining",
    }
}

impl Render for ListView {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let mut t = text::table(term);
        t.set_header(
            ["Role", "Title", "Family", "Median pay", "Growth"]
                .map(|h| cell(h, Some(Paint::Heading))),
        );
        for r in &self.rows {
            let pay = match &r.median_pay {
                Some(p) => {
                    let approx = if p.basis == "median" {
                        ""
                    } else {
                        " (mid of range)"
                    };
                    format!("{}{}{approx}", money(p.value, &p.currency), per(p.period))
                }
                None => UNKNOWN.into(),
            };
            let pay_paint = if r.median_pay.is_some() {
                Paint::Figure
            } else {
                Paint::Warning
            };
            t.add_row(vec![
                cell(&r.id, Some(Paint::Id)),
                cell(&r.title, None),
                cell(&r.family, None),
                cell(&pay, Some(pay_paint)),
                cell(&growth_text(r), None),
            ]);
        }
        text::write_table(out, &t)?;
        writeln!(
            out,
            "{}",
            term.paint(
                Paint::Muted,
                &format!(
                    "{} roles. `careers show ROLE` for a profile.",
                    self.rows.len()
                )
            )
        )
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        tsv::row(
            out,
            &[
                "id",
                "title",
                "family",
                "median_pay",
                "currency",
                "period",
                "pay_basis",
                "pay_source",
                "growth_percent",
                "growth_status",
                "growth_source",
            ],
        )?;
        for r in &self.rows {
            let p = r.median_pay.as_ref();
            // The first growth statement with a figure, else the first at all.
            let g = r
                .growth
                .iter()
                .find(|g| g.percent.is_some())
                .or(r.growth.first());
            tsv::row(
                out,
                &[
                    r.id.clone(),
                    r.title.clone(),
                    r.family.clone(),
                    tsv::num(p.map(|p| p.value)),
                    p.map(|p| p.currency.clone()).unwrap_or_default(),
                    p.map(|p| per(p.period).trim_start_matches('/').to_string())
                        .unwrap_or_default(),
                    p.map(|p| p.basis.clone()).unwrap_or_default(),
                    p.map(|p| p.source.clone()).unwrap_or_default(),
                    tsv::num(g.and_then(|g| g.percent)),
                    g.and_then(|g| g.status.clone()).unwrap_or_default(),
                    g.map(|g| g.source.clone()).unwrap_or_default(),
                ],
            )?;
        }
        Ok(())
    }
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
        tsv::row(out, &["checked", "roles", "sources", "problems"])?;
        tsv::row(
            out,
            &[
                self.checked.join(","),
                self.roles.to_string(),
                self.sources.to_string(),
                "0".into(),
            ],
        )
    }
}
