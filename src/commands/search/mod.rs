//! `careers search QUERY`: roles ranked by how well their titles, aliases,
//! skills, tools and responsibilities match a typed query, and, for the
//! official occupations (and the curated roles that stand for one), the
//! O*NET titles, alternate titles, technology, task statements and
//! descriptions and the BLS sample titles ([`official`]).
//!
//! Every text is scored by [`crate::search::Searcher`] (0 to 1) and
//! multiplied by its field's weight ([`weight`]). A role keeps its best
//! hit in each field; its score is its best hit's. Roles are ranked by
//! score, then by how many fields matched, then by title.

mod official;

use crate::catalog::{Catalog, IndexKind};
use crate::citations::Citations;
use crate::cli::{SearchArgs, SearchField};
use crate::error::{Error, Result};
use crate::official as official_data;
use crate::search::Searcher;
pub use crate::searchable::ALL_FIELDS;
use crate::searchable::{name_texts, texts, SearchIndex};
use serde::{Serialize, Serializer};
use std::ops::Range;

/// How much a match in each field counts: a role's own names first
/// (title, then aliases, then the titles people hold in it: O*NET's
/// alternate and BLS's sample titles), then what it needs, then what it
/// does, then what it is described as. An exact title (1.0) beats an
/// exact task (0.7).
pub fn weight(field: SearchField) -> f64 {
    match field {
        SearchField::Title => 1.0,
        SearchField::Alias => 0.95,
        SearchField::AlternateTitles | SearchField::SampleTitles => 0.9,
        SearchField::Skills | SearchField::Tools | SearchField::Technology => 0.85,
        SearchField::Responsibilities | SearchField::Tasks => 0.7,
        SearchField::Description => 0.6,
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
        SearchField::Description => "description",
        SearchField::Tasks => "tasks",
        SearchField::AlternateTitles => "alternate_titles",
        SearchField::SampleTitles => "sample_titles",
        SearchField::Technology => "technology",
    }
}

fn field_plural(field: SearchField) -> &'static str {
    match field {
        SearchField::Title => "titles",
        SearchField::Alias => "aliases",
        SearchField::Skills => "skills",
        SearchField::Tools => "tools",
        SearchField::Responsibilities => "responsibilities",
        SearchField::Description => "descriptions",
        SearchField::Tasks => "tasks",
        SearchField::AlternateTitles => "alternate titles",
        SearchField::SampleTitles => "sample titles",
        SearchField::Technology => "technology",
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
pub struct SearchView<'a> {
    /// The query searched for: as typed, or as corrected.
    pub query: String,
    /// The corrected query, when its misspelt words were corrected and
    /// that matched better than the query as typed ([`corrected`]).
    pub read_as: Option<String>,
    /// The roles shown, best first.
    pub hits: Vec<RoleHit>,
    /// How many roles matched before `--limit`.
    pub total: usize,
    /// The sources the matched texts cite, hit by hit, for the legend.
    pub sources: Citations<'a>,
}

/// JSON is the array of hits alone.
impl Serialize for SearchView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.hits.serialize(s)
    }
}

/// A role's best text in one field.
struct FieldBest {
    field: SearchField,
    /// Weighted and rounded.
    score: f64,
    /// Index into `texts(role, field)`, or for an official text into the
    /// texts of its block ([`official::profile_texts`]).
    text: usize,
    /// The official occupation (by block) an official text is of, and
    /// its kind.
    block: Option<usize>,
    kind: Option<crate::searchable::official::TextKind>,
}

/// A role that matched, by entry number in the catalog.
struct Found {
    entry: usize,
    best: Vec<FieldBest>,
}

