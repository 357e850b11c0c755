//! Strict parsing of the BLS Employment Projections and O*NET tables for
//! build/occupations.rs: anything data/occupations/README.md does not
//! describe is an error naming the file, line and column. Pure (no I/O),
//! so that its unit tests (in the program's src/official/tests.rs) can
//! feed it malformed lines.

use super::categories::{DescriptionRelease, Education, Experience, Match, TaskKind, Training};
use std::collections::{HashMap, HashSet};

/// A problem, with its place in a file.
#[derive(Debug)]
pub struct Problem(pub String);

pub type Result<T> = std::result::Result<T, Problem>;

fn at(file: &str, line: usize, column: &str, message: impl std::fmt::Display) -> Problem {
    Problem(format!("{file}:{line}: column `{column}`: {message}"))
}

pub const PROJECTIONS: &str = "projections.tsv";
pub const SAMPLE_TITLES: &str = "sample_titles.tsv";
pub const OCCUPATIONS: &str = "onet_occupations.tsv";
pub const ALT_TITLES: &str = "onet_alt_titles.tsv";
pub const SKILLS: &str = "onet_skills.tsv";
pub const KNOWLEDGE: &str = "onet_knowledge.tsv";
pub const TECHNOLOGY: &str = "onet_technology.tsv";
pub const RELATED: &str = "onet_related.tsv";
pub const TASKS: &str = "onet_tasks.tsv";
pub const CROSSWALK: &str = "soc_crosswalk.tsv";

/// The number of O*NET skills per SOC in onet_skills.tsv.
pub const SKILL_COUNT: usize = 35;
/// Knowledge areas kept per O*NET occupation (forage's top 15).
const KNOWLEDGE_PER_OCCUPATION: usize = 15;
/// Hot technologies kept per O*NET occupation, at most (forage).
const MAX_TECHNOLOGY: usize = 30;
/// Related occupations per O*NET occupation (forage's first 5).
const RELATED_PER_OCCUPATION: usize = 5;
/// projections.tsv's value for a top-coded median wage (">=239,200").
pub const WAGE_CAP: u32 = 239_200;

/// One O*NET occupation's knowledge: (index into the sorted names,
/// importance_0_100), in the file's order.
pub type KnowledgeRows = Vec<(u8, u8)>;
/// A SOC code and its importance (hundredths) per skill name.
pub type SkillRow = (String, [u16; SKILL_COUNT]);

pub struct ProjectionRow {
    pub soc: String,
    pub title: String,
    pub employment_2024: u32,
    pub employment_2034: u32,
    /// Percent change in tenths of a percent.
    pub change_tenths: i16,
    pub openings: u32,
    pub median_wage: Option<u32>,
    pub top_coded: bool,
    pub education: Education,
    pub experience: Experience,
    pub training: Training,
}

pub struct OnetRow {
    pub code: String,
    pub title: String,
    pub description: String,
    pub release: DescriptionRelease,
}

impl OnetRow {
    pub fn soc(&self) -> &str {
        &self.code[..7]
    }
}

pub struct CrosswalkRow {
    pub soc: String,
    pub in_oews: bool,
    /// Index into `Tables::onet`.
    pub onet: usize,
    pub matched: Match,
}

pub struct TaskRow {
    pub id: u32,
    pub kind: TaskKind,
    pub statement: String,
}

/// Every table, checked on its own and against the others.
#[derive(Default)]
pub struct Tables {
    /// By SOC code.
    pub projections: Vec<ProjectionRow>,
    /// (SOC, title) in file order.
    pub sample_titles: Vec<(String, String)>,
    /// By O*NET-SOC code.
    pub onet: Vec<OnetRow>,
    /// The rows of each O*NET occupation (parallel to `onet`).
    pub alt_titles: Vec<Vec<String>>,
    pub knowledge: Vec<KnowledgeRows>,
    pub technology: Vec<Vec<String>>,
    pub related: Vec<Vec<u16>>,
    pub tasks: Vec<Vec<TaskRow>>,
    /// The 35 skill names, in the table's (alphabetical) order.
    pub skill_names: Vec<String>,
    /// (SOC, importance in hundredths per skill name), by SOC.
    pub skills: Vec<SkillRow>,
    /// The knowledge names, sorted.
    pub knowledge_names: Vec<String>,
    /// By BLS code, then O*NET code.
    pub crosswalk: Vec<CrosswalkRow>,
}

