//! `careers show ROLE`: a role's profile.

use crate::catalog::{Catalog, Origin};
use crate::cli::{Section, ShowArgs};
use crate::error::Result;
use crate::model::{Role, Source};
use serde::Serialize;
use serde_json::{Map, Value};

/// The role fields each section prints, in order.
pub fn section_fields(section: Section) -> &'static [&'static str] {
    match section {
        Section::Summary => &["summary"],
        Section::Overview => &["overview"],
        Section::Responsibilities => &["responsibilities"],
        Section::Setting => &["work_setting", "employers"],
        Section::Tools => &["tech_stack"],
        Section::Skills => &["tech_skills", "soft_skills", "qualities", "skill_map"],
        Section::Education => &["education", "certifications"],
        Section::Experience => &["experience", "getting_started"],
        Section::Salary => &["salary"],
        Section::Wages => &["official_wages", "curated_profiles"],
        Section::Outlook => &["outlook"],
        Section::Remote => &["remote"],
        Section::Market => &["job_market"],
        Section::Global => &["global_outlook"],
        Section::Day => &["day_in_the_life"],
        Section::Balance => &["work_life"],
        Section::Pros => &["pros"],
        Section::Cons => &["cons"],
        Section::Mistakes => &["beginner_mistakes"],
        Section::Advice => &["advice"],
        Section::Cases => &["case_studies"],
        Section::Portfolio => &["portfolio_tips"],
        Section::Metrics => &["metrics"],
        Section::Figures => &["figures"],
        Section::Reports => &["reports_to"],
        Section::Differences => &["differs_from"],
        Section::Related => &["related"],
        Section::Ladder => &["ladder"],
        Section::Moves => &["moves"],
        Section::Letter => &["cover_letter"],
        Section::Faq => &["faq"],
        Section::Sources => &["sources"],
    }
}

/// A role's profile with the sources it cites, numbered in order of first
/// citation.
#[derive(Debug)]
pub struct ShowView<'a> {
    pub role: &'a Role,
    pub origin: String,
    pub sources: Vec<&'a Source>,
    /// Sections to print; empty means all.
    pub sections: Vec<Section>,
    /// For the titles of linked roles.
    pub catalog: &'a Catalog,
    /// Official wages of the role's SOC occupations in the chosen area.
    pub official: Vec<crate::commands::official::OfficialWages>,
    /// For an official occupation: the curated roles linked to it.
    pub curated: Vec<(String, String, bool)>,
}

impl ShowView<'_> {
    pub fn wants(&self, s: Section) -> bool {
        self.sections.is_empty() || self.sections.contains(&s)
    }

    /// The 1-based citation number of a source id.
    pub fn cite(&self, source: &str) -> Option<usize> {
        self.sources
            .iter()
            .position(|s| s.id == source)
            .map(|i| i + 1)
    }
}

pub fn run<'a>(catalog: &'a Catalog, args: &ShowArgs) -> Result<ShowView<'a>> {
    let role = catalog.resolve(&args.role)?;
    let area = crate::commands::official::area(args.area.as_deref())?;
    let official = crate::commands::official::for_role(role, area);
    let curated = crate::commands::official::curated_for(catalog, role);
    let origin = match catalog.origin(role) {
        Some(Origin::Bundled) => "bundled".to_string(),
        Some(Origin::File(f)) => f.clone(),
        None => "official".to_string(),
    };
    let mut sources: Vec<&Source> = Vec::new();
    let mut cited = cited_sources(role);
    if !official.is_empty() && !cited.iter().any(|c| c == crate::wages::SOURCE_ID) {
        cited.push(crate::wages::SOURCE_ID.to_string());
    }
    for id in cited {
        if let Some(s) = catalog.source(&id) {
            if !sources.iter().any(|have| have.id == s.id) {
                sources.push(s);
            }
        }
    }
    let mut sections = args.sections.clone();
    sections.sort();
    sections.dedup();
    Ok(ShowView {
        role,
        origin,
        sources,
        sections,
        catalog,
        official,
        curated,
    })
}

