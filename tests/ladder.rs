//! `careers ladder` against the real binary.

mod common;
use common::{assert_dot_renders, careers, run};
use serde_json::Value;
use std::process::Command;

fn ladders(args: &[&str]) -> Vec<Value> {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).expect("valid JSON");
    v.as_array().expect("an array").clone()
}

#[test]
fn every_ladder_as_a_diagram() {
    let (code, stdout, stderr) = run(&["ladder"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty());
    insta::assert_snapshot!("ladder_all_text", stdout);
}

#[test]
fn piped_into_head_it_exits_cleanly() {
    let bin = assert_cmd::cargo::cargo_bin("careers");
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' ladder | head -1",
            bin.display()
        ))
        .env("COLUMNS", "100")
        .env_remove("CAREERS_DATA_DIR")
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{:?}", out);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Customer Service Associate career path\n"
    );
}

#[test]
fn json_gives_tiers_with_years_roles_and_sourced_pay() {
    let all = ladders(&["ladder", "--format", "json"]);
    assert_eq!(all.len(), 2);
    let csa = &all[0];
    assert_eq!(csa["owner"], "customer-service-associate");
    assert_eq!(csa["source"], "jobicy-csa-guide");
    assert_eq!(csa["name"], "Customer Service Associate career path");
    let tiers = csa["tiers"].as_array().expect("tiers");
    assert_eq!(tiers.len(), 5);
    assert_eq!(tiers[0]["title"], "Junior Customer Service Associate");
    assert_eq!(
        (
            tiers[0]["min_years"].as_u64(),
            tiers[0]["max_years"].as_u64()
        ),
        (Some(0), Some(2))
    );
    assert_eq!(tiers[0]["role"], "customer-service-associate");
    assert_eq!(tiers[0]["pay"]["basis"], "entry-level");
    assert_eq!(tiers[0]["pay"]["value"], 35000.0);
    assert_eq!(tiers[0]["pay"]["source"], "jobicy-csa-guide");
    assert_eq!(tiers[2]["pay"]["value"], 49000.0);
    assert_eq!(tiers[2]["max_years"], Value::Null);
    // No guide gives the supervisor's pay: the official median of its
    // approximate SOC code, labelled so (issue 14, item 1).
    assert_eq!(tiers[3]["role"], "customer-service-supervisor");
    let sup = &tiers[3]["pay"];
    assert_eq!(sup["basis"], "official median");
    assert_eq!(sup["value"], 69500.0);
    assert_eq!(
        (&sup["soc"], &sup["approximate"]),
        (&Value::from("43-1011"), &Value::from(true))
    );
    assert_eq!(
        (&sup["currency"], &sup["period"]),
        (&Value::from("USD"), &Value::from("year"))
    );
    assert_eq!(sup["source"], "bls-oews-2025");
    assert_eq!(
        all[1]["tiers"][3]["pay"], *sup,
        "the same figure on both ladders"
    );
    // No source gives the manager's pay and it has no SOC code: null.
    assert_eq!(tiers[4]["pay"], Value::Null);
    let csr = &all[1];
    assert_eq!(csr["owner"], "customer-service-representative");
    assert_eq!(csr["tiers"][1]["pay"]["value"], 46000.0);
    assert_eq!(csr["tiers"][1]["pay"]["source"], "jobicy-csr-guide");
}