/// Calls `each` with the 1-based line number and fields of every line of
/// a TSV file after its header, which must be `header`.
fn records<'a>(
    file: &str,
    text: &'a str,
    header: &str,
    mut each: impl FnMut(usize, &[&'a str]) -> Result<()>,
) -> Result<()> {
    let Some(body) = text.strip_suffix('\n') else {
        return Err(Problem(format!(
            "{file}: the last line does not end with a line feed"
        )));
    };
    let mut lines = body.split('\n');
    let first = lines.next().unwrap_or("");
    if first != header {
        return Err(Problem(format!(
            "{file}:1: the header is `{first}`, expected `{header}`"
        )));
    }
    let names: Vec<&str> = header.split('\t').collect();
    let mut fields: Vec<&'a str> = Vec::with_capacity(names.len());
    for (i, line) in lines.enumerate() {
        let n = i + 2;
        fields.clear();
        fields.extend(line.split('\t'));
        if fields.len() != names.len() {
            let column = names[fields.len().clamp(1, names.len()) - 1];
            return Err(at(
                file,
                n,
                column,
                format!("{} fields, expected {}", fields.len(), names.len()),
            ));
        }
        for (value, name) in fields.iter().zip(&names) {
            if value.trim() != *value || value.chars().any(char::is_control) {
                return Err(at(
                    file,
                    n,
                    name,
                    format!("`{value}` is padded or has control characters"),
                ));
            }
        }
        each(n, &fields)?;
    }
    Ok(())
}

fn is_soc(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b.iter().enumerate().all(|(i, c)| {
            if i == 2 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

fn is_onet_soc(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && is_soc(&s[..7])
        && b[7] == b'.'
        && b[8].is_ascii_digit()
        && b[9].is_ascii_digit()
}

fn text(file: &str, line: usize, column: &str, s: &str) -> Result<()> {
    if s.is_empty() {
        return Err(at(file, line, column, "is empty"));
    }
    Ok(())
}

fn soc(file: &str, line: usize, column: &str, s: &str) -> Result<()> {
    if !is_soc(s) {
        return Err(at(file, line, column, format!("`{s}` is not NN-NNNN")));
    }
    Ok(())
}

/// An unsigned integer without sign, separators or leading zeros.
fn count(file: &str, line: usize, column: &str, s: &str) -> Result<u32> {
    let digits = !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    match s.parse::<u32>() {
        Ok(v) if digits && (s == "0" || !s.starts_with('0')) => Ok(v),
        _ => Err(at(
            file,
            line,
            column,
            format!("`{s}` is not a whole number"),
        )),
    }
}

/// The code's O*NET occupation, which `file` must not name before
/// onet_occupations.tsv does; checks that `soc` is its first 7 characters
/// and that rows come in code order.
struct Keys<'t> {
    file: &'static str,
    index: &'t HashMap<String, usize>,
    last: Option<usize>,
}

impl Keys<'_> {
    fn onet(&mut self, n: usize, code: &str, soc_col: &str) -> Result<usize> {
        let file = self.file;
        let Some(&i) = self.index.get(code) else {
            return Err(at(
                file,
                n,
                "onet_soc",
                format!("`{code}` is not in {OCCUPATIONS}"),
            ));
        };
        if code.get(..7) != Some(soc_col) {
            return Err(at(
                file,
                n,
                "soc",
                format!("`{soc_col}` is not the start of `{code}`"),
            ));
        }
        if self.last.is_some_and(|last| i < last) {
            return Err(at(file, n, "onet_soc", format!("`{code}` is out of order")));
        }
        self.last = Some(i);
        Ok(i)
    }
}

pub fn parse_projections(text_: &str) -> Result<Vec<ProjectionRow>> {
    let file = PROJECTIONS;
    let mut out: Vec<ProjectionRow> = Vec::new();
    let header = "soc\ttitle\temployment_2024\temployment_2034\tchange_pct\topenings_per_year\tmedian_wage_2024\tentry_education\twork_experience\tjob_training\tmedian_wage_topcoded";
    records(file, text_, header, |n, f| {
        soc(file, n, "soc", f[0])?;
        if out.last().is_some_and(|p| p.soc.as_str() >= f[0]) {
            return Err(at(
                file,
                n,
                "soc",
                format!("`{}` is out of order or repeated", f[0]),
            ));
        }
        text(file, n, "title", f[1])?;
        let employment_2024 = count(file, n, "employment_2024", f[2])?;
        let employment_2034 = count(file, n, "employment_2034", f[3])?;
        for (col, v) in [
            ("employment_2024", employment_2024),
            ("employment_2034", employment_2034),
        ] {
            if v % 100 != 0 {
                return Err(at(file, n, col, format!("`{v}` is not a multiple of 100")));
            }
        }
        let change_tenths = tenths(f[4]).ok_or_else(|| {
            at(
                file,
                n,
                "change_pct",
                format!("`{}` is not a number with one decimal", f[4]),
            )
        })?;
        let openings = count(file, n, "openings_per_year", f[5])?;
        let median_wage = match f[6] {
            "" => None,
            s => Some(count(file, n, "median_wage_2024", s)?),
        };
        let top_coded = match f[10] {
            "0" => false,
            "1" => true,
            other => {
                return Err(at(
                    file,
                    n,
                    "median_wage_topcoded",
                    format!("`{other}` is not 0 or 1"),
                ))
            }
        };
        if top_coded && median_wage != Some(WAGE_CAP) {
            return Err(at(
                file,
                n,
                "median_wage_2024",
                format!("a top-coded wage must be {WAGE_CAP}"),
            ));
        }
        let category = |col: &str, s: &str, ok: bool| {
            if ok {
                Ok(())
            } else {
                Err(at(file, n, col, format!("`{s}` is not a BLS category")))
            }
        };
        let education = Education::from_label(f[7]);
        category("entry_education", f[7], education.is_some())?;
        let experience = Experience::from_label(f[8]);
        category("work_experience", f[8], experience.is_some())?;
        let training = Training::from_label(f[9]);
        category("job_training", f[9], training.is_some())?;
        out.push(ProjectionRow {
            soc: f[0].to_string(),
            title: f[1].to_string(),
            employment_2024,
            employment_2034,
            change_tenths,
            openings,
            median_wage,
            top_coded,
            education: education.unwrap_or(Education::NoFormalCredential),
            experience: experience.unwrap_or(Experience::None),
            training: training.unwrap_or(Training::None),
        });
        Ok(())
    })?;
    Ok(out)
}

/// `-5.5` as -55: an optional minus, digits, one decimal.
fn tenths(s: &str) -> Option<i16> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.')?;
    let plain = |d: &str| !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit());
    if !plain(int) || frac.len() != 1 || !plain(frac) || (int.len() > 1 && int.starts_with('0')) {
        return None;
    }
    let v = int.parse::<i32>().ok()?.checked_mul(10)? + frac.parse::<i32>().ok()?;
    i16::try_from(if neg { -v } else { v }).ok()
}

