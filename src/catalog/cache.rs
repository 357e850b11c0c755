//! A compiled cache of the user data directories.
//!
//! Parsing and validating thousands of TOML role files costs far more
//! than a command itself, so the validated result is kept in the user
//! cache directory ([`cache_dir`]) and reused while nothing it was built
//! from has changed.
//!
//! The file is a header, an index and the role bodies. The index (postcard:
//! sources, each role's head and file, the search index, a checksum per
//! body, a checksum of each data file's content) is read whole; a body is
//! read and decoded only when a command uses that role, so a search over
//! 10,000 cached roles reads the bodies of the hits it prints and nothing
//! more.
//!
//! The key covers the program (version and executable), the bundled
//! catalog (user roles are checked against it), and every data file's
//! path, size, modification and change times, inode and device. Computing
//! it lists the directories and stats the files without reading any.
//!
//! Timestamps alone miss a file rewritten in place at the same size within
//! the timestamp granularity of the build (a second on ext4 with 128-byte
//! inodes, ext3, HFS+ and many network mounts; two on FAT): git's "racily
//! clean" problem. As git does, a file whose modification or change time
//! is not older than the cache, less a margin for the granularity
//! ([`RACY_MARGIN_NS`]), is *racy*: its content is read and compared with
//! the checksum stored when the cache was built. "The cache's time" is the
//! moment the building run started, before it looked at any file, or the
//! cache file's own modification time if that is earlier. Reading only the
//! racy files keeps a cache hit at one `stat` per file: checksumming every
//! file instead would read 36 MB for 10,000 generated roles on every run
//! (85 ms against 21 ms for the stats, on one core).
//!
//! The cache is never trusted: a file whose magic, format, key, length,
//! checksum or contents do not check out is rebuilt; a body whose checksum
//! fails when it is read is reported ([`crate::catalog::Catalog::damage`]).
//! Nothing in it is believed before it is checked: lengths against the
//! file's size, and the file's size against what the data could produce
//! ([`max_cache_len`]), so a forged header costs neither memory nor time.
//! Only a regular file is opened, without blocking, so a FIFO at the
//! cache's path is no cache. The cache is written to a temporary file and
//! renamed into place, so a reader (or a second writer racing this one)
//! sees either the old file or a complete new one. When it cannot be read
//! or written the program goes on without it.

use super::file::{open_regular, read_capped};
use super::user::is_toml_name;
use crate::model::{LadderFile, Role, RoleHead, Source};
use crate::searchable::SearchIndex;
use rustc_hash::FxHasher;
use serde::{Deserialize, Serialize};
use std::ffi::{OsStr, OsString};
use std::fs;
use std::hash::Hasher;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// What the user data directories contribute, validated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserData {
    pub sources: Vec<Source>,
    pub roles: Vec<Role>,
    /// The file each role was read from, parallel to `roles`.
    pub files: Vec<String>,
    /// The ladder files' ladders, small enough to keep in the index.
    pub ladders: Vec<LadderFile>,
    /// The file each ladder was read from, parallel to `ladders`.
    pub ladder_files: Vec<String>,
    /// Every data file read (sources and roles) with the [`checksum`] of
    /// its bytes: what a racy file is compared with.
    pub inputs: Vec<Input>,
}

/// A data file as it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    /// As the loader names it (`DIR/roles/NAME.toml`).
    pub file: String,
    /// The [`checksum`] of its bytes.
    pub hash: u64,
}

impl Input {
    /// A file read as `text`.
    pub fn of(file: &str, text: &str) -> Input {
        Input {
            file: file.to_string(),
            hash: checksum(text.as_bytes()),
        }
    }
}

/// The user data as the cache holds it: roles by their heads, bodies
/// read on demand.
#[derive(Debug, Clone)]
pub struct CachedData {
    pub sources: Vec<Source>,
    pub roles: Vec<RoleHead>,
    /// The file each role was read from, parallel to `roles`.
    pub files: Vec<String>,
    pub ladders: Vec<LadderFile>,
    /// The file each ladder was read from, parallel to `ladders`.
    pub ladder_files: Vec<String>,
    pub search: SearchIndex,
    pub bodies: Bodies,
}

/// The user data, from the files or from the cache.
#[derive(Debug, Clone)]
pub enum UserPart {
    Fresh(UserData),
    Cached(CachedData),
}

/// The index part of a cache file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Index {
    sources: Vec<Source>,
    roles: Vec<RoleHead>,
    files: Vec<String>,
    ladders: Vec<LadderFile>,
    ladder_files: Vec<String>,
    search: SearchIndex,
    /// [`checksum`] of each role's body, parallel to `roles`.
    body_hashes: Vec<u64>,
    /// [`Input`]s as pairs of little-endian `u64`s: the [`checksum`] of
    /// the file's name, then of its content. Raw bytes, decoded with one
    /// copy: 10,000 names as strings cost a cached run 10,000 allocations
    /// for a table that only a racy file needs.
    #[serde(with = "serde_bytes")]
    inputs: Vec<u8>,
}

/// [`Index::inputs`] for `inputs`.
fn input_table(inputs: &[Input]) -> Vec<u8> {
    let mut out = Vec::with_capacity(inputs.len() * 16);
    for i in inputs {
        out.extend_from_slice(&checksum(i.file.as_bytes()).to_le_bytes());
        out.extend_from_slice(&i.hash.to_le_bytes());
    }
    out
}

/// The role bodies of an open cache file.
#[derive(Debug, Clone)]
pub struct Bodies {
    /// Kept open: a newer cache renamed over the path does not change
    /// what this one reads.
    file: Arc<fs::File>,
    /// Where the bodies start in the file.
    offset: u64,
    /// Their length.
    len: u64,
    hashes: Vec<u64>,
}

