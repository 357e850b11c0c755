//! Turning what a person typed into one catalog entry.
//!
//! Levels, tried in order; the first level that matches anything decides:
//! 1. exact: an id, title, alias or SOC code, ignoring case and
//!    separators (`Customer_Service ASSOCIATE`), with the spaces squeezed
//!    out, or with every word in the singular (`teller` for `Tellers`);
//! 2. a curated role's acronym (`csa`) or words (`associate`, `cust serv
//!    assoc`): curated roles win their own names;
//! 3. a job title of the title index ([`Titles`]: O*NET titles and
//!    alternate titles, BLS sample titles), exactly, in the singular or
//!    the plural (`bank teller`, `LPN`, `software engineers`);
//! 4. an acronym a title states: `CNA` in "Certified Nursing Assistant
//!    (CNA)";
//! 5. an official occupation's acronym or words (`surgeons`);
//! 6. titles that have every typed word (`help desk`, `forklift`);
//! 7. fuzzy: typos (`custmer servce asociate`), accepted only when one
//!    entry is clearly closest.
//!
//! At one level, entries of a better tier (curated profiles before bare
//! occupations) win; several entries of the best tier are ambiguous and
//! are listed, never silently chosen between. A title (levels 3, 4 and 6)
//! is taken only when one occupation has it (or has every title found);
//! a one-word title is taken only when no other occupation has the word
//! in its own name (`nurse` is O*NET's alternate title of Registered
//! Nurses alone, but Nurse Practitioners and four others say "nurse" too:
//! all are listed). Whatever is taken by other than an exact name says
//! how ([`How`]), for the note careers prints. Pure functions: no I/O;
//! the title index is the caller's ([`Titles`]).

use crate::validate::normalize_name;
use std::collections::HashMap;

/// One name an entry can be called by.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// The entry this name belongs to (an index chosen by the caller).
    pub entry: usize,
    pub name: &'a str,
    /// Lower is preferred at equal match quality (0: curated profile).
    pub tier: u8,
    /// Higher is listed first among equals (e.g. employment).
    pub weight: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Found(Found),
    /// Several entries match equally well; best first.
    Ambiguous(Vec<usize>),
    /// Nothing matches; the closest entries, best first (at most five).
    Unknown(Vec<usize>),
}

impl Resolution {
    /// The entry found, if one was.
    pub fn entry(&self) -> Option<usize> {
        match self {
            Resolution::Found(f) => Some(f.entry),
            _ => None,
        }
    }
}

/// The entry a query names, and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub entry: usize,
    pub how: How,
}

/// How a query was matched to its entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// One of the entry's names, exactly (case, separators and plurals
    /// aside); `name` is its index in the candidates.
    Exact { name: usize },
    /// The initials of a name.
    Acronym { name: usize },
    /// Words, or starts of words, of a name.
    Words { name: usize },
    /// The closest name, letter by letter.
    Fuzzy { name: usize },
    /// As `how`, after misspelt words were corrected to words of the
    /// title index: the query as corrected.
    Corrected { query: String, how: Box<How> },
    /// A job title of the title index that the entry has: the title as its
    /// source spells it, and what kind of title it is there.
    Title {
        spelling: String,
        kind: &'static str,
        /// The title was found by `by`, not typed whole.
        by: TitleBy,
    },
}

/// How a title was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleBy {
    /// The query is the title.
    Exact,
    /// The query is an acronym the title states.
    Acronym,
    /// The title has every word of the query, and every such title is
    /// this entry's.
    Words,
}

/// A job title of a title index, with the entries it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Normalized ([`normalize_name`]).
    pub key: String,
    /// As its source spells it.
    pub spelling: String,
    /// The entries it is a title of, each with the kind of title it is
    /// there ("O*NET alternate title"); never empty.
    pub entries: Vec<(usize, &'static str)>,
}

/// A title index: job titles that are not names of the candidates
/// themselves (every O*NET alternate title, say), looked up without a
/// linear scan.
pub trait Titles {
    /// The title whose normalized form is `normalized`.
    fn exact(&self, normalized: &str) -> Option<Title>;
    /// The titles that have every word of `words` (normalized) as a whole
    /// word; `None` when more than `limit` titles do (too common to decide
    /// anything), without decoding them.
    fn with_words(&self, words: &[&str], limit: usize) -> Option<Vec<Title>>;
    /// `query` (normalized) with each word that is in no title replaced
    /// by the closest word that is: a spelling correction; `None` when no
    /// word changed.
    fn correct(&self, _query: &str) -> Option<String> {
        None
    }
}

/// No title index: names alone.
pub struct NoTitles;

impl Titles for NoTitles {
    fn exact(&self, _: &str) -> Option<Title> {
        None
    }

    fn with_words(&self, _: &[&str], _: usize) -> Option<Vec<Title>> {
        None
    }
}