/// `4.19` as 419: the skills' importance, 1.00 to 5.00 with two decimals.
fn hundredths(s: &str) -> Option<u16> {
    let (int, frac) = s.split_once('.')?;
    if int.len() != 1 || frac.len() != 2 || !frac.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let v = int.parse::<u16>().ok()? * 100 + frac.parse::<u16>().ok()?;
    (100..=500).contains(&v).then_some(v)
}

pub fn parse_occupations(text_: &str) -> Result<Vec<OnetRow>> {
    let file = OCCUPATIONS;
    let mut out: Vec<OnetRow> = Vec::new();
    records(
        file,
        text_,
        "onet_soc\tsoc\ttitle\tdescription\trelease",
        |n, f| {
            if !is_onet_soc(f[0]) {
                return Err(at(
                    file,
                    n,
                    "onet_soc",
                    format!("`{}` is not NN-NNNN.NN", f[0]),
                ));
            }
            if f[0].get(..7) != Some(f[1]) {
                return Err(at(
                    file,
                    n,
                    "soc",
                    format!("`{}` is not the start of `{}`", f[1], f[0]),
                ));
            }
            if out.last().is_some_and(|p| p.code.as_str() >= f[0]) {
                return Err(at(
                    file,
                    n,
                    "onet_soc",
                    format!("`{}` is out of order or repeated", f[0]),
                ));
            }
            text(file, n, "title", f[2])?;
            text(file, n, "description", f[3])?;
            let release = DescriptionRelease::from_label(f[4]).ok_or_else(|| {
                at(
                    file,
                    n,
                    "release",
                    format!("`{}` is not 29.1 or 25.1", f[4]),
                )
            })?;
            out.push(OnetRow {
                code: f[0].to_string(),
                title: f[2].to_string(),
                description: f[3].to_string(),
                release,
            });
            Ok(())
        },
    )?;
    if out.len() > usize::from(u16::MAX) {
        return Err(Problem(format!("{file}: too many occupations")));
    }
    Ok(out)
}

