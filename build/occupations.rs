//! Compiles the BLS Employment Projections and O*NET tables under
//! `data/occupations/` into the binary (see `src/official/`):
//!
//! - `official_data.rs`: the small tables as static Rust data (projections,
//!   skills, the crosswalk, the O*NET codes and titles, the index heads);
//! - `official-blocks.bin`: one zstd frame per OEWS occupation with its
//!   text (descriptions, tasks, knowledge, technology, related codes,
//!   alternate and sample titles; `src/official/format.rs`), compressed
//!   against a dictionary trained on the blocks (`official-blocks.dict`);
//! - `official-titles.bin` and `official-words.bin`: the title index, in
//!   chunks of sorted normalized titles and of words, each a zstd frame
//!   against `official-index.dict`; `official-hits.bin`: the postings.
//!
//! Parsing is strict (build/occupations_parse.rs). Each input is read once;
//! when neither the inputs nor this code changed since the last build,
//! nothing is redone (the stamp).
//!
//! Why zstd with trained dictionaries: measured on the 830 blocks (3.92 MB
//! of text) and on the title chunks, decoding each on its own,
//!
//! | codec | blocks | per block | title chunks |
//! |---|---:|---:|---:|
//! | lz4_flex | 2.32 MB | 2 µs | 0.86 MB |
//! | lz4_flex, 64 KB dictionary | 1.83 MB | 3 µs | 0.80 MB |
//! | miniz_oxide level 10 | 1.50 MB | 18 µs | 0.51 MB |
//! | zstd -19, ruzstd decoding | 1.48 MB | 27 µs | 0.51 MB |
//! | zstd -19, 64 KB dictionary (16 KB for titles) | 1.07 MB | 36 µs | 0.44 MB |
//!
//! (sizes include the dictionary; per block with the dictionary parsed
//! for each frame). Smallest by 0.4 MB; the decode time is paid for the
//! one occupation shown.

use careers_data::names::normalize_name;
use careers_data::official::{categories, codec, format, parse};
use format::{RawBlock, RawOnet, RawTask, TitleEntry, WordEntry};
use parse::{Problem, Result, Tables};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::Path;

const DIR: &str = "data/occupations";
/// The files under `DIR` the tables are built from.
const INPUTS: [&str; 10] = [
    "projections.tsv",
    "sample_titles.tsv.zst",
    "onet_occupations.tsv.zst",
    "onet_alt_titles.tsv.zst",
    "onet_skills.tsv.zst",
    "onet_knowledge.tsv.zst",
    "onet_technology.tsv.zst",
    "onet_related.tsv.zst",
    "onet_tasks.tsv.zst",
    "soc_crosswalk.tsv",
];
// (The format and parser in crates/careers-data, a build-dependency,
// rerun the build script without being named.)
const CODE: [&str; 3] = [
    "build/occupations.rs",
    "build/routes.rs",
    "build/official_search.rs",
];
/// Entries per title index chunk, and words per word index chunk: a
/// lookup decompresses one chunk (a few kB).
const TITLES_PER_CHUNK: usize = 64;
const WORDS_PER_CHUNK: usize = 128;
/// zstd's strongest regular level: compression happens once per build.
const LEVEL: i32 = 19;
/// Dictionary sizes, picked by measurement: 110 KB gained nothing over
/// 64 KB for the blocks; 16 KB did best for the title chunks.
const BLOCK_DICT_SIZE: usize = 64 << 10;
const INDEX_DICT_SIZE: usize = 16 << 10;

/// Bits of a posting: the occupation's block index, then the title kinds.
const HIT_KIND_SHIFT: u32 = 10;
const KIND_ONET_TITLE: u16 = 1;
const KIND_ALT_TITLE: u16 = 2;
const KIND_SAMPLE_TITLE: u16 = 4;

