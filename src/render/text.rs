//! Building blocks for text output: safe strings, wrapping, tables,
//! headings and numbers.

use crate::model::Period;
use crate::term::{table_color, Paint, Term};
use comfy_table::{presets, Cell, ContentArrangement, Table};
use std::borrow::Cow;

use crate::clean::is_printable_ascii;
pub use crate::clean::{clean, clean_message};
use std::io::{self, Write};

/// The display width of text that may carry colour codes: escape
/// sequences take no columns, wide characters two.
pub fn display_width(s: &str) -> usize {
    // ASCII without an escape is a column a byte. One pass the compiler
    // can run on many bytes at a time: most strings measured are short.
    if s.bytes()
        .fold(true, |ok, b| ok & (b.is_ascii() && b != 0x1b))
    {
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
        width += char_width(c);
    }
    width
}

/// The columns a character takes: none for a control character.
fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// First-fit wrapping at spaces: lines start with `first` (then `rest`)
/// and are at most `width` columns; a word longer than a line is cut.
/// Lines break at spaces only, never at a hyphen, so ids and file names
/// stay whole. Hand-written because it runs for every line of `show`:
/// a general wrapping library cost most of its start-up (BENCHMARKS.md).
pub fn fill(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let lines = Lines::new(text, width, display_width(first), display_width(rest));
    lines
        .map(|(at_first, body)| [if at_first { first } else { rest }, body].concat())
        .collect()
}

/// What the lines of a wrapped text start with: the pieces of the first
/// line's prefix (an indent and a bullet, say), the prefix of the others,
/// and the columns each takes, which callers know without measuring.
struct Margin<'a> {
    first: &'a [&'a str],
    first_width: usize,
    rest: &'a str,
    rest_width: usize,
}

