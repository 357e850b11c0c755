//! The README's examples, run against the real binary: a README that
//! drifts from the program fails the tests.
//!
//! In README.md, every ```` ```console ```` block is a test. A line
//! `$ careers ...` is a command (pipes into ordinary tools are fine: it runs
//! in bash with `pipefail`, in a temporary directory, with the binary under
//! test first on PATH, the clean environment of `tests/common` and
//! COLUMNS=80). The lines after it, up to the next `$` line or the end of
//! the block, are what it prints: stdout, then stderr. The comparison is
//! snapbox's (as in clap's and cargo's own doc tests), so in the expected
//! output:
//!
//! - a line `...` stands for any number of lines, and `[..]` inside a line
//!   for any text;
//! - a last line `? N` says the command exits with N (default 0).
//!
//! This file only finds the examples, runs each in bash (the README shows
//! pipes into `head`, `cut` and `man`, which trycmd cannot run) and
//! rewrites the README on request.
//!
//! To add an example, write the `$ careers ...` line with no output and run
//! `UPDATE_README=1 cargo test --test readme`: the output is filled in
//! (review it with `git diff README.md`). Blocks whose output still matches
//! are left as they are, `...` included.

mod common;
use common::{path_with_careers, CLEARED_VARS};
use std::path::Path;
use std::process::Command;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
/// The width the README's examples are shown at.
const COLUMNS: &str = "80";

/// One `$ command` with what the README says it prints.
#[derive(Debug)]
struct Example {
    /// 1-based line of the `$` line in README.md.
    line: usize,
    command: String,
    expected: Vec<String>,
    status: i32,
    /// Lines of README.md (0-based, end exclusive) holding the expected
    /// output and status, for rewriting.
    span: (usize, usize),
}

fn parse(readme: &str) -> Vec<Example> {
    let lines: Vec<&str> = readme.lines().collect();
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
                "README.md:{}: console examples run `careers`; put other shell \
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
                "README.md:{}: output before any `$ careers` line in a console block",
                i + 1
            );
        }
    }
    assert!(!in_console, "README.md: a console block is not closed");
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

/// Runs an example; returns (exit code, stdout then stderr, as lines).
fn execute(command: &str, dir: &Path) -> (i32, Vec<String>) {
    let mut cmd = Command::new("bash");
    cmd.args(["-c", &format!("set -o pipefail\n{command}")]);
    for var in CLEARED_VARS {
        cmd.env_remove(var);
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
fn matches(expected: &[String], actual: &[String]) -> bool {
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

#[test]
fn readme_examples_run() {
    let readme = std::fs::read_to_string(README).expect("README.md reads");
    let examples = parse(&readme);
    assert!(
        examples.len() >= 10,
        "README.md has only {} console examples",
        examples.len()
    );
    let dir = tempfile::tempdir().expect("a temporary directory");
    let update = std::env::var_os("UPDATE_README").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    let mut rewrites: Vec<((usize, usize), Vec<String>)> = Vec::new();
    for ex in &examples {
        let (status, actual) = execute(&ex.command, dir.path());
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
            "README.md:{}: $ {}\n--- expected (exit {}):\n{}\n--- actual (exit {}):\n{}\n",
            ex.line,
            ex.command,
            ex.status,
            ex.expected.join("\n"),
            status,
            actual.join("\n")
        ));
    }
    if update && !rewrites.is_empty() {
        let mut lines: Vec<String> = readme.lines().map(str::to_string).collect();
        // From the bottom up, so earlier spans stay valid.
        for ((start, end), new) in rewrites.into_iter().rev() {
            lines.splice(start..end, new);
        }
        let mut text = lines.join("\n");
        text.push('\n');
        std::fs::write(README, text).expect("README.md is written");
    }
    assert!(
        failures.is_empty(),
        "{} README example(s) differ from the program (UPDATE_README=1 rewrites them):\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn wildcard_and_status_lines_parse() {
    let md =
        "text\n```console\n$ careers a\none\n...\n? 2\n\n$ careers b\n```\n```sh\n$ not run\n```\n";
    let ex = parse(md);
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[0].command, "careers a");
    assert_eq!(ex[0].expected, ["one", "..."]);
    assert_eq!(ex[0].status, 2);
    assert_eq!(ex[1].expected, Vec::<String>::new());
    assert_eq!(ex[1].status, 0);
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!(matches(&s(&["a", "...", "z"]), &s(&["a", "b", "c", "z"])));
    assert!(matches(&s(&["a", "...", "z"]), &s(&["a", "z"])));
    assert!(!matches(&s(&["a", "...", "z"]), &s(&["a", "b"])));
    assert!(!matches(&s(&["a"]), &s(&["a", "b"])));
    assert!(matches(&s(&["a [..] z"]), &s(&["a b c z"])));
    assert!(matches(&s(&[]), &s(&[])));
    assert!(!matches(&s(&[]), &s(&["a"])));
}

/// The README's install and completion lines (```sh blocks: `mkdir -p`,
/// `careers man >`, `careers completions ... >`) work in a fresh home,
/// where none of the directories exist yet. `cargo install` itself is
/// left out: the binary under test stands in for it, on PATH.
#[test]
fn install_lines_work_in_a_fresh_home() {
    let readme = std::fs::read_to_string(README).expect("README.md reads");
    let mut lines = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        if line.trim_start().starts_with("```") {
            in_sh = line.trim() == "```sh";
            continue;
        }
        let command = line.split(" #").next().unwrap_or(line).trim();
        let installs = command.starts_with("mkdir -p ")
            || (command.starts_with("careers man >")
                || command.starts_with("careers completions ") && command.contains(" > "));
        if in_sh && installs {
            lines.push(command.to_string());
        }
    }
    assert!(lines.len() >= 8, "install lines found: {lines:?}");
    let home = tempfile::tempdir().expect("a temporary home");
    let script = format!("set -e\n{}", lines.join("\n"));
    let out = Command::new("bash")
        .args(["-c", &script])
        .env("HOME", home.path())
        .env("PATH", path_with_careers())
        .current_dir(home.path())
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}\n{}",
        script,
        String::from_utf8_lossy(&out.stderr)
    );
    for file in [
        ".local/share/man/man1/careers.1",
        ".local/share/bash-completion/completions/careers",
        ".zfunc/_careers",
        ".config/fish/completions/careers.fish",
        ".config/elvish/lib/careers.elv",
    ] {
        let written = std::fs::metadata(home.path().join(file)).map(|m| m.len());
        assert!(written.is_ok_and(|n| n > 0), "{file} is written");
    }
}
