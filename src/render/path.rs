//! Text, TSV, Mermaid and DOT for `careers path`.

use crate::commands::path::{
    Basis, PathView, PayChange, ReachEntry, ReachView, Route, RoutesView, SourcedYears, StepView,
};
use crate::graph::NodeIx;
use crate::model::MoveKind;
use crate::pay::PayFigure;
use crate::render::diagram::{
    arrow, box_width, dot_label, draw_box, mermaid_label, prose, title, width, BoxLine, Glyphs,
};
use crate::render::text::{clean, money, pay_figure, per, percent, source_legend, years, UNKNOWN};
use crate::render::Format;
use crate::render::{tsv, Render};
use crate::term::{Paint, Term};
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};

pub fn kind_word(k: MoveKind) -> &'static str {
    match k {
        MoveKind::Promotion => "promotion",
        MoveKind::Lateral => "lateral",
        MoveKind::Related => "related",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "1-3 years [2]; 5+ years [1]", or "unknown".
fn years_text(ys: &[SourcedYears], cite: &dyn Fn(&str) -> String) -> String {
    if ys.is_empty() {
        return UNKNOWN.into();
    }
    ys.iter()
        .map(|y| format!("{} {}", years(y.min, y.max), cite(&y.source)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn pay_line(p: &PayChange, g: &Glyphs, ascii: bool, cite: &dyn Fn(&str) -> String) -> String {
    let right = g.right;
    let end = |x: &Option<PayFigure>| match x {
        Some(pay) => format!("{} {}", pay_figure(pay, ascii), cite(&pay.source)),
        None => UNKNOWN.to_string(),
    };
    if let (Some(change), Some(from)) = (p.change, &p.from) {
        let sign = if change > 0.0 { "+" } else { "" };
        let pct = p
            .percent
            .map(|v| format!(" ({})", percent(v)))
            .unwrap_or_default();
        return format!(
            "Pay: {} {right} {}: {sign}{}{}{pct}",
            end(&p.from),
            end(&p.to),
            money(change, &from.currency),
            per(from.period)
        );
    }
    let note = p.note.as_deref().unwrap_or("not comparable");
    match (&p.from, &p.to) {
        (None, None) => format!("Pay change: {UNKNOWN} ({note})"),
        (Some(_), Some(_)) => format!(
            "Pay: {} {right} {}; not compared: {note}",
            end(&p.from),
            end(&p.to)
        ),
        _ => format!("Pay: {} {right} {} ({note})", end(&p.from), end(&p.to)),
    }
}

fn list_or_none(items: &[String]) -> String {
    // A step is read at a glance: long lists are cut, JSON has them whole.
    const SHOWN: usize = 8;
    if items.is_empty() {
        "none".to_string()
    } else if items.len() > SHOWN {
        format!(
            "{}, and {} more (--format json lists all)",
            items[..SHOWN].join(", "),
            items.len() - SHOWN
        )
    } else {
        items.join(", ")
    }
}

/// The notes beside the arrow of a step.
fn step_notes(s: &StepView, g: &Glyphs, ascii: bool, cite: &dyn Fn(&str) -> String) -> Vec<String> {
    let tags: Vec<String> = s.sources.iter().map(|id| cite(id)).collect();
    let mut notes = vec![
        format!("{} {}", kind_word(s.kind), tags.join("")),
        format!("Years: {}", years_text(&s.years, cite)),
        pay_line(&s.pay_change, g, ascii, cite),
    ];
    if s.skills_known {
        notes.push(format!(
            "Skills to gain ({}): {}",
            s.skills_to_gain.len(),
            list_or_none(&s.skills_to_gain)
        ));
        notes.push(format!(
            "Skills that carry over ({}): {}",
            s.skills_shared.len(),
            list_or_none(&s.skills_shared)
        ));
    } else {
        notes.push(format!(
            "Skills: {UNKNOWN} ({})",
            s.skills_note
                .as_deref()
                .unwrap_or("no skill lists to compare")
        ));
    }
    notes
}

fn node_box(title: &str, id: &str, profile: bool) -> Vec<BoxLine> {
    vec![
        BoxLine::new(title, Some(Paint::Title)),
        if profile {
            BoxLine::new(id, Some(Paint::Id))
        } else {
            BoxLine::new("no profile in the catalog", Some(Paint::Muted))
        },
    ]
}

fn draw_route(
    out: &mut dyn Write,
    term: &Term,
    r: &Route,
    cite: &dyn Fn(&str) -> String,
) -> io::Result<()> {
    let Some(first) = r.steps.first() else {
        return Ok(());
    };
    let mut boxes = vec![node_box(&first.from_title, &first.from, true)];
    boxes.extend(
        r.steps
            .iter()
            .map(|s| node_box(&s.to_title, &s.to, s.to_profile)),
    );
    let w = boxes.iter().map(|b| box_width(term, b)).max().unwrap_or(8);
    draw_box(out, term, &boxes[0], w)?;
    for (s, b) in r.steps.iter().zip(&boxes[1..]) {
        let notes = step_notes(s, &Glyphs::for_term(term), term.ascii, cite);
        arrow(out, term, 2, &notes)?;
        draw_box(out, term, b, w)?;
    }
    Ok(())
}

fn route_summary(r: &Route) -> String {
    let steps = plural(r.steps.len(), "step", "steps");
    let yrs = match (r.years, r.unknown_steps) {
        (Some(y), 0) => format!(
            ", typically by {} of experience",
            plural(y as usize, "year", "years")
        ),
        (Some(y), n) => format!(
            ", typically by {} of experience where known ({} without years)",
            plural(y as usize, "year", "years"),
            plural(n, "step", "steps")
        ),
        (None, _) => ", no source gives years for any step".into(),
    };
    format!("{steps}{yrs}")
}

impl RoutesView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let cite = |id: &str| crate::render::text::tag(&self.sources, id);
        let g = Glyphs::for_term(term);
        title(
            out,
            term,
            &format!("{} {} {}", self.from_title, g.right, self.to_title),
        )?;
        let main: Vec<&Route> = self.routes.iter().filter(|r| r.basis == self.by).collect();
        let what = match self.by {
            Basis::FewestSteps => "with the fewest steps",
            Basis::LeastYears => "with the least typical time",
        };
        let shown = if self.total > main.len() as u64 {
            format!(" (showing {})", main.len())
        } else {
            String::new()
        };
        prose(
            out,
            term,
            &format!(
                "{} {what}{shown}. Years are the experience at which the sources place each step.",
                plural(
                    self.total.min(usize::MAX as u64) as usize,
                    "route",
                    "routes"
                ),
            ),
            "",
            "",
        )?;
        for (i, r) in main.iter().enumerate() {
            writeln!(out)?;
            let label = if main.len() > 1 {
                format!("Route {}: {}", i + 1, route_summary(r))
            } else {
                format!("Route: {}", route_summary(r))
            };
            prose(out, term, &label, "", "")?;
            draw_route(out, term, r, &cite)?;
        }
        for r in self
            .routes
            .iter()
            .filter(|r| !main.iter().any(|m| std::ptr::eq(*m, *r)))
        {
            writeln!(out)?;
            prose(
                out,
                term,
                &format!(
                    "With years for every step (--by years): {}",
                    route_summary(r)
                ),
                "",
                "",
            )?;
            draw_route(out, term, r, &cite)?;
        }
        source_legend(out, term, &self.sources)
    }
}

impl ReachView<'_> {
    fn children(&self) -> HashMap<NodeIx, Vec<&ReachEntry>> {
        let mut map: HashMap<NodeIx, Vec<&ReachEntry>> = HashMap::new();
        for e in &self.entries {
            map.entry(e.parent).or_default().push(e);
        }
        // Roles with a profile before destinations without one.
        for kids in map.values_mut() {
            kids.sort_by_key(|e| !e.to_profile);
        }
        map
    }

    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        let cite = |id: &str| crate::render::text::tag(&self.sources, id);
        let roles = self.entries.iter().filter(|e| e.to_profile).count();
        let others = self.entries.len() - roles;
        title(out, term, &format!("Reachable from {}", self.from_title))?;
        prose(
            out,
            term,
            &format!(
                "{} and {} without a profile, each under the step that first reaches it.",
                plural(roles, "role", "roles"),
                plural(others, "destination", "destinations"),
            ),
            "",
            "",
        )?;
        writeln!(out)?;
        let (title, id) = (clean(&self.from_title), clean(&self.from));
        let gap = if width(&title) + 2 + width(&id) <= term.width {
            "  "
        } else {
            "\n"
        };
        writeln!(
            out,
            "{}{gap}{}",
            term.paint(Paint::Title, &title),
            term.paint(Paint::Id, &id)
        )?;
        let children = self.children();
        let g = Glyphs::for_term(term);
        let mut stack: Vec<(&ReachEntry, String, bool)> = Vec::new();
        if let Some(kids) = children.get(&self.root) {
            for (i, k) in kids.iter().enumerate().rev() {
                stack.push((k, String::new(), i + 1 == kids.len()));
            }
        }
        while let Some((e, prefix, last)) = stack.pop() {
            let name = if e.to_profile {
                format!("{} ({})", e.to_title, e.to)
            } else {
                format!("{} (no profile)", e.to_title)
            };
            let tags: Vec<String> = e.sources.iter().map(|id| cite(id)).collect();
            let mut label = format!("{name}{}{} {}", g.sep, kind_word(e.kind), tags.join(""));
            if !e.years.is_empty() {
                label.push_str(&format!("{}{}", g.sep, years_text(&e.years, &cite)));
            }
            let first = format!("{prefix}{}", if last { g.last_branch } else { g.branch });
            let below = format!("{prefix}{}", if last { "    " } else { g.pipe });
            let rest = format!("{below}  ");
            let room = term.width.max(width(&rest) + 12);
            let opts = textwrap::Options::new(room)
                .initial_indent(&first)
                .subsequent_indent(&rest)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            for line in textwrap::wrap(&clean(&label), opts) {
                writeln!(out, "{}", line.trim_end())?;
            }
            if let Some(kids) = children.get(&e.node) {
                for (i, k) in kids.iter().enumerate().rev() {
                    stack.push((k, below.clone(), i + 1 == kids.len()));
                }
            }
        }
        if self.entries.is_empty() {
            prose(
                out,
                term,
                "Nothing: no ladder step, move or related role starts from this role.",
                "  ",
                "  ",
            )?;
        }
        source_legend(out, term, &self.sources)
    }
}

