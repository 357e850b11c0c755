//! The catalog: the bundled roles compiled into the binary, plus any user
//! data directories layered on top.

mod bundled;
pub mod cache;
pub mod occupations;
mod user;

pub use bundled::bundled_files;
pub use user::{data_dirs_from_env, read_dir_files, DataDirFiles};

use crate::error::{Error, Result};
use crate::model::{Role, Source};
use crate::validate::{self, normalize_name, Base};
use std::collections::HashMap;
use std::path::PathBuf;

/// Where a role was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    File(String),
}

/// Every role and source the program knows, with lookups by id.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub sources: Vec<Source>,
    pub roles: Vec<Role>,
    /// Parallel to `roles`.
    pub origins: Vec<Origin>,
    /// The official occupations of the BLS wage tables, as entries after
    /// `roles`.
    pub occupations: occupations::Occupations,
}

impl Catalog {
    /// The bundled catalog alone.
    pub fn bundled() -> Result<Catalog> {
        let bundle = bundled::decode()?;
        let n = bundle.roles.len();
        Ok(Catalog {
            sources: bundle.sources,
            roles: bundle.roles,
            origins: vec![Origin::Bundled; n],
            occupations: occupations::Occupations::new(),
        })
    }

    /// The bundled catalog with the roles and sources of `dirs` added; a
    /// user role with the id of a bundled one replaces it. Reads and
    /// validates every file; see [`Catalog::load_cached`].
    pub fn load(dirs: &[PathBuf]) -> Result<Catalog> {
        let mut catalog = Catalog::bundled()?;
        if !dirs.is_empty() {
            let user = catalog.check_user(dirs)?;
            catalog.add_user(user);
        }
        Ok(catalog)
    }

    /// As [`Catalog::load`], but the validated user data comes from the
    /// compiled cache ([`cache`]) while the files are unchanged.
    pub fn load_cached(dirs: &[PathBuf]) -> Result<Catalog> {
        let mut catalog = Catalog::bundled()?;
        if !dirs.is_empty() {
            let user = cache::load(dirs, bundled::id(), || catalog.check_user(dirs))?;
            catalog.add_user(user);
        }
        Ok(catalog)
    }

    /// Reads and validates the user data directories against this catalog.
    fn check_user(&self, dirs: &[PathBuf]) -> Result<cache::UserData> {
        let files = user::read_dirs(dirs)?;
        let (sources, roles) = validate::check_set(&files.sources, &files.roles, &self.base())
            .map_err(Error::InvalidData)?;
        Ok(cache::UserData {
            sources,
            roles,
            files: files.roles.into_iter().map(|f| f.file).collect(),
        })
    }

    fn add_user(&mut self, user: cache::UserData) {
        for s in user.sources {
            match self.sources.iter_mut().find(|have| have.id == s.id) {
                Some(have) => *have = s,
                None => self.sources.push(s),
            }
        }
        // An index, not a scan per role: thousands of user roles made the
        // scan quadratic.
        let mut index: HashMap<String, usize> = self
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        for (role, file) in user.roles.into_iter().zip(user.files) {
            let origin = Origin::File(file);
            match index.get(&role.id) {
                Some(&i) => {
                    self.roles[i] = role;
                    self.origins[i] = origin;
                }
                None => {
                    index.insert(role.id.clone(), self.roles.len());
                    self.roles.push(role);
                    self.origins.push(origin);
                }
            }
        }
    }

    /// What user data may refer to and must not collide with.
    pub fn base(&self) -> Base {
        let mut names = Vec::new();
        for r in &self.roles {
            names.push((normalize_name(&r.id), r.id.clone()));
            names.push((normalize_name(&r.title), r.id.clone()));
            for a in &r.aliases {
                names.push((normalize_name(&a.name), r.id.clone()));
            }
        }
        Base {
            role_ids: self.roles.iter().map(|r| r.id.clone()).collect(),
            source_ids: self.sources.iter().map(|s| s.id.clone()).collect(),
            names,
            soc_codes: crate::wages::occupations()
                .iter()
                .map(|o| o.soc.to_string())
                .collect(),
        }
    }