pub fn parse_sample_titles(
    text_: &str,
    projections: &[ProjectionRow],
) -> Result<Vec<(String, String)>> {
    let file = SAMPLE_TITLES;
    let known: HashSet<&str> = projections.iter().map(|p| p.soc.as_str()).collect();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    records(file, text_, "soc\ttitle", |n, f| {
        soc(file, n, "soc", f[0])?;
        if !known.contains(f[0]) {
            return Err(at(
                file,
                n,
                "soc",
                format!("`{}` is not in {PROJECTIONS}", f[0]),
            ));
        }
        if out.last().is_some_and(|(s, _)| s.as_str() > f[0]) {
            return Err(at(file, n, "soc", format!("`{}` is out of order", f[0])));
        }
        text(file, n, "title", f[1])?;
        if !seen.insert((f[0].to_string(), f[1].to_string())) {
            return Err(at(
                file,
                n,
                "title",
                format!("`{}` is listed twice for {}", f[1], f[0]),
            ));
        }
        out.push((f[0].to_string(), f[1].to_string()));
        Ok(())
    })?;
    Ok(out)
}

/// The O*NET code index used by the per-occupation tables.
pub fn onet_index(onet: &[OnetRow]) -> HashMap<String, usize> {
    onet.iter()
        .enumerate()
        .map(|(i, o)| (o.code.clone(), i))
        .collect()
}

/// The 29.1 tables cover only the occupations forage has (release 29.1).
fn from_29_1(file: &str, n: usize, onet: &[OnetRow], i: usize) -> Result<()> {
    if onet[i].release != DescriptionRelease::R29_1 {
        return Err(at(
            file,
            n,
            "onet_soc",
            format!(
                "`{}` comes from O*NET 25.1 in {OCCUPATIONS}; this table has only 29.1 occupations",
                onet[i].code
            ),
        ));
    }
    Ok(())
}