/// Builds the occupation data into `out`; exits the build with a message
/// on any problem.
pub fn build(root: &Path, out: &Path) {
    for input in INPUTS {
        println!("cargo:rerun-if-changed={DIR}/{input}");
    }
    for code in CODE {
        println!("cargo:rerun-if-changed={code}");
    }
    if let Err(Problem(message)) = run(root, out) {
        eprintln!("error: the bundled occupation data: {message}");
        std::process::exit(1);
    }
}

fn run(root: &Path, out: &Path) -> Result<()> {
    // One read of each input: hashed for the stamp, then parsed from the
    // same bytes when the stamp is stale.
    let mut raw: Vec<(&str, Vec<u8>)> = Vec::with_capacity(INPUTS.len());
    for name in INPUTS {
        let file = format!("{DIR}/{name}");
        let bytes = std::fs::read(root.join(&file)).map_err(|e| Problem(format!("{file}: {e}")))?;
        raw.push((name, bytes));
    }
    let key = stamp_key(&raw);
    let stamp = out.join("official.stamp");
    let outputs = [
        "official_data.rs",
        "official-blocks.bin",
        "official-blocks.dict",
        "official-titles.bin",
        "official-words.bin",
        "official-hits.bin",
        "official-index.dict",
        "routes_data.rs",
        "official-search.bin",
    ];
    let fresh = std::fs::read_to_string(&stamp).is_ok_and(|s| s == key)
        && outputs.iter().all(|o| out.join(o).is_file());
    if fresh {
        return Ok(());
    }
    let mut texts: HashMap<&str, String> = HashMap::new();
    for (name, bytes) in raw {
        let plain = name.strip_suffix(".zst").unwrap_or(name);
        texts.insert(plain, decode_input(name, bytes)?);
    }
    let tables = parse::parse_all(&texts).map_err(|Problem(m)| Problem(format!("{DIR}/{m}")))?;
    compile(&tables, out)?;
    write(out, "official.stamp", key.as_bytes())
}

/// A digest of the inputs as stored and of the code that encodes them.
fn stamp_key(raw: &[(&str, Vec<u8>)]) -> String {
    use std::hash::{DefaultHasher, Hasher};
    let mut h = DefaultHasher::new();
    for (name, bytes) in raw {
        h.write(name.as_bytes());
        h.write_usize(bytes.len());
        h.write(bytes);
    }
    for code in [
        include_str!("occupations.rs"),
        include_str!("routes.rs"),
        include_str!("official_search.rs"),
        include_str!("../crates/careers-data/src/searchable/mod.rs"),
        include_str!("../crates/careers-data/src/searchable/official.rs"),
    ]
    .into_iter()
    .chain(careers_data::official::ENCODER_CODE.iter().copied())
    {
        h.write(code.as_bytes());
    }
    format!("{:016x}", h.finish())
}

fn decode_input(name: &str, bytes: Vec<u8>) -> Result<String> {
    let file = format!("{DIR}/{name}");
    let bytes = if name.ends_with(".zst") {
        let mut decoder = ruzstd::decoding::StreamingDecoder::new(bytes.as_slice())
            .map_err(|e| Problem(format!("{file}: not zstd: {e}")))?;
        let mut plain = Vec::new();
        decoder
            .read_to_end(&mut plain)
            .map_err(|e| Problem(format!("{file}: {e}")))?;
        plain
    } else {
        bytes
    };
    String::from_utf8(bytes).map_err(|e| Problem(format!("{file}: not UTF-8: {e}")))
}

fn write(out: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let path = out.join(name);
    std::fs::write(&path, bytes).map_err(|e| Problem(format!("{}: {e}", path.display())))
}

/// The OEWS occupations, in code order: each one's position is its block.
fn oews_codes(t: &Tables) -> Vec<&str> {
    let mut codes: Vec<&str> = t
        .crosswalk
        .iter()
        .filter(|c| c.in_oews)
        .map(|c| c.soc.as_str())
        .collect();
    codes.dedup();
    codes
}

