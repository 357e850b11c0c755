//! Turning view values into bytes: text for people (tables, colour,
//! wrapping), JSON and TSV for scripts, Mermaid and DOT for diagrams.
//! Renderers compute nothing; they only lay out what commands produced.

pub mod compare;
pub mod diagram;
pub mod ladder;
pub mod list;
pub mod official;
pub mod path;
pub mod rank;
pub mod salary;
pub mod search;
pub mod shell;
pub mod show;
pub mod skills;
pub mod text;
pub mod top;
pub mod tsv;

use crate::error::{Error, Result};
use crate::term::Term;
use serde::Serialize;
use std::io::{self, Write};

/// An output format (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people: tables, wrapped prose, colour.
    Text,
    Json,
    Tsv,
    /// Diagrams, for the views that are graphs.
    Mermaid,
    Dot,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Json,
        Format::Tsv,
        Format::Mermaid,
        Format::Dot,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Tsv => "tsv",
            Format::Mermaid => "mermaid",
            Format::Dot => "dot",
        }
    }
}

/// A view value that can be printed in every format.
pub trait Render: Serialize {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()>;
    fn tsv(&self, out: &mut dyn Write) -> io::Result<()>;
    /// Mermaid or DOT, for the views that are graphs.
    fn diagram(&self, _format: Format, _out: &mut dyn Write) -> Option<io::Result<()>> {
        None
    }
}

/// Writes `view` in `format`.
pub fn emit<V: Render>(view: &V, format: Format, term: &Term, out: &mut dyn Write) -> Result<()> {
    let written = match format {
        Format::Text => view.text(out, term),
        Format::Tsv => view.tsv(out),
        Format::Json => serde_json::to_writer_pretty(&mut *out, view)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Mermaid | Format::Dot => match view.diagram(format, out) {
            Some(r) => r,
            None => {
                return Err(Error::Usage(format!(
                    "--format {} is only for `careers ladder` and `careers path`",
                    format.name()
                )))
            }
        },
    };
    written.map_err(|e| Error::io("writing output", e))
}
