//! The TOML compliance suite's invalid documents (toml-test, MIT; see
//! tests/fixtures/toml-test/LICENSE), each placed in a data directory as a
//! role file: every one must be refused with `path:line:column`, without a
//! panic. Documents the toml crate accepts (encoding quirks, TOML 1.1
//! features) are still not valid roles, so they must be refused too, by
//! the role checks, with a location.
//!
//! The bulk runs in-process through the same loader `--data-dir` uses; a
//! handful run through the binary to check the message and exit code end
//! to end.

mod common;

use careers::commands::validate;
use careers::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/toml-test/invalid")
}

/// Every `*.toml` under the suite, sorted.
fn suite_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).expect("suite directory is readable") {
            let path = entry.expect("suite entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&suite_dir(), &mut out);
    out.sort();
    out
}

/// The file name the suite document is given in its data directory.
const ROLE_FILE: &str = "suite-case.toml";

/// Copies `doc` into a fresh data directory as a role file.
fn as_data_dir(doc: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(doc, dir.path().join(ROLE_FILE)).expect("copy suite document");
    dir
}

/// `prefix:LINE:COLUMN: ` at the start of `message`, with LINE and COLUMN
/// positive numbers.
fn has_location(message: &str, prefix: &str) -> bool {
    let Some(rest) = message.strip_prefix(prefix) else {
        return false;
    };
    let mut parts = rest.splitn(4, ':');
    let number = |p: Option<&str>| {
        p.and_then(|s| s.parse::<usize>().ok())
            .is_some_and(|n| n > 0)
    };
    parts.next() == Some("") && number(parts.next()) && number(parts.next())
}

#[test]
fn the_suite_is_all_there() {
    // 509 documents in toml-test's tests/invalid at the copied revision.
    assert_eq!(suite_files().len(), 509);
    assert!(suite_dir().join("../LICENSE").is_file());
}

#[test]
fn every_invalid_document_is_refused_with_a_location() {
    let mut failures = Vec::new();
    for doc in suite_files() {
        let name = doc
            .strip_prefix(suite_dir())
            .unwrap_or(&doc)
            .display()
            .to_string();
        let dir = as_data_dir(&doc);
        let file = dir.path().join(ROLE_FILE).display().to_string();
        let outcome = std::panic::catch_unwind(|| validate::run(&[dir.path().to_path_buf()]));
        match outcome {
            Err(_) => failures.push(format!("{name}: panicked")),
            Ok(Ok(_)) => failures.push(format!("{name}: accepted")),
            Ok(Err(Error::InvalidData(problems))) => {
                if problems.is_empty() {
                    failures.push(format!("{name}: refused with no diagnostics"));
                }
                for p in &problems {
                    let shown = p.to_string();
                    if p.file != file || p.line == 0 || p.column == 0 {
                        failures.push(format!("{name}: no location in `{shown}`"));
                    } else if !has_location(&shown, &file) {
                        failures.push(format!("{name}: not path:line:column: `{shown}`"));
                    }
                }
            }
            Ok(Err(other)) => failures.push(format!("{name}: unexpected error {other}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 509 suite documents mishandled:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A few documents of different kinds through the real binary: syntax
/// errors, a control character, invalid UTF-8, and documents toml accepts
/// that are not roles.
#[test]
fn through_the_binary_the_message_names_path_line_and_column() {
    let cases = [
        "array/missing-separator-01.toml",
        "control/bare-null.toml",
        "encoding/bad-utf8-in-string.toml",
        "inline-table/trailing-comma.toml",
        "key/duplicate-keys-01.toml",
        "string/bad-escape-01.toml",
        "table/duplicate-key-01.toml",
        "integer/leading-zero-01.toml",
    ];
    for case in cases {
        let doc = suite_dir().join(case);
        assert!(doc.is_file(), "{case} is in the suite");
        let dir = as_data_dir(&doc);
        let dir_arg = dir.path().to_str().expect("temp paths are UTF-8");
        let file = format!("{dir_arg}/{ROLE_FILE}");
        for args in [
            vec!["validate", dir_arg],
            vec!["--data-dir", dir_arg, "list"],
        ] {
            let (code, stdout, stderr) = common::run(&args);
            assert_eq!(code, 3, "{case} {args:?}: exit code\n{stderr}");
            assert!(stdout.is_empty(), "{case}: nothing on stdout");
            assert!(!stderr.contains("panicked"), "{case}: {stderr}");
            assert!(
                stderr.starts_with("careers: invalid data:"),
                "{case}: {stderr}"
            );
            let located = stderr
                .lines()
                .skip(1)
                .any(|l| has_location(l.trim_start(), &file));
            assert!(located, "{case}: no {file}:LINE:COL in\n{stderr}");
        }
    }
}
