//! Loading, resolution and search, in process (divan):
//!
//!     cargo bench --bench catalog
//!
//! The whole-program comparisons (against /bin/true and fzf) are in
//! `scripts/bench.sh`; BENCHMARKS.md has the figures. Generated catalogs
//! come from `careers::synthetic` (same seed, same roles) and are
//! written once per run to a temporary directory.

use careers::catalog::{cache, Catalog};
use std::path::PathBuf;
use std::sync::OnceLock;

use careers::synthetic as gen;

fn main() {
    divan::main();
}

/// Role counts of the generated catalogs.
const SIZES: &[usize] = &[1_000, 10_000];

/// A generated data directory of `roles` roles, made once per process.
fn generated(roles: usize) -> PathBuf {
    static ROOT: OnceLock<tempfile::TempDir> = OnceLock::new();
    let root = ROOT.get_or_init(|| tempfile::tempdir().expect("temp dir"));
    let dir = root.path().join(format!("roles-{roles}"));
    if !dir.exists() {
        gen::generate(&gen::Opts {
            roles,
            seed: 1,
            out: dir.clone(),
        })
        .expect("generate catalog");
    }
    dir
}

/// A cache directory of this process's own, so that runs do not share or
/// disturb the user's.
fn private_cache() {
    static CACHE: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = CACHE.get_or_init(|| tempfile::tempdir().expect("temp dir"));
    // Benchmarks run on one thread before any reads of the environment.
    std::env::set_var("XDG_CACHE_HOME", dir.path());
}

mod loading {
    use super::*;

    /// Decoding the catalog compiled into the binary: what every command
    /// without --data-dir pays.
    #[divan::bench]
    fn bundled() -> Catalog {
        Catalog::bundled().expect("bundled catalog")
    }

    /// Reading, parsing and validating every file (`--no-cache`, and the
    /// first run).
    #[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
    fn uncached(bencher: divan::Bencher, roles: usize) {
        let dirs = vec![generated(roles)];
        bencher.bench(|| Catalog::load(&dirs).expect("valid catalog"));
    }

    /// A cache hit: listing and stat-ing the files, then decoding the
    /// cached catalog.
    #[divan::bench(args = SIZES, sample_count = 20, sample_size = 1)]
    fn cache_hit(bencher: divan::Bencher, roles: usize) {
        private_cache();
        let dirs = vec![generated(roles)];
        Catalog::load_cached(&dirs).expect("builds the cache");
        bencher.bench(|| Catalog::load_cached(&dirs).expect("valid catalog"));
    }

    /// Only the cache key: list the directories and stat every file.
    #[divan::bench(args = SIZES)]
    fn cache_key(bencher: divan::Bencher, roles: usize) {
        let dirs = vec![generated(roles)];
        bencher.bench(|| cache::key(&dirs, 0).expect("key"));
    }
}

mod resolution {
    use super::*;

    fn catalog(roles: usize) -> Catalog {
        if roles == 0 {
            Catalog::bundled().expect("bundled catalog")
        } else {
            Catalog::load(&[generated(roles)]).expect("valid catalog")
        }
    }

    /// 0 is the bundled catalog alone.
    const CATALOGS: &[usize] = &[0, 1_000];

    #[divan::bench(args = CATALOGS)]
    fn exact_id(bencher: divan::Bencher, roles: usize) {
        let c = catalog(roles);
        bencher.bench(|| {
            c.resolve(divan::black_box("customer-service-associate"))
                .map(|r| r.id.len())
        });
    }

    #[divan::bench(args = CATALOGS)]
    fn one_word(bencher: divan::Bencher, roles: usize) {
        let c = catalog(roles);
        bencher.bench(|| {
            c.resolve(divan::black_box("representative"))
                .map(|r| r.id.len())
        });
    }

    #[divan::bench(args = CATALOGS)]
    fn typo(bencher: divan::Bencher, roles: usize) {
        let c = catalog(roles);
        bencher.bench(|| {
            c.resolve(divan::black_box("custmer servce asociate"))
                .map(|r| r.id.len())
        });
    }
}

mod search {
    use super::*;

    /// `careers search "custmer servce"` as the command runs it, over the
    /// bundled catalog (with the official occupations) and 10,000 roles.
    #[divan::bench(args = [0, 10_000])]
    fn search_command(bencher: divan::Bencher, roles: usize) {
        let c = if roles == 0 {
            Catalog::bundled().expect("bundled catalog")
        } else {
            Catalog::load(&[generated(roles)]).expect("valid catalog")
        };
        let args = careers::cli::SearchArgs {
            query: "custmer servce".into(),
            limit: 10,
            fields: Vec::new(),
        };
        bencher.bench(|| {
            careers::commands::search::run(&c, divan::black_box(&args)).map(|v| v.hits.len())
        });
    }

    /// Ranking names alone, as "did you mean" does.
    #[divan::bench(args = [0, 10_000])]
    fn closest_names(bencher: divan::Bencher, roles: usize) {
        let c = if roles == 0 {
            Catalog::bundled().expect("bundled catalog")
        } else {
            Catalog::load(&[generated(roles)]).expect("valid catalog")
        };
        let candidates = c.candidates();
        bencher.bench(|| {
            careers::resolve::closest(&candidates, divan::black_box("custmer servce"), 10)
        });
    }
}

/// Official wage lookups: an area by name or code, one occupation's
/// figures, and a ranking.
mod wages {
    use careers::wages::{self, find_area, Rank};
    use divan::black_box;

    #[divan::bench(args = ["TX", "texas", "austin"])]
    fn find(area: &str) {
        black_box(find_area(black_box(area)).ok());
    }

    #[divan::bench(args = ["43-4051", "53-7199"])]
    fn national(soc: &str) {
        black_box(wages::wages(wages::nation(), black_box(soc)));
    }

    #[divan::bench]
    fn top_ten_in_california() {
        let ca = find_area("CA").expect("California is an area");
        black_box(wages::top(ca, 10, Rank::AnnualMedian));
    }
}