impl Bodies {
    /// Role `i`, whose head is `head`; `None` when its bytes cannot be
    /// read or fail their checksum.
    pub fn role(&self, i: usize, head: &RoleHead) -> Option<Role> {
        let (start, end) = head.body;
        if start > end || end > self.len {
            return None;
        }
        let mut bytes = vec![0; usize::try_from(end - start).ok()?];
        let mut file = &*self.file;
        file.seek(SeekFrom::Start(self.offset + start)).ok()?;
        file.read_exact(&mut bytes).ok()?;
        if checksum(&bytes) != *self.hashes.get(i)? {
            return None;
        }
        super::pack::decode(head, &bytes)
    }
}

const MAGIC: &[u8; 8] = b"careers\x01";
/// Bumped whenever the layout below or the way the key is made changes.
/// 7: ladder files, ladder tiers' levels and bands, heads' ladder roles.
/// 8: heads' ladder roles as keys.
const FORMAT: u32 = 8;
/// magic, format (u32), key, index length, index checksum, bodies length,
/// build time (u64 each).
const HEADER_LEN: usize = 8 + 4 + 8 + 8 + 8 + 8 + 8;
/// Where the build time is in the header.
const BUILT_AT: usize = 44;

/// How much older than the cache a file's timestamps must be for them to
/// vouch for its content: covers timestamps of 1 s (ext3, ext4 with small
/// inodes, HFS+) and 2 s (FAT), and a file system clock that lags the
/// system's by up to a second.
pub const RACY_MARGIN_NS: i128 = 3_000_000_000;
/// Above this many racy files, a cache whose files have all since aged
/// past [`RACY_MARGIN_NS`] is stamped anew (copied with this run's time)
/// rather than having them all read on every run.
const RESTAMP_ABOVE: usize = 1000;

/// A 64-bit checksum (rustc-hash's; not cryptographic: it guards against
/// accidents such as truncation, torn writes and stale files, not
/// against someone forging the user's own cache).
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish()
}

/// Where cache files live: the platform's cache directory (etcetera's
/// native strategy, as tealdeer uses) with `careers` added:
/// `$XDG_CACHE_HOME/careers` or `~/.cache/careers` on Linux and the BSDs
/// (a relative `XDG_CACHE_HOME` is ignored, as the XDG spec says),
/// `~/Library/Caches/careers` on macOS, `%LOCALAPPDATA%\careers` on
/// Windows. No home directory, no cache.
pub fn cache_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::base_strategy::choose_native_strategy().ok()?;
    let dir = strategy.cache_dir();
    dir.is_absolute().then(|| dir.join("careers"))
}

/// Nanoseconds since the Unix epoch (negative before it).
fn nanos(t: std::time::SystemTime) -> i128 {
    match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// The clock as the cache sees it; tests set it (see [`load_at`]).
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    /// Now, in nanoseconds since the Unix epoch.
    pub now: i128,
    /// File timestamps are rounded down to a multiple of this many
    /// nanoseconds: 1 in use; a test sets 1 s to act as a file system
    /// with 1-second timestamps.
    pub granularity: i128,
}

impl Clock {
    pub fn system() -> Clock {
        Clock {
            now: nanos(std::time::SystemTime::now()),
            granularity: 1,
        }
    }

    fn stamp(&self, t: i128) -> i128 {
        // A 128-bit division per timestamp showed in a 10,000-file scan.
        if self.granularity == 1 {
            return t;
        }
        t.div_euclid(self.granularity) * self.granularity
    }
}

/// Identifies one build of the user data: which cache file, and what it
/// must have been built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// The cache file's name; one per set of data directories.
    pub file_name: String,
    /// The fingerprint of everything the cached result depends on.
    pub fingerprint: u64,
}

/// What listing and stat-ing the data files found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scan {
    pub fingerprint: u64,
    /// The files whose timestamps are not older than the threshold given.
    pub racy: Vec<PathBuf>,
    /// The latest modification or change time of any file (ns).
    pub newest: i128,
    /// The data files' total size.
    pub bytes: u64,
}

/// The key for `dirs` on top of the bundled catalog identified by
/// `bundle_id`, or `None` when a directory cannot be listed as the loader
/// would list it: the uncached load then reports the problem.
pub fn key(dirs: &[PathBuf], bundle_id: u64) -> Option<Key> {
    Some(Key {
        file_name: file_name(dirs)?,
        fingerprint: scan(dirs, bundle_id, None, &Clock::system())?.fingerprint,
    })
}

/// The cache file's name for `dirs`: the program's version and the
/// directories, both where they are and as they are spelled (origins are
/// shown as the directory was given), so that `d` and `./d` each keep a
/// cache rather than rewrite one by turns.
pub fn file_name(dirs: &[PathBuf]) -> Option<String> {
    let mut place = KeyBytes::default();
    place.str(env!("CARGO_PKG_VERSION"));
    for dir in dirs {
        place.os(fs::canonicalize(dir).ok()?.as_os_str());
        place.os(dir.as_os_str());
    }
    Some(format!("catalog-{:016x}.bin", checksum(&place.0)))
}

