//! Official wages (BLS OEWS) as text: shared by show, salary and compare.

use crate::commands::official::OfficialWages;
use crate::render::text::{self, cell, money, plain_number};
use crate::term::{Paint, Term};
use crate::wages::{Footnote, WageValue};
use std::io::{self, Write};

/// Why a cell has no figure, from its footnote; `None` for a figure or a
/// top-coded cell.
fn why_not_available(v: WageValue) -> Option<String> {
    match v {
        WageValue::NotAvailable { reason } => Some(match reason {
            Footnote::HourlyOrAnnualOnly => "paid by the hour or the year only".into(),
            Footnote::NotReleased => "estimate not released".into(),
            Footnote::Other(code) => format!("footnote {code}"),
        }),
        WageValue::Missing => Some("not published".into()),
        WageValue::Value(_) | WageValue::TopCoded { .. } => None,
    }
}

/// One cell for people: `$48,030`, `>= $239,200 (top-coded)`, `n/a (estimate not released)`.
pub fn value(v: WageValue) -> String {
    match v {
        WageValue::Value(x) => money(x, "USD"),
        WageValue::TopCoded { cap } => format!(">= {} (top-coded)", money(cap, "USD")),
        WageValue::Missing => "n/a".into(),
        WageValue::NotAvailable { .. } => {
            format!("n/a ({})", why_not_available(v).unwrap_or_default())
        }
    }
}

/// A short cell for tables: `$48,030`, `>= $239,200`, `n/a`; the reasons
/// go in [`notes`] below the table.
pub fn short(v: WageValue) -> String {
    match v {
        WageValue::Value(x) => money(x, "USD"),
        WageValue::TopCoded { cap } => format!(">= {}", money(cap, "USD")),
        WageValue::NotAvailable { .. } | WageValue::Missing => "n/a".into(),
    }
}

/// What the short cells of `values` leave out: why a figure is top-coded
/// or not available, once each.
pub fn notes(values: &[WageValue]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        let note = match v {
            WageValue::TopCoded { .. } => {
                ">= top-coded: the BLS publishes no figure at or above its cap (footnote 5)"
                    .to_string()
            }
            WageValue::NotAvailable { .. } | WageValue::Missing => {
                format!("n/a: {}", why_not_available(*v).unwrap_or_default())
            }
            WageValue::Value(_) => continue,
        };
        if !out.contains(&note) {
            out.push(note);
        }
    }
    out
}

/// A count for people: `2,833,240`.
pub fn count(v: WageValue) -> String {
    match v {
        WageValue::Value(x) => text::group_thousands(x.round() as i64),
        other => value(other),
    }
}

/// The heading line of one occupation's figures.
pub fn heading(o: &OfficialWages) -> String {
    let approx = if o.approximate {
        ", approximate match"
    } else {
        ""
    };
    format!(
        "SOC {} {}{approx} · {}",
        o.soc,
        o.occupation,
        o.area.label()
    )
}

/// Writes one occupation's official wages: percentiles per year and per
/// hour, the means and the employment; `tag` cites the source.
pub fn write(out: &mut dyn Write, term: &Term, o: &OfficialWages, tag: &str) -> io::Result<()> {
    text::line(
        out,
        term,
        &format!(
            "  {} {tag}",
            term.paint(Paint::Figure, &text::clean(&heading(o)))
        ),
    )?;
    if let Some(reason) = &o.link_reason {
        text::paragraph(out, term, &format!("Why this code: {reason}"), "    ")?;
    }
    let Some(w) = &o.wages else {
        text::line(
            out,
            term,
            &format!(
                "    {}",
                term.paint(Paint::Warning, "not published for this area")
            ),
        )?;
        return Ok(());
    };
    let mut all: Vec<WageValue> = w.annual.all().to_vec();
    all.extend(w.hourly.all());
    all.extend([w.annual_mean, w.hourly_mean, w.employment]);
    if term.width >= 76 {
        let mut t = text::table(term);
        t.set_width((term.width - 4).min(u16::MAX as usize) as u16);
        t.set_header(
            ["", "10%", "25%", "Median", "75%", "90%", "Mean"]
                .map(|h| cell(h, Some(Paint::Heading))),
        );
        for (label, p, mean) in [
            ("Annual", &w.annual, w.annual_mean),
            ("Hourly", &w.hourly, w.hourly_mean),
        ] {
            let mut row = vec![cell(label, Some(Paint::Heading))];
            row.extend(p.all().iter().map(|v| cell(&short(*v), None)));
            row.push(cell(&short(mean), None));
            t.add_row(row);
        }
        for l in t.lines() {
            writeln!(out, "    {}", l.trim_end())?;
        }
    } else {
        for (label, p, mean) in [
            ("Annual", &w.annual, w.annual_mean),
            ("Hourly", &w.hourly, w.hourly_mean),
        ] {
            text::line(out, term, &format!("    {label}:"))?;
            for (point, v) in ["10%", "25%", "median", "75%", "90%"].iter().zip(p.all()) {
                text::line(out, term, &format!("      {point}: {}", value(v)))?;
            }
            text::line(out, term, &format!("      mean: {}", value(mean)))?;
        }
    }
    let rse = match w.employment_rse {
        WageValue::Value(x) => format!(" (relative standard error {}%)", plain_number(x)),
        _ => String::new(),
    };
    text::line(
        out,
        term,
        &format!("    Employment: {}{rse}", count(w.employment)),
    )?;
    for note in notes(&all) {
        text::line(
            out,
            term,
            &format!("    {}", term.paint(Paint::Muted, &note)),
        )?;
    }
    Ok(())
}
