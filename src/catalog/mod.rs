//! The catalog: the bundled roles compiled into the binary, plus any user
//! data directories layered on top.

mod bundled;
pub mod cache;
pub mod file;
mod ladders;
pub mod occupations;
mod resolution;
mod user;

pub use careers_data::pack;

pub use bundled::bundled_files;
pub use ladders::{Home, LadderRef};
pub use resolution::Taken;
pub use user::{
    data_dirs_from_env, distinct_dirs, is_toml_name, read_dir_files, DataDirFiles, Problems,
};

use crate::error::{Error, Result};
use crate::model::{Role, RoleCore, RoleHead, Source};
use crate::searchable::SearchIndex;
use crate::validate::{self, normalize_name, Base};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Where an entry of the catalog comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A curated role compiled into the binary.
    Bundled,
    /// A curated role read from this user data file.
    File(String),
    /// An official occupation of the BLS tables.
    Official,
}

/// `bundled`, the file's path, or `official`: the `origin` of JSON output.
impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Bundled => f.write_str("bundled"),
            Origin::File(path) => f.write_str(path),
            Origin::Official => f.write_str("official"),
        }
    }
}

/// Which search index an entry's texts are in: their text and word
/// numbers differ, so scores worked out once per text are kept per index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexKind {
    /// The bundled roles' index, built by build.rs.
    Bundled,
    /// The index of the user roles in the cache.
    Cached,
    /// The official occupations' titles, built by build.rs.
    Occupations,
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
    core: OnceLock<Box<RoleCore>>,
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
    /// The ladder files of the user data ([`Catalog::ladders`]).
    ladder_files: Vec<ladders::LadderSlot>,
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
    /// What the user should hear about loading (see [`Catalog::notices`]).
    notices: Vec<String>,
    /// The curated roles that stand for an official occupation, by SOC
    /// code ([`Catalog::standing_for`]), worked out once.
    standing: OnceLock<rustc_hash::FxHashMap<String, Vec<usize>>>,
    /// What resolution took names for ([`Catalog::take_notes`]).
    notes: resolution::Notes,
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
            ladder_files: Vec::new(),
            cache_bodies: None,
            bundled_index: OnceLock::new(),
            cache_index: None,
            occupations_index: OnceLock::new(),
            prepared: OnceLock::new(),
            notices: Vec::new(),
            standing: OnceLock::new(),
            notes: resolution::Notes::default(),
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
        let dirs = &distinct_dirs(dirs);
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
        let dirs = &distinct_dirs(dirs);
        let mut catalog = Catalog::bundled()?;
        if !dirs.is_empty() {
            let loaded = cache::load(dirs, bundled::id(), || catalog.check_user(dirs))?;
            catalog.notices.extend(loaded.notice);
            catalog.add_user(loaded.part);
        }
        Ok(catalog)
    }

    /// Things about loading that the user should hear although the
    /// command goes on (a cache that could not be replaced).
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// Reads and validates the user data directories against this catalog.
    fn check_user(&self, dirs: &[PathBuf]) -> Result<cache::UserData> {
        let files = user::read_dirs(dirs)?;
        let checked =
            validate::check_data(&files.as_data(), &self.base()).map_err(Error::InvalidData)?;
        let inputs = files
            .sources
            .iter()
            .chain(&files.roles)
            .chain(&files.ladders)
            .map(|f| cache::Input::of(&f.file, &f.text))
            .collect();
        Ok(cache::UserData {
            sources: checked.sources,
            roles: checked.roles,
            files: files.roles.into_iter().map(|f| f.file).collect(),
            ladders: checked.ladders,
            ladder_files: files.ladders.into_iter().map(|f| f.file).collect(),
            inputs,
        })
    }

    fn add_user(&mut self, user: cache::UserPart) {
        let (sources, slots) = match user {
            cache::UserPart::Fresh(data) => {
                self.add_ladder_files(data.ladders, data.ladder_files);
                let slots: Vec<Slot> = data
                    .roles
                    .into_iter()
                    .zip(data.files)
                    .map(|(role, file)| Slot::decoded(role, Origin::File(file)))
                    .collect();
                (data.sources, slots)
            }
            cache::UserPart::Cached(data) => {
                self.add_ladder_files(data.ladders, data.ladder_files);
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
        self.standing = OnceLock::new();
    }

    fn add_ladder_files(&mut self, ladders: Vec<crate::model::LadderFile>, files: Vec<String>) {
        let slots = ladders.into_iter().zip(files);
        self.ladder_files
            .extend(slots.map(|(ladder, file)| ladders::LadderSlot { ladder, file }));
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
    pub fn roles(&self) -> impl ExactSizeIterator<Item = Result<&Role>> + Clone + '_ {
        self.slots.iter().map(|s| self.body(s))
    }

    /// The curated role number `i`.
    pub fn role_at(&self, i: usize) -> Result<&Role> {
        self.body(self.slots.get(i).ok_or_else(|| not_an_entry(i))?)
    }

    /// The body of a slot, decoded on first use. Only a damaged cache can
    /// hold one that does not decode (the bundle is checked at build time
    /// and by tests): that is an error for the command that needs it.
    fn body<'a>(&'a self, slot: &'a Slot) -> Result<&'a Role> {
        if let Some(role) = slot.body.get() {
            return Ok(role);
        }
        let decoded = match (slot.store, &self.cache_bodies) {
            (Store::Bundled, _) => pack::unpack(&slot.head, slot.head.body, bundled::bodies()),
            (Store::Cache, Some(bodies)) => bodies.role(slot.number, &slot.head),
            _ => None,
        };
        match decoded {
            Some(role) => Ok(slot.body.get_or_init(|| Box::new(role))),
            None => Err(Error::Damaged {
                what: format!("the stored profile of role `{}`", slot.head.id),
                in_cache: slot.store == Store::Cache,
            }),
        }
    }

    /// Every curated role's short facts ([`RoleCore`]: names, family, pay,
    /// outlook, ladders, SOC links). Cheaper than [`Catalog::roles`] for
    /// commands that need no more.
    pub fn cores(&self) -> impl ExactSizeIterator<Item = Result<&RoleCore>> + Clone + '_ {
        self.slots.iter().map(|s| self.core(s))
    }

    /// The short facts of the role or official occupation with this id,
    /// as [`Catalog::cores`]; `None` when there is none.
    pub fn role_core(&self, id: &str) -> Result<Option<&RoleCore>> {
        match self.slot_of(id) {
            Some(s) => self.core(s).map(Some),
            None => Ok(self
                .occupations
                .find(id)
                .and_then(|j| self.occupations.core(j))),
        }
    }

    /// A slot's short facts: decoded from their own encoding when the
    /// bundle has one, else taken from the whole role.
    fn core<'a>(&'a self, slot: &'a Slot) -> Result<&'a RoleCore> {
        if let Some(core) = slot.core.get() {
            return Ok(core);
        }
        let (start, end) = slot.head.core;
        let separate = slot.store == Store::Bundled && start != end && slot.body.get().is_none();
        let core = match separate {
            true => pack::unpack(&slot.head, slot.head.core, bundled::bodies()),
            false => None,
        };
        let core = match core {
            Some(core) => core,
            None => RoleCore::of(self.body(slot)?),
        };
        Ok(slot.core.get_or_init(|| Box::new(core)))
    }

    /// Removes the cache of `dirs` after `error`, when the error is a
    /// damaged cache, so that the next run rebuilds it.
    pub fn forget_damaged_cache(&self, dirs: &[PathBuf], error: &Error) {
        if let Error::Damaged { in_cache: true, .. } = error {
            cache::remove(dirs);
        }
    }

    /// The search index that holds entry `i`'s texts (as numbered in
    /// [`Catalog::candidates`]), which one it is (their text numbers
    /// differ), and the entry's number in it; `None` for a role read from
    /// its file, whose texts are searched one by one.
    pub fn search_index(&self, i: usize) -> Result<Option<(IndexKind, &SearchIndex, usize)>> {
        let Some(slot) = self.slots.get(i) else {
            let j = i - self.slots.len();
            let index = self.built(&self.occupations_index, bundled::occupations_index)?;
            let whole = index.len() == self.occupations.len() && j < index.len();
            return Ok(whole.then_some((IndexKind::Occupations, index, j)));
        };
        Ok(match slot.store {
            Store::Bundled => {
                let index = self.built(&self.bundled_index, bundled::search_index)?;
                Some((IndexKind::Bundled, index, slot.number))
            }
            Store::Cache => self
                .cache_index
                .as_ref()
                .map(|index| (IndexKind::Cached, index, slot.number)),
            Store::Decoded => None,
        })
    }

    /// A bundled search index, decoded on first use.
    fn built<'a>(
        &'a self,
        cell: &'a OnceLock<SearchIndex>,
        decode: fn() -> Result<SearchIndex>,
    ) -> Result<&'a SearchIndex> {
        if let Some(index) = cell.get() {
            return Ok(index);
        }
        let index = decode()?;
        Ok(cell.get_or_init(|| index))
    }

    fn slot_of(&self, id: &str) -> Option<&Slot> {
        self.slots.iter().find(|s| s.head.id == id)
    }

    /// The role or official occupation with this id (or SOC code);
    /// `None` when there is none.
    pub fn role(&self, id: &str) -> Result<Option<&Role>> {
        match self.slot_of(id) {
            Some(s) => self.body(s).map(Some),
            None => Ok(self
                .occupations
                .find(id)
                .and_then(|j| self.occupations.role(j))),
        }
    }

    /// The curated roles linked to a SOC code (their names), with whether
    /// the link is approximate.
    pub fn linked_roles<'a>(
        &'a self,
        soc: &'a str,
    ) -> impl Iterator<Item = (&'a RoleHead, bool)> + 'a {
        self.heads().filter_map(move |h| {
            let approximate = h.soc.iter().find(|(code, _)| code == soc)?.1;
            Some((h, approximate))
        })
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

    /// The short facts of the entries of [`Catalog::entry_numbers`].
    pub fn all_cores(&self) -> Result<Vec<&RoleCore>> {
        self.entry_numbers()
            .into_iter()
            .map(|i| self.entry_core(i))
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
            None => match self.occupations.find(id) {
                Some(j) => self.occupations.occupation(j).map_or(id, |o| o.title),
                None => id,
            },
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
            // The title first: of equal matches, the name a note quotes.
            out.push(c(r.title.as_str()));
            out.push(c(r.id.as_str()));
            out.extend(r.aliases.iter().map(|a| c(a.as_str())));
        }
        let n = self.slots.len();
        for (j, o) in self.occupations.iter().enumerate() {
            // An occupation a curated role stands for is no entry of its
            // own: its names are the curated role's, at the occupations'
            // tier (a SOC code names one entry).
            let entries = match self.standing_for(o.soc) {
                [] => std::slice::from_ref(&(n + j)).to_vec(),
                roles => roles.to_vec(),
            };
            for entry in entries {
                for name in [o.title, o.soc] {
                    out.push(crate::resolve::Candidate {
                        entry,
                        name,
                        tier: 1,
                        weight: 0,
                    });
                }
            }
        }
        out
    }

    /// The entry with index `i` of [`Catalog::candidates`].
    pub fn entry(&self, i: usize) -> Result<&Role> {
        match self.slots.get(i) {
            Some(s) => self.body(s),
            None => self
                .occupations
                .role(i - self.slots.len())
                .ok_or_else(|| not_an_entry(i)),
        }
    }

    /// The short facts of entry `i` of [`Catalog::candidates`].
    pub fn entry_core(&self, i: usize) -> Result<&RoleCore> {
        match self.slots.get(i) {
            Some(s) => self.core(s),
            None => self
                .occupations
                .core(i - self.slots.len())
                .ok_or_else(|| not_an_entry(i)),
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

    /// Where entry `i` (as in [`Catalog::candidates`]) comes from.
    pub fn origin_at(&self, i: usize) -> Origin {
        match self.slots.get(i) {
            Some(s) => s.origin.clone(),
            None => Origin::Official,
        }
    }
}

/// An entry number past the catalog's end: a bug, reported rather than
/// panicking.
fn not_an_entry(i: usize) -> Error {
    Error::io(
        "reading the catalog",
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("entry {i} is not in the catalog"),
        ),
    )
}
