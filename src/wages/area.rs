//! Turning what a person typed into an area.
//!
//! Tried in order; the first step that matches anything decides:
//! 1. the nation (`us`, `usa`, `united states`, `national`), a USPS code
//!    (`TX`, `tx`), or an OEWS area code (`4800000`; a metro's 5-digit
//!    CBSA code, `12420`, also works);
//! 2. a whole name, ignoring case and punctuation (`texas`,
//!    `Austin-Round Rock-San Marcos, TX`), or a metro name with its state
//!    codes spelt out (`Austin-Round Rock-San Marcos, Texas`);
//! 3. words: every typed word is a word of the name, or the start (three
//!    letters or more) of one (`austin`, `dallas tx`, `portland oregon`).
//!    Of several such areas, those whose first place is exactly what was
//!    typed win (`springfield` is the four Springfields, not
//!    Eugene-Springfield), then states over metros (`carolina`);
//!    what is still several is ambiguous.
//!
//! Typos are not guessed at: a name that matches nothing gets up to five
//! suggestions, for a "did you mean" that the person confirms.

use super::{data, postal, Area, AreaKind};
use crate::validate::normalize_name;
use std::fmt;

/// At most this many areas are listed as suggestions or candidates.
pub const MAX_LISTED: usize = 5;
/// Below this similarity an area is not worth suggesting.
const SUGGEST_FLOOR: f64 = 0.5;
/// Longer queries get no suggestions (see `find_area`): more than twice
/// the longest area name, so that none could score [`SUGGEST_FLOOR`].
const MAX_FUZZY_CHARS: usize = 256;

/// What [`find_area`] could not decide.
#[derive(Debug, Clone, PartialEq)]
pub enum AreaError {
    /// Nothing matches; the closest areas, best first (at most five).
    Unknown {
        query: String,
        suggestions: Vec<&'static Area>,
    },
    /// Several areas match equally well; the biggest first (at most five
    /// of `total`).
    Ambiguous {
        query: String,
        candidates: Vec<&'static Area>,
        total: usize,
    },
}

/// How an area is listed in a message: `Texas (TX)`, `Austin-Round
/// Rock-San Marcos, TX`.
fn label(area: &Area) -> String {
    match (area.kind, area.postal) {
        (AreaKind::State, Some(p)) => format!("{} ({p})", area.name),
        _ => area.name.to_string(),
    }
}

impl fmt::Display for AreaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AreaError::Unknown { query, suggestions } => {
                write!(f, "no area matches `{}`", crate::error::quoted(query))?;
                if !suggestions.is_empty() {
                    write!(f, "\n\ndid you mean:")?;
                    for a in suggestions {
                        write!(f, "\n  {}", label(a))?;
                    }
                }
                write!(
                    f,
                    "\n\nan area is `us`, a state (`TX`, `texas`) or a metropolitan area (`austin`)."
                )
            }
            AreaError::Ambiguous {
                query,
                candidates,
                total,
            } => {
                write!(
                    f,
                    "`{}` matches {total} areas; say which:",
                    crate::error::quoted(query)
                )?;
                for a in candidates {
                    write!(f, "\n  {}", label(a))?;
                }
                if *total > candidates.len() {
                    write!(f, "\n  ... and {} more", total - candidates.len())?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for AreaError {}

const NATION_NAMES: [&str; 8] = [
    "us",
    "usa",
    "u s",
    "u s a",
    "united states",
    "united states of america",
    "national",
    "nation",
];

/// The area `query` names.
pub fn find_area(query: &str) -> Result<&'static Area, AreaError> {
    let areas: &'static [Area] = &data::AREAS;
    let q = normalize_name(query);
    let unknown = |suggestions| AreaError::Unknown {
        query: query.trim().to_string(),
        suggestions,
    };
    if q.is_empty() {
        return Err(unknown(Vec::new()));
    }

    // 1. Codes.
    if NATION_NAMES.contains(&q.as_str()) {
        return Ok(super::nation());
    }
    if q.len() == 2 && q.bytes().all(|b| b.is_ascii_alphabetic()) {
        let upper = q.to_ascii_uppercase();
        if let Some((fips, _)) = postal::POSTAL.iter().find(|(_, p)| *p == upper) {
            if let Some(a) = areas
                .iter()
                .find(|a| a.kind == AreaKind::State && a.state_fips == *fips)
            {
                return Ok(a);
            }
        }
    }
    if q.bytes().all(|b| b.is_ascii_digit()) {
        let code = match q.len() {
            5 => format!("00{q}"),
            _ => q.clone(),
        };
        if let Some(a) = super::area_by_code(&code) {
            return Ok(a);
        }
    }

    // 2. Whole names.
    if let Some(a) = areas.iter().find(|a| a.words == q || a.alias == q) {
        return Ok(a);
    }

    // 3. Words.
    let typed: Vec<&str> = q.split(' ').collect();
    let matched: Vec<&'static Area> = areas.iter().filter(|a| has_words(a, &typed)).collect();
    if !matched.is_empty() {
        let first_place: Vec<&'static Area> = matched
            .iter()
            .copied()
            .filter(|a| a.first_place == q)
            .collect();
        let states: Vec<&'static Area> = matched
            .iter()
            .copied()
            .filter(|a| a.kind != AreaKind::Metro)
            .collect();
        let mut best = [first_place, states, matched]
            .into_iter()
            .find(|set| !set.is_empty())
            .unwrap_or_default();
        if let [one] = best.as_slice() {
            return Ok(one);
        }
        best.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.name.cmp(b.name)));
        let total = best.len();
        best.truncate(MAX_LISTED);
        return Err(AreaError::Ambiguous {
            query: query.trim().to_string(),
            candidates: best,
            total,
        });
    }

    // Nothing: suggest the closest names. Edit distance costs the product
    // of the lengths (a 40 KB query took 6 s), and a query over twice as
    // long as any area's name is less than half like it: none is close.
    if q.chars().count() > MAX_FUZZY_CHARS {
        return Err(unknown(Vec::new()));
    }
    Err(unknown(closest(areas, &q, &typed)))
}