pub fn parse_alt_titles(
    text_: &str,
    onet: &[OnetRow],
    index: &HashMap<String, usize>,
) -> Result<Vec<Vec<String>>> {
    let file = ALT_TITLES;
    let mut out = vec![Vec::new(); onet.len()];
    let mut keys = Keys {
        file,
        index,
        last: None,
    };
    records(file, text_, "onet_soc\tsoc\talt_title", |n, f| {
        let i = keys.onet(n, f[0], f[1])?;
        from_29_1(file, n, onet, i)?;
        text(file, n, "alt_title", f[2])?;
        let list: &mut Vec<String> = &mut out[i];
        if list.iter().any(|t| t == f[2]) {
            return Err(at(
                file,
                n,
                "alt_title",
                format!("`{}` is listed twice for {}", f[2], f[0]),
            ));
        }
        list.push(f[2].to_string());
        Ok(())
    })?;
    Ok(out)
}

pub fn parse_technology(
    text_: &str,
    onet: &[OnetRow],
    index: &HashMap<String, usize>,
) -> Result<Vec<Vec<String>>> {
    let file = TECHNOLOGY;
    let mut out = vec![Vec::new(); onet.len()];
    let mut keys = Keys {
        file,
        index,
        last: None,
    };
    records(file, text_, "onet_soc\tsoc\ttechnology", |n, f| {
        let i = keys.onet(n, f[0], f[1])?;
        from_29_1(file, n, onet, i)?;
        text(file, n, "technology", f[2])?;
        let list: &mut Vec<String> = &mut out[i];
        if list.iter().any(|t| t == f[2]) {
            return Err(at(
                file,
                n,
                "technology",
                format!("`{}` is listed twice for {}", f[2], f[0]),
            ));
        }
        if list.len() == MAX_TECHNOLOGY {
            return Err(at(
                file,
                n,
                "technology",
                format!("more than {MAX_TECHNOLOGY} for {}", f[0]),
            ));
        }
        list.push(f[2].to_string());
        Ok(())
    })?;
    Ok(out)
}

pub fn parse_related(
    text_: &str,
    onet: &[OnetRow],
    index: &HashMap<String, usize>,
) -> Result<Vec<Vec<u16>>> {
    let file = RELATED;
    let mut out: Vec<Vec<u16>> = vec![Vec::new(); onet.len()];
    let mut keys = Keys {
        file,
        index,
        last: None,
    };
    records(
        file,
        text_,
        "onet_soc\tsoc\trelated_onet_soc\trelated_soc\trank",
        |n, f| {
            let i = keys.onet(n, f[0], f[1])?;
            from_29_1(file, n, onet, i)?;
            let Some(&r) = index.get(f[2]) else {
                return Err(at(
                    file,
                    n,
                    "related_onet_soc",
                    format!("`{}` is not in {OCCUPATIONS}", f[2]),
                ));
            };
            if f[2].get(..7) != Some(f[3]) {
                return Err(at(
                    file,
                    n,
                    "related_soc",
                    format!("`{}` is not the start of `{}`", f[3], f[2]),
                ));
            }
            let list = &mut out[i];
            let rank = count(file, n, "rank", f[4])?;
            if rank as usize != list.len() + 1 || list.len() == RELATED_PER_OCCUPATION {
                return Err(at(
                    file,
                    n,
                    "rank",
                    format!(
                        "`{rank}` does not follow rank {} (ranks go 1 to {RELATED_PER_OCCUPATION})",
                        list.len()
                    ),
                ));
            }
            if r == i || list.contains(&(r as u16)) {
                return Err(at(
                    file,
                    n,
                    "related_onet_soc",
                    format!("`{}` is repeated or the occupation itself", f[2]),
                ));
            }
            list.push(r as u16);
            Ok(())
        },
    )?;
    Ok(out)
}

