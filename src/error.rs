//! The one error type of the program, with the exit code each error maps to.

use crate::validate::Diagnostic;

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

/// Every error of the program; its message is what `careers:` prints
/// (with control characters made visible) and [`Error::exit_code`] the
/// status.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A role name matched nothing. `suggestions` are the closest ids.
    #[error("{}", unknown_role(query, suggestions))]
    UnknownRole {
        query: String,
        suggestions: Vec<(String, String)>,
    },
    /// A role name matched several roles equally well.
    #[error("{}", ambiguous_role(query, candidates))]
    AmbiguousRole {
        query: String,
        candidates: Vec<(String, String)>,
    },
    /// A query found nothing (search, skills --find, path).
    #[error("{0}")]
    NoResults(String),
    /// The arguments make no sense together.
    #[error("{0}")]
    Usage(String),
    /// Data files failed validation.
    #[error("{}", problems("invalid data", .0))]
    InvalidData(Vec<Diagnostic>),
    /// Data files or directories could not be read (missing, permission
    /// denied, I/O error); any problems of the other kind are listed too.
    #[error("{}", problems("cannot read the data", .0))]
    Unreadable(Vec<Diagnostic>),
    /// A stored role or index of the catalog does not decode: the cache
    /// (`in_cache`, which is then removed) or the binary is damaged.
    #[error(
        "{}: {what} does not decode; {}",
        if *in_cache { "reading the catalog cache" } else { "reading the bundled catalog" },
        if *in_cache { "the cache was removed: run the command again" } else { "this build of careers is damaged" }
    )]
    Damaged { what: String, in_cache: bool },
    /// Reading or writing failed.
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
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

/// "no role matches `q`", the closest roles, and where to look.
fn unknown_role(query: &str, suggestions: &[(String, String)]) -> String {
    let mut s = format!("no role matches `{}`", quoted(query));
    if !suggestions.is_empty() {
        s.push_str("\n\ndid you mean:");
        s.push_str(&entries(suggestions));
    }
    s.push_str("\n\n`careers list` shows every role.");
    s
}

/// The most candidates an ambiguous name lists; the rest are counted.
const CANDIDATES_SHOWN: usize = 12;

/// "`q` matches N roles; say which:" and the first candidates.
fn ambiguous_role(query: &str, candidates: &[(String, String)]) -> String {
    let shown = &candidates[..candidates.len().min(CANDIDATES_SHOWN)];
    let mut s = format!(
        "`{}` matches {} roles; say which:{}",
        quoted(query),
        candidates.len(),
        entries(shown)
    );
    if let Some(more) = candidates.len().checked_sub(shown.len()).filter(|n| *n > 0) {
        s.push_str(&format!(
            "\n  ... and {more} more: `careers search {} --limit 0` lists every match.",
            shell_word(query)
        ));
    }
    s
}

/// `text` as one shell word: as it is when it is plain, else in single
/// quotes.
fn shell_word(text: &str) -> String {
    let text = quoted(text);
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "-_.,/:+=@".contains(c))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// "HEADLINE: N problems" and one line per problem.
fn problems(headline: &str, problems: &[Diagnostic]) -> String {
    let n = problems.len();
    let mut s = format!("{headline}: {n} problem{}", if n == 1 { "" } else { "s" });
    for p in problems {
        s.push_str(&format!("\n  {p}"));
    }
    s
}

/// The column the titles of a candidate list start at (ids take 34).
const ID_COLUMN: usize = 34;

/// Entries as aligned columns, `  id  title`, the titles starting at
/// column 37; when an id is longer than that, every title goes on a line
/// of its own under its id, so that no line is much wider than 80 columns.
pub(crate) fn entries(entries: &[(String, String)]) -> String {
    // Ids in full, never shortened: they are there to be typed.
    let ids: Vec<String> = entries
        .iter()
        .map(|(id, _)| crate::clean::clean(id).into_owned())
        .collect();
    let long = ids.iter().any(|id| id.chars().count() > ID_COLUMN);
    let mut s = String::new();
    for (id, (_, title)) in ids.iter().zip(entries) {
        let title = quoted(title);
        if long {
            s.push_str(&format!("\n  {id}\n      {title}"));
        } else {
            s.push_str(&format!("\n  {id:<ID_COLUMN$} {title}"));
        }
    }
    s
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_quoted_for_the_shell_only_when_it_needs_it() {
        assert_eq!(shell_word("teacher"), "teacher");
        assert_eq!(shell_word("43-4051"), "43-4051");
        assert_eq!(shell_word("truck driver"), "'truck driver'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word("$(rm -rf ~)"), "'$(rm -rf ~)'");
        assert_eq!(shell_word(""), "''");
    }

    #[test]
    fn long_candidate_lists_are_cut_at_twelve_and_counted() {
        let many: Vec<(String, String)> = (0..20)
            .map(|i| (format!("role-{i}"), format!("Role {i}")))
            .collect();
        let text = ambiguous_role("truck driver", &many);
        assert_eq!(text.lines().count(), 1 + 12 + 1, "{text}");
        assert!(text.ends_with(
            "\n  ... and 8 more: `careers search 'truck driver' --limit 0` lists every match."
        ));
        let text = ambiguous_role("role", &many[..12]);
        assert!(!text.contains("more"), "{text}");
    }
}
