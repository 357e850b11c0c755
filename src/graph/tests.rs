//! The graph's searches on small catalogs written here, and on the
//! bundled one.

use super::*;
use crate::model::Role;

fn role(toml_text: &str) -> Role {
    toml::from_str(toml_text).unwrap_or_else(|e| panic!("{e}\n{toml_text}"))
}

fn catalog(roles: Vec<Role>) -> Catalog {
    Catalog::from_roles(Vec::new(), roles)
}

fn head(id: &str) -> String {
    format!("id = \"{id}\"\ntitle = \"{id} title\"\nfamily = {{ name = \"f\", source = \"s\" }}\n")
}

fn mv(to: &str, kind: &str, years: &str) -> String {
    format!(
        "[[moves]]\nsource = \"s\"\nto = \"{to} title\"\nrole = \"{to}\"\nkind = \"{kind}\"\n{years}\n"
    )
}

fn ids(g: &Graph, route: &[NodeIx]) -> Vec<String> {
    route
        .iter()
        .map(|&n| g.nodes[n].key().to_string())
        .collect()
}

fn n(g: &Graph, id: &str) -> NodeIx {
    g.node_of(id).unwrap_or_else(|| panic!("no node {id}"))
}

#[test]
fn ladder_steps_skip_levels_within_one_role_and_take_the_target_tier_start() {
    let a = role(&format!(
        "{}[[ladder]]\nsource = \"lad\"\nname = \"L\"\n\
         [[ladder.tiers]]\ntitle = \"Junior\"\nmin_years = 0\nmax_years = 2\nrole = \"a\"\n\
         [[ladder.tiers]]\ntitle = \"Senior\"\nmin_years = 2\nrole = \"a\"\n\
         [[ladder.tiers]]\ntitle = \"Lead\"\nmin_years = 5\nmax_years = 7\nrole = \"b\"\n\
         [[ladder.tiers]]\ntitle = \"Boss\"\nmin_years = 7\nrole = \"c\"\n",
        head("a")
    ));
    let c = catalog(vec![a, role(&head("b")), role(&head("c"))]);
    let g = Graph::build(&c).unwrap();
    let got: Vec<(String, String, Option<Years>)> = g
        .edges
        .iter()
        .map(|e| {
            (
                g.nodes[e.from].key().to_string(),
                g.nodes[e.to].key().to_string(),
                e.years,
            )
        })
        .collect();
    let y = |v| {
        Some(Years {
            min: Some(v),
            max: None,
        })
    };
    assert_eq!(
        got,
        vec![
            ("a".into(), "b".into(), y(5)),
            ("b".into(), "c".into(), y(7))
        ]
    );
    assert!(g.edges.iter().all(|e| e.kind == MoveKind::Promotion
        && e.via == Via::Ladder
        && e.owner == "a"
        && e.source == "lad"));
}

#[test]
fn destinations_without_a_profile_are_one_node_per_name() {
    let a = role(&format!(
        "{}[[moves]]\nsource = \"s\"\nto = \"Technical support\"\nkind = \"lateral\"\n",
        head("a")
    ));
    let b = role(&format!(
        "{}[[moves]]\nsource = \"t\"\nto = \"technical-support\"\nkind = \"lateral\"\n",
        head("b")
    ));
    let c = catalog(vec![a, b]);
    let g = Graph::build(&c).unwrap();
    assert_eq!(g.nodes.len(), 3);
    assert_eq!(g.nodes[2].id, NodeId::Named);
    assert_eq!(g.nodes[2].label(), "Technical support (no profile)");
    assert_eq!(g.edges.len(), 2);
    assert!(g.edges.iter().all(|e| e.to == 2));
}

