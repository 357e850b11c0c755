//! Parsing and validating role and source files.
//!
//! The same rules run at build time (`build.rs` includes this file and
//! `model.rs`) and at run time for user data, so a bundled file and a user
//! file are held to one standard. Every problem becomes a [`Diagnostic`]
//! naming the file, line, column and field; checks collect every problem
//! rather than stopping at the first.

use crate::model::{Role, Salary, Source, SourcesFile};
use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based; 0 when the problem is the file as a whole.
    pub line: usize,
    pub column: usize,
    /// Dotted path of the field (`salary[0].median`), when there is one.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", Escaped(&self.file))?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        match &self.field {
            Some(field) => write!(
                f,
                ": field `{}`: {}",
                Escaped(field),
                Escaped(&self.message)
            ),
            None => write!(f, ": {}", Escaped(&self.message)),
        }
    }
}

/// Text from a user's file (names, keys, values quoted in messages) shown
/// with control characters as visible `\u{..}` escapes, so that one
/// diagnostic is always one line and never drives the terminal.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control() {
                write!(f, "\\u{{{:x}}}", c as u32)?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

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

fn path(key: &str) -> FieldPath {
    FieldPath::default().key(key)
}

/// The most a single data file may weigh. Enforced before reading it.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

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
    fn tree(&self) -> Option<&Spanned<DeTable<'a>>> {
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
    fn report_at_key(&self, out: &mut Vec<Diagnostic>, key_at: usize, message: String) {
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

    /// Deserializes the document into `T` and runs the checks that need no
    /// other file: blank strings and non-finite numbers anywhere. Also
    /// returns the references to other files' ids, for the checks that
    /// need the whole catalog.
    fn decode<T: serde::de::DeserializeOwned>(
        &mut self,
    ) -> Result<(T, Vec<Ref<'a>>), Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let refs = match self.tree.get() {
            Some(tree) => self.scan(tree.get_ref(), &mut problems),
            None => Vec::new(),
        };
        let Some(tree) = self.tree.take() else {
            return Err(vec![self.at_path(&FieldPath::default(), "not parsed")]);
        };
        match T::deserialize(toml::de::Deserializer::from(tree)) {
            Ok(v) if problems.is_empty() => Ok((v, refs)),
            Ok(_) => {
                problems.extend(self.unlisted_note());
                Err(problems)
            }
            Err(err) => {
                let offset = err.span().map_or(0, |s| s.start);
                let mut d = self.at_offset(offset, one_line(err.message()));
                // serde names the offending field in its message; prefer it
                // when the span points at the enclosing table.
                if let Some(name) = backticked(err.message()) {
                    d.field = Some(match d.field.take() {
                        Some(parent) if !parent.ends_with(&name) => format!("{parent}.{name}"),
                        Some(parent) => parent,
                        None => name,
                    });
                }
                problems.insert(0, d);
                problems.extend(self.unlisted_note());
                Err(problems)
            }
        }
    }

    /// One pass over the tree: reports blank strings and non-finite
    /// numbers, and collects the strings under keys named `source` and
    /// `role`. Paths are borrowed while walking and made into a
    /// [`FieldPath`] only for a problem: building one per value was most
    /// of the validation time.
    fn scan(&self, tree: &DeTable<'a>, problems: &mut Vec<Diagnostic>) -> Vec<Ref<'a>> {
        let mut refs = Vec::new();
        walk_values(
            tree,
            &mut Vec::new(),
            &mut |path, key_at, value| match value.get_ref() {
                DeValue::String(s) => {
                    if s.trim().is_empty() {
                        self.report(problems, &owned_path(path), "must not be empty");
                    }
                    let kind = match path.last() {
                        Some(Step::Key("source")) => Some(RefKind::Source),
                        Some(Step::Key("role")) => Some(RefKind::Role),
                        _ => None,
                    };
                    if let (Some(kind), Some(key_at)) = (kind, key_at) {
                        refs.push(Ref {
                            kind,
                            id: s.clone(),
                            key_at,
                        });
                    }
                }
                DeValue::Float(f) => {
                    let raw = f.as_str();
                    if raw.contains("inf") || raw.contains("nan") {
                        self.report(
                            problems,
                            &owned_path(path),
                            format!("must be a finite number, not {raw}"),
                        );
                    }
                }
                _ => {}
            },
        );
        refs
    }
}

/// What a reference names: a source or a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RefKind {
    Source,
    Role,
}

