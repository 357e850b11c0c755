//! Text and TSV for `careers compare`: a table with one column per role
//! where the terminal is wide enough, attribute by attribute otherwise;
//! then the O*NET skills side by side ([`official`]), and the guides'
//! shared and unique skills and tools, and the skill gaps.

mod official;

use crate::commands::compare::{CompareRole, CompareView, Measure, PayDifference, Sourced};
use crate::model::Period;
use crate::pay::SalaryFigure;
use crate::render::list::trend_word;
use crate::render::salary::{figure_value, hanging, kind_key, kind_label};
use crate::render::text::{
    self, cell, clean, heading, money, pay_figure, per, percent, plain_number, years, UNKNOWN,
};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use crate::wages::WageValue;
use serde::Serialize;
use std::io::{self, Write};

/// Below this many columns per role, the table becomes a stacked list.
const MIN_COLUMN: usize = 22;
/// Width of the attribute column of the table.
const LABEL_COLUMN: usize = 13;

pub(crate) fn cite_tag(view: &CompareView, source: &str) -> String {
    match view.sources.number(source) {
        Some(n) => format!("[{n}]"),
        None => format!("[{source}]"),
    }
}

/// Citations of the sources that give the same value: "[2, 3]".
fn cite_many(view: &CompareView, sources: &[&str]) -> String {
    let mut numbered: Vec<usize> = sources
        .iter()
        .filter_map(|s| view.sources.number(s))
        .collect();
    numbered.sort_unstable();
    numbered.dedup();
    let tags: Vec<String> = numbered
        .iter()
        .map(usize::to_string)
        .chain(
            sources
                .iter()
                .filter(|s| view.sources.number(s).is_none())
                .map(|s| s.to_string()),
        )
        .collect();
    format!("[{}]", tags.join(", "))
}

/// Short values with their sources, equal values merged: "Moderate [1]".
fn sourced_lines(view: &CompareView, items: &[Sourced]) -> Vec<String> {
    let mut merged: Vec<(&str, Vec<&str>)> = Vec::new();
    for i in items {
        match merged
            .iter_mut()
            .find(|(v, _)| v.eq_ignore_ascii_case(&i.value))
        {
            Some((_, sources)) => sources.push(&i.source),
            None => merged.push((&i.value, vec![&i.source])),
        }
    }
    merged
        .into_iter()
        .map(|(v, sources)| format!("{} {}", clean(v), cite_many(view, &sources)))
        .collect()
}

/// Every curated figure; for a role without any, its headline (the
/// official median).
fn pay_lines(view: &CompareView, r: &CompareRole, ascii: bool) -> Vec<String> {
    if r.pay.is_empty() {
        return r
            .headline
            .iter()
            .map(|h| format!("{} {}", pay_figure(h, ascii), cite_tag(view, &h.source)))
            .collect();
    }
    r.pay
        .iter()
        .map(|f: &SalaryFigure| {
            format!(
                "{}: {} {}",
                kind_label(f.kind),
                figure_value(f, ascii),
                cite_tag(view, &f.source)
            )
        })
        .collect()
}

fn measure_label(m: Measure) -> &'static str {
    match m {
        Measure::Median => "Median",
        Measure::Average => "Average",
        Measure::RangeMin => "Range low",
        Measure::RangeMax => "Range high",
        Measure::Entry => "Entry-level",
        Measure::Mid => "Mid-level",
        Measure::Senior => "Senior-level",
        Measure::Top10PercentFrom => "Top 10% from",
        Measure::OfficialMedian => "Official median",
    }
}

fn measure_key(m: Measure) -> &'static str {
    match m {
        Measure::Median => "median",
        Measure::Average => "average",
        Measure::RangeMin => "range_min",
        Measure::RangeMax => "range_max",
        Measure::Entry => "entry",
        Measure::Mid => "mid",
        Measure::Senior => "senior",
        Measure::Top10PercentFrom => "top_10_percent_from",
        Measure::OfficialMedian => "official_median",
    }
}

