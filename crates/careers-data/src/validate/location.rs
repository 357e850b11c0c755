//! Where things are in a TOML document: byte offsets as line and column,
//! field paths (`salary[0].range.min`), and [`Doc`], a parsed document
//! that places each problem found in it and bounds how many are listed.

use super::Diagnostic;
use std::cell::{Cell, OnceCell};
use std::fmt;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// One step of a path into a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A field path such as `salary[0].range.min`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<Seg>);

impl FieldPath {
    pub fn key(mut self, key: &str) -> Self {
        self.0.push(Seg::Key(key.to_string()));
        self
    }
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Seg::Index(index));
        self
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

pub(crate) fn path(key: &str) -> FieldPath {
    FieldPath::default().key(key)
}

/// The most problems listed for one file; the rest are counted in a
/// final note. Keeps the time and memory spent on a hostile file bounded.
pub const MAX_PROBLEMS_PER_FILE: usize = 100;

/// The deepest nesting of arrays and tables accepted; deeper documents are
/// refused before the parser (which recurses) sees them.
pub const MAX_NESTING: usize = 64;

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// A parsed document kept beside its text so problems found later (in the
/// model, or across files) can be placed precisely.
pub struct Doc<'a> {
    pub file: String,
    pub text: &'a str,
    /// The syntax tree. Decoding hands it to the deserializer rather than
    /// copying it, and a problem found afterwards parses the text again to
    /// be placed: valid files, the common case, never keep their tree (ten
    /// thousand of them held half a gigabyte until the cross-file checks).
    tree: OnceCell<Spanned<DeTable<'a>>>,
    /// Problems reported through [`Doc::report`] so far.
    reported: Cell<usize>,
    /// Where the first problem past [`MAX_PROBLEMS_PER_FILE`] is.
    first_unlisted: Cell<Option<(usize, usize)>>,
}

impl<'a> Doc<'a> {
    /// Parses the syntax. A syntax error comes back as a diagnostic.
    pub fn parse(file: &str, text: &'a str) -> Result<Self, Diagnostic> {
        if let Some(offset) = excessive_nesting(text) {
            let (line, column) = line_col(text, offset);
            return Err(Diagnostic {
                file: file.to_string(),
                line,
                column,
                field: None,
                message: format!("arrays or tables nested deeper than {MAX_NESTING} levels"),
            });
        }
        match DeTable::parse(text) {
            Ok(tree) => Ok(Doc {
                file: file.to_string(),
                text,
                tree: OnceCell::from(tree),
                reported: Cell::new(0),
                first_unlisted: Cell::new(None),
            }),
            Err(err) => {
                let offset = err.span().map_or(0, |s| s.start);
                let (line, column) = line_col(text, offset);
                Err(Diagnostic {
                    file: file.to_string(),
                    line,
                    column,
                    field: None,
                    message: format!("invalid TOML: {}", one_line(err.message())),
                })
            }
        }
    }

