//! The body of each profile section as text, one function per section
//! (the table that names them is [`crate::sections::SECTIONS`]).

use super::official;
use super::Page;
use crate::catalog::Home;
use crate::model::List;
use crate::render::text::{self, bullet, clean, paragraph, years, UNKNOWN};
use crate::term::Paint;
use std::io::{self, Write};

type Out<'o> = &'o mut dyn Write;

pub fn summary(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for x in &p.role().summary {
        p.prose(out, &x.paragraphs, &p.cite(&x.source))?;
    }
    Ok(())
}

pub fn overview(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for (i, x) in p.role().overview.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        p.prose(out, &x.paragraphs, &p.cite(&x.source))?;
    }
    Ok(())
}

pub fn responsibilities(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    p.lists(out, &p.role().responsibilities, None)
}

pub fn setting(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for x in &p.role().work_setting {
        p.prose(out, &x.paragraphs, &p.cite(&x.source))?;
    }
    p.lists(out, &p.role().employers, Some("Employers"))
}

pub fn tools(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for g in &p.role().tech_stack {
        p.line(out, &format!("  from {}", p.cite(&g.source)))?;
        for t in &g.tools {
            let item = if t.examples.is_empty() {
                t.name.clone()
            } else {
                [&t.name, " (e.g. ", &t.examples.join(", "), ")"].concat()
            };
            bullet(out, p.term, &item, "  ")?;
        }
    }
    Ok(())
}

pub fn skills(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    let r = p.role();
    p.lists(out, &r.tech_skills, Some("Technical skills"))?;
    p.lists(out, &r.soft_skills, Some("Soft skills"))?;
    // Qualities under their own heading, each with its own source: after
    // a list of soft skills they read as that list's (issue 14).
    if !r.qualities.is_empty() {
        p.line(out, &format!("  {}", p.paint(Paint::Figure, "Qualities")))?;
    }
    for q in &r.qualities {
        let item = format!(
            "{}: {} {}",
            clean(&q.name),
            clean(&q.text),
            p.cite(&q.source)
        );
        text::styled_bullet(out, p.term, &item, "  ")?;
    }
    if !r.skill_map.is_empty() {
        p.line(out, &format!("  {}", p.paint(Paint::Figure, "Skill map")))?;
    }
    for g in &r.skill_map {
        let name = p.paint(Paint::Heading, &clean(&g.name));
        p.line(out, &format!("  {name} {}", p.cite(&g.source)))?;
        if let Some(d) = &g.description {
            paragraph(out, p.term, d, "    ")?;
        }
        for s in &g.skills {
            bullet(out, p.term, s, "    ")?;
        }
    }
    official::skills(p, out)
}

pub fn education(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    let r = p.role();
    // A blank line between two blocks, and between a block's paragraphs.
    for (i, e) in r.education.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let min = e.minimum.as_deref().map(clean).unwrap_or_default();
        let min = p.paint(Paint::Figure, &min);
        p.line(out, &format!("  {min} {}", p.cite(&e.source)))?;
        p.paras(out, e.paragraphs.iter().map(String::as_str), "  ")?;
        for i in &e.items {
            bullet(out, p.term, i, "  ")?;
        }
    }
    if !r.certifications.is_empty() && !r.education.is_empty() {
        writeln!(out)?;
    }
    p.lists(out, &r.certifications, Some("Certifications"))?;
    let guides = !r.education.is_empty() || !r.certifications.is_empty();
    if guides && !p.view.occupations.is_empty() {
        writeln!(out)?;
    }
    official::education(p, out)
}

pub fn experience(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    let r = p.role();
    let mut blocks = 0;
    for e in &r.experience {
        if blocks > 0 {
            writeln!(out)?;
        }
        blocks += 1;
        // A source that gives no figure says it in words (Indeed's "1 or 2
        // years ... 5 or more years"): not "unknown".
        let span = match (e.min_years, e.max_years) {
            (None, None) => "In the source's words".to_string(),
            (min, max) => years(min, max),
        };
        let span = p.paint(Paint::Figure, &span);
        p.line(out, &format!("  {span} {}", p.cite(&e.source)))?;
        if let Some(t) = &e.text {
            paragraph(out, p.term, t, "  ")?;
        }
        for i in &e.items {
            bullet(out, p.term, i, "  ")?;
        }
    }
    for x in &r.getting_started {
        if blocks > 0 {
            writeln!(out)?;
        }
        blocks += 1;
        let label = p.paint(Paint::Figure, "Getting started");
        p.line(out, &format!("  {label} {}", p.cite(&x.source)))?;
        p.prose(out, &x.paragraphs, "")?;
    }
    if blocks > 0 && !p.view.occupations.is_empty() {
        writeln!(out)?;
    }
    official::experience(p, out)
}

