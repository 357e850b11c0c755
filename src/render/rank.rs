//! Text and TSV for `careers skills --rank`.

use crate::commands::rank::{RankRow, RankView};
use crate::official::Growth;
use crate::render::text::{self, cell, UNKNOWN};
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use serde::Serialize;
use std::io::{self, Write};

/// Below this width, each occupation is a small block instead of a row.
const STACK_BELOW: usize = 60;

/// A growth category in a few words, for a table cell.
pub fn growth_short(g: Growth) -> &'static str {
    match g {
        Growth::Declining => "declining",
        Growth::Slower => "slower",
        Growth::Similar => "about as fast",
        Growth::Faster => "faster",
        Growth::MuchFaster => "much faster",
    }
}

/// A BLS projected change with its one decimal, as BLS gives it:
/// "+4.9%", "-6.0%", "0.0%".
pub fn bls_change(pct: f64) -> String {
    if !pct.is_finite() {
        return text::NOT_FINITE.to_string();
    }
    let sign = if pct > 0.0 { "+" } else { "" };
    format!("{sign}{pct:.1}%")
}

/// "+4.9%, faster", or unknown.
fn outlook_text(r: &RankRow) -> String {
    match &r.outlook {
        Some(o) => format!("{}, {}", bls_change(o.change_pct), growth_short(o.growth)),
        None => UNKNOWN.into(),
    }
}

fn pay_text(r: &RankRow, ascii: bool) -> String {
    r.pay
        .as_ref()
        .map_or(UNKNOWN.into(), |p| text::pay_amount(p, ascii))
}

/// "4.62" and, for a BLS aggregate, a star (careers' mean).
fn importance_text(r: &RankRow) -> String {
    format!("{:.2}{}", r.importance, if r.derived { "*" } else { "" })
}

const HEADER: [&str; 5] = ["#", "Occupation", "Importance", "Median pay", "2024-34"];

impl RankView<'_> {
    /// Each row's cells: rank, the occupation's lines, importance, pay,
    /// outlook.
    fn cells(&self, ascii: bool) -> Vec<[String; 5]> {
        self.rows
            .iter()
            .map(|r| {
                let mut name = vec![r.title.to_string(), format!("SOC {}", r.soc)];
                if !r.curated.is_empty() {
                    name.push(format!("profiles: {}", r.curated.join(", ")));
                }
                [
                    r.rank.to_string(),
                    name.join("\n"),
                    importance_text(r),
                    pay_text(r, ascii),
                    outlook_text(r),
                ]
            })
            .collect()
    }

    /// The table, or `false` when a column would be narrower than its
    /// longest word.
    fn table(&self, out: &mut dyn Write, term: &Term) -> io::Result<bool> {
        let rows = self.cells(term.ascii);
        let widths: Vec<usize> = (0..HEADER.len())
            .map(|c| {
                let words = rows.iter().map(|r| r[c].as_str()).chain([HEADER[c]]);
                crate::render::list::longest_word(words) + 2
            })
            .collect();
        if widths.iter().sum::<usize>() + HEADER.len() + 1 > term.width {
            return Ok(false);
        }
        let mut t = text::table(term);
        t.set_header(HEADER.map(|h| cell(h, Some(Paint::Heading))));
        for r in &rows {
            let name: Vec<&str> = r[1].lines().collect();
            t.add_row(vec![
                cell(&r[0], None),
                text::lines_cell(&name, None),
                cell(&r[2], Some(Paint::Figure)),
                cell(&r[3], None),
                cell(&r[4], None),
            ]);
        }
        for (i, w) in widths.into_iter().enumerate() {
            if let Some(c) = t.column_mut(i) {
                let w = comfy_table::Width::Fixed(w.min(u16::MAX as usize) as u16);
                c.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(w));
            }
        }
        text::write_table(out, &t)?;
        Ok(true)
    }

    fn stacked(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        for r in &self.rows {
            let title = term.paint(Paint::Title, &text::clean(r.title));
            text::line(out, term, &format!("{}. {title}", r.rank))?;
            let mut facts = vec![
                format!("SOC {}", r.soc),
                format!("importance {}", importance_text(r)),
                format!("median pay {}", pay_text(r, term.ascii)),
                format!("2024-34 {}", outlook_text(r)),
            ];
            if !r.curated.is_empty() {
                facts.push(format!("profiles: {}", r.curated.join(", ")));
            }
            for f in facts {
                text::line(out, term, &format!("   {f}"))?;
            }
        }
        Ok(())
    }
}

impl Render for RankView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let tag = |id: &str| text::tag(&self.sources, id);
        text::line(
            out,
            term,
            &term.paint(
                Paint::Heading,
                &format!(
                    "Occupations that need {} most, by O*NET importance {}",
                    self.skill,
                    tag(self.source)
                ),
            ),
        )?;
        if term.width < STACK_BELOW || !self.table(out, term)? {
            self.stacked(out, term)?;
        }
        let mut notes = vec![
            format!("Importance from {}.", self.scale),
            format!(
                "Median pay: {} {}. 2024-34: the BLS projected change of employment {}, \
                 and how it compares with all occupations ({}).",
                self.area.label(),
                tag(crate::wages::SOURCE_ID),
                tag(self.all_occupations.source),
                bls_change(self.all_occupations.change_pct)
            ),
        ];
        if self.rows.iter().any(|r| r.derived) {
            notes.push(
                "* A BLS aggregate: careers' mean of its components' ratings (computed)."
                    .to_string(),
            );
        }
        for n in notes {
            text::line(out, term, &term.paint(Paint::Muted, &n))?;
        }
        text::source_legend(out, term, &self.sources)?;
        let shown = self.rows.len();
        let summary = if shown < self.rated {
            format!(
                "{shown} of {} occupations O*NET rates shown; --limit 0 shows all.",
                self.rated
            )
        } else {
            format!("{shown} occupations O*NET rates.")
        };
        text::line(out, term, &term.paint(Paint::Muted, &summary))
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let rows = self.rows.iter().map(|r| {
            let o = r.outlook.as_ref();
            RankRecord {
                rank: r.rank,
                id: &r.id,
                occupation_soc: r.soc,
                title: r.title,
                skill: self.skill,
                importance: r.importance,
                derived: r.derived,
                pay: tsv::PayColumns::of(r.pay.as_ref()),
                change_percent: o.map(|o| o.change_pct),
                growth_category: o.map(|o| o.growth),
                openings_per_year: o.map(|o| o.openings_per_year),
                outlook_source: o.map(|o| o.source),
                skill_source: self.source,
                curated: r.curated.join(","),
            }
        });
        tsv::write(out, rows)
    }
}

/// A TSV record of `careers skills --rank`: one occupation.
#[derive(Serialize, Default)]
struct RankRecord<'a> {
    rank: usize,
    id: &'a str,
    /// The occupation's SOC code (`soc` is the pay figure's, empty where
    /// the area publishes none): one name per column.
    occupation_soc: &'a str,
    title: &'a str,
    skill: &'a str,
    importance: f64,
    /// A BLS aggregate's mean rating, computed by careers.
    derived: bool,
    #[serde(flatten)]
    pay: tsv::PayColumns<'a>,
    change_percent: Option<f64>,
    growth_category: Option<Growth>,
    openings_per_year: Option<u32>,
    outlook_source: Option<&'a str>,
    skill_source: &'a str,
    /// Curated profiles linked to the occupation, joined with `,`.
    curated: String,
}
