//! The career graph behind `careers path`, in process (divan):
//!
//!     cargo bench --bench path
//!
//! What one `path` run pays before printing: the graph built over the
//! bundled catalog and the 830 official occupations, a route search, a
//! ranking. The whole-program timings (against `/bin/true`) are in
//! BENCHMARKS.md.

use careers::catalog::Catalog;
use careers::graph::{rank, Graph};

fn main() {
    divan::main();
}

fn catalog() -> Catalog {
    Catalog::bundled().expect("the bundled catalog decodes")
}

/// The catalog alone: what every command pays.
#[divan::bench]
fn bundled_catalog() -> Catalog {
    catalog()
}

/// The guides' graph (11 roles decoded, their ladders and moves).
#[divan::bench]
fn curated_graph(b: divan::Bencher) {
    b.with_inputs(catalog)
        .bench_refs(|c| Graph::curated(c).map(|g| g.nodes.len()))
}

/// The whole economy: the guides' graph, the 830 occupations and their
/// official edges.
#[divan::bench]
fn whole_graph(b: divan::Bencher) {
    b.with_inputs(catalog)
        .bench_refs(|c| Graph::build(c).map(|g| g.nodes.len()))
}

/// Routes between two occupations, ranked by skill gap.
#[divan::bench(args = [("cashiers", "electricians"), ("customer-service-representative", "registered-nurses")])]
fn routes(b: divan::Bencher, (from, to): (&str, &str)) {
    let c = catalog();
    let g = Graph::build(&c).expect("graph");
    let (Some(a), Some(z)) = (g.node_of(from), g.node_of(to)) else {
        panic!("{from} and {to} are nodes")
    };
    b.bench(|| {
        g.fewest_steps(a, z, 3, &|u, v| g.skill_cost(u, v))
            .routes
            .len()
    });
}

/// The ranked destinations from one occupation (pay: the projections'
/// 2024 medians, a fixed table).
#[divan::bench]
fn ranking(b: divan::Bencher) {
    let c = catalog();
    let g = Graph::build(&c).expect("graph");
    let from = g
        .node_of("customer-service-representative")
        .expect("a node");
    let median = |n: usize| {
        careers::official::projection(g.nodes[n].soc?)?
            .median_wage_2024
            .map(|w| f64::from(w.dollars))
    };
    let pay = |to: usize| median(from).zip(median(to));
    b.bench(|| rank::rank(&g, from, &pay, rank::Filters::default()).len());
}