/// How close a fuzzy match must be to be accepted on its own.
const FUZZY_ACCEPT: f64 = 0.8;
/// How far ahead of the next entry a fuzzy match must be.
const FUZZY_MARGIN: f64 = 0.06;
/// Below this, an entry is not worth suggesting.
const SUGGEST_FLOOR: f64 = 0.45;
/// Longer queries are not compared letter by letter: edit distance costs
/// the product of the lengths, and no name is this long.
const MAX_FUZZY_CHARS: usize = 128;
/// At most this many suggestions are listed.
pub const MAX_LISTED: usize = 5;
/// More titles than this with the typed words decide nothing (levels 4
/// and 6): they are not decoded.
const MAX_TITLES: usize = 100;
/// Acronyms a title states are this long at most.
const MAX_ACRONYM: usize = 6;

/// Every word without a plural -s ("customer service representatives" ->
/// "customer service representative"); short words and -ss kept.
pub fn singular(s: &str) -> String {
    // Byte by byte: a catalog puts every one of its names in the singular
    // once; a space and an `s` are single bytes in UTF-8.
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut start = 0;
    for i in 0..=b.len() {
        if i < b.len() && b[i] != b' ' {
            continue;
        }
        let w = &b[start..i];
        let plural = w.len() > 3 && w[w.len() - 1] == b's' && w[w.len() - 2] != b's';
        out.extend_from_slice(if plural { &w[..w.len() - 1] } else { w });
        if i < b.len() {
            out.push(b' ');
        }
        start = i + 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// A word without a plural -s, as [`singular`] does it.
fn singular_word(w: &str) -> &str {
    let b = w.as_bytes();
    match b.len() > 3 && b[b.len() - 1] == b's' && b[b.len() - 2] != b's' {
        true => &w[..w.len() - 1],
        false => w,
    }
}

/// Whether `name` (normalized) without its spaces is `compact`, built
/// nowhere: most names differ at their first letters.
fn compact_is(name: &str, compact: &str) -> bool {
    name.bytes().filter(|b| *b != b' ').eq(compact.bytes())
}

/// Whether [`singular`]`(name)` is `target`, built nowhere.
fn singular_is(name: &str, target: &str) -> bool {
    let mut want = target.bytes();
    for (i, w) in name.split(' ').enumerate() {
        if i > 0 && want.next() != Some(b' ') {
            return false;
        }
        for b in singular_word(w).bytes() {
            if want.next() != Some(b) {
                return false;
            }
        }
    }
    want.next().is_none()
}

/// [`normalize_name`], with a quick way for ASCII names (nearly all): a
/// catalog prepares some 1,700 names before its first resolution by other
/// than an id, and the general way, char by char with Unicode lowercasing,
/// cost most of it.
fn normalized(name: &str) -> String {
    if !name.is_ascii() {
        return normalize_name(name);
    }
    let mut out: Vec<u8> = Vec::with_capacity(name.len());
    let mut gap = false;
    for &b in name.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(b' ');
            }
            gap = false;
            out.push(b.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| normalize_name(name))
}

fn words(s: &str) -> Vec<&str> {
    s.split(' ').filter(|w| !w.is_empty()).collect()
}

/// A candidate's name in the form matching compares, worked out once (a
/// catalog keeps them for every resolution it does). Its forms without
/// spaces and in the singular are compared without being built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    normalized: String,
}

/// The prepared names of `candidates`, in their order.
pub fn prepare(candidates: &[Candidate<'_>]) -> Vec<Prepared> {
    candidates
        .iter()
        .map(|c| Prepared {
            normalized: normalized(c.name),
        })
        .collect()
}

/// Resolves `query` against `candidates` alone (no title index).
pub fn resolve(candidates: &[Candidate<'_>], query: &str) -> Resolution {
    resolve_prepared(candidates, &prepare(candidates), &NoTitles, query)
}

/// A query in the forms the levels compare.
struct Query<'q> {
    normalized: &'q str,
    compact: String,
    singular: String,
    words: Vec<&'q str>,
}

/// The names being matched and the query: what every level reads.
struct Levels<'a, 'c> {
    candidates: &'a [Candidate<'c>],
    prepared: &'a [Prepared],
    q: Query<'a>,
}

/// Which tiers a level looks at.
#[derive(Clone, Copy)]
enum Tiers {
    All,
    Curated,
    Official,
}

impl Tiers {
    fn admit(self, tier: u8) -> bool {
        match self {
            Tiers::All => true,
            Tiers::Curated => tier == 0,
            Tiers::Official => tier > 0,
        }
    }
}

