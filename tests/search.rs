//! `careers search` against the real binary.

mod common;
use common::{careers, run};
use serde_json::Value;

fn json(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, stdout, stderr) = run(&all);
    assert_eq!(code, 0, "careers {all:?}: {stderr}");
    // Nothing, or what a misspelt query was read as.
    assert!(
        stderr.is_empty() || (stderr.contains(": read as \"") && stderr.lines().count() == 1),
        "{stderr}"
    );
    match serde_json::from_str(&stdout) {
        Ok(Value::Array(hits)) => hits,
        other => panic!("an array of hits, got {other:?}"),
    }
}

fn ids(hits: &[Value]) -> Vec<&str> {
    hits.iter().filter_map(|h| h["id"].as_str()).collect()
}

fn text(args: &[&str], columns: &str) -> String {
    let out = careers()
        .arg("search")
        .args(args)
        .env("COLUMNS", columns)
        .output()
        .expect("careers runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn typos_find_the_customer_service_roles_by_title() {
    let hits = json(&["custmer servce"]);
    let found = ids(&hits);
    for id in [
        "customer-service-associate",
        "customer-service-representative",
        "customer-service-supervisor",
        "customer-service-manager",
        "customer-service-clerk",
    ] {
        assert!(found.contains(&id), "{id} in {found:?}");
    }
    // "servce" is not "success": the customer success manager's title does
    // not match (it may still match elsewhere, but not by title).
    for h in &hits {
        if h["id"] == "customer-success-manager" {
            assert!(h["matched"]
                .as_array()
                .is_some_and(|m| m.iter().all(|m| m["field"] != "title")));
        }
    }
    // Every hit names the title that matched.
    let first = &hits[0];
    let title_hit = first["matched"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["field"] == "title"))
        .expect("the best hit matched by title");
    assert_eq!(title_hit["text"], first["title"]);
    assert_eq!(title_hit["source"], Value::Null);
}

#[test]
fn swapped_letters_still_match() {
    // Neither word is a subsequence of "customer service": edit distance.
    let hits = json(&["cutsomer sevrice", "--in", "title"]);
    assert!(ids(&hits).contains(&"customer-service-associate"));
}

#[test]
fn json_hits_have_documented_fields_and_are_ranked() {
    let hits = json(&["conflict resolution", "--limit", "0"]);
    assert!(!hits.is_empty());
    let mut last = f64::INFINITY;
    for h in &hits {
        let keys: Vec<&String> = h.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["id", "title", "score", "matched"]);
        let score = h["score"].as_f64().expect("score");
        assert!((0.0..=1.0).contains(&score));
        assert!(score <= last, "ranked best first");
        last = score;
        let matched = h["matched"].as_array().expect("matched");
        assert!(!matched.is_empty());
        // The role's score is its best hit's.
        assert_eq!(matched[0]["score"].as_f64(), Some(score));
        for m in matched {
            let keys: Vec<&String> = m.as_object().expect("object").keys().collect();
            assert_eq!(keys, ["field", "text", "context", "score", "source"]);
            assert!([
                "title",
                "alias",
                "skills",
                "tools",
                "responsibilities",
                "description",
                "tasks",
                "alternate_titles",
                "sample_titles",
                "technology"
            ]
            .contains(&m["field"].as_str().expect("field")));
        }
    }
    // The representative lists "Conflict resolution" as a soft skill.
    let rep = hits
        .iter()
        .find(|h| h["id"] == "customer-service-representative")
        .expect("representative");
    let skill = rep["matched"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["field"] == "skills"))
        .expect("a skills hit");
    assert_eq!(skill["text"], "Conflict resolution");
    assert_eq!(skill["context"], "soft skills");
    assert_eq!(skill["source"], "jobicy-csr-guide");
    // The whole text, word for word: the skills weight.
    assert_eq!(skill["score"].as_f64(), Some(0.85));
    // One word of two: coverage loses half of its 0.10 (0.95 × 0.85).
    let hits = json(&["conflict", "--in", "skills"]);
    assert_eq!(hits[0]["matched"][0]["text"], "Conflict resolution");
    assert_eq!(hits[0]["score"].as_f64(), Some(0.808));
}

