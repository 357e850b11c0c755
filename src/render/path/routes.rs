//! `careers path FROM TO` as text: each route as boxes joined by arrows,
//! every step's explanation beside its arrow.

use super::{
    education_short, experience_text, list_cut, pay_line, plural, say, scope_text, step_word,
    training_text,
};
use crate::commands::path::facts::{EducationView, Requirements};
use crate::commands::path::{Basis, How, HowVia, Route, RoutesView, SourcedYears, StepView};
use crate::graph::explain::SkillChange;
use crate::render::diagram::{arrow, box_width, draw_box, title, BoxLine, Glyphs};
use crate::render::text::{break_after_hyphens, percent, source_legend, years, UNKNOWN};
use crate::term::{Paint, Term};
use std::io::{self, Write};

/// Items of a long list shown in text.
const SHOWN: usize = 8;

pub fn text(view: &RoutesView<'_>, out: &mut dyn Write, term: &Term) -> io::Result<()> {
    let cite = |id: &str| crate::render::text::tag(&view.sources, id);
    let g = Glyphs::for_term(term);
    title(
        out,
        term,
        &format!("{} {} {}", view.from.title, g.right, view.to.title),
    )?;
    let main: Vec<&Route> = view.routes.iter().filter(|r| r.basis == view.by).collect();
    let what = match view.by {
        Basis::LeastYears => "with the least typical time",
        _ => "with the fewest steps",
    };
    let shown = if view.total > main.len() as u64 {
        format!(" (showing the best {})", main.len())
    } else {
        String::new()
    };
    let count = plural(
        view.total.min(usize::MAX as u64) as usize,
        "route",
        "routes",
    );
    let guided = view
        .routes
        .iter()
        .flat_map(|r| &r.steps)
        .any(|s| !s.years.is_empty());
    let years_note = if guided {
        " Years are the experience at which the guides place a step."
    } else {
        ""
    };
    say(
        out,
        term,
        &format!(
            "{count} {what}{shown}. {}{years_note}",
            scope_text(&view.scope)
        ),
        "",
        "",
    )?;
    for (i, r) in main.iter().enumerate() {
        writeln!(out)?;
        let label = if main.len() > 1 {
            format!("Route {}: {}", i + 1, summary(r))
        } else {
            format!("Route: {}", summary(r))
        };
        say(out, term, &label, "", "")?;
        draw(out, term, r, &cite)?;
    }
    for r in view.routes.iter().filter(|r| r.basis != view.by) {
        writeln!(out)?;
        let why = match r.basis {
            Basis::SteppingStone => "Or through a stepping stone, no harder to get into",
            _ => "By the guides' years (--by years)",
        };
        say(out, term, &format!("{why}: {}", summary(r)), "", "")?;
        draw(out, term, r, &cite)?;
    }
    source_legend(out, term, &view.sources)
}

/// "2 steps, typically by 7 years of experience, skill gap 12.5 points";
/// "by 2 to 5 years" where the guides give a step different years.
fn summary(r: &Route) -> String {
    let mut out = plural(r.steps.len(), "step", "steps");
    let years = |y: u32| match r.years_most {
        Some(most) if most > y => format!("{y} to {most} years of experience (the sources differ)"),
        _ => format!("{} of experience", plural(y as usize, "year", "years")),
    };
    match (r.years, r.unknown_steps) {
        (Some(y), 0) => out.push_str(&format!(", typically by {}", years(y))),
        (Some(y), n) => out.push_str(&format!(
            ", typically by {} where known ({} without years)",
            years(y),
            plural(n, "step", "steps")
        )),
        (None, _) => {}
    }
    let gaps: Option<f64> = r
        .steps
        .iter()
        .map(|s| s.onet_skills.as_ref().map(|o| o.gap))
        .sum();
    if let Some(gap) = gaps {
        out.push_str(&format!(", skill gap {:.1} points (O*NET)", gap + 0.0)); // + 0.0: never "-0.0"
    }
    out
}