/// "+$4,000/yr", "-$1,200/yr", "$0/yr".
fn signed_money(v: f64, currency: &str, period: Period) -> String {
    let sign = if v > 0.0 {
        "+"
    } else if v < 0.0 {
        "-"
    } else {
        ""
    };
    format!("{sign}{}{}", money(v.abs(), currency), per(period))
}

fn difference_text(d: &PayDifference) -> String {
    match (d.comparable, d.amount) {
        (true, Some(a)) => {
            let pct = d
                .percent
                .map(|p| format!(" ({})", percent((p * 10.0).round() / 10.0)))
                .unwrap_or_default();
            format!(
                "{}: {}{pct}",
                measure_label(d.measure),
                signed_money(a, &d.other.currency, d.other.period)
            )
        }
        _ => format!(
            "{}: not comparable, {}",
            measure_label(d.measure),
            d.reason.as_deref().unwrap_or("different units")
        ),
    }
}

/// The differences of role `i` (0 is the baseline) to the baseline.
fn difference_lines(view: &CompareView, i: usize) -> Vec<String> {
    let Some(r) = view.roles.get(i) else {
        return Vec::new();
    };
    if i == 0 {
        return vec!["baseline".into()];
    }
    let lines: Vec<String> = view
        .differences
        .iter()
        .filter(|d| d.role == r.id)
        .map(difference_text)
        .collect();
    if !lines.is_empty() {
        return lines;
    }
    let base_has = view.roles.first().is_some_and(|b| b.headline.is_some());
    let why = match (base_has, r.headline.is_none()) {
        (_, true) => "no pay figures for this role",
        (false, _) => "no pay figures for the baseline",
        _ => "no pay measure both give",
    };
    vec![format!("{UNKNOWN}: {why}")]
}

fn growth_lines(view: &CompareView, r: &CompareRole) -> Vec<String> {
    r.growth
        .statements
        .iter()
        .map(|g| {
            let mut parts: Vec<String> = Vec::new();
            if let Some(p) = g.percent {
                parts.push(percent(p));
            }
            match (&g.status, g.trend) {
                (Some(s), _) => parts.push(clean(s).into_owned()),
                (None, Some(t)) => parts.push(trend_word(t).to_string()),
                (None, None) => {}
            }
            if let Some(t) = g.through {
                if !parts.iter().any(|p| p.contains(&t.to_string())) {
                    parts.push(format!("through {t}"));
                }
            }
            format!("{} {}", parts.join(" "), cite_tag(view, &g.source))
        })
        .collect()
}

/// Years where any source gives them; the sources' words otherwise.
fn experience_lines(view: &CompareView, r: &CompareRole) -> Vec<String> {
    let has_years = |e: &&crate::commands::compare::ExperienceFact| {
        e.min_years.is_some() || e.max_years.is_some()
    };
    let any_years = r.experience.iter().any(|e| has_years(&e));
    r.experience
        .iter()
        .filter(|e| !any_years || has_years(e))
        .map(|e| {
            let what = match &e.text {
                Some(t) if e.min_years.is_none() && e.max_years.is_none() => clean(t).into_owned(),
                _ => years(e.min_years, e.max_years),
            };
            format!("{what} {}", cite_tag(view, &e.source))
        })
        .collect()
}

fn remote_lines(view: &CompareView, r: &CompareRole) -> Vec<String> {
    r.remote
        .iter()
        .map(|x| {
            let what = match (x.remote_friendly, &x.text) {
                (Some(true), _) => "remote-friendly".to_string(),
                (Some(false), _) => "not remote-friendly".to_string(),
                (None, Some(t)) => clean(t).into_owned(),
                (None, None) => UNKNOWN.to_string(),
            };
            format!("{what} {}", cite_tag(view, &x.source))
        })
        .collect()
}

fn ladder_lines(view: &CompareView, r: &CompareRole) -> Vec<String> {
    let mut out = Vec::new();
    for l in &r.ladders {
        out.push(format!(
            "{} {}",
            clean(&l.ladder),
            cite_tag(view, &l.source)
        ));
        for t in &l.tiers {
            out.push(format!(
                "Tier {}/{}: {} ({})",
                t.position,
                l.tiers_total,
                clean(&t.title),
                years(t.min_years, t.max_years)
            ));
        }
    }
    out
}

