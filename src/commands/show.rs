//! `careers show ROLE`: a role's profile, section by section (the sections
//! are declared in [`crate::sections`]).

use crate::catalog::{Catalog, Origin};
use crate::citations::Citations;
use crate::cli::ShowArgs;
use crate::commands::official::{CuratedLink, OfficialWages};
use crate::error::Result;
use crate::model::Role;
use crate::sections::SectionId;
use serde::Serialize;
use serde_json::{Map, Value};

/// A role's profile with the sources it cites, numbered in order of first
/// citation.
#[derive(Debug)]
pub struct ShowView<'a> {
    pub role: &'a Role,
    pub origin: Origin,
    /// Every source the profile cites: the role's, in the order of its
    /// fields, then the official wages'.
    pub sources: Citations<'a>,
    /// Sections to print; empty means all.
    pub sections: Vec<SectionId>,
    /// Official wages of the role's SOC occupations in the chosen area.
    pub official: Vec<OfficialWages>,
    /// For an official occupation: the curated roles linked to it.
    pub curated: Vec<CuratedLink>,
}

impl ShowView<'_> {
    pub fn wants(&self, s: SectionId) -> bool {
        self.sections.is_empty() || self.sections.contains(&s)
    }
}

pub fn run<'a>(catalog: &'a Catalog, args: &ShowArgs) -> Result<ShowView<'a>> {
    let entry = catalog.resolve_index(&args.role)?;
    let role = catalog.entry(entry)?;
    let origin = catalog.origin_at(entry);
    let area = crate::commands::official::area(args.area.as_deref())?;
    let official = crate::commands::official::for_role(role, area);
    let curated = crate::commands::official::curated_for(catalog, role, &origin)?;
    let mut sources = Citations::new(&catalog.sources);
    sources.cite_all(sourced_blocks(role).map(|(_, source)| source));
    sources.cite_all(official.iter().map(|o| o.source.as_str()));
    let mut sections = args.sections.clone();
    sections.sort();
    sections.dedup();
    Ok(ShowView {
        role,
        origin,
        sources,
        sections,
        official,
        curated,
    })
}

/// The role fields that hold sourced blocks, in the role's order.
pub const SOURCED_FIELDS: &[&str] = &[
    "family",
    "aliases",
    "summary",
    "overview",
    "responsibilities",
    "work_setting",
    "employers",
    "tech_stack",
    "tech_skills",
    "soft_skills",
    "qualities",
    "skill_map",
    "education",
    "certifications",
    "experience",
    "getting_started",
    "salary",
    "outlook",
    "remote",
    "global_outlook",
    "job_market",
    "day_in_the_life",
    "work_life",
    "pros",
    "cons",
    "beginner_mistakes",
    "advice",
    "case_studies",
    "portfolio_tips",
    "cover_letter",
    "faq",
    "metrics",
    "figures",
    "reports_to",
    "differs_from",
    "related",
    "ladder",
    "moves",
    "soc",
];

