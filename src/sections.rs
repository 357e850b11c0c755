//! The sections of a profile (`careers show`), declared once each: the
//! `--section` value, the title, the fields it reads (which are also its
//! JSON keys, and its TSV rows), whether it has anything to show, and the
//! function that writes it as text. Everything else that knows about
//! sections (`--section`'s values and help, the order of a profile, the
//! "no source covers" note, JSON filtering, the docs table) reads this
//! table.
//!
//! Adding a section: one entry here, and its text function in
//! `src/render/show/`.

use crate::commands::show::ShowView;
use crate::render::show::sections as text;
use crate::render::show::Page;
use std::io::{self, Write};

/// One section of a profile.
pub struct Section {
    /// The `--section` value.
    pub id: &'static str,
    /// The heading in text output.
    pub title: &'static str,
    /// The role fields it shows, in the role's order: its keys in JSON and
    /// TSV. Sections that show the view's own data (official wages, the
    /// sources) name those keys instead.
    pub fields: &'static [&'static str],
    /// Whether there is anything to show; `None`: whether any of `fields`
    /// holds a sourced block.
    pub has: Option<fn(&ShowView<'_>) -> bool>,
    /// Writes the body of the section (under its heading) as text.
    pub text: fn(&Page<'_>, &mut dyn Write) -> io::Result<()>,
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
        match self.has {
            Some(has) => has(view),
            None => view
                .role
                .sourced_blocks()
                .any(|b| self.fields.contains(&b.field)),
        }
    }
}

/// Shorthand for a section of role fields.
const fn role(
    id: &'static str,
    title: &'static str,
    fields: &'static [&'static str],
    text: fn(&Page<'_>, &mut dyn Write) -> io::Result<()>,
) -> Section {
    Section {
        id,
        title,
        fields,
        has: None,
        text,
    }
}

/// Every section, in the order a full profile shows them.
pub static SECTIONS: &[Section] = &[
    role("summary", "Summary", &["summary"], text::summary),
    role("overview", "Overview", &["overview"], text::overview),
    role(
        "responsibilities",
        "Responsibilities",
        &["responsibilities"],
        text::responsibilities,
    ),
    role(
        "setting",
        "Work setting",
        &["work_setting", "employers"],
        text::setting,
    ),
    role("tools", "Tools", &["tech_stack"], text::tools),
    role(
        "skills",
        "Skills",
        &["tech_skills", "soft_skills", "qualities", "skill_map"],
        text::skills,
    ),
    role(
        "education",
        "Education and certifications",
        &["education", "certifications"],
        text::education,
    ),
    role(
        "experience",
        "Experience and getting started",
        &["experience", "getting_started"],
        text::experience,
    ),
    Section {
        id: "salary",
        title: "Salary",
        // `pay`: the headline of the pay answer (src/pay.rs), which for a
        // role no guide gives pay for is an official median.
        fields: &["salary", "pay"],
        has: Some(|v| !v.role.salary.is_empty() || v.pay.headline.is_some()),
        text: text::salary,
    },
    Section {
        id: "wages",
        title: "Official wages (BLS, May 2025)",
        fields: &["official_wages", "curated_profiles"],
        has: Some(|v| !v.official.is_empty() || !v.curated.is_empty()),
        text: text::wages,
    },
    role("outlook", "Outlook", &["outlook"], text::outlook),
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
    role("related", "Related roles", &["related"], text::related),
    role("ladder", "Career ladder", &["ladder"], text::ladder),
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
        fields: &["sources"],
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
}