/// Lists and stats the data files of `dirs`: the fingerprint of all that
/// the cached result depends on, and the files whose modification or
/// change time is at or after `racy_from` (ns), if given.
pub fn scan(
    dirs: &[PathBuf],
    bundle_id: u64,
    racy_from: Option<i128>,
    clock: &Clock,
) -> Option<Scan> {
    let mut material = KeyBytes::default();
    material.u64(u64::from(FORMAT));
    material.str(env!("CARGO_PKG_VERSION"));
    // A rebuilt binary may decode differently even at the same version.
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| fs::metadata(p).ok())
    {
        material.meta(&meta, times(&meta, clock));
    }
    material.u64(bundle_id);
    material.u64(dirs.len() as u64);
    let mut found = Found {
        racy_from,
        clock: *clock,
        racy: Vec::new(),
        newest: i128::MIN,
        bytes: 0,
    };
    for dir in dirs {
        let canonical = fs::canonicalize(dir).ok()?;
        material.os(dir.as_os_str());
        material.os(canonical.as_os_str());
        scan_dir(dir, &mut material, &mut found)?;
    }
    Some(Scan {
        fingerprint: checksum(&material.0),
        racy: found.racy,
        newest: found.newest,
        bytes: found.bytes,
    })
}

/// What [`scan`] gathers besides the fingerprint.
struct Found {
    racy_from: Option<i128>,
    clock: Clock,
    racy: Vec<PathBuf>,
    newest: i128,
    bytes: u64,
}

impl Found {
    /// Counts a file in; `path` names it, if it is racy.
    fn add(&mut self, stat: &FileStat, path: impl FnOnce() -> Option<PathBuf>) {
        self.newest = self.newest.max(stat.newest);
        self.bytes = self.bytes.saturating_add(stat.len);
        if self.racy_from.is_some_and(|from| stat.newest >= from) {
            self.racy.extend(path());
        }
    }
}

/// Adds the files `catalog::user::read_dir_files` would read in `dir`,
/// with their metadata, in the order it reads them: `sources.toml`, the
/// role files, the ladder files.
fn scan_dir(dir: &Path, out: &mut KeyBytes, found: &mut Found) -> Option<()> {
    if !fs::metadata(dir).ok()?.is_dir() {
        return None;
    }
    let roles_dir = dir.join("roles");
    let in_roles = roles_dir.is_dir();
    let listing_dir = if in_roles {
        roles_dir
    } else {
        dir.to_path_buf()
    };
    out.u64(u64::from(in_roles));
    let sources = dir.join("sources.toml");
    match fs::metadata(&sources) {
        Ok(meta) => {
            out.u64(1);
            let stat = FileStat::of(&meta, &found.clock);
            out.meta(&meta, stat.times);
            found.add(&stat, || Some(sources));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.u64(0),
        Err(_) => return None,
    }
    scan_listing(&listing_dir, !in_roles, out, found)?;
    let ladders_dir = dir.join("ladders");
    let has_ladders = ladders_dir.is_dir();
    out.u64(u64::from(has_ladders));
    if has_ladders {
        scan_listing(&ladders_dir, false, out, found)?;
    }
    Some(())
}

/// Adds the `*.toml` files of one listed directory (`sources.toml` left
/// out when `skip_sources`), with their metadata.
fn scan_listing(
    listing_dir: &Path,
    skip_sources: bool,
    out: &mut KeyBytes,
    found: &mut Found,
) -> Option<()> {
    let mut listed = Vec::new();
    for entry in fs::read_dir(listing_dir).ok()? {
        let entry = entry.ok()?;
        let name = entry.file_name();
        if is_toml_name(&name) && !(skip_sources && name == "sources.toml") {
            listed.push((name, entry));
        }
    }
    out.u64(listed.len() as u64);
    // The sum of one hash per file: the same whatever order the directory
    // lists them in, so 10,000 names need no sorting.
    let stats = stat_all(listed, found)?;
    out.u64(
        stats
            .iter()
            .fold(0u64, |sum, (s, _)| sum.wrapping_add(s.hash)),
    );
    for (s, name) in stats {
        found.add(&s, || name.map(|n| listing_dir.join(n)));
    }
    Some(())
}

/// One data file's metadata as the key uses it.
struct FileStat {
    /// Its name and metadata, hashed.
    hash: u64,
    /// Its modification and change times ([`times`]).
    times: [i128; 2],
    /// The later of the two.
    newest: i128,
    len: u64,
}

impl FileStat {
    fn of(meta: &fs::Metadata, clock: &Clock) -> FileStat {
        let times = times(meta, clock);
        FileStat {
            hash: 0,
            times,
            newest: times[0].max(times[1]),
            len: meta.len(),
        }
    }
}

/// A file's modification and change times (ns, rounded down to the
/// clock's granularity); a time that cannot be read counts as the far
/// future, so that the file is racy.
fn times(meta: &fs::Metadata, clock: &Clock) -> [i128; 2] {
    let modified = meta.modified().map_or(i128::MAX, nanos);
    #[cfg(unix)]
    let changed = {
        use std::os::unix::fs::MetadataExt;
        i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec())
    };
    #[cfg(not(unix))]
    let changed = modified;
    [clock.stamp(modified), clock.stamp(changed)]
}

/// The [`FileStat`] of each listed file, following symbolic links as the
/// loader's reads do, with the file's name if the file is racy (names are
/// dropped as soon as hashed otherwise: keeping 10,000 showed); `None` if
/// any is not a readable regular file (the loader reports those). A stat
/// costs microseconds in a VM, so thousands are shared among the cores.
fn stat_all(
    listed: Vec<(OsString, fs::DirEntry)>,
    found: &Found,
) -> Option<Vec<(FileStat, Option<OsString>)>> {
    let clock = &found.clock;
    let racy_from = found.racy_from;
    let stat = |part: Vec<(OsString, fs::DirEntry)>| -> Option<Vec<(FileStat, Option<OsString>)>> {
        let mut scratch = KeyBytes::default();
        part.into_iter()
            .map(|(name, entry)| {
                // Relative to the directory's handle: no path walk per file.
                let meta = match entry.file_type().ok()?.is_symlink() {
                    true => fs::metadata(entry.path()).ok()?,
                    false => entry.metadata().ok()?,
                };
                if !meta.is_file() {
                    return None;
                }
                let mut stat = FileStat::of(&meta, clock);
                scratch.0.clear();
                scratch.os(&name);
                scratch.meta(&meta, stat.times);
                stat.hash = checksum(&scratch.0);
                let racy = racy_from.is_some_and(|from| stat.newest >= from);
                Some((stat, racy.then_some(name)))
            })
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || listed.len() < 1024 {
        return stat(listed);
    }
    let chunk = listed.len().div_ceil(threads);
    let mut parts = Vec::new();
    let mut rest = listed;
    while rest.len() > chunk {
        let tail = rest.split_off(chunk);
        parts.push(rest);
        rest = tail;
    }
    parts.push(rest);
    std::thread::scope(|scope| {
        let workers: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(|| stat(part)))
            .collect();
        let mut all = Vec::new();
        for w in workers {
            all.extend(w.join().ok()??);
        }
        Some(all)
    })
}

