//! `careers salary` against the real binary.

mod common;
use common::{careers, run};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

fn text(width: &str, args: &[&str]) -> String {
    let out = careers()
        .env("COLUMNS", width)
        .arg("salary")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn figure<'a>(row: &'a Value, kind: &str, source: &str) -> &'a Value {
    row["figures"]
        .as_array()
        .and_then(|f| {
            f.iter()
                .find(|f| f["kind"] == kind && f["source"] == source)
        })
        .unwrap_or_else(|| panic!("no {kind} from {source} in {row}"))
}

#[test]
fn every_role_is_listed_highest_first_and_unknown_last() {
    let v = json(&["salary", "--format", "json"]);
    let rows = v.as_array().expect("an array");
    assert_eq!(rows.len(), 11);
    let ranked: Vec<Option<f64>> = rows
        .iter()
        .map(|r| r["ranked_by"]["value"].as_f64())
        .collect();
    let known: Vec<f64> = ranked.iter().map_while(|v| *v).collect();
    assert!(known.len() >= 8, "{ranked:?}");
    assert!(
        ranked[known.len()..].iter().all(Option::is_none),
        "unknown last: {ranked:?}"
    );
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "{known:?}");
    // No guide gives the supervisor's pay: it ranks by its official median
    // (national.tsv, 43-1011: 69500), above the analyst's range midpoint.
    assert_eq!(rows[0]["id"], "customer-service-supervisor");
    let sup = &rows[0]["ranked_by"];
    assert_eq!(sup["basis"], "official median");
    assert_eq!(
        (&sup["soc"], &sup["approximate"]),
        (&Value::from("43-1011"), &Value::from(true))
    );
    assert_eq!(sup["area"]["code"], "0000000");
    assert_eq!(sup["source"], "bls-oews-2025");
    assert_eq!(rows[1]["id"], "customer-service-analyst");
    assert_eq!(rows[1]["ranked_by"]["basis"], "midpoint of range");
    let rep = rows
        .iter()
        .find(|r| r["id"] == "customer-service-representative")
        .expect("rep");
    assert_eq!(rep["ranked_by"]["basis"], "median");
    assert_eq!(rep["ranked_by"]["value"], 46000.0);
    for r in &rows[known.len()..] {
        assert_eq!(r["figures"], Value::Array(vec![]), "{r}");
    }
}

#[test]
fn every_figure_carries_its_source_currency_and_period() {
    let v = json(&["salary", "--format", "json"]);
    let sources_toml = include_str!("../data/sources.toml");
    for row in v.as_array().expect("rows") {
        for f in row["figures"].as_array().expect("figures") {
            let s = f["source"].as_str().expect("source");
            assert!(
                sources_toml.contains(&format!("id = \"{s}\"")),
                "{s} is a catalog source"
            );
            assert!(f["currency"].is_string() && f["period"].is_string(), "{f}");
            let single = f["value"].is_number();
            let range = f["min"].is_number() && f["max"].is_number();
            assert!(single != range, "value or min/max: {f}");
            assert_eq!(f["converted"], false, "no conversion without --hourly");
            assert!(f["converted_from"].is_null());
        }
    }
}

#[test]
fn the_associates_figures_are_all_there_in_their_own_periods() {
    let v = json(&["salary", "associate", "--format", "json"]);
    let row = &v[0];
    assert_eq!(row["id"], "customer-service-associate");
    assert_eq!(figure(row, "median", "jobicy-csa-guide")["value"], 42000.0);
    let range = figure(row, "range", "jobicy-csa-guide");
    assert_eq!(
        (range["min"].as_f64(), range["max"].as_f64()),
        (Some(32000.0), Some(52000.0))
    );
    assert_eq!(figure(row, "entry", "jobicy-csa-guide")["value"], 35000.0);
    assert_eq!(figure(row, "mid", "jobicy-csa-guide")["value"], 42000.0);
    assert_eq!(figure(row, "senior", "jobicy-csa-guide")["value"], 49000.0);
    assert_eq!(
        figure(row, "top_10_percent_from", "jobicy-csa-guide")["value"],
        52000.0
    );
    let avg = figure(row, "average", "indeed-csa-job-description");
    assert_eq!(avg["value"], 10.78);
    assert_eq!(avg["period"], "hour");
    let entry = figure(row, "entry_range", "csa-essay");
    assert_eq!(entry["min"], 15.0);
    assert_eq!(entry["period"], "hour");
}

