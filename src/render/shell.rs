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

/// One `value:description` item of the `((...))` action clap_complete's
/// zsh script gives a role argument, as it stands in the script: inside a
/// single-quoted `_arguments` spec, whose action `_arguments` runs through
/// `eval` and hands to `_describe`.
///
/// clap_complete escapes the description for that `eval` except for `"`,
/// so a title holding `" *(e{cmd}) "` ran `cmd` on TAB (issue 12); these
/// items are written here instead. Within the spec an unescaped `:` would
/// end the action, and `_describe` splits an item at its first unescaped
/// `:`; both take `\:`.
pub fn zsh_item(value: &str, description: &str) -> String {
    // `_describe` reads the item with one level of backslashes (tried with
    // zsh 5.9: `\\:` gives a `:` in the value, `\\` a `\`).
    let value = if is_plain_word(value) {
        value.to_string()
    } else {
        single_quoted(&value.replace('\\', r"\\").replace(':', r"\\:"))
    };
    // `_describe` takes one more backslash off, in the description too.
    let mut described = String::from("\"");
    for c in visible(description).chars() {
        match c {
            '\\' => described.push_str(r"\\\\"),
            '"' | '$' | '`' => {
                described.push('\\');
                described.push(c);
            }
            ':' => described.push_str(r"\:"),
            c => described.push(c),
        }
    }
    described.push('"');
    // The eval's text, then the spec's single quotes around it.
    format!(r"{value}\:{described}").replace('\'', r"'\''")
}

/// A fish `complete -a` candidate, inside single quotes: fish expands the
/// text of `-a` again (variables, command substitutions, globs) when it
/// completes, so special characters are backslash-escaped for that first.
pub fn fish_candidate(s: &str) -> String {
    let mut escaped = String::with_capacity(s.len());
    for c in visible(s).chars() {
        if !is_plain(c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    fish_quoted(&escaped)
}

/// A fish `complete -d` description, inside single quotes.
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
            zsh_item("customer-service-associate", "Customer Service Associate"),
            r#"customer-service-associate\:"Customer Service Associate""#
        );
        assert_eq!(fish_candidate("night-lead"), "'night-lead'");
        assert_eq!(fish_description("Night Lead"), "'Night Lead'");
    }

    #[test]
    fn zsh_descriptions_cannot_close_their_quotes() {
        assert_eq!(
            zsh_item("night-lead", EVIL),
            r#"night-lead\:"Night Lead \" *(e{/tmp/x}) \"""#
        );
        assert_eq!(
            zsh_item("a", r"$(x) `y` \ : 'q'"),
            r#"a\:"\$(x) \`y\` \\\\ \: '\''q'\''""#
        );
        assert_eq!(zsh_item("a", "one\ntwo\u{1b}"), r#"a\:"one two\\\\u{1b}""#);
    }

    #[test]
    fn odd_zsh_values_are_quoted() {
        assert_eq!(zsh_item("a b", "d"), r#"'\''a b'\''\:"d""#);
        assert_eq!(zsh_item("x:y", "d"), r#"'\''x\\:y'\''\:"d""#);
        assert_eq!(zsh_item("it's", "d"), r#"'\''it'\''\'\'''\''s'\''\:"d""#);
    }

    #[test]
    fn bash_words_survive_the_assignment_and_compgen() {
        assert_eq!(bash_word("$(touch x)"), r"'\$(touch x)'");
        assert_eq!(bash_word("a\"b"), r#"'a\"b'"#);
        assert_eq!(bash_word("it's"), r"'it'\\''s'");
        assert_eq!(bash_word("a`b`"), r"'a\`b\`'");
    }

    #[test]
    fn fish_candidates_are_not_expanded() {
        assert_eq!(fish_candidate("(touch x)"), r"'\\(touch\\ x\\)'");
        assert_eq!(fish_candidate("$HOME"), r"'\\$HOME'");
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
        // The shape of clap_complete's script around the list.
        let list: Vec<String> = items.iter().map(|(v, d)| zsh_item(v, d)).collect();
        let script = format!(
            "_careers() {{\n_arguments ':role -- The role:(({}))'\n}}\ncompdef _careers careers\n",
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
        // As clap_complete's script has it.
        let script = format!(
            "opts=\"-h --help {}\"\ncompgen -W \"${{opts}}\" -- \"$1\"\n",
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
        let mut script = String::new();
        for (v, d) in &items {
            script.push_str(&format!(
                "complete -c careers -f -a {} -d {}\n",
                fish_candidate(v),
                fish_description(d)
            ));
        }
        script.push_str("complete -C 'careers '\n");
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