#[test]
fn fewest_steps_finds_every_equally_short_route() {
    // a -> b -> d, a -> c -> d, a -> c -> e -> d
    let c = catalog(vec![
        role(&format!(
            "{}{}{}",
            head("a"),
            mv("b", "promotion", ""),
            mv("c", "lateral", "")
        )),
        role(&format!("{}{}", head("b"), mv("d", "promotion", ""))),
        role(&format!(
            "{}{}{}",
            head("c"),
            mv("d", "promotion", ""),
            mv("e", "promotion", "")
        )),
        role(&format!("{}{}", head("e"), mv("d", "promotion", ""))),
        role(&head("d")),
    ]);
    let g = Graph::build(&c).unwrap();
    let r = g.fewest_steps(n(&g, "a"), n(&g, "d"), 10, &|_, _| StepCost::default());
    assert_eq!(r.total, 2);
    let got: Vec<Vec<String>> = r.routes.iter().map(|x| ids(&g, x)).collect();
    assert_eq!(got, vec![vec!["a", "b", "d"], vec!["a", "c", "d"]]);
    let capped = g.fewest_steps(n(&g, "a"), n(&g, "d"), 1, &|_, _| StepCost::default());
    assert_eq!((capped.routes.len(), capped.total), (1, 2));
}

#[test]
fn equally_short_routes_rank_by_unknown_gaps_then_gap_then_lowest_pay() {
    // a -> {b, c, x} -> d: three routes of two steps.
    let c = catalog(vec![
        role(&format!(
            "{}{}{}{}",
            head("a"),
            mv("b", "promotion", ""),
            mv("c", "lateral", ""),
            mv("x", "lateral", "")
        )),
        role(&format!("{}{}", head("b"), mv("d", "promotion", ""))),
        role(&format!("{}{}", head("c"), mv("d", "promotion", ""))),
        role(&format!("{}{}", head("x"), mv("d", "promotion", ""))),
        role(&head("d")),
    ]);
    let g = Graph::build(&c).unwrap();
    let id = |i: NodeIx| g.nodes[i].key().to_string();
    // Into b: gap 3; into c: gap 1; into x: gap unknown. Pay of d 50, of
    // b 40, of c 20.
    let cost = |_: NodeIx, v: NodeIx| match id(v).as_str() {
        "b" => StepCost {
            unknown_gap: false,
            gap: 3.0,
            pay: Some(40.0),
        },
        "c" => StepCost {
            unknown_gap: false,
            gap: 1.0,
            pay: Some(20.0),
        },
        "x" => StepCost {
            unknown_gap: true,
            gap: 0.0,
            pay: None,
        },
        _ => StepCost {
            unknown_gap: false,
            gap: 0.0,
            pay: Some(50.0),
        },
    };
    let r = g.fewest_steps(n(&g, "a"), n(&g, "d"), 10, &cost);
    let got: Vec<Vec<String>> = r.routes.iter().map(|x| ids(&g, x)).collect();
    assert_eq!(got, [["a", "c", "d"], ["a", "b", "d"], ["a", "x", "d"]]);
    assert_eq!(r.total, 3);
    // Equal gaps: the route whose lowest pay is higher first.
    let same_gap = |_: NodeIx, v: NodeIx| StepCost {
        unknown_gap: false,
        gap: 1.0,
        pay: Some(if id(v) == "b" { 40.0 } else { 20.0 }),
    };
    let r = g.fewest_steps(n(&g, "a"), n(&g, "d"), 1, &same_gap);
    assert_eq!(ids(&g, &r.routes[0]), ["a", "b", "d"]);
}

#[test]
fn routes_do_not_pass_through_residual_occupations() {
    // a -> b -> c and a -> r -> c with r residual ("All Other").
    let c = catalog(vec![
        role(&format!(
            "{}{}{}",
            head("a"),
            mv("b", "promotion", ""),
            mv("r", "lateral", "")
        )),
        role(&format!("{}{}", head("b"), mv("c", "promotion", ""))),
        role(&format!("{}{}", head("r"), mv("c", "promotion", ""))),
        role(&head("c")),
    ]);
    let mut g = Graph::build(&c).unwrap();
    let r_node = n(&g, "r");
    g.nodes[r_node].residual = true;
    let r = g.fewest_steps(n(&g, "a"), n(&g, "c"), 10, &|_, _| StepCost::default());
    let got: Vec<Vec<String>> = r.routes.iter().map(|x| ids(&g, x)).collect();
    assert_eq!(got, [["a", "b", "c"]]);
    // It can still be where a route ends.
    let r = g.fewest_steps(n(&g, "a"), r_node, 10, &|_, _| StepCost::default());
    assert_eq!(r.routes.len(), 1);
}

