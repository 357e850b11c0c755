//! The outlook as text, in the section and in the key facts: each
//! source's statement headed by growth or decline in its first words, the
//! BLS projection of each SOC occupation with its jobs and openings, and,
//! when the sources disagree, a note beside the figures.

use super::Page;
use crate::commands::show::occupation::OutlookFacts;
use crate::model::{Outlook, Trend};
use crate::official::Growth;
use crate::render::text::{clean, group_thousands, money, paragraph, percent};
use crate::term::Paint;
use std::io::{self, Write};

/// "+6% growth", "-5.5% decline", "No change".
fn change(p: &Page<'_>, pct: f64) -> String {
    let figure = p.paint(Paint::Figure, &percent(pct));
    match pct {
        x if x > 0.0 => format!("{figure} growth"),
        x if x < 0.0 => format!("{figure} decline"),
        _ => "No change".to_string(),
    }
}

/// A guide's statement in one line, growth or decline first: "+6% growth:
/// Growing at an average rate", "Decline through 2033". `credited` adds
/// whom the source credits.
pub fn statement(p: &Page<'_>, o: &Outlook, credited: bool) -> String {
    let mut head = match (o.growth_percent, o.trend) {
        (Some(g), _) => change(p, g),
        (None, Some(Trend::Growing)) => "Growth".to_string(),
        (None, Some(Trend::Declining)) => "Decline".to_string(),
        (None, Some(Trend::Stable)) => "Stable".to_string(),
        (None, None) => String::new(),
    };
    if let Some(s) = &o.status {
        match head.is_empty() {
            true => head = clean(s).into_owned(),
            false => head.push_str(&format!(": {}", clean(s))),
        }
    }
    if let Some(t) = o.through {
        if !o.status.as_deref().unwrap_or("").contains(&t.to_string()) {
            head.push_str(&format!(" through {t}"));
        }
    }
    if head.is_empty() {
        head.push_str("No figure or trend, only comment");
    }
    if let (true, Some(a)) = (credited, &o.attributed_to) {
        head.push_str(&format!("; credited to {}", clean(a)));
    }
    head
}

/// A BLS projection in one line: "-5.5% decline, 2024–34 (all
/// occupations: +3.1%)", "+4.9% growth, 2024–34: faster than all
/// occupations (+3.1%)".
pub fn projection(p: &Page<'_>, f: &OutlookFacts) -> String {
    let all = percent(f.all_occupations.change_pct);
    let compared = match f.growth {
        Growth::Declining => format!(" (all occupations: {all})"),
        Growth::Slower => format!(": slower than all occupations ({all})"),
        Growth::Similar => format!(": about as fast as all occupations ({all})"),
        Growth::Faster => format!(": faster than all occupations ({all})"),
        Growth::MuchFaster => format!(": much faster than all occupations ({all})"),
    };
    format!("{}, 2024–34{compared}", change(p, f.change_pct))
}

/// "Sources disagree: growth [2]; decline [1] [5].", when they do.
pub fn disagreement(p: &Page<'_>) -> Option<String> {
    let t = &p.view.trends;
    if !t.sources_disagree {
        return None;
    }
    let sides: Vec<String> = [
        ("growth", &t.growing),
        ("stable", &t.stable),
        ("decline", &t.declining),
    ]
    .iter()
    .filter(|(_, ids)| !ids.is_empty())
    .map(|(word, ids)| {
        let tags: Vec<String> = ids.iter().map(|id| p.cite(id)).collect();
        format!("{word} {}", tags.join(" "))
    })
    .collect();
    Some(p.paint(
        Paint::Warning,
        &format!("Sources disagree: {}.", sides.join("; ")),
    ))
}

/// The key facts' growth lines: each guide's, each projection's, and the
/// disagreement.
pub fn key_facts(p: &Page<'_>) -> Vec<String> {
    let mut lines: Vec<String> = p
        .role()
        .outlook
        .iter()
        .filter(|o| o.growth_percent.is_some() || o.status.is_some() || o.trend.is_some())
        .map(|o| format!("{} {}", statement(p, o, false), p.cite(&o.source)))
        .collect();
    for o in &p.view.occupations {
        let f = &o.outlook;
        let approx = if f.approximate { ", approximate" } else { "" };
        lines.push(format!(
            "{}; {} openings a year, official (SOC {}{approx}) {}",
            projection(p, f),
            group_thousands(i64::from(f.openings_per_year)),
            f.soc,
            p.cite(f.source)
        ));
    }
    lines.extend(disagreement(p));
    lines
}

/// The outlook section.
pub fn section(p: &Page<'_>, out: &mut dyn Write) -> io::Result<()> {
    if let Some(note) = disagreement(p) {
        p.line(out, &format!("  {note}"))?;
    }
    // Each source's block, then each projection, a blank line between two.
    for (i, o) in p.role().outlook.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        p.line(
            out,
            &format!("  {} {}", statement(p, o, true), p.cite(&o.source)),
        )?;
        if let Some(d) = &o.demand {
            let demand = p.paint(Paint::Figure, &clean(d));
            p.line(out, &format!("    Demand: {demand}"))?;
        }
        let ai = o.ai_impact.as_ref().map(|ai| {
            let when = o
                .ai_impact_through
                .map(|y| format!(" (through {y})"))
                .unwrap_or_default();
            format!("AI impact{when}: {ai}")
        });
        let texts = [&o.demand_text, &o.automation, &ai]
            .into_iter()
            .flatten()
            .chain(&o.paragraphs);
        p.paras(out, texts.map(String::as_str), "    ")?;
    }
    for (i, o) in p.view.occupations.iter().enumerate() {
        if i > 0 || !p.role().outlook.is_empty() {
            writeln!(out)?;
        }
        official(p, out, &o.outlook)?;
    }
    if !p.view.is_full() && !p.view.occupations.is_empty() {
        let rule = "How careers compares a change with all occupations' (the sum of every row of the same BLS table): declining below 0%; slower more than 1 point below; about as fast within 1 point; faster up to 5 points above; much faster beyond.";
        writeln!(out)?;
        paragraph(out, p.term, rule, "  ")?;
    }
    Ok(())
}

/// One BLS projection: the headline, jobs, openings and the wage BLS
/// published with it.
fn official(p: &Page<'_>, out: &mut dyn Write, f: &OutlookFacts) -> io::Result<()> {
    let about = p
        .about(f.soc, f.approximate)
        .map(|a| format!("; {a}"))
        .unwrap_or_default();
    let head = format!("{}{about}", projection(p, f));
    p.line(out, &format!("  {head} {}", p.cite(f.source)))?;
    let n = |v: u32| p.paint(Paint::Figure, &group_thousands(i64::from(v)));
    p.line(
        out,
        &format!(
            "    Jobs in the U.S.: {} in 2024, {} projected for 2034",
            n(f.employment_2024),
            n(f.employment_2034)
        ),
    )?;
    p.line(
        out,
        &format!(
            "    Openings: {} a year on average, for new jobs and for workers who leave the occupation",
            n(f.openings_per_year)
        ),
    )?;
    if let Some(w) = f.median_wage_2024 {
        let at_least = if w.top_coded { "at least " } else { "" };
        let wage = p.paint(Paint::Figure, &money(f64::from(w.dollars), "USD"));
        p.line(
            out,
            &format!("    Median wage, May 2024: {at_least}{wage} a year, as published with the projections"),
        )?;
    }
    Ok(())
}
