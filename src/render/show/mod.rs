//! Text and TSV for `careers show`: the header, the key facts, then each
//! section of [`crate::sections::SECTIONS`] the view wants.

mod facts;
pub mod official;
mod outlook;
pub mod sections;

use crate::catalog::Origin;
use crate::commands::show::ShowView;
use crate::model::Role;
use crate::render::text::{self, clean, heading};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use serde_json::Value;
use std::borrow::Cow;
use std::io::{self, Write};

/// A profile being written as text: the view, the terminal, and each cited
/// source's tag, painted once (a profile cites a few sources over a
/// hundred times).
pub struct Page<'v> {
    pub view: &'v ShowView<'v>,
    pub term: &'v Term,
    tags: Vec<String>,
    /// Which sources a tag was written for, by number less one: the
    /// legend of chosen sections lists those.
    cited: std::cell::RefCell<Vec<bool>>,
}

impl<'v> Page<'v> {
    fn new(view: &'v ShowView<'v>, term: &'v Term) -> Page<'v> {
        let tags = (1..=view.sources.len())
            .map(|n| term.paint(Paint::Muted, &format!("[{n}]")))
            .collect();
        let cited = std::cell::RefCell::new(vec![false; view.sources.len()]);
        Page {
            view,
            term,
            tags,
            cited,
        }
    }

    pub fn role(&self) -> &'v Role {
        self.view.role
    }

    /// The citation tag of a source, `[n]`.
    pub fn cite(&self, source: &str) -> String {
        match self.view.sources.number(source) {
            Some(n) => {
                if let Some(c) = self.cited.borrow_mut().get_mut(n - 1) {
                    *c = true;
                }
                self.tags[n - 1].clone()
            }
            None => self.term.paint(Paint::Muted, &format!("[{source}]")),
        }
    }

    /// How many items of a long list to show: `n` in a full profile, all
    /// of them in a section asked for by name.
    pub fn limit(&self, n: usize) -> usize {
        match self.view.is_full() {
            true => n,
            false => usize::MAX,
        }
    }

    pub fn paint(&self, what: Paint, text: &str) -> String {
        self.term.paint(what, text)
    }

    pub fn line(&self, out: &mut dyn Write, text: &str) -> io::Result<()> {
        text::line(out, self.term, text)
    }

    /// Paragraphs of a block, a blank line between two (and none before the
    /// first), indented by `indent`.
    pub fn paras<'t>(
        &self,
        out: &mut dyn Write,
        paragraphs: impl IntoIterator<Item = &'t str>,
        indent: &str,
    ) -> io::Result<()> {
        for (i, p) in paragraphs.into_iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            text::paragraph(out, self.term, p, indent)?;
        }
        Ok(())
    }

    /// Paragraphs, the last one followed by `tag`.
    pub fn prose(&self, out: &mut dyn Write, paragraphs: &[String], tag: &str) -> io::Result<()> {
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
            text::styled_paragraph(out, self.term, &text, "  ")?;
        }
        Ok(())
    }
}

impl Render for ShowView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let page = Page::new(self, term);
        header(&page, out)?;
        let full = self.is_full();
        if full {
            for x in &self.role.summary {
                writeln!(out)?;
                page.prose(out, &x.paragraphs, &page.cite(&x.source))?;
            }
            writeln!(out)?;
            facts::write(&page, out)?;
        }
        let mut uncovered = Vec::new();
        for id in self.shown() {
            let section = id.section();
            if full && section.id == "summary" {
                continue;
            }
            // A full profile skips empty sections and names them at the end;
            // a section asked for by name is always printed.
            if full && !section.has(self) {
                uncovered.push(lowercase_first(section.title));
                continue;
            }
            writeln!(out)?;
            heading(out, term, section.title)?;
            if section.has(self) {
                (section.text)(&page, out)?;
            } else {
                let unknown = term.paint(Paint::Warning, "unknown: no source covers this");
                page.line(out, &format!("  {unknown}"))?;
            }
        }
        uncovered_note(&page, out, &uncovered)?;
        chosen_legend(&page, out)
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut out = tsv::Writer::new(out)?;
        let value = serde_json::to_value(self).map_err(io::Error::from)?;
        if let Value::Object(m) = value {
            for (k, v) in m {
                leaves(&k, &v, None, &mut out)?;
            }
        }
        Ok(())
    }
}

