//! The section registry (src/sections.rs) is the one place a section is
//! declared: every entry is offered by `--help`, shows its keys in JSON,
//! and has its row in docs/json.md; nothing else lists sections.

mod common;
use careers::sections::SECTIONS;
use common::run;
use serde_json::Value;

#[test]
fn every_section_is_offered_by_help() {
    let (code, help, _) = run(&["show", "--help"]);
    assert_eq!(code, 0);
    for s in SECTIONS {
        assert!(
            help.contains(&format!("- {}", s.id)),
            "{} is not in --help",
            s.id
        );
    }
}

#[test]
fn every_section_shows_its_fields_and_keys_in_json() {
    // The representative has guides and an official occupation: every
    // key of its own, and every role field its guides give.
    let full = |role: &str| -> Value {
        let (code, stdout, stderr) = run(&["show", role, "--format", "json"]);
        assert_eq!(code, 0, "{stderr}");
        serde_json::from_str(&stdout).expect("JSON")
    };
    let whole = full("customer-service-representative");
    for s in SECTIONS {
        for key in s.keys {
            assert!(whole.get(key.name).is_some(), "{}: {}", s.id, key.name);
        }
        for field in s.fields {
            assert!(whole.get(*field).is_some(), "{}: {field}", s.id);
        }
        // Alone, a section gives its own fields and keys, and no other
        // section's.
        let (code, stdout, _) = run(&[
            "show",
            "customer-service-representative",
            "--section",
            s.id,
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{}", s.id);
        let v: Value = serde_json::from_str(&stdout).expect("JSON");
        let keys: Vec<&str> = v
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut want: Vec<&str> = ["id", "title", "family", "aliases", "origin"].to_vec();
        want.extend(s.fields.iter().filter(|f| whole.get(**f).is_some()));
        want.extend(s.keys.iter().map(|k| k.name));
        let mut got = keys.clone();
        got.sort_unstable();
        want.sort_unstable();
        want.dedup();
        assert_eq!(got, want, "--section {}", s.id);
    }
}

#[test]
fn every_section_has_its_row_in_the_json_docs() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/json.md"))
        .expect("docs/json.md");
    let quoted = |names: &mut dyn Iterator<Item = &str>| -> String {
        names
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for s in SECTIONS {
        let row = format!(
            "| `{}` | {} | {} | {} |",
            s.id,
            s.title,
            quoted(&mut s.fields.iter().copied()),
            quoted(&mut s.keys.iter().map(|k| k.name))
        );
        let row = row.replace("|  |", "| |");
        assert!(docs.contains(&row), "docs/json.md lacks the row\n{row}");
    }
    // And no row for a section that is gone.
    let rows = docs
        .lines()
        .skip_while(|l| !l.starts_with("| section | title |"))
        .skip(2)
        .take_while(|l| l.starts_with("| `"))
        .count();
    assert_eq!(rows, SECTIONS.len());
}