fn compile(t: &Tables, out: &Path) -> Result<()> {
    let oews = oews_codes(t);
    if oews.len() >= 1 << HIT_KIND_SHIFT {
        return Err(Problem(format!(
            "{} occupations do not fit a posting",
            oews.len()
        )));
    }
    let raw = blocks(t, &oews);
    let blocks: Vec<Vec<u8>> = raw.iter().map(format::encode_block).collect();
    for ((soc, raw), bytes) in oews.iter().zip(&raw).zip(&blocks) {
        if format::decode_block(bytes).as_ref() != Some(raw) {
            return Err(Problem(format!(
                "{soc} does not survive encoding (a bug in src/official/format.rs)"
            )));
        }
    }
    let (blocks_bin, block_offsets, block_dict) = compress_all(&blocks, BLOCK_DICT_SIZE)?;

    let (keys, titles, hits) = title_entries(t, &oews)?;
    let words = word_entries(&keys);
    let title_chunks: Vec<Vec<u8>> = titles
        .chunks(TITLES_PER_CHUNK)
        .map(format::encode_titles)
        .collect();
    let word_chunks: Vec<Vec<u8>> = words
        .chunks(WORDS_PER_CHUNK)
        .map(format::encode_words)
        .collect();
    let index_samples: Vec<Vec<u8>> = title_chunks.iter().chain(&word_chunks).cloned().collect();
    let index_dict = train(&index_samples, INDEX_DICT_SIZE)?;
    let (titles_bin, title_offsets) = compress_with(&title_chunks, index_dict)?;
    let (words_bin, word_offsets) = compress_with(&word_chunks, index_dict)?;
    let hits_bin: Vec<u8> = hits.iter().flat_map(|h| h.to_le_bytes()).collect();

    let mut s = String::from(
        "// Generated by build/occupations.rs from data/occupations; do not edit.\n\n",
    );
    generate_tables(&mut s, t, &oews);
    let _ = writeln!(s, "pub(super) static BLOCK_FRAMES: Frames = Frames {{");
    frames(&mut s, "official-blocks", &block_offsets, &blocks);
    s.push_str("};\n\n");
    let mut hit_base = vec![0u32];
    for c in titles.chunks(TITLES_PER_CHUNK) {
        let last = hit_base.last().copied().unwrap_or(0);
        hit_base.push(last + c.iter().map(|e| e.hits).sum::<u32>());
    }
    let _ = writeln!(
        s,
        "pub(super) const TITLES_PER_CHUNK: usize = {TITLES_PER_CHUNK};\n\
         pub(super) const TITLE_COUNT: usize = {};\n\
         /// Where each title chunk's postings start in `HITS`.\n\
         pub(super) static TITLE_HIT_BASE: [u32; {}] = {hit_base:?};\n\
         pub(super) static HITS: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/official-hits.bin\"));\n\
         pub(super) const HIT_KIND_SHIFT: u32 = {HIT_KIND_SHIFT};\n\
         /// The first normalized title of each title chunk.",
        titles.len(),
        hit_base.len(),
    );
    strs(
        &mut s,
        "TITLE_HEADS",
        keys.chunks(TITLES_PER_CHUNK).map(|c| c[0].as_str()),
    );
    s.push_str("/// The first word of each word chunk.\n");
    strs(
        &mut s,
        "WORD_HEADS",
        words.chunks(WORDS_PER_CHUNK).map(|c| c[0].word.as_str()),
    );
    let _ = writeln!(s, "pub(super) static TITLE_FRAMES: Frames = Frames {{");
    frames(&mut s, "official-titles", &title_offsets, &title_chunks);
    s.push_str("};\n\n");
    let _ = writeln!(s, "pub(super) static WORD_FRAMES: Frames = Frames {{");
    frames(&mut s, "official-words", &word_offsets, &word_chunks);
    s.push_str("};\n");

    write(out, "official-blocks.bin", &blocks_bin)?;
    write(out, "official-blocks.dict", block_dict)?;
    write(out, "official-titles.bin", &titles_bin)?;
    write(out, "official-words.bin", &words_bin)?;
    write(out, "official-hits.bin", &hits_bin)?;
    write(out, "official-index.dict", index_dict)?;
    write(
        out,
        "routes_data.rs",
        crate::routes::generate(t, &oews).as_bytes(),
    )?;
    write(
        out,
        "official-search.bin",
        &crate::official_search::index(t, &raw)?,
    )?;
    write(out, "official_data.rs", s.as_bytes())
}

