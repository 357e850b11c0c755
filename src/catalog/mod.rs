//! The catalog: the bundled roles compiled into the binary, plus any user
//! data directories layered on top.

mod bundled;
pub mod cache;
pub mod occupations;
mod user;

pub use careers_data::pack;

pub use bundled::bundled_files;
pub use user::{data_dirs_from_env, read_dir_files, DataDirFiles};

use crate::error::{Error, Result};
use crate::model::{Role, RoleHead, Source};
use crate::searchable::SearchIndex;
use crate::validate::{self, normalize_name, Base};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Where a role was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    File(String),
}

/// Where a role's body is decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Store {
    /// The bundled bodies compiled into the binary.
    Bundled,
    /// The bodies read from the user-data cache.
    Cache,
    /// Nowhere: the role was read from its file and is decoded already.
    Decoded,
}

/// A role of the catalog: its head at once, its body on first use.
#[derive(Debug, Clone)]
struct Slot {
    head: RoleHead,
    origin: Origin,
    store: Store,
    /// Boxed: a `Role` is about a kilobyte, and 10,000 slots written out
    /// in full would cost thousands of page faults before any is used.
    body: OnceLock<Box<Role>>,
    /// Its short facts alone, when only those were asked for.
    core: OnceLock<Box<Role>>,
    /// The role's number in its store (its search index and bodies).
    number: usize,
}

impl Slot {
    /// A role read from its file, decoded already.
    fn decoded(role: Role, origin: Origin) -> Slot {
        Slot {
            head: RoleHead::of(&role, (0, 0), (0, 0)),
            origin,
            store: Store::Decoded,
            body: OnceLock::from(Box::new(role)),
            core: OnceLock::new(),
            number: 0,
        }
    }
}

/// Every role and source the program knows, with lookups by id.
///
/// Roles are decoded when first used, so that a command pays for the
/// roles it touches: `show` decodes one, `search` over a cached catalog
/// only the hits it prints.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub sources: Vec<Source>,
    slots: Vec<Slot>,
    /// The bodies of the roles that came from the cache.
    cache_bodies: Option<cache::Bodies>,
    /// The search indexes of the bundled roles (decoded on first use: most
    /// commands do not search) and of the cached ones.
    bundled_index: OnceLock<SearchIndex>,
    cache_index: Option<SearchIndex>,
    /// The official occupations' titles, indexed by build.rs.
    occupations_index: OnceLock<SearchIndex>,
    /// The names of [`Catalog::candidates`] prepared for resolution, once.
    prepared: OnceLock<Vec<crate::resolve::Prepared>>,
    /// Why a role's body failed to decode, if one did.
    damage: OnceLock<String>,
    /// The official occupations of the BLS wage tables, as entries after
    /// the roles.
    pub occupations: occupations::Occupations,
}

impl Catalog {
    /// The bundled catalog alone.
    pub fn bundled() -> Result<Catalog> {
        let bundle = bundled::decode()?;
        let slots = bundle
            .roles
            .into_iter()
            .enumerate()
            .map(|(number, head)| Slot {
                head,
                origin: Origin::Bundled,
                store: Store::Bundled,
                body: OnceLock::new(),
                core: OnceLock::new(),
                number,
            })
            .collect();
        Ok(Catalog::of_slots(
            bundle.sources,
            slots,
            occupations::Occupations::new(),
        ))
    }

    fn of_slots(
        sources: Vec<Source>,
        slots: Vec<Slot>,
        occupations: occupations::Occupations,
    ) -> Catalog {
        Catalog {
            sources,
            slots,
            cache_bodies: None,
            bundled_index: OnceLock::new(),
            cache_index: None,
            occupations_index: OnceLock::new(),
            prepared: OnceLock::new(),
            damage: OnceLock::new(),
            occupations,
        }
    }

