//! Text and TSV for `careers search`.

use crate::citations::Citations;
use crate::commands::search::{field_name, Matched, SearchView};
use crate::render::text::{self, clean};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use serde::Serialize;
use std::io::{self, Write};
use std::ops::Range;

/// `text` made terminal-safe, with the `highlight` byte ranges painted.
pub fn highlighted(term: &Term, text: &str, highlight: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + highlight.len() * 12);
    let mut at = 0;
    for r in highlight {
        // Ranges come from the same text, in order; anything else is
        // skipped rather than trusted.
        let (Some(before), Some(word)) = (text.get(at..r.start), text.get(r.start..r.end)) else {
            continue;
        };
        out.push_str(&clean(before));
        out.push_str(&term.paint(Paint::Match, &clean(word)));
        at = r.end;
    }
    out.push_str(&clean(text.get(at..).unwrap_or("")));
    out
}

/// Wraps text that may hold colour codes ([`text::fill`] skips them when
/// measuring; the caller has cleaned the data in it) with its own first
/// and continuation indents, breaking at spaces only.
pub fn wrap_painted(
    out: &mut dyn Write,
    term: &Term,
    text: &str,
    first: &str,
    rest: &str,
) -> io::Result<()> {
    for line in text::fill(text, term.prose_width().max(rest.len() + 10), first, rest) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// "Title  0.85" and, below it, the id (ids are never split).
pub fn role_head(
    out: &mut dyn Write,
    term: &Term,
    title: &str,
    id: &str,
    score: f64,
    first: &str,
    rest: &str,
) -> io::Result<()> {
    let head = format!(
        "{}  {}",
        term.paint(Paint::Title, &clean(title)),
        term.paint(Paint::Figure, &format!("{score:.2}")),
    );
    wrap_painted(out, term, &head, first, rest)?;
    // An id longer than the line breaks after a hyphen, never mid-word.
    let room = term.width.saturating_sub(rest.len()).max(10);
    for line in text::break_after_hyphens(&clean(id), room).lines() {
        writeln!(out, "{rest}{}", term.paint(Paint::Id, line))?;
    }
    Ok(())
}

/// Texts longer than this (O*NET descriptions, some tasks) are shown as
/// an excerpt around their first matched word; JSON and TSV give them
/// whole.
const EXCERPT_CHARS: usize = 200;

/// `text` cut to about [`EXCERPT_CHARS`] around its first highlight, at
/// spaces, with "…" where it was cut; the highlights moved to match.
pub fn excerpt(text: &str, highlight: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    if text.chars().count() <= EXCERPT_CHARS {
        return (text.to_string(), highlight.to_vec());
    }
    // Ranges come from the text; a range that is not is not trusted.
    let mut first = highlight.first().map_or(0, |r| r.start).min(text.len());
    while !text.is_char_boundary(first) {
        first -= 1;
    }
    // A third of the room before the first match, at a space.
    let lead = EXCERPT_CHARS / 3;
    let mut start = text[..first]
        .char_indices()
        .rev()
        .nth(lead)
        .map_or(0, |(i, _)| i);
    if start > 0 {
        start = text[start..].find(' ').map_or(start, |i| start + i + 1);
    }
    let mut end = text[start..]
        .char_indices()
        .nth(EXCERPT_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    if end < text.len() {
        end = text[start..end].rfind(' ').map_or(end, |i| start + i);
    }
    let before = if start > 0 { "… " } else { "" };
    let after = if end < text.len() { " …" } else { "" };
    let shift = before.len();
    let moved = highlight
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start + shift..r.end - start + shift)
        .collect();
    (format!("{before}{}{after}", &text[start..end]), moved)
}

fn matched_line(term: &Term, m: &Matched, cites: &Citations) -> String {
    let (text, highlight) = excerpt(&m.text, &m.highlight);
    let mut line = format!(
        "{} {}",
        term.paint(Paint::Muted, &format!("{}:", field_name(m.field))),
        highlighted(term, &text, &highlight)
    );
    if let Some(c) = &m.context {
        line.push(' ');
        line.push_str(&term.paint(Paint::Muted, &format!("({})", clean(c))));
    }
    if let Some(s) = &m.source {
        line.push(' ');
        line.push_str(&term.paint(Paint::Muted, &text::tag(cites, s)));
    }
    line
}

impl Render for SearchView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let width = self.hits.len().to_string().len();
        for (i, hit) in self.hits.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            let number = format!("{:>width$}. ", i + 1);
            let pad = " ".repeat(number.len());
            role_head(out, term, &hit.title, &hit.id, hit.score, &number, &pad)?;
            let indent = format!("{pad}  ");
            for m in &hit.matched {
                wrap_painted(
                    out,
                    term,
                    &matched_line(term, m, &self.sources),
                    &pad,
                    &indent,
                )?;
            }
        }
        let shown = self.hits.len();
        let summary = if shown < self.total {
            format!(
                "{shown} of {} matching roles shown; --limit 0 shows all. \
                 Scores run from 0 to 1.",
                self.total
            )
        } else {
            format!(
                "{shown} matching role{}. Scores run from 0 to 1.",
                if shown == 1 { "" } else { "s" }
            )
        };
        if self.sources.is_empty() {
            writeln!(out)?;
        }
        text::source_legend(out, term, &self.sources)?;
        text::line(out, term, &term.paint(Paint::Muted, &summary))
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let rows = self.hits.iter().flat_map(|hit| {
            hit.matched.iter().map(move |m| MatchRecord {
                id: &hit.id,
                title: &hit.title,
                score: format!("{:.3}", hit.score),
                field: field_name(m.field),
                text: &m.text,
                field_score: format!("{:.3}", m.score),
                context: m.context.as_deref(),
                source: m.source.as_deref(),
            })
        });
        tsv::write(out, rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // one highlight, as a slice
    fn long_texts_are_cut_around_their_first_match_at_spaces() {
        let text = format!("{} needle {}", "word ".repeat(60), "tail ".repeat(60));
        let at = text.find("needle").unwrap_or(0);
        let (cut, moved) = excerpt(&text, &[at..at + 6]);
        assert!(
            cut.starts_with("… word") && cut.ends_with("tail …"),
            "{cut}"
        );
        assert!(cut.chars().count() <= EXCERPT_CHARS + 4);
        assert_eq!(moved.len(), 1);
        assert_eq!(&cut[moved[0].clone()], "needle");
        // Short texts and a match at the start are left whole or cut at the end only.
        assert_eq!(excerpt("short", &[0..5]).0, "short");
        let (cut, _) = excerpt(&text, &[0..4]);
        assert!(cut.starts_with("word") && cut.ends_with(" …"), "{cut}");
        // Multi-byte text is cut at char boundaries.
        let wide = "é".repeat(500);
        assert!(excerpt(&wide, &[600..602]).0.chars().count() <= EXCERPT_CHARS + 4);
    }
}

/// A TSV record of `careers search`: one matched field of a role.
#[derive(Serialize, Default)]
struct MatchRecord<'a> {
    id: &'a str,
    title: &'a str,
    /// The role's score, three decimals.
    score: String,
    field: &'a str,
    text: &'a str,
    /// The field's score, three decimals.
    field_score: String,
    context: Option<&'a str>,
    source: Option<&'a str>,
}