/// A `Strs` static named `name` holding `items`.
fn strs<'a>(s: &mut String, name: &str, items: impl Iterator<Item = &'a str>) {
    let mut text = String::new();
    let mut ends = Vec::new();
    for item in items {
        text.push_str(item);
        ends.push(text.len() as u32);
    }
    let _ = writeln!(
        s,
        "pub(super) static {name}: Strs = Strs {{ text: {text:?}, ends: &{ends:?} }};\n"
    );
}

/// The fields of a `Frames` value: where each frame starts, its size
/// decompressed, and the files of the frames and of their dictionary.
fn frames(s: &mut String, name: &str, offsets: &[u32], plain: &[Vec<u8>]) {
    let sizes: Vec<u32> = plain.iter().map(|p| p.len() as u32).collect();
    let dict = if name == "official-blocks" {
        "official-blocks.dict"
    } else {
        "official-index.dict"
    };
    let _ = writeln!(
        s,
        "    offsets: &{offsets:?},\n    sizes: &{sizes:?},\n    \
         bytes: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}.bin\")),\n    \
         dict: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{dict}\")),"
    );
}

/// A zstd dictionary of `size` bytes trained on `samples`. Leaked: the
/// decoder caches its parsed dictionaries by address, which must then
/// never be reused (a build script ends soon anyway).
fn train(samples: &[Vec<u8>], size: usize) -> Result<&'static [u8]> {
    let dict = zstd::dict::from_samples(samples, size)
        .map_err(|e| Problem(format!("training a zstd dictionary: {e}")))?;
    Ok(Box::leak(dict.into_boxed_slice()))
}

/// Compresses every item against a dictionary trained on them all.
fn compress_all(items: &[Vec<u8>], dict_size: usize) -> Result<(Vec<u8>, Vec<u32>, &'static [u8])> {
    let dict = train(items, dict_size)?;
    let (bin, offsets) = compress_with(items, dict)?;
    Ok((bin, offsets, dict))
}

/// The items' frames end to end, and where each starts (one more offset
/// than items); every frame is decoded back with the program's decoder.
fn compress_with(items: &[Vec<u8>], dict: &'static [u8]) -> Result<(Vec<u8>, Vec<u32>)> {
    let fail = |e: std::io::Error| Problem(format!("zstd: {e}"));
    let mut z = zstd::bulk::Compressor::with_dictionary(LEVEL, dict).map_err(fail)?;
    z.include_checksum(false).map_err(fail)?;
    z.include_contentsize(true).map_err(fail)?;
    z.include_dictid(true).map_err(fail)?;
    let mut bin = Vec::new();
    let mut offsets = vec![0u32];
    for item in items {
        let frame = z.compress(item).map_err(fail)?;
        if codec::decompress(&frame, dict, item.len()).as_deref() != Some(item.as_slice()) {
            return Err(Problem(
                "a frame does not decode back (src/official/codec.rs)".into(),
            ));
        }
        bin.extend_from_slice(&frame);
        offsets.push(u32::try_from(bin.len()).map_err(|_| Problem("over 4 GiB".into()))?);
    }
    Ok((bin, offsets))
}

/// The text of each OEWS occupation, for its block.
fn blocks(t: &Tables, oews: &[&str]) -> Vec<RawBlock> {
    let mut by_soc: HashMap<&str, RawBlock> = HashMap::new();
    for p in &t.projections {
        by_soc.entry(&p.soc).or_default().bls_title = p.title.clone();
    }
    for (soc, title) in &t.sample_titles {
        by_soc
            .entry(soc)
            .or_default()
            .sample_titles
            .push(title.clone());
    }
    for c in &t.crosswalk {
        by_soc
            .entry(&c.soc)
            .or_default()
            .onet
            .push(onet_block(t, c.onet));
    }
    oews.iter()
        .map(|soc| by_soc.remove(soc).unwrap_or_default())
        .collect()
}