fn node_box(
    term: &Term,
    title: &str,
    id: &str,
    profile: bool,
    soc: Option<&str>,
    approx: bool,
) -> Vec<BoxLine> {
    let inner = term.width.saturating_sub(4).max(4);
    let mut lines = vec![BoxLine::new(title, Some(Paint::Title))];
    if profile {
        for piece in break_after_hyphens(id, inner).lines() {
            lines.push(BoxLine::new(piece, Some(Paint::Id)));
        }
    } else {
        lines.push(BoxLine::new(
            "no profile in the catalog",
            Some(Paint::Muted),
        ));
    }
    if let Some(soc) = soc {
        let approximate = if approx { " (approximate)" } else { "" };
        lines.push(BoxLine::new(
            format!("SOC {soc}{approximate}"),
            Some(Paint::Muted),
        ));
    }
    lines
}

fn draw(
    out: &mut dyn Write,
    term: &Term,
    r: &Route,
    cite: &dyn Fn(&str) -> String,
) -> io::Result<()> {
    let Some(first) = r.steps.first() else {
        return Ok(());
    };
    let mut boxes = vec![node_box(
        term,
        &first.from_title,
        &first.from,
        true,
        first.from_soc,
        first.from_approximate,
    )];
    boxes.extend(r.steps.iter().map(|s| {
        node_box(
            term,
            &s.to_title,
            &s.to,
            s.to_profile,
            s.to_soc,
            s.to_approximate,
        )
    }));
    let w = boxes.iter().map(|b| box_width(term, b)).max().unwrap_or(8);
    draw_box(out, term, &boxes[0], w)?;
    for (s, b) in r.steps.iter().zip(&boxes[1..]) {
        arrow(out, term, 2, &notes(s, term, cite))?;
        draw_box(out, term, b, w)?;
    }
    Ok(())
}

/// The notes beside a step's arrow, in the order the issue asks: how it
/// is known, years, skills (O*NET's, then the guides'), schooling,
/// requirements, pay, outlook.
fn notes(s: &StepView, term: &Term, cite: &dyn Fn(&str) -> String) -> Vec<String> {
    let g = Glyphs::for_term(term);
    let mut notes = vec![how_line(s, cite)];
    if !s.years.is_empty() || s.how.iter().any(is_guide) {
        notes.push(format!("Years: {}", years_text(&s.years, cite)));
    }
    notes.extend(skill_lines(s, g.right, cite));
    if let Some(e) = &s.education {
        notes.push(education_line(e, g.right, cite));
    }
    if let Some(r) = &s.requirements {
        notes.push(format!(
            "Experience and training {}: {}; {}{}",
            cite(r.source),
            experience_text(r.work_experience),
            training_text(r.job_training),
            approximate(r)
        ));
    }
    notes.push(pay_line(&s.pay_change, &g, term.ascii, cite));
    if let Some(r) = &s.requirements {
        notes.push(format!(
            "Outlook {}: jobs {} 2024-34 (all occupations {}), {} openings a year",
            cite(r.source),
            percent(r.change_pct),
            percent((r.all_occupations_change_pct * 10.0).round() / 10.0),
            crate::render::text::group_thousands(i64::from(r.openings_per_year))
        ));
    }
    notes
}

fn is_guide(h: &How) -> bool {
    matches!(h.via, HowVia::Ladder | HowVia::Move | HowVia::Related)
}

fn approximate(r: &Requirements) -> String {
    if r.approximate {
        format!(" (SOC {}, approximate)", r.soc)
    } else {
        String::new()
    }
}

