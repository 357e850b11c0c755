//! A compiled cache of the user data directories.
//!
//! Parsing and validating thousands of TOML role files costs far more
//! than a command itself, so the validated result is kept in the user
//! cache directory (`$XDG_CACHE_HOME/careers`, else `~/.cache/careers`)
//! and reused while nothing it was built from has changed.
//!
//! The file is a header, an index and the role bodies. The index (postcard:
//! sources, each role's head and file, the search index, a checksum per
//! body) is read whole; a body is read and decoded only when a command
//! uses that role, so a search over 10,000 cached roles reads the bodies
//! of the hits it prints and nothing more.
//!
//! The key covers the program (version and executable), the bundled
//! catalog (user roles are checked against it), and every data file's
//! path, size, modification and change times and inode. Computing it lists
//! the directories and stats the files without reading any of them.
//!
//! The cache is never trusted: a file whose magic, format, key, length,
//! checksum or contents do not check out is rebuilt; a body whose checksum
//! fails when it is read is reported ([`crate::catalog::Catalog::damage`]). It is written to a
//! temporary file and renamed into place, so a reader (or a second writer
//! racing this one) sees either the old file or a complete new one. When
//! it cannot be read or written the program goes on without it.

use crate::model::{Role, RoleHead, Source};
use crate::searchable::SearchIndex;
use serde::{Deserialize, Serialize};
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// What the user data directories contribute, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct UserData {
    pub sources: Vec<Source>,
    pub roles: Vec<Role>,
    /// The file each role was read from, parallel to `roles`.
    pub files: Vec<String>,
}

/// The user data as the cache holds it: roles by their heads, bodies
/// read on demand.
#[derive(Debug, Clone)]
pub struct CachedData {
    pub sources: Vec<Source>,
    pub roles: Vec<RoleHead>,
    /// The file each role was read from, parallel to `roles`.
    pub files: Vec<String>,
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
    search: SearchIndex,
    /// [`hash64`] of each role's body, parallel to `roles`.
    body_hashes: Vec<u64>,
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
        if hash64(&bytes) != *self.hashes.get(i)? {
            return None;
        }
        super::pack::decode(head, &bytes)
    }
}

const MAGIC: &[u8; 8] = b"careers\x01";
/// Bumped whenever the layout below or the way the key is made changes.
const FORMAT: u32 = 5;
/// magic, format (u32), key, index length, index checksum, bodies length
/// (u64 each).
const HEADER_LEN: usize = 8 + 4 + 8 + 8 + 8 + 8;

/// Where cache files live: `$XDG_CACHE_HOME/careers`, or
/// `$HOME/.cache/careers`. The XDG spec says to ignore a relative
/// `XDG_CACHE_HOME`; with neither variable usable there is no cache.
pub fn cache_dir() -> Option<PathBuf> {
    let absolute = |v: std::ffi::OsString| {
        let p = PathBuf::from(v);
        p.is_absolute().then_some(p)
    };
    std::env::var_os("XDG_CACHE_HOME")
        .and_then(absolute)
        .or_else(|| {
            std::env::var_os("HOME")
                .and_then(absolute)
                .map(|h| h.join(".cache"))
        })
        .map(|d| d.join("careers"))
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

/// The key for `dirs` on top of the bundled catalog identified by
/// `bundle_id`, or `None` when a directory cannot be listed as the loader
/// would list it: the uncached load then reports the problem.
pub fn key(dirs: &[PathBuf], bundle_id: u64) -> Option<Key> {
    let mut place = KeyBytes::default();
    place.str(env!("CARGO_PKG_VERSION"));
    let mut material = KeyBytes::default();
    material.u64(u64::from(FORMAT));
    material.str(env!("CARGO_PKG_VERSION"));
    // A rebuilt binary may decode differently even at the same version.
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| fs::metadata(p).ok())
    {
        material.meta(&meta);
    }
    material.u64(bundle_id);
    material.u64(dirs.len() as u64);
    for dir in dirs {
        let canonical = fs::canonicalize(dir).ok()?;
        place.os(canonical.as_os_str());
        // Origins are shown as the directory was given, so the spelling
        // matters as well as the place.
        material.os(dir.as_os_str());
        material.os(canonical.as_os_str());
        fingerprint_dir(dir, &mut material)?;
    }
    Some(Key {
        file_name: format!("catalog-{:016x}.bin", hash64(&place.0)),
        fingerprint: hash64(&material.0),
    })
}