/// After chosen sections (`--section`) without the sources section, the
/// sources their tags point to, so that no `[n]` is left without its
/// source.
fn chosen_legend(page: &Page<'_>, out: &mut dyn Write) -> io::Result<()> {
    let view = page.view;
    let sources_shown = view.shown().iter().any(|s| s.section().id == "sources");
    if view.is_full() || sources_shown {
        return Ok(());
    }
    let cited = page.cited.borrow();
    let used: Vec<(usize, &crate::citations::Cited<'_>)> = view
        .sources
        .iter()
        .filter(|(n, _)| cited.get(n - 1).copied().unwrap_or(false))
        .collect();
    if used.is_empty() {
        return Ok(());
    }
    // The legend every command writes (text::source_legend), with the
    // sources these sections cite.
    writeln!(out)?;
    heading(out, page.term, "Sources")?;
    for (n, c) in used {
        text::source_entry(out, page.term, n, c)?;
    }
    Ok(())
}

/// A title inside a sentence: "Official wages (BLS, May 2025)" becomes
/// "official wages (BLS, May 2025)", the names in it kept.
fn lowercase_first(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// After a full profile, the sections no source covers. An official
/// occupation has no guide: its guide-only sections are summed up, not
/// listed.
fn uncovered_note(page: &Page<'_>, out: &mut dyn Write, uncovered: &[String]) -> io::Result<()> {
    if uncovered.is_empty() {
        return Ok(());
    }
    let note = match (&page.view.origin, uncovered) {
        (Origin::Official, [a, b, c, rest @ ..]) if !rest.is_empty() => format!(
            "No curated guide covers this occupation, so {} sections are left out ({a}, {b}, {c} and {} more); `careers list` shows the roles that have one.",
            uncovered.len(),
            rest.len()
        ),
        _ => format!("No source covers: {}.", uncovered.join(", ")),
    };
    writeln!(out)?;
    for line in text::wrap(&note, page.term.prose_width(), "") {
        writeln!(out, "{}", page.term.paint(Paint::Warning, &line))?;
    }
    Ok(())
}

/// The title and id, family, aliases, and where the profile comes from.
fn header(page: &Page<'_>, out: &mut dyn Write) -> io::Result<()> {
    let (r, term) = (page.role(), page.term);
    let title = page.paint(Paint::Title, &clean(&r.title));
    page.line(out, &format!("{title}  {}", page.paint(Paint::Id, &r.id)))?;
    let mut meta = format!(
        "Family: {} {}",
        clean(&r.family.name),
        page.cite(&r.family.source)
    );
    if !r.aliases.is_empty() {
        // One entry per name, with every source that gives it (found by
        // name: a scan per alias made 100,000 aliases take 16 s).
        let mut names: Vec<(String, String)> = Vec::new();
        let mut at: std::collections::HashMap<&str, usize> = Default::default();
        for a in &r.aliases {
            match at.get(a.name.as_str()) {
                Some(&i) => names[i].1.push_str(&page.cite(&a.source)),
                None => {
                    at.insert(&a.name, names.len());
                    names.push((a.name.clone(), page.cite(&a.source)));
                }
            }
        }
        let names: Vec<String> = names
            .iter()
            .map(|(n, tags)| format!("{} {tags}", clean(n)))
            .collect();
        meta.push_str(&format!("   Also called: {}", names.join(", ")));
    }
    for line in text::fill(&meta, term.prose_width(), "", "") {
        writeln!(out, "{line}")?;
    }
    match &page.view.origin {
        Origin::Official => {
            let code = r.soc.first().map_or("", |l| l.code.as_str());
            let note = format!(
                "Official occupation, SOC {code} (BLS, O*NET); `--area STATE` for local pay"
            );
            page.line(out, &page.paint(Paint::Muted, &note))
        }
        Origin::File(path) => {
            let note = format!("Defined in {}", clean(path));
            page.line(out, &page.paint(Paint::Muted, &note))
        }
        Origin::Bundled => Ok(()),
    }
}

/// A TSV record of `careers show`: one leaf of the JSON.
#[derive(serde::Serialize, Default)]
struct Leaf {
    field: String,
    value: String,
    source: String,
}

/// One TSV row per leaf: dotted path, value, and the nearest source.
fn leaves(
    path: &str,
    v: &Value,
    source: Option<&str>,
    out: &mut tsv::Writer<'_, Leaf>,
) -> io::Result<()> {
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
        Value::String(s) => out.row(&Leaf {
            field: path.into(),
            value: s.clone(),
            source: source.unwrap_or("").into(),
        }),
        other => out.row(&Leaf {
            field: path.into(),
            value: other.to_string(),
            source: source.unwrap_or("").into(),
        }),
    }
}
