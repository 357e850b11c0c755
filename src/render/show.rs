//! Text and TSV for `careers show`.

use crate::cli::Section;
use crate::commands::show::ShowView;
use crate::model::{Period, Role, Salary};
use crate::render::text::{
    self, bullet, clean, heading, money, paragraph, per, percent, years, UNKNOWN,
};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use serde_json::Value;
use std::borrow::Cow;
use std::io::{self, Write};

impl Render for ShowView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let r = self.role;
        // Each source's tag, painted once: a profile cites a few sources
        // over a hundred times.
        let tags: Vec<String> = (1..=self.sources.len())
            .map(|n| term.paint(Paint::Muted, &format!("[{n}]")))
            .collect();
        let cite = |source: &str| -> String {
            match self.cite(source) {
                Some(n) => tags[n - 1].clone(),
                None => term.paint(Paint::Muted, &format!("[{source}]")),
            }
        };
        // Header.
        text::line(
            out,
            term,
            &format!(
                "{}  {}",
                term.paint(Paint::Title, &clean(&r.title)),
                term.paint(Paint::Id, &r.id)
            ),
        )?;
        let mut meta = format!(
            "Family: {} {}",
            clean(&r.family.name),
            cite(&r.family.source)
        );
        if !r.aliases.is_empty() {
            // One entry per name, with every source that gives it (found
            // by name: a scan per alias made 100,000 aliases take 16 s).
            let mut names: Vec<(String, String)> = Vec::new();
            let mut at: std::collections::HashMap<&str, usize> = Default::default();
            for a in &r.aliases {
                match at.get(a.name.as_str()) {
                    Some(&i) => names[i].1.push_str(&cite(&a.source)),
                    None => {
                        at.insert(&a.name, names.len());
                        names.push((a.name.clone(), cite(&a.source)));
                    }
                }
            }
            let names: Vec<String> = names
                .iter()
                .map(|(n, tags)| format!("{} {tags}", clean(n)))
                .collect();
            meta.push_str(&format!("   Also called: {}", names.join(", ")));
        }
        for line in textwrap::wrap(&meta, term.prose_width()) {
            writeln!(out, "{line}")?;
        }
        if self.origin == "official" {
            let code = r.soc.first().map_or("", |l| l.code.as_str());
            let note = format!("Official occupation, SOC {code}: no curated profile; `--section wages --area STATE` for local pay");
            text::line(out, term, &term.paint(Paint::Muted, &note))?;
        } else if self.origin != "bundled" {
            text::line(
                out,
                term,
                &term.paint(Paint::Muted, &format!("Defined in {}", clean(&self.origin))),
            )?;
        }
        if self.sections.is_empty() {
            for p in &r.summary {
                writeln!(out)?;
                prose(out, term, &p.paragraphs, &cite(&p.source))?;
            }
            writeln!(out)?;
            key_facts(self, out, term, &cite)?;
        }
        let mut uncovered = Vec::new();
        for section in all_sections() {
            if self.sections.is_empty() && section == Section::Summary {
                continue;
            }
            // A full profile skips empty sections and names them at the end;
            // a section asked for by name is always printed.
            if self.sections.is_empty() && !has(self, section) {
                uncovered.push(title_of(section).to_lowercase());
                continue;
            }
            if self.wants(section) {
                write_section(self, section, out, term, &cite)?;
            }
        }
        if !uncovered.is_empty() {
            writeln!(out)?;
            let note = format!("No source covers: {}.", uncovered.join(", "));
            for line in text::wrap(&note, term.prose_width(), "") {
                writeln!(out, "{}", term.paint(Paint::Warning, &line))?;
            }
        }
        Ok(())
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        tsv::row(out, &["field", "value", "source"])?;
        let value = serde_json::to_value(self).map_err(io::Error::from)?;
        if let Value::Object(m) = value {
            for (k, v) in m {
                leaves(&k, &v, None, out)?;
            }
        }
        Ok(())
    }
}

