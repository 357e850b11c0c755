//! Text and TSV for `careers salary`: a range chart, then every figure of
//! every role with its source. Also the figure formatting `compare` shares.

use crate::commands::salary::{Bar, Chart, SalaryView};
use crate::model::Period;
use crate::pay::{FigureKind, PayFigure, SalaryFigure};
use crate::render::text::{self, approx, clean, heading, money, money_range, per, tag, UNKNOWN};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use crate::wages::WageValue;
use serde::Serialize;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// "Range", "Median", ... for a figure kind.
pub fn kind_label(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Range => "Range",
        FigureKind::Median => "Median",
        FigureKind::Average => "Average",
        FigureKind::Entry => "Entry-level",
        FigureKind::Mid => "Mid-level",
        FigureKind::Senior => "Senior-level",
        FigureKind::EntryRange => "Entry range",
        FigureKind::Top10PercentFrom => "Top 10% from",
    }
}

/// The name a kind has in JSON and TSV.
pub fn kind_key(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::Range => "range",
        FigureKind::Median => "median",
        FigureKind::Average => "average",
        FigureKind::Entry => "entry",
        FigureKind::Mid => "mid",
        FigureKind::Senior => "senior",
        FigureKind::EntryRange => "entry_range",
        FigureKind::Top10PercentFrom => "top_10_percent_from",
    }
}

/// A number with thousands separators: 2080 -> "2,080", 1950.5 -> "1,950.5".
pub fn grouped(v: f64) -> String {
    let s = text::plain_number(v);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{}", f.trim_end_matches('0'))),
        None => (s.clone(), String::new()),
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d.to_string()),
        None => ("", int),
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let frac = if frac == "." { String::new() } else { frac };
    format!("{sign}{out}{frac}")
}

/// The amount of a figure without its period: "$42,000", "$32,000-$52,000".
fn amount(value: Option<f64>, min: Option<f64>, max: Option<f64>, currency: &str) -> String {
    match (value, min, max) {
        (Some(v), _, _) => money(v, currency),
        (None, Some(a), Some(b)) => money_range(a, b, currency),
        _ => UNKNOWN.to_string(),
    }
}

/// A figure's value for people, with its period, and for a converted
/// figure the original: "≈$20.19/h (converted from $42,000/yr at 2,080 h)"
/// ("~" for ≈ in ASCII).
pub fn figure_value(f: &SalaryFigure, ascii: bool) -> String {
    let shown = format!(
        "{}{}",
        amount(f.value, f.min, f.max, &f.currency),
        per(f.period)
    );
    match &f.converted_from {
        Some(o) if f.converted => format!(
            "{}{shown} (converted from {}{} at {} h)",
            approx(ascii),
            amount(o.value, o.min, o.max, &f.currency),
            per(o.period),
            grouped(o.hours_per_year)
        ),
        _ => shown,
    }
}

/// "per year", "per hour".
pub fn period_words(p: Period) -> &'static str {
    match p {
        Period::Year => "per year",
        Period::Hour => "per hour",
    }
}

/// "USD per year, US".
fn group_label(f: &SalaryFigure) -> String {
    let mut s = format!("{}, {}", f.currency, period_words(f.period));
    if let Some(o) = f.converted_from.as_ref().filter(|_| f.converted) {
        s.push_str(&format!(
            " (converted from {} at {} h/yr)",
            period_words(o.period),
            grouped(o.hours_per_year)
        ));
    }
    if let Some(r) = &f.region {
        s.push_str(&format!(", {}", r));
    }
    s
}

/// Whether two figures belong to one printed group.
fn same_group(a: &SalaryFigure, b: &SalaryFigure) -> bool {
    a.source == b.source
        && a.region == b.region
        && a.currency == b.currency
        && a.period == b.period
        && a.converted == b.converted
}

