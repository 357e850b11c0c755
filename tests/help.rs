//! `--help` as people meet it: snapshots of every page, examples first,
//! one line per command, and examples that really run.

mod common;
use common::{careers, run, shell};

const SUBCOMMANDS: &[&str] = &[
    "list",
    "show",
    "compare",
    "search",
    "salary",
    "skills",
    "ladder",
    "path",
    "validate",
    "completions",
    "man",
];

/// Commands still being built on other branches: their help examples are
/// not run yet. Remove a name once its command is merged.
const PENDING: &[&str] = &[];

fn help(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!((code, err.as_str()), (0, ""), "careers {args:?}");
    out
}

#[test]
fn main_help_snapshot() {
    insta::assert_snapshot!("help", help(&["--help"]));
    // -h and --help print the same page.
    assert_eq!(help(&["-h"]), help(&["--help"]));
}

#[test]
fn subcommand_help_snapshots() {
    for name in SUBCOMMANDS {
        insta::assert_snapshot!(format!("help_{name}"), help(&[name, "--help"]));
    }
}

/// The example lines of a help page: the indented lines under `Examples:`.
fn examples(page: &str) -> Vec<String> {
    page.lines()
        .skip_while(|l| *l != "Examples:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn main_help_lists_commands_one_line_each() {
    // At 80 columns, the common default, as well as the snapshot's 100.
    let out = careers()
        .env("COLUMNS", "80")
        .arg("--help")
        .output()
        .expect("runs");
    let page = String::from_utf8_lossy(&out.stdout);
    let commands: Vec<&str> = page
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    let names: Vec<&str> = commands
        .iter()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        names,
        SUBCOMMANDS,
        "one line per command:\n{}",
        commands.join("\n")
    );
    assert!(commands.iter().all(|l| l.chars().count() <= 80));
    // The exit codes stay in the main help.
    assert!(page.contains("Exit codes:\n  0  success"));
    assert!(page.contains("4  I/O error"));
}

#[test]
fn help_opens_with_examples() {
    let page = help(&["--help"]);
    let before_commands = &page[..page.find("Commands:").expect("a Commands section")];
    assert!(before_commands.contains("Examples:\n  careers "));
    for name in SUBCOMMANDS {
        let page = help(&[name, "--help"]);
        let lines: Vec<&str> = page.lines().collect();
        // About, blank, usage, blank, then the examples.
        assert!(
            lines[2].starts_with(&format!("Usage: careers {name}")),
            "{name}"
        );
        assert_eq!(lines[4], "Examples:", "careers {name} --help:\n{page}");
        let ex = examples(&page);
        assert!(
            (2..=3).contains(&ex.len()),
            "careers {name}: two or three examples, got {ex:?}"
        );
        for e in &ex {
            assert!(
                e.starts_with(&format!("careers {name}")),
                "careers {name}: {e}"
            );
        }
    }
}

#[test]
fn help_examples_run() {
    for name in SUBCOMMANDS.iter().filter(|n| !PENDING.contains(n)) {
        for example in examples(&help(&[name, "--help"])) {
            // Examples that write files or name the reader's own data are
            // shown, not run.
            if example.contains('>') || example.contains("./my-roles") {
                continue;
            }
            // `man -l -` would wait for a pager; count the page instead.
            let line = example.replace("| man -l -", "| wc -c");
            let (code, out, err) = shell(&line);
            // Saying what a name was taken for, or what a misspelt query
            // was read as, is no error.
            let err: Vec<&str> = err
                .lines()
                .filter(|l| !l.starts_with("careers: taking ") && !l.contains(": read as \""))
                .collect();
            assert_eq!((code, err), (0, Vec::<&str>::new()), "{line}");
            assert!(!out.is_empty(), "{line} printed nothing");
        }
    }
}
