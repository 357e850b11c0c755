//! Text and TSV for `careers list` and `careers validate`.

use crate::citations::Citations;
use crate::commands::list::{ListRow, ListView};
use crate::commands::validate::ValidateView;
use crate::render::text::{self, cell, percent, UNKNOWN};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use serde::Serialize;
use std::io::{self, Write};

/// The guides' growth statements, then the BLS projection's change
/// ("+6% [3]; -5.5% [5]"), or unknown.
fn growth_text(r: &ListRow, cites: &Citations) -> String {
    let guides = r.growth.iter().map(|g| {
        let what = match g.percent {
            Some(p) => percent(p),
            None => g.trend.map_or(UNKNOWN, trend_word).to_string(),
        };
        format!("{what} {}", text::tag(cites, &g.source))
    });
    let official = r.projection.iter().map(|p| {
        format!(
            "{}{} {}",
            crate::render::rank::bls_change(p.change_pct),
            approximate(p.approximate),
            text::tag(cites, p.source)
        )
    });
    let all: Vec<String> = guides.chain(official).collect();
    if all.is_empty() {
        return UNKNOWN.into();
    }
    all.join("; ")
}

/// The BLS typical entry-level education ("Bachelor's degree [5]").
fn education_text(r: &ListRow, cites: &Citations) -> String {
    match &r.projection {
        Some(p) => format!(
            "{}{} {}",
            p.entry_education.label,
            approximate(p.approximate),
            text::tag(cites, p.source)
        ),
        None => UNKNOWN.into(),
    }
}

/// The mark of a figure of a SOC occupation the role links to
/// approximately.
fn approximate(yes: bool) -> &'static str {
    if yes {
        " (approximate)"
    } else {
        ""
    }
}

fn pay_text(r: &ListRow, cites: &Citations, ascii: bool) -> String {
    match &r.pay {
        Some(p) => format!(
            "{} {}",
            text::pay_figure(p, ascii),
            text::tag(cites, &p.source)
        ),
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

/// The share of the table's width the Role column takes at most when
/// the content wants more: the rest is for pay and growth.
const ROLE_SHARE: f64 = 0.45;

/// The widest word of each of `cells`, in columns.
pub fn longest_word<'s>(cells: impl IntoIterator<Item = &'s str>) -> usize {
    cells
        .into_iter()
        .flat_map(str::split_whitespace)
        .map(text::display_width)
        .max()
        .unwrap_or(0)
}

/// One role a block: for terminals too narrow for a table (below
/// [`STACK_BELOW`], or where the columns' longest words do not fit).
fn stacked(view: &ListView<'_>, out: &mut dyn Write, term: &Term) -> io::Result<()> {
    let cites = &view.sources;
    for r in &view.rows {
        text::line(out, term, &term.paint(Paint::Title, &text::clean(&r.title)))?;
        for (label, value) in [
            ("id", term.paint(Paint::Id, &r.id)),
            ("family", text::clean(&r.family).into_owned()),
            ("pay", pay_text(r, cites, term.ascii)),
            ("growth", growth_text(r, cites)),
            ("education", education_text(r, cites)),
        ] {
            text::line(out, term, &format!("  {label}: {value}"))?;
        }
    }
    Ok(())
}

/// The table. Every column is at least as wide as its longest word, so
/// that no word is cut: the Role column gets what its titles and ids need
/// when the other columns still get theirs; otherwise [`ROLE_SHARE`] of
/// the width (never less than its longest title word), and ids longer
/// than that are broken after a hyphen.
fn table(view: &ListView<'_>, out: &mut dyn Write, term: &Term) -> io::Result<()> {
    let cites = &view.sources;
    let wide = term.width >= 100;
    let mut header = vec!["Role", "Pay", "Growth", "Education"];
    if wide {
        header.insert(1, "Family");
    }
    let pays: Vec<String> = view
        .rows
        .iter()
        .map(|r| pay_text(r, cites, term.ascii))
        .collect();
    let growths: Vec<String> = view.rows.iter().map(|r| growth_text(r, cites)).collect();
    let educations: Vec<String> = view.rows.iter().map(|r| education_text(r, cites)).collect();
    // Each column but Role: its longest word, the padding, and a column
    // to spare, so that a word never fills a line to the edge (where it
    // would read as cut).
    let mut others = vec![
        longest_word(pays.iter().map(String::as_str).chain(["Pay"])) + 3,
        longest_word(growths.iter().map(String::as_str).chain(["Growth"])) + 3,
        longest_word(educations.iter().map(String::as_str).chain(["Education"])) + 3,
    ];
    if wide {
        others.insert(
            0,
            longest_word(view.rows.iter().map(|r| r.family.as_str())) + 2,
        );
    }
    let titles = longest_word(view.rows.iter().map(|r| r.title.as_str()).chain(["Role"]));
    let ids = view.rows.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let inner = term.width.saturating_sub(header.len() + 1);
    if others.iter().sum::<usize>() + titles + 2 > inner {
        // No column may be narrower than its longest word: too narrow
        // for a table.
        return stacked(view, out, term);
    }
    // Ids whole where they fit beside the others' longest words (an id
    // broken at a hyphen cannot be copied), else the titles' longest word.
    let whole_ids = titles.max(ids) + 2;
    let role_min = if others.iter().sum::<usize>() + whole_ids <= inner {
        whole_ids
    } else {
        titles + 2
    };
    // Pay, the figure a list is read for, on one line where the others'
    // longest words and the Role column still fit.
    let pay_column = usize::from(wide);
    let pay_whole = pays
        .iter()
        .map(|p| text::display_width(p))
        .max()
        .unwrap_or(0)
        + 2;
    if others.iter().sum::<usize>() - others[pay_column] + pay_whole + role_min <= inner {
        others[pay_column] = others[pay_column].max(pay_whole);
    }
    let room = inner.saturating_sub(others.iter().sum::<usize>());
    let share = (inner as f64 * ROLE_SHARE) as usize;
    let ideal = titles.max(ids) + 2;
    let role_width = if ideal <= room {
        ideal
    } else {
        room.min(share).max(role_min)
    };
    let mut t = text::table(term);
    t.set_header(header.into_iter().map(|h| cell(h, Some(Paint::Heading))));
    for (i, r) in view.rows.iter().enumerate() {
        // The title above its id; an id wider than the column breaks
        // after a hyphen, never inside a word.
        let id = text::break_after_hyphens(&r.id, role_width.saturating_sub(2));
        let mut role =
            comfy_table::Cell::new(text::cell_text(&format!("{}\n{id}", text::clean(&r.title))));
        if term.color {
            role = role.add_attribute(comfy_table::Attribute::Bold);
        }
        let pay_paint = if r.pay.is_some() {
            Paint::Figure
        } else {
            Paint::Warning
        };
        let mut row = vec![
            role,
            cell(&pays[i], Some(pay_paint)),
            cell(&growths[i], None),
            cell(&educations[i], None),
        ];
        if wide {
            row.insert(1, cell(&r.family, None));
        }
        t.add_row(row);
    }
    let fixed = |w: usize| comfy_table::Width::Fixed(w.min(u16::MAX as usize) as u16);
    if let Some(c) = t.column_mut(0) {
        c.set_constraint(comfy_table::ColumnConstraint::Absolute(fixed(role_width)));
    }
    for (i, w) in others.into_iter().enumerate() {
        if let Some(c) = t.column_mut(i + 1) {
            c.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(fixed(w)));
        }
    }
    text::write_table(out, &t)
}