/// A string under a key named `source` or `role`: the id of a source or
/// role that must exist once the whole catalog is known.
struct Ref<'a> {
    kind: RefKind,
    id: Cow<'a, str>,
    /// Where its key starts, to place a problem.
    key_at: usize,
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
enum Step<'t> {
    Key(&'t str),
    Index(usize),
}

fn owned_path(steps: &[Step<'_>]) -> FieldPath {
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
type Visit<'f, 't, 'a> = dyn FnMut(&[Step<'t>], Option<usize>, &'t Spanned<DeValue<'a>>) + 'f;

/// Calls `f` on every value in the tree, depth first.
fn walk_values<'t, 'a>(
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
fn span_of(root: &Spanned<DeTable<'_>>, path: &[Seg]) -> Option<Range<usize>> {
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

/// True for lowercase kebab-case: `a-z0-9` words joined by single hyphens.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The form names are compared in: lowercase letters and digits, words
/// separated by one space. "Customer-Service_ASSOCIATE" and
/// "customer service associate" are the same name.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// A role file parsed and checked on its own, kept with its document.
pub struct RoleDoc<'a> {
    pub doc: Doc<'a>,
    pub role: Role,
    /// The ids it refers to, checked once the whole catalog is known.
    refs: Vec<Ref<'a>>,
    /// Its names, normalized while parsing runs in parallel rather than
    /// one role after another in [`check_names`].
    names: Names,
}

/// A role's id, title and aliases in the form names are compared in
/// ([`normalize_name`]).
struct Names {
    id: String,
    title: String,
    /// Parallel to the role's `aliases`.
    aliases: Vec<String>,
}

impl Names {
    fn of(role: &Role) -> Names {
        Names {
            id: normalize_name(&role.id),
            title: normalize_name(&role.title),
            aliases: role
                .aliases
                .iter()
                .map(|a| normalize_name(&a.name))
                .collect(),
        }
    }
}

/// Parses and checks one role file. `stem` is the file name without
/// `.toml`, which must equal the role's id.
pub fn parse_role<'a>(
    file: &str,
    stem: &str,
    text: &'a str,
) -> Result<RoleDoc<'a>, Vec<Diagnostic>> {
    let mut doc = Doc::parse(file, text).map_err(|d| vec![d])?;
    let (role, refs): (Role, _) = doc.decode()?;
    let mut problems = check_role(&doc, stem, &role);
    if problems.is_empty() {
        let names = Names::of(&role);
        Ok(RoleDoc {
            doc,
            role,
            refs,
            names,
        })
    } else {
        problems.extend(doc.unlisted_note());
        Err(problems)
    }
}

/// Parses and checks a `sources.toml`.
pub fn parse_sources<'a>(
    file: &str,
    text: &'a str,
) -> Result<(Doc<'a>, Vec<Source>), Vec<Diagnostic>> {
    let mut doc = Doc::parse(file, text).map_err(|d| vec![d])?;
    let (parsed, _): (SourcesFile, _) = doc.decode()?;
    let mut problems = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, s) in parsed.source.iter().enumerate() {
        let p = path("source").index(i).key("id");
        if !is_kebab_id(&s.id) {
            doc.report(
                &mut problems,
                &p,
                format!("`{}` is not a lowercase kebab-case id", s.id),
            );
        }
        if let Some(first) = seen.insert(&s.id, i) {
            doc.report(
                &mut problems,
                &p,
                format!("duplicate source id `{}` (also source[{first}])", s.id),
            );
        }
    }
    if problems.is_empty() {
        Ok((doc, parsed.source))
    } else {
        problems.extend(doc.unlisted_note());
        Err(problems)
    }
}

