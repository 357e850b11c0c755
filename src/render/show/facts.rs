//! The key facts at the top of a full profile: pay, growth, education,
//! experience, remote work, stress and balance, each with its sources.

use super::Page;
use crate::render::text::{clean, heading, pay_figure, years, UNKNOWN};
use crate::term::Paint;
use std::io::{self, Write};

/// Writes the key facts: one labelled row per fact, each value one line
/// per source (or `unknown`).
pub fn write(page: &Page<'_>, out: &mut dyn Write) -> io::Result<()> {
    let term = page.term;
    let rows = [
        ("Pay", pay(page)),
        ("Growth", growth(page)),
        ("Education", education(page)),
        ("Experience", experience(page)),
        ("Remote", remote(page)),
        (
            "Stress",
            texts(
                page,
                page.role().work_life.iter().map(|w| (&w.stress, &w.source)),
            ),
        ),
        (
            "Balance",
            texts(
                page,
                page.role()
                    .work_life
                    .iter()
                    .map(|w| (&w.balance, &w.source)),
            ),
        ),
    ];
    let label_width = rows.iter().map(|(l, _)| l.len()).max().unwrap_or(0) + 2;
    let value_width = term.prose_width().saturating_sub(label_width + 2).max(20);
    heading(out, term, "Key facts")?;
    for (label, values) in rows {
        let values = if values.is_empty() {
            vec![page.paint(Paint::Warning, UNKNOWN)]
        } else {
            values
        };
        let mut first = true;
        for line in values.iter().flat_map(|v| v.lines()) {
            for wrapped in wrap_styled(line, value_width) {
                let lead = if first {
                    format!("{label}:")
                } else {
                    String::new()
                };
                writeln!(out, "  {lead:<label_width$}{wrapped}")?;
                first = false;
            }
        }
    }
    Ok(())
}

/// Each source's pay figure, then the official medians: the pay answer's
/// figures ([`crate::pay::per_source`]), labelled as every command does.
fn pay(page: &Page<'_>) -> Vec<String> {
    page.view
        .pay
        .by_source
        .iter()
        .map(|f| {
            let figure = page.paint(Paint::Figure, &pay_figure(f, page.term.ascii));
            format!("{figure} {}", page.cite(&f.source))
        })
        .collect()
}

/// Each source's growth figure or words, the official projections, and
/// whether the sources disagree.
fn growth(page: &Page<'_>) -> Vec<String> {
    super::outlook::key_facts(page)
}

/// ", official (SOC 43-1011, approximate) [n]": what an official key fact
/// is about.
fn official_tag(page: &Page<'_>, soc: &str, approximate: bool, source: &str) -> String {
    let approx = if approximate { ", approximate" } else { "" };
    format!(", official (SOC {soc}{approx}) {}", page.cite(source))
}

fn education(page: &Page<'_>) -> Vec<String> {
    let mut lines = texts(
        page,
        page.role()
            .education
            .iter()
            .map(|e| (&e.minimum, &e.source)),
    );
    for o in &page.view.occupations {
        let e = &o.education;
        lines.push(format!(
            "{}, typical for entry{}",
            e.entry_education.label,
            official_tag(page, e.soc, e.approximate, e.source)
        ));
    }
    lines
}

fn experience(page: &Page<'_>) -> Vec<String> {
    let mut lines: Vec<String> = page
        .role()
        .experience
        .iter()
        .filter(|e| e.min_years.is_some() || e.max_years.is_some())
        .map(|e| {
            format!(
                "{} {}",
                years(e.min_years, e.max_years),
                page.cite(&e.source)
            )
        })
        .collect();
    for o in &page.view.occupations {
        let e = &o.experience;
        let training = match e.job_training.code {
            crate::official::Training::None => "no on-the-job training".to_string(),
            _ => e.job_training.label.to_lowercase(),
        };
        lines.push(format!(
            "{} in a related occupation; {training}{}",
            e.work_experience.label,
            official_tag(page, e.soc, e.approximate, e.source)
        ));
    }
    lines
}

fn remote(page: &Page<'_>) -> Vec<String> {
    page.role()
        .remote
        .iter()
        .filter_map(|x| {
            let label = match x.remote_friendly? {
                true => "remote-friendly",
                false => "not remote-friendly",
            };
            Some(format!("{label} {}", page.cite(&x.source)))
        })
        .collect()
}

/// One sourced text per entry that has it, e.g. each source's stress rating.
/// One sourced text per value, the sources that give the same value
/// merged on its line ("High school diploma or GED [1][2]", as `compare`
/// merges them).
fn texts<'r>(
    page: &Page<'_>,
    items: impl Iterator<Item = (&'r Option<String>, &'r String)>,
) -> Vec<String> {
    let mut merged: Vec<(&str, String)> = Vec::new();
    for (v, source) in items {
        let Some(v) = v.as_deref() else { continue };
        let tag = page.cite(source);
        match merged.iter_mut().find(|(have, _)| *have == v) {
            Some((_, tags)) if !tags.contains(&tag) => tags.push_str(&tag),
            Some(_) => {}
            None => merged.push((v, tag)),
        }
    }
    merged
        .into_iter()
        .map(|(v, tags)| format!("{} {tags}", clean(v)))
        .collect()
}

/// Wraps a line that may contain colour codes ([`text::fill`] measures
/// display width and skips them).
fn wrap_styled(line: &str, width: usize) -> Vec<String> {
    crate::render::text::fill(line, width, "", "")
}
