//! Every input in tests/fixtures/fuzz/ (see its README.md): inputs that
//! broke the loader, or could have, kept so they never break it again.
//! Each must load or be refused with located diagnostics, without a panic,
//! in bounded time; some also have a specific expected message.

use careers::catalog::Catalog;
use careers::validate::{check_set, Base, FileText, MAX_PROBLEMS_PER_FILE};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The file name the inputs are given: the fuzz target's.
const FILE: &str = "fuzz/fuzz-role.toml";

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut out: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/fixtures/fuzz exists")
        .map(|e| e.expect("fixture entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    out.sort();
    out
}

/// What some inputs must produce: (file name, text in some diagnostic).
const EXPECTED: &[(&str, &str)] = &[
    // 5,000 empty items, and two problems with the size budget: the
    // list's length and the file's number of texts.
    (
        "many-problems.toml",
        "4902 more problems from here on not listed",
    ),
    (
        "many-problems-in-tables.toml",
        "field `salary`: has 300 entries; at most 50",
    ),
    (
        "many-problems-in-tables-within-budget.toml",
        "more problems from here on not listed",
    ),
    ("dotted-key-deep.toml", "invalid TOML: recursion limit"),
    ("table-header-deep.toml", "invalid TOML: recursion limit"),
    ("inline-dotted-deep.toml", "invalid TOML: recursion limit"),
    ("brackets-deep.toml", "nested deeper than 64 levels"),
    ("braces-deep.toml", "nested deeper than 64 levels"),
    (
        "bom-then-error.toml",
        "fuzz/fuzz-role.toml:4:1: field `oops`: unknown field `oops`",
    ),
    ("empty.toml", "missing field `id`"),
];

#[test]
fn every_regression_input_loads_or_is_located() {
    let base: Base = Catalog::bundled().expect("bundled catalog").base();
    let inputs = fixtures();
    assert!(inputs.len() >= 10, "the regression inputs are there");
    let mut failures = Vec::new();
    for path in &inputs {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        // Inputs are whatever bytes the fuzzer made; the loader takes text
        // (user files are checked for UTF-8 before it sees them).
        let bytes = fs::read(path).expect("read fixture");
        let Ok(text) = String::from_utf8(bytes) else {
            failures.push(format!("{name}: not UTF-8; the target only feeds UTF-8"));
            continue;
        };
        let roles = [FileText {
            file: FILE.into(),
            text: text.clone(),
        }];
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(|| check_set(&[], &roles, &base));
        let took = started.elapsed();
        if took > Duration::from_secs(10) {
            failures.push(format!("{name}: took {took:?}"));
        }
        let problems = match outcome {
            Err(_) => {
                failures.push(format!("{name}: panicked"));
                continue;
            }
            Ok(Ok(_)) => Vec::new(),
            Ok(Err(problems)) => {
                if problems.is_empty() {
                    failures.push(format!("{name}: refused without a reason"));
                }
                problems
            }
        };
        if problems.len() > MAX_PROBLEMS_PER_FILE + 2 {
            failures.push(format!("{name}: {} problems listed", problems.len()));
        }
        let lines = text.matches('\n').count() + 1;
        for p in &problems {
            let shown = p.to_string();
            if p.line == 0 || p.column == 0 || p.line > lines {
                failures.push(format!("{name}: bad location in `{shown}`"));
            }
            if shown.contains('\n') || shown.contains('\u{1b}') {
                failures.push(format!("{name}: raw control in `{shown:?}`"));
            }
        }
        for (file, want) in EXPECTED {
            if name == *file && !problems.iter().any(|p| p.to_string().contains(want)) {
                let got: Vec<String> = problems.iter().take(3).map(|p| p.to_string()).collect();
                failures.push(format!("{name}: no `{want}` in {got:#?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