/// "promotion: ladder [1]; named by a guide [1][2]; O*NET related [3]":
/// the step's kind, then each kind of reason with its sources.
fn how_line(s: &StepView, cite: &dyn Fn(&str) -> String) -> String {
    let mut parts: Vec<(String, Vec<String>)> = Vec::new();
    for h in &s.how {
        let what = match h.via {
            HowVia::Ladder => "a guide's ladder".to_string(),
            HowVia::Move => "named by a guide".to_string(),
            HowVia::Related => "related role named by a guide".to_string(),
            HowVia::OnetRelated => "O*NET related occupation".to_string(),
            HowVia::SimilarSkills => match h.distance {
                Some(d) => format!("similar skills, {d:.2} apart"),
                None => "similar skills".to_string(),
            },
            HowVia::Supervisor => "first-line supervisors of its SOC group".to_string(),
            HowVia::Entry => {
                "open to newcomers (BLS asks no work experience in a related occupation)"
                    .to_string()
            }
        };
        let tags: Vec<String> = h.sources.iter().map(|id| cite(id)).collect();
        match parts.iter_mut().find(|(w, _)| *w == what) {
            Some((_, have)) => {
                for t in tags {
                    if !have.contains(&t) {
                        have.push(t);
                    }
                }
            }
            None => parts.push((what, tags)),
        }
    }
    let parts: Vec<String> = parts
        .into_iter()
        .map(|(what, tags)| format!("{what} {}", tags.concat()))
        .collect();
    format!("{}: {}", step_word(s.kind), parts.join("; "))
}

/// "1-3 years [2]; 5+ years [1]", or "unknown".
fn years_text(ys: &[SourcedYears], cite: &dyn Fn(&str) -> String) -> String {
    if ys.is_empty() {
        return UNKNOWN.into();
    }
    ys.iter()
        .map(|y| format!("{} {}", years(y.min, y.max), cite(&y.source)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn skill_lines(s: &StepView, right: &str, cite: &dyn Fn(&str) -> String) -> Vec<String> {
    let mut out = Vec::new();
    match (&s.onet_skills, &s.onet_skills_note) {
        (Some(o), _) => {
            let tag = cite(o.source);
            let approx = if o.approximate { ", approximate" } else { "" };
            out.push(format!(
                "Skills to gain ({}, O*NET {tag}{approx}): {}",
                o.to_gain.len(),
                changes(&o.to_gain, right)
            ));
            out.push(format!(
                "Skills that carry over ({}): {}",
                o.carry_over.len(),
                changes(&o.carry_over, right)
            ));
        }
        (None, note) => out.push(format!(
            "Skills (O*NET): {UNKNOWN} ({})",
            note.as_deref().unwrap_or("no ratings")
        )),
    }
    match (&s.guide_skills, &s.guide_skills_note) {
        (Some(gs), _) => out.push(format!(
            "As the guides word them: to gain ({}): {}; shared ({}): {}",
            gs.to_gain.len(),
            list_cut(&gs.to_gain, SHOWN),
            gs.shared.len(),
            list_cut(&gs.shared, SHOWN)
        )),
        (None, Some(note)) if note != "not both curated roles" => {
            out.push(format!("As the guides word them: {UNKNOWN} ({note})"))
        }
        _ => {}
    }
    out
}

/// "Programming 1.25 → 3.50, Mathematics 2.00 → 3.12", cut after [`SHOWN`].
fn changes(cs: &[SkillChange], right: &str) -> String {
    // Only the items shown are written out.
    let mut items: Vec<String> = cs
        .iter()
        .take(SHOWN)
        .map(|c| format!("{} {:.2} {right} {:.2}", c.skill, c.from, c.to))
        .collect();
    let more = cs.len().saturating_sub(SHOWN);
    if more > 0 {
        // list_cut counts what is cut from the list it is given.
        items.extend(std::iter::repeat_n(String::new(), more));
    }
    list_cut(&items, SHOWN)
}

fn education_line(e: &EducationView, right: &str, cite: &dyn Fn(&str) -> String) -> String {
    let tag = cite(e.source);
    match (e.from, e.levels_up) {
        (Some(from), Some(0)) if from == e.to => {
            format!("Education {tag}: {} (the same)", education_short(e.to))
        }
        (Some(from), Some(0)) => format!(
            "Education {tag}: {} {right} {} (no more schooling)",
            education_short(from),
            education_short(e.to)
        ),
        (Some(from), Some(n)) => format!(
            "Education {tag}: {} {right} {} ({} up)",
            education_short(from),
            education_short(e.to),
            plural(n, "level", "levels")
        ),
        _ => format!(
            "Education {tag}: {} (the current one {UNKNOWN})",
            education_short(e.to)
        ),
    }
}
