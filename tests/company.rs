//! The company example that docs/data-format.md leads with: the files in
//! examples/company are the ones the page shows, `validate` passes on
//! them, the page's commands print what it says, and its error examples
//! are what `validate` says of the files broken that way.
//!
//! `UPDATE_DOCS=1 cargo test --test company` fills in the outputs of the
//! page's console examples (review them with `git diff docs/`).

mod common;
use common::doc_examples::{run_page, Page};
use common::{careers, CLEARED_VARS};
use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/data-format.md");
/// Where the example is, from the repository's root, as the page names it.
const EXAMPLE: &str = "examples/company";

fn doc() -> String {
    fs::read_to_string(DOC).expect("docs/data-format.md reads")
}

/// The page's ```toml blocks that follow a line naming a file of the
/// example (`` `examples/company/roles/x.toml`: ``), as (path under the
/// example, text).
fn shown_files(doc: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = doc.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(name) = line
            .strip_prefix(&format!("`{EXAMPLE}/"))
            .and_then(|rest| rest.strip_suffix("`:"))
        else {
            continue;
        };
        let fence = lines[i + 1..]
            .iter()
            .position(|l| !l.trim().is_empty())
            .map(|j| i + 1 + j)
            .expect("a block after the file's name");
        assert_eq!(lines[fence], "```toml", "docs/data-format.md:{}", fence + 1);
        let end = lines[fence + 1..]
            .iter()
            .position(|l| l.starts_with("```"))
            .map(|j| fence + 1 + j)
            .expect("the block closes");
        let text: String = lines[fence + 1..end]
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        out.push((name.to_string(), text));
    }
    out
}

/// Every file under `dir`, as paths relative to it, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("lists") {
            let path = e.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("under dir");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_page_shows_every_file_of_the_example_as_it_is() {
    let shown = shown_files(&doc());
    let root = Path::new(ROOT).join(EXAMPLE);
    let mut names: Vec<String> = shown.iter().map(|(n, _)| n.clone()).collect();
    names.sort();
    assert_eq!(names, files_under(&root), "the page shows each file once");
    for (name, text) in &shown {
        let file = fs::read_to_string(root.join(name)).expect("reads");
        assert_eq!(
            text, &file,
            "docs/data-format.md shows {EXAMPLE}/{name} otherwise than the file"
        );
    }
    // Three roles and one ladder, written the short way: each role file
    // gives its default source on its first line.
    let roles: Vec<&(String, String)> = shown
        .iter()
        .filter(|(n, _)| n.starts_with("roles/"))
        .collect();
    assert_eq!(roles.len(), 3);
    for (name, text) in roles {
        assert!(text.starts_with("source = \""), "{name}");
    }
    let ladder = shown
        .iter()
        .find(|(n, _)| n.starts_with("ladders/"))
        .expect("a ladder file");
    assert!(ladder.1.contains("level = \"M1\""));
    assert!(ladder.1.contains("pay = { min = "));
}

#[test]
fn the_example_validates() {
    let out = careers()
        .current_dir(ROOT)
        .args(["--data-dir", EXAMPLE, "validate"])
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "ok examples/company: 3 roles, 1 ladder file, 2 sources, no problems\n"
    );
    assert!(out.status.success());
}

#[test]
fn the_pages_commands_print_what_it_says() {
    let cache = tempfile::tempdir().expect("a cache directory");
    let examples = run_page(&Page {
        path: Path::new(DOC),
        name: "docs/data-format.md",
        dir: Path::new(ROOT),
        env: &[("XDG_CACHE_HOME", cache.path())],
        update_var: "UPDATE_DOCS",
    });
    assert!(examples >= 5, "{examples} console examples");
    let doc = doc();
    for command in ["validate", "ladder", "show", "path", "list"] {
        assert!(
            doc.contains(&format!("$ careers --data-dir {EXAMPLE} {command}")),
            "the page runs `{command}` on the example"
        );
    }
}

/// A copy of the example at `examples/company` in a fresh directory,
/// with `edit` applied to it.
fn broken(edit: impl FnOnce(&Path)) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let to = tmp.path().join(EXAMPLE);
    let from = Path::new(ROOT).join(EXAMPLE);
    for name in files_under(&from) {
        let target = to.join(&name);
        fs::create_dir_all(target.parent().expect("a parent")).expect("mkdir");
        fs::copy(from.join(&name), target).expect("copy");
    }
    edit(&to);
    tmp
}

/// Replaces the first `from` in the file at `path` with `to`.
fn replace(path: PathBuf, from: &str, to: &str) {
    let text = fs::read_to_string(&path).expect("reads");
    assert!(text.contains(from), "{from}");
    fs::write(&path, text.replacen(from, to, 1)).expect("writes");
}

/// The problems `validate` reports for `dirs` (relative to `root`), with
/// `examples/company/` taken off the start, as the page shows them.
fn problems(root: &Path, dirs: &[&str]) -> Vec<String> {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_careers"));
    for var in CLEARED_VARS {
        cmd.env_remove(var);
    }
    for d in dirs {
        cmd.args(["--data-dir", d]);
    }
    let out = cmd
        .arg("validate")
        .current_dir(root)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(3));
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .skip(1)
        .map(|l| {
            let l = l.trim();
            l.strip_prefix(&format!("{EXAMPLE}/"))
                .unwrap_or(l)
                .to_string()
        })
        .collect()
}

#[test]
fn the_pages_error_examples_are_what_validate_says() {
    let ladder = |root: &Path| root.join("ladders/acme-support.toml");
    let mut said = Vec::new();
    let no_default = broken(|root| {
        replace(
            root.join("roles/acme-team-lead.toml"),
            "source = \"acme-handbook\"\n",
            "",
        )
    });
    said.extend(problems(no_default.path(), &[EXAMPLE]));
    let level = broken(|root| replace(ladder(root), "level = \"L1\"", "level = \"Level 1\""));
    said.extend(problems(level.path(), &[EXAMPLE]));
    let band = broken(|root| replace(ladder(root), "min = 46000", "min = 56000"));
    said.extend(problems(band.path(), &[EXAMPLE]));
    let role = broken(|root| {
        replace(
            ladder(root),
            "role = \"acme-team-lead\"",
            "role = \"acme-lead\"",
        )
    });
    said.extend(problems(role.path(), &[EXAMPLE]));
    let twice = broken(|root| {
        let other = root.join("../../other/ladders");
        fs::create_dir_all(&other).expect("mkdir");
        fs::copy(ladder(root), other.join("acme-support.toml")).expect("copy");
    });
    said.extend(problems(twice.path(), &[EXAMPLE, "other"]));
    // Every line of the page's ```text blocks of problems is one of them.
    let doc = doc();
    let mut shown = 0;
    for block in doc.split("```text\n").skip(1) {
        let block = block.split("```").next().unwrap_or_default();
        for line in block.lines().filter(|l| *l != "...") {
            assert!(
                said.iter().any(|s| s == line),
                "docs/data-format.md shows a problem validate does not report:\n{line}\n\
                 validate said:\n{}",
                said.join("\n")
            );
            shown += 1;
        }
    }
    assert!(shown >= 6, "{shown} problems shown");
}
