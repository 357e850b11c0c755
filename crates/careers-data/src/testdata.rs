//! The repository's bundled data files, read and validated, for unit tests
//! that want real roles.

use crate::model::Role;
use crate::validate::{check_set, Base, FileText};
use std::path::{Path, PathBuf};

/// The repository's `data/` directory.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn read(path: PathBuf, name: String) -> FileText {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    FileText { file: name, text }
}

/// `data/sources.toml` and every `data/roles/*.toml`, in file-name order.
pub fn bundled_files() -> (Vec<FileText>, Vec<FileText>) {
    let dir = data_dir();
    let sources = vec![read(dir.join("sources.toml"), "data/sources.toml".into())];
    let mut names: Vec<String> = std::fs::read_dir(dir.join("roles"))
        .expect("data/roles")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    let roles = names
        .into_iter()
        .map(|n| read(dir.join("roles").join(&n), format!("data/roles/{n}")))
        .collect();
    (sources, roles)
}

/// The bundled roles, validated as build.rs validates them.
pub fn bundled_roles() -> Vec<Role> {
    let (sources, roles) = bundled_files();
    match check_set(&sources, &roles, &Base::default()) {
        Ok((_, roles)) => roles,
        Err(problems) => panic!("the bundled data is invalid: {problems:?}"),
    }
}

/// A role file that fills every field of a role once (twice for lists
/// whose order matters to a test), citing `src-a` and `src-b`.
pub const FULL_ROLE: &str = r#"id = "full-role"
title = "Full Role"
family = { name = "Customer Service", source = "src-a" }
aliases = [{ name = "Complete Role", source = "src-b" }]

[[summary]]
source = "src-a"
paragraphs = ["Summary."]

[[overview]]
source = "src-b"
paragraphs = ["Overview."]

[[responsibilities]]
source = "src-a"
items = ["Answer calls"]

[[work_setting]]
source = "src-a"
paragraphs = ["An office."]

[[employers]]
source = "src-a"
items = ["Banks"]

[[tech_stack]]
source = "src-a"
tools = [{ name = "Help Desk Platforms", examples = ["Zendesk"] }]

[[tech_skills]]
source = "src-a"
items = ["Typing"]

[[soft_skills]]
source = "src-b"
items = ["Empathy"]

[[qualities]]
source = "src-a"
name = "Patience"
text = "Stays calm."

[[skill_map]]
source = "src-a"
name = "Communication"
description = "Talking."
skills = ["Active listening"]

[[education]]
source = "src-a"
minimum = "High school diploma"

[[certifications]]
source = "src-a"
items = ["CCSP"]

[[experience]]
source = "src-a"
min_years = 1
max_years = 3

[[getting_started]]
source = "src-a"
paragraphs = ["Apply."]

[[salary]]
source = "src-a"
currency = "USD"
period = "year"
range = { min = 30000, max = 50000 }
median = 40000

[[salary]]
source = "src-b"
currency = "USD"
period = "hour"
median = 20

[[outlook]]
source = "src-a"
growth_percent = 5.0
trend = "growing"

[[remote]]
source = "src-a"
remote_friendly = true

[[global_outlook]]
source = "src-a"
paragraphs = ["Everywhere."]

[[job_market]]
source = "src-a"
trends = "Chat."

[[day_in_the_life]]
source = "src-a"
blocks = [{ label = "Morning", tasks = ["Email"] }]

[[work_life]]
source = "src-a"
stress = "Moderate"

[[pros]]
source = "src-a"
items = ["Variety"]

[[cons]]
source = "src-a"
items = ["Angry callers"]

[[beginner_mistakes]]
source = "src-a"
items = ["Rushing"]

[[advice]]
source = "src-a"
items = ["Listen"]

[[case_studies]]
source = "src-a"
title = "A case"
story = "It happened."
takeaway = "Learn."

[[portfolio_tips]]
source = "src-a"
paragraphs = ["Keep notes."]

[[cover_letter]]
source = "src-a"
paragraphs = ["Dear team."]

[[faq]]
source = "src-a"
question = "Why?"
answer = "Because."

[[metrics]]
source = "src-a"
name = "Customer satisfaction"
short = "CSAT"

[[figures]]
source = "src-a"
name = "Calls per shift"
min = 40.0
max = 60.0
unit = "calls"

[[reports_to]]
source = "src-a"
title = "Team Lead"

[[differs_from]]
source = "src-a"
title = "Call Center Agent"
text = "Fewer channels."

[[related]]
source = "src-a"
title = "Help Desk Technician"

[[ladder]]
source = "src-a"
name = "Support ladder"
tiers = [{ title = "Full Role", min_years = 0, role = "full-role" }]

[[moves]]
source = "src-b"
to = "Team Lead"
kind = "promotion"

[[soc]]
code = "43-4051"
source = "src-b"

[[soc]]
code = "43-9061"
reason = "Office clerks do much the same."
"#;

/// A sources file defining `src-a` and `src-b`.
pub const FULL_SOURCES: &str = r#"[[source]]
id = "src-a"
title = "Source A"
kind = "essay"

[[source]]
id = "src-b"
title = "Source B"
kind = "essay"
"#;

/// `text` as a role file named after its id.
pub fn role_file(id: &str, text: &str) -> FileText {
    FileText {
        file: format!("roles/{id}.toml"),
        text: text.to_string(),
    }
}

/// `text` as a sources file.
pub fn sources_file(text: &str) -> FileText {
    FileText {
        file: "sources.toml".into(),
        text: text.to_string(),
    }
}

/// A ladder file that fills every field of a ladder and its tiers, citing
/// `src-a` and linking `full-role`.
pub const FULL_LADDER: &str = r#"id = "full-ladder"
name = "Full ladder"
source = "src-a"

[[tiers]]
title = "Agent I"
level = "L1"
min_years = 0
max_years = 2
role = "full-role"
pay = { min = 30000, max = 40000, currency = "USD", period = "year" }
description = "Answers tickets."

[[tiers]]
title = "Lead"
level = "M1"
min_years = 2
pay = { min = 25, max = 30, currency = "USD", period = "hour" }
"#;

/// `text` as a ladder file named after its id.
pub fn ladder_file(id: &str, text: &str) -> FileText {
    FileText {
        file: format!("ladders/{id}.toml"),
        text: text.to_string(),
    }
}

/// [`FULL_ROLE`] written the short way: one default `source` at the top
/// of the file for the blocks that cite `src-a`, which then name none.
pub fn full_role_short() -> String {
    let body = FULL_ROLE
        .replace(", source = \"src-a\"", "")
        .replace("source = \"src-a\"\n", "");
    assert!(!body.contains("src-a"));
    format!("source = \"src-a\"\n{body}")
}
