//! The rules one file must follow on its own: the shape of a role or
//! sources file (serde, with `deny_unknown_fields`), no blank strings or
//! non-finite numbers, kebab-case ids matching the file name, pay figures
//! and year ranges in order, well-formed SOC links.

use super::budget::{FileKind, Tally};
use super::location::{owned_path, path, walk_values, Doc, FieldPath, Step};
use super::Diagnostic;
use crate::model::{
    LadderFile, Outlook, PayBand, Period, Role, Salary, Source, SourcesFile, Tier, SOURCED_FIELDS,
};
use crate::names::{forbidden_in_name, is_kebab_id, is_soc_code, normalize_name};
use std::borrow::Cow;
use std::collections::HashMap;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

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
    /// The file's default source, if it gives one.
    pub(crate) default_source: Option<DefaultSource>,
}

/// A ladder file (`ladders/<id>.toml`) parsed and checked on its own.
pub struct LadderDoc<'a> {
    pub doc: Doc<'a>,
    pub ladder: LadderFile,
    /// The roles its tiers link, checked once the whole catalog is known.
    pub(crate) role_refs: Vec<RoleRef<'a>>,
    /// Its source, when no file defines it.
    pub(crate) unknown_sources: Vec<UnknownSource>,
}

/// A role file's default source: a `source` key at the top of the file,
/// which every sourced block that names no source of its own cites.
pub(crate) struct DefaultSource {
    pub id: String,
    /// The blocks that took it, as (field, index in the field's list): an
    /// unknown default is reported once, at its own key, not at each.
    pub blocks: Vec<(&'static str, Option<usize>)>,
}

/// A citation of a source that does not exist.
pub(crate) struct UnknownSource {
    /// The `source` key that names it.
    pub path: FieldPath,
    pub id: String,
}

impl UnknownSource {
    /// The `source` of a role's block `index` of `field` (`None` for
    /// `family`, a single table).
    pub fn of_block(field: &str, index: Option<usize>, id: &str) -> UnknownSource {
        let at = path(field);
        UnknownSource {
            path: match index {
                Some(i) => at.index(i).key("source"),
                None => at.key("source"),
            },
            id: id.to_string(),
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
    let decoded: Decoded<'a, Role> = decode(&mut doc, FileKind::Role)?;
    let role = decoded.value;
    let mut problems = check_role(&doc, stem, &role);
    if problems.is_empty() {
        let names = Names::of(&role);
        Ok(RoleDoc {
            doc,
            role,
            role_refs: decoded.role_refs,
            unknown_sources: Vec::new(),
            names,
            default_source: decoded.default_source,
        })
    } else {
        problems.extend(doc.unlisted_note());
        Err(problems)
    }
}

/// Parses and checks one ladder file. `stem` is the file name without
/// `.toml`, which must equal the ladder's id.
pub fn parse_ladder<'a>(
    file: &str,
    stem: &str,
    text: &'a str,
) -> Result<LadderDoc<'a>, Vec<Diagnostic>> {
    let mut doc = Doc::parse(file, text).map_err(|d| vec![d])?;
    let decoded: Decoded<'a, LadderFile> = decode(&mut doc, FileKind::Ladder)?;
    let ladder = decoded.value;
    let mut problems = Vec::new();
    check_id(&doc, stem, &ladder.id, "acme-support", &mut problems);
    check_tiers(
        &doc,
        FieldPath::default(),
        &ladder.ladder.tiers,
        &mut problems,
    );
    if problems.is_empty() {
        Ok(LadderDoc {
            doc,
            ladder,
            role_refs: decoded.role_refs,
            unknown_sources: Vec::new(),
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
    let parsed: SourcesFile = decode(&mut doc, FileKind::Sources)?.value;
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

/// A file decoded: its value, the references to roles it holds, and (for
/// a role file) its default source.
struct Decoded<'a, T> {
    value: T,
    role_refs: Vec<RoleRef<'a>>,
    default_source: Option<DefaultSource>,
}

/// Deserializes the document into `T` and runs the checks that need no
/// other file: blank strings and non-finite numbers anywhere, and in a
/// role file every sourced block's source (its own or the file's
/// default, see [`fill_sources`]). Also returns the references to other
/// roles, for the checks that need the whole catalog.
fn decode<'a, T: serde::de::DeserializeOwned>(
    doc: &mut Doc<'a>,
    kind: FileKind,
) -> Result<Decoded<'a, T>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let refs = match doc.parsed_tree() {
        Some(tree) => scan(doc, tree.get_ref(), kind, &mut problems),
        None => Vec::new(),
    };
    let default_source = match kind {
        FileKind::Role => fill_sources(doc, &mut problems),
        _ => None,
    };
    match doc.deserialize::<T>() {
        Ok(value) if problems.is_empty() => Ok(Decoded {
            value,
            role_refs: refs,
            default_source,
        }),
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

/// What [`fill_tree`] found: the default, and the blocks without a
/// source when there is none.
struct Filled<'a> {
    /// The default's id, and the spans of its key and value.
    default: Option<(Cow<'a, str>, Span, Span)>,
    /// The type of the value at the top-level `source` when it is not a
    /// string.
    wrong_type: Option<&'static str>,
    /// The blocks that took the default.
    blocks: Vec<(&'static str, Option<usize>)>,
    /// Blocks that name no source, in a file without a default.
    missing: Vec<FieldPath>,
}

type Span = std::ops::Range<usize>;

/// A role file's default source: the `source` key at its top, taken out
/// of the tree (a role has no field of that name) and written into every
/// sourced block ([`SOURCED_FIELDS`]) that names none, so that the role
/// decodes with every block's source filled in; a block's own `source`
/// wins. Without a default, each block without a source is reported here
/// (serde would stop at the first one), placed where the block starts as
/// serde would place it, and given an empty source so that decoding goes
/// on to find the file's other problems.
fn fill_sources(doc: &mut Doc<'_>, problems: &mut Vec<Diagnostic>) -> Option<DefaultSource> {
    let filled = fill_tree(doc.parsed_tree_mut()?.get_mut());
    if let Some(what) = filled.wrong_type {
        let message = format!(
            "invalid type: {what}, expected a string (the id of the source that every \
             block without its own `source` cites)"
        );
        doc.report(problems, &path("source"), message);
    }
    for at in &filled.missing {
        let message = "missing field `source`: name the block's source, or give the file a \
                       default `source = \"...\"` above its first table";
        let block = FieldPath(at.0[..at.0.len() - 1].to_vec());
        match doc.value_offset(&block) {
            Some(offset) => doc.report_at(problems, at, offset, message),
            None => doc.report(problems, at, message),
        }
    }
    let (id, _, _) = filled.default?;
    Some(DefaultSource {
        id: id.into_owned(),
        blocks: filled.blocks,
    })
}

/// The work of [`fill_sources`] on the tree.
fn fill_tree<'a>(tree: &mut DeTable<'a>) -> Filled<'a> {
    let mut filled = Filled {
        default: None,
        wrong_type: None,
        blocks: Vec::new(),
        missing: Vec::new(),
    };
    if let Some((key, value)) = tree.remove_entry("source") {
        let (key_span, value_span) = (key.span(), value.span());
        match value.into_inner() {
            DeValue::String(id) => filled.default = Some((id, key_span, value_span)),
            other => filled.wrong_type = Some(other.type_str()),
        }
    }
    for field in SOURCED_FIELDS {
        match tree.get_mut(*field).map(Spanned::get_mut) {
            Some(DeValue::Table(block)) => fill_block(block, field, None, &mut filled),
            Some(DeValue::Array(items)) => {
                for (i, item) in items.iter_mut().enumerate() {
                    if let DeValue::Table(block) = item.get_mut() {
                        fill_block(block, field, Some(i), &mut filled);
                    }
                }
            }
            // Anything else is of the wrong type, which decoding reports.
            _ => {}
        }
    }
    filled
}

/// Gives one block the default source, if it names none of its own.
fn fill_block<'a>(
    block: &mut DeTable<'a>,
    field: &'static str,
    index: Option<usize>,
    filled: &mut Filled<'a>,
) {
    if block.contains_key("source") {
        return;
    }
    let (id, key_span, value_span) = match &filled.default {
        Some((id, key, value)) => {
            filled.blocks.push((field, index));
            (id.clone(), key.clone(), value.clone())
        }
        None => {
            // A default of the wrong type is reported once, not here.
            if filled.wrong_type.is_none() {
                let at = match index {
                    Some(i) => path(field).index(i),
                    None => path(field),
                };
                filled.missing.push(at.key("source"));
            }
            (Cow::Borrowed(""), 0..0, 0..0)
        }
    };
    block.insert(
        Spanned::new(key_span, Cow::Borrowed("source")),
        Spanned::new(value_span, DeValue::String(id)),
    );
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

/// An id is lowercase kebab-case (like `example`) and the file's name.
fn check_id(doc: &Doc<'_>, stem: &str, id: &str, example: &str, out: &mut Vec<Diagnostic>) {
    if !is_kebab_id(id) {
        doc.report(
            out,
            &path("id"),
            format!("`{id}` is not a lowercase kebab-case id (like `{example}`)"),
        );
    } else if id != stem {
        doc.report(
            out,
            &path("id"),
            format!("id `{id}` does not match the file name `{stem}.toml`"),
        );
    }
}

fn check_role(doc: &Doc<'_>, stem: &str, role: &Role) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_id(doc, stem, &role.id, "customer-service-associate", &mut out);
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
        check_tiers(doc, path("ladder").index(i), &l.tiers, &mut out);
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

/// The tiers of a ladder at `ladder` (the file's root for a ladder file):
/// at least one; years in order; level codes short codes; pay bands
/// valid as pay.
fn check_tiers(doc: &Doc<'_>, ladder: FieldPath, tiers: &[Tier], out: &mut Vec<Diagnostic>) {
    let at = ladder.key("tiers");
    if tiers.is_empty() {
        doc.report(out, &at, "a ladder needs at least one tier");
    }
    for (j, t) in tiers.iter().enumerate() {
        let tp = at.clone().index(j);
        check_years(doc, &tp, t.min_years, t.max_years, out);
        if let Some(level) = &t.level {
            check_level(doc, tp.clone().key("level"), level, out);
        }
        if let Some(band) = &t.band {
            check_band(doc, &tp.key("pay"), band, out);
        }
    }
}

/// The most characters a tier's level code may have.
pub const MAX_LEVEL_CHARS: usize = 16;

/// Whether `c` may stand in a level code.
fn level_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '+' | '/')
}

/// A level code is a short code: letters, digits and `- . _ + /`, no
/// spaces (`L3`, `IC2`, `M1`, `P3.1`).
fn check_level(doc: &Doc<'_>, at: FieldPath, level: &str, out: &mut Vec<Diagnostic>) {
    let chars = level.chars().count();
    if chars <= MAX_LEVEL_CHARS && level.chars().all(level_char) {
        return;
    }
    let message = format!(
        "`{}` is not a level code: at most {MAX_LEVEL_CHARS} letters, digits and `- . _ + /`, \
         no spaces (like L3, IC2 or M1)",
        shown(level)
    );
    match doc.first_char_in(&at, |c| !level_char(c)) {
        Some(offset) if chars <= MAX_LEVEL_CHARS => doc.report_at(out, &at, offset, message),
        _ => doc.report(out, &at, message),
    }
}

/// A tier's pay band: a currency code, a `min` and a `max` in order and
/// within the bounds of pay ([`check_pay`]).
fn check_band(doc: &Doc<'_>, at: &FieldPath, band: &PayBand, out: &mut Vec<Diagnostic>) {
    check_currency(doc, at.clone().key("currency"), &band.currency, out);
    for (name, v) in [("min", band.min), ("max", band.max)] {
        check_pay(doc, &at.clone().key(name), v, band.period, out);
    }
    if band.min > band.max {
        doc.report(
            out,
            &at.clone().key("min"),
            format!("min {} is above max {}", number(band.min), number(band.max)),
        );
    }
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

/// A currency is an ISO 4217 code: three capital letters.
fn check_currency(doc: &Doc<'_>, at: FieldPath, currency: &str, out: &mut Vec<Diagnostic>) {
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        doc.report(
            out,
            &at,
            format!("`{currency}` is not an ISO 4217 currency code like USD"),
        );
    }
}

/// A pay figure is above zero and at most [`MAX_PAY_PER_YEAR`] or
/// [`MAX_PAY_PER_HOUR`].
fn check_pay(doc: &Doc<'_>, at: &FieldPath, v: f64, period: Period, out: &mut Vec<Diagnostic>) {
    let (most, per) = match period {
        Period::Year => (MAX_PAY_PER_YEAR, "year"),
        Period::Hour => (MAX_PAY_PER_HOUR, "hour"),
    };
    if v < 0.0 {
        doc.report(out, at, format!("pay must not be negative, got {v}"));
    } else if v == 0.0 {
        doc.report(
            out,
            at,
            "pay must be above zero (leave out a figure no source gives)",
        );
    } else if v > most {
        doc.report(
            out,
            at,
            format!(
                "pay above {most:e} per {per} is not plausible in any currency, got {}",
                number(v)
            ),
        );
    }
}

fn check_salary(doc: &Doc<'_>, at: &FieldPath, s: &Salary, out: &mut Vec<Diagnostic>) {
    check_currency(doc, at.clone().key("currency"), &s.currency, out);
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
    for (p, v) in &figures {
        check_pay(doc, p, *v, s.period, out);
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
    use crate::testdata::{full_role_short, FULL_LADDER, FULL_ROLE, FULL_SOURCES};

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
    fn a_default_source_stands_for_every_block_that_names_none() {
        let short = full_role_short();
        let rd = parse_role("full-role.toml", "full-role", &short).expect("valid");
        let full = parse_role("full-role.toml", "full-role", FULL_ROLE).expect("valid");
        // The same role: blocks with their own source (`src-b`) keep it,
        // the others cite the default, and SOC links take no default.
        assert_eq!(rd.role, full.role);
        let d = rd.default_source.expect("a default");
        assert_eq!(d.id, "src-a");
        let cites_a = full.role.sourced_blocks().filter(|b| b.source == "src-a");
        assert_eq!(d.blocks.len(), cites_a.count());
        assert!(d.blocks.contains(&("family", None)));
        assert!(!d.blocks.contains(&("salary", Some(1))), "its own src-b");
        assert_eq!(rd.role.soc[1].source, None);
        assert!(full.default_source.is_none());
    }

    #[test]
    fn without_a_default_every_block_without_a_source_is_reported() {
        let text = FULL_ROLE
            .replace(", source = \"src-a\" }", " }")
            .replacen("[[summary]]\nsource = \"src-a\"\n", "[[summary]]\n", 1)
            .replacen("[[moves]]\nsource = \"src-b\"\n", "[[moves]]\n", 1);
        let p = problems(&text);
        let moves = 1 + text.lines().position(|l| l == "[[moves]]").expect("moves");
        let at: Vec<(usize, &str)> = p.iter().map(|(l, f, _)| (*l, f.as_str())).collect();
        assert_eq!(
            at,
            [
                (3, "family.source"),
                (6, "summary[0].source"),
                (moves, "moves[0].source")
            ]
        );
        assert!(p.iter().all(|(_, _, m)| m
            == "missing field `source`: name the block's source, or give the file a default \
                `source = \"...\"` above its first table"));
        // The column of an inline table is its brace, as serde places it.
        let d = parse_role(
            "f.toml",
            "full-role",
            &FULL_ROLE.replace(", source = \"src-a\" }", " }"),
        )
        .err()
        .expect("refused");
        assert_eq!((d[0].line, d[0].column), (3, 10));
    }

    #[test]
    fn a_default_source_must_be_a_string_and_soc_links_take_none() {
        let p = problems(&format!(
            "source = 3\n{}",
            full_role_short().replacen("source = \"src-a\"\n", "", 1)
        ));
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].0, 1);
        assert_eq!(p[0].1, "source");
        assert!(
            p[0].2
                .starts_with("invalid type: integer, expected a string"),
            "{p:?}"
        );
        let p = problems(
            &full_role_short().replace("reason = \"Office clerks do much the same.\"\n", ""),
        );
        assert_eq!(p[0].2, "a SOC link needs a `source` or a `reason`");
    }