/// The pay answer, as `careers salary` shows it: the headline, then each
/// source's figures; the official figures in full are the wages section.
pub fn salary(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    let notes: Vec<(String, String)> = p
        .role()
        .salary
        .iter()
        .filter_map(|s| Some((s.source.clone(), s.note.clone()?)))
        .collect();
    let cite = |source: &str| text::tag(&p.view.sources, source);
    let pay = &p.view.pay;
    crate::render::salary::write_pay(
        out,
        p.term,
        pay.headline.as_ref(),
        &pay.curated,
        &notes,
        &cite,
        "  ",
    )
}

pub fn wages(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for o in &p.view.official {
        crate::render::official::write(out, p.term, o, &p.cite(&o.source))?;
    }
    if !p.view.curated.is_empty() {
        p.line(out, "  Curated profiles for this occupation:")?;
        for c in &p.view.curated {
            let note = if c.approximate {
                " (approximate match)"
            } else {
                ""
            };
            bullet(out, p.term, &format!("{} ({}){note}", c.title, c.id), "  ")?;
        }
    }
    Ok(())
}

pub fn outlook(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    super::outlook::section(p, out)
}

pub fn remote(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for x in &p.role().remote {
        let label = match x.remote_friendly {
            Some(true) => "remote-friendly",
            Some(false) => "not remote-friendly",
            None => "",
        };
        let label = p.paint(Paint::Figure, label);
        p.line(out, &format!("  {label} {}", p.cite(&x.source)))?;
        if let Some(t) = &x.text {
            paragraph(out, p.term, t, "  ")?;
        }
    }
    Ok(())
}

pub fn market(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for m in &p.role().job_market {
        p.line(out, &format!("  from {}", p.cite(&m.source)))?;
        for (label, t) in [
            ("Challenges", &m.challenges),
            ("Growth paths", &m.growth_paths),
            ("Trends", &m.trends),
        ] {
            if let Some(t) = t {
                p.line(out, &format!("  {}", p.paint(Paint::Figure, label)))?;
                paragraph(out, p.term, t, "    ")?;
            }
        }
    }
    Ok(())
}

pub fn global(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for x in &p.role().global_outlook {
        p.prose(out, &x.paragraphs, &p.cite(&x.source))?;
    }
    Ok(())
}

pub fn day(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for d in &p.role().day_in_the_life {
        p.line(out, &format!("  from {}", p.cite(&d.source)))?;
        for b in &d.blocks {
            let when = match (&b.start, &b.end) {
                (Some(s), Some(e)) => format!(" ({s} - {e})"),
                _ => String::new(),
            };
            let label = format!("{}{}", clean(&b.label), clean(&when));
            p.line(out, &format!("  {}", p.paint(Paint::Figure, &label)))?;
            if let Some(f) = &b.focus {
                paragraph(out, p.term, &["Focus: ", f].concat(), "    ")?;
            }
            for t in &b.tasks {
                bullet(out, p.term, t, "    ")?;
            }
        }
        for x in &d.paragraphs {
            paragraph(out, p.term, x, "  ")?;
        }
    }
    Ok(())
}

pub fn balance(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for w in &p.role().work_life {
        let stress = p.paint(
            Paint::Figure,
            &clean(w.stress.as_deref().unwrap_or(UNKNOWN)),
        );
        let balance = p.paint(
            Paint::Figure,
            &clean(w.balance.as_deref().unwrap_or(UNKNOWN)),
        );
        let line = format!(
            "  Stress: {stress}   Balance: {balance} {}",
            p.cite(&w.source)
        );
        p.line(out, &line)?;
        if let Some(t) = &w.text {
            paragraph(out, p.term, t, "  ")?;
        }
    }
    Ok(())
}

