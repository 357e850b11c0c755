//! Official wages (BLS OEWS May 2025) through the commands. Expected
//! figures are copied from ../shared/data/oews-2025/*.tsv (the same tables
//! bundled in data/oews-2025/), row and column named beside each.

mod common;
use common::run;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

fn official(v: &Value) -> &Value {
    &v["official_wages"][0]
}

#[test]
fn a_national_figure() {
    // national.tsv, 0000000 43-4051: employment 2595750, annual_median 44770.
    let v = json(&[
        "show",
        "customer-service-representative",
        "--format",
        "json",
    ]);
    let o = official(&v);
    assert_eq!(o["soc"], "43-4051");
    assert_eq!(o["area"]["kind"], "nation");
    assert_eq!(o["source"], "bls-oews-2025");
    assert_eq!(o["wages"]["annual"]["median"]["value"], 44770.0);
    assert_eq!(o["wages"]["employment"]["value"], 2595750.0);
    assert!(v["sources"]
        .as_array()
        .is_some_and(|s| s.iter().any(|s| s["id"] == "bls-oews-2025")));
}

#[test]
fn a_state_figure_by_postal_code_and_by_name() {
    // states.tsv, 4800000 43-4051: employment 337170, hourly_median 19.44, annual_median 40420.
    for area in ["TX", "texas", "Texas"] {
        let v = json(&["show", "associate", "--area", area, "--format", "json"]);
        let o = official(&v);
        assert_eq!(o["area"]["name"], "Texas", "{area}");
        assert_eq!(o["wages"]["hourly"]["median"]["value"], 19.44);
        assert_eq!(o["wages"]["annual"]["median"]["value"], 40420.0);
        assert_eq!(o["wages"]["employment"]["value"], 337170.0);
    }
}

#[test]
fn a_metro_figure_by_fuzzy_name() {
    // metros.tsv, 0012420 (Austin-Round Rock-San Marcos, TX) 43-4051:
    // employment 32690, hourly_median 21.02, annual_median 43720.
    let v = json(&[
        "salary",
        "representative",
        "--area",
        "austin",
        "--format",
        "json",
    ]);
    let o = &v[0]["official"][0];
    assert_eq!(o["area"]["code"], "0012420");
    assert_eq!(o["area"]["kind"], "metro");
    assert_eq!(o["wages"]["annual"]["median"]["value"], 43720.0);
    assert_eq!(o["wages"]["hourly"]["median"]["value"], 21.02);
}