/// [`fill`] written straight to `out`, a line at a time, with nothing
/// allocated: `show` writes over a thousand lines.
fn write_fill(out: &mut dyn Write, text: &str, width: usize, margin: Margin) -> io::Result<()> {
    for (at_first, body) in Lines::new(text, width, margin.first_width, margin.rest_width) {
        if at_first {
            for piece in margin.first {
                out.write_all(piece.as_bytes())?;
            }
        } else {
            out.write_all(margin.rest.as_bytes())?;
        }
        out.write_all(body.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The lines of [`fill`], each as whether it is the first (the prefix it
/// takes) and its text. Within a line the text is kept as it is, spaces
/// between words included, so each line's text is one slice of the input.
struct Lines<'t> {
    text: &'t str,
    width: usize,
    /// Columns the prefix of lines after the first takes.
    rest_width: usize,
    /// Byte offset of the next line's first word (or the end of the text).
    start: usize,
    /// Byte offset of the end of the last word.
    end: usize,
    /// Columns the next line's prefix takes.
    used: usize,
    /// Nothing handed out yet: the next line is the first.
    at_first: bool,
    /// The whole text is printable ASCII, as most is: no line's reach
    /// needs checking.
    plain: bool,
}

impl<'t> Iterator for Lines<'t> {
    type Item = (bool, &'t str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.start >= self.end {
            // No words left: only text without any gets a line, its prefix
            // alone.
            return self.at_first.then(|| self.take(self.text.len()));
        }
        let room = self.width.saturating_sub(self.used);
        let stop = self
            .reach(room)
            .and_then(|(reach, rest_fits)| self.look_back(reach, rest_fits))
            .unwrap_or_else(|| self.measured_stop());
        Some(self.take(stop))
    }
}

impl<'t> Lines<'t> {
    fn new(text: &'t str, width: usize, first_width: usize, rest_width: usize) -> Self {
        Lines {
            text,
            width,
            rest_width,
            start: skip_spaces(text, 0),
            end: text.trim_end_matches(' ').len(),
            used: first_width,
            at_first: true,
            plain: is_printable_ascii(text.as_bytes()),
        }
    }

    /// What the line can take when every character there takes one
    /// column: the bytes of its first `room` columns and of the column
    /// after, which tells whether a word ends with them, and whether that
    /// is the rest of the text. None when a character does not take one
    /// column: a colour code, a wide character, an accent on its own.
    fn reach(&self, room: usize) -> Option<(&'t [u8], bool)> {
        let rest = &self.text[self.start..self.end];
        let bytes = rest.as_bytes();
        // Printable ASCII, most lines, is a column a byte.
        let ascii_reach = &bytes[..bytes.len().min(room.saturating_add(1))];
        if self.plain || is_printable_ascii(ascii_reach) {
            return Some((ascii_reach, bytes.len() <= room));
        }
        // Otherwise a column a character when, besides ASCII, there are
        // only dashes, quotes and accented letters.
        let mut columns = 0;
        let mut i = 0;
        while i < bytes.len() {
            i += match bytes[i] {
                b' '..=b'~' => 1,
                _ => {
                    let c = rest[i..].chars().next()?;
                    if c.is_ascii() || char_width(c) != 1 {
                        return None;
                    }
                    c.len_utf8()
                }
            };
            columns += 1;
            if columns > room {
                return Some((&bytes[..i], false));
            }
        }
        Some((bytes, true))
    }

    /// Where the line ends when each character it can `reach` takes one
    /// column: at the last space that leaves it short enough, found by
    /// looking back from the end of its reach instead of measuring every
    /// word. Most lines end this way. None when the first word alone is
    /// too wide: where to cut it depends on the characters after the reach
    /// too (accents take no column).
    fn look_back(&self, reach: &[u8], rest_fits: bool) -> Option<usize> {
        if rest_fits {
            return Some(self.start + reach.len());
        }
        // The words before that space fit (the line starts with a word, so
        // the space is not its first byte); the word the reach ends in does
        // not.
        let space = reach.iter().rposition(|&b| b == b' ')?;
        let word_end = reach[..space].iter().rposition(|&b| b != b' ')? + 1;
        Some(self.start + word_end)
    }

    /// Where the line ends in any text: words are measured one by one,
    /// colour codes taking no columns and wide characters two.
    fn measured_stop(&self) -> usize {
        let room = self.width.saturating_sub(self.used).max(1);
        let (mut stop, width) = self.word(self.start, room);
        let mut used = self.used + width;
        if used > self.width {
            return self.cut(stop);
        }
        // Every further word that fits, with the spaces before it.
        loop {
            let next = skip_spaces(self.text, stop);
            let (end, width) = self.word(next, self.width.saturating_sub(used + (next - stop)));
            let wider = used + (next - stop) + width;
            if next == end || wider > self.width {
                return stop;
            }
            used = wider;
            stop = end;
        }
    }

    /// The line's first word, `text[start..word_end]`, is wider than the
    /// line: as many of its characters as fit (at least one) make the line
    /// and the rest of the word starts the next. A word of one character
    /// is not cut; nothing after it fits, so it is alone on its line.
    fn cut(&self, word_end: usize) -> usize {
        let word = &self.text[self.start..word_end];
        let room = self.width.saturating_sub(self.used).max(1);
        let mut taken = 0;
        let mut cut = 0;
        for (i, c) in word.char_indices() {
            let w = char_width(c);
            if taken + w > room && i > 0 {
                break;
            }
            taken += w;
            cut = i + c.len_utf8();
        }
        self.start + cut
    }

    /// Hands out `text[start..stop]` as the next line and moves on to the
    /// next word.
    fn take(&mut self, stop: usize) -> (bool, &'t str) {
        let line = (self.at_first, &self.text[self.start..stop]);
        self.at_first = false;
        self.used = self.rest_width;
        self.start = skip_spaces(self.text, stop);
        line
    }

    /// The end and the display width of the word starting at `start`
    /// (`start` and 0 at the end of the text), measured only as far as
    /// needed to tell that it is wider than `limit`: then the end and
    /// width of its first characters past `limit` columns. Without the
    /// limit, cutting a long word line by line measured the rest of it
    /// for every line (a 1 MB title: minutes). Printable ASCII is a
    /// column a byte; other text is measured as [`display_width`] does.
    fn word(&self, start: usize, limit: usize) -> (usize, usize) {
        let rest = &self.text[start..];
        let mut len = 0;
        for &b in rest.as_bytes() {
            match b {
                b' ' => return (start + len, len),
                b'!'..=b'~' => len += 1,
                _ => break,
            }
            if len > limit {
                return (start + len, len);
            }
        }
        // The word's characters, up to the space that ends it.
        let mut chars = rest[len..]
            .char_indices()
            .take_while(|&(_, c)| c != ' ')
            .map(|(i, c)| (start + len + i, c));
        let mut width = len;
        let mut end = start + len;
        while let Some((i, c)) = chars.next() {
            end = i + c.len_utf8();
            if c == '\x1b' {
                // CSI: ESC [ parameters, then a final byte in @..~; the
                // character after ESC counts for nothing either way.
                if let Some((j, next)) = chars.next() {
                    end = j + next.len_utf8();
                    if next == '[' {
                        for (k, f) in chars.by_ref() {
                            end = k + f.len_utf8();
                            if ('@'..='~').contains(&f) {
                                break;
                            }
                        }
                    }
                }
                continue;
            }
            width += char_width(c);
            if width > limit {
                return (end, width);
            }
        }
        // The end of the word: past the last character taken, or where
        // the ASCII run stopped at the end of the text.
        (end.max(start + len), width)
    }
}

/// The offset of the first byte from `from` on that is not a space.
fn skip_spaces(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    from + bytes[from..].iter().take_while(|&&b| b == b' ').count()
}

/// Wraps `text` to `width` columns, every line starting with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    fill(&clean(text), width.max(indent.len() + 10), indent, indent)
}

/// Writes wrapped prose; a blank line in the text starts a new paragraph.
pub fn paragraph(out: &mut dyn Write, term: &Term, text: &str, indent: &str) -> io::Result<()> {
    if is_printable_ascii(text.as_bytes()) || !text.contains('\n') {
        // One paragraph, as most are: finding no line break at all is
        // quicker than looking for blank lines, and printable ASCII has
        // none.
        if text.trim().is_empty() {
            return Ok(());
        }
        return styled_paragraph(out, term, &clean(text), indent);
    }
    for (i, para) in text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .enumerate()
    {
        if i > 0 {
            out.write_all(b"\n")?;
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
    let width = term.prose_width().max(indent.len() + 10);
    let indent_width = display_width(indent);
    let margin = Margin {
        first: &[indent],
        first_width: indent_width,
        rest: indent,
        rest_width: indent_width,
    };
    write_fill(out, text, width, margin)
}

/// Writes a bullet item, wrapped with a hanging indent.
pub fn bullet(out: &mut dyn Write, term: &Term, text: &str, indent: &str) -> io::Result<()> {
    styled_bullet(out, term, &clean(text), indent)
}

/// [`bullet`] for text that is clean already and may carry colour (see
/// [`styled_paragraph`]).
pub fn styled_bullet(out: &mut dyn Write, term: &Term, text: &str, indent: &str) -> io::Result<()> {
    let mark = if term.ascii { "- " } else { "• " };
    let rest = hanging(indent);
    let width = term.prose_width().max(rest.len() + 10);
    // Either mark takes two columns, as the two spaces under it do.
    let rest_width = display_width(&rest);
    let margin = Margin {
        first: &[indent, mark],
        first_width: rest_width,
        rest: &rest,
        rest_width,
    };
    write_fill(out, text, width, margin)
}

/// Writes one line of possibly styled text, wrapped to the terminal (and
/// no wider than prose) with its leading spaces as the indent of
/// continuation lines (colour codes take no width).
pub fn line(out: &mut dyn Write, term: &Term, text: &str) -> io::Result<()> {
    let body = text.trim_start_matches(' ');
    let indent = &text[..text.len() - body.len()];
    let rest = hanging(indent);
    let width = term.prose_width().max(rest.len() + 10);
    // Spaces: a column a byte.
    let margin = Margin {
        first: &[indent],
        first_width: indent.len(),
        rest: &rest,
        rest_width: rest.len(),
    };
    write_fill(out, body, width, margin)
}

/// `indent` and two spaces: where continuation lines start under a bullet
/// or a line's first word. Borrowed for the usual indents of spaces.
fn hanging(indent: &str) -> Cow<'_, str> {
    const SPACES: &str = "                ";
    if indent.len() + 2 <= SPACES.len() && indent.bytes().all(|b| b == b' ') {
        Cow::Borrowed(&SPACES[..indent.len() + 2])
    } else {
        Cow::Owned(format!("{indent}  "))
    }
}

/// A section heading.
pub fn heading(out: &mut dyn Write, term: &Term, title: &str) -> io::Result<()> {
    out.write_all(term.paint(Paint::Heading, &clean(title)).as_bytes())?;
    out.write_all(b"\n")
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

/// The longest word (in characters) a table cell is given whole.
/// comfy-table cuts a word too wide for its column one piece at a time,
/// copying the rest of the word grapheme by grapheme for every piece: a
/// 1 MB one-word title took `list` 331 s. Cut first into lines of this
/// many characters, a word costs it time in proportion to its length. No
/// column of a table on a terminal narrower than this is wide enough to
/// show a longer word on one line anyway.
pub const CELL_WORD_MAX: usize = 128;

/// Cell text with every word longer than [`CELL_WORD_MAX`] characters
/// cut into lines of that many (see there); other text as it is.
pub fn cell_text(text: &str) -> Cow<'_, str> {
    let long = |w: &str| w.len() > CELL_WORD_MAX && w.chars().count() > CELL_WORD_MAX;
    if !text.split([' ', '\n']).any(long) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / CELL_WORD_MAX + 1);
    let mut run = 0;
    for c in text.chars() {
        if c == ' ' || c == '\n' {
            run = 0;
        } else if run == CELL_WORD_MAX {
            out.push('\n');
            run = 1;
        } else {
            run += 1;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// A table cell with cleaned text in the style for `what`.
pub fn cell(text: &str, what: Option<Paint>) -> Cell {
    let mut c = Cell::new(cell_text(&clean(text)));
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
        .map(|l| cell_text(&clean(l)).into_owned())
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

/// Below this magnitude a whole number goes through `i64`; from here on
/// (where every `f64` is whole to within 1e-9 anyway) its exact decimal
/// digits are written instead, so that nothing saturates at `i64::MAX`.
const EXACT_FROM: f64 = 1e15;

/// The marker for a figure that is not finite (a computation overflowed):
/// never a clamped number.
pub const NOT_FINITE: &str = "too large to show";

/// A number as TSV and the text tables give it: whole numbers without a
/// fraction ("42000"), others with two decimals ("10.78"). Exact at any
/// size (`1e308` is written with its 309 digits); `inf` and `NaN` as Rust
/// writes them.
pub fn plain_number(v: f64) -> String {
    if !v.is_finite() {
        format!("{v}")
    } else if v.abs() >= EXACT_FROM {
        format!("{v:.0}")
    } else if (v - v.round()).abs() < 1e-9 || (v * 100.0).round() == 0.0 {
        // Whole, or zero at two decimals: never "-0.00".
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.2}")
    }
}

/// Thousands separators: 2595750 -> "2,595,750".
pub fn group_thousands(int: i64) -> String {
    let out = group_digits(&int.unsigned_abs().to_string());
    if int < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// Decimal digits with thousands separators: "2595750" -> "2,595,750".
fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Money for people: `$42,000`, `$10.78`, `€30,000`, `1,200 GBP`.
///
/// Exact at any size: from [`EXACT_FROM`] on, where an `f64` has no cents,
/// the amount's own digits (`1e308` is not `$92,233,720,368,547,758.07`);
/// an amount that is not finite is [`NOT_FINITE`].
pub fn money(v: f64, currency: &str) -> String {
    if !v.is_finite() {
        return NOT_FINITE.to_string();
    }
    let (amount, shown_nonzero) = if v.abs() >= EXACT_FROM {
        (group_digits(&format!("{:.0}", v.abs())), true)
    } else {
        let cents = (v.abs() * 100.0).round() as i64;
        let whole = group_thousands(cents / 100);
        let amount = if cents % 100 == 0 {
            whole
        } else {
            format!("{whole}.{:02}", cents % 100)
        };
        (amount, cents != 0)
    };
    let sign = if v < 0.0 && shown_nonzero { "-" } else { "" };
    match currency {
        "USD" => format!("{sign}${amount}"),
        "EUR" => format!("{sign}€{amount}"),
        "GBP" => format!("{sign}£{amount}"),
        other => format!("{sign}{amount} {other}"),
    }
}

/// "/yr" or "/h".
pub fn per(period: Period) -> &'static str {
    match period {
        Period::Year => "/yr",
        Period::Hour => "/h",
    }
}

/// A range of money for people, the one spelling every command uses:
/// "$32,000-$52,000".
pub fn money_range(min: f64, max: f64, currency: &str) -> String {
    format!("{}-{}", money(min, currency), money(max, currency))
}

/// The mark of a figure converted from the other period: "≈" ("~" in
/// ASCII).
pub fn approx(ascii: bool) -> &'static str {
    if ascii {
        "~"
    } else {
        "≈"
    }
}

/// A pay figure for people, the same in every command: the amount and
/// its period, then what it is. "$42,000/yr median", "$48,500/yr midpoint
/// of range", "$15-$20/h entry-level range", "≈$20.19/h median"
/// (converted), "$69,500/yr official median, SOC 43-1011 (approximate)",
/// ">= $239,200/yr official median, SOC 29-1212, Texas (TX)" (top-coded;
/// the area is named when it is not the nation). The caller adds the
/// citation.
pub fn pay_figure(f: &crate::pay::PayFigure, ascii: bool) -> String {
    let mut out = pay_amount(f, ascii);
    out.push(' ');
    out.push_str(f.basis.label());
    if let Some(soc) = &f.soc {
        out.push_str(", SOC ");
        out.push_str(soc);
        if f.approximate {
            out.push_str(" (approximate)");
        }
    }
    if let Some(area) = f.area.as_ref().filter(|a| !a.is_nation()) {
        out.push_str(", ");
        out.push_str(&area.label());
    }
    out
}

/// The amount of a pay figure and its period, without what it is:
/// "$42,000/yr", "$15-$20/h", "≈$20.19/h", ">= $239,200/yr".
pub fn pay_amount(f: &crate::pay::PayFigure, ascii: bool) -> String {
    let amount = match (f.value, f.min, f.max) {
        (Some(v), _, _) => money(v, &f.currency),
        (None, Some(lo), Some(hi)) => money_range(lo, hi, &f.currency),
        _ => UNKNOWN.to_string(),
    };
    let at_least = if f.top_coded { ">= " } else { "" };
    let converted = if f.converted { approx(ascii) } else { "" };
    format!("{at_least}{converted}{amount}{}", per(f.period))
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

/// A ladder tier's years: as [`years`], or "years unknown" when the
/// source gives none (a bare "unknown" reads as the tier's name).
pub fn tier_years(min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (None, None) => format!("years {UNKNOWN}"),
        _ => years(min, max),
    }
}

/// A pay band for people: "$44,000-$52,000/yr", "$19-$24/h".
pub fn pay_band(b: &crate::model::PayBand) -> String {
    format!(
        "{}{}",
        money_range(b.min, b.max, &b.currency),
        per(b.period)
    )
}

/// A signed percentage: "+10%", "-3.5%". Exact at any size, as
/// [`plain_number`]; not finite, [`NOT_FINITE`].
pub fn percent(v: f64) -> String {
    if !v.is_finite() {
        return NOT_FINITE.to_string();
    }
    let body = if v.abs() >= EXACT_FROM {
        format!("{v:.0}")
    } else if (v - v.round()).abs() < 1e-9 {
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

/// One entry of a numbered "Sources" legend: `  [n] Title, Publisher,
/// Date (id ID)`, wrapped to the terminal under its own text. Publisher
/// and date are left out where the source has none.
pub fn source_entry(
    out: &mut dyn Write,
    term: &Term,
    n: usize,
    cited: &crate::citations::Cited<'_>,
) -> io::Result<()> {
    let first = format!("  [{n}] ");
    let rest = " ".repeat(first.len());
    let mut body = clean(cited.title()).into_owned();
    if let Some(s) = cited.source {
        for part in [&s.publisher, &s.date].into_iter().flatten() {
            body.push_str(", ");
            body.push_str(&clean(part));
        }
    }
    body.push_str(&format!(" (id {})", clean(&cited.id)));
    let width = term.prose_width().max(rest.len() + 12);
    for l in fill(&body, width, &first, &rest) {
        writeln!(out, "{l}")?;
    }
    Ok(())
}

/// The numbered "Sources" legend of a view, the same in every command: a
/// blank line, a heading, then one [`source_entry`] per cited source.
pub fn source_legend(
    out: &mut dyn Write,
    term: &Term,
    sources: &crate::citations::Citations<'_>,
) -> io::Result<()> {
    if sources.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    heading(out, term, "Sources")?;
    for (n, c) in sources.iter() {
        source_entry(out, term, n, c)?;
    }
    Ok(())
}

/// The tag of a cited source, `[n]`; a source the view did not cite
/// shows its id, `[id]`.
pub fn tag(cites: &crate::citations::Citations<'_>, source: &str) -> String {
    match cites.number(source) {
        Some(n) => format!("[{n}]"),
        None => format!("[{}]", clean(source)),
    }
}

/// `id` in lines of at most `width` columns, each broken after a hyphen
/// (`first-line-supervisors-of-` / `transportation-and-material-...`), for
/// a table column narrower than the id: a cut inside a word would read as
/// another id. A piece without a hyphen that is still too wide is cut.
/// Ids are ASCII (kebab-case); anything else is returned whole.
pub fn break_after_hyphens(id: &str, width: usize) -> Cow<'_, str> {
    if id.len() <= width || width == 0 || !id.is_ascii() {
        return Cow::Borrowed(id);
    }
    let mut lines: Vec<&str> = Vec::new();
    let mut start = 0;
    while id.len() - start > width {
        let window = &id[start..start + width];
        let cut = match window.rfind('-') {
            Some(i) if i > 0 => start + i + 1,
            _ => start + width,
        };
        lines.push(&id[start..cut]);
        start = cut;
    }
    lines.push(&id[start..]);
    Cow::Owned(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_never_saturate() {
        // The values that used to print as i64::MAX or i64::MIN.
        let big = money(1e308, "USD");
        // Python: "{:,}".format(int("%.0f" % 1e308)), 309 digits.
        assert_eq!(big, "$100,000,000,000,000,001,097,906,362,944,045,541,740,492,309,677,311,846,336,810,682,903,157,585,404,911,491,537,163,328,978,494,688,899,061,249,669,721,172,515,611,590,283,743,140,088,328,307,009,198,146,046,031,271,664,502,933,027,185,697,489,699,588,559,043,338,384,466,165,001,178,426,897,626,212,945,177,628,091,195,786,707,458,122,783,970,171,784,415,105,291,802,893,207,873,272,974,885,715,430,223,118,336");
        assert_eq!(big.len(), 1 + 309 + 102);
        assert_eq!(money(-1e20, "EUR"), "-€100,000,000,000,000,000,000");
        assert_eq!(money(f64::INFINITY, "USD"), NOT_FINITE);
        assert_eq!(percent(-1e300).len(), 1 + 301 + 1);
        assert!(percent(-1e300).starts_with("-1000000000000000052504760255204420248"));
        assert_eq!(percent(9.3e18), "+9300000000000000000%");
        assert_eq!(percent(f64::NAN), NOT_FINITE);
        assert_eq!(plain_number(1e20), "100000000000000000000");
        assert_eq!(plain_number(-2.5e15), "-2500000000000000");
        // Ordinary values as before.
        assert_eq!(money(42000.0, "USD"), "$42,000");
        assert_eq!(money(10.785, "USD"), "$10.79");
        assert_eq!(money(-0.001, "USD"), "$0");
        assert_eq!(percent(9.52), "+9.5%");
        assert_eq!(percent(-3.0), "-3%");
        assert_eq!(plain_number(42000.0), "42000");
        assert_eq!(plain_number(10.5), "10.50");
    }

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

    /// The word-by-word wrapping that [`fill`] replaced, kept as its
    /// specification: `fill` must give the same lines for any text.
    fn fill_word_by_word(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = first.to_string();
        let mut used = display_width(first);
        let mut empty = true;
        let rest_width = display_width(rest);
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
        for (gap, mut word) in words {
            let mut word_width = display_width(word);
            if !empty && used + gap + word_width > width {
                lines.push(std::mem::replace(&mut line, rest.to_string()));
                used = rest_width;
                empty = true;
            }
            while empty && used + word_width > width && word.chars().count() > 1 {
                let room = width.saturating_sub(used).max(1);
                let mut taken = 0;
                let mut cut = 0;
                for (i, c) in word.char_indices() {
                    let w = char_width(c);
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

    proptest::proptest! {
        #[test]
        fn fill_wraps_like_word_by_word(
            text in "[ a-e\\-]{0,60}|[ ab\u{e9}\u{65e5}\u{301}\u{1b}\\[m0-9]{0,40}|[ a-c\u{e9}\u{2014}\u{301}]{0,80}",
            width in 0usize..30,
            first in "[ >]{0,6}|\u{2022} ",
            rest in " {0,8}",
        ) {
            proptest::prop_assert_eq!(
                fill(&text, width, &first, &rest),
                fill_word_by_word(&text, width, &first, &rest)
            );
        }
    }

    #[test]
    fn fill_agrees_with_word_by_word_on_edge_cases() {
        let cases = [
            ("", 5, "", ""),
            ("   ", 5, "> ", "  "),
            ("a", 0, "", ""),
            ("abc", 0, "  ", ""),
            ("ab  cd   ", 4, "", " "),
            ("  lead and trail  ", 7, "* ", "  "),
            ("x \x1b[2m[1]\x1b[0m", 3, "", ""),
            ("\x1b[1mabcdef\x1b[0m gh", 4, "", ""),
            ("日本語のテキスト です", 5, "", ""),
            ("e\u{301}e\u{301}e\u{301}", 1, "", ""),
            ("wide 日 x", 1, "", ""),
            ("tab\there ctl\u{7}", 4, "", ""),
        ];
        for (text, width, first, rest) in cases {
            assert_eq!(
                fill(text, width, first, rest),
                fill_word_by_word(text, width, first, rest),
                "{text:?} at {width}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn unsafe_bytes_are_unsafe_characters(
            s in "[a\u{0}-\u{a0}\u{2010}-\u{2030}\u{2060}-\u{2070}\u{e9}\u{65e5}]{0,12}",
        ) {
            proptest::prop_assert_eq!(crate::clean::has_unsafe_bytes(&s), s.chars().any(crate::clean::is_unsafe));
        }
    }

    #[test]
    fn clean_borrows_printable_text() {
        assert!(matches!(clean("plain text ~"), Cow::Borrowed(_)));
        assert!(matches!(clean("caf\u{e9} \u{2014} ok"), Cow::Borrowed(_)));
        assert_eq!(clean("a\u{85}b"), "a\\u{85}b");
        assert_eq!(clean("del\u{7f}"), "del\\u{7f}");
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
