//! Property tests of the loader: whatever text a role file holds, loading
//! it never panics, and it either loads or is refused with diagnostics
//! that point at a real line of that file. The longer-running search is
//! the cargo-fuzz target in fuzz/.

use careers::catalog::Catalog;
use careers::validate::{check_set, Base, Diagnostic, FileText};
use proptest::prelude::*;
use std::sync::OnceLock;

/// A valid role file to mutate: tables, arrays of tables, inline tables,
/// numbers, references to roles and sources.
const VALID: &str = include_str!("../data/roles/customer-service-supervisor.toml");
const VALID_FILE: &str = "user/customer-service-supervisor.toml";

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| Catalog::bundled().expect("bundled catalog").base())
}

/// Loads `text` as the role file `file` and checks what comes back.
fn check_loads_or_locates(file: &str, text: &str) -> Result<(), TestCaseError> {
    let roles = [FileText {
        file: file.to_string(),
        text: text.to_string(),
    }];
    let problems: Vec<Diagnostic> = match check_set(&[], &roles, base()) {
        Ok((_, loaded)) => {
            prop_assert_eq!(loaded.len(), 1);
            return Ok(());
        }
        Err(problems) => problems,
    };
    prop_assert!(!problems.is_empty(), "refused without a reason");
    let lines = text.matches('\n').count() + 1;
    for p in &problems {
        prop_assert_eq!(&p.file, file);
        prop_assert!(p.line >= 1 && p.column >= 1, "no location: {}", p);
        prop_assert!(
            p.line <= lines,
            "line {} past the end ({lines}): {}",
            p.line,
            p
        );
        let shown = p.to_string();
        let prefix = format!("{file}:{}:{}: ", p.line, p.column);
        prop_assert!(shown.starts_with(&prefix), "{}", shown);
        prop_assert!(!shown.contains('\n'), "one line: {:?}", shown);
    }
    Ok(())
}

/// Pieces TOML is made of, plus a few that trouble parsers.
fn token() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "[",
        "]",
        "[[",
        "]]",
        "{",
        "}",
        "=",
        ",",
        ".",
        "\"",
        "'",
        "\"\"\"",
        "'''",
        "\n",
        "\r\n",
        "\r",
        "#",
        " ",
        "\t",
        "\\",
        "\\u",
        "\\U0001F600",
        "\u{feff}",
        "\u{0}",
        "\u{1b}[31m",
        "id",
        "title",
        "family",
        "name",
        "source",
        "salary",
        "range",
        "min",
        "max",
        "median",
        "currency",
        "period",
        "ladder",
        "tiers",
        "moves",
        "role",
        "kind",
        "min_years",
        "max_years",
        "aliases",
        "\"x\"",
        "\"csa-essay\"",
        "\"customer-service-clerk\"",
        "\"USD\"",
        "\"year\"",
        "1",
        "-1",
        "0.5",
        "-0.0",
        "1e308",
        "1e999",
        "nan",
        "inf",
        "-inf",
        "true",
        "1979-05-27T07:32:00Z",
        "0x1F",
        "99999999999999999999",
        "id = \"user-role\"\n",
        "[[salary]]\n",
        "[family]\n",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        4 => fixed,
        1 => any::<char>().prop_map(String::from),
    ]
}

/// One edit to a text, by character position (so the text stays UTF-8).
#[derive(Debug, Clone)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Replace { at: usize, len: usize, text: String },
    DuplicateLine { line: usize },
    SwapLines { a: usize, b: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0usize..8000;
    prop_oneof![
        (at.clone(), 1usize..40).prop_map(|(at, len)| Edit::Delete { at, len }),
        (at.clone(), token()).prop_map(|(at, text)| Edit::Insert { at, text }),
        (at, 1usize..10, token()).prop_map(|(at, len, text)| Edit::Replace { at, len, text }),
        (0usize..300).prop_map(|line| Edit::DuplicateLine { line }),
        (0usize..300, 0usize..300).prop_map(|(a, b)| Edit::SwapLines { a, b }),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let splice = |at: usize, len: usize, insert: &str| -> String {
        let at = at % (n + 1);
        let end = (at + len).min(n);
        let mut out: String = chars[..at].iter().collect();
        out.push_str(insert);
        out.extend(&chars[end..]);
        out
    };
    match edit {
        Edit::Delete { at, len } => splice(*at, *len, ""),
        Edit::Insert { at, text } => splice(*at, 0, text),
        Edit::Replace { at, len, text } => splice(*at, *len, text),
        Edit::DuplicateLine { line } => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            let i = line % lines.len();
            lines.insert(i, lines[i]);
            lines.join("\n")
        }
        Edit::SwapLines { a, b } => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            let len = lines.len();
            lines.swap(a % len, b % len);
            lines.join("\n")
        }
    }
}

#[test]
fn the_unmutated_file_loads() {
    check_set(
        &[],
        &[FileText {
            file: VALID_FILE.into(),
            text: VALID.into(),
        }],
        base(),
    )
    .expect("the base of the mutations is valid");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn toml_ish_text_loads_or_is_located(tokens in prop::collection::vec(token(), 0..80)) {
        check_loads_or_locates("user/user-role.toml", &tokens.concat())?;
    }

    #[test]
    fn any_text_loads_or_is_located(text in ".{0,400}") {
        check_loads_or_locates("user/user-role.toml", &text)?;
    }

    #[test]
    fn mutated_roles_load_or_are_located(edits in prop::collection::vec(edit(), 1..6)) {
        let text = edits.iter().fold(VALID.to_string(), |t, e| apply(&t, e));
        check_loads_or_locates(VALID_FILE, &text)?;
    }
}
