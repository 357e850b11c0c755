//! The rules one file must follow on its own: the shape of a role or
//! sources file (serde, with `deny_unknown_fields`), no blank strings or
//! non-finite numbers, kebab-case ids matching the file name, pay figures
//! and year ranges in order, well-formed SOC links.

use super::budget::{FileKind, Tally};
use super::location::{owned_path, path, walk_values, Doc, FieldPath, Step};
use super::Diagnostic;
use crate::model::{Outlook, Period, Role, Salary, Source, SourcesFile};
use crate::names::{forbidden_in_name, is_kebab_id, is_soc_code, normalize_name};
use std::borrow::Cow;
use std::collections::HashMap;
use toml::de::{DeTable, DeValue};

/// A string under a key named `role`: the id of a role that must exist
/// once the whole catalog is known.
pub(crate) struct RoleRef<'a> {
    pub id: Cow<'a, str>,
    /// Where its key starts, to place a problem.
    pub key_at: usize,
}

/// A role file parsed and checked on its own, kept with its document.
pub struct RoleDoc<'a> {
    pub doc: Doc<'a>,
    pub role: Role,
    /// The roles it refers to, checked once the whole catalog is known.
    pub(crate) role_refs: Vec<RoleRef<'a>>,
    /// The blocks that cite a source no file defines, found while the
    /// files are parsed in parallel and reported with the other
    /// cross-file problems.
    pub(crate) unknown_sources: Vec<UnknownSource>,
    /// Its names, normalized while parsing runs in parallel rather than
    /// one role after another in [`super::cross::check_names`].
    pub(crate) names: Names,
}

/// A block citing a source that does not exist.
pub(crate) struct UnknownSource {
    pub field: &'static str,
    pub index: Option<usize>,
    pub id: String,
}

impl UnknownSource {
    /// The path of the block's `source` key.
    pub fn path(&self) -> FieldPath {
        let field = path(self.field);
        match self.index {
            Some(i) => field.index(i).key("source"),
            None => field.key("source"),
        }
    }
}

/// A role's id, title and aliases in the form names are compared in
/// ([`normalize_name`]).
pub(crate) struct Names {
    pub id: String,
    pub title: String,
    /// Parallel to the role's `aliases`.
    pub aliases: Vec<String>,
}

impl Names {
    fn of(role: &Role) -> Names {
        Names {
            id: normalize_name(&role.id),
            title: normalize_name(&role.title),
            aliases: role
                .aliases
                .iter()
                .map(|a| normalize_name(&a.name))
                .collect(),
        }
    }
}

/// Parses and checks one role file. `stem` is the file name without
/// `.toml`, which must equal the role's id.
pub fn parse_role<'a>(
    file: &str,
    stem: &str,
    text: &'a str,
) -> Result<RoleDoc<'a>, Vec<Diagnostic>> {
    let mut doc = Doc::parse(file, text).map_err(|d| vec![d])?;
    let (role, role_refs): (Role, _) = decode(&mut doc, FileKind::Role)?;
    let mut problems = check_role(&doc, stem, &role);
    if problems.is_empty() {
        let names = Names::of(&role);
        Ok(RoleDoc {
            doc,
            role,
            role_refs,
            unknown_sources: Vec::new(),
            names,
        })
    } else {
        problems.extend(doc.unlisted_note());
        Err(problems)
    }
}

/// Parses and checks a `sources.toml`.
pub fn parse_sources<'a>(
    file: &str,
    text: &'a str,
) -> Result<(Doc<'a>, Vec<Source>), Vec<Diagnostic>> {
    let mut doc = Doc::parse(file, text).map_err(|d| vec![d])?;
    let (parsed, _): (SourcesFile, _) = decode(&mut doc, FileKind::Sources)?;
    let mut problems = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, s) in parsed.source.iter().enumerate() {
        let p = path("source").index(i).key("id");
        if !is_kebab_id(&s.id) {
            doc.report(
                &mut problems,
                &p,
                format!("`{}` is not a lowercase kebab-case id", s.id),
            );
        }
        if let Some(first) = seen.insert(&s.id, i) {
            doc.report(
                &mut problems,
                &p,
                format!("duplicate source id `{}` (also source[{first}])", s.id),
            );
        }
    }
    if problems.is_empty() {
        Ok((doc, parsed.source))
    } else {
        problems.extend(doc.unlisted_note());
        Err(problems)
    }
}

