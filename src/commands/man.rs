//! `careers man`: one roff man page for the program and every subcommand,
//! generated from the same definitions as `--help`.
//!
//! clap_mangen renders the title, name, synopsis and option lists; the
//! examples, exit status, environment and the per-command sections are
//! written here, since clap_mangen would fill the help's preformatted
//! blocks into one paragraph.

use crate::cli::{Cli, EXIT_CODES};
use crate::error::{Error, Result};
use clap::CommandFactory;
use clap_mangen::Man;
use std::io::{self, Write};

/// The man page (roff), for the caller to write.
pub fn page() -> Result<Vec<u8>> {
    let mut page = Vec::new();
    render(&mut page).map_err(|e| Error::io("rendering the man page", e))?;
    Ok(page)
}

/// The whole page.
pub fn render(w: &mut dyn Write) -> io::Result<()> {
    let root = compact_values(Cli::command());
    let man = Man::new(root.clone());
    man.render_title(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    man.render_description_section(w)?;
    writeln!(
        w,
        ".PP\n{}",
        escape(
            "Every figure is shown with its source. Where no source gives a value, \
             the output says unknown. Text output is for people; --format json and \
             --format tsv are for scripts."
        )
    )?;
    if let Some(examples) = root.get_before_help() {
        examples_block(w, "EXAMPLES", &examples.to_string())?;
    }
    // The global options, which every command takes.
    man.render_options_section(w)?;

    writeln!(w, ".SH COMMANDS")?;
    for sub in root.get_subcommands() {
        command_section(w, sub)?;
    }

    writeln!(w, ".SH \"ROLE NAMES\"")?;
    writeln!(
        w,
        "{}",
        escape(
            "Roles are named by id, title or alias, in any case and with any separators \
             (Customer Service Associate, customer_service_associate), by a unique prefix \
             or word (associate), or approximately (custmer servce). A name that matches \
             several roles equally well is an error that lists them."
        )
    )?;

    writeln!(w, ".SH \"EXIT STATUS\"")?;
    for line in EXIT_CODES.lines().skip(1) {
        if let Some((code, meaning)) = line.trim().split_once(char::is_whitespace) {
            writeln!(w, ".TP\n.B {}\n{}", escape(code), escape(meaning.trim()))?;
        }
    }

    writeln!(w, ".SH ENVIRONMENT")?;
    for (name, meaning) in ENVIRONMENT {
        writeln!(w, ".TP\n.B {name}\n{}", escape(meaning))?;
    }
    writeln!(w, ".SH \"SEE ALSO\"")?;
    writeln!(
        w,
        "{}",
        escape("careers completions --help, for installing shell completions.")
    )?;
    man.render_version_section(w)?;
    Ok(())
}

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "CAREERS_DATA_DIR",
        "More data directories, separated like PATH, added after those given with --data-dir.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, --color auto does not colour.",
    ),
    (
        "CLICOLOR_FORCE",
        "When set, not empty and not 0, --color auto colours even when output is not a terminal.",
    ),
    ("TERM", "When dumb, --color auto does not colour."),
    (
        "COLUMNS",
        "The width of text output, instead of the terminal's (at least 20; prose stops at 100).",
    ),
    (
        "LANG, LC_ALL, LC_CTYPE",
        "Without UTF-8 in the locale, tables and diagrams are drawn with ASCII.",
    ),
];

/// One subcommand: what it does, its synopsis, examples and options.
fn command_section(w: &mut dyn Write, sub: &clap::Command) -> io::Result<()> {
    let name = format!("careers {}", sub.get_name());
    writeln!(w, ".SS \"{}\"", escape(&name))?;
    if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
        writeln!(w, "{}", escape(&about.to_string()))?;
    }
    let man = Man::new(compact_values(sub.clone()).bin_name(&name));
    // clap's own usage line rather than clap_mangen's synopsis, which
    // shows `<ROLE>` for "two or more roles" and `[ROLE]` for "any number".
    let usage = sub.clone().bin_name(&name).render_usage().to_string();
    let usage = usage.trim_start_matches("Usage:").trim();
    let args = usage.strip_prefix(name.as_str()).unwrap_or(usage).trim();
    writeln!(w, ".PP")?;
    writeln!(w, "\\fB{}\\fR {}", escape(&name), escape(args))?;
    if let Some(examples) = sub.get_before_help() {
        examples_block(w, "", &examples.to_string())?;
    }
    let mut options = Vec::new();
    man.render_options_section(&mut options)?;
    write_without_headings(w, &options)?;
    Ok(())
}

/// Possible values without descriptions joined onto the help line; clap_mangen
/// would give each its own bulleted paragraph (31 for `show --section`).
fn compact_values(cmd: clap::Command) -> clap::Command {
    cmd.mut_args(|arg| {
        let values = arg.get_possible_values();
        let described = values.iter().any(|v| v.get_help().is_some());
        if !arg.get_action().takes_values() || values.is_empty() || described {
            return arg;
        }
        let names: Vec<&str> = values
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name())
            .collect();
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        let help = format!("{help} (one of: {})", names.join(", "));
        arg.help(help).hide_possible_values(true)
    })
}

/// Copies clap_mangen output minus its `.SH` lines, so that it nests under
/// the command's `.SS` heading.
fn write_without_headings(w: &mut dyn Write, roff: &[u8]) -> io::Result<()> {
    for line in String::from_utf8_lossy(roff).lines() {
        if !line.starts_with(".SH") {
            writeln!(w, "{line}")?;
        }
    }
    Ok(())
}

/// An "Examples:" block from the help, as preformatted lines, under a
/// section heading when `heading` is not empty.
fn examples_block(w: &mut dyn Write, heading: &str, text: &str) -> io::Result<()> {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  "))
        .map(str::trim)
        .collect();
    if lines.is_empty() {
        return Ok(());
    }
    if heading.is_empty() {
        writeln!(w, ".PP\nExamples:")?;
    } else {
        writeln!(w, ".SH {heading}")?;
    }
    writeln!(w, ".RS\n.nf")?;
    for line in lines {
        writeln!(w, "{}", escape(line))?;
    }
    writeln!(w, ".fi\n.RE")
}

/// Text made safe for roff: backslashes and hyphens escaped, and a leading
/// `.` or `'` kept from being read as a request.
pub fn escape(text: &str) -> String {
    let body = text.replace('\\', "\\e").replace('-', "\\-");
    if body.starts_with('.') || body.starts_with('\'') {
        format!("\\&{body}")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_guards_requests_backslashes_and_hyphens() {
        assert_eq!(escape(".TH"), "\\&.TH");
        assert_eq!(escape("'quoted'"), "\\&'quoted'");
        assert_eq!(escape("a\\b"), "a\\eb");
        assert_eq!(escape("--format"), "\\-\\-format");
    }
}