impl Render for ListView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        if term.width < STACK_BELOW {
            stacked(self, out, term)?;
        } else {
            table(self, out, term)?;
        }
        text::source_legend(out, term, &self.sources)?;
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
                pay: tsv::PayColumns::of(r.pay.as_ref()),
                growth_percent: g.and_then(|g| g.percent),
                growth_status: g.and_then(|g| g.status.as_deref()),
                growth_source: g.map(|g| g.source.as_str()),
                projection: ProjectionColumns::of(r.projection.as_ref()),
                growth_statements: growth_statements(&r.growth),
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
    #[serde(flatten)]
    pay: tsv::PayColumns<'a>,
    growth_percent: Option<f64>,
    growth_status: Option<&'a str>,
    growth_source: Option<&'a str>,
    #[serde(flatten)]
    projection: ProjectionColumns,
    // Last: added after the other columns, so `cut -f` keeps its numbers.
    growth_statements: Option<String>,
}

/// Every growth statement of the guides, each with its source, so that a
/// decline beside a growth figure is not lost in the one-row TSV:
/// `6% jobicy-csr-guide; declining csa-role-profile` (a percent as a
/// number, else the trend word); empty when there are none.
fn growth_statements(all: &[crate::commands::list::GrowthFigure]) -> Option<String> {
    if all.is_empty() {
        return None;
    }
    let each = all.iter().map(|g| {
        let what = match (g.percent, g.trend) {
            (Some(p), _) => format!("{}%", text::plain_number(p)),
            (None, Some(t)) => trend_word(t).to_string(),
            (None, None) => UNKNOWN.to_string(),
        };
        format!("{what} {}", g.source)
    });
    Some(each.collect::<Vec<_>>().join("; "))
}

/// The BLS projection of `list`'s TSV: the SOC code it is of (not the pay
/// figure's `soc`, though usually the same), the change, its category,
/// the openings and the typical entry-level education; all empty without
/// one.
#[derive(Serialize, Default)]
struct ProjectionColumns {
    projection_soc: Option<&'static str>,
    projection_approximate: Option<bool>,
    change_percent: Option<f64>,
    growth_category: Option<crate::official::Growth>,
    openings_per_year: Option<u32>,
    entry_education: Option<crate::official::Education>,
    projection_source: Option<&'static str>,
}

impl ProjectionColumns {
    fn of(p: Option<&crate::commands::list::ListProjection>) -> ProjectionColumns {
        let Some(p) = p else {
            return ProjectionColumns::default();
        };
        ProjectionColumns {
            projection_soc: Some(p.soc),
            projection_approximate: Some(p.approximate),
            change_percent: Some(p.change_pct),
            growth_category: Some(p.growth),
            openings_per_year: Some(p.openings_per_year),
            entry_education: Some(p.entry_education.code),
            projection_source: Some(p.source),
        }
    }
}

impl Render for ValidateView {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let ladders = match self.ladder_files {
            0 => String::new(),
            1 => ", 1 ladder file".to_string(),
            n => format!(", {n} ladder files"),
        };
        let line = format!(
            "{} {}: {} roles{ladders}, {} sources, no problems",
            term.paint(Paint::Good, "ok"),
            text::clean(&self.checked.join(", ")),
            self.roles,
            self.sources
        );
        text::styled_paragraph(out, term, &line, "")
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        tsv::write(
            out,
            [ValidateRecord {
                checked: self.checked.join(","),
                roles: self.roles,
                sources: self.sources,
                problems: 0,
                ladder_files: self.ladder_files,
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
    /// Ladder files checked (`ladders/*.toml`).
    ladder_files: usize,
}
