//! Strict parsing of the OEWS TSV files for build/wages.rs: anything
//! data/oews-2025/README.md does not describe is an error naming the
//! file, line and column. Pure (no I/O), so the unit tests below feed it
//! malformed lines.

use super::format::{self, Cell, Row, COLUMNS};
use super::postal;
use std::collections::{BTreeMap, HashMap};

pub const DATA_HEADER: &str = "area_code\tsoc_code\temployment\temployment_rse\thourly_mean\tannual_mean\twage_rse\thourly_p10\thourly_p25\thourly_median\thourly_p75\thourly_p90\tannual_p10\tannual_p25\tannual_median\tannual_p75\tannual_p90\tfootnotes";

/// A problem at a place in a file.
pub struct Problem(pub String);

pub type Result<T> = std::result::Result<T, Problem>;

fn at(file: &str, line: usize, column: &str, message: impl std::fmt::Display) -> Problem {
    Problem(format!("{file}:{line}: column `{column}`: {message}"))
}

pub struct OccupationRow {
    pub soc: String,
    pub title: String,
    pub level: u8,
}

pub struct AreaRow {
    pub code: String,
    pub kind: char,
    pub name: String,
    pub fips: String,
}

/// Calls `each` with the 1-based line number and fields of every line of
/// a TSV file after its header, which must be `header`.
fn records<'a>(
    file: &str,
    text: &'a str,
    header: &str,
    mut each: impl FnMut(usize, &[&'a str]) -> Result<()>,
) -> Result<()> {
    let body = text.strip_suffix('\n').unwrap_or(text);
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
        each(n, &fields)?;
    }
    Ok(())
}

fn is_soc(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

fn plain_text(file: &str, line: usize, column: &str, s: &str) -> Result<()> {
    if s.trim().is_empty() || s.trim() != s || s.chars().any(char::is_control) {
        return Err(at(
            file,
            line,
            column,
            format!("`{s}` is empty, padded or has control characters"),
        ));
    }
    Ok(())
}

pub fn parse_occupations(file: &str, text: &str) -> Result<Vec<OccupationRow>> {
    let mut out: Vec<OccupationRow> = Vec::new();
    records(file, text, "soc_code\ttitle\tlevel", |n, f| {
        if !is_soc(f[0]) {
            return Err(at(
                file,
                n,
                "soc_code",
                format!("`{}` is not NN-NNNN", f[0]),
            ));
        }
        plain_text(file, n, "title", f[1])?;
        let level = match f[2] {
            "0" => 0,
            "1" => 1,
            "2" => 2,
            "3" => 3,
            other => return Err(at(file, n, "level", format!("`{other}` is not 0 to 3"))),
        };
        out.push(OccupationRow {
            soc: f[0].to_string(),
            title: f[1].to_string(),
            level,
        });
        Ok(())
    })?;
    out.sort_by(|a, b| a.soc.cmp(&b.soc));
    if let Some(w) = out.windows(2).find(|w| w[0].soc == w[1].soc) {
        return Err(Problem(format!("{file}: `{}` is listed twice", w[0].soc)));
    }
    if out.len() > usize::from(u16::MAX) {
        return Err(Problem(format!("{file}: too many occupations")));
    }
    Ok(out)
}

pub fn parse_areas(file: &str, text: &str) -> Result<Vec<AreaRow>> {
    let mut out: Vec<AreaRow> = Vec::new();
    records(file, text, "area_code\ttype\tname\tstate_fips", |n, f| {
        if f[0].len() != 7 || !f[0].bytes().all(|c| c.is_ascii_digit()) {
            return Err(at(
                file,
                n,
                "area_code",
                format!("`{}` is not 7 digits", f[0]),
            ));
        }
        let kind = match f[1] {
            "N" => 'N',
            "S" => 'S',
            "M" => 'M',
            other => return Err(at(file, n, "type", format!("`{other}` is not N, S or M"))),
        };
        plain_text(file, n, "name", f[2])?;
        if f[3].len() != 2 || !f[3].bytes().all(|c| c.is_ascii_digit()) {
            return Err(at(
                file,
                n,
                "state_fips",
                format!("`{}` is not 2 digits", f[3]),
            ));
        }
        if kind != 'N' && postal::postal_of_fips(f[3]).is_none() {
            return Err(at(
                file,
                n,
                "state_fips",
                format!(
                    "`{}` has no USPS code in crates/careers-data/src/wages/postal.rs; add it there",
                    f[3]
                ),
            ));
        }
        out.push(AreaRow {
            code: f[0].to_string(),
            kind,
            name: f[2].to_string(),
            fips: f[3].to_string(),
        });
        Ok(())
    })?;
    // Nation, states, then metropolitan and nonmetropolitan areas, each by code.
    let rank = |k: char| match k {
        'N' => 0,
        'S' => 1,
        _ => 2,
    };
    out.sort_by(|a, b| (rank(a.kind), &a.code).cmp(&(rank(b.kind), &b.code)));
    if let Some(w) = out.windows(2).find(|w| w[0].code == w[1].code) {
        return Err(Problem(format!(
            "{file}: area `{}` is listed twice",
            w[0].code
        )));
    }
    if out.iter().filter(|a| a.kind == 'N').count() != 1 {
        return Err(Problem(format!(
            "{file}: expected exactly one N (nation) area"
        )));
    }
    let mut names: Vec<String> = out.iter().map(|a| a.name.to_lowercase()).collect();
    names.sort();
    if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
        return Err(Problem(format!(
            "{file}: two areas are called `{}`; names must tell areas apart",
            w[0]
        )));
    }
    Ok(out)
}

