//! `careers path` against the real binary: routes, no route, cycles in
//! user data, unknown roles, the skill gap, and every output format.

mod common;
use common::{assert_dot_renders, careers, run};
use serde_json::Value;
use std::path::Path;

const CSA: &str = "customer-service-associate";
const SUP: &str = "customer-service-supervisor";
const MGR: &str = "customer-service-manager";

fn json(args: &[&str]) -> Vec<Value> {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    let v: Value = serde_json::from_str(&stdout).expect("valid JSON");
    v.as_array().expect("an array").clone()
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write a test data file");
}

const SOURCES: &str = "[[source]]\nid = \"test-src\"\ntitle = \"Test source\"\nkind = \"essay\"\n";

fn user_role(id: &str, title: &str, rest: &str) -> String {
    format!(
        "id = \"{id}\"\ntitle = \"{title}\"\nfamily = {{ name = \"Test\", source = \"test-src\" }}\n{rest}"
    )
}

fn user_move(to: &str, years: &str) -> String {
    format!(
        "[[moves]]\nsource = \"test-src\"\nto = \"{to}\"\nrole = \"{to}\"\nkind = \"lateral\"\n{years}\n"
    )
}

/// Two user roles whose moves point at each other, and a third that
/// neither reaches.
fn cycle_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    write(dir.path(), "sources.toml", SOURCES);
    write(
        dir.path(),
        "loop-a.toml",
        &user_role("loop-a", "Loop A", &user_move("loop-b", "min_years = 1")),
    );
    write(
        dir.path(),
        "loop-b.toml",
        &user_role("loop-b", "Loop B", &user_move("loop-a", "min_years = 2")),
    );
    write(
        dir.path(),
        "island.toml",
        &user_role("island", "Island", ""),
    );
    dir
}

#[test]
fn the_associate_to_manager_route_in_text() {
    let (code, stdout, stderr) = run(&["path", CSA, MGR]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty());
    insta::assert_snapshot!("path_associate_to_manager_text", stdout);
}

#[test]
fn the_route_through_the_ladder_has_years_pay_notes_and_skills_per_step() {
    let steps = json(&["path", CSA, MGR, "--format", "json"]);
    // The fewest steps: the direct move a source names (no years).
    assert_eq!(steps[0]["route"], 1);
    assert_eq!(steps[0]["basis"], "fewest-steps");
    assert_eq!(
        (steps[0]["from"].as_str(), steps[0]["to"].as_str()),
        (Some(CSA), Some(MGR))
    );
    assert_eq!(steps[0]["years"], serde_json::json!([]));
    // Then the ladder, where every step has years.
    let ladder: Vec<&Value> = steps.iter().filter(|s| s["route"] == 2).collect();
    assert_eq!(ladder.len(), 2);
    assert!(ladder
        .iter()
        .all(|s| s["basis"] == "least-years" && s["kind"] == "promotion"));
    assert_eq!(
        (ladder[0]["to"].as_str(), ladder[1]["to"].as_str()),
        (Some(SUP), Some(MGR))
    );
    assert_eq!(
        ladder[0]["years"],
        serde_json::json!([
            {"min": 5, "max": null, "source": "jobicy-csa-guide"},
            {"min": 1, "max": 3, "source": "csa-role-profile"}
        ])
    );
    assert_eq!(
        ladder[1]["years"],
        serde_json::json!([{"min": 7, "max": null, "source": "jobicy-csa-guide"}])
    );
    assert_eq!(
        ladder[0]["sources"],
        serde_json::json!(["jobicy-csa-guide", "csa-role-profile"])
    );
    // No guide gives the supervisor pay; the official medians of both
    // ends are comparable (same source, area, period and measure).
    let pay = &ladder[0]["pay_change"];
    assert_eq!(pay["change"], 24730.0);
    assert_eq!(pay["note"], Value::Null);
    assert_eq!(pay["from"]["value"], 44770.0);
    assert_eq!(pay["from"]["basis"], "official median");
    assert_eq!(pay["to"]["value"], 69500.0);
    assert_eq!(
        (&pay["to"]["soc"], &pay["to"]["approximate"]),
        (&Value::from("43-1011"), &Value::from(true))
    );
    // The manager has no pay at all: no change, and the reason.
    let pay = &ladder[1]["pay_change"];
    assert_eq!(pay["change"], Value::Null);
    assert_eq!(pay["note"], "no pay figure for customer-service-manager");
    assert_eq!(pay["from"]["value"], 69500.0);
    for s in &steps {
        for field in ["skills_to_gain", "skills_shared", "sources", "years"] {
            assert!(s[field].is_array(), "{field} in {s}");
        }
        assert!(s.get("pay_change").is_some());
    }
}