/// Adds the files `catalog::user::read_dir_files` would read in `dir`,
/// with their metadata, in the order it reads them.
fn fingerprint_dir(dir: &Path, out: &mut KeyBytes) -> Option<()> {
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
    match fs::metadata(dir.join("sources.toml")) {
        Ok(meta) => {
            out.u64(1);
            out.meta(&meta);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.u64(0),
        Err(_) => return None,
    }
    let mut listed = Vec::new();
    for entry in fs::read_dir(&listing_dir).ok()? {
        let entry = entry.ok()?;
        let name = entry.file_name();
        let is_toml = is_toml_name(&name);
        if is_toml && (in_roles || name != "sources.toml") {
            listed.push((name, entry));
        }
    }
    out.u64(listed.len() as u64);
    // The sum of one hash per file: the same whatever order the directory
    // lists them in, so 10,000 names need no sorting.
    let files = stat_all(listed)?;
    out.u64(files.iter().fold(0u64, |sum, h| sum.wrapping_add(*h)));
    Some(())
}

/// Whether a file name has the extension `toml`, as `Path::extension`
/// says (`a.toml`, `..toml`; not `.toml`, a hidden file without one),
/// from its bytes: parsing 10,000 names as paths showed in profiles.
fn is_toml_name(name: &OsStr) -> bool {
    let b = name.as_encoded_bytes();
    b.len() > ".toml".len() && b.ends_with(b".toml")
}

/// One file's name and metadata, hashed; `scratch` is reused from file
/// to file.
fn file_hash(name: &OsStr, meta: &fs::Metadata, scratch: &mut KeyBytes) -> u64 {
    scratch.0.clear();
    scratch.os(name);
    scratch.meta(meta);
    hash64(&scratch.0)
}

/// The [`file_hash`] of each listed file, following symbolic links as
/// the loader's reads do; `None` if any is not a readable regular file
/// (the loader reports those). A stat costs microseconds in a VM, so
/// thousands are shared among the cores.
fn stat_all(listed: Vec<(OsString, fs::DirEntry)>) -> Option<Vec<u64>> {
    fn stat(part: Vec<(OsString, fs::DirEntry)>) -> Option<Vec<u64>> {
        let mut scratch = KeyBytes::default();
        part.into_iter()
            .map(|(name, entry)| {
                // Relative to the directory's handle: no path walk per file.
                let meta = match entry.file_type().ok()?.is_symlink() {
                    true => fs::metadata(entry.path()).ok()?,
                    false => entry.metadata().ok()?,
                };
                meta.is_file()
                    .then(|| file_hash(&name, &meta, &mut scratch))
            })
            .collect()
    }
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
            .map(|part| scope.spawn(move || stat(part)))
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
    fn meta(&mut self, meta: &fs::Metadata) {
        self.u64(meta.len());
        let nanos = |t: std::io::Result<std::time::SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as u64)
        };
        self.u64(nanos(meta.modified()));
        #[cfg(unix)]
        {
            // The change time moves on every write, even one that restores
            // the size and modification time.
            use std::os::unix::fs::MetadataExt;
            self.u64(meta.ino());
            self.u64(meta.dev());
            self.u64(meta.ctime() as u64);
            self.u64(meta.ctime_nsec() as u64);
        }
    }
}

