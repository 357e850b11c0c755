//! The official occupation data as compiled into careers (src/official):
//! the figures data/occupations/README.md states, its coverage counts
//! (checked code by code against data/occupations/coverage.tsv), the
//! derived values, the title index, and that every block cites a bundled
//! source.

use careers::catalog::Catalog;
use careers::official::{
    self, titles, Education, Experience, Growth, Match, SkillBasis, TaskKind, Training,
};
use std::collections::BTreeMap;

#[test]
fn customer_service_representatives_match_the_spot_check_of_the_readme() {
    // "43-4051 ... 2,814,000 → 2,660,300 jobs, −5.5%, 341,700 openings a
    // year, $42,830".
    let p = official::projection("43-4051").expect("43-4051 is projected");
    assert_eq!(p.employment_2024, 2_814_000);
    assert_eq!(p.employment_2034, 2_660_300);
    assert_eq!(p.change_pct, -5.5);
    assert_eq!(p.openings_per_year, 341_700);
    let wage = p.median_wage_2024.expect("a median wage");
    assert_eq!((wage.dollars, wage.top_coded), (42_830, false));
    assert_eq!(p.entry_education, Education::HighSchool);
    assert_eq!(
        p.entry_education.label(),
        "High school diploma or equivalent"
    );
    assert_eq!(p.work_experience, Experience::None);
    assert_eq!(p.job_training, Training::ShortTerm);
    assert_eq!(p.source, official::BLS_EP);
    assert_eq!(p.growth(), Growth::Declining);

    let profile = official::profile("43-4051").expect("a profile");
    assert_eq!(profile.bls_title, "Customer service representatives");
    assert_eq!(profile.projection, p);
    let tasks: Vec<_> = profile.tasks().collect();
    assert_eq!(tasks.len(), 13);
    let knowledge = profile.occupations[0]
        .knowledge
        .as_ref()
        .expect("knowledge");
    assert_eq!(knowledge.items[0].name, "Customer and Personal Service");
    assert_eq!(knowledge.items[0].importance_0_100, 94);
    assert_eq!(knowledge.items[0].importance_im(), 4.7);
    assert_eq!(knowledge.items.len(), 15);
    let skills = profile.skills.as_ref().expect("skills");
    assert_eq!(skills.get("Active Listening"), Some(4.0));
    assert_eq!(skills.get("Service Orientation"), Some(4.0));
    assert_eq!(skills.basis, SkillBasis::Direct);
}

#[test]
fn registered_nurses_average_five_onet_codes_as_the_readme_says() {
    // The README: "registered nurses (29-1141) average five O*NET-SOC
    // codes, .00 to .04".
    let codes = official::onet_codes("29-1141");
    let listed: Vec<&str> = codes.iter().map(|c| c.code).collect();
    assert_eq!(
        listed,
        [
            "29-1141.00",
            "29-1141.01",
            "29-1141.02",
            "29-1141.03",
            "29-1141.04"
        ]
    );
    assert_eq!(codes[0].matched, Match::Soc);
    assert!(codes[1..].iter().all(|c| c.matched == Match::OnetDetail));
    let profile = official::profile("29-1141").expect("a profile");
    let primary: Vec<&str> = profile.primary().map(|o| o.code).collect();
    assert_eq!(primary, ["29-1141.00"]);
    let skills = profile.skills.as_ref().expect("skills");
    assert_eq!(skills.basis, SkillBasis::Direct);
    assert_eq!(skills.get("Active Listening"), Some(4.05));
    assert_eq!(skills.get("Critical Thinking"), Some(4.02));
    assert_eq!(skills.importance.len(), 35);
    // Not in the README: projections.tsv's row, as a regression check.
    let p = profile.projection;
    assert_eq!(
        (p.employment_2024, p.employment_2034),
        (3_391_000, 3_557_100)
    );
    assert_eq!((p.change_pct, p.openings_per_year), (4.9, 189_100));
    assert_eq!(p.median_wage_2024.map(|w| w.dollars), Some(93_600));
    assert_eq!(p.entry_education, Education::Bachelor);
    // 27 tasks for 29-1141.00 (15 core, 12 supplemental), 137 in all.
    let nurses = &profile.occupations[0];
    let tasks = nurses.tasks.as_ref().expect("tasks");
    assert_eq!(tasks.source, official::ONET_30_0_TASKS);
    assert_eq!(tasks.items.len(), 27);
    assert_eq!(profile.tasks().count(), 137);
    let core_first = profile.tasks_core_first();
    assert!(core_first.windows(2).all(|w| w[0].1.kind <= w[1].1.kind));
    assert_eq!(core_first[0].1.kind, TaskKind::Core);
    let related: Vec<(u8, &str)> = nurses
        .related
        .as_ref()
        .expect("related")
        .items
        .iter()
        .map(|r| (r.rank, r.code))
        .collect();
    assert_eq!(
        related,
        [
            (1, "29-1141.04"),
            (2, "29-1171.00"),
            (3, "29-1141.01"),
            (4, "29-1141.03"),
            (5, "29-2061.00")
        ]
    );
    let knowledge = nurses.knowledge.as_ref().expect("knowledge");
    assert_eq!(
        (knowledge.items[0].name, knowledge.items[0].importance_0_100),
        ("Psychology", 92)
    );
}