/// Length-prefixed fields, so that no two different inputs run together
/// into the same bytes.
#[derive(Default)]
struct KeyBytes(Vec<u8>);

impl KeyBytes {
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn os(&mut self, s: &OsStr) {
        self.bytes(s.as_encoded_bytes());
    }
    /// A file's size, `times` ([`times`]), inode and device.
    fn meta(&mut self, meta: &fs::Metadata, times: [i128; 2]) {
        self.u64(meta.len());
        // The change time moves on every write, even one that restores
        // the size and modification time.
        for t in times {
            self.0.extend_from_slice(&t.to_le_bytes());
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            self.u64(meta.ino());
            self.u64(meta.dev());
        }
    }
}

/// The largest cache file the data could produce: a header, and what
/// packing and indexing make of `data_bytes` of TOML (under 3 times as
/// much for the hostile shapes tried: 100,000 one-word skills, aliases,
/// a 1 MB title; 0.7 times for generated roles), with room to spare. A
/// longer file is not read: a forged length costs nothing.
pub fn max_cache_len(data_bytes: u64) -> u64 {
    data_bytes.saturating_mul(16).saturating_add(1 << 20)
}

/// A cache file opened and its header read, not yet trusted.
struct Opened {
    file: fs::File,
    header: [u8; HEADER_LEN],
    /// The file's size.
    total: u64,
    /// The file's modification time (ns).
    modified: i128,
}

impl Opened {
    /// Opens the cache file at `path`: `None` if there is none, it is not
    /// a regular file (never opened, so a FIFO cannot block), or it is too
    /// short for a header.
    fn open(path: &Path) -> Option<Opened> {
        let (mut file, total) = open_regular(path).ok()?;
        let modified = file.metadata().ok()?.modified().map_or(i128::MIN, nanos);
        let mut header = [0u8; HEADER_LEN];
        file.read_exact(&mut header).ok()?;
        Some(Opened {
            file,
            header,
            total,
            modified,
        })
    }

    /// Files with timestamps at or after this may have changed unseen.
    fn racy_from(&self) -> i128 {
        let built_at = u64_at(&self.header, BUILT_AT) as i128;
        built_at.min(self.modified) - RACY_MARGIN_NS
    }

    /// The cached data, if the file is complete, intact, built for
    /// `scan`'s fingerprint and every racy file's content is unchanged.
    /// Reads the header and the index; the bodies stay in the file.
    fn read(mut self, scan: &Scan) -> Option<CachedData> {
        if self.total > max_cache_len(scan.bytes) {
            return None;
        }
        let (index_len, bodies_len) = check_header(&self.header, scan.fingerprint, self.total)?;
        // Within the file's size, which is within the cap: allocating it
        // is safe.
        let mut index = vec![0; usize::try_from(index_len).ok()?];
        self.file.read_exact(&mut index).ok()?;
        let index = decode_index(&self.header, &index)?;
        if !unchanged(&scan.racy, &index.inputs) {
            return None;
        }
        Some(CachedData {
            sources: index.sources,
            roles: index.roles,
            files: index.files,
            ladders: index.ladders,
            ladder_files: index.ladder_files,
            search: index.search,
            bodies: Bodies {
                file: Arc::new(self.file),
                offset: HEADER_LEN as u64 + index_len,
                len: bodies_len,
                hashes: index.body_hashes,
            },
        })
    }

    /// This very file's bytes (not whatever the path names by now), with
    /// the build time `now`: for a cache whose racy files [`Opened::read`]
    /// is about to check, so that they need no checking again. Sound
    /// because the check comes after this run's scan, which began at
    /// `now`. `None` if the file cannot be read whole.
    fn copy_stamped(&self, now: i128) -> Option<Vec<u8>> {
        let len = usize::try_from(self.total).ok()?;
        let mut bytes = Vec::with_capacity(len);
        let mut file = &self.file;
        file.seek(SeekFrom::Start(0)).ok()?;
        file.take(self.total).read_to_end(&mut bytes).ok()?;
        file.seek(SeekFrom::Start(HEADER_LEN as u64)).ok()?;
        if bytes.len() != len || bytes.get(..HEADER_LEN)? != self.header {
            return None;
        }
        bytes[BUILT_AT..BUILT_AT + 8].copy_from_slice(&stored_time(now).to_le_bytes());
        Some(bytes)
    }
}

