//! `careers skills ROLE` and `careers skills --find SKILL` against the real
//! binary.

mod common;
use common::{careers, run};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let mut all = vec!["skills"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, stdout, stderr) = run(&all);
    assert_eq!(code, 0, "careers {all:?}: {stderr}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

fn text(args: &[&str], columns: &str) -> String {
    let out = careers()
        .arg("skills")
        .args(args)
        .env("COLUMNS", columns)
        .output()
        .expect("careers runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_roles_skill_map_in_json_keeps_groups_and_sources() {
    let v = json(&["associate"]);
    assert_eq!(v["id"], "customer-service-associate");
    assert_eq!(v["title"], "Customer Service Associate");
    let groups = v["skill_map"].as_array().expect("skill_map");
    let names: Vec<&str> = groups.iter().filter_map(|g| g["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            "Foundational Skills",
            "Technical and Operational Skills",
            "Advanced and Specialization Skills",
            "Professional and Interpersonal Skills"
        ]
    );
    assert_eq!(groups[0]["source"], "jobicy-csa-guide");
    assert_eq!(groups[0]["skills"][0], "Active Listening");
    assert!(groups[0]["description"]
        .as_str()
        .is_some_and(|d| d.starts_with("Core abilities")));
    assert_eq!(v["soft_skills"][0]["items"][1], "Active listening");
    assert_eq!(v["tech_skills"][0]["source"], "jobicy-csa-guide");
    assert_eq!(v["qualities"][0]["name"], "Reliability");
    assert_eq!(v["qualities"][0]["source"], "csa-role-profile");
    // Every cited source, in full, in order of first citation.
    let sources: Vec<&str> = v["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(
        sources,
        [
            "jobicy-csa-guide",
            "csa-role-profile",
            "indeed-csa-job-description",
            "csa-essay",
            "onet-30-2"
        ]
    );
    // Its SOC occupation's O*NET ratings, after the guides'.
    assert_eq!(v["origin"], "bundled");
    let onet = &v["onet_skills"][0];
    assert_eq!(onet["soc"], "43-4051");
    assert_eq!(onet["approximate"], false);
    assert_eq!(onet["source"], "onet-30-2");
    assert_eq!(onet["ratings"].as_array().map(Vec::len), Some(35));
}

#[test]
fn a_role_without_a_skill_map_shows_unknown() {
    let out = text(&["supervisor"], "100");
    assert!(out.starts_with("Customer Service Supervisor  customer-service-supervisor\n"));
    assert!(out.contains("Skill map\n  unknown (no source lists a skill map)\n"));
    assert!(out.contains("Qualities\n  unknown (no source lists qualities)\n"));
    assert!(out.contains("  • Conflict resolution [2]\n"));
    assert!(out.contains(
        "  [2] Customer Service Associate Career Path Guide, Jobicy (id jobicy-csa-guide)"
    ));
    let v = json(&["supervisor"]);
    assert_eq!(v["skill_map"], Value::Array(vec![]));
}

#[test]
fn skill_map_tsv_is_one_row_per_skill() {
    let (code, stdout, _) = run(&["skills", "associate", "--format", "tsv"]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("kind\tgroup\tskill\tdetail\tsource\timportance\tsoc\tapproximate")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let v = json(&["associate"]);
    let count = |key: &str, items: &str| -> usize {
        v[key].as_array().map_or(0, |a| {
            a.iter()
                .map(|g| g[items].as_array().map_or(0, Vec::len))
                .sum()
        })
    };
    let expected = count("skill_map", "skills")
        + count("tech_skills", "items")
        + count("soft_skills", "items")
        + v["qualities"].as_array().map_or(0, Vec::len)
        + 35;
    assert_eq!(rows.len(), expected);
    assert!(rows.iter().all(|r| r.len() == 8));
    assert_eq!(
        rows[0],
        [
            "skill_map",
            "Foundational Skills",
            "Active Listening",
            "",
            "jobicy-csa-guide",
            "",
            "",
            ""
        ]
    );
    // The O*NET rows: a number, the code rated, the link's kind.
    let onet: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == "onet").collect();
    assert_eq!(onet.len(), 35);
    assert!(onet.iter().all(|r| r[4] == "onet-30-2"
        && r[6] == "43-4051"
        && r[7] == "false"
        && r[5].parse::<f64>().is_ok_and(|v| (1.0..=5.0).contains(&v))));
    assert!(rows
        .iter()
        .any(|r| r[0] == "quality" && r[2] == "Reliability" && r[4] == "csa-role-profile"));
}

#[test]
fn an_unknown_role_exits_1() {
    let (code, stdout, stderr) = run(&["skills", "qqxzzv"]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with("careers: no role matches `qqxzzv`"),
        "{stderr}"
    );
}

#[test]
fn neither_or_both_is_a_usage_error() {
    let (code, _, stderr) = run(&["skills"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = run(&["skills", "associate", "--find", "crm"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = run(&["skills", "--find", "!!"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("has no letters or digits"), "{stderr}");
}

#[test]
fn find_lists_roles_with_group_skill_score_and_source() {
    let v = json(&["--find", "active listening"]);
    let roles = v.as_array().expect("array");
    let ids: Vec<&str> = roles.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "customer-service-associate",
            "customer-service-representative"
        ]
    );
    let csa = &roles[0];
    let keys: Vec<&String> = csa.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["id", "title", "score", "matches"]);
    assert_eq!(csa["score"].as_f64(), Some(1.0));
    let matches = csa["matches"].as_array().expect("matches");
    let groups: Vec<(&str, &str, &str)> = matches
        .iter()
        .map(|m| {
            (
                m["kind"].as_str().unwrap_or(""),
                m["group"].as_str().unwrap_or(""),
                m["skill"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("skill_map", "Foundational Skills", "Active Listening"),
            ("soft", "soft skills", "Active listening"),
        ]
    );
    for m in matches {
        assert_eq!(m["source"], "jobicy-csa-guide");
        let keys: Vec<&String> = m.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["kind", "group", "skill", "score", "source"]);
    }
}

#[test]
fn find_tolerates_typos_and_ranks_best_first() {
    let v = json(&["--find", "empathee"]);
    let roles = v.as_array().expect("array");
    assert!(roles.len() >= 2);
    let mut last = f64::INFINITY;
    for r in roles {
        let s = r["score"].as_f64().expect("score");
        assert!(s <= last && (0.0..=1.0).contains(&s));
        last = s;
        let ms = r["matches"].as_array().expect("matches");
        assert_eq!(ms[0]["score"].as_f64(), Some(s));
        assert!(ms.iter().all(|m| m["skill"]
            .as_str()
            .is_some_and(|t| t.to_lowercase().contains("empathy"))));
    }
}

#[test]
fn find_tsv_is_one_row_per_matching_skill() {
    let (code, stdout, _) = run(&["skills", "--find", "crm", "--format", "tsv"]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("id\ttitle\tscore\tkind\tgroup\tskill\tsource")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 7));
    assert!(rows.iter().any(|r| r[0] == "customer-service-associate"
        && r[3] == "skill_map"
        && r[4] == "Technical and Operational Skills"
        && r[5] == "CRM Software Usage (Salesforce, Zendesk)"
        && r[6] == "jobicy-csa-guide"));
    assert!(rows.iter().all(|r| r[5].contains("CRM")), "{rows:?}");
}

#[test]
fn find_nothing_exits_1_and_points_to_search() {
    let (code, stdout, stderr) = run(&["skills", "--find", "plumbing"]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "careers: no role lists a skill matching `plumbing`\n\n\
         `careers search plumbing` also looks at titles, tools and responsibilities.\n"
    );
}

#[test]
fn find_highlights_in_colour_and_cites_sources() {
    let out = careers()
        .args(["skills", "--find", "crm", "--color", "always"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\x1b[33;1mCRM\x1b[0m"), "{stdout:?}");
    let plain = text(&["--find", "crm"], "100");
    assert!(plain.contains(
        "• CRM Software Usage (Salesforce, Zendesk) (Technical and Operational Skills) [1]"
    ));
    assert!(plain.contains(
        "Sources\n  [1] Customer Service Associate Career Path Guide, Jobicy (id jobicy-csa-guide)"
    ));
}

#[test]
fn text_stays_within_forty_columns() {
    for args in [&["associate"][..], &["--find", "communication"][..]] {
        let out = text(args, "40");
        for line in out.lines() {
            assert!(line.chars().count() <= 40, "{args:?}: {line:?}");
        }
    }
}

#[test]
fn skill_map_text_snapshot() {
    insta::assert_snapshot!("skills_associate_text", text(&["associate"], "100"));
}

#[test]
fn find_text_snapshot_at_forty_columns() {
    insta::assert_snapshot!(
        "skills_find_communication_text_40",
        text(&["--find", "communication"], "40")
    );
}
