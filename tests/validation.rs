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

// --- A default source per file, and ladder files (issue 14, item 10) ---

/// A role file written the short way: one default `source` at its top.
const SHORT: &str = "source = \"jobicy-csa-guide\"\nid = \"night-shift-lead\"\ntitle = \"Night Shift Lead\"\nfamily = { name = \"Customer Service\" }\n\n[[summary]]\nparagraphs = [\"Runs the night queue.\"]\n\n[[salary]]\nsource = \"csa-role-profile\"\ncurrency = \"USD\"\nperiod = \"year\"\nmedian = 50000\n";

/// A ladder file `ladders/night-shift.toml` linking the short role.
const LADDER: &str = "id = \"night-shift\"\nname = \"Night shift ladder\"\nsource = \"jobicy-csa-guide\"\n\n[[tiers]]\ntitle = \"Night Agent\"\nlevel = \"N1\"\nmax_years = 2\nrole = \"customer-service-associate\"\npay = { min = 36000, max = 42000, currency = \"USD\", period = \"year\" }\n\n[[tiers]]\ntitle = \"Night Lead\"\nlevel = \"N2\"\nmin_years = 2\nrole = \"night-shift-lead\"\npay = { min = 45000, max = 52000, currency = \"USD\", period = \"year\" }\n";

/// A data dir with the short role and `ladders` (file name, text).
fn dir_with_ladders(ladders: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = dir_with(&[("night-shift-lead.toml", SHORT)]);
    fs::create_dir(dir.path().join("ladders")).expect("ladders dir");
    for (name, text) in ladders {
        fs::write(dir.path().join("ladders").join(name), text).expect("write ladder");
    }
    dir
}

/// Asserts the exact problem `file:line:column: field `field`: message`
/// (the file named by its path's end).
fn assert_exact(stderr: &str, at: &str, field: &str, message: &str) {
    let want = format!("{at}: field `{field}`: {message}");
    assert!(
        stderr.lines().any(|l| l.trim().ends_with(&want)),
        "expected\n  …{want}\nin:\n{stderr}"
    );
}