    /// A catalog of these roles alone, without official occupations: for
    /// tests and benchmarks.
    pub fn from_roles(sources: Vec<Source>, roles: Vec<Role>) -> Catalog {
        let slots = roles
            .into_iter()
            .map(|role| Slot::decoded(role, Origin::Bundled))
            .collect();
        Catalog::of_slots(sources, slots, occupations::Occupations::default())
    }

    /// The bundled catalog with the roles and sources of `dirs` added; a
    /// user role with the id of a bundled one replaces it. Reads and
    /// validates every file; see [`Catalog::load_cached`].
    pub fn load(dirs: &[PathBuf]) -> Result<Catalog> {
        let mut catalog = Catalog::bundled()?;
        if !dirs.is_empty() {
            let user = catalog.check_user(dirs)?;
            catalog.add_user(cache::UserPart::Fresh(user));
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

    fn add_user(&mut self, user: cache::UserPart) {
        let (sources, slots) = match user {
            cache::UserPart::Fresh(data) => {
                let slots: Vec<Slot> = data
                    .roles
                    .into_iter()
                    .zip(data.files)
                    .map(|(role, file)| Slot::decoded(role, Origin::File(file)))
                    .collect();
                (data.sources, slots)
            }
            cache::UserPart::Cached(data) => {
                self.cache_bodies = Some(data.bodies);
                self.cache_index = Some(data.search);
                let slots = data
                    .roles
                    .into_iter()
                    .zip(data.files)
                    .enumerate()
                    .map(|(number, (head, file))| Slot {
                        head,
                        origin: Origin::File(file),
                        store: Store::Cache,
                        body: OnceLock::new(),
                        core: OnceLock::new(),
                        number,
                    })
                    .collect();
                (data.sources, slots)
            }
        };
        for s in sources {
            match self.sources.iter_mut().find(|have| have.id == s.id) {
                Some(have) => *have = s,
                None => self.sources.push(s),
            }
        }
        // The bundled ids by name (not a scan per user role: thousands
        // made that quadratic). User ids are unique among themselves: the
        // validator rejects a second file with the same id.
        let bundled: HashMap<String, usize> = self
            .slots
            .iter()
            .enumerate()
            .map(|(i, r)| (r.head.id.clone(), i))
            .collect();
        self.slots.reserve(slots.len());
        for slot in slots {
            match bundled.get(&slot.head.id) {
                Some(&i) => self.slots[i] = slot,
                None => self.slots.push(slot),
            }
        }
        // Names changed: prepare them again when first needed.
        self.prepared = OnceLock::new();
    }

    /// What user data may refer to and must not collide with.
    pub fn base(&self) -> Base {
        let mut names = Vec::new();
        for h in self.heads() {
            names.push((normalize_name(&h.id), h.id.clone()));
            names.push((normalize_name(&h.title), h.id.clone()));
            for a in &h.aliases {
                names.push((normalize_name(a), h.id.clone()));
            }
        }
        Base {
            role_ids: self.heads().map(|h| h.id.clone()).collect(),
            source_ids: self.sources.iter().map(|s| s.id.clone()).collect(),
            names,
            soc_codes: crate::wages::occupations()
                .iter()
                .map(|o| o.soc.to_string())
                .collect(),
            occupations: occupations::names(),
        }
    }

    /// How many curated roles (bundled and user) the catalog has.
    pub fn role_count(&self) -> usize {
        self.slots.len()
    }

    /// The names and links of every curated role, without decoding any.
    pub fn heads(&self) -> impl ExactSizeIterator<Item = &RoleHead> + Clone + '_ {
        self.slots.iter().map(|s| &s.head)
    }

    /// Every curated role, decoded as the iteration reaches it.
    pub fn roles(&self) -> impl ExactSizeIterator<Item = &Role> + Clone + '_ {
        self.slots.iter().map(|s| self.body(s))
    }

    /// The curated role number `i`.
    pub fn role_at(&self, i: usize) -> Option<&Role> {
        self.slots.get(i).map(|s| self.body(s))
    }