/// Deserializes the document into `T` and runs the checks that need no
/// other file: blank strings and non-finite numbers anywhere. Also
/// returns the references to other roles, for the checks that need the
/// whole catalog.
fn decode<'a, T: serde::de::DeserializeOwned>(
    doc: &mut Doc<'a>,
    kind: FileKind,
) -> Result<(T, Vec<RoleRef<'a>>), Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let refs = match doc.parsed_tree() {
        Some(tree) => scan(doc, tree.get_ref(), kind, &mut problems),
        None => Vec::new(),
    };
    match doc.deserialize::<T>() {
        Ok(v) if problems.is_empty() => Ok((v, refs)),
        Ok(_) => {
            problems.extend(doc.unlisted_note());
            Err(problems)
        }
        Err(d) => {
            problems.insert(0, d);
            problems.extend(doc.unlisted_note());
            Err(problems)
        }
    }
}

/// One pass over the tree: reports blank strings, non-finite numbers and
/// what exceeds the size budget, and collects the strings under keys
/// named `role`. Paths are borrowed while walking and made into a
/// [`FieldPath`] only for a problem: building one per value was most of
/// the validation time.
fn scan<'a>(
    doc: &Doc<'a>,
    tree: &DeTable<'a>,
    kind: FileKind,
    problems: &mut Vec<Diagnostic>,
) -> Vec<RoleRef<'a>> {
    let mut refs = Vec::new();
    let mut tally = Tally::new(kind);
    walk_values(
        tree,
        &mut Vec::new(),
        &mut |path, key_at, value| match value.get_ref() {
            DeValue::String(s) => {
                if s.trim().is_empty() {
                    doc.report(problems, &owned_path(path), "must not be empty");
                }
                for message in tally.text(path, s) {
                    doc.report(problems, &owned_path(path), message);
                }
                if let (Some(Step::Key("role")), Some(key_at)) = (path.last(), key_at) {
                    refs.push(RoleRef {
                        id: s.clone(),
                        key_at,
                    });
                }
            }
            DeValue::Array(items) => {
                if let Some(message) = tally.list(path, items.len()) {
                    doc.report(problems, &owned_path(path), message);
                }
            }
            DeValue::Float(f) => {
                let raw = f.as_str();
                if raw.contains("inf") || raw.contains("nan") {
                    doc.report(
                        problems,
                        &owned_path(path),
                        format!("must be a finite number, not {raw}"),
                    );
                }
            }
            _ => {}
        },
    );
    refs
}

fn check_role(doc: &Doc<'_>, stem: &str, role: &Role) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !is_kebab_id(&role.id) {
        doc.report(
            &mut out,
            &path("id"),
            format!(
                "`{}` is not a lowercase kebab-case id (like `customer-service-associate`)",
                role.id
            ),
        );
    } else if role.id != stem {
        doc.report(
            &mut out,
            &path("id"),
            format!(
                "id `{}` does not match the file name `{stem}.toml`",
                role.id
            ),
        );
    }
    check_name(doc, || path("title"), &role.title, &mut out);
    for (i, a) in role.aliases.iter().enumerate() {
        let at = || path("aliases").index(i).key("name");
        check_name(doc, at, &a.name, &mut out);
    }
    for (i, s) in role.salary.iter().enumerate() {
        check_salary(doc, &path("salary").index(i), s, &mut out);
    }
    for (i, o) in role.outlook.iter().enumerate() {
        check_outlook(doc, i, o, &mut out);
    }
    for (i, e) in role.experience.iter().enumerate() {
        check_years(
            doc,
            &path("experience").index(i),
            e.min_years,
            e.max_years,
            &mut out,
        );
    }
    for (i, l) in role.ladder.iter().enumerate() {
        let lp = path("ladder").index(i);
        if l.tiers.is_empty() {
            doc.report(
                &mut out,
                &lp.clone().key("tiers"),
                "a ladder needs at least one tier",
            );
        }
        for (j, t) in l.tiers.iter().enumerate() {
            check_years(
                doc,
                &lp.clone().key("tiers").index(j),
                Some(t.min_years),
                t.max_years,
                &mut out,
            );
        }
    }
    for (i, m) in role.moves.iter().enumerate() {
        let mp = path("moves").index(i);
        check_years(doc, &mp, m.min_years, m.max_years, &mut out);
        if m.role.as_deref() == Some(role.id.as_str()) {
            doc.report(
                &mut out,
                &mp.key("role"),
                "a move cannot lead back to the same role",
            );
        }
    }
    for (i, f) in role.figures.iter().enumerate() {
        let fp = path("figures").index(i);
        for (name, v) in [("min", f.min), ("max", f.max)] {
            if let Some(v) = v {
                if v < 0.0 {
                    doc.report(
                        &mut out,
                        &fp.clone().key(name),
                        format!("must not be negative, got {v}"),
                    );
                }
            }
        }
        if let (Some(lo), Some(hi)) = (f.min, f.max) {
            if lo > hi {
                doc.report(
                    &mut out,
                    &fp.key("min"),
                    format!("min {lo} is above max {hi}"),
                );
            }
        }
    }
    for (i, link) in role.soc.iter().enumerate() {
        let sp = path("soc").index(i);
        if !is_soc_code(&link.code) {
            doc.report(
                &mut out,
                &sp.clone().key("code"),
                format!("`{}` is not a SOC code like 43-4051", link.code),
            );
        }
        if link.source.is_none() && link.reason.is_none() {
            doc.report(&mut out, &sp, "a SOC link needs a `source` or a `reason`");
        }
    }
    out
}