/// One TSV row per leaf: dotted path, value, and the nearest source.
fn leaves(path: &str, v: &Value, source: Option<&str>, out: &mut dyn Write) -> io::Result<()> {
    match v {
        Value::Object(m) => {
            let source = m.get("source").and_then(Value::as_str).or(source);
            for (k, v) in m {
                if k != "source" {
                    leaves(&format!("{path}.{k}"), v, source, out)?;
                }
            }
            Ok(())
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                leaves(&format!("{path}[{i}]"), item, source, out)?;
            }
            Ok(())
        }
        Value::Null => Ok(()),
        Value::String(s) => tsv::row(out, &[path, s, source.unwrap_or("")]),
        other => tsv::row(out, &[path, &other.to_string(), source.unwrap_or("")]),
    }
}

fn all_sections() -> impl Iterator<Item = Section> {
    use clap::ValueEnum;
    Section::value_variants().iter().copied()
}

/// Whether the view has anything for this section.
fn has(view: &ShowView<'_>, section: Section) -> bool {
    match section {
        Section::Sources => !view.sources.is_empty(),
        Section::Wages => !view.official.is_empty() || !view.curated.is_empty(),
        _ => role_has(view.role, section),
    }
}

/// Whether one of the role's fields that the section prints
/// ([`section_fields`](crate::commands::show::section_fields)) is a
/// non-empty list. Read field by field: serializing the role to look them
/// up by name was a fifth of `show`'s time.
fn role_has(r: &Role, section: Section) -> bool {
    match section {
        Section::Summary => !r.summary.is_empty(),
        Section::Overview => !r.overview.is_empty(),
        Section::Responsibilities => !r.responsibilities.is_empty(),
        Section::Setting => !r.work_setting.is_empty() || !r.employers.is_empty(),
        Section::Tools => !r.tech_stack.is_empty(),
        Section::Skills => {
            !r.tech_skills.is_empty()
                || !r.soft_skills.is_empty()
                || !r.qualities.is_empty()
                || !r.skill_map.is_empty()
        }
        Section::Education => !r.education.is_empty() || !r.certifications.is_empty(),
        Section::Experience => !r.experience.is_empty() || !r.getting_started.is_empty(),
        Section::Salary => !r.salary.is_empty(),
        Section::Outlook => !r.outlook.is_empty(),
        Section::Remote => !r.remote.is_empty(),
        Section::Market => !r.job_market.is_empty(),
        Section::Global => !r.global_outlook.is_empty(),
        Section::Day => !r.day_in_the_life.is_empty(),
        Section::Balance => !r.work_life.is_empty(),
        Section::Pros => !r.pros.is_empty(),
        Section::Cons => !r.cons.is_empty(),
        Section::Mistakes => !r.beginner_mistakes.is_empty(),
        Section::Advice => !r.advice.is_empty(),
        Section::Cases => !r.case_studies.is_empty(),
        Section::Portfolio => !r.portfolio_tips.is_empty(),
        Section::Metrics => !r.metrics.is_empty(),
        Section::Figures => !r.figures.is_empty(),
        Section::Reports => !r.reports_to.is_empty(),
        Section::Differences => !r.differs_from.is_empty(),
        Section::Related => !r.related.is_empty(),
        Section::Ladder => !r.ladder.is_empty(),
        Section::Moves => !r.moves.is_empty(),
        Section::Letter => !r.cover_letter.is_empty(),
        Section::Faq => !r.faq.is_empty(),
        // Not the role's own data: the view's (see `has`).
        Section::Wages | Section::Sources => false,
    }
}