/// A query as messages quote it: whole up to 60 characters, else cut.
pub fn shown(query: &str) -> String {
    const MAX: usize = 60;
    if query.chars().count() <= MAX {
        query.to_string()
    } else {
        let mut cut: String = query.chars().take(MAX).collect();
        cut.push('…');
        cut
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

/// The best text of `field` in entry `entry` and its weighted score.
/// Indexed texts (bundled and cached roles, official occupations' titles)
/// are scored once per distinct text and word (`memos`), roles read from
/// their files text by text.
fn best_in_field(
    catalog: &Catalog,
    entry: usize,
    field: SearchField,
    searcher: &mut Searcher,
    memos: &mut Memos,
) -> Result<Option<FieldBest>> {
    let w = weight(field);
    let mut top: Option<FieldBest> = None;
    let mut consider = |text: usize, s: Option<f64>| {
        if let Some(s) = s {
            let score = round3(s * w);
            if top.as_ref().is_none_or(|b| score > b.score) {
                top = Some(FieldBest {
                    field,
                    score,
                    text,
                    block: None,
                    kind: None,
                });
            }
        }
    };
    if let Some((kind, index, k)) = catalog.search_index(entry)? {
        let memo = memos.of(kind);
        for (ti, id) in index.field(k, field).iter().enumerate() {
            consider(ti, memo.score(index, id, searcher));
        }
    } else if entry >= catalog.role_count() {
        if field == SearchField::Title {
            consider(
                0,
                catalog.entry_title(entry).and_then(|t| searcher.score(t)),
            );
        }
    } else {
        for (ti, t) in texts(catalog.role_at(entry)?, field).iter().enumerate() {
            consider(ti, searcher.score(t.text));
        }
    }
    Ok(top)
}

/// One [`Memo`] per search index: their text and word numbers differ.
#[derive(Default)]
struct Memos {
    bundled: Memo,
    cached: Memo,
    occupations: Memo,
}

impl Memos {
    fn of(&mut self, kind: IndexKind) -> &mut Memo {
        match kind {
            IndexKind::Bundled => &mut self.bundled,
            IndexKind::Cached => &mut self.cached,
            IndexKind::Occupations => &mut self.occupations,
        }
    }
}

/// What a memo knows of a text or word: not worked out yet, or its
/// result (a score, or no match: `None`).
#[derive(Debug, Clone, Copy, Default)]
enum Known<T> {
    #[default]
    NotYet,
    Is(Option<T>),
}

/// The scores of a search index's distinct texts and words, each worked
/// out once.
#[derive(Default)]
struct Memo {
    texts: Vec<Known<f64>>,
    /// Where each word's scores are in the searcher.
    words: Vec<Known<usize>>,
    /// Scratch: where the current text's words have their scores.
    at: Vec<usize>,
}

impl Memo {
    fn score(&mut self, index: &SearchIndex, id: u32, searcher: &mut Searcher) -> Option<f64> {
        if self.texts.is_empty() {
            self.texts = vec![Known::NotYet; index.text_count()];
            self.words = vec![Known::NotYet; index.words.len()];
        }
        if let Some(&Known::Is(score)) = self.texts.get(id as usize) {
            return score;
        }
        let words = index.text(id);
        for w in words.iter() {
            let slot = self.words.get_mut(w as usize)?;
            if let Known::NotYet = slot {
                let word = index.words.get(w as usize)?;
                *slot = Known::Is(searcher.score_word(word));
            }
        }
        // Words with no letters cannot come out of split_words; skipped.
        self.at.clear();
        self.at.extend(
            words
                .iter()
                .filter_map(|w| match self.words.get(w as usize) {
                    Some(Known::Is(at)) => *at,
                    _ => None,
                }),
        );
        let score = searcher.score_word_list(self.at.iter().copied());
        *self.texts.get_mut(id as usize)? = Known::Is(score);
        score
    }
}

pub fn run<'a>(catalog: &'a Catalog, args: &SearchArgs) -> Result<SearchView<'a>> {
    let fields = fields_of(args);
    // The query with its misspelt words corrected to words of the official
    // titles, as role names are corrected (`sofware enginer` -> `software
    // engineer`), taken when it matches better than the query as typed.
    if let Some(query) = corrected(&args.query) {
        if let Some(mut view) = search_for(catalog, args, &query, &fields)? {
            // A match as good as an exact skill, tool or technology is
            // taken without searching as typed: a typed word that is in no
            // title matches names only with a typo's penalty (and typos
            // are the slow case of the matcher).
            let typed = if best_score(&view) >= weight(SearchField::Technology) {
                None
            } else {
                search_for(catalog, args, &args.query, &fields)?
            };
            match typed {
                Some(typed) if best_score(&typed) >= best_score(&view) => return Ok(typed),
                _ => {
                    view.read_as = Some(query);
                    return Ok(view);
                }
            }
        }
    }
    search_for(catalog, args, &args.query, &fields)?
        .ok_or_else(|| no_results(catalog, &args.query, &fields))
}