    /// The problems of a ladder file named `full-ladder.toml`, as
    /// (line, field, message).
    fn ladder_problems(text: &str) -> Vec<(usize, String, String)> {
        match parse_ladder("full-ladder.toml", "full-ladder", text) {
            Ok(_) => Vec::new(),
            Err(ds) => ds
                .into_iter()
                .map(|d| (d.line, d.field.unwrap_or_default(), d.message))
                .collect(),
        }
    }

    fn ladder_with(from: &str, to: &str) -> String {
        assert!(FULL_LADDER.contains(from), "{from}");
        FULL_LADDER.replacen(from, to, 1)
    }

    #[test]
    fn a_ladder_file_is_valid_and_keeps_its_role_references() {
        let ld = parse_ladder("full-ladder.toml", "full-ladder", FULL_LADDER).expect("valid");
        assert_eq!(ld.ladder.id, "full-ladder");
        assert_eq!(ld.ladder.ladder.source, "src-a");
        assert_eq!(ld.ladder.ladder.tiers.len(), 2);
        let refs: Vec<&str> = ld.role_refs.iter().map(|r| r.id.as_ref()).collect();
        assert_eq!(refs, ["full-role"]);
        // Years, levels, bands, roles and descriptions are all optional.
        let bare =
            "id = \"full-ladder\"\nname = \"L\"\nsource = \"s\"\ntiers = [{ title = \"T\" }]\n";
        assert_eq!(ladder_problems(bare), []);
    }