fn check_role(doc: &Doc<'_>, stem: &str, role: &Role) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !is_kebab_id(&role.id) {
        doc.report(
            &mut out,
            &path("id"),
            format!(
                "`{}` is not a lowercase kebab-case id (like `customer-service-associate`)",
                role.id
            ),
        );
    } else if role.id != stem {
        doc.report(
            &mut out,
            &path("id"),
            format!(
                "id `{}` does not match the file name `{stem}.toml`",
                role.id
            ),
        );
    }
    for (i, s) in role.salary.iter().enumerate() {
        check_salary(doc, &path("salary").index(i), s, &mut out);
    }
    for (i, e) in role.experience.iter().enumerate() {
        check_years(
            doc,
            &path("experience").index(i),
            e.min_years,
            e.max_years,
            &mut out,
        );
    }
    for (i, l) in role.ladder.iter().enumerate() {
        let lp = path("ladder").index(i);
        if l.tiers.is_empty() {
            doc.report(
                &mut out,
                &lp.clone().key("tiers"),
                "a ladder needs at least one tier",
            );
        }
        for (j, t) in l.tiers.iter().enumerate() {
            check_years(
                doc,
                &lp.clone().key("tiers").index(j),
                Some(t.min_years),
                t.max_years,
                &mut out,
            );
        }
    }
    for (i, m) in role.moves.iter().enumerate() {
        let mp = path("moves").index(i);
        check_years(doc, &mp, m.min_years, m.max_years, &mut out);
        if m.role.as_deref() == Some(role.id.as_str()) {
            doc.report(
                &mut out,
                &mp.key("role"),
                "a move cannot lead back to the same role",
            );
        }
    }
    for (i, f) in role.figures.iter().enumerate() {
        let fp = path("figures").index(i);
        for (name, v) in [("min", f.min), ("max", f.max)] {
            if let Some(v) = v {
                if v < 0.0 {
                    doc.report(
                        &mut out,
                        &fp.clone().key(name),
                        format!("must not be negative, got {v}"),
                    );
                }
            }
        }
        if let (Some(lo), Some(hi)) = (f.min, f.max) {
            if lo > hi {
                doc.report(
                    &mut out,
                    &fp.key("min"),
                    format!("min {lo} is above max {hi}"),
                );
            }
        }
    }
    for (i, link) in role.soc.iter().enumerate() {
        let sp = path("soc").index(i);
        if !is_soc_code(&link.code) {
            doc.report(
                &mut out,
                &sp.clone().key("code"),
                format!("`{}` is not a SOC code like 43-4051", link.code),
            );
        }
        if link.source.is_none() && link.reason.is_none() {
            doc.report(&mut out, &sp, "a SOC link needs a `source` or a `reason`");
        }
    }
    out
}

/// `NN-NNNN`.
pub fn is_soc_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 7
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

fn check_years(
    doc: &Doc<'_>,
    at: &FieldPath,
    min: Option<u32>,
    max: Option<u32>,
    out: &mut Vec<Diagnostic>,
) {
    if let (Some(lo), Some(hi)) = (min, max) {
        if lo > hi {
            doc.report(
                out,
                &at.clone().key("min_years"),
                format!("min_years {lo} is above max_years {hi}"),
            );
        }
    }
}

fn check_salary(doc: &Doc<'_>, at: &FieldPath, s: &Salary, out: &mut Vec<Diagnostic>) {
    if s.currency.len() != 3 || !s.currency.bytes().all(|b| b.is_ascii_uppercase()) {
        doc.report(
            out,
            &at.clone().key("currency"),
            format!("`{}` is not an ISO 4217 currency code like USD", s.currency),
        );
    }
    let mut figures: Vec<(FieldPath, f64)> = Vec::new();
    for (name, v) in [
        ("median", s.median),
        ("average", s.average),
        ("entry", s.entry),
        ("mid", s.mid),
        ("senior", s.senior),
        ("top_10_percent_from", s.top_10_percent_from),
    ] {
        if let Some(v) = v {
            figures.push((at.clone().key(name), v));
        }
    }
    for (name, r) in [("range", s.range), ("entry_range", s.entry_range)] {
        if let Some(r) = r {
            figures.push((at.clone().key(name).key("min"), r.min));
            figures.push((at.clone().key(name).key("max"), r.max));
            if r.min > r.max {
                doc.report(
                    out,
                    &at.clone().key(name).key("min"),
                    format!("min {} is above max {}", r.min, r.max),
                );
            }
        }
    }
    for (p, v) in &figures {
        if *v < 0.0 {
            doc.report(out, p, format!("pay must not be negative, got {v}"));
        }
    }
    if let (Some(r), Some(m)) = (s.range, s.median) {
        if m < r.min || m > r.max {
            doc.report(
                out,
                &at.clone().key("median"),
                format!("median {m} lies outside the range {}-{}", r.min, r.max),
            );
        }
    }
    let tiers = [("entry", s.entry), ("mid", s.mid), ("senior", s.senior)];
    let known: Vec<_> = tiers
        .iter()
        .filter_map(|(n, v)| v.map(|v| (*n, v)))
        .collect();
    for pair in known.windows(2) {
        if pair[0].1 > pair[1].1 {
            doc.report(
                out,
                &at.clone().key(pair[1].0),
                format!(
                    "{} {} is below {} {}",
                    pair[1].0, pair[1].1, pair[0].0, pair[0].1
                ),
            );
        }
    }
}

/// Where a role came from, for messages.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: String,
}