/// Nodes and edges of a diagram, each once.
#[derive(Default)]
struct Drawing {
    /// (key, lines, has a profile), in order of appearance.
    nodes: Vec<(String, Vec<String>, bool)>,
    /// (from index, to index, label lines).
    edges: Vec<(usize, usize, Vec<String>)>,
}

impl Drawing {
    fn node(&mut self, id: &str, title: &str, profile: bool) -> usize {
        let key = format!("{}:{id}", if profile { "role" } else { "name" });
        if let Some(i) = self.nodes.iter().position(|n| n.0 == key) {
            return i;
        }
        let lines = if profile {
            vec![title.to_string(), id.to_string()]
        } else {
            vec![title.to_string(), "no profile".to_string()]
        };
        self.nodes.push((key, lines, profile));
        self.nodes.len() - 1
    }

    fn edge(&mut self, from: usize, to: usize, kind: MoveKind, ys: &[SourcedYears]) {
        if self.edges.iter().any(|e| e.0 == from && e.1 == to) {
            return;
        }
        let mut label = vec![kind_word(kind).to_string()];
        label.extend(
            ys.iter()
                .map(|y| format!("{} ({})", years(y.min, y.max), y.source)),
        );
        self.edges.push((from, to, label));
    }

    fn write(&self, format: Format, name: &str, out: &mut dyn Write) -> io::Result<()> {
        if format == Format::Dot {
            writeln!(out, "digraph {name} {{")?;
            writeln!(out, "  rankdir=TB;")?;
            writeln!(out, "  node [shape=box];")?;
            for (i, (_, lines, profile)) in self.nodes.iter().enumerate() {
                let style = if *profile { "" } else { ", style=dashed" };
                writeln!(out, "  n{i} [label={}{style}];", dot_label(lines))?;
            }
            for (a, b, label) in &self.edges {
                writeln!(out, "  n{a} -> n{b} [label={}];", dot_label(label))?;
            }
            return writeln!(out, "}}");
        }
        writeln!(out, "flowchart TB")?;
        for (i, (_, lines, _)) in self.nodes.iter().enumerate() {
            writeln!(out, "  n{i}[{}]", mermaid_label(lines))?;
        }
        for (a, b, label) in &self.edges {
            writeln!(out, "  n{a} -->|{}| n{b}", mermaid_label(label))?;
        }
        let bare: Vec<String> = self
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.2)
            .map(|(i, _)| format!("n{i}"))
            .collect();
        if !bare.is_empty() {
            writeln!(out, "  classDef noprofile stroke-dasharray: 5 5")?;
            writeln!(out, "  class {} noprofile", bare.join(","))?;
        }
        Ok(())
    }
}

