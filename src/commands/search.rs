//! `careers search QUERY`: roles ranked by how well their titles, aliases,
//! skills, tools and responsibilities match a typed query.
//!
//! Every text is scored by [`crate::search::Searcher`] (0 to 1) and
//! multiplied by its field's weight ([`weight`]). A role keeps its best
//! hit in each field; its score is its best hit's. Roles are ranked by
//! score, then by how many fields matched, then by title.

use crate::catalog::Catalog;
use crate::cli::{SearchArgs, SearchField};
use crate::error::{Error, Result};
use crate::model::Role;
use crate::search::Searcher;
use serde::{Serialize, Serializer};
use std::ops::Range;

/// Every field, in the order hits of equal score are listed.
pub const ALL_FIELDS: [SearchField; 5] = [
    SearchField::Title,
    SearchField::Alias,
    SearchField::Skills,
    SearchField::Tools,
    SearchField::Responsibilities,
];

/// How much a match in each field counts: a role's own names first, then
/// what it needs, then what it does.
pub fn weight(field: SearchField) -> f64 {
    match field {
        SearchField::Title => 1.0,
        SearchField::Alias => 0.95,
        SearchField::Skills | SearchField::Tools => 0.85,
        SearchField::Responsibilities => 0.7,
    }
}

/// The field's name in output, as `--in` spells it.
pub fn field_name(field: SearchField) -> &'static str {
    match field {
        SearchField::Title => "title",
        SearchField::Alias => "alias",
        SearchField::Skills => "skills",
        SearchField::Tools => "tools",
        SearchField::Responsibilities => "responsibilities",
    }
}

fn field_plural(field: SearchField) -> &'static str {
    match field {
        SearchField::Title => "titles",
        SearchField::Alias => "aliases",
        SearchField::Skills => "skills",
        SearchField::Tools => "tools",
        SearchField::Responsibilities => "responsibilities",
    }
}

/// One matching text of a role.
#[derive(Debug, Clone, Serialize)]
pub struct Matched {
    #[serde(serialize_with = "ser_field")]
    pub field: SearchField,
    pub text: String,
    /// Where the text sits: the tool category of a vendor example, the
    /// skill-map group or "technical skills"/"soft skills" of a skill.
    pub context: Option<String>,
    /// The text's score times the field's weight, 0 to 1.
    pub score: f64,
    /// The source the text comes from; none for a role's title.
    pub source: Option<String>,
    /// Byte ranges of `text` that matched, for highlighting.
    #[serde(skip)]
    pub highlight: Vec<Range<usize>>,
}

fn ser_field<S: Serializer>(f: &SearchField, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(field_name(*f))
}

/// A role that matched, with its best hit in each field, best first.
#[derive(Debug, Clone, Serialize)]
pub struct RoleHit {
    pub id: String,
    pub title: String,
    /// The best hit's score.
    pub score: f64,
    pub matched: Vec<Matched>,
}

#[derive(Debug, Clone)]
pub struct SearchView {
    pub query: String,
    /// The roles shown, best first.
    pub hits: Vec<RoleHit>,
    /// How many roles matched before `--limit`.
    pub total: usize,
}

/// JSON is the array of hits alone.
impl Serialize for SearchView {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.hits.serialize(s)
    }
}

/// A text to search, with what the output says about it.
struct Text<'a> {
    text: &'a str,
    context: Option<&'a str>,
    source: Option<&'a str>,
}

/// Every text of `field` in `role`.
fn texts(role: &Role, field: SearchField) -> Vec<Text<'_>> {
    let t = |text, context, source| Text {
        text,
        context,
        source,
    };
    match field {
        SearchField::Title => vec![t(role.title.as_str(), None, None)],
        SearchField::Alias => role
            .aliases
            .iter()
            .map(|a| t(&a.name, None, Some(&a.source)))
            .collect(),
        SearchField::Skills => {
            let mut out = Vec::new();
            for l in &role.tech_skills {
                out.extend(
                    l.items
                        .iter()
                        .map(|i| t(i, Some("technical skills"), Some(&l.source))),
                );
            }
            for l in &role.soft_skills {
                out.extend(
                    l.items
                        .iter()
                        .map(|i| t(i, Some("soft skills"), Some(&l.source))),
                );
            }
            for g in &role.skill_map {
                out.extend(
                    g.skills
                        .iter()
                        .map(|i| t(i, Some(g.name.as_str()), Some(&g.source))),
                );
            }
            out
        }
        SearchField::Tools => {
            let mut out = Vec::new();
            for g in &role.tech_stack {
                for tool in &g.tools {
                    out.push(t(&tool.name, None, Some(&g.source)));
                    out.extend(
                        tool.examples
                            .iter()
                            .map(|e| t(e, Some(tool.name.as_str()), Some(&g.source))),
                    );
                }
            }
            out
        }
        SearchField::Responsibilities => role
            .responsibilities
            .iter()
            .flat_map(|l| l.items.iter().map(|i| t(i, None, Some(&l.source))))
            .collect(),
    }
}

/// Three decimals: enough to rank by, stable in JSON.
pub fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// The fields searched: `--in`, deduplicated in canonical order, or all.
fn fields_of(args: &SearchArgs) -> Vec<SearchField> {
    if args.fields.is_empty() {
        return ALL_FIELDS.to_vec();
    }
    ALL_FIELDS
        .iter()
        .copied()
        .filter(|f| args.fields.contains(f))
        .collect()
}

