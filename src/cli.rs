//! The command line: every command, flag and help text, in one place that
//! also feeds completions and the man page. Knows nothing of data or
//! printing.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The exit codes, as `--help` and the README document them.
pub const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  nothing found: unknown or ambiguous role, no results, no route
  2  usage error
  3  invalid data (a role or source file failed validation)
  4  I/O error (output could not be written, a file could not be read)";

/// Help opens with what to type: examples come right after the usage line,
/// before the argument lists (`before_help` placed by this template).
pub const HELP_TEMPLATE: &str = "\
{about-with-newline}
{usage-heading} {usage}

{before-help}{all-args}{after-help}";

const EXAMPLES: &str = "\
Examples:
  careers show customer-service-associate
  careers compare associate representative
  careers ladder
  careers search \"custmer servce\"
  careers salary --hourly
  careers list --format tsv | cut -f1,2";

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  nothing found: unknown or ambiguous role, no results, no route
  2  usage error
  3  invalid data (a role or source file failed validation)
  4  I/O error (output could not be written, a file could not be read)

Roles are named by id, title or alias, in any case and with any separators
(`Customer Service Associate`, `customer_service_associate`), by a unique
prefix or word (`associate`), or approximately (`custmer servce`).";

/// Explore careers: every U.S. occupation and curated guides; pay, skills, paths.
#[derive(Debug, Parser)]
#[command(
    name = "careers",
    bin_name = "careers",
    version,
    about = "Explore careers: every U.S. occupation and curated guides; pay, skills, paths",
    long_about = None,
    help_template = HELP_TEMPLATE,
    before_help = EXAMPLES,
    after_help = AFTER_HELP,
    propagate_version = true,
    disable_help_subcommand = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Output format: text for people; json and tsv for scripts; mermaid and dot
    /// for diagrams (ladder and path)
    #[arg(long, global = true, value_enum, default_value_t = Format::Text, value_name = "FORMAT")]
    pub format: Format,

    /// When to colour text output: auto (a terminal, NO_COLOR unset, TERM not
    /// dumb; CLICOLOR_FORCE forces it), always, never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Add the roles in DIR (DIR/roles/*.toml or DIR/*.toml, and DIR/sources.toml);
    /// a role with a bundled id replaces it. Repeatable; CAREERS_DATA_DIR adds
    /// more (separated like PATH)
    #[arg(long = "data-dir", global = true, value_name = "DIR")]
    pub data_dir: Vec<PathBuf>,

    /// Draw diagrams with ASCII instead of Unicode box drawing
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Do not read or write the compiled catalog cache for --data-dir
    #[arg(long, global = true)]
    pub no_cache: bool,
}

pub use crate::render::Format;

impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every role with its family, pay and growth
    #[command(help_template = HELP_TEMPLATE, before_help = "\
Examples:
  careers list
  careers list --sort salary
  careers list --format tsv | cut -f1,4")]
    List(ListArgs),

    /// Show a role's full profile, or chosen sections of it
    #[command(help_template = HELP_TEMPLATE, before_help = "\
Examples:
  careers show customer-service-associate
  careers show representative --section salary --section ladder
  careers show csr --format json")]
    Show(ShowArgs),

    /// Compare roles side by side; the first is the baseline
    #[command(help_template = HELP_TEMPLATE, before_help = "\
Examples:
  careers compare associate representative
  careers compare associate supervisor customer-service-manager
  careers compare associate representative --format json")]
    Compare(CompareArgs),

    /// Fuzzy-search titles, skills, tools, duties and tasks
    #[command(help_template = HELP_TEMPLATE, before_help = "\
Examples:
  careers search \"custmer servce\"
  careers search zendesk --in tools
  careers search conflict --limit 5 --format tsv")]
    Search(SearchArgs),

    /// Pay ranges and tiers, every figure with its source
    #[command(help_template = HELP_TEMPLATE, before_help = "\
Examples:
  careers salary
  careers salary associate representative --hourly
  careers salary --format tsv")]
    Salary(SalaryArgs),

    /// A role's skills, or the roles that need a skill
    #[command(help_template = HELP_TEMPLATE, before_help = "\
Examples:
  careers skills customer-service-associate
  careers skills --find \"active listening\"
  careers skills --rank \"active listening\" --limit 5")]
    Skills(SkillsArgs),

    /// Career ladders, tier by tier
    #[command(help_template = HELP_TEMPLATE, before_help = "\