    #[test]
    fn a_ladder_file_is_checked_like_a_role_file() {
        let p = ladder_problems(&ladder_with("id = \"full-ladder\"", "id = \"other\""));
        assert_eq!(
            p,
            [(
                1,
                "id".into(),
                "id `other` does not match the file name `full-ladder.toml`".into()
            )]
        );
        let p = ladder_problems(&ladder_with("level = \"L1\"", "levle = \"L1\""));
        assert_eq!((p[0].0, p[0].1.as_str()), (7, "tiers[0].levle"));
        assert!(p[0].2.contains("unknown field `levle`"), "{p:?}");
        let p = ladder_problems(&ladder_with("source = \"src-a\"\n", ""));
        assert!(p[0].2.contains("missing field `source`"), "{p:?}");
        let p = ladder_problems(&ladder_with(
            "min_years = 2\n",
            "min_years = 3\nmax_years = 1\n",
        ));
        assert_eq!(
            p,
            [(
                17,
                "tiers[1].min_years".into(),
                "min_years 3 is above max_years 1".into()
            )]
        );
        let p = ladder_problems("id = \"full-ladder\"\nname = \"L\"\nsource = \"s\"\ntiers = []\n");
        assert_eq!(
            p,
            [(4, "tiers".into(), "a ladder needs at least one tier".into())]
        );
    }