#[test]
fn hourly_converts_yearly_figures_and_marks_them() {
    let v = json(&["salary", "associate", "--hourly", "--format", "json"]);
    let row = &v[0];
    let median = figure(row, "median", "jobicy-csa-guide");
    assert_eq!(median["period"], "hour");
    assert_eq!(median["value"], 20.19);
    assert_eq!(median["converted"], true);
    assert_eq!(median["converted_from"]["value"], 42000.0);
    assert_eq!(median["converted_from"]["period"], "year");
    assert_eq!(median["converted_from"]["hours_per_year"], 2080.0);
    let avg = figure(row, "average", "indeed-csa-job-description");
    assert_eq!(avg["value"], 10.78);
    assert_eq!(avg["converted"], false, "hourly sources stay as they are");

    let out = text("100", &["associate", "--hourly"]);
    assert!(
        out.contains("≈$20.19/h (converted from $42,000/yr at 2,080 h)"),
        "{out}"
    );
    assert!(out.contains("Average       $10.78/h"), "{out}");
    assert!(out.contains("Pay in USD per hour"), "{out}");
}

#[test]
fn hours_per_year_changes_the_conversion() {
    let v = json(&[
        "salary",
        "representative",
        "--hourly",
        "--hours-per-year",
        "2000",
        "--format",
        "json",
    ]);
    let median = figure(&v[0], "median", "jobicy-csr-guide");
    assert_eq!(median["value"], 23.0);
    assert_eq!(median["converted_from"]["hours_per_year"], 2000.0);
    let out = text(
        "100",
        &["representative", "--hourly", "--hours-per-year", "1950.5"],
    );
    assert!(out.contains("at 1,950.5 h"), "{out}");
}

#[test]
fn impossible_hours_per_year_are_usage_errors() {
    for bad in ["0", "-1", "8785", "NaN", "inf", "lots", "1e-300", "51.9"] {
        let arg = format!("--hours-per-year={bad}");
        let (code, stdout, stderr) = run(&["salary", "--hourly", &arg]);
        assert_eq!(code, 2, "{bad}: {stderr}");
        assert!(stdout.is_empty());
        if bad != "lots" {
            assert!(stderr.contains("--hours-per-year must be"), "{stderr}");
        }
    }
    assert_eq!(run(&["salary", "--hours-per-year", "8784"]).0, 0);
    assert_eq!(run(&["salary", "--hours-per-year", "52"]).0, 0);
    let (_, _, stderr) = run(&["salary", "--hours-per-year", "1e-300"]);
    assert!(stderr.contains("; got 1e-300"), "{stderr}");
}

#[test]
fn without_hourly_each_period_has_its_own_chart() {
    let out = text("100", &["associate"]);
    assert!(out.contains("Average       $10.78/h"), "{out}");
    assert!(out.contains("Entry range   $15-$20/h"), "{out}");
    assert!(out.contains("Pay in USD per year, highest first"), "{out}");
    assert!(out.contains("Pay in USD per hour, highest first"), "{out}");
    assert!(out.contains("◆$10.78 [2]"), "{out}");
    assert!(!out.contains('≈'), "nothing converted silently: {out}");
}

/// Issue 14, item 3: a role paid by the hour stays hourly without
/// `--hourly`, as the README promises; it was charted converted to a year.
#[test]
fn an_hourly_only_role_stays_hourly() {
    let out = careers()
        .env("COLUMNS", "100")
        .args(["salary", "acme-support-agent", "clerk", "--data-dir"])
        .arg(common::fixture("hourly"))
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(!stdout.contains('≈'), "nothing converted: {stdout}");
    assert!(
        stdout.contains("Pay in USD per hour, highest first"),
        "{stdout}"
    );
    assert!(stdout.contains("$18-$22 [2]"), "{stdout}");
    assert!(
        stdout.contains("Pay: $20/h midpoint of range [2]"),
        "{stdout}"
    );
    assert!(stdout.contains("Range         $18-$22/h"), "{stdout}");
    // Yearly and hourly pay are not ranked against each other: yearly first.
    let clerk = stdout.find("Customer Service Clerk  ").expect("clerk");
    let agent = stdout.find("Acme Support Agent  acme").expect("agent");
    assert!(clerk < agent, "{stdout}");
    let v = json(&[
        "--data-dir",
        common::fixture("hourly").to_str().expect("UTF-8"),
        "salary",
        "acme-support-agent",
        "--format",
        "json",
    ]);
    let r = &v[0]["ranked_by"];
    assert_eq!(
        (r["value"].as_f64(), &r["period"]),
        (Some(20.0), &Value::from("hour"))
    );
    assert_eq!(
        (&r["basis"], &r["converted"]),
        (&Value::from("midpoint of range"), &Value::from(false))
    );
}

