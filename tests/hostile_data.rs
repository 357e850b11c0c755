//! Hostile data: what the data format refuses, and why a file that passes
//! is safe to use. Each row of the table in `refused_and_accepted` is a
//! data directory (or two) and a command run by the real binary, with the
//! exit code and the messages it must give (docs/data-format.md has the
//! rules): the names rule, the size budget, source ids, the official
//! occupations' names, bounds on numbers, and types. The shell-completion
//! tests run zsh and fish for real when they are installed.
//!
//! tests/hostile.rs has the other hostile inputs (files, pipes, terminals).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// A bundled source, for user roles to cite.
const SOURCE: &str = "csa-essay";

/// A valid role file `id` with `extra` TOML after its head; `title`
/// replaces the title made from the id when given.
fn role(id: &str, title: Option<&str>, extra: &str) -> String {
    let made: Vec<String> = id
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect();
    let title = title.map_or_else(|| format!("\"User {}\"", made.join(" ")), str::to_string);
    format!(
        "id = \"{id}\"\ntitle = {title}\nfamily = {{ name = \"Customer Service\", source = \"{SOURCE}\" }}\n{extra}"
    )
}

/// A role with one `[[salary]]` of `figures` (TOML) per `period`.
fn pay(id: &str, period: &str, figures: &str) -> String {
    role(
        id,
        None,
        &format!(
            "[[salary]]\nsource = \"{SOURCE}\"\ncurrency = \"USD\"\nperiod = \"{period}\"\n{figures}\n"
        ),
    )
}

/// One row: data directories (each a list of (file name, text)), the
/// arguments (`{0}`, `{1}` stand for the directories), the exit code, and
/// what stderr must hold (with the same placeholders).
struct Case {
    name: &'static str,
    dirs: Vec<Vec<(String, String)>>,
    args: Vec<String>,
    code: i32,
    stderr: Vec<String>,
}

fn case(
    name: &'static str,
    files: &[(&str, String)],
    args: &str,
    code: i32,
    stderr: &[&str],
) -> Case {
    Case {
        name,
        dirs: vec![files
            .iter()
            .map(|(f, t)| (f.to_string(), t.clone()))
            .collect()],
        args: args.split(' ').map(str::to_string).collect(),
        code,
        stderr: stderr.iter().map(|s| s.to_string()).collect(),
    }
}

/// `validate {0}` on one role file `id.toml`, refused with `stderr`.
fn refused(name: &'static str, id: &str, text: String, stderr: &[&str]) -> Case {
    case(
        name,
        &[(&format!("{id}.toml"), text)],
        "validate {0}",
        3,
        stderr,
    )
}

/// `validate {0}` on one role file `id.toml`, accepted.
fn accepted(name: &'static str, id: &str, text: String) -> Case {
    case(
        name,
        &[(&format!("{id}.toml"), text)],
        "validate {0}",
        0,
        &[],
    )
}