/// "titles, aliases or tools".
fn listed(fields: &[SearchField]) -> String {
    let names: Vec<&str> = fields.iter().map(|f| field_plural(*f)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

pub fn run(catalog: &Catalog, args: &SearchArgs) -> Result<SearchView> {
    let mut searcher = Searcher::new(&args.query).ok_or_else(|| {
        Error::Usage(format!(
            "the search query `{}` has no letters or digits",
            args.query
        ))
    })?;
    let fields = fields_of(args);
    // Per role: its best text in each field, by index into `texts`.
    let mut found: Vec<(usize, Vec<(SearchField, f64, usize)>)> = Vec::new();
    for (ri, role) in catalog.roles.iter().enumerate() {
        let mut best: Vec<(SearchField, f64, usize)> = Vec::new();
        for &field in &fields {
            let w = weight(field);
            let mut top: Option<(f64, usize)> = None;
            for (ti, t) in texts(role, field).iter().enumerate() {
                if let Some(s) = searcher.score(t.text) {
                    let s = round3(s * w);
                    if top.is_none_or(|(b, _)| s > b) {
                        top = Some((s, ti));
                    }
                }
            }
            if let Some((s, ti)) = top {
                best.push((field, s, ti));
            }
        }
        if !best.is_empty() {
            // Best first; equal scores in field order (already so: stable).
            best.sort_by(|a, b| b.1.total_cmp(&a.1));
            found.push((ri, best));
        }
    }
    if found.is_empty() {
        return Err(no_results(catalog, &args.query, &fields));
    }
    let score = |f: &(usize, Vec<(SearchField, f64, usize)>)| f.1.first().map_or(0.0, |b| b.1);
    found.sort_by(|a, b| {
        let (ra, rb) = (&catalog.roles[a.0], &catalog.roles[b.0]);
        score(b)
            .total_cmp(&score(a))
            .then(b.1.len().cmp(&a.1.len()))
            .then_with(|| ra.title.to_lowercase().cmp(&rb.title.to_lowercase()))
            .then_with(|| ra.id.cmp(&rb.id))
    });
    let total = found.len();
    if args.limit > 0 {
        found.truncate(args.limit);
    }
    // Highlights only for what is shown.
    let hits = found
        .into_iter()
        .map(|(ri, best)| {
            let role = &catalog.roles[ri];
            let matched = best
                .into_iter()
                .filter_map(|(field, score, ti)| {
                    let all = texts(role, field);
                    let t = all.get(ti)?;
                    let highlight = searcher
                        .highlight(t.text)
                        .map(|(_, h)| h)
                        .unwrap_or_default();
                    Some(Matched {
                        field,
                        text: t.text.to_string(),
                        context: t.context.map(str::to_string),
                        score,
                        source: t.source.map(str::to_string),
                        highlight,
                    })
                })
                .collect::<Vec<_>>();
            RoleHit {
                id: role.id.clone(),
                title: role.title.clone(),
                score: matched.first().map_or(0.0, |m| m.score),
                matched,
            }
        })
        .collect();
    Ok(SearchView {
        query: args.query.clone(),
        hits,
        total,
    })
}

/// "nothing matches", with the roles whose names are closest.
fn no_results(catalog: &Catalog, query: &str, fields: &[SearchField]) -> Error {
    let mut message = format!("nothing matches `{query}` in {}", listed(fields));
    let near = crate::resolve::closest(&catalog.candidates(), query, 3);
    if !near.is_empty() {
        message.push_str("\n\ndid you mean:");
        for i in near {
            if let Some(r) = catalog.roles.get(i) {
                message.push_str(&format!("\n  {:<34} {}", r.id, r.title));
            }
        }
    }
    if fields.len() < ALL_FIELDS.len() {
        message.push_str("\n\nWithout --in, every field is searched.");
    }
    Error::NoResults(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_listed_for_people() {
        assert_eq!(listed(&[SearchField::Tools]), "tools");
        assert_eq!(
            listed(&ALL_FIELDS),
            "titles, aliases, skills, tools or responsibilities"
        );
    }

    #[test]
    fn weights_put_names_before_skills_before_duties() {
        assert!(weight(SearchField::Title) >= weight(SearchField::Alias));
        assert!(weight(SearchField::Alias) > weight(SearchField::Skills));
        assert_eq!(weight(SearchField::Skills), weight(SearchField::Tools));
        assert!(weight(SearchField::Tools) > weight(SearchField::Responsibilities));
    }
}

#[cfg(test)]
mod timing {
    use super::*;
    use crate::catalog::Origin;

    /// `cargo test --release --lib timing -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn ten_thousand_roles() {
        let base = Catalog::bundled().unwrap_or_else(|e| panic!("{e}"));
        let mut catalog = base.clone();
        catalog.roles.clear();
        catalog.origins.clear();
        let mut i = 0;
        while catalog.roles.len() < 10_000 {
            for r in &base.roles {
                let mut r = r.clone();
                r.id = format!("{}-{i}", r.id);
                catalog.roles.push(r);
                catalog.origins.push(Origin::Bundled);
            }
            i += 1;
        }
        let (mut texts_n, mut words_n) = (0, 0);
        for r in &catalog.roles {
            for f in ALL_FIELDS {
                for t in texts(r, f) {
                    texts_n += 1;
                    words_n += t.text.split_whitespace().count();
                }
            }
        }
        eprintln!("{} roles, {texts_n} texts, {words_n} words", catalog.roles.len());
        for q in ["custmer servce", "zendesk", "conflict resolution", "plumber", "a"] {
            let args = SearchArgs {
                query: q.into(),
                limit: 10,
                fields: vec![],
            };
            // The fastest of three: the machine is shared.
            let mut fastest = std::time::Duration::MAX;
            let mut n = 0;
            for _ in 0..3 {
                let t = std::time::Instant::now();
                n = run(&catalog, &args).map(|v| v.total).unwrap_or(0);
                fastest = fastest.min(t.elapsed());
            }
            eprintln!("{q:>20}: {n} roles in {fastest:?}");
        }
    }
}