fn title_of(section: Section) -> &'static str {
    match section {
        Section::Summary => "Summary",
        Section::Overview => "Overview",
        Section::Responsibilities => "Responsibilities",
        Section::Setting => "Work setting",
        Section::Tools => "Tools",
        Section::Skills => "Skills",
        Section::Education => "Education and certifications",
        Section::Experience => "Experience and getting started",
        Section::Salary => "Salary",
        Section::Wages => "Official wages (BLS, May 2025)",
        Section::Outlook => "Outlook",
        Section::Remote => "Remote work",
        Section::Market => "Job market",
        Section::Global => "Global outlook",
        Section::Day => "A day in the life",
        Section::Balance => "Work-life balance and stress",
        Section::Pros => "Pros",
        Section::Cons => "Cons",
        Section::Mistakes => "Beginners' mistakes",
        Section::Advice => "Advice",
        Section::Cases => "Case studies",
        Section::Portfolio => "Portfolio tips",
        Section::Metrics => "Performance metrics",
        Section::Figures => "Day-to-day figures",
        Section::Reports => "Reports to",
        Section::Differences => "How it differs",
        Section::Related => "Related roles",
        Section::Ladder => "Career ladder",
        Section::Moves => "Moves to other roles",
        Section::Letter => "Sample cover letter",
        Section::Faq => "Frequently asked questions",
        Section::Sources => "Sources",
    }
}

fn prose(out: &mut dyn Write, term: &Term, paragraphs: &[String], tag: &str) -> io::Result<()> {
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let text = if i + 1 == paragraphs.len() {
            Cow::Owned([&clean(p), " ", tag].concat())
        } else {
            clean(p)
        };
        // The tag carries colour codes, which cleaning would print as text.
        text::styled_paragraph(out, term, &text, "  ")?;
    }
    Ok(())
}

/// "$42,000/yr median" etc. for one salary entry, or None when it has no figure.
fn pay_summary(s: &Salary) -> Option<String> {
    let m = |v: f64| format!("{}{}", money(v, &s.currency), per(s.period));
    if let Some(v) = s.median {
        return Some(format!("{} median", m(v)));
    }
    if let Some(v) = s.average {
        return Some(format!("{} average", m(v)));
    }
    if let Some(r) = s.range {
        return Some(format!("{}-{}", money(r.min, &s.currency), m(r.max)));
    }
    if let Some(r) = s.entry_range {
        return Some(format!(
            "{}-{} entry-level",
            money(r.min, &s.currency),
            m(r.max)
        ));
    }
    None
}