fn cases() -> Vec<Case> {
    let big = |n: usize| "w".repeat(n);
    let list = |n: usize, item: &str| vec![item.to_string(); n].join(", ");
    let mut cases = vec![
        // ---- Names: no control, bidi or zero-width characters ----------
        refused(
            "a bidi override in a title",
            "night-lead",
            role("night-lead", Some(r#""Night \u202eLead""#), ""),
            &["night-lead.toml:2:16: field `title`: `Night \\u{202e}Lead` holds U+202E \
               (a bidi control): ids, titles and aliases may not hold control, bidi or \
               zero-width characters"],
        ),
        refused(
            "a zero-width space in an alias",
            "night-lead",
            role(
                "night-lead",
                None,
                &format!("aliases = [{{ name = \"Night\u{200b}Lead\", source = \"{SOURCE}\" }}]\n"),
            ),
            &["night-lead.toml:4:27: field `aliases[0].name`: `Night\\u{200b}Lead` holds \
               U+200B (a zero-width character)"],
        ),
        refused(
            "an escape sequence in a title",
            "night-lead",
            role("night-lead", Some(r#""Night \u001b[31mLead""#), ""),
            &["field `title`: `Night \\u{1b}[31mLead` holds U+001B (a control character)"],
        ),
        refused(
            "a raw tab in a title",
            "night-lead",
            role("night-lead", Some("\"Night\tLead\""), ""),
            &["night-lead.toml:2:15: field `title`: `Night\\u{9}Lead` holds U+0009"],
        ),
        accepted(
            "quotes and shell metacharacters in names are allowed",
            "night-lead",
            role(
                "night-lead",
                Some(r#""Night Lead \" *(e{touch /tmp/x}) \" $(id) `id` ; & | 'q'""#),
                &format!("aliases = [{{ name = \"Children's Desk & Co.\", source = \"{SOURCE}\" }}]\n"),
            ),
        ),
        // ---- The size budget -------------------------------------------
        refused(
            "a title one character over",
            "long-title",
            role("long-title", Some(&format!("\"{}\"", big(121))), ""),
            &["long-title.toml:2:1: field `title`: is 121 characters long; at most 120 \
               (the size budget in docs/data-format.md)"],
        ),
        case(
            "a 1 MB one-word title (list took 331 s)",
            &[("huge-title.toml", role("huge-title", Some(&format!("\"{}\"", big(1_000_000))), ""))],
            "--data-dir {0} list",
            3,
            &["huge-title.toml:2:1: field `title`: is 1,000,000 characters long; at most 120"],
        ),
        case(
            "an 80 KB title (compare took 3.9 s)",
            &[("wide-title.toml", role("wide-title", Some(&format!("\"{}\"", big(80_000))), ""))],
            "--data-dir {0} compare wide-title customer-service-clerk",
            3,
            &["field `title`: is 80,000 characters long; at most 120"],
        ),
        case(
            "100,000 aliases (show took 16.6 s)",
            &[(
                "many-aliases.toml",
                role(
                    "many-aliases",
                    None,
                    &format!(
                        "aliases = [{}]\n",
                        (0..100_000)
                            .map(|i| format!("{{ name = \"Alias {i}\", source = \"{SOURCE}\" }}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
            )],
            "--data-dir {0} show many-aliases",
            3,
            &["many-aliases.toml:4:1: field `aliases`: has 100,000 entries; at most 30"],
        ),
        case(
            "100,000 soft skills (compare took 75.7 s)",
            &[(
                "many-skills.toml",
                role(
                    "many-skills",
                    None,
                    &format!(
                        "[[soft_skills]]\nsource = \"{SOURCE}\"\nitems = [{}]\n",
                        (0..100_000)
                            .map(|i| format!("\"Skill {i}\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
            )],
            "--data-dir {0} compare many-skills customer-service-clerk",
            3,
            &[
                "field `soft_skills[0].items`: has 100,000 entries; at most 100",
                "field `soft_skills[0].items[300]`: the role has more than 300 skills; at most 300",
            ],
        ),
        refused(
            "51 blocks of one field",
            "many-blocks",
            role(
                "many-blocks",
                None,
                &format!("[[pros]]\nsource = \"{SOURCE}\"\nitems = [\"a\"]\n").repeat(51),
            ),
            &["many-blocks.toml:4:3: field `pros`: has 51 entries; at most 50"],
        ),
        refused(
            "301 skills in several lists",
            "many-skills",
            role(
                "many-skills",
                None,
                &(0..4)
                    .map(|b| {
                        let n = if b == 3 { 1 } else { 100 };
                        format!(
                            "[[tech_skills]]\nsource = \"{SOURCE}\"\nitems = [{}]\n",
                            (0..n).map(|i| format!("\"S{b}-{i}\"")).collect::<Vec<_>>().join(", ")
                        )
                    })
                    .collect::<String>(),
            ),
            &["field `tech_skills[3].items[0]`: the role has more than 300 skills; at most 300"],
        ),
        refused(
            "101 items in a list",
            "many-items",
            role(
                "many-items",
                None,
                &format!("[[pros]]\nsource = \"{SOURCE}\"\nitems = [{}]\n", list(101, "\"a\"")),
            ),
            &["field `pros[0].items`: has 101 entries; at most 100"],
        ),
        // ---- Sources: added, never redefined ---------------------------
        case(
            "a user source redefining the official wage tables' source",
            &[
                ("spoof-role.toml", role("spoof-role", None, "")),
                (
                    "sources.toml",
                    "[[source]]\nid = \"bls-oews-2025\"\ntitle = \"Made up\"\nkind = \"statistics\"\n"
                        .to_string(),
                ),
            ],
            "validate {0}",
            3,
            &["{0}/sources.toml:2:1: field `source[0].id`: source `bls-oews-2025` is a bundled \
               source: a sources.toml may add sources, not redefine bundled ones (give yours \
               another id)"],
        ),
        case(
            "a user source redefining a bundled role's source, for any command",
            &[
                ("spoof-role.toml", role("spoof-role", None, "")),
                (
                    "sources.toml",
                    "[[source]]\nid = \"csa-essay\"\ntitle = \"Made up\"\nkind = \"essay\"\n".to_string(),
                ),
            ],
            "--data-dir {0} show customer-service-associate",
            3,
            &["field `source[0].id`: source `csa-essay` is a bundled source"],
        ),
        // ---- Official occupations keep their ids, codes and titles -----
        refused(
            "a role id that is an official occupation's id",
            "cardiologists",
            role("cardiologists", None, ""),
            &["cardiologists.toml:1:1: field `id`: id `cardiologists` is the id of the official \
               occupation Cardiologists (29-1212): give the role another id"],
        ),
        refused(
            "a role id that is a SOC code",
            "43-4051",
            role("43-4051", None, ""),
            &["43-4051.toml:1:1: field `id`: id `43-4051` is the SOC code of the official \
               occupation Customer Service Representatives: a role id may not be a SOC code"],
        ),
        refused(
            "a title that is an official occupation's title",
            "heart-doctor",
            role("heart-doctor", Some("\"Cardiologists\""), ""),
            &["field `title`: title `Cardiologists` is the title of the official occupation \
               Cardiologists (29-1212): name the role otherwise, or link it with [[soc]] code = \
               \"29-1212\" if it is that occupation"],
        ),
        refused(
            "an alias that is an official occupation's title, in another spelling",
            "ward-nurse",
            role(
                "ward-nurse",
                None,
                &format!("aliases = [{{ name = \"registered-nurses\", source = \"{SOURCE}\" }}]\n"),
            ),
            &["field `aliases[0].name`: alias `registered-nurses` is the title of the official \
               occupation Registered Nurses (29-1141)"],
        ),
        accepted(
            "an official title on a role that stands for the occupation",
            "heart-doctor",
            role(
                "heart-doctor",
                Some("\"Cardiologists\""),
                &format!("[[soc]]\ncode = \"29-1212\"\nsource = \"{SOURCE}\"\n"),
            ),
        ),
        refused(
            "an official title on a role linked only approximately",
            "heart-doctor",
            role(
                "heart-doctor",
                Some("\"Cardiologists\""),
                &format!("[[soc]]\ncode = \"29-1212\"\nsource = \"{SOURCE}\"\napproximate = true\n"),
            ),
            &["title `Cardiologists` is the title of the official occupation"],
        ),
        // ---- Numbers within documented bounds --------------------------
        refused(
            "pay of 1e308 (shown as $92,233,720,368,547,758.07)",
            "rich-role",
            pay("rich-role", "year", "median = 1e308"),
            &["rich-role.toml:8:1: field `salary[0].median`: pay above 1e12 per year is not \
               plausible in any currency, got 1e308"],
        ),
        refused(
            "hourly pay above the bound",
            "rich-role",
            pay("rich-role", "hour", "range = { min = 10.0, max = 2e9 }"),
            &["field `salary[0].range.max`: pay above 1e9 per hour is not plausible in any \
               currency, got 2e9"],
        ),
        refused(
            "zero pay",
            "free-role",
            pay("free-role", "year", "median = 0"),
            &["field `salary[0].median`: pay must be above zero (leave out a figure no source gives)"],
        ),
        accepted(
            "pay at the bound",
            "rich-role",
            pay("rich-role", "year", "median = 1e12"),
        ),
        refused(
            "growth of -1e300 percent",
            "odd-growth",
            role(
                "odd-growth",
                None,
                &format!("[[outlook]]\nsource = \"{SOURCE}\"\ngrowth_percent = -1e300\n"),
            ),
            &["odd-growth.toml:6:1: field `outlook[0].growth_percent`: growth must lie between \
               -100 and 1000 percent, got -1e300"],
        ),
        refused(
            "growth of 1001 percent",
            "odd-growth",
            role(
                "odd-growth",
                None,
                &format!("[[outlook]]\nsource = \"{SOURCE}\"\ngrowth_percent = 1001\n"),
            ),
            &["growth must lie between -100 and 1000 percent, got 1001"],
        ),
        accepted(
            "growth of -100 and 1000 percent",
            "odd-growth",
            role(
                "odd-growth",
                None,
                &format!(
                    "[[outlook]]\nsource = \"{SOURCE}\"\ngrowth_percent = -100\n\
                     [[outlook]]\nsource = \"{SOURCE}\"\ngrowth_percent = 1000\n"
                ),
            ),
        ),
        refused(
            "81 years of experience",
            "old-role",
            role(
                "old-role",
                None,
                &format!("[[experience]]\nsource = \"{SOURCE}\"\nmin_years = 81\n"),
            ),
            &["field `experience[0].min_years`: years must lie between 0 and 80, got 81"],
        ),
        refused(
            "a ladder tier and a move beyond 80 years",
            "old-role",
            role(
                "old-role",
                None,
                &format!(
                    "[[ladder]]\nsource = \"{SOURCE}\"\nname = \"L\"\n\
                     tiers = [{{ title = \"T\", min_years = 200 }}]\n\
                     [[moves]]\nsource = \"{SOURCE}\"\nto = \"Elsewhere\"\nkind = \"lateral\"\nmax_years = 4000000000\n"
                ),
            ),
            &[
                "field `ladder[0].tiers[0].min_years`: years must lie between 0 and 80, got 200",
                "field `moves[0].max_years`: years must lie between 0 and 80, got 4000000000",
            ],
        ),
        refused(
            "a projection to the year 99999",
            "far-role",
            role(
                "far-role",
                None,
                &format!("[[outlook]]\nsource = \"{SOURCE}\"\nthrough = 99999\n"),
            ),
            &["field `outlook[0].through`: must be a year from 1900 to 2200, got 99999"],
        ),
        // ---- Types: a datetime is a datetime, not a map ----------------
        refused(
            "a datetime as a title",
            "dated-role",
            role("dated-role", Some("1979-05-27T07:32:00Z"), ""),
            &["dated-role.toml:2:9: field `title`: invalid type: datetime 1979-05-27T07:32:00Z, \
               expected a string (quote it to make it text)"],
        ),
        refused(
            "a date in a list of paragraphs",
            "dated-role",
            role(
                "dated-role",
                None,
                &format!("[[summary]]\nsource = \"{SOURCE}\"\nparagraphs = [\"a\", 2025-01-15]\n"),
            ),
            &["field `summary[0].paragraphs[1]`: invalid type: datetime 2025-01-15, expected a string"],
        ),
    ];
    let acme =
        "[[source]]\nid = \"acme-handbook\"\ntitle = \"Acme\"\nkind = \"handbook\"\n".to_string();
    cases.push(Case {
        name: "two directories defining one source",
        dirs: vec![
            vec![
                ("one-role.toml".into(), role("one-role", None, "")),
                ("sources.toml".into(), acme.clone()),
            ],
            vec![
                ("two-role.toml".into(), role("two-role", None, "")),
                ("sources.toml".into(), acme),
            ],
        ],
        args: ["validate", "{0}", "{1}"].map(String::from).to_vec(),
        code: 3,
        stderr: vec![
            "{1}/sources.toml:2:1: field `source[0].id`: source `acme-handbook` is \
                      also defined in {0}/sources.toml:2"
                .into(),
        ],
    });
    cases
}

/// Runs one case in its own directories under `root`; `Err` says what
/// went wrong.
fn run(c: &Case, root: &Path) -> Result<(), String> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    for (i, files) in c.dirs.iter().enumerate() {
        let dir = root.join(format!("d{i}"));
        fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        for (name, text) in files {
            fs::write(dir.join(name), text).map_err(|e| e.to_string())?;
        }
        dirs.push(dir);
    }
    let fill = |s: &str| {
        dirs.iter().enumerate().fold(s.to_string(), |s, (i, d)| {
            s.replace(&format!("{{{i}}}"), &d.display().to_string())
        })
    };
    let started = Instant::now();
    let out = common::careers_std()
        .args(c.args.iter().map(|a| fill(a)))
        .stdin(Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    let code = out.status.code().unwrap_or(-1);
    if code != c.code {
        problems.push(format!("exit code {code}, expected {}", c.code));
    }
    if stderr.contains("panicked") {
        problems.push("panicked".into());
    }
    for want in &c.stderr {
        if !stderr.contains(&fill(want)) {
            problems.push(format!("stderr lacks `{}`", fill(want)));
        }
    }
    if c.code != 0 && !out.stdout.is_empty() {
        problems.push("failed but wrote to stdout".into());
    }
    if c.code == 0 && !stderr.is_empty() {
        problems.push("succeeded but wrote to stderr".into());
    }
    // Well under a second in a release build; a debug build is slower.
    if took > Duration::from_secs(10) {
        problems.push(format!("took {took:?}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n--- stderr:\n{stderr}", problems.join("; ")))
    }
}

#[test]
fn refused_and_accepted() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let cases = cases();
    let mut failures = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        if let Err(why) = run(c, &tmp.path().join(i.to_string())) {
            failures.push(format!("[{}] {why}", c.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

// ---- The largest roles the budget accepts -------------------------------

/// Every command on the largest roles of every shape succeeds (or finds
/// nothing) quickly. The figures for docs/data-format.md come from
/// `scripts/budget.sh`, which times a release build.
#[test]
fn every_command_on_the_largest_roles_is_quick() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let source = "largest-roles";
    let mut slow = Vec::new();
    for shape in careers::validate::budget::largest_roles(source) {
        let dir = tmp.path().join(shape.shape);
        fs::create_dir_all(&dir).expect("dir");
        fs::write(
            dir.join("sources.toml"),
            format!("[[source]]\nid = \"{source}\"\ntitle = \"Largest\"\nkind = \"test\"\n"),
        )
        .expect("sources");
        for (id, text) in &shape.roles {
            fs::write(dir.join(format!("{id}.toml")), text).expect("role");
        }
        let (a, b) = (&shape.roles[0].0, &shape.roles[1].0);
        let d = dir.display().to_string();
        let commands: Vec<Vec<&str>> = vec![
            vec!["list"],
            vec!["show", a],
            vec!["--format", "json", "show", a],
            vec!["compare", a, b],
            vec!["search", "customer"],
            vec!["salary", a, b],
            vec!["skills", a],
            vec!["skills", "--find", "customer"],
            vec!["ladder", a],
            vec!["ladder"],
            vec!["path", a, b],
            vec!["completions", "zsh"],
        ];
        for args in commands {
            let started = Instant::now();
            let out = common::careers_std()
                .args(["--data-dir", &d, "--no-cache"])
                .args(&args)
                .output()
                .expect("runs");
            let took = started.elapsed();
            let code = out.status.code();
            // 1: no ladder or no route in this shape.
            assert!(
                matches!(code, Some(0 | 1)),
                "{} {args:?}: {code:?} {}",
                shape.shape,
                String::from_utf8_lossy(&out.stderr)
            );
            if took > Duration::from_secs(5) {
                slow.push(format!("{} {args:?}: {took:?}", shape.shape));
            }
        }
        let (code, _, err) = common::run(&["validate", &d]);
        assert_eq!(code, 0, "{}: {err}", shape.shape);
    }
    assert!(slow.is_empty(), "slow: {slow:#?}");
}

// ---- Completion scripts with hostile titles -----------------------------

/// A data directory with a role whose title would run `touch CANARY`
/// from a completion script that quoted it wrongly (issue 12, item 1).
fn night_lead(dir: &Path, canary: &Path) {
    let title = format!(r#""Night Lead \" *(e{{touch {}}}) \"""#, canary.display());
    fs::write(
        dir.join("night-lead.toml"),
        role("night-lead", Some(&title), ""),
    )
    .expect("role");
}

fn shell_present(shell: &str) -> bool {
    let ok = std::process::Command::new(shell)
        .args(["-c", "exit 0"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("note: `{shell}` is not installed; this completion test is skipped");
    }
    ok
}

fn completions(dir: &Path, shell: &str) -> String {
    let out = common::careers_std()
        .arg("--data-dir")
        .arg(dir)
        .args(["completions", shell])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn zsh_completion_of_a_hostile_title_runs_nothing() {
    if !shell_present("zsh") {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("data");
    fs::create_dir(&data).expect("dir");
    let canary = tmp.path().join("canary");
    night_lead(&data, &canary);
    let script = tmp.path().join("_careers");
    fs::write(&script, completions(&data, "zsh")).expect("script");
    let args = tmp.path().join("args.txt");
    let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/zsh-complete.zsh");
    // Listed for `show n`: every role and official occupation whose id
    // starts with n, the night lead among them.
    let all = common::careers_std()
        .arg("--data-dir")
        .arg(&data)
        .args(["list", "--all", "--format", "tsv"])
        .output()
        .expect("runs");
    let listed = String::from_utf8_lossy(&all.stdout)
        .lines()
        .filter(|l| l.starts_with('n'))
        .count();
    let run = std::process::Command::new("zsh")
        .arg("-f")
        .arg(harness)
        .arg(&script)
        .arg(&args)
        .arg("show n")
        .arg(listed.to_string())
        .arg("show night")
        .output()
        .expect("zsh runs");
    let screen = String::from_utf8_lossy(&run.stdout);
    assert!(
        !canary.exists(),
        "TAB ran the command in the title:\n{screen}"
    );
    let title = format!(r#"Night Lead " *(e{{touch {}}}) ""#, canary.display());
    assert!(
        screen.contains(&title),
        "the title is listed as written:\n{screen}"
    );
    assert_eq!(
        fs::read_to_string(&args).unwrap_or_default(),
        "show\nnight-lead\n"
    );
}

#[test]
fn fish_and_bash_completion_of_a_hostile_title_run_nothing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("data");
    fs::create_dir(&data).expect("dir");
    let canary = tmp.path().join("canary");
    night_lead(&data, &canary);
    if shell_present("fish") {
        let script = tmp.path().join("careers.fish");
        fs::write(&script, completions(&data, "fish")).expect("script");
        let out = std::process::Command::new("fish")
            .arg("--no-config")
            .arg("-c")
            .arg(format!(
                "source {}; complete -C 'careers show night'",
                script.display()
            ))
            .output()
            .expect("fish runs");
        let offered = String::from_utf8_lossy(&out.stdout);
        let title = format!(r#"Night Lead " *(e{{touch {}}}) ""#, canary.display());
        assert_eq!(offered.trim_end(), format!("night-lead\t{title}"));
    }
    let script = tmp.path().join("careers.bash");
    fs::write(&script, completions(&data, "bash")).expect("script");
    let (code, out, err) = common::shell(&format!(
        "source {}; COMP_WORDS=(careers show night); COMP_CWORD=2; _careers careers night show; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    ));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "night-lead\n");
    assert!(!canary.exists(), "completion ran the command in the title");
}