/// Every sourced block of the role as (field, source id), in the order of
/// the role's fields and of the blocks in each ([`SOURCED_FIELDS`]).
pub fn sourced_blocks(r: &Role) -> impl Iterator<Item = (&'static str, &str)> + '_ {
    fn each<'r, T: 'r>(
        field: &'static str,
        blocks: &'r [T],
        source: fn(&T) -> &str,
    ) -> impl Iterator<Item = (&'static str, &'r str)> {
        blocks.iter().map(move |b| (field, source(b)))
    }
    std::iter::once(("family", r.family.source.as_str()))
        .chain(each("aliases", &r.aliases, |x| &x.source))
        .chain(each("summary", &r.summary, |x| &x.source))
        .chain(each("overview", &r.overview, |x| &x.source))
        .chain(each("responsibilities", &r.responsibilities, |x| &x.source))
        .chain(each("work_setting", &r.work_setting, |x| &x.source))
        .chain(each("employers", &r.employers, |x| &x.source))
        .chain(each("tech_stack", &r.tech_stack, |x| &x.source))
        .chain(each("tech_skills", &r.tech_skills, |x| &x.source))
        .chain(each("soft_skills", &r.soft_skills, |x| &x.source))
        .chain(each("qualities", &r.qualities, |x| &x.source))
        .chain(each("skill_map", &r.skill_map, |x| &x.source))
        .chain(each("education", &r.education, |x| &x.source))
        .chain(each("certifications", &r.certifications, |x| &x.source))
        .chain(each("experience", &r.experience, |x| &x.source))
        .chain(each("getting_started", &r.getting_started, |x| &x.source))
        .chain(each("salary", &r.salary, |x| &x.source))
        .chain(each("outlook", &r.outlook, |x| &x.source))
        .chain(each("remote", &r.remote, |x| &x.source))
        .chain(each("global_outlook", &r.global_outlook, |x| &x.source))
        .chain(each("job_market", &r.job_market, |x| &x.source))
        .chain(each("day_in_the_life", &r.day_in_the_life, |x| &x.source))
        .chain(each("work_life", &r.work_life, |x| &x.source))
        .chain(each("pros", &r.pros, |x| &x.source))
        .chain(each("cons", &r.cons, |x| &x.source))
        .chain(each("beginner_mistakes", &r.beginner_mistakes, |x| {
            &x.source
        }))
        .chain(each("advice", &r.advice, |x| &x.source))
        .chain(each("case_studies", &r.case_studies, |x| &x.source))
        .chain(each("portfolio_tips", &r.portfolio_tips, |x| &x.source))
        .chain(each("cover_letter", &r.cover_letter, |x| &x.source))
        .chain(each("faq", &r.faq, |x| &x.source))
        .chain(each("metrics", &r.metrics, |x| &x.source))
        .chain(each("figures", &r.figures, |x| &x.source))
        .chain(each("reports_to", &r.reports_to, |x| &x.source))
        .chain(each("differs_from", &r.differs_from, |x| &x.source))
        .chain(each("related", &r.related, |x| &x.source))
        .chain(each("ladder", &r.ladder, |x| &x.source))
        .chain(each("moves", &r.moves, |x| &x.source))
        .chain(
            r.soc
                .iter()
                .filter_map(|x| x.source.as_deref())
                .map(|s| ("soc", s)),
        )
}

/// Every bundled role, an official occupation, and for each list field
/// that any of them fills a role with that field alone: the cases where a
/// field-by-field reading of roles must agree with their serialized form.
#[cfg(test)]
pub(crate) fn sample_roles() -> Vec<Role> {
    let catalog = Catalog::bundled().unwrap();
    let mut roles: Vec<Role> = catalog.roles().map(|r| r.unwrap().clone()).collect();
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
                    .any(|s| s.section().fields.contains(&k))
        };
        for (k, v) in all {
            if keep(&k) {
                out.insert(k, v);
            }
        }
        if keep("official_wages") {
            out.insert("official_wages".into(), json(&self.official)?);
            out.insert("curated_profiles".into(), json(&self.curated)?);
        }
        out.insert("origin".into(), Value::String(self.origin.to_string()));
        if keep("sources") {
            let sources: Vec<_> = self.sources.sources().collect();
            out.insert("sources".into(), json(&sources)?);
        }
        out.serialize(serializer)
    }
}

/// `v` as a JSON value, for a serializer's error type.
fn json<T: Serialize, E: serde::ser::Error>(v: &T) -> std::result::Result<Value, E> {
    serde_json::to_value(v).map_err(E::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string under a `source` key, in order, with the role field it
    /// is in: what `sourced_blocks` reads field by field.
    fn sources_by_key(field: &str, v: &Value, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    match (k.as_str(), v) {
                        ("source", Value::String(s)) => out.push((field.into(), s.clone())),
                        ("source", _) => {}
                        _ => sources_by_key(field, v, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|i| sources_by_key(field, i, out)),
            _ => {}
        }
    }

    #[test]
    fn sourced_blocks_are_every_source_key_in_order() {
        for role in sample_roles() {
            let Value::Object(fields) = serde_json::to_value(&role).unwrap() else {
                panic!("a role serializes to an object");
            };
            let mut expected = Vec::new();
            for (field, value) in &fields {
                sources_by_key(field, value, &mut expected);
            }
            let got: Vec<(String, String)> = sourced_blocks(&role)
                .map(|(f, s)| (f.to_string(), s.to_string()))
                .collect();
            assert_eq!(got, expected, "{}", role.id);
        }
    }

    #[test]
    fn sourced_fields_are_the_fields_with_source_keys_in_order() {
        let fields: Vec<&str> = sample_roles()
            .iter()
            .flat_map(|r| sourced_blocks(r).map(|(f, _)| f).collect::<Vec<_>>())
            .collect();
        for f in &fields {
            assert!(SOURCED_FIELDS.contains(f), "{f}");
        }
        let order: Vec<usize> = sourced_blocks(&sample_roles()[0])
            .map(|(f, _)| SOURCED_FIELDS.iter().position(|x| *x == f).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]));
    }
}