    /// The body of a slot, decoded on first use. A body that does not
    /// decode (only a damaged cache could hold one: the bundle is checked
    /// at build time and by tests) stands in as the role's names alone,
    /// and [`Catalog::damage`] says so.
    fn body<'a>(&'a self, slot: &'a Slot) -> &'a Role {
        slot.body.get_or_init(|| {
            let decoded = match (slot.store, &self.cache_bodies) {
                (Store::Bundled, _) => pack::unpack(&slot.head, slot.head.body, bundled::bodies()),
                (Store::Cache, Some(bodies)) => bodies.role(slot.number, &slot.head),
                _ => None,
            };
            let role = decoded.unwrap_or_else(|| {
                let _ = self.damage.set(format!(
                    "the stored profile of role `{}` does not decode",
                    slot.head.id
                ));
                Role {
                    id: slot.head.id.clone(),
                    title: slot.head.title.clone(),
                    ..Role::default()
                }
            });
            Box::new(role)
        })
    }

    /// Every curated role with its short facts alone ([`pack::core_of`]:
    /// names, family, pay, outlook, ladders, SOC links; everything else
    /// may be empty). Cheaper than [`Catalog::roles`] for commands that
    /// need no more.
    pub fn cores(&self) -> impl ExactSizeIterator<Item = &Role> + Clone + '_ {
        self.slots.iter().map(|s| self.core(s))
    }

    /// The short facts of the role or official occupation with this id,
    /// as [`Catalog::cores`].
    pub fn role_core(&self, id: &str) -> Option<&Role> {
        match self.slot_of(id) {
            Some(s) => Some(self.core(s)),
            None => self.role(id),
        }
    }

    /// A slot's short facts: its whole body when that is decoded already
    /// or there is no separate encoding of them.
    fn core<'a>(&'a self, slot: &'a Slot) -> &'a Role {
        if let Some(body) = slot.body.get() {
            return body;
        }
        let (start, end) = slot.head.core;
        if slot.store != Store::Bundled || start == end {
            return self.body(slot);
        }
        match slot.core.get() {
            Some(core) => core,
            None => match pack::unpack(&slot.head, slot.head.core, bundled::bodies()) {
                Some(core) => slot.core.get_or_init(|| Box::new(core)),
                None => self.body(slot),
            },
        }
    }

    /// Why a role could not be decoded, if one could not: the command's
    /// output is then incomplete and should fail.
    pub fn damage(&self) -> Option<&str> {
        self.damage.get().map(String::as_str)
    }

    /// The error to end a command with when a role could not be decoded
    /// from the cache of `dirs`; the cache is removed, so that the next run
    /// rebuilds it.
    pub fn damaged(&self, dirs: &[PathBuf]) -> Option<Error> {
        let why = self.damage()?;
        let (context, advice) = if self.cache_bodies.is_some() {
            cache::remove(dirs, bundled::id());
            (
                "reading the catalog cache",
                "the cache was removed: run the command again",
            )
        } else {
            (
                "reading the bundled catalog",
                "this build of careers is damaged",
            )
        };
        Some(Error::io(
            context,
            std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{why}; {advice}")),
        ))
    }

    /// Where a curated role was defined; `None` for an official occupation.
    pub fn origin(&self, role: &Role) -> Option<&Origin> {
        self.slots
            .iter()
            .find(|s| {
                let is = |cell: &OnceLock<Box<Role>>| {
                    cell.get().is_some_and(|b| std::ptr::eq(&**b, role))
                };
                is(&s.body) || is(&s.core)
            })
            .map(|s| &s.origin)
    }

    /// The search index that holds entry `i`'s texts (as numbered in
    /// [`Catalog::candidates`]), which of three it is (0 bundled roles, 1
    /// cached roles, 2 official occupations: their text numbers differ),
    /// and the entry's number in it; `None` for a role read from its file,
    /// whose texts are searched one by one.
    pub fn search_index(&self, i: usize) -> Option<(usize, &SearchIndex, usize)> {
        let Some(slot) = self.slots.get(i) else {
            let j = i - self.slots.len();
            let index = self.built(&self.occupations_index, bundled::occupations_index);
            return (index.len() == self.occupations.len() && j < index.len())
                .then_some((2, index, j));
        };
        match slot.store {
            Store::Bundled => {
                let index = self.built(&self.bundled_index, bundled::search_index);
                Some((0, index, slot.number))
            }
            Store::Cache => Some((1, self.cache_index.as_ref()?, slot.number)),
            Store::Decoded => None,
        }
    }

    /// A bundled search index, decoded on first use (an index that does not
    /// decode is empty, and [`Catalog::damage`] says so).
    fn built<'a>(
        &'a self,
        cell: &'a OnceLock<SearchIndex>,
        decode: fn() -> Result<SearchIndex>,
    ) -> &'a SearchIndex {
        cell.get_or_init(|| {
            decode().unwrap_or_else(|e| {
                let _ = self.damage.set(e.to_string());
                SearchIndex::default()
            })
        })
    }

    fn slot_of(&self, id: &str) -> Option<&Slot> {
        self.slots.iter().find(|s| s.head.id == id)
    }

    /// The role or official occupation with this id (or SOC code).
    pub fn role(&self, id: &str) -> Option<&Role> {
        match self.slot_of(id) {
            Some(s) => Some(self.body(s)),
            None => self.occupations.role(self.occupations.find(id)?),
        }
    }

    /// Whether `role` is an official occupation rather than a curated profile.
    pub fn is_official(&self, role: &Role) -> bool {
        self.origin(role).is_none()
            && role
                .soc
                .first()
                .is_some_and(|l| l.source.as_deref() == Some(crate::wages::SOURCE_ID))
    }

    /// The curated roles linked to a SOC code, with whether the link is
    /// approximate.
    pub fn linked_roles(&self, soc: &str) -> Vec<(&Role, bool)> {
        self.slots
            .iter()
            .filter_map(|s| {
                let approximate = s.head.soc.iter().find(|(code, _)| code == soc)?.1;
                Some((self.body(s), approximate))
            })
            .collect()
    }

    /// The entry numbers (as in [`Catalog::candidates`]) of the curated
    /// roles, then of the official occupations that no curated role stands
    /// for exactly (those would be duplicates of the curated role).
    pub fn entry_numbers(&self) -> Vec<usize> {
        let exact: std::collections::HashSet<&str> = self
            .heads()
            .flat_map(|h| {
                h.soc
                    .iter()
                    .filter(|(_, approximate)| !approximate)
                    .map(|(code, _)| code.as_str())
            })
            .collect();
        let n = self.slots.len();
        let mut out: Vec<usize> = (0..n).collect();
        for (j, o) in self.occupations.iter().enumerate() {
            if !exact.contains(o.soc) {
                out.push(n + j);
            }
        }
        out
    }

    /// The entries of [`Catalog::entry_numbers`], decoded.
    pub fn all_entries(&self) -> Vec<&Role> {
        self.entry_numbers()
            .into_iter()
            .filter_map(|i| self.entry(i))
            .collect()
    }

    /// The id of entry `i` without decoding it.
    pub fn entry_id(&self, i: usize) -> Option<std::borrow::Cow<'_, str>> {
        match self.slots.get(i) {
            Some(s) => Some(std::borrow::Cow::Borrowed(&s.head.id)),
            None => {
                let o = self.occupations.occupation(i - self.slots.len())?;
                Some(std::borrow::Cow::Owned(occupations::slug(o.title)))
            }
        }
    }

    /// The title of entry `i` without decoding it.
    pub fn entry_title(&self, i: usize) -> Option<&str> {
        match self.slots.get(i) {
            Some(s) => Some(&s.head.title),
            None => Some(self.occupations.occupation(i - self.slots.len())?.title),
        }
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The title of a role id, or the id itself when it is not in the catalog.
    pub fn title_of<'a>(&'a self, id: &'a str) -> &'a str {
        match self.slot_of(id) {
            Some(s) => &s.head.title,
            None => self.role(id).map_or(id, |r| r.title.as_str()),
        }
    }
}

