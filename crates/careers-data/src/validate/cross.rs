//! The rules that need the whole catalog: ids unique across files, no
//! name of one role taken by another, every referenced role and source
//! defined somewhere, SOC links naming an official occupation.

use super::location::{path, Doc};
use super::schema::{LadderDoc, RoleDoc, RoleRef, UnknownSource};
use super::Diagnostic;
use crate::model::Source;
use crate::names::{is_soc_code, normalize_name, occupation_id};
use crate::parallel::map_in_parallel;
use std::collections::{HashMap, HashSet};

/// What one parsed file refers to beyond itself: roles, and the sources
/// it cites that no file defines.
pub struct Refs<'d, 'a> {
    doc: &'d Doc<'a>,
    roles: &'d [RoleRef<'a>],
    unknown_sources: &'d [UnknownSource],
}

impl<'d, 'a> Refs<'d, 'a> {
    pub fn of_role(rd: &'d RoleDoc<'a>) -> Self {
        Refs {
            doc: &rd.doc,
            roles: &rd.role_refs,
            unknown_sources: &rd.unknown_sources,
        }
    }

    pub fn of_ladder(ld: &'d LadderDoc<'a>) -> Self {
        Refs {
            doc: &ld.doc,
            roles: &ld.role_refs,
            unknown_sources: &ld.unknown_sources,
        }
    }
}

