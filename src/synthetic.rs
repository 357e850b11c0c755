//! Writes a synthetic, valid catalog of N roles for benchmarks and
//! scale tests:
//!
//! ```sh
//! cargo run --release --example gen-catalog -- --roles 10000 --seed 1 --out DIR
//! ```
//!
//! (`examples/gen-catalog.rs` is that command line; `benches/` and tests
//! call [`generate`] directly.)
//!
//! DIR gets `sources.toml` and `roles/<id>.toml`, one file per role, which
//! `careers validate DIR` accepts. The same seed always gives the same
//! bytes: the generator draws from an inline splitmix64 and iterates in a
//! fixed order (hash sets are only asked for membership).
//!
//! Titles are combinations of a level, an industry, a function and a
//! job noun ("Senior Telecom Billing Advisor"), so every title is unique.
//! Aliases are drawn from synonyms and skipped when the name already
//! belongs to another role (including the bundled ones), because the
//! validator rejects an alias that equals another role's id, title or
//! alias. Ladders, moves, related roles and reporting lines link to other
//! generated roles.

use crate::catalog::Catalog;
use crate::model::*;
use crate::validate::normalize_name;
use std::collections::HashSet;
use std::path::PathBuf;

/// splitmix64: tiny, fast, and good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant here.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    /// `k` distinct items, in draw order.
    fn sample<'a, T>(&mut self, items: &'a [T], k: usize) -> Vec<&'a T> {
        let mut idx: Vec<usize> = (0..items.len()).collect();
        let k = k.min(items.len());
        for i in 0..k {
            let j = i + self.below(items.len() - i);
            idx.swap(i, j);
        }
        idx[..k].iter().map(|&i| &items[i]).collect()
    }
}

