//! Compiles the BLS OEWS tables under `data/oews-2025/` into the binary:
//! `wages_data.rs` (the occupation and area tables as static Rust data and
//! each area's block offset) and `wages.bin` (the blocks, see
//! `careers_data::wages::format`). Parsing is strict: anything the README of the
//! data does not describe fails the build with file, line and column.

use careers_data::names::normalize_name;
use careers_data::wages::{format, parse, postal};
use format::{Cell, Row};
use parse::{AreaRow, OccupationRow, Problem, Result};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::Path;

const DIR: &str = "data/oews-2025";
/// The files under `DIR` the tables are built from.
const INPUTS: [&str; 5] = [
    "occupations.tsv",
    "areas.tsv",
    "national.tsv",
    "states.tsv.zst",
    "metros.tsv.zst",
];

/// Builds the wage tables into `out`; exits the build with a message on
/// any problem.
pub fn build(root: &Path, out: &Path) {
    for input in INPUTS {
        println!("cargo:rerun-if-changed={DIR}/{input}");
    }
    println!("cargo:rerun-if-changed=build/wages.rs");
    // (The format and parser in crates/careers-data, a build-dependency,
    // rerun the build script without being named.)
    // The build script reruns on any change under data/; skip the seconds of
    // parsing when neither these tables nor their encoder changed.
    let key = match cache_key(root) {
        Ok(key) => key,
        Err(Problem(message)) => {
            eprintln!("error: the bundled wage data: {message}");
            std::process::exit(1);
        }
    };
    let stamp = out.join("wages.stamp");
    let fresh = std::fs::read_to_string(&stamp).is_ok_and(|s| s == key)
        && out.join("wages.bin").is_file()
        && out.join("wages_data.rs").is_file();
    if fresh {
        return;
    }
    if let Err(Problem(message)) =
        run(root, out).and_then(|()| write(out, "wages.stamp", key.as_bytes()))
    {
        eprintln!("error: the bundled wage data: {message}");
        std::process::exit(1);
    }
}

/// A digest of every input of the wage tables: the data files as stored
/// and the code that encodes them.
fn cache_key(root: &Path) -> Result<String> {
    use std::hash::{DefaultHasher, Hasher};
    let mut h = DefaultHasher::new();
    for name in INPUTS {
        let path = root.join(DIR).join(name);
        let bytes = std::fs::read(&path).map_err(|e| Problem(format!("{DIR}/{name}: {e}")))?;
        h.write(name.as_bytes());
        h.write_usize(bytes.len());
        h.write(&bytes);
    }
    for code in std::iter::once(include_str!("wages.rs"))
        .chain(careers_data::wages::ENCODER_CODE.iter().copied())
    {
        h.write(code.as_bytes());
    }
    Ok(format!("{:016x}", h.finish()))
}

fn run(root: &Path, out: &Path) -> Result<()> {
    let occupations =
        parse::parse_occupations(&path("occupations.tsv"), &read(root, "occupations.tsv")?)?;
    let areas = parse::parse_areas(&path("areas.tsv"), &read(root, "areas.tsv")?)?;

    let mut blocks: Vec<BTreeMap<u16, Row>> = vec![BTreeMap::new(); areas.len()];
    for (file, kind) in [
        ("national.tsv", 'N'),
        ("states.tsv.zst", 'S'),
        ("metros.tsv.zst", 'M'),
    ] {
        let text = read(root, file)?;
        parse::parse_data(&path(file), kind, &text, &areas, &occupations, &mut blocks)?;
    }

    let mut bin = Vec::new();
    let mut offsets = vec![0u32];
    for (area, rows) in areas.iter().zip(&blocks) {
        let rows: Vec<Row> = rows.values().copied().collect();
        let block = format::encode_block(&rows);
        // The decoder is the program's own: check it reads back every row.
        let back: Vec<Row> = format::BlockRows::new(&block)
            .map(|it| it.collect())
            .unwrap_or_default();
        if back != rows {
            return Err(Problem(format!(
                "area {} does not survive encoding (a bug in careers_data::wages::format)",
                area.code
            )));
        }
        bin.extend_from_slice(&block);
        offsets.push(
            u32::try_from(bin.len()).map_err(|_| Problem("more than 4 GiB of blocks".into()))?,
        );
    }

    write(out, "wages.bin", &bin)?;
    write(
        out,
        "wages_data.rs",
        generate(&occupations, &areas, &blocks, &offsets).as_bytes(),
    )
}

