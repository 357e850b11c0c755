//! Parsing and validating role and source files.
//!
//! The same rules run at build time (`build.rs` uses this crate) and at
//! run time for user data, so a bundled file and a user file are held to
//! one standard. Every problem becomes a [`Diagnostic`] naming the file,
//! line, column and field; checks collect every problem rather than
//! stopping at the first.
//!
//! In parts, by job: [`location`] places problems in a TOML document,
//! [`schema`] holds the rules one file follows on its own, [`cross`] those
//! that need the whole catalog; [`check_set`] runs them all.

pub mod budget;
mod cross;
mod diagnostic;
mod location;
mod schema;

pub use cross::{
    check_ladder_ids, check_names, check_official_names, check_references, check_soc_links,
    check_source_ids,
};
pub use diagnostic::Diagnostic;
pub use location::{line_col, Doc, FieldPath, Seg, MAX_NESTING, MAX_PROBLEMS_PER_FILE};
pub use schema::{parse_ladder, parse_role, parse_sources, LadderDoc, RoleDoc, MAX_LEVEL_CHARS};

use crate::model::{LadderFile, Role, Source};
use crate::parallel::map_in_parallel;
use location::path;
use schema::UnknownSource;
use std::collections::HashSet;

/// The most a single data file may weigh. Enforced before reading it.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A data file's name (as shown in messages) and its text.
pub struct FileText {
    pub file: String,
    pub text: String,
}

impl FileText {
    /// The file name without directories and `.toml` (in any case: the
    /// loader reads `a.TOML` too).
    pub fn stem(&self) -> &str {
        let name = self.file.rsplit(['/', '\\']).next().unwrap_or(&self.file);
        match name.len().checked_sub(".toml".len()) {
            Some(cut)
                if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(".toml") =>
            {
                &name[..cut]
            }
            _ => name,
        }
    }
}

/// What the files being checked may refer to beyond themselves: the
/// bundled catalog, when user data is layered on top of it.
#[derive(Default)]
pub struct Base {
    pub role_ids: Vec<String>,
    pub source_ids: Vec<String>,
    /// (normalized name, role id) for every id, title and alias.
    pub names: Vec<(String, String)>,
    /// The SOC codes of the official wage tables; SOC links must name one.
    /// Empty: not checked.
    pub soc_codes: Vec<String>,
    /// The official occupations that are entries of the catalog beside the
    /// roles, as (SOC code, title): no role may take one's id or code, nor
    /// its title unless the role stands for it. Empty: not checked.
    pub occupations: Vec<(String, String)>,
}

/// Parses and checks a set of source files and role files together,
/// returning every problem found. On success, the sources and roles in
/// file order. ([`check_data`] with ladder files too.)
pub fn check_set(
    source_files: &[FileText],
    role_files: &[FileText],
    base: &Base,
) -> Result<(Vec<Source>, Vec<Role>), Vec<Diagnostic>> {
    let files = DataFiles {
        sources: source_files,
        roles: role_files,
        ladders: &[],
    };
    check_data(&files, base).map(|c| (c.sources, c.roles))
}

/// The files of some data directories, by kind.
#[derive(Default, Clone, Copy)]
pub struct DataFiles<'f> {
    /// `sources.toml` files.
    pub sources: &'f [FileText],
    /// Role files.
    pub roles: &'f [FileText],
    /// Ladder files, `ladders/<id>.toml`.
    pub ladders: &'f [FileText],
}

/// What data files hold, checked, each kind in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checked {
    pub sources: Vec<Source>,
    pub roles: Vec<Role>,
    pub ladders: Vec<LadderFile>,
}