#[test]
fn the_skills_of_a_bls_aggregate_are_the_mean_of_its_components() {
    let s = official::skills("13-1020").expect("13-1020 has derived skills");
    assert!(s.is_derived());
    assert_eq!(
        s.basis,
        SkillBasis::MeanOf {
            components: vec!["13-1021", "13-1022", "13-1023"]
        }
    );
    // Active Listening: 3.75, 3.75 and 4.00 in onet_skills.tsv.
    let v = s.get("Active Listening").expect("a value");
    assert!((v - (3.75 + 3.75 + 4.00) / 3.0).abs() < 1e-12, "{v}");
    // 25-2052 averages the one component that has a row.
    let one = official::skills("25-2052").expect("25-2052 has derived skills");
    assert_eq!(
        one.basis,
        SkillBasis::MeanOf {
            components: vec!["25-2056"]
        }
    );
    // No row and no components: unknown, never another occupation's.
    assert_eq!(official::skills("11-2032"), None);
    assert_eq!(official::skills("13-2051"), None);
    // 15-1252 has no 29.1 rows, but O*NET 30.2 rates it.
    assert!(official::skills("15-1252").is_some());
}

#[test]
fn the_change_of_all_occupations_sums_every_projection_row() {
    let all = official::all_occupations_change();
    assert_eq!(all.rows, 832);
    assert_eq!(all.employment_2024, 169_956_400);
    assert_eq!(all.employment_2034, 175_169_900);
    assert!(
        (all.change_pct - 3.0675514).abs() < 1e-6,
        "{}",
        all.change_pct
    );
    // careers' bands: 4.9% is over one point above 3.07%, 0.9% under.
    assert_eq!(
        official::projection("29-1141").map(|p| p.growth()),
        Some(Growth::Faster)
    );
    assert_eq!(
        official::projection("43-4051").map(|p| p.growth()),
        Some(Growth::Declining)
    );
}

#[test]
fn only_the_830_oews_occupations_have_profiles() {
    let wages: Vec<&str> = careers::wages::detailed_occupations()
        .map(|o| o.soc)
        .collect();
    assert_eq!(official::oews_codes().collect::<Vec<_>>(), wages);
    for code in ["11-1031", "45-3031", "55-1011", "43-4050", "", "nonsense"] {
        assert!(official::profile(code).is_none(), "{code}");
        assert!(official::projection(code).is_none(), "{code}");
        assert!(official::onet_codes(code).is_empty(), "{code}");
    }
}

/// coverage.tsv: code → (table → status).
fn coverage() -> BTreeMap<String, BTreeMap<String, String>> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/occupations/coverage.tsv"),
    )
    .expect("coverage.tsv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let tables = header[2..]
                .iter()
                .zip(&f[2..])
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect();
            (f[0].to_string(), tables)
        })
        .collect()
}