const LEVELS: &[&str] = &[
    "",
    "Junior",
    "Senior",
    "Lead",
    "Principal",
    "Trainee",
    "Staff",
    "Head",
    "Chief",
    "Regional",
];
const INDUSTRIES: &[&str] = &[
    "Retail",
    "Banking",
    "Insurance",
    "Telecom",
    "Healthcare",
    "Travel",
    "Hospitality",
    "Logistics",
    "Utilities",
    "Software",
    "Gaming",
    "Automotive",
    "Energy",
    "Education",
    "Government",
    "Pharmacy",
    "Airline",
    "Ecommerce",
    "Media",
    "Property",
    "Fintech",
    "Subscription",
    "Marketplace",
    "Nonprofit",
    "Legal",
    "Manufacturing",
    "Agriculture",
    "Fashion",
    "Fitness",
    "Delivery",
];
const FUNCTIONS: &[&str] = &[
    "Billing",
    "Claims",
    "Returns",
    "Onboarding",
    "Retention",
    "Escalations",
    "Technical Support",
    "Chat Support",
    "Email Support",
    "Phone Support",
    "Accounts",
    "Orders",
    "Warranty",
    "Loyalty",
    "Collections",
    "Quality Assurance",
    "Workforce Planning",
    "Knowledge Base",
    "Community",
    "Social Care",
    "Complaints",
    "Reservations",
    "Appointments",
    "Dispatch",
    "Fraud Prevention",
];
/// Job nouns with the synonyms their aliases use.
const NOUNS: &[(&str, &[&str])] = &[
    ("Specialist", &["Expert", "Pro"]),
    ("Agent", &["Rep", "Operator"]),
    ("Representative", &["Rep", "Agent"]),
    ("Coordinator", &["Organiser", "Scheduler"]),
    ("Advisor", &["Adviser", "Counsellor"]),
    ("Analyst", &["Researcher", "Reviewer"]),
    ("Consultant", &["Adviser", "Expert"]),
    ("Associate", &["Assistant", "Helper"]),
    ("Officer", &["Controller", "Handler"]),
    ("Supervisor", &["Team Leader", "Overseer"]),
    ("Manager", &["Head", "Director"]),
    ("Administrator", &["Admin", "Clerk"]),
    ("Liaison", &["Contact", "Go-Between"]),
    ("Technician", &["Tech", "Engineer"]),
    ("Executive", &["Exec", "Partner"]),
];
const VERBS: &[&str] = &[
    "Resolve",
    "Document",
    "Escalate",
    "Review",
    "Process",
    "Track",
    "Explain",
    "Audit",
    "Follow up on",
    "Prioritise",
    "Triage",
    "Report on",
    "Coach colleagues on",
    "Improve",
    "Reconcile",
];
const OBJECTS: &[&str] = &[
    "customer inquiries",
    "refund requests",
    "billing disputes",
    "service outages",
    "account changes",
    "warranty claims",
    "order exceptions",
    "delivery delays",
    "loyalty rewards",
    "complaints",
    "knowledge-base articles",
    "satisfaction surveys",
    "queue backlogs",
    "fraud alerts",
    "contract renewals",
    "appointment changes",
    "payment plans",
    "product recalls",
    "onboarding checklists",
    "service-level breaches",
];
const TECH_SKILLS: &[&str] = &[
    "CRM data entry",
    "Ticket triage",
    "Typing speed",
    "Knowledge-base search",
    "Spreadsheet reporting",
    "Live chat etiquette",
    "Call logging",
    "Refund processing",
    "Order management",
    "Billing systems",
    "SQL basics",
    "Macro writing",
    "Workforce scheduling",
    "Quality scoring",
    "Survey analysis",
    "Payment processing",
    "Identity verification",
    "Returns processing",
    "Chatbot tuning",
    "Dashboard reading",
];
const SOFT_SKILLS: &[&str] = &[
    "Active listening",
    "Empathy",
    "Patience",
    "Clear writing",
    "De-escalation",
    "Time management",
    "Negotiation",
    "Adaptability",
    "Attention to detail",
    "Teamwork",
    "Problem solving",
    "Positive language",
    "Resilience",
    "Coaching",
    "Persuasion",
];
const TOOLS: &[(&str, &[&str])] = &[
    ("Help desk", &["Zendesk", "Freshdesk", "Help Scout"]),
    ("CRM", &["Salesforce", "HubSpot", "Zoho CRM"]),
    ("Live chat", &["Intercom", "LiveChat", "Drift"]),
    ("Telephony", &["Five9", "Talkdesk", "Aircall"]),
    ("Knowledge base", &["Confluence", "Guru", "Notion"]),
    ("Workforce management", &["NICE", "Assembled", "Calabrio"]),
    ("Survey", &["Qualtrics", "SurveyMonkey", "Medallia"]),
    ("Spreadsheet", &["Excel", "Google Sheets"]),
    ("Messaging", &["Slack", "Microsoft Teams"]),
    ("Order system", &["Shopify", "SAP", "NetSuite"]),
    ("Billing", &["Stripe", "Chargebee", "Zuora"]),
    ("Quality assurance", &["MaestroQA", "Klaus"]),
];
const EDUCATION: &[&str] = &[
    "High school diploma or equivalent",
    "Associate degree preferred",
    "Bachelor's degree preferred",
    "Bachelor's degree in business or communications",
];
const PUBLISHERS: &[&str] = &[
    "Synthetic Careers Survey",
    "Example Labour Review",
    "Placeholder Industry Council",
    "Test Data Institute",
];

/// What to generate.
pub struct Opts {
    pub roles: usize,
    pub seed: u64,
    pub out: PathBuf,
}

fn kebab(title: &str) -> String {
    normalize_name(title).replace(' ', "-")
}

/// One generated role's name parts, kept to derive aliases and families.
struct Name {
    level: &'static str,
    industry: &'static str,
    function: &'static str,
    noun: usize,
    title: String,
    id: String,
}

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `n` distinct titles; past the combinations a number is appended.
fn names(rng: &mut Rng, n: usize, taken: &mut HashSet<String>) -> Vec<Name> {
    let mut out = Vec::with_capacity(n);
    let mut attempts = 0usize;
    while out.len() < n {
        let level = *rng.pick(LEVELS);
        let industry = *rng.pick(INDUSTRIES);
        let function = *rng.pick(FUNCTIONS);
        let noun = rng.below(NOUNS.len());
        let mut title = join(&[level, industry, function, NOUNS[noun].0]);
        attempts += 1;
        if taken.contains(&normalize_name(&title)) {
            if attempts < n * 4 {
                continue;
            }
            title = format!("{title} {}", out.len() + 1);
        }
        let key = normalize_name(&title);
        if !taken.insert(key) {
            continue;
        }
        let id = kebab(&title);
        out.push(Name {
            level,
            industry,
            function,
            noun,
            title,
            id,
        });
    }
    out
}

