//! The sections of a profile (`careers show`), declared once each: the
//! `--section` value, the title, the role fields it shows and the view's
//! own JSON keys (which are also its TSV rows), whether it has anything to
//! show, and the function that writes it as text. Everything else that
//! knows about sections (`--section`'s values and help, the order of a
//! profile, the "no source covers" note, the JSON object and its
//! filtering, the docs table that a test checks) reads this table.
//!
//! Adding a section: one entry here, its text function in
//! `src/render/show/`, and its row in docs/json.md (tests/sections.rs
//! fails until it is there).

use crate::commands::show::{each, ShowView};
use crate::render::show::official as facts;
use crate::render::show::sections as text;
use crate::render::show::Page;
use serde_json::Value;
use std::io::{self, Write};

/// Writes a section's body (under its heading) as text.
type TextFn = fn(&Page<'_>, &mut dyn Write) -> io::Result<()>;

/// One section of a profile.
pub struct Section {
    /// The `--section` value.
    pub id: &'static str,
    /// The heading in text output.
    pub title: &'static str,
    /// The role fields it shows, in the role's order: its keys in JSON and
    /// TSV.
    pub fields: &'static [&'static str],
    /// The view's own data it shows (the official facts, the sources), as
    /// JSON keys after the role's fields.
    pub keys: &'static [Key],
    /// Whether the view's own data has anything to show; `None`: only the
    /// role fields count (a section has something when any of `fields`
    /// holds a sourced block, or this says so).
    pub has: Option<fn(&ShowView<'_>) -> bool>,
    /// Writes the body of the section (under its heading) as text.
    pub text: TextFn,
}

/// A JSON key of the view's own data, and its value.
pub struct Key {
    pub name: &'static str,
    pub json: fn(&ShowView<'_>) -> serde_json::Result<Value>,
}

/// A section, by its place in [`SECTIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionId(usize);

impl SectionId {
    /// The section named `id`.
    pub fn named(id: &str) -> Option<SectionId> {
        SECTIONS.iter().position(|s| s.id == id).map(SectionId)
    }

    pub fn section(self) -> &'static Section {
        &SECTIONS[self.0]
    }

    /// Every section, in profile order.
    pub fn all() -> impl Iterator<Item = SectionId> {
        (0..SECTIONS.len()).map(SectionId)
    }
}

impl Section {
    pub fn has(&self, view: &ShowView<'_>) -> bool {
        self.has.is_some_and(|has| has(view)) || self.fields.iter().any(|f| view.filled.contains(f))
    }
}

/// Shorthand for a section of role fields alone.
const fn role(
    id: &'static str,
    title: &'static str,
    fields: &'static [&'static str],
    text: TextFn,
) -> Section {
    Section {
        id,
        title,
        fields,
        keys: &[],
        has: None,
        text,
    }
}

/// Whether the role is, or links to, an official occupation: then every
/// official section has something to say (the facts, or why a table has
/// none).
fn official(v: &ShowView<'_>) -> bool {
    !v.occupations.is_empty()
}

