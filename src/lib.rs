//! careers: a command-line career explorer over a bundled, sourced catalog
//! of roles: eleven curated customer-service roles and every official
//! occupation (BLS and O*NET).
//!
//! The binary is a thin wrapper around [`run`]. Layers: `cli` (arguments),
//! `catalog` (loading and indexes), `resolve` and `search` (pure lookups),
//! `commands` (one view value per command, no printing), `render` (views to
//! bytes), `error` (messages and exit codes).

// No function over clippy.toml's 150 lines (issue 13).
#![warn(clippy::too_many_lines)]

pub mod catalog;
pub mod citations;
pub mod clean;
pub mod cli;
pub mod commands;
pub mod error;
pub mod graph;
pub mod official;
pub mod pay;
pub mod render;
pub mod resolve;
pub mod search;
pub mod sections;
pub mod skillset;
#[doc(hidden)]
pub mod synthetic;
pub mod term;
pub mod wages;

// Shared with build.rs through the careers-data crate; re-exported so that
// `careers::model` and the rest keep their paths.
pub use careers_data::{model, names, parallel, searchable};

/// Validation ([`careers_data::validate`]), with the name helpers and the
/// parallel map that the program's modules import from here; their homes
/// are [`names`] and [`parallel`].
pub mod validate {
    pub use careers_data::names::{is_kebab_id, is_soc_code, normalize_name};
    pub use careers_data::parallel::map_in_parallel;
    pub use careers_data::validate::*;
}

use clap::Parser;
use error::{exit, Error};
use std::ffi::OsString;
use std::io::{self, Write};

/// Whether the process was started with descriptor 1 closed
/// (`careers list >&-`), which is not the same as a pipe whose reader
/// has gone: duplicating it fails with EBADF.
#[cfg(unix)]
fn stdout_is_closed() -> bool {
    use std::os::fd::AsFd;
    matches!(
        io::stdout().as_fd().try_clone_to_owned(),
        Err(e) if e.raw_os_error() == Some(libc::EBADF)
    )
}

#[cfg(not(unix))]
fn stdout_is_closed() -> bool {
    false
}

/// Runs the program with these arguments (the first is the program's
/// name) and returns its exit code ([`error::exit`]).
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    if stdout_is_closed() {
        // Rust's standard output drops writes to a closed descriptor
        // without a word; the output would be lost and the run look fine.
        // And the first file opened would become descriptor 1.
        let _ = writeln!(
            io::stderr().lock(),
            "careers: writing output: standard output is closed"
        );
        return exit::IO;
    }
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // A usage error: clap's message with the program's prefix, like
            // every other error (`careers: ...`), on stderr; exit 2.
            let text = e.render().to_string();
            let text = match text.strip_prefix("error: ") {
                Some(rest) => format!("careers: {rest}"),
                None => text,
            };
            let _ = io::stderr().lock().write_all(text.as_bytes());
            return exit::USAGE;
        }
        Err(e) => {
            // Help and version go to stdout and exit 0.
            let code = exit::OK;
            if let Err(err) = e.print().and_then(|()| io::stdout().flush()) {
                // Help that cannot be written to a full disk is an I/O error;
                // a reader that went away (`careers --help | head -1`) is not.
                if code == exit::OK && err.kind() != io::ErrorKind::BrokenPipe {
                    let _ = writeln!(io::stderr().lock(), "careers: writing output: {err}");
                    return exit::IO;
                }
            }
            return code;
        }
    };
    let term = term::Term::detect(&cli.global);
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let mut notes = Vec::new();
    let result = commands::dispatch(&cli, &term, &mut out, &mut notes);
    // What a name was taken for, before the output it led to (which is
    // still in the buffer unless it is long) and before any error.
    for note in notes {
        let note = clean::clean_message(&note);
        let _ = writeln!(io::stderr().lock(), "careers: {note}");
    }
    let result = result.and_then(|()| out.flush().map_err(|e| Error::io("writing output", e)));
    match result {
        Ok(()) => exit::OK,
        // The reader went away (`careers ladder | head -1`): not an error.
        Err(Error::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            // Whatever is still buffered belongs to a failed command: drop
            // it unwritten (dropping a BufWriter would flush it).
            let _ = out.into_parts();
            let message = clean::clean_message(&e.to_string());
            let _ = writeln!(io::stderr().lock(), "careers: {message}");
            e.exit_code()
        }
    }
}