/// Official median and range (p10-p90) per SOC link, with the area; by
/// the hour where the BLS gives the median by the hour only.
fn official_lines(view: &CompareView, r: &CompareRole, ascii: bool) -> Vec<String> {
    use crate::render::official::value;
    if r.official.is_empty() {
        return vec![format!("{UNKNOWN}: no SOC occupation linked")];
    }
    let mut out = Vec::new();
    for o in &r.official {
        let tag = cite_tag(view, &o.source);
        let approx = if o.approximate { " (approximate)" } else { "" };
        out.push(format!("SOC {}{approx}, {}", o.soc, o.area.label()));
        let (Some(w), Some(median)) = (&o.wages, &o.median) else {
            out.push(format!("not published for this area {tag}"));
            continue;
        };
        out.push(format!("Median: {} {tag}", text::pay_amount(median, ascii)));
        let (p10, p90) = match median.period {
            Period::Year => (w.annual.p10, w.annual.p90),
            Period::Hour => (w.hourly.p10, w.hourly.p90),
        };
        // Figures as every range is spelt; a cell without one (top-coded,
        // not published) says so in words.
        let span = match (p10, p90) {
            (WageValue::Value(a), WageValue::Value(b)) => text::money_range(a, b, "USD"),
            _ => format!("{} to {}", value(p10), value(p90)),
        };
        out.push(format!("10-90%: {span}{}", per(median.period)));
    }
    out
}

/// The attribute rows: label and, per role, its lines (the guides' first,
/// then the BLS figures of the role's SOC occupation). A row no source
/// fills for any role is left out; [`empty_rows`] names them.
fn rows(view: &CompareView, term: &Term) -> Vec<(&'static str, Vec<Vec<String>>)> {
    all_rows(view, term)
        .into_iter()
        .filter(|(_, columns)| columns.iter().any(|c| !c.is_empty()))
        .collect()
}

/// The rows [`rows`] leaves out: unknown for every role.
fn empty_rows(view: &CompareView, term: &Term) -> Vec<&'static str> {
    all_rows(view, term)
        .into_iter()
        .filter(|(_, columns)| columns.iter().all(Vec::is_empty))
        .map(|(label, _)| label)
        .collect()
}

fn all_rows(view: &CompareView, term: &Term) -> Vec<(&'static str, Vec<Vec<String>>)> {
    let both = |a: Vec<String>, b: Vec<String>| a.into_iter().chain(b).collect::<Vec<_>>();
    let per_role =
        |f: &dyn Fn(&CompareRole) -> Vec<String>| view.roles.iter().map(f).collect::<Vec<_>>();
    vec![
        ("Pay", per_role(&|r| pay_lines(view, r, term.ascii))),
        (
            "Pay vs baseline",
            (0..view.roles.len())
                .map(|i| difference_lines(view, i))
                .collect(),
        ),
        (
            "Official wages",
            per_role(&|r| official_lines(view, r, term.ascii)),
        ),
        (
            "Growth",
            per_role(&|r| {
                let mut lines = both(
                    growth_lines(view, r),
                    official::outlook_lines(view, r, term.ascii),
                );
                if r.growth.sources_disagree {
                    lines.push("(sources disagree)".into());
                }
                lines
            }),
        ),
        (
            "Education",
            per_role(&|r| {
                both(
                    sourced_lines(view, &r.education),
                    official::education_lines(view, r),
                )
            }),
        ),
        (
            "Experience",
            per_role(&|r| {
                both(
                    experience_lines(view, r),
                    official::experience_lines(view, r),
                )
            }),
        ),
        ("Training", per_role(&|r| official::training_lines(view, r))),
        ("Remote", per_role(&|r| remote_lines(view, r))),
        ("Stress", per_role(&|r| sourced_lines(view, &r.stress))),
        ("Balance", per_role(&|r| sourced_lines(view, &r.balance))),
        ("Ladder", per_role(&|r| ladder_lines(view, r))),
    ]
}