/// Every section, in the order a full profile shows them: for an official
/// occupation (whose guide-only sections are empty) description, tasks,
/// technology, skills, knowledge, education, experience, wages, outlook,
/// related occupations and titles.
pub static SECTIONS: &[Section] = &[
    role("summary", "Summary", &["summary"], text::summary),
    role("overview", "Overview", &["overview"], text::overview),
    Section {
        id: "description",
        title: "Description (O*NET)",
        fields: &[],
        keys: &[Key {
            name: "official_description",
            json: |v| each(v, |o| &o.description),
        }],
        has: Some(official),
        text: facts::description,
    },
    role(
        "responsibilities",
        "Responsibilities",
        &["responsibilities"],
        text::responsibilities,
    ),
    Section {
        id: "tasks",
        title: "Tasks (O*NET)",
        fields: &[],
        keys: &[Key {
            name: "official_tasks",
            json: |v| each(v, |o| &o.tasks),
        }],
        has: Some(official),
        text: facts::tasks,
    },
    role(
        "setting",
        "Work setting",
        &["work_setting", "employers"],
        text::setting,
    ),
    role("tools", "Tools", &["tech_stack"], text::tools),
    Section {
        id: "technology",
        title: "Technology (O*NET hot technologies)",
        fields: &[],
        keys: &[Key {
            name: "official_technology",
            json: |v| each(v, |o| &o.technology),
        }],
        has: Some(official),
        text: facts::technology,
    },
    Section {
        id: "skills",
        title: "Skills",
        fields: &["tech_skills", "soft_skills", "qualities", "skill_map"],
        keys: &[Key {
            name: "official_skills",
            json: |v| each(v, |o| &o.skills),
        }],
        has: Some(official),
        text: text::skills,
    },
    Section {
        id: "knowledge",
        title: "Knowledge (O*NET)",
        fields: &[],
        keys: &[Key {
            name: "official_knowledge",
            json: |v| each(v, |o| &o.knowledge),
        }],
        has: Some(official),
        text: facts::knowledge,
    },
    Section {
        id: "education",
        title: "Education and certifications",
        fields: &["education", "certifications"],
        keys: &[Key {
            name: "official_education",
            json: |v| each(v, |o| &o.education),
        }],
        has: Some(official),
        text: text::education,
    },
    Section {
        id: "experience",
        title: "Experience and getting started",
        fields: &["experience", "getting_started"],
        keys: &[Key {
            name: "official_experience",
            json: |v| each(v, |o| &o.experience),
        }],
        has: Some(official),
        text: text::experience,
    },
    Section {
        id: "salary",
        title: "Salary",
        fields: &["salary"],
        // `pay`: the headline of the pay answer (src/pay), which for a
        // role no guide gives pay for is an official median.
        keys: &[Key {
            name: "pay",
            json: |v| serde_json::to_value(&v.pay.headline),
        }],
        has: Some(|v| v.pay.headline.is_some()),
        text: text::salary,
    },
    Section {
        id: "wages",
        title: "Official wages (BLS, May 2025)",
        fields: &[],
        keys: &[
            Key {
                name: "official_wages",
                json: |v| serde_json::to_value(&v.official),
            },
            Key {
                name: "curated_profiles",
                json: |v| serde_json::to_value(&v.curated),
            },
        ],
        has: Some(|v| !v.official.is_empty() || !v.curated.is_empty()),
        text: text::wages,
    },
    Section {
        id: "outlook",
        title: "Outlook",
        fields: &["outlook"],
        keys: &[
            Key {
                name: "official_outlook",
                json: |v| each(v, |o| &o.outlook),
            },
            Key {
                name: "outlook_trends",
                json: |v| serde_json::to_value(&v.trends),
            },
        ],
        has: Some(official),
        text: text::outlook,
    },
    role("remote", "Remote work", &["remote"], text::remote),
    role("market", "Job market", &["job_market"], text::market),
    role(
        "global",
        "Global outlook",
        &["global_outlook"],
        text::global,
    ),
    role("day", "A day in the life", &["day_in_the_life"], text::day),
    role(
        "balance",
        "Work-life balance and stress",
        &["work_life"],
        text::balance,
    ),
    role("pros", "Pros", &["pros"], text::pros),
    role("cons", "Cons", &["cons"], text::cons),
    role(
        "mistakes",
        "Beginners' mistakes",
        &["beginner_mistakes"],
        text::mistakes,
    ),
    role("advice", "Advice", &["advice"], text::advice),
    role("cases", "Case studies", &["case_studies"], text::cases),
    role(
        "portfolio",
        "Portfolio tips",
        &["portfolio_tips"],
        text::portfolio,
    ),
    role(
        "metrics",
        "Performance metrics",
        &["metrics"],
        text::metrics,
    ),
    role("figures", "Day-to-day figures", &["figures"], text::figures),
    role("reports", "Reports to", &["reports_to"], text::reports),
    role(
        "differences",
        "How it differs",
        &["differs_from"],
        text::differences,
    ),
    Section {
        id: "related",
        title: "Related roles",
        fields: &["related"],
        keys: &[Key {
            name: "official_related",
            json: |v| each(v, |o| &o.related),
        }],
        has: Some(official),
        text: text::related,
    },
    Section {
        id: "titles",
        title: "Job titles (O*NET and BLS)",
        fields: &[],
        keys: &[
            Key {
                name: "official_alternate_titles",
                json: |v| each(v, |o| &o.alternate_titles),
            },
            Key {
                name: "official_sample_titles",
                json: |v| each(v, |o| &o.sample_titles),
            },
        ],
        has: Some(official),
        text: facts::titles,
    },
    Section {
        id: "ladder",
        title: "Career ladder",
        fields: &["ladder"],
        keys: &[Key {
            name: "on_ladders",
            json: |v| serde_json::to_value(&v.ladders),
        }],
        has: Some(|v| !v.ladders.is_empty()),
        text: text::ladder,
    },
    role("moves", "Moves to other roles", &["moves"], text::moves),
    role(
        "letter",
        "Sample cover letter",
        &["cover_letter"],
        text::letter,
    ),
    role("faq", "Frequently asked questions", &["faq"], text::faq),
    Section {
        id: "sources",
        title: "Sources",
        fields: &[],
        keys: &[Key {
            name: "sources",
            json: |v| serde_json::to_value(v.sources.sources().collect::<Vec<_>>()),
        }],
        has: Some(|v| !v.sources.is_empty()),
        text: text::sources,
    },
];