/// Cuts `s` to `width` columns, ending with an ellipsis when cut.
pub fn truncate(s: &str, width: usize, ascii: bool) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let ell = if ascii { "..." } else { "…" };
    let room = width.saturating_sub(ell.width());
    let mut out = String::new();
    for c in s.chars() {
        let next = format!("{out}{c}");
        if next.width() > room {
            break;
        }
        out = next;
    }
    format!("{out}{ell}")
}

/// The longest bar drawn, in columns.
const MAX_BAR: usize = 100;

/// Glyphs for the chart.
struct Glyphs {
    left: char,
    fill: char,
    right: char,
    single: char,
    median: char,
    average: char,
}

fn glyphs(ascii: bool) -> Glyphs {
    if ascii {
        Glyphs {
            left: '[',
            fill: '-',
            right: ']',
            single: '|',
            median: 'o',
            average: '*',
        }
    } else {
        Glyphs {
            left: '├',
            fill: '─',
            right: '┤',
            single: '│',
            median: '●',
            average: '◆',
        }
    }
}

/// One bar `width` columns wide on the scale `lo`..`hi`.
fn draw_bar(width: usize, lo: f64, hi: f64, bar: &Bar, g: &Glyphs) -> String {
    let mut cells = vec![' '; width.max(1)];
    let last = cells.len() - 1;
    let pos = |v: f64| -> usize {
        if hi > lo {
            let x = ((v - lo) / (hi - lo) * last as f64).round();
            if x.is_finite() {
                (x.max(0.0) as usize).min(last)
            } else {
                0
            }
        } else {
            last / 2
        }
    };
    if let Some(f) = &bar.figure {
        if let Some((a, b)) = f.range {
            let (pa, pb) = (pos(a), pos(b));
            for c in cells.iter_mut().take(pb + 1).skip(pa) {
                *c = g.fill;
            }
            if pa == pb {
                cells[pa] = g.single;
            } else {
                cells[pa] = g.left;
                cells[pb] = g.right;
            }
        }
        if let Some((kind, v)) = f.mark {
            cells[pos(v)] = if kind == FigureKind::Median {
                g.median
            } else {
                g.average
            };
        }
    }
    cells.into_iter().collect()
}

/// "$32,000-$52,000 ●$42,000 [1]" for a bar; "●$69,500 official [6]" for
/// the official median of a role no guide gives pay for.
fn bar_text(view: &SalaryView<'_>, bar: &Bar, g: &Glyphs, ascii: bool) -> String {
    let Some(f) = &bar.figure else {
        return UNKNOWN.to_string();
    };
    let approx = if f.converted { approx(ascii) } else { "" };
    let mut parts = Vec::new();
    if let Some((a, b)) = f.range {
        parts.push(format!("{approx}{}", money_range(a, b, &f.currency)));
    }
    if let Some((kind, v)) = f.mark {
        let glyph = if kind == FigureKind::Median {
            g.median
        } else {
            g.average
        };
        let at_least = if f.top_coded { ">= " } else { "" };
        parts.push(format!(
            "{glyph}{at_least}{approx}{}",
            money(v, &f.currency)
        ));
    }
    if f.official {
        parts.push("official".into());
    }
    parts.push(tag(&view.sources, &f.source));
    parts.join(" ")
}

/// The charts, one per currency and period, each on its own scale; then
/// the roles without pay and the legend.
fn chart(view: &SalaryView<'_>, out: &mut dyn Write, term: &Term) -> io::Result<()> {
    let g = glyphs(term.ascii);
    for (i, c) in view.charts.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        currency_chart(view, c, &g, out, term)?;
    }
    if !view.unpaid.is_empty() {
        if !view.charts.is_empty() {
            writeln!(out)?;
        }
        for b in &view.unpaid {
            hanging(
                out,
                term,
                &format!("{}: {UNKNOWN}, no source gives pay", b.title),
                "",
                Some(Paint::Warning),
            )?;
        }
    }
    chart_legend(view, &g, out, term)
}