/// Under the attribute rows: what growth categories are measured
/// against, and the rows no source fills for any role.
fn notes_under_rows(view: &CompareView, out: &mut dyn Write, term: &Term) -> io::Result<()> {
    let mut notes: Vec<String> = official::growth_note(view).into_iter().collect();
    let empty = empty_rows(view, term);
    if !empty.is_empty() {
        let names: Vec<String> = empty.iter().map(|l| l.to_lowercase()).collect();
        notes.push(format!(
            "{UNKNOWN} for every role, no source gives it: {}.",
            names.join(", ")
        ));
    }
    for n in notes {
        hanging(out, term, &n, "", Some(Paint::Muted))?;
    }
    Ok(())
}

/// A table cell of several lines, each made safe for the terminal.
pub(crate) fn lines_cell<S: AsRef<str>>(lines: &[S], what: Option<Paint>) -> comfy_table::Cell {
    let text: Vec<String> = lines
        .iter()
        .map(|l| crate::render::text::cell_text(&clean(l.as_ref())).into_owned())
        .collect();
    let mut c = comfy_table::Cell::new(text.join("\n"));
    if let Some(what) = what {
        let (fg, attr) = crate::term::table_color(what);
        if let Some(fg) = fg {
            c = c.fg(fg);
        }
        if let Some(attr) = attr {
            c = c.add_attribute(attr);
        }
    }
    c
}

/// Columns of text each role gets in the table.
fn column_width(term: &Term, roles: usize) -> usize {
    let n = roles.max(1);
    let overhead = LABEL_COLUMN + 3 * (n + 1) + 1;
    term.width.saturating_sub(overhead) / n
}

/// Whether the side-by-side table fits.
fn fits_side_by_side(term: &Term, roles: usize) -> bool {
    column_width(term, roles) >= MIN_COLUMN
}

fn side_by_side(view: &CompareView, out: &mut dyn Write, term: &Term) -> io::Result<()> {
    // Ids go in the header when they fit whole; else on a line above.
    let ids_fit = view
        .roles
        .iter()
        .all(|r| r.id.chars().count() <= column_width(term, view.roles.len()));
    if !ids_fit {
        let ids: Vec<&str> = view.roles.iter().map(|r| r.id.as_str()).collect();
        hanging(
            out,
            term,
            &format!("Roles: {} (the first is the baseline)", ids.join(", ")),
            "",
            Some(Paint::Muted),
        )?;
    }
    let mut t = text::table(term);
    let mut header = vec![cell("", None)];
    for (i, r) in view.roles.iter().enumerate() {
        let mut h = r.title.clone();
        if ids_fit {
            h.push('\n');
            h.push_str(&r.id);
        }
        if i == 0 {
            h.push_str("\n(baseline)");
        }
        header.push(lines_cell(
            &h.lines().collect::<Vec<_>>(),
            Some(Paint::Title),
        ));
    }
    t.set_header(header);
    for (label, columns) in rows(view, term) {
        let mut row = vec![cell(label, Some(Paint::Heading))];
        for lines in columns {
            if lines.is_empty() {
                row.push(cell(UNKNOWN, Some(Paint::Warning)));
            } else {
                row.push(lines_cell(&lines, None));
            }
        }
        t.add_row(row);
    }
    if let Some(c) = t.column_mut(0) {
        c.set_constraint(comfy_table::ColumnConstraint::Absolute(
            comfy_table::Width::Fixed(LABEL_COLUMN as u16),
        ));
    }
    text::write_table(out, &t)
}

fn stacked(view: &CompareView, out: &mut dyn Write, term: &Term) -> io::Result<()> {
    heading(out, term, "Roles (the first is the baseline)")?;
    for r in &view.roles {
        hanging(out, term, &format!("{}  {}", r.title, r.id), "  ", None)?;
    }
    for (label, columns) in rows(view, term) {
        writeln!(out)?;
        heading(out, term, label)?;
        for (i, (r, lines)) in view.roles.iter().zip(columns).enumerate() {
            if label == "Pay vs baseline" && i == 0 {
                continue;
            }
            hanging(out, term, &r.title, "  ", Some(Paint::Title))?;
            if lines.is_empty() {
                hanging(out, term, UNKNOWN, "    ", Some(Paint::Warning))?;
            }
            for l in lines {
                hanging(out, term, &l, "    ", None)?;
            }
        }
    }
    Ok(())
}

