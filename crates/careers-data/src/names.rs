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
}
