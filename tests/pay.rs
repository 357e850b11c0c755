//! One pay answer per role and area (issue 14, items 1, 2, 3, 7 and the
//! item 8 parts on legends and ranges): the same figure with the same
//! label in every command, honest labels, hourly pay kept hourly, one
//! spelling of units in JSON and TSV. Each test failed before the pay
//! answer (src/pay) existed.

mod common;

use common::{careers, fixture, run};
use serde_json::Value;

/// The supervisor's pay: no guide gives it, so it is the official median
/// of its approximate SOC code, 43-1011 (national.tsv: 69500).
const SUPERVISOR_PAY: &str = "$69,500/yr official median, SOC 43-1011 (approximate)";

/// Text of `careers ARGS` at 200 columns, so that no label is wrapped.
fn wide(args: &[&str]) -> String {
    let out = careers()
        .env("COLUMNS", "200")
        .args(args)
        .output()
        .expect("careers runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

fn hourly(args: &[&str]) -> Vec<String> {
    let dir = fixture("hourly");
    let mut all = vec!["--data-dir".to_string(), dir.display().to_string()];
    all.extend(args.iter().map(|a| a.to_string()));
    all
}

/// Item 1: list, salary, salary's chart, ladder, path, compare and show
/// (key facts and Salary section) give the supervisor the same figure
/// with the same label; none says unknown, "no pay figure" or mid-range.
#[test]
fn the_supervisor_has_one_pay_in_every_command() {
    let commands: &[&[&str]] = &[
        &["list"],
        &["salary", "supervisor"],
        &["ladder", "supervisor"],
        &["path", "associate", "supervisor"],
        &["compare", "associate", "supervisor"],
        &["show", "supervisor"],
        &["show", "supervisor", "--section", "salary"],
    ];
    for args in commands {
        let out = wide(args);
        assert!(out.contains(SUPERVISOR_PAY), "{args:?}:\n{out}");
        for wrong in [
            "mid-range",
            "no pay figure for customer-service-supervisor",
            "no pay figures for this role",
            "unknown: no guide gives pay",
            "no source covers this",
        ] {
            assert!(!out.contains(wrong), "{args:?} says {wrong}:\n{out}");
        }
    }
    assert!(wide(&["salary", "supervisor"]).contains("●$69,500 official [1]"));
    // JSON: the same figure, basis and SOC code everywhere.
    let list = json(&["list", "--format", "json"]);
    let row = list
        .as_array()
        .and_then(|r| r.iter().find(|r| r["id"] == "customer-service-supervisor"))
        .expect("supervisor");
    let figure = &row["pay"];
    assert_eq!(figure["basis"], "official median");
    assert_eq!(figure["soc"], "43-1011");
    assert_eq!(figure["approximate"], true);
    let salary = json(&["salary", "supervisor", "--format", "json"]);
    assert_eq!(salary[0]["ranked_by"], *figure);
    let compare = json(&["compare", "associate", "supervisor", "--format", "json"]);
    assert_eq!(compare["roles"][1]["headline"], *figure);
    let show = json(&["show", "supervisor", "--format", "json"]);
    assert_eq!(show["pay"], *figure);
    let ladder = json(&["ladder", "supervisor", "--format", "json"]);
    assert_eq!(ladder[0]["tiers"][3]["pay"], *figure);
    let path = json(&["path", "associate", "supervisor", "--format", "json"]);
    assert_eq!(path[0]["pay_change"]["to"], *figure);
}

/// Item 1: an official occupation's pay is its official median in
/// salary, compare and show, for the area asked.
#[test]
fn electricians_are_paid_their_official_median() {
    let national = "$63,190/yr official median, SOC 47-2111";
    let salary = wide(&["salary", "electricians"]);
    assert!(salary.contains(&format!("Pay: {national} [1]")), "{salary}");
    assert!(!salary.contains("unknown"), "{salary}");
    let compare = wide(&["compare", "electricians", "associate"]);
    assert!(compare.contains(national), "{compare}");
    assert!(
        compare.contains("Official median: -$18,420/yr (-29.2%)"),
        "{compare}"
    );
    assert!(!compare.contains("no pay figures"), "{compare}");
    let show = wide(&[
        "show",
        "electricians",
        "--section",
        "salary",
        "--area",
        "TX",
    ]);
    assert!(
        show.contains("Pay: $58,570/yr official median, SOC 47-2111, Texas (TX) [1]"),
        "{show}"
    );
    let full = wide(&["show", "electricians"]);
    assert!(
        full.contains(&format!("Pay:        {national} [1]")),
        "{full}"
    );
    assert!(!full.contains("No source covers: salary"), "{full}");
}

/// Item 3: a role paid $18-22 an hour shows its own hourly pay in list,
/// stays hourly in salary without --hourly, and path compares hourly
/// figures with hourly ones.
#[test]
fn an_hourly_role_is_paid_by_the_hour_everywhere() {
    let list = wide(
        &hourly(&["list"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    let row = list
        .lines()
        .find(|l| l.contains("Acme Support Agent"))
        .expect("the agent");
    assert!(row.contains("$20/h midpoint of range"), "{row}");
    assert!(
        !row.contains("$44,770"),
        "not the national BLS figure: {row}"
    );
    let salary = wide(
        &hourly(&["salary", "acme-support-agent"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(salary.contains("Pay in USD per hour"), "{salary}");
    assert!(salary.contains("Range         $18-$22/h"), "{salary}");
    assert!(
        !salary.contains("/yr [1]") && !salary.contains('≈'),
        "{salary}"
    );
    let path = wide(
        &hourly(&["path", "acme-support-agent", "acme-team-lead"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(
        path.contains(
            "Pay: $21.53/h official median, SOC 43-4051 [2] → $33.41/h official median, SOC 43-1011 (approximate) [2]: +$11.88/h"
        ),
        "{path}"
    );
    assert!(!path.contains("different periods"), "{path}");
}

/// Item 3: occupations the BLS pays by the hour only (footnote 4) show
/// their hourly median, not "n/a .../yr".
#[test]
fn actors_dancers_and_musicians_show_their_hourly_median() {
    for (id, soc) in [
        ("actors", "27-2011"),
        ("dancers", "27-2031"),
        ("musicians-and-singers", "27-2042"),
    ] {
        let out = wide(&["show", id]);
        let pay = out
            .lines()
            .find(|l| l.starts_with("  Pay:"))
            .unwrap_or_else(|| panic!("{id}: {out}"));
        assert!(
            pay.contains(&format!("/h official median, SOC {soc}")),
            "{pay}"
        );
        assert!(
            !out.contains("n/a (paid by the hour or the year only)/yr"),
            "{out}"
        );
    }
    assert!(
        wide(&["show", "actors"]).contains("Pay:        $29.05/h official median, SOC 27-2011 [1]")
    );
    assert!(wide(&["list", "--all"]).contains("$29.05/h official"));
    assert!(wide(&["compare", "actors", "dancers"]).contains("Median: $29.05/h [1]"));
}

/// Item 2: official medians are labelled so, midpoints as midpoints; the
/// list's column is not headed "Median pay"; basis values are the ones
/// docs/json.md names; the official wages heading keeps its capitals.
#[test]
fn labels_say_what_the_number_is() {
    let list = wide(&["list"]);
    assert!(
        !list.contains("Median pay") && !list.contains("mid-range"),
        "{list}"
    );
    assert!(list.contains("$48,500/yr midpoint of range [1]"), "{list}");
    let documented = include_str!("../docs/json.md");
    let bases = [
        "median",
        "average",
        "midpoint of range",
        "entry-level",
        "mid-level",
        "senior-level",
        "entry-level range",
        "official median",
    ];
    for basis in bases {
        assert!(
            documented.contains(&format!("`\"{basis}\"`")),
            "{basis} is documented"
        );
    }
    let mut seen = Vec::new();
    for row in json(&["list", "--all", "--format", "json"])
        .as_array()
        .expect("rows")
    {
        if let Some(b) = row["pay"]["basis"].as_str() {
            seen.push(b.to_string());
        }
    }
    for row in json(&["salary", "--format", "json"])
        .as_array()
        .expect("rows")
    {
        if let Some(b) = row["ranked_by"]["basis"].as_str() {
            seen.push(b.to_string());
        }
    }
    for ladder in json(&["ladder", "--format", "json"])
        .as_array()
        .expect("ladders")
    {
        for t in ladder["tiers"].as_array().expect("tiers") {
            if let Some(b) = t["pay"]["basis"].as_str() {
                seen.push(b.to_string());
            }
        }
    }
    assert!(seen.len() > 800);
    for b in &seen {
        assert!(bases.contains(&b.as_str()), "undocumented basis {b:?}");
    }
    for args in [
        &["show", "supervisor"][..],
        &["show", "supervisor", "--section", "wages"],
    ] {
        let out = wide(args);
        assert!(out.contains("Official wages (BLS, May 2025)"), "{out}");
    }
    // A profile without a SOC code lists the section as uncovered: in
    // lower case, but BLS and May keep their capitals.
    let manager = wide(&["show", "customer-service-manager"]);
    let flowed = manager.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flowed.contains("salary, official wages (BLS, May 2025), outlook"),
        "{manager}"
    );
    assert!(!flowed.contains("(bls, may 2025)"), "{manager}");
}

/// Item 7: one spelling of the period (`year`, `hour`) with a separate
/// currency in JSON and TSV; SOC codes and areas as fields; employment
/// an integer.
#[test]
fn units_and_counts_are_spelt_one_way_in_json_and_tsv() {
    let outputs: &[&[&str]] = &[
        &["list", "--format", "tsv"],
        &["ladder", "--format", "tsv"],
        &["salary", "--format", "tsv"],
        &["compare", "associate", "supervisor", "--format", "tsv"],
        &["path", "associate", "supervisor", "--format", "tsv"],
    ];
    for args in outputs {
        let (code, out, _) = run(args);
        assert_eq!(code, 0);
        let header: Vec<&str> = out.lines().next().unwrap_or("").split('\t').collect();
        let period = header
            .iter()
            .position(|h| *h == "period" || *h == "pay_period");
        let period = period.unwrap_or_else(|| panic!("{args:?}: a period column in {header:?}"));
        for line in out.lines().skip(1) {
            let p = line.split('\t').nth(period).unwrap_or("");
            assert!(
                ["", "year", "hour"].contains(&p),
                "{args:?}: {p:?} in {line}"
            );
        }
        assert!(
            !out.contains("USD/") && !out.contains("(SOC "),
            "{args:?}:\n{out}"
        );
    }
    let (_, tsv, _) = run(&["salary", "supervisor", "--format", "tsv"]);
    let header: Vec<&str> = tsv.lines().next().unwrap_or("").split('\t').collect();
    for field in ["currency", "period", "soc", "area"] {
        assert!(header.contains(&field), "{field} in {header:?}");
    }
    let (_, top, _) = run(&["salary", "--top", "3", "--format", "tsv"]);
    for line in top.lines().skip(1) {
        let employment = line.split('\t').nth(6).unwrap_or("");
        assert!(employment.chars().all(|c| c.is_ascii_digit()), "{line}");
    }
    // JSON: employment counts are integers, not 338940.0.
    let (_, show, _) = run(&["show", "representative", "--format", "json"]);
    assert!(show.contains("\"value\": 2595750\n"), "{show}");
    assert!(!show.contains("2595750.0"));
    let v = json(&["salary", "representative", "--format", "json"]);
    let official = &v[0]["official"][0];
    assert!(
        official["wages"]["employment"]["value"].is_u64(),
        "{official}"
    );
    assert_eq!(official["soc"], "43-4051");
    assert_eq!(official["area"]["code"], "0000000");
    for f in v[0]["figures"].as_array().expect("figures") {
        assert!(
            ["year", "hour"].contains(&f["period"].as_str().unwrap_or("")),
            "{f}"
        );
    }
}

/// The entries of the legend that closes `out`, each joined from its
/// lines; fails unless every continuation line starts under its entry's
/// text (`  [n] ` wide).
fn legend_entries(out: &str, what: &str) -> Vec<String> {
    let legend = out
        .split("\nSources\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{what}: a legend in\n{out}"));
    let mut entries: Vec<String> = Vec::new();
    let mut indent = 0;
    for line in legend.lines() {
        if line.starts_with("  [") {
            indent = line.find("] ").map_or(0, |i| i + 2);
            entries.push(line.to_string());
        } else if line.starts_with(' ') && !entries.is_empty() {
            let text = line.trim_start();
            assert_eq!(line.len() - text.len(), indent, "{what}: {line:?}");
            let last = entries.last_mut().expect("an entry");
            last.push(' ');
            last.push_str(text);
        } else {
            break;
        }
    }
    entries
}

/// Item 8 (legends and ranges): every command's source legend has one
/// layout, `  [n] Title, Publisher, Date (id ID)` with continuation lines
/// under the title; the Indeed source's date is in the salary and compare
/// legends; pay ranges are spelt `$32,000-$60,000/yr` everywhere.
#[test]
fn every_legend_has_one_layout_with_publisher_and_date() {
    let commands: &[&[&str]] = &[
        &["list"],
        &["salary", "associate"],
        &["compare", "associate", "representative"],
        &["ladder"],
        &["path", "associate", "supervisor"],
        &["search", "custmer servce", "--limit", "2"],
        &["skills", "associate"],
        &["skills", "--find", "crm"],
        &["salary", "--top", "3"],
    ];
    for args in commands {
        let what = args.join(" ");
        let entries = legend_entries(&wide(args), &what);
        assert!(!entries.is_empty(), "{what}");
        for e in &entries {
            assert!(e.ends_with(')') && e.contains(" (id "), "{what}: {e}");
        }
    }
    for args in [
        &["salary", "associate"][..],
        &["compare", "associate", "representative"],
    ] {
        let entries = legend_entries(&wide(args), &args.join(" "));
        assert!(
            entries.iter().any(|e| e.ends_with(
                "Top Duties and Qualifications, Indeed, 2022-04-21 (id indeed-csa-job-description)"
            )),
            "{args:?}: {entries:#?}"
        );
    }
    let show = wide(&["show", "representative", "--section", "salary"]);
    assert!(show.contains("Range         $32,000-$60,000/yr"), "{show}");
    assert!(!show.contains("$32,000 - $60,000"), "{show}");
}

/// Item 9 (the list part): with --all, families are the SOC major groups.
#[test]
fn list_all_families_are_soc_major_groups() {
    let (code, out, _) = run(&["list", "--all", "--family", "healthcare", "--format", "tsv"]);
    assert_eq!(code, 0);
    let families: std::collections::BTreeSet<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(2))
        .collect();
    assert_eq!(
        families.into_iter().collect::<Vec<_>>(),
        [
            "Healthcare Practitioners and Technical Occupations",
            "Healthcare Support Occupations"
        ]
    );
    let by_number = run(&["list", "--all", "--family", "29", "--format", "tsv"]).1;
    let by_name = run(&[
        "list",
        "--all",
        "--family",
        "healthcare practitioners and technical",
        "--format",
        "tsv",
    ])
    .1;
    assert_eq!(by_number, by_name);
    assert!(by_number.contains("registered-nurses\t"));
    // Curated roles are in the group of their SOC code.
    let office = run(&["list", "--all", "--family", "43", "--format", "tsv"]).1;
    assert!(office.contains("customer-service-supervisor\t"), "{office}");
    let (code, _, stderr) = run(&["list", "--all", "--family", "nursing"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("29 Healthcare Practitioners and Technical"),
        "{stderr}"
    );
    assert!(!stderr.contains("families: Customer Service"), "{stderr}");
    let (code, _, stderr) = run(&["list", "--family", "nursing"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("families: Customer Service"), "{stderr}");
}

/// Issue 14, item 5: the representative's guides disagree (+6% against a
/// decline); list's one-row TSV keeps both, each with its source, as its
/// text and JSON do.
#[test]
fn list_tsv_keeps_every_growth_statement_with_its_source() {
    let (code, tsv, _) = run(&["list", "--format", "tsv"]);
    assert_eq!(code, 0);
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let at = header
        .iter()
        .position(|h| *h == "growth_statements")
        .expect("a growth_statements column");
    let row: Vec<&str> = lines
        .find(|l| l.starts_with("customer-service-representative\t"))
        .expect("the representative's row")
        .split('\t')
        .collect();
    assert_eq!(row.len(), header.len());
    assert_eq!(
        row[at], "6% jobicy-csr-guide; declining csa-role-profile",
        "{row:?}"
    );
    let text = wide(&["list"]);
    assert!(text.contains("declining"), "{text}");
}