    /// The syntax tree, parsed again if decoding consumed it. `None` only
    /// if the text no longer parses, which [`Doc::parse`] has ruled out.
    pub(crate) fn tree(&self) -> Option<&Spanned<DeTable<'a>>> {
        if let Some(tree) = self.tree.get() {
            return Some(tree);
        }
        let tree = DeTable::parse(self.text).ok()?;
        Some(self.tree.get_or_init(|| tree))
    }

    /// A diagnostic at a byte offset, naming the field found there.
    pub fn at_offset(&self, offset: usize, message: String) -> Diagnostic {
        let (line, column) = line_col(self.text, offset);
        let field = self.tree().and_then(|t| {
            let mut p = FieldPath::default();
            deepest_path(t.get_ref(), offset, &mut p);
            (!p.0.is_empty()).then(|| p.to_string())
        });
        Diagnostic {
            file: self.file.clone(),
            line,
            column,
            field,
            message,
        }
    }

    /// A diagnostic about a field, placed at the field's key (or its value,
    /// or the nearest enclosing table that exists).
    pub fn at_path(&self, field: &FieldPath, message: impl Into<String>) -> Diagnostic {
        let tree = self.tree();
        let offset = tree
            .and_then(|t| span_of(t, &field.0))
            .map_or(0, |s| s.start);
        let (line, column) = if tree.is_some() {
            line_col(self.text, offset)
        } else {
            (0, 0)
        };
        Diagnostic {
            file: self.file.clone(),
            line,
            column,
            field: Some(field.to_string()),
            message: message.into(),
        }
    }

    /// Adds a problem about `field` to `out`, or, once this file has had
    /// [`MAX_PROBLEMS_PER_FILE`], only counts it: placing a problem costs a
    /// scan of the text, and a 10 MiB file can hold millions of them.
    pub fn report(&self, out: &mut Vec<Diagnostic>, field: &FieldPath, message: impl Into<String>) {
        self.report_with(out, || self.at_path(field, message));
    }

    /// As [`Doc::report`], for the field whose key starts at byte `key_at`.
    pub(crate) fn report_at_key(&self, out: &mut Vec<Diagnostic>, key_at: usize, message: String) {
        self.report_with(out, || {
            let (line, column) = line_col(self.text, key_at);
            let field = self
                .tree()
                .and_then(|t| path_of_key(t.get_ref(), key_at))
                .map(|p| p.to_string());
            Diagnostic {
                file: self.file.clone(),
                line,
                column,
                field,
                message,
            }
        });
    }

    /// Counts a problem, and makes its diagnostic only when it is listed
    /// or is the first unlisted one (whose position the note gives).
    fn report_with(&self, out: &mut Vec<Diagnostic>, make: impl FnOnce() -> Diagnostic) {
        let n = self.reported.get() + 1;
        self.reported.set(n);
        if n <= MAX_PROBLEMS_PER_FILE {
            out.push(make());
        } else if n == MAX_PROBLEMS_PER_FILE + 1 {
            let d = make();
            self.first_unlisted.set(Some((d.line, d.column)));
        }
    }

    /// The problem saying how many went unlisted, if any did.
    pub fn unlisted_note(&self) -> Option<Diagnostic> {
        let (line, column) = self.first_unlisted.get()?;
        let more = self.reported.get() - MAX_PROBLEMS_PER_FILE;
        Some(Diagnostic {
            file: self.file.clone(),
            line,
            column,
            field: None,
            message: format!(
                "{more} more problem{} from here on not listed \
                 (at most {MAX_PROBLEMS_PER_FILE} are listed per file)",
                if more == 1 { "" } else { "s" }
            ),
        })
    }

    /// The syntax tree as parsed, while decoding has not consumed it.
    pub(crate) fn parsed_tree(&self) -> Option<&Spanned<DeTable<'a>>> {
        self.tree.get()
    }

    /// The syntax tree as parsed, to be completed before decoding (a
    /// file's default source written into the blocks that name none).
    pub(crate) fn parsed_tree_mut(&mut self) -> Option<&mut Spanned<DeTable<'a>>> {
        self.tree.get_mut()
    }

    /// Where the value at `field` starts (a table's `{` or `[[` header),
    /// if every step of the path exists.
    pub(crate) fn value_offset(&self, field: &FieldPath) -> Option<usize> {
        value_of(self.tree()?, &field.0).map(|v| v.span().start)
    }

    /// Where the key of `field` starts (or its value, or the nearest
    /// enclosing table that exists).
    pub(crate) fn offset_of(&self, field: &FieldPath) -> Option<usize> {
        self.tree()
            .and_then(|t| span_of(t, &field.0))
            .map(|s| s.start)
    }

    /// Adds a problem about `field` placed at byte `offset` (a character
    /// inside its value), counted like [`Doc::report`].
    pub(crate) fn report_at(
        &self,
        out: &mut Vec<Diagnostic>,
        field: &FieldPath,
        offset: usize,
        message: impl Into<String>,
    ) {
        self.report_with(out, || {
            let (line, column) = line_col(self.text, offset);
            Diagnostic {
                line,
                column,
                ..self.at_path(field, message)
            }
        });
    }

    /// Where the string at `field` first holds a character `found` picks:
    /// the byte offset in the text, read from the string's TOML source
    /// (escapes such as `\u202e` included), or `None` if it cannot be told.
    pub(crate) fn first_char_in(
        &self,
        field: &FieldPath,
        found: impl Fn(char) -> bool,
    ) -> Option<usize> {
        let value = value_of(self.tree()?, &field.0)?;
        if !matches!(value.get_ref(), DeValue::String(_)) {
            return None;
        }
        let span = value.span();
        let raw = self.text.get(span.clone())?;
        Some(span.start + first_in_string_literal(raw, found)?)
    }

    /// serde's message for a value of the wrong type, on one line. The TOML
    /// deserializer hands a date or time to serde as a map, so serde calls
    /// one "map": this names it a datetime, as the file has it.
    fn type_error(&self, message: &str, offset: usize) -> String {
        let message = one_line(message);
        let Some(rest) = message.strip_prefix("invalid type: map,") else {
            return message;
        };
        let datetime = self.tree().and_then(|t| {
            let mut found = None;
            walk_values(t.get_ref(), &mut Vec::new(), &mut |_, _, v| {
                if matches!(v.get_ref(), DeValue::Datetime(_)) && v.span().contains(&offset) {
                    found = self.text.get(v.span());
                }
            });
            found
        });
        match datetime {
            Some(raw) => {
                let hint = if rest.trim_start().starts_with("expected a string") {
                    " (quote it to make it text)"
                } else {
                    ""
                };
                format!("invalid type: datetime {raw},{rest}{hint}")
            }
            None => message,
        }
    }

    /// Deserializes the document into `T`, handing the syntax tree to the
    /// deserializer rather than copying it. A type error comes back placed
    /// at its field.
    pub(crate) fn deserialize<T: serde::de::DeserializeOwned>(&mut self) -> Result<T, Diagnostic> {
        let Some(tree) = self.tree.take() else {
            return Err(self.at_path(&FieldPath::default(), "not parsed"));
        };
        T::deserialize(toml::de::Deserializer::from(tree)).map_err(|err| {
            let offset = err.span().map_or(0, |s| s.start);
            let mut d = self.at_offset(offset, self.type_error(err.message(), offset));
            // serde names the offending field in its message; prefer it
            // when the span points at the enclosing table.
            if let Some(name) = backticked(err.message()) {
                d.field = Some(match d.field.take() {
                    Some(parent) if !parent.ends_with(&name) => format!("{parent}.{name}"),
                    Some(parent) => parent,
                    None => name,
                });
            }
            d
        })
    }
}