/// The score of a search's best hit.
fn best_score(view: &SearchView) -> f64 {
    view.hits.first().map_or(0.0, |h| h.score)
}

/// `query` with its misspelt words corrected
/// ([`official_data::titles::corrected`], as role names are); `None` when
/// no word changed.
fn corrected(query: &str) -> Option<String> {
    official_data::titles::corrected(&crate::validate::normalize_name(query))
}

/// The roles `query` matches in `fields`, best first (`None` when none
/// does).
fn search_for<'a>(
    catalog: &'a Catalog,
    args: &SearchArgs,
    query: &str,
    fields: &[SearchField],
) -> Result<Option<SearchView<'a>>> {
    let mut searcher = Searcher::new(query)
        .map_err(|e| Error::Usage(format!("the search query `{}` {e}", shown(query))))?;
    let mut memos = Memos::default();
    // The official texts, one pass over their index.
    let official_scores = official::score_all(&mut searcher, fields);
    // Curated roles and the official occupations no curated role stands for.
    let mut found: Vec<Found> = Vec::new();
    let blocks_of = official::Blocks::of(catalog);
    for entry in catalog.entry_numbers() {
        let blocks = blocks_of.get(catalog, entry);
        let mut best: Vec<FieldBest> = Vec::new();
        for &f in fields {
            let own = best_in_field(catalog, entry, f, &mut searcher, &mut memos)?;
            // An official text counts only when it beats the role's own.
            let from_blocks = blocks.iter().filter_map(|&b| {
                let x = official_scores.get(b, f)?;
                Some(FieldBest {
                    field: f,
                    score: x.score,
                    text: x.ordinal,
                    block: Some(b),
                    kind: Some(x.kind),
                })
            });
            let top =
                own.into_iter().chain(from_blocks).reduce(
                    |a, b| {
                        if b.score > a.score {
                            b
                        } else {
                            a
                        }
                    },
                );
            best.extend(top);
        }
        if !best.is_empty() {
            // Best first; equal scores stay in field order (the sort is stable).
            best.sort_by(|a, b| b.score.total_cmp(&a.score));
            found.push(Found { entry, best });
        }
    }
    if found.is_empty() {
        return Ok(None);
    }
    // Best score first (scores have three decimals: exact as thousandths),
    // then more fields matched, then by title and id. The keys are made
    // once per hit: thousands of hits tie on score.
    found.sort_by_cached_key(|f| {
        let thousandths = f
            .best
            .first()
            .map_or(0, |b| (b.score * 1000.0).round() as i64);
        (
            std::cmp::Reverse(thousandths),
            std::cmp::Reverse(f.best.len()),
            catalog
                .entry_title(f.entry)
                .unwrap_or_default()
                .to_lowercase(),
            catalog.entry_id(f.entry).unwrap_or_default(),
        )
    });
    let total = found.len();
    if args.limit > 0 {
        found.truncate(args.limit);
    }
    // Roles decoded and highlights worked out only for what is shown.
    let hits = found
        .into_iter()
        .map(|f| hit(catalog, f, &mut searcher))
        .collect::<Result<Vec<RoleHit>>>()?;
    let mut sources = Citations::new(&catalog.sources);
    sources.cite_all(
        hits.iter()
            .flat_map(|h| h.matched.iter().filter_map(|m| m.source.as_deref())),
    );
    Ok(Some(SearchView {
        query: query.to_string(),
        read_as: None,
        hits,
        total,
        sources,
    }))
}

