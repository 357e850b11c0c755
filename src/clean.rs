//! Text from data or from a user made safe to show on a terminal: what
//! every layer that prints (renderers, error messages) uses on names and
//! prose it did not write itself.

use std::borrow::Cow;

/// Data made safe for a terminal: control characters (ANSI escapes
/// included) are shown as visible `\u{1b}` escapes instead of being sent
/// raw. Tabs and newlines become spaces.
pub fn clean(s: &str) -> Cow<'_, str> {
    // Printable ASCII, most of the data, is safe as it is.
    if is_printable_ascii(s.as_bytes()) || !has_unsafe_bytes(s) {
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
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `s` holds an [`is_unsafe`] character, read from its UTF-8 bytes
/// rather than decoded. A first pass that the compiler can run on many
/// bytes at a time looks for any byte such a character has; only text with
/// one (an accented letter, an ellipsis) is then checked exactly. Dashes
/// and quotes, most of the text that is not ASCII, pass the first.
pub(crate) fn has_unsafe_bytes(s: &str) -> bool {
    let bytes = s.as_bytes();
    let suspect = bytes.iter().fold(false, |any, &b| {
        any | matches!(b, 0x00..=0x1f | 0x7f | 0xc2 | 0xa6..=0xae)
    });
    suspect
        && bytes.iter().enumerate().any(|(i, &b)| match b {
            // C0 controls and DEL.
            0x00..=0x1f | 0x7f => true,
            // C1 controls, U+0080..=U+009F.
            0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
            // U+202A..=U+202E and U+2066..=U+2069.
            0xe2 => matches!(
                bytes.get(i + 1..i + 3),
                Some([0x80, 0xaa..=0xae] | [0x81, 0xa6..=0xa9])
            ),
            _ => false,
        })
}

/// Only ` `..=`~`: every character one column wide, one byte long, and
/// neither a control character nor part of a colour code. A fold rather
/// than `all` so that the compiler can check many bytes at a time.
pub(crate) fn is_printable_ascii(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .fold(true, |ok, &b| ok & matches!(b, b' '..=b'~'))
}

/// An error message made safe for a terminal, keeping its line breaks.
pub fn clean_message(message: &str) -> String {
    message
        .lines()
        .map(|l| clean(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}