#[test]
fn no_route_is_empty_and_reachable_lists_what_there_is() {
    let c = catalog(vec![
        role(&format!("{}{}", head("a"), mv("b", "promotion", ""))),
        role(&head("b")),
        role(&head("c")),
    ]);
    let g = Graph::build(&c).unwrap();
    let r = g.fewest_steps(n(&g, "a"), n(&g, "c"), 10, &|_, _| StepCost::default());
    assert!(r.routes.is_empty());
    assert_eq!(r.total, 0);
    let reach: Vec<NodeIx> = g
        .reachable(n(&g, "a"), false)
        .iter()
        .map(|r| r.node)
        .collect();
    assert_eq!(reach, vec![n(&g, "b")]);
    assert!(g.reachable(n(&g, "b"), false).is_empty());
}

#[test]
fn cycles_terminate() {
    let c = catalog(vec![
        role(&format!("{}{}", head("a"), mv("b", "lateral", ""))),
        role(&format!("{}{}", head("b"), mv("a", "lateral", ""))),
        role(&head("c")),
    ]);
    let g = Graph::build(&c).unwrap();
    let (a, b, c) = (n(&g, "a"), n(&g, "b"), n(&g, "c"));
    assert_eq!(g.reachable(a, false).len(), 1);
    assert_eq!(
        g.fewest_steps(a, c, 10, &|_, _| StepCost::default()).total,
        0
    );
    assert_eq!(g.least_years(a, c, 10).total, 0);
    assert_eq!(
        ids(
            &g,
            &g.fewest_steps(b, a, 10, &|_, _| StepCost::default()).routes[0]
        ),
        vec!["b", "a"]
    );
}

#[test]
fn least_years_prefers_known_years_then_the_lowest_highest_figure() {
    // a -> d directly (no years); a -> b (1-3) -> d (7); a -> c (5) -> d (9)
    let c = catalog(vec![
        role(&format!(
            "{}{}{}{}",
            head("a"),
            mv("d", "promotion", ""),
            mv("b", "promotion", "min_years = 1\nmax_years = 3"),
            mv("c", "promotion", "min_years = 5")
        )),
        role(&format!(
            "{}{}",
            head("b"),
            mv("d", "promotion", "min_years = 7")
        )),
        role(&format!(
            "{}{}",
            head("c"),
            mv("d", "promotion", "min_years = 9")
        )),
        role(&head("d")),
    ]);
    let g = Graph::build(&c).unwrap();
    let (a, d) = (n(&g, "a"), n(&g, "d"));
    let steps = g.fewest_steps(a, d, 10, &|_, _| StepCost::default());
    assert_eq!(ids(&g, &steps.routes[0]), vec!["a", "d"]);
    let years = g.least_years(a, d, 10);
    assert_eq!(years.routes.len(), 1);
    assert_eq!(ids(&g, &years.routes[0]), vec!["a", "b", "d"]);
    assert_eq!((years.unknown_steps, years.years), (0, Some(7)));
}

#[test]
fn least_years_falls_back_to_steps_without_years() {
    let c = catalog(vec![
        role(&format!("{}{}", head("a"), mv("b", "promotion", ""))),
        role(&format!(
            "{}{}",
            head("b"),
            mv("c", "promotion", "min_years = 4")
        )),
        role(&head("c")),
    ]);
    let g = Graph::build(&c).unwrap();
    let r = g.least_years(n(&g, "a"), n(&g, "c"), 10);
    assert_eq!(ids(&g, &r.routes[0]), vec!["a", "b", "c"]);
    assert_eq!((r.unknown_steps, r.years), (1, Some(4)));
}