/// A fast 64-bit hash for keys and checksums (not cryptographic: it
/// guards against accidents such as truncation, torn writes and stale
/// files, not against someone forging the user's own cache).
///
/// Four lanes over 32-byte blocks. Each step (xor a word, multiply by an
/// odd constant, rotate) is a bijection of the lane, so changing any one
/// word always changes the result.
pub fn hash64(bytes: &[u8]) -> u64 {
    const P: [u64; 4] = [
        0x9e37_79b9_7f4a_7c15,
        0xc2b2_ae3d_27d4_eb4f,
        0x1656_67b1_9e37_79f9,
        0x85eb_ca77_c2b2_ae63,
    ];
    let word = |b: &[u8]| {
        let mut w = [0u8; 8];
        w[..b.len()].copy_from_slice(b);
        u64::from_le_bytes(w)
    };
    let mut lanes = [P[0] ^ bytes.len() as u64, P[1], P[2], P[3]];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (i, lane) in lanes.iter_mut().enumerate() {
            let w = word(&block[i * 8..i * 8 + 8]);
            *lane = (*lane ^ w).wrapping_mul(P[i]).rotate_left(29);
        }
    }
    for (i, chunk) in blocks.remainder().chunks(8).enumerate() {
        // The chunk's length too: a short last word is not a zero-padded one.
        let w = word(chunk) ^ ((chunk.len() as u64) << 59);
        lanes[i] = (lanes[i] ^ w).wrapping_mul(P[i]).rotate_left(29);
    }
    let mut h = lanes[0]
        .rotate_left(1)
        .wrapping_add(lanes[1].rotate_left(7))
        .wrapping_add(lanes[2].rotate_left(12))
        .wrapping_add(lanes[3].rotate_left(18));
    // splitmix64's finaliser spreads every bit over the result.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The cached data in `path`, if it is complete, intact and built for
/// `fingerprint`; `None` for anything else. Reads the header and the
/// index; the bodies stay in the file.
pub fn read(path: &Path, fingerprint: u64) -> Option<CachedData> {
    let mut file = fs::File::open(path).ok()?;
    let total = file.metadata().ok()?.len();
    let mut header = [0u8; HEADER_LEN];
    file.read_exact(&mut header).ok()?;
    let (index_len, bodies_len) = check_header(&header, fingerprint, total)?;
    let mut index = vec![0; usize::try_from(index_len).ok()?];
    file.read_exact(&mut index).ok()?;
    let index = decode_index(&header, &index)?;
    Some(CachedData {
        sources: index.sources,
        roles: index.roles,
        files: index.files,
        search: index.search,
        bodies: Bodies {
            file: Arc::new(file),
            offset: HEADER_LEN as u64 + index_len,
            len: bodies_len,
            hashes: index.body_hashes,
        },
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
    if u64_at(header, 28) != hash64(index) {
        return None;
    }
    let index: Index = postcard::from_bytes(index).ok()?;
    let n = index.roles.len();
    (index.files.len() == n && index.body_hashes.len() == n && index.search.len() == n)
        .then_some(index)
}

/// Checks a whole cache file's bytes and decodes them, bodies included
/// (for tests and tools; commands use [`read`]).
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
        if hash64(raw) != *want {
            return None;
        }
        roles.push(super::pack::decode(head, raw)?);
    }
    Some(UserData {
        sources: index.sources,
        roles,
        files: index.files,
    })
}

/// The bytes of a cache file holding `data`.
pub fn encode(data: &UserData, fingerprint: u64) -> Option<Vec<u8>> {
    let (mut out, bodies) = encode_parts(data, fingerprint)?;
    out.extend_from_slice(&bodies);
    Some(out)
}

/// A cache file holding `data` in two parts: header and index, then the
/// bodies (written one after the other, not copied together). The search
/// index is built on a second thread while the roles are packed: on a
/// first run of 10,000 roles each takes tens of milliseconds.
fn encode_parts(data: &UserData, fingerprint: u64) -> Option<(Vec<u8>, Vec<u8>)> {
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
        search: search?,
        body_hashes,
    };
    let index = postcard::to_stdvec(&index).ok()?;
    let mut out = Vec::with_capacity(HEADER_LEN + index.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&fingerprint.to_le_bytes());
    out.extend_from_slice(&(index.len() as u64).to_le_bytes());
    out.extend_from_slice(&hash64(&index).to_le_bytes());
    out.extend_from_slice(&(bodies.len() as u64).to_le_bytes());
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
            Some(hash64(bodies.get(range)?))
        })
        .collect::<Option<Vec<u64>>>()?;
    Some((heads, bodies, hashes))
}