/// As [`resolve`], with the names of `candidates` prepared already
/// ([`prepare`]; same order and length) and a title index.
pub fn resolve_prepared(
    candidates: &[Candidate<'_>],
    prepared: &[Prepared],
    titles: &dyn Titles,
    query: &str,
) -> Resolution {
    match resolve_as_typed(candidates, prepared, titles, query) {
        Resolution::Unknown(closest) => corrected(candidates, prepared, titles, query, closest),
        // A misspelt word can start several names (`electrican`: the
        // electrical engineers, installers and repairers): corrected, it
        // may name one (`electrician`), which is taken, saying so.
        Resolution::Ambiguous(many) => {
            match corrected(candidates, prepared, titles, query, Vec::new()) {
                found @ Resolution::Found(_) => found,
                _ => Resolution::Ambiguous(many),
            }
        }
        found => found,
    }
}

/// Level 8, when nothing matched: the query with its misspelt words
/// corrected to words of the title index (`softwre engineer` → `software
/// engineer`), resolved again. An entry found so is taken, saying how; a
/// few found are suggestions, before `closest`.
fn corrected(
    candidates: &[Candidate<'_>],
    prepared: &[Prepared],
    titles: &dyn Titles,
    query: &str,
    closest: Vec<usize>,
) -> Resolution {
    let q = normalize_name(query);
    if q.chars().count() > MAX_FUZZY_CHARS {
        return Resolution::Unknown(closest);
    }
    let Some(query) = titles.correct(&q) else {
        return Resolution::Unknown(closest);
    };
    match resolve_as_typed(candidates, prepared, titles, &query) {
        // A corrected query that is still only close to a name is a guess
        // on a guess: it is listed, never run.
        Resolution::Found(f) if matches!(f.how, How::Fuzzy { .. }) => {
            let mut listed = distinct(std::iter::once(f.entry).chain(closest));
            listed.truncate(MAX_LISTED);
            Resolution::Unknown(listed)
        }
        Resolution::Found(f) => Resolution::Found(Found {
            entry: f.entry,
            how: How::Corrected {
                query,
                how: Box::new(f.how),
            },
        }),
        Resolution::Ambiguous(some) | Resolution::Unknown(some) => {
            let mut listed = distinct(some.into_iter().chain(closest));
            listed.truncate(MAX_LISTED);
            Resolution::Unknown(listed)
        }
    }
}

/// Levels 1 to 7: the query as typed.
fn resolve_as_typed(
    candidates: &[Candidate<'_>],
    prepared: &[Prepared],
    titles: &dyn Titles,
    query: &str,
) -> Resolution {
    let q = normalize_name(query);
    if q.is_empty() || prepared.len() != candidates.len() {
        return Resolution::Unknown(Vec::new());
    }
    let levels = Levels {
        candidates,
        prepared,
        q: Query {
            compact: q.replace(' ', ""),
            singular: singular(&q),
            words: words(&q),
            normalized: &q,
        },
    };
    levels
        .exact()
        .or_else(|| levels.acronym(Tiers::Curated))
        .or_else(|| levels.words(Tiers::Curated))
        .or_else(|| levels.title(titles))
        .or_else(|| levels.stated_acronym(titles))
        .or_else(|| levels.acronym(Tiers::Official))
        .or_else(|| levels.words(Tiers::Official))
        .or_else(|| levels.title_words(titles))
        .unwrap_or_else(|| levels.fuzzy())
}

impl Levels<'_, '_> {
    fn normalized(&self, i: usize) -> &str {
        &self.prepared[i].normalized
    }

    /// Level 1: exact, also in the singular: official titles are plural
    /// ("Tellers"), people type "teller".
    fn exact(&self) -> Option<Resolution> {
        let q = &self.q;
        pick(self.candidates, Tiers::All, |i| {
            let p = &self.prepared[i].normalized;
            (p == q.normalized || compact_is(p, &q.compact) || singular_is(p, &q.singular))
                .then_some(1.0)
        })
        .map(|r| r.with(|name| How::Exact { name }))
    }

    /// Levels 2 and 5: the initials of a multi-word name.
    fn acronym(&self, tiers: Tiers) -> Option<Resolution> {
        let q = self.q.normalized;
        if self.q.words.len() != 1 || q.len() < 2 {
            return None;
        }
        pick(self.candidates, tiers, |i| {
            let w = words(self.normalized(i));
            (w.len() >= 2
                && w.len() == q.chars().count()
                && w.iter().zip(q.chars()).all(|(w, c)| w.starts_with(c)))
            .then_some(1.0)
        })
        .map(|r| r.with(|name| How::Acronym { name }))
    }

    /// Levels 2 and 5: every typed word is a word, or the start of a word, of the
    /// name.
    fn words(&self, tiers: Tiers) -> Option<Resolution> {
        let q_words = &self.q.words;
        pick(self.candidates, tiers, |i| {
            let name_words = words(self.normalized(i));
            let mut whole = 0usize;
            for qw in q_words {
                if name_words.iter().any(|nw| nw == qw) {
                    whole += 1;
                } else if !(qw.len() >= 2 && name_words.iter().any(|nw| nw.starts_with(qw))) {
                    return None;
                }
            }
            // Whole words beat prefixes. Names that merely have more or
            // fewer other words match equally well: that is an ambiguity
            // to report, not a reason to pick one.
            Some(whole as f64 / q_words.len() as f64)
        })
        .map(|r| r.with(|name| How::Words { name }))
    }

    /// Level 3: a title of the index, as typed, in the singular or in the plural.
    fn title(&self, titles: &dyn Titles) -> Option<Resolution> {
        let q = self.q.normalized;
        let mut forms = vec![q.to_string()];
        if self.q.singular != q {
            forms.push(self.q.singular.clone());
        }
        if !q.ends_with('s') {
            forms.push(format!("{q}s"));
        }
        let title = forms.iter().find_map(|f| titles.exact(f))?;
        let entries = distinct(title.entries.iter().map(|e| e.0));
        let others = self.also_named(&entries);
        if !others.is_empty() {
            return Some(Resolution::Ambiguous([entries, others].concat()));
        }
        Some(decide(&[title], TitleBy::Exact))
    }

    /// For a one-word query, the other official occupations that have the
    /// word (or its singular) in a name of their own: a one-word title
    /// does not outweigh them.
    fn also_named(&self, found: &[usize]) -> Vec<usize> {
        let q = &self.q;
        if q.words.len() != 1 {
            return Vec::new();
        }
        let named = self.candidates.iter().enumerate().filter(|(i, c)| {
            c.tier > 0
                && !found.contains(&c.entry)
                && words(&self.prepared[*i].normalized)
                    .iter()
                    .any(|w| singular_word(w) == q.singular || *w == q.normalized)
        });
        distinct(named.map(|(_, c)| c.entry))
    }

    /// Level 4: a one-word query that a title states as the acronym of
    /// some of its words: `cna` in "certified nursing assistant cna".
    fn stated_acronym(&self, titles: &dyn Titles) -> Option<Resolution> {
        let q = self.q.normalized;
        let n = q.chars().count();
        if self.q.words.len() != 1 || !(2..=MAX_ACRONYM).contains(&n) {
            return None;
        }
        let stating: Vec<Title> = titles
            .with_words(&[q], MAX_TITLES)?
            .into_iter()
            .filter(|t| states_acronym(&t.key, q))
            .collect();
        (!stating.is_empty()).then(|| decide(&stating, TitleBy::Acronym))
    }

    /// Level 6: titles with every typed word.
    fn title_words(&self, titles: &dyn Titles) -> Option<Resolution> {
        let found = titles.with_words(&self.q.words, MAX_TITLES)?;
        (!found.is_empty()).then(|| decide(&found, TitleBy::Words))
    }

    /// Level 7: fuzzy.
    fn fuzzy(&self) -> Resolution {
        let q = &self.q;
        if q.normalized.chars().count() > MAX_FUZZY_CHARS {
            return Resolution::Unknown(Vec::new());
        }
        let scores = best_scores(self.candidates, Tiers::All, |i| {
            fuzzy_score(&q.compact, &q.words, self.normalized(i))
        });
        let mut ranked: Vec<(usize, Best)> = scores.into_iter().collect();
        ranked.sort_by(|(ea, a), (eb, b)| {
            b.score
                .total_cmp(&a.score)
                .then(a.tier.cmp(&b.tier))
                .then(b.weight.cmp(&a.weight))
                .then(ea.cmp(eb))
        });
        let found = |(entry, b): &(usize, Best)| {
            Resolution::Found(Found {
                entry: *entry,
                how: How::Fuzzy { name: b.name },
            })
        };
        match ranked.as_slice() {
            [] => Resolution::Unknown(Vec::new()),
            [first] if first.1.score >= FUZZY_ACCEPT => found(first),
            [first, second, ..]
                if first.1.score >= FUZZY_ACCEPT
                    && (first.1.score - second.1.score >= FUZZY_MARGIN
                        || first.1.tier < second.1.tier) =>
            {
                found(first)
            }
            [(_, top), ..] if top.score >= FUZZY_ACCEPT => Resolution::Ambiguous(
                ranked
                    .iter()
                    .take_while(|r| {
                        r.1.score >= FUZZY_ACCEPT && top.score - r.1.score < FUZZY_MARGIN
                    })
                    .take(MAX_LISTED)
                    .map(|r| r.0)
                    .collect(),
            ),
            _ => Resolution::Unknown(
                ranked
                    .iter()
                    .filter(|r| r.1.score >= SUGGEST_FLOOR)
                    .take(MAX_LISTED)
                    .map(|r| r.0)
                    .collect(),
            ),
        }
    }
}

/// Whether some run of consecutive words of `key`, other than `acronym`
/// itself, has `acronym`'s letters as initials.
fn states_acronym(key: &str, acronym: &str) -> bool {
    let w = words(key);
    let n = acronym.chars().count();
    w.contains(&acronym)
        && w.windows(n).any(|run| {
            !run.contains(&acronym)
                && run
                    .iter()
                    .zip(acronym.chars())
                    .all(|(x, c)| x.starts_with(c))
        })
}

/// The entries of `it` in order of first appearance, each once.
fn distinct(it: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for e in it {
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

/// Titles found: the one entry that has every one of them is taken (with
/// the first title it has); otherwise every entry is listed, those with
/// the most titles first.
fn decide(found: &[Title], by: TitleBy) -> Resolution {
    let all = distinct(found.iter().flat_map(|t| t.entries.iter().map(|e| e.0)));
    let in_every: Vec<usize> = all
        .iter()
        .copied()
        .filter(|e| found.iter().all(|t| t.entries.iter().any(|x| x.0 == *e)))
        .collect();
    if let [entry] = in_every[..] {
        if let Some((title, kind)) = found
            .iter()
            .find_map(|t| Some((t, t.entries.iter().find(|x| x.0 == entry)?.1)))
        {
            return Resolution::Found(Found {
                entry,
                how: How::Title {
                    spelling: title.spelling.clone(),
                    kind,
                    by,
                },
            });
        }
    }
    let count = |e: usize| {
        found
            .iter()
            .filter(|t| t.entries.iter().any(|x| x.0 == e))
            .count()
    };
    let mut listed = all;
    listed.sort_by_key(|e| std::cmp::Reverse(count(*e)));
    Resolution::Ambiguous(listed)
}

/// The closest entries to `query` by fuzzy score, best first, for "did you
/// mean" lists; at most `limit`.
pub fn closest(candidates: &[Candidate<'_>], query: &str, limit: usize) -> Vec<usize> {
    let q = normalize_name(query);
    if q.chars().count() > MAX_FUZZY_CHARS {
        return Vec::new();
    }
    let q_compact: String = q.chars().filter(|c| *c != ' ').collect();
    let q_words = words(&q);
    let scores = best_scores(candidates, Tiers::All, |i| {
        fuzzy_score(&q_compact, &q_words, &normalize_name(candidates[i].name))
    });
    let mut ranked: Vec<_> = scores.into_iter().collect();
    ranked.sort_by(|a, b| {
        b.1.score
            .total_cmp(&a.1.score)
            .then(a.1.tier.cmp(&b.1.tier))
            .then(a.0.cmp(&b.0))
    });
    ranked
        .into_iter()
        .filter(|r| r.1.score >= SUGGEST_FLOOR)
        .take(limit)
        .map(|r| r.0)
        .collect()
}

/// An entry's best match over its names.
#[derive(Debug, Clone, Copy)]
struct Best {
    score: f64,
    tier: u8,
    weight: u64,
    /// The candidate (name) that scored it.
    name: usize,
}

/// The best score per entry over its names of the admitted tiers, with
/// the entry's tier and weight.
fn best_scores(
    candidates: &[Candidate<'_>],
    tiers: Tiers,
    score: impl Fn(usize) -> Option<f64>,
) -> HashMap<usize, Best> {
    let mut best: HashMap<usize, Best> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if !tiers.admit(c.tier) {
            continue;
        }
        if let Some(s) = score(i) {
            let slot = best.entry(c.entry).or_insert(Best {
                score: s,
                tier: c.tier,
                weight: c.weight,
                name: i,
            });
            // The best score, and at equal scores the better tier's name
            // (a curated role's own name before an occupation's it stands for).
            if s > slot.score || (s == slot.score && c.tier < slot.tier) {
                *slot = Best {
                    score: s,
                    tier: slot.tier.min(c.tier),
                    weight: slot.weight,
                    name: i,
                };
            }
            slot.tier = slot.tier.min(c.tier);
        }
    }
    best
}

/// What one level picked, before saying how.
enum Picked {
    One { entry: usize, name: usize },
    Many(Vec<usize>),
}

impl Picked {
    fn with(self, how: impl Fn(usize) -> How) -> Resolution {
        match self {
            Picked::One { entry, name } => Resolution::Found(Found {
                entry,
                how: how(name),
            }),
            Picked::Many(entries) => Resolution::Ambiguous(entries),
        }
    }
}

/// Applies one level: the entries whose names score, narrowed to the best
/// tier and then to the best score. `None` when nothing matched.
fn pick(
    candidates: &[Candidate<'_>],
    tiers: Tiers,
    score: impl Fn(usize) -> Option<f64>,
) -> Option<Picked> {
    let best = best_scores(candidates, tiers, score);
    let top_tier = best.values().map(|v| v.tier).min()?;
    let mut same_tier: Vec<(usize, Best)> = best
        .into_iter()
        .filter(|(_, v)| v.tier == top_tier)
        .collect();
    let top = same_tier.iter().map(|v| v.1.score).fold(f64::MIN, f64::max);
    same_tier.retain(|v| (top - v.1.score).abs() < 1e-9);
    same_tier.sort_by(|a, b| b.1.weight.cmp(&a.1.weight).then(a.0.cmp(&b.0)));
    Some(match same_tier.as_slice() {
        [(entry, b)] => Picked::One {
            entry: *entry,
            name: b.name,
        },
        many => Picked::Many(many.iter().map(|v| v.0).collect()),
    })
}

/// Similarity of a typed query to a name, 0 to 1, tolerant of typos,
/// missing letters, word order and run-together words.
fn fuzzy_score(q_compact: &str, q_words: &[&str], name: &str) -> Option<f64> {
    let name_words = words(name);
    if name_words.is_empty() {
        return None;
    }
    let name_compact: String = name.chars().filter(|c| *c != ' ').collect();
    let whole = strsim::normalized_damerau_levenshtein(q_compact, &name_compact);
    // Each typed word against its best name word, weighted by its length:
    // "manager" says more than "a" (`it's a manager` is not the adult
    // education instructors' "a second language").
    let mut total = 0.0;
    let mut weights = 0.0;
    let mut covered = vec![false; name_words.len()];
    let mut unmatched = false;
    for qw in q_words {
        let mut best = (0.0, None);
        for (j, nw) in name_words.iter().enumerate() {
            let s = word_similarity(qw, nw);
            if s > best.0 {
                best = (s, Some(j));
            }
        }
        match best {
            (s, Some(j)) if s >= 0.6 => covered[j] = true,
            _ if qw.chars().count() >= 3 => unmatched = true,
            _ => {}
        }
        let weight = qw.chars().count() as f64;
        total += best.0 * weight;
        weights += weight;
    }
    let per_word = if weights > 0.0 { total / weights } else { 0.0 };
    // Covering more of the name breaks near-ties, but never outweighs a typo.
    let coverage = covered.iter().filter(|c| **c).count() as f64 / name_words.len() as f64;
    let mut by_words = per_word + 0.02 * coverage;
    // A typed word like none of the name's is a word the name drops
    // (`customer service clurk manager`): close, but never taken unasked.
    if unmatched {
        by_words = by_words.min(FUZZY_ACCEPT - 0.01);
    }
    Some(whole.max(by_words).min(1.0))
}

/// Similarity of two words: edit distance, with credit for a typed word
/// that is a (possibly misspelt) start of the longer word.
fn word_similarity(typed: &str, word: &str) -> f64 {
    let full = strsim::normalized_damerau_levenshtein(typed, word);
    if typed.len() >= 3 && word.len() > typed.len() {
        let head: String = word.chars().take(typed.chars().count()).collect();
        let prefix = strsim::normalized_damerau_levenshtein(typed, &head) * 0.9;
        return full.max(prefix);
    }
    full
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Vec<Candidate<'static>> {
        let names: &[(usize, &str)] = &[
            (0, "customer-service-associate"),
            (0, "Customer Service Associate"),
            (0, "Customer Retention Associate"),
            (1, "customer-service-representative"),
            (1, "Customer Service Representative"),
            (1, "CSR"),
            (2, "customer-service-supervisor"),
            (2, "Customer Service Supervisor"),
            (2, "Customer Service Team Lead"),
            (3, "customer-service-manager"),
            (3, "Customer Service Manager"),
            (4, "customer-success-manager"),
            (4, "Customer Success Manager"),
            (4, "Customer Success Specialist"),
            (5, "customer-service-analyst"),
            (5, "Customer Service Analyst"),
            (6, "customer-service-clerk"),
            (6, "Customer Service Clerk"),
            (7, "guest-relations-coordinator"),
            (7, "Guest Relations Coordinator"),
            (8, "customer-relations-coordinator"),
            (8, "Customer Relations Coordinator"),
        ];
        names
            .iter()
            .map(|(e, n)| Candidate {
                entry: *e,
                name: n,
                tier: 0,
                weight: 0,
            })
            .collect()
    }

    fn r(q: &str) -> Resolution {
        resolve(&catalog(), q)
    }

    #[test]
    fn exact_id_title_alias_in_any_case_and_separators() {
        assert_eq!(r("customer-service-associate").entry(), Some(0));
        assert_eq!(r("Customer Service Associate").entry(), Some(0));
        assert_eq!(r("CUSTOMER_SERVICE_ASSOCIATE").entry(), Some(0));
        assert_eq!(r("  customer   service.associate ").entry(), Some(0));
        assert_eq!(r("customerserviceassociate").entry(), Some(0));
        assert_eq!(r("csr").entry(), Some(1));
        assert_eq!(r("Customer Retention Associate").entry(), Some(0));
    }

    #[test]
    fn single_words_resolve_when_unique() {
        assert_eq!(r("associate").entry(), Some(0));
        assert_eq!(r("representative").entry(), Some(1));
        assert_eq!(r("Supervisor").entry(), Some(2));
        assert_eq!(r("team lead").entry(), Some(2));
        assert_eq!(r("analyst").entry(), Some(5));
        assert_eq!(r("guest").entry(), Some(7));
    }

    #[test]
    fn abbreviations_and_prefixes() {
        // Customer Service Associate and Customer Service Analyst.
        assert_eq!(r("csa"), Resolution::Ambiguous(vec![0, 5]));
        assert_eq!(r("cust serv assoc").entry(), Some(0));
        assert_eq!(r("rep").entry(), Some(1));
        assert_eq!(r("assoc").entry(), Some(0));
    }

    #[test]
    fn ambiguity_is_reported_not_guessed() {
        match r("manager") {
            Resolution::Ambiguous(c) => assert_eq!(c.len(), 2),
            other => panic!("expected ambiguity, got {other:?}"),
        }
        match r("csm") {
            Resolution::Ambiguous(c) => assert_eq!(c.len(), 2),
            other => panic!("expected ambiguity, got {other:?}"),
        }
        match r("coordinator") {
            Resolution::Ambiguous(c) => assert_eq!(c, vec![7, 8]),
            other => panic!("expected ambiguity, got {other:?}"),
        }
        assert!(matches!(r("customer service"), Resolution::Ambiguous(_)));
    }

    #[test]
    fn typos_resolve_when_one_role_is_clearly_closest() {
        assert_eq!(r("custmer servce asociate").entry(), Some(0));
        assert_eq!(r("asociate").entry(), Some(0));
        assert_eq!(r("reprsentative").entry(), Some(1));
        assert_eq!(r("customer-service-assocaite").entry(), Some(0));
        assert_eq!(r("supervsor").entry(), Some(2));
        assert_eq!(r("analist").entry(), Some(5));
    }

    #[test]
    fn close_typos_between_two_roles_are_ambiguous() {
        assert!(matches!(r("managr"), Resolution::Ambiguous(_)));
    }

    #[test]
    fn unknown_names_get_suggestions() {
        match r("plumber") {
            Resolution::Unknown(s) => assert!(s.len() <= MAX_LISTED),
            other => panic!("expected unknown, got {other:?}"),
        }
        match r("customer servise clark") {
            Resolution::Found(Found { entry: 6, .. }) => {}
            other => panic!("expected the clerk, got {other:?}"),
        }
        assert_eq!(r(""), Resolution::Unknown(vec![]));
        assert_eq!(r("---"), Resolution::Unknown(vec![]));
    }

    #[test]
    fn exact_beats_fuzzy() {
        // "clerk" is exact for one role even though it is close to others.
        assert_eq!(r("customer service clerk").entry(), Some(6));
    }

    #[test]
    fn better_tier_wins_at_equal_quality() {
        let c = vec![
            Candidate {
                entry: 0,
                name: "Customer Service Representative",
                tier: 0,
                weight: 0,
            },
            Candidate {
                entry: 1,
                name: "Customer Service Representatives",
                tier: 1,
                weight: 2_800_000,
            },
            Candidate {
                entry: 2,
                name: "Sales Representatives",
                tier: 1,
                weight: 1_500_000,
            },
        ];
        assert_eq!(resolve(&c, "representative").entry(), Some(0));
        // Two occupations match the word equally: listed, larger employment first.
        assert_eq!(
            resolve(&c, "representatives"),
            Resolution::Ambiguous(vec![1, 2])
        );
        // Singular and plural are the same exact name; the curated tier wins
        // (its page shows the occupation's official wages).
        assert_eq!(
            resolve(&c, "customer service representatives"),
            Resolution::Found(Found {
                entry: 0,
                how: How::Exact { name: 0 }
            })
        );
        assert_eq!(resolve(&c, "sales representative").entry(), Some(2));
    }

    #[test]
    fn how_a_name_was_taken_is_kept() {
        let c = catalog();
        let how = |q: &str| match resolve(&c, q) {
            Resolution::Found(f) => (f.entry, f.how),
            other => panic!("{q}: {other:?}"),
        };
        assert_eq!(how("CSR"), (1, How::Exact { name: 5 }));
        assert_eq!(how("associate"), (0, How::Words { name: 0 }));
        assert_eq!(how("cra"), (0, How::Acronym { name: 2 }));
        assert!(matches!(how("asociate"), (0, How::Fuzzy { .. })));
    }

    /// A title index over fixed titles (normalized key, entries).
    struct Fake(Vec<(&'static str, Vec<usize>)>);

    impl Fake {
        fn title(&self, key: &str, entries: &[usize]) -> Title {
            Title {
                key: key.to_string(),
                spelling: key.to_uppercase(),
                entries: entries.iter().map(|e| (*e, "alternate title")).collect(),
            }
        }
    }

    impl Titles for Fake {
        fn exact(&self, normalized: &str) -> Option<Title> {
            let (k, e) = self.0.iter().find(|(k, _)| *k == normalized)?;
            Some(self.title(k, e))
        }

        fn with_words(&self, words: &[&str], limit: usize) -> Option<Vec<Title>> {
            let found: Vec<Title> = self
                .0
                .iter()
                .filter(|(k, _)| words.iter().all(|w| k.split(' ').any(|x| x == *w)))
                .map(|(k, e)| self.title(k, e))
                .collect();
            (found.len() <= limit).then_some(found)
        }
    }

    /// Two curated roles (0, 1) and five occupations (10..=14).
    fn with_occupations() -> Vec<Candidate<'static>> {
        let names: &[(usize, &str, u8)] = &[
            (0, "customer-service-associate", 0),
            (0, "Customer Service Associate", 0),
            (1, "customer-service-representative", 0),
            (1, "Customer Service Representative", 0),
            // The occupation the representative stands for: its names
            // are the curated role's, at the occupations' tier.
            (1, "Customer Service Representatives", 1),
            (1, "43-4051", 1),
            (10, "Registered Nurses", 1),
            (11, "Nurse Practitioners", 1),
            (12, "Nursing Assistants", 1),
            (13, "Computer Network Architects", 1),
            (14, "Tellers", 1),
        ];
        names
            .iter()
            .map(|(e, n, t)| Candidate {
                entry: *e,
                name: n,
                tier: *t,
                weight: 0,
            })
            .collect()
    }

    fn titles() -> Fake {
        Fake(vec![
            ("bank teller", vec![14]),
            ("nurse", vec![10]),
            ("charge nurse", vec![10, 15]),
            ("certified nursing assistant cna", vec![12, 16]),
            ("certified nurse aide cna", vec![12]),
            ("help desk analyst", vec![17]),
            ("help desk technician", vec![17]),
            ("forklift driver", vec![18]),
            ("forklift mechanic", vec![19]),
            ("customer service agent", vec![1, 20]),
        ])
    }

    fn t(q: &str) -> Resolution {
        let c = with_occupations();
        resolve_prepared(&c, &prepare(&c), &titles(), q)
    }

    #[test]
    fn titles_of_one_occupation_are_taken_saying_which_title() {
        match t("Bank Tellers") {
            Resolution::Found(Found {
                entry: 14,
                how: How::Title { spelling, by, .. },
            }) => {
                assert_eq!(spelling, "BANK TELLER");
                assert_eq!(by, TitleBy::Exact);
            }
            other => panic!("{other:?}"),
        }
        // A curated role's own word still wins over the index.
        assert_eq!(t("associate").entry(), Some(0));
        // The occupation a curated role stands for: the curated role, by
        // the occupation's code.
        assert_eq!(
            t("43-4051"),
            Resolution::Found(Found {
                entry: 1,
                how: How::Exact { name: 5 }
            })
        );
    }

    #[test]
    fn a_shared_title_or_a_common_word_lists_every_occupation() {
        assert_eq!(t("charge nurse"), Resolution::Ambiguous(vec![10, 15]));
        assert_eq!(
            t("customer service agent"),
            Resolution::Ambiguous(vec![1, 20])
        );
        // "Nurse" is a title of 10 alone, but 11 has the word in its name.
        assert_eq!(t("nurse"), Resolution::Ambiguous(vec![10, 11]));
        assert_eq!(t("nurses"), Resolution::Ambiguous(vec![10, 11]));
    }

    #[test]
    fn a_stated_acronym_beats_a_made_up_one() {
        // "cna" is also the initials of Computer Network Architects (13),
        // but the titles that state it are all 12's.
        match t("CNA") {
            Resolution::Found(Found {
                entry: 12,
                how: How::Title { by, .. },
            }) => assert_eq!(by, TitleBy::Acronym),
            other => panic!("{other:?}"),
        }
        assert!(states_acronym(
            "clinic licensed practical nurse clinic lpn",
            "lpn"
        ));
        assert!(!states_acronym("lpn", "lpn"));
        assert!(!states_acronym("certified nursing assistant", "cna"));
    }

    #[test]
    fn words_of_titles_decide_only_when_one_occupation_has_them_all() {
        match t("help desk") {
            Resolution::Found(Found {
                entry: 17,
                how: How::Title { by, .. },
            }) => assert_eq!(by, TitleBy::Words),
            other => panic!("{other:?}"),
        }
        assert_eq!(t("forklift"), Resolution::Ambiguous(vec![18, 19]));
        // No title with the words: the fuzzy level's suggestions.
        assert!(matches!(t("zzqx"), Resolution::Unknown(_)));
    }

    #[test]
    fn the_quick_normalizing_is_normalize_name() {
        let catalog = crate::catalog::Catalog::bundled().expect("bundled");
        let mut names: Vec<&str> = catalog.candidates().iter().map(|c| c.name).collect();
        names.extend([
            "  Night   Lead!  ",
            "--",
            "",
            "Helpers--Carpenters",
            "a_b-c d",
            "Ärztin (Ö)",
        ]);
        for n in names {
            assert_eq!(normalized(n), normalize_name(n), "{n:?}");
        }
        assert_eq!(
            singular("customer service representatives"),
            "customer service representative"
        );
        assert_eq!(singular("class bus gas tellers"), "class bus gas teller");
        assert_eq!(singular(""), "");
        assert_eq!(singular("nurses  aides"), "nurse  aide");
        for (name, target) in [
            ("registered nurses", "registered nurse"),
            ("tellers", "teller"),
            ("class", "class"),
            ("bus drivers", "bus driver"),
        ] {
            assert!(singular_is(name, target), "{name}");
            assert_eq!(singular(name), target);
        }
        assert!(!singular_is("registered nurses", "registered nurses x"));
        assert!(!singular_is("registered nurses", "registered"));
        assert!(compact_is("customer service", "customerservice"));
        assert!(!compact_is("customer service", "customerservic"));
    }
}
