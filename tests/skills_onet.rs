//! The O*NET side of `careers skills` (issue 15): any occupation's 35
//! ratings, and the ranking of the occupations by one skill, against the
//! real binary.

mod common;
use common::{assert_fits, careers, run};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let mut all = vec!["skills"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, stdout, stderr) = run(&all);
    assert_eq!(code, 0, "careers {all:?}: {stderr}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

fn text(args: &[&str], columns: usize) -> String {
    let out = careers()
        .arg("skills")
        .args(args)
        .env("COLUMNS", columns.to_string())
        .output()
        .expect("careers runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn any_occupation_shows_its_35_ratings_with_the_scale() {
    let out = text(&["registered-nurses"], 80);
    assert!(out.starts_with(
        "Registered Nurses  registered-nurses\n\nO*NET skills: SOC 29-1141 Registered Nurses [1]\n"
    ));
    assert!(out.contains("  Importance from 1 (not important) to 5 (extremely important).\n"));
    // No guides' sections for an official occupation: no wall of unknowns.
    assert!(!out.contains("Skill map"), "{out}");
    assert!(!out.contains("unknown"), "{out}");
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| l.len() > 8 && l[2..6].parse::<f64>().is_ok())
        .collect();
    assert_eq!(lines.len(), 35, "{out}");
    assert!(out.contains("(id onet-30-2)"));

    let v = json(&["registered-nurses"]);
    assert_eq!(v["origin"], "official");
    assert_eq!(v["skill_map"], Value::Array(vec![]));
    let onet = &v["onet_skills"][0];
    assert_eq!(onet["soc"], "29-1141");
    assert_eq!(onet["source"], "onet-30-2");
    assert_eq!(onet["basis"]["kind"], "direct");
    assert_eq!(onet["unknown"], Value::Null);
    let ratings = onet["ratings"].as_array().expect("ratings");
    assert_eq!(ratings.len(), 35);
    let values: Vec<f64> = ratings
        .iter()
        .filter_map(|r| r["importance"].as_f64())
        .collect();
    assert_eq!(values.len(), 35);
    assert!(
        values.windows(2).all(|w| w[0] >= w[1]),
        "most important first"
    );
    assert!(values.iter().all(|v| (1.0..=5.0).contains(v)));
}

#[test]
fn an_occupation_o_net_does_not_rate_says_unknown_and_why() {
    // 29-2042 Emergency Medical Technicians: no row in onet_skills.tsv.
    let out = text(&["29-2042"], 100);
    assert!(
        out.contains("  unknown (O*NET 30.2 rates no skills for SOC 29-2042"),
        "{out}"
    );
    let v = json(&["29-2042"]);
    assert_eq!(v["onet_skills"][0]["ratings"], Value::Array(vec![]));
    assert_eq!(v["onet_skills"][0]["basis"], Value::Null);
    assert!(v["onet_skills"][0]["unknown"].is_string());
}

#[test]
fn a_bls_aggregate_gets_the_mean_of_its_parts_marked_as_computed() {
    // 13-1020 Buyers and Purchasing Agents: O*NET rates its components.
    let v = json(&["13-1020"]);
    let onet = &v["onet_skills"][0];
    assert_eq!(onet["basis"]["kind"], "mean_of");
    assert!(onet["basis"]["components"]
        .as_array()
        .is_some_and(|c| c.len() >= 2));
    assert!(text(&["13-1020"], 100).contains("(computed)"));
}

#[test]
fn an_approximate_link_is_marked() {
    let v = json(&["customer-service-supervisor"]);
    assert_eq!(v["onet_skills"][0]["soc"], "43-1011");
    assert_eq!(v["onet_skills"][0]["approximate"], true);
    let out = text(&["customer-service-supervisor"], 100);
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(out.contains("SOC 43-1011 First-Line Supervisors of Office and Administrative Support Workers (approximate match)"));
}

#[test]
fn rank_lists_the_occupations_that_need_a_skill_most() {
    let v = json(&["--rank", "active listening", "--limit", "5"]);
    assert_eq!(v["skill"], "Active Listening");
    assert_eq!(v["source"], "onet-30-2");
    assert_eq!(v["area"]["kind"], "nation");
    assert_eq!(v["rated"], 762);
    assert_eq!(v["all_occupations"]["source"], "bls-ep-2024-34");
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 5);
    let mut last = f64::INFINITY;
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r["rank"], i + 1);
        let importance = r["importance"].as_f64().expect("importance");
        assert!(importance <= last, "ranked by importance");
        last = importance;
        assert_eq!(r["pay"]["basis"], "official median");
        assert_eq!(r["pay"]["soc"], r["soc"]);
        assert_eq!(r["outlook"]["source"], "bls-ep-2024-34");
        assert!(r["outlook"]["change_pct"].is_f64());
        assert!(r["outlook"]["openings_per_year"].is_u64());
    }
    // The first is rated 5.00 by O*NET 30.2.
    assert_eq!(rows[0]["importance"].as_f64(), Some(5.0));
    // Every rated occupation with --limit 0.
    let all = json(&["--rank", "active listening", "--limit", "0"]);
    assert_eq!(all["rows"].as_array().map(Vec::len), Some(762));
}