/// Writes `data` to `dir/name` atomically. Best effort: an error leaves
/// no temporary file behind and is otherwise ignored, since the cache is
/// only an optimisation.
pub fn write(dir: &Path, name: &str, data: &UserData, fingerprint: u64) {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let Some((head, bodies)) = encode_parts(data, fingerprint) else {
        return;
    };
    if fs::create_dir_all(dir).is_err() {
        return;
    }
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
        .and_then(|mut f| f.write_all(&head).and_then(|()| f.write_all(&bodies)))
        .and_then(|()| fs::rename(&tmp, dir.join(name)));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

/// The user data for `dirs`: from the cache when it is valid, else from
/// `build` (which reads and validates the files), storing the result.
/// Errors from `build` (invalid data) are returned and nothing is cached.
pub fn load<E>(
    dirs: &[PathBuf],
    bundle_id: u64,
    build: impl FnOnce() -> Result<UserData, E>,
) -> Result<UserPart, E> {
    let (Some(dir), Some(key)) = (cache_dir(), key(dirs, bundle_id)) else {
        return build().map(UserPart::Fresh);
    };
    let path = dir.join(&key.file_name);
    if let Some(data) = read(&path, key.fingerprint) {
        return Ok(UserPart::Cached(data));
    }
    let data = build()?;
    write(&dir, &key.file_name, &data, key.fingerprint);
    Ok(UserPart::Fresh(data))
}

/// Removes the cache file of `dirs`, after a body in it failed to
/// decode; best effort.
pub fn remove(dirs: &[PathBuf], bundle_id: u64) {
    if let (Some(dir), Some(key)) = (cache_dir(), key(dirs, bundle_id)) {
        let _ = fs::remove_file(dir.join(key.file_name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> UserData {
        let catalog = crate::catalog::Catalog::bundled().expect("the bundle decodes");
        let roles: Vec<Role> = catalog.roles().map(|r| r.unwrap().clone()).collect();
        UserData {
            sources: catalog.sources.clone(),
            files: roles.iter().map(|r| format!("{}.toml", r.id)).collect(),
            roles,
        }
    }

    #[test]
    fn round_trips() {
        let data = sample();
        let bytes = encode(&data, 42).expect("encodes");
        assert_eq!(decode(&bytes, 42), Some(data));
    }

    #[test]
    fn rejects_another_fingerprint() {
        let bytes = encode(&sample(), 42).expect("encodes");
        assert_eq!(decode(&bytes, 43), None);
    }

    #[test]
    fn rejects_every_truncation_and_extension() {
        let bytes = encode(&sample(), 7).expect("encodes");
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
        let bytes = encode(&sample(), 7).expect("encodes");
        // Every byte of the header and a spread of payload bytes.
        let positions = (0..HEADER_LEN).chain((HEADER_LEN..bytes.len()).step_by(997));
        for i in positions {
            let mut bad = bytes.clone();
            bad[i] ^= 0x10;
            assert_eq!(decode(&bad, 7), None, "bit flipped at byte {i}");
        }
    }

    #[test]
    fn hash_separates_lengths_and_words() {
        assert_ne!(hash64(b""), hash64(b"\0"));
        assert_ne!(hash64(b"abc"), hash64(b"abc\0"));
        let a = [0u8; 64];
        let mut b = a;
        b[40] = 1;
        assert_ne!(hash64(&a), hash64(&b));
        assert_eq!(hash64(b"careers"), hash64(b"careers"));
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
        fs::write(dir.join("a.toml"), "z").expect("write");
        assert_ne!(
            key(std::slice::from_ref(&dir), 1),
            Some(k2),
            "same size, rewritten"
        );
    }

    #[test]
    fn toml_names_as_path_extension_says() {
        for name in [
            "a.toml",
            "..toml",
            ".toml",
            "toml",
            "a.TOML",
            "a.toml.bak",
            "a.b.toml",
            "a.",
            ".a.toml",
        ] {
            let want = Path::new(name).extension().is_some_and(|x| x == "toml");
            assert_eq!(is_toml_name(OsStr::new(name)), want, "{name}");
        }
    }

    #[test]
    fn no_key_for_a_missing_directory() {
        let tmp = tempfile::tempdir().expect("temp dir");
        assert_eq!(key(&[tmp.path().join("absent")], 1), None);
    }
}