fn list(source: &str, items: Vec<String>) -> List {
    List {
        source: source.to_string(),
        items,
    }
}

fn prose(source: &str, text: String) -> Prose {
    Prose {
        source: source.to_string(),
        paragraphs: vec![text],
    }
}

fn strings(items: Vec<&&str>) -> Vec<String> {
    items.into_iter().map(|s| s.to_string()).collect()
}

/// Rounds to a multiple of 500, as salary surveys do.
fn round_pay(v: f64) -> f64 {
    (v / 500.0).round() * 500.0
}

/// Another generated role than role `i` of `n` (role `i` when it is the
/// only one).
fn other(rng: &mut Rng, i: usize, n: usize) -> usize {
    loop {
        let j = rng.below(n);
        if j != i || n == 1 {
            break j;
        }
    }
}

/// A yearly salary entry from `source`, growing with the level, and
/// sometimes an hourly one.
fn pay(rng: &mut Rng, me: &Name, source: &str, sources: &[String]) -> Vec<Salary> {
    // Pay grows with the level and varies by industry.
    let level_factor = 1.0 + LEVELS.iter().position(|l| *l == me.level).unwrap_or(0) as f64 * 0.12;
    let base = round_pay((28_000 + rng.below(30_000)) as f64 * level_factor);
    let top = round_pay(base * (1.3 + rng.below(60) as f64 / 100.0));
    let median = round_pay((base + top) / 2.0);
    let mut salary = vec![Salary {
        source: source.to_string(),
        currency: "USD".into(),
        period: Period::Year,
        region: Some("US".into()),
        range: Some(Range {
            min: base,
            max: top,
        }),
        median: Some(median),
        average: None,
        entry: Some(base),
        mid: Some(median),
        senior: Some(top),
        entry_range: None,
        top_10_percent_from: rng.chance(30).then(|| round_pay(top * 1.15)),
        note: None,
    }];
    if rng.chance(40) {
        let hourly_lo = (base / 2080.0).round();
        let hourly_hi = (top / 2080.0).round().max(hourly_lo);
        salary.push(Salary {
            source: rng.pick(sources).clone(),
            currency: "USD".into(),
            period: Period::Hour,
            region: None,
            range: Some(Range {
                min: hourly_lo,
                max: hourly_hi,
            }),
            median: None,
            average: None,
            entry: None,
            mid: None,
            senior: None,
            entry_range: None,
            top_10_percent_from: None,
            note: Some("Hourly rates quoted by the survey.".into()),
        });
    }
    salary
}

/// A ladder of 3-4 tiers with role `i` on one rung and other generated
/// roles on the others.
fn ladder(rng: &mut Rng, i: usize, all: &[Name], sources: &[String]) -> Vec<Ladder> {
    let me = &all[i];
    let industry_lower = me.industry.to_lowercase();
    let n_tiers = rng.range(3, 4);
    let my_rung = rng.below(n_tiers);
    let mut years = 0u32;
    let tiers = (0..n_tiers)
        .map(|t| {
            let span = rng.range(1, 4) as u32;
            let linked = if t == my_rung {
                i
            } else {
                other(rng, i, all.len())
            };
            let tier = Tier {
                title: all[linked].title.clone(),
                min_years: Some(years),
                max_years: (t + 1 < n_tiers).then_some(years + span),
                description: rng
                    .chance(50)
                    .then(|| format!("Tier {} of the {} track.", t + 1, industry_lower)),
                role: Some(all[linked].id.clone()),
                level: None,
                band: None,
            };
            years += span;
            tier
        })
        .collect();
    vec![Ladder {
        source: rng.pick(sources).clone(),
        name: format!("{} {} track", me.industry, me.function),
        tiers,
    }]
}