/// A wrapped, comma-separated list under a heading, or "none".
fn item_list(out: &mut dyn Write, term: &Term, title: &str, items: &[String]) -> io::Result<()> {
    writeln!(out)?;
    hanging(
        out,
        term,
        &format!("{title} ({})", items.len()),
        "",
        Some(Paint::Heading),
    )?;
    if items.is_empty() {
        return writeln!(out, "  {}", term.paint(Paint::Muted, "none"));
    }
    let joined: Vec<String> = items.iter().map(|s| clean(s).into_owned()).collect();
    // Semicolons: some items contain commas.
    text::paragraph(out, term, &joined.join("; "), "  ")
}

fn sets(view: &CompareView, out: &mut dyn Write, term: &Term) -> io::Result<()> {
    let listed = |set: &crate::commands::compare::SetComparison| {
        !set.shared.is_empty() || set.unique.iter().any(|(_, items)| !items.is_empty())
    };
    if !listed(&view.skills) && !listed(&view.tools) {
        // Lists of "none" and unknown gaps would fill the screen.
        writeln!(out)?;
        return hanging(
            out,
            term,
            "No guide lists skills or tools for these roles: no shared or unique skills, \
             no skill gaps.",
            "",
            Some(Paint::Muted),
        );
    }
    let title_of = |id: &str| {
        view.roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.title.clone())
    };
    let all = if view.roles.len() == 2 { "both" } else { "all" };
    for (what, set) in [("Skills", &view.skills), ("Tools", &view.tools)] {
        item_list(out, term, &format!("{what} in {all}"), &set.shared)?;
        for (id, items) in &set.unique {
            item_list(
                out,
                term,
                &format!("{what} only in {}", title_of(id)),
                items,
            )?;
        }
    }
    writeln!(out)?;
    heading(out, term, "Skill gap")?;
    let arrow = if term.ascii { "->" } else { "→" };
    for g in &view.gaps {
        let head = format!("{} {arrow} {}", title_of(&g.from), title_of(&g.to));
        if !g.gap.known {
            let why = g.reason.as_deref().unwrap_or("a role lists no skills");
            hanging(
                out,
                term,
                &format!("{head}: {UNKNOWN} ({why})"),
                "  ",
                Some(Paint::Warning),
            )?;
            continue;
        }
        let n = g.gap.skills_to_gain.len();
        hanging(
            out,
            term,
            &format!(
                "{head}: {n} skill{} to learn, {} already shared",
                if n == 1 { "" } else { "s" },
                g.gap.skills_shared.len()
            ),
            "  ",
            Some(Paint::Figure),
        )?;
        let only_in_target = view
            .skills
            .unique
            .iter()
            .find(|(id, _)| *id == g.to)
            .is_some_and(|(_, items)| *items == g.gap.skills_to_gain);
        if n > 0 && only_in_target {
            hanging(
                out,
                term,
                &format!("the skills only in {}, listed above", title_of(&g.to)),
                "    ",
                Some(Paint::Muted),
            )?;
        } else if n > 0 {
            let items: Vec<String> = g
                .gap
                .skills_to_gain
                .iter()
                .map(|s| clean(s).into_owned())
                .collect();
            text::paragraph(out, term, &items.join("; "), "    ")?;
        }
    }
    Ok(())
}

impl Render for CompareView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let wide = fits_side_by_side(term, self.roles.len());
        if wide {
            side_by_side(self, out, term)?;
        } else {
            stacked(self, out, term)?;
        }
        notes_under_rows(self, out, term)?;
        official::skills_section(self, out, term, wide)?;
        sets(self, out, term)?;
        text::source_legend(out, term, &self.sources)
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut rows = pay_records(self);
        rows.extend(difference_records(self));
        for r in &self.roles {
            rows.extend(fact_records(r));
            rows.extend(official::records(r));
        }
        rows.extend(official::difference_records(self));
        rows.extend(set_records(self));
        rows.extend(gap_records(self));
        tsv::write(out, rows)
    }
}