/// Whether each racy file's bytes are those the cache was built from,
/// as the [`input_table`] `inputs` says. A file the cache does not list,
/// or lists twice under one name (names are stored as displayed, so two
/// names that are not UTF-8 can look alike), counts as changed.
fn unchanged(racy: &[PathBuf], inputs: &[u8]) -> bool {
    if racy.is_empty() {
        return true;
    }
    if inputs.len() % 16 != 0 {
        return false;
    }
    let mut stored: rustc_hash::FxHashMap<u64, Option<u64>> = Default::default();
    for pair in inputs.chunks_exact(16) {
        let name = u64_at(pair, 0);
        let hash = u64_at(pair, 8);
        stored
            .entry(name)
            .and_modify(|h| *h = None)
            .or_insert(Some(hash));
    }
    racy.iter().all(|path| {
        let name = checksum(path.display().to_string().as_bytes());
        let Some(Some(want)) = stored.get(&name) else {
            return false;
        };
        read_capped(path, crate::validate::MAX_FILE_BYTES)
            .is_ok_and(|bytes| checksum(&bytes) == *want)
    })
}

fn u64_at(header: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&header[i..i + 8]);
    u64::from_le_bytes(w)
}

/// The index and bodies lengths a header announces, if it is a header of
/// this format and key for a file of `total` bytes.
fn check_header(header: &[u8; HEADER_LEN], fingerprint: u64, total: u64) -> Option<(u64, u64)> {
    let format = u32::from_le_bytes([header[8], header[9], header[10], header[11]]);
    let (index_len, bodies_len) = (u64_at(header, 20), u64_at(header, 36));
    let fits = (HEADER_LEN as u64)
        .checked_add(index_len)?
        .checked_add(bodies_len)?
        == total;
    (&header[..8] == MAGIC && format == FORMAT && u64_at(header, 12) == fingerprint && fits)
        .then_some((index_len, bodies_len))
}

/// The index, if its checksum matches and it holds together.
fn decode_index(header: &[u8], index: &[u8]) -> Option<Index> {
    if u64_at(header, 28) != checksum(index) {
        return None;
    }
    let index: Index = postcard::from_bytes(index).ok()?;
    let n = index.roles.len();
    let whole = index.files.len() == n && index.body_hashes.len() == n && index.search.len() == n;
    (whole && index.ladder_files.len() == index.ladders.len()).then_some(index)
}

/// Checks a whole cache file's bytes and decodes them, bodies included
/// (for tests and tools; commands use [`load`]).
pub fn decode(bytes: &[u8], fingerprint: u64) -> Option<UserData> {
    let header: &[u8; HEADER_LEN] = bytes.get(..HEADER_LEN)?.try_into().ok()?;
    let (index_len, _) = check_header(header, fingerprint, bytes.len() as u64)?;
    let body_start = HEADER_LEN + usize::try_from(index_len).ok()?;
    let index = decode_index(header, bytes.get(HEADER_LEN..body_start)?)?;
    let bodies = &bytes[body_start..];
    let mut roles = Vec::with_capacity(index.roles.len());
    for (head, want) in index.roles.iter().zip(&index.body_hashes) {
        let (start, end) = head.body;
        let raw = bodies.get(usize::try_from(start).ok()?..usize::try_from(end).ok()?)?;
        if checksum(raw) != *want {
            return None;
        }
        roles.push(super::pack::decode(head, raw)?);
    }
    Some(UserData {
        sources: index.sources,
        roles,
        files: index.files,
        ladders: index.ladders,
        ladder_files: index.ladder_files,
        inputs: Vec::new(),
    })
}

/// The bytes of a cache file holding `data`, built by a run that started
/// at `built_at` (ns).
pub fn encode(data: &UserData, fingerprint: u64, built_at: i128) -> Option<Vec<u8>> {
    let (mut out, bodies) = encode_parts(data, fingerprint, built_at)?;
    out.extend_from_slice(&bodies);
    Some(out)
}

/// A time (ns) as the header stores it: clamped into `u64`.
fn stored_time(t: i128) -> u64 {
    t.clamp(0, i128::from(u64::MAX)) as u64
}