/// The bars of one currency: beside their labels on a wide terminal,
/// under them on a narrow one.
fn currency_chart(
    view: &SalaryView<'_>,
    chart: &Chart,
    g: &Glyphs,
    out: &mut dyn Write,
    term: &Term,
) -> io::Result<()> {
    let title = format!(
        "Pay in {} {}, highest first",
        chart.currency,
        period_words(chart.period)
    );
    for l in text::wrap(&title, term.width, "") {
        heading(out, term, &l)?;
    }
    // A role's title labels the first bar of this currency it has.
    let labels: Vec<String> = chart
        .bars
        .iter()
        .map(|b| match b.first {
            true => clean(&b.title).into_owned(),
            false => String::new(),
        })
        .chain(view.unpaid.iter().map(|b| clean(&b.title).into_owned()))
        .collect();
    let texts: Vec<String> = chart
        .bars
        .iter()
        .map(|b| bar_text(view, b, g, term.ascii))
        .collect();
    let label_w = labels
        .iter()
        .map(|l| l.width())
        .max()
        .unwrap_or(0)
        .min(32)
        .min(term.width / 3);
    let text_w = texts.iter().map(|t| t.width()).max().unwrap_or(0);
    // Bars longer than this say nothing more on very wide terminals.
    let wide_bar = term.width.saturating_sub(label_w + text_w + 4).min(MAX_BAR);
    let (lo, hi) = (chart.low, chart.high);
    let axis = |width: usize| {
        let (a, b) = (money(lo, &chart.currency), money(hi, &chart.currency));
        match width.saturating_sub(a.width() + b.width()) {
            0 => format!("{a} to {b}"),
            gap => format!("{a}{}{b}", " ".repeat(gap)),
        }
    };
    if wide_bar >= 20 {
        for (i, b) in chart.bars.iter().enumerate() {
            let label = truncate(&labels[i], label_w, term.ascii);
            let pad = label_w.saturating_sub(label.width());
            let bar = draw_bar(wide_bar, lo, hi, b, g);
            writeln!(
                out,
                "{}{}  {}  {}",
                term.paint(Paint::Title, &label),
                " ".repeat(pad),
                term.paint(Paint::Figure, &bar),
                texts[i]
            )?;
        }
        let indent = " ".repeat(label_w + 2);
        writeln!(out, "{indent}{}", term.paint(Paint::Muted, &axis(wide_bar)))
    } else {
        // Stacked: the title, its figures, then a full-width bar.
        let bar_w = term.width.saturating_sub(2).clamp(10, MAX_BAR);
        for (i, b) in chart.bars.iter().enumerate() {
            if b.first {
                for l in text::wrap(&b.title, term.width, "") {
                    writeln!(out, "{}", term.paint(Paint::Title, &l))?;
                }
            }
            for l in text::wrap(&texts[i], term.width, "  ") {
                writeln!(out, "{l}")?;
            }
            let bar = draw_bar(bar_w, lo, hi, b, g);
            writeln!(out, "  {}", term.paint(Paint::Figure, bar.trim_end()))?;
        }
        writeln!(out, "  {}", term.paint(Paint::Muted, &axis(bar_w)))
    }
}

/// What the glyphs mean, and what was converted.
fn chart_legend(
    view: &SalaryView<'_>,
    g: &Glyphs,
    out: &mut dyn Write,
    term: &Term,
) -> io::Result<()> {
    let mut legend = format!(
        "{}{}{} range  {} median  {} average",
        g.left, g.fill, g.right, g.median, g.average
    );
    if view.converted {
        legend.push_str(&format!(
            "  {} converted from yearly at {} h/yr",
            approx(term.ascii),
            grouped(view.hours_per_year)
        ));
    }
    if !view.charts.is_empty() {
        legend.push_str(
            ". Roles are ranked by a median, else an average, else the midpoint of a range; \
             by the official median where no guide gives pay",
        );
    }
    for l in text::wrap(&legend, term.width, "") {
        writeln!(out, "{}", term.paint(Paint::Muted, &l))?;
    }
    Ok(())
}