#[test]
fn a_role_shows_the_ladders_it_is_on() {
    let rep = ladders(&["ladder", "representative", "--format", "json"]);
    assert_eq!(rep.len(), 1);
    assert_eq!(rep[0]["owner"], "customer-service-representative");
    // The supervisor is a tier of both ladders, owning neither.
    let sup = ladders(&["ladder", "supervisor", "--format", "json"]);
    assert_eq!(sup.len(), 2);
    let (code, stdout, _) = run(&["ladder", "customer-success-manager"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("Career Path Tiers\n"));
    assert!(stdout.contains("Customer Success Manager / Specialist"));
    assert!(!stdout.contains("Junior Customer Service Associate"));
}

#[test]
fn a_role_on_no_ladder_exits_1() {
    let (code, stdout, stderr) = run(&["ladder", "customer-service-clerk"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("customer-service-clerk) is on no career ladder"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["ladder", "astronaut"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no role matches `astronaut`"));
}

#[test]
fn tsv_is_one_row_per_tier() {
    let (code, stdout, _) = run(&["ladder", "--format", "tsv"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 11);
    assert_eq!(
        lines[0],
        "owner\tladder\tsource\ttier\ttitle\tmin_years\tmax_years\trole\tpay\tpay_min\tpay_max\tcurrency\tperiod\tpay_basis\tpay_source\tsoc\tarea\tapproximate\ttop_coded\tconverted\tladder_id\tlevel\tband_min\tband_max\tband_currency\tband_period"
    );
    assert!(lines.iter().all(|l| l.split('\t').count() == 26));
    assert_eq!(
        lines[1],
        "customer-service-associate\tCustomer Service Associate career path\tjobicy-csa-guide\t1\tJunior Customer Service Associate\t0\t2\tcustomer-service-associate\t35000\t\t\tUSD\tyear\tentry-level\tjobicy-csa-guide\t\t\t\t\tfalse\t\t\t\t\t\t"
    );
    // The supervisor's tier: the official median, its SOC code and area
    // as fields of their own.
    assert_eq!(
        lines[4].split('\t').skip(8).collect::<Vec<_>>(),
        [
            "69500",
            "",
            "",
            "USD",
            "year",
            "official median",
            "bls-oews-2025",
            "43-1011",
            "National (U.S.)",
            "true",
            "false",
            "false",
            "",
            "",
            "",
            "",
            "",
            ""
        ]
    );
}

#[test]
fn mermaid_and_dot() {
    let (code, mermaid, _) = run(&["ladder", "--format", "mermaid"]);
    assert_eq!(code, 0);
    assert!(mermaid.starts_with("flowchart TB\n"));
    assert_eq!(mermaid.matches("subgraph").count(), 2);
    assert!(mermaid.contains("L0T0 --> L0T1"));
    assert!(mermaid.contains("#36;35,000/yr entry-level (jobicy-csa-guide)"));
    let (code, dot, _) = run(&["ladder", "--format", "dot"]);
    assert_eq!(code, 0);
    assert!(dot.contains("subgraph cluster_1"));
    assert!(dot.contains("l0t3 -> l0t4;"));
    assert_dot_renders(&dot);
}

#[test]
fn titles_with_quotes_and_markup_stay_inside_their_labels() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(
        dir.path().join("sources.toml"),
        "[[source]]\nid = \"test-src\"\ntitle = \"Test\"\nkind = \"essay\"\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("odd-ladder.toml"),
        r#"id = "odd-ladder"
title = "Odd Ladder"
family = { name = "Test", source = "test-src" }

[[ladder]]
source = "test-src"
name = "The \"odd\" ladder; end"

[[ladder.tiers]]
title = "Lead \"A\" #1 \\ <b>x</b> [y] {z}"
min_years = 0
role = "odd-ladder"

[[ladder.tiers]]
title = "Chief -->|x| end"
min_years = 3
"#,
    )
    .expect("write");
    let d = dir.path().to_str().expect("utf-8 path");
    let (code, dot, stderr) = run(&["--data-dir", d, "ladder", "odd", "--format", "dot"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        dot.contains(r#"label="Lead \"A\" #1 \\ <b>x</b> [y] {z}\n0+ years"#),
        "{dot}"
    );
    assert_dot_renders(&dot);
    let (code, mermaid, _) = run(&["--data-dir", d, "ladder", "odd", "--format", "mermaid"]);
    assert_eq!(code, 0);
    assert!(
        mermaid
            .contains("[\"Lead #quot;A#quot; #35;1 \\ #lt;b#gt;x#lt;/b#gt; [y] {z}<br/>0+ years"),
        "{mermaid}"
    );
    assert!(mermaid.contains("subgraph L0[\"The #quot;odd#quot; ladder; end"));
    // Every label is one quoted string: quotes balance on every line.
    assert!(
        mermaid.lines().all(|l| l.matches('"').count() % 2 == 0),
        "{mermaid}"
    );
    let (code, text, _) = run(&["--data-dir", d, "ladder", "odd"]);
    assert_eq!(code, 0);
    assert!(text.contains("no profile in the catalog"));
}

#[test]
fn ascii_when_asked_or_without_a_utf8_locale() {
    let (code, stdout, _) = run(&["--ascii", "ladder"]);
    assert_eq!(code, 0);
    assert!(stdout.is_ascii(), "{stdout}");
    assert!(stdout.contains("+---"));
    let out = careers()
        .env("LC_ALL", "C")
        .arg("ladder")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).is_ascii());
    let out = careers()
        .env("COLUMNS", "40")
        .arg("ladder")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
}

/// `careers --data-dir examples/company ARGS...` (the example
/// docs/data-format.md leads with), from the repository's root.
fn company(args: &[&str]) -> (i32, String, String) {
    let out = careers()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--data-dir", "examples/company", "--no-cache"])
        .args(args)
        .output()
        .expect("careers runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_ladder_file_is_drawn_with_its_levels_and_bands_and_their_source() {
    let (code, text, stderr) = company(&["ladder", "acme-support-agent"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(text.starts_with("Acme support ladder\nLadder file acme-support [1]"));
    assert!(
        text.contains("│ level L2 · band $46,000-$55,000/yr [1]"),
        "{text}"
    );
    assert!(text.contains("│ 3+ years "), "{text}");
    assert!(text.contains("[1] Acme Support Handbook"), "{text}");
    // Every ladder: the bundled ones, then the ladder file.
    let (_, all, _) = company(&["ladder", "--format", "json"]);
    let all: Value = serde_json::from_str(&all).expect("json");
    let owners: Vec<&Value> = all
        .as_array()
        .expect("array")
        .iter()
        .map(|l| &l["owner"])
        .collect();
    assert_eq!(owners.len(), 3);
    assert_eq!(owners[2], &Value::Null);
    let l = &all[2];
    assert_eq!(
        (&l["id"], &l["source"]),
        (&Value::from("acme-support"), &Value::from("acme-handbook"))
    );
    let t = &l["tiers"][3];
    assert_eq!(t["level"], "M1");
    assert_eq!(
        t["band"],
        serde_json::json!({"min": 75000.0, "max": 95000.0, "currency": "USD", "period": "year"})
    );
    assert_eq!(
        (&t["min_years"], &t["max_years"]),
        (&Value::from(5), &Value::Null)
    );
    assert_eq!(
        l["tiers"][2]["description"],
        "Leads one shift, after a lead-readiness review."
    );
    // The bundled ladders carry the fields too, empty.
    assert_eq!(
        (&all[0]["id"], &all[0]["tiers"][0]["level"]),
        (&Value::Null, &Value::Null)
    );
    let (_, tsv, _) = company(&["ladder", "acme-team-lead", "--format", "tsv"]);
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(
        rows[0][20..],
        [
            "ladder_id",
            "level",
            "band_min",
            "band_max",
            "band_currency",
            "band_period"
        ]
    );
    assert_eq!(rows[3][..3], ["", "Acme support ladder", "acme-handbook"]);
    assert_eq!(
        rows[3][20..],
        ["acme-support", "L3", "58000", "70000", "USD", "year"]
    );
    let (_, mermaid, _) = company(&["ladder", "acme-team-lead", "--format", "mermaid"]);
    assert!(
        mermaid.contains("Acme support ladder · acme-support · acme-handbook"),
        "{mermaid}"
    );
    assert!(
        mermaid.contains("level L3 · band #36;58,000-#36;70,000/yr (acme-handbook)"),
        "{mermaid}"
    );
    let (_, dot, _) = company(&["ladder", "acme-team-lead", "--format", "dot"]);
    assert_dot_renders(&dot);
}

#[test]
fn show_lists_every_ladder_the_role_is_on() {
    // Issue 14, item 2: the manager is tier 5 of 5 of the associate's
    // ladder, which `show` said no source covers.
    let (code, text, stderr) = run(&["show", "customer-service-manager", "--section", "ladder"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!text.contains("no source covers this"), "{text}");
    assert!(
        text.contains("  Customer Service Associate career path [2] (from the Customer Service Associate profile)\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  5. Customer Service Manager (7+ years)\n     Customer Service Managers hold"
        ),
        "{text}"
    );
    // Only the manager's own tier is described; the others link their roles.
    assert!(text.contains("  4. Customer Service Team Lead / Supervisor (5-7 years) -> customer-service-supervisor\n  5."), "{text}");
    let (_, json, _) = run(&[
        "show",
        "customer-service-manager",
        "--section",
        "ladder",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        v["on_ladders"],
        serde_json::json!([{
            "id": null,
            "owner": "customer-service-associate",
            "name": "Customer Service Associate career path",
            "source": "jobicy-csa-guide",
            "tiers_total": 5,
            "positions": [5]
        }])
    );
    // The full profile names the ladder's source among its own.
    let (_, full, _) = run(&["show", "customer-service-manager"]);
    assert!(
        full.contains("Customer Service Associate Career Path Guide, Jobicy"),
        "{full}"
    );
    assert!(!full.contains("career ladder,"), "{full}");
    // A ladder file, for every role on it.
    let (_, agent, _) = company(&["show", "acme-support-agent", "--section", "ladder"]);
    assert!(
        agent.contains("  Acme support ladder [1] (ladder file acme-support)"),
        "{agent}"
    );
    assert!(
        agent.contains("  2. Support Agent II (L2, 1-3 years, band $46,000-$55,000/yr)\n"),
        "{agent}"
    );
    assert!(
        agent.contains("  3. Team Lead (L3, 3+ years, band $58,000-$70,000/yr) -> acme-team-lead"),
        "{agent}"
    );
}

#[test]
fn path_and_compare_read_ladder_files_too() {
    let (code, json, stderr) = company(&[
        "path",
        "acme-support-agent",
        "acme-support-manager",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let steps: Value = serde_json::from_str(&json).expect("json");
    let steps = steps.as_array().expect("steps");
    let hops: Vec<(&str, &str)> = steps
        .iter()
        .map(|s| {
            (
                s["to"].as_str().unwrap_or(""),
                s["kind"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        hops,
        [
            ("acme-team-lead", "promotion"),
            ("acme-support-manager", "promotion")
        ]
    );
    assert_eq!(
        steps[1]["years"],
        serde_json::json!([{"min": 5, "max": null, "source": "acme-handbook"}])
    );
    let (code, json, _) = company(&[
        "compare",
        "acme-support-agent",
        "acme-team-lead",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&json).expect("json");
    let ladders = &v["roles"][1]["ladders"][0];
    assert_eq!(ladders["defined_by"], "acme-support");
    assert_eq!(ladders["tiers"][0]["position"], 3);
    assert_eq!(
        v["roles"][0]["ladders"][0]["tiers"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
}