#[test]
fn repeated_and_unknown_roles() {
    let v = json(&["salary", "rep", "representative", "--format", "json"]);
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    let (code, _, stderr) = run(&["salary", "associate", "astronaut"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no role matches `astronaut`"));
}

#[test]
fn tsv_has_one_row_per_figure() {
    let (code, stdout, _) = run(&["salary", "--format", "tsv"]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("id\ttitle\tkind\tvalue\tmin\tmax\tcurrency\tperiod\tconverted\tsource\tregion\tsoc\tarea\tapproximate\ttop_coded")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 15));
    let v = json(&["salary", "--format", "json"]);
    let figures: usize = v
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            // Official figures: p10, p25, median, p75, p90 and mean, per year and per hour.
            let official = r["official"].as_array().map_or(0, |o| o.len() * 12);
            let unknown = usize::from(r["ranked_by"].is_null());
            r["figures"].as_array().map_or(0, |f| f.len()) + unknown + official
        })
        .sum();
    assert_eq!(
        rows.len(),
        figures,
        "one row per figure, one per role without pay"
    );
    assert!(rows.contains(&vec![
        "customer-service-associate",
        "Customer Service Associate",
        "average",
        "10.78",
        "",
        "",
        "USD",
        "hour",
        "false",
        "indeed-csa-job-description",
        "",
        "",
        "",
        "",
        ""
    ]));
    // Official figures: the SOC code and the area as fields of their own.
    assert!(rows.contains(&vec![
        "customer-service-supervisor",
        "Customer Service Supervisor",
        "official_median",
        "69500",
        "",
        "",
        "USD",
        "year",
        "false",
        "bls-oews-2025",
        "",
        "43-1011",
        "National (U.S.)",
        "true",
        "false"
    ]));
    assert!(rows
        .iter()
        .any(|r| r[0] == "customer-service-manager" && r[2] == "unknown"));
    assert!(!rows
        .iter()
        .any(|r| r[0] == "customer-service-supervisor" && r[2] == "unknown"));
    let (_, hourly, _) = run(&["salary", "clerk", "--hourly", "--format", "tsv"]);
    assert!(
        hourly.contains("range\t\t14.42\t20.19\tUSD\thour\ttrue\tcsa-role-profile"),
        "{hourly}"
    );
}

#[test]
fn the_chart_follows_the_terminal_width() {
    let widest = |s: &str| s.lines().map(|l| l.width()).max().unwrap_or(0);
    let narrow = text("40", &[]);
    let medium = text("80", &[]);
    let wide = text("160", &[]);
    assert!(widest(&narrow) <= 40, "{narrow}");
    assert!(widest(&medium) <= 80, "{medium}");
    assert!(widest(&wide) <= 160);
    let bar = |s: &str| {
        s.lines()
            .filter(|l| l.contains('├'))
            .map(|l| l.chars().filter(|c| *c == '─').count())
            .max()
            .unwrap_or(0)
    };
    assert!(bar(&wide) > bar(&medium), "bars scale with the width");
    assert!(
        narrow.contains("Customer Service Manager: unknown"),
        "{narrow}"
    );
}

#[test]
fn ascii_charts_use_ascii() {
    let out = careers()
        .env("COLUMNS", "100")
        .args(["salary", "--ascii", "--hourly"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    for c in ['├', '─', '┤', '●', '◆', '≈', '…'] {
        assert!(!stdout.contains(c), "{c} in {stdout}");
    }
    assert!(stdout.contains("~$20.19/h (converted from $42,000/yr at 2,080 h)"));
    assert!(stdout.contains("[-] range  o median  * average"));
}

#[test]
fn salary_text_snapshot_at_fixed_width() {
    insta::assert_snapshot!(text(
        "100",
        &[
            "associate",
            "representative",
            "clerk",
            "customer-service-manager"
        ]
    )
    .as_str());
}

#[test]
fn salary_hourly_snapshot_at_forty_columns() {
    insta::assert_snapshot!(text("40", &["associate", "clerk", "--hourly"]).as_str());
}