/// A found role as output shows it: its names and, for each field that
/// matched, the text with its highlights, context and source. Only a
/// role whose skills, tools or duties matched is decoded whole; only the
/// occupations whose official texts matched are decompressed.
fn hit(catalog: &Catalog, found: Found, searcher: &mut Searcher) -> Result<RoleHit> {
    let Found { entry, best } = found;
    let names_only = best
        .iter()
        .all(|b| b.block.is_some() || matches!(b.field, SearchField::Title | SearchField::Alias));
    let (id, title, role) = if names_only {
        let core = catalog.entry_core(entry)?;
        (&core.id, &core.title, Err(core))
    } else {
        let role = catalog.entry(entry)?;
        (&role.id, &role.title, Ok(role))
    };
    let curated = entry < catalog.role_count();
    let mut profiles: Vec<(usize, official_data::Profile)> = Vec::new();
    let mut matched = Vec::new();
    for FieldBest {
        field,
        score,
        text,
        block,
        kind,
    } in best
    {
        let (text, context, source) = match block {
            Some(b) => {
                if !profiles.iter().any(|(have, _)| *have == b) {
                    let soc = official_data::oews_code(b).unwrap_or_default();
                    profiles.extend(official_data::profile(soc).map(|p| (b, p)));
                }
                let Some((_, p)) = profiles.iter().find(|(have, _)| *have == b) else {
                    continue;
                };
                let Some(kind) = kind else { continue };
                // The index and the profile list texts in one order.
                let texts = official::profile_texts(p);
                let Some(t) = texts.iter().filter(|t| t.kind == kind).nth(text) else {
                    continue;
                };
                (
                    t.text.to_string(),
                    official::context(t, p.soc, curated),
                    Some(t.source.to_string()),
                )
            }
            None => {
                let all = match role {
                    Ok(role) => texts(role, field),
                    Err(core) => name_texts(core, field),
                };
                let Some(t) = all.get(text) else { continue };
                (
                    t.text.to_string(),
                    t.context.map(str::to_string),
                    t.source.map(str::to_string),
                )
            }
        };
        let highlight = searcher
            .highlight(&text)
            .map(|(_, h)| h)
            .unwrap_or_default();
        matched.push(Matched {
            field,
            text,
            context,
            score,
            source,
            highlight,
        });
    }
    Ok(RoleHit {
        id: id.clone(),
        title: title.clone(),
        score: matched.first().map_or(0.0, |m| m.score),
        matched,
    })
}

/// "nothing matches", with the roles whose names are closest.
fn no_results(catalog: &Catalog, query: &str, fields: &[SearchField]) -> Error {
    let mut message = format!("nothing matches `{}` in {}", shown(query), listed(fields));
    let near = crate::resolve::closest(&catalog.candidates(), query, 3);
    if !near.is_empty() {
        // Laid out as `show`'s "no role matches" lays them out.
        let pairs: Vec<(String, String)> = near
            .into_iter()
            .filter_map(|i| {
                Some((
                    catalog.entry_id(i)?.into_owned(),
                    catalog.entry_title(i)?.to_string(),
                ))
            })
            .collect();
        message.push_str("\n\ndid you mean:");
        message.push_str(&crate::error::entries(&pairs));
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
    fn long_queries_are_cut_in_messages() {
        assert_eq!(shown("crm"), "crm");
        let long = "é".repeat(100);
        assert_eq!(shown(&long), format!("{}…", "é".repeat(60)));
    }

    #[test]
    fn fields_are_listed_for_people() {
        assert_eq!(listed(&[SearchField::Tools]), "tools");
        assert_eq!(
            listed(&ALL_FIELDS),
            "titles, aliases, alternate titles, sample titles, skills, tools, technology, \
             responsibilities, tasks or descriptions"
        );
    }

    #[test]
    fn weights_put_names_before_skills_before_duties() {
        assert!(weight(SearchField::Title) >= weight(SearchField::Alias));
        assert!(weight(SearchField::Alias) > weight(SearchField::Skills));
        assert_eq!(weight(SearchField::Skills), weight(SearchField::Tools));
        assert!(weight(SearchField::Tools) > weight(SearchField::Responsibilities));
        // An exact title beats an exact task mention; people's titles come
        // between a role's aliases and what it needs.
        assert!(weight(SearchField::Alias) > weight(SearchField::AlternateTitles));
        assert!(weight(SearchField::SampleTitles) > weight(SearchField::Technology));
        assert!(weight(SearchField::Title) > weight(SearchField::Tasks));
        assert!(weight(SearchField::Tasks) > weight(SearchField::Description));
    }
}
