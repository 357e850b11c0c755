//! `careers show` for the official occupations and for the curated roles
//! linked to one: every occupation a full profile with its sources, the
//! figures data/occupations/README.md states, `unknown` with why where a
//! table has nothing, and the outlook's sources side by side.

mod common;
use careers::catalog::Catalog;
use careers::cli::ShowArgs;
use careers::commands::show;
use careers::render::Render;
use careers::term::Term;
use common::run;
use serde_json::Value;
use std::collections::BTreeMap;

fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

/// `show ROLE` in process: the text at 100 columns and the JSON.
fn shown(catalog: &Catalog, role: &str) -> (String, Value) {
    let args = ShowArgs {
        role: role.to_string(),
        sections: Vec::new(),
        area: None,
    };
    let view = show::run(catalog, &args).unwrap_or_else(|e| panic!("{role}: {e}"));
    let mut text = Vec::new();
    view.text(&mut text, &Term::plain(100)).expect("renders");
    let json = serde_json::to_value(&view).expect("serializes");
    (String::from_utf8(text).expect("UTF-8"), json)
}

/// The body of section `title` in a text profile: the lines after its
/// heading, up to the next heading.
fn section<'t>(text: &'t str, title: &str) -> Vec<&'t str> {
    text.lines()
        .skip_while(|l| *l != title)
        .skip(1)
        .take_while(|l| l.is_empty() || l.starts_with(' '))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Lines as one line of words.
