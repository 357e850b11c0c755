//! From arbitrary TOML text to a validated role: the loader must never
//! panic, and every problem it reports must point into the file.
#![no_main]

use careers::catalog::Catalog;
use careers::validate::{check_set, parse_role, parse_sources, Base, FileText};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// The bundled catalog's ids and names, as a user file is checked against.
fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| Catalog::bundled().map(|c| c.base()).unwrap_or_default())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The file name the role file has; the id must match it.
    let file = "fuzz/fuzz-role.toml";
    if let Err(problems) = parse_role(file, "fuzz-role", text) {
        assert!(!problems.is_empty(), "refused without a reason");
    }
    let _ = parse_sources("fuzz/sources.toml", text);
    let roles = [FileText {
        file: file.to_string(),
        text: text.to_string(),
    }];
    if let Err(problems) = check_set(&[], &roles, base()) {
        assert!(!problems.is_empty(), "refused without a reason");
        for p in &problems {
            // A file that parsed is located by line; only whole-file
            // problems (none come from text) have line 0.
            assert!(p.line >= 1 && p.column >= 1, "no location: {p}");
            let _ = p.to_string();
        }
    }
});