/// A cache file holding `data` in two parts: header and index, then the
/// bodies (written one after the other, not copied together). The search
/// index is built on a second thread while the roles are packed: on a
/// first run of 10,000 roles each takes tens of milliseconds.
fn encode_parts(data: &UserData, fingerprint: u64, built_at: i128) -> Option<(Vec<u8>, Vec<u8>)> {
    let (search, packed) = std::thread::scope(|scope| {
        let search = scope.spawn(|| SearchIndex::build(&data.roles));
        let packed = pack_with_hashes(&data.roles);
        (search.join().ok().flatten(), packed)
    });
    let (heads, bodies, body_hashes) = packed?;
    let index = Index {
        sources: data.sources.clone(),
        roles: heads,
        files: data.files.clone(),
        ladders: data.ladders.clone(),
        ladder_files: data.ladder_files.clone(),
        search: search?,
        body_hashes,
        inputs: input_table(&data.inputs),
    };
    let index = postcard::to_stdvec(&index).ok()?;
    let mut out = Vec::with_capacity(HEADER_LEN + index.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&fingerprint.to_le_bytes());
    out.extend_from_slice(&(index.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(&index).to_le_bytes());
    out.extend_from_slice(&(bodies.len() as u64).to_le_bytes());
    out.extend_from_slice(&stored_time(built_at).to_le_bytes());
    out.extend_from_slice(&index);
    Some((out, bodies))
}

/// The roles packed, with the checksum of each body.
fn pack_with_hashes(roles: &[Role]) -> Option<(Vec<RoleHead>, Vec<u8>, Vec<u64>)> {
    let (heads, bodies) = super::pack::pack(roles, false).ok()?;
    let hashes = heads
        .iter()
        .map(|h| {
            let range = usize::try_from(h.body.0).ok()?..usize::try_from(h.body.1).ok()?;
            Some(checksum(bodies.get(range)?))
        })
        .collect::<Option<Vec<u64>>>()?;
    Some((heads, bodies, hashes))
}

/// Writes `parts` one after the other to `dir/name`, atomically: to a
/// temporary file renamed into place. An error leaves no temporary file.
fn write_parts(dir: &Path, name: &str, parts: &[&[u8]]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    fs::create_dir_all(dir)?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    // Unique per process and call, and in the same directory as the
    // target so that the rename is atomic.
    let tmp = dir.join(format!(
        ".{name}.{}.{}.{nanos}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = fs::File::create_new(&tmp)
        .and_then(|mut f| parts.iter().try_for_each(|p| f.write_all(p)))
        .and_then(|()| fs::rename(&tmp, dir.join(name)));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Writes `data` to `dir/name` atomically, as built by a run that started
/// at `built_at`. Best effort: the cache is only an optimisation.
pub fn write(
    dir: &Path,
    name: &str,
    data: &UserData,
    fingerprint: u64,
    built_at: i128,
) -> std::io::Result<()> {
    let (head, bodies) = encode_parts(data, fingerprint, built_at)
        .ok_or_else(|| std::io::Error::other("the catalog does not encode"))?;
    write_parts(dir, name, &[&head, &bodies])
}

/// The user data loaded, and what the user should hear about the cache.
#[derive(Debug)]
pub struct Loaded {
    pub part: UserPart,
    /// Set when something that is not a regular file sits at the cache's
    /// path and could not be replaced: the program runs without a cache.
    pub notice: Option<String>,
}

/// The user data for `dirs`: from the cache when it is valid, else from
/// `build` (which reads and validates the files), storing the result.
/// Errors from `build` (invalid data) are returned and nothing is cached.
pub fn load<E>(
    dirs: &[PathBuf],
    bundle_id: u64,
    build: impl FnOnce() -> Result<UserData, E>,
) -> Result<Loaded, E> {
    load_at(dirs, bundle_id, &Clock::system(), build)
}

/// [`load`] with the clock given.
pub fn load_at<E>(
    dirs: &[PathBuf],
    bundle_id: u64,
    clock: &Clock,
    build: impl FnOnce() -> Result<UserData, E>,
) -> Result<Loaded, E> {
    let fresh = |data| Loaded {
        part: UserPart::Fresh(data),
        notice: None,
    };
    let (Some(dir), Some(name)) = (cache_dir(), file_name(dirs)) else {
        return build().map(fresh);
    };
    let path = dir.join(&name);
    let opened = Opened::open(&path);
    let racy_from = opened.as_ref().map(Opened::racy_from);
    let Some(scan) = scan(dirs, bundle_id, racy_from, clock) else {
        return build().map(fresh);
    };
    if let Some(opened) = opened {
        // Many racy files that have all aged past the margin since: stamp
        // the cache with this run's time once, rather than read them all
        // on every run.
        let restamp = scan.racy.len() > RESTAMP_ABOVE
            && scan.newest < clock.now - RACY_MARGIN_NS
            && opened.total <= max_cache_len(scan.bytes);
        let copy = restamp.then(|| opened.copy_stamped(clock.now)).flatten();
        if let Some(data) = opened.read(&scan) {
            if let Some(bytes) = copy {
                let _ = write_parts(&dir, &name, &[&bytes]);
            }
            return Ok(Loaded {
                part: UserPart::Cached(data),
                notice: None,
            });
        }
    }
    let data = build()?;
    let written = write(&dir, &name, &data, scan.fingerprint, clock.now);
    let blocked = written.is_err() && fs::metadata(&path).is_ok_and(|m| !m.is_file());
    Ok(Loaded {
        part: UserPart::Fresh(data),
        notice: blocked.then(|| {
            format!(
                "{} is not a regular file and could not be replaced; running without the cache",
                path.display()
            )
        }),
    })
}

/// Removes the cache file of `dirs`, after a body in it failed to
/// decode; best effort.
pub fn remove(dirs: &[PathBuf]) {
    if let (Some(dir), Some(name)) = (cache_dir(), file_name(dirs)) {
        let _ = fs::remove_file(dir.join(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> UserData {
        let catalog = crate::catalog::Catalog::bundled().expect("the bundle decodes");
        let roles: Vec<Role> = catalog.roles().map(|r| r.unwrap().clone()).collect();
        let ladder = crate::model::LadderFile {
            id: "own-ladder".into(),
            ladder: roles
                .iter()
                .find_map(|r| r.ladder.first())
                .expect("a bundled ladder")
                .clone(),
        };
        UserData {
            sources: catalog.sources.clone(),
            files: roles.iter().map(|r| format!("{}.toml", r.id)).collect(),
            inputs: vec![Input::of("a.toml", "a"), Input::of("b.toml", "b")],
            roles,
            ladders: vec![ladder],
            ladder_files: vec!["ladders/own-ladder.toml".into()],
        }
    }

    #[test]
    fn round_trips() {
        let data = sample();
        let bytes = encode(&data, 42, 7).expect("encodes");
        // The inputs are kept as checksums, for `unchanged` alone.
        let without_inputs = UserData {
            inputs: Vec::new(),
            ..data
        };
        assert_eq!(decode(&bytes, 42), Some(without_inputs));
    }

    #[test]
    fn rejects_another_fingerprint() {
        let bytes = encode(&sample(), 42, 7).expect("encodes");
        assert_eq!(decode(&bytes, 43), None);
    }

    #[test]
    fn rejects_every_truncation_and_extension() {
        let bytes = encode(&sample(), 7, 7).expect("encodes");
        for len in [
            0,
            1,
            8,
            HEADER_LEN - 1,
            HEADER_LEN,
            bytes.len() / 2,
            bytes.len() - 1,
        ] {
            assert_eq!(decode(&bytes[..len], 7), None, "truncated to {len}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer, 7), None);
    }

    #[test]
    fn rejects_a_flipped_bit_anywhere() {
        let bytes = encode(&sample(), 7, 7).expect("encodes");
        // Every byte of the header but the build time (a hint, checked
        // by nothing) and a spread of payload bytes.
        let positions = (0..BUILT_AT).chain((HEADER_LEN..bytes.len()).step_by(997));
        for i in positions {
            let mut bad = bytes.clone();
            bad[i] ^= 0x10;
            assert_eq!(decode(&bad, 7), None, "bit flipped at byte {i}");
        }
    }

    #[test]
    fn checksum_separates_lengths_and_words() {
        assert_ne!(checksum(b""), checksum(b"\0"));
        assert_ne!(checksum(b"abc"), checksum(b"abc\0"));
        let a = [0u8; 64];
        let mut b = a;
        b[40] = 1;
        assert_ne!(checksum(&a), checksum(&b));
        assert_eq!(checksum(b"careers"), checksum(b"careers"));
    }

    #[test]
    fn key_changes_with_a_file_and_not_without() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().to_path_buf();
        fs::write(dir.join("a.toml"), "x").expect("write");
        let k1 = key(std::slice::from_ref(&dir), 1).expect("key");
        assert_eq!(key(std::slice::from_ref(&dir), 1), Some(k1.clone()));
        assert_ne!(
            key(std::slice::from_ref(&dir), 2).map(|k| k.fingerprint),
            Some(k1.fingerprint),
            "another bundle"
        );
        fs::write(dir.join("b.toml"), "y").expect("write");
        let k2 = key(std::slice::from_ref(&dir), 1).expect("key");
        assert_eq!(k2.file_name, k1.file_name, "same directories, same file");
        assert_ne!(k2.fingerprint, k1.fingerprint, "a new file");
        fs::write(dir.join("notes.txt"), "not data").expect("write");
        assert_eq!(key(std::slice::from_ref(&dir), 1), Some(k2.clone()));
        fs::write(dir.join("c.TOML"), "z").expect("write");
        let k3 = key(std::slice::from_ref(&dir), 1).expect("key");
        assert_ne!(k3, k2, "a.TOML is data too");
        fs::write(dir.join("a.toml"), "z").expect("write");
        let k4 = key(std::slice::from_ref(&dir), 1).expect("key");
        assert_ne!(k4, k3, "same size, rewritten");
        // Ladder files are data too: a new one, and one rewritten.
        fs::create_dir(dir.join("ladders")).expect("mkdir");
        let k5 = key(std::slice::from_ref(&dir), 1).expect("key");
        assert_ne!(k5, k4, "a ladders folder");
        fs::write(dir.join("ladders").join("l.toml"), "a").expect("write");
        let k6 = key(std::slice::from_ref(&dir), 1).expect("key");
        assert_ne!(k6, k5, "a ladder file");
        fs::write(dir.join("ladders").join("l.toml"), "b").expect("write");
        assert_ne!(key(std::slice::from_ref(&dir), 1), Some(k6), "rewritten");
    }

    #[test]
    fn each_spelling_of_a_directory_has_its_own_file() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("d");
        fs::create_dir(&dir).expect("mkdir");
        let other = tmp.path().join(".").join("d");
        assert_ne!(
            file_name(std::slice::from_ref(&dir)),
            file_name(std::slice::from_ref(&other))
        );
        assert_eq!(file_name(std::slice::from_ref(&other)), file_name(&[other]));
    }

    #[test]
    fn no_key_for_a_missing_directory() {
        let tmp = tempfile::tempdir().expect("temp dir");
        assert_eq!(key(&[tmp.path().join("absent")], 1), None);
    }

    /// Tests that set `XDG_CACHE_HOME` take turns.
    fn env_lock() -> std::sync::MutexGuard<'static, ()> {
        static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
        LOCK.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn source(title: String) -> Source {
        Source {
            id: "s".into(),
            title,
            publisher: None,
            kind: "test".into(),
            date: None,
            url: None,
            note: None,
            cites: Vec::new(),
        }
    }

    /// The data of `dir/role.toml` through [`load_at`] with `clock`, built
    /// from the file's text as `Catalog::check_user` would: whether it
    /// came from the cache, and the text.
    fn load_text(dir: &Path, clock: &Clock) -> (bool, String) {
        let file = dir.join("role.toml");
        let loaded = load_at(&[dir.to_path_buf()], 1, clock, || {
            let text = fs::read_to_string(&file).map_err(|_| ())?;
            let shown = file.display().to_string();
            Ok::<_, ()>(UserData {
                inputs: vec![Input::of(&shown, &text)],
                // The text travels in a source's title: enough to see
                // which version a load returns.
                sources: vec![source(text)],
                ..UserData::default()
            })
        })
        .expect("loads");
        match loaded.part {
            UserPart::Fresh(d) => (false, d.sources[0].title.clone()),
            UserPart::Cached(d) => (true, d.sources[0].title.clone()),
        }
    }

    /// A file rewritten at the same size within one second of the cache,
    /// on a file system with 1-second timestamps (simulated: the clock
    /// rounds every timestamp down to the second), is read again rather
    /// than served stale; a file older than the margin is trusted.
    #[test]
    fn a_racily_clean_file_is_checked_by_content() {
        let _env = env_lock();
        let tmp = tempfile::tempdir().expect("temp dir");
        std::env::set_var("XDG_CACHE_HOME", tmp.path().join("cache"));
        let dir = tmp.path().join("data");
        fs::create_dir(&dir).expect("mkdir");
        let file = dir.join("role.toml");
        for attempt in 0.. {
            let second = |clock: &Clock| clock.stamp(Clock::system().now) / 1_000_000_000;
            let clock = Clock {
                granularity: 1_000_000_000,
                ..Clock::system()
            };
            let start = second(&clock);
            fs::write(&file, "old").expect("write");
            assert_eq!(load_text(&dir, &clock), (false, "old".into()), "builds");
            assert_eq!(load_text(&dir, &clock), (true, "old".into()), "reuses");
            // In place: same inode, same size, same (rounded) times.
            fs::write(&file, "new").expect("rewrite");
            let got = load_text(&dir, &clock);
            if second(&clock) != start {
                // The second turned meanwhile: the times differ anyway.
                assert!(attempt < 5, "the clock keeps turning over");
                continue;
            }
            assert_eq!(got, (false, "new".into()), "the racy file was read");
            assert_eq!(load_text(&dir, &clock), (true, "new".into()));
            break;
        }
        // Seen from 10 s later, nothing is racy: the stats alone decide.
        let later = Clock {
            now: Clock::system().now + 10_000_000_000,
            granularity: 1_000_000_000,
        };
        let (_, text) = load_text(&dir, &later);
        assert_eq!(load_text(&dir, &later), (true, text));
        std::env::remove_var("XDG_CACHE_HOME");
    }

    #[test]
    fn racy_files_are_those_not_older_than_the_threshold() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().to_path_buf();
        fs::write(dir.join("a.toml"), "x").expect("write");
        fs::write(dir.join("sources.toml"), "").expect("write");
        let clock = Clock::system();
        let dirs = [dir.clone()];
        let scan_from = |from| scan(&dirs, 1, Some(from), &clock).expect("scan");
        let all = scan_from(clock.now - RACY_MARGIN_NS);
        let mut racy = all.racy.clone();
        racy.sort();
        assert_eq!(racy, vec![dir.join("a.toml"), dir.join("sources.toml")]);
        assert!(all.newest <= clock.now && all.newest > clock.now - RACY_MARGIN_NS);
        assert_eq!(all.bytes, 1);
        assert!(scan_from(clock.now + RACY_MARGIN_NS).racy.is_empty());
        assert_eq!(
            scan(&dirs, 1, None, &clock).expect("scan").racy,
            Vec::<PathBuf>::new()
        );
    }

    #[test]
    fn unchanged_compares_content_and_distrusts_lookalike_names() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let path = tmp.path().join("a.toml");
        fs::write(&path, "same").expect("write");
        let name = path.display().to_string();
        let table = |inputs: &[Input]| input_table(inputs);
        let racy = std::slice::from_ref(&path);
        assert!(unchanged(racy, &table(&[Input::of(&name, "same")])));
        assert!(!unchanged(racy, &table(&[Input::of(&name, "else")])));
        assert!(!unchanged(racy, &table(&[])), "unknown to the cache");
        let twice = [Input::of(&name, "same"), Input::of(&name, "same")];
        assert!(!unchanged(racy, &table(&twice)), "ambiguous name");
    }

    /// A header may claim any length; nothing is allocated or read past
    /// what the file and the data allow.
    #[test]
    fn a_forged_length_is_refused_before_allocating() {
        let _env = env_lock();
        let tmp = tempfile::tempdir().expect("temp dir");
        let home = tmp.path().join("cache");
        std::env::set_var("XDG_CACHE_HOME", &home);
        let dir = tmp.path().join("data");
        fs::create_dir(&dir).expect("mkdir");
        fs::write(dir.join("role.toml"), "text").expect("write");
        let clock = Clock::system();
        assert!(!load_text(&dir, &clock).0);
        let path = home
            .join("careers")
            .join(file_name(std::slice::from_ref(&dir)).expect("name"));
        let good = fs::read(&path).expect("cache written");
        // The index claims 1 TiB and the file is made that long (sparse),
        // so that lengths and size agree.
        let mut bad = good.clone();
        bad[20..28].copy_from_slice(&(1u64 << 40).to_le_bytes());
        bad[36..44].copy_from_slice(&0u64.to_le_bytes());
        fs::write(&path, &bad).expect("forge");
        let sparse = fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .expect("open");
        if sparse.set_len(HEADER_LEN as u64 + (1 << 40)).is_ok() {
            let started = std::time::Instant::now();
            assert_eq!(load_text(&dir, &clock), (false, "text".into()));
            assert!(started.elapsed() < std::time::Duration::from_secs(5));
            assert_eq!(fs::read(&path).expect("rebuilt").len(), good.len());
        }
        std::env::remove_var("XDG_CACHE_HOME");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_at_the_cache_path_is_replaced_without_blocking() {
        let _env = env_lock();
        let tmp = tempfile::tempdir().expect("temp dir");
        let home = tmp.path().join("cache");
        std::env::set_var("XDG_CACHE_HOME", &home);
        let dir = tmp.path().join("data");
        fs::create_dir(&dir).expect("mkdir");
        fs::write(dir.join("role.toml"), "text").expect("write");
        fs::create_dir_all(home.join("careers")).expect("mkdir");
        let path = home
            .join("careers")
            .join(file_name(std::slice::from_ref(&dir)).expect("name"));
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            assert_eq!(load_text(&dir, &Clock::system()), (false, "text".into()));
            assert!(fs::metadata(&path).expect("replaced").is_file());
        }
        // A directory cannot be replaced: said once, and the data loads.
        fs::remove_file(&path).expect("remove");
        fs::create_dir(&path).expect("mkdir");
        let loaded = load_at(std::slice::from_ref(&dir), 1, &Clock::system(), || {
            Ok::<_, ()>(UserData::default())
        })
        .expect("loads");
        assert!(matches!(loaded.part, UserPart::Fresh(_)));
        let notice = loaded.notice.expect("a notice");
        assert!(notice.contains("could not be replaced"), "{notice}");
        std::env::remove_var("XDG_CACHE_HOME");
    }
}