pub fn pros(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    p.lists(out, &p.role().pros, None)
}

pub fn cons(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    p.lists(out, &p.role().cons, None)
}

pub fn mistakes(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    p.lists(out, &p.role().beginner_mistakes, None)
}

pub fn advice(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    p.lists(out, &p.role().advice, None)
}

pub fn cases(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for (i, c) in p.role().case_studies.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let title = p.paint(Paint::Figure, &clean(&c.title));
        p.line(out, &format!("  {title} {}", p.cite(&c.source)))?;
        paragraph(out, p.term, &c.story, "    ")?;
        let takeaway = ["Key takeaway: ", &c.takeaway].concat();
        paragraph(out, p.term, &takeaway, "    ")?;
    }
    Ok(())
}

pub fn portfolio(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for x in &p.role().portfolio_tips {
        p.prose(out, &x.paragraphs, &p.cite(&x.source))?;
    }
    Ok(())
}

pub fn metrics(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for m in &p.role().metrics {
        let name = match &m.short {
            Some(s) => format!("{} ({s})", m.name),
            None => m.name.clone(),
        };
        let item = match &m.description {
            Some(d) => [&name, ": ", d].concat(),
            None => name,
        };
        let item = format!("{} {}", clean(&item), p.cite(&m.source));
        text::styled_bullet(out, p.term, &item, "  ")?;
    }
    Ok(())
}

pub fn figures(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for f in &p.role().figures {
        let n = text::plain_number;
        let range = match (f.min, f.max) {
            (Some(a), Some(b)) => format!("{}-{}", n(a), n(b)),
            (Some(a), None) => format!("{}+", n(a)),
            (None, Some(b)) => format!("up to {}", n(b)),
            (None, None) => UNKNOWN.to_string(),
        };
        let context = f
            .context
            .as_deref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        let figure = format!("{}: {} {}{}", f.name, range, f.unit, context);
        let item = format!("{} {}", clean(&figure), p.cite(&f.source));
        text::styled_bullet(out, p.term, &item, "  ")?;
    }
    Ok(())
}

pub fn reports(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    p.role_refs(out, &p.role().reports_to)
}

pub fn related(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    p.role_refs(out, &p.role().related)?;
    official::related(p, out)
}

pub fn differences(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for d in &p.role().differs_from {
        let vs = format!("vs {}", p.role_label(&d.title, &d.role));
        let vs = p.paint(Paint::Figure, &vs);
        p.line(out, &format!("  {vs} {}", p.cite(&d.source)))?;
        paragraph(out, p.term, &d.text, "    ")?;
    }
    Ok(())
}

/// Every ladder the role is on, tier by tier. A ladder of the role's own
/// file shows every tier's description, as its file gives them for its
/// profile; another's shows those of the role's own tiers.
pub fn ladder(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    let r = p.role();
    for on in &p.view.ladders {
        let (l, own) = (on.ladder.ladder, on.owner == Some(r.id.as_str()));
        let name = p.paint(Paint::Figure, &clean(&l.name));
        let home = match on.ladder.home {
            _ if own => String::new(),
            Home::Role { title, .. } => format!(" (from the {} profile)", clean(title)),
            Home::File { id, .. } => format!(" (ladder file {id})"),
        };
        p.line(out, &format!("  {name} {}{home}", p.cite(&l.source)))?;
        for (i, t) in l.tiers.iter().enumerate() {
            let link = match &t.role {
                Some(id) if *id != r.id => format!(" -> {}", p.paint(Paint::Id, id)),
                _ => String::new(),
            };
            let line = format!("  {}. {} ({}){link}", i + 1, clean(&t.title), tier_facts(t));
            p.line(out, &line)?;
            let mine = t.role.as_deref() == Some(r.id.as_str());
            if let Some(d) = t.description.as_ref().filter(|_| own || mine) {
                paragraph(out, p.term, d, "     ")?;
            }
        }
    }
    Ok(())
}

