//! `careers path` for programs: TSV (one row per route step, or per
//! destination) and diagrams (Mermaid, Graphviz DOT) of the routes and of
//! the ranked neighbourhood.

use super::step_word;
use crate::commands::path::{Basis, How, HowVia, RankView, RoutesView, SourcedYears};
use crate::graph::explain::SkillChange;
use crate::model::Period;
use crate::official::{Education, Experience, Training};
use crate::render::diagram::{dot_label, mermaid_label};
use crate::render::text::years;
use crate::render::{tsv, Format};
use serde::Serialize;
use std::io::{self, Write};

/// "1-3 (csa-role-profile); 5+ (jobicy-csa-guide)" for TSV.
fn years_tsv(ys: &[SourcedYears]) -> String {
    ys.iter()
        .map(|y| format!("{} ({})", years(y.min, y.max), y.source))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A reason's name in TSV and diagrams: `ladder`, `onet-related`,
/// `similar-skills 0.27`.
fn how_name(h: &How) -> String {
    let name = match h.via {
        HowVia::Ladder => "ladder",
        HowVia::Move => "move",
        HowVia::Related => "related",
        HowVia::OnetRelated => "onet-related",
        HowVia::SimilarSkills => "similar-skills",
        HowVia::Supervisor => "supervisor",
        HowVia::Entry => "entry",
    };
    match h.distance {
        Some(d) => format!("{name} {d:.2}"),
        None => name.to_string(),
    }
}

fn hows(list: &[How]) -> String {
    let mut names: Vec<String> = Vec::new();
    for h in list {
        let n = how_name(h);
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names.join("; ")
}

/// "Programming 1.25>3.50; Mathematics 2.00>3.12".
fn changes(cs: &[SkillChange]) -> String {
    cs.iter()
        .map(|c| format!("{} {:.2}>{:.2}", c.skill, c.from, c.to))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A TSV record of `careers path FROM TO`: one step of a route.
#[derive(Serialize, Default)]
struct StepRecord<'a> {
    route: usize,
    step: usize,
    basis: &'a str,
    from: &'a str,
    to: &'a str,
    kind: &'a str,
    /// The reasons, `; `-separated ([`how_name`]).
    how: String,
    /// Each guide's years, `; `-separated (see [`years_tsv`]).
    years: String,
    pay_change: Option<f64>,
    /// One decimal.
    pay_percent: Option<f64>,
    pay_currency: Option<&'a str>,
    /// `year` or `hour`: the period of the figures compared.
    pay_period: Option<Period>,
    /// What the figures compared are (`median`, `official median`...).
    pay_basis: Option<crate::pay::Basis>,
    pay_source: Option<&'a str>,
    pay_note: Option<&'a str>,
    from_soc: Option<&'a str>,
    to_soc: Option<&'a str>,
    /// O*NET: the gap in points, the skills to gain and those that carry
    /// over (`Name from>to`, `; `-separated).
    skill_gap: Option<f64>,
    onet_skills_to_gain: String,
    onet_skills_carry_over: String,
    /// The guides' own lists, `; `-separated.
    guide_skills_to_gain: String,
    guide_skills_shared: String,
    education_from: Option<Education>,
    education_to: Option<Education>,
    education_levels_up: Option<usize>,
    work_experience: Option<Experience>,
    job_training: Option<Training>,
    /// The target's change in jobs 2024–34, percent.
    change_pct: Option<f64>,
    /// `,`-separated ids.
    sources: String,
}

pub fn routes_tsv(view: &RoutesView<'_>, out: &mut dyn Write) -> io::Result<()> {
    let rows = view.routes.iter().enumerate().flat_map(|(i, r)| {
        r.steps.iter().enumerate().map(move |(j, s)| {
            let p = &s.pay_change;
            // The currency and source of the figures compared, when they were.
            let compared = p.change.and(p.from.as_ref());
            let onet = s.onet_skills.as_ref();
            let guide = s.guide_skills.as_ref();
            StepRecord {
                route: i + 1,
                step: j + 1,
                basis: match r.basis {
                    Basis::FewestSteps => "fewest-steps",
                    Basis::LeastYears => "least-years",
                    Basis::SteppingStone => "stepping-stone",
                },
                from: &s.from,
                to: &s.to,
                kind: step_word(s.kind),
                how: hows(&s.how),
                years: years_tsv(&s.years),
                pay_change: p.change,
                pay_percent: p.percent.map(|v| (v * 10.0).round() / 10.0),
                pay_currency: compared.map(|x| x.currency.as_str()),
                pay_period: compared.map(|x| x.period),
                pay_basis: compared.map(|x| x.basis),
                pay_source: compared.map(|x| x.source.as_str()),
                pay_note: p.note.as_deref(),
                from_soc: s.from_soc,
                to_soc: s.to_soc,
                skill_gap: onet.map(|o| (o.gap * 100.0).round() / 100.0),
                onet_skills_to_gain: onet.map(|o| changes(&o.to_gain)).unwrap_or_default(),
                onet_skills_carry_over: onet.map(|o| changes(&o.carry_over)).unwrap_or_default(),
                guide_skills_to_gain: guide.map(|g| g.to_gain.join("; ")).unwrap_or_default(),
                guide_skills_shared: guide.map(|g| g.shared.join("; ")).unwrap_or_default(),
                education_from: s.education.as_ref().and_then(|e| e.from),
                education_to: s.education.as_ref().map(|e| e.to),
                education_levels_up: s.education.as_ref().and_then(|e| e.levels_up),
                work_experience: s.requirements.as_ref().map(|r| r.work_experience),
                job_training: s.requirements.as_ref().map(|r| r.job_training),
                change_pct: s.requirements.as_ref().map(|r| r.change_pct),
                sources: s.sources.join(","),
            }
        })
    });
    tsv::write(out, rows)
}

/// A TSV record of `careers path FROM`: one destination.
#[derive(Serialize, Default)]
struct CandidateRecord<'a> {
    rank: usize,
    to: &'a str,
    title: &'a str,
    soc: Option<&'a str>,
    curated: bool,
    approximate: bool,
    steps: usize,
    via: Option<&'a str>,
    score: f64,
    /// Each part's points (weight × value); empty when unknown.
    closeness: Option<f64>,
    pay: Option<f64>,
    growth: Option<f64>,
    education: Option<f64>,
    skill_distance: Option<f64>,
    pay_from: Option<f64>,
    pay_to: Option<f64>,
    pay_percent: Option<f64>,
    pay_currency: Option<&'a str>,
    pay_period: Option<Period>,
    pay_basis: Option<crate::pay::Basis>,
    pay_source: Option<&'a str>,
    change_pct: Option<f64>,
    education_from: Option<Education>,
    education_to: Option<Education>,
    /// `,`-separated ids.
    sources: String,
}

/// A number rounded to `places` decimals, for TSV: once, from the figure
/// itself (the TSV writer gives two decimals; rounding to four first
/// turned 0.25496 into 0.26 where the text says 0.25).
fn round(v: f64, places: i32) -> f64 {
    let k = 10f64.powi(places);
    (v * k).round() / k
}

pub fn ranking_tsv(view: &RankView<'_>, out: &mut dyn Write) -> io::Result<()> {
    let part = |p: &crate::graph::rank::Part| p.value.map(|_| round(p.points, 2));
    let rows = view.ranking.rows.iter().map(|c| {
        let p = &c.pay_change;
        let compared = p.change.and(p.from.as_ref());
        CandidateRecord {
            rank: c.rank,
            to: &c.to,
            title: &c.to_title,
            soc: c.to_soc,
            curated: c.curated,
            approximate: c.approximate,
            steps: c.steps,
            via: c.via.as_deref(),
            score: round(c.score, 2),
            closeness: part(&c.closeness),
            pay: part(&c.pay),
            growth: part(&c.growth),
            education: part(&c.education),
            skill_distance: c.skill_distance.map(|d| round(d, 2)),
            pay_from: compared.and_then(|f| f.value),
            pay_to: p.change.and(p.to.as_ref()).and_then(|f| f.value),
            pay_percent: p.percent.map(|v| round(v, 1)),
            pay_currency: compared.map(|x| x.currency.as_str()),
            pay_period: compared.map(|x| x.period),
            pay_basis: compared.map(|x| x.basis),
            pay_source: compared.map(|x| x.source.as_str()),
            change_pct: c.change_pct,
            education_from: c.education_from,
            education_to: c.education_to,
            sources: c.sources.join(","),
        }
    });
    tsv::write(out, rows)
}

/// A node of a diagram: (key, lines, has a profile, stressed).
type DrawnNode = (String, Vec<String>, bool, bool);

/// Nodes and edges of a diagram, each once.
#[derive(Default)]
struct Drawing {
    /// In order of appearance.
    nodes: Vec<DrawnNode>,
    /// (from index, to index, label lines).
    edges: Vec<(usize, usize, Vec<String>)>,
}

impl Drawing {
    fn node(&mut self, id: &str, lines: Vec<String>, profile: bool) -> usize {
        if let Some(i) = self.nodes.iter().position(|n| n.0 == id) {
            return i;
        }
        self.nodes.push((id.to_string(), lines, profile, false));
        self.nodes.len() - 1
    }

    fn edge(&mut self, from: usize, to: usize, label: Vec<String>) {
        if !self.edges.iter().any(|e| e.0 == from && e.1 == to) {
            self.edges.push((from, to, label));
        }
    }

    fn write(&self, format: Format, direction: &str, out: &mut dyn Write) -> io::Result<()> {
        if format == Format::Dot {
            writeln!(out, "digraph path {{")?;
            writeln!(out, "  rankdir={direction};")?;
            writeln!(out, "  node [shape=box];")?;
            for (i, (_, lines, profile, stressed)) in self.nodes.iter().enumerate() {
                let style = match (profile, stressed) {
                    (false, _) => ", style=dashed",
                    (true, true) => ", style=bold",
                    (true, false) => "",
                };
                writeln!(out, "  n{i} [label={}{style}];", dot_label(lines))?;
            }
            for (a, b, label) in &self.edges {
                match label.is_empty() {
                    true => writeln!(out, "  n{a} -> n{b};")?,
                    false => writeln!(out, "  n{a} -> n{b} [label={}];", dot_label(label))?,
                }
            }
            return writeln!(out, "}}");
        }
        writeln!(out, "flowchart {direction}")?;
        for (i, (_, lines, _, _)) in self.nodes.iter().enumerate() {
            writeln!(out, "  n{i}[{}]", mermaid_label(lines))?;
        }
        for (a, b, label) in &self.edges {
            match label.is_empty() {
                true => writeln!(out, "  n{a} --> n{b}")?,
                false => writeln!(out, "  n{a} -->|{}| n{b}", mermaid_label(label))?,
            }
        }
        let class = |pick: &dyn Fn(&DrawnNode) -> bool| -> Vec<String> {
            self.nodes
                .iter()
                .enumerate()
                .filter(|(_, n)| pick(n))
                .map(|(i, _)| format!("n{i}"))
                .collect()
        };
        let bare = class(&|n| !n.2);
        if !bare.is_empty() {
            writeln!(out, "  classDef noprofile stroke-dasharray: 5 5")?;
            writeln!(out, "  class {} noprofile", bare.join(","))?;
        }
        let stressed = class(&|n| n.3);
        if !stressed.is_empty() {
            writeln!(out, "  classDef start stroke-width: 3px")?;
            writeln!(out, "  class {} start", stressed.join(","))?;
        }
        Ok(())
    }
}

/// A node's lines: title, id, SOC code.
fn lines(title: &str, id: &str, profile: bool, soc: Option<&str>) -> Vec<String> {
    let mut out = vec![title.to_string()];
    out.push(if profile {
        id.to_string()
    } else {
        "no profile".to_string()
    });
    out.extend(soc.map(|s| format!("SOC {s}")));
    out
}

/// Every route's steps as edges labelled with the kind, the reasons and
/// the guides' years.
pub fn routes_diagram(
    view: &RoutesView<'_>,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut d = Drawing::default();
    for r in &view.routes {
        for s in &r.steps {
            let a = d.node(
                &s.from,
                lines(&s.from_title, &s.from, true, s.from_soc),
                true,
            );
            let b = d.node(
                &s.to,
                lines(&s.to_title, &s.to, s.to_profile, s.to_soc),
                s.to_profile,
            );
            let mut label = vec![format!("{}: {}", step_word(s.kind), hows(&s.how))];
            label.extend(
                s.years
                    .iter()
                    .map(|y| format!("{} ({})", years(y.min, y.max), y.source)),
            );
            if let Some(o) = &s.onet_skills {
                label.push(format!("skill gap {:.1}", o.gap + 0.0));
            }
            d.edge(a, b, label);
        }
    }
    if let Some(first) = d.nodes.first_mut() {
        first.3 = true;
    }
    d.write(format, "TB", out)
}

/// FROM in the middle, each destination with its score, reached from FROM
/// or from the node between.
pub fn ranking_diagram(view: &RankView<'_>, format: Format, out: &mut dyn Write) -> io::Result<()> {
    let r = &view.ranking;
    let mut d = Drawing::default();
    let root = d.node(
        &r.from.id,
        lines(&r.from.title, &r.from.id, true, r.from.soc),
        true,
    );
    d.nodes[root].3 = true;
    for c in &r.rows {
        let mut to_lines = lines(&c.to_title, &c.to, true, c.to_soc);
        to_lines.insert(0, format!("#{} · score {:.2}", c.rank, c.score));
        d.node(&c.to, to_lines, true);
    }
    for c in &r.rows {
        let b = d.node(&c.to, Vec::new(), true);
        let a = match (&c.via, &c.via_title) {
            (Some(id), Some(title)) => {
                let v = d.node(id, lines(title, id, true, None), true);
                d.edge(root, v, Vec::new());
                v
            }
            _ => root,
        };
        d.edge(a, b, vec![format!("{:.2}", c.score)]);
    }
    d.write(format, "LR", out)
}