/// Three to five tools, each with some of its examples.
fn tools(rng: &mut Rng) -> Vec<Tool> {
    let n_tools = rng.range(3, 6);
    rng.sample(TOOLS, n_tools)
        .into_iter()
        .map(|(name, examples)| {
            let k = rng.range(0, examples.len());
            Tool {
                name: name.to_string(),
                examples: strings(rng.sample(examples, k)),
            }
        })
        .collect()
}

fn role(rng: &mut Rng, i: usize, all: &[Name], sources: &[String], aliases: Vec<Alias>) -> Role {
    let me = &all[i];
    let src = |rng: &mut Rng| rng.pick(sources).clone();
    let other = |rng: &mut Rng| other(rng, i, all.len());
    let s0 = src(rng);
    let noun_lower = NOUNS[me.noun].0.to_lowercase();
    let function_lower = me.function.to_lowercase();
    let industry_lower = me.industry.to_lowercase();

    let responsibilities = (0..rng.range(4, 7))
        .map(|_| format!("{} {}", rng.pick(VERBS), rng.pick(OBJECTS)))
        .collect();
    let tools = tools(rng);
    let n_tech = rng.range(3, 6);
    let tech = strings(rng.sample(TECH_SKILLS, n_tech));
    let n_soft = rng.range(3, 5);
    let soft = strings(rng.sample(SOFT_SKILLS, n_soft));

    let salary = pay(rng, me, &s0, sources);

    let min_years = rng.range(0, 4) as u32;
    let experience = vec![Experience {
        source: src(rng),
        min_years: Some(min_years),
        max_years: rng.chance(60).then(|| min_years + rng.range(1, 4) as u32),
        text: Some(format!(
            "Experience in {function_lower} or another customer-facing role."
        )),
        items: Vec::new(),
    }];

    let ladder = ladder(rng, i, all, sources);

    let kinds = [MoveKind::Promotion, MoveKind::Lateral, MoveKind::Related];
    let moves = (0..rng.range(2, 4))
        .map(|_| {
            let j = other(rng);
            let lo = rng.range(1, 3) as u32;
            Move {
                source: src(rng),
                to: all[j].title.clone(),
                role: Some(all[j].id.clone()),
                kind: *rng.pick(&kinds),
                min_years: Some(lo),
                max_years: Some(lo + rng.range(0, 3) as u32),
                note: None,
            }
        })
        .collect();
    let related = (0..rng.range(1, 2))
        .map(|_| {
            let j = other(rng);
            RoleRef {
                source: src(rng),
                title: all[j].title.clone(),
                role: Some(all[j].id.clone()),
                note: None,
            }
        })
        .collect();
    let boss = other(rng);
    let reports_to = vec![RoleRef {
        source: src(rng),
        title: all[boss].title.clone(),
        role: Some(all[boss].id.clone()),
        note: None,
    }];
    let growth = rng.below(160) as f64 / 10.0 - 4.0;

    Role {
        id: me.id.clone(),
        title: me.title.clone(),
        family: Family {
            name: format!("{} Customer Care", me.industry),
            source: s0.clone(),
        },
        aliases,
        summary: vec![prose(
            &s0,
            format!(
                "{} {} handles {function_lower} for {industry_lower} customers: \
                 answering questions, fixing problems and keeping records so \
                 that the next {noun_lower} can pick up where they left off.",
                if me.title.starts_with(['A', 'E', 'I', 'O', 'U']) {
                    "An"
                } else {
                    "A"
                },
                me.title
            ),
        )],
        overview: Vec::new(),
        responsibilities: vec![list(&s0, responsibilities)],
        work_setting: Vec::new(),
        employers: Vec::new(),
        tech_stack: vec![ToolGroup {
            source: src(rng),
            tools,
        }],
        tech_skills: vec![list(&s0, tech)],
        soft_skills: vec![list(&s0, soft)],
        qualities: Vec::new(),
        skill_map: Vec::new(),
        education: vec![Education {
            source: src(rng),
            minimum: Some(rng.pick(EDUCATION).to_string()),
            paragraphs: Vec::new(),
            items: Vec::new(),
        }],
        certifications: Vec::new(),
        experience,
        getting_started: Vec::new(),
        salary,
        outlook: vec![Outlook {
            source: src(rng),
            attributed_to: None,
            growth_percent: Some(growth),
            trend: Some(if growth > 2.0 {
                Trend::Growing
            } else if growth < -1.0 {
                Trend::Declining
            } else {
                Trend::Stable
            }),
            status: None,
            through: Some(2034),
            demand: None,
            demand_text: None,
            automation: None,
            ai_impact: None,
            ai_impact_through: None,
            paragraphs: Vec::new(),
        }],
        remote: Vec::new(),
        global_outlook: Vec::new(),
        job_market: Vec::new(),
        day_in_the_life: Vec::new(),
        work_life: Vec::new(),
        pros: Vec::new(),
        cons: Vec::new(),
        beginner_mistakes: Vec::new(),
        advice: Vec::new(),
        case_studies: Vec::new(),
        portfolio_tips: Vec::new(),
        cover_letter: Vec::new(),
        faq: Vec::new(),
        metrics: Vec::new(),
        figures: Vec::new(),
        reports_to,
        differs_from: Vec::new(),
        related,
        ladder,
        moves,
        soc: Vec::new(),
    }
}