pub fn parse_tasks(
    text_: &str,
    onet: &[OnetRow],
    index: &HashMap<String, usize>,
) -> Result<Vec<Vec<TaskRow>>> {
    let file = TASKS;
    let mut out: Vec<Vec<TaskRow>> = std::iter::repeat_with(Vec::new).take(onet.len()).collect();
    let mut keys = Keys {
        file,
        index,
        last: None,
    };
    let mut ids: HashSet<u32> = HashSet::new();
    records(
        file,
        text_,
        "onet_soc\tsoc\ttask_id\ttask_type\tstatement",
        |n, f| {
            let i = keys.onet(n, f[0], f[1])?;
            let id = count(file, n, "task_id", f[2])?;
            if !ids.insert(id) {
                return Err(at(file, n, "task_id", format!("`{id}` appears twice")));
            }
            let list = &mut out[i];
            if list.last().is_some_and(|t| t.id > id) {
                return Err(at(file, n, "task_id", format!("`{id}` is out of order")));
            }
            let kind = TaskKind::from_label(f[3]).ok_or_else(|| {
                at(
                    file,
                    n,
                    "task_type",
                    format!("`{}` is not Core, Supplemental or empty", f[3]),
                )
            })?;
            text(file, n, "statement", f[4])?;
            list.push(TaskRow {
                id,
                kind,
                statement: f[4].to_string(),
            });
            Ok(())
        },
    )?;
    Ok(out)
}

/// The knowledge rows, with the names indexed into `names` (sorted).
pub fn parse_knowledge(
    text_: &str,
    onet: &[OnetRow],
    index: &HashMap<String, usize>,
) -> Result<(Vec<String>, Vec<KnowledgeRows>)> {
    let file = KNOWLEDGE;
    let mut rows: Vec<Vec<(String, u8)>> = vec![Vec::new(); onet.len()];
    let mut keys = Keys {
        file,
        index,
        last: None,
    };
    let mut last_line: HashMap<usize, usize> = HashMap::new();
    records(
        file,
        text_,
        "onet_soc\tsoc\tknowledge\timportance_0_100",
        |n, f| {
            let i = keys.onet(n, f[0], f[1])?;
            from_29_1(file, n, onet, i)?;
            text(file, n, "knowledge", f[2])?;
            let v = count(file, n, "importance_0_100", f[3])?;
            // IM 1 to 5 rescaled by forage as round(IM / 5 * 100).
            if !(20..=100).contains(&v) {
                return Err(at(
                    file,
                    n,
                    "importance_0_100",
                    format!("`{v}` is not 20 to 100"),
                ));
            }
            let list = &mut rows[i];
            if list.iter().any(|(k, _)| k == f[2]) {
                return Err(at(
                    file,
                    n,
                    "knowledge",
                    format!("`{}` is listed twice for {}", f[2], f[0]),
                ));
            }
            if list.last().is_some_and(|&(_, last)| u32::from(last) < v) {
                return Err(at(
                    file,
                    n,
                    "importance_0_100",
                    "rows are not by importance, highest first",
                ));
            }
            if list.len() == KNOWLEDGE_PER_OCCUPATION {
                return Err(at(
                    file,
                    n,
                    "knowledge",
                    format!("more than {KNOWLEDGE_PER_OCCUPATION} for {}", f[0]),
                ));
            }
            list.push((f[2].to_string(), v as u8));
            last_line.insert(i, n);
            Ok(())
        },
    )?;
    for (i, list) in rows.iter().enumerate() {
        if !list.is_empty() && list.len() != KNOWLEDGE_PER_OCCUPATION {
            let n = last_line.get(&i).copied().unwrap_or(0);
            return Err(at(
                file,
                n,
                "onet_soc",
                format!(
                    "{} has {} rows, expected {KNOWLEDGE_PER_OCCUPATION}",
                    onet[i].code,
                    list.len()
                ),
            ));
        }
    }
    let mut names: Vec<String> = rows.iter().flatten().map(|(k, _)| k.clone()).collect();
    names.sort();
    names.dedup();
    if names.len() > usize::from(u8::MAX) {
        return Err(Problem(format!("{file}: too many knowledge areas")));
    }
    let ids: HashMap<&str, u8> = names
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i as u8))
        .collect();
    let coded = rows
        .iter()
        .map(|list| list.iter().map(|(k, v)| (ids[k.as_str()], *v)).collect())
        .collect();
    Ok((names, coded))
}