#[test]
fn least_years_breaks_ties_by_fewest_steps() {
    // a -> b (2) -> c (2) -> d (3) and a -> e (3) -> d (1): both peak at 3.
    let c = catalog(vec![
        role(&format!(
            "{}{}{}",
            head("a"),
            mv("b", "promotion", "min_years = 2"),
            mv("e", "promotion", "min_years = 3")
        )),
        role(&format!(
            "{}{}",
            head("b"),
            mv("c", "promotion", "min_years = 2")
        )),
        role(&format!(
            "{}{}",
            head("c"),
            mv("d", "promotion", "min_years = 3")
        )),
        role(&format!(
            "{}{}",
            head("e"),
            mv("d", "promotion", "min_years = 1")
        )),
        role(&head("d")),
    ]);
    let g = Graph::build(&c).unwrap();
    let r = g.least_years(n(&g, "a"), n(&g, "d"), 10);
    assert_eq!(r.routes.len(), 1);
    assert_eq!(ids(&g, &r.routes[0]), vec!["a", "e", "d"]);
}

#[test]
fn parallel_edges_make_one_step_with_the_strongest_kind_and_lowest_years() {
    let c = catalog(vec![
        role(&format!(
            "{}{}{}[[related]]\nsource = \"s\"\ntitle = \"B\"\nrole = \"b\"\n",
            head("a"),
            mv("b", "lateral", "min_years = 4"),
            mv("b", "promotion", "min_years = 2\nmax_years = 3")
        )),
        role(&head("b")),
    ]);
    let g = Graph::build(&c).unwrap();
    let steps: Vec<Step> = g.steps_from(n(&g, "a")).collect();
    assert_eq!(steps.len(), 1);
    assert_eq!(g.step_edges(&steps[0]).count(), 3);
    assert_eq!(g.step_kind(&steps[0]), MoveKind::Promotion);
    assert_eq!(g.step_years(&steps[0]), Some(2));
}

#[test]
fn the_bundled_catalog_has_the_associate_ladder() {
    let Ok(cat) = Catalog::bundled() else {
        panic!("bundled catalog decodes")
    };
    let g = Graph::build(&cat).unwrap();
    let (csa, sup, mgr) = (
        n(&g, "customer-service-associate"),
        n(&g, "customer-service-supervisor"),
        n(&g, "customer-service-manager"),
    );
    let ladder: Vec<&Edge> = g
        .edges
        .iter()
        .filter(|e| e.via == Via::Ladder && e.owner == "customer-service-associate")
        .collect();
    assert_eq!(ladder.len(), 2);
    assert_eq!((ladder[0].from, ladder[0].to), (csa, sup));
    assert_eq!(ladder[0].years.and_then(|y| y.min), Some(5));
    assert_eq!((ladder[1].from, ladder[1].to), (sup, mgr));
    assert_eq!(ladder[1].years.and_then(|y| y.min), Some(7));
    let r = g.least_years(csa, mgr, 10);
    assert_eq!(r.routes, vec![vec![csa, sup, mgr]]);
    assert_eq!(r.years, Some(7));
}

fn bundled() -> Catalog {
    Catalog::bundled().unwrap_or_else(|e| panic!("bundled catalog decodes: {e}"))
}

fn route_ids(g: &Graph, from: &str, to: &str) -> Vec<Vec<String>> {
    g.fewest_steps(n(g, from), n(g, to), 3, &|u, v| g.skill_cost(u, v))
        .routes
        .iter()
        .map(|r| ids(g, r))
        .collect()
}

#[test]
fn an_occupation_open_to_newcomers_is_entered_directly() {
    // BLS: electricians and registered nurses ask no work experience in a
    // related occupation; their routes are one step, whatever the start.
    let cat = bundled();
    let g = Graph::build(&cat).unwrap();
    assert_eq!(
        route_ids(&g, "cashiers", "electricians"),
        [["cashiers", "electricians"]]
    );
    assert_eq!(
        route_ids(&g, "customer-service-representative", "registered-nurses"),
        [["customer-service-representative", "registered-nurses"]]
    );
    let (cashier, electrician) = (n(&g, "cashiers"), n(&g, "electricians"));
    assert!(g.nodes[electrician].is_open());
    assert!(
        g.step(cashier, electrician).is_none(),
        "no edge: entry only"
    );
}

