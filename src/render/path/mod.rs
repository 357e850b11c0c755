//! Text, TSV, Mermaid and DOT for `careers path`: routes (boxes and
//! arrows, every step explained) and the ranked destinations.

mod machine;
mod ranking;
mod routes;

use crate::commands::path::facts::PayChange;
use crate::commands::path::{PathView, Scope, StepKind};
use crate::official::{Education, Experience, Training};
use crate::pay::PayFigure;
use crate::render::diagram::Glyphs;
use crate::render::text::{money, pay_figure, per, percent, UNKNOWN};
use crate::render::{Format, Render};
use crate::term::Term;
use std::io::{self, Write};

impl Render for PathView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        match self {
            PathView::Routes(r) => routes::text(r, out, term),
            PathView::Ranking(r) => ranking::text(r, out, term),
        }
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            PathView::Routes(r) => machine::routes_tsv(r, out),
            PathView::Ranking(r) => machine::ranking_tsv(r, out),
        }
    }

    fn diagram(&self, format: Format, out: &mut dyn Write) -> Option<io::Result<()>> {
        Some(match self {
            PathView::Routes(r) => machine::routes_diagram(r, format, out),
            PathView::Ranking(r) => machine::ranking_diagram(r, format, out),
        })
    }
}

/// A guide's kind of move as a word (also `show`'s).
pub fn kind_word(k: crate::model::MoveKind) -> &'static str {
    step_word(k.into())
}

/// A step's kind as a word.
pub fn step_word(k: StepKind) -> &'static str {
    match k {
        StepKind::Promotion => "promotion",
        StepKind::Lateral => "lateral",
        StepKind::Related => "related",
        StepKind::Entry => "entry",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// An education level in a few words: "high school", "bachelor's".
fn education_short(e: Education) -> &'static str {
    match e {
        Education::NoFormalCredential => "no formal credential",
        Education::HighSchool => "high school",
        Education::PostsecondaryNondegree => "postsecondary award",
        Education::SomeCollege => "some college",
        Education::Associate => "associate's",
        Education::Bachelor => "bachelor's",
        Education::Master => "master's",
        Education::DoctoralOrProfessional => "doctoral or professional",
    }
}

/// BLS's work experience in a related occupation, as a phrase.
fn experience_text(e: Experience) -> &'static str {
    match e {
        Experience::None => "no work experience in a related occupation",
        Experience::LessThan5Years => "less than 5 years in a related occupation",
        Experience::FiveYearsOrMore => "5 years or more in a related occupation",
    }
}

/// BLS's typical on-the-job training, as a phrase.
fn training_text(t: Training) -> String {
    match t {
        Training::None => "no on-the-job training".to_string(),
        other => other.label().to_lowercase(),
    }
}

/// Where the figures are from, for a heading's second line:
/// "Pay: National (U.S.), by the hour."
fn scope_text(scope: &Scope) -> String {
    let hourly = match scope.period {
        Some(crate::model::Period::Hour) => {
            ", by the hour (yearly figures converted at 2,080 hours)"
        }
        _ => "",
    };
    format!("Pay: {}{hourly}.", scope.area.label())
}

/// "Pay: $44,770/yr official median, SOC 43-4051 [3] → $69,500/yr ...:
/// +$24,730/yr (+55.2%)", or the figures and why they are not compared.
fn pay_line(p: &PayChange, g: &Glyphs, ascii: bool, cite: &dyn Fn(&str) -> String) -> String {
    let right = g.right;
    let end = |x: &Option<PayFigure>| match x {
        Some(pay) => format!("{} {}", pay_figure(pay, ascii), cite(&pay.source)),
        None => UNKNOWN.to_string(),
    };
    if let (Some(change), Some(from)) = (p.change, &p.from) {
        let sign = if change > 0.0 { "+" } else { "" };
        let pct = p
            .percent
            .map(|v| format!(" ({})", percent(v)))
            .unwrap_or_default();
        return format!(
            "Pay: {} {right} {}: {sign}{}{}{pct}",
            end(&p.from),
            end(&p.to),
            money(change, &from.currency),
            per(from.period)
        );
    }
    let note = p.note.as_deref().unwrap_or("not comparable");
    match (&p.from, &p.to) {
        (None, None) => format!("Pay change: {UNKNOWN} ({note})"),
        (Some(_), Some(_)) => format!(
            "Pay: {} {right} {}; not compared: {note}",
            end(&p.from),
            end(&p.to)
        ),
        _ => format!("Pay: {} {right} {} ({note})", end(&p.from), end(&p.to)),
    }
}

/// Prose wrapped first-fit at spaces (never at a hyphen: ids stay whole),
/// its first line after `first`, the others after `rest`.
fn say(out: &mut dyn Write, term: &Term, text: &str, first: &str, rest: &str) -> io::Result<()> {
    let width = term
        .prose_width()
        .max(crate::render::text::display_width(rest) + 12);
    for line in crate::render::text::fill(&crate::render::text::clean(text), width, first, rest) {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// A list for people, cut after `shown` items (JSON has them all).
fn list_cut(items: &[String], shown: usize) -> String {
    if items.is_empty() {
        "none".to_string()
    } else if items.len() > shown {
        format!(
            "{}, and {} more (--format json lists all)",
            items[..shown].join(", "),
            items.len() - shown
        )
    } else {
        items.join(", ")
    }
}
