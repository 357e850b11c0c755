//! Ranked, typo-tolerant matching of a typed query against short texts
//! (titles, skills, tool names, responsibilities). Pure: no I/O, no
//! catalog; commands decide what to search and how to weigh fields.
//!
//! # The score
//!
//! The query is split into words the way names are normalized (lowercase,
//! split at anything that is not a letter or digit). A text is split the
//! same way, and every query word is compared with every text word:
//!
//! * **subsequence** (nucleo): the query word's letters appear in the text
//!   word in order, possibly with letters missing (`custmer` in
//!   `Customer`). nucleo's score is divided by the score the query word
//!   gets against itself, so a whole-word match is 1, and scaled by
//!   `0.8 + 0.2 × typed length / word length`, so a whole word beats a
//!   prefix (`zen` in `Zendesk`: 0.89). Words of two or three letters
//!   must match a word's start without gaps (`crm`, `ai`), or they would
//!   match almost anything; a single letter or digit only matches a word
//!   that is just that letter.
//! * **edit distance** (strsim's normalized Damerau-Levenshtein), for
//!   words of four letters or more: swapped, wrong or extra letters
//!   (`custmoer`, `servise`), against the whole word or, scaled like a
//!   prefix, against the word's start. Only words that share the first
//!   letter (or the first two, swapped) and are close enough in length and
//!   letters to possibly reach the floor are compared, so the costly
//!   distance is rarely computed.
//!
//! Edit-distance pairs must reach [`EDIT_FLOOR`] (one edit in four
//! letters, two in eight). A pair scores the better of the two; pairs
//! below [`WORD_FLOOR`] count as no match. Each query word keeps its best
//! pair. Then, for the text:
//!
//! ```text
//! matched   = mean over query words of their best pair score (0 if none)
//! coverage  = text words matched by some query word / text words
//! adjacent  = 1 if the query's words matched consecutive text words in
//!             order (always 1 for a one-word query that matched), else 0
//! score     = 0.85 × matched + 0.10 × coverage + 0.05 × adjacent
//! ```
//!
//! A text is a hit when `matched` reaches [`HIT_FLOOR`]: every word of a
//! one- or two-word query must match; longer queries may miss one word in
//! three. The score is in [0, 1]; 1 is the query itself.
//!
//! # Cost
//!
//! A [`Searcher`] is built once per query: the nucleo pattern, one
//! `Matcher` (about 135 KB of scratch space) and every buffer are reused
//! for every text. A word's pair scores depend on the two words alone, so
//! each distinct text word is scored once per query and remembered: the
//! texts of a catalog share most of their words, and a text made of words
//! seen before costs a split and a few lookups. Only a new word allocates
//! (its memo entry, and strsim when an edit distance is computed).

pub use crate::searchable::split_words;
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// A query word and a text word closer than this do not match.
pub const WORD_FLOOR: f64 = 0.6;
/// A text whose mean word score is below this is not a hit.
pub const HIT_FLOOR: f64 = 0.6;
/// An edit-distance match must reach this: one edit in four letters, two
/// in eight; looser lets `contact` match `conflict`.
pub const EDIT_FLOOR: f64 = 0.7;
/// Pairs scoring at least this by subsequence skip the edit distance.
const EDIT_SKIP: f64 = 0.95;
/// Query words shorter than this are not compared by edit distance, and
/// must match the start of a word without gaps.
const EDIT_MIN_CHARS: usize = 4;

const W_MATCHED: f64 = 0.85;
const W_COVERAGE: f64 = 0.10;
const W_ADJACENT: f64 = 0.05;

/// Letter counts of a word: a-z, 0-9, and everything else together.
type Bag = [u8; 37];

fn bucket(c: char) -> usize {
    match c {
        'a'..='z' => c as usize - 'a' as usize,
        '0'..='9' => 26 + (c as usize - '0' as usize),
        _ => 36,
    }
}