/// The checks that need the whole catalog: duplicate ids, alias collisions,
/// and references to roles and sources that do not exist. `docs` are the
/// role files being checked; `known_roles` and `known_sources` hold every id
/// in the catalog (these files' and any others').
pub fn check_references(
    docs: &[RoleDoc<'_>],
    known_roles: &(dyn Fn(&str) -> bool + Sync),
    known_sources: &(dyn Fn(&str) -> bool + Sync),
) -> Vec<Diagnostic> {
    // The look-ups run on all cores: a few dozen per role, most of them a
    // cache miss on another role's id. Only the unknown ones come back,
    // to be reported in order here.
    let per_doc: Vec<&[Ref<'_>]> = docs.iter().map(|rd| rd.refs.as_slice()).collect();
    let unknown = map_in_parallel(&per_doc, |refs| {
        refs.iter()
            .filter(|r| match r.kind {
                RefKind::Source => !known_sources(&r.id),
                RefKind::Role => !known_roles(&r.id),
            })
            .collect::<Vec<_>>()
    });
    let mut out = Vec::new();
    for (rd, unknown) in docs.iter().zip(unknown) {
        // Sources first, then roles, each in document order.
        let of_kind = |kind| unknown.iter().filter(move |r| r.kind == kind);
        for r in of_kind(RefKind::Source) {
            let message = format!("unknown source `{}` (not in any sources.toml)", r.id);
            rd.doc.report_at_key(&mut out, r.key_at, message);
        }
        for r in of_kind(RefKind::Role) {
            let message = format!("unknown role `{}`", r.id);
            rd.doc.report_at_key(&mut out, r.key_at, message);
        }
    }
    out
}

/// Duplicate ids among `docs`, and names (id, title, alias) of one role
/// that equal another role's. `others` are names already in the catalog
/// from elsewhere (bundled roles a user file does not replace), as
/// (normalized name, role id).
pub fn check_names(docs: &[RoleDoc<'_>], others: &[(String, String)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut ids: HashMap<&str, &RoleDoc<'_>> = HashMap::with_capacity(docs.len());
    for rd in docs {
        if let Some(first) = ids.insert(&rd.role.id, rd) {
            rd.doc.report(
                &mut out,
                &path("id"),
                format!(
                    "duplicate role id `{}` (also defined in {})",
                    rd.role.id, first.doc.file
                ),
            );
        }
    }
    // Borrowed names and ids: tens of thousands of them, not worth a copy.
    let mut owners: HashMap<&str, &str> = HashMap::with_capacity(others.len() + 3 * docs.len());
    owners.extend(others.iter().map(|(name, id)| (name.as_str(), id.as_str())));
    for rd in docs {
        owners.insert(&rd.names.id, &rd.role.id);
        owners.insert(&rd.names.title, &rd.role.id);
    }
    for rd in docs {
        for (i, (alias, key)) in rd.role.aliases.iter().zip(&rd.names.aliases).enumerate() {
            match owners.get(key.as_str()) {
                Some(&owner) if owner != rd.role.id => rd.doc.report(
                    &mut out,
                    &path("aliases").index(i).key("name"),
                    format!(
                        "alias `{}` is already the id or title of role `{owner}`",
                        alias.name
                    ),
                ),
                _ => {
                    owners.insert(key, &rd.role.id);
                }
            }
        }
    }
    out
}

/// A data file's name (as shown in messages) and its text.
pub struct FileText {
    pub file: String,
    pub text: String,
}

impl FileText {
    /// The file name without directories and `.toml` (in any case: the
    /// loader reads `a.TOML` too).
    pub fn stem(&self) -> &str {
        let name = self.file.rsplit(['/', '\\']).next().unwrap_or(&self.file);
        match name.len().checked_sub(".toml".len()) {
            Some(cut)
                if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(".toml") =>
            {
                &name[..cut]
            }
            _ => name,
        }
    }
}

/// What the files being checked may refer to beyond themselves: the
/// bundled catalog, when user data is layered on top of it.
#[derive(Default)]
pub struct Base {
    pub role_ids: Vec<String>,
    pub source_ids: Vec<String>,
    /// (normalized name, role id) for every id, title and alias.
    pub names: Vec<(String, String)>,
    /// The SOC codes of the official wage tables; SOC links must name one.
    /// Empty: not checked.
    pub soc_codes: Vec<String>,
}

/// Parses and checks a set of source files and role files together,
/// returning every problem found. On success, the sources and roles in
/// file order.
pub fn check_set(
    source_files: &[FileText],
    role_files: &[FileText],
    base: &Base,
) -> Result<(Vec<Source>, Vec<Role>), Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut sources = Vec::new();
    for f in source_files {
        match parse_sources(&f.file, strip_bom(&f.text)) {
            Ok((_, s)) => sources.extend(s),
            Err(d) => problems.extend(d),
        }
    }
    // Sets, not scans: with thousands of roles, each with several links,
    // linear lookups made this quadratic (seconds for 10,000 roles).
    let all_sources: HashSet<&str> = base
        .source_ids
        .iter()
        .map(String::as_str)
        .chain(sources.iter().map(|s: &Source| s.id.as_str()))
        .collect();
    let source_known = |id: &str| all_sources.contains(id);
    // Filtered where they lie (the results' buffer is reused): ten thousand
    // parsed roles take megabytes, and a second buffer was as big again.
    let docs: Vec<RoleDoc<'_>> = parse_roles(role_files, &source_known)
        .into_iter()
        .filter_map(|parsed| parsed.map_err(|d| problems.extend(d)).ok())
        .collect();
    let doc_ids: HashSet<&str> = docs.iter().map(|d| d.role.id.as_str()).collect();
    let base_roles: HashSet<&str> = base.role_ids.iter().map(String::as_str).collect();
    // Roles from the base that these files replace no longer own their names.
    let others: Vec<(String, String)> = base
        .names
        .iter()
        .filter(|(_, id)| !doc_ids.contains(id.as_str()))
        .cloned()
        .collect();
    problems.extend(check_names(&docs, &others));
    let role_known = |id: &str| base_roles.contains(id) || doc_ids.contains(id);
    problems.extend(check_references(&docs, &role_known, &source_known));
    if !base.soc_codes.is_empty() {
        let codes: HashSet<&str> = base.soc_codes.iter().map(String::as_str).collect();
        for rd in &docs {
            for (i, link) in rd.role.soc.iter().enumerate() {
                if is_soc_code(&link.code) && !codes.contains(link.code.as_str()) {
                    problems.push(rd.doc.at_path(
                        &path("soc").index(i).key("code"),
                        format!(
                            "`{}` is not an occupation of the BLS wage tables (May 2025)",
                            link.code
                        ),
                    ));
                }
            }
        }
    }
    problems.extend(docs.iter().filter_map(|d| d.doc.unlisted_note()));
    if problems.is_empty() {
        Ok((sources, docs.into_iter().map(|d| d.role).collect()))
    } else {
        Err(problems)
    }
}

/// Parses and checks each role file on its own, in file order, across the
/// available cores: parsing is most of the time a first load of thousands
/// of files takes.
///
/// References to sources are checked here against `source_known` (the
/// sources are all parsed by now) and only the unknown ones kept: most
/// references name a source, and keeping them all held ~13 MB for 10,000
/// roles until the cross-file checks.
fn parse_roles<'a>(
    files: &'a [FileText],
    source_known: &(dyn Fn(&str) -> bool + Sync),
) -> Vec<Result<RoleDoc<'a>, Vec<Diagnostic>>> {
    map_in_parallel(files, |f| {
        let mut rd = parse_role(&f.file, f.stem(), strip_bom(&f.text))?;
        rd.refs
            .retain(|r| r.kind != RefKind::Source || !source_known(&r.id));
        rd.refs.shrink_to_fit();
        Ok(rd)
    })
}

