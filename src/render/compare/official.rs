//! The official facts of `compare` as text and TSV: each role's SOC
//! occupation's BLS projection in the outlook, education, experience and
//! training rows, and the O*NET skills side by side with the largest
//! differences from the baseline.

use super::{cite_tag, lines_cell, CompareRecord, LABEL_COLUMN};
use crate::commands::compare::official::OccupationFacts;
use crate::commands::compare::{CompareRole, CompareView};
use crate::render::rank::bls_change;
use crate::render::salary::hanging;
use crate::render::text::{self, cell, clean, UNKNOWN};
use crate::term::{Paint, Term};
use std::io::{self, Write};

/// How many of the largest skill differences text shows per role.
const DIFFERENCES_SHOWN: usize = 3;

/// " (SOC 43-1011, approximate)" after a curated role's official figure:
/// which occupation it is of; nothing for an official occupation's own.
fn which(o: &OccupationFacts) -> String {
    match (o.own, o.approximate) {
        (true, _) => String::new(),
        (false, false) => format!(" (SOC {})", o.soc),
        (false, true) => format!(" (SOC {}, approximate)", o.soc),
    }
}

/// The BLS outlook lines of a role: change and category, openings, jobs.
pub fn outlook_lines(view: &CompareView, r: &CompareRole, ascii: bool) -> Vec<String> {
    let arrow = if ascii { "->" } else { "→" };
    let mut out = Vec::new();
    for o in &r.occupations {
        let Some(x) = &o.outlook else { continue };
        out.push(format!(
            "{} 2024-34{}, {} {}",
            bls_change(x.change_pct),
            which(o),
            x.growth_label,
            cite_tag(view, x.source)
        ));
        out.push(format!(
            "{} openings a year",
            text::group_thousands(i64::from(x.openings_per_year))
        ));
        out.push(format!(
            "{} {arrow} {} jobs",
            text::group_thousands(i64::from(x.employment_2024)),
            text::group_thousands(i64::from(x.employment_2034))
        ));
    }
    out
}

/// One BLS category line per occupation, `Label (SOC ...): category
/// [n]`: `what` picks the category.
fn category_lines(
    view: &CompareView,
    r: &CompareRole,
    label: &str,
    what: fn(&crate::commands::soc_facts::Requirements) -> &'static str,
) -> Vec<String> {
    r.occupations
        .iter()
        .filter_map(|o| {
            let q = o.requirements.as_ref()?;
            Some(format!(
                "{label}{}: {} {}",
                which(o),
                what(q),
                cite_tag(view, q.source)
            ))
        })
        .collect()
}

/// BLS typical entry-level education.
pub fn education_lines(view: &CompareView, r: &CompareRole) -> Vec<String> {
    category_lines(view, r, "Typical entry", |q| q.entry_education.label)
}

/// BLS work experience in a related occupation.
pub fn experience_lines(view: &CompareView, r: &CompareRole) -> Vec<String> {
    category_lines(view, r, "In a related job", |q| q.work_experience.label)
}

/// BLS typical on-the-job training.
pub fn training_lines(view: &CompareView, r: &CompareRole) -> Vec<String> {
    category_lines(view, r, "On the job", |q| q.job_training.label)
}

/// What growth categories are measured against, under the table.
pub fn growth_note(view: &CompareView) -> Option<String> {
    let any = view
        .roles
        .iter()
        .any(|r| r.occupations.iter().any(|o| o.outlook.is_some()));
    let all = &view.all_occupations;
    any.then(|| {
        format!(
            "Growth categories compare each BLS change with that of all occupations, \
             {} 2024-34 {} (careers' sum of the table's rows).",
            bls_change(all.change_pct),
            cite_tag(view, all.source)
        )
    })
}

/// An importance for a cell: "4.12", or unknown.
fn rating(v: Option<f64>) -> String {
    v.map_or(UNKNOWN.to_string(), |v| format!("{v:.2}"))
}