/// Writes figures grouped by source, with each group's label and citation,
/// and the source's notes after its group.
pub fn figure_groups(
    out: &mut dyn Write,
    term: &Term,
    figures: &[SalaryFigure],
    notes: &[(String, String)],
    cite: &dyn Fn(&str) -> String,
    indent: &str,
) -> io::Result<()> {
    let mut i = 0;
    let mut noted: Vec<&str> = Vec::new();
    let label_w = 14;
    while i < figures.len() {
        let head = &figures[i];
        let end = figures[i..]
            .iter()
            .position(|f| !same_group(head, f))
            .map_or(figures.len(), |n| i + n);
        hanging(
            out,
            term,
            &format!("{} {}", group_label(head), cite(&head.source)),
            indent,
            None,
        )?;
        let value_indent = format!("{indent}  {}", " ".repeat(label_w));
        for f in &figures[i..end] {
            let value = figure_value(f, term.ascii);
            let first = format!("{indent}  {:<label_w$}", kind_label(f.kind));
            let width = term.width.max(value_indent.len() + 12);
            for l in text::fill(&value, width, &first, &value_indent) {
                writeln!(out, "{l}")?;
            }
        }
        if !noted.contains(&head.source.as_str()) {
            noted.push(&head.source);
            for (_, note) in notes.iter().filter(|(s, _)| *s == head.source) {
                for l in text::wrap(note, term.prose_width(), &format!("{indent}  ")) {
                    writeln!(out, "{}", term.paint(Paint::Muted, &l))?;
                }
            }
        }
        i = end;
    }
    Ok(())
}

/// Writes `s` wrapped to the terminal, starting at `indent` and continuing
/// two columns further in.
pub fn hanging(
    out: &mut dyn Write,
    term: &Term,
    s: &str,
    indent: &str,
    paint: Option<Paint>,
) -> io::Result<()> {
    let rest = format!("{indent}  ");
    // Ids and hyphenated words stay whole.
    for l in text::fill(&clean(s), term.width.max(rest.len() + 12), indent, &rest) {
        match paint {
            Some(p) => writeln!(out, "{}", term.paint(p, &l))?,
            None => writeln!(out, "{l}")?,
        }
    }
    Ok(())
}

/// A role's pay answer as text, the same in `salary` and in `show`'s
/// Salary section: its headline (`Pay: $42,000/yr median [1]`, or
/// unknown), then every curated figure grouped by source, with the
/// sources' notes. `cite` gives a source's tag.
pub fn write_pay(
    out: &mut dyn Write,
    term: &Term,
    headline: Option<&PayFigure>,
    figures: &[SalaryFigure],
    notes: &[(String, String)],
    cite: &dyn Fn(&str) -> String,
    indent: &str,
) -> io::Result<()> {
    match headline {
        Some(h) => hanging(
            out,
            term,
            &format!(
                "Pay: {} {}",
                text::pay_figure(h, term.ascii),
                cite(&h.source)
            ),
            indent,
            None,
        )?,
        None => hanging(
            out,
            term,
            &format!("Pay: {UNKNOWN}, no source gives pay"),
            indent,
            Some(Paint::Warning),
        )?,
    }
    figure_groups(out, term, figures, notes, cite, indent)
}

impl Render for SalaryView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        chart(self, out, term)?;
        let cite = |source: &str| tag(&self.sources, source);
        for row in &self.rows {
            writeln!(out)?;
            hanging(
                out,
                term,
                &format!("{}  {}", row.title, row.id),
                "",
                Some(Paint::Title),
            )?;
            let notes: Vec<(String, String)> = row
                .notes
                .iter()
                .map(|n| (n.source.clone(), n.note.clone()))
                .collect();
            let headline = row.ranked_by.as_ref();
            write_pay(out, term, headline, &row.figures, &notes, &cite, "  ")?;
            for o in &row.official {
                crate::render::official::write(out, term, o, &cite(&o.source))?;
            }
        }
        text::source_legend(out, term, &self.sources)
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut w = tsv::Writer::new(out)?;
        for row in &self.rows {
            let record = |kind: &'static str| FigureRecord {
                id: &row.id,
                title: &row.title,
                kind,
                ..FigureRecord::default()
            };
            if row.ranked_by.is_none() {
                w.row(&record(UNKNOWN))?;
            }
            for f in &row.figures {
                w.row(&FigureRecord {
                    value: f.value,
                    min: f.min,
                    max: f.max,
                    currency: Some(&f.currency),
                    period: Some(f.period),
                    converted: Some(f.converted),
                    source: Some(&f.source),
                    region: f.region.as_deref(),
                    ..record(kind_key(f.kind))
                })?;
            }
            for o in &row.official {
                official_records(&mut w, o, &record)?;
            }
        }
        Ok(())
    }
}

