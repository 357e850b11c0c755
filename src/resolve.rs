//! Turning what a person typed into one catalog entry.
//!
//! Levels, tried in order; the first level that matches anything decides:
//! 1. exact: the id, title or an alias, ignoring case and separators
//!    (`Customer_Service ASSOCIATE`), or with the spaces squeezed out;
//! 2. acronym: the initials of a title or alias (`csa`);
//! 3. words: every typed word is a word of the name, or the start of one,
//!    in any order (`associate`, `cust serv assoc`);
//! 4. fuzzy: typos (`custmer servce asociate`), accepted only when one
//!    entry is clearly closest.
//!
//! At one level, entries of a better tier (curated profiles before bare
//! occupations) win; several entries of the best tier are ambiguous and
//! are listed, never silently chosen between. Pure functions: no I/O.

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
    Found(usize),
    /// Several entries match equally well; best first.
    Ambiguous(Vec<usize>),
    /// Nothing matches; the closest entries, best first (at most five).
    Unknown(Vec<usize>),
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
/// At most this many suggestions or candidates are listed.
pub const MAX_LISTED: usize = 5;

/// Every word without a plural -s ("customer service representatives" ->
/// "customer service representative"); short words and -ss kept.
fn singular(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                &w[..w.len() - 1]
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(s: &str) -> Vec<&str> {
    s.split(' ').filter(|w| !w.is_empty()).collect()
}

/// A candidate's name in the forms matching compares, worked out once
/// (a catalog keeps them for every resolution it does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    normalized: String,
    /// Without spaces.
    compact: String,
    /// Every word in the singular.
    singular: String,
}