fn flat(lines: &[&str]) -> String {
    lines
        .iter()
        .flat_map(|l| l.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `text` cites a source: `[n]`.
fn has_cite(text: &str) -> bool {
    text.split('[').skip(1).any(|rest| {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && rest.as_bytes().get(digits) == Some(&b']')
    })
}

/// Every object under `v` that holds a figure or text, with the nearest
/// `source` above or at it: (path, source).
fn leaves_without_source(v: &Value, path: &str, source: Option<&str>, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            let source = m.get("source").and_then(Value::as_str).or(source);
            for (k, v) in m {
                leaves_without_source(v, &format!("{path}.{k}"), source, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                leaves_without_source(item, &format!("{path}[{i}]"), source, out);
            }
        }
        Value::Null | Value::Bool(_) => {}
        _ if source.is_none() => out.push(path.to_string()),
        _ => {}
    }
}

const BLOCKS: [&str; 10] = [
    "official_description",
    "official_tasks",
    "official_technology",
    "official_skills",
    "official_knowledge",
    "official_education",
    "official_experience",
    "official_outlook",
    "official_related",
    "official_alternate_titles",
];

#[test]
fn every_occupation_shows_a_full_profile_with_its_sources() {
    let catalog = Catalog::bundled().expect("the bundled catalog");
    let mut unknown: BTreeMap<&str, usize> = BTreeMap::new();
    let mut count = 0;
    for soc in careers::official::oews_codes() {
        count += 1;
        let (text, v) = shown(&catalog, soc);
        let cited: Vec<&str> = v["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .filter_map(|s| s["id"].as_str())
            .collect();
        // Every block: the occupation's, from a cited source, with items
        // or with why not.
        for key in BLOCKS.iter().chain(&["official_sample_titles"]) {
            let blocks = v[key].as_array().unwrap_or_else(|| panic!("{soc} {key}"));
            assert!(!blocks.is_empty(), "{soc} {key}");
            for b in blocks {
                let has_items = b["items"].as_array().is_none_or(|i| !i.is_empty());
                let why = b["unknown"].as_str();
                assert!(has_items != why.is_some(), "{soc} {key}: {b}");
                if has_items {
                    let source = b["source"].as_str().expect("a source");
                    assert!(cited.contains(&source), "{soc} {key} cites {source}");
                } else {
                    *unknown.entry(key).or_default() += 1;
                }
            }
        }
        let mut bare = Vec::new();
        for key in BLOCKS {
            leaves_without_source(&v[key], key, None, &mut bare);
        }
        assert!(bare.is_empty(), "{soc}: no source for {bare:?}");
        // The text: each section with its facts or `unknown`, cited.
        let description = flat(&section(&text, "Description (O*NET)"));
        assert!(has_cite(&description), "{soc}: {description}");
        for title in ["Tasks (O*NET)", "Skills", "Knowledge (O*NET)"] {
            let body = flat(&section(&text, title));
            assert!(
                body.starts_with("unknown: ") || has_cite(&body),
                "{soc} {title}: {body}"
            );
        }
        let education = flat(&section(&text, "Education and certifications"));
        assert!(
            education.contains(": the typical entry-level education (BLS)") && has_cite(&education),
            "{soc}: {education}"
        );
        let outlook = flat(&section(&text, "Outlook"));
        assert!(
            (outlook.contains("% growth, 2024–34")
                || outlook.contains("% decline, 2024–34")
                || outlook.starts_with("No change, 2024–34"))
                && has_cite(&outlook),
            "{soc}: {outlook}"
        );
        let wages = flat(&section(&text, "Official wages (BLS, May 2025)"));
        assert!(
            wages.starts_with(&format!("SOC {soc} ")) && has_cite(&wages),
            "{soc}: {wages}"
        );
        assert!(!text.contains("careers has no curated profile"), "{soc}");
    }
    assert_eq!(count, 830);
    // What is unknown, table by table (data/occupations/README.md,
    // "Coverage of the 830 OEWS occupations"; skills also count the 12
    // aggregates careers averages).
    let expected = BTreeMap::from([
        ("official_alternate_titles", 77),
        ("official_knowledge", 77),
        ("official_related", 77),
        ("official_sample_titles", 15),
        ("official_skills", 68),
        ("official_tasks", 47),
        ("official_technology", 244),
    ]);
    assert_eq!(unknown, expected);
}

#[test]
fn customer_service_representatives_have_the_readme_figures() {
    // data/occupations/README.md: "43-4051 Customer service representatives,
    // 2,814,000 jobs in 2024 → 2,660,300 in 2034, −5.5%, 341,700 openings a
    // year, median wage $42,830." 43-4051 is the curated representative's.
    let v = json(&["show", "43-4051", "--format", "json"]);
    assert_eq!(v["id"], "customer-service-representative");
    let o = &v["official_outlook"][0];
    assert_eq!(o["soc"], "43-4051");
    assert_eq!(o["source"], "bls-ep-2024-34");
    assert_eq!(o["employment_2024"], 2_814_000);
    assert_eq!(o["employment_2034"], 2_660_300);
    assert_eq!(o["change_pct"], -5.5);
    assert_eq!(o["openings_per_year"], 341_700);
    assert_eq!(o["median_wage_2024"]["dollars"], 42_830);
    assert_eq!(o["growth"], "declining");
    assert!(o["employment_2024"].is_u64(), "employment is an integer");
    assert_eq!(
        v["official_education"][0]["entry_education"]["label"],
        "High school diploma or equivalent"
    );
    let (_, text, _) = run(&[
        "show",
        "customer-service-representative",
        "--section",
        "outlook",
    ]);
    for want in [
        "-5.5% decline, 2024–34 (all occupations: +3.1%)",
        "Jobs in the U.S.: 2,814,000 in 2024, 2,660,300 projected for 2034",
        "Openings: 341,700 a year on average",
        "Median wage, May 2024: $42,830 a year",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}

#[test]
fn registered_nurses_have_the_readme_figures() {
    // data/occupations/README.md: registered nurses average five O*NET-SOC
    // codes; projections.tsv: 3,391,000 → 3,557,100, +4.9%, 189,100 a year.
    let v = json(&["show", "registered-nurses", "--format", "json"]);
    let o = &v["official_outlook"][0];
    assert_eq!(
        (o["employment_2024"].as_u64(), o["employment_2034"].as_u64()),
        (Some(3_391_000), Some(3_557_100))
    );
    assert_eq!(o["change_pct"], 4.9);
    assert_eq!(o["openings_per_year"], 189_100);
    assert_eq!(o["growth"], "faster");
    let codes: Vec<&str> = v["official_description"][0]["items"]
        .as_array()
        .expect("descriptions")
        .iter()
        .filter_map(|d| d["onet_code"].as_str())
        .collect();
    assert_eq!(
        codes,
        [
            "29-1141.00",
            "29-1141.01",
            "29-1141.02",
            "29-1141.03",
            "29-1141.04"
        ]
    );
    let tasks = v["official_tasks"][0]["items"].as_array().expect("tasks");
    assert_eq!(tasks.len(), 137);
    // The occupation itself first, core first within it.
    assert_eq!(tasks[0]["onet_code"], "29-1141.00");
    assert_eq!(tasks[0]["kind"], "core");
    let skills = v["official_skills"][0]["items"].as_array().expect("skills");
    assert_eq!(skills.len(), 35);
    assert!(skills
        .windows(2)
        .all(|w| w[0]["importance"].as_f64() >= w[1]["importance"].as_f64()));
    let active = skills.iter().find(|s| s["name"] == "Active Listening");
    assert_eq!(active.map(|s| &s["importance"]), Some(&Value::from(4.05)));
    assert_eq!(
        v["official_knowledge"][0]["items"][0],
        serde_json::json!({"onet_code": "29-1141.00", "name": "Psychology",
            "importance": 4.6, "importance_0_100": 92})
    );
}

#[test]
fn a_full_profile_shows_the_first_tasks_and_how_to_see_all() {
    let (code, text, _) = run(&["show", "registered-nurses"]);
    assert_eq!(code, 0);
    let tasks = section(&text, "Tasks (O*NET)");
    assert_eq!(tasks.iter().filter(|l| l.starts_with("  • ")).count(), 8);
    assert!(
        tasks.contains(
            &"  129 more: `careers show registered-nurses --section tasks` lists all 137."
        ),
        "{tasks:?}"
    );
    assert!(
        text.contains("as compiled by graph.org.ai (.do"),
        "the CC BY-SA credit"
    );
    let (_, all, _) = run(&["show", "registered-nurses", "--section", "tasks"]);
    let bullets = all.lines().filter(|l| l.starts_with("  • ")).count();
    assert_eq!(bullets, 137);
    // The skills with their scale.
    let skills = section(&text, "Skills");
    assert!(
        skills[0].contains("from 1 (not important) to 5 (extremely important)"),
        "{skills:?}"
    );
    assert!(
        skills.contains(&"    Active Listening              4.05"),
        "{skills:?}"
    );
}

#[test]
fn what_a_table_does_not_cover_is_unknown_with_why() {
    // data/occupations/README.md: no alternate titles, knowledge,
    // technology or related occupations for 15-1252 Software Developers.
    let (_, text, _) = run(&["show", "software-developers"]);
    for (title, why) in [
        ("Knowledge (O*NET)", "unknown: careers' O*NET 29.1 extract has no knowledge ratings for 15-1252.00 Software Developers"),
        ("Technology (O*NET hot technologies)", "unknown: careers' O*NET 29.1 extract has no hot technology for 15-1252.00"),
    ] {
        let body = section(&text, title).join(" ");
        assert!(body.contains(why), "{title}: {body}");
    }
    let v = json(&["show", "software-developers", "--format", "json"]);
    let alt = &v["official_alternate_titles"][0];
    assert_eq!(alt["items"], serde_json::json!([]));
    assert!(alt["unknown"]
        .as_str()
        .is_some_and(|w| w.contains("15-1252.00")));
    // Never another occupation's rows: the skills are its own.
    assert!(v["official_skills"][0]["unknown"].is_null());
    // A residual code says why O*NET rates nothing.
    let (_, text, _) = run(&["show", "11-9039", "--section", "tasks"]);
    assert!(text.contains("a residual \"All Other\" code"), "{text}");
}

#[test]
fn the_sources_list_shows_the_attribution_the_licences_ask_for() {
    let (_, text, _) = run(&["show", "registered-nurses", "--section", "sources"]);
    for want in [
        "This product includes information from the O*NET 29.1 Database",
        "This product includes information from the O*NET 30.2 Database",
        "Task statements: O*NET 30.0 Database (USDOL/ETA, CC BY 4.0), as compiled by",
        "Source: U.S. Bureau of Labor Statistics, Employment Projections program, 2024–34",
    ] {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(want), "{want}\n{text}");
    }
    // 15-1252's description is O*NET 25.1's, and says so.
    let v = json(&["show", "15-1252", "--format", "json"]);
    assert_eq!(
        v["official_description"][0]["items"][0]["source"],
        "onet-25-1"
    );
    assert!(v["sources"]
        .as_array()
        .is_some_and(|s| s.iter().any(|s| s["id"] == "onet-25-1")));
    // The note of the credit line is the constant careers shows.
    let catalog = Catalog::bundled().expect("bundled");
    let note = catalog
        .source(careers::official::ONET_30_0_TASKS)
        .and_then(|s| s.note.clone())
        .unwrap_or_default();
    assert!(note.starts_with(careers::official::TASKS_CREDIT));
}

#[test]
fn every_source_figure_of_the_outlook_is_side_by_side_in_the_key_facts() {
    let (_, text, _) = run(&["show", "customer-service-representative"]);
    let facts = section(&text, "Key facts").join("\n");
    for want in [
        "Growth:     +6% growth: Growing at an average rate [2]",
        "Decline through 2033 [1]",
        "-5.5% decline, 2024–34 (all occupations: +3.1%); 341,700 openings a year, official",
        "Sources disagree: growth [2]; decline [1] [",
        "High school diploma or equivalent, typical for entry, official (SOC 43-4051)",
        "None in a related occupation; short-term on-the-job training, official",
    ] {
        assert!(facts.contains(want), "{want}\n{facts}");
    }
    let (_, text, _) = run(&["show", "customer-service-associate"]);
    let facts = section(&text, "Key facts").join("\n");
    assert!(
        facts.contains("+10% growth: Growing faster than average [3]"),
        "{facts}"
    );
    assert!(facts.contains("-5.5% decline, 2024–34"), "{facts}");
    // An approximate link says so.
    let (_, text, _) = run(&["show", "customer-service-supervisor"]);
    let facts = flat(&section(&text, "Key facts"));
    assert!(
        facts.contains("official (SOC 43-1011, approximate)"),
        "{facts}"
    );
}

#[test]
fn the_outlook_says_growth_or_decline_first_and_the_disagreement_beside_it() {
    let (_, text, _) = run(&[
        "show",
        "customer-service-representative",
        "--section",
        "outlook",
    ]);
    let body = section(&text, "Outlook");
    assert!(
        body[0].starts_with("  Sources disagree: growth [2]; decline [1] ["),
        "{body:?}"
    );
    let heads: Vec<&str> = body
        .iter()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.trim_start())
        .collect();
    assert!(heads[1].starts_with("+6% growth"), "{heads:?}");
    assert!(heads[2].starts_with("Decline through 2033"), "{heads:?}");
    assert!(heads[3].starts_with("-5.5% decline, 2024–34"), "{heads:?}");
    let v = json(&["show", "csr", "--section", "outlook", "--format", "json"]);
    assert_eq!(
        v["outlook_trends"],
        serde_json::json!({"growing": ["jobicy-csr-guide"], "stable": [],
            "declining": ["csa-role-profile", "bls-ep-2024-34"], "sources_disagree": true})
    );
}

#[test]
fn sections_come_in_the_order_asked() {
    let (code, text, _) = run(&[
        "show",
        "registered-nurses",
        "--section",
        "outlook",
        "--section",
        "tasks",
        "--section",
        "outlook",
        "--section",
        "education",
    ]);
    assert_eq!(code, 0);
    let headings: Vec<&str> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with(' '))
        .skip(3)
        .collect();
    // The sections in the order asked, then the sources their tags cite.
    assert_eq!(
        headings,
        [
            "Outlook",
            "Tasks (O*NET)",
            "Education and certifications",
            "Sources"
        ]
    );
}

#[test]
fn tsv_carries_the_official_blocks_with_their_sources() {
    let (code, stdout, _) = run(&["show", "29-1141", "--section", "outlook", "--format", "tsv"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("official_outlook[0].employment_2024\t3391000\tbls-ep-2024-34"),
        "{stdout}"
    );
    assert!(stdout.contains("official_outlook[0].openings_per_year\t189100\tbls-ep-2024-34"));
}
