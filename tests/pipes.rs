//! Closed pipes and full disks, with real pipes and `/dev/full`.
//!
//! A reader that goes away early (`careers ladder | head -1`) is not an
//! error: what was read is right, nothing is said on stderr, the exit code
//! is 0. A write that fails for any other reason is one clear message and
//! exit 4.

mod common;
use common::{careers_std, shell};
use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;

/// Runs `careers args` with stdout piped, reads its first line like
/// `head -1`, closes the pipe, and returns (first line, exit code, stderr).
fn first_line_then_close(args: &[&str]) -> (String, i32, String) {
    let mut child = careers_std()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("careers starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut line = String::new();
    {
        let mut reader = BufReader::new(stdout);
        reader.read_line(&mut line).expect("the first line reads");
        // The reader (and the pipe's read end) is dropped here.
    }
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr is piped")
        .read_to_string(&mut stderr)
        .expect("stderr reads");
    let status = child.wait().expect("careers exits");
    (line, status.code().unwrap_or(-1), stderr)
}

/// Runs `careers args` with the pipe's read end closed before it writes
/// anything, so that its first write fails with EPIPE.
fn closed_before_writing(args: &[&str]) -> (i32, String) {
    let mut child = careers_std()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("careers starts");
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr is piped")
        .read_to_string(&mut stderr)
        .expect("stderr reads");
    let status = child.wait().expect("careers exits");
    (status.code().unwrap_or(-1), stderr)
}

#[test]
fn ladder_head_1() {
    let (code, stdout, stderr) = shell("careers ladder | head -1");
    assert_eq!(stderr, "");
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), 1);
    assert!(!stdout.trim().is_empty());

    let (line, code, stderr) = first_line_then_close(&["ladder"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(!line.trim().is_empty());

    let (code, stderr) = closed_before_writing(&["ladder"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
}

#[test]
fn list_tsv_head_1() {
    let (code, stdout, stderr) = shell("careers list --format tsv | head -1");
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(stdout.starts_with("id\ttitle\tfamily\t"), "{stdout:?}");
    assert_eq!(stdout.lines().count(), 1);

    let (line, code, stderr) = first_line_then_close(&["list", "--format", "tsv"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(line.starts_with("id\ttitle\tfamily\t"));
}

#[test]
fn show_head_3() {
    let (code, stdout, stderr) = shell("careers show customer-service-associate | head -3");
    assert_eq!((code, stderr.as_str()), (0, ""));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0],
        "Customer Service Associate  customer-service-associate"
    );
    assert!(lines[1].starts_with("Family: Customer Service"));

    // The profile is larger than a pipe's buffer, so careers is still
    // writing when the reader goes away.
    let (line, code, stderr) = first_line_then_close(&["show", "customer-service-associate"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(
        line.trim_end(),
        "Customer Service Associate  customer-service-associate"
    );
}

#[test]
fn every_format_and_command_survives_a_closed_pipe() {
    for args in [
        &["show", "customer-service-associate"][..],
        &["show", "customer-service-associate", "--format", "json"],
        &["show", "customer-service-associate", "--format", "tsv"],
        &["show", "customer-service-associate", "--color", "always"],
        &["list"],
        &["list", "--format", "json"],
        &["validate"],
        &["completions", "bash"],
        &["completions", "zsh"],
        &["completions", "fish"],
        &["man"],
        &["--help"],
        &["show", "--help"],
        &["--version"],
    ] {
        let (code, stderr) = closed_before_writing(args);
        assert_eq!((code, stderr.as_str()), (0, ""), "careers {args:?}");
    }
}

/// Runs `careers args` with stdout on `/dev/full`.
fn to_dev_full(args: &[&str]) -> (i32, String) {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full opens");
    let out = careers_std()
        .args(args)
        .stdout(full)
        .output()
        .expect("careers runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_full_disk_is_one_clear_error_and_exit_4() {
    for args in [
        &["show", "customer-service-associate"][..],
        &["show", "customer-service-associate", "--format", "json"],
        &["list", "--format", "tsv"],
        &["validate"],
        &["completions", "bash"],
        &["man"],
        &["--help"],
        &["--version"],
    ] {
        let (code, stderr) = to_dev_full(args);
        assert_eq!(code, 4, "careers {args:?}: {stderr}");
        assert_eq!(
            stderr, "careers: writing output: No space left on device (os error 28)\n",
            "careers {args:?}"
        );
    }
}
