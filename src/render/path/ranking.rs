//! `careers path FROM` as text: the destinations within reach, best
//! first, each with the parts of its score and the figures behind them.

use super::{education_short, pay_line, plural, say, scope_text};
use crate::commands::path::{Candidate, RankView};
use crate::graph::rank::{Part, MAX_STEPS};
use crate::render::diagram::{title, Glyphs};
use crate::render::text::{pay_amount, percent, source_legend, UNKNOWN};
use crate::term::{Paint, Term};
use std::io::{self, Write};

pub fn text(view: &RankView<'_>, out: &mut dyn Write, term: &Term) -> io::Result<()> {
    let r = &view.ranking;
    let cite = |id: &str| crate::render::text::tag(&view.sources, id);
    title(out, term, &format!("Where {} can go next", r.from.title))?;
    let filtered = match (view.filters.max_education, view.filters.min_pay_gain) {
        (None, None) => String::new(),
        (e, p) => {
            let mut parts = Vec::new();
            if let Some(e) = e {
                parts.push(format!("asking at most {}", education_short(e)));
            }
            if let Some(p) = p {
                parts.push(format!("paying at least {} more", percent(p)));
            }
            format!(" ({})", parts.join(", "))
        }
    };
    let shown = match (r.shown, r.total) {
        (s, t) if s == t => String::new(),
        (1, _) => " The best is shown".to_string(),
        (s, _) => format!(" The best {s} are shown"),
    };
    let curated_below = r.rows.len() > r.shown;
    let x = if term.ascii { "x" } else { "×" };
    let below = if curated_below {
        ", then the guides' roles ranked below them."
    } else if shown.is_empty() {
        ""
    } else {
        "."
    };
    say(
        out,
        term,
        &format!(
            "{} within {MAX_STEPS} steps{filtered}, ranked by score = 0.5 {x} skill closeness + \
             0.2 {x} pay gain + 0.1 {x} growth + 0.2 {x} education, each part from -1 to 1 \
             (docs/paths.md). {}{shown}{below}",
            plural(r.total, "destination", "destinations"),
            scope_text(&view.scope),
        ),
        "",
        "",
    )?;
    if r.unrated {
        writeln!(out)?;
        say(
            out,
            term,
            &format!(
                "Note: {} has no O*NET skill ratings (no SOC code with them): skill closeness \
                 is unknown for every destination and counts 0.",
                r.from.title
            ),
            "",
            "  ",
        )?;
    }
    if r.rows.is_empty() {
        writeln!(out)?;
        say(
            out,
            term,
            "Nothing: no guide's step or official link leads anywhere from here that \
             passes the filters.",
            "",
            "",
        )?;
    }
    for (i, c) in r.rows.iter().enumerate() {
        if i == r.shown && curated_below {
            writeln!(out)?;
            say(out, term, "The guides' roles ranked below:", "", "")?;
        }
        writeln!(out)?;
        row(out, term, c, &cite)?;
    }
    source_legend(out, term, &view.sources)
}

/// "+0.29", "-0.05", "0.00", "unknown".
fn points(p: &Part) -> String {
    match p.value {
        Some(_) if p.points.abs() < 0.005 => "0.00".to_string(),
        Some(_) => format!("{:+.2}", p.points),
        None => UNKNOWN.to_string(),
    }
}

/// "Pay: $40,420/yr → $58,220/yr (+44.0%), official median, Texas (TX) [3]"
/// for two comparable figures; else as a route step says it.
fn pay(c: &Candidate, g: &Glyphs, ascii: bool, cite: &dyn Fn(&str) -> String) -> String {
    let p = &c.pay_change;
    let (Some(f), Some(t), Some(pct), None) = (&p.from, &p.to, p.percent, &p.note) else {
        return pay_line(p, g, ascii, cite);
    };
    let mut what = f.basis.label().to_string();
    if f.approximate || t.approximate {
        what.push_str(", approximate");
    }
    if let Some(area) = f.area.as_ref().filter(|a| !a.is_nation()) {
        what.push_str(", ");
        what.push_str(&area.label());
    }
    format!(
        "Pay: {} {} {} ({}), {what} {}",
        pay_amount(f, ascii),
        g.right,
        pay_amount(t, ascii),
        percent(pct),
        cite(&f.source)
    )
}

fn row(
    out: &mut dyn Write,
    term: &Term,
    c: &Candidate,
    cite: &dyn Fn(&str) -> String,
) -> io::Result<()> {
    let g = Glyphs::for_term(term);
    let lead = format!("{:>2}. ", c.rank);
    let rest = " ".repeat(lead.len());
    let name = term.paint(Paint::Title, &c.to_title);
    let soc = match (c.to_soc, c.curated, c.approximate) {
        (Some(soc), _, true) => format!("; SOC {soc}, approximate"),
        (Some(soc), true, false) => format!("; SOC {soc}"),
        _ => String::new(),
    };
    let head = format!("{name} ({}{soc})", c.to);
    say(out, term, &head, &lead, &rest)?;
    let mut lines = vec![format!(
        "Score {:.2}: closeness {}, pay {}, growth {}, education {}",
        c.score,
        points(&c.closeness),
        points(&c.pay),
        points(&c.growth),
        points(&c.education)
    )];
    let steps = match (&c.via, &c.via_title) {
        (Some(id), Some(t)) => format!("2 steps, via {t} ({id})"),
        _ => plural(c.steps, "step", "steps"),
    };
    let route: String = c.route_sources.iter().map(|s| cite(s)).collect();
    lines.push(format!("{steps} {route}").trim_end().to_string());
    lines.push(match c.skill_distance {
        Some(d) => format!(
            "Skills: {d:.2} apart {} (closeness {:.2})",
            cite(crate::official::ONET_30_2),
            1.0 - d.min(1.0)
        ),
        None => format!("Skills: {UNKNOWN}"),
    });
    if [c.closeness, c.pay, c.growth, c.education]
        .iter()
        .all(|p| p.value.is_none())
    {
        // Nothing to score: one line says why (JSON has the pay note).
        let why = match c.to_soc {
            Some(soc) => format!("no figures for SOC {soc}"),
            None => "no SOC code".to_string(),
        };
        let pay = match &c.pay_change.note {
            Some(_) => "; no comparable pay",
            None => "",
        };
        let line = format!("Score 0: every part unknown ({why}{pay}); {steps} {route}");
        return say(out, term, line.trim_end(), &rest, &format!("{rest}  "));
    }
    lines.push(pay(c, &g, term.ascii, cite));
    let ep = cite(crate::official::BLS_EP);
    lines.push(match c.change_pct {
        Some(v) => format!(
            "Jobs 2024-34: {} (all occupations {}) {ep}",
            percent(v),
            percent((c.all_occupations_change_pct * 10.0).round() / 10.0)
        ),
        None => format!("Jobs 2024-34: {UNKNOWN}"),
    });
    lines.push(match (c.education_from, c.education_to) {
        (Some(a), Some(b)) => format!(
            "Education: {} {} {} {ep}",
            education_short(a),
            g.right,
            education_short(b)
        ),
        (None, Some(b)) => format!("Education: {} {ep}", education_short(b)),
        _ => format!("Education: {UNKNOWN}"),
    });
    for l in lines {
        say(out, term, &l, &rest, &format!("{rest}  "))?;
    }
    Ok(())
}