#[test]
fn a_default_source_stands_for_every_block_that_names_none() {
    let dir = dir_with_ladders(&[("night-shift.toml", LADDER)]);
    careers().arg("validate").arg(dir.path()).assert().success();
    let out = careers()
        .args(["show", "night-shift-lead", "--format", "json", "--data-dir"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["family"]["source"], "jobicy-csa-guide");
    assert_eq!(v["summary"][0]["source"], "jobicy-csa-guide");
    // A block's own source wins.
    assert_eq!(v["salary"][0]["source"], "csa-role-profile");
    assert!(
        v.get("source").is_none(),
        "the default is no field of a role"
    );
}

#[test]
fn a_block_without_a_source_in_a_file_without_a_default_is_placed() {
    let text = SHORT.replacen("source = \"jobicy-csa-guide\"\n", "", 1);
    let dir = dir_with(&[("night-shift-lead.toml", &text)]);
    let stderr = refused(dir.path());
    let missing = "missing field `source`: name the block's source, or give the file a \
                   default `source = \"...\"` above its first table";
    assert_exact(
        &stderr,
        "night-shift-lead.toml:3:10",
        "family.source",
        missing,
    );
    assert_exact(
        &stderr,
        "night-shift-lead.toml:5:1",
        "summary[0].source",
        missing,
    );
    assert!(stderr.contains("2 problems"), "{stderr}");
}

#[test]
fn an_unknown_default_source_is_reported_once_at_its_key() {
    let text = SHORT.replacen("jobicy-csa-guide", "night-handbook", 1);
    let dir = dir_with(&[("night-shift-lead.toml", &text)]);
    let stderr = refused(dir.path());
    assert!(stderr.contains("1 problem\n"), "{stderr}");
    assert_exact(
        &stderr,
        "night-shift-lead.toml:1:1",
        "source",
        "unknown source `night-handbook` (not in any sources.toml)",
    );
}

#[test]
fn a_malformed_ladder_file_is_placed() {
    let syntax = LADDER.replace("level = \"N2\"", "level = N2\"");
    let dir = dir_with_ladders(&[("night-shift.toml", &syntax)]);
    let stderr = refused(dir.path());
    assert!(
        stderr.contains("ladders/night-shift.toml:14:9: invalid TOML"),
        "{stderr}"
    );
    let typed = LADDER.replace("name = \"Night shift ladder\"", "name = 3");
    let dir = dir_with_ladders(&[("night-shift.toml", &typed)]);
    let stderr = refused(dir.path());
    assert_exact(
        &stderr,
        "ladders/night-shift.toml:2:8",
        "name",
        "invalid type: integer `3`, expected a string",
    );
    let unknown = LADDER.replace("level = \"N1\"", "levle = \"N1\"");
    let dir = dir_with_ladders(&[("night-shift.toml", &unknown)]);
    let stderr = refused(dir.path());
    assert!(
        stderr.contains(
            "ladders/night-shift.toml:7:1: field `tiers[0].levle`: unknown field `levle`"
        ),
        "{stderr}"
    );
    let renamed = dir_with_ladders(&[("night.toml", LADDER)]);
    let stderr = refused(renamed.path());
    assert_exact(
        &stderr,
        "ladders/night.toml:1:1",
        "id",
        "id `night-shift` does not match the file name `night.toml`",
    );
}

#[test]
fn a_tier_with_a_bad_band_is_placed() {
    let bad = LADDER.replace(
        "pay = { min = 45000, max = 52000, currency = \"USD\", period = \"year\" }",
        "pay = { min = 55000, max = 52000, currency = \"usd\", period = \"year\" }",
    );
    let dir = dir_with_ladders(&[("night-shift.toml", &bad)]);
    let stderr = refused(dir.path());
    assert_exact(
        &stderr,
        "ladders/night-shift.toml:17:9",
        "tiers[1].pay.min",
        "min 55000 is above max 52000",
    );
    assert_exact(
        &stderr,
        "ladders/night-shift.toml:17:35",
        "tiers[1].pay.currency",
        "`usd` is not an ISO 4217 currency code like USD",
    );
    let month = LADDER.replacen("period = \"year\"", "period = \"month\"", 1);
    let dir = dir_with_ladders(&[("night-shift.toml", &month)]);
    let stderr = refused(dir.path());
    assert!(
        stderr.contains(
            "ladders/night-shift.toml:10:62: field `tiers[0].pay.period`: unknown variant `month`"
        ),
        "{stderr}"
    );
    let zero = LADDER.replacen("min = 36000", "min = 0", 1);
    let dir = dir_with_ladders(&[("night-shift.toml", &zero)]);
    let stderr = refused(dir.path());
    assert_exact(
        &stderr,
        "ladders/night-shift.toml:10:9",
        "tiers[0].pay.min",
        "pay must be above zero (leave out a figure no source gives)",
    );
}

#[test]
fn a_ladder_whose_tier_links_an_unknown_role_is_placed() {
    let ghost = LADDER.replace("role = \"night-shift-lead\"", "role = \"night-lead\"");
    let dir = dir_with_ladders(&[("night-shift.toml", &ghost)]);
    let stderr = refused(dir.path());
    assert_exact(
        &stderr,
        "ladders/night-shift.toml:16:1",
        "tiers[1].role",
        "unknown role `night-lead`",
    );
    let source = LADDER.replace(
        "source = \"jobicy-csa-guide\"",
        "source = \"night-handbook\"",
    );
    let dir = dir_with_ladders(&[("night-shift.toml", &source)]);
    let stderr = refused(dir.path());
    assert_exact(
        &stderr,
        "ladders/night-shift.toml:3:1",
        "source",
        "unknown source `night-handbook` (not in any sources.toml)",
    );
}

#[test]
fn a_duplicate_ladder_id_is_refused() {
    let a = dir_with_ladders(&[("night-shift.toml", LADDER)]);
    let b = tempfile::tempdir().expect("temp dir");
    fs::create_dir(b.path().join("ladders")).expect("ladders dir");
    fs::write(b.path().join("ladders/night-shift.toml"), LADDER).expect("write");
    let out = careers()
        .arg("validate")
        .arg(a.path())
        .arg(b.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    let first = a.path().join("ladders/night-shift.toml");
    assert_exact(
        &stderr,
        "ladders/night-shift.toml:1:1",
        "id",
        &format!(
            "duplicate ladder id `night-shift` (also defined in {})",
            first.display()
        ),
    );
}

#[test]
fn a_level_code_is_a_short_code() {
    let bad = LADDER.replace("level = \"N2\"", "level = \"Night 2\"");
    let dir = dir_with_ladders(&[("night-shift.toml", &bad)]);
    let stderr = refused(dir.path());
    assert_exact(
        &stderr,
        "ladders/night-shift.toml:14:15",
        "tiers[1].level",
        "`Night 2` is not a level code: at most 16 letters, digits and `- . _ + /`, \
         no spaces (like L3, IC2 or M1)",
    );
}

#[test]
fn tier_years_are_optional_in_role_files_too() {
    let body = "[[ladder]]\nsource = \"jobicy-csa-guide\"\nname = \"L\"\n[[ladder.tiers]]\ntitle = \"Night Agent\"\nlevel = \"N1\"\npay = { min = 18, max = 21, currency = \"USD\", period = \"hour\" }\n[[ladder.tiers]]\ntitle = \"Night Lead\"\nrole = \"night-shift-lead\"\n";
    let dir = dir_with(&[("night-shift-lead.toml", &format!("{HEAD}{body}"))]);
    careers().arg("validate").arg(dir.path()).assert().success();
}
