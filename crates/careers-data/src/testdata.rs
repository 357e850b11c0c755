//! The repository's bundled data files, read and validated, for unit tests
//! that want real roles.

use crate::model::Role;
use crate::validate::{check_set, Base, FileText};
use std::path::{Path, PathBuf};

/// The repository's `data/` directory.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn read(path: PathBuf, name: String) -> FileText {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    FileText { file: name, text }
}

/// `data/sources.toml` and every `data/roles/*.toml`, in file-name order.
pub fn bundled_files() -> (Vec<FileText>, Vec<FileText>) {
    let dir = data_dir();
    let sources = vec![read(dir.join("sources.toml"), "data/sources.toml".into())];
    let mut names: Vec<String> = std::fs::read_dir(dir.join("roles"))
        .expect("data/roles")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    let roles = names
        .into_iter()
        .map(|n| read(dir.join("roles").join(&n), format!("data/roles/{n}")))
        .collect();
    (sources, roles)
}

/// The bundled roles, validated as build.rs validates them.
pub fn bundled_roles() -> Vec<Role> {
    let (sources, roles) = bundled_files();
    match check_set(&sources, &roles, &Base::default()) {
        Ok((_, roles)) => roles,
        Err(problems) => panic!("the bundled data is invalid: {problems:?}"),
    }
}
