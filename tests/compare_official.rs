//! `careers compare` over official occupations and curated roles (issue
//! 15): the BLS projection and the O*NET skills beside the guides' facts,
//! against the real binary.

mod common;
use common::{assert_fits, careers, run};
use serde_json::Value;

const FOUR: [&str; 4] = [
    "registered-nurses",
    "software-developers",
    "electricians",
    "cashiers",
];

fn json(args: &[&str]) -> Value {
    let mut all = vec!["compare"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, stdout, stderr) = run(&all);
    assert_eq!(code, 0, "careers {all:?}: {stderr}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

fn text(args: &[&str], width: usize) -> String {
    let out = careers()
        .arg("compare")
        .args(args)
        .env("COLUMNS", width.to_string())
        .output()
        .expect("careers runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn four_occupations_are_compared_on_facts_not_unknowns() {
    for width in [40, 80, 120] {
        let out = text(&FOUR, width);
        assert_fits(&out, width, "compare of four occupations");
        // One line says which rows no source fills; nothing else is unknown.
        let unknown = out.lines().filter(|l| l.contains("unknown")).count();
        assert!(unknown <= 1, "{unknown} unknown lines at {width}:\n{out}");
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        // Whole phrases where nothing is in table cells (below 120).
        let facts: &[&str] = if width < 120 {
            &[
                "+4.9% 2024-34, growing faster than all occupations",
                "-9.9% 2024-34, declining",
                "189,100 openings a year",
                "Bachelor's degree",
                "Apprenticeship",
            ]
        } else {
            &["+4.9% 2024-34", "189,100 openings", "Apprenticeship"]
        };
        for fact in facts
            .iter()
            .chain(&["Programming: 1.50 → 4.00 (+2.50)", "O*NET skills"])
        {
            assert!(flat.contains(fact), "{fact} at {width}:\n{out}");
        }
    }
}

#[test]
fn json_gives_the_projection_ratings_grid_and_differences() {
    let v = json(&FOUR);
    let roles = v["roles"].as_array().expect("roles");
    let change: Vec<f64> = roles
        .iter()
        .filter_map(|r| r["occupations"][0]["outlook"]["change_pct"].as_f64())
        .collect();
    assert_eq!(change, vec![4.9, 15.8, 9.5, -9.9]);
    for r in roles {
        let o = &r["occupations"][0];
        assert_eq!(o["own"], true);
        assert_eq!(o["outlook"]["source"], "bls-ep-2024-34");
        assert!(o["outlook"]["employment_2024"].is_u64());
        assert_eq!(o["requirements"]["source"], "bls-ep-2024-34");
        assert!(o["requirements"]["entry_education"]["label"].is_string());
        assert_eq!(r["onet_skills"]["source"], "onet-30-2");
        assert_eq!(
            r["onet_skills"]["ratings"].as_array().map(Vec::len),
            Some(35)
        );
    }
    assert_eq!(v["all_occupations"]["rows"], 832);
    let grid = v["skill_grid"].as_array().expect("grid");
    assert!(grid.len() >= 5);
    assert!(grid
        .iter()
        .all(|g| g["importance"].as_array().map(Vec::len) == Some(4)));
    let diffs = v["skill_differences"].as_array().expect("differences");
    assert_eq!(diffs.len(), 3);
    assert_eq!(diffs[0]["role"], "software-developers");
    let skills = diffs[0]["skills"].as_array().expect("skills");
    assert_eq!(skills.len(), 35);
    let sizes: Vec<f64> = skills
        .iter()
        .filter_map(|s| s["difference"].as_f64())
        .map(f64::abs)
        .collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "largest first");
    assert_eq!(skills[0]["name"], "Programming");
    assert_eq!(skills[0]["baseline"].as_f64(), Some(1.5));
    assert_eq!(skills[0]["other"].as_f64(), Some(4.0));
    let sources: Vec<&str> = v["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(sources, ["bls-oews-2025", "bls-ep-2024-34", "onet-30-2"]);
}

#[test]
fn curated_roles_show_their_soc_occupation_marked_approximate() {
    let v = json(&["associate", "supervisor", "customer-service-manager"]);
    let [associate, supervisor, manager] = [0, 1, 2].map(|i| &v["roles"][i]);
    assert_eq!(associate["occupations"][0]["soc"], "43-4051");
    assert_eq!(associate["occupations"][0]["own"], false);
    assert_eq!(associate["occupations"][0]["approximate"], false);
    assert_eq!(supervisor["occupations"][0]["soc"], "43-1011");
    assert_eq!(supervisor["occupations"][0]["approximate"], true);
    assert_eq!(supervisor["onet_skills"]["approximate"], true);
    // A guide's +10% against the BLS decline of 43-4051.
    assert_eq!(associate["growth"]["sources_disagree"], true);
    // No SOC code: unknown, and why.
    assert_eq!(manager["occupations"], Value::Array(vec![]));
    assert_eq!(manager["onet_skills"], Value::Null);
    assert_eq!(manager["onet_skills_unknown"], "no SOC occupation linked");
    assert_eq!(
        v["skill_differences"][1]["unknown"],
        "no SOC occupation linked"
    );
    let out = text(&["associate", "supervisor", "customer-service-manager"], 80);
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("-0.3% 2024-34 (SOC 43-1011, approximate), declining"),
        "{out}"
    );
    assert!(
        flat.contains("-5.5% 2024-34 (SOC 43-4051), declining"),
        "{out}"
    );
    assert!(flat.contains("Customer Service Supervisor: ratings of SOC 43-1011 (approximate)"));
    assert!(flat.contains("Customer Service Manager: unknown (no SOC occupation linked)"));
}

#[test]
fn two_roles_of_one_soc_code_have_the_same_ratings() {
    let out = text(&["associate", "representative"], 100);
    assert!(out.contains("the same ratings as the baseline"), "{out}");
}

#[test]
fn tsv_carries_the_projection_and_every_rating() {
    let (code, stdout, _) = run(&[
        "compare",
        "registered-nurses",
        "supervisor",
        "--format",
        "tsv",
    ]);
    assert_eq!(code, 0);
    let rows: Vec<Vec<&str>> = stdout
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.iter().all(|r| r.len() == 11));
    let find = |attribute: &str, role: &str, kind: &str| {
        rows.iter()
            .find(|r| r[0] == attribute && r[1] == role && r[2] == kind)
            .unwrap_or_else(|| panic!("{attribute} {role} {kind}"))
    };
    let change = find("growth", "registered-nurses", "bls_change_percent");
    assert_eq!(
        (change[3], change[6], change[7], change[8]),
        ("4.90", "%", "bls-ep-2024-34", "29-1141")
    );
    let education = find(
        "education",
        "customer-service-supervisor",
        "bls_entry_education",
    );
    assert_eq!(
        (education[3], education[8], education[10]),
        ("high_school", "43-1011", "approximate")
    );
    let ratings = rows
        .iter()
        .filter(|r| r[0] == "onet_skill" && r[1] == "registered-nurses")
        .count();
    assert_eq!(ratings, 35);
    let diff = find(
        "onet_skill_difference",
        "customer-service-supervisor",
        "Science",
    );
    assert_eq!((diff[3], diff[6]), ("-1.95", "points"));
}

/// Every key of the new JSON objects of list, compare and skills, named
/// in docs/json.md: the documentation cannot drift from the output.
#[test]
fn every_new_json_field_is_documented() {
    let documented = include_str!("../docs/json.md");
    let mut keys: Vec<String> = Vec::new();
    let mut add = |v: &Value| {
        if let Some(o) = v.as_object() {
            keys.extend(o.keys().cloned());
        }
    };
    let compare = json(&["associate", "registered-nurses"]);
    add(&compare);
    let nurse = &compare["roles"][1];
    add(nurse);
    add(&nurse["occupations"][0]);
    add(&nurse["occupations"][0]["outlook"]);
    add(&nurse["occupations"][0]["requirements"]);
    add(&nurse["occupations"][0]["requirements"]["entry_education"]);
    add(&nurse["onet_skills"]);
    add(&nurse["onet_skills"]["ratings"][0]);
    add(&compare["all_occupations"]);
    add(&compare["skill_grid"][0]);
    add(&compare["skill_differences"][0]);
    add(&compare["skill_differences"][0]["skills"][0]);
    let (_, list, _) = run(&["list", "--all", "--format", "json"]);
    let list: Value = serde_json::from_str(&list).expect("JSON");
    add(&list[0]["projection"]);
    let (_, rank, _) = run(&["skills", "--rank", "speaking", "--format", "json"]);
    let rank: Value = serde_json::from_str(&rank).expect("JSON");
    add(&rank);
    add(&rank["rows"][0]);
    let (_, skills, _) = run(&["skills", "registered-nurses", "--format", "json"]);
    let skills: Value = serde_json::from_str(&skills).expect("JSON");
    add(&skills);
    add(&skills["onet_skills"][0]);
    keys.sort();
    keys.dedup();
    // Named in backticks, or in an object's `{a, b, c}` outline.
    let named = |k: &str| {
        [
            format!("`{k}`"),
            format!("{{{k},"),
            format!(", {k},"),
            format!(", {k}}}"),
        ]
        .iter()
        .any(|p| documented.contains(p.as_str()))
    };
    let missing: Vec<&String> = keys.iter().filter(|k| !named(k)).collect();
    assert!(missing.is_empty(), "not in docs/json.md: {missing:?}");
}