#[test]
fn rank_takes_typos_and_an_area() {
    let v = json(&["--rank", "programing", "--limit", "3", "--area", "TX"]);
    assert_eq!(v["skill"], "Programming");
    assert_eq!(v["rows"][0]["soc"], "15-1251");
    assert_eq!(v["area"]["postal"], "TX");
    assert_eq!(v["rows"][0]["pay"]["area"]["postal"], "TX");
}

#[test]
fn rank_tsv_is_one_row_per_occupation() {
    let (code, stdout, _) = run(&["skills", "--rank", "speaking", "--format", "tsv"]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    assert_eq!(
        &header[..6],
        [
            "rank",
            "id",
            "occupation_soc",
            "title",
            "skill",
            "importance"
        ]
    );
    // One name per column: a reader that keys columns by name sees each.
    let mut names = header.clone();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), header.len(), "{header:?}");
    for col in [
        "pay",
        "currency",
        "period",
        "change_percent",
        "growth_category",
        "openings_per_year",
        "outlook_source",
        "skill_source",
    ] {
        assert!(header.contains(&col), "{col} in {header:?}");
    }
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 10);
    assert!(rows
        .iter()
        .all(|r| r.len() == header.len() && r[4] == "Speaking"));
}

#[test]
fn unknown_or_ambiguous_skills_exit_1_and_say_why() {
    let (code, stdout, stderr) = run(&["skills", "--rank", "zendesk"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(
        stderr.contains("is not one of the 35 O*NET skills"),
        "{stderr}"
    );
    assert!(stderr.contains("Active Listening"), "{stderr}");
    let (code, _, stderr) = run(&["skills", "--rank", "management"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("say which"), "{stderr}");
    assert!(
        stderr.contains("Management of Personnel Resources"),
        "{stderr}"
    );
    // --limit and --area belong to --rank.
    let (code, _, _) = run(&["skills", "associate", "--limit", "3"]);
    assert_eq!(code, 2);
}

#[test]
fn find_points_to_the_o_net_ranking() {
    let out = text(&["--find", "active listening"], 100);
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        out.contains("`careers skills --rank 'active listening'` ranks the official occupations"),
        "{out}"
    );
    // No guide lists repairing; O*NET rates it for every occupation it rates.
    let (code, _, stderr) = run(&["skills", "--find", "repairing"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("`careers skills --rank repairing`"),
        "{stderr}"
    );
}

#[test]
fn rank_and_o_net_ratings_fit_every_width() {
    for width in [40, 60, 80, 100, 120] {
        for args in [
            &["--rank", "active listening"][..],
            &["registered-nurses"][..],
            &["13-1020"][..],
        ] {
            assert_fits(&text(args, width), width, &args.join(" "));
        }
    }
}