Examples:
  careers ladder
  careers ladder representative
  careers ladder --format mermaid")]
    Ladder(LadderArgs),

    /// Routes to any role or occupation, or where one leads
    #[command(help_template = HELP_TEMPLATE, before_help = "\
Examples:
  careers path cashiers electricians
  careers path customer-service-associate --area TX --max-education associate
  careers path associate customer-service-manager --format dot | dot -Tsvg > path.svg")]
    Path(PathArgs),

    /// Check bundled or user data and report every problem
    #[command(help_template = HELP_TEMPLATE, before_help = "\
Examples:
  careers validate
  careers validate ./my-roles
  careers validate ./my-roles --format json")]
    Validate(ValidateArgs),

    /// Print a shell completion script
    #[command(help_template = HELP_TEMPLATE, before_help = "\
Examples:
  careers completions bash > ~/.local/share/bash-completion/completions/careers
  careers completions zsh > ~/.zfunc/_careers
  careers completions fish > ~/.config/fish/completions/careers.fish")]
    Completions(CompletionsArgs),

    /// Print the man page (roff)
    #[command(help_template = HELP_TEMPLATE, before_help = "\
Examples:
  careers man > careers.1
  careers man | man -l -")]
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListSort {
    Title,
    Salary,
    Growth,
    Education,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only roles of this family (case-insensitive); with --all, a SOC major
    /// group, by number or name (`29`, `healthcare practitioners`)
    #[arg(long, value_name = "FAMILY")]
    pub family: Option<String>,

    /// Sort by title, pay (highest first, yearly before hourly), growth
    /// (highest first, the BLS 2024-34 projection included) or BLS typical
    /// entry-level education (least first)
    #[arg(long, value_enum, default_value_t = ListSort::Title)]
    pub sort: ListSort,

    /// Include the official occupations (830 BLS SOC occupations) besides
    /// the curated profiles
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The role: id, title or alias (fuzzy)
    #[arg(value_name = "ROLE")]
    pub role: String,

    /// Print only this section (repeatable)
    #[arg(long = "section", value_name = "NAME", value_parser = crate::sections::parser())]
    pub sections: Vec<crate::sections::SectionId>,

    /// Official wages for this area: a state (`TX`, `texas`) or a metro area
    /// (`Austin`); default: national
    #[arg(long, value_name = "AREA")]
    pub area: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more roles; the first is the baseline
    #[arg(value_name = "ROLE", num_args = 2.., required = true)]
    pub roles: Vec<String>,

    /// Official wages for this area: a state (`TX`, `texas`) or a metro area
    /// (`Austin`); default: national
    #[arg(long, value_name = "AREA")]
    pub area: Option<String>,
}

pub use crate::searchable::SearchField;

/// `--in`'s values. A value parser rather than `ValueEnum`: `SearchField`
/// lives in the careers-data crate, which build.rs uses too, without clap.
/// Names of two words take `-` or `_` (`sample-titles`, as JSON spells
/// them: `sample_titles`).
fn search_field_parser() -> impl clap::builder::TypedValueParser<Value = SearchField> {
    use clap::builder::{PossibleValue, TypedValueParser as _};
    let name = |f: &SearchField| match f {
        SearchField::Title => "title",
        SearchField::Alias => "alias",
        SearchField::Skills => "skills",
        SearchField::Tools => "tools",
        SearchField::Responsibilities => "responsibilities",
        SearchField::Description => "description",
        SearchField::Tasks => "tasks",
        SearchField::AlternateTitles => "alternate-titles",
        SearchField::SampleTitles => "sample-titles",
        SearchField::Technology => "technology",
    };
    let values = crate::searchable::ALL_FIELDS.iter().map(move |f| {
        let value = PossibleValue::new(name(f));
        match name(f).replace('-', "_") {
            snake if snake != name(f) => value.alias(snake),
            _ => value,
        }
    });
    clap::builder::PossibleValuesParser::new(values).map(move |value| {
        crate::searchable::ALL_FIELDS
            .into_iter()
            .find(|f| name(f) == value || name(f).replace('-', "_") == value)
            .unwrap_or(SearchField::Title)
    })
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for; typos are fine
    #[arg(value_name = "QUERY")]
    pub query: String,

    /// Show at most N roles, best first; 0 shows every match
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,

    /// Search only these fields (repeatable; default: all). The official
    /// occupations' alternate and sample titles, technology, tasks and
    /// descriptions are searched for them and for the curated roles that
    /// stand for one
    #[arg(long = "in", value_parser = search_field_parser(), value_name = "FIELD")]
    pub fields: Vec<SearchField>,
}

