//! `careers search` over the official occupations' texts (issue 15):
//! alternate and sample titles, technology, tasks and descriptions,
//! ranked so that a title beats a task mention, each hit with its source.

mod common;
use common::{assert_fits, careers, run};
use serde_json::Value;

fn json(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, stdout, stderr) = run(&all);
    assert_eq!(code, 0, "careers {all:?}: {stderr}");
    match serde_json::from_str(&stdout) {
        Ok(Value::Array(hits)) => hits,
        other => panic!("an array of hits, got {other:?}"),
    }
}

/// The matched entry of `hit` in `field`.
fn field<'v>(hit: &'v Value, field: &str) -> &'v Value {
    hit["matched"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["field"] == field))
        .unwrap_or_else(|| panic!("no {field} in {hit}"))
}

#[test]
fn everyday_titles_find_their_occupation_first() {
    let hits = json(&["software engineer"]);
    assert_eq!(hits[0]["id"], "software-developers");
    let sample = field(&hits[0], "sample_titles");
    assert_eq!(sample["text"], "Software Engineer");
    assert_eq!(sample["source"], "bls-ep-2024-34");
    assert_eq!(sample["score"].as_f64(), Some(0.9));

    let hits = json(&["forklift"]);
    assert_eq!(hits[0]["id"], "industrial-truck-and-tractor-operators");
    assert_eq!(field(&hits[0], "alternate_titles")["source"], "onet-29-1");

    let hits = json(&["phlebotomy"]);
    assert_eq!(hits[0]["id"], "phlebotomists");
    assert_eq!(field(&hits[0], "tasks")["source"], "onet-30-0-tasks");

    let hits = json(&["bank teller"]);
    assert_eq!(hits[0]["id"], "tellers");
}

#[test]
fn an_exact_title_beats_a_task_mention() {
    // Many tasks mention cashiers; the occupation's title is the query.
    let hits = json(&["cashiers", "--limit", "0"]);
    assert_eq!(hits[0]["id"], "cashiers");
    assert_eq!(hits[0]["matched"][0]["field"], "title");
    assert_eq!(hits[0]["score"].as_f64(), Some(1.0));
    let by_task = hits
        .iter()
        .filter(|h| h["matched"][0]["field"] == "tasks")
        .count();
    assert!(by_task > 0, "some roles match by a task only");
    assert!(hits
        .iter()
        .filter(|h| h["matched"][0]["field"] == "tasks")
        .all(|h| h["score"].as_f64().is_some_and(|s| s <= 0.7)));
}

#[test]
fn in_takes_the_new_fields_and_searches_only_them() {
    for (name, json_name, source) in [
        ("tasks", "tasks", "onet-30-0-tasks"),
        ("alternate-titles", "alternate_titles", "onet-29-1"),
        ("alternate_titles", "alternate_titles", "onet-29-1"),
        ("sample-titles", "sample_titles", "bls-ep-2024-34"),
        ("technology", "technology", "onet-29-1"),
    ] {
        let query = if name == "technology" {
            "jira"
        } else {
            "forklift"
        };
        let hits = json(&[query, "--in", name, "--limit", "0"]);
        assert!(!hits.is_empty(), "{name}");
        for h in &hits {
            for m in h["matched"].as_array().expect("matched") {
                assert_eq!(m["field"], json_name, "{name}: {h}");
                assert_eq!(m["source"], source, "{name}: {h}");
            }
        }
    }
    let hits = json(&["develop software", "--in", "description", "--limit", "3"]);
    let d = field(&hits[0], "description");
    assert!(["onet-29-1", "onet-25-1"].contains(&d["source"].as_str().unwrap_or("")));
}

#[test]
fn a_curated_role_carries_its_occupations_texts_marked_with_the_code() {
    let hits = json(&["customer service agent", "--in", "alternate-titles"]);
    let ids: Vec<&str> = hits.iter().filter_map(|h| h["id"].as_str()).collect();
    assert!(ids.contains(&"customer-service-representative"), "{ids:?}");
    let rep = hits
        .iter()
        .find(|h| h["id"] == "customer-service-representative")
        .expect("the representative");
    let alt = field(rep, "alternate_titles");
    assert_eq!(alt["text"], "Customer Service Agent");
    assert_eq!(alt["context"], "SOC 43-4051");
    // The occupation itself is not listed apart from the roles that stand
    // for it.
    assert!(
        !ids.contains(&"customer-service-representatives"),
        "{ids:?}"
    );
}

#[test]
fn tsv_rows_name_the_field_and_source_of_each_official_text() {
    let (code, stdout, _) = run(&["search", "forklift", "--limit", "1", "--format", "tsv"]);
    assert_eq!(code, 0);
    let rows: Vec<Vec<&str>> = stdout
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.iter().all(|r| r.len() == 8));
    assert!(rows
        .iter()
        .any(|r| r[3] == "sample_titles" && r[4] == "Forklift Driver" && r[7] == "bls-ep-2024-34"));
}

#[test]
fn long_texts_are_excerpts_in_text_and_whole_in_json() {
    let out = careers()
        .args([
            "search",
            "develop software",
            "--in",
            "description",
            "--limit",
            "1",
        ])
        .env("COLUMNS", "100")
        .output()
        .expect("careers runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains('…'), "{text}");
    let hits = json(&["develop software", "--in", "description", "--limit", "1"]);
    let d = field(&hits[0], "description")["text"]
        .as_str()
        .unwrap_or("");
    assert!(!d.contains('…') && d.len() > 200, "{d}");
}

#[test]
fn official_hits_fit_every_width() {
    for width in [40, 60, 80, 100, 120] {
        for q in ["software engineer", "phlebotomy", "develop software"] {
            let out = careers()
                .args(["search", q])
                .env("COLUMNS", width.to_string())
                .output()
                .expect("careers runs");
            assert_fits(&String::from_utf8_lossy(&out.stdout), width, q);
        }
    }
}
