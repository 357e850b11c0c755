//! Writes a synthetic, valid catalog of N roles (see `careers::synthetic`):
//!
//!     cargo run --release --example gen-catalog -- --roles 10000 --seed 1 --out DIR

use careers::synthetic::{generate, Opts};
use std::path::PathBuf;
use std::process::ExitCode;

fn parse_args() -> Result<Opts, String> {
    let mut roles = None;
    let mut seed = 1u64;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--roles" => {
                roles = Some(
                    value("--roles")?
                        .parse::<usize>()
                        .map_err(|e| format!("--roles: {e}"))?,
                )
            }
            "--seed" => {
                seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "-h" | "--help" => {
                return Err("usage: gen-catalog --roles N [--seed S] --out DIR".into());
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Opts {
        roles: roles.ok_or("--roles N is required")?,
        seed,
        out: out.ok_or("--out DIR is required")?,
    })
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|opts| generate(&opts));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-catalog: {e}");
            ExitCode::from(2)
        }
    }
}
