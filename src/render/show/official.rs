//! The official facts of a profile as text (O*NET and the BLS Employment
//! Projections, per SOC occupation the role is or links to): the sections
//! of their own (description, tasks, technology, knowledge, titles) and
//! the official parts of the sections guides share (skills, education,
//! experience, related). A full profile shows the first items of a long
//! list and says how to see the rest; `--section` shows all.

use super::Page;
use crate::commands::show::occupation::{Block, Named, Occupation, TaskItem};
use crate::official::{SkillBasis, TaskKind};
use crate::render::text::{bullet, paragraph, styled_bullet};
use crate::term::Paint;
use std::io::{self, Write};

type Out<'o> = &'o mut dyn Write;

/// How many items of a list a full profile shows.
const TASKS: usize = 8;
const SKILLS: usize = 10;
const KNOWLEDGE: usize = 8;
const LISTED: usize = 15;

impl Page<'_> {
    /// Which occupation a block is about, when the page is not simply that
    /// occupation: "SOC 43-4051 Customer Service Representatives", and
    /// whether the role's link to it is approximate.
    pub fn about(&self, soc: &str, approximate: bool) -> Option<String> {
        let own = self.view.origin == crate::catalog::Origin::Official
            && self.view.occupations.len() == 1;
        if own {
            return None;
        }
        let title = crate::wages::occupation(soc).map_or("", |o| o.title);
        let approx = if approximate {
            " (approximate match)"
        } else {
            ""
        };
        Some(format!("SOC {soc} {title}{approx}"))
    }

    /// `  LABEL, SOC ... [n]`: the head line of an official block.
    fn block_head(
        &self,
        out: Out<'_>,
        label: &str,
        soc: &str,
        approximate: bool,
        source: &str,
    ) -> io::Result<()> {
        let label = self.paint(Paint::Figure, label);
        let about = self
            .about(soc, approximate)
            .map(|a| format!(", {a}"))
            .unwrap_or_default();
        self.line(out, &format!("  {label}{about} {}", self.cite(source)))
    }

    /// `  unknown: WHY`, for a block without items.
    fn unknown<T>(&self, out: Out<'_>, b: &Block<T>) -> io::Result<bool> {
        let Some(why) = &b.unknown else {
            return Ok(false);
        };
        let text = format!("unknown: {why}");
        self.line(out, &format!("  {}", self.paint(Paint::Warning, &text)))?;
        Ok(true)
    }

    /// "N more: `careers show ID --section S` lists all M."
    fn more(&self, out: Out<'_>, shown: usize, all: usize, section: &str) -> io::Result<()> {
        if shown >= all {
            return Ok(());
        }
        let text = format!(
            "{} more: `careers show {} --section {section}` lists all {all}.",
            all - shown,
            self.role().id
        );
        self.line(out, &format!("  {}", self.paint(Paint::Muted, &text)))
    }
}

/// The items of a block, by O*NET occupation (consecutive runs).
fn groups<T>(items: &[T], code: impl Fn(&T) -> &'static str) -> Vec<(&'static str, &[T])> {
    let mut out: Vec<(&'static str, &[T])> = Vec::new();
    let mut start = 0;
    for i in 1..=items.len() {
        if i == items.len() || code(&items[i]) != code(&items[start]) {
            out.push((code(&items[start]), &items[start..i]));
            start = i;
        }
    }
    out
}

/// Under a block's head, the O*NET occupation the next items are of, when
/// the block has several.
fn group_label(
    p: &Page<'_>,
    out: Out<'_>,
    o: &Occupation,
    code: &str,
    several: bool,
) -> io::Result<()> {
    if !several {
        return Ok(());
    }
    let label = format!("{} ({code})", onet_title(o, code));
    p.line(out, &format!("  {}", p.paint(Paint::Heading, &label)))
}

/// The title of an O*NET code among the occupation's descriptions.
fn onet_title<'o>(o: &'o Occupation, code: &'o str) -> &'o str {
    o.description
        .items
        .iter()
        .find(|d| d.onet_code == code)
        .map_or(code, |d| d.title)
}

pub fn description(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for (i, o) in p.view.occupations.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        if let Some(about) = p.about(o.soc, o.approximate) {
            p.line(out, &format!("  {}", p.paint(Paint::Figure, &about)))?;
        }
        if p.unknown(out, &o.description)? {
            continue;
        }
        let (primary, others): (Vec<_>, Vec<_>) =
            o.description.items.iter().partition(|d| d.primary);
        let several = primary.len() > 1;
        let full = p.view.is_full();
        for (j, d) in primary
            .iter()
            .chain(if full { [].iter() } else { others.iter() })
            .enumerate()
        {
            if j > 0 {
                writeln!(out)?;
            }
            if several || !d.primary {
                let label = format!("{} ({})", d.title, d.onet_code);
                p.line(out, &format!("  {}", p.paint(Paint::Figure, &label)))?;
            }
            p.prose(out, std::slice::from_ref(&d.description), &p.cite(d.source))?;
        }
        if full && !others.is_empty() {
            let names: Vec<&str> = others.iter().map(|d| d.title).collect();
            let n = names.len();
            let text = format!(
                "O*NET also describes {n} specialt{} of this occupation: {}; `careers show {} --section description` shows {}.",
                if n == 1 { "y" } else { "ies" },
                names.join(", "),
                p.role().id,
                if n == 1 { "it" } else { "them" }
            );
            paragraph(out, p.term, &text, "  ")?;
        }
    }
    Ok(())
}