/// The skill names (alphabetical, as every SOC lists them) and each SOC's
/// 35 importances.
pub fn parse_skills(text_: &str) -> Result<(Vec<String>, Vec<SkillRow>)> {
    let file = SKILLS;
    let mut names: Vec<String> = Vec::new();
    let mut out: Vec<(String, [u16; SKILL_COUNT])> = Vec::new();
    let mut at_skill = 0;
    records(file, text_, "soc\tskill\timportance", |n, f| {
        soc(file, n, "soc", f[0])?;
        if at_skill == 0 {
            if out.last().is_some_and(|(s, _)| s.as_str() >= f[0]) {
                return Err(at(
                    file,
                    n,
                    "soc",
                    format!("`{}` is out of order or repeated", f[0]),
                ));
            }
            out.push((f[0].to_string(), [0; SKILL_COUNT]));
        } else if out.last().is_none_or(|(s, _)| s != f[0]) {
            return Err(at(
                file,
                n,
                "soc",
                format!(
                    "`{}` starts before the previous SOC has {SKILL_COUNT} skills",
                    f[0]
                ),
            ));
        }
        text(file, n, "skill", f[1])?;
        if names.len() < SKILL_COUNT {
            if names.last().is_some_and(|last| last.as_str() >= f[1]) {
                return Err(at(
                    file,
                    n,
                    "skill",
                    format!("`{}` is out of alphabetical order", f[1]),
                ));
            }
            names.push(f[1].to_string());
        } else if names[at_skill] != f[1] {
            return Err(at(
                file,
                n,
                "skill",
                format!("`{}` where `{}` is expected", f[1], names[at_skill]),
            ));
        }
        let v = hundredths(f[2]).ok_or_else(|| {
            at(
                file,
                n,
                "importance",
                format!("`{}` is not 1.00 to 5.00 with two decimals", f[2]),
            )
        })?;
        if let Some((_, values)) = out.last_mut() {
            values[at_skill] = v;
        }
        at_skill = (at_skill + 1) % SKILL_COUNT;
        Ok(())
    })?;
    if at_skill != 0 {
        return Err(Problem(format!(
            "{file}: the last SOC has {at_skill} skills, expected {SKILL_COUNT}"
        )));
    }
    Ok((names, out))
}