/// A TSV record of `careers compare`: one fact about one role.
#[derive(Serialize, Default)]
pub(crate) struct CompareRecord {
    /// `pay`, `difference`, `growth`, `education`, ... (docs/json.md).
    attribute: &'static str,
    role: String,
    kind: String,
    value: String,
    /// Money: the currency and the period (`year`, `hour`).
    currency: Option<String>,
    period: Option<Period>,
    /// Other units: `%`, `years`, a ladder tier's `POSITION/TOTAL`.
    unit: String,
    source: String,
    /// Official figures: the SOC code and the area.
    pub(crate) soc: Option<String>,
    area: Option<String>,
    pub(crate) detail: String,
}

impl CompareRecord {
    pub(crate) fn new(
        attribute: &'static str,
        role: &str,
        kind: &str,
        value: impl Into<String>,
    ) -> Self {
        CompareRecord {
            attribute,
            role: role.into(),
            kind: kind.into(),
            value: value.into(),
            ..CompareRecord::default()
        }
    }

    fn money(self, currency: &str, period: Period) -> Self {
        CompareRecord {
            currency: Some(currency.into()),
            period: Some(period),
            ..self
        }
    }

    pub(crate) fn unit(self, unit: impl Into<String>) -> Self {
        CompareRecord {
            unit: unit.into(),
            ..self
        }
    }

    pub(crate) fn source(self, source: impl Into<String>) -> Self {
        CompareRecord {
            source: source.into(),
            ..self
        }
    }

    pub(crate) fn detail(self, detail: impl Into<String>) -> Self {
        CompareRecord {
            detail: detail.into(),
            ..self
        }
    }
}

fn pay_records(view: &CompareView) -> Vec<CompareRecord> {
    let mut out = Vec::new();
    for r in &view.roles {
        for f in &r.pay {
            let record = |kind: &str, v: f64| {
                CompareRecord::new("pay", &r.id, kind, plain_number(v))
                    .money(&f.currency, f.period)
                    .source(&f.source)
                    .detail(f.region.clone().unwrap_or_default())
            };
            let k = kind_key(f.kind);
            match (f.value, f.min, f.max) {
                (Some(v), _, _) => out.push(record(k, v)),
                (None, Some(a), Some(b)) => {
                    out.push(record(&format!("{k}_min"), a));
                    out.push(record(&format!("{k}_max"), b));
                }
                _ => {}
            }
        }
        out.extend(r.official.iter().flat_map(|o| official_records(&r.id, o)));
    }
    out
}

/// An official median and its 10th and 90th percentiles, in the period
/// the median is given in; a top-coded figure is its floor, with
/// `top-coded: at least` in detail.
fn official_records(role: &str, o: &crate::pay::OfficialWages) -> Vec<CompareRecord> {
    let (Some(w), Some(median)) = (&o.wages, &o.median) else {
        return Vec::new();
    };
    let (p10, p50, p90) = match median.period {
        Period::Year => (w.annual.p10, w.annual.median, w.annual.p90),
        Period::Hour => (w.hourly.p10, w.hourly.median, w.hourly.p90),
    };
    [
        ("official_p10", p10),
        ("official_median", p50),
        ("official_p90", p90),
    ]
    .into_iter()
    .filter_map(|(kind, v)| {
        let (value, detail) = match v {
            WageValue::TopCoded { cap } => (cap, "top-coded: at least"),
            other => (other.value()?, ""),
        };
        let record = CompareRecord::new("pay", role, kind, plain_number(value))
            .money("USD", median.period)
            .source(&o.source)
            .detail(detail);
        Some(CompareRecord {
            soc: Some(o.soc.clone()),
            area: Some(o.area.label()),
            ..record
        })
    })
    .collect()
}

/// The SOC codes of an official difference, `baseline,other`.
fn official_socs(d: &PayDifference) -> Option<String> {
    Some(format!(
        "{},{}",
        d.baseline.soc.as_ref()?,
        d.other.soc.as_ref()?
    ))
}