#[derive(Debug, Args)]
pub struct SalaryArgs {
    /// Roles to show (default: all)
    #[arg(value_name = "ROLE")]
    pub roles: Vec<String>,

    /// Show hourly figures, converting annual ones (marked as converted)
    #[arg(long)]
    pub hourly: bool,

    /// Hours in a working year for conversions, 52 to 8784 (BLS convention:
    /// 2080)
    #[arg(
        long,
        default_value_t = 2080.0,
        value_name = "N",
        allow_negative_numbers = true
    )]
    pub hours_per_year: f64,

    /// Official wages for this area: a state (`TX`, `texas`) or a metro area
    /// (`Austin`); default: national
    #[arg(long, value_name = "AREA")]
    pub area: Option<String>,

    /// Rank official occupations by median annual wage in --area (default:
    /// national) and show the N best paid
    #[arg(long, value_name = "N", conflicts_with = "roles")]
    pub top: Option<usize>,
}

#[derive(Debug, Args)]
pub struct SkillsArgs {
    /// The role whose skills to show: its guides' lists and the O*NET
    /// ratings of its SOC occupation
    #[arg(
        value_name = "ROLE",
        conflicts_with_all = ["find", "rank"],
        required_unless_present_any = ["find", "rank"]
    )]
    pub role: Option<String>,

    /// List the roles whose guides list this skill (fuzzy)
    #[arg(long, value_name = "SKILL", conflicts_with = "rank")]
    pub find: Option<String>,

    /// Rank the official occupations by O*NET's importance of this skill
    /// (one of the 35 O*NET skills, e.g. `active listening`), with pay and
    /// outlook
    #[arg(long, value_name = "SKILL")]
    pub rank: Option<String>,

    /// With --rank: show at most N occupations; 0 shows all
    #[arg(long, default_value_t = 10, value_name = "N", conflicts_with_all = ["role", "find"])]
    pub limit: usize,

    /// With --rank: official wages for this area: a state (`TX`, `texas`) or a
    /// metro area (`Austin`); default: national
    #[arg(long, value_name = "AREA", conflicts_with_all = ["role", "find"])]
    pub area: Option<String>,
}

#[derive(Debug, Args)]
pub struct LadderArgs {
    /// Show the ladders this role is on (default: every ladder)
    #[arg(value_name = "ROLE")]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PathBy {
    /// Fewest steps
    Steps,
    /// Least typical time, where years are known
    Years,
}

#[derive(Debug, Args)]
pub struct PathArgs {
    /// Where you are: a role or occupation
    #[arg(value_name = "FROM")]
    pub from: String,

    /// Where you want to be (default: rank the destinations within reach)
    #[arg(value_name = "TO")]
    pub to: Option<String>,

    /// Route by fewest steps or least typical years (the guides' ladders)
    #[arg(long, value_enum, default_value_t = PathBy::Steps)]
    pub by: PathBy,

    /// Official wages for this area: a state (`TX`, `texas`) or a metro area
    /// (`Austin`); default: national
    #[arg(long, value_name = "AREA")]
    pub area: Option<String>,

    /// Show pay by the hour, converting yearly figures (marked as converted)
    #[arg(long)]
    pub hourly: bool,

    /// Without TO: leave out destinations whose typical entry-level education
    /// is above LEVEL (none, high-school, postsecondary, some-college,
    /// associate, bachelor, master, doctoral, or the BLS wording) or unknown
    #[arg(long, value_name = "LEVEL", value_parser = crate::graph::rank::parse_education, conflicts_with = "to")]
    pub max_education: Option<crate::official::Education>,

    /// Without TO: leave out destinations that pay less than PERCENT more
    /// (negative: less), or whose pay cannot be compared
    #[arg(
        long,
        value_name = "PERCENT",
        allow_negative_numbers = true,
        conflicts_with = "to"
    )]
    pub min_pay_gain: Option<f64>,

    /// Show N routes (default 3) or N destinations (default 10); 0 shows all
    /// (at most 100 routes)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Data directories to check (default: the bundled catalog)
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn exit_codes_are_in_the_help() {
        assert!(AFTER_HELP.contains(EXIT_CODES));
    }
}