impl Render for PathView<'_> {
    fn text(&self, out: &mut dyn Write, term: &Term) -> io::Result<()> {
        match self {
            PathView::Routes(r) => r.text(out, term),
            PathView::Reach(r) => r.text(out, term),
        }
    }

    fn tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            PathView::Routes(view) => tsv::write(out, step_records(view)),
            PathView::Reach(view) => {
                let rows = view.entries.iter().map(|e| ReachRecord {
                    depth: e.depth,
                    from: &e.from,
                    to: &e.to,
                    title: &e.to_title,
                    profile: e.to_profile,
                    kind: kind_word(e.kind),
                    years: years_tsv(&e.years),
                    sources: e.sources.join(","),
                });
                tsv::write(out, rows)
            }
        }
    }

    fn diagram(&self, format: Format, out: &mut dyn Write) -> Option<io::Result<()>> {
        let mut d = Drawing::default();
        match self {
            PathView::Routes(view) => {
                for r in &view.routes {
                    // A route starts at a role; later steps start where the
                    // one before ended.
                    let mut from_profile = true;
                    for s in &r.steps {
                        let a = d.node(&s.from, &s.from_title, from_profile);
                        let b = d.node(&s.to, &s.to_title, s.to_profile);
                        d.edge(a, b, s.kind, &s.years);
                        from_profile = s.to_profile;
                    }
                }
            }
            PathView::Reach(view) => {
                let root = d.node(&view.from, &view.from_title, true);
                let mut index: HashMap<NodeIx, usize> = HashMap::from([(view.root, root)]);
                for e in &view.entries {
                    let b = d.node(&e.to, &e.to_title, e.to_profile);
                    index.insert(e.node, b);
                    if let Some(&a) = index.get(&e.parent) {
                        d.edge(a, b, e.kind, &e.years);
                    }
                }
            }
        }
        Some(d.write(format, "path", out))
    }
}

