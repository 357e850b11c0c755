//! The one error type of the program, with the exit code each error maps to.

use crate::validate::Diagnostic;
use std::fmt;

/// Exit codes, documented in `--help` and the README.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// Nothing found: an unknown or ambiguous role, no search results, no route.
    pub const NOT_FOUND: u8 = 1;
    /// Usage error: a bad flag, argument or combination.
    pub const USAGE: u8 = 2;
    /// Invalid data: a role or source file that fails validation.
    pub const INVALID_DATA: u8 = 3;
    /// I/O error: output could not be written, a file could not be read.
    pub const IO: u8 = 4;
}

#[derive(Debug)]
pub enum Error {
    /// A role name matched nothing. `suggestions` are the closest ids.
    UnknownRole {
        query: String,
        suggestions: Vec<(String, String)>,
    },
    /// A role name matched several roles equally well.
    AmbiguousRole {
        query: String,
        candidates: Vec<(String, String)>,
    },
    /// A query found nothing (search, skills --find, path).
    NoResults(String),
    /// The arguments make no sense together.
    Usage(String),
    /// Data files failed validation.
    InvalidData(Vec<Diagnostic>),
    /// Data files or directories could not be read (missing, permission
    /// denied, I/O error); any problems of the other kind are listed too.
    Unreadable(Vec<Diagnostic>),
    /// A stored role or index of the catalog does not decode: the cache
    /// (`in_cache`, which is then removed) or the binary is damaged.
    Damaged { what: String, in_cache: bool },
    /// Reading or writing failed.
    Io {
        context: String,
        source: std::io::Error,
    },
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::UnknownRole { .. } | Error::AmbiguousRole { .. } | Error::NoResults(_) => {
                exit::NOT_FOUND
            }
            Error::Usage(_) => exit::USAGE,
            Error::InvalidData(_) => exit::INVALID_DATA,
            Error::Unreadable(_) | Error::Io { .. } | Error::Damaged { .. } => exit::IO,
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownRole { query, suggestions } => {
                write!(f, "no role matches `{}`", quoted(query))?;
                if !suggestions.is_empty() {
                    write!(f, "\n\ndid you mean:")?;
                    write_entries(f, suggestions)?;
                }
                write!(f, "\n\n`careers list` shows every role.")
            }
            Error::AmbiguousRole { query, candidates } => {
                write!(
                    f,
                    "`{}` matches {} roles; say which:",
                    quoted(query),
                    candidates.len()
                )?;
                write_entries(f, candidates)
            }
            Error::NoResults(what) => write!(f, "{what}"),
            Error::Usage(what) => write!(f, "{what}"),
            Error::InvalidData(problems) => write_problems(f, "invalid data", problems),
            Error::Unreadable(problems) => write_problems(f, "cannot read the data", problems),
            Error::Io { context, source } => write!(f, "{context}: {source}"),
            Error::Damaged {
                what,
                in_cache: true,
            } => write!(
                f,
                "reading the catalog cache: {what} does not decode; \
                 the cache was removed: run the command again"
            ),
            Error::Damaged {
                what,
                in_cache: false,
            } => write!(
                f,
                "reading the bundled catalog: {what} does not decode; \
                 this build of careers is damaged"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// "HEADLINE: N problems" and one line per problem.
fn write_problems(
    f: &mut fmt::Formatter<'_>,
    headline: &str,
    problems: &[Diagnostic],
) -> fmt::Result {
    let n = problems.len();
    write!(
        f,
        "{headline}: {n} problem{}",
        if n == 1 { "" } else { "s" }
    )?;
    for p in problems {
        write!(f, "\n  {p}")?;
    }
    Ok(())
}

/// Entries as aligned columns, `  id  title`, the titles starting where
/// the longest id ends (at least column 37, as before long ids existed).
fn write_entries(f: &mut fmt::Formatter<'_>, entries: &[(String, String)]) -> fmt::Result {
    // Ids in full, never shortened: they are there to be typed.
    let ids: Vec<String> = entries
        .iter()
        .map(|(id, _)| crate::clean::clean(id).into_owned())
        .collect();
    let width = ids
        .iter()
        .map(|id| id.chars().count())
        .max()
        .unwrap_or(0)
        .max(34);
    for (id, (_, title)) in ids.iter().zip(entries) {
        write!(f, "\n  {id:<width$} {}", quoted(title))?;
    }
    Ok(())
}

/// The most characters of a user's text (a role argument, a title) quoted
/// in a message; a 10 KB argument is not echoed back whole.
const QUOTE_MAX_CHARS: usize = 80;

/// User text as a message quotes it: on one line, control characters
/// visible (a title's newline must not break the message's layout), and
/// shortened past [`QUOTE_MAX_CHARS`].
pub fn quoted(text: &str) -> String {
    let clean = crate::clean::clean(text);
    if clean.chars().count() <= QUOTE_MAX_CHARS {
        return clean.into_owned();
    }
    let mut short: String = clean.chars().take(QUOTE_MAX_CHARS - 1).collect();
    short.push('…');
    short
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
