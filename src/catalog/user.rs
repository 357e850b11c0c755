//! Reading user data directories: `--data-dir DIR` and `CAREERS_DATA_DIR`.
//!
//! A data directory holds role files in `roles/*.toml` (or, when there is
//! no `roles/` folder, `*.toml` directly), ladder files in
//! `ladders/*.toml`, and optionally a `sources.toml`.
//! The extension is matched in any case (`a.TOML` is a role file too: a
//! file copied from a case-insensitive file system must not vanish
//! silently); `sources.toml` is that name exactly. Only regular files are
//! read ([`super::file`]), each size-checked first, and must be UTF-8.

use super::file::{read_capped, ReadError};
use crate::error::{Error, Result};
use crate::validate::{line_col, map_in_parallel, Diagnostic, FileText, MAX_FILE_BYTES};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// The directories named by `CAREERS_DATA_DIR` (separated like `PATH`).
pub fn data_dirs_from_env() -> Vec<PathBuf> {
    match std::env::var_os("CAREERS_DATA_DIR") {
        Some(v) if !v.is_empty() => std::env::split_paths(&v)
            .filter(|p| !p.as_os_str().is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

/// The directories as given, each once: a directory named twice (in
/// `--data-dir` and `CAREERS_DATA_DIR`, through a symbolic link, or as `d`
/// and `./d`) keeps its first spelling and place. Directories that cannot
/// be resolved are kept as they are, for the loader to report.
pub fn distinct_dirs(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut seen = std::collections::HashSet::new();
    dirs.iter()
        .filter(|d| match std::fs::canonicalize(d) {
            Ok(place) => seen.insert(place),
            Err(_) => seen.insert(d.to_path_buf()),
        })
        .cloned()
        .collect()
}

/// Whether a directory entry's name makes it a role file candidate: the
/// extension `toml` in any case, as `Path::extension` finds it (`a.toml`,
/// `..toml`, `b.TOML`; not `.toml`, a hidden file without one). Compared
/// as bytes: parsing 10,000 names as paths showed in profiles. The cache
/// key lists directories with the same rule.
pub fn is_toml_name(name: &OsStr) -> bool {
    let b = name.as_encoded_bytes();
    b.len() > ".toml".len() && b[b.len() - ".toml".len()..].eq_ignore_ascii_case(b".toml")
}

/// What went wrong reading data directories: every problem, and whether
/// any was a failure to read (exit code 4) rather than data that is not
/// what it must be (exit code 3).
#[derive(Debug, Default)]
pub struct Problems {
    pub list: Vec<Diagnostic>,
    pub unreadable: bool,
}

impl Problems {
    fn push(&mut self, d: Diagnostic, unreadable: bool) {
        self.list.push(d);
        self.unreadable |= unreadable;
    }

    pub fn extend(&mut self, more: Problems) {
        self.list.extend(more.list);
        self.unreadable |= more.unreadable;
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The error these problems end a command with.
    pub fn into_error(self) -> Error {
        if self.unreadable {
            Error::Unreadable(self.list)
        } else {
            Error::InvalidData(self.list)
        }
    }
}

/// The files of some data directories, read and decoded.
#[derive(Default)]
pub struct DataDirFiles {
    pub sources: Vec<FileText>,
    pub roles: Vec<FileText>,
    /// `ladders/*.toml`.
    pub ladders: Vec<FileText>,
}

impl DataDirFiles {
    /// The files by kind, for [`crate::validate::check_data`].
    pub fn as_data(&self) -> crate::validate::DataFiles<'_> {
        crate::validate::DataFiles {
            sources: &self.sources,
            roles: &self.roles,
            ladders: &self.ladders,
        }
    }

    /// Adds the files of another directory.
    pub fn extend(&mut self, more: DataDirFiles) {
        self.sources.extend(more.sources);
        self.roles.extend(more.roles);
        self.ladders.extend(more.ladders);
    }
}

/// Reads every data directory; all problems are reported together.
pub(super) fn read_dirs(dirs: &[PathBuf]) -> Result<DataDirFiles> {
    let mut all = DataDirFiles::default();
    let mut problems = Problems::default();
    for dir in dirs {
        match read_dir_files(dir) {
            Ok(files) => all.extend(files),
            Err(p) => problems.extend(p),
        }
    }
    if problems.is_empty() {
        Ok(all)
    } else {
        Err(problems.into_error())
    }
}

fn whole_file(file: &Path, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        file: file.display().to_string(),
        line: 0,
        column: 0,
        field: None,
        message: message.into(),
    }
}

/// Lists and reads one data directory.
pub fn read_dir_files(dir: &Path) -> std::result::Result<DataDirFiles, Problems> {
    let mut problems = Problems::default();
    let meta = match std::fs::metadata(dir) {
        Ok(meta) => meta,
        Err(e) => {
            let message = format!("cannot open data directory: {}", io_reason(&e));
            problems.push(whole_file(dir, message), true);
            return Err(problems);
        }
    };
    if !meta.is_dir() {
        let message = "not a directory (--data-dir takes a directory of role files)";
        problems.push(whole_file(dir, message), false);
        return Err(problems);
    }
    let roles_dir = dir.join("roles");
    let (listing_dir, in_roles) = if roles_dir.is_dir() {
        (roles_dir, true)
    } else {
        (dir.to_path_buf(), false)
    };
    let Some(role_paths) = list_toml(&listing_dir, !in_roles, &mut problems) else {
        return Err(problems);
    };
    let ladders_dir = dir.join("ladders");
    let ladder_paths = match ladders_dir.is_dir() {
        true => list_toml(&ladders_dir, false, &mut problems).unwrap_or_default(),
        false => Vec::new(),
    };
    let mut files = DataDirFiles::default();
    let sources_path = dir.join("sources.toml");
    if sources_path.exists() {
        match read_text(&sources_path) {
            Ok(f) => files.sources.push(f),
            Err((d, unreadable)) => problems.push(d, unreadable),
        }
    }
    let nothing = role_paths.is_empty() && ladder_paths.is_empty() && files.sources.is_empty();
    if nothing && problems.is_empty() {
        problems.push(
            whole_file(dir, "no role files (*.toml) in this data directory"),
            false,
        );
    }
    // On several threads: reading thousands of small files is mostly
    // system calls, which run in parallel.
    for (paths, into) in [
        (&role_paths, &mut files.roles),
        (&ladder_paths, &mut files.ladders),
    ] {
        for read in map_in_parallel(paths, |p| read_text(p)) {
            match read {
                Ok(f) => into.push(f),
                Err((d, unreadable)) => problems.push(d, unreadable),
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// The `*.toml` files of `listing_dir` ([`is_toml_name`]), in name order;
/// `sources.toml` left out when `skip_sources` (a directory of role files
/// without a `roles/` folder). `None` when the directory cannot be listed.
fn list_toml(
    listing_dir: &Path,
    skip_sources: bool,
    problems: &mut Problems,
) -> Option<Vec<PathBuf>> {
    let unlisted = |e: &std::io::Error| {
        whole_file(
            listing_dir,
            format!("cannot list directory: {}", io_reason(e)),
        )
    };
    let entries = match std::fs::read_dir(listing_dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(unlisted(&e), true);
            return None;
        }
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => {
                let name = e.file_name();
                let is_sources = skip_sources && name == "sources.toml";
                if is_toml_name(&name) && !is_sources {
                    names.push(name);
                }
            }
            Err(e) => problems.push(unlisted(&e), true),
        }
    }
    // By name, which within one directory is the order of the paths, and
    // cheaper to compare than paths (component by component).
    names.sort_unstable();
    Some(names.iter().map(|n| listing_dir.join(n)).collect())
}

/// Reads a file as UTF-8 after checking its size against [`MAX_FILE_BYTES`];
/// a problem comes with whether it was a failure to read.
fn read_text(path: &Path) -> std::result::Result<FileText, (Diagnostic, bool)> {
    let bytes = read_capped(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Io(e) => (
            whole_file(path, format!("cannot read: {}", io_reason(&e))),
            true,
        ),
        ReadError::NotRegular => (
            whole_file(
                path,
                "not a regular file (a directory, device, FIFO or socket is not read)",
            ),
            false,
        ),
        ReadError::TooBig(len) => (
            whole_file(
                path,
                format!(
                    "file is {len} bytes; data files may be at most {MAX_FILE_BYTES} bytes (10 MiB)"
                ),
            ),
            false,
        ),
        ReadError::Grew => (
            whole_file(
                path,
                format!("file grew past {MAX_FILE_BYTES} bytes (10 MiB) while being read"),
            ),
            false,
        ),
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(FileText {
            file: path.display().to_string(),
            text,
        }),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let (line, column) = line_col(&prefix, valid);
            Err((
                Diagnostic {
                    file: path.display().to_string(),
                    line,
                    column,
                    field: None,
                    message: format!(
                        "invalid UTF-8 (byte 0x{:02x} at offset {valid}); data files must be UTF-8",
                        bytes[valid]
                    ),
                },
                false,
            ))
        }
    }
}

/// The OS reason without Rust's "(os error N)" suffix.
fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_names_in_any_case_as_path_extension_says() {
        for name in [
            "a.toml",
            "..toml",
            ".toml",
            "toml",
            "a.TOML",
            "a.Toml",
            "a.toml.bak",
            "a.b.toml",
            "a.",
            ".a.toml",
            "é.TOML",
        ] {
            let want = Path::new(name)
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("toml"));
            assert_eq!(is_toml_name(OsStr::new(name)), want, "{name}");
        }
    }

    #[test]
    fn a_directory_named_twice_is_kept_once_as_first_spelled() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path().join("d");
        std::fs::create_dir(&d).unwrap();
        let again = tmp.path().join(".").join("d");
        let missing = tmp.path().join("missing");
        let dirs = [d.clone(), again, missing.clone(), missing.clone()];
        assert_eq!(distinct_dirs(&dirs), vec![d, missing]);
    }
}