impl Catalog {
    /// Every name a role can be called by, for [`crate::resolve`]: curated
    /// roles (tier 0: preferred at equal match quality), then official
    /// occupations by title and SOC code (tier 1), numbered after the roles.
    pub fn candidates(&self) -> Vec<crate::resolve::Candidate<'_>> {
        let mut out = Vec::with_capacity(self.slots.len() * 3 + self.occupations.len() * 2);
        for (i, r) in self.heads().enumerate() {
            let c = |name| crate::resolve::Candidate {
                entry: i,
                name,
                tier: 0,
                weight: 0,
            };
            out.push(c(r.id.as_str()));
            out.push(c(r.title.as_str()));
            out.extend(r.aliases.iter().map(|a| c(a.as_str())));
        }
        let n = self.slots.len();
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
        match self.slots.get(i) {
            Some(s) => Some(self.body(s)),
            None => self.occupations.role(i - self.slots.len()),
        }
    }

    /// The entry with index `i` of [`Catalog::candidates`], with a curated
    /// role's short facts alone ([`Catalog::cores`]).
    pub fn entry_core(&self, i: usize) -> Option<&Role> {
        match self.slots.get(i) {
            Some(s) => Some(self.core(s)),
            None => self.occupations.role(i - self.slots.len()),
        }
    }

    /// National employment of an entry, for listing big occupations first.
    fn employment(&self, i: usize) -> u64 {
        let Some(o) = i
            .checked_sub(self.slots.len())
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
        let i = self.resolve_entry(query)?;
        self.entry(i).ok_or_else(|| unknown(query))
    }

    /// As [`Catalog::resolve`], with a curated role's short facts alone
    /// ([`Catalog::cores`]).
    pub fn resolve_core(&self, query: &str) -> Result<&Role> {
        let i = self.resolve_entry(query)?;
        match self.slots.get(i) {
            Some(slot) => Ok(self.core(slot)),
            None => self.entry(i).ok_or_else(|| unknown(query)),
        }
    }

    /// The entry number (as in [`Catalog::candidates`]) `query` names.
    fn resolve_entry(&self, query: &str) -> Result<usize> {
        use crate::resolve::{prepare, resolve_prepared, Resolution};
        let listed = |ids: Vec<usize>| -> Vec<(String, String)> {
            ids.into_iter()
                .filter_map(|i| {
                    Some((
                        self.entry_id(i)?.into_owned(),
                        self.entry_title(i)?.to_string(),
                    ))
                })
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
        if let Some(i) = self.slots.iter().position(|s| s.head.id == query) {
            return Ok(i);
        }
        let candidates = self.candidates();
        let prepared = self.prepared.get_or_init(|| prepare(&candidates));
        match resolve_prepared(&candidates, prepared, query) {
            Resolution::Found(i) => Ok(i),
            Resolution::Ambiguous(mut ids) => {
                // Curated first (in resolve's order), then occupations by
                // national employment, largest first.
                ids.sort_by_key(|i| std::cmp::Reverse(self.employment(*i)));
                Err(Error::AmbiguousRole {
                    query: query.to_string(),
                    candidates: listed(ids),
                })
            }
            Resolution::Unknown(ids) => Err(Error::UnknownRole {
                query: query.to_string(),
                suggestions: listed(ids),
            }),
        }
    }
}

fn unknown(query: &str) -> Error {
    Error::UnknownRole {
        query: query.to_string(),
        suggestions: Vec::new(),
    }
}