    #[test]
    fn level_codes_are_short_codes() {
        let p = ladder_problems(&ladder_with("level = \"L1\"", "level = \"Level 1\""));
        assert_eq!(
            p,
            [(
                7,
                "tiers[0].level".into(),
                "`Level 1` is not a level code: at most 16 letters, digits and `- . _ + /`, \
                 no spaces (like L3, IC2 or M1)"
                    .into()
            )]
        );
        let d = parse_ladder(
            "f.toml",
            "full-ladder",
            &ladder_with("level = \"L1\"", "level = \"L\\u202e1\""),
        )
        .err()
        .expect("refused");
        assert_eq!((d[0].line, d[0].column), (7, 11), "at the bidi control");
        assert!(d[0]
            .message
            .starts_with("`L\\u{202e}1` is not a level code"));
        let long = ladder_problems(&ladder_with(
            "level = \"L1\"",
            "level = \"ABCDEFGHIJKLMNOPQ\"",
        ));
        assert_eq!(long.len(), 1);
        for fine in ["IC2", "M1", "P3.1", "E-5", "SWE_II", "L3+", "É2"] {
            let text = ladder_with("level = \"L1\"", &format!("level = \"{fine}\""));
            assert_eq!(ladder_problems(&text), [], "{fine}");
        }
    }