/// "27 tasks: 15 core, 12 supplemental".
fn task_counts(tasks: &[TaskItem]) -> String {
    let count = |k: TaskKind| tasks.iter().filter(|t| t.kind == k).count();
    let mut parts = Vec::new();
    for (k, word) in [
        (TaskKind::Core, "core"),
        (TaskKind::Supplemental, "supplemental"),
        (TaskKind::Unspecified, "not rated core or supplemental"),
    ] {
        if count(k) > 0 {
            parts.push(format!("{} {word}", count(k)));
        }
    }
    let n = tasks.len();
    format!(
        "{n} task{}: {}",
        if n == 1 { "" } else { "s" },
        parts.join(", ")
    )
}

pub fn tasks(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    let mut credited = false;
    for o in &p.view.occupations {
        let b = &o.tasks;
        if p.unknown(out, b)? {
            continue;
        }
        credited = true;
        let groups = groups(&b.items, |t| t.onet_code);
        let label = match groups.len() {
            1 => format!("{}, core first", task_counts(&b.items)),
            n => format!(
                "{}, of {n} O*NET occupations, core first",
                task_counts(&b.items)
            ),
        };
        p.block_head(out, &label, o.soc, o.approximate, b.source)?;
        let mut left = p.limit(TASKS);
        let mut shown = 0;
        for (code, tasks) in &groups {
            if left == 0 {
                break;
            }
            if groups.len() > 1 {
                let label = format!("{} ({code}), {}", onet_title(o, code), task_counts(tasks));
                p.line(out, &format!("  {}", p.paint(Paint::Heading, &label)))?;
            }
            let mut kind = TaskKind::Core;
            for t in tasks.iter().take(left) {
                if t.kind != kind {
                    kind = t.kind;
                    let word = match kind {
                        TaskKind::Supplemental => "Supplemental:",
                        _ => "Not rated core or supplemental:",
                    };
                    p.line(out, &format!("  {}", p.paint(Paint::Muted, word)))?;
                }
                bullet(out, p.term, &t.statement, "  ")?;
                shown += 1;
            }
            left = left.saturating_sub(tasks.len());
        }
        p.more(out, shown, b.items.len(), "tasks")?;
    }
    if credited {
        let credit = p.paint(Paint::Muted, crate::official::TASKS_CREDIT);
        crate::render::text::styled_paragraph(out, p.term, &credit, "  ")?;
    }
    Ok(())
}

/// A list of names (technologies, titles) as one wrapped paragraph per
/// O*NET occupation, the first `LISTED` in a full profile.
fn names(
    p: &Page<'_>,
    out: Out<'_>,
    o: &Occupation,
    b: &Block<Named>,
    label: &str,
    section: &str,
) -> io::Result<()> {
    if p.unknown(out, b)? {
        return Ok(());
    }
    p.block_head(out, label, o.soc, o.approximate, b.source)?;
    let groups = groups(&b.items, |n| n.onet_code);
    let full = p.view.is_full();
    for (i, (code, items)) in groups.iter().enumerate() {
        if full && i > 0 {
            let rest: usize = groups[i..].iter().map(|g| g.1.len()).sum();
            let text = format!(
                "{rest} more of {} other O*NET occupation{}: `careers show {} --section {section}`.",
                groups.len() - i,
                if groups.len() - i == 1 { "" } else { "s" },
                p.role().id
            );
            return p.line(out, &format!("    {}", p.paint(Paint::Muted, &text)));
        }
        group_label(p, out, o, code, groups.len() > 1)?;
        let list: Vec<&str> = items
            .iter()
            .take(p.limit(LISTED))
            .map(|n| n.name.as_str())
            .collect();
        let mut text = list.join(", ");
        if items.len() > list.len() {
            text.push_str(&format!(
                " and {} more (`careers show {} --section {section}`)",
                items.len() - list.len(),
                p.role().id
            ));
        }
        paragraph(out, p.term, &text, "    ")?;
    }
    Ok(())
}

pub fn technology(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for o in &p.view.occupations {
        let label =
            "Hot technologies, the software O*NET finds employers ask for most in job postings";
        names(p, out, o, &o.technology, label, "technology")?;
    }
    Ok(())
}

pub fn titles(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for o in &p.view.occupations {
        names(
            p,
            out,
            o,
            &o.alternate_titles,
            "O*NET alternate titles",
            "titles",
        )?;
        let b = &o.sample_titles;
        if p.unknown(out, b)? {
            continue;
        }
        p.block_head(out, "BLS sample titles", o.soc, o.approximate, b.source)?;
        paragraph(out, p.term, &b.items.join(", "), "    ")?;
    }
    Ok(())
}