/// The rows of O*NET occupation `i`, for its OEWS occupation's block.
fn onet_block(t: &Tables, i: usize) -> RawOnet {
    RawOnet {
        onet: i as u16,
        description: t.onet[i].description.clone(),
        tasks: t.tasks[i]
            .iter()
            .map(|task| RawTask {
                id: task.id,
                kind: categories::TaskKind::ALL
                    .iter()
                    .position(|k| *k == task.kind)
                    .unwrap_or(0) as u8,
                statement: task.statement.clone(),
            })
            .collect(),
        knowledge: t.knowledge[i].clone(),
        technology: t.technology[i].clone(),
        related: t.related[i].clone(),
        alt_titles: t.alt_titles[i].clone(),
    }
}

/// Every title of an OEWS occupation, normalized and sorted, with its
/// spellings; and the postings (block index and kinds), entry by entry.
fn title_entries(t: &Tables, oews: &[&str]) -> Result<(Vec<String>, Vec<TitleEntry>, Vec<u16>)> {
    // key -> (spellings in order of first sight, block -> kinds)
    let mut all: BTreeMap<String, (Vec<String>, BTreeMap<u16, u16>)> = BTreeMap::new();
    let mut add = |title: &str, block: usize, kind: u16| -> Result<()> {
        let key = normalize_name(title);
        if key.is_empty() {
            return Err(Problem(format!(
                "the title `{title}` has no letters or digits"
            )));
        }
        let (spellings, hits) = all.entry(key).or_default();
        if !spellings.iter().any(|s| s == title) {
            spellings.push(title.to_string());
        }
        *hits.entry(block as u16).or_default() |= kind;
        Ok(())
    };
    let position: HashMap<&str, usize> = oews.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    for c in &t.crosswalk {
        let Some(&b) = position.get(c.soc.as_str()) else {
            continue;
        };
        add(&t.onet[c.onet].title, b, KIND_ONET_TITLE)?;
        for alt in &t.alt_titles[c.onet] {
            add(alt, b, KIND_ALT_TITLE)?;
        }
    }
    for (soc, title) in &t.sample_titles {
        if let Some(&b) = position.get(soc.as_str()) {
            add(title, b, KIND_SAMPLE_TITLE)?;
        }
    }
    let mut keys = Vec::with_capacity(all.len());
    let mut entries = Vec::with_capacity(all.len());
    let mut hits = Vec::new();
    for (key, (spellings, postings)) in all {
        // The reader normalizes the first spelling to find the key again.
        if normalize_name(&spellings[0]) != key {
            return Err(Problem(format!(
                "`{}` does not normalize to `{key}`",
                spellings[0]
            )));
        }
        entries.push(TitleEntry {
            spellings,
            hits: postings.len() as u32,
        });
        hits.extend(postings.iter().map(|(b, k)| b | (k << HIT_KIND_SHIFT)));
        keys.push(key);
    }
    Ok((keys, entries, hits))
}

/// Each word of the normalized titles, with the ordinals of the titles
/// that contain it.
fn word_entries(keys: &[String]) -> Vec<WordEntry> {
    let mut words: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        for w in key.split(' ') {
            let list = words.entry(w).or_default();
            if list.last() != Some(&(i as u32)) {
                list.push(i as u32);
            }
        }
    }
    words
        .into_iter()
        .map(|(word, titles)| WordEntry {
            word: word.to_string(),
            titles,
        })
        .collect()
}