#[test]
fn the_skill_gap_is_the_one_compare_uses() {
    let catalog = careers::catalog::Catalog::bundled().expect("bundled catalog");
    let steps = json(&["path", CSA, MGR, "--by", "years", "--format", "json"]);
    assert_eq!(steps.len(), 2);
    for s in &steps {
        let from = catalog
            .role(s["from"].as_str().expect("from"))
            .expect("decodes")
            .expect("a role");
        let to = catalog
            .role(s["to"].as_str().expect("to"))
            .expect("decodes")
            .expect("a role");
        let gap = careers::skillset::gap(from, to);
        assert_eq!(s["skills_to_gain"], serde_json::json!(gap.skills_to_gain));
        assert_eq!(s["skills_shared"], serde_json::json!(gap.skills_shared));
        assert_eq!(s["skills_known"], gap.known);
    }
    assert!(steps[0]["skills_to_gain"]
        .as_array()
        .expect("array")
        .contains(&Value::from("Strong leadership")));
    // And in the other direction the associate's own skills are to gain.
    let back = json(&["path", SUP, CSA, "--format", "json"]);
    let gain = back[0]["skills_to_gain"].as_array().expect("array");
    assert!(gain.len() > 20, "{gain:?}");
}

#[test]
fn by_years_picks_the_ladder_with_its_highest_figure() {
    let (code, stdout, _) = run(&["path", CSA, MGR, "--by", "years"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("1 route with the least typical time"));
    assert!(stdout.contains("Route: 2 steps, typically by 7 years of experience"));
    assert!(stdout.contains("Years: 5+ years [1]; 1-3 years [2]"));
    assert!(!stdout.contains("With years for every step"));
}

#[test]
fn mermaid_and_dot_draw_the_routes() {
    let (code, mermaid, _) = run(&["path", CSA, MGR, "--format", "mermaid"]);
    assert_eq!(code, 0);
    assert!(mermaid.starts_with("flowchart TB\n"));
    assert!(mermaid.contains("n0[\"Customer Service Associate<br/>customer-service-associate\"]"));
    assert!(mermaid.contains("n2 -->|\"promotion<br/>7+ years (jobicy-csa-guide)\"| n1"));
    let (code, dot, _) = run(&["path", CSA, MGR, "--format", "dot"]);
    assert_eq!(code, 0);
    assert!(dot.starts_with("digraph path {"));
    assert!(dot.contains("n0 -> n2 [label=\"promotion\\n5+ years (jobicy-csa-guide)\\n1-3 years (csa-role-profile)\"];"));
    assert_dot_renders(&dot);
    let (code, tree, _) = run(&["path", CSA, "--format", "dot"]);
    assert_eq!(code, 0);
    assert!(
        tree.contains("style=dashed"),
        "destinations without a profile"
    );
    assert_dot_renders(&tree);
}

#[test]
fn tsv_is_one_row_per_step() {
    let (code, stdout, _) = run(&["path", CSA, MGR, "--format", "tsv"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("route\tstep\tbasis\tfrom\tto\tkind\tyears"));
    let cols = lines[0].split('\t').count();
    assert!(lines.iter().all(|l| l.split('\t').count() == cols));
    assert!(lines[3].starts_with("2\t2\tleast-years\tcustomer-service-supervisor\tcustomer-service-manager\tpromotion\t7+ years (jobicy-csa-guide)"));
}

#[test]
fn no_route_exits_1_and_says_what_is_reachable() {
    let (code, stdout, stderr) = run(&["path", "customer-success-manager", CSA]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("no route from customer-success-manager to customer-service-associate"));
    assert!(stderr.contains("customer-success-manager leads nowhere in the catalog"));

    let dir = cycle_dir();
    let d = dir.path().to_str().expect("utf-8 path");
    let (code, _, stderr) = run(&["--data-dir", d, "path", "loop-a", "island"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("no route from loop-a to island"));
    assert!(
        stderr.contains("reachable from loop-a:\n  loop-b\n"),
        "{stderr}"
    );
}

#[test]
fn a_cycle_in_user_data_does_not_loop() {
    let dir = cycle_dir();
    let d = dir.path().to_str().expect("utf-8 path");
    let steps = json(&[
        "--data-dir",
        d,
        "path",
        "loop-a",
        "loop-b",
        "--format",
        "json",
    ]);
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0]["years"][0]["min"], 1);
    let back = json(&[
        "--data-dir",
        d,
        "path",
        "loop-b",
        "loop-a",
        "--by",
        "years",
        "--format",
        "json",
    ]);
    assert_eq!(back.len(), 1);
    let tree = json(&["--data-dir", d, "path", "loop-a", "--format", "json"]);
    assert_eq!(tree.len(), 1, "loop-a reaches only loop-b: {tree:?}");
    assert_eq!(tree[0]["to"], "loop-b");
    let (code, text, _) = run(&["--data-dir", d, "path", "loop-a"]);
    assert_eq!(code, 0);
    assert!(
        text.contains("└── Loop B (loop-b) · lateral [1] · 1+ years [1]"),
        "{text}"
    );
}

#[test]
fn comparable_pay_gives_the_change() {
    let dir = tempfile::tempdir().expect("a temp dir");
    write(dir.path(), "sources.toml", SOURCES);
    let pay = |v: u32| {
        format!("[[salary]]\nsource = \"test-src\"\ncurrency = \"USD\"\nperiod = \"year\"\nmedian = {v}\n")
    };
    write(
        dir.path(),
        "pay-low.toml",
        &user_role(
            "pay-low",
            "Pay Low",
            &format!("{}{}", pay(40000), user_move("pay-high", "")),
        ),
    );
    write(
        dir.path(),
        "pay-high.toml",
        &user_role("pay-high", "Pay High", &pay(50000)),
    );
    let d = dir.path().to_str().expect("utf-8 path");
    let steps = json(&[
        "--data-dir",
        d,
        "path",
        "pay-low",
        "pay-high",
        "--format",
        "json",
    ]);
    let p = &steps[0]["pay_change"];
    assert_eq!(p["change"], 10000.0);
    assert_eq!(p["percent"], 25.0);
    assert_eq!(p["to"]["source"], "test-src");
    assert_eq!(p["note"], Value::Null);
    // Neither role lists skills: the gap is unknown, not empty.
    assert_eq!(steps[0]["skills_known"], false);
    let (_, text, _) = run(&["--data-dir", d, "path", "pay-low", "pay-high"]);
    assert!(
        text.contains("Pay: $40,000/yr median [1] → $50,000/yr median [1]: +$10,000/yr (+25%)"),
        "{text}"
    );
    assert!(text.contains("Skills: unknown (no skills listed for pay-low or pay-high)"));
}

#[test]
fn different_sources_are_not_compared() {
    let steps = json(&["path", "customer-service-clerk", CSA, "--format", "json"]);
    let p = &steps[0]["pay_change"];
    assert_eq!(p["change"], Value::Null);
    assert!(p["note"].as_str().is_some_and(
        |n| n.starts_with("different sources (customer-service-clerk: csa-role-profile;")
    ));
    assert_eq!(p["from"]["source"], "csa-role-profile");
    assert_eq!(p["to"]["source"], "jobicy-csa-guide");
}

#[test]
fn unknown_roles_and_bad_arguments() {
    let (code, stdout, stderr) = run(&["path", "astronaut", MGR]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("no role matches `astronaut`"));
    let (code, _, stderr) = run(&["path", CSA, "astronaut"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no role matches `astronaut`"));
    let (code, _, stderr) = run(&["path", CSA, "Customer Service Associate"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("FROM and TO are the same role (customer-service-associate)"));
    let (code, _, stderr) = run(&["path", CSA, "--by", "years"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--by years ranks routes between two roles"));
}

#[test]
fn the_reachable_tree_shows_kinds_years_and_destinations_without_a_profile() {
    let (code, stdout, _) = run(&["path", SUP]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("Reachable from Customer Service Supervisor\n"));
    assert!(stdout.contains(
        "├── Customer Service Manager (customer-service-manager) · promotion [1] · 7+ years [1]"
    ));
    assert!(stdout.contains("Technical support (no profile) · lateral"));
    let entries = json(&["path", SUP, "--format", "json"]);
    let tech = entries
        .iter()
        .find(|e| e["to"] == "Technical support")
        .expect("technical support is reachable");
    assert_eq!(tech["to_profile"], false);
    assert_eq!(tech["kind"], "lateral");
    // Each destination once, at its fewest steps.
    let mut seen: Vec<&str> = entries.iter().filter_map(|e| e["to"].as_str()).collect();
    let n = seen.len();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), n);
}

#[test]
fn ascii_and_narrow_terminals() {
    for args in [
        vec!["--ascii", "path", CSA, MGR],
        vec!["--ascii", "path", CSA],
    ] {
        let out = careers().args(&args).output().expect("runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success());
        assert!(text.is_ascii(), "{args:?}:\n{text}");
        assert!(text.contains("|  ") || text.contains("|-- "));
    }
    // A non-UTF-8 locale means ASCII too.
    let out = careers()
        .env("LANG", "C")
        .args(["path", CSA, MGR])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).is_ascii());
    // 40 columns: nothing wider.
    for args in [vec!["path", CSA, MGR], vec!["path", SUP]] {
        let out = careers()
            .env("COLUMNS", "40")
            .args(&args)
            .output()
            .expect("runs");
        let text = String::from_utf8_lossy(&out.stdout);
        for line in text.lines() {
            assert!(line.chars().count() <= 40, "{args:?}: {line:?}");
        }
    }
}