#[test]
fn entry_is_only_ever_a_first_step() {
    // First-line supervisors of office workers ask for experience: the
    // route comes through a step of the graph, not an entry.
    let cat = bundled();
    let g = Graph::build(&cat).unwrap();
    let sup = "first-line-supervisors-of-office-and-administrative-support-workers";
    let to = n(&g, sup);
    assert!(!g.nodes[to].is_open());
    // A representative is one step from its group's supervisor.
    assert_eq!(
        route_ids(&g, "customer-service-representative", sup),
        [["customer-service-representative", sup]]
    );
    let cost = |u, v| g.skill_cost(u, v);
    for from in ["cashiers", "registered-nurses", "electricians"] {
        let r = g.fewest_steps(n(&g, from), to, 3, &cost);
        assert!(!r.routes.is_empty(), "{from}");
        for route in &r.routes {
            for pair in route.windows(2).skip(1) {
                assert!(g.step(pair[0], pair[1]).is_some(), "{from}: {route:?}");
            }
            let last = route.len() - 1;
            assert!(g.step(route[last - 1], route[last]).is_some());
        }
    }
}

#[test]
fn curated_roles_stand_for_their_occupation_and_keep_their_guides() {
    let cat = bundled();
    let g = Graph::build(&cat).unwrap();
    // 43-4051 is the associate's and the representative's: no node of its
    // own, and a link into it goes to both.
    let csr = n(&g, "customer-service-representative");
    assert_eq!(
        g.node_of_soc("43-4051"),
        Some(n(&g, "customer-service-associate"))
    );
    assert!(g
        .nodes
        .iter()
        .all(|x| x.id != NodeId::Occupation("43-4051")));
    let clerks = n(&g, "new-accounts-clerks");
    assert!(g.step(clerks, csr).is_some_and(|s| s.link.is_some()));
    // The supervisor is linked approximately: its own node, with 43-1011's
    // links out of it, and none into it.
    let sup = n(&g, "customer-service-supervisor");
    assert!(g.nodes[sup].approximate);
    assert!(g.steps_from(sup).any(|s| s.link.is_some()));
    let office = n(
        &g,
        "first-line-supervisors-of-office-and-administrative-support-workers",
    );
    assert_ne!(office, sup);
    // The guides' ladder is still there, and --by years still takes it.
    let mgr = n(&g, "customer-service-manager");
    let r = g.least_years(n(&g, "customer-service-associate"), mgr, 10);
    assert_eq!(ids(&g, &r.routes[0]).len(), 3);
}

#[test]
fn the_guides_graph_has_no_official_nodes() {
    let cat = bundled();
    let g = Graph::curated(&cat).unwrap();
    assert!(g
        .nodes
        .iter()
        .all(|x| x.id != NodeId::Occupation("29-1141")));
    assert!(g.open_nodes().is_empty());
    assert_eq!(g.node_of("registered-nurses"), None);
}

#[test]
fn distances_without_entry_follow_the_graph_alone() {
    let cat = bundled();
    let g = Graph::build(&cat).unwrap();
    let from = n(&g, "cashiers");
    let with = g.distances(from, true);
    let without = g.distances(from, false);
    let electricians = n(&g, "electricians");
    assert_eq!(with[electricians], Some(1));
    assert!(without[electricians].is_none_or(|d| d > 1));
    assert!(with.iter().flatten().count() > without.iter().flatten().count());
}

#[test]
fn a_route_with_years_for_every_step_is_found_among_the_guides_steps() {
    // What `reaches_with_years` says is what the search by years finds,
    // from and to every curated role and a few occupations.
    let c = bundled();
    let g = Graph::build(&c).expect("graph");
    let mut ends: Vec<NodeIx> = c.heads().map(|h| n(&g, &h.id)).collect();
    ends.extend(
        [
            "registered-nurses",
            "cashiers",
            "first-line-supervisors-of-office-and-administrative-support-workers",
        ]
        .map(|id| n(&g, id)),
    );
    let mut with_years = 0;
    for &a in &ends {
        for &b in &ends {
            if a == b {
                continue;
            }
            let found = g.least_years(a, b, 1);
            let all_known = !found.routes.is_empty() && found.unknown_steps == 0;
            assert_eq!(g.reaches_with_years(a, b), all_known, "{a} {b}");
            with_years += usize::from(all_known);
        }
    }
    assert!(with_years >= 3, "{with_years}");
}
