//! Tab-separated output: a header line, then one record per line. Fields
//! never contain tabs, newlines or other control characters.

use std::borrow::Cow;
use std::io::{self, Write};

/// A field made safe for TSV: tab, newline and carriage return become
/// `\t`, `\n`, `\r`; other control characters become `\u{..}` escapes.
pub fn field(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Writes one record.
pub fn row<S: AsRef<str>>(out: &mut dyn Write, fields: &[S]) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\t")?;
        }
        out.write_all(field(f.as_ref()).as_bytes())?;
    }
    out.write_all(b"\n")
}

/// An optional number as a TSV field: empty when unknown.
pub fn num(v: Option<f64>) -> String {
    v.map(crate::render::text::plain_number).unwrap_or_default()
}