/// `--section`'s parser: the ids of [`SECTIONS`], each with its title as
/// help where the title says more than the id (for `--help`, completions
/// and the man page).
pub fn parser() -> impl clap::builder::TypedValueParser<Value = SectionId> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(SECTIONS.iter().map(|s| {
        let value = PossibleValue::new(s.id);
        match s.title.eq_ignore_ascii_case(s.id) {
            true => value,
            false => value.help(s.title),
        }
    }))
    .map(|id| SectionId::named(&id).expect("the parser accepts only section ids"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_words() {
        for (i, s) in SECTIONS.iter().enumerate() {
            assert!(
                s.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                s.id
            );
            assert_eq!(SectionId::named(s.id), Some(SectionId(i)), "{}", s.id);
        }
    }

    #[test]
    fn every_sourced_field_of_a_role_is_in_one_section() {
        let mut fields: Vec<&str> = SECTIONS.iter().flat_map(|s| s.fields).copied().collect();
        let all = fields.len();
        fields.sort_unstable();
        fields.dedup();
        assert_eq!(fields.len(), all, "a field is in two sections");
        // Fields shown elsewhere: the header (family, aliases) and the
        // wages section (soc, through the official figures).
        let catalog = crate::catalog::Catalog::bundled().expect("bundled");
        for role in catalog.roles() {
            for block in role.expect("decodes").sourced_blocks() {
                assert!(
                    fields.contains(&block.field)
                        || ["family", "aliases", "soc"].contains(&block.field),
                    "{} is in no section",
                    block.field
                );
            }
        }
    }

    #[test]
    fn the_views_keys_are_unique_and_no_role_field() {
        let role = serde_json::to_value(crate::model::Role::default()).expect("a role");
        let mut keys: Vec<&str> = SECTIONS
            .iter()
            .flat_map(|s| s.keys.iter().map(|k| k.name))
            .collect();
        let all = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all, "a key is in two sections");
        for k in keys {
            assert!(
                role.get(k).is_none() && k != "origin",
                "{k} is a role's own"
            );
        }
    }
}
