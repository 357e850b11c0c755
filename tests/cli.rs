//! The program as a Unix citizen: version, a fixed name in usage lines,
//! shell completions, the man page, and text that fits the terminal.

mod common;
use common::{careers, run, shell};
use std::io::Write;
use std::process::{Command, Stdio};

/// Every subcommand, as `careers --help` lists them.
const SUBCOMMANDS: &[&str] = &[
    "list",
    "show",
    "compare",
    "search",
    "salary",
    "skills",
    "ladder",
    "path",
    "validate",
    "completions",
    "man",
];

/// The ids of the bundled roles, from data/roles/*.toml.
fn bundled_ids() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/roles");
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .expect("data/roles is readable")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".toml"))
                .map(str::to_string)
        })
        .collect();
    ids.sort();
    assert!(ids.len() >= 11, "the bundled roles are found");
    ids
}

#[test]
fn version() {
    let (code, out, err) = run(&["--version"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, format!("careers {}\n", env!("CARGO_PKG_VERSION")));
    // Subcommands take it too.
    let (code, out, _) = run(&["show", "--version"]);
    assert_eq!(code, 0);
    assert!(
        out.ends_with(&format!(" {}\n", env!("CARGO_PKG_VERSION"))),
        "{out}"
    );
}

#[test]
fn usage_lines_say_careers_whatever_the_binary_is_called() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let link = dir.path().join("renamed-binary");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_careers"), &link).expect("a symlink");
    let out = Command::new(&link)
        .arg("--bogus")
        .output()
        .expect("the renamed binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("Usage: careers [OPTIONS] <COMMAND>"), "{err}");
    assert!(!err.contains("renamed-binary"), "{err}");
}

#[test]
fn a_usage_error_exits_2_on_stderr() {
    let (code, out, err) = run(&["show"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(err.contains("Usage: careers show"), "{err}");
    let (code, _, err) = run(&["list", "--color", "sometimes"]);
    assert_eq!(code, 2);
    assert!(err.contains("--color"), "{err}");
}

// ---- Completions -------------------------------------------------------

#[test]
fn bash_completion_loads_and_registers_careers() {
    let (code, out, err) = shell("source <(careers completions bash) && complete -p careers");
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("-F _careers"), "{out}");
    assert!(out.trim_end().ends_with(" careers"), "{out}");
}

/// What bash offers for the words `line` (the last word being completed).
fn bash_complete(line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split(' ').collect();
    let script = format!(
        "source <(careers completions bash) || exit 9
COMP_WORDS=({words}); COMP_CWORD={cword}
_careers careers '{cur}' '{prev}'
printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words = words
            .iter()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(" "),
        cword = words.len() - 1,
        cur = words[words.len() - 1],
        prev = words[words.len() - 2],
    );
    let (code, out, err) = shell(&script);
    assert_eq!((code, err.as_str()), (0, ""), "{line}");
    out.lines().map(str::to_string).collect()
}

#[test]
fn bash_completes_subcommands_and_role_ids() {
    let commands = bash_complete("careers ");
    for c in SUBCOMMANDS {
        assert!(commands.contains(&c.to_string()), "{c} in {commands:?}");
    }
    let ids = bundled_ids();
    let offered = bash_complete("careers show ");
    for id in &ids {
        assert!(offered.contains(id), "{id} in {offered:?}");
    }
    let offered = bash_complete("careers show customer-service-a");
    assert_eq!(
        offered,
        [
            "customer-service-administrator",
            "customer-service-analyst",
            "customer-service-associate"
        ]
    );
    for cmd in ["compare", "salary", "skills", "ladder", "path"] {
        let mut offered = bash_complete(&format!("careers {cmd} customer-su"));
        // `path FROM TO` offers the ids once per argument; bash shows them once.
        offered.dedup();
        assert_eq!(offered, ["customer-success-manager"], "careers {cmd}");
    }
    // Options still complete, and --section to its values.
    assert!(bash_complete("careers show --sec").contains(&"--section".to_string()));
    assert_eq!(bash_complete("careers show --section sal"), ["salary"]);
}

#[test]
fn role_arguments_still_take_any_text() {
    // Completion lists ids, but a title or a typo still resolves.
    let (code, out, err) = run(&["show", "Customer Service Associate", "--section", "summary"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.starts_with("Customer Service Associate  customer-service-associate"));
}

#[test]
fn zsh_and_fish_scripts_complete_role_ids_with_titles() {
    let (code, zsh, _) = run(&["completions", "zsh"]);
    assert_eq!(code, 0);
    assert!(zsh.starts_with("#compdef careers"));
    assert!(zsh.contains("'customer-service-associate:Customer Service Associate'"));
    assert!(zsh.contains("':ROLE -- The role:_careers_roles'") || zsh.contains(":_careers_roles'"));

    let (code, fish, _) = run(&["completions", "fish"]);
    assert_eq!(code, 0);
    assert!(fish
        .contains("printf '%s\\t%s\\n' 'customer-service-associate' 'Customer Service Associate'"));
    assert!(fish.contains(
        "complete -c careers -n \"__fish_careers_using_subcommand show\" -f -a '(__careers_roles)'"
    ));
    // The helper the added lines call is defined by clap_complete's script.
    assert!(fish.contains("function __fish_careers_using_subcommand"));
    for id in bundled_ids() {
        assert!(zsh.contains(&id) && fish.contains(&id), "{id}");
    }
}

#[test]
fn every_shell_gets_a_script() {
    for (shell, marker) in [
        ("bash", "complete -F _careers"),
        ("zsh", "#compdef careers"),
        ("fish", "complete -c careers"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[careers]"),
    ] {
        let (code, out, err) = run(&["completions", shell]);
        assert_eq!((code, err.as_str()), (0, ""), "{shell}");
        assert!(out.contains(marker), "{shell}");
        for c in SUBCOMMANDS {
            assert!(out.contains(c), "{shell}: {c}");
        }
    }
    let (code, _, err) = run(&["completions", "tcsh"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn completions_include_roles_from_data_dirs() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let role = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/roles/customer-service-clerk.toml"
    ))
    .expect("a bundled role reads");
    // The same role under a new id and title.
    let role = role
        .replace("customer-service-clerk", "night-desk-clerk")
        .replace("Customer Service Clerk", "Night Desk Clerk");
    std::fs::write(dir.path().join("night-desk-clerk.toml"), role).expect("writes");
    let out = careers()
        .arg("--data-dir")
        .arg(dir.path())
        .args(["completions", "bash"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("night-desk-clerk"));
}

// ---- Man page -----------------------------------------------------------

/// Renders `page` with man-db's `man -l -`, returning (stdout, stderr).
fn render_man(page: &str) -> (String, String) {
    let mut child = Command::new("man")
        .args(["--warnings", "-l", "-"])
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "0")
        .env_remove("MANPAGER")
        .env("PAGER", "cat")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("man (man-db) is installed: apt-get install -y man-db");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(page.as_bytes())
        .expect("the page is written to man");
    let out = child.wait_with_output().expect("man finishes");
    assert!(out.status.success(), "man failed: {out:?}");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn man_page_renders_without_warnings_and_covers_every_command() {
    let (code, page, err) = run(&["man"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        page.lines().any(|l| l.starts_with(".TH careers 1 ")),
        "a title line"
    );
    let (text, warnings) = render_man(&page);
    assert_eq!(warnings, "", "man --warnings");
    // Formatting (bold, overstrike) removed.
    let text: String = strip_overstrike(&text);
    for heading in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "EXAMPLES",
        "OPTIONS",
        "COMMANDS",
        "EXIT STATUS",
        "ENVIRONMENT",
    ] {
        assert!(
            text.lines().any(|l| l == heading),
            "section {heading} in the man page"
        );
    }
    for c in SUBCOMMANDS {
        assert!(
            text.lines().any(|l| l.trim() == format!("careers {c}")),
            "a section for careers {c}"
        );
    }
    for option in [
        "--format",
        "--color",
        "--data-dir",
        "--section",
        "--hourly",
        "--by",
    ] {
        assert!(text.contains(option), "{option} in the man page");
    }
    assert!(text.contains("NO_COLOR") && text.contains("CAREERS_DATA_DIR"));
    // Justified text may hold double spaces.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("4 I/O error (output could not be written"),
        "exit codes"
    );
    assert!(
        flat.contains("careers show customer-service-associate"),
        "examples"
    );
}

fn strip_overstrike(s: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c == '\u{8}' {
            out.pop();
        } else {
            out.push(c);
        }
    }
    out.into_iter().collect()
}

// ---- Width ------------------------------------------------------------

fn display_width(line: &str) -> usize {
    // The output has no colour here; every character is one column except
    // East Asian wide ones, which the data does not use.
    line.chars().count()
}

fn text_at(columns: usize, args: &[&str]) -> String {
    let out = careers()
        .env("COLUMNS", columns.to_string())
        .args(args)
        .output()
        .expect("careers runs");
    assert!(out.status.success(), "careers {args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn show_and_list_fit_narrow_terminals() {
    for columns in [40, 60] {
        let mut outputs = vec![(String::from("list"), text_at(columns, &["list"]))];
        for id in bundled_ids() {
            outputs.push((format!("show {id}"), text_at(columns, &["show", &id])));
        }
        for (what, text) in outputs {
            for line in text.lines() {
                assert!(
                    display_width(line) <= columns,
                    "careers {what} at COLUMNS={columns}: {} columns: {line:?}",
                    display_width(line)
                );
            }
        }
    }
}

#[test]
fn prose_stops_at_100_columns_on_wide_terminals() {
    for id in bundled_ids() {
        let text = text_at(200, &["show", &id]);
        for line in text.lines() {
            assert!(
                display_width(line) <= 100,
                "careers show {id} at COLUMNS=200: {line:?}"
            );
        }
    }
}

#[test]
fn text_follows_columns() {
    // Wider terminals get longer lines, up to the prose limit.
    let longest = |columns| {
        text_at(columns, &["show", "customer-service-associate"])
            .lines()
            .map(display_width)
            .max()
            .unwrap_or(0)
    };
    assert!(longest(60) <= 60 && longest(60) > 50);
    assert!(longest(90) <= 90 && longest(90) > 80);
}

#[test]
fn man_page_synopses_say_how_many_roles_a_command_takes() {
    let (_, page, _) = run(&["man"]);
    let (text, _) = render_man(&page);
    let flat = strip_overstrike(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for usage in [
        "careers compare [OPTIONS] <ROLE> <ROLE>...",
        "careers salary [OPTIONS] [ROLE]...",
        "careers path [OPTIONS] <FROM> [TO]",
        "careers show [OPTIONS] <ROLE>",
    ] {
        assert!(flat.contains(usage), "{usage} in the man page");
    }
}

#[test]
fn usage_errors_carry_the_program_prefix_like_every_other_error() {
    for args in [&["show"][..], &["compare", "associate"], &["--bogus"]] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(out, "", "{args:?}");
        assert!(err.starts_with("careers: "), "{args:?}: {err}");
        assert!(!err.contains("error:"), "{args:?}: {err}");
    }
}

#[test]
fn bash_completes_each_role_and_occupation_once_and_areas_for_area() {
    // `path` takes two roles: each is offered once, not once per argument.
    let offered = bash_complete("careers path associate cu");
    let mut unique = offered.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(offered.len(), unique.len(), "{offered:?}");
    assert!(offered.contains(&"customer-service-manager".to_string()));
    // Official occupations are roles too.
    assert_eq!(
        bash_complete("careers show registered-n"),
        ["registered-nurses"]
    );
    assert!(bash_complete("careers compare electricians plumb")
        .contains(&"plumbers-pipefitters-and-steamfitters".to_string()));
    // --area completes states' codes and areas' names, not file names.
    assert_eq!(bash_complete("careers show nurse --area T"), ["TN", "TX"]);
    assert!(bash_complete("careers salary --area tex").contains(&"texas".to_string()));
    assert!(bash_complete("careers show x --area austin")
        .iter()
        .any(|a| a.starts_with("austin-round-rock")));
}