#[test]
fn titles_outrank_skills_outrank_responsibilities() {
    let hits = json(&["customer service manager"]);
    assert_eq!(hits[0]["id"], "customer-service-manager");
    assert_eq!(hits[0]["score"].as_f64(), Some(1.0));
    // An alias is a name too: CSR.
    let hits = json(&["csr"]);
    assert_eq!(hits[0]["id"], "customer-service-representative");
    assert_eq!(hits[0]["matched"][0]["field"], "alias");
}

#[test]
fn in_restricts_the_fields_searched() {
    let hits = json(&["zendesk", "--in", "tools"]);
    assert_eq!(
        ids(&hits),
        [
            "customer-service-associate",
            "customer-service-representative"
        ]
    );
    for h in &hits {
        for m in h["matched"].as_array().expect("matched") {
            assert_eq!(m["field"], "tools");
        }
    }
    let csa = &hits[0]["matched"][0];
    assert_eq!(csa["text"], "Zendesk");
    assert_eq!(
        csa["context"],
        "Customer Relationship Management (CRM) Software"
    );
    assert_eq!(csa["source"], "jobicy-csa-guide");
    // Repeatable.
    let both = json(&["zendesk", "--in", "tools", "--in", "skills"]);
    assert!(both.iter().any(|h| h["matched"]
        .as_array()
        .is_some_and(|m| m.iter().any(|m| m["field"] == "skills"))));
}

#[test]
fn limit_caps_the_roles_and_zero_means_all() {
    let all = json(&["customer", "--limit", "0"]);
    assert!(all.len() >= 10, "{}", all.len());
    assert_eq!(json(&["customer"]).len(), all.len().min(10));
    // The first three of all are the three shown.
    let three = json(&["customer", "--limit", "3"]);
    assert_eq!(ids(&three), ids(&all)[..3]);
    let out = text(&["customer", "--limit", "3"], "100");
    assert!(out.contains(&format!(
        "3 of {} matching roles shown; --limit 0 shows all.",
        all.len()
    )));
}