fn bag_of(chars: impl Iterator<Item = char>) -> Bag {
    let mut bag = [0u8; 37];
    for c in chars {
        let b = &mut bag[bucket(c)];
        *b = b.saturating_add(1);
    }
    bag
}

/// A lower bound on the Damerau-Levenshtein distance between two words
/// from their letter counts: a substitution changes two counts, an
/// insertion or deletion one, a transposition none.
fn bag_bound(a: &Bag, b: &Bag) -> usize {
    let l1: usize = a.iter().zip(b).map(|(x, y)| x.abs_diff(*y) as usize).sum();
    l1.div_ceil(2)
}

/// The most edits two words of these lengths may differ by and still reach
/// the edit floor.
fn max_edits(a: usize, b: usize) -> usize {
    ((1.0 - EDIT_FLOOR) * a.max(b) as f64 + 1e-9).floor() as usize
}

/// What the matcher needs to know of a text word, worked out once per
/// word rather than once per query word.
#[derive(Debug, Clone, Copy)]
struct WordShape {
    /// The first two letters, lowercased.
    w0: char,
    w1: Option<char>,
    /// Length in chars.
    chars: usize,
}

/// Whether `needle` (lowercase ASCII) is a subsequence of `text` (ASCII),
/// ignoring case.
fn is_subsequence(needle: &[u8], text: &str) -> bool {
    let mut want = needle.iter().peekable();
    for b in text.bytes() {
        match want.peek() {
            Some(&&n) if b.to_ascii_lowercase() == n => {
                want.next();
            }
            Some(_) => {}
            None => return true,
        }
    }
    want.peek().is_none()
}

/// One word of the query, prepared once.
#[derive(Debug)]
struct QueryWord {
    text: String,
    chars: usize,
    first: char,
    second: Option<char>,
    bag: Bag,
    /// nucleo's score for the word against itself: the best possible.
    perfect: f64,
}

/// A prepared query. Build one per query and reuse it for every text.
pub struct Searcher {
    words: Vec<QueryWord>,
    /// One fuzzy atom per query word, in the same order.
    pattern: Pattern,
    matcher: Matcher,
    /// Scratch for non-ASCII haystacks.
    chars: Vec<char>,
    /// Scratch for a lowercased text word.
    lower: String,
    /// Per query word: its best pair score and the text word it came from.
    best: Vec<(f64, usize)>,
    /// Per query word: whether it is a subsequence of the current text.
    subsequence: Vec<bool>,
    /// Text words of the current text that matched some query word.
    covered: usize,
    /// Scratch for the current text's word ranges.
    ranges: Vec<Range<usize>>,
    /// Where each text word seen so far has its pair scores in `scores`:
    /// a pair's score depends on the two words alone, and a catalog's
    /// texts share most of their words ("Customer", "Billing", "Zendesk").
    seen: FxHashMap<Box<str>, usize>,
    /// One score per query word for each word in `seen`.
    scores: Vec<f64>,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("words", &self.words)
            .finish_non_exhaustive()
    }
}

/// What the matcher needs to know of a text word: its first two letters
/// lowercased and its length in chars; `None` for an empty word.
fn shape_of(word: &str) -> Option<WordShape> {
    if word.is_ascii() {
        let b = word.as_bytes();
        let lower = |c: &u8| char::from(c.to_ascii_lowercase());
        return Some(WordShape {
            w0: lower(b.first()?),
            w1: b.get(1).map(lower),
            chars: b.len(),
        });
    }
    let mut lower = word.chars().flat_map(char::to_lowercase);
    let (w0, w1) = (lower.next()?, lower.next());
    Some(WordShape {
        w0,
        w1,
        chars: word.chars().count(),
    })
}

/// At most this many words are searched for: every text word is compared
/// with every query word.
pub const MAX_QUERY_WORDS: usize = 32;
/// Query words longer than this are refused: no word is that long, and
/// nucleo's 16-bit scores overflow for needles of a few thousand letters.
pub const MAX_WORD_CHARS: usize = 64;