/// Rows of `name  value`, the values in one column.
fn scores(p: &Page<'_>, out: Out<'_>, rows: &[(&str, f64)]) -> io::Result<()> {
    let width = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    for (name, v) in rows {
        let value = p.paint(Paint::Figure, &format!("{v:.2}"));
        p.line(out, &format!("    {name:<width$}  {value}"))?;
    }
    Ok(())
}

/// The official part of the skills section: the 35 O*NET skills by
/// importance.
pub fn skills(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for o in &p.view.occupations {
        let s = &o.skills;
        let b = &s.block;
        if p.unknown(out, b)? {
            continue;
        }
        let label = "O*NET skills by importance, from 1 (not important) to 5 (extremely important)";
        p.block_head(out, label, o.soc, o.approximate, b.source)?;
        if let Some(SkillBasis::MeanOf { components }) = &s.basis {
            let text = format!(
                "BLS counts these O*NET occupations as one: careers averages their ratings (SOC {}).",
                components.join(", ")
            );
            paragraph(out, p.term, &text, "    ")?;
        }
        let rows: Vec<(&str, f64)> = b
            .items
            .iter()
            .take(p.limit(SKILLS))
            .map(|k| (k.name, k.importance))
            .collect();
        scores(p, out, &rows)?;
        p.more(out, rows.len(), b.items.len(), "skills")?;
    }
    Ok(())
}

pub fn knowledge(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for o in &p.view.occupations {
        let b = &o.knowledge;
        if p.unknown(out, b)? {
            continue;
        }
        let label = "O*NET knowledge areas by importance, from 1 to 5";
        p.block_head(out, label, o.soc, o.approximate, b.source)?;
        let groups = groups(&b.items, |k| k.onet_code);
        for (i, (code, items)) in groups.iter().enumerate() {
            if p.view.is_full() && i > 0 {
                let text = format!(
                    "O*NET rates {} other O*NET occupation{} too: `careers show {} --section knowledge`.",
                    groups.len() - i,
                    if groups.len() - i == 1 { "" } else { "s" },
                    p.role().id
                );
                p.line(out, &format!("    {}", p.paint(Paint::Muted, &text)))?;
                break;
            }
            group_label(p, out, o, code, groups.len() > 1)?;
            let rows: Vec<(&str, f64)> = items
                .iter()
                .take(p.limit(KNOWLEDGE))
                .map(|k| (k.name, k.importance))
                .collect();
            scores(p, out, &rows)?;
            if groups.len() == 1 {
                p.more(out, rows.len(), items.len(), "knowledge")?;
            }
        }
    }
    Ok(())
}

/// The official part of the education section.
pub fn education(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for o in &p.view.occupations {
        let e = &o.education;
        let label = format!(
            "{}: the typical entry-level education (BLS)",
            e.entry_education.label
        );
        p.block_head(out, &label, e.soc, e.approximate, e.source)?;
    }
    Ok(())
}

/// The official part of the experience section.
pub fn experience(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for o in &p.view.occupations {
        let e = &o.experience;
        let label = format!(
            "Work experience in a related occupation: {}; typical on-the-job training: {} (BLS)",
            e.work_experience.label, e.job_training.label
        );
        p.block_head(out, &label, e.soc, e.approximate, e.source)?;
    }
    Ok(())
}

/// The official part of the related section: O*NET's related occupations,
/// each with the id that shows it.
pub fn related(p: &Page<'_>, out: Out<'_>) -> io::Result<()> {
    for o in &p.view.occupations {
        let b = &o.related;
        if p.unknown(out, b)? {
            continue;
        }
        p.block_head(
            out,
            "Related occupations, by O*NET",
            o.soc,
            o.approximate,
            b.source,
        )?;
        let groups = groups(&b.items, |r| r.onet_code);
        for (code, items) in groups.iter().take(p.limit(1)) {
            group_label(p, out, o, code, groups.len() > 1)?;
            for r in items.iter() {
                let shows = match (&r.id, r.soc) {
                    (_, Some(soc)) if soc == o.soc => {
                        " (a specialty of this occupation)".to_string()
                    }
                    (Some(id), _) => format!(" ({})", p.paint(Paint::Id, id)),
                    (None, _) => format!(" ({}, not among careers' occupations)", r.code),
                };
                let item = format!("{}{shows}", crate::render::text::clean(r.title));
                styled_bullet(out, p.term, &item, "    ")?;
            }
        }
        if p.view.is_full() && groups.len() > 1 {
            let text = format!(
                "O*NET relates {} other O*NET occupation{} too: `careers show {} --section related`.",
                groups.len() - 1,
                if groups.len() == 2 { "" } else { "s" },
                p.role().id
            );
            p.line(out, &format!("    {}", p.paint(Paint::Muted, &text)))?;
        }
    }
    Ok(())
}
