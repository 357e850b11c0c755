//! Prints the names `careers search` matches role names against, one a
//! line: every title and alias, and (for the bundled catalog) the titles
//! of the official occupations it searches too, with their O*NET titles,
//! alternate titles, BLS sample titles and O*NET task statements (search
//! reads their descriptions and technology as well). The input
//! `scripts/bench.sh` gives fzf, so that both search the same lines.
//!
//!     cargo run --release --example catalog-names            # bundled
//!     cargo run --release --example catalog-names -- DIR...  # DIRs' roles only
//!
use careers::catalog::{Catalog, Origin};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dirs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let catalog = match Catalog::load(&dirs) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("catalog-names: {e}");
            return ExitCode::from(e.exit_code());
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut write = || -> io::Result<()> {
        if dirs.is_empty() {
            for i in catalog.entry_numbers() {
                if i >= catalog.role_count() {
                    writeln!(out, "{}", catalog.entry_title(i).unwrap_or_default())?;
                }
            }
            for soc in careers::official::oews_codes() {
                let Some(p) = careers::official::profile(soc) else {
                    continue;
                };
                for o in &p.occupations {
                    writeln!(out, "{}", o.title)?;
                    for t in o.alt_titles.iter().flat_map(|a| &a.items) {
                        writeln!(out, "{t}")?;
                    }
                    for t in o.tasks.iter().flat_map(|t| &t.items) {
                        writeln!(out, "{}", t.statement)?;
                    }
                }
                for t in p.sample_titles.iter().flat_map(|s| &s.items) {
                    writeln!(out, "{t}")?;
                }
            }
        }
        for (i, role) in catalog.heads().enumerate() {
            // With directories, only their roles: the generated catalog's
            // names, not the bundled ones.
            if !dirs.is_empty() && catalog.origin_at(i) == Origin::Bundled {
                continue;
            }
            writeln!(out, "{}", role.title)?;
            for alias in &role.aliases {
                writeln!(out, "{alias}")?;
            }
        }
        out.flush()
    };
    match write() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("catalog-names: {e}");
            ExitCode::from(4)
        }
    }
}