/// Up to three aliases, each a name no role has yet.
fn aliases_for(
    rng: &mut Rng,
    me: &Name,
    sources: &[String],
    taken: &mut HashSet<String>,
) -> Vec<Alias> {
    let (noun, synonyms) = NOUNS[me.noun];
    let mut candidates: Vec<String> = synonyms
        .iter()
        .map(|s| join(&[me.level, me.industry, me.function, s]))
        .collect();
    candidates.push(join(&[me.industry, me.function, noun, me.level]));
    candidates.push(join(&[me.level, me.function, noun, "in", me.industry]));
    let want = rng.range(1, 3);
    let mut out = Vec::new();
    for name in candidates {
        if out.len() == want {
            break;
        }
        if taken.insert(normalize_name(&name)) {
            out.push(Alias {
                name,
                source: rng.pick(sources).clone(),
            });
        }
    }
    out
}

fn sources_file(n: usize) -> SourcesFile {
    SourcesFile {
        source: (0..n)
            .map(|k| Source {
                id: format!("synthetic-survey-{}", k + 1),
                title: format!("Synthetic customer-care survey, part {}", k + 1),
                publisher: Some(PUBLISHERS[k % PUBLISHERS.len()].to_string()),
                kind: "statistics".into(),
                date: Some(format!("2025-{:02}-01", k % 12 + 1)),
                url: None,
                note: Some("Generated by examples/gen-catalog.rs; not real data.".into()),
                cites: Vec::new(),
            })
            .collect(),
    }
}

/// The serializer writes `field = []` for every empty list; a person
/// would leave them out, and the loader defaults them.
fn without_empty_lists(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().filter(|l| !l.ends_with(" = []")) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn write(path: &std::path::Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn generate(opts: &Opts) -> Result<(), String> {
    let mut rng = Rng(opts.seed);
    // Names the bundled catalog already uses are off limits.
    let bundled = Catalog::bundled().map_err(|e| e.to_string())?;
    let mut taken: HashSet<String> = bundled
        .base()
        .names
        .into_iter()
        .map(|(name, _)| name)
        .collect();

    let sources = sources_file(12);
    let source_ids: Vec<String> = sources.source.iter().map(|s| s.id.clone()).collect();
    let all = names(&mut rng, opts.roles, &mut taken);

    let roles_dir = opts.out.join("roles");
    std::fs::create_dir_all(&roles_dir).map_err(|e| format!("{}: {e}", roles_dir.display()))?;
    let text = toml::to_string(&sources).map_err(|e| format!("sources.toml: {e}"))?;
    write(&opts.out.join("sources.toml"), &text)?;
    for i in 0..all.len() {
        let aliases = aliases_for(&mut rng, &all[i], &source_ids, &mut taken);
        let r = role(&mut rng, i, &all, &source_ids, aliases);
        let text = toml::to_string(&r).map_err(|e| format!("{}: {e}", r.id))?;
        write(
            &roles_dir.join(format!("{}.toml", r.id)),
            &without_empty_lists(&text),
        )?;
    }
    Ok(())
}
