//! `careers completions SHELL`: a completion script for the shell, in
//! which role arguments complete to the ids of the catalog's roles.
//!
//! ROLE arguments accept any text (titles, aliases, typos), so the ids are
//! attached as possible values only to a copy of the command line made for
//! generating the script; parsing never sees them.

use crate::catalog::Catalog;
use crate::cli::Cli;
use crate::error::Result;
use crate::render::shell;
use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Arg, CommandFactory};
use clap_complete::Shell;

/// Value names of the positional arguments that take a role.
const ROLE_VALUE_NAMES: &[&str] = &["ROLE", "FROM", "TO"];

/// Stand in for the role and area lists in the script clap_complete
/// writes, until careers puts each list in once, quoted by careers, and
/// makes every argument that takes a role or an area read it: a variable
/// in bash, a function in zsh and fish. (Inline, the 841 ids made the
/// scripts hundreds of kilobytes, and bash listed `path`'s twice, once for
/// FROM and once for TO.)
const ROLES_MARKER: &str = "careers-role-ids-go-here";
const AREAS_MARKER: &str = "careers-areas-go-here";

/// The completion script for `shell`, for the caller to write.
pub fn script(shell: Shell, catalog: &Catalog) -> Result<Vec<u8>> {
    let mut cmd = command_with_lists(shell);
    // clap_complete panics when its writer fails (a closed pipe, a full
    // disk), so the script is built in memory.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "careers", &mut script);
    let roles = role_values(catalog);
    let areas = area_values();
    let script = String::from_utf8_lossy(&script).into_owned();
    Ok(match shell {
        Shell::Bash => bash_lists(&script, &roles, &areas),
        Shell::Zsh => zsh_lists(&script, &roles, &areas),
        Shell::Fish => fish_lists(&cmd, &script, &roles, &areas),
        _ => script,
    }
    .into_bytes())
}

/// Whether `arg` is a positional argument naming a role.
pub fn takes_role(arg: &Arg) -> bool {
    arg.is_positional()
        && arg
            .get_value_names()
            .is_some_and(|names| names.iter().any(|n| ROLE_VALUE_NAMES.contains(&n.as_str())))
}

/// Whether `arg` is `--area`.
fn takes_area(arg: &Arg) -> bool {
    arg.get_long() == Some("area")
}

/// Every role and official occupation a role argument can name, each once
/// (an occupation a curated role stands for is that role): (id, title).
fn role_values(catalog: &Catalog) -> Vec<(String, String)> {
    catalog
        .entry_numbers()
        .into_iter()
        .filter_map(|i| {
            let id = catalog.entry_id(i)?.into_owned();
            Some((id, catalog.entry_title(i)?.to_string()))
        })
        .collect()
}

/// Every value `--area` takes besides free text: each state's USPS code
/// and every area's name in kebab case (`texas`, `austin-round-rock-san-marcos-tx`).
fn area_values() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for a in crate::wages::areas() {
        if a.kind == crate::wages::AreaKind::Nation {
            continue;
        }
        if let (Some(postal), crate::wages::AreaKind::State) = (a.postal, a.kind) {
            out.push((postal.to_string(), a.name.to_string()));
        }
        out.push((crate::names::occupation_id(a.name), a.name.to_string()));
    }
    out
}

/// The command line with every role argument and `--area` limited to one
/// marker value each, for clap_complete to write where the lists go.
/// ROLE arguments accept any text (titles, aliases, typos): this copy of
/// the command line is only for generating the script; parsing never sees
/// it.
fn command_with_lists(shell: Shell) -> clap::Command {
    // With help, as the lists have descriptions: values with help change
    // what clap_complete writes elsewhere ("see more with '--help'").
    let marker = |m: &'static str| vec![PossibleValue::new(m).help(m)];
    let (roles, areas) = (marker(ROLES_MARKER), marker(AREAS_MARKER));
    let _ = shell;
    let mut cmd = Cli::command();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |mut sub| {
            let ids: Vec<(String, bool)> = sub
                .get_arguments()
                .filter(|a| takes_role(a) || takes_area(a))
                .map(|a| (a.get_id().to_string(), takes_area(a)))
                .collect();
            for (id, area) in ids {
                let values = if area { areas.clone() } else { roles.clone() };
                sub = sub.mut_arg(id, |a| a.value_parser(PossibleValuesParser::new(values)));
            }
            sub
        });
    }
    cmd
}

