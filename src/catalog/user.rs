//! Reading user data directories: `--data-dir DIR` and `CAREERS_DATA_DIR`.
//!
//! A data directory holds role files in `roles/*.toml` (or, when there is
//! no `roles/` folder, `*.toml` directly) and optionally a `sources.toml`.
//! Each file is size-checked before it is read and must be UTF-8.

use crate::error::{Error, Result};
use crate::validate::{line_col, map_in_parallel, Diagnostic, FileText, MAX_FILE_BYTES};
use std::io::Read;
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

/// The files of some data directories, read and decoded.
#[derive(Default)]
pub struct DataDirFiles {
    pub sources: Vec<FileText>,
    pub roles: Vec<FileText>,
}

/// Reads every data directory; all problems are reported together.
pub(super) fn read_dirs(dirs: &[PathBuf]) -> Result<DataDirFiles> {
    let mut all = DataDirFiles::default();
    let mut problems = Vec::new();
    for dir in dirs {
        match read_dir_files(dir) {
            Ok(files) => {
                all.sources.extend(files.sources);
                all.roles.extend(files.roles);
            }
            Err(p) => problems.extend(p),
        }
    }
    if problems.is_empty() {
        Ok(all)
    } else {
        Err(Error::InvalidData(problems))
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
pub fn read_dir_files(dir: &Path) -> std::result::Result<DataDirFiles, Vec<Diagnostic>> {
    let meta = std::fs::metadata(dir).map_err(|e| {
        vec![whole_file(
            dir,
            format!("cannot open data directory: {}", io_reason(&e)),
        )]
    })?;
    if !meta.is_dir() {
        return Err(vec![whole_file(
            dir,
            "not a directory (--data-dir takes a directory of role files)",
        )]);
    }
    let roles_dir = dir.join("roles");
    let (listing_dir, in_roles) = if roles_dir.is_dir() {
        (roles_dir, true)
    } else {
        (dir.to_path_buf(), false)
    };
    let entries = std::fs::read_dir(&listing_dir).map_err(|e| {
        vec![whole_file(
            &listing_dir,
            format!("cannot list directory: {}", io_reason(&e)),
        )]
    })?;
    let mut role_names = Vec::new();
    let mut problems = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => {
                let name = e.file_name();
                let is_toml = Path::new(&name).extension().is_some_and(|x| x == "toml");
                let is_sources = !in_roles && name == "sources.toml";
                if is_toml && !is_sources {
                    role_names.push(name);
                }
            }
            Err(e) => problems.push(whole_file(
                &listing_dir,
                format!("cannot list directory: {}", io_reason(&e)),
            )),
        }
    }
    // By name, which within one directory is the order of the paths, and
    // cheaper to compare than paths (component by component).
    role_names.sort_unstable();
    let role_paths: Vec<PathBuf> = role_names.iter().map(|n| listing_dir.join(n)).collect();
    let mut files = DataDirFiles::default();
    let sources_path = dir.join("sources.toml");
    if sources_path.exists() {
        match read_text(&sources_path) {
            Ok(f) => files.sources.push(f),
            Err(d) => problems.push(d),
        }
    }
    if role_paths.is_empty() && files.sources.is_empty() && problems.is_empty() {
        problems.push(whole_file(
            dir,
            "no role files (*.toml) in this data directory",
        ));
    }
    // On several threads: reading thousands of small files is mostly
    // system calls, which run in parallel.
    for read in map_in_parallel(&role_paths, |p| read_text(p)) {
        match read {
            Ok(f) => files.roles.push(f),
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// Reads a file as UTF-8 after checking its size against [`MAX_FILE_BYTES`].
fn read_text(path: &Path) -> std::result::Result<FileText, Diagnostic> {
    let meta = std::fs::metadata(path)
        .map_err(|e| whole_file(path, format!("cannot read: {}", io_reason(&e))))?;
    if !meta.is_file() {
        return Err(whole_file(path, "not a regular file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(whole_file(
            path,
            format!(
                "file is {} bytes; data files may be at most {} bytes (10 MiB)",
                meta.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    // The file may have grown since it was measured: read at most one byte
    // past the cap, so memory stays bounded whatever happens meanwhile.
    // Sized to fit: no probing reads, no growing (the size is capped above).
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| whole_file(path, format!("cannot read: {}", io_reason(&e))))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(whole_file(
            path,
            format!("file grew past {MAX_FILE_BYTES} bytes (10 MiB) while being read"),
        ));
    }
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
            Err(Diagnostic {
                file: path.display().to_string(),
                line,
                column,
                field: None,
                message: format!(
                    "invalid UTF-8 (byte 0x{:02x} at offset {valid}); data files must be UTF-8",
                    bytes[valid]
                ),
            })
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
