//! Validates the bundled catalog under `data/` with the same rules as user
//! data, and encodes it (postcard) so that commands pay no TOML parsing.
//! An invalid bundled file fails the build with file, line and field.

mod occupations;
mod official_search;
mod routes;
mod wages;

use careers_data::validate::{self, Base, FileText};
use careers_data::{model, pack, searchable};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    // (Changes to crates/careers-data, a build-dependency, rerun this
    // script without being named here.)
    println!("cargo:rerun-if-changed=data");
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));

    let sources = vec![read(&root, "data/sources.toml")];
    let mut role_paths: Vec<String> = std::fs::read_dir(root.join("data/roles"))
        .unwrap_or_else(|e| fail(&format!("data/roles: {e}")))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .map(|n| format!("data/roles/{n}"))
        .collect();
    role_paths.sort();
    let roles: Vec<FileText> = role_paths.iter().map(|p| read(&root, p)).collect();

    // SOC links must name an occupation of the bundled wage tables.
    let occupations_tsv = std::fs::read_to_string(root.join("data/oews-2025/occupations.tsv"))
        .unwrap_or_else(|e| fail(&format!("data/oews-2025/occupations.tsv: {e}")));
    let soc_codes: Vec<String> = occupations_tsv
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next().map(str::to_string))
        .collect();
    // The official occupations are searched by title, and no role may take
    // one's id, code or title: the detailed ones (level 3), in SOC order
    // as src/wages lists them.
    let mut detailed: Vec<(&str, &str)> = occupations_tsv
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (soc, title, level) = (cols.next()?, cols.next()?, cols.next()?);
            (level.trim() == "3").then_some((soc, title))
        })
        .collect();
    detailed.sort();
    let base = Base {
        soc_codes,
        occupations: detailed
            .iter()
            .map(|(soc, title)| (soc.to_string(), title.to_string()))
            .collect(),
        ..Base::default()
    };
    let (sources_parsed, roles_parsed) = match validate::check_set(&sources, &roles, &base) {
        Ok(v) => v,
        Err(problems) => {
            let mut msg = format!("the bundled catalog has {} problem(s):\n", problems.len());
            for p in &problems {
                let _ = writeln!(msg, "  {p}");
            }
            fail(&msg)
        }
    };
    let (heads, bodies) = pack::pack(&roles_parsed, true)
        .unwrap_or_else(|e| fail(&format!("encoding the catalog: {e}")));
    let bundle = model::Bundle {
        sources: sources_parsed,
        roles: heads,
    };
    let bytes = postcard::to_stdvec(&bundle)
        .unwrap_or_else(|e| fail(&format!("encoding the catalog: {e}")));
    write(&out.join("bundle.postcard"), &bytes);
    write(
        &out.join("guide_links.rs"),
        routes::guide_links(&roles_parsed).as_bytes(),
    );
    write(&out.join("bundle-bodies.postcard"), &bodies);
    let search = searchable::SearchIndex::build(&roles_parsed)
        .unwrap_or_else(|| fail("indexing the catalog for search: too large"));
    let bytes = postcard::to_stdvec(&search)
        .unwrap_or_else(|e| fail(&format!("encoding the search index: {e}")));
    write(&out.join("bundle-search.postcard"), &bytes);
    let titled: Vec<model::Role> = detailed
        .iter()
        .map(|(_, title)| model::Role {
            title: title.to_string(),
            ..model::Role::default()
        })
        .collect();
    let search = searchable::SearchIndex::build(&titled)
        .unwrap_or_else(|| fail("indexing the occupations for search: too large"));
    let bytes = postcard::to_stdvec(&search)
        .unwrap_or_else(|e| fail(&format!("encoding the occupations' search index: {e}")));
    write(&out.join("occupations-search.postcard"), &bytes);

    // The raw files too, so `careers validate` can re-check them at run time.
    let mut files = String::from("/// The bundled data files: (path under the crate root, text).\npub static FILES: &[(&str, &str)] = &[\n");
    for p in std::iter::once(&"data/sources.toml".to_string()).chain(&role_paths) {
        let abs = root.join(p);
        let _ = writeln!(
            files,
            "    ({p:?}, include_str!({:?})),",
            abs.display().to_string()
        );
    }
    files.push_str("];\n");
    write(&out.join("bundled_files.rs"), files.as_bytes());
    wages::build(&root, &out);
    occupations::build(&root, &out);
}

fn read(root: &Path, rel: &str) -> FileText {
    match std::fs::read_to_string(root.join(rel)) {
        Ok(text) => FileText {
            file: rel.to_string(),
            text,
        },
        Err(e) => fail(&format!("{rel}: {e}")),
    }
}

fn write(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        fail(&format!("{}: {e}", path.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