/// The most years of experience a figure may give.
pub const MAX_YEARS: u32 = 80;

/// Pay per year may not be above this, in the figures' own currency.
pub const MAX_PAY_PER_YEAR: f64 = 1e12;

/// Pay per hour may not be above this, in the figures' own currency.
pub const MAX_PAY_PER_HOUR: f64 = 1e9;

/// The range a growth percent must lie in: no fewer than none of the jobs,
/// no more than eleven times as many.
pub const GROWTH_PERCENT: std::ops::RangeInclusive<f64> = -100.0..=1000.0;

/// The years a projection may run to.
pub const PROJECTION_YEARS: std::ops::RangeInclusive<u32> = 1900..=2200;

/// An id, title or alias holds no character the names rule forbids
/// ([`forbidden_in_name`]); the problem is placed at that character.
/// `at` makes the field's path only for a problem: one per name of every
/// role was a tenth of the time these checks added to a first load.
fn check_name(
    doc: &Doc<'_>,
    at: impl FnOnce() -> FieldPath,
    name: &str,
    out: &mut Vec<Diagnostic>,
) {
    let Some((c, what)) = name
        .chars()
        .find_map(|c| forbidden_in_name(c).map(|what| (c, what)))
    else {
        return;
    };
    let at = &at();
    let message = format!(
        "`{}` holds U+{:04X} ({what}): ids, titles and aliases may not hold control, \
         bidi or zero-width characters",
        shown(name),
        c as u32
    );
    match doc.first_char_in(at, |c| forbidden_in_name(c).is_some()) {
        Some(offset) => doc.report_at(out, at, offset, message),
        None => doc.report(out, at, message),
    }
}

/// A name quoted in a message: what the names rule forbids shown as
/// `\u{..}`, and a long one cut short.
fn shown(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if i == 80 {
            out.push('…');
            break;
        }
        match forbidden_in_name(c) {
            Some(_) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            None => out.push(c),
        }
    }
    out
}

