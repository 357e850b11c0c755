//! Text layout: no line wider than the terminal, no table column narrower
//! than a word in it (issue 14, item 4), checked by
//! [`common::layout_problems`].

mod common;

use common::{assert_fits, careers, layout_problems};

/// The text of `careers ARGS` at `width` columns.
fn at(width: usize, args: &[&str]) -> String {
    let out = careers()
        .env("COLUMNS", width.to_string())
        .args(args)
        .output()
        .expect("careers runs");
    assert!(out.status.success(), "{args:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_checker_finds_a_cut_word_and_an_overlong_line() {
    // `list --all` at 80 columns before the fix: Median pay one letter a line.
    let broken = "\
┌──────────┬───┬───┐
│ Role     ┆ M ┆ G │
│          ┆ e ┆ r │
│          ┆ d ┆ o │
╞══════════╪═══╪═══╡
│ Actors   ┆ $ ┆ u │
│ actors   ┆ 8 ┆ n │
│          ┆ 3 ┆ k │
└──────────┴───┴───┘";
    let problems = layout_problems(broken, 80);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("column 2") && p.contains("M|e")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("column 3") && p.contains("u|n")),
        "{problems:#?}"
    );
    assert!(!layout_problems(broken, 19).is_empty(), "20 columns wide");
    // ASCII tables, indented, and colour codes are read the same way.
    let ascii = "    +------+\n    | Medi |\n    | an   |\n    +======+\n    | \u{1b}[1mx\u{1b}[0m    |\n    +------+";
    assert_eq!(layout_problems(ascii, 80).len(), 1, "{ascii}");
}

#[test]
fn the_checker_passes_words_wrapped_at_spaces() {
    let fine = "\
┌────────────┬──────────────┐
│ Role       ┆ Pay          │
╞════════════╪══════════════╡
│ Customer   ┆ $42,000/yr   │
│ Service    ┆ median [2]   │
│ customer-  ┆              │
│ service    ┆              │
│ Actors     ┆ unknown      │
└────────────┴──────────────┘";
    assert_eq!(layout_problems(fine, 80), Vec::<String>::new());
}

#[test]
fn list_all_draws_a_table_at_every_width() {
    for width in [40, 60, 80, 100, 120] {
        assert_fits(&at(width, &["list", "--all"]), width, "list --all");
    }
}

#[test]
fn list_all_piped_without_columns_fits_80() {
    let out = common::careers_std()
        .env_remove("COLUMNS")
        .args(["list", "--all"])
        .output()
        .expect("careers runs");
    assert_fits(
        &String::from_utf8_lossy(&out.stdout),
        80,
        "list --all, piped",
    );
}

#[test]
fn pay_commands_fit_every_width() {
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--sort", "salary"],
        &["salary"],
        &["salary", "--hourly"],
        &["salary", "electricians", "actors"],
        &["salary", "--top", "10", "--area", "TX"],
        &["ladder"],
        &[
            "compare",
            "associate",
            "supervisor",
            "customer-service-manager",
        ],
        &["compare", "registered-nurses", "electricians", "actors"],
        &[
            "path",
            "guest-relations-coordinator",
            "customer-service-manager",
        ],
        &[
            "show",
            "supervisor",
            "--section",
            "salary",
            "--section",
            "wages",
        ],
    ];
    for args in commands {
        for width in [40, 60, 80, 100, 120] {
            assert_fits(&at(width, args), width, &args.join(" "));
        }
    }
}

/// Every command, at every width a person might have: the whole profile
/// of every bundled role and of official occupations, search, skills,
/// ladders, paths, comparisons and pay (issue 14: "a test that renders
/// every command at 40, 60, 80, 100 and 120 columns").
#[test]
fn every_command_fits_every_width() {
    let ids = [
        "customer-relations-coordinator",
        "customer-service-administrator",
        "customer-service-analyst",
        "customer-service-associate",
        "customer-service-clerk",
        "customer-service-consultant",
        "customer-service-manager",
        "customer-service-representative",
        "customer-service-supervisor",
        "customer-success-manager",
        "guest-relations-coordinator",
    ];
    let mut commands: Vec<Vec<&str>> = ids.iter().map(|id| vec!["show", *id]).collect();
    let more: &[&[&str]] = &[
        &["show", "registered-nurses"],
        &["show", "actors"],
        &["show", "electricians", "--area", "TX"],
        &["list"],
        &["list", "--all"],
        &["search", "custmer servce"],
        &["search", "nurse", "--limit", "0"],
        &["skills", "customer-service-associate"],
        &["skills", "--find", "communication"],
        &["ladder"],
        &["ladder", "representative"],
        &["path", "associate"],
        &[
            "path",
            "associate",
            "customer-service-manager",
            "--by",
            "years",
        ],
        &["compare", "associate", "representative"],
        &["compare", "registered-nurses", "electricians"],
        &["salary"],
        &["salary", "--top", "10"],
        &["validate"],
    ];
    commands.extend(more.iter().map(|c| c.to_vec()));
    let mut failures = Vec::new();
    for args in &commands {
        for width in [40, 60, 80, 100, 120] {
            let problems = layout_problems(&at(width, args), width);
            if let Some(first) = problems.first() {
                failures.push(format!(
                    "{} at {width}: {} problem(s), first: {first}",
                    args.join(" "),
                    problems.len()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
