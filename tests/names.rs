//! The names people type, against the real binary: everyday job titles
//! through the title index, singular and plural, titles shared by several
//! occupations, curated roles' own names, SOC codes, and the note on
//! stderr whenever careers takes a name that is not an exact one.

mod common;
use common::run;

/// `show NAME`: (exit code, the id shown or "", stderr).
fn show(name: &str) -> (i32, String, String) {
    let (code, stdout, stderr) = run(&["show", name, "--format", "json"]);
    let id = serde_json::from_str::<serde_json::Value>(&stdout)
        .ok()
        .and_then(|v| v["id"].as_str().map(str::to_string))
        .unwrap_or_default();
    (code, id, stderr)
}

#[test]
fn everyday_titles_resolve_and_say_what_they_were_taken_for() {
    for (name, id, how) in [
        (
            "software engineer",
            "software-developers",
            "its BLS sample title \"Software Engineer\"",
        ),
        (
            "software engineers",
            "software-developers",
            "\"Software Engineer\"",
        ),
        (
            "bank teller",
            "tellers",
            "O*NET alternate title and BLS sample title \"Bank Teller\"",
        ),
        (
            "LPN",
            "licensed-practical-and-licensed-vocational-nurses",
            "its BLS sample title \"LPN\"",
        ),
        (
            "CNA",
            "nursing-assistants",
            "the acronym in its O*NET alternate title",
        ),
        (
            "paralegal",
            "paralegals-and-legal-assistants",
            "\"Paralegal\"",
        ),
        (
            "help desk",
            "computer-user-support-specialists",
            "every title with those words is its own",
        ),
    ] {
        let (code, shown, stderr) = show(name);
        assert_eq!((code, shown.as_str()), (0, id), "{name}: {stderr}");
        let note = format!("careers: taking \"{name}\" as {id} (");
        assert!(
            stderr.starts_with(&note) && stderr.contains(how) && stderr.lines().count() == 1,
            "{name}: {stderr}"
        );
    }
}

#[test]
fn cna_is_not_silently_computer_network_architects() {
    let (_, id, stderr) = show("CNA");
    assert_ne!(id, "computer-network-architects", "{stderr}");
    assert!(stderr.contains("Certified Nurse Aide (CNA)"), "{stderr}");
}

#[test]
fn singular_and_plural_are_the_same_exact_name() {
    for (name, id) in [
        ("pharmacist", "pharmacists"),
        ("pharmacists", "pharmacists"),
        ("cashier", "cashiers"),
        ("teller", "tellers"),
        ("registered nurse", "registered-nurses"),
        ("Registered Nurses", "registered-nurses"),
        (
            "customer service representatives",
            "customer-service-representative",
        ),
    ] {
        let (code, shown, stderr) = show(name);
        assert_eq!((code, shown.as_str()), (0, id), "{name}");
        assert_eq!(stderr, "", "{name}: an exact name says nothing");
    }
}

#[test]
fn a_title_of_several_occupations_lists_them_and_runs_nothing() {
    for (name, some) in [
        (
            "charge nurse",
            &[
                "registered-nurses",
                "licensed-practical-and-licensed-vocational-nurses",
            ][..],
        ),
        (
            "truck driver",
            &[
                "heavy-and-tractor-trailer-truck-drivers",
                "light-truck-drivers",
            ],
        ),
        (
            "teacher",
            &[
                "elementary-school-teachers-except-special-education",
                "self-enrichment-teachers",
            ],
        ),
        // "Nurse" is O*NET's alternate title of Registered Nurses alone, but
        // nurse practitioners, anesthetists and midwives are nurses too.
        (
            "nurse",
            &["registered-nurses", "nurse-practitioners", "nurse-midwives"],
        ),
        ("forklift", &["industrial-truck-and-tractor-operators"]),
    ] {
        let (code, stdout, stderr) = run(&["show", name]);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(stdout.is_empty(), "{name}");
        assert!(
            stderr.starts_with(&format!("careers: `{name}` matches ")),
            "{stderr}"
        );
        for id in some {
            assert!(
                stderr.contains(&format!("\n  {id} ")) || stderr.contains(&format!("\n  {id}\n")),
                "{name}: {id}\n{stderr}"
            );
        }
    }
}

