//! `careers validate [DIR...]`: check data and report every problem.
//!
//! The directories checked are the ones any other command would load with
//! the same flags and environment (`--data-dir`, then `CAREERS_DATA_DIR`),
//! followed by the `DIR`s given to `validate`, each once: so a CI job that
//! runs `careers --data-dir roles validate` checks `roles`. With none of
//! them, the bundled catalog is checked.

use crate::catalog::{bundled_files, read_dir_files, Catalog, Problems};
use crate::error::{Error, Result};
use crate::validate::{check_data, check_set, Base, FileText};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Serialize)]
pub struct ValidateView {
    /// What was checked: "bundled" or the directories.
    pub checked: Vec<String>,
    pub roles: usize,
    pub sources: usize,
    /// Ladder files (`ladders/*.toml`); the ladders in role files are
    /// counted with their roles.
    pub ladder_files: usize,
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
            ladder_files: 0,
        });
    }
    let base = Catalog::bundled()?.base();
    let mut problems = Problems::default();
    let mut all = crate::catalog::DataDirFiles::default();
    for dir in dirs {
        match read_dir_files(dir) {
            Ok(files) => all.extend(files),
            Err(p) => problems.extend(p),
        }
    }
    match check_data(&all.as_data(), &base) {
        Ok(checked) if problems.is_empty() => Ok(ValidateView {
            checked: dirs.iter().map(|d| d.display().to_string()).collect(),
            roles: checked.roles.len(),
            sources: checked.sources.len(),
            ladder_files: checked.ladders.len(),
        }),
        Ok(_) => Err(problems.into_error()),
        Err(more) => {
            problems.list.extend(more);
            Err(problems.into_error())
        }
    }
}