/// The first field name in backticks in a serde message (`missing field `id``).
fn backticked(message: &str) -> Option<String> {
    let lower = message.to_ascii_lowercase();
    if !(lower.contains("missing field") || lower.contains("unknown field")) {
        return None;
    }
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The byte offset where brackets and braces open deeper than
/// [`MAX_NESTING`], ignoring those inside strings and comments. A cheap
/// guard: it over-counts only on inputs the parser would refuse anyway.
fn excessive_nesting(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            quote @ (b'"' | b'\'') => {
                let triple = bytes[i..].starts_with(&[quote; 3]);
                let step = if triple { 3 } else { 1 };
                i += step;
                while i < bytes.len() {
                    if quote == b'"' && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && bytes[i] == b'\n' {
                        break;
                    }
                    // The byte test first: a slice comparison per byte of
                    // every string was a tenth of a first load's time.
                    if bytes[i] == quote && bytes[i..].starts_with(&[quote; 3][..step]) {
                        i += step - 1;
                        break;
                    }
                    i += 1;
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' => {}
            _ => {}
        }
        i += 1;
    }
    None
}

/// One step of a path while walking a tree, borrowing the key from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step<'t> {
    Key(&'t str),
    Index(usize),
}

pub(crate) fn owned_path(steps: &[Step<'_>]) -> FieldPath {
    FieldPath(
        steps
            .iter()
            .map(|s| match *s {
                Step::Key(k) => Seg::Key(k.to_string()),
                Step::Index(i) => Seg::Index(i),
            })
            .collect(),
    )
}

/// What [`walk_values`] calls: a value's path, where its key starts (for a
/// table entry, not an array item), and the value.
pub(crate) type Visit<'f, 't, 'a> =
    dyn FnMut(&[Step<'t>], Option<usize>, &'t Spanned<DeValue<'a>>) + 'f;

/// Calls `f` on every value in the tree, depth first.
pub(crate) fn walk_values<'t, 'a>(
    table: &'t DeTable<'a>,
    path: &mut Vec<Step<'t>>,
    f: &mut Visit<'_, 't, 'a>,
) {
    for (key, value) in table.iter() {
        path.push(Step::Key(key.get_ref()));
        walk_value(value, Some(key.span().start), path, f);
        path.pop();
    }
}

fn walk_value<'t, 'a>(
    value: &'t Spanned<DeValue<'a>>,
    key_at: Option<usize>,
    path: &mut Vec<Step<'t>>,
    f: &mut Visit<'_, 't, 'a>,
) {
    f(path, key_at, value);
    match value.get_ref() {
        DeValue::Table(t) => walk_values(t, path, f),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                walk_value(item, None, path, f);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The path of the table entry whose key starts at byte `key_at`.
fn path_of_key(table: &DeTable<'_>, key_at: usize) -> Option<FieldPath> {
    let mut found = None;
    walk_values(table, &mut Vec::new(), &mut |path, at, _| {
        if found.is_none() && at == Some(key_at) {
            found = Some(owned_path(path));
        }
    });
    found
}

/// The span of the key (for a table entry) or value at `path`; the nearest
/// existing ancestor when the path runs out.
pub(crate) fn span_of(root: &Spanned<DeTable<'_>>, path: &[Seg]) -> Option<Range<usize>> {
    let mut best = None;
    let mut table = root.get_ref();
    let mut current: Option<&Spanned<DeValue<'_>>> = None;
    for seg in path {
        let next = match (seg, current.map(|v| v.get_ref())) {
            (Seg::Key(k), None) => {
                table
                    .iter()
                    .find(|(key, _)| key.get_ref() == k)
                    .map(|(key, v)| {
                        best = Some(key.span());
                        v
                    })
            }
            (Seg::Key(k), Some(DeValue::Table(t))) => {
                table = t;
                t.iter()
                    .find(|(key, _)| key.get_ref() == k)
                    .map(|(key, v)| {
                        best = Some(key.span());
                        v
                    })
            }
            (Seg::Index(i), Some(DeValue::Array(items))) => items.get(*i).inspect(|v| {
                best = Some(v.span());
            }),
            _ => None,
        };
        match next {
            Some(v) => current = Some(v),
            None => break,
        }
    }
    best
}

/// The value at `path`, if every step of it exists.
fn value_of<'t, 'a>(
    root: &'t Spanned<DeTable<'a>>,
    path: &[Seg],
) -> Option<&'t Spanned<DeValue<'a>>> {
    let (first, rest) = path.split_first()?;
    let Seg::Key(k) = first else { return None };
    let mut current = root.get_ref().iter().find(|(key, _)| key.get_ref() == k)?.1;
    for seg in rest {
        current = match (seg, current.get_ref()) {
            (Seg::Key(k), DeValue::Table(t)) => t.iter().find(|(key, _)| key.get_ref() == k)?.1,
            (Seg::Index(i), DeValue::Array(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(current)
}

/// The byte offset in `raw`, the source of a TOML string with its quotes,
/// of the first character `found` picks in the string's value: the
/// character itself, or the escape that stands for it.
fn first_in_string_literal(raw: &str, found: impl Fn(char) -> bool) -> Option<usize> {
    let (quotes, basic) = if raw.starts_with(r#"""""#) {
        (3, true)
    } else if raw.starts_with("'''") {
        (3, false)
    } else if raw.starts_with('"') {
        (1, true)
    } else if raw.starts_with('\'') {
        (1, false)
    } else {
        return None;
    };
    let mut body = raw.get(quotes..raw.len().checked_sub(quotes)?)?;
    let mut start = quotes;
    // A newline right after the opening quotes of a multi-line string is
    // not part of the value.
    if quotes == 3 {
        if let Some(rest) = body
            .strip_prefix("\r\n")
            .or_else(|| body.strip_prefix('\n'))
        {
            start += body.len() - rest.len();
            body = rest;
        }
    }
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !(basic && c == '\\') {
            if found(c) {
                return Some(start + i);
            }
            continue;
        }
        let hex = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, n: usize| {
            let digits: String = (0..n)
                .filter_map(|_| chars.next().map(|(_, h)| h))
                .collect();
            u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32)
        };
        let decoded = match chars.next().map(|(_, e)| e) {
            Some('b') => Some('\u{8}'),
            Some('t') => Some('\t'),
            Some('n') => Some('\n'),
            Some('f') => Some('\u{c}'),
            Some('r') => Some('\r'),
            Some('e') => Some('\u{1b}'),
            Some('x') => hex(&mut chars, 2),
            Some('u') => hex(&mut chars, 4),
            Some('U') => hex(&mut chars, 8),
            Some(c @ ('"' | '\\')) => Some(c),
            // A backslash ending a line of a multi-line string: it and the
            // white space after it stand for nothing.
            Some(_) => {
                while chars.next_if(|(_, w)| w.is_whitespace()).is_some() {}
                None
            }
            None => None,
        };
        if decoded.is_some_and(&found) {
            return Some(start + i);
        }
    }
    None
}

/// The path of the innermost key whose key or value contains `offset`.
/// Arrays of tables do not always span their entries, so every branch is
/// searched, not only those whose span contains the offset.
fn deepest_path(table: &DeTable<'_>, offset: usize, path: &mut FieldPath) -> bool {
    for (key, value) in table.iter() {
        path.0.push(Seg::Key(key.get_ref().to_string()));
        if key.span().contains(&offset) {
            return true;
        }
        if deepest_in_value(value, offset, path) || value.span().contains(&offset) {
            return true;
        }
        path.0.pop();
    }
    false
}

fn deepest_in_value(value: &Spanned<DeValue<'_>>, offset: usize, path: &mut FieldPath) -> bool {
    match value.get_ref() {
        DeValue::Table(t) => deepest_path(t, offset, path),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.0.push(Seg::Index(i));
                if deepest_in_value(item, offset, path) || item.span().contains(&offset) {
                    return true;
                }
                path.0.pop();
            }
            false
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "a = 1\nb = \"été\" # x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        let x = text.find('#').expect("a comment");
        assert_eq!(line_col(text, x), (2, 11), "é is one column, two bytes");
        // Inside a character: its start. Past the end: the end.
        assert_eq!(line_col(text, text.find('é').expect("é") + 1), (2, 6));
        assert_eq!(line_col(text, 10_000), (3, 1));
    }

    #[test]
    fn field_paths_read_like_the_toml() {
        let p = path("salary").index(0).key("range").key("min");
        assert_eq!(p.to_string(), "salary[0].range.min");
        assert_eq!(FieldPath::default().to_string(), "");
    }

    #[test]
    fn syntax_errors_are_placed() {
        let d = Doc::parse("f.toml", "a = 1\nb = = 2\n")
            .err()
            .expect("refused");
        assert_eq!((d.line, d.file.as_str()), (2, "f.toml"));
        assert!(d.message.starts_with("invalid TOML: "), "{}", d.message);
        assert!(!d.message.contains('\n'));
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!(
            "a = {}1{}",
            "[".repeat(MAX_NESTING + 1),
            "]".repeat(MAX_NESTING + 1)
        );
        let d = Doc::parse("f.toml", &deep).err().expect("refused");
        assert_eq!((d.line, d.column), (1, 5 + MAX_NESTING));
        assert!(d.message.contains("nested deeper than 64"));
        // Brackets in strings and comments do not count.
        let quoted = format!("a = \"{}\" # {}\n", "[".repeat(100), "{".repeat(100));
        assert!(Doc::parse("f.toml", &quoted).is_ok());
        let just = format!(
            "a = {}1{}",
            "[".repeat(MAX_NESTING),
            "]".repeat(MAX_NESTING)
        );
        assert!(Doc::parse("f.toml", &just).is_ok());
    }

    #[test]
    fn a_path_is_placed_at_its_key_or_nearest_ancestor() {
        let text = "id = \"x\"\n\n[[salary]]\nmedian = 5\n\n[[salary]]\nmedian = 6\n";
        let doc = Doc::parse("f.toml", text).expect("parses");
        let d = doc.at_path(&path("salary").index(1).key("median"), "m");
        assert_eq!((d.line, d.column), (7, 1));
        assert_eq!(d.field.as_deref(), Some("salary[1].median"));
        // A field that is not there: the table that would hold it.
        let d = doc.at_path(&path("salary").index(1).key("range"), "m");
        assert_eq!(d.line, 6);
        let d = doc.at_offset(text.find('6').expect("6"), "m".into());
        assert_eq!(d.field.as_deref(), Some("salary[1].median"));
    }

    #[test]
    fn type_errors_name_their_field() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            n: u32,
        }
        let mut doc = Doc::parse("f.toml", "\nn = \"x\"\n").expect("parses");
        let d = doc.deserialize::<T>().expect_err("a string is no u32");
        assert_eq!((d.line, d.field.as_deref()), (2, Some("n")));
        let mut doc = Doc::parse("f.toml", "").expect("parses");
        let d = doc.deserialize::<T>().expect_err("n is missing");
        assert_eq!(d.field.as_deref(), Some("n"));
        assert!(d.message.contains("missing field"), "{}", d.message);
    }

    #[test]
    fn at_most_the_cap_is_listed_then_counted() {
        let doc = Doc::parse("f.toml", "a = 1\n").expect("parses");
        let mut out = Vec::new();
        for _ in 0..MAX_PROBLEMS_PER_FILE + 3 {
            doc.report(&mut out, &path("a"), "bad");
        }
        assert_eq!(out.len(), MAX_PROBLEMS_PER_FILE);
        let note = doc.unlisted_note().expect("a note");
        assert_eq!(
            note.message,
            "3 more problems from here on not listed (at most 100 are listed per file)"
        );
        assert_eq!((note.line, note.column), (1, 1));
        let quiet = Doc::parse("f.toml", "a = 1\n").expect("parses");
        assert!(quiet.unlisted_note().is_none());
    }

    #[test]
    fn characters_are_found_in_the_strings_source() {
        let bidi = |c: char| c == '\u{202e}';
        let find = |raw: &str| first_in_string_literal(raw, bidi);
        assert_eq!(find("\"ab\u{202e}c\""), Some(3));
        assert_eq!(find(r#""a\u202Ec""#), Some(2));
        assert_eq!(
            find(r#""a\\u202e \u202e""#),
            Some(10),
            "an escaped backslash is no escape"
        );
        assert_eq!(find(r#""\"\U0000202e""#), Some(3));
        assert_eq!(
            find("'a\\\u{202e}'"),
            Some(3),
            "a literal string has no escapes"
        );
        assert_eq!(find("\"\"\"\n\u{202e}\"\"\""), Some(4));
        let newline = |c: char| c == '\n';
        assert_eq!(
            first_in_string_literal("\"\"\"\nab\ncd\"\"\"", newline),
            Some(6)
        );
        assert_eq!(
            first_in_string_literal("\"\"\"ab\\\n   cd\"\"\"", newline),
            None
        );
        assert_eq!(first_in_string_literal("\"plain\"", newline), None);
        assert_eq!(first_in_string_literal("42", newline), None);
    }

    #[test]
    fn a_character_in_a_value_is_placed_exactly() {
        let text = "[[aliases]]\nname = \"Night \\u200bLead\"\n";
        let doc = Doc::parse("f.toml", text).expect("parses");
        let field = path("aliases").index(0).key("name");
        let at = doc
            .first_char_in(&field, |c| c == '\u{200b}')
            .expect("found");
        assert_eq!(line_col(text, at), (2, 15));
        assert_eq!(doc.first_char_in(&path("nothing"), |_| true), None);
        let mut out = Vec::new();
        doc.report_at(&mut out, &field, at, "zero width");
        assert_eq!((out[0].line, out[0].column), (2, 15));
        assert_eq!(out[0].field.as_deref(), Some("aliases[0].name"));
    }

    #[test]
    fn a_datetime_of_the_wrong_type_is_called_a_datetime() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            title: String,
            #[serde(default)]
            years: Option<u32>,
            #[serde(default)]
            list: Vec<String>,
        }
        let message = |text: &str| {
            let mut doc = Doc::parse("f.toml", text).expect("parses");
            let d = doc.deserialize::<T>().expect_err("refused");
            (d.line, d.column, d.field.unwrap_or_default(), d.message)
        };
        assert_eq!(
            message("title = 1979-05-27T07:32:00Z\n"),
            (
                1,
                9,
                "title".into(),
                "invalid type: datetime 1979-05-27T07:32:00Z, expected a string \
                 (quote it to make it text)"
                    .into()
            )
        );
        assert_eq!(
            message("title = \"x\"\nyears = 07:32:00\n").3,
            "invalid type: datetime 07:32:00, expected u32"
        );
        assert_eq!(
            message("title = \"x\"\nlist = [\"a\", 2025-01-15]\n").2,
            "list[1]"
        );
        // A real table is still a map.
        assert_eq!(
            message("[title]\na = 1\n").3,
            "invalid type: map, expected a string"
        );
    }
}
