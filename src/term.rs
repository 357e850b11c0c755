//! What the output stream can take: colour, width, box drawing. Decided
//! once, at the top, from flags and environment; styles are named by what
//! they mean, not by hue.

use crate::cli::{ColorChoice, Format, GlobalArgs};
use owo_colors::{OwoColorize, Style};
use std::ffi::OsString;
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
        let color = wants_color(args.color, args.format, is_tty, &env);
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

/// The colour policy. Only text is ever coloured: JSON, TSV and diagrams
/// are for programs, so not even `--color always` puts escapes in them.
/// `--color always` and `never` win over the environment; `auto` colours a
/// terminal unless `NO_COLOR` is set (non-empty) or `TERM` is `dumb`, and
/// `CLICOLOR_FORCE` (non-empty, not `0`) colours even a pipe. `env` returns
/// a variable's value, `None` when unset or empty.
pub fn wants_color(
    choice: ColorChoice,
    format: Format,
    is_tty: bool,
    env: &dyn Fn(&str) -> Option<OsString>,
) -> bool {
    if format != Format::Text {
        return false;
    }
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let forced = env("CLICOLOR_FORCE").is_some_and(|v| v != "0");
            let dumb = env("TERM").is_some_and(|v| v == "dumb");
            forced || (is_tty && env("NO_COLOR").is_none() && !dumb)
        }
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(choice: ColorChoice, format: Format, tty: bool, vars: &[(&str, &str)]) -> bool {
        let env = |k: &str| {
            vars.iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| OsString::from(*v))
                .filter(|v| !v.is_empty())
        };
        wants_color(choice, format, tty, &env)
    }

    #[test]
    fn auto_colours_a_terminal_only() {
        assert!(decide(ColorChoice::Auto, Format::Text, true, &[]));
        assert!(!decide(ColorChoice::Auto, Format::Text, false, &[]));
    }

    #[test]
    fn no_color_and_dumb_terminals_turn_auto_off() {
        let t = Format::Text;
        assert!(!decide(ColorChoice::Auto, t, true, &[("NO_COLOR", "1")]));
        // An empty NO_COLOR counts as unset.
        assert!(decide(ColorChoice::Auto, t, true, &[("NO_COLOR", "")]));
        assert!(!decide(ColorChoice::Auto, t, true, &[("TERM", "dumb")]));
        assert!(decide(ColorChoice::Auto, t, true, &[("TERM", "xterm")]));
    }

    #[test]
    fn clicolor_force_colours_a_pipe_unless_zero() {
        let t = Format::Text;
        assert!(decide(
            ColorChoice::Auto,
            t,
            false,
            &[("CLICOLOR_FORCE", "1")]
        ));
        assert!(!decide(
            ColorChoice::Auto,
            t,
            false,
            &[("CLICOLOR_FORCE", "0")]
        ));
        assert!(!decide(
            ColorChoice::Auto,
            t,
            false,
            &[("CLICOLOR_FORCE", "")]
        ));
    }

    #[test]
    fn flags_beat_the_environment() {
        let t = Format::Text;
        let force = [("CLICOLOR_FORCE", "1")];
        assert!(!decide(ColorChoice::Never, t, true, &force));
        assert!(decide(ColorChoice::Always, t, false, &[("NO_COLOR", "1")]));
        assert!(decide(ColorChoice::Always, t, false, &[("TERM", "dumb")]));
    }

    #[test]
    fn machine_formats_are_never_coloured() {
        for f in [Format::Json, Format::Tsv, Format::Mermaid, Format::Dot] {
            assert!(!decide(ColorChoice::Always, f, true, &[]));
            assert!(!decide(
                ColorChoice::Auto,
                f,
                true,
                &[("CLICOLOR_FORCE", "1")]
            ));
        }
    }
}
