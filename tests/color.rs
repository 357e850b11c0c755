//! The colour policy, per mode and variable, against the real binary: in a
//! pipe, and in a pseudo-terminal made by util-linux `script`.

mod common;
use common::careers;
use std::process::Command;

const ESC: &str = "\x1b[";

/// stdout of `careers args` with `vars` set, through a pipe.
fn piped(args: &[&str], vars: &[(&str, &str)]) -> String {
    let out = careers()
        .args(args)
        .envs(vars.iter().copied())
        .output()
        .expect("careers runs");
    assert!(out.status.success(), "careers {args:?} failed: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// stdout of `careers args` run on a terminal (a pty from `script`), with
/// the same clean environment as [`careers`] plus `vars`.
fn on_terminal(args: &[&str], vars: &[(&str, &str)]) -> String {
    let bin = env!("CARGO_BIN_EXE_careers");
    let line = std::iter::once(bin)
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut cmd = Command::new("script");
    cmd.args(["-q", "-e", "-c", &line, "/dev/null"]);
    for var in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "CLICOLOR",
        "TERM",
        "LANG",
        "LC_ALL",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("SHELL", "/bin/sh")
        .env("COLUMNS", "100")
        .envs(vars.iter().copied());
    let out = cmd
        .output()
        .expect("util-linux `script` runs (it makes the pseudo-terminal for these tests)");
    assert!(
        out.status.success(),
        "careers {args:?} on a terminal failed: {out:?}"
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn coloured(s: &str) -> bool {
    s.contains(ESC)
}

const TEXT_COMMANDS: &[&[&str]] = &[
    &["show", "customer-service-associate"],
    &["list"],
    &["validate"],
];

#[test]
fn a_pipe_gets_no_colour_by_default() {
    for args in TEXT_COMMANDS {
        assert!(!coloured(&piped(args, &[])), "{args:?}");
    }
}

#[test]
fn color_always_colours_a_pipe() {
    for args in TEXT_COMMANDS {
        let mut a = args.to_vec();
        a.extend(["--color", "always"]);
        assert!(coloured(&piped(&a, &[])), "{a:?}");
        // NO_COLOR is for auto; an explicit flag wins.
        assert!(
            coloured(&piped(&a, &[("NO_COLOR", "1")])),
            "{a:?} NO_COLOR=1"
        );
    }
}

#[test]
fn colour_escapes_are_real_not_shown_as_text() {
    // Painted citations inside wrapped prose were once cleaned a second
    // time and printed as the text `\u{1b}[2m`.
    let out = piped(
        &["show", "customer-service-associate", "--color", "always"],
        &[],
    );
    assert!(coloured(&out));
    assert!(
        !out.contains("\\u{1b}"),
        "escaped escape codes in coloured output"
    );
}

#[test]
fn color_never_beats_clicolor_force() {
    for args in TEXT_COMMANDS {
        let mut a = args.to_vec();
        a.extend(["--color", "never"]);
        assert!(!coloured(&piped(&a, &[("CLICOLOR_FORCE", "1")])), "{a:?}");
    }
}

#[test]
fn clicolor_force_colours_a_pipe_in_auto() {
    assert!(coloured(&piped(&["list"], &[("CLICOLOR_FORCE", "1")])));
    assert!(coloured(&piped(
        &["show", "customer-service-associate", "--color", "auto"],
        &[("CLICOLOR_FORCE", "1")]
    )));
    assert!(!coloured(&piped(&["list"], &[("CLICOLOR_FORCE", "0")])));
    assert!(!coloured(&piped(&["list"], &[("CLICOLOR_FORCE", "")])));
}

#[test]
fn json_and_tsv_are_never_coloured() {
    let force = [("CLICOLOR_FORCE", "1")];
    for args in [
        &["show", "customer-service-associate"][..],
        &["list"],
        &["validate"],
    ] {
        for format in ["json", "tsv"] {
            let mut a = args.to_vec();
            a.extend(["--format", format, "--color", "always"]);
            let out = piped(&a, &force);
            assert!(!out.contains('\x1b'), "escape byte in {a:?}");
        }
    }
}

#[test]
fn a_terminal_gets_colour_in_auto() {
    assert!(coloured(&on_terminal(&["list"], &[])));
    assert!(coloured(&on_terminal(
        &["show", "customer-service-associate"],
        &[]
    )));
    // An empty NO_COLOR counts as unset.
    assert!(coloured(&on_terminal(&["list"], &[("NO_COLOR", "")])));
}

#[test]
fn no_color_turns_auto_off_on_a_terminal() {
    assert!(!coloured(&on_terminal(&["list"], &[("NO_COLOR", "1")])));
    assert!(!coloured(&on_terminal(
        &["show", "customer-service-associate"],
        &[("NO_COLOR", "yes")]
    )));
}

#[test]
fn a_dumb_terminal_gets_no_colour() {
    assert!(!coloured(&on_terminal(&["list"], &[("TERM", "dumb")])));
    assert!(coloured(&on_terminal(
        &["list"],
        &[("TERM", "xterm-256color")]
    )));
}

#[test]
fn color_never_on_a_terminal() {
    assert!(!coloured(&on_terminal(&["list", "--color", "never"], &[])));
}

#[test]
fn json_on_a_terminal_is_not_coloured() {
    let out = on_terminal(&["list", "--format", "json"], &[]);
    assert!(!out.contains('\x1b'));
}