#[test]
fn candidate_lists_stay_near_80_columns_and_count_what_they_leave_out() {
    // Ids of 34 characters or fewer: one aligned line each.
    let (_, _, stderr) = run(&["show", "custmer servce"]);
    let rows: Vec<&str> = stderr.lines().skip(1).collect();
    assert!(rows.len() >= 2, "{stderr}");
    for row in &rows {
        assert_eq!(row.find("Customer"), Some(37), "{row}");
    }
    // Longer ids (up to 92 characters): each title on a line of its own,
    // under its id; 53 teachers: the first twelve, and how to see all.
    let (_, _, stderr) = run(&["show", "teacher"]);
    let rows: Vec<&str> = stderr.lines().skip(1).collect();
    assert_eq!(rows.len(), 2 * 12 + 1, "{stderr}");
    for pair in rows[..24].chunks(2) {
        assert!(!pair[0][2..].contains(' '), "an id alone: {}", pair[0]);
        assert!(
            pair[1].starts_with("      ") && pair[1].len() <= 6 + 80,
            "{}",
            pair[1]
        );
    }
    assert_eq!(
        rows[24],
        "  ... and 41 more: `careers search teacher --limit 0` lists every match."
    );
    // ... which it does.
    let (code, stdout, _) = run(&["search", "teacher", "--limit", "0", "--format", "tsv"]);
    assert_eq!(code, 0);
    for pair in rows[..24].chunks(2) {
        let id = pair[0].trim();
        assert!(stdout.contains(&format!("{id}\t")), "{id} not in search");
    }
}

#[test]
fn curated_roles_win_their_own_names() {
    for (name, id, note) in [
        ("associate", "customer-service-associate", true),
        ("representative", "customer-service-representative", true),
        ("csr", "customer-service-representative", false),
        ("CSR", "customer-service-representative", false),
        (
            "Customer Service Associate",
            "customer-service-associate",
            false,
        ),
        (
            "customer-service-associate",
            "customer-service-associate",
            false,
        ),
    ] {
        let (code, shown, stderr) = show(name);
        assert_eq!((code, shown.as_str()), (0, id), "{name}: {stderr}");
        assert_eq!(!stderr.is_empty(), note, "{name}: {stderr}");
        if note {
            assert!(stderr.contains("a word of its title"), "{stderr}");
        }
    }
}

#[test]
fn a_soc_code_names_one_entry() {
    // 43-4051 is linked exactly by the associate and the representative;
    // the representative has its title: its profile is the occupation's.
    for name in ["43-4051", "customer-service-representatives"] {
        let (code, shown, stderr) = show(name);
        assert_eq!(
            (code, shown.as_str()),
            (0, "customer-service-representative"),
            "{name}"
        );
        assert!(
            stderr.contains("the curated role for SOC 43-4051 Customer Service Representatives"),
            "{stderr}"
        );
    }
    // A code no curated role stands for exactly is the occupation itself,
    // silently (an approximate link does not stand for it).
    for (name, id) in [
        ("29-1141", "registered-nurses"),
        (
            "43-1011",
            "first-line-supervisors-of-office-and-administrative-support-workers",
        ),
    ] {
        let (code, shown, stderr) = show(name);
        assert_eq!(
            (code, shown.as_str(), stderr.as_str()),
            (0, id, ""),
            "{name}"
        );
    }
}

#[test]
fn every_command_that_takes_a_role_says_what_it_took() {
    for args in [
        &["compare", "CNA", "LPN"][..],
        &["salary", "bank teller"],
        &["skills", "associate"],
        &["ladder", "representative"],
        &["path", "associate", "supervisor"],
    ] {
        let (code, _, stderr) = run(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(
            stderr.lines().all(|l| l.starts_with("careers: taking \"")) && !stderr.is_empty(),
            "{args:?}: {stderr}"
        );
    }
    // Said once per name, and before an error that follows.
    let (code, _, stderr) = run(&["compare", "CNA", "qqzzxv"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines[0].starts_with("careers: taking \"CNA\""), "{stderr}");
    assert!(
        lines[1].starts_with("careers: no role matches `qqzzxv`"),
        "{stderr}"
    );
}

#[test]
fn a_typo_is_taken_only_when_clear_and_said() {
    let (code, id, stderr) = show("custmer servce asociate");
    assert_eq!((code, id.as_str()), (0, "customer-service-associate"));
    assert!(stderr.ends_with("closest to its title\n"), "{stderr}");
}

#[test]
fn misspelt_everyday_titles_are_corrected_word_by_word_and_said() {
    for (typed, id, read) in [
        (
            "sofware enginer",
            "software-developers",
            "software engineer",
        ),
        (
            "softwre engineer",
            "software-developers",
            "software engineer",
        ),
        // A misspelt start of several names, corrected to one: a letter
        // left out is read before a letter changed ("electrical").
        ("electrican", "electricians", "electrician"),
        (
            "registred nurse practioner",
            "nurse-practitioners",
            "registered nurse practitioner",
        ),
    ] {
        let (code, shown, stderr) = show(typed);
        assert_eq!((code, shown.as_str()), (0, id), "{typed}: {stderr}");
        assert!(
            stderr.starts_with(&format!("careers: taking \"{typed}\" as {id} ("))
                && stderr.contains(&format!("read as \"{read}\"")),
            "{stderr}"
        );
    }
    // Nothing near: no guess, no correction, exit 1.
    let (code, shown, stderr) = show("zzqxx");
    assert_eq!((code, shown.as_str()), (1, ""), "{stderr}");
    assert!(!stderr.contains("read as"), "{stderr}");
}
