//! Diagrams: boxes and arrows for the terminal (Unicode box drawing, or
//! ASCII), and the quoting Mermaid and Graphviz DOT need so that any title
//! a data file holds stays inside its label.

use crate::render::text::{clean, fill};
use crate::term::{Paint, Term};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// The characters boxes, arrows and trees are drawn with.
#[derive(Debug, Clone, Copy)]
pub struct Glyphs {
    pub horizontal: &'static str,
    pub vertical: &'static str,
    pub top_left: &'static str,
    pub top_right: &'static str,
    pub bottom_left: &'static str,
    pub bottom_right: &'static str,
    pub arrow_down: &'static str,
    /// A tree branch with siblings after it, and the last branch.
    pub branch: &'static str,
    pub last_branch: &'static str,
    /// The continuation under a branch with siblings after it.
    pub pipe: &'static str,
    /// Between items on one line.
    pub sep: &'static str,
    /// From one thing to another, in running text.
    pub right: &'static str,
}

impl Glyphs {
    pub fn for_term(term: &Term) -> Glyphs {
        if term.ascii {
            Glyphs {
                horizontal: "-",
                vertical: "|",
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                arrow_down: "v",
                branch: "|-- ",
                last_branch: "`-- ",
                pipe: "|   ",
                sep: " - ",
                right: "->",
            }
        } else {
            Glyphs {
                horizontal: "─",
                vertical: "│",
                top_left: "┌",
                top_right: "┐",
                bottom_left: "└",
                bottom_right: "┘",
                arrow_down: "▼",
                branch: "├── ",
                last_branch: "└── ",
                pipe: "│   ",
                sep: " · ",
                right: "→",
            }
        }
    }
}

/// One line of text inside a box, with its style.
#[derive(Debug, Clone)]
pub struct BoxLine {
    pub text: String,
    pub paint: Option<Paint>,
}

impl BoxLine {
    pub fn new(text: impl Into<String>, paint: Option<Paint>) -> BoxLine {
        BoxLine {
            text: text.into(),
            paint,
        }
    }
}

/// Display width of a string in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The outer width a box needs for `lines`, within the terminal's width.
pub fn box_width(term: &Term, lines: &[BoxLine]) -> usize {
    let widest = lines
        .iter()
        .map(|l| width(&clean(&l.text)))
        .max()
        .unwrap_or(0);
    (widest + 4).clamp(8, term.width.max(8))
}

/// Draws a box of outer width `outer` around `lines`, wrapping them to fit.
pub fn draw_box(
    out: &mut dyn Write,
    term: &Term,
    lines: &[BoxLine],
    outer: usize,
) -> io::Result<()> {
    let g = Glyphs::for_term(term);
    let outer = outer.max(8);
    let inner = outer - 4;
    let rule = g.horizontal.repeat(outer - 2);
    writeln!(out, "{}{rule}{}", g.top_left, g.top_right)?;
    for line in lines {
        let text = clean(&line.text);
        // Most lines fit: skip the wrapper's word-by-word work for them.
        let pieces = if fits_as_is(&text, inner) {
            vec![std::borrow::Cow::Borrowed(&*text)]
        } else {
            fill(&text, inner, "", "")
                .into_iter()
                .map(std::borrow::Cow::Owned)
                .collect()
        };
        for piece in pieces {
            let pad = inner.saturating_sub(width(&piece));
            let shown = match line.paint {
                Some(p) => term.paint(p, &piece),
                None => piece.into_owned(),
            };
            writeln!(out, "{v} {shown}{} {v}", " ".repeat(pad), v = g.vertical)?;
        }
    }
    writeln!(out, "{}{rule}{}", g.bottom_left, g.bottom_right)
}

/// Whether wrapping `text` to `width` columns would give it back whole:
/// printable ASCII (one column a byte) that fits, with no space at either
/// end for the wrapper to trim.
fn fits_as_is(text: &str, width: usize) -> bool {
    let b = text.as_bytes();
    b.len() <= width
        && b.first().is_some_and(|c| *c != b' ')
        && b.last().is_some_and(|c| *c != b' ')
        && b.iter().all(|c| (b' '..=b'~').contains(c))
}