/// "1-3 (csa-role-profile); 5+ (jobicy-csa-guide)" for TSV.
fn years_tsv(ys: &[SourcedYears]) -> String {
    ys.iter()
        .map(|y| format!("{} ({})", years(y.min, y.max), y.source))
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
    /// Each source's years, `; `-separated (see [`years_tsv`]).
    years: String,
    pay_change: Option<f64>,
    /// One decimal.
    pay_percent: Option<f64>,
    pay_currency: Option<&'a str>,
    /// `year` or `hour`: the period of the figures compared.
    pay_period: Option<crate::model::Period>,
    /// What the figures compared are (`median`, `official median`...).
    pay_basis: Option<crate::pay::Basis>,
    pay_source: Option<&'a str>,
    pay_note: Option<&'a str>,
    /// `; `-separated.
    skills_to_gain: String,
    skills_shared: String,
    /// `,`-separated ids.
    sources: String,
}

fn step_records<'a>(view: &'a RoutesView<'_>) -> impl Iterator<Item = StepRecord<'a>> {
    view.routes.iter().enumerate().flat_map(|(i, r)| {
        r.steps.iter().enumerate().map(move |(j, s)| {
            let p = &s.pay_change;
            // The currency and source of the figures compared, when they were.
            let compared = p.change.and(p.from.as_ref());
            StepRecord {
                route: i + 1,
                step: j + 1,
                basis: match r.basis {
                    Basis::FewestSteps => "fewest-steps",
                    Basis::LeastYears => "least-years",
                },
                from: &s.from,
                to: &s.to,
                kind: kind_word(s.kind),
                years: years_tsv(&s.years),
                pay_change: p.change,
                pay_percent: p.percent.map(|v| (v * 10.0).round() / 10.0),
                pay_currency: compared.map(|x| x.currency.as_str()),
                pay_period: compared.map(|x| x.period),
                pay_basis: compared.map(|x| x.basis),
                pay_source: compared.map(|x| x.source.as_str()),
                pay_note: p.note.as_deref(),
                skills_to_gain: s.skills_to_gain.join("; "),
                skills_shared: s.skills_shared.join("; "),
                sources: s.sources.join(","),
            }
        })
    })
}

/// A TSV record of `careers path FROM`: one destination.
#[derive(Serialize, Default)]
struct ReachRecord<'a> {
    depth: usize,
    from: &'a str,
    to: &'a str,
    title: &'a str,
    profile: bool,
    kind: &'a str,
    years: String,
    sources: String,
}
