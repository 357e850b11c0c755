//! The size budget: how long a name or a text may be, how many entries a
//! list may have, and how much text one file may hold. A file within the
//! 10 MiB cap could otherwise hold a one-megabyte title or a hundred
//! thousand aliases, which every command then pays for (issue 12); the
//! budget keeps each command on the largest role it accepts quick
//! (docs/data-format.md, "Size budget", has the table and the timings).
//!
//! Checked on the TOML tree before the role is decoded, so that each
//! problem names the file, line, column and field.

use super::location::Step;

/// Characters in a role's `id`.
pub const MAX_ID_CHARS: usize = 64;
/// Characters in a role's `title`, an alias or the family's name.
pub const MAX_NAME_CHARS: usize = 120;
/// Characters in a skill, a tool's name or a tool's example.
pub const MAX_LABEL_CHARS: usize = 200;
/// Characters in any other text (a paragraph, an item, a note).
pub const MAX_TEXT_CHARS: usize = 4_000;
/// Aliases of one role.
pub const MAX_ALIASES: usize = 30;
/// Blocks of one field of a role (`[[salary]]`, `[[moves]]`...).
pub const MAX_BLOCKS: usize = 50;
/// Entries of a list inside a block (`items`, `paragraphs`, `skills`,
/// `tools`, `examples`, `tasks`...).
pub const MAX_ITEMS: usize = 100;
/// Tiers of one ladder.
pub const MAX_TIERS: usize = 20;
/// Skills of one role: the items of `tech_skills` and `soft_skills` and
/// the `skills` of `skill_map`, together. `compare` matches every skill of
/// one role against every skill of the other.
pub const MAX_SKILLS: usize = 300;
/// Tools of one role: the names and examples in `tech_stack`, together;
/// matched pairwise like skills.
pub const MAX_TOOLS: usize = 300;
/// Texts (string values, ids of sources included) in one role file.
pub const MAX_TEXTS: usize = 5_000;
/// Characters of text in one role file, all its texts together.
pub const MAX_TOTAL_CHARS: usize = 1_000_000;
/// Sources in one `sources.toml`.
pub const MAX_SOURCES: usize = 1_000;

/// Which file a budget is kept for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    Role,
    Sources,
    /// A ladder file, `ladders/<id>.toml`.
    Ladder,
}

/// The budget of one file, kept while its tree is walked: each over-long
/// text or list is a problem, and the file's totals are a problem once,
/// at the text that passes them.
pub(crate) struct Tally {
    kind: FileKind,
    texts: usize,
    chars: usize,
    skills: usize,
    tools: usize,
}

/// What a text is, for the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Text {
    Id,
    Name,
    Skill,
    Tool,
    Other,
}

impl Tally {
    pub fn new(kind: FileKind) -> Tally {
        Tally {
            kind,
            texts: 0,
            chars: 0,
            skills: 0,
            tools: 0,
        }
    }