/// A downward arrow at `indent` columns, with optional notes beside its
/// shaft, each wrapped to the terminal.
pub fn arrow(out: &mut dyn Write, term: &Term, indent: usize, notes: &[String]) -> io::Result<()> {
    let g = Glyphs::for_term(term);
    let lead = " ".repeat(indent);
    let shaft = format!("{lead}{}  ", g.vertical);
    let hanging = format!("{shaft}  ");
    let room = term.width.saturating_sub(width(&hanging)).max(12);
    for note in notes {
        // First-fit at spaces (text::fill), never at a hyphen: notes name
        // ids, and a path step has a dozen of them.
        let lines =
            crate::render::text::fill(&clean(note), room + width(&hanging), &shaft, &hanging);
        for line in lines {
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    if notes.is_empty() {
        writeln!(out, "{lead}{}", g.vertical)?;
    }
    writeln!(out, "{lead}{}", g.arrow_down)
}

/// Writes prose wrapped to the terminal, never splitting a word at its
/// hyphens (role ids are kebab-case and must stay whole to be copied).
pub fn prose(
    out: &mut dyn Write,
    term: &Term,
    text: &str,
    indent: &str,
    rest: &str,
) -> io::Result<()> {
    let room = term.prose_width().max(width(rest) + 12);
    let text = clean(text);
    if fits_on_a_line(&text, width(indent), room) {
        return writeln!(out, "{}", format!("{indent}{text}").trim_end());
    }
    for line in fill(&text, room, indent, rest) {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Whether `text` after `indent` columns fits `room` as the wrapper would
/// give it back: one line, no space at its start for the wrapper to keep
/// or drop.
fn fits_on_a_line(text: &str, indent: usize, room: usize) -> bool {
    indent + width(text) <= room && !text.starts_with(char::is_whitespace)
}

/// A heading, wrapped to the terminal.
pub fn title(out: &mut dyn Write, term: &Term, text: &str) -> io::Result<()> {
    for line in fill(&clean(text), term.prose_width(), "", "") {
        writeln!(out, "{}", term.paint(Paint::Heading, line.trim_end()))?;
    }
    Ok(())
}

/// A label for inside Mermaid's `["..."]` or `|"..."|`: quotes, `#` and
/// HTML-significant characters as Mermaid entity codes, control
/// characters made visible.
pub fn mermaid_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            // `$$` starts maths in newer Mermaid.
            '$' => out.push_str("#36;"),
            c => out.push(c),
        }
    }
    out
}

/// Several lines as one quoted Mermaid label.
pub fn mermaid_label<S: AsRef<str>>(lines: &[S]) -> String {
    let body: Vec<String> = lines.iter().map(|l| mermaid_text(l.as_ref())).collect();
    format!("\"{}\"", body.join("<br/>"))
}

/// A string for inside DOT's double quotes: backslash and quote escaped,
/// control characters made visible (newlines become spaces).
pub fn dot_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out
}

/// Several lines as one quoted DOT label (`\n` between them).
pub fn dot_label<S: AsRef<str>>(lines: &[S]) -> String {
    let body: Vec<String> = lines.iter().map(|l| dot_text(l.as_ref())).collect();
    format!("\"{}\"", body.join("\\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_that_fit_are_what_the_wrapper_gives_back() {
        for text in [
            "Customer Service Associate",
            "a  b   c",
            "tier-1 (0-2 years) $35,000 [1]",
            "x",
            "exactly ten",
        ] {
            for width in [8, 11, 12, 40] {
                if fits_as_is(text, width) {
                    let wrapped = fill(text, width, "", "");
                    assert_eq!(wrapped, vec![text], "{text:?} at {width}");
                }
            }
        }
        assert!(!fits_as_is(" lead", 40));
        assert!(!fits_as_is("trail ", 40));
        assert!(!fits_as_is("", 40));
        assert!(!fits_as_is("caf\u{e9}", 40));
        assert!(!fits_as_is("tab\there", 40));
    }

    #[test]
    fn lines_that_fit_on_a_line_are_what_the_wrapper_gives_back() {
        for text in [
            "Pay: $32,880/yr → $63,190/yr (+92.2%), official median [2]",
            "Education [1]: no formal credential → high school (1 level up)",
            "a  b   c",
            "x",
        ] {
            for (indent, width) in [("", 80), ("  │  ", 60), ("    ", 70), ("", 20)] {
                if fits_on_a_line(text, super::width(indent), width) {
                    let wrapped = fill(text, width, indent, indent);
                    assert_eq!(
                        wrapped,
                        vec![format!("{indent}{text}")],
                        "{text:?} at {width}"
                    );
                }
            }
        }
        assert!(!fits_on_a_line(" lead", 0, 80));
    }

    #[test]
    fn mermaid_labels_cannot_be_closed_by_data() {
        assert_eq!(
            mermaid_label(&["Say \"hi\" #1 <b>&", "$$x$$"]),
            "\"Say #quot;hi#quot; #35;1 #lt;b#gt;#amp;<br/>#36;#36;x#36;#36;\""
        );
        assert_eq!(mermaid_text("a\nb\u{1b}[31m"), "a b\\u{1b}[31m");
    }

    #[test]
    fn dot_labels_escape_quotes_and_backslashes() {
        assert_eq!(
            dot_label(&["Team \"Lead\"", "C:\\path\\", "x\ny"]),
            "\"Team \\\"Lead\\\"\\nC:\\\\path\\\\\\nx y\""
        );
    }

    #[test]
    fn boxes_fit_their_text_and_wrap_at_the_terminal_width() {
        let term = Term::plain(20);
        let lines = [BoxLine::new("A fairly long tier title here", None)];
        let w = box_width(&term, &lines);
        assert_eq!(w, 20);
        let mut out = Vec::new();
        draw_box(&mut out, &term, &lines, w).unwrap_or_else(|e| panic!("{e}"));
        let s = String::from_utf8_lossy(&out);
        assert!(s.lines().all(|l| width(l) == 20), "{s}");
        assert_eq!(s.lines().count(), 4, "{s}");
        assert!(s.starts_with("┌"));
    }

    #[test]
    fn ascii_boxes_use_no_box_drawing() {
        let mut term = Term::plain(40);
        term.ascii = true;
        let lines = [BoxLine::new("Title", None)];
        let mut out = Vec::new();
        draw_box(&mut out, &term, &lines, box_width(&term, &lines))
            .unwrap_or_else(|e| panic!("{e}"));
        arrow(&mut out, &term, 2, &["promotion".into()]).unwrap_or_else(|e| panic!("{e}"));
        let s = String::from_utf8_lossy(&out);
        assert!(s.is_ascii(), "{s}");
        assert_eq!(s, "+-------+\n| Title |\n+-------+\n  |  promotion\n  v\n");
    }
}