/// A number from a file as a message shows it: in full when it is of a
/// size people write, in scientific notation when it is not (`1e308` has
/// 309 digits in full).
fn number(v: f64) -> String {
    if v != 0.0 && !(1e-3..1e6).contains(&v.abs()) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

fn check_outlook(doc: &Doc<'_>, i: usize, o: &Outlook, out: &mut Vec<Diagnostic>) {
    let at = || path("outlook").index(i);
    if let Some(g) = o.growth_percent {
        if !GROWTH_PERCENT.contains(&g) {
            doc.report(
                out,
                &at().key("growth_percent"),
                format!(
                    "growth must lie between {} and {} percent, got {}",
                    GROWTH_PERCENT.start(),
                    GROWTH_PERCENT.end(),
                    number(g)
                ),
            );
        }
    }
    for (name, year) in [
        ("through", o.through),
        ("ai_impact_through", o.ai_impact_through),
    ] {
        if let Some(y) = year.filter(|y| !PROJECTION_YEARS.contains(y)) {
            doc.report(
                out,
                &at().key(name),
                format!(
                    "must be a year from {} to {}, got {y}",
                    PROJECTION_YEARS.start(),
                    PROJECTION_YEARS.end()
                ),
            );
        }
    }
}

fn check_years(
    doc: &Doc<'_>,
    at: &FieldPath,
    min: Option<u32>,
    max: Option<u32>,
    out: &mut Vec<Diagnostic>,
) {
    for (name, years) in [("min_years", min), ("max_years", max)] {
        if let Some(y) = years.filter(|y| *y > MAX_YEARS) {
            doc.report(
                out,
                &at.clone().key(name),
                format!("years must lie between 0 and {MAX_YEARS}, got {y}"),
            );
        }
    }
    if let (Some(lo), Some(hi)) = (min, max) {
        if lo > hi {
            doc.report(
                out,
                &at.clone().key("min_years"),
                format!("min_years {lo} is above max_years {hi}"),
            );
        }
    }
}

fn check_salary(doc: &Doc<'_>, at: &FieldPath, s: &Salary, out: &mut Vec<Diagnostic>) {
    if s.currency.len() != 3 || !s.currency.bytes().all(|b| b.is_ascii_uppercase()) {
        doc.report(
            out,
            &at.clone().key("currency"),
            format!("`{}` is not an ISO 4217 currency code like USD", s.currency),
        );
    }
    let mut figures: Vec<(FieldPath, f64)> = Vec::new();
    for (name, v) in [
        ("median", s.median),
        ("average", s.average),
        ("entry", s.entry),
        ("mid", s.mid),
        ("senior", s.senior),
        ("top_10_percent_from", s.top_10_percent_from),
    ] {
        if let Some(v) = v {
            figures.push((at.clone().key(name), v));
        }
    }
    for (name, r) in [("range", s.range), ("entry_range", s.entry_range)] {
        if let Some(r) = r {
            figures.push((at.clone().key(name).key("min"), r.min));
            figures.push((at.clone().key(name).key("max"), r.max));
            if r.min > r.max {
                doc.report(
                    out,
                    &at.clone().key(name).key("min"),
                    format!("min {} is above max {}", r.min, r.max),
                );
            }
        }
    }
    let (most, per) = match s.period {
        Period::Year => (MAX_PAY_PER_YEAR, "year"),
        Period::Hour => (MAX_PAY_PER_HOUR, "hour"),
    };
    for (p, v) in &figures {
        if *v < 0.0 {
            doc.report(out, p, format!("pay must not be negative, got {v}"));
        } else if *v == 0.0 {
            doc.report(
                out,
                p,
                "pay must be above zero (leave out a figure no source gives)",
            );
        } else if *v > most {
            doc.report(
                out,
                p,
                format!(
                    "pay above {most:e} per {per} is not plausible in any currency, got {}",
                    number(*v)
                ),
            );
        }
    }
    if let (Some(r), Some(m)) = (s.range, s.median) {
        if m < r.min || m > r.max {
            doc.report(
                out,
                &at.clone().key("median"),
                format!("median {m} lies outside the range {}-{}", r.min, r.max),
            );
        }
    }
    let tiers = [("entry", s.entry), ("mid", s.mid), ("senior", s.senior)];
    let known: Vec<_> = tiers
        .iter()
        .filter_map(|(n, v)| v.map(|v| (*n, v)))
        .collect();
    for pair in known.windows(2) {
        if pair[0].1 > pair[1].1 {
            doc.report(
                out,
                &at.clone().key(pair[1].0),
                format!(
                    "{} {} is below {} {}",
                    pair[1].0, pair[1].1, pair[0].0, pair[0].1
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::{FULL_ROLE, FULL_SOURCES};

    /// The problems of a role file named `full-role.toml`, as
    /// (line, field, message).
    fn problems(text: &str) -> Vec<(usize, String, String)> {
        match parse_role("full-role.toml", "full-role", text) {
            Ok(_) => Vec::new(),
            Err(ds) => ds
                .into_iter()
                .map(|d| (d.line, d.field.unwrap_or_default(), d.message))
                .collect(),
        }
    }

    fn with(from: &str, to: &str) -> String {
        assert!(FULL_ROLE.contains(from), "{from}");
        FULL_ROLE.replacen(from, to, 1)
    }

    #[test]
    fn the_full_role_is_valid_and_keeps_its_role_references() {
        let rd = parse_role("full-role.toml", "full-role", FULL_ROLE).expect("valid");
        let refs: Vec<&str> = rd.role_refs.iter().map(|r| r.id.as_ref()).collect();
        assert_eq!(refs, ["full-role"]);
        assert_eq!(rd.names.title, "full role");
        assert_eq!(rd.names.aliases, ["complete role"]);
    }

    #[test]
    fn the_id_is_kebab_case_and_the_file_name() {
        let p = problems(&with("id = \"full-role\"", "id = \"Full_Role\""));
        assert_eq!(p.len(), 1);
        assert!(p[0].2.contains("not a lowercase kebab-case id"), "{p:?}");
        let p = problems(&with("id = \"full-role\"", "id = \"other-role\""));
        assert_eq!(
            p[0].2,
            "id `other-role` does not match the file name `full-role.toml`"
        );
    }

    #[test]
    fn blank_strings_and_non_finite_numbers_are_refused_everywhere() {
        let p = problems(&with("items = [\"Banks\"]", "items = [\"  \"]"));
        assert_eq!(
            p,
            [(
                24,
                "employers[0].items[0]".into(),
                "must not be empty".into()
            )]
        );
        let p = problems(&with("min = 40.0", "min = nan"));
        assert_eq!(p[0].1, "figures[0].min");
        assert_eq!(p[0].2, "must be a finite number, not nan");
    }

    #[test]
    fn pay_and_years_must_be_in_order() {
        let p = problems(&with("median = 40000", "median = 60000"));
        assert_eq!(p[0].2, "median 60000 lies outside the range 30000-50000");
        let p = problems(&with("max_years = 3", "max_years = 0"));
        assert_eq!(p[0].1, "experience[0].min_years");
        let p = problems(&with("currency = \"USD\"", "currency = \"usd\""));
        assert!(p[0].2.contains("is not an ISO 4217 currency code"), "{p:?}");
    }

    #[test]
    fn soc_links_are_codes_with_a_source_or_a_reason() {
        let p = problems(&with("code = \"43-9061\"", "code = \"439061\""));
        assert_eq!(p[0].2, "`439061` is not a SOC code like 43-4051");
        let p = problems(&with("reason = \"Office clerks do much the same.\"\n", ""));
        assert_eq!(p[0].2, "a SOC link needs a `source` or a `reason`");
    }

    #[test]
    fn sources_have_unique_kebab_ids() {
        let (_, sources) = parse_sources("s.toml", FULL_SOURCES).expect("valid");
        assert_eq!(sources.len(), 2);
        let twice = FULL_SOURCES.replace("src-b", "src-a");
        let ds = parse_sources("s.toml", &twice).err().expect("refused");
        assert_eq!(
            ds[0].message,
            "duplicate source id `src-a` (also source[0])"
        );
        assert_eq!(
            (ds[0].line, ds[0].field.as_deref()),
            (7, Some("source[1].id"))
        );
    }

    #[test]
    fn names_hold_no_hidden_characters() {
        let p = problems(&with(
            "title = \"Full Role\"",
            "title = \"Full \\u202eRole\"",
        ));
        assert_eq!(
            p,
            [(
                2,
                "title".into(),
                "`Full \\u{202e}Role` holds U+202E (a bidi control): ids, titles and aliases \
                 may not hold control, bidi or zero-width characters"
                    .into()
            )]
        );
        let p = problems(&with("Complete Role", "Complete\u{200b}Role"));
        assert_eq!(p[0].1, "aliases[0].name");
        // Quotes and the like are fine.
        assert_eq!(
            problems(&with("Full Role", r#"Full \"Role\" $(x) `y` & Co."#)),
            []
        );
    }

    #[test]
    fn numbers_stay_within_their_bounds() {
        let p = problems(&with("median = 40000", "median = 1e308"));
        assert_eq!(
            p[0].2,
            "pay above 1e12 per year is not plausible in any currency, got 1e308"
        );
        let p = problems(&with("median = 20", "median = 1000000001"));
        assert_eq!(
            p[0].2,
            "pay above 1e9 per hour is not plausible in any currency, got 1.000000001e9"
        );
        let p = problems(&with("median = 20", "median = 0"));
        assert_eq!(
            p[0].2,
            "pay must be above zero (leave out a figure no source gives)"
        );
        let p = problems(&with("growth_percent = 5.0", "growth_percent = -100.5"));
        assert_eq!(
            p[0].2,
            "growth must lie between -100 and 1000 percent, got -100.5"
        );
        let p = problems(&with("max_years = 3", "max_years = 81"));
        assert_eq!(
            (p[0].1.as_str(), p[0].2.as_str()),
            (
                "experience[0].max_years",
                "years must lie between 0 and 80, got 81"
            )
        );
        let p = problems(&with(
            "trend = \"growing\"",
            "trend = \"growing\"\nthrough = 1899",
        ));
        assert_eq!(p[0].2, "must be a year from 1900 to 2200, got 1899");
        for fine in [
            ("median = 20", "median = 1e9"),
            (
                "range = { min = 30000, max = 50000 }\nmedian = 40000",
                "median = 1e12",
            ),
            ("growth_percent = 5.0", "growth_percent = 1000"),
            ("max_years = 3", "max_years = 80"),
        ] {
            assert_eq!(problems(&with(fine.0, fine.1)), [], "{fine:?}");
        }
    }

    #[test]
    fn numbers_in_messages_stay_short() {
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(-1e300), "-1e300");
        assert_eq!(number(5000.0), "5000");
        assert_eq!(number(0.0), "0");
        assert_eq!(number(0.0001), "1e-4");
    }
}