fn key_facts(
    view: &ShowView<'_>,
    out: &mut dyn Write,
    term: &Term,
    cite: &dyn Fn(&str) -> String,
) -> io::Result<()> {
    let r = view.role;
    let join = |items: Vec<String>| {
        if items.is_empty() {
            term.paint(Paint::Warning, UNKNOWN)
        } else {
            items.join("\n")
        }
    };
    let mut pays: Vec<String> = r
        .salary
        .iter()
        .filter_map(|s| {
            pay_summary(s).map(|p| format!("{} {}", term.paint(Paint::Figure, &p), cite(&s.source)))
        })
        .collect();
    for o in &view.official {
        if let Some(w) = &o.wages {
            let approx = if o.approximate { ", approximate" } else { "" };
            pays.push(format!(
                "{}/yr median, official ({}, SOC {}{approx}) {}",
                term.paint(
                    Paint::Figure,
                    &crate::render::official::value(w.annual.median)
                ),
                o.area.label(),
                o.soc,
                cite(&o.source)
            ));
        }
    }
    let pay = join(pays);
    let growth = join(
        r.outlook
            .iter()
            .filter(|o| o.growth_percent.is_some() || o.status.is_some())
            .map(|o| {
                let mut s = String::new();
                if let Some(g) = o.growth_percent {
                    s.push_str(&term.paint(Paint::Figure, &percent(g)));
                    s.push(' ');
                }
                if let Some(st) = &o.status {
                    s.push_str(&clean(st));
                }
                if let Some(t) = o.through {
                    if !o.status.as_deref().unwrap_or("").contains(&t.to_string()) {
                        s.push_str(&format!(" (through {t})"));
                    }
                }
                format!("{s} {}", cite(&o.source))
            })
            .collect(),
    );
    // One sourced text per entry that has it, e.g. each source's stress rating.
    let texts = |items: Vec<(Option<&String>, &str)>| {
        join(
            items
                .into_iter()
                .filter_map(|(v, source)| v.map(|v| format!("{} {}", clean(v), cite(source))))
                .collect(),
        )
    };
    let education = texts(
        r.education
            .iter()
            .map(|e| (e.minimum.as_ref(), e.source.as_str()))
            .collect(),
    );
    let experience = join(
        r.experience
            .iter()
            .filter(|e| e.min_years.is_some() || e.max_years.is_some())
            .map(|e| format!("{} {}", years(e.min_years, e.max_years), cite(&e.source)))
            .collect(),
    );
    let remote = join(
        r.remote
            .iter()
            .filter_map(|x| {
                x.remote_friendly.map(|f| {
                    format!(
                        "{} {}",
                        if f {
                            "remote-friendly"
                        } else {
                            "not remote-friendly"
                        },
                        cite(&x.source)
                    )
                })
            })
            .collect(),
    );
    let stress = texts(
        r.work_life
            .iter()
            .map(|w| (w.stress.as_ref(), w.source.as_str()))
            .collect(),
    );
    let balance = texts(
        r.work_life
            .iter()
            .map(|w| (w.balance.as_ref(), w.source.as_str()))
            .collect(),
    );
    let rows = [
        ("Pay", pay),
        ("Growth", growth),
        ("Education", education),
        ("Experience", experience),
        ("Remote", remote),
        ("Stress", stress),
        ("Balance", balance),
    ];
    let label_width = rows.iter().map(|(l, _)| l.len()).max().unwrap_or(0) + 2;
    let value_width = term.prose_width().saturating_sub(label_width + 2).max(20);
    heading(out, term, "Key facts")?;
    for (label, value) in rows {
        let mut first = true;
        for line in value.lines() {
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

/// Wraps a line that may contain colour codes (textwrap measures display
/// width and skips ANSI escapes).
fn wrap_styled(line: &str, width: usize) -> Vec<String> {
    textwrap::wrap(line, width)
        .into_iter()
        .map(|c| c.into_owned())
        .collect()
}

fn write_section(
    view: &ShowView<'_>,
    section: Section,
    out: &mut dyn Write,
    term: &Term,
    cite: &dyn Fn(&str) -> String,
) -> io::Result<()> {
    // In the loops over many items (moves, questions, lists), lines are
    // joined from their pieces with concat rather than format!: one exact
    // allocation and no formatting machinery. format! was a fifth of the
    // time spent rendering a profile.
    let r = view.role;
    writeln!(out)?;
    heading(out, term, title_of(section))?;
    if !has(view, section) {
        text::line(
            out,
            term,
            &format!(
                "  {}",
                term.paint(Paint::Warning, "unknown: no source covers this")
            ),
        )?;
        return Ok(());
    }
    let list = |out: &mut dyn Write,
                lists: &[crate::model::List],
                label: Option<&str>|
     -> io::Result<()> {
        for l in lists {
            let tag = cite(&l.source);
            let head = match label {
                Some(label) => ["  ", &term.paint(Paint::Figure, label), " ", &tag].concat(),
                None => ["  from ", &tag].concat(),
            };
            text::line(out, term, &head)?;
            for item in &l.items {
                bullet(out, term, item, "  ")?;
            }
        }
        Ok(())
    };
    let role_label = |title: &str, role: &Option<String>| -> String {
        match role {
            Some(id) => [&clean(title), " (", &term.paint(Paint::Id, id), ")"].concat(),
            None => clean(title).into_owned(),
        }
    };
    match section {
        Section::Summary => {
            for p in &r.summary {
                prose(out, term, &p.paragraphs, &cite(&p.source))?;
            }
        }
        Section::Overview => {
            for (i, p) in r.overview.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                prose(out, term, &p.paragraphs, &cite(&p.source))?;
            }
        }
        Section::Responsibilities => list(out, &r.responsibilities, None)?,
        Section::Setting => {
            for p in &r.work_setting {
                prose(out, term, &p.paragraphs, &cite(&p.source))?;
            }
            list(out, &r.employers, Some("Employers"))?;
        }
        Section::Tools => {
            for g in &r.tech_stack {
                text::line(out, term, &format!("  from {}", cite(&g.source)))?;
                for t in &g.tools {
                    let item = if t.examples.is_empty() {
                        t.name.clone()
                    } else {
                        [&t.name, " (e.g. ", &t.examples.join(", "), ")"].concat()
                    };
                    bullet(out, term, &item, "  ")?;
                }
            }
        }
        Section::Skills => {
            list(out, &r.tech_skills, Some("Technical skills"))?;
            list(out, &r.soft_skills, Some("Soft skills"))?;
            for q in &r.qualities {
                bullet(out, term, &[&q.name, ": ", &q.text].concat(), "  ")?;
                text::line(out, term, &["    ", &cite(&q.source)].concat())?;
            }
            if !r.skill_map.is_empty() {
                text::line(
                    out,
                    term,
                    &format!("  {}", term.paint(Paint::Figure, "Skill map")),
                )?;
            }
            for g in &r.skill_map {
                text::line(
                    out,
                    term,
                    &format!(
                        "  {} {}",
                        term.paint(Paint::Heading, &clean(&g.name)),
                        cite(&g.source)
                    ),
                )?;
                if let Some(d) = &g.description {
                    paragraph(out, term, d, "    ")?;
                }
                for s in &g.skills {
                    bullet(out, term, s, "    ")?;
                }
            }
        }
        Section::Education => {
            for e in &r.education {
                let min = e.minimum.as_deref().map(clean).unwrap_or_default();
                text::line(
                    out,
                    term,
                    &format!("  {} {}", term.paint(Paint::Figure, &min), cite(&e.source)),
                )?;
                for p in &e.paragraphs {
                    paragraph(out, term, p, "  ")?;
                }
                for i in &e.items {
                    bullet(out, term, i, "  ")?;
                }
            }
            list(out, &r.certifications, Some("Certifications"))?;
        }
        Section::Experience => {
            for e in &r.experience {
                text::line(
                    out,
                    term,
                    &format!(
                        "  {} {}",
                        term.paint(Paint::Figure, &years(e.min_years, e.max_years)),
                        cite(&e.source)
                    ),
                )?;
                if let Some(t) = &e.text {
                    paragraph(out, term, t, "  ")?;
                }
                for i in &e.items {
                    bullet(out, term, i, "  ")?;
                }
            }
            for p in &r.getting_started {
                text::line(
                    out,
                    term,
                    &format!(
                        "  {} {}",
                        term.paint(Paint::Figure, "Getting started"),
                        cite(&p.source)
                    ),
                )?;
                prose(out, term, &p.paragraphs, "")?;
            }
        }
        Section::Salary => salary(view, out, term, cite)?,
        Section::Wages => {
            for o in &view.official {
                crate::render::official::write(out, term, o, &cite(&o.source))?;
            }
            if !view.curated.is_empty() {
                text::line(out, term, "  Curated profiles for this occupation:")?;
                for (id, title, approx) in &view.curated {
                    let note = if *approx { " (approximate match)" } else { "" };
                    bullet(out, term, &format!("{} ({}){note}", title, id), "  ")?;
                }
            }
        }
        Section::Outlook => {
            for o in &r.outlook {
                let mut head = Vec::new();
                if let Some(g) = o.growth_percent {
                    head.push(term.paint(Paint::Figure, &format!("{} growth", percent(g))));
                }
                if let Some(s) = &o.status {
                    head.push(clean(s).into_owned());
                }
                if let Some(t) = o.through {
                    head.push(format!("through {t}"));
                }
                if let Some(a) = &o.attributed_to {
                    head.push(format!("credited to {}", clean(a)));
                }
                text::line(
                    out,
                    term,
                    &format!("  {} {}", head.join("; "), cite(&o.source)),
                )?;
                if let Some(d) = &o.demand {
                    text::line(
                        out,
                        term,
                        &format!("    Demand: {}", term.paint(Paint::Figure, &clean(d))),
                    )?;
                }
                for t in [&o.demand_text, &o.automation].into_iter().flatten() {
                    paragraph(out, term, t, "    ")?;
                }
                if let Some(ai) = &o.ai_impact {
                    let when = o
                        .ai_impact_through
                        .map(|y| format!(" (through {y})"))
                        .unwrap_or_default();
                    paragraph(out, term, &format!("AI impact{when}: {ai}"), "    ")?;
                }
                for p in &o.paragraphs {
                    paragraph(out, term, p, "    ")?;
                }
            }
            let growths: Vec<_> = r.outlook.iter().filter_map(|o| o.trend).collect();
            if growths.windows(2).any(|w| w[0] != w[1]) {
                text::line(
                    out,
                    term,
                    &format!(
                        "  {}",
                        term.paint(
                            Paint::Warning,
                            "Sources disagree on the outlook; both are shown."
                        )
                    ),
                )?;
            }
        }
        Section::Remote => {
            for x in &r.remote {
                let label = match x.remote_friendly {
                    Some(true) => "remote-friendly",
                    Some(false) => "not remote-friendly",
                    None => "",
                };
                text::line(
                    out,
                    term,
                    &format!("  {} {}", term.paint(Paint::Figure, label), cite(&x.source)),
                )?;
                if let Some(t) = &x.text {
                    paragraph(out, term, t, "  ")?;
                }
            }
        }
        Section::Market => {
            for m in &r.job_market {
                text::line(out, term, &format!("  from {}", cite(&m.source)))?;
                for (label, t) in [
                    ("Challenges", &m.challenges),
                    ("Growth paths", &m.growth_paths),
                    ("Trends", &m.trends),
                ] {
                    if let Some(t) = t {
                        text::line(
                            out,
                            term,
                            &format!("  {}", term.paint(Paint::Figure, label)),
                        )?;
                        paragraph(out, term, t, "    ")?;
                    }
                }
            }
        }
        Section::Global => {
            for p in &r.global_outlook {
                prose(out, term, &p.paragraphs, &cite(&p.source))?;
            }
        }
        Section::Day => {
            for d in &r.day_in_the_life {
                text::line(out, term, &format!("  from {}", cite(&d.source)))?;
                for b in &d.blocks {
                    let when = match (&b.start, &b.end) {
                        (Some(s), Some(e)) => format!(" ({s} - {e})"),
                        _ => String::new(),
                    };
                    text::line(
                        out,
                        term,
                        &format!(
                            "  {}",
                            term.paint(
                                Paint::Figure,
                                &format!("{}{}", clean(&b.label), clean(&when))
                            )
                        ),
                    )?;
                    if let Some(f) = &b.focus {
                        paragraph(out, term, &["Focus: ", f].concat(), "    ")?;
                    }
                    for t in &b.tasks {
                        bullet(out, term, t, "    ")?;
                    }
                }
                for p in &d.paragraphs {
                    paragraph(out, term, p, "  ")?;
                }
            }
        }
        Section::Balance => {
            for w in &r.work_life {
                let stress = w.stress.as_deref().unwrap_or(UNKNOWN);
                let balance = w.balance.as_deref().unwrap_or(UNKNOWN);
                text::line(
                    out,
                    term,
                    &format!(
                        "  Stress: {}   Balance: {} {}",
                        term.paint(Paint::Figure, &clean(stress)),
                        term.paint(Paint::Figure, &clean(balance)),
                        cite(&w.source)
                    ),
                )?;
                if let Some(t) = &w.text {
                    paragraph(out, term, t, "  ")?;
                }
            }
        }
        Section::Pros => list(out, &r.pros, None)?,
        Section::Cons => list(out, &r.cons, None)?,
        Section::Mistakes => list(out, &r.beginner_mistakes, None)?,
        Section::Advice => list(out, &r.advice, None)?,
        Section::Cases => {
            for (i, c) in r.case_studies.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                text::line(
                    out,
                    term,
                    &format!(
                        "  {} {}",
                        term.paint(Paint::Figure, &clean(&c.title)),
                        cite(&c.source)
                    ),
                )?;
                paragraph(out, term, &c.story, "    ")?;
                paragraph(out, term, &["Key takeaway: ", &c.takeaway].concat(), "    ")?;
            }
        }
        Section::Portfolio => {
            for p in &r.portfolio_tips {
                prose(out, term, &p.paragraphs, &cite(&p.source))?;
            }
        }
        Section::Metrics => {
            for m in &r.metrics {
                let name = match &m.short {
                    Some(s) => format!("{} ({s})", m.name),
                    None => m.name.clone(),
                };
                let text = match &m.description {
                    Some(d) => [&name, ": ", d].concat(),
                    None => name,
                };
                text::styled_bullet(
                    out,
                    term,
                    &format!("{} {}", clean(&text), cite(&m.source)),
                    "  ",
                )?;
            }
        }
        Section::Figures => {
            for f in &r.figures {
                let range = match (f.min, f.max) {
                    (Some(a), Some(b)) => {
                        format!("{}-{}", text::plain_number(a), text::plain_number(b))
                    }
                    (Some(a), None) => format!("{}+", text::plain_number(a)),
                    (None, Some(b)) => format!("up to {}", text::plain_number(b)),
                    (None, None) => UNKNOWN.to_string(),
                };
                let ctx = f
                    .context
                    .as_deref()
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default();
                let figure = format!("{}: {} {}{}", f.name, range, f.unit, ctx);
                text::styled_bullet(
                    out,
                    term,
                    &format!("{} {}", clean(&figure), cite(&f.source)),
                    "  ",
                )?;
            }
        }
        Section::Reports | Section::Related => {
            let refs = if section == Section::Reports {
                &r.reports_to
            } else {
                &r.related
            };
            for x in refs {
                let note = x.note.as_deref().map(clean).unwrap_or_default();
                let sep = if x.note.is_some() { ": " } else { "" };
                let item = [
                    &role_label(&x.title, &x.role),
                    sep,
                    &note,
                    " ",
                    &cite(&x.source),
                ]
                .concat();
                text::styled_bullet(out, term, &item, "  ")?;
            }
        }
        Section::Differences => {
            for d in &r.differs_from {
                text::line(
                    out,
                    term,
                    &format!(
                        "  {} {}",
                        term.paint(
                            Paint::Figure,
                            &format!("vs {}", role_label(&d.title, &d.role))
                        ),
                        cite(&d.source)
                    ),
                )?;
                paragraph(out, term, &d.text, "    ")?;
            }
        }
        Section::Ladder => {
            for l in &r.ladder {
                text::line(
                    out,
                    term,
                    &format!(
                        "  {} {}",
                        term.paint(Paint::Figure, &clean(&l.name)),
                        cite(&l.source)
                    ),
                )?;
                for (i, t) in l.tiers.iter().enumerate() {
                    let link = match &t.role {
                        Some(id) if *id != r.id => format!(" -> {}", term.paint(Paint::Id, id)),
                        _ => String::new(),
                    };
                    text::line(
                        out,
                        term,
                        &format!(
                            "  {}. {} ({}){}",
                            i + 1,
                            clean(&t.title),
                            years(Some(t.min_years), t.max_years),
                            link
                        ),
                    )?;
                    if let Some(d) = &t.description {
                        paragraph(out, term, d, "     ")?;
                    }
                }
            }
        }
        Section::Moves => {
            for m in &r.moves {
                let yrs = if m.min_years.is_some() || m.max_years.is_some() {
                    [", ", &years(m.min_years, m.max_years)].concat()
                } else {
                    String::new()
                };
                let kind = crate::render::path::kind_word(m.kind);
                let item = [
                    &role_label(&m.to, &m.role),
                    " [",
                    kind,
                    &yrs,
                    "] ",
                    &cite(&m.source),
                ]
                .concat();
                text::styled_bullet(out, term, &item, "  ")?;
                if let Some(n) = &m.note {
                    paragraph(out, term, n, "    ")?;
                }
            }
        }
        Section::Letter => {
            for p in &r.cover_letter {
                prose(out, term, &p.paragraphs, &cite(&p.source))?;
            }
        }
        Section::Faq => {
            for (i, f) in r.faq.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                let question = term.paint(Paint::Figure, &["Q: ", &clean(&f.question)].concat());
                text::line(
                    out,
                    term,
                    &["  ", &question, " ", &cite(&f.source)].concat(),
                )?;
                paragraph(out, term, &f.answer, "    ")?;
            }
        }
        Section::Sources => {
            for (i, s) in view.sources.iter().enumerate() {
                let publisher = s
                    .publisher
                    .as_deref()
                    .map(|p| format!(", {p}"))
                    .unwrap_or_else(|| ", publisher not named".into());
                let date = s
                    .date
                    .as_deref()
                    .map(|d| format!(", {d}"))
                    .unwrap_or_default();
                paragraph(
                    out,
                    term,
                    &format!(
                        "[{}] {}{publisher}{date} ({}; id {})",
                        i + 1,
                        s.title,
                        s.kind,
                        s.id
                    ),
                    "  ",
                )?;
            }
        }
    }
    Ok(())
}