#[test]
fn coverage_matches_the_readme_and_coverage_tsv_code_by_code() {
    let cov = coverage();
    assert_eq!(cov.len(), 830);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for soc in official::oews_codes() {
        let p = official::profile(soc).expect("a profile");
        let any = |f: &dyn Fn(&official::OnetOccupation) -> bool| p.occupations.iter().any(f);
        let have = [
            ("projections", true),
            ("sample_titles", p.sample_titles.is_some()),
            ("onet_occupations", !p.occupations.is_empty()),
            ("onet_alt_titles", any(&|o| o.alt_titles.is_some())),
            ("onet_skills", p.skills.is_some()),
            ("onet_knowledge", any(&|o| o.knowledge.is_some())),
            ("onet_technology", any(&|o| o.technology.is_some())),
            ("onet_related", any(&|o| o.related.is_some())),
            ("onet_tasks", any(&|o| o.tasks.is_some())),
        ];
        for (table, covered) in have {
            let status = &cov[soc][table];
            assert_eq!(covered, !status.is_empty(), "{soc} {table}: {status:?}");
            *counts.entry(table).or_default() += usize::from(covered);
        }
    }
    // "Coverage of the 830 OEWS detailed occupations", with crosswalk.
    let readme = [
        ("projections", 830),
        ("sample_titles", 815),
        ("onet_occupations", 830),
        ("onet_alt_titles", 753),
        ("onet_skills", 762),
        ("onet_knowledge", 753),
        ("onet_technology", 586),
        ("onet_related", 753),
        ("onet_tasks", 783),
    ];
    for (table, n) in readme {
        assert_eq!(counts[table], n, "{table}");
    }
}

#[test]
fn every_block_cites_a_bundled_source() {
    let catalog = Catalog::bundled().expect("the bundled catalog");
    for id in official::SOURCE_IDS {
        let s = catalog
            .source(id)
            .unwrap_or_else(|| panic!("{id} is in data/sources.toml"));
        assert!(s.note.as_deref().is_some_and(|n| !n.is_empty()), "{id}");
    }
    let mut cited: BTreeMap<&str, usize> = BTreeMap::new();
    let mut cite = |id: &'static str| *cited.entry(id).or_default() += 1;
    cite(official::all_occupations_change().source);
    for soc in official::oews_codes() {
        let p = official::profile(soc).expect("a profile");
        cite(p.projection.source);
        p.sample_titles.iter().for_each(|s| cite(s.source));
        p.skills.iter().for_each(|s| cite(s.source));
        for o in &p.occupations {
            cite(o.description_source);
            o.tasks.iter().for_each(|b| cite(b.source));
            o.knowledge.iter().for_each(|b| cite(b.source));
            o.technology.iter().for_each(|b| cite(b.source));
            o.related.iter().for_each(|b| cite(b.source));
            o.alt_titles.iter().for_each(|b| cite(b.source));
        }
    }
    for id in cited.keys() {
        assert!(catalog.source(id).is_some(), "{id} is not a bundled source");
    }
    // Every source is used, and descriptions name their release.
    assert_eq!(cited.len(), 5, "{cited:?}");
    let dev = official::profile("15-1252").expect("a profile");
    assert_eq!(dev.occupations[0].description_source, official::ONET_25_1);
    assert_eq!(dev.occupations[0].alt_titles, None);
    assert_eq!(dev.occupations[0].knowledge, None);
}

#[test]
fn the_onet_attribution_names_careers_as_the_modifier() {
    let catalog = Catalog::bundled().expect("the bundled catalog");
    for (id, release) in [
        (official::ONET_29_1, "29.1"),
        (official::ONET_25_1, "25.1"),
        (official::ONET_30_2, "30.2"),
        (official::ONET_30_0_TASKS, "30.0"),
    ] {
        let note = catalog.source(id).and_then(|s| s.note.clone());
        let note = note.unwrap_or_default();
        assert!(
            note.contains(&format!(
                "This product includes information from the O*NET {release} Database"
            )),
            "{id}"
        );
        assert!(
            note.contains("careers has modified all or some of this information"),
            "{id}"
        );
    }
    let tasks = catalog
        .source(official::ONET_30_0_TASKS)
        .and_then(|s| s.note.clone());
    assert!(tasks
        .unwrap_or_default()
        .contains("as compiled by graph.org.ai (.do Platform Team, CC BY-SA 4.0)"));
}

fn socs(normalized: &str) -> Vec<&'static str> {
    titles::exact(normalized)
        .map(|m| m.socs())
        .unwrap_or_default()
}