/// `f` on every item, results in the items' order. Sets of 256 items or
/// more are shared among up to 8 threads, which take batches from a common
/// counter: a thread slowed down (by a busy machine, or bigger files) leaves
/// the rest of the work to the others instead of holding up the result.
pub fn map_in_parallel<'a, T: Sync, R: Send>(
    items: &'a [T],
    f: impl Fn(&'a T) -> R + Sync,
) -> Vec<R> {
    const BATCH: usize = 32;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 || items.len() < 256 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let start = next.fetch_add(BATCH, Ordering::Relaxed);
            if start >= items.len() {
                return done;
            }
            let batch = &items[start..(start + BATCH).min(items.len())];
            done.push((start, batch.iter().map(&f).collect::<Vec<_>>()));
        }
    };
    let mut batches = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        // This thread works too rather than wait: one thread fewer to
        // start, and its allocations come from the main heap, which grows
        // in large steps (a new thread's heap grows a page at a time, one
        // system call each).
        let mut batches = work();
        for helper in helpers {
            batches.extend(
                helper
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            );
        }
        batches
    });
    batches.sort_unstable_by_key(|&(start, _)| start);
    // Sized exactly: collecting the flattened batches grew by doubling.
    let mut all = Vec::with_capacity(items.len());
    for (_, results) in batches {
        all.extend(results);
    }
    all
}

/// A UTF-8 byte-order mark at the start of a file is allowed and ignored.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
