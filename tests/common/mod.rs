//! Shared helpers for integration tests: the real binary in a clean,
//! machine-independent environment.
#![allow(dead_code)]

pub mod doc_examples;

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

/// What is wrong with the layout of text output at `width` columns: every
/// line longer than the width, and every table column narrower than a
/// word in it (a word cut across lines). Empty when the layout is sound.
/// Colour codes take no columns. Tables are comfy-table's, in Unicode
/// (`┌┬┐ │┆ ╞╪╡ └┴┘`) or ASCII (`+-+ | +=+`), indented or not.
///
/// Text alone cannot tell a word cut at a column's edge from one that
/// ends exactly there, so a cut is counted when all of these hold: a
/// cell's line fills its column to the last character, with a letter or
/// digit; the next line of that column (in the same part of the table)
/// goes on with a lowercase letter or a digit; the two pieces together
/// are wider than the column (a word is only cut when it is); and the
/// piece before the edge is not a word the output holds whole anywhere
/// else (`Transportation` above `and`), nor a title's last word above a
/// kebab-case id (`Mechanics` above `automotive-service-...`).
pub fn layout_problems(text: &str, width: usize) -> Vec<String> {
    let lines: Vec<Vec<char>> = text.lines().map(columns_of).collect();
    let mut problems = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.len() > width {
            problems.push(format!(
                "line {} is {} columns wide, over {width}: {}",
                i + 1,
                l.len(),
                l.iter().filter(|c| **c != WIDE_TAIL).collect::<String>()
            ));
        }
    }
    let mut words = std::collections::HashSet::new();
    let mut cuts = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match table_columns(&lines[i]) {
            Some(bounds) => i = check_table(&lines, i, &bounds, &mut words, &mut cuts),
            None => {
                let line: String = lines[i].iter().collect();
                words.extend(line.split_whitespace().map(str::to_string));
                i += 1;
            }
        }
    }
    problems.extend(
        cuts.into_iter()
            .filter(|c: &Cut| !words.contains(&c.head))
            .map(|c| c.message),
    );
    problems
}

/// A word that looks cut at a column's edge: the piece before the edge.
struct Cut {
    head: String,
    message: String,
}
/// Fails with every problem [`layout_problems`] finds.
pub fn assert_fits(text: &str, width: usize, what: &str) {
    let problems = layout_problems(text, width);
    assert!(
        problems.is_empty(),
        "{what} at {width} columns:\n{}\n\n{text}",
        problems.join("\n")
    );
}

/// Marks the second column of a wide character.
const WIDE_TAIL: char = '\u{0}';

/// A line as one char per display column, colour codes removed.
fn columns_of(line: &str) -> Vec<char> {
    use unicode_width::UnicodeWidthChar;
    let mut out = Vec::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters, then a final byte in @..~.
            if chars.next() == Some('[') {
                for f in chars.by_ref() {
                    if ('@'..='~').contains(&f) {
                        break;
                    }
                }
            }
            continue;
        }
        match c.width().unwrap_or(0) {
            0 => {}
            1 => out.push(c),
            _ => out.extend([c, WIDE_TAIL]),
        }
    }
    out
}

/// The column positions of a table's vertical lines, from its top
/// border (`┌──┬──┐` or `+--+--+`, maybe indented); `None` for other lines.
fn table_columns(line: &[char]) -> Option<Vec<usize>> {
    let start = line.iter().position(|c| *c != ' ')?;
    let body = &line[start..];
    let ascii = body.first() == Some(&'+') && body.get(1) == Some(&'-');
    if !(body.first() == Some(&'┌') || ascii) {
        return None;
    }
    let corner = |c: char| {
        if ascii {
            c == '+'
        } else {
            "┌┬┐".contains(c)
        }
    };
    let bounds: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, c)| corner(**c))
        .map(|(i, _)| start + i)
        .collect();
    (bounds.len() >= 2).then_some(bounds)
}

/// Checks the table whose top border is line `top`: adds the words held
/// whole in its cells to `words` and the words that look cut to `cuts`;
/// returns the line after its bottom border.
fn check_table(
    lines: &[Vec<char>],
    top: usize,
    bounds: &[usize],
    words: &mut std::collections::HashSet<String>,
    cuts: &mut Vec<Cut>,
) -> usize {
    let mut header: Vec<String> = Vec::new();
    // The cell text of the previous content line, per column, in this
    // part of the table (header or body).
    let mut previous: Vec<Option<String>> = vec![None; bounds.len() - 1];
    let mut i = top + 1;
    while i < lines.len() {
        let line = &lines[i];
        let at = |p: usize| line.get(p).copied().unwrap_or(' ');
        let edge = at(bounds[0]);
        if edge == '└' || (edge == '+' && at(bounds[0] + 1) == '-') {
            return i + 1;
        }
        if edge == '╞' || edge == '+' {
            // The line under the header: the body starts.
            previous.iter_mut().for_each(|p| *p = None);
            i += 1;
            continue;
        }
        if !"│|".contains(edge) {
            // Not a table line after all: stop here.
            return i;
        }
        for (c, w) in bounds.windows(2).enumerate() {
            // Between the vertical lines, one column of padding each side.
            let cell: String = (w[0] + 2..w[1].saturating_sub(1))
                .map(at)
                .filter(|c| *c != WIDE_TAIL)
                .collect();
            let content_width = w[1].saturating_sub(w[0] + 3);
            if header.len() <= c {
                header.push(cell.trim().to_string());
            }
            // Every word of the cell but one that touches its edge.
            let full = cell.trim_end().chars().count() == content_width;
            let mut tokens: Vec<&str> = cell.split_whitespace().collect();
            if full {
                tokens.pop();
            }
            words.extend(tokens.into_iter().map(str::to_string));
            if let Some(before) = &previous[c] {
                if let Some((head, tail)) = cut_word(before, &cell, content_width) {
                    cuts.push(Cut {
                        message: format!(
                            "line {}: column {} (`{}`) is {content_width} wide, narrower than \
                             the word it cuts: `{head}|{tail}`",
                            i + 1,
                            c + 1,
                            header[c]
                        ),
                        head,
                    });
                }
            }
            previous[c] = Some(cell);
        }
        i += 1;
    }
    i
}

/// The pieces of a word a column of `width` looks to have cut between two
/// lines of a cell, or `None` (see [`layout_problems`]).
fn cut_word(before: &str, after: &str, width: usize) -> Option<(String, String)> {
    let before = before.trim_end();
    if before.chars().count() != width || width == 0 {
        return None;
    }
    let last = before.chars().last()?;
    let next = after.chars().next()?;
    let continues = next.is_ascii_digit() || next.is_lowercase();
    if !last.is_alphanumeric() || !continues {
        return None;
    }
    let head = before.rsplit(' ').next().unwrap_or(before);
    let tail = after.split(' ').next().unwrap_or(after);
    // A title's last word, then the role id under it (`Mechanics` /
    // `automotive-service-...`), as list and compare draw them.
    let title_then_id = head.starts_with(char::is_uppercase) && tail.contains('-');
    (head.chars().count() + tail.chars().count() > width && !title_then_id)
        .then(|| (head.to_string(), tail.to_string()))
}

/// The directory of a test fixture, `tests/fixtures/NAME`.
pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}