/// References to roles and sources that do not exist. `files` are the
/// role and ladder files being checked, whose unknown sources were found
/// while they were parsed; `known_roles` holds every role id in the
/// catalog (these files' and any others'). Each file's unknown sources
/// come first, then its unknown roles, each in document order.
pub fn check_references(
    files: &[Refs<'_, '_>],
    known_roles: &(dyn Fn(&str) -> bool + Sync),
) -> Vec<Diagnostic> {
    // The look-ups run on all cores: a few per role, most of them a cache
    // miss on another role's id. Only the unknown ones come back, to be
    // reported in order here.
    let per_doc: Vec<&[RoleRef<'_>]> = files.iter().map(|f| f.roles).collect();
    let unknown = map_in_parallel(&per_doc, |refs| {
        refs.iter()
            .filter(|r| !known_roles(&r.id))
            .collect::<Vec<_>>()
    });
    let mut out = Vec::new();
    for (f, unknown_roles) in files.iter().zip(unknown) {
        // Where each source key starts: the walk of the blocks goes in
        // field order, the report in document order.
        let mut sources: Vec<(usize, &UnknownSource)> = f
            .unknown_sources
            .iter()
            .map(|u| (f.doc.offset_of(&u.path).unwrap_or(0), u))
            .collect();
        sources.sort_by_key(|&(at, _)| at);
        for (at, u) in sources {
            let message = format!("unknown source `{}` (not in any sources.toml)", u.id);
            f.doc.report_at_key(&mut out, at, message);
        }
        for r in unknown_roles {
            let message = format!("unknown role `{}`", r.id);
            f.doc.report_at_key(&mut out, r.key_at, message);
        }
    }
    out
}

/// Two ladder files with one id (in two data directories: within one,
/// the id is the file's name).
pub fn check_ladder_ids(ladders: &[LadderDoc<'_>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut first: HashMap<&str, &LadderDoc<'_>> = HashMap::with_capacity(ladders.len());
    for ld in ladders {
        if let Some(other) = first.insert(&ld.ladder.id, ld) {
            // Keep the first as the one named.
            first.insert(&other.ladder.id, other);
            ld.doc.report(
                &mut out,
                &path("id"),
                format!(
                    "duplicate ladder id `{}` (also defined in {})",
                    ld.ladder.id, other.doc.file
                ),
            );
        }
    }
    out
}

/// Duplicate ids among `docs`, and names (id, title, alias) of one role
/// that equal another role's. `others` are names already in the catalog
/// from elsewhere (bundled roles a user file does not replace), as
/// (normalized name, role id).
pub fn check_names(docs: &[RoleDoc<'_>], others: &[(String, String)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut ids: HashMap<&str, &RoleDoc<'_>> = HashMap::with_capacity(docs.len());
    for rd in docs {
        if let Some(first) = ids.insert(&rd.role.id, rd) {
            rd.doc.report(
                &mut out,
                &path("id"),
                format!(
                    "duplicate role id `{}` (also defined in {})",
                    rd.role.id, first.doc.file
                ),
            );
        }
    }
    // Borrowed names and ids: tens of thousands of them, not worth a copy.
    let mut owners: HashMap<&str, &str> = HashMap::with_capacity(others.len() + 3 * docs.len());
    owners.extend(others.iter().map(|(name, id)| (name.as_str(), id.as_str())));
    for rd in docs {
        owners.insert(&rd.names.id, &rd.role.id);
        owners.insert(&rd.names.title, &rd.role.id);
    }
    for rd in docs {
        for (i, (alias, key)) in rd.role.aliases.iter().zip(&rd.names.aliases).enumerate() {
            match owners.get(key.as_str()) {
                Some(&owner) if owner != rd.role.id => rd.doc.report(
                    &mut out,
                    &path("aliases").index(i).key("name"),
                    format!(
                        "alias `{}` is already the id or title of role `{owner}`",
                        alias.name
                    ),
                ),
                _ => {
                    owners.insert(key, &rd.role.id);
                }
            }
        }
    }
    out
}

/// SOC links to codes that are not occupations of the official wage
/// tables. `codes` empty: not checked.
pub fn check_soc_links(docs: &[RoleDoc<'_>], codes: &[String]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if codes.is_empty() {
        return problems;
    }
    let codes: HashSet<&str> = codes.iter().map(String::as_str).collect();
    for rd in docs {
        for (i, link) in rd.role.soc.iter().enumerate() {
            if is_soc_code(&link.code) && !codes.contains(link.code.as_str()) {
                problems.push(rd.doc.at_path(
                    &path("soc").index(i).key("code"),
                    format!(
                        "`{}` is not an occupation of the BLS wage tables (May 2025)",
                        link.code
                    ),
                ));
            }
        }
    }
    problems
}

/// The sources of `files` beside those of the base catalog (the bundled
/// sources, which `base_ids` names): a file may add sources, never define
/// a base id again (its data would then be cited as the bundled source's),
/// and two files may not define one id (the last would win silently).
pub fn check_source_ids(files: &[(Doc<'_>, Vec<Source>)], base_ids: &[String]) -> Vec<Diagnostic> {
    let base: HashSet<&str> = base_ids.iter().map(String::as_str).collect();
    let mut first: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut out = Vec::new();
    for (f, (doc, sources)) in files.iter().enumerate() {
        for (i, s) in sources.iter().enumerate() {
            let at = path("source").index(i).key("id");
            if base.contains(s.id.as_str()) {
                let message = format!(
                    "source `{}` is a bundled source: a sources.toml may add sources, \
                     not redefine bundled ones (give yours another id)",
                    s.id
                );
                doc.report(&mut out, &at, message);
                continue;
            }
            match first.get(s.id.as_str()) {
                // Twice in one file is a problem of the file itself.
                Some(&(g, j)) if g != f => {
                    let other = &files[g].0;
                    let there = other.at_path(&path("source").index(j).key("id"), "");
                    let message = format!(
                        "source `{}` is also defined in {}:{}",
                        s.id, other.file, there.line
                    );
                    doc.report(&mut out, &at, message);
                }
                Some(_) => {}
                None => {
                    first.insert(&s.id, (f, i));
                }
            }
        }
    }
    out.extend(files.iter().filter_map(|(doc, _)| doc.unlisted_note()));
    out
}

/// Names a role may not take from the official occupations that are
/// catalog entries beside it (`occupations`, as SOC code and title): an
/// occupation's SOC code or id (its title in kebab-case) as the role's
/// id, so that each stays reachable by both; and its title as the role's
/// title or alias, unless the role stands for the occupation (links its
/// code, not approximately), which the catalog then lists as the role.
pub fn check_official_names(
    docs: &[RoleDoc<'_>],
    occupations: &[(String, String)],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if occupations.is_empty() {
        return out;
    }
    let by_code: HashMap<&str, usize> = occupations
        .iter()
        .enumerate()
        .map(|(i, (code, _))| (code.as_str(), i))
        .collect();
    let by_id: HashMap<String, usize> = occupations
        .iter()
        .enumerate()
        .map(|(i, (_, title))| (occupation_id(title), i))
        .collect();
    let by_name: HashMap<String, usize> = occupations
        .iter()
        .enumerate()
        .map(|(i, (_, title))| (normalize_name(title), i))
        .collect();
    let named = |i: usize| format!("{} ({})", occupations[i].1, occupations[i].0);
    for rd in docs {
        let role = &rd.role;
        if let Some(&i) = by_code.get(role.id.as_str()) {
            let message = format!(
                "id `{}` is the SOC code of the official occupation {}: a role id may not be a SOC code",
                role.id,
                occupations[i].1
            );
            rd.doc.report(&mut out, &path("id"), message);
        } else if let Some(&i) = by_id.get(&role.id) {
            let message = format!(
                "id `{}` is the id of the official occupation {}: give the role another id",
                role.id,
                named(i)
            );
            rd.doc.report(&mut out, &path("id"), message);
        }
        let stands_for = |code: &str| role.soc.iter().any(|l| !l.approximate && l.code == code);
        let names = std::iter::once((path("title"), "title", &role.title, &rd.names.title)).chain(
            role.aliases
                .iter()
                .zip(&rd.names.aliases)
                .enumerate()
                .map(|(i, (a, key))| (path("aliases").index(i).key("name"), "alias", &a.name, key)),
        );
        for (at, what, name, key) in names {
            let Some(&i) = by_name.get(key.as_str()) else {
                continue;
            };
            if stands_for(&occupations[i].0) {
                continue;
            }
            let message = format!(
                "{what} `{name}` is the title of the official occupation {}: name the role \
                 otherwise, or link it with [[soc]] code = \"{}\" if it is that occupation",
                named(i),
                occupations[i].0
            );
            rd.doc.report(&mut out, &at, message);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testdata::{
        full_role_short, ladder_file, role_file, sources_file, FULL_LADDER, FULL_ROLE, FULL_SOURCES,
    };
    use crate::validate::{check_data, check_set, Base, DataFiles, Diagnostic, FileText};

    fn check(roles: &[(&str, &str)], base: &Base) -> Vec<Diagnostic> {
        let roles: Vec<_> = roles.iter().map(|(id, t)| role_file(id, t)).collect();
        match check_set(&[sources_file(FULL_SOURCES)], &roles, base) {
            Ok(_) => Vec::new(),
            Err(ds) => ds,
        }
    }

    fn renamed(id: &str, title: &str) -> String {
        FULL_ROLE
            .replace("\"full-role\"", &format!("\"{id}\""))
            .replace("Full Role", title)
            .replace("Complete Role", &format!("Alias of {title}"))
    }

    #[test]
    fn distinct_roles_pass() {
        let b = renamed("second-role", "Second Role");
        assert_eq!(
            check(
                &[("full-role", FULL_ROLE), ("second-role", &b)],
                &Base::default()
            ),
            []
        );
    }

    #[test]
    fn a_name_may_not_be_another_roles() {
        let b = renamed("second-role", "Second Role").replace("Alias of Second Role", "Full Role");
        let ds = check(
            &[("full-role", FULL_ROLE), ("second-role", &b)],
            &Base::default(),
        );
        assert_eq!(ds.len(), 1, "{ds:?}");
        assert_eq!(
            ds[0].message,
            "alias `Full Role` is already the id or title of role `full-role`"
        );
        assert_eq!(ds[0].field.as_deref(), Some("aliases[0].name"));
        // Names from the base count too, in any spelling.
        let base = Base {
            names: vec![("complete role".into(), "bundled-role".into())],
            ..Base::default()
        };
        let ds = check(&[("full-role", FULL_ROLE)], &base);
        assert!(ds[0].message.ends_with("of role `bundled-role`"), "{ds:?}");
    }

    #[test]
    fn unknown_sources_are_reported_in_document_order() {
        // The SOC link moved before the summary: first in the file, last
        // in the walk of the role's fields.
        let soc = "[[soc]]\ncode = \"43-4051\"\nsource = \"src-b\"\n\n";
        let text = FULL_ROLE
            .replace(soc, "")
            .replace("[[summary]]", &format!("{soc}[[summary]]"))
            .replace("src-b", "src-gone");
        let ds = check(&[("full-role", &text)], &Base::default());
        let want: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains("src-gone"))
            .map(|(i, _)| i + 1)
            .collect();
        let lines: Vec<usize> = ds.iter().map(|d| d.line).collect();
        assert_eq!(lines, want);
        let fields: Vec<&str> = ds.iter().filter_map(|d| d.field.as_deref()).collect();
        assert_eq!(
            fields,
            [
                "aliases[0].source",
                "soc[0].source",
                "overview[0].source",
                "soft_skills[0].source",
                "salary[1].source",
                "moves[0].source",
            ]
        );
        assert_eq!(
            ds[0].message,
            "unknown source `src-gone` (not in any sources.toml)"
        );
    }

    #[test]
    fn unknown_roles_follow_unknown_sources() {
        let text = FULL_ROLE
            .replace("role = \"full-role\"", "role = \"nowhere\"")
            .replacen("source = \"src-a\"", "source = \"src-gone\"", 1);
        let ds = check(&[("full-role", &text)], &Base::default());
        let messages: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unknown source `src-gone` (not in any sources.toml)",
                "unknown role `nowhere`"
            ]
        );
        assert_eq!(ds[1].field.as_deref(), Some("ladder[0].tiers[0].role"));
    }

    #[test]
    fn duplicate_ids_and_unofficial_soc_codes() {
        let files = [role_file("full-role", FULL_ROLE), {
            let mut f = role_file("full-role", FULL_ROLE);
            f.file = "other/full-role.toml".into();
            f
        }];
        let ds = check_set(&[sources_file(FULL_SOURCES)], &files, &Base::default())
            .expect_err("refused");
        assert!(ds
            .iter()
            .any(|d| d.message
                == "duplicate role id `full-role` (also defined in roles/full-role.toml)"));
        let base = Base {
            soc_codes: vec!["43-4051".into()],
            ..Base::default()
        };
        let ds = check(&[("full-role", FULL_ROLE)], &base);
        assert_eq!(ds.len(), 1);
        assert_eq!(
            ds[0].message,
            "`43-9061` is not an occupation of the BLS wage tables (May 2025)"
        );
    }

    #[test]
    fn sources_may_be_added_but_not_redefined() {
        let roles = [role_file("full-role", FULL_ROLE)];
        let base = Base {
            source_ids: vec!["src-a".into()],
            ..Base::default()
        };
        let ds = check_set(&[sources_file(FULL_SOURCES)], &roles, &base).expect_err("refused");
        assert_eq!(ds.len(), 1, "{ds:?}");
        assert_eq!(
            ds[0].to_string(),
            "sources.toml:2:1: field `source[0].id`: source `src-a` is a bundled source: \
             a sources.toml may add sources, not redefine bundled ones (give yours another id)"
        );
        let mut second = sources_file(&FULL_SOURCES.replace("src-a", "src-c"));
        second.file = "other/sources.toml".into();
        let ds = check_set(
            &[sources_file(FULL_SOURCES), second],
            &roles,
            &Base::default(),
        )
        .expect_err("refused");
        assert_eq!(
            ds[0].to_string(),
            "other/sources.toml:7:1: field `source[1].id`: source `src-b` is also defined \
             in sources.toml:7"
        );
    }

    #[test]
    fn official_ids_codes_and_titles_stay_the_occupations() {
        let base = Base {
            occupations: vec![
                ("29-1212".into(), "Cardiologists".into()),
                ("43-4051".into(), "Customer Service Representatives".into()),
            ],
            ..Base::default()
        };
        let as_role = |id: &str, title: &str| {
            FULL_ROLE
                .replace("\"full-role\"", &format!("\"{id}\""))
                .replace("Full Role", title)
        };
        let one = |id: &str, text: &str| -> Vec<String> {
            check(&[(id, text)], &base)
                .iter()
                .map(|d| d.message.clone())
                .collect()
        };
        assert_eq!(
            one("cardiologists", &as_role("cardiologists", "Heart Doctor")),
            [
                "id `cardiologists` is the id of the official occupation Cardiologists \
              (29-1212): give the role another id"
            ]
        );
        assert_eq!(
            one("43-4051", &as_role("43-4051", "Front Desk")),
            [
                "id `43-4051` is the SOC code of the official occupation Customer Service \
              Representatives: a role id may not be a SOC code"
            ]
        );
        let titled = as_role("heart-doctor", "CARDIOLOGISTS");
        let got = one("heart-doctor", &titled);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("title `CARDIOLOGISTS` is the title of the official"));
        // Linked exactly, the role stands for the occupation.
        let linked = titled.replacen("code = \"43-4051\"", "code = \"29-1212\"", 1);
        assert_eq!(one("heart-doctor", &linked), Vec::<String>::new());
        let approximate = linked.replacen(
            "code = \"29-1212\"\n",
            "code = \"29-1212\"\napproximate = true\n",
            1,
        );
        assert_eq!(one("heart-doctor", &approximate).len(), 1);
    }

    /// The problems of these ladder files beside FULL_ROLE and the two
    /// sources, as `file:line:column: field ...: message`.
    fn with_ladders(ladders: &[FileText]) -> Vec<String> {
        let files = DataFiles {
            sources: &[sources_file(FULL_SOURCES)],
            roles: &[role_file("full-role", FULL_ROLE)],
            ladders,
        };
        match check_data(&files, &Base::default()) {
            Ok(_) => Vec::new(),
            Err(ds) => ds.iter().map(Diagnostic::to_string).collect(),
        }
    }

    #[test]
    fn ladder_files_are_checked_with_the_roles() {
        let files = DataFiles {
            sources: &[sources_file(FULL_SOURCES)],
            roles: &[role_file("full-role", FULL_ROLE)],
            ladders: &[ladder_file("full-ladder", FULL_LADDER)],
        };
        let checked = check_data(&files, &Base::default()).expect("valid");
        assert_eq!(checked.ladders.len(), 1);
        assert_eq!(checked.ladders[0].ladder.name, "Full ladder");
        // A tier may link a role of the base catalog.
        let linked = FULL_LADDER.replace("\"full-role\"", "\"bundled-role\"");
        let base = Base {
            role_ids: vec!["bundled-role".into()],
            ..Base::default()
        };
        let files = DataFiles {
            ladders: &[ladder_file("full-ladder", &linked)],
            ..files
        };
        assert!(check_data(&files, &base).is_ok());
    }

    #[test]
    fn a_ladder_tier_linking_no_role_and_an_unknown_source_are_placed() {
        let text = FULL_LADDER
            .replace("\"full-role\"", "\"ghost\"")
            .replace("source = \"src-a\"", "source = \"handbook\"");
        assert_eq!(
            with_ladders(&[ladder_file("full-ladder", &text)]),
            [
                "ladders/full-ladder.toml:3:1: field `source`: unknown source `handbook` \
                 (not in any sources.toml)",
                "ladders/full-ladder.toml:10:1: field `tiers[0].role`: unknown role `ghost`",
            ]
        );
    }

    #[test]
    fn two_ladder_files_may_not_share_an_id() {
        let mut other = ladder_file("full-ladder", FULL_LADDER);
        other.file = "other/ladders/full-ladder.toml".into();
        assert_eq!(
            with_ladders(&[ladder_file("full-ladder", FULL_LADDER), other]),
            [
                "other/ladders/full-ladder.toml:1:1: field `id`: duplicate ladder id \
                 `full-ladder` (also defined in ladders/full-ladder.toml)"
            ]
        );
    }

    #[test]
    fn an_unknown_default_source_is_reported_once_at_its_key() {
        let short = full_role_short().replace("src-a", "handbook");
        let ds = check_set(
            &[sources_file(FULL_SOURCES)],
            &[role_file("full-role", &short)],
            &Base::default(),
        )
        .expect_err("refused");
        let shown: Vec<String> = ds.iter().map(Diagnostic::to_string).collect();
        assert_eq!(
            shown,
            [
                "roles/full-role.toml:1:1: field `source`: unknown source `handbook` \
              (not in any sources.toml)"
            ]
        );
        // A block's own unknown source is still reported at the block.
        let own = full_role_short().replacen("source = \"src-b\"", "source = \"gone\"", 1);
        let ds = check_set(
            &[sources_file(FULL_SOURCES)],
            &[role_file("full-role", &own)],
            &Base::default(),
        )
        .expect_err("refused");
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].field.as_deref(), Some("aliases[0].source"));
    }
}