pub fn parse_crosswalk(
    text_: &str,
    onet: &[OnetRow],
    index: &HashMap<String, usize>,
    projections: &[ProjectionRow],
) -> Result<Vec<CrosswalkRow>> {
    let file = CROSSWALK;
    let mut out: Vec<CrosswalkRow> = Vec::new();
    let mut mapped: HashSet<usize> = HashSet::new();
    records(
        file,
        text_,
        "soc\tbls_title\tin_oews\tonet_soc\tonet_title\tmatch",
        |n, f| {
            soc(file, n, "soc", f[0])?;
            text(file, n, "bls_title", f[1])?;
            let in_oews = match f[2] {
                "1" => true,
                "0" => false,
                other => return Err(at(file, n, "in_oews", format!("`{other}` is not 0 or 1"))),
            };
            let Some(&i) = index.get(f[3]) else {
                return Err(at(
                    file,
                    n,
                    "onet_soc",
                    format!("`{}` is not in {OCCUPATIONS}", f[3]),
                ));
            };
            if onet[i].title != f[4] {
                return Err(at(
                    file,
                    n,
                    "onet_title",
                    format!("`{}` is not the title in {OCCUPATIONS}", f[4]),
                ));
            }
            let matched = Match::from_label(f[5]).ok_or_else(|| {
                at(
                    file,
                    n,
                    "match",
                    format!("`{}` is not soc, onet_detail or bls_aggregate", f[5]),
                )
            })?;
            let fits = match matched {
                Match::Soc => f[3] == format!("{}.00", f[0]),
                Match::OnetDetail => f[3].starts_with(f[0]) && !f[3].ends_with(".00"),
                Match::BlsAggregate => !f[3].starts_with(f[0]),
            };
            if !fits {
                return Err(at(
                    file,
                    n,
                    "match",
                    format!("`{}` does not fit {} and {}", f[5], f[0], f[3]),
                ));
            }
            if let Some(last) = out.last() {
                let order = (last.soc.as_str(), last.onet).cmp(&(f[0], i));
                if order != std::cmp::Ordering::Less {
                    return Err(at(file, n, "onet_soc", "rows are out of order or repeated"));
                }
                if last.soc == f[0] && last.in_oews != in_oews {
                    return Err(at(
                        file,
                        n,
                        "in_oews",
                        format!("differs between rows of {}", f[0]),
                    ));
                }
            }
            if !mapped.insert(i) {
                return Err(at(
                    file,
                    n,
                    "onet_soc",
                    format!("`{}` is mapped twice", f[3]),
                ));
            }
            out.push(CrosswalkRow {
                soc: f[0].to_string(),
                in_oews,
                onet: i,
                matched,
            });
            Ok(())
        },
    )?;
    let mut socs: Vec<&str> = out.iter().map(|c| c.soc.as_str()).collect();
    socs.dedup();
    let projected: Vec<&str> = projections.iter().map(|p| p.soc.as_str()).collect();
    if socs != projected {
        return Err(Problem(format!(
            "{file}: its BLS codes are not those of {PROJECTIONS} ({} against {})",
            socs.len(),
            projected.len()
        )));
    }
    Ok(out)
}

/// Checks across tables that the README states and the encoder relies on.
pub fn check_tables(t: &Tables) -> Result<()> {
    let bls: HashSet<&str> = t.projections.iter().map(|p| p.soc.as_str()).collect();
    for (soc, _) in &t.skills {
        // Skills come by 6-digit code: BLS codes and the O*NET split codes.
        if !bls.contains(soc.as_str()) && !t.onet.iter().any(|o| o.soc() == soc) {
            return Err(Problem(format!(
                "{SKILLS}: `{soc}` is neither a BLS nor an O*NET code"
            )));
        }
    }
    Ok(())
}

/// Parses every table from its text (`texts` maps file name to text).
pub fn parse_all(texts: &HashMap<&str, String>) -> Result<Tables> {
    let get = |name: &str| {
        texts
            .get(name)
            .map(String::as_str)
            .ok_or_else(|| Problem(format!("{name} is missing")))
    };
    let projections = parse_projections(get(PROJECTIONS)?)?;
    let sample_titles = parse_sample_titles(get(SAMPLE_TITLES)?, &projections)?;
    let onet = parse_occupations(get(OCCUPATIONS)?)?;
    let index = onet_index(&onet);
    let alt_titles = parse_alt_titles(get(ALT_TITLES)?, &onet, &index)?;
    let technology = parse_technology(get(TECHNOLOGY)?, &onet, &index)?;
    let related = parse_related(get(RELATED)?, &onet, &index)?;
    let tasks = parse_tasks(get(TASKS)?, &onet, &index)?;
    let (knowledge_names, knowledge) = parse_knowledge(get(KNOWLEDGE)?, &onet, &index)?;
    let (skill_names, skills) = parse_skills(get(SKILLS)?)?;
    let crosswalk = parse_crosswalk(get(CROSSWALK)?, &onet, &index, &projections)?;
    let tables = Tables {
        projections,
        sample_titles,
        onet,
        alt_titles,
        knowledge,
        technology,
        related,
        tasks,
        skill_names,
        skills,
        knowledge_names,
        crosswalk,
    };
    check_tables(&tables)?;
    Ok(tables)
}