/// Whether every typed word is a word of the area's name (or of its alias),
/// or the start of one.
fn has_words(area: &Area, typed: &[&str]) -> bool {
    let fits = |name: &str| {
        typed.iter().all(|t| {
            name.split(' ')
                .any(|w| w == *t || (t.len() >= 3 && w.starts_with(t)))
        })
    };
    fits(area.words) || (!area.alias.is_empty() && fits(area.alias))
}

/// The areas whose names are closest to `q`, best first: whole names and
/// first places by edit distance, and word by word.
fn closest(areas: &'static [Area], q: &str, typed: &[&str]) -> Vec<&'static Area> {
    let word_score = |name: &str| {
        let total: f64 = typed
            .iter()
            .map(|t| {
                name.split(' ')
                    .map(|w| strsim::normalized_damerau_levenshtein(t, w))
                    .fold(0.0, f64::max)
            })
            .sum();
        total / typed.len() as f64
    };
    let mut scored: Vec<(f64, &'static Area)> = areas
        .iter()
        .map(|a| {
            let mut s = strsim::normalized_damerau_levenshtein(q, a.words)
                .max(strsim::normalized_damerau_levenshtein(q, a.first_place))
                .max(word_score(a.words));
            if !a.alias.is_empty() {
                s = s
                    .max(strsim::normalized_damerau_levenshtein(q, a.alias))
                    .max(word_score(a.alias));
            }
            (s, a)
        })
        .filter(|(s, _)| *s >= SUGGEST_FLOOR)
        .collect();
    scored.sort_by(|(sa, a), (sb, b)| {
        sb.total_cmp(sa)
            .then(b.weight.cmp(&a.weight))
            .then(a.name.cmp(b.name))
    });
    scored
        .into_iter()
        .take(MAX_LISTED)
        .map(|(_, a)| a)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(q: &str) -> &'static str {
        match find_area(q) {
            Ok(a) => a.name,
            Err(e) => panic!("`{q}`: {e}"),
        }
    }

    fn ambiguous(q: &str) -> Vec<&'static str> {
        match find_area(q) {
            Err(AreaError::Ambiguous { candidates, .. }) => {
                candidates.iter().map(|a| a.name).collect()
            }
            other => panic!("`{q}`: expected ambiguity, got {other:?}"),
        }
    }

    #[test]
    fn no_area_name_is_half_as_long_as_a_fuzzy_query_may_be() {
        for a in data::AREAS.iter() {
            for name in [a.words, a.alias, a.first_place] {
                assert!(name.chars().count() * 2 <= MAX_FUZZY_CHARS, "{name}");
            }
        }
    }

    #[test]
    fn codes() {
        assert_eq!(name("TX"), "Texas");
        assert_eq!(name("tx"), "Texas");
        assert_eq!(name(" dc "), "District of Columbia");
        assert_eq!(name("PR"), "Puerto Rico");
        assert_eq!(name("us"), "National");
        assert_eq!(name("U.S.A."), "National");
        assert_eq!(name("4800000"), "Texas");
        assert_eq!(name("12420"), "Austin-Round Rock-San Marcos, TX");
        assert_eq!(name("0012420"), "Austin-Round Rock-San Marcos, TX");
    }

    #[test]
    fn whole_names() {
        assert_eq!(name("texas"), "Texas");
        assert_eq!(name("NEW YORK"), "New York");
        assert_eq!(name("washington"), "Washington");
        assert_eq!(
            name("austin-round rock-san marcos, tx"),
            "Austin-Round Rock-San Marcos, TX"
        );
        assert_eq!(
            name("Austin-Round Rock-San Marcos, Texas"),
            "Austin-Round Rock-San Marcos, TX"
        );
    }

    #[test]
    fn words() {
        assert_eq!(name("Austin"), "Austin-Round Rock-San Marcos, TX");
        assert_eq!(name("austin texas"), "Austin-Round Rock-San Marcos, TX");
        assert_eq!(name("round rock"), "Austin-Round Rock-San Marcos, TX");
        assert_eq!(name("kansas city"), "Kansas City, MO-KS");
        assert_eq!(
            name("portland oregon"),
            "Portland-Vancouver-Hillsboro, OR-WA"
        );
        assert_eq!(name("portland me"), "Portland-South Portland, ME");
        assert_eq!(name("springfield il"), "Springfield, IL");
        assert_eq!(name("winston salem"), "Winston-Salem, NC");
        assert_eq!(name("tex"), "Texas");
        // The start of a word is enough.
        assert_eq!(name("pittsburg"), "Pittsburgh, PA");
        assert_eq!(
            name("washington dc"),
            "Washington-Arlington-Alexandria, DC-VA-MD-WV"
        );
    }

    #[test]
    fn ambiguous_names_list_the_biggest_first() {
        assert_eq!(
            ambiguous("portland"),
            [
                "Portland-Vancouver-Hillsboro, OR-WA",
                "Portland-South Portland, ME"
            ]
        );
        let springfields = ambiguous("springfield");
        assert_eq!(springfields.len(), 4);
        assert!(springfields.iter().all(|n| n.starts_with("Springfield, ")));
        assert_eq!(ambiguous("carolina"), ["North Carolina", "South Carolina"]);
        match find_area("nonmetropolitan") {
            Err(AreaError::Ambiguous {
                candidates, total, ..
            }) => {
                assert_eq!(candidates.len(), MAX_LISTED);
                assert!(total > 100);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn typos_are_suggested_not_guessed() {
        match find_area("Pitsburgh PA") {
            Err(AreaError::Unknown { suggestions, .. }) => {
                assert_eq!(suggestions.first().map(|a| a.name), Some("Pittsburgh, PA"));
                assert!(suggestions.len() <= MAX_LISTED);
            }
            other => panic!("{other:?}"),
        }
        match find_area("Texsa") {
            Err(AreaError::Unknown { suggestions, .. }) => {
                assert_eq!(suggestions.first().map(|a| a.name), Some("Texas"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            find_area(""),
            Err(AreaError::Unknown { suggestions, .. }) if suggestions.is_empty()
        ));
        assert!(matches!(find_area("ZZ"), Err(AreaError::Unknown { .. })));
        assert!(matches!(find_area("99999"), Err(AreaError::Unknown { .. })));
        assert!(find_area("\u{1b}[31m\u{0}").is_err());
    }

    #[test]
    fn messages_name_the_query_and_the_choices() {
        let e = find_area("portland").err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some(
                "`portland` matches 2 areas; say which:\n  Portland-Vancouver-Hillsboro, OR-WA\n  Portland-South Portland, ME"
            )
        );
        let e = find_area("Texsa")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.starts_with("no area matches `Texsa`\n\ndid you mean:\n  Texas (TX)"),
            "{e}"
        );
    }
}
