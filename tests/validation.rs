//! Every validation rule, each with a bad fixture: the message names the
//! file, the line and column, and the field; exit code 3; no panic.

mod common;
use common::careers;
use std::fs;
use std::path::Path;

const HEAD: &str = "id = \"night-shift-lead\"\ntitle = \"Night Shift Lead\"\nfamily = { name = \"Customer Service\", source = \"jobicy-csa-guide\" }\n";

/// Writes `roles` (file name, text) into a fresh data dir.
fn dir_with(roles: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("roles")).expect("roles dir");
    for (name, text) in roles {
        fs::write(dir.path().join("roles").join(name), text).expect("write role");
    }
    dir
}

/// Runs `careers validate DIR` and returns stderr after asserting exit 3.
fn refused(dir: &Path) -> String {
    let out = careers().arg("validate").arg(dir).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(3), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// Asserts one problem reported at `file:line:` naming `field` and `message`.
fn assert_problem(stderr: &str, file: &str, line: usize, field: &str, message: &str) {
    let hit = stderr.lines().find(|l| {
        l.contains(&format!("{file}:{line}:")) && l.contains(field) && l.contains(message)
    });
    assert!(
        hit.is_some(),
        "expected {file}:{line}: .. {field} .. {message}\nin:\n{stderr}"
    );
}

fn one_bad_role(body: &str, line: usize, field: &str, message: &str) {
    let text = format!("{HEAD}{body}");
    let dir = dir_with(&[("night-shift-lead.toml", &text)]);
    let stderr = refused(dir.path());
    assert_problem(&stderr, "night-shift-lead.toml", line, field, message);
}

#[test]
fn a_valid_role_passes() {
    let dir = dir_with(&[("night-shift-lead.toml", HEAD)]);
    careers().arg("validate").arg(dir.path()).assert().success();
}

#[test]
fn unknown_keys_are_refused() {
    one_bad_role("salray = 3\n", 4, "salray", "unknown field");
}

#[test]
fn unknown_keys_in_nested_tables_are_refused() {
    one_bad_role("[[salary]]\nsource = \"jobicy-csa-guide\"\ncurrency = \"USD\"\nperiod = \"year\"\nmedain = 4\n", 8, "salary[0].medain", "unknown field");
}

#[test]
fn wrong_types_are_refused() {
    one_bad_role(
        "[[experience]]\nsource = \"jobicy-csa-guide\"\nmin_years = \"two\"\n",
        6,
        "experience[0].min_years",
        "invalid type",
    );
}

#[test]
fn missing_required_fields_are_refused() {
    let dir = dir_with(&[(
        "night-shift-lead.toml",
        "id = \"night-shift-lead\"\nfamily = { name = \"x\", source = \"jobicy-csa-guide\" }\n",
    )]);
    let stderr = refused(dir.path());
    assert_problem(
        &stderr,
        "night-shift-lead.toml",
        1,
        "title",
        "missing field",
    );
}

#[test]
fn empty_strings_are_refused() {
    one_bad_role(
        "[[pros]]\nsource = \"jobicy-csa-guide\"\nitems = [\"fine\", \"  \"]\n",
        6,
        "pros[0].items[1]",
        "must not be empty",
    );
}

#[test]
fn ids_must_be_kebab_case() {
    let text = HEAD.replace("night-shift-lead", "Night_Shift");
    let dir = dir_with(&[("Night_Shift.toml", &text)]);
    let stderr = refused(dir.path());
    assert_problem(
        &stderr,
        "Night_Shift.toml",
        1,
        "id",
        "not a lowercase kebab-case id",
    );
}

#[test]
fn ids_must_match_the_file_name() {
    let dir = dir_with(&[("other-name.toml", HEAD)]);
    let stderr = refused(dir.path());
    assert_problem(
        &stderr,
        "other-name.toml",
        1,
        "id",
        "does not match the file name",
    );
}

#[test]
fn duplicate_ids_across_directories_are_refused() {
    let a = dir_with(&[("night-shift-lead.toml", HEAD)]);
    let b = dir_with(&[("night-shift-lead.toml", HEAD)]);
    let out = careers()
        .arg("validate")
        .arg(a.path())
        .arg(b.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("duplicate role id `night-shift-lead`"),
        "{stderr}"
    );
    assert!(stderr.contains(":1:"), "{stderr}");
}

#[test]
fn an_alias_equal_to_another_roles_id_is_refused() {
    one_bad_role(
        "aliases = [{ name = \"Customer Service Associate\", source = \"jobicy-csa-guide\" }]\n",
        4,
        "aliases[0].name",
        "already the id or title of role `customer-service-associate`",
    );
}

#[test]
fn unknown_role_references_are_refused() {
    one_bad_role(
        "[[moves]]\nsource = \"jobicy-csa-guide\"\nto = \"Nowhere\"\nrole = \"no-such-role\"\nkind = \"lateral\"\n",
        7,
        "moves[0].role",
        "unknown role `no-such-role`",
    );
}

#[test]
fn ladder_tiers_pointing_nowhere_are_refused() {
    one_bad_role(
        "[[ladder]]\nsource = \"jobicy-csa-guide\"\nname = \"L\"\n[[ladder.tiers]]\ntitle = \"T\"\nmin_years = 0\nrole = \"ghost\"\n",
        10,
        "ladder[0].tiers[0].role",
        "unknown role `ghost`",
    );
}

#[test]
fn unknown_sources_are_refused() {
    one_bad_role(
        "[[pros]]\nsource = \"my-blog\"\nitems = [\"x\"]\n",
        5,
        "pros[0].source",
        "unknown source `my-blog`",
    );
}

#[test]
fn salary_figures_out_of_order_are_refused() {
    let salary =
        "[[salary]]\nsource = \"jobicy-csa-guide\"\ncurrency = \"USD\"\nperiod = \"year\"\n";
    one_bad_role(
        &format!("{salary}range = {{ min = 50000, max = 40000 }}\n"),
        8,
        "salary[0].range.min",
        "above max",
    );
    one_bad_role(
        &format!("{salary}range = {{ min = 30000, max = 40000 }}\nmedian = 45000\n"),
        9,
        "salary[0].median",
        "outside the range",
    );
    one_bad_role(
        &format!("{salary}entry = 40000\nmid = 35000\n"),
        9,
        "salary[0].mid",
        "below entry",
    );
    one_bad_role(
        &format!("{salary}mid = 40000\nsenior = 35000\n"),
        9,
        "salary[0].senior",
        "below mid",
    );
}

#[test]
fn negative_and_non_finite_pay_is_refused() {
    let salary =
        "[[salary]]\nsource = \"jobicy-csa-guide\"\ncurrency = \"USD\"\nperiod = \"year\"\n";
    one_bad_role(
        &format!("{salary}median = -1\n"),
        8,
        "salary[0].median",
        "must not be negative",
    );
    one_bad_role(
        &format!("{salary}median = nan\n"),
        8,
        "salary[0].median",
        "finite",
    );
    one_bad_role(
        &format!("{salary}median = inf\n"),
        8,
        "salary[0].median",
        "finite",
    );
}

#[test]
fn currency_and_period_are_checked() {
    one_bad_role(
        "[[salary]]\nsource = \"jobicy-csa-guide\"\ncurrency = \"dollars\"\nperiod = \"year\"\n",
        6,
        "salary[0].currency",
        "ISO 4217",
    );
    one_bad_role(
        "[[salary]]\nsource = \"jobicy-csa-guide\"\ncurrency = \"USD\"\nperiod = \"month\"\n",
        7,
        "salary[0].period",
        "unknown variant",
    );
}

#[test]
fn reversed_year_ranges_are_refused() {
    one_bad_role(
        "[[experience]]\nsource = \"jobicy-csa-guide\"\nmin_years = 5\nmax_years = 2\n",
        6,
        "experience[0].min_years",
        "above max_years",
    );
    one_bad_role(
        "[[ladder]]\nsource = \"jobicy-csa-guide\"\nname = \"L\"\n[[ladder.tiers]]\ntitle = \"T\"\nmin_years = 7\nmax_years = 3\n",
        9,
        "ladder[0].tiers[0].min_years",
        "above max_years",
    );
    one_bad_role(
        "[[moves]]\nsource = \"jobicy-csa-guide\"\nto = \"Sales\"\nkind = \"lateral\"\nmin_years = 3\nmax_years = 1\n",
        8,
        "moves[0].min_years",
        "above max_years",
    );
}

#[test]
fn structural_rules() {
    one_bad_role(
        "[[ladder]]\nsource = \"jobicy-csa-guide\"\nname = \"L\"\ntiers = []\n",
        7,
        "ladder[0].tiers",
        "at least one tier",
    );
    one_bad_role(
        "[[moves]]\nsource = \"jobicy-csa-guide\"\nto = \"Myself\"\nrole = \"night-shift-lead\"\nkind = \"lateral\"\n",
        7,
        "moves[0].role",
        "back to the same role",
    );
    one_bad_role(
        "[[soc]]\ncode = \"434051\"\nreason = \"x\"\n",
        5,
        "soc[0].code",
        "not a SOC code",
    );
}

#[test]
fn syntax_errors_give_line_and_column() {
    let dir = dir_with(&[(
        "night-shift-lead.toml",
        "id = \"night-shift-lead\"\ntitle = \"Night\nfamily = 3\n",
    )]);
    let stderr = refused(dir.path());
    assert!(stderr.contains("night-shift-lead.toml:2:"), "{stderr}");
    assert!(stderr.contains("invalid TOML"), "{stderr}");
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let bad1 = format!("{HEAD}[[pros]]\nsource = \"nope\"\nitems = [\"x\"]\n");
    let bad2 = HEAD
        .replace("night-shift-lead", "day-shift-lead")
        .replace("Night", "Day")
        + "bogus = 1\n";
    let dir = dir_with(&[
        ("night-shift-lead.toml", &bad1),
        ("day-shift-lead.toml", &bad2),
    ]);
    let stderr = refused(dir.path());
    assert!(stderr.contains("2 problems"), "{stderr}");
    assert_problem(
        &stderr,
        "night-shift-lead.toml",
        5,
        "pros[0].source",
        "unknown source",
    );
    assert_problem(&stderr, "day-shift-lead.toml", 4, "bogus", "unknown field");
}

#[test]
fn a_broken_file_in_data_dir_stops_other_commands_too() {
    let dir = dir_with(&[("night-shift-lead.toml", &format!("{HEAD}salray = 1\n"))]);
    let out = careers()
        .args(["show", "associate", "--data-dir"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("night-shift-lead.toml:4:1"), "{stderr}");
    assert!(stderr.contains("salray"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn the_documented_example_validates_and_shows() {
    let doc = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/data-format.md"))
        .expect("doc");
    let blocks: Vec<&str> = doc
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or(""))
        .collect();
    assert_eq!(blocks.len(), 2, "sources.toml and one role");
    let dir = dir_with(&[("night-shift-lead.toml", blocks[1])]);
    fs::write(dir.path().join("sources.toml"), blocks[0]).expect("write");
    careers().arg("validate").arg(dir.path()).assert().success();
    let out = careers()
        .args(["show", "night shift lead", "--format", "json", "--data-dir"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["id"], "night-shift-lead");
    assert_eq!(v["salary"][0]["median"], 52000.0);
    assert_eq!(v["sources"][0]["publisher"], "Acme Corp");
}

#[test]
fn a_user_role_replaces_the_bundled_one_with_its_id() {
    let text = "id = \"customer-service-clerk\"\ntitle = \"Service Desk Clerk\"\nfamily = { name = \"Customer Service\", source = \"csa-role-profile\" }\n";
    let dir = dir_with(&[("customer-service-clerk.toml", text)]);
    let out = careers()
        .args([
            "show",
            "customer-service-clerk",
            "--format",
            "json",
            "--data-dir",
        ])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["title"], "Service Desk Clerk");
    assert!(v["origin"]
        .as_str()
        .is_some_and(|o| o.ends_with("customer-service-clerk.toml")));
}

#[test]
fn the_environment_variable_adds_directories() {
    let dir = dir_with(&[("night-shift-lead.toml", HEAD)]);
    careers()
        .env("CAREERS_DATA_DIR", dir.path())
        .args(["show", "night-shift-lead", "--format", "json"])
        .assert()
        .success();
}

#[test]
fn soc_links_must_name_an_official_occupation() {
    one_bad_role(
        "[[soc]]\ncode = \"99-9999\"\nreason = \"x\"\n",
        5,
        "soc[0].code",
        "not an occupation of the BLS wage tables",
    );
    let ok = format!("{HEAD}[[soc]]\ncode = \"43-4051\"\nreason = \"x\"\napproximate = true\n");
    let dir = dir_with(&[("night-shift-lead.toml", &ok)]);
    careers().arg("validate").arg(dir.path()).assert().success();
}
