//! Text and TSV for `careers skills`.

use crate::citations::Citations;
use crate::commands::skills::{FindView, SkillKind, SkillMapView, SkillsView};
use crate::render::search::{highlighted, role_head, wrap_painted};
use crate::render::text::{self, bullet, clean, heading, paragraph, styled_bullet, tag, UNKNOWN};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use serde::Serialize;
use std::io::{self, Write};

impl Render for SkillsView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        match self {
            SkillsView::Map(v) => v.text(out, term),
            SkillsView::Find(v) => v.text(out, term),
        }
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            SkillsView::Map(v) => v.tsv(out),
            SkillsView::Find(v) => v.tsv(out),
        }
    }
}

fn kind_name(kind: SkillKind) -> &'static str {
    match kind {
        SkillKind::SkillMap => "skill_map",
        SkillKind::Technical => "technical",
        SkillKind::Soft => "soft",
    }
}

fn unknown(out: &mut dyn Write, term: &Term, what: &str) -> io::Result<()> {
    wrap_painted(
        out,
        term,
        &format!(
            "{} {}",
            term.paint(Paint::Warning, UNKNOWN),
            term.paint(Paint::Muted, &format!("(no source lists {what})"))
        ),
        "  ",
        "  ",
    )
}

/// A bulleted list per source, each item tagged with its citation.
fn lists(
    out: &mut dyn Write,
    term: &Term,
    cites: &Citations,
    title: &str,
    lists: &[crate::model::List],
) -> io::Result<()> {
    writeln!(out)?;
    heading(out, term, title)?;
    if lists.iter().all(|l| l.items.is_empty()) {
        return unknown(out, term, &title.to_lowercase());
    }
    for l in lists {
        let tag = term.paint(Paint::Muted, &tag(cites, &l.source));
        for item in &l.items {
            styled_bullet(out, term, &format!("{} {tag}", clean(item)), "  ")?;
        }
    }
    Ok(())
}

impl Render for SkillMapView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let cites = &self.sources;
        text::line(
            out,
            term,
            &format!(
                "{}  {}",
                term.paint(Paint::Title, &clean(self.title)),
                term.paint(Paint::Id, &clean(self.id))
            ),
        )?;
        writeln!(out)?;
        heading(out, term, "Skill map")?;
        if self.skill_map.is_empty() {
            unknown(out, term, "a skill map")?;
        }
        for (i, g) in self.skill_map.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            let name = format!(
                "{} {}",
                term.paint(Paint::Heading, &clean(&g.name)),
                term.paint(Paint::Muted, &tag(cites, &g.source))
            );
            wrap_painted(out, term, &name, "  ", "  ")?;
            if let Some(d) = &g.description {
                paragraph(out, term, d, "    ")?;
            }
            for s in &g.skills {
                bullet(out, term, s, "    ")?;
            }
        }
        lists(out, term, cites, "Technical skills", self.tech_skills)?;
        lists(out, term, cites, "Soft skills", self.soft_skills)?;
        writeln!(out)?;
        heading(out, term, "Qualities")?;
        if self.qualities.is_empty() {
            unknown(out, term, "qualities")?;
        }
        for q in self.qualities {
            let text = format!(
                "{}: {} {}",
                term.paint(Paint::Figure, &clean(&q.name)),
                clean(&q.text),
                term.paint(Paint::Muted, &tag(cites, &q.source))
            );
            styled_bullet(out, term, &text, "  ")?;
        }
        if cites.is_empty() {
            writeln!(out)?;
        }
        text::source_legend(out, term, cites)
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut rows: Vec<SkillRecord> = Vec::new();
        for g in self.skill_map {
            rows.extend(g.skills.iter().map(|s| SkillRecord {
                kind: "skill_map",
                group: &g.name,
                skill: s,
                detail: "",
                source: &g.source,
            }));
        }
        for (kind, group, lists) in [
            ("technical", "technical skills", self.tech_skills),
            ("soft", "soft skills", self.soft_skills),
        ] {
            for l in lists {
                rows.extend(l.items.iter().map(|s| SkillRecord {
                    kind,
                    group,
                    skill: s,
                    detail: "",
                    source: &l.source,
                }));
            }
        }
        rows.extend(self.qualities.iter().map(|q| SkillRecord {
            kind: "quality",
            group: "qualities",
            skill: &q.name,
            detail: &q.text,
            source: &q.source,
        }));
        tsv::write(out, rows)
    }
}

/// A TSV record of `careers skills ROLE`: one skill.
#[derive(Serialize, Default)]
struct SkillRecord<'a> {
    kind: &'a str,
    group: &'a str,
    skill: &'a str,
    /// A quality's explanation; empty otherwise.
    detail: &'a str,
    source: &'a str,
}

impl Render for FindView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let cites = &self.sources;
        let width = self.roles.len().to_string().len();
        for (i, r) in self.roles.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            let number = format!("{:>width$}. ", i + 1);
            let pad = " ".repeat(number.len());
            role_head(out, term, &r.title, &r.id, r.score, &number, &pad)?;
            for m in &r.matches {
                let line = format!(
                    "{} {} {}",
                    highlighted(term, &m.skill, &m.highlight),
                    term.paint(Paint::Muted, &format!("({})", clean(&m.group))),
                    term.paint(Paint::Muted, &tag(cites, &m.source)),
                );
                styled_bullet(out, term, &line, &pad)?;
            }
        }
        let n = self.roles.len();
        if cites.is_empty() {
            writeln!(out)?;
        }
        text::source_legend(out, term, cites)?;
        text::line(
            out,
            term,
            &term.paint(
                Paint::Muted,
                &format!(
                    "{n} {} a skill matching `{}`. Scores run from 0 to 1.",
                    if n == 1 { "role lists" } else { "roles list" },
                    clean(&self.query)
                ),
            ),
        )
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let rows = self.roles.iter().flat_map(|r| {
            r.matches.iter().map(move |m| FoundRecord {
                id: &r.id,
                title: &r.title,
                score: format!("{:.3}", m.score),
                kind: kind_name(m.kind),
                group: &m.group,
                skill: &m.skill,
                source: &m.source,
            })
        });
        tsv::write(out, rows)
    }
}

/// A TSV record of `careers skills --find`: one matching skill of a role.
#[derive(Serialize, Default)]
struct FoundRecord<'a> {
    id: &'a str,
    title: &'a str,
    /// The match's score, three decimals.
    score: String,
    kind: &'a str,
    group: &'a str,
    skill: &'a str,
    source: &'a str,
}