#[test]
fn tsv_is_one_row_per_matched_field() {
    let (code, stdout, _) = run(&["search", "conflict", "--format", "tsv"]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("id\ttitle\tscore\tfield\ttext\tfield_score\tcontext\tsource")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(!rows.is_empty());
    let hits = json(&["conflict"]);
    let fields: usize = hits
        .iter()
        .map(|h| h["matched"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(rows.len(), fields);
    for r in &rows {
        assert_eq!(r.len(), 8, "{r:?}");
        assert!(r[2].parse::<f64>().is_ok() && r[5].parse::<f64>().is_ok());
    }
    assert!(rows
        .iter()
        .any(|r| r[0] == "customer-service-representative"
            && r[3] == "skills"
            && r[4] == "Conflict resolution"
            && r[6] == "soft skills"
            && r[7] == "jobicy-csr-guide"));
    assert!(!stdout.contains('\x1b'));
}

#[test]
fn nothing_found_exits_1_with_a_message() {
    let (code, stdout, stderr) = run(&["search", "qqxzzv"]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "careers: nothing matches `qqxzzv` in titles, aliases, alternate titles, sample titles, \
         skills, tools, technology, responsibilities, tasks or descriptions\n"
    );
}

#[test]
fn nothing_found_suggests_near_titles() {
    let (code, stdout, stderr) = run(&["search", "custmer servce", "--in", "tools"]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with("careers: nothing matches `custmer servce` in tools\n\ndid you mean:\n"),
        "{stderr}"
    );
    assert!(stderr.contains("customer-service-associate"));
    assert!(stderr.contains("Without --in, every field is searched."));
}

#[test]
fn suggestions_are_laid_out_as_shows() {
    // The suggestions hold a 56-character id: as in `show`'s "no role
    // matches", each id then goes on a line of its own with its title
    // under it, so that no line runs far past 80 columns.
    let (code, _, stderr) = run(&["search", "sofware enginer", "--in", "tools"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr
        .split("did you mean:\n")
        .nth(1)
        .expect("suggestions")
        .lines()
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(lines.len() >= 4 && lines.len() % 2 == 0, "{stderr}");
    assert!(lines.iter().any(|l| l.trim().len() > 34), "{stderr}");
    for pair in lines.chunks(2) {
        let (id, title) = (pair[0], pair[1]);
        assert!(id.starts_with("  ") && !id.trim().contains(' '), "{stderr}");
        assert!(
            title.starts_with("      ") && title.trim().contains(' '),
            "{stderr}"
        );
        assert!(
            id.chars().count() <= 80 && title.chars().count() <= 80,
            "{stderr}"
        );
    }
}

#[test]
fn a_query_without_letters_is_a_usage_error() {
    let (code, stdout, stderr) = run(&["search", "--", "-- /"]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert!(stderr.contains("has no letters or digits"), "{stderr}");
    let (code, _, _) = run(&["search", "x", "--in", "nowhere"]);
    assert_eq!(code, 2);
}

#[test]
fn text_highlights_the_matched_words_in_colour() {
    let out = careers()
        .args(["search", "zendesk", "--in", "tools", "--color", "always"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Bold yellow: the match style.
    assert!(stdout.contains("\x1b[33;1mZendesk\x1b[0m"), "{stdout:?}");
    let plain = text(&["zendesk", "--in", "tools"], "100");
    assert!(!plain.contains('\x1b'));
    assert!(plain.contains("tools: Zendesk (Customer Relationship Management (CRM) Software) [1]"));
}

#[test]
fn text_stays_within_forty_columns() {
    let out = text(&["custmer servce", "--limit", "0"], "40");
    for line in out.lines() {
        assert!(line.chars().count() <= 40, "{line:?}");
    }
    // Ids are never split.
    assert!(out.contains("   customer-service-representative\n"));
}

#[test]
fn text_snapshot_at_fixed_width() {
    insta::assert_snapshot!("search_conflict_text", text(&["conflict"], "100"));
}

#[test]
fn text_snapshot_at_forty_columns() {
    insta::assert_snapshot!(
        "search_typo_text_40",
        text(&["custmer servce", "--limit", "3"], "40")
    );
}

#[test]
fn user_roles_are_searched_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("help-desk-plumber.toml"),
        r#"id = "help-desk-plumber"
title = "Help Desk Plumber"
family = { name = "Customer Service", source = "csa-role-profile" }
"#,
    )
    .expect("write");
    let dir_arg = dir.path().to_string_lossy().into_owned();
    let (code, stdout, stderr) = run(&[
        "search",
        "plumbr",
        "--data-dir",
        &dir_arg,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let hits: Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(hits[0]["id"], "help-desk-plumber");
}

#[test]
fn huge_queries_are_usage_errors_not_panics() {
    let long = "a".repeat(100_000);
    let (code, stdout, stderr) = run(&["search", &long]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.ends_with("…` has a word of 100000 letters; words of at most 64 are searched for\n"),
        "{stderr}"
    );
    // The query is quoted cut short, not in full.
    assert!(stderr.len() < 300);
    let many = vec!["word"; 40].join(" ");
    let (code, _, stderr) = run(&["search", &many]);
    assert_eq!(code, 2);
    assert!(stderr.contains("has 40 words; at most 32 are searched for"));
    let (code, _, stderr) = run(&["skills", "--find", &long]);
    assert_eq!(code, 2);
    assert!(!stderr.contains("panicked"));
}

#[test]
fn control_characters_in_queries_are_not_echoed_raw() {
    let (code, _, stderr) = run(&["search", "plumb\x1b[31mer"]);
    assert_eq!(code, 1);
    assert!(!stderr.contains('\x1b'), "{stderr:?}");
    assert!(stderr.contains("\\u{1b}"));
}

#[test]
fn misspelt_words_are_corrected_as_role_names_are_and_said_on_stderr() {
    let (code, stdout, stderr) = run(&["search", "sofware enginer", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        "careers: searching \"sofware enginer\": read as \"software engineer\"\n"
    );
    let hits: Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(hits[0]["id"], "software-developers");
    // As if typed right: the same hits, and no note.
    let (code, right, stderr) = run(&["search", "software engineer", "--format", "json"]);
    assert_eq!(code, 0);
    assert_eq!(stderr, "");
    assert_eq!(right, stdout);
    // A first letter wrong, which the matcher's own typo tolerance misses.
    let (code, stdout, stderr) = run(&["search", "kashier", "--limit", "1", "--format", "tsv"]);
    assert_eq!(code, 0);
    assert!(stderr.contains("read as \"cashier\""), "{stderr}");
    assert!(
        stdout
            .lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("cashiers\t")),
        "{stdout}"
    );
}
