//! `careers compare` against the real binary.

mod common;
use common::{careers, run};
use serde_json::Value;
use std::fs;
use unicode_width::UnicodeWidthStr;

const HEAD: &str = "title = \"Night Shift Lead\"\nfamily = { name = \"Customer Service\", source = \"jobicy-csa-guide\" }\n";

/// A data dir with one user role `id`, its TOML after the header being `body`.
fn user_role(id: &str, body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("roles")).expect("roles dir");
    fs::write(
        dir.path().join("roles").join(format!("{id}.toml")),
        format!("id = \"{id}\"\n{HEAD}{body}"),
    )
    .expect("write role");
    dir
}

fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

fn json_with_dir(dir: &tempfile::TempDir, args: &[&str]) -> Value {
    let out = careers()
        .args(args)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn the_issue_example_works_as_written() {
    let (code, stdout, stderr) = run(&["compare", "associate", "representative"]);
    assert_eq!(code, 0, "{stderr}");
    // Only what the two words were taken for.
    assert!(
        stderr.lines().count() == 2 && stderr.lines().all(|l| l.starts_with("careers: taking")),
        "{stderr}"
    );
    for want in [
        "Customer Service Associate",
        "Customer Service Representative",
        "(baseline)",
        "Median: $42,000/yr [1]",
        "Median: +$4,000/yr (+9.5%)",
        "Range high: +$8,000/yr (+15.4%)",
        "+10% Growing faster than average [1]",
        "(sources disagree)",
        "Moderate to High [4]",
        "Tier 3/5: Senior Customer Service",
        "Skills in both (25)",
        "Skill gap",
        "[1] Customer Service Associate Career Path Guide, Jobicy (id jobicy-csa-guide)",
    ] {
        assert!(stdout.contains(want), "missing {want:?} in:\n{stdout}");
    }
}

#[test]
fn json_has_the_documented_shape_and_figures() {
    let v = json(&["compare", "associate", "rep", "--format", "json"]);
    assert_eq!(v["baseline"], "customer-service-associate");
    let ids: Vec<&str> = v["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "customer-service-associate",
            "customer-service-representative"
        ]
    );
    let rep = &v["roles"][1];
    assert_eq!(rep["title"], "Customer Service Representative");
    let median = rep["pay"]
        .as_array()
        .and_then(|p| p.iter().find(|f| f["kind"] == "median"))
        .expect("a median");
    assert_eq!(median["value"], 46000.0);
    assert_eq!(median["source"], "jobicy-csr-guide");
    assert_eq!(median["period"], "year");
    assert_eq!(median["converted"], false);

    let d = v["differences"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["measure"] == "median"))
        .expect("a median difference");
    assert_eq!(d["role"], "customer-service-representative");
    assert_eq!(d["comparable"], true);
    assert_eq!(d["amount"], 4000.0);
    let pct = d["percent"].as_f64().expect("percent");
    assert!((pct - 9.5238).abs() < 1e-3, "{pct}");
    assert_eq!(d["baseline"]["source"], "jobicy-csa-guide");
    assert_eq!(d["other"]["source"], "jobicy-csr-guide");
    assert!(d["reason"].is_null());

    assert_eq!(rep["growth"]["sources_disagree"], true);
    assert_eq!(rep["growth"]["statements"][0]["percent"], 6.0);
    assert_eq!(
        rep["education"][0]["value"],
        "High school diploma or equivalent"
    );
    assert_eq!(rep["remote"][0]["remote_friendly"], true);
    assert_eq!(rep["stress"][0]["value"], "Moderate to High");

    let shared = v["skills"]["shared"].as_array().expect("shared");
    assert!(shared.iter().any(|s| s == "Active listening"), "{shared:?}");
    assert!(v["skills"]["unique"]["customer-service-representative"]
        .as_array()
        .is_some_and(|u| u.iter().any(|s| s == "AI Chatbot Management")));
    assert!(v["tools"]["shared"]
        .as_array()
        .is_some_and(|t| t.iter().any(|s| s == "Zendesk")));

    let gap = &v["gaps"][0];
    assert_eq!(gap["from"], "customer-service-associate");
    assert_eq!(gap["to"], "customer-service-representative");
    assert_eq!(gap["known"], true);
    assert_eq!(
        gap["skills_to_gain"], v["skills"]["unique"]["customer-service-representative"],
        "with two roles, the gap is what only the target lists"
    );
    let sources: Vec<&str> = v["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(sources[0], "jobicy-csa-guide");
    assert!(sources.contains(&"csa-role-profile"));
}

