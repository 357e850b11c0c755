//! The official occupation data (src/official), in process (divan):
//!
//!     cargo bench --bench official
//!
//! What a command pays to use it: one profile decompressed and decoded,
//! one title looked up, the titles with a word. Nothing here runs at
//! start-up; the whole-program timings are in `scripts/bench.sh`.

use careers::official::{self, titles};

fn main() {
    divan::main();
}

/// One profile: its block decompressed (zstd against the blocks'
/// dictionary) and decoded, with the static projection and skills.
/// 29-1141 has five O*NET codes; 43-4051 one.
#[divan::bench(args = ["29-1141", "43-4051", "15-1252"])]
fn profile(soc: &str) -> Option<official::Profile> {
    official::profile(divan::black_box(soc))
}

/// The cheap part: projection and skills, no decompression.
#[divan::bench]
fn projection_and_skills() -> (Option<official::Projection>, Option<official::Skills>) {
    let soc = divan::black_box("29-1141");
    (official::projection(soc), official::skills(soc))
}

/// An exact title lookup: binary search of the chunk heads, one chunk
/// decompressed and searched.
#[divan::bench(args = ["bank teller", "software engineer", "no such title at all"])]
fn title_exact(title: &str) -> Option<titles::TitleMatch> {
    titles::exact(divan::black_box(title))
}

/// Every title containing a word, with its occupations.
#[divan::bench(args = ["forklift", "nurse"])]
fn title_word(word: &str) -> usize {
    titles::containing(divan::black_box(word)).count()
}

/// All 830 profiles, as a search over every task and title would need.
#[divan::bench(sample_count = 20)]
fn every_profile() -> usize {
    official::oews_codes().filter_map(official::profile).count()
}
