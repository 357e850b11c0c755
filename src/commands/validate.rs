//! `careers validate [DIR...]`: check data and report every problem.
//!
//! The directories checked are the ones any other command would load with
//! the same flags and environment (`--data-dir`, then `CAREERS_DATA_DIR`),
//! followed by the `DIR`s given to `validate`, each once: so a CI job that
//! runs `careers --data-dir roles validate` checks `roles`. With none of
//! them, the bundled catalog is checked.

use crate::catalog::{bundled_files, read_dir_files, Catalog, Problems};
use crate::error::{Error, Result};
use crate::validate::{check_set, Base, FileText};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Serialize)]
pub struct ValidateView {
    /// What was checked: "bundled" or the directories.
    pub checked: Vec<String>,
    pub roles: usize,
    pub sources: usize,
}

/// Checks the bundled TOML (no directories) or the given directories on
/// top of the bundled catalog. Problems come back as `Error::InvalidData`,
/// or `Error::Unreadable` when a file or directory could not be read.
pub fn run(dirs: &[PathBuf]) -> Result<ValidateView> {
    if dirs.is_empty() {
        let files = bundled_files();
        let to_text = |(p, t): &(&str, &str)| FileText {
            file: p.to_string(),
            text: t.to_string(),
        };
        let sources: Vec<FileText> = files
            .iter()
            .filter(|(p, _)| p.ends_with("sources.toml"))
            .map(to_text)
            .collect();
        let roles: Vec<FileText> = files
            .iter()
            .filter(|(p, _)| !p.ends_with("sources.toml"))
            .map(to_text)
            .collect();
        let base = Base {
            soc_codes: crate::wages::occupations()
                .iter()
                .map(|o| o.soc.to_string())
                .collect(),
            occupations: crate::catalog::occupations::names(),
            ..Base::default()
        };
        let (s, r) = check_set(&sources, &roles, &base).map_err(Error::InvalidData)?;
        return Ok(ValidateView {
            checked: vec!["bundled".into()],
            roles: r.len(),
            sources: s.len(),
        });
    }
    let base = Catalog::bundled()?.base();
    let mut problems = Problems::default();
    let mut all_sources = Vec::new();
    let mut all_roles = Vec::new();
    for dir in dirs {
        match read_dir_files(dir) {
            Ok(files) => {
                all_sources.extend(files.sources);
                all_roles.extend(files.roles);
            }
            Err(p) => problems.extend(p),
        }
    }
    match check_set(&all_sources, &all_roles, &base) {
        Ok((s, r)) if problems.is_empty() => Ok(ValidateView {
            checked: dirs.iter().map(|d| d.display().to_string()).collect(),
            roles: r.len(),
            sources: s.len(),
        }),
        Ok(_) => Err(problems.into_error()),
        Err(more) => {
            problems.list.extend(more);
            Err(problems.into_error())
        }
    }
}