#[test]
fn every_cited_source_is_in_the_sources_list() {
    let v = json(&[
        "compare",
        "associate",
        "representative",
        "supervisor",
        "--format",
        "json",
    ]);
    let text = v.to_string();
    let listed: Vec<&str> = v["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    for r in v["roles"].as_array().expect("roles") {
        for f in r["pay"].as_array().expect("pay") {
            let s = f["source"].as_str().expect("a source on every figure");
            assert!(listed.contains(&s), "{s} not listed in {text}");
        }
    }
}

#[test]
fn ladders_come_from_tiers_linked_to_the_role() {
    let v = json(&["compare", "associate", "supervisor", "--format", "json"]);
    let ladders = v["roles"][1]["ladders"].as_array().expect("ladders");
    assert_eq!(ladders.len(), 2, "{ladders:?}");
    for l in ladders {
        assert_eq!(l["tiers_total"], 5);
        assert_eq!(l["tiers"][0]["position"], 4);
    }
    assert_eq!(ladders[0]["defined_by"], "customer-service-associate");
    assert_eq!(ladders[1]["source"], "jobicy-csr-guide");
    // No guide gives the supervisor pay: its pay is the official median
    // of its approximate SOC code, compared with the associate's official
    // median (issue 14, item 1), never "no pay figures".
    let differences = v["differences"].as_array().expect("differences");
    assert_eq!(differences.len(), 1, "{differences:?}");
    let d = &differences[0];
    assert_eq!(d["measure"], "official_median");
    assert_eq!(
        (d["baseline"]["soc"].as_str(), d["other"]["soc"].as_str()),
        (Some("43-4051"), Some("43-1011"))
    );
    assert_eq!(d["amount"].as_f64(), Some(24730.0));
    assert_eq!(v["roles"][1]["headline"]["basis"], "official median");
    assert_eq!(v["roles"][1]["headline"]["approximate"], true);
    let (_, stdout, _) = run(&["compare", "associate", "supervisor"]);
    assert!(
        stdout.contains("$69,500/yr official median, SOC 43-1011"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Official median: +$24,730/yr (+55.2%)"),
        "{stdout}"
    );
    assert!(!stdout.contains("no pay figures"), "{stdout}");
}

#[test]
fn shared_and_unique_hold_for_three_roles() {
    let v = json(&[
        "compare",
        "associate",
        "representative",
        "customer-success-manager",
        "--format",
        "json",
    ]);
    let unique = v["skills"]["unique"].as_object().expect("unique");
    let keys: Vec<&String> = unique.keys().collect();
    assert_eq!(
        keys,
        [
            "customer-service-associate",
            "customer-service-representative",
            "customer-success-manager"
        ],
        "in the order given"
    );
    for (id, items) in unique {
        for item in items.as_array().expect("list") {
            for (other, others) in unique {
                if other != id {
                    assert!(
                        !others.as_array().is_some_and(|o| o.contains(item)),
                        "{item} is in both {id} and {other}"
                    );
                }
            }
        }
    }
    assert_eq!(v["gaps"].as_array().map(Vec::len), Some(2));
}

#[test]
fn the_same_role_twice_is_a_usage_error() {
    let (code, stdout, stderr) = run(&["compare", "rep", "representative"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("`rep` and `representative` both name customer-service-representative"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["compare", "associate", "clerk", "associate"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("`associate` is given twice"), "{stderr}");
}

#[test]
fn unknown_and_ambiguous_names_exit_1() {
    let (code, stdout, stderr) = run(&["compare", "associate", "astronaut"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("no role matches `astronaut`"), "{stderr}");
    let (code, _, stderr) = run(&["compare", "associate", "manager"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("customer-success-manager"), "{stderr}");
    assert!(stderr.contains("customer-service-manager"), "{stderr}");
}

#[test]
fn one_role_or_a_diagram_format_is_a_usage_error() {
    assert_eq!(run(&["compare", "associate"]).0, 2);
    assert_eq!(
        run(&["compare", "associate", "rep", "--format", "mermaid"]).0,
        2
    );
}

#[test]
fn figures_in_other_periods_or_currencies_are_not_comparable() {
    let dir = user_role(
        "night-shift-lead",
        "\n[[salary]]\nsource = \"csa-essay\"\ncurrency = \"USD\"\nperiod = \"hour\"\nmedian = 21.5\n\n[[salary]]\nsource = \"csa-essay\"\ncurrency = \"EUR\"\nperiod = \"year\"\nentry = 30000\n",
    );
    let v = json_with_dir(
        &dir,
        &[
            "compare",
            "associate",
            "night-shift-lead",
            "--format",
            "json",
        ],
    );
    let diffs = v["differences"].as_array().expect("differences");
    let median = diffs
        .iter()
        .find(|d| d["measure"] == "median")
        .expect("median");
    assert_eq!(median["comparable"], false);
    assert!(median["amount"].is_null() && median["percent"].is_null());
    assert_eq!(median["reason"], "different periods (per year vs per hour)");
    assert_eq!(median["other"]["value"], 21.5);
    let entry = diffs
        .iter()
        .find(|d| d["measure"] == "entry")
        .expect("entry");
    assert_eq!(entry["reason"], "different currencies (USD vs EUR)");
    // Measures only one side gives are not listed.
    assert!(diffs.iter().all(|d| d["measure"] != "senior"));

    let out = careers()
        .args(["compare", "associate", "night-shift-lead", "--data-dir"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Median: not comparable, different"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Entry-level: not comparable, different"),
        "{stdout}"
    );
    assert!(stdout.contains("Median: $21.50/h [3]"), "{stdout}");
}

#[test]
fn a_role_without_skills_makes_the_gap_unknown() {
    let dir = user_role("night-shift-lead", "");
    let v = json_with_dir(
        &dir,
        &[
            "compare",
            "associate",
            "night-shift-lead",
            "--format",
            "json",
        ],
    );
    assert_eq!(v["gaps"][0]["known"], false);
    assert_eq!(v["gaps"][0]["reason"], "night-shift-lead lists no skills");
    let out = careers()
        .args(["compare", "associate", "night-shift-lead", "--data-dir"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Night Shift Lead: unknown (night-shift-lead lists no skills)"),
        "{stdout}"
    );
}

#[test]
fn text_fits_forty_columns_in_a_stacked_layout() {
    for roles in [
        &["associate", "representative"][..],
        &["associate", "representative", "supervisor", "clerk"][..],
    ] {
        let out = careers()
            .env("COLUMNS", "40")
            .arg("compare")
            .args(roles)
            .output()
            .expect("runs");
        assert!(out.status.success());
        let stdout = String::from_utf8_lossy(&out.stdout);
        for l in stdout.lines() {
            assert!(l.width() <= 40, "{} columns: {l:?}", l.width());
        }
        assert!(stdout.contains("Pay vs baseline"));
        assert!(!stdout.contains('┌'), "no table at 40 columns");
        assert!(stdout.contains("Median: +$4,000/yr (+9.5%)"));
    }
}

#[test]
fn wide_terminals_get_one_column_per_role() {
    let out = careers()
        .env("COLUMNS", "140")
        .args(["compare", "associate", "representative", "supervisor"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let top = stdout.lines().next().unwrap_or("");
    assert!(top.starts_with('┌'), "{top}");
    assert_eq!(top.matches('┬').count(), 3, "label column + 3 roles: {top}");
    for l in stdout.lines() {
        assert!(l.width() <= 140, "{l}");
    }
}

#[test]
fn ascii_tables_use_no_box_drawing() {
    let (code, stdout, _) = run(&["compare", "associate", "representative", "--ascii"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("+-") || stdout.starts_with("Roles:"));
    assert!(!stdout.contains('│') && !stdout.contains('→'));
}

#[test]
fn tsv_is_a_header_then_eleven_fields_per_record() {
    let (code, stdout, _) = run(&["compare", "associate", "representative", "--format", "tsv"]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("attribute\trole\tkind\tvalue\tcurrency\tperiod\tunit\tsource\tsoc\tarea\tdetail")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 11), "{rows:?}");
    // Money: the currency and the period in their own fields (`year`,
    // `hour`), never `USD/year`.
    assert!(!stdout.contains("USD/"), "{stdout}");
    assert!(rows.contains(&vec![
        "difference",
        "customer-service-representative",
        "median",
        "4000",
        "USD",
        "year",
        "",
        "jobicy-csa-guide,jobicy-csr-guide",
        "",
        "",
        ""
    ]));
    assert!(rows.contains(&vec![
        "pay",
        "customer-service-associate",
        "average",
        "10.78",
        "USD",
        "hour",
        "",
        "indeed-csa-job-description",
        "",
        "",
        ""
    ]));
    // Official medians with their SOC code and area as fields.
    assert!(rows.contains(&vec![
        "pay",
        "customer-service-associate",
        "official_median",
        "44770",
        "USD",
        "year",
        "",
        "bls-oews-2025",
        "43-4051",
        "National (U.S.)",
        ""
    ]));
    assert!(rows
        .iter()
        .any(|r| r[0] == "gap" && r[1] == "customer-service-representative" && r[2] == "to_learn"));
    assert!(rows
        .iter()
        .any(|r| r[0] == "skills" && r[2] == "shared" && r[3] == "Active listening"));
}

#[test]
fn compare_text_snapshot_at_fixed_width() {
    let out = careers()
        .env("COLUMNS", "100")
        .args(["compare", "associate", "representative"])
        .output()
        .expect("runs");
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn compare_text_snapshot_at_forty_columns() {
    let out = careers()
        .env("COLUMNS", "40")
        .args(["compare", "clerk", "supervisor"])
        .output()
        .expect("runs");
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}