#[test]
fn a_top_coded_value_shows_as_at_or_above_the_cap() {
    // states.tsv, 4800000 29-1243 (Pediatric Surgeons): every wage cell is
    // `-` with footnote 5 (top-coded).
    let v = json(&["show", "29-1243", "--area", "TX", "--format", "json"]);
    let median = &official(&v)["wages"]["annual"]["median"];
    assert_eq!(median["status"], "top_coded");
    assert_eq!(median["at_least"], 239200.0);
    let (code, stdout, _) = run(&[
        "show",
        "pediatric surgeons",
        "--area",
        "TX",
        "--section",
        "wages",
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains(">= $239,200"), "{stdout}");
    assert!(
        stdout.contains(">= top-coded: the BLS publishes no figure"),
        "{stdout}"
    );
}

#[test]
fn a_missing_value_shows_its_footnote() {
    // national.tsv, 0000000 11-9032 (Education Administrators, Kindergarten
    // through Secondary): hourly cells `-` with footnote 4; annual_median 105870.
    let v = json(&["show", "11-9032", "--format", "json"]);
    let w = &official(&v)["wages"];
    assert_eq!(w["hourly"]["median"]["status"], "not_available");
    assert_eq!(w["hourly"]["median"]["footnote"], 4);
    assert_eq!(w["annual"]["median"]["value"], 105870.0);
    let (_, stdout, _) = run(&["show", "11-9032", "--section", "wages"]);
    assert!(
        stdout.contains("n/a: paid by the hour or the year only"),
        "{stdout}"
    );
}

#[test]
fn occupations_resolve_by_id_code_and_title() {
    for name in ["registered-nurses", "29-1141", "Registered Nurses"] {
        let v = json(&["show", name, "--format", "json"]);
        assert_eq!(v["id"], "registered-nurses", "{name}");
        assert_eq!(v["origin"], "official");
        assert_eq!(official(&v)["soc"], "29-1141");
    }
}

#[test]
fn curated_roles_still_win_their_words() {
    for (name, id) in [
        ("associate", "customer-service-associate"),
        ("representative", "customer-service-representative"),
    ] {
        let v = json(&["show", name, "--format", "json"]);
        assert_eq!(v["id"], id, "{name}");
    }
}

#[test]
fn an_ambiguous_word_lists_candidates_biggest_first() {
    let (code, _, stderr) = run(&["show", "surgeons"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("matches") && stderr.contains("surgeons"),
        "{stderr}"
    );
}

#[test]
fn unknown_areas_are_a_usage_error_with_suggestions() {
    let (code, stdout, stderr) = run(&["show", "associate", "--area", "Texsa"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("Texas"), "{stderr}");
}

#[test]
fn national_is_the_default_and_labelled() {
    let (code, stdout, _) = run(&["show", "associate", "--section", "wages"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("National (U.S.)"), "{stdout}");
}

#[test]
fn a_curated_role_and_its_occupation_are_not_listed_twice() {
    let (code, stdout, _) = run(&["list", "--all", "--format", "tsv"]);
    assert_eq!(code, 0);
    // 11 curated + 830 occupations - 1 (43-4051 is the associate's and the
    // representative's exact occupation) + a header.
    assert_eq!(stdout.lines().count(), 11 + 830 - 1 + 1);
    assert!(!stdout.contains("\ncustomer-service-representatives\t"));
    let (_, stdout, _) = run(&[
        "search",
        "customer service representatives",
        "--format",
        "json",
        "--limit",
        "0",
    ]);
    let hits: Value = serde_json::from_str(&stdout).expect("json");
    assert!(hits.as_array().is_some_and(|h| !h
        .iter()
        .any(|h| h["id"] == "customer-service-representatives")));
}

#[test]
fn list_sorts_by_official_medians_where_no_guide_gives_pay() {
    let v = json(&["list", "--sort", "salary", "--format", "json"]);
    let sup = v
        .as_array()
        .and_then(|rows| {
            rows.iter()
                .find(|r| r["id"] == "customer-service-supervisor")
        })
        .expect("supervisor");
    // national.tsv, 0000000 43-1011: annual_median 69500.
    assert_eq!(sup["pay"]["value"], 69500.0);
    assert_eq!(sup["pay"]["source"], "bls-oews-2025");
    assert_eq!(sup["pay"]["basis"], "official median");
    assert_eq!(sup["pay"]["soc"], "43-1011");
}

#[test]
fn the_best_paid_occupations_of_a_state() {
    let (code, stdout, _) = run(&["salary", "--top", "3", "--area", "TX", "--format", "tsv"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("rank\tid\tsoc"));
    // states.tsv, 4800000 29-1212 (Cardiologists): annual_median 410150, the highest published.
    assert!(
        lines[1].starts_with("1\tcardiologists\t29-1212\tCardiologists\t410150\t"),
        "{}",
        lines[1]
    );
    assert!(lines
        .iter()
        .all(|l| l.ends_with("bls-oews-2025") || l.starts_with("rank")));
    let (code, _, _) = run(&["salary", "--top", "0"]);
    assert_eq!(code, 2);
}

#[test]
fn compare_shows_official_medians_and_their_difference() {
    let (code, stdout, _) = run(&["compare", "associate", "supervisor"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Median: $44,770/yr"), "{stdout}");
    assert!(stdout.contains("Median: $69,500/yr"), "{stdout}");
    assert!(stdout.contains("+$24,730/yr"), "{stdout}");
}