fn difference_records(view: &CompareView) -> Vec<CompareRecord> {
    let mut out = Vec::new();
    for d in &view.differences {
        let sources = format!("{},{}", d.baseline.source, d.other.source);
        let k = measure_key(d.measure);
        let number = |v: Option<f64>| v.map(plain_number).unwrap_or_default();
        if d.comparable {
            out.push(CompareRecord {
                soc: official_socs(d),
                ..CompareRecord::new("difference", &d.role, k, number(d.amount))
                    .money(&d.other.currency, d.other.period)
                    .source(&sources)
            });
            let percent = d.percent.map(|p| (p * 100.0).round() / 100.0);
            out.push(
                CompareRecord::new(
                    "difference",
                    &d.role,
                    &format!("{k}_percent"),
                    number(percent),
                )
                .unit("%")
                .source(&sources),
            );
        } else {
            out.push(
                CompareRecord::new("difference", &d.role, k, "")
                    .source(&sources)
                    .detail(format!(
                        "not comparable: {}",
                        d.reason.as_deref().unwrap_or("")
                    )),
            );
        }
    }
    out
}

/// Growth, education, experience, remote work, stress, balance and
/// ladder places of one role.
fn fact_records(r: &CompareRole) -> Vec<CompareRecord> {
    let mut out = Vec::new();
    for g in &r.growth.statements {
        if let Some(p) = g.percent {
            out.push(
                CompareRecord::new("growth", &r.id, "percent", plain_number(p))
                    .unit("%")
                    .source(&g.source),
            );
        }
        if let Some(t) = g.trend {
            let through = g.through.map(|y| y.to_string()).unwrap_or_default();
            out.push(
                CompareRecord::new("growth", &r.id, "trend", trend_word(t))
                    .source(&g.source)
                    .detail(through),
            );
        }
        if let Some(s) = &g.status {
            out.push(CompareRecord::new("growth", &r.id, "status", s).source(&g.source));
        }
    }
    for e in &r.education {
        out.push(CompareRecord::new("education", &r.id, "minimum", &e.value).source(&e.source));
    }
    for e in &r.experience {
        for (kind, v) in [("min_years", e.min_years), ("max_years", e.max_years)] {
            if let Some(v) = v {
                out.push(
                    CompareRecord::new("experience", &r.id, kind, v.to_string())
                        .unit("years")
                        .source(&e.source),
                );
            }
        }
        if let Some(t) = &e.text {
            out.push(CompareRecord::new("experience", &r.id, "text", t).source(&e.source));
        }
    }
    for x in &r.remote {
        if let Some(f) = x.remote_friendly {
            out.push(
                CompareRecord::new("remote", &r.id, "remote_friendly", f.to_string())
                    .source(&x.source),
            );
        }
    }
    for (attribute, items) in [("stress", &r.stress), ("balance", &r.balance)] {
        for s in items {
            out.push(CompareRecord::new(attribute, &r.id, "level", &s.value).source(&s.source));
        }
    }
    for l in &r.ladders {
        for t in &l.tiers {
            out.push(
                CompareRecord::new("ladder", &r.id, "tier", &t.title)
                    .unit(format!("{}/{}", t.position, l.tiers_total))
                    .source(&l.source)
                    .detail(&l.ladder),
            );
        }
    }
    out
}

fn set_records(view: &CompareView) -> Vec<CompareRecord> {
    let mut out = Vec::new();
    for (attribute, set) in [("skills", &view.skills), ("tools", &view.tools)] {
        for s in &set.shared {
            out.push(CompareRecord::new(attribute, "", "shared", s));
        }
        for (id, items) in &set.unique {
            for s in items {
                out.push(CompareRecord::new(attribute, id, "unique", s));
            }
        }
    }
    out
}

fn gap_records(view: &CompareView) -> Vec<CompareRecord> {
    let mut out = Vec::new();
    for g in &view.gaps {
        if !g.gap.known {
            out.push(
                CompareRecord::new("gap", &g.to, UNKNOWN, "")
                    .detail(g.reason.as_deref().unwrap_or("")),
            );
            continue;
        }
        for s in &g.gap.skills_to_gain {
            out.push(
                CompareRecord::new("gap", &g.to, "to_learn", s).detail(format!("from {}", g.from)),
            );
        }
    }
    out
}
