//! Names as careers compares them, and the shapes of ids and codes: used
//! by validation, by name resolution and search in the program, and by
//! the build's indexes of the official tables.

/// True for lowercase kebab-case: `a-z0-9` words joined by single hyphens.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The form names are compared in: lowercase letters and digits, words
/// separated by one space. "Customer-Service_ASSOCIATE" and
/// "customer service associate" are the same name.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// `NN-NNNN`.
pub fn is_soc_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 7
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

/// The id an official occupation has in the catalog: its title in
/// kebab-case (`Registered Nurses` is `registered-nurses`).
pub fn occupation_id(title: &str) -> String {
    normalize_name(title).replace(' ', "-")
}

/// Why `c` may not stand in an id, title or alias, or `None` when it may.
///
/// The rule (docs/data-format.md, "Names"): no control characters, no
/// line or paragraph separators, and no invisible formatting characters
/// (Unicode's general category Cf: bidi controls, zero-width spaces and
/// joiners, the soft hyphen, the byte-order mark, tag characters...).
/// Names are shown in lists and tables, offered by shell completion and
/// matched against what people type; a character that is invisible, or
/// that reorders the text around it, makes a name look like another or
/// like nothing. Quotes and other shell metacharacters are allowed: real
/// titles hold them (`Children's Services`, `Sales & Support`), and every
/// output that is code quotes names for its own syntax.
pub fn forbidden_in_name(c: char) -> Option<&'static str> {
    // Printable ASCII first: most names are nothing else.
    if c == ' ' || c.is_ascii_graphic() {
        return None;
    }
    match c {
        c if c.is_control() => Some("a control character"),
        '\u{2028}' | '\u{2029}' => Some("a line or paragraph separator"),
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            Some("a bidi control")
        }
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => Some("a zero-width character"),
        c if is_format(c) => Some("an invisible formatting character"),
        _ => None,
    }
}

/// Unicode's general category Cf (format characters), as of Unicode 15.1.
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
        | '\u{890}'..='\u{891}' | '\u{8e2}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}'
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{110bd}' | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}' | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}' | '\u{e0020}'..='\u{e007f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_ids() {
        for good in ["a", "customer-service-associate", "tier-2", "3d"] {
            assert!(is_kebab_id(good), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é", "a.b"] {
            assert!(!is_kebab_id(bad), "{bad}");
        }
    }

    #[test]
    fn names_compare_by_words_in_lowercase() {
        assert_eq!(
            normalize_name("Customer-Service_ASSOCIATE"),
            "customer service associate"
        );
        assert_eq!(normalize_name("  Night   Lead!  "), "night lead");
        assert_eq!(normalize_name("Ärztin (Ö)"), "ärztin ö");
        assert_eq!(normalize_name("--"), "");
        // One character can lowercase to several.
        assert_eq!(normalize_name("İ"), "i\u{307}");
    }

    #[test]
    fn soc_codes() {
        assert!(is_soc_code("43-4051"));
        for bad in [
            "434051", "43-405", "43-40511", "4a-4051", "43_4051", "43-405١",
        ] {
            assert!(!is_soc_code(bad), "{bad}");
        }
    }

    #[test]
    fn occupation_ids_are_kebab_titles() {
        assert_eq!(occupation_id("Registered Nurses"), "registered-nurses");
        assert_eq!(
            occupation_id("Farmworkers and Laborers, Crop, Nursery, and Greenhouse"),
            "farmworkers-and-laborers-crop-nursery-and-greenhouse"
        );
    }

    #[test]
    fn names_may_not_hide_or_reorder_text() {
        for (c, why) in [
            ('\u{1b}', "a control character"),
            ('\t', "a control character"),
            ('\u{85}', "a control character"),
            ('\u{2028}', "a line or paragraph separator"),
            ('\u{202e}', "a bidi control"),
            ('\u{2067}', "a bidi control"),
            ('\u{200f}', "a bidi control"),
            ('\u{200b}', "a zero-width character"),
            ('\u{feff}', "a zero-width character"),
            ('\u{ad}', "an invisible formatting character"),
            ('\u{e0041}', "an invisible formatting character"),
        ] {
            assert_eq!(forbidden_in_name(c), Some(why), "U+{:04X}", c as u32);
        }
        for c in "Children's \"Night\" Lead & Co (2) $x `y` *ü ß 客服 😀 \u{a0}".chars() {
            assert_eq!(forbidden_in_name(c), None, "U+{:04X}", c as u32);
        }
    }
}