/// The prepared names of `candidates`, in their order.
pub fn prepare(candidates: &[Candidate<'_>]) -> Vec<Prepared> {
    candidates
        .iter()
        .map(|c| {
            let normalized = normalize_name(c.name);
            Prepared {
                compact: normalized.replace(' ', ""),
                singular: singular(&normalized),
                normalized,
            }
        })
        .collect()
}

/// Resolves `query` against `candidates`.
pub fn resolve(candidates: &[Candidate<'_>], query: &str) -> Resolution {
    resolve_prepared(candidates, &prepare(candidates), query)
}

/// As [`resolve`], with the names of `candidates` prepared already
/// ([`prepare`]; same order and length).
pub fn resolve_prepared(
    candidates: &[Candidate<'_>],
    prepared: &[Prepared],
    query: &str,
) -> Resolution {
    let q = normalize_name(query);
    if q.is_empty() || prepared.len() != candidates.len() {
        return Resolution::Unknown(Vec::new());
    }
    let q_compact: String = q.chars().filter(|c| *c != ' ').collect();
    let q_words = words(&q);
    let normalized = |i: usize| prepared[i].normalized.as_str();

    // 1. Exact, also in the singular: official titles are plural
    // ("Tellers"), people type "teller".
    let q_singular = singular(&q);
    let exact = pick(candidates, |i| {
        let p = &prepared[i];
        (p.normalized == q || p.compact == q_compact || p.singular == q_singular).then_some(1.0)
    });
    if let Some(r) = exact {
        return r;
    }
    // 2. Acronym of a multi-word name.
    if q_words.len() == 1 && q.len() >= 2 {
        let acronym = pick(candidates, |i| {
            let w = words(normalized(i));
            (w.len() >= 2
                && w.len() == q.len()
                && w.iter().zip(q.chars()).all(|(w, c)| w.starts_with(c)))
            .then_some(1.0)
        });
        if let Some(r) = acronym {
            return r;
        }
    }
    // 3. Every typed word is a word, or the start of a word, of the name.
    let word_match = pick(candidates, |i| {
        let name_words = words(normalized(i));
        let mut whole = 0usize;
        for qw in &q_words {
            if name_words.iter().any(|nw| nw == qw) {
                whole += 1;
            } else if !(qw.len() >= 2 && name_words.iter().any(|nw| nw.starts_with(qw))) {
                return None;
            }
        }
        // Whole words beat prefixes. Names that merely have more or fewer
        // other words match equally well: that is an ambiguity to report,
        // not a reason to pick one.
        Some(whole as f64 / q_words.len() as f64)
    });
    if let Some(r) = word_match {
        return r;
    }
    // 4. Fuzzy.
    if q.chars().count() > MAX_FUZZY_CHARS {
        return Resolution::Unknown(Vec::new());
    }
    let scores = best_scores(candidates, |i| {
        fuzzy_score(&q_compact, &q_words, normalized(i))
    });
    let mut ranked: Vec<(usize, f64, u8, u64)> = scores
        .into_iter()
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(e, (s, t, w))| (e, s, t, w))
        .collect();
    ranked.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then(a.2.cmp(&b.2))
            .then(b.3.cmp(&a.3))
            .then(a.0.cmp(&b.0))
    });
    match ranked.as_slice() {
        [] => Resolution::Unknown(Vec::new()),
        [(e, s, ..)] if *s >= FUZZY_ACCEPT => Resolution::Found(*e),
        [(e, s, t, _), (_, s2, t2, _), ..]
            if *s >= FUZZY_ACCEPT && (s - s2 >= FUZZY_MARGIN || t < t2) =>
        {
            Resolution::Found(*e)
        }
        [(_, s, ..), ..] if *s >= FUZZY_ACCEPT => Resolution::Ambiguous(
            ranked
                .iter()
                .take_while(|r| r.1 >= FUZZY_ACCEPT && s - r.1 < FUZZY_MARGIN)
                .take(MAX_LISTED)
                .map(|r| r.0)
                .collect(),
        ),
        _ => Resolution::Unknown(
            ranked
                .iter()
                .filter(|r| r.1 >= SUGGEST_FLOOR)
                .take(MAX_LISTED)
                .map(|r| r.0)
                .collect(),
        ),
    }
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
    let scores = best_scores(candidates, |i| {
        fuzzy_score(&q_compact, &q_words, &normalize_name(candidates[i].name))
    });
    let mut ranked: Vec<_> = scores.into_iter().collect();
    ranked.sort_by(|a, b| {
        b.1 .0
            .total_cmp(&a.1 .0)
            .then(a.1 .1.cmp(&b.1 .1))
            .then(a.0.cmp(&b.0))
    });
    ranked
        .into_iter()
        .filter(|r| r.1 .0 >= SUGGEST_FLOOR)
        .take(limit)
        .map(|r| r.0)
        .collect()
}

/// The best score per entry over its names, with the entry's tier and weight.
fn best_scores(
    candidates: &[Candidate<'_>],
    score: impl Fn(usize) -> Option<f64>,
) -> HashMap<usize, (f64, u8, u64)> {
    let mut best: HashMap<usize, (f64, u8, u64)> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if let Some(s) = score(i) {
            let slot = best.entry(c.entry).or_insert((s, c.tier, c.weight));
            if s > slot.0 {
                slot.0 = s;
            }
        }
    }
    best
}