/// bash: the lists as two variables, set at the end of the script (they
/// are read when completing, not when the function is defined); each
/// `opts` and `--area` word list reads them (`compgen -W` expands them),
/// each marker once per list.
fn bash_lists(script: &str, roles: &[(String, String)], areas: &[(String, String)]) -> String {
    let words = |values: &[(String, String)]| {
        values
            .iter()
            .map(|(v, _)| shell::bash_word(v).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = String::with_capacity(script.len() + 64 * 1024);
    for line in script.lines() {
        let line = match line.trim_start().starts_with("opts=\"") {
            true => dedupe_words(line),
            false => line.to_string(),
        };
        out.push_str(
            &line
                .replace(ROLES_MARKER, "${__careers_roles}")
                .replace(AREAS_MARKER, "${__careers_areas}"),
        );
        out.push('\n');
    }
    out.push_str(&format!(
        "\n# Role ids and areas, for the commands that take them.\n\
         __careers_roles=\"{}\"\n__careers_areas=\"{}\"\n",
        words(roles),
        words(areas)
    ));
    out
}

/// An `opts="..."` line with each word once (clap_complete lists the
/// possible values of every positional argument, so FROM's and TO's twice).
fn dedupe_words(line: &str) -> String {
    let Some((lead, rest)) = line.split_once("opts=\"") else {
        return line.to_string();
    };
    let Some((words, tail)) = rest.rsplit_once('"') else {
        return line.to_string();
    };
    let mut seen: Vec<&str> = Vec::new();
    for w in words.split(' ').filter(|w| !w.is_empty()) {
        if !seen.contains(&w) {
            seen.push(w);
        }
    }
    format!("{lead}opts=\"{}\"{tail}", seen.join(" "))
}

/// zsh: the lists as two functions (`_describe` over an array), which
/// every role argument and `--area` call; defined before the script's
/// closing lines.
fn zsh_lists(script: &str, roles: &[(String, String)], areas: &[(String, String)]) -> String {
    let action = |m: &str| format!(r#"(({m}\:"{m}"))"#);
    let script = script
        .replace(&action(ROLES_MARKER), "_careers_roles")
        .replace(&action(AREAS_MARKER), "_careers_areas");
    let function = |name: &str, what: &str, values: &[(String, String)]| {
        let items: Vec<String> = values
            .iter()
            .map(|(v, d)| format!("    {}", shell::zsh_describe_item(v, d)))
            .collect();
        format!(
            "(( $+functions[{name}] )) ||\n{name}() {{\n  local -a items\n  items=(\n{}\n  )\n  _describe -t {what} '{what}' items \"$@\"\n}}\n",
            items.join("\n")
        )
    };
    let lists =
        function("_careers_roles", "roles", roles) + &function("_careers_areas", "areas", areas);
    match script.rfind("\nif [ \"$funcstack[1]\" = \"_careers\" ]") {
        Some(at) => format!("{}\n{lists}{}", &script[..at], &script[at..]),
        None => format!("{script}\n{lists}"),
    }
}

/// fish: clap_complete's script completes options only; two functions print
/// the lists (`value<TAB>description` per line), and these lines offer
/// them after each subcommand that takes a role, and for `--area`.
fn fish_lists(
    cmd: &clap::Command,
    script: &str,
    roles: &[(String, String)],
    areas: &[(String, String)],
) -> String {
    let function = |name: &str, values: &[(String, String)]| {
        let mut f = format!("function {name}\n");
        for (v, d) in values {
            f.push_str(&format!(
                "    printf '%s\\t%s\\n' {} {}\n",
                shell::fish_description(v),
                shell::fish_description(d)
            ));
        }
        f.push_str("end\n");
        f
    };
    let mut out = script.to_string();
    out.push_str("\n# Role ids and areas, for the commands that take them.\n");
    out.push_str(&function("__careers_roles", roles));
    out.push_str(&function("__careers_areas", areas));
    for sub in cmd.get_subcommands() {
        let when = format!("\"__fish_careers_using_subcommand {}\"", sub.get_name());
        if sub.get_positionals().any(takes_role) {
            out.push_str(&format!(
                "complete -c careers -n {when} -f -a '(__careers_roles)'\n"
            ));
        }
        if sub.get_arguments().any(takes_area) {
            out.push_str(&format!(
                "complete -c careers -n {when} -l area -f -r -a '(__careers_areas)'\n"
            ));
        }
    }
    out
}
