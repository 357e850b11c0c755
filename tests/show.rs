//! `careers show` and `careers list` against the real binary.

mod common;
use common::{careers, run};

const IDS: &[&str] = &[
    "customer-service-associate",
    "customer-service-representative",
    "customer-service-supervisor",
    "customer-service-manager",
    "customer-success-manager",
    "customer-service-analyst",
    "customer-service-clerk",
    "customer-service-administrator",
    "customer-service-consultant",
    "customer-relations-coordinator",
    "guest-relations-coordinator",
];

#[test]
fn every_role_prints_as_one_json_object_with_its_sources() {
    for id in IDS {
        let (code, stdout, stderr) = run(&["show", id, "--format", "json"]);
        assert_eq!(code, 0, "{id}: {stderr}");
        let v: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
        assert_eq!(v["id"], *id);
        assert!(v["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(
            v["sources"].as_array().is_some_and(|s| !s.is_empty()),
            "{id} lists its sources"
        );
        assert_eq!(v["origin"], "bundled");
    }
}

#[test]
fn the_users_lines_work_as_written() {
    let (code, stdout, _) = run(&["show", "customer-service-associate"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("Customer Service Associate  customer-service-associate"));
    assert!(stdout.contains("$42,000/yr median"));
    assert!(stdout.contains("+10% growth: Growing faster than average"));
    assert!(stdout.contains("Decline: Slight decline through 2033"));
}

#[test]
fn json_sections_restrict_the_object_but_keep_id_and_title() {
    let (code, stdout, _) = run(&[
        "show",
        "associate",
        "--section",
        "salary",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(v["id"], "customer-service-associate");
    assert!(v["salary"].is_array());
    assert!(v.get("faq").is_none());
    assert!(v.get("sources").is_none());
}

#[test]
fn text_sections_print_only_what_was_asked() {
    let (code, stdout, _) = run(&[
        "show",
        "representative",
        "--section",
        "balance",
        "--section",
        "remote",
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Stress: Moderate to High"));
    assert!(stdout.contains("Remote work"));
    assert!(!stdout.contains("Frequently asked questions"));
    assert!(!stdout.contains("Key facts"));
}

#[test]
fn missing_facts_show_as_unknown() {
    let (code, stdout, _) = run(&["show", "customer-success-manager", "--section", "salary"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("unknown: no source covers this"),
        "{stdout}"
    );
    let (_, full, _) = run(&["show", "customer-success-manager"]);
    assert!(full.contains("Pay:        unknown"), "{full}");
}

#[test]
fn show_text_snapshot_at_fixed_width() {
    let out = careers()
        .env("COLUMNS", "80")
        .args(["show", "customer-service-clerk"])
        .output()
        .expect("runs");
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn show_tsv_has_three_fields_per_line_with_sources() {
    let (code, stdout, _) = run(&["show", "associate", "--format", "tsv"]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    assert_eq!(lines.next(), Some("field\tvalue\tsource"));
    for l in lines {
        assert_eq!(l.split('\t').count(), 3, "{l}");
    }
    assert!(
        stdout.contains("salary[0].median\t42000\tjobicy-csa-guide")
            || stdout.contains("salary[0].median\t42000.0\tjobicy-csa-guide"),
        "median row"
    );
}

#[test]
fn unknown_and_ambiguous_roles_exit_1_with_candidates() {
    let (code, stdout, stderr) = run(&["show", "customer servise clurk manager"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("did you mean") || stderr.contains("say which"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["show", "manager"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("customer-service-manager") && stderr.contains("customer-success-manager"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["show", "qqxzzv"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no role matches `qqxzzv`"), "{stderr}");
}

#[test]
fn list_prints_every_role_in_every_format() {
    let (code, stdout, _) = run(&["list", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), IDS.len());
    assert!(rows
        .iter()
        .all(|r| r["id"].is_string() && r["title"].is_string()));

    let (code, stdout, _) = run(&["list", "--format", "tsv"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("id\ttitle\tfamily\tpay\t"));
    assert_eq!(lines.len(), IDS.len() + 1);
    let n = lines[0].split('\t').count();
    assert!(lines.iter().all(|l| l.split('\t').count() == n));
    assert!(!stdout.contains('\u{1b}'));
}

#[test]
fn list_sorts_by_salary_and_growth() {
    let (_, stdout, _) = run(&["list", "--sort", "salary", "--format", "tsv"]);
    let first = stdout.lines().nth(1).expect("a row");
    // The supervisor ranks by its official median (no guide gives its pay).
    assert!(
        first.starts_with("customer-service-supervisor\t"),
        "{first}"
    );
    let (_, stdout, _) = run(&["list", "--sort", "growth", "--format", "tsv"]);
    let first = stdout.lines().nth(1).expect("a row");
    assert!(first.starts_with("customer-service-associate\t"), "{first}");
}

#[test]
fn list_filters_by_family() {
    let (code, _, stderr) = run(&["list", "--family", "nursing"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("Customer Service"), "{stderr}");
    let (code, stdout, _) = run(&["list", "--family", "customer service", "--format", "tsv"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), IDS.len() + 1);
}

/// The layout of a profile's text (issue 14, item 8): values given by
/// several sources merged on one line, qualities apart from the soft
/// skills, a source's experience in words not called unknown, the works a
/// source cites listed, paragraphs apart, and every tag of chosen sections
/// with its source.
#[test]
fn profile_text_says_whose_each_line_is() {
    let (code, text, _) = run(&["show", "customer-service-associate"]);
    assert_eq!(code, 0);
    // Key facts: "High school diploma or GED" once, with both sources.
    let facts: String = text
        .lines()
        .skip_while(|l| *l != "Key facts")
        .take_while(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        facts.matches("High school diploma or GED").count(),
        1,
        "{facts}"
    );
    assert!(
        facts.contains("High school diploma or GED [1][2]"),
        "{facts}"
    );
    // Qualities under their own heading, each line with its source.
    assert!(text.contains("\n  Qualities\n  • Reliability: "), "{text}");
    assert!(!text.contains("\n    [1]\n"), "a tag alone on a line");
    // Indeed gives years in words: not "unknown".
    assert!(!text.contains("  unknown [2]"));
    assert!(text.contains("  In the source's words [2]"));
    // The essay's own references.
    assert!(text.contains("cites: Hochschild, Arlie Russell. The Managed Heart"));
    // Paragraphs of one block are apart.
    assert!(text.contains("qualifications. That said,"));
    assert!(
        text.contains("field.\n\n  Educational requirements"),
        "paragraphs run together"
    );

    let (_, text, _) = run(&["show", "representative", "--section", "salary"]);
    let tags: Vec<&str> = text
        .split('[')
        .skip(1)
        .filter_map(|t| t.split(']').next())
        .filter(|t| t.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert!(!tags.is_empty());
    for t in tags {
        assert!(
            text.contains(&format!("\n  [{t}] ")),
            "[{t}] has no entry in the legend:\n{text}"
        );
    }
}
