//! The console examples of a Markdown page, run against the real binary:
//! a page that drifts from the program fails the tests. README.md
//! (tests/readme.rs) and docs/data-format.md (tests/company.rs) use it.
//!
//! Every ```` ```console ```` block is a test. A line `$ careers ...` is a
//! command (pipes into ordinary tools are fine: it runs in bash with
//! `pipefail`, in the directory given, with the binary under test first on
//! PATH, the clean environment of `tests/common` and COLUMNS=80). The
//! lines after it, up to the next `$` line or the end of the block, are
//! what it prints: stdout, then stderr. The comparison is snapbox's (as
//! in clap's and cargo's own doc tests), so in the expected output:
//!
//! - a line `...` stands for any number of lines, and `[..]` inside a line
//!   for any text;
//! - a last line `? N` says the command exits with N (default 0).
//!
//! This file only finds the examples, runs each in bash (the README shows
//! pipes into `head`, `cut` and `man`, which trycmd cannot run) and
//! rewrites the page on request: a `$ careers ...` line with no output is
//! filled in by a run with the update variable set to 1.

use super::{path_with_careers, CLEARED_VARS};
use std::path::Path;
use std::process::Command;

/// The width the examples are shown at.
const COLUMNS: &str = "80";

/// One `$ command` with what the page says it prints.
#[derive(Debug)]
pub struct Example {
    /// 1-based line of the `$` line in the page.
    pub line: usize,
    pub command: String,
    pub expected: Vec<String>,
    pub status: i32,
    /// Lines of the page (0-based, end exclusive) holding the expected
    /// output and status, for rewriting.
    pub span: (usize, usize),
}

/// The examples of the page `name` whose text is `md`.
pub fn parse(name: &str, md: &str) -> Vec<Example> {
    let lines: Vec<&str> = md.lines().collect();
    let mut examples = Vec::new();
    let mut in_console = false;
    let mut in_other = false;
    let mut current: Option<Example> = None;
    for (i, raw) in lines.iter().enumerate() {
        let fence = raw.trim_start().starts_with("```");
        if in_other {
            if fence {
                in_other = false;
            }
            continue;
        }
        if !in_console {
            if fence {
                let lang = raw.trim_start().trim_start_matches('`').trim();
                if lang == "console" {
                    in_console = true;
                } else {
                    in_other = true;
                }
            }
            continue;
        }
        if fence || raw.starts_with("$ ") {
            if let Some(mut ex) = current.take() {
                ex.span.1 = i;
                finish(&mut ex);
                examples.push(ex);
            }
        }
        if fence {
            in_console = false;
            continue;
        }
        if let Some(cmd) = raw.strip_prefix("$ ") {
            assert!(
                cmd.starts_with("careers ") || cmd == "careers",
                "{name}:{}: console examples run `careers`; put other shell \
                 commands in a ```sh block: {cmd}",
                i + 1
            );
            current = Some(Example {
                line: i + 1,
                command: cmd.to_string(),
                expected: Vec::new(),
                status: 0,
                span: (i + 1, i + 1),
            });
        } else if let Some(ex) = current.as_mut() {
            ex.expected.push(raw.to_string());
        } else {
            panic!(
                "{name}:{}: output before any `$ careers` line in a console block",
                i + 1
            );
        }
    }
    assert!(!in_console, "{name}: a console block is not closed");
    examples
}

/// Takes the `? N` status line off the expected output.
fn finish(ex: &mut Example) {
    while ex.expected.last().is_some_and(|l| l.trim().is_empty()) {
        ex.expected.pop();
    }
    if let Some(code) = ex
        .expected
        .last()
        .and_then(|l| l.strip_prefix("? "))
        .and_then(|c| c.trim().parse::<i32>().ok())
    {
        ex.status = code;
        ex.expected.pop();
    }
}

/// Runs an example in `dir` with `env` added; returns (exit code, stdout
/// then stderr, as lines).
fn execute(command: &str, dir: &Path, env: &[(&str, &Path)]) -> (i32, Vec<String>) {
    let mut cmd = Command::new("bash");
    cmd.args(["-c", &format!("set -o pipefail\n{command}")]);
    for var in CLEARED_VARS {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .env("COLUMNS", COLUMNS)
        .env("PATH", path_with_careers())
        .current_dir(dir)
        .output()
        .expect("bash runs");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    (out.status.code().unwrap_or(-1), lines)
}

/// Whether `actual` matches the pattern `expected` (snapbox's `...` and
/// `[..]`); trailing spaces do not count.
pub fn matches(expected: &[String], actual: &[String]) -> bool {
    use snapbox::IntoData;
    let text = |lines: &[String]| {
        let mut t: String = lines
            .iter()
            .map(|l| format!("{}\n", l.trim_end()))
            .collect();
        if t.is_empty() {
            t.push('\n');
        }
        t
    };
    snapbox::Assert::new()
        .normalize_paths(false)
        .try_eq(None, text(actual).into_data(), text(expected).into_data())
        .is_ok()
}

/// Where and how a page's examples run.
pub struct Page<'a> {
    /// The page's path.
    pub path: &'a Path,
    /// How messages name it (`README.md`).
    pub name: &'a str,
    /// The directory the commands run in.
    pub dir: &'a Path,
    /// Variables set for the commands, after the clean environment.
    pub env: &'a [(&'a str, &'a Path)],
    /// The variable that, set to 1, rewrites the page's outputs.
    pub update_var: &'a str,
}

/// Runs every example of `page`, failing with each that differs (or,
/// with the update variable set, rewriting the page); returns how many
/// examples there are.
pub fn run_page(page: &Page<'_>) -> usize {
    let text = std::fs::read_to_string(page.path).expect("the page reads");
    let examples = parse(page.name, &text);
    let update = std::env::var_os(page.update_var).is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    let mut rewrites: Vec<((usize, usize), Vec<String>)> = Vec::new();
    for ex in &examples {
        let (status, actual) = execute(&ex.command, page.dir, page.env);
        if status == ex.status && matches(&ex.expected, &actual) {
            continue;
        }
        if update {
            let mut lines = actual.clone();
            if status != 0 {
                lines.push(format!("? {status}"));
            }
            rewrites.push((ex.span, lines));
            continue;
        }
        failures.push(format!(
            "{}:{}: $ {}\n--- expected (exit {}):\n{}\n--- actual (exit {}):\n{}\n",
            page.name,
            ex.line,
            ex.command,
            ex.status,
            ex.expected.join("\n"),
            status,
            actual.join("\n")
        ));
    }
    if update && !rewrites.is_empty() {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        // From the bottom up, so earlier spans stay valid.
        for ((start, end), new) in rewrites.into_iter().rev() {
            lines.splice(start..end, new);
        }
        let mut out = lines.join("\n");
        out.push('\n');
        std::fs::write(page.path, out).expect("the page is written");
    }
    assert!(
        failures.is_empty(),
        "{} example(s) of {} differ from the program ({}=1 rewrites them):\n\n{}",
        failures.len(),
        page.name,
        page.update_var,
        failures.join("\n")
    );
    examples.len()
}
