//! Text and TSV for `careers skills`.

use crate::catalog::Origin;
use crate::citations::Citations;
use crate::commands::skills::shell_word;
use crate::commands::skills::{FindView, OnetSkills, SkillKind, SkillMapView, SkillsView};
use crate::official::SkillBasis;
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
            SkillsView::Rank(v) => v.text(out, term),
        }
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            SkillsView::Map(v) => v.tsv(out),
            SkillsView::Find(v) => v.tsv(out),
            SkillsView::Rank(v) => v.tsv(out),
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

/// One occupation's O*NET ratings: a heading naming the occupation, the
/// scale, then one line per skill, most important first.
fn onet_block(
    out: &mut dyn Write,
    term: &Term,
    cites: &Citations,
    o: &OnetSkills,
) -> io::Result<()> {
    writeln!(out)?;
    let approximate = if o.approximate {
        " (approximate match)"
    } else {
        ""
    };
    let head = format!(
        "{} {}",
        term.paint(
            Paint::Heading,
            &format!(
                "O*NET skills: SOC {} {}{approximate}",
                o.soc,
                clean(o.title)
            )
        ),
        term.paint(Paint::Muted, &tag(cites, o.source))
    );
    wrap_painted(out, term, &head, "", "  ")?;
    if let Some(why) = &o.unknown {
        return wrap_painted(
            out,
            term,
            &format!(
                "{} {}",
                term.paint(Paint::Warning, UNKNOWN),
                term.paint(Paint::Muted, &format!("({})", clean(why)))
            ),
            "  ",
            "  ",
        );
    }
    let mut about = format!("Importance from {}.", o.scale);
    if let Some(SkillBasis::MeanOf { components }) = &o.basis {
        about.push_str(&format!(
            " O*NET rates this aggregate's parts, not the aggregate: these are \
             careers' means of the ratings of SOC {} (computed).",
            components.join(", ")
        ));
    }
    paragraph(out, term, &about, "  ")?;
    for r in &o.ratings {
        let line = format!(
            "{}  {}",
            term.paint(Paint::Figure, &format!("{:.2}", r.importance)),
            clean(r.name)
        );
        wrap_painted(out, term, &line, "  ", "        ")?;
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
        if self.origin == Origin::Official {
            // An official occupation has no guides: its O*NET ratings only.
            for o in &self.onet_skills {
                onet_block(out, term, cites, o)?;
            }
            return text::source_legend(out, term, cites);
        }
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
        for o in &self.onet_skills {
            onet_block(out, term, cites, o)?;
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
                ..SkillRecord::default()
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
                    ..SkillRecord::default()
                }));
            }
        }
        rows.extend(self.qualities.iter().map(|q| SkillRecord {
            kind: "quality",
            group: "qualities",
            skill: &q.name,
            detail: &q.text,
            source: &q.source,
            ..SkillRecord::default()
        }));
        for o in &self.onet_skills {
            rows.extend(o.ratings.iter().map(|r| SkillRecord {
                kind: "onet",
                group: o.title,
                skill: r.name,
                detail: "",
                source: o.source,
                importance: Some(r.importance),
                soc: Some(o.soc),
                approximate: Some(o.approximate),
            }));
        }
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
    /// O*NET ratings (kind `onet`): the importance (1-5), the SOC code
    /// rated and whether the role's link to it is approximate.
    importance: Option<f64>,
    soc: Option<&'a str>,
    approximate: Option<bool>,
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
        let mut summary = format!(
            "{n} {} a skill matching `{}`. Scores run from 0 to 1.",
            if n == 1 { "role lists" } else { "roles list" },
            clean(&self.query)
        );
        if let Some(skill) = self.onet_skill {
            summary.push_str(&format!(
                " `careers skills --rank {}` ranks the official occupations by O*NET's \
                 importance of {skill}.",
                shell_word(&skill.to_lowercase())
            ));
        }
        text::line(out, term, &term.paint(Paint::Muted, &summary))
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
