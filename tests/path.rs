//! `careers path` against the real binary: routes between any two roles
//! or occupations (guides' ladders, official links, direct entry and
//! stepping stones), the ranked destinations with the parts of their
//! score, no route, user data, filters, every output format and width.

mod common;
use common::{assert_dot_renders, assert_fits, careers, run};
use serde_json::Value;
use std::path::Path;

const CSA: &str = "customer-service-associate";
const CSR: &str = "customer-service-representative";
const SUP: &str = "customer-service-supervisor";
const MGR: &str = "customer-service-manager";

fn json(args: &[&str]) -> Vec<Value> {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    let v: Value = serde_json::from_str(&stdout).expect("valid JSON");
    v.as_array().expect("an array").clone()
}

fn text_at(width: usize, args: &[&str]) -> String {
    let out = careers()
        .env("COLUMNS", width.to_string())
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

fn steps_of(route: usize, steps: &[Value]) -> Vec<&Value> {
    steps.iter().filter(|s| s["route"] == route).collect()
}

fn ids(steps: &[&Value]) -> Vec<String> {
    let mut out: Vec<String> = steps
        .first()
        .map(|s| s["from"].as_str().unwrap_or("").to_string())
        .into_iter()
        .collect();
    out.extend(
        steps
            .iter()
            .map(|s| s["to"].as_str().unwrap_or("").to_string()),
    );
    out
}

#[test]
fn cashiers_enter_electrical_work_directly_or_through_a_stepping_stone() {
    let steps = json(&["path", "cashiers", "electricians", "--format", "json"]);
    // Electricians ask no work experience in a related occupation (BLS):
    // the fewest steps is one, an entry.
    let first = steps_of(1, &steps);
    assert_eq!(ids(&first), ["cashiers", "electricians"]);
    let s = first[0];
    assert_eq!(s["basis"], "fewest-steps");
    assert_eq!(s["kind"], "entry");
    assert_eq!(s["how"][0]["via"], "entry");
    assert_eq!(
        s["how"][0]["sources"],
        serde_json::json!(["bls-ep-2024-34"])
    );
    assert_eq!(
        (s["from_soc"].as_str(), s["to_soc"].as_str()),
        (Some("41-2011"), Some("47-2111"))
    );
    // O*NET skills: largest gap first, both ratings, every gain at least
    // half a point; the carry-overs important to electricians.
    let onet = &s["onet_skills"];
    assert_eq!(onet["source"], "onet-30-2");
    let gain = onet["to_gain"].as_array().expect("a list");
    assert!(!gain.is_empty());
    let gap = |c: &Value| c["to"].as_f64().unwrap_or(0.0) - c["from"].as_f64().unwrap_or(0.0);
    assert!(gain.windows(2).all(|w| gap(&w[0]) >= gap(&w[1]) - 1e-9));
    assert!(gain.iter().all(|c| gap(c) >= 0.5 - 1e-9));
    assert_eq!(gain[0]["skill"], "Troubleshooting");
    let total: f64 = gain.iter().map(gap).sum();
    assert!((onet["gap"].as_f64().unwrap_or(0.0) - total).abs() < 1e-9);
    for c in onet["carry_over"].as_array().expect("a list") {
        assert!(c["to"].as_f64().unwrap_or(0.0) >= 3.0, "{c}");
        assert!(gap(c) <= 0.5 + 1e-9, "{c}");
    }
    // Schooling, requirements and outlook of the target, from BLS.
    assert_eq!(s["education"]["from"], "no_formal_credential");
    assert_eq!(s["education"]["to"], "high_school");
    assert_eq!(s["education"]["levels_up"], 1);
    let req = &s["requirements"];
    assert_eq!(req["work_experience"], "none");
    assert_eq!(req["job_training"], "apprenticeship");
    assert_eq!(req["change_pct"], 9.5);
    // Pay: the official medians, national, compared.
    let pay = &s["pay_change"];
    assert_eq!(pay["from"]["value"], 32880.0);
    assert_eq!(pay["to"]["value"], 63190.0);
    assert_eq!(pay["change"], 30310.0);
    // Then stepping stones: entered directly, no harder to get into, with
    // a step into electricians.
    let stones: Vec<&Value> = steps
        .iter()
        .filter(|s| s["basis"] == "stepping-stone")
        .collect();
    assert!(!stones.is_empty());
    let through: Vec<&str> = stones
        .iter()
        .filter(|s| s["step"] == 1)
        .map(|s| s["to"].as_str().unwrap_or(""))
        .collect();
    assert!(through.contains(&"helpers-electricians"), "{through:?}");
    assert!(
        !through.contains(&"plumbers-pipefitters-and-steamfitters"),
        "{through:?}"
    );
    for s in &stones {
        assert!(!s["sources"].as_array().expect("a list").is_empty());
    }
    // Every row says its sources.
    for s in &steps {
        assert!(!s["sources"].as_array().expect("a list").is_empty(), "{s}");
    }
}

#[test]
fn a_representative_to_registered_nurse_goes_through_nursing_school() {
    let steps = json(&["path", CSR, "registered-nurses", "--format", "json"]);
    let direct = steps_of(1, &steps);
    assert_eq!(ids(&direct), [CSR, "registered-nurses"]);
    assert_eq!(direct[0]["education"]["from"], "high_school");
    assert_eq!(direct[0]["education"]["to"], "bachelor");
    assert_eq!(direct[0]["education"]["levels_up"], 4);
    // The stepping stones are healthcare occupations no harder to get into
    // than nursing: licensed practical nurses, medical assistants.
    let stones: Vec<String> = steps
        .iter()
        .filter(|s| s["basis"] == "stepping-stone" && s["step"] == 1)
        .map(|s| s["to"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        stones,
        [
            "licensed-practical-and-licensed-vocational-nurses",
            "medical-assistants"
        ]
    );
    let lpn = steps
        .iter()
        .find(|s| s["basis"] == "stepping-stone" && s["step"] == 2)
        .expect("a second step");
    let via: Vec<&str> = lpn["how"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|h| h["via"].as_str())
        .collect();
    assert!(via.contains(&"onet-related"), "{via:?}");
}

#[test]
fn the_three_done_when_commands_explain_themselves_in_text() {
    let text = text_at(200, &["path", "cashiers", "electricians"]);
    for want in [
        "Cashiers → Electricians",
        "entry: open to newcomers (BLS asks no work experience in a related occupation) [1]",
        "Skills to gain (",
        "Skills that carry over (",
        "Education [1]: no formal credential → high school (1 level up)",
        "Experience and training [1]: no work experience in a related occupation;",
        "apprenticeship",
        "Pay: $32,880/yr official median, SOC 41-2011 [2] → $63,190/yr official median, SOC 47-2111 [2]: +$30,310/yr (+92.2%)",
        "Outlook [1]: jobs +9.5% 2024-34 (all occupations +3.1%)",
        "Or through a stepping stone, no harder to get into",
        "Sources",
    ] {
        assert!(text.contains(want), "{want:?} in:\n{text}");
    }
    let text = text_at(200, &["path", CSR, "registered-nurses"]);
    assert!(
        text.contains("Education [1]: high school → bachelor's (4 levels up)"),
        "{text}"
    );
    let text = text_at(200, &["path", CSA, "--area", "TX"]);
    for want in [
        "Where Customer Service Associate can go next",
        "ranked by score = 0.5 × skill closeness",
        "Pay: Texas (TX).",
        " 1. ",
        "Score 0.",
        "The guides' roles ranked below:",
        "Customer Service Supervisor (customer-service-supervisor; SOC 43-1011, approximate)",
        "Customer Service Manager (customer-service-manager)",
        "Score 0: every part unknown (no SOC code",
    ] {
        assert!(text.contains(want), "{want:?} in:\n{text}");
    }
}

#[test]
fn every_path_fits_40_80_and_120_columns() {
    let commands: &[&[&str]] = &[
        &["path", "cashiers", "electricians"],
        &["path", CSR, "registered-nurses"],
        &["path", CSA, "--area", "TX"],
        &["path", CSA, MGR, "--by", "years"],
        &[
            "path",
            CSR,
            "first-line-supervisors-of-office-and-administrative-support-workers",
        ],
        &["path", "customer-service-clerk", "--limit", "3"],
        &["--ascii", "path", "cashiers", "electricians"],
    ];
    for args in commands {
        for width in [40, 80, 120] {
            assert_fits(&text_at(width, args), width, &args.join(" "));
        }
    }
}

#[test]
fn the_ranking_shows_each_part_of_the_score() {
    let rows = json(&["path", CSA, "--area", "TX", "--format", "json"]);
    let ranked: Vec<&Value> = rows
        .iter()
        .filter(|r| r["rank"].as_u64().is_some_and(|n| n <= 10))
        .collect();
    assert_eq!(ranked.len(), 10);
    for r in &rows {
        let points = |k: &str| r[k]["points"].as_f64().unwrap_or(f64::NAN);
        let sum = points("closeness") + points("pay") + points("growth") + points("education");
        assert!(
            (r["score"].as_f64().unwrap_or(f64::NAN) - sum).abs() < 1e-9,
            "{r}"
        );
        let steps = r["steps"].as_u64().unwrap_or(0);
        assert!((1..=2).contains(&steps), "{r}");
        assert_eq!(r["via"].is_string(), steps == 2, "{r}");
        assert!(!r["sources"].as_array().expect("a list").is_empty(), "{r}");
        // No schooling up is 0, not −0 (which JSON prints as `-0.0`).
        for part in ["value", "points"] {
            if let Some(v) = r["education"][part].as_f64() {
                assert!(v < 0.0 || v.is_sign_positive(), "{r}");
            }
        }
        assert_ne!(r["to"], CSR, "the associate's own occupation is left out");
        // Texas figures.
        if let Some(area) = r["pay_change"]["to"]["area"]["postal"].as_str() {
            assert_eq!(area, "TX");
        }
    }
    let scores: Vec<f64> = rows
        .iter()
        .filter_map(|r| r["score"].as_f64())
        .take(10)
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // The guides' roles within reach are there, ranked where they rank.
    let sup = rows
        .iter()
        .find(|r| r["to"] == SUP)
        .expect("the supervisor");
    assert_eq!(
        (&sup["curated"], &sup["approximate"]),
        (&Value::from(true), &Value::from(true))
    );
    assert_eq!(sup["to_soc"], "43-1011");
    assert_eq!(sup["steps"], 1);
    let mgr = rows.iter().find(|r| r["to"] == MGR).expect("the manager");
    assert_eq!(mgr["score"], 0.0);
    for part in ["closeness", "pay", "growth", "education"] {
        assert_eq!(mgr[part]["value"], Value::Null, "{part}");
        assert_eq!(mgr[part]["points"], 0.0, "{part}");
    }
}

#[test]
fn a_part_is_what_docs_paths_says() {
    // Licensed practical nurses to registered nurses, nationally: the pay
    // part is log2 of the ratio of the medians, the education part -3/4.
    let rows = json(&[
        "path",
        "licensed-practical-and-licensed-vocational-nurses",
        "--limit",
        "0",
        "--format",
        "json",
    ]);
    let rn = rows
        .iter()
        .find(|r| r["to"] == "registered-nurses")
        .expect("ranked");
    let from = rn["pay_change"]["from"]["value"]
        .as_f64()
        .expect("a figure");
    let to = rn["pay_change"]["to"]["value"].as_f64().expect("a figure");
    let pay = (to / from).log2().clamp(-1.0, 1.0);
    assert!((rn["pay"]["value"].as_f64().unwrap_or(0.0) - pay).abs() < 1e-9);
    assert!((rn["pay"]["points"].as_f64().unwrap_or(0.0) - 0.2 * pay).abs() < 1e-9);
    assert_eq!(rn["education"]["value"], -0.75);
    assert_eq!(rn["education_levels_up"], 3);
    let d = rn["skill_distance"].as_f64().expect("rated");
    assert!((rn["closeness"]["value"].as_f64().unwrap_or(0.0) - (1.0 - d)).abs() < 1e-9);
}

#[test]
fn filters_and_limits() {
    let rows = json(&[
        "path",
        CSR,
        "--max-education",
        "high-school",
        "--min-pay-gain",
        "20",
        "--limit",
        "0",
        "--format",
        "json",
    ]);
    assert!(!rows.is_empty());
    for r in &rows {
        let ok = matches!(
            r["education_to"].as_str(),
            Some("no_formal_credential" | "high_school")
        );
        assert!(ok, "{r}");
        assert!(
            r["pay_change"]["percent"]
                .as_f64()
                .is_some_and(|p| p >= 20.0),
            "{r}"
        );
    }
    // The BLS wording works too, and so does a plural.
    let bls = json(&[
        "path",
        CSR,
        "--max-education",
        "Bachelor's degree",
        "--format",
        "json",
    ]);
    let plural = json(&[
        "path",
        CSR,
        "--max-education",
        "bachelors",
        "--format",
        "json",
    ]);
    assert_eq!(bls, plural);
    let three = json(&["path", "electricians", "--limit", "3", "--format", "json"]);
    assert_eq!(three.len(), 3);
    let all = json(&["path", "electricians", "--limit", "0", "--format", "json"]);
    assert!(all.len() > 3);
    let (code, _, err) = run(&["path", CSR, "--max-education", "kindergarten"]);
    assert_eq!(code, 2);
    assert!(err.contains("not an education level"), "{err}");
    let (code, _, err) = run(&[
        "path",
        CSR,
        "registered-nurses",
        "--max-education",
        "associate",
    ]);
    assert_eq!(code, 2, "{err}");
    let routes = json(&[
        "path",
        "cashiers",
        "electricians",
        "--limit",
        "1",
        "--format",
        "json",
    ]);
    assert!(routes.iter().all(|s| s["route"] == 1));
}

#[test]
fn hourly_and_area_reach_every_pay_figure() {
    let steps = json(&[
        "path",
        "cashiers",
        "electricians",
        "--hourly",
        "--area",
        "TX",
        "--format",
        "json",
    ]);
    let pay = &steps[0]["pay_change"];
    for end in ["from", "to"] {
        assert_eq!(pay[end]["period"], "hour", "{pay}");
        assert_eq!(pay[end]["area"]["postal"], "TX", "{pay}");
    }
    let text = text_at(100, &["path", "cashiers", "electricians", "--hourly"]);
    assert!(text.contains("/h official median"), "{text}");
    assert!(text.contains("by the hour"), "{text}");
    // --hourly shows pay by the hour; the ranking stays that of the
    // published figures (converting both ends would round them).
    let ranking = |hourly: bool| {
        let mut args = vec!["path", CSA, "--limit", "0", "--format", "json"];
        if hourly {
            args.push("--hourly");
        }
        json(&args)
            .iter()
            .map(|r| (r["to"].clone(), r["score"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ranking(true), ranking(false));
}

#[test]
fn the_guides_ladder_keeps_its_years_and_skill_lists() {
    let steps = json(&["path", CSA, MGR, "--by", "years", "--format", "json"]);
    assert_eq!(steps.len(), 2);
    assert!(steps
        .iter()
        .all(|s| s["basis"] == "least-years" && s["kind"] == "promotion"));
    assert_eq!(
        (steps[0]["to"].as_str(), steps[1]["to"].as_str()),
        (Some(SUP), Some(MGR))
    );
    assert_eq!(
        steps[0]["years"],
        serde_json::json!([
            {"min": 5, "max": null, "source": "jobicy-csa-guide"},
            {"min": 1, "max": 3, "source": "csa-role-profile"}
        ])
    );
    assert_eq!(
        steps[1]["years"],
        serde_json::json!([{"min": 7, "max": null, "source": "jobicy-csa-guide"}])
    );
    // The guides' own lists, as they word them, beside O*NET's (the
    // supervisor's, approximate).
    let catalog = careers::catalog::Catalog::bundled().expect("bundled catalog");
    for s in &steps {
        let role = |id: &str| catalog.role(id).expect("decodes").expect("a role");
        let gap = careers::skillset::gap(
            role(s["from"].as_str().expect("from")),
            role(s["to"].as_str().expect("to")),
        );
        assert_eq!(
            s["guide_skills"]["to_gain"],
            serde_json::json!(gap.skills_to_gain)
        );
        assert_eq!(
            s["guide_skills"]["shared"],
            serde_json::json!(gap.skills_shared)
        );
    }
    assert_eq!(steps[0]["onet_skills"]["approximate"], true);
    assert_eq!(steps[1]["onet_skills"], Value::Null);
    assert_eq!(
        steps[1]["onet_skills_note"],
        "customer-service-manager has no SOC code"
    );
    // Pay: the official medians of both ends, the supervisor's approximate;
    // the manager has none.
    let pay = &steps[0]["pay_change"];
    assert_eq!(
        (pay["from"]["value"].as_f64(), pay["to"]["value"].as_f64()),
        (Some(44770.0), Some(69500.0))
    );
    assert_eq!(pay["to"]["approximate"], true);
    assert_eq!(
        steps[1]["pay_change"]["note"],
        "no pay figure for customer-service-manager"
    );
    let (code, text, _) = run(&["path", CSA, MGR, "--by", "years"]);
    assert_eq!(code, 0);
    assert!(
        text.contains("Route: 2 steps, typically by 7 years of experience"),
        "{text}"
    );
    assert!(
        text.contains("Years: 5+ years [1]; 1-3 years [2]"),
        "{text}"
    );
}

#[test]
fn by_steps_the_guides_years_follow_when_no_route_has_them() {
    let steps = json(&["path", CSA, MGR, "--format", "json"]);
    assert_eq!(ids(&steps_of(1, &steps)), [CSA, MGR]);
    assert_eq!(steps[0]["how"][0]["via"], "move");
    let by_years = steps_of(2, &steps);
    assert!(by_years.iter().all(|s| s["basis"] == "least-years"));
    assert_eq!(ids(&by_years), [CSA, SUP, MGR]);
}

#[test]
fn a_worker_is_promoted_to_the_supervisors_of_its_group() {
    let sup = "first-line-supervisors-of-office-and-administrative-support-workers";
    let steps = json(&["path", CSR, sup, "--format", "json"]);
    assert_eq!(ids(&steps_of(1, &steps)), [CSR, sup]);
    assert_eq!(steps[0]["kind"], "promotion");
    assert_eq!(steps[0]["how"][0]["via"], "supervisor");
    assert_eq!(
        steps[0]["requirements"]["work_experience"],
        "less_than5_years"
    );
}

#[test]
fn no_route_exits_1_and_names_the_closest_reachable_occupations() {
    let dir = cycle_dir();
    let d = dir.path().to_str().expect("utf-8 path");
    // A user role no step leads into and with no SOC code.
    let (code, stdout, stderr) = run(&["--data-dir", d, "path", "cashiers", "island"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("no route from cashiers to island: island has no SOC code, so only the guides' steps lead into it"),
        "{stderr}"
    );
    assert!(
        stderr.contains("island has no O*NET skill ratings"),
        "{stderr}"
    );
    // A role whose guides lead elsewhere: loop-b leads into loop-a, but
    // nothing leads from island to loop-b.
    let (code, _, stderr) = run(&["--data-dir", d, "path", "island", "loop-a"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("no route from island to loop-a"),
        "{stderr}"
    );
    // A role approximately linked to an occupation that asks for
    // experience: no official step leads into it, but its ratings say
    // which occupations within reach are closest.
    write(
        dir.path(),
        "director.toml",
        &user_role(
            "director",
            "Director",
            "[[soc]]\ncode = \"11-1021\"\nreason = \"test\"\napproximate = true\n",
        ),
    );
    let (code, _, stderr) = run(&["--data-dir", d, "path", "cashiers", "director"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("no route from cashiers to director"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("The occupations cashiers can reach that are closest to director by skills"),
        "{stderr}"
    );
    let listed: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("  ") && l.contains(" apart, "))
        .collect();
    assert_eq!(listed.len(), 5, "{stderr}");
    // Residual occupations are never passed through; one can still be a
    // goal, and with no step into it there is no route.
    let (code, _, stderr) = run(&["path", "cashiers", "education-administrators-all-other"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("asks for work experience in a related occupation (BLS)"),
        "{stderr}"
    );
}

#[test]
fn a_ladder_file_is_a_guide_ladder() {
    // examples/company lays its ladder out in ladders/acme-support.toml,
    // not in a role's file: its steps are the graph's, owned by the file.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/company");
    let steps = json(&[
        "--data-dir",
        dir,
        "path",
        "acme-support-agent",
        "acme-support-manager",
        "--format",
        "json",
    ]);
    let hops: Vec<(&str, &str, &Value, &Value)> = steps
        .iter()
        .map(|s| {
            (
                s["to"].as_str().unwrap_or(""),
                s["how"][0]["owner"].as_str().unwrap_or(""),
                &s["how"][0]["via"],
                &s["years"][0]["min"],
            )
        })
        .collect();
    assert_eq!(
        hops,
        [
            (
                "acme-team-lead",
                "acme-support",
                &Value::from("ladder"),
                &Value::from(3)
            ),
            (
                "acme-support-manager",
                "acme-support",
                &Value::from("ladder"),
                &Value::from(5)
            ),
        ]
    );
}

#[test]
fn user_data_cycles_and_rankings() {
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
    // Without ratings or pay, loop-b still ranks, every part unknown.
    let rows = json(&["--data-dir", d, "path", "loop-a", "--format", "json"]);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["to"], "loop-b");
    assert_eq!(rows[0]["closeness"]["value"], Value::Null);
    let (code, text, _) = run(&["--data-dir", d, "path", "loop-a"]);
    assert_eq!(code, 0);
    assert!(text.contains("has no O*NET skill ratings"), "{text}");
}

#[test]
fn comparable_user_pay_gives_the_change() {
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
    assert_eq!(
        (p["change"].as_f64(), p["percent"].as_f64()),
        (Some(10000.0), Some(25.0))
    );
    assert_eq!(
        steps[0]["guide_skills_note"],
        "no skills listed for pay-low or pay-high"
    );
    let rows = json(&["--data-dir", d, "path", "pay-low", "--format", "json"]);
    assert_eq!(rows[0]["pay_change"]["percent"], 25.0);
    assert!((rows[0]["pay"]["value"].as_f64().unwrap_or(0.0) - 1.25f64.log2()).abs() < 1e-9);
}

#[test]
fn unknown_roles_and_bad_arguments() {
    let (code, stdout, stderr) = run(&["path", "astronaut", MGR]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("no role matches `astronaut`"), "{stderr}");
    let (code, _, stderr) = run(&["path", CSA, "Customer Service Associate"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("FROM and TO are the same role (customer-service-associate)"));
    let (code, _, stderr) = run(&["path", CSA, "--by", "years"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--by years ranks routes between two roles"));
    let (code, _, stderr) = run(&["path", CSA, "--area", "Atlantis"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--area"), "{stderr}");
}

#[test]
fn tsv_is_one_row_per_step_or_destination() {
    for args in [
        vec!["path", "cashiers", "electricians", "--format", "tsv"],
        vec!["path", CSA, "--area", "TX", "--format", "tsv"],
    ] {
        let (code, out, _) = run(&args);
        assert_eq!(code, 0);
        let lines: Vec<&str> = out.lines().collect();
        let cols = lines[0].split('\t').count();
        assert!(
            lines.iter().all(|l| l.split('\t').count() == cols),
            "{args:?}"
        );
        let header: Vec<&str> = lines[0].split('\t').collect();
        assert!(
            header
                .iter()
                .all(|h| h.chars().all(|c| c.is_ascii_lowercase() || c == '_')),
            "{header:?}"
        );
        assert!(header.contains(&"sources"));
        let json_rows = json(&[&args[..args.len() - 2], &["--format", "json"]].concat());
        assert_eq!(lines.len() - 1, json_rows.len(), "{args:?}");
    }
    let (_, out, _) = run(&["path", "cashiers", "electricians", "--format", "tsv"]);
    assert!(out
        .lines()
        .nth(1)
        .unwrap_or("")
        .starts_with("1\t1\tfewest-steps\tcashiers\telectricians\tentry\tentry\t"));
}

#[test]
fn mermaid_and_dot_draw_routes_and_the_neighbourhood() {
    let (code, mermaid, _) = run(&["path", CSA, MGR, "--by", "years", "--format", "mermaid"]);
    assert_eq!(code, 0);
    assert!(mermaid.starts_with("flowchart TB\n"));
    assert!(
        mermaid.contains(
            "n0[\"Customer Service Associate<br/>customer-service-associate<br/>SOC 43-4051\"]"
        ),
        "{mermaid}"
    );
    assert!(mermaid.contains("5+ years (jobicy-csa-guide)"), "{mermaid}");
    let (code, dot, _) = run(&["path", "cashiers", "electricians", "--format", "dot"]);
    assert_eq!(code, 0);
    assert!(dot.starts_with("digraph path {"));
    assert!(dot.contains("entry: entry"), "{dot}");
    assert_dot_renders(&dot);
    // The neighbourhood: FROM in the middle (bold), each destination with
    // its rank and score.
    let (code, dot, _) = run(&["path", CSA, "--area", "TX", "--format", "dot"]);
    assert_eq!(code, 0);
    assert!(dot.contains("rankdir=LR;"));
    assert!(dot.contains("n0 [label=\"Customer Service Associate\\ncustomer-service-associate\\nSOC 43-4051\", style=bold];"), "{dot}");
    assert!(dot.contains("\"#1 · score 0."), "{dot}");
    assert_dot_renders(&dot);
    let (code, mermaid, _) = run(&["path", CSA, "--format", "mermaid"]);
    assert_eq!(code, 0);
    assert!(mermaid.starts_with("flowchart LR\n"));
    assert!(mermaid.contains("class n0 start"), "{mermaid}");
}

#[test]
fn ascii_terminals_get_ascii() {
    // What careers draws is ASCII; the sources' own titles keep their
    // spelling ("Employment Projections, 2024–34").
    let drawn = |text: &str| -> Vec<char> {
        text.lines()
            .filter(|l| !l.trim_start().starts_with('[') && !l.starts_with("      "))
            .flat_map(str::chars)
            .filter(|c| !c.is_ascii())
            .collect()
    };
    for args in [
        vec!["--ascii", "path", CSA, MGR],
        vec!["--ascii", "path", CSA],
    ] {
        let out = careers().args(&args).output().expect("runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success());
        assert_eq!(drawn(&text), Vec::<char>::new(), "{args:?}:\n{text}");
    }
    let out = careers()
        .env("LANG", "C")
        .args(["path", CSA, MGR])
        .output()
        .expect("runs");
    assert_eq!(
        drawn(&String::from_utf8_lossy(&out.stdout)),
        Vec::<char>::new()
    );
}

/// Issue 14, item 6: where two guides give a step different years (3+
/// and 2+; 5+ and 2-4), the route's summary gives the range, not the
/// lowest figure alone ("typically by 2 years" was wrong).
#[test]
fn a_route_whose_guides_disagree_on_years_says_the_range() {
    let dir = common::fixture("disagreeing-years");
    let out = careers()
        .env("COLUMNS", "100")
        .arg("--data-dir")
        .arg(&dir)
        .args(["path", "acme-support-agent-1", "acme-support-manager"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("2 steps, typically by 2 to 5 years of experience (the sources differ)"),
        "{text}"
    );
    assert!(!text.contains("typically by 2 years"), "{text}");
}

/// The ranking's TSV gives each score as the text does (rounded once:
/// 0.25496 is 0.25, not 0.26 after a first rounding to 0.255), and never
/// a negative zero.
#[test]
fn ranking_tsv_scores_are_the_texts_and_never_negative_zero() {
    let (code, tsv, _) = run(&[
        "path",
        "customer-service-associate",
        "--area",
        "TX",
        "--format",
        "tsv",
        "--limit",
        "0",
    ]);
    assert_eq!(code, 0);
    let (_, json, _) = run(&[
        "path",
        "customer-service-associate",
        "--area",
        "TX",
        "--format",
        "json",
        "--limit",
        "0",
    ]);
    let rows: Value = serde_json::from_str(&json).expect("JSON");
    let rows = rows.as_array().expect("an array of candidates");
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let at = header.iter().position(|h| *h == "score").expect("score");
    for (line, row) in lines.zip(rows) {
        let fields: Vec<&str> = line.split('\t').collect();
        let score: f64 = fields[at].parse().expect("a number");
        let want = row["score"].as_f64().expect("a score");
        assert_eq!(format!("{score:.2}"), format!("{want:.2}"), "{line}");
        assert!(
            !fields.iter().any(|f| f.starts_with("-0.00") || *f == "-0"),
            "{line}"
        );
    }
}
