//! The README's examples, run against the real binary: a README that
//! drifts from the program fails the tests.
//!
//! In README.md, every ```` ```console ```` block is a test, run in a
//! temporary directory; tests/common/doc_examples.rs says how an example
//! is written (`$ careers ...`, its output, `...`, `[..]`, `? N`).
//!
//! To add an example, write the `$ careers ...` line with no output and run
//! `UPDATE_README=1 cargo test --test readme`: the output is filled in
//! (review it with `git diff README.md`). Blocks whose output still matches
//! are left as they are, `...` included.

mod common;
use common::doc_examples::{matches, parse, run_page, Page};
use common::path_with_careers;
use std::path::Path;
use std::process::Command;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

#[test]
fn readme_examples_run() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let examples = run_page(&Page {
        path: Path::new(README),
        name: "README.md",
        dir: dir.path(),
        env: &[],
        update_var: "UPDATE_README",
    });
    assert!(
        examples >= 10,
        "README.md has only {examples} console examples"
    );
}

#[test]
fn wildcard_and_status_lines_parse() {
    let md =
        "text\n```console\n$ careers a\none\n...\n? 2\n\n$ careers b\n```\n```sh\n$ not run\n```\n";
    let ex = parse("test.md", md);
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

/// The project's rule (issue 14, item 9): README.md starts with the two
/// set-up commands, each labelled, one running careers and one the tests.
#[test]
fn readme_starts_with_the_two_labelled_commands() {
    let text = std::fs::read_to_string(README).expect("README.md");
    let start = text.find("```sh\n").expect("a first sh block") + "```sh\n".len();
    let block: Vec<&str> = text[start..]
        .lines()
        .take_while(|l| !l.starts_with("```"))
        .collect();
    assert_eq!(block.len(), 4, "{block:?}");
    assert!(block[0].starts_with("# Run careers"), "{block:?}");
    assert!(block[1].starts_with("cargo run --release -- "), "{block:?}");
    assert_eq!(block[2], "# Run the tests:");
    assert_eq!(block[3], "cargo test --locked");
    let first_block = text.find("```").expect("a code block");
    assert_eq!(
        first_block,
        start - "```sh\n".len(),
        "the set-up block comes first"
    );
}