/// The heading of the skills section and what it rests on: the scale,
/// and each role whose ratings are of another SOC occupation than its own.
fn skills_heading(view: &CompareView, out: &mut dyn Write, term: &Term) -> io::Result<()> {
    writeln!(out)?;
    let source = view
        .roles
        .iter()
        .find_map(|r| r.onet_skills.as_ref().map(|s| cite_tag(view, s.source)))
        .unwrap_or_default();
    hanging(
        out,
        term,
        &format!("O*NET skills {source}"),
        "",
        Some(Paint::Heading),
    )?;
    text::paragraph(
        out,
        term,
        &format!(
            "Importance from {}: each role's {} most important skills, and every role's \
             rating of them (all 35: careers skills ROLE).",
            crate::commands::soc_facts::IMPORTANCE_SCALE,
            crate::commands::compare::official::GRID_TOP
        ),
        "  ",
    )?;
    for r in &view.roles {
        let line = match (&r.onet_skills, &r.onet_skills_unknown) {
            (Some(_), _) if r.occupations.first().is_some_and(|o| o.own) => continue,
            (Some(s), _) if s.approximate => {
                format!("{}: ratings of SOC {} (approximate)", r.title, s.soc)
            }
            (Some(s), _) => format!("{}: ratings of SOC {}", r.title, s.soc),
            (None, why) => format!(
                "{}: {UNKNOWN} ({})",
                r.title,
                why.as_deref().unwrap_or("no ratings")
            ),
        };
        hanging(out, term, &clean(&line), "  ", Some(Paint::Muted))?;
    }
    Ok(())
}

/// The grid as a table, one column per role (wide terminals).
fn grid_table(view: &CompareView, out: &mut dyn Write, term: &Term) -> io::Result<()> {
    let mut t = text::table(term);
    let mut header = vec![cell("Skill", Some(Paint::Heading))];
    for r in &view.roles {
        header.push(lines_cell(&[r.title.as_str()], Some(Paint::Title)));
    }
    t.set_header(header);
    for row in &view.skill_grid {
        let mut cells = vec![cell(row.name, Some(Paint::Heading))];
        cells.extend(row.importance.iter().map(|v| cell(&rating(*v), None)));
        t.add_row(cells);
    }
    if let Some(c) = t.column_mut(0) {
        c.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
            comfy_table::Width::Fixed(LABEL_COLUMN as u16),
        ));
    }
    text::write_table(out, &t)
}

/// The grid as lines, numbers first, roles numbered (narrow terminals):
/// `  4.12  3.88  Active Listening`.
fn grid_lines(view: &CompareView, out: &mut dyn Write, term: &Term) -> io::Result<()> {
    let legend: Vec<String> = view
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{} {}", i + 1, r.title))
        .collect();
    text::paragraph(out, term, &format!("Columns: {}.", legend.join("; ")), "  ")?;
    // Each rating is at most "unknown" wide: 7 columns and a space.
    let cell = 8;
    let numbers = 2 + cell * view.roles.len();
    // Names after the numbers when there is room; else on a line above.
    let names_after = term.width.saturating_sub(numbers) >= 16;
    let indent = if names_after { "  " } else { "    " };
    let head: String = (1..=view.roles.len())
        .map(|i| format!("{:<cell$}", i))
        .collect();
    writeln!(out, "{indent}{}", head.trim_end())?;
    for row in &view.skill_grid {
        let values: String = row
            .importance
            .iter()
            .map(|v| format!("{:<cell$}", rating(*v)))
            .collect();
        if names_after {
            let (first, rest) = (format!("  {values}"), " ".repeat(numbers));
            for l in text::fill(row.name, term.width, &first, &rest) {
                writeln!(out, "{}", l.trim_end())?;
            }
        } else {
            hanging(out, term, row.name, "  ", Some(Paint::Heading))?;
            writeln!(out, "    {}", values.trim_end())?;
        }
    }
    Ok(())
}