/// The static tables: BLS codes with their projections and crosswalk
/// ranges, the O*NET occupations, skills and the name lists.
fn generate_tables(s: &mut String, t: &Tables, oews: &[&str]) {
    let skill_row: HashMap<&str, usize> = t
        .skills
        .iter()
        .enumerate()
        .map(|(i, (soc, _))| (soc.as_str(), i))
        .collect();
    let block_of: HashMap<&str, usize> = oews.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let _ = writeln!(
        s,
        "pub(super) static SOCS: [SocRow; {}] = [",
        t.projections.len()
    );
    let mut start = 0;
    for p in &t.projections {
        let end = start
            + t.crosswalk[start..]
                .iter()
                .take_while(|c| c.soc == p.soc)
                .count();
        let opt = |v: Option<usize>| v.map_or("None".to_string(), |v| format!("Some({v})"));
        let _ = writeln!(
            s,
            "    SocRow {{ block: {}, crosswalk: ({start}, {end}), skills: {}, projection: Raw {{ employment_2024: {}, employment_2034: {}, change_tenths: {}, openings: {}, median_wage: {}, top_coded: {}, education: Education::{:?}, experience: Experience::{:?}, training: Training::{:?} }} }},",
            opt(block_of.get(p.soc.as_str()).copied()),
            opt(skill_row.get(p.soc.as_str()).copied()),
            p.employment_2024,
            p.employment_2034,
            p.change_tenths,
            p.openings,
            p.median_wage.map_or("None".to_string(), |w| format!("Some({w})")),
            p.top_coded,
            p.education,
            p.experience,
            p.training,
        );
        start = end;
    }
    s.push_str("];\n\n");
    strs(s, "SOC_CODES", t.projections.iter().map(|p| p.soc.as_str()));
    let _ = writeln!(
        s,
        "pub(super) static CROSSWALK: [(u16, Match); {}] = [",
        t.crosswalk.len()
    );
    for c in &t.crosswalk {
        let _ = writeln!(s, "    ({}, Match::{:?}),", c.onet, c.matched);
    }
    s.push_str("];\n\n");
    // Each O*NET code's BLS code, through the crosswalk (none for military codes).
    let position: HashMap<&str, usize> = t
        .projections
        .iter()
        .enumerate()
        .map(|(i, p)| (p.soc.as_str(), i))
        .collect();
    let mut bls: Vec<Option<usize>> = vec![None; t.onet.len()];
    for c in &t.crosswalk {
        bls[c.onet] = position.get(c.soc.as_str()).copied();
    }
    let _ = writeln!(s, "pub(super) static ONET: [OnetRow; {}] = [", t.onet.len());
    for (o, b) in t.onet.iter().zip(&bls) {
        let _ = writeln!(
            s,
            "    OnetRow {{ release: DescriptionRelease::{:?}, bls: {} }},",
            o.release,
            b.map_or("None".to_string(), |b| format!("Some({b})"))
        );
    }
    s.push_str("];\n\n");
    strs(s, "ONET_CODES", t.onet.iter().map(|o| o.code.as_str()));
    strs(s, "ONET_TITLES", t.onet.iter().map(|o| o.title.as_str()));
    s.push_str("/// The OEWS occupations, by block index.\n");
    strs(s, "OEWS", oews.iter().copied());
    let _ = writeln!(
        s,
        "pub(super) static SKILL_NAMES: [&str; {}] = {:?};\n\
         pub(super) static KNOWLEDGE_NAMES: [&str; {}] = {:?};\n\
         /// The SOC codes of `SKILLS`' rows, sorted.",
        t.skill_names.len(),
        t.skill_names,
        t.knowledge_names.len(),
        t.knowledge_names,
    );
    strs(
        s,
        "SKILL_SOCS",
        t.skills.iter().map(|(soc, _)| soc.as_str()),
    );
    let _ = writeln!(s, "/// Importance in hundredths (1.00 to 5.00), by `SKILL_NAMES`.\npub(super) static SKILLS: [[u16; {}]; {}] = [", parse::SKILL_COUNT, t.skills.len());
    for (_, values) in &t.skills {
        let _ = writeln!(s, "    {values:?},");
    }
    s.push_str("];\n\n");
}
