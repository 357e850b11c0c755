//! Shared helpers for integration tests: the real binary in a clean,
//! machine-independent environment.
#![allow(dead_code)]

use assert_cmd::Command;

/// `careers` with colour, width and locale variables cleared, so output is
/// the same on every machine.
pub fn careers() -> Command {
    let mut cmd = Command::cargo_bin("careers").expect("the careers binary is built by cargo test");
    for var in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "CLICOLOR",
        "RUST_BACKTRACE",
        "COLUMNS",
        "LINES",
        "LANG",
        "LC_ALL",
        "LC_CTYPE",
        "TERM",
        "CAREERS_DATA_DIR",
        "XDG_CACHE_HOME",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("COLUMNS", "100");
    cmd
}

/// Runs `careers` with `args`, returning (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = careers().args(args).output().expect("careers runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