/// Every source id the role cites, in order of first appearance: the order
/// of the role's fields, then of the entries in each. Read field by field:
/// serializing the role to search it for `source` keys cost as much as
/// printing it.
pub fn cited_sources(role: &Role) -> Vec<String> {
    let r = role;
    let all = std::iter::once(&r.family.source)
        .chain(r.aliases.iter().map(|x| &x.source))
        .chain(r.summary.iter().map(|x| &x.source))
        .chain(r.overview.iter().map(|x| &x.source))
        .chain(r.responsibilities.iter().map(|x| &x.source))
        .chain(r.work_setting.iter().map(|x| &x.source))
        .chain(r.employers.iter().map(|x| &x.source))
        .chain(r.tech_stack.iter().map(|x| &x.source))
        .chain(r.tech_skills.iter().map(|x| &x.source))
        .chain(r.soft_skills.iter().map(|x| &x.source))
        .chain(r.qualities.iter().map(|x| &x.source))
        .chain(r.skill_map.iter().map(|x| &x.source))
        .chain(r.education.iter().map(|x| &x.source))
        .chain(r.certifications.iter().map(|x| &x.source))
        .chain(r.experience.iter().map(|x| &x.source))
        .chain(r.getting_started.iter().map(|x| &x.source))
        .chain(r.salary.iter().map(|x| &x.source))
        .chain(r.outlook.iter().map(|x| &x.source))
        .chain(r.remote.iter().map(|x| &x.source))
        .chain(r.global_outlook.iter().map(|x| &x.source))
        .chain(r.job_market.iter().map(|x| &x.source))
        .chain(r.day_in_the_life.iter().map(|x| &x.source))
        .chain(r.work_life.iter().map(|x| &x.source))
        .chain(r.pros.iter().map(|x| &x.source))
        .chain(r.cons.iter().map(|x| &x.source))
        .chain(r.beginner_mistakes.iter().map(|x| &x.source))
        .chain(r.advice.iter().map(|x| &x.source))
        .chain(r.case_studies.iter().map(|x| &x.source))
        .chain(r.portfolio_tips.iter().map(|x| &x.source))
        .chain(r.cover_letter.iter().map(|x| &x.source))
        .chain(r.faq.iter().map(|x| &x.source))
        .chain(r.metrics.iter().map(|x| &x.source))
        .chain(r.figures.iter().map(|x| &x.source))
        .chain(r.reports_to.iter().map(|x| &x.source))
        .chain(r.differs_from.iter().map(|x| &x.source))
        .chain(r.related.iter().map(|x| &x.source))
        .chain(r.ladder.iter().map(|x| &x.source))
        .chain(r.moves.iter().map(|x| &x.source))
        .chain(r.soc.iter().filter_map(|x| x.source.as_ref()));
    let mut out: Vec<String> = Vec::new();
    // for_each rather than a for loop: a chain this long is quicker
    // walked from the inside, one list after the other.
    all.for_each(|id| {
        if !out.contains(id) {
            out.push(id.clone());
        }
    });
    out
}

/// Every bundled role, an official occupation, and for each list field
/// that any of them fills a role with that field alone: the cases where a
/// field-by-field reading of roles must agree with their serialized form.
#[cfg(test)]
pub(crate) fn sample_roles() -> Vec<Role> {
    let catalog = Catalog::bundled().unwrap();
    let mut roles: Vec<Role> = catalog.roles().cloned().collect();
    roles.push(catalog.resolve("registered-nurses").unwrap().clone());
    for role in roles.clone() {
        let Value::Object(fields) = serde_json::to_value(&role).unwrap() else {
            panic!("a role serializes to an object");
        };
        for (name, value) in fields {
            if value.as_array().is_some_and(|a| !a.is_empty()) {
                let mut alone = serde_json::to_value(Role::default()).unwrap();
                alone[name.as_str()] = value;
                roles.push(serde_json::from_value(alone).unwrap());
            }
        }
    }
    roles
}

impl Serialize for ShowView<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        let Value::Object(all) =
            serde_json::to_value(self.role).map_err(serde::ser::Error::custom)?
        else {
            return Err(serde::ser::Error::custom("a role serializes to an object"));
        };
        let mut out = Map::new();
        let keep = |k: &str| {
            matches!(k, "id" | "title" | "family" | "aliases")
                || self.sections.is_empty()
                || self
                    .sections
                    .iter()
                    .any(|s| section_fields(*s).contains(&k))
        };
        for (k, v) in all {
            if keep(&k) {
                out.insert(k, v);
            }
        }
        if keep("official_wages") {
            out.insert(
                "official_wages".into(),
                serde_json::to_value(&self.official).map_err(serde::ser::Error::custom)?,
            );
            let curated: Vec<Value> = self
                .curated
                .iter()
                .map(|(id, title, approx)| serde_json::json!({"id": id, "title": title, "approximate": approx}))
                .collect();
            out.insert("curated_profiles".into(), Value::Array(curated));
        }
        out.insert("origin".into(), Value::String(self.origin.clone()));
        if keep("sources") {
            out.insert(
                "sources".into(),
                serde_json::to_value(&self.sources).map_err(serde::ser::Error::custom)?,
            );
        }
        out.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string under a `source` key, in order: what `cited_sources`
    /// reads field by field.
    fn sources_by_key(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    match (k.as_str(), v) {
                        ("source", Value::String(s)) => {
                            if !out.contains(s) {
                                out.push(s.clone());
                            }
                        }
                        ("source", _) => {}
                        _ => sources_by_key(v, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|i| sources_by_key(i, out)),
            _ => {}
        }
    }

    #[test]
    fn cited_sources_are_every_source_key_in_order() {
        for role in sample_roles() {
            let mut expected = Vec::new();
            sources_by_key(&serde_json::to_value(&role).unwrap(), &mut expected);
            assert_eq!(cited_sources(&role), expected, "{}", role.id);
        }
    }
}