/// A number with at most `decimals` decimal places, as an integer in
/// units of 10^-decimals. Digits, at most one `.`, nothing else.
fn fixed(s: &str, decimals: u32) -> Option<u64> {
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) if !f.is_empty() => (w, f),
        Some(_) => return None,
        None => (s, ""),
    };
    if whole.is_empty()
        || whole.len() > 12
        || frac.len() > decimals as usize
        || !whole
            .bytes()
            .chain(frac.bytes())
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let mut v: u64 = whole.parse().ok()?;
    let mut places = 0;
    for c in frac.bytes() {
        v = v * 10 + u64::from(c - b'0');
        places += 1;
    }
    for _ in places..decimals {
        v *= 10;
    }
    // Far beyond any wage or head count; keeps the coder's arithmetic safe.
    (v < 1 << 40).then_some(v)
}

/// Adds the rows of a national, states or metros file to `blocks` (one
/// map per area of `areas`, by occupation index). `kind` is the area type
/// the file holds.
pub fn parse_data(
    file: &str,
    kind: char,
    text: &str,
    areas: &[AreaRow],
    occupations: &[OccupationRow],
    blocks: &mut [BTreeMap<u16, Row>],
) -> Result<()> {
    let occ_index: HashMap<&str, u16> = occupations
        .iter()
        .enumerate()
        .map(|(i, o)| (o.soc.as_str(), i as u16))
        .collect();
    let area_index: HashMap<&str, usize> = areas
        .iter()
        .enumerate()
        .map(|(i, a)| (a.code.as_str(), i))
        .collect();
    records(file, text, DATA_HEADER, |n, f| {
        let area = *area_index.get(f[0]).ok_or_else(|| {
            at(
                file,
                n,
                "area_code",
                format!("`{}` is not in areas.tsv", f[0]),
            )
        })?;
        if areas[area].kind != kind {
            return Err(at(
                file,
                n,
                "area_code",
                format!(
                    "`{}` is of type {} in areas.tsv; this file holds type {kind}",
                    f[0], areas[area].kind
                ),
            ));
        }
        let occ = *occ_index.get(f[1]).ok_or_else(|| {
            at(
                file,
                n,
                "soc_code",
                format!("`{}` is not in occupations.tsv", f[1]),
            )
        })?;

        // footnotes: `column=code`, comma-separated, each column once.
        let mut notes: [Option<u8>; 15] = [None; 15];
        if !f[17].is_empty() {
            for item in f[17].split(',') {
                let (column, code) = item.split_once('=').ok_or_else(|| {
                    at(file, n, "footnotes", format!("`{item}` is not column=code"))
                })?;
                let cell = COLUMNS.iter().position(|c| *c == column).ok_or_else(|| {
                    at(
                        file,
                        n,
                        "footnotes",
                        format!("`{column}` is not a value column"),
                    )
                })?;
                let code: u8 = match code.parse() {
                    Ok(c) if !code.starts_with('+') => c,
                    _ => {
                        return Err(at(
                            file,
                            n,
                            "footnotes",
                            format!("`{code}` is not a footnote code"),
                        ))
                    }
                };
                if code == format::FOOTNOTE_TOP_CODED && !format::is_wage(cell) {
                    return Err(at(
                        file,
                        n,
                        "footnotes",
                        format!("{column} is not a wage and cannot be top-coded"),
                    ));
                }
                if notes[cell].replace(code).is_some() {
                    return Err(at(
                        file,
                        n,
                        "footnotes",
                        format!("two footnotes for {column}"),
                    ));
                }
            }
        }

        let mut cells = [Cell::Missing; 15];
        for (i, column) in COLUMNS.iter().enumerate() {
            let s = f[i + 2];
            cells[i] = match (s, notes[i]) {
                ("-", Some(code)) => Cell::Footnote(code),
                ("-", None) => Cell::Missing,
                (_, Some(code)) => {
                    return Err(at(
                        file,
                        n,
                        column,
                        format!("`{s}` has footnote {code}, which only explains a `-`"),
                    ))
                }
                (_, None) => {
                    let unit = format::unit(i);
                    let v = fixed(s, unit.decimals()).ok_or_else(|| {
                        at(
                            file,
                            n,
                            column,
                            format!(
                                "`{s}` is not `-` or a number with at most {} decimal places",
                                unit.decimals()
                            ),
                        )
                    })?;
                    Cell::Value(v)
                }
            };
        }
        if blocks[area].insert(occ, Row { occ, cells }).is_some() {
            return Err(at(
                file,
                n,
                "soc_code",
                format!("`{}` appears twice for area `{}`", f[1], f[0]),
            ));
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::format::{Cell, Row};
    use super::{AreaRow, OccupationRow};
    use std::collections::BTreeMap;

    const OCC: &str = "soc_code\ttitle\tlevel\n00-0000\tAll Occupations\t0\n43-4051\tCustomer Service Representatives\t3\n";
    const AREAS: &str =
        "area_code\ttype\tname\tstate_fips\n0000000\tN\tNational\t00\n4800000\tS\tTexas\t48\n";
    const GOOD: &str = "4800000\t43-4051\t337170\t1.2\t20.78\t43220\t0.3\t14.10\t17.03\t19.44\t23.22\t28.65\t29320\t35420\t40420\t48300\t59590\t";

    fn tables() -> (Vec<OccupationRow>, Vec<AreaRow>) {
        let occ = super::parse_occupations("occ.tsv", OCC).unwrap_or_else(|p| panic!("{}", p.0));
        let areas = super::parse_areas("areas.tsv", AREAS).unwrap_or_else(|p| panic!("{}", p.0));
        (occ, areas)
    }

    /// Parses `lines` as states.tsv; the rows of Texas, or the message.
    fn states(lines: &[&str]) -> Result<BTreeMap<u16, Row>, String> {
        let (occ, areas) = tables();
        let mut text = format!("{}\n", super::DATA_HEADER);
        for l in lines {
            text.push_str(l);
            text.push('\n');
        }
        let mut blocks = vec![BTreeMap::new(); areas.len()];
        super::parse_data("s.tsv", 'S', &text, &areas, &occ, &mut blocks).map_err(|p| p.0)?;
        Ok(blocks.swap_remove(1))
    }

    fn error(line: &str) -> String {
        match states(&[line]) {
            Ok(_) => panic!("`{line}` parsed"),
            Err(e) => e,
        }
    }

    #[test]
    fn a_good_line_parses_to_integer_units() {
        let rows = states(&[GOOD]).unwrap_or_else(|e| panic!("{e}"));
        let row = rows.get(&1).expect("43-4051 is occupation 1");
        assert_eq!(row.cells[0], Cell::Value(337_170));
        assert_eq!(row.cells[1], Cell::Value(12));
        assert_eq!(row.cells[2], Cell::Value(2078));
        assert_eq!(row.cells[14], Cell::Value(59_590));
        let dashes = "4800000\t43-4051\t-\t-\t-\t-\t6.0\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\temployment=8,employment_rse=8,hourly_mean=5,annual_mean=4,hourly_p10=9";
        let rows = states(&[dashes]).unwrap_or_else(|e| panic!("{e}"));
        let cells = rows.get(&1).expect("row").cells;
        assert_eq!(cells[0], Cell::Footnote(8));
        assert_eq!(cells[2], Cell::Footnote(5));
        assert_eq!(cells[3], Cell::Footnote(4));
        assert_eq!(cells[5], Cell::Footnote(9));
        assert_eq!(cells[6], Cell::Missing);
    }

    #[test]
    fn malformed_lines_name_file_line_and_column() {
        let bad = |column: usize, value: &str| {
            let mut f: Vec<&str> = GOOD.split('\t').collect();
            f[column] = value;
            error(&f.join("\t"))
        };
        assert_eq!(
            bad(4, "20.789"),
            "s.tsv:2: column `hourly_mean`: `20.789` is not `-` or a number with at most 2 decimal places"
        );
        assert!(bad(2, "337,170").starts_with("s.tsv:2: column `employment`:"));
        assert!(bad(5, "43220.0").starts_with("s.tsv:2: column `annual_mean`:"));
        assert!(bad(3, "").starts_with("s.tsv:2: column `employment_rse`:"));
        assert!(bad(7, "-1.00").starts_with("s.tsv:2: column `hourly_p10`:"));
        assert!(bad(7, " 14.10").starts_with("s.tsv:2: column `hourly_p10`:"));
        assert!(bad(0, "9900000")
            .starts_with("s.tsv:2: column `area_code`: `9900000` is not in areas.tsv"));
        assert!(
            bad(0, "0000000").starts_with("s.tsv:2: column `area_code`: `0000000` is of type N")
        );
        assert!(bad(1, "43-4052").starts_with("s.tsv:2: column `soc_code`:"));
        assert!(bad(17, "hourly_mean").starts_with("s.tsv:2: column `footnotes`:"));
        assert!(bad(17, "wages=8").starts_with("s.tsv:2: column `footnotes`:"));
        assert!(bad(17, "hourly_mean=x").starts_with("s.tsv:2: column `footnotes`:"));
        assert!(bad(17, "employment=5")
            .starts_with("s.tsv:2: column `footnotes`: employment is not a wage"));
        assert_eq!(
            bad(17, "hourly_mean=4"),
            "s.tsv:2: column `hourly_mean`: `20.78` has footnote 4, which only explains a `-`"
        );
        assert!(error(&GOOD.replace("\t59590\t", "\t59590"))
            .starts_with("s.tsv:2: column `annual_p90`: 17 fields, expected 18"));
        assert!(error(&format!("{GOOD}\tx")).starts_with("s.tsv:2: column `footnotes`: 19 fields"));
        assert!(error(&format!("{GOOD}\r")).starts_with("s.tsv:2: column `footnotes`:"));
        let twice = states(&[GOOD, GOOD]).err().unwrap_or_default();
        assert!(
            twice.starts_with("s.tsv:3: column `soc_code`: `43-4051` appears twice"),
            "{twice}"
        );
    }

    #[test]
    fn malformed_tables_are_refused() {
        let (occ, areas) = tables();
        let mut blocks = vec![BTreeMap::new(); areas.len()];
        let e = super::parse_data("s.tsv", 'S', "area\tsoc\n", &areas, &occ, &mut blocks)
            .err()
            .map(|p| p.0)
            .unwrap_or_default();
        assert!(e.starts_with("s.tsv:1: the header is `area\tsoc`"), "{e}");
        let e = |text: &str| super::parse_occupations("o.tsv", text).err().map(|p| p.0);
        assert!(e("soc_code\ttitle\tlevel\n43-4051\tX\t4\n")
            .is_some_and(|m| m.starts_with("o.tsv:2: column `level`")));
        assert!(e("soc_code\ttitle\tlevel\n434051\tX\t3\n")
            .is_some_and(|m| m.starts_with("o.tsv:2: column `soc_code`")));
        assert!(e("soc_code\ttitle\tlevel\n43-4051\t\t3\n")
            .is_some_and(|m| m.starts_with("o.tsv:2: column `title`")));
        assert!(e("soc_code\ttitle\tlevel\n43-4051\tX\t3\n43-4051\tY\t3\n")
            .is_some_and(|m| m.contains("listed twice")));
        let e = |text: &str| super::parse_areas("a.tsv", text).err().map(|p| p.0);
        let head = "area_code\ttype\tname\tstate_fips\n0000000\tN\tNational\t00\n";
        assert!(e(&format!("{head}0300000\tS\tNowhere\t03\n"))
            .is_some_and(|m| m.starts_with("a.tsv:3: column `state_fips`: `03` has no USPS code")));
        assert!(e(&format!("{head}4800000\tX\tTexas\t48\n"))
            .is_some_and(|m| m.starts_with("a.tsv:3: column `type`")));
        assert!(
            e("area_code\ttype\tname\tstate_fips\n4800000\tS\tTexas\t48\n")
                .is_some_and(|m| m.contains("exactly one N"))
        );
    }
}