/// Parses and checks source, role and ladder files together, returning
/// every problem found: each file's own, then those across files
/// (duplicate ids, names taken, unknown roles and sources).
pub fn check_data(files: &DataFiles<'_>, base: &Base) -> Result<Checked, Vec<Diagnostic>> {
    let (source_files, role_files) = (files.sources, files.roles);
    let mut problems = Vec::new();
    let mut source_docs = Vec::new();
    for f in source_files {
        match parse_sources(&f.file, strip_bom(&f.text)) {
            Ok(parsed) => source_docs.push(parsed),
            Err(d) => problems.extend(d),
        }
    }
    problems.extend(cross::check_source_ids(&source_docs, &base.source_ids));
    let sources: Vec<Source> = source_docs.into_iter().flat_map(|(_, s)| s).collect();
    // Sets, not scans: with thousands of roles, each with several links,
    // linear lookups made this quadratic (seconds for 10,000 roles).
    let all_sources: HashSet<&str> = base
        .source_ids
        .iter()
        .map(String::as_str)
        .chain(sources.iter().map(|s: &Source| s.id.as_str()))
        .collect();
    let source_known = |id: &str| all_sources.contains(id);
    // Filtered where they lie (the results' buffer is reused): ten thousand
    // parsed roles take megabytes, and a second buffer was as big again.
    let docs: Vec<RoleDoc<'_>> = parse_roles(role_files, &source_known)
        .into_iter()
        .filter_map(|parsed| parsed.map_err(|d| problems.extend(d)).ok())
        .collect();
    let ladders: Vec<LadderDoc<'_>> = parse_ladders(files.ladders, &source_known)
        .into_iter()
        .filter_map(|parsed| parsed.map_err(|d| problems.extend(d)).ok())
        .collect();
    let doc_ids: HashSet<&str> = docs.iter().map(|d| d.role.id.as_str()).collect();
    let base_roles: HashSet<&str> = base.role_ids.iter().map(String::as_str).collect();
    // Roles from the base that these files replace no longer own their names.
    let others: Vec<(String, String)> = base
        .names
        .iter()
        .filter(|(_, id)| !doc_ids.contains(id.as_str()))
        .cloned()
        .collect();
    problems.extend(cross::check_names(&docs, &others));
    problems.extend(cross::check_ladder_ids(&ladders));
    let role_known = |id: &str| base_roles.contains(id) || doc_ids.contains(id);
    let refs: Vec<cross::Refs<'_, '_>> = docs
        .iter()
        .map(cross::Refs::of_role)
        .chain(ladders.iter().map(cross::Refs::of_ladder))
        .collect();
    problems.extend(cross::check_references(&refs, &role_known));
    problems.extend(cross::check_soc_links(&docs, &base.soc_codes));
    problems.extend(cross::check_official_names(&docs, &base.occupations));
    problems.extend(docs.iter().filter_map(|d| d.doc.unlisted_note()));
    problems.extend(ladders.iter().filter_map(|d| d.doc.unlisted_note()));
    if problems.is_empty() {
        Ok(Checked {
            sources,
            roles: docs.into_iter().map(|d| d.role).collect(),
            ladders: ladders.into_iter().map(|d| d.ladder).collect(),
        })
    } else {
        Err(problems)
    }
}

/// Parses and checks each role file on its own, in file order, across the
/// available cores: parsing is most of the time a first load of thousands
/// of files takes.
///
/// Every block's source is checked here against `source_known` (the
/// sources are all parsed by now), walking the role's sourced blocks
/// ([`Role::sourced_blocks`]), and only the unknown ones are kept for the
/// cross-file report. The blocks that took the file's default source are
/// not reported one by one: an unknown default is reported once, at the
/// file's `source`.
fn parse_roles<'a>(
    files: &'a [FileText],
    source_known: &(dyn Fn(&str) -> bool + Sync),
) -> Vec<Result<RoleDoc<'a>, Vec<Diagnostic>>> {
    map_in_parallel(files, |f| {
        let mut rd = parse_role(&f.file, f.stem(), strip_bom(&f.text))?;
        let inherited = |field: &str, index: Option<usize>| {
            rd.default_source
                .as_ref()
                .is_some_and(|d| d.blocks.contains(&(field, index)))
        };
        let mut unknown: Vec<UnknownSource> = rd
            .role
            .sourced_blocks()
            .filter(|b| !source_known(b.source) && !inherited(b.field, b.index))
            .map(|b| UnknownSource::of_block(b.field, b.index, b.source))
            .collect();
        if let Some(d) = rd.default_source.as_ref().filter(|d| !source_known(&d.id)) {
            unknown.push(UnknownSource {
                path: path("source"),
                id: d.id.clone(),
            });
        }
        rd.unknown_sources = unknown;
        Ok(rd)
    })
}

/// Parses and checks each ladder file on its own, in file order, as
/// [`parse_roles`]; a ladder cites one source, its `source`.
fn parse_ladders<'a>(
    files: &'a [FileText],
    source_known: &(dyn Fn(&str) -> bool + Sync),
) -> Vec<Result<LadderDoc<'a>, Vec<Diagnostic>>> {
    map_in_parallel(files, |f| {
        let mut ld = parse_ladder(&f.file, f.stem(), strip_bom(&f.text))?;
        let source = &ld.ladder.ladder.source;
        if !source_known(source) {
            ld.unknown_sources.push(UnknownSource {
                path: path("source"),
                id: source.clone(),
            });
        }
        Ok(ld)
    })
}

/// A UTF-8 byte-order mark at the start of a file is allowed and ignored.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