#[test]
fn everyday_titles_find_their_occupations() {
    // No O*NET alternate titles for 15-1252 (O*NET 29.1 lacks it), but
    // BLS lists "Software Engineer" as a sample title of it.
    let se = titles::exact("software engineer").expect("a BLS sample title");
    assert_eq!(se.socs(), ["15-1252"]);
    assert!(se.hits[0].kinds.sample_title() && !se.hits[0].kinds.alt_title());
    assert_eq!(se.spellings, ["Software Engineer"]);

    let teller = titles::exact("bank teller").expect("a title");
    assert_eq!(teller.socs(), ["43-3071"]);
    assert!(teller.hits[0].kinds.alt_title() && teller.hits[0].kinds.sample_title());
    assert_eq!(socs("lpn"), ["29-2061"]);
    assert_eq!(socs("licensed practical nurse"), ["29-2061"]);
    assert_eq!(socs("licensed practical nurse lpn"), ["29-2061"]);
    // O*NET occupation titles, specialties included, find their OEWS code;
    // an aggregate's components find the aggregate.
    assert_eq!(socs("acute care nurses"), ["29-1141"]);
    assert_eq!(
        socs("buyers and purchasing agents farm products"),
        ["13-1020"]
    );
    // Keys are normalized: the caller normalizes first.
    assert!(titles::exact("Bank Teller").is_none());
    assert!(titles::exact("").is_none());
    assert!(titles::exact("zzzz no such title").is_none());
    assert!(titles::count() > 40_000, "{}", titles::count());
}

#[test]
fn a_title_shared_by_several_occupations_keeps_them_all() {
    let teller = titles::exact("teller").expect("a title");
    assert_eq!(teller.socs(), ["41-2011", "43-3071"]);
    let charge = titles::exact("charge nurse").expect("a title");
    assert!(charge.hits.len() > 1, "{charge:?}");
    assert!(charge.socs().windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn a_word_finds_the_titles_that_contain_it() {
    let forklift: Vec<titles::TitleMatch> = titles::containing("forklift").collect();
    assert_eq!(forklift.len(), titles::containing_count("forklift"));
    assert!(!forklift.is_empty());
    assert!(forklift
        .iter()
        .all(|m| m.key.split(' ').any(|w| w == "forklift")));
    assert!(forklift.iter().any(|m| m.socs().contains(&"53-7051")));
    assert!(forklift.windows(2).all(|w| w[0].key < w[1].key));
    // Whole words only, and nothing for a word no title has.
    assert!(titles::containing("fork").all(|m| m.key.split(' ').any(|w| w == "fork")));
    assert_eq!(titles::containing_count("zzzzq"), 0);
    assert_eq!(titles::containing("").count(), 0);
    // Every title with the word, across chunks: "nurse" is in many.
    let nurse = titles::containing("nurse").count();
    assert_eq!(nurse, titles::containing_count("nurse"));
    assert!(nurse > 64, "{nurse}");
}

#[test]
fn name_lists_have_the_documented_sizes_and_order() {
    let skills = official::skill_names();
    assert_eq!(skills.len(), 35);
    assert!(skills.windows(2).all(|w| w[0] < w[1]));
    assert!(skills.contains(&"Active Listening"));
    let knowledge = official::knowledge_names();
    assert_eq!(knowledge.len(), 33);
    assert!(knowledge.windows(2).all(|w| w[0] < w[1]));
    // Education's order is the documented one.
    let mut e = Education::ALL.to_vec();
    e.sort();
    assert_eq!(e.first(), Some(&Education::NoFormalCredential));
    assert_eq!(e.last(), Some(&Education::DoctoralOrProfessional));
    assert!(Education::SomeCollege < Education::Associate);
    assert!(Education::PostsecondaryNondegree < Education::SomeCollege);
}

#[test]
fn top_coded_and_missing_wages_are_flagged() {
    let mut top = 0;
    let mut missing = Vec::new();
    for soc in official::oews_codes() {
        let p = official::projection(soc).expect("projected");
        match p.median_wage_2024 {
            Some(w) if w.top_coded => {
                assert_eq!(w.dollars, 239_200);
                top += 1;
            }
            Some(_) => {}
            None => missing.push(soc),
        }
    }
    assert_eq!(top, 17);
    // 45-3031, the sixth of the README's list, is not an OEWS code.
    assert_eq!(
        missing,
        ["27-2011", "27-2031", "27-2042", "27-2091", "27-2099"]
    );
}