    /// What is wrong with the text `s` at `path`, if anything.
    pub fn text(&mut self, path: &[Step<'_>], s: &str) -> Vec<String> {
        let mut out = Vec::new();
        let what = self.what(path);
        let max = match what {
            Text::Id => MAX_ID_CHARS,
            Text::Name => MAX_NAME_CHARS,
            Text::Skill | Text::Tool => MAX_LABEL_CHARS,
            Text::Other => MAX_TEXT_CHARS,
        };
        let chars = s.chars().count();
        if chars > max {
            out.push(format!(
                "is {} characters long; at most {} {SEE}",
                thousands(chars),
                thousands(max)
            ));
        }
        let counted = match what {
            Text::Skill => Some((&mut self.skills, MAX_SKILLS, "skills")),
            Text::Tool => Some((&mut self.tools, MAX_TOOLS, "tools and examples")),
            _ => None,
        };
        if let Some((count, most, kind)) = counted {
            *count += 1;
            if *count == most + 1 {
                out.push(format!(
                    "the role has more than {most} {kind}; at most {most} {SEE}"
                ));
            }
        }
        if self.kind != FileKind::Sources {
            self.texts += 1;
            if self.texts == MAX_TEXTS + 1 {
                out.push(format!(
                    "the file holds more than {} texts; at most {} {SEE}",
                    thousands(MAX_TEXTS),
                    thousands(MAX_TEXTS)
                ));
            }
            let before = self.chars;
            self.chars += chars;
            if before <= MAX_TOTAL_CHARS && self.chars > MAX_TOTAL_CHARS {
                out.push(format!(
                    "the file holds more than {} characters of text; at most {} {SEE}",
                    thousands(MAX_TOTAL_CHARS),
                    thousands(MAX_TOTAL_CHARS)
                ));
            }
        }
        out
    }

    /// What is wrong with a list of `len` entries at `path`, if anything.
    pub fn list(&self, path: &[Step<'_>], len: usize) -> Option<String> {
        let max = match (self.kind, path) {
            (FileKind::Role, [Step::Key("aliases")]) => MAX_ALIASES,
            (FileKind::Sources, [Step::Key("source")]) => MAX_SOURCES,
            (FileKind::Ladder, [Step::Key("tiers")]) => MAX_TIERS,
            (_, [_]) => MAX_BLOCKS,
            (_, [.., Step::Key("tiers")]) => MAX_TIERS,
            _ => MAX_ITEMS,
        };
        (len > max).then(|| {
            format!(
                "has {} entries; at most {} {SEE}",
                thousands(len),
                thousands(max)
            )
        })
    }

    fn what(&self, path: &[Step<'_>]) -> Text {
        match self.kind {
            FileKind::Role => Tally::what_in_role(path),
            FileKind::Ladder => match path {
                [Step::Key("id")] => Text::Id,
                [Step::Key("name")] | [Step::Key("tiers"), Step::Index(_), Step::Key("title")] => {
                    Text::Name
                }
                _ => Text::Other,
            },
            FileKind::Sources => Text::Other,
        }
    }

    fn what_in_role(path: &[Step<'_>]) -> Text {
        match path {
            [Step::Key("id")] => Text::Id,
            [Step::Key("title")]
            | [Step::Key("family"), Step::Key("name")]
            | [Step::Key("aliases"), Step::Index(_), Step::Key("name")] => Text::Name,
            [Step::Key("tech_skills" | "soft_skills"), Step::Index(_), Step::Key("items"), Step::Index(_)]
            | [Step::Key("skill_map"), Step::Index(_), Step::Key("skills"), Step::Index(_)] => {
                Text::Skill
            }
            [Step::Key("tech_stack"), Step::Index(_), Step::Key("tools"), Step::Index(_), Step::Key("name")]
            | [Step::Key("tech_stack"), Step::Index(_), Step::Key("tools"), Step::Index(_), Step::Key("examples"), Step::Index(_)] => {
                Text::Tool
            }
            _ => Text::Other,
        }
    }
}

/// Where the messages send people.
const SEE: &str = "(the size budget in docs/data-format.md)";

/// `n` with thousands separators.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// The largest roles the budget accepts, for measuring what the commands
/// cost on them: each shape fills one dimension to its limits (and the
/// file's totals as far as they allow), in two roles that link each other
/// so that `compare` and `path` get two of them. Every role cites
/// `source`, which must exist.
pub fn largest_roles(source: &str) -> Vec<LargestShape> {
    let shapes: [(&'static str, Fill); 7] = [
        ("names", |_| {}),
        ("every-field", every_field),
        ("skills", skills),
        ("paragraphs", paragraphs),
        ("ladders", ladders),
        ("moves", moves),
        ("pay", pay),
    ];
    shapes
        .iter()
        .map(|(shape, fill)| LargestShape {
            shape,
            roles: ["a", "b"]
                .iter()
                .map(|which| {
                    let other = if *which == "a" { "b" } else { "a" };
                    let mut w = Writer::new(shape, which, other, source);
                    fill(&mut w);
                    (w.id.clone(), w.finish())
                })
                .collect(),
        })
        .collect()
}

/// What fills a shape's roles beyond their names.
type Fill = fn(&mut Writer);

/// Two roles of one shape: (id, TOML text) each.
pub struct LargestShape {
    pub shape: &'static str,
    pub roles: Vec<(String, String)>,
}

/// Builds one largest role, counting its texts and characters as the
/// budget does.
struct Writer {
    id: String,
    other: String,
    source: String,
    which: &'static str,
    text: String,
    texts: usize,
    chars: usize,
    serial: usize,
}

/// Words to make texts of: varied, so that nothing collapses into one
/// repeated text or word.
const WORDS: &[&str] = &[
    "customer",
    "ticket",
    "escalation",
    "billing",
    "refund",
    "queue",
    "coaching",
    "quality",
    "callback",
    "account",
    "renewal",
    "feedback",
    "shift",
    "handover",
    "survey",
    "priority",
    "warranty",
    "invoice",
    "chat",
    "email",
];

impl Writer {
    fn new(shape: &str, which: &'static str, other: &str, source: &str) -> Writer {
        let id_of = |w: &str| {
            let mut id = format!("largest-{shape}-{w}-");
            while id.len() < MAX_ID_CHARS {
                id.push('x');
            }
            id
        };
        let mut w = Writer {
            id: id_of(which),
            other: id_of(other),
            source: source.to_string(),
            which,
            text: String::new(),
            texts: 0,
            chars: 0,
            serial: 0,
        };
        let id = w.id.clone();
        w.key_value("id", &id);
        let title = w.words(&format!("Largest {shape} {which}"), MAX_NAME_CHARS);
        w.key_value("title", &title);
        let family = w.words("Family", MAX_NAME_CHARS);
        w.count(&family);
        w.count(source);
        w.text.push_str(&format!(
            "family = {{ name = {}, source = {} }}\n",
            quoted(&family),
            quoted(source)
        ));
        w.text.push_str("aliases = [\n");
        for i in 0..MAX_ALIASES {
            let alias = w.words(&format!("Alias {which} {i}"), MAX_NAME_CHARS);
            w.count(&alias);
            w.count(source);
            w.text.push_str(&format!(
                "  {{ name = {}, source = {} }},\n",
                quoted(&alias),
                quoted(source)
            ));
        }
        w.text.push_str("]\n");
        w
    }

    /// A text of exactly `len` characters (or fewer, for a short `len`)
    /// that starts with `lead` and goes on with varied words.
    fn words(&mut self, lead: &str, len: usize) -> String {
        let mut out = String::from(lead);
        while out.chars().count() < len {
            self.serial += 1;
            let word = WORDS[self.serial % WORDS.len()];
            out.push(' ');
            out.push_str(word);
            if self.serial % 7 == 0 {
                out.push_str(&format!(" {}", self.serial));
            }
        }
        out.chars()
            .take(len)
            .collect::<String>()
            .trim_end()
            .to_string()
    }

    fn count(&mut self, s: &str) {
        self.texts += 1;
        self.chars += s.chars().count();
    }

    /// How many more texts of `len` characters fit in the file's totals,
    /// keeping `reserve` texts for what comes after.
    fn room(&self, len: usize, reserve: usize) -> usize {
        let texts = MAX_TEXTS.saturating_sub(self.texts + reserve);
        let chars = (MAX_TOTAL_CHARS.saturating_sub(self.chars)) / len.max(1);
        texts.min(chars)
    }

    fn key_value(&mut self, key: &str, value: &str) {
        self.count(value);
        self.text.push_str(&format!("{key} = {}\n", quoted(value)));
    }

    /// `[[field]]` blocks with a list `list` of `items` texts each, as
    /// many blocks as fit (at most `blocks`).
    fn list_blocks(&mut self, field: &str, list: &str, blocks: usize, items: usize, len: usize) {
        for b in 0..blocks {
            let n = self.room(len, 1).min(items);
            if n == 0 {
                return;
            }
            self.text.push_str(&format!("\n[[{field}]]\n"));
            let source = self.source.clone();
            self.key_value("source", &source);
            self.text.push_str(&format!("{list} = [\n"));
            for i in 0..n {
                let t = self.words(&format!("{field} {} {b} {i}", self.which), len);
                self.count(&t);
                self.text.push_str(&format!("  {},\n", quoted(&t)));
            }
            self.text.push_str("]\n");
        }
    }

    fn finish(self) -> String {
        self.text
    }
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Every list field, a few blocks each, the totals spread over them.
fn every_field(w: &mut Writer) {
    const ITEMS: [&str; 7] = [
        "responsibilities",
        "employers",
        "certifications",
        "pros",
        "cons",
        "beginner_mistakes",
        "advice",
    ];
    const PROSE: [&str; 7] = [
        "summary",
        "overview",
        "work_setting",
        "getting_started",
        "global_outlook",
        "portfolio_tips",
        "cover_letter",
    ];
    // The fixed parts first, then lists and prose to the file's totals.
    skills(w);
    pay(w);
    moves(w);
    let src = w.source.clone();
    let other = w.other.clone();
    for (field, keys) in [
        ("qualities", &["name", "text"][..]),
        ("faq", &["question", "answer"][..]),
        ("case_studies", &["title", "story", "takeaway"][..]),
        ("metrics", &["name", "description"][..]),
    ] {
        for i in 0..10 {
            w.text.push_str(&format!("\n[[{field}]]\n"));
            w.key_value("source", &src);
            for key in keys {
                let t = w.words(&format!("{field} {i}"), 500);
                w.key_value(key, &t);
            }
        }
    }
    w.text.push_str(&format!(
        "\n[[ladder]]\nsource = {}\nname = \"Ladder\"\ntiers = [{{ title = \"One\", min_years = 0, role = {} }}]\n",
        quoted(&src),
        quoted(&other)
    ));
    for t in [src.as_str(), "Ladder", "One", other.as_str()] {
        w.count(t);
    }
    for field in PROSE {
        w.list_blocks(field, "paragraphs", 3, 20, 600);
    }
    for field in ITEMS {
        w.list_blocks(field, "items", MAX_BLOCKS, MAX_ITEMS, 150);
    }
}

impl Writer {
    /// A list of `n` texts of `len` characters under `key` in the block
    /// being written.
    fn list_blocks_inline(&mut self, key: &str, n: usize, len: usize) {
        let n = self.room(len, 0).min(n);
        self.text.push_str(&format!("{key} = [\n"));
        for i in 0..n {
            let t = self.words(&format!("{key} {} {i}", self.which), len);
            self.count(&t);
            self.text.push_str(&format!("  {},\n", quoted(&t)));
        }
        self.text.push_str("]\n");
    }
}

/// The most skills and tools a role may have, each of the longest
/// allowed: what `compare` matches pairwise.
fn skills(w: &mut Writer) {
    let per_list = MAX_SKILLS / 3;
    w.list_blocks("tech_skills", "items", 1, per_list, MAX_LABEL_CHARS);
    w.list_blocks("soft_skills", "items", 1, per_list, MAX_LABEL_CHARS);
    let name = w.words("Group", 60);
    let src = w.source.clone();
    w.text.push_str("\n[[skill_map]]\n");
    w.key_value("source", &src);
    w.key_value("name", &name);
    w.list_blocks_inline("skills", MAX_SKILLS - 2 * per_list, MAX_LABEL_CHARS);
    w.text.push_str("\n[[tech_stack]]\n");
    w.key_value("source", &src);
    w.text.push_str("tools = [\n");
    // A name and two examples each.
    for i in 0..MAX_TOOLS / 3 {
        let name = w.words(&format!("Tool {} {i}", w.which), MAX_LABEL_CHARS);
        let one = w.words(&format!("Example one {} {i}", w.which), MAX_LABEL_CHARS);
        let two = w.words(&format!("Example two {} {i}", w.which), MAX_LABEL_CHARS);
        for t in [&name, &one, &two] {
            w.count(t);
        }
        w.text.push_str(&format!(
            "  {{ name = {}, examples = [{}, {}] }},\n",
            quoted(&name),
            quoted(&one),
            quoted(&two)
        ));
    }
    w.text.push_str("]\n");
}

/// Paragraphs of the longest text allowed, until the characters run out.
fn paragraphs(w: &mut Writer) {
    w.list_blocks(
        "summary",
        "paragraphs",
        MAX_BLOCKS,
        MAX_ITEMS,
        MAX_TEXT_CHARS,
    );
}

/// As many ladders of as many tiers as allowed, each tier a role of the
/// catalog in turn.
fn ladders(w: &mut Writer) {
    let src = w.source.clone();
    let (id, other) = (w.id.clone(), w.other.clone());
    let len = MAX_TOTAL_CHARS / (MAX_BLOCKS * (2 + 3 * MAX_TIERS));
    for l in 0..MAX_BLOCKS {
        w.text.push_str("\n[[ladder]]\n");
        w.key_value("source", &src);
        let name = w.words(&format!("Ladder {l}"), 80);
        w.key_value("name", &name);
        for t in 0..MAX_TIERS {
            let title = w.words(&format!("Tier {l} {t}"), 60);
            let description = w.words(&format!("Description {t}"), len);
            let role = if t % 2 == 0 { &id } else { &other };
            w.count(&title);
            w.count(&description);
            w.count(role);
            w.text.push_str(&format!(
                "[[ladder.tiers]]\ntitle = {}\nmin_years = {t}\nmax_years = {}\ndescription = {}\nrole = {}\n",
                quoted(&title),
                t + 1,
                quoted(&description),
                quoted(role)
            ));
        }
    }
}

/// Every field that links roles, at its most blocks.
fn moves(w: &mut Writer) {
    let src = w.source.clone();
    let other = w.other.clone();
    let kinds = ["promotion", "lateral", "related"];
    for i in 0..MAX_BLOCKS {
        let to = w.words(&format!("Destination {i}"), 60);
        let note = w.words(&format!("Note {i}"), 300);
        w.text.push_str("\n[[moves]]\n");
        w.key_value("source", &src);
        w.key_value("to", &to);
        w.key_value("role", &other);
        w.key_value("kind", kinds[i % 3]);
        w.text.push_str(&format!(
            "min_years = {}\nmax_years = {}\n",
            i % 10,
            i % 10 + 2
        ));
        w.key_value("note", &note);
    }
    for field in ["reports_to", "related"] {
        for i in 0..MAX_BLOCKS {
            let title = w.words(&format!("{field} {i}"), 60);
            w.text.push_str(&format!("\n[[{field}]]\n"));
            w.key_value("source", &src);
            w.key_value("title", &title);
            w.key_value("role", &other);
        }
    }
    for i in 0..MAX_BLOCKS {
        let title = w.words(&format!("Look-alike {i}"), 60);
        let text = w.words(&format!("Difference {i}"), 300);
        w.text.push_str("\n[[differs_from]]\n");
        w.key_value("source", &src);
        w.key_value("title", &title);
        w.key_value("role", &other);
        w.key_value("text", &text);
    }
}

/// Every pay, outlook and experience block allowed, every figure given.
fn pay(w: &mut Writer) {
    let src = w.source.clone();
    for i in 0..MAX_BLOCKS {
        let hourly = i % 2 == 1;
        let (period, unit) = if hourly {
            ("hour", 1.0)
        } else {
            ("year", 2080.0)
        };
        let base = (15.0 + i as f64) * unit;
        let note = w.words(&format!("Pay note {i}"), 200);
        w.text.push_str("\n[[salary]]\n");
        w.key_value("source", &src);
        w.key_value("currency", "USD");
        w.key_value("period", period);
        w.key_value("region", "US");
        w.text.push_str(&format!(
            "range = {{ min = {}, max = {} }}\nmedian = {}\naverage = {}\nentry = {}\nmid = {}\nsenior = {}\n\
             entry_range = {{ min = {}, max = {} }}\ntop_10_percent_from = {}\n",
            base,
            base * 2.0,
            base * 1.4,
            base * 1.45,
            base * 1.1,
            base * 1.4,
            base * 1.8,
            base,
            base * 1.2,
            base * 1.9
        ));
        w.key_value("note", &note);
    }
    for i in 0..MAX_BLOCKS {
        let status = w.words(&format!("Status {i}"), 200);
        w.text.push_str("\n[[outlook]]\n");
        w.key_value("source", &src);
        w.key_value("trend", "growing");
        w.text.push_str(&format!(
            "growth_percent = {}\nthrough = 2034\n",
            i as f64 / 2.0
        ));
        w.key_value("status", &status);
    }
    for i in 0..MAX_BLOCKS {
        let text = w.words(&format!("Experience {i}"), 200);
        w.text.push_str("\n[[experience]]\n");
        w.key_value("source", &src);
        w.text.push_str(&format!(
            "min_years = {}\nmax_years = {}\n",
            i % 10,
            i % 10 + 3
        ));
        w.key_value("text", &text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::role_file;
    use crate::validate::{check_set, Base, FileText};

    fn sources() -> FileText {
        FileText {
            file: "sources.toml".into(),
            text: "[[source]]\nid = \"budget\"\ntitle = \"Budget\"\nkind = \"test\"\n".into(),
        }
    }

    fn problems(files: &[FileText]) -> Vec<String> {
        match check_set(&[sources()], files, &Base::default()) {
            Ok(_) => Vec::new(),
            Err(ds) => ds.iter().map(|d| d.to_string()).collect(),
        }
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn the_largest_roles_are_accepted_and_fill_the_budget() {
        let mut most_texts = 0;
        let mut most_chars = 0;
        for shape in largest_roles("budget") {
            let files: Vec<FileText> = shape
                .roles
                .iter()
                .map(|(id, text)| role_file(id, text))
                .collect();
            assert_eq!(problems(&files), Vec::<String>::new(), "{}", shape.shape);
            let tree: toml::Table = toml::from_str(&shape.roles[0].1).expect("TOML");
            let (mut texts, mut chars) = (0, 0);
            count(&toml::Value::Table(tree), &mut texts, &mut chars);
            most_texts = most_texts.max(texts);
            most_chars = most_chars.max(chars);
        }
        // Close to the totals: the shapes are the largest, not merely big.
        assert!(most_texts > MAX_TEXTS * 9 / 10, "{most_texts} texts");
        assert!(
            most_chars > MAX_TOTAL_CHARS * 9 / 10,
            "{most_chars} characters"
        );
    }

    fn count(v: &toml::Value, texts: &mut usize, chars: &mut usize) {
        match v {
            toml::Value::String(s) => {
                *texts += 1;
                *chars += s.chars().count();
            }
            toml::Value::Array(a) => a.iter().for_each(|x| count(x, texts, chars)),
            toml::Value::Table(t) => t.values().for_each(|x| count(x, texts, chars)),
            _ => {}
        }
    }

    /// A role of `extra` TOML after a valid head.
    fn role(extra: &str) -> FileText {
        role_file(
            "r",
            &format!(
                "id = \"r\"\ntitle = \"R\"\nfamily = {{ name = \"F\", source = \"budget\" }}\n{extra}"
            ),
        )
    }

    #[test]
    fn one_more_of_anything_is_refused_where_it_is() {
        let long = |n: usize| "x".repeat(n);
        let list = |n: usize| vec!["\"a\""; n].join(", ");
        let cases: Vec<(String, &str, &str)> = vec![
            (
                format!(
                    "aliases = [{}]\n",
                    vec!["{ name = \"A\", source = \"budget\" }"; 31].join(", ")
                ),
                "aliases",
                "has 31 entries; at most 30",
            ),
            (
                format!(
                    "[[summary]]\nsource = \"budget\"\nparagraphs = [\"{}\"]\n",
                    long(4_001)
                ),
                "summary[0].paragraphs[0]",
                "is 4,001 characters long; at most 4,000",
            ),
            (
                format!("[[pros]]\nsource = \"budget\"\nitems = [{}]\n", list(101)),
                "pros[0].items",
                "has 101 entries; at most 100",
            ),
            (
                "[[pros]]\nsource = \"budget\"\nitems = [\"a\"]\n".repeat(51),
                "pros",
                "has 51 entries; at most 50",
            ),
            (
                format!(
                    "[[ladder]]\nsource = \"budget\"\nname = \"L\"\ntiers = [{}]\n",
                    vec!["{ title = \"T\", min_years = 0 }"; 21].join(", ")
                ),
                "ladder[0].tiers",
                "has 21 entries; at most 20",
            ),
        ];
        for (extra, field, message) in cases {
            let got = problems(&[role(&extra)]);
            assert!(
                got.iter()
                    .any(|p| p.contains(&format!("field `{field}`: {message}"))),
                "{field}: {got:?}"
            );
        }
        let title = role("")
            .text
            .replace("title = \"R\"", &format!("title = \"{}\"", long(121)));
        let got = problems(&[role_file("r", &title)]);
        assert_eq!(
            got,
            [
                "roles/r.toml:2:1: field `title`: is 121 characters long; at most 120 \
              (the size budget in docs/data-format.md)"
            ]
        );
    }

    #[test]
    fn the_totals_are_reported_once_where_they_are_passed() {
        let blocks = "[[pros]]\nsource = \"budget\"\nitems = [\"a\"]\n".repeat(50);
        let many = format!(
            "{blocks}{}",
            (0..50)
                .map(|i| format!(
                    "[[cons]]\nsource = \"budget\"\nitems = [{}]\n",
                    vec![format!("\"c{i}\""); 100].join(", ")
                ))
                .collect::<String>()
        );
        let got = problems(&[role(&many)]);
        let over: Vec<&String> = got.iter().filter(|p| p.contains("texts")).collect();
        assert_eq!(over.len(), 1, "{got:?}");
        assert!(
            over[0].contains("the file holds more than 5,000 texts"),
            "{over:?}"
        );
        let text = vec![format!("\"{}\"", "y".repeat(4_000)); 100].join(", ");
        let big = (0..3)
            .map(|_| format!("[[cons]]\nsource = \"budget\"\nitems = [{text}]\n"))
            .collect::<String>();
        let got = problems(&[role(&big)]);
        assert_eq!(
            got.iter()
                .filter(|p| p.contains("characters of text"))
                .count(),
            1,
            "{got:?}"
        );
    }
}