/// The official percentiles and means of one SOC code, a record per
/// figure and period (`official_p10` ... `official_mean`); a top-coded
/// figure is its floor, with `top_coded` true.
fn official_records<'a>(
    w: &mut tsv::Writer<'_, FigureRecord<'a>>,
    o: &'a crate::pay::OfficialWages,
    record: &dyn Fn(&'static str) -> FigureRecord<'a>,
) -> io::Result<()> {
    let Some(wages) = &o.wages else {
        return Ok(());
    };
    let points = [
        ("official_p10", wages.annual.p10, wages.hourly.p10),
        ("official_p25", wages.annual.p25, wages.hourly.p25),
        ("official_median", wages.annual.median, wages.hourly.median),
        ("official_p75", wages.annual.p75, wages.hourly.p75),
        ("official_p90", wages.annual.p90, wages.hourly.p90),
        ("official_mean", wages.annual_mean, wages.hourly_mean),
    ];
    for (kind, annual, hourly) in points {
        for (v, period) in [(annual, Period::Year), (hourly, Period::Hour)] {
            let (value, top_coded) = match v {
                WageValue::TopCoded { cap } => (Some(cap), true),
                other => (other.value(), false),
            };
            w.row(&FigureRecord {
                value,
                currency: Some("USD"),
                period: Some(period),
                converted: Some(false),
                source: Some(&o.source),
                soc: Some(&o.soc),
                area: Some(o.area.label()),
                approximate: Some(o.approximate),
                top_coded: Some(top_coded),
                ..record(kind)
            })?;
        }
    }
    Ok(())
}

/// A TSV record of `careers salary`: one pay figure of a role (or one
/// `unknown` record for a role without pay).
#[derive(Serialize, Default)]
struct FigureRecord<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'a str,
    value: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    currency: Option<&'a str>,
    period: Option<Period>,
    converted: Option<bool>,
    source: Option<&'a str>,
    /// Where a curated figure applies (`US`).
    region: Option<&'a str>,
    /// Official figures: the SOC code, the area, whether the role's link
    /// to the code is approximate, and whether the figure is top-coded.
    soc: Option<&'a str>,
    area: Option<String>,
    approximate: Option<bool>,
    top_coded: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_and_fractions_kept() {
        assert_eq!(grouped(2080.0), "2,080");
        assert_eq!(grouped(1950.5), "1,950.5");
        assert_eq!(grouped(100.0), "100");
        assert_eq!(grouped(8784.0), "8,784");
    }

    #[test]
    fn converted_figures_say_what_they_were() {
        let s = crate::model::Salary {
            source: "s".into(),
            currency: "USD".into(),
            period: Period::Year,
            region: None,
            range: None,
            median: Some(42000.0),
            average: None,
            entry: None,
            mid: None,
            senior: None,
            entry_range: None,
            top_10_percent_from: None,
            note: None,
        };
        let f = crate::pay::figures_of(&s, Some(Period::Hour), 2080.0);
        assert_eq!(
            figure_value(&f[0], false),
            "≈$20.19/h (converted from $42,000/yr at 2,080 h)"
        );
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("Customer Service", 9, false), "Customer…");
        assert_eq!(truncate("Customer Service", 9, true), "Custom...");
        assert_eq!(truncate("short", 9, false), "short");
    }
}