/// The O*NET skills side by side, then each role's largest differences
/// from the baseline; nothing when no role has ratings.
pub fn skills_section(
    view: &CompareView,
    out: &mut dyn Write,
    term: &Term,
    side_by_side: bool,
) -> io::Result<()> {
    if view.skill_grid.is_empty() {
        return Ok(());
    }
    skills_heading(view, out, term)?;
    if side_by_side {
        grid_table(view, out, term)?;
    } else {
        grid_lines(view, out, term)?;
    }
    writeln!(out)?;
    hanging(
        out,
        term,
        "Largest O*NET skill differences from the baseline",
        "",
        Some(Paint::Heading),
    )?;
    for d in &view.skill_differences {
        let title = view
            .roles
            .iter()
            .find(|r| r.id == d.role)
            .map_or(d.role.as_str(), |r| r.title.as_str());
        hanging(out, term, title, "  ", Some(Paint::Title))?;
        if let Some(why) = &d.unknown {
            hanging(
                out,
                term,
                &format!("{UNKNOWN} ({why})"),
                "    ",
                Some(Paint::Warning),
            )?;
            continue;
        }
        // Equal ratings are no difference (two roles of one SOC code).
        let differ: Vec<_> = d
            .skills
            .iter()
            .filter(|s| s.difference.abs() >= 0.005)
            .take(DIFFERENCES_SHOWN)
            .collect();
        if differ.is_empty() {
            hanging(
                out,
                term,
                "the same ratings as the baseline",
                "    ",
                Some(Paint::Muted),
            )?;
        }
        for s in differ {
            let arrow = if term.ascii { "->" } else { "→" };
            hanging(
                out,
                term,
                &format!(
                    "{}: {:.2} {arrow} {:.2} ({:+.2})",
                    s.name, s.baseline, s.other, s.difference
                ),
                "    ",
                None,
            )?;
        }
    }
    Ok(())
}

/// The official facts of one role as TSV records: per SOC occupation its
/// outlook and categories, then the O*NET ratings.
pub fn records(r: &CompareRole) -> Vec<CompareRecord> {
    let mut out = Vec::new();
    let number = |v: f64| text::plain_number(v);
    for o in &r.occupations {
        let soc = |rec: CompareRecord| CompareRecord {
            soc: Some(o.soc.to_string()),
            detail: if o.approximate {
                "approximate".to_string()
            } else {
                String::new()
            },
            ..rec
        };
        if let Some(x) = &o.outlook {
            for (kind, value, unit) in [
                ("bls_change_percent", number(x.change_pct), "%"),
                ("bls_employment_2024", x.employment_2024.to_string(), "jobs"),
                ("bls_employment_2034", x.employment_2034.to_string(), "jobs"),
                (
                    "bls_openings_per_year",
                    x.openings_per_year.to_string(),
                    "jobs",
                ),
            ] {
                out.push(soc(CompareRecord::new("growth", &r.id, kind, value)
                    .unit(unit)
                    .source(x.source)));
            }
            out.push(soc(CompareRecord::new(
                "growth",
                &r.id,
                "bls_growth_category",
                serde_plain(&x.growth),
            )
            .source(x.source)));
        }
        if let Some(q) = &o.requirements {
            for (attribute, kind, value) in [
                (
                    "education",
                    "bls_entry_education",
                    serde_plain(&q.entry_education.code),
                ),
                (
                    "experience",
                    "bls_work_experience",
                    serde_plain(&q.work_experience.code),
                ),
                (
                    "training",
                    "bls_job_training",
                    serde_plain(&q.job_training.code),
                ),
            ] {
                out.push(soc(
                    CompareRecord::new(attribute, &r.id, kind, value).source(q.source)
                ));
            }
        }
    }
    if let Some(s) = &r.onet_skills {
        for x in &s.ratings {
            out.push(CompareRecord {
                soc: Some(s.soc.to_string()),
                ..CompareRecord::new("onet_skill", &r.id, x.name, number(x.importance))
                    .unit("1-5")
                    .source(s.source)
            });
        }
    }
    out
}

/// The largest differences of every other role, all 35 each.
pub fn difference_records(view: &CompareView) -> Vec<CompareRecord> {
    let mut out = Vec::new();
    for d in &view.skill_differences {
        for s in &d.skills {
            out.push(
                CompareRecord::new(
                    "onet_skill_difference",
                    &d.role,
                    s.name,
                    text::plain_number(s.difference),
                )
                .unit("points")
                .source(d.source)
                .detail(format!(
                    "baseline {}, this role {}",
                    text::plain_number(s.baseline),
                    text::plain_number(s.other)
                )),
            );
        }
    }
    out
}

/// A unit enum's snake_case name, as JSON spells it.
fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