/// Why a query cannot be searched for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// No letters or digits.
    Empty,
    /// More than [`MAX_QUERY_WORDS`] words (how many).
    TooManyWords(usize),
    /// A word longer than [`MAX_WORD_CHARS`] letters (its length).
    WordTooLong(usize),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::Empty => write!(f, "has no letters or digits"),
            QueryError::TooManyWords(n) => {
                write!(
                    f,
                    "has {n} words; at most {MAX_QUERY_WORDS} are searched for"
                )
            }
            QueryError::WordTooLong(n) => write!(
                f,
                "has a word of {n} letters; words of at most {MAX_WORD_CHARS} are searched for"
            ),
        }
    }
}

impl Searcher {
    /// Prepares `query`.
    pub fn new(query: &str) -> Result<Searcher, QueryError> {
        let normalized = crate::validate::normalize_name(query);
        if normalized.is_empty() {
            return Err(QueryError::Empty);
        }
        let count = normalized.split(' ').count();
        if count > MAX_QUERY_WORDS {
            return Err(QueryError::TooManyWords(count));
        }
        if let Some(n) = normalized
            .split(' ')
            .map(|w| w.chars().count())
            .find(|n| *n > MAX_WORD_CHARS)
        {
            return Err(QueryError::WordTooLong(n));
        }
        // normalize_name leaves single spaces between words and no
        // backslashes, so the pattern has exactly one atom per word.
        let pattern = Pattern::new(
            &normalized,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut words = Vec::new();
        for (word, atom) in normalized.split(' ').zip(&pattern.atoms) {
            let mut chars = word.chars();
            let Some(first) = chars.next() else {
                return Err(QueryError::Empty);
            };
            let perfect = atom
                .score(atom.needle_text(), &mut matcher)
                .map_or(1.0, f64::from)
                .max(1.0);
            words.push(QueryWord {
                text: word.to_string(),
                chars: word.chars().count(),
                first,
                second: chars.next(),
                bag: bag_of(word.chars()),
                perfect,
            });
        }
        if words.len() != pattern.atoms.len() || words.is_empty() {
            return Err(QueryError::Empty);
        }
        let n = words.len();
        Ok(Searcher {
            words,
            pattern,
            matcher,
            chars: Vec::new(),
            lower: String::new(),
            best: vec![(0.0, 0); n],
            subsequence: vec![true; n],
            covered: 0,
            ranges: Vec::new(),
            seen: FxHashMap::default(),
            scores: Vec::new(),
        })
    }

    /// The score of `text` in [0, 1], or `None` when it is not a hit.
    pub fn score(&mut self, text: &str) -> Option<f64> {
        self.run(text, None)
    }

    /// The score of `text` and the byte ranges of its matching words, in
    /// order, for highlighting; `None` when it is not a hit.
    pub fn highlight(&mut self, text: &str) -> Option<(f64, Vec<Range<usize>>)> {
        let mut spans = Vec::new();
        let score = self.run(text, Some(&mut spans))?;
        Some((score, spans))
    }

    fn run(&mut self, text: &str, mut spans: Option<&mut Vec<Range<usize>>>) -> Option<f64> {
        // A query word that is not a subsequence of the whole text is not
        // one of any of its words: skip nucleo for it. Checked by hand on
        // ASCII only (nucleo also folds accents); anything else may match.
        let ascii = text.is_ascii();
        for (q, possible) in self.words.iter().zip(self.subsequence.iter_mut()) {
            *possible = !ascii || !q.text.is_ascii() || is_subsequence(q.text.as_bytes(), text);
        }
        let mut ranges = std::mem::take(&mut self.ranges);
        split_words(text, &mut ranges);
        self.start_text();
        for (wi, range) in ranges.iter().enumerate() {
            let Some(at) = text.get(range.clone()).and_then(|w| self.remembered(w)) else {
                continue;
            };
            if self.add_word(wi, at) {
                if let Some(spans) = spans.as_deref_mut() {
                    spans.push(range.clone());
                }
            }
        }
        let words = ranges.len();
        self.ranges = ranges;
        self.end_text(words)
    }

    /// The score of a text given as the numbers of its words in a table
    /// (see [`crate::searchable::SearchIndex`]), where `word_at` says where
    /// each word's scores are (from [`Searcher::score_word`]). The same
    /// score as [`Searcher::score`] on the text itself.
    pub fn score_word_list(
        &mut self,
        word_at: impl ExactSizeIterator<Item = usize>,
    ) -> Option<f64> {
        self.start_text();
        let words = word_at.len();
        for (wi, at) in word_at.enumerate() {
            self.add_word(wi, at);
        }
        self.end_text(words)
    }

    /// Scores `word` against every query word and says where the scores
    /// are, for [`Searcher::score_word_list`]; `None` for a word with no
    /// letters. Each call scores anew: callers remember the result.
    pub fn score_word(&mut self, word: &str) -> Option<usize> {
        // No text around the word to rule query words out by.
        self.subsequence.iter_mut().for_each(|s| *s = true);
        self.scores_of(word)
    }

    /// Whether the word whose scores are at `at` (from
    /// [`Searcher::score_word`]) matches some query word: a text none of
    /// whose words match is not a hit.
    pub fn word_matches(&self, at: usize) -> bool {
        (0..self.words.len()).any(|qi| self.scores.get(at + qi).is_some_and(|s| *s >= WORD_FLOOR))
    }

    /// Where the scores of `word` are, computed on first sight.
    fn remembered(&mut self, word: &str) -> Option<usize> {
        if let Some(&at) = self.seen.get(word) {
            return Some(at);
        }
        let at = self.scores_of(word)?;
        self.seen.insert(word.into(), at);
        Some(at)
    }

    fn scores_of(&mut self, word: &str) -> Option<usize> {
        let shape = shape_of(word)?;
        let at = self.scores.len();
        for qi in 0..self.words.len() {
            let s = self.pair(qi, word, &shape);
            self.scores.push(s);
        }
        Some(at)
    }

    fn start_text(&mut self) {
        self.best.iter_mut().for_each(|b| *b = (0.0, usize::MAX));
        self.covered = 0;
    }

    /// Counts text word `wi`, whose scores are at `at`; whether it matched
    /// some query word.
    fn add_word(&mut self, wi: usize, at: usize) -> bool {
        let mut hit = false;
        for (qi, best) in self.best.iter_mut().enumerate() {
            let s = self.scores.get(at + qi).copied().unwrap_or(0.0);
            if s >= WORD_FLOOR {
                hit = true;
                if s > best.0 {
                    *best = (s, wi);
                }
            }
        }
        self.covered += usize::from(hit);
        hit
    }

    /// The score of a text of `words` words, all added.
    fn end_text(&self, words: usize) -> Option<f64> {
        if words == 0 {
            return None;
        }
        let n = self.best.len() as f64;
        let matched = self.best.iter().map(|b| b.0).sum::<f64>() / n;
        if matched < HIT_FLOOR {
            return None;
        }
        let adjacent = self.best.iter().all(|b| b.1 != usize::MAX)
            && self.best.windows(2).all(|p| p[1].1 == p[0].1 + 1);
        let coverage = self.covered as f64 / words as f64;
        let score = W_MATCHED * matched
            + W_COVERAGE * coverage
            + W_ADJACENT * if adjacent { 1.0 } else { 0.0 };
        Some(score.clamp(0.0, 1.0))
    }

    /// How well query word `qi` matches one text word, in [0, 1].
    fn pair(&mut self, qi: usize, word: &str, shape: &WordShape) -> f64 {
        let q = &self.words[qi];
        let short = q.chars < EDIT_MIN_CHARS;
        // Cheap rejections before any matching: a short word must start the
        // text word; an edit needs a shared first letter (or a swapped
        // first pair); a subsequence needs the text word to be long enough.
        let WordShape { w0, w1, chars } = *shape;
        let same_start = w0 == q.first || (w1 == Some(q.first) && q.second == Some(w0));
        if short && w0 != q.first {
            return 0.0;
        }
        // A single letter or digit is a word of its own or nothing.
        if q.chars == 1 {
            return if chars == 1 { 1.0 } else { 0.0 };
        }
        let ratio = q.chars as f64 / chars.max(q.chars) as f64;
        let mut best: f64 = 0.0;
        // By hand first for ASCII: most words are not even a subsequence.
        let ascii = word.is_ascii() && q.text.is_ascii();
        let subsequence = chars >= q.chars
            && self.subsequence[qi]
            && (!ascii || is_subsequence(q.text.as_bytes(), word));
        if subsequence {
            let haystack = Utf32Str::new(word, &mut self.chars);
            if let Some(atom) = self.pattern.atoms.get(qi) {
                if let Some(raw) = atom.score(haystack, &mut self.matcher) {
                    let raw = (f64::from(raw) / q.perfect).min(1.0);
                    // Short words: only a gap-free match at the start.
                    if !short || raw >= 0.999 {
                        best = raw * (0.8 + 0.2 * ratio);
                    }
                }
            }
        }
        if short || best >= EDIT_SKIP || !same_start {
            return best;
        }
        if subsequence && ascii {
            // Only letters are missing: the edit distance is the length
            // difference, so the similarity is the length ratio; no need
            // to compute it.
            return if ratio >= EDIT_FLOOR {
                best.max(ratio)
            } else {
                best
            };
        }
        best.max(self.edit(qi, word, chars))
    }

    /// Edit-distance similarity of query word `qi` to `word`, or to the
    /// start of a longer `word`, when it can reach the floor; else 0.
    fn edit(&mut self, qi: usize, word: &str, word_chars: usize) -> f64 {
        let q = &self.words[qi];
        let mut best = 0.0;
        // The whole word.
        let limit = max_edits(q.chars, word_chars);
        if q.chars.abs_diff(word_chars) <= limit {
            let bag = bag_of(word.chars().flat_map(char::to_lowercase));
            if bag_bound(&q.bag, &bag) <= limit {
                self.lower.clear();
                self.lower.extend(word.chars().flat_map(char::to_lowercase));
                best = strsim::normalized_damerau_levenshtein(&q.text, &self.lower);
            }
        }
        // The start of a longer word: a misspelt prefix (`custmo`).
        if word_chars > q.chars {
            let head = word.chars().take(q.chars).flat_map(char::to_lowercase);
            let bag = bag_of(head.clone());
            if bag_bound(&q.bag, &bag) <= max_edits(q.chars, q.chars) {
                self.lower.clear();
                self.lower.extend(head);
                let ratio = q.chars as f64 / word_chars as f64;
                let s = strsim::normalized_damerau_levenshtein(&q.text, &self.lower)
                    * (0.8 + 0.2 * ratio);
                if s > best {
                    best = s;
                }
            }
        }
        if best >= EDIT_FLOOR {
            best
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(query: &str, text: &str) -> Option<f64> {
        Searcher::new(query)
            .unwrap_or_else(|e| panic!("`{query}` {e}"))
            .score(text)
    }

    fn hit(query: &str, text: &str) -> f64 {
        s(query, text).unwrap_or_else(|| panic!("`{query}` should match `{text}`"))
    }

    #[test]
    fn empty_huge_and_long_queries_are_refused() {
        assert_eq!(Searcher::new("").err(), Some(QueryError::Empty));
        assert_eq!(Searcher::new("  -- / ").err(), Some(QueryError::Empty));
        assert!(Searcher::new("x").is_ok());
        let many = vec!["word"; MAX_QUERY_WORDS + 1].join(" ");
        assert_eq!(
            Searcher::new(&many).err(),
            Some(QueryError::TooManyWords(MAX_QUERY_WORDS + 1))
        );
        assert!(Searcher::new(&vec!["word"; MAX_QUERY_WORDS].join(" ")).is_ok());
        let long = "a".repeat(100_000);
        assert_eq!(
            Searcher::new(&long).err(),
            Some(QueryError::WordTooLong(100_000))
        );
        // The longest word allowed scores without overflow.
        let mut q = Searcher::new(&"a".repeat(MAX_WORD_CHARS)).unwrap_or_else(|e| panic!("{e}"));
        assert!(q.score(&"a".repeat(MAX_WORD_CHARS)).is_some());
        assert!(q.score(&"a".repeat(100_000)).is_some());
    }

    #[test]
    fn long_text_words_do_not_break_matching() {
        let mut q = Searcher::new("customer").unwrap_or_else(|e| panic!("{e}"));
        let huge = format!("customer {}", "x".repeat(200_000));
        assert!(q.score(&huge).is_some());
        // One 80,000-letter word that starts with the query: a prefix match.
        let v = q.score(&"customer".repeat(10_000));
        assert!(v.is_some_and(|v| v <= 0.85), "{v:?}");
    }

    #[test]
    fn the_query_itself_scores_one() {
        let v = hit("Customer Service Manager", "Customer Service Manager");
        assert!((v - 1.0).abs() < 1e-9, "{v}");
        let v = hit("zendesk", "Zendesk");
        assert!((v - 1.0).abs() < 1e-9, "{v}");
    }

    #[test]
    fn scores_stay_in_the_unit_interval() {
        for (q, t) in [
            ("a", "a a a a"),
            ("customer customer", "customer"),
            ("é", "É é e"),
            ("custmer", "customer customer customer"),
        ] {
            if let Some(v) = s(q, t) {
                assert!((0.0..=1.0).contains(&v), "{q} / {t}: {v}");
            }
        }
    }

    #[test]
    fn missing_letters_match_through_the_subsequence() {
        let v = hit("custmer servce", "Customer Service Associate");
        assert!(v > 0.75, "{v}");
        assert!(hit("mangement", "Customer Service Management") > 0.7);
    }

    #[test]
    fn swapped_and_wrong_letters_match_through_edit_distance() {
        // Neither is a subsequence of the title.
        assert!(hit("custmoer", "Customer Service Clerk") > 0.7);
        assert!(hit("servise", "Customer Service Clerk") > 0.7);
        assert!(hit("cutsomer sevrice", "Customer Service Representative") > 0.7);
        // A misspelt start of a longer word.
        assert!(hit("custmo", "Customer") > 0.6);
    }

    #[test]
    fn whole_words_beat_prefixes_and_typos() {
        let exact = hit("listening", "Active listening");
        let prefix = hit("listen", "Active listening");
        let typo = hit("listneing", "Active listening");
        assert!(exact > prefix, "{exact} > {prefix}");
        assert!(exact > typo, "{exact} > {typo}");
    }

    #[test]
    fn a_text_that_is_mostly_the_query_beats_a_long_one() {
        let short = hit("manager", "Customer Service Manager");
        let long = hit(
            "manager",
            "Escalate complex issues to a manager when the customer asks for one",
        );
        assert!(short > long, "{short} > {long}");
    }

    #[test]
    fn words_in_order_side_by_side_beat_scattered_words() {
        let phrase = hit(
            "conflict resolution",
            "Conflict resolution and de-escalation",
        );
        let scattered = hit(
            "conflict resolution",
            "Resolution of billing disputes, calming conflict",
        );
        assert!(phrase > scattered, "{phrase} > {scattered}");
    }

    #[test]
    fn short_words_match_word_starts_only() {
        assert!(s("crm", "Proficiency with CRM software").is_some());
        assert!(s("crm", "Customer Relationship Management").is_none());
        assert!(s("ai", "Maintain records").is_none());
        assert!(s("ai", "Chatbots and AI-assist tools").is_some());
        assert!(s("cs", "Customer service").is_none());
        assert!(s("x", "Excel").is_none());
        // One letter matches only a one-letter word.
        assert!(s("w", "Work with people").is_none());
        assert!(s("c", "C and C++").is_some());
    }

    #[test]
    fn long_words_allow_two_edits_not_three() {
        assert!(s("conflict", "Analyzing contact volume trends").is_none());
        assert!(s("confilct", "Conflict resolution").is_some());
        assert!(s("cnoflitc", "Conflict resolution").is_some());
    }

    #[test]
    fn unrelated_texts_do_not_match() {
        assert!(s("plumber", "Customer Service Associate").is_none());
        assert!(s("zendesk", "Respond to customer inquiries promptly").is_none());
        assert!(s("salesforce", "Sales team").is_none());
        assert!(s("service", "Customer Success Manager").is_none());
    }

    #[test]
    fn every_word_of_a_two_word_query_must_match() {
        assert!(s("active listening", "Listening to customers").is_none());
        assert!(s("active listening", "Active listening").is_some());
        // Three words: one may miss.
        assert!(s("customer service manager", "Customer Success Manager").is_some());
    }

    #[test]
    fn case_and_accents_do_not_matter() {
        assert!(s("RESUME", "Résumé tips").is_some());
        assert!(s("zendesk", "ZENDESK").is_some());
    }

    #[test]
    fn highlight_gives_the_matching_words() {
        let mut q = Searcher::new("custmer servce").unwrap_or_else(|e| panic!("{e}"));
        let text = "Customer Service (and more customer care)";
        let (_, spans) = q.highlight(text).unwrap_or_else(|| panic!("hit"));
        let words: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, vec!["Customer", "Service", "customer"]);
    }

    #[test]
    fn highlight_ranges_are_char_boundaries_in_unicode_text() {
        let mut q = Searcher::new("équipe").unwrap_or_else(|e| panic!("{e}"));
        let text = "Gérer l’équipe — service";
        let (_, spans) = q.highlight(text).unwrap_or_else(|| panic!("hit"));
        assert_eq!(spans.len(), 1);
        assert_eq!(&text[spans[0].clone()], "équipe");
    }

    #[test]
    fn one_searcher_scores_many_texts_the_same_way() {
        let mut q = Searcher::new("empathy").unwrap_or_else(|e| panic!("{e}"));
        let a = q.score("Empathy and patience");
        let _ = q.score("Something else entirely");
        let b = q.score("Empathy and patience");
        assert_eq!(a, b);
    }

    #[test]
    fn subsequences_ignore_case() {
        assert!(is_subsequence(b"crm", "Customer Relationship Management"));
        assert!(is_subsequence(b"", "x"));
        assert!(is_subsequence(b"zendesk", "Zen desk"));
        assert!(!is_subsequence(b"zendesk", "Zen dsk"));
        assert!(!is_subsequence(b"ab", "b a"));
    }

    #[test]
    fn bag_bound_is_a_lower_bound() {
        let b = |s: &str| bag_of(s.chars());
        assert_eq!(bag_bound(&b("customer"), &b("custmoer")), 0);
        assert_eq!(bag_bound(&b("service"), &b("servise")), 1);
        assert_eq!(bag_bound(&b("abc"), &b("abcd")), 1);
    }

    #[test]
    fn words_split_at_non_alphanumerics() {
        fn words(text: &str) -> Vec<&str> {
            let mut r = Vec::new();
            split_words(text, &mut r);
            r.into_iter().map(|r| &text[r]).collect()
        }
        assert_eq!(
            words("  CRM (Salesforce, Zendesk)—é2 "),
            vec!["CRM", "Salesforce", "Zendesk", "é2"]
        );
        assert_eq!(words("Zendesk"), vec!["Zendesk"]);
        assert_eq!(words("a-b"), vec!["a", "b"]);
        assert!(words(" -- ").is_empty());
    }
}