    #[test]
    fn pay_bands_are_checked_as_pay() {
        let band = "pay = { min = 30000, max = 40000, currency = \"USD\", period = \"year\" }";
        let bad = |b: &str| ladder_problems(&ladder_with(band, b));
        let p = bad("pay = { min = 40000, max = 30000, currency = \"USD\", period = \"year\" }");
        assert_eq!(
            p,
            [(
                11,
                "tiers[0].pay.min".into(),
                "min 40000 is above max 30000".into()
            )]
        );
        let p = bad("pay = { min = 30000, max = 40000, currency = \"usd\", period = \"year\" }");
        assert_eq!(
            (p[0].1.as_str(), p[0].2.as_str()),
            (
                "tiers[0].pay.currency",
                "`usd` is not an ISO 4217 currency code like USD"
            )
        );
        let p = bad("pay = { min = 0, max = 40000, currency = \"USD\", period = \"year\" }");
        assert_eq!(
            (p[0].1.as_str(), p[0].2.as_str()),
            (
                "tiers[0].pay.min",
                "pay must be above zero (leave out a figure no source gives)"
            )
        );
        let p = bad("pay = { min = 30000, max = 2e9, currency = \"USD\", period = \"hour\" }");
        assert_eq!(
            p[0].2,
            "pay above 1e9 per hour is not plausible in any currency, got 2e9"
        );
        let p = bad("pay = { min = 30000, max = 40000, currency = \"USD\", period = \"month\" }");
        assert_eq!(p[0].1, "tiers[0].pay.period");
        assert!(p[0].2.contains("unknown variant `month`"), "{p:?}");
        let p = bad("pay = { min = 30000, currency = \"USD\", period = \"year\" }");
        assert!(p[0].2.contains("missing field `max`"), "{p:?}");
        let p = bad("pay = { min = 30000, max = inf, currency = \"USD\", period = \"year\" }");
        assert_eq!(p[0].2, "must be a finite number, not inf");
    }

    #[test]
    fn in_role_ladder_tiers_take_levels_bands_and_optional_years() {
        let tiers = "tiers = [{ title = \"Full Role\", min_years = 0, role = \"full-role\" }]";
        let text = with(
            tiers,
            "tiers = [{ title = \"Full Role\", level = \"L1\", role = \"full-role\", \
             pay = { min = 1, max = 2, currency = \"EUR\", period = \"hour\" } }]",
        );
        let rd = parse_role("full-role.toml", "full-role", &text).expect("valid");
        let t = &rd.role.ladder[0].tiers[0];
        assert_eq!((t.min_years, t.level.as_deref()), (None, Some("L1")));
        let p = problems(&with(tiers, "tiers = [{ title = \"T\", level = \"L 1\" }]"));
        assert_eq!(p[0].1, "ladder[0].tiers[0].level");
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
