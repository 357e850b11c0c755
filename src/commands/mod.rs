//! One module per command: each turns the catalog and the arguments into a
//! view value. Commands never print and never exit.

pub mod compare;
pub mod completions;
pub mod ladder;
pub mod list;
pub mod man;
pub mod official;
pub mod path;
pub mod rank;
pub mod salary;
pub mod search;
pub mod show;
pub mod skills;
pub mod soc_facts;
pub mod top;
pub mod validate;

use crate::catalog::{data_dirs_from_env, distinct_dirs, Catalog};
use crate::cli::{Cli, Command};
use crate::error::Result;
use crate::render::emit;
use crate::term::Term;
use std::io::Write;
use std::path::PathBuf;

/// Output that is bytes already (the man page, a completion script).
fn write_bytes(out: &mut dyn Write, bytes: &[u8]) -> Result<()> {
    out.write_all(bytes)
        .map_err(|e| crate::error::Error::io("writing output", e))
}

/// Runs the command `cli` names, writing its output to `out`. What the
/// user should hear on stderr is added to `notes`, whether the command
/// succeeds or not: warnings (the command goes on) and what role names
/// were taken for, when not by an exact name.
pub fn dispatch(
    cli: &Cli,
    term: &Term,
    out: &mut dyn Write,
    notes: &mut Vec<String>,
) -> Result<()> {
    let format = cli.global.format;
    // The data directories, each once (see `distinct_dirs`).
    let mut dirs: Vec<PathBuf> = cli.global.data_dir.clone();
    dirs.extend(data_dirs_from_env());
    match &cli.command {
        Command::Validate(args) => {
            // The directories every other command would load, then the
            // ones named (see `validate`).
            dirs.extend(args.dirs.iter().cloned());
            return emit(&validate::run(&distinct_dirs(&dirs))?, format, term, out);
        }
        Command::Man => return write_bytes(out, &man::page()?),
        _ => {}
    }
    let dirs = distinct_dirs(&dirs);
    let catalog = if cli.global.no_cache {
        Catalog::load(&dirs)?
    } else {
        Catalog::load_cached(&dirs)?
    };
    notes.extend(catalog.notices().iter().map(|n| format!("warning: {n}")));
    let result = on_catalog(cli, &catalog, term, out, notes);
    notes.extend(catalog.take_notes().iter().map(ToString::to_string));
    if let Err(e) = &result {
        catalog.forget_damaged_cache(&dirs, e);
    }
    // The process ends after one command: freeing a large catalog string
    // by string only costs time (tens of ms for 10,000 roles).
    std::mem::forget(catalog);
    result
}

/// Runs a command that reads the catalog.
fn on_catalog(
    cli: &Cli,
    catalog: &Catalog,
    term: &Term,
    out: &mut dyn Write,
    notes: &mut Vec<String>,
) -> Result<()> {
    let format = cli.global.format;
    match &cli.command {
        Command::List(args) => emit(&list::run(catalog, args)?, format, term, out),
        Command::Show(args) => {
            let view = show::run(catalog, args)?;
            let written = emit(&view, format, term, out);
            // As the catalog (see `dispatch`): a profile is thousands of
            // strings that the process's end frees at no cost.
            std::mem::forget(view);
            written
        }
        Command::Search(args) => {
            let view = search::run(catalog, args)?;
            if let Some(read_as) = &view.read_as {
                notes.push(format!(
                    "searching \"{}\": read as \"{}\"",
                    crate::error::quoted(&args.query),
                    crate::error::quoted(read_as)
                ));
            }
            emit(&view, format, term, out)
        }
        Command::Skills(args) => emit(&skills::run(catalog, args)?, format, term, out),
        Command::Compare(args) => emit(&compare::run(catalog, args)?, format, term, out),
        Command::Salary(args) => match args.top {
            Some(n) => emit(&top::run(catalog, args, n)?, format, term, out),
            None => emit(&salary::run(catalog, args)?, format, term, out),
        },
        Command::Completions(args) => write_bytes(out, &completions::script(args.shell, catalog)?),
        Command::Ladder(args) => emit(&ladder::run(catalog, args)?, format, term, out),
        Command::Path(args) => emit(&path::run(catalog, args)?, format, term, out),
        // Run by `dispatch` before any catalog is loaded.
        Command::Validate(_) | Command::Man => Ok(()),
    }
}
