//! Building blocks for text output: safe strings, wrapping, tables,
//! headings and numbers.

use crate::model::Period;
use crate::term::{table_color, Paint, Term};
use comfy_table::{presets, Cell, ContentArrangement, Table};
use std::borrow::Cow;
use std::io::{self, Write};

/// Data made safe for a terminal: control characters (ANSI escapes
/// included) are shown as visible `\u{1b}` escapes instead of being sent
/// raw. Tabs and newlines become spaces.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Control characters, and the bidirectional overrides that can make text
/// display differently from what it is.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The display width of text that may carry colour codes: escape
/// sequences take no columns, wide characters two.
pub fn display_width(s: &str) -> usize {
    if s.is_ascii() && !s.contains('\x1b') {
        return s.len();
    }
    let mut width = 0;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters, then a final byte in @..~.
            if chars.next() == Some('[') {
                for f in chars.by_ref() {
                    if ('@'..='~').contains(&f) {
                        break;
                    }
                }
            }
            continue;
        }
        width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    width
}

/// First-fit wrapping at spaces: lines start with `first` (then `rest`)
/// and are at most `width` columns; a word longer than a line is cut.
/// Lines break at spaces only, never at a hyphen, so ids and file names
/// stay whole. Hand-written because it runs for every line of `show`:
/// a general wrapping library cost most of its start-up (BENCHMARKS.md).
pub fn fill(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::with_capacity(width + 16);
    line.push_str(first);
    let mut used = display_width(first);
    let mut empty = true;
    let rest_width = display_width(rest);
    // Each word with the spaces before it: kept as they are within a line
    // (`Title  id`), dropped at a line break.
    let mut words = Vec::new();
    let mut gap = 0;
    for piece in text.split(' ') {
        if piece.is_empty() {
            gap += 1;
        } else {
            words.push((gap + 1, piece));
            gap = 0;
        }
    }
    for (gap, word) in words {
        let gap = gap.max(1);
        let mut word_width = display_width(word);
        if !empty && used + gap + word_width > width {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            used = rest_width;
            empty = true;
        }
        let mut word = word;
        // A word wider than a whole line is cut into pieces that fit.
        while empty && used + word_width > width && word.chars().count() > 1 {
            let room = width.saturating_sub(used).max(1);
            let mut taken = 0;
            let mut cut = 0;
            for (i, c) in word.char_indices() {
                let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if taken + w > room && i > 0 {
                    break;
                }
                taken += w;
                cut = i + c.len_utf8();
            }
            line.push_str(&word[..cut]);
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            used = rest_width;
            word = &word[cut..];
            word_width = display_width(word);
        }
        if word.is_empty() {
            continue;
        }
        if !empty {
            line.extend(std::iter::repeat_n(' ', gap));
            used += gap;
        }
        line.push_str(word);
        used += word_width;
        empty = false;
    }
    if !empty || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wraps `text` to `width` columns, every line starting with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    fill(&clean(text), width.max(indent.len() + 10), indent, indent)
}

/// Writes wrapped prose; a blank line in the text starts a new paragraph.
pub fn paragraph(out: &mut dyn Write, term: &Term, text: &str, indent: &str) -> io::Result<()> {
    for (i, para) in text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .enumerate()
    {
        if i > 0 {
            writeln!(out)?;
        }
        styled_paragraph(out, term, &clean(para), indent)?;
    }
    Ok(())
}

