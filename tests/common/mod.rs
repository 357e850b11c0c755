//! Shared helpers for integration tests: the real binary in a clean,
//! machine-independent environment.
#![allow(dead_code)]

use assert_cmd::Command;
use std::io::Write as _;

/// `careers` with colour, width and locale variables cleared, so output is
/// the same on every machine.
pub fn careers() -> Command {
    Command::from_std(careers_std())
}

/// The variables that change careers's output, removed for every test.
pub const CLEARED_VARS: &[&str] = &[
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
];

/// [`careers`] as a `std::process::Command`, for tests that need to spawn
/// the process and hold its pipes.
pub fn careers_std() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_careers"));
    for var in CLEARED_VARS {
        cmd.env_remove(var);
    }
    cmd.env("COLUMNS", "100");
    // Keep the --data-dir cache out of the user's home directory.
    cmd.env(
        "XDG_CACHE_HOME",
        std::env::temp_dir().join(format!("careers-tests-{}", std::process::id())),
    );
    cmd
}

/// The directory of the careers binary, PATH first, so that shell lines
/// in tests (`careers list | head -1`) run the binary under test.
pub fn path_with_careers() -> String {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_careers"));
    let dir = bin
        .parent()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    format!("{dir}:{}", std::env::var("PATH").unwrap_or_default())
}

/// Runs a bash command line (with `pipefail`) in the clean environment,
/// returning (exit code, stdout, stderr).
pub fn shell(line: &str) -> (i32, String, String) {
    let mut cmd = std::process::Command::new("bash");
    cmd.args(["-c", &format!("set -o pipefail; {line}")]);
    for var in CLEARED_VARS {
        cmd.env_remove(var);
    }
    let out = cmd
        .env("COLUMNS", "100")
        .env("PATH", path_with_careers())
        .output()
        .expect("bash runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
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

/// `dot -Tsvg` accepts `text`. Without Graphviz the check is skipped with
/// a notice, unless CI is set: then it fails.
pub fn assert_dot_renders(text: &str) {
    let child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI is set but Graphviz `dot` cannot run: {e}"
            );
            eprintln!("notice: skipping the Graphviz check, `dot` is not installed ({e})");
            return;
        }
    };
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(text.as_bytes())
        .expect("dot reads its input");
    let out = child.wait_with_output().expect("dot finishes");
    assert!(
        out.status.success(),
        "dot rejected the graph: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
}
