//! `careers completions SHELL`: a completion script for the shell, in
//! which role arguments complete to the ids of the catalog's roles.
//!
//! ROLE arguments accept any text (titles, aliases, typos), so the ids are
//! attached as possible values only to a copy of the command line made for
//! generating the script; parsing never sees them.

use crate::catalog::Catalog;
use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::render::shell;
use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Arg, CommandFactory};
use clap_complete::Shell;
use std::io::Write;

/// Value names of the positional arguments that take a role.
const ROLE_VALUE_NAMES: &[&str] = &["ROLE", "FROM", "TO"];

/// Stands in for the role list in the zsh script clap_complete writes,
/// until [`zsh_roles`] puts the list there, quoted by careers.
const ZSH_ROLES_MARKER: &str = "careers-role-ids-go-here";

/// Writes the completion script for `shell` to `out`.
pub fn write(shell: Shell, catalog: &Catalog, out: &mut dyn Write) -> Result<()> {
    let mut cmd = command_with_roles(catalog, shell);
    // clap_complete panics when its writer fails (a closed pipe, a full
    // disk), so the script is built in memory and written here.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "careers", &mut script);
    match shell {
        Shell::Zsh => script = zsh_roles(&script, catalog),
        Shell::Fish => fish_roles(&cmd, catalog, &mut script),
        _ => {}
    }
    out.write_all(&script)
        .map_err(|e| Error::io("writing output", e))
}

/// Whether `arg` is a positional argument naming a role.
pub fn takes_role(arg: &Arg) -> bool {
    arg.is_positional()
        && arg
            .get_value_names()
            .is_some_and(|names| names.iter().any(|n| ROLE_VALUE_NAMES.contains(&n.as_str())))
}

/// The command line with every role argument limited to the catalog's
/// ids, as `shell`'s script needs them: quoted for bash, which writes them
/// into its script as they are; a marker for zsh, whose list [`zsh_roles`]
/// writes (clap_complete does not escape `"` in zsh descriptions).
pub fn command_with_roles(catalog: &Catalog, shell: Shell) -> clap::Command {
    // With help, as the ids have titles: values with help change what
    // clap_complete writes elsewhere ("see more with '--help'").
    let values: Vec<PossibleValue> = if shell == Shell::Zsh {
        vec![PossibleValue::new(ZSH_ROLES_MARKER).help(ZSH_ROLES_MARKER)]
    } else {
        catalog
            .heads()
            .map(|r| PossibleValue::new(shell::bash_word(&r.id).into_owned()).help(r.title.clone()))
            .collect()
    };
    let mut cmd = Cli::command();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |mut sub| {
            let role_args: Vec<String> = sub
                .get_positionals()
                .filter(|a| takes_role(a))
                .map(|a| a.get_id().to_string())
                .collect();
            for id in role_args {
                let values = values.clone();
                sub = sub.mut_arg(id, |a| a.value_parser(PossibleValuesParser::new(values)));
            }
            sub
        });
    }
    cmd
}

/// The zsh script with the role list where clap_complete put the marker:
/// one `id:title` item per role, in clap_complete's `((...))` form.
fn zsh_roles(script: &[u8], catalog: &Catalog) -> Vec<u8> {
    let items: Vec<String> = catalog
        .heads()
        .map(|r| shell::zsh_item(&r.id, &r.title))
        .collect();
    let list = format!("(({}))", items.join("\n"));
    let marker = format!(r#"(({ZSH_ROLES_MARKER}\:"{ZSH_ROLES_MARKER}"))"#);
    String::from_utf8_lossy(script)
        .replace(&marker, &list)
        .into_bytes()
}

/// clap_complete's fish script completes options only; these lines add the
/// role ids (with titles) after each subcommand that takes a role.
fn fish_roles(cmd: &clap::Command, catalog: &Catalog, script: &mut Vec<u8>) {
    let mut lines = String::from("\n# Role ids for the commands that take a role.\n");
    for sub in cmd.get_subcommands() {
        if !sub.get_positionals().any(takes_role) {
            continue;
        }
        for role in catalog.heads() {
            lines.push_str(&format!(
                "complete -c careers -n \"__fish_careers_using_subcommand {}\" -f -a {} -d {}\n",
                sub.get_name(),
                shell::fish_candidate(&role.id),
                shell::fish_description(&role.title)
            ));
        }
    }
    script.extend_from_slice(lines.as_bytes());
}