/// [`paragraph`] for text that is clean already and may carry colour from
/// [`Term::paint`] (a citation tag): nothing is cleaned here, since cleaning
/// would show the colour codes as text. The caller cleans the data parts.
pub fn styled_paragraph(
    out: &mut dyn Write,
    term: &Term,
    text: &str,
    indent: &str,
) -> io::Result<()> {
    for line in fill(
        text,
        term.prose_width().max(indent.len() + 10),
        indent,
        indent,
    ) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Writes a bullet item, wrapped with a hanging indent.
pub fn bullet(out: &mut dyn Write, term: &Term, text: &str, indent: &str) -> io::Result<()> {
    styled_bullet(out, term, &clean(text), indent)
}

/// [`bullet`] for text that is clean already and may carry colour (see
/// [`styled_paragraph`]).
pub fn styled_bullet(out: &mut dyn Write, term: &Term, text: &str, indent: &str) -> io::Result<()> {
    let mark = if term.ascii { "- " } else { "• " };
    let first = format!("{indent}{mark}");
    let rest = format!("{indent}  ");
    for line in fill(text, term.prose_width().max(rest.len() + 10), &first, &rest) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Writes one line of possibly styled text, wrapped to the terminal (and
/// no wider than prose) with its leading spaces as the indent of
/// continuation lines (colour codes take no width).
pub fn line(out: &mut dyn Write, term: &Term, text: &str) -> io::Result<()> {
    let body = text.trim_start_matches(' ');
    let indent = &text[..text.len() - body.len()];
    let rest = format!("{indent}  ");
    for l in fill(body, term.prose_width().max(rest.len() + 10), indent, &rest) {
        writeln!(out, "{l}")?;
    }
    Ok(())
}

/// A section heading.
pub fn heading(out: &mut dyn Write, term: &Term, title: &str) -> io::Result<()> {
    writeln!(out, "{}", term.paint(Paint::Heading, &clean(title)))
}

/// A table set up for this terminal: its width, box drawing or ASCII, and
/// styling only when colour is on.
pub fn table(term: &Term) -> Table {
    let mut t = Table::new();
    t.load_preset(if term.ascii {
        presets::ASCII_FULL_CONDENSED
    } else {
        presets::UTF8_FULL_CONDENSED
    })
    .set_content_arrangement(ContentArrangement::Dynamic)
    .set_width(term.width.min(u16::MAX as usize) as u16);
    if term.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t
}

/// A table cell with cleaned text in the style for `what`.
pub fn cell(text: &str, what: Option<Paint>) -> Cell {
    let mut c = Cell::new(clean(text));
    if let Some(what) = what {
        let (fg, attr) = table_color(what);
        if let Some(fg) = fg {
            c = c.fg(fg);
        }
        if let Some(attr) = attr {
            c = c.add_attribute(attr);
        }
    }
    c
}

/// A table cell of several lines, each cleaned.
pub fn lines_cell(lines: &[&str], what: Option<Paint>) -> Cell {
    let joined = lines
        .iter()
        .map(|l| clean(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    let mut c = Cell::new(joined);
    if let Some(what) = what {
        let (fg, attr) = table_color(what);
        if let Some(fg) = fg {
            c = c.fg(fg);
        }
        if let Some(attr) = attr {
            c = c.add_attribute(attr);
        }
    }
    c
}

/// Writes a table followed by a newline.
pub fn write_table(out: &mut dyn Write, table: &Table) -> io::Result<()> {
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Thousands separators: 42000 -> "42,000"; cents kept when present.
pub fn plain_number(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.2}")
    }
}

/// Thousands separators: 2595750 -> "2,595,750".
pub fn group_thousands(int: i64) -> String {
    let digits = int.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if int < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// Money for people: `$42,000`, `$10.78`, `€30,000`, `1,200 GBP`.
pub fn money(v: f64, currency: &str) -> String {
    let cents = (v.abs() * 100.0).round() as i64;
    let whole = group_thousands(cents / 100);
    let amount = if cents % 100 == 0 {
        whole
    } else {
        format!("{whole}.{:02}", cents % 100)
    };
    let sign = if v < 0.0 && cents != 0 { "-" } else { "" };
    match currency {
        "USD" => format!("{sign}${amount}"),
        "EUR" => format!("{sign}€{amount}"),
        "GBP" => format!("{sign}£{amount}"),
        other => format!("{sign}{amount} {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_wraps_first_fit_at_spaces_and_cuts_overlong_words() {
        assert_eq!(fill("aa bb cc", 5, "", ""), vec!["aa bb", "cc"]);
        assert_eq!(fill("one two", 20, "> ", "  "), vec!["> one two"]);
        assert_eq!(
            fill("customer-service-representative x", 12, "", ""),
            vec!["customer-ser", "vice-represe", "ntative x"]
        );
        assert_eq!(fill("", 10, "  ", "  "), vec!["  "]);
        // Colour codes take no width.
        assert_eq!(
            fill("\x1b[1mab\x1b[0m cd", 5, "", ""),
            vec!["\x1b[1mab\x1b[0m cd"]
        );
        assert_eq!(display_width("日本"), 4);
    }

    #[test]
    fn money_keeps_the_sign_outside_the_symbol() {
        assert_eq!(money(42000.0, "USD"), "$42,000");
        assert_eq!(money(-4000.0, "USD"), "-$4,000");
        assert_eq!(money(-0.5, "USD"), "-$0.50");
        assert_eq!(money(10.78, "USD"), "$10.78");
        assert_eq!(money(1234567.891, "JPY"), "1,234,567.89 JPY");
    }

    #[test]
    fn clean_makes_escapes_visible() {
        assert_eq!(clean("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(clean("tab\there"), "tab here");
        assert_eq!(clean("\u{202e}x"), "\\u{202e}x");
    }
}

/// "/yr" or "/h".
pub fn per(period: Period) -> &'static str {
    match period {
        Period::Year => "/yr",
        Period::Hour => "/h",
    }
}

/// A years range for people: "0-2 years", "5+ years", "unknown".
pub fn years(min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) if lo == hi => format!("{lo} year{}", if lo == 1 { "" } else { "s" }),
        (Some(lo), Some(hi)) => format!("{lo}-{hi} years"),
        (Some(lo), None) => format!("{lo}+ years"),
        (None, Some(hi)) => format!("up to {hi} years"),
        (None, None) => "unknown".to_string(),
    }
}

/// A signed percentage: "+10%", "-3.5%".
pub fn percent(v: f64) -> String {
    let body = if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    };
    if v > 0.0 {
        format!("+{body}%")
    } else {
        format!("{body}%")
    }
}

/// The marker shown for a value no source gives.
pub const UNKNOWN: &str = "unknown";

/// An error message made safe for a terminal, keeping its line breaks.
pub fn clean_message(message: &str) -> String {
    message
        .lines()
        .map(|l| clean(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Numbered citations: `[1]`, `[2]`... in order of first use, with a legend.
#[derive(Debug, Default)]
pub struct Citations {
    ids: Vec<String>,
}

impl Citations {
    /// The tag for a source id, numbering it on first use.
    pub fn tag(&mut self, source: &str) -> String {
        let n = match self.ids.iter().position(|s| s == source) {
            Some(i) => i + 1,
            None => {
                self.ids.push(source.to_string());
                self.ids.len()
            }
        };
        format!("[{n}]")
    }

    /// Writes "Sources: [1] Title (id) ..." for the tags handed out.
    /// `titles` maps source ids to titles; unknown ids print as themselves.
    pub fn legend(
        &self,
        out: &mut dyn Write,
        term: &Term,
        titles: &[(String, String)],
    ) -> io::Result<()> {
        if self.ids.is_empty() {
            return Ok(());
        }
        writeln!(out, "{}", term.paint(Paint::Muted, "Sources:"))?;
        for (i, id) in self.ids.iter().enumerate() {
            let title = titles
                .iter()
                .find(|(s, _)| s == id)
                .map_or(id.as_str(), |(_, t)| t.as_str());
            let text = format!("  [{}] {} ({})", i + 1, clean(title), clean(id));
            line(out, term, &term.paint(Paint::Muted, &text))?;
        }
        Ok(())
    }
}