/// Applies one level: the entries whose names score, narrowed to the best
/// tier and then to the best score. `None` when nothing matched.
fn pick(candidates: &[Candidate<'_>], score: impl Fn(usize) -> Option<f64>) -> Option<Resolution> {
    let best = best_scores(candidates, score);
    if best.is_empty() {
        return None;
    }
    let top_tier = best.values().map(|v| v.1).min()?;
    let mut same_tier: Vec<(usize, f64, u64)> = best
        .iter()
        .filter(|(_, v)| v.1 == top_tier)
        .map(|(e, v)| (*e, v.0, v.2))
        .collect();
    let top = same_tier.iter().map(|v| v.1).fold(f64::MIN, f64::max);
    same_tier.retain(|v| (top - v.1).abs() < 1e-9);
    same_tier.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    Some(match same_tier.as_slice() {
        [(e, ..)] => Resolution::Found(*e),
        many => Resolution::Ambiguous(many.iter().map(|v| v.0).collect()),
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
    // Each typed word against its best name word.
    let mut total = 0.0;
    let mut covered = vec![false; name_words.len()];
    for qw in q_words {
        let mut best = (0.0, None);
        for (j, nw) in name_words.iter().enumerate() {
            let s = word_similarity(qw, nw);
            if s > best.0 {
                best = (s, Some(j));
            }
        }
        if let (s, Some(j)) = best {
            if s >= 0.6 {
                covered[j] = true;
            }
        }
        total += best.0;
    }
    let per_word = total / q_words.len() as f64;
    // Covering more of the name breaks near-ties, but never outweighs a typo.
    let coverage = covered.iter().filter(|c| **c).count() as f64 / name_words.len() as f64;
    let by_words = per_word + 0.02 * coverage;
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
        assert_eq!(r("customer-service-associate"), Resolution::Found(0));
        assert_eq!(r("Customer Service Associate"), Resolution::Found(0));
        assert_eq!(r("CUSTOMER_SERVICE_ASSOCIATE"), Resolution::Found(0));
        assert_eq!(r("  customer   service.associate "), Resolution::Found(0));
        assert_eq!(r("customerserviceassociate"), Resolution::Found(0));
        assert_eq!(r("csr"), Resolution::Found(1));
        assert_eq!(r("Customer Retention Associate"), Resolution::Found(0));
    }

    #[test]
    fn single_words_resolve_when_unique() {
        assert_eq!(r("associate"), Resolution::Found(0));
        assert_eq!(r("representative"), Resolution::Found(1));
        assert_eq!(r("Supervisor"), Resolution::Found(2));
        assert_eq!(r("team lead"), Resolution::Found(2));
        assert_eq!(r("analyst"), Resolution::Found(5));
        assert_eq!(r("guest"), Resolution::Found(7));
    }

    #[test]
    fn abbreviations_and_prefixes() {
        // Customer Service Associate and Customer Service Analyst.
        assert_eq!(r("csa"), Resolution::Ambiguous(vec![0, 5]));
        assert_eq!(r("cust serv assoc"), Resolution::Found(0));
        assert_eq!(r("rep"), Resolution::Found(1));
        assert_eq!(r("assoc"), Resolution::Found(0));
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
        assert_eq!(r("custmer servce asociate"), Resolution::Found(0));
        assert_eq!(r("asociate"), Resolution::Found(0));
        assert_eq!(r("reprsentative"), Resolution::Found(1));
        assert_eq!(r("customer-service-assocaite"), Resolution::Found(0));
        assert_eq!(r("supervsor"), Resolution::Found(2));
        assert_eq!(r("analist"), Resolution::Found(5));
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
            Resolution::Found(6) => {}
            other => panic!("expected the clerk, got {other:?}"),
        }
        assert_eq!(r(""), Resolution::Unknown(vec![]));
        assert_eq!(r("---"), Resolution::Unknown(vec![]));
    }

    #[test]
    fn exact_beats_fuzzy() {
        // "clerk" is exact for one role even though it is close to others.
        assert_eq!(r("customer service clerk"), Resolution::Found(6));
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
        assert_eq!(resolve(&c, "representative"), Resolution::Found(0));
        // Two occupations match the word equally: listed, larger employment first.
        assert_eq!(
            resolve(&c, "representatives"),
            Resolution::Ambiguous(vec![1, 2])
        );
        // Singular and plural are the same exact name; the curated tier wins
        // (its page shows the occupation's official wages).
        assert_eq!(
            resolve(&c, "customer service representatives"),
            Resolution::Found(0)
        );
        assert_eq!(resolve(&c, "sales representative"), Resolution::Found(2));
    }
}
