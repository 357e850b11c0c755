//! `careers list` with the BLS projection of every role's SOC occupation
//! (issue 15): growth and education columns, sortable over all 840.

mod common;
use common::{assert_fits, careers, run};
use serde_json::Value;

fn json(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["list"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, stdout, stderr) = run(&all);
    assert_eq!(code, 0, "careers {all:?}: {stderr}");
    match serde_json::from_str(&stdout) {
        Ok(Value::Array(rows)) => rows,
        other => panic!("an array of rows, got {other:?}"),
    }
}

fn row<'v>(rows: &'v [Value], id: &str) -> &'v Value {
    rows.iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} is listed"))
}

/// Education codes in careers' order, least schooling first.
const EDUCATION: [&str; 8] = [
    "no_formal_credential",
    "high_school",
    "postsecondary_nondegree",
    "some_college",
    "associate",
    "bachelor",
    "master",
    "doctoral_or_professional",
];

#[test]
fn every_occupation_has_its_bls_change_and_education() {
    let rows = json(&["--all"]);
    assert_eq!(rows.len(), 840);
    let nurses = &row(&rows, "registered-nurses")["projection"];
    assert_eq!(nurses["soc"], "29-1141");
    assert_eq!(nurses["source"], "bls-ep-2024-34");
    assert_eq!(nurses["change_pct"].as_f64(), Some(4.9));
    assert_eq!(nurses["growth"], "faster");
    assert_eq!(nurses["openings_per_year"], 189_100);
    assert_eq!(nurses["entry_education"]["code"], "bachelor");
    assert_eq!(nurses["entry_education"]["label"], "Bachelor's degree");
    // Every official occupation has one: the projections cover all 830.
    let without = rows
        .iter()
        .filter(|r| r["projection"].is_null())
        .filter_map(|r| r["id"].as_str())
        .collect::<Vec<_>>();
    assert_eq!(
        without,
        [
            "customer-relations-coordinator",
            "customer-service-administrator",
            "customer-service-analyst",
            "customer-service-clerk",
            "customer-service-consultant",
            "customer-service-manager",
            "customer-success-manager"
        ],
        "only curated roles without a SOC link"
    );
}

#[test]
fn curated_roles_show_their_soc_occupations_figure_beside_the_guides() {
    let rows = json(&[]);
    let associate = row(&rows, "customer-service-associate");
    assert_eq!(associate["growth"][0]["percent"].as_f64(), Some(10.0));
    assert_eq!(associate["projection"]["soc"], "43-4051");
    assert_eq!(associate["projection"]["approximate"], false);
    assert_eq!(associate["projection"]["change_pct"].as_f64(), Some(-5.5));
    let supervisor = row(&rows, "customer-service-supervisor");
    assert_eq!(supervisor["projection"]["approximate"], true);
    let out = careers()
        .arg("list")
        .env("COLUMNS", "200")
        .output()
        .expect("careers runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("+10% [2]; declining [1]; -5.5% [3]"),
        "{text}"
    );
    assert!(text.contains("-0.3% (approximate) [3]"), "{text}");
    assert!(
        text.contains("[3] Employment Projections, 2024–34"),
        "{text}"
    );
}

#[test]
fn growth_sorts_all_840_by_the_most_optimistic_stated_figure() {
    let rows = json(&["--all", "--sort", "growth"]);
    let key = |r: &Value| {
        let guides = r["growth"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|g| g["percent"].as_f64());
        guides
            .chain(r["projection"]["change_pct"].as_f64())
            .fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.max(x))))
    };
    let keys: Vec<Option<f64>> = rows.iter().map(key).collect();
    assert_eq!(rows[0]["id"], "wind-turbine-service-technicians");
    let known: Vec<f64> = keys.iter().flatten().copied().collect();
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "highest first");
    let first_unknown = keys.iter().position(Option::is_none).unwrap_or(keys.len());
    assert!(
        keys[first_unknown..].iter().all(Option::is_none),
        "unknown last"
    );
}

#[test]
fn education_sorts_least_schooling_first_unknown_last() {
    let rows = json(&["--all", "--sort", "education"]);
    let rank = |r: &Value| {
        r["projection"]["entry_education"]["code"]
            .as_str()
            .and_then(|c| EDUCATION.iter().position(|e| *e == c))
    };
    let ranks: Vec<Option<usize>> = rows.iter().map(rank).collect();
    let known: Vec<usize> = ranks.iter().flatten().copied().collect();
    assert!(known.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(known.first(), Some(&0));
    assert_eq!(known.last(), Some(&7));
    assert!(ranks.last().is_some_and(Option::is_none));
    // Within a category, by title.
    let titles: Vec<&str> = rows
        .iter()
        .filter(|r| rank(r) == Some(7))
        .filter_map(|r| r["title"].as_str())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted);
}

#[test]
fn salary_sorts_all_840_yearly_first_highest_first() {
    let rows = json(&["--all", "--sort", "salary"]);
    assert_eq!(rows.len(), 840);
    let yearly: Vec<f64> = rows
        .iter()
        .take_while(|r| r["pay"]["period"] == "year")
        .filter_map(|r| r["pay"]["value"].as_f64())
        .collect();
    assert!(yearly.len() > 800);
    assert!(yearly.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn text_has_growth_and_education_columns_at_every_width() {
    for width in [40, 80, 120] {
        let out = careers()
            .args(["list", "--all", "--family", "29"])
            .env("COLUMNS", width.to_string())
            .output()
            .expect("careers runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert_fits(&text, width, "list --all --family 29");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if width >= 80 {
            assert!(text.contains("Education"), "{text}");
        } else {
            assert!(flat.contains("education: Bachelor's degree [2]"), "{text}");
        }
        // Registered nurses' change, in a cell of its own at every width.
        assert!(flat.contains("+4.9%"), "{text}");
    }
}

#[test]
fn tsv_adds_the_projection_columns() {
    let (code, stdout, _) = run(&["list", "--all", "--format", "tsv"]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    assert_eq!(
        &header[18..],
        [
            "projection_soc",
            "projection_approximate",
            "change_percent",
            "growth_category",
            "openings_per_year",
            "entry_education",
            "projection_source",
            "growth_statements"
        ]
    );
    let nurses: Vec<&str> = lines
        .find(|l| l.starts_with("registered-nurses\t"))
        .expect("nurses")
        .split('\t')
        .collect();
    assert_eq!(
        &nurses[18..],
        [
            "29-1141",
            "false",
            "4.90",
            "faster",
            "189100",
            "bachelor",
            "bls-ep-2024-34",
            ""
        ]
    );
}
