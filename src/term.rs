//! What the output stream can take: colour, width, box drawing. Decided
//! once, at the top, from flags and environment; styles are named by what
//! they mean, not by hue.

use crate::cli::{ColorChoice, GlobalArgs};
use owo_colors::{OwoColorize, Style};
use std::io::IsTerminal;

/// Prose is not stretched wider than this, however wide the terminal.
pub const MAX_PROSE_WIDTH: usize = 100;
/// Narrower terminals are treated as this wide.
pub const MIN_WIDTH: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Section and table headings.
    Heading,
    /// Role titles.
    Title,
    /// Numbers: pay, years, percentages.
    Figure,
    /// Conflicts between sources, unknown values.
    Warning,
    /// Source references and secondary text.
    Muted,
    /// Role ids.
    Id,
    /// Good news: growth, skills you have.
    Good,
    /// Bad news: decline, skills to gain.
    Bad,
    /// The words a search query matched.
    Match,
}

#[derive(Debug, Clone)]
pub struct Term {
    pub color: bool,
    /// Columns available for text output.
    pub width: usize,
    /// Draw with ASCII rather than Unicode box drawing.
    pub ascii: bool,
}

impl Term {
    /// Reads the flags and the environment once.
    pub fn detect(args: &GlobalArgs) -> Term {
        let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
        let is_tty = std::io::stdout().is_terminal();
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let forced = env("CLICOLOR_FORCE").is_some_and(|v| v != "0");
                let dumb = env("TERM").is_some_and(|v| v == "dumb");
                forced || (is_tty && env("NO_COLOR").is_none() && !dumb)
            }
        };
        let width = env("COLUMNS")
            .and_then(|v| v.to_str().and_then(|s| s.trim().parse::<usize>().ok()))
            .filter(|w| *w > 0)
            .or_else(|| {
                if is_tty {
                    terminal_size::terminal_size().map(|(w, _)| w.0 as usize)
                } else {
                    None
                }
            })
            .unwrap_or(80)
            .max(MIN_WIDTH);
        let utf8 = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|k| env(k))
            .map(|v| {
                let v = v.to_string_lossy().to_ascii_lowercase();
                v.contains("utf-8") || v.contains("utf8")
            })
            // No locale set at all: assume a modern UTF-8 terminal.
            .unwrap_or(true);
        Term {
            color,
            width,
            ascii: args.ascii || !utf8,
        }
    }

    /// A plain terminal for tests: no colour, the given width, Unicode.
    pub fn plain(width: usize) -> Term {
        Term {
            color: false,
            width,
            ascii: false,
        }
    }

    /// Columns for wrapped prose.
    pub fn prose_width(&self) -> usize {
        self.width.min(MAX_PROSE_WIDTH)
    }

    /// `text` in the style for `what`, or unchanged without colour.
    pub fn paint(&self, what: Paint, text: &str) -> String {
        if !self.color {
            return text.to_string();
        }
        text.style(style(what)).to_string()
    }
}

fn style(what: Paint) -> Style {
    let s = Style::new();
    match what {
        Paint::Heading => s.bold().underline(),
        Paint::Title => s.bold().cyan(),
        Paint::Figure => s.bold(),
        Paint::Warning => s.yellow(),
        Paint::Muted => s.dimmed(),
        Paint::Id => s.green(),
        Paint::Good => s.green(),
        Paint::Bad => s.red(),
        Paint::Match => s.bold().yellow(),
    }
}

/// The comfy-table colour for `what`, applied through comfy-table's own
/// API so escape bytes never count towards column widths.
pub fn table_color(what: Paint) -> (Option<comfy_table::Color>, Option<comfy_table::Attribute>) {
    use comfy_table::{Attribute, Color};
    match what {
        Paint::Heading => (None, Some(Attribute::Bold)),
        Paint::Title => (Some(Color::Cyan), Some(Attribute::Bold)),
        Paint::Figure => (None, Some(Attribute::Bold)),
        Paint::Warning => (Some(Color::Yellow), None),
        Paint::Muted => (None, Some(Attribute::Dim)),
        Paint::Id => (Some(Color::Green), None),
        Paint::Good => (Some(Color::Green), None),
        Paint::Bad => (Some(Color::Red), None),
        Paint::Match => (Some(Color::Yellow), Some(Attribute::Bold)),
    }
}