    /// The role or official occupation with this id (or SOC code).
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles
            .iter()
            .find(|r| r.id == id)
            .or_else(|| self.occupations.role(self.occupations.find(id)?))
    }

    /// Whether `role` is an official occupation rather than a curated profile.
    pub fn is_official(&self, role: &Role) -> bool {
        !self.roles.iter().any(|r| std::ptr::eq(r, role))
            && role
                .soc
                .first()
                .is_some_and(|l| l.source.as_deref() == Some(crate::wages::SOURCE_ID))
    }

    /// The curated roles linked to a SOC code, with whether the link is
    /// approximate.
    pub fn linked_roles(&self, soc: &str) -> Vec<(&Role, bool)> {
        self.roles
            .iter()
            .filter_map(|r| {
                r.soc
                    .iter()
                    .find(|l| l.code == soc)
                    .map(|l| (r, l.approximate))
            })
            .collect()
    }

    /// Curated roles, then the official occupations that no curated role
    /// stands for exactly (those would be duplicates of the curated role).
    pub fn all_entries(&self) -> Vec<&Role> {
        let exact: std::collections::HashSet<&str> = self
            .roles
            .iter()
            .flat_map(|r| {
                r.soc
                    .iter()
                    .filter(|l| !l.approximate)
                    .map(|l| l.code.as_str())
            })
            .collect();
        let mut out: Vec<&Role> = self.roles.iter().collect();
        for (i, o) in self.occupations.iter().enumerate() {
            if !exact.contains(o.soc) {
                out.extend(self.occupations.role(i));
            }
        }
        out
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The title of a role id, or the id itself when it is not in the catalog.
    pub fn title_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.role(id).map_or(id, |r| r.title.as_str())
    }
}

impl Catalog {
    /// Every name a role can be called by, for [`crate::resolve`]: curated
    /// roles (tier 0: preferred at equal match quality), then official
    /// occupations by title and SOC code (tier 1), numbered after the roles.
    pub fn candidates(&self) -> Vec<crate::resolve::Candidate<'_>> {
        let mut out = Vec::with_capacity(self.roles.len() * 3 + self.occupations.len() * 2);
        for (i, r) in self.roles.iter().enumerate() {
            let c = |name| crate::resolve::Candidate {
                entry: i,
                name,
                tier: 0,
                weight: 0,
            };
            out.push(c(r.id.as_str()));
            out.push(c(r.title.as_str()));
            out.extend(r.aliases.iter().map(|a| c(a.name.as_str())));
        }
        let n = self.roles.len();
        for (j, o) in self.occupations.iter().enumerate() {
            for name in [o.title, o.soc] {
                out.push(crate::resolve::Candidate {
                    entry: n + j,
                    name,
                    tier: 1,
                    weight: 0,
                });
            }
        }
        out
    }

    /// The entry with index `i` of [`Catalog::candidates`].
    pub fn entry(&self, i: usize) -> Option<&Role> {
        match self.roles.get(i) {
            Some(r) => Some(r),
            None => self.occupations.role(i - self.roles.len()),
        }
    }

    /// National employment of an entry, for listing big occupations first.
    fn employment(&self, i: usize) -> u64 {
        let Some(o) = i
            .checked_sub(self.roles.len())
            .and_then(|j| self.occupations.occupation(j))
        else {
            return u64::MAX;
        };
        o.national()
            .and_then(|w| w.employment.value())
            .map_or(0, |v| v as u64)
    }

    /// The role a person means by `query`, or an error listing the
    /// candidates or the closest roles.
    pub fn resolve(&self, query: &str) -> Result<&Role> {
        use crate::resolve::{resolve, Resolution};
        let listed = |ids: Vec<usize>| -> Vec<(String, String)> {
            ids.into_iter()
                .filter_map(|i| self.entry(i))
                .map(|r| (r.id.clone(), r.title.clone()))
                .collect()
        };
        if normalize_name(query).is_empty() {
            return Err(Error::Usage(format!(
                "`{query}` is not a role name: give an id, title or alias (see `careers list`)"
            )));
        }
        // An exact id is what resolve() would find first, and no other
        // role may have it as a name (the validator rejects that); this
        // skips normalizing every name of a large catalog.
        if let Some(role) = self.roles.iter().find(|r| r.id == query) {
            return Ok(role);
        }
        let found = match resolve(&self.candidates(), query) {
            Resolution::Found(i) => self.entry(i),
            Resolution::Ambiguous(mut ids) => {
                // Curated first (in resolve's order), then occupations by
                // national employment, largest first.
                ids.sort_by_key(|i| std::cmp::Reverse(self.employment(*i)));
                return Err(Error::AmbiguousRole {
                    query: query.to_string(),
                    candidates: listed(ids),
                });
            }
            Resolution::Unknown(ids) => {
                return Err(Error::UnknownRole {
                    query: query.to_string(),
                    suggestions: listed(ids),
                })
            }
        };
        found.ok_or_else(|| Error::UnknownRole {
            query: query.to_string(),
            suggestions: Vec::new(),
        })
    }
}