/// A file of the data as error messages name it.
fn path(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn read(root: &Path, name: &str) -> Result<String> {
    let file = path(name);
    let bytes = std::fs::read(root.join(&file)).map_err(|e| Problem(format!("{file}: {e}")))?;
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

/// `Austin-Round Rock-San Marcos, TX` also as `..., Texas`, so that state
/// names find metros; empty when the name has no USPS suffix.
fn alias(name: &str, state_names: &HashMap<&str, &str>) -> String {
    let Some((place, suffix)) = name.rsplit_once(", ") else {
        return String::new();
    };
    let names: Option<Vec<&str>> = suffix
        .split('-')
        .map(|p| state_names.get(p).copied())
        .collect();
    match names {
        Some(names) => format!("{place}, {}", names.join("-")),
        None => String::new(),
    }
}

fn generate(
    occupations: &[OccupationRow],
    areas: &[AreaRow],
    blocks: &[BTreeMap<u16, Row>],
    offsets: &[u32],
) -> String {
    let mut s =
        String::from("// Generated by build/wages.rs from data/oews-2025; do not edit.\n\n");
    let _ = writeln!(
        s,
        "pub(super) static OCCUPATIONS: [Occupation; {}] = [",
        occupations.len()
    );
    for o in occupations {
        let level = ["Major", "Minor", "Broad", "Detailed"][usize::from(o.level)];
        let _ = writeln!(
            s,
            "    Occupation {{ soc: {:?}, title: {:?}, level: Level::{level} }},",
            o.soc, o.title
        );
    }
    s.push_str("];\n\n");

    let state_names: HashMap<&str, &str> = areas
        .iter()
        .filter(|a| a.kind == 'S')
        .filter_map(|a| Some((postal::postal_of_fips(&a.fips)?, a.name.as_str())))
        .collect();
    let _ = writeln!(s, "pub(super) static AREAS: [Area; {}] = [", areas.len());
    for (i, (a, rows)) in areas.iter().zip(blocks).enumerate() {
        let kind = match a.kind {
            'N' => "Nation",
            'S' => "State",
            _ => "Metro",
        };
        let postal = match postal::postal_of_fips(&a.fips) {
            Some(p) => format!("Some({p:?})"),
            None => "None".to_string(),
        };
        // Total employment (SOC 00-0000, index 0), to list big areas first.
        let weight = match rows.get(&0).map(|r| r.cells[format::EMPLOYMENT]) {
            Some(Cell::Value(v)) => v,
            _ => 0,
        };
        // The names find_area compares with, normalized as it normalizes
        // what was typed.
        let alias = if a.kind == 'M' {
            normalize_name(&alias(&a.name, &state_names))
        } else {
            String::new()
        };
        let first_place = if a.kind == 'M' {
            let end = a.name.find(['-', ',']).unwrap_or(a.name.len());
            normalize_name(&a.name[..end])
        } else {
            normalize_name(&a.name)
        };
        let _ = writeln!(
            s,
            "    Area {{ code: {:?}, kind: AreaKind::{kind}, name: {:?}, state_fips: {:?}, postal: {postal}, index: {i}, words: {:?}, alias: {alias:?}, first_place: {first_place:?}, weight: {weight} }},",
            a.code,
            a.name,
            a.fips,
            normalize_name(&a.name)
        );
    }
    s.push_str("];\n\n");
    let _ = writeln!(
        s,
        "/// Where each area's block starts in `BLOCKS`; one more entry than areas.\npub(super) static OFFSETS: [u32; {}] = {offsets:?};\n",
        offsets.len()
    );
    s.push_str(
        "pub(super) static BLOCKS: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/wages.bin\"));\n",
    );
    s
}