fn salary(
    view: &ShowView<'_>,
    out: &mut dyn Write,
    term: &Term,
    cite: &dyn Fn(&str) -> String,
) -> io::Result<()> {
    for s in &view.role.salary {
        let period = match s.period {
            Period::Year => "per year",
            Period::Hour => "per hour",
        };
        let region = s
            .region
            .as_deref()
            .map(|r| format!(", {}", clean(r)))
            .unwrap_or_default();
        text::line(
            out,
            term,
            &format!(
                "  {} {}",
                term.paint(Paint::Muted, &format!("{}, {period}{region}", s.currency)),
                cite(&s.source)
            ),
        )?;
        let m = |v: f64| term.paint(Paint::Figure, &money(v, &s.currency));
        let mut rows: Vec<(String, String)> = Vec::new();
        if let Some(r) = s.range {
            rows.push(("Range".into(), format!("{} - {}", m(r.min), m(r.max))));
        }
        if let Some(v) = s.median {
            rows.push(("Median".into(), m(v)));
        }
        if let Some(v) = s.average {
            rows.push(("Average".into(), m(v)));
        }
        for (label, v) in [
            ("Entry-level", s.entry),
            ("Mid-level", s.mid),
            ("Senior-level", s.senior),
        ] {
            if let Some(v) = v {
                rows.push((label.into(), m(v)));
            }
        }
        if let Some(r) = s.entry_range {
            rows.push(("Entry-level".into(), format!("{} - {}", m(r.min), m(r.max))));
        }
        if let Some(v) = s.top_10_percent_from {
            rows.push(("Top 10% from".into(), m(v)));
        }
        for (label, value) in rows {
            writeln!(out, "    {label:<14}{value}")?;
        }
        if let Some(n) = &s.note {
            paragraph(out, term, n, "    ")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::show::{sample_roles, section_fields};

    #[test]
    fn role_has_means_a_non_empty_list_among_the_section_fields() {
        for role in sample_roles() {
            let Value::Object(fields) = serde_json::to_value(&role).unwrap() else {
                panic!("a role serializes to an object");
            };
            for section in all_sections() {
                let filled = section_fields(section).iter().any(|f| {
                    fields
                        .get(*f)
                        .and_then(Value::as_array)
                        .is_some_and(|a| !a.is_empty())
                });
                assert_eq!(role_has(&role, section), filled, "{} {section:?}", role.id);
            }
        }
    }
}
