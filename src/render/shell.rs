//! Role ids and titles quoted for the completion scripts of bash, zsh and
//! fish. The ids and titles come from data files other people write, and
//! a completion script is code the shell runs at every TAB, so each is
//! quoted for every layer of shell syntax it passes through, whatever the
//! data format allows (see docs/data-format.md, "Names").
//!
//! Text made only of [`is_plain`] characters (every bundled id) comes out
//! as it went in.

use std::borrow::Cow;

/// A character no shell treats specially anywhere in a word.
fn is_plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

fn is_plain_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_plain)
}

/// Characters a terminal acts on or hides, shown as `\u{..}`; line breaks
/// and tabs become spaces. A description is one line of plain text.
fn visible(s: &str) -> Cow<'_, str> {
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
    };
    if !s.chars().any(hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if hidden(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `s` in POSIX single quotes (`'` as `'\''`).
fn single_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// A word for bash's completion list, as clap_complete writes the role ids
/// into it: inside `opts="..."`, whose words `compgen -W` expands once
/// more (parameters, commands, globs) when completing. Single-quoted for
/// `compgen`, then escaped for the double quotes.
pub fn bash_word(s: &str) -> Cow<'_, str> {
    if is_plain_word(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::new();
    for c in single_quoted(s).chars() {
        if matches!(c, '\\' | '"' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// One `value:description` item of a zsh array that a completion
/// function hands to `_describe`, single-quoted: inside single quotes only
/// `'` needs escaping (as `'\''`); `_describe` splits the item at its first
/// unescaped `:` and takes one level of backslashes off both parts (tried
/// with zsh 5.9), so backslashes are doubled and a `:` in the value
/// escaped. Nothing in the item is expanded.
pub fn zsh_describe_item(value: &str, description: &str) -> String {
    let part = |s: &str, colon: bool| {
        let mut out = String::with_capacity(s.len());
        for c in visible(s).chars() {
            match c {
                '\\' => out.push_str(r"\\"),
                ':' if colon => out.push_str(r"\:"),
                c => out.push(c),
            }
        }
        out
    };
    single_quoted(&format!(
        "{}:{}",
        part(value, true),
        part(description, false)
    ))
}

/// Text in fish single quotes, as an argument fish passes on as written:
/// a `complete -d` description, or a `printf` argument in the function
/// that lists candidates (whose output fish does not expand again).
pub fn fish_description(s: &str) -> String {
    fish_quoted(&visible(s))
}

/// `s` in fish single quotes, where only `\\` and `\'` are escapes.
fn fish_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\\', r"\\").replace('\'', r"\'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVIL: &str = r#"Night Lead " *(e{/tmp/x}) ""#;

    #[test]
    fn plain_text_is_unchanged() {
        assert_eq!(
            bash_word("customer-service-associate"),
            "customer-service-associate"
        );
        assert_eq!(
            zsh_describe_item("customer-service-associate", "Customer Service Associate"),
            "'customer-service-associate:Customer Service Associate'"
        );
        assert_eq!(fish_description("Night Lead"), "'Night Lead'");
    }

    #[test]
    fn zsh_items_are_single_quoted_with_colons_and_backslashes_escaped() {
        assert_eq!(
            zsh_describe_item("night-lead", EVIL),
            r#"'night-lead:Night Lead " *(e{/tmp/x}) "'"#
        );
        assert_eq!(
            zsh_describe_item("x:y", r"a\b 'q' : z"),
            r#"'x\:y:a\\b '\''q'\'' : z'"#
        );
        assert_eq!(
            zsh_describe_item("a", "one\ntwo\u{1b}"),
            r"'a:one two\\u{1b}'"
        );
    }

    #[test]
    fn bash_words_survive_the_assignment_and_compgen() {
        assert_eq!(bash_word("$(touch x)"), r"'\$(touch x)'");
        assert_eq!(bash_word("a\"b"), r#"'a\"b'"#);
        assert_eq!(bash_word("it's"), r"'it'\\''s'");
        assert_eq!(bash_word("a`b`"), r"'a\`b\`'");
    }

    #[test]
    fn fish_text_stays_in_its_quotes() {
        assert_eq!(fish_description(EVIL), r#"'Night Lead " *(e{/tmp/x}) "'"#);
        assert_eq!(fish_description("it's \\"), r"'it\'s \\'");
        assert_eq!(fish_description("a\u{202e}b"), r"'a\\u{202e}b'");
    }

    // ---- The real shells, when installed -------------------------------

    use std::path::Path;
    use std::process::Command;

    /// Whether `shell` runs; if not, a note says the test is skipped.
    fn have(shell: &str) -> bool {
        let ok = Command::new(shell)
            .args(["-c", "exit 0"])
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("note: `{shell}` is not installed; its completion test is skipped");
        }
        ok
    }

    /// Values and descriptions that would run commands, split words or
    /// spoil the list if any layer were quoted wrongly; each value starts
    /// with its own letters, so that a test can complete it alone, and has
    /// its own description (zsh lists values sharing one on one line).
    /// `{}` is where a canary file goes.
    fn hostile() -> Vec<(String, String)> {
        [
            ("plain-id", "Plain title"),
            ("night-lead", r#"Night Lead " *(e{touch {}/z1}) ""#),
            ("qa:colon", r#"$(touch {}/z2) `touch {}/z3` \ 'q' : z"#),
            (r"qb\back", "b"),
            ("qc it's", "c"),
            ("qd$(touch {}/z4)", "d"),
            ("qe`touch {}/z5`*", "e"),
            (r#"qf"dq" ~ {a,b}"#, "f"),
        ]
        .iter()
        .map(|(v, d)| (v.to_string(), d.to_string()))
        .collect()
    }

    fn with_canary(items: &[(String, String)], dir: &Path) -> Vec<(String, String)> {
        let d = dir.display().to_string();
        items
            .iter()
            .map(|(v, t)| (v.replace("{}", &d), t.replace("{}", &d)))
            .collect()
    }

    fn no_canary(dir: &Path) {
        let made: Vec<String> = std::fs::read_dir(dir)
            .expect("temp dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('z'))
            .collect();
        assert!(made.is_empty(), "completion ran a command: {made:?}");
    }

    /// The zsh completion harness (see the file).
    const ZSH_HARNESS: &str = include_str!("../../tests/fixtures/zsh-complete.zsh");

    /// Runs [`ZSH_HARNESS`] on `script`, completing the values that start
    /// with each of `prefixes`; (the arguments `careers` received, the
    /// screen).
    pub(crate) fn zsh_complete(
        dir: &Path,
        script: &str,
        listed: usize,
        prefixes: &[&str],
    ) -> (Vec<String>, String) {
        let script_path = dir.join("_careers");
        std::fs::write(&script_path, script).expect("write script");
        let harness = dir.join("harness.zsh");
        std::fs::write(&harness, ZSH_HARNESS).expect("write harness");
        let out = dir.join("args.txt");
        let run = Command::new("zsh")
            .arg("-f")
            .arg(&harness)
            .arg(&script_path)
            .arg(&out)
            .arg("")
            .arg(listed.to_string())
            .args(prefixes)
            .output()
            .expect("zsh runs");
        let args = std::fs::read_to_string(&out).unwrap_or_default();
        (
            args.lines().map(str::to_string).collect(),
            String::from_utf8_lossy(&run.stdout).into_owned(),
        )
    }

    #[test]
    fn zsh_runs_nothing_and_completes_every_value_as_written() {
        if !have("zsh") {
            return;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let items = with_canary(&hostile(), dir.path());
        // The shape of the script `careers completions zsh` writes: a
        // function listing the values, called by the argument's spec.
        let list: Vec<String> = items.iter().map(|(v, d)| zsh_describe_item(v, d)).collect();
        let script = format!(
            "_careers_roles() {{\nlocal -a items\nitems=(\n{}\n)\n_describe -t roles 'roles' items \"$@\"\n}}\n\
             _careers() {{\n_arguments ':role -- The role:_careers_roles'\n}}\ncompdef _careers careers\n",
            list.join("\n")
        );
        let prefixes = ["qa", "qb", "qc", "qd", "qe", "qf"];
        let (got, screen) = zsh_complete(dir.path(), &script, items.len(), &prefixes);
        no_canary(dir.path());
        let want: Vec<&str> = items[2..].iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(got, want, "{screen}");
        // Descriptions are shown as written.
        for (_, d) in &items[..3] {
            assert!(screen.contains(d.as_str()), "{d:?} not listed:\n{screen}");
        }
    }

    #[test]
    fn bash_offers_every_value_as_written_and_runs_nothing() {
        if !have("bash") {
            return;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let items = with_canary(&hostile(), dir.path());
        let words: Vec<String> = items
            .iter()
            .map(|(v, _)| bash_word(v).into_owned())
            .collect();
        // As `careers completions bash` writes it: the list in a variable
        // that clap_complete's `opts` reads.
        let script = format!(
            "__careers_roles=\"{}\"\nopts=\"-h --help ${{__careers_roles}}\"\n\
             compgen -W \"${{opts}}\" -- \"$1\"\n",
            words.join(" ")
        );
        let run = Command::new("bash")
            .args(["-c", &script, "bash", ""])
            .output()
            .expect("bash runs");
        no_canary(dir.path());
        let offered = String::from_utf8_lossy(&run.stdout);
        let mut want = vec!["-h", "--help"];
        want.extend(items.iter().map(|(v, _)| v.as_str()));
        assert_eq!(offered.lines().collect::<Vec<_>>(), want);
    }

    #[test]
    fn fish_offers_every_value_as_written_and_runs_nothing() {
        if !have("fish") {
            return;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let items = with_canary(&hostile(), dir.path());
        // As `careers completions fish` writes it: a function printing
        // `value<TAB>description` lines, which `complete -a` calls.
        let mut script = String::from("function __careers_roles\n");
        for (v, d) in &items {
            script.push_str(&format!(
                "printf '%s\\t%s\\n' {} {}\n",
                fish_description(v),
                fish_description(d)
            ));
        }
        script.push_str(
            "end\ncomplete -c careers -f -a '(__careers_roles)'\ncomplete -C 'careers '\n",
        );
        let run = Command::new("fish")
            .args(["--no-config", "-c", &script])
            .output()
            .expect("fish runs");
        no_canary(dir.path());
        let mut offered: Vec<String> = String::from_utf8_lossy(&run.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        let mut want: Vec<String> = items.iter().map(|(v, d)| format!("{v}\t{d}")).collect();
        offered.sort();
        want.sort();
        assert_eq!(offered, want);
    }
}
