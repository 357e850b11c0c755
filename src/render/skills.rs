//! Text and TSV for `careers skills`.

use crate::commands::skills::{FindView, SkillKind, SkillMapView, SkillsView};
use crate::render::search::{highlighted, wrap_painted};
use crate::render::text::{bullet, clean, heading, paragraph, UNKNOWN};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
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

/// A bullet whose text is cleaned and whose (possibly coloured) tag is
/// appended after wrapping has measured the plain text.
fn tagged_bullet(out: &mut dyn Write, term: &Term, text: &str, tag: &str, indent: &str) -> io::Result<()> {
    let mark = if term.ascii { "- " } else { "• " };
    let first = format!("{indent}{mark}");
    let rest = format!("{indent}  ");
    wrap_painted(out, term, &format!("{} {tag}", clean(text)), &first, &rest)
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

impl SkillMapView<'_> {
    fn tag(&self, term: &Term, source: &str) -> String {
        let tag = match self.cite(source) {
            Some(n) => format!("[{n}]"),
            None => format!("[{}]", clean(source)),
        };
        term.paint(Paint::Muted, &tag)
    }

    fn lists(
        &self,
        out: &mut dyn Write,
        term: &Term,
        title: &str,
        lists: &[crate::model::List],
    ) -> io::Result<()> {
        writeln!(out)?;
        heading(out, term, title)?;
        if lists.iter().all(|l| l.items.is_empty()) {
            return unknown(out, term, &title.to_lowercase());
        }
        for l in lists {
            let tag = self.tag(term, &l.source);
            for item in &l.items {
                tagged_bullet(out, term, item, &tag, "  ")?;
            }
        }
        Ok(())
    }
}

impl Render for SkillMapView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        writeln!(
            out,
            "{}  {}",
            term.paint(Paint::Title, &clean(self.title)),
            term.paint(Paint::Id, &clean(self.id))
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
                self.tag(term, &g.source)
            );
            wrap_painted(out, term, &name, "  ", "  ")?;
            if let Some(d) = &g.description {
                paragraph(out, term, d, "    ")?;
            }
            for s in &g.skills {
                bullet(out, term, s, "    ")?;
            }
        }
        self.lists(out, term, "Technical skills", self.tech_skills)?;
        self.lists(out, term, "Soft skills", self.soft_skills)?;
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
                self.tag(term, &q.source)
            );
            let mark = if term.ascii { "- " } else { "• " };
            wrap_painted(out, term, &text, &format!("  {mark}"), "    ")?;
        }
        if !self.cited.is_empty() {
            writeln!(out)?;
            heading(out, term, "Sources")?;
            for (i, id) in self.cited.iter().enumerate() {
                let line = match self.sources.iter().find(|s| s.id == *id) {
                    Some(s) => {
                        let publisher = s
                            .publisher
                            .as_deref()
                            .map(|p| format!(", {p}"))
                            .unwrap_or_default();
                        format!("[{}] {}{publisher} (id {})", i + 1, s.title, s.id)
                    }
                    None => format!("[{}] {id} (not in the sources catalog)", i + 1),
                };
                wrap_painted(out, term, &clean(&line), "  ", "      ")?;
            }
        }
        Ok(())
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        tsv::row(out, &["kind", "group", "skill", "detail", "source"])?;
        for g in self.skill_map {
            for s in &g.skills {
                tsv::row(out, &["skill_map", &g.name, s, "", &g.source])?;
            }
        }
        for (kind, group, lists) in [
            ("technical", "technical skills", self.tech_skills),
            ("soft", "soft skills", self.soft_skills),
        ] {
            for l in lists {
                for s in &l.items {
                    tsv::row(out, &[kind, group, s, "", &l.source])?;
                }
            }
        }
        for q in self.qualities {
            tsv::row(out, &["quality", "qualities", &q.name, &q.text, &q.source])?;
        }
        Ok(())
    }
}

impl Render for FindView {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        for (i, r) in self.roles.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            let head = format!(
                "{} {} {}",
                term.paint(Paint::Title, &clean(&r.title)),
                term.paint(Paint::Id, &format!("({})", clean(&r.id))),
                term.paint(Paint::Figure, &format!("{:.2}", r.score)),
            );
            wrap_painted(out, term, &head, "", "  ")?;
            for m in &r.matches {
                let line = format!(
                    "{} {} {}",
                    highlighted(term, &m.skill, &m.highlight),
                    term.paint(Paint::Muted, &format!("({})", clean(&m.group))),
                    term.paint(Paint::Muted, &format!("[{}]", clean(&m.source))),
                );
                let mark = if term.ascii { "- " } else { "• " };
                wrap_painted(out, term, &line, &format!("  {mark}"), "    ")?;
            }
        }
        let n = self.roles.len();
        writeln!(out)?;
        wrap_painted(
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
            "",
            "",
        )
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        tsv::row(
            out,
            &["id", "title", "score", "kind", "group", "skill", "source"],
        )?;
        for r in &self.roles {
            for m in &r.matches {
                tsv::row(
                    out,
                    &[
                        r.id.as_str(),
                        r.title.as_str(),
                        &format!("{:.3}", m.score),
                        kind_name(m.kind),
                        &m.group,
                        &m.skill,
                        &m.source,
                    ],
                )?;
            }
        }
        Ok(())
    }
}