/// A tier's level, years and band: "L2, 1-3 years, band $44,000-$52,000/yr",
/// "0-2 years", "years unknown".
fn tier_facts(t: &crate::model::Tier) -> String {
    let span = text::tier_years(t.min_years, t.max_years);
    let band = t
        .band
        .as_ref()
        .map(|b| format!("band {}", text::pay_band(b)));
    let level = t.level.as_deref().map(|l| clean(l).into_owned());
    [level, Some(span), band]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn moves(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for m in &p.role().moves {
        let yrs = if m.min_years.is_some() || m.max_years.is_some() {
            [", ", &years(m.min_years, m.max_years)].concat()
        } else {
            String::new()
        };
        let kind = crate::render::path::kind_word(m.kind);
        let item = [
            &p.role_label(&m.to, &m.role),
            " [",
            kind,
            &yrs,
            "] ",
            &p.cite(&m.source),
        ]
        .concat();
        text::styled_bullet(out, p.term, &item, "  ")?;
        if let Some(n) = &m.note {
            paragraph(out, p.term, n, "    ")?;
        }
    }
    Ok(())
}

pub fn letter(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for x in &p.role().cover_letter {
        p.prose(out, &x.paragraphs, &p.cite(&x.source))?;
    }
    Ok(())
}

pub fn faq(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for (i, f) in p.role().faq.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let question = p.paint(Paint::Figure, &["Q: ", &clean(&f.question)].concat());
        p.line(out, &["  ", &question, " ", &p.cite(&f.source)].concat())?;
        paragraph(out, p.term, &f.answer, "    ")?;
    }
    Ok(())
}

pub fn sources(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for (n, c) in p.view.sources.iter() {
        let Some(s) = c.source else {
            paragraph(out, p.term, &format!("[{n}] {}", c.id), "  ")?;
            continue;
        };
        let publisher = s
            .publisher
            .as_deref()
            .map(|x| format!(", {x}"))
            .unwrap_or_else(|| ", publisher not named".into());
        let date = s
            .date
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        let entry = format!("{}{publisher}{date} ({}; id {})", s.title, s.kind, s.id);
        // Wrapped under its own text, as every legend is (text::source_entry).
        let first = format!("  [{n}] ");
        let rest = " ".repeat(first.len());
        let width = p.term.prose_width().max(rest.len() + 12);
        for l in text::fill(&clean(&entry), width, &first, &rest) {
            writeln!(out, "{l}")?;
        }
        // The works the source itself cites (the essay's references).
        for work in &s.cites {
            bullet(out, p.term, &format!("cites: {work}"), "      ")?;
        }
        // The attribution the official tables' licences ask for.
        if let Some(note) = s.note.as_deref().filter(|_| p.view.shows_note(&s.id)) {
            paragraph(out, p.term, note, "      ")?;
        }
    }
    Ok(())
}

impl Page<'_> {
    /// Lists of items, each headed by its label (or "from") and citation.
    fn lists(&self, out: Out<'_>, lists: &[List], label: Option<&str>) -> io::Result<()> {
        for l in lists {
            let tag = self.cite(&l.source);
            let head = match label {
                Some(label) => ["  ", &self.paint(Paint::Figure, label), " ", &tag].concat(),
                None => ["  from ", &tag].concat(),
            };
            self.line(out, &head)?;
            for item in &l.items {
                bullet(out, self.term, item, "  ")?;
            }
        }
        Ok(())
    }

    /// Roles a source names (reports to, related), each as a bullet.
    fn role_refs(&self, out: Out<'_>, refs: &[crate::model::RoleRef]) -> io::Result<()> {
        for x in refs {
            let note = x.note.as_deref().map(clean).unwrap_or_default();
            let sep = if x.note.is_some() { ": " } else { "" };
            let label = self.role_label(&x.title, &x.role);
            let item = [&label, sep, &note, " ", &self.cite(&x.source)].concat();
            text::styled_bullet(out, self.term, &item, "  ")?;
        }
        Ok(())
    }

    /// A title, with the catalog id it links to.
    fn role_label(&self, title: &str, role: &Option<String>) -> String {
        match role {
            Some(id) => [&clean(title), " (", &self.paint(Paint::Id, id), ")"].concat(),
            None => clean(title).into_owned(),
        }
    }
}
