//! The bundled BLS OEWS May 2025 tables, checked against the source files.
//!
//! Every expected figure was read by hand from the TSVs under
//! data/oews-2025/ (states and metros: `zstdcat ... | grep`); the comment
//! above each check gives the line it comes from.

use careers::wages::{
    self, find_area, AreaError, AreaKind, Footnote, Level, Rank, WageValue, Wages,
};

use WageValue::{NotAvailable, TopCoded, Value};

fn area(query: &str) -> &'static wages::Area {
    match find_area(query) {
        Ok(a) => a,
        Err(e) => panic!("`{query}`: {e}"),
    }
}

fn get(query: &str, soc: &str) -> Wages {
    wages::wages(area(query), soc).unwrap_or_else(|| panic!("no row for {query} {soc}"))
}

/// (employment, employment_rse, hourly_mean, annual_mean, wage_rse,
/// hourly p10..p90, annual p10..p90) as the TSV columns are ordered.
fn columns(w: &Wages) -> Vec<WageValue> {
    let mut v = vec![
        w.employment,
        w.employment_rse,
        w.hourly_mean,
        w.annual_mean,
        w.wage_rse,
    ];
    v.extend(w.hourly.all());
    v.extend(w.annual.all());
    v
}

fn values(figures: &[f64]) -> Vec<WageValue> {
    figures.iter().map(|v| Value(*v)).collect()
}

#[test]
fn national_figure() {
    // national.tsv: 0000000 43-4051 2595750 0.4 22.40 46590 0.2
    //   15.27 17.72 21.53 24.89 30.57 31750 36870 44770 51780 63590
    let w = get("us", "43-4051");
    assert_eq!(
        columns(&w),
        values(&[
            2_595_750.0,
            0.4,
            22.40,
            46_590.0,
            0.2,
            15.27,
            17.72,
            21.53,
            24.89,
            30.57,
            31_750.0,
            36_870.0,
            44_770.0,
            51_780.0,
            63_590.0
        ])
    );
    let csr = wages::occupation("43-4051").expect("43-4051 is in occupations.tsv");
    assert_eq!(csr.title, "Customer Service Representatives");
    assert_eq!(csr.level, Level::Detailed);
    assert_eq!(csr.national(), Some(w));
}

#[test]
fn state_figure() {
    // states.tsv: 4800000 43-4051 337170 1.2 20.78 43220 0.3
    //   14.10 17.03 19.44 23.22 28.65 29320 35420 40420 48300 59590
    let w = get("TX", "43-4051");
    assert_eq!(
        columns(&w),
        values(&[
            337_170.0, 1.2, 20.78, 43_220.0, 0.3, 14.10, 17.03, 19.44, 23.22, 28.65, 29_320.0,
            35_420.0, 40_420.0, 48_300.0, 59_590.0
        ])
    );
}

#[test]
fn metro_figure() {
    // metros.tsv: 0012420 43-4051 32690 2.8 21.69 45120 0.6
    //   14.67 17.62 21.02 23.68 29.62 30520 36640 43720 49250 61610
    let w = get("Austin", "43-4051");
    assert_eq!(
        columns(&w),
        values(&[
            32_690.0, 2.8, 21.69, 45_120.0, 0.6, 14.67, 17.62, 21.02, 23.68, 29.62, 30_520.0,
            36_640.0, 43_720.0, 49_250.0, 61_610.0
        ])
    );
}

#[test]
fn top_coded_values() {
    // states.tsv: 4800000 29-1243 300 40.9 - - 6.0 - ... -, footnotes
    //   hourly_*=5, annual_*=5 (Pediatric Surgeons in Texas)
    let w = get("texas", "29-1243");
    assert_eq!(w.employment, Value(300.0));
    assert_eq!(w.employment_rse, Value(40.9));
    assert_eq!(w.wage_rse, Value(6.0));
    assert_eq!(w.hourly_mean, TopCoded { cap: 115.0 });
    assert_eq!(w.annual_mean, TopCoded { cap: 239_200.0 });
    assert!(w.hourly.all().iter().all(|v| *v == TopCoded { cap: 115.0 }));
    assert!(w
        .annual
        .all()
        .iter()
        .all(|v| *v == TopCoded { cap: 239_200.0 }));

    // metros.tsv: 0024340 29-1211 270 3.8 203.07 422390 1.7
    //   89.41 94.79 109.98 185.00 - 185960 197150 228760 384800 -
    //   hourly_p90=5,annual_p90=5 (only the 90th percentile is top-coded)
    let w = get("0024340", "29-1211");
    assert_eq!(w.hourly.p75, Value(185.00));
    assert_eq!(w.hourly.p90, TopCoded { cap: 115.0 });
    assert_eq!(w.annual.p75, Value(384_800.0));
    assert_eq!(w.annual.p90, TopCoded { cap: 239_200.0 });
    assert_eq!(w.annual_mean, Value(422_390.0));
}

#[test]
fn values_not_available_carry_their_footnote() {
    // states.tsv: 4800000 11-9179 - - 30.80 64060 5.5 ...
    //   employment=8,employment_rse=8
    let w = get("TX", "11-9179");
    let not_released = NotAvailable {
        reason: Footnote::NotReleased,
    };
    assert_eq!(w.employment, not_released);
    assert_eq!(w.employment_rse, not_released);
    assert_eq!(w.hourly_mean, Value(30.80));
    assert_eq!(w.annual.median, Value(61_310.0));

    // states.tsv: 4800000 19-1013 500 24.4 - ... -, every wage =8
    let w = get("TX", "19-1013");
    assert_eq!(w.employment, Value(500.0));
    assert_eq!(w.annual.median, not_released);
    assert_eq!(w.wage_rse, not_released);

    // national.tsv: 0000000 27-2011 55000 17.7 58.29 - 8.4
    //   16.50 20.34 29.05 97.95 143.68 - - - - -, annual_*=4 (Actors)
    let w = get("us", "27-2011");
    let pay_basis = NotAvailable {
        reason: Footnote::HourlyOrAnnualOnly,
    };
    assert_eq!(w.hourly.median, Value(29.05));
    assert_eq!(w.annual.median, pay_basis);
    assert_eq!(w.annual_mean, pay_basis);

    // national.tsv: 0000000 11-9032 328330 0.6 - 116100 0.3 - ... -
    //   76280 86040 105870 134630 167770, hourly_*=4
    let w = get("us", "11-9032");
    assert_eq!(w.hourly.median, pay_basis);
    assert_eq!(w.annual.median, Value(105_870.0));

    assert_eq!(Footnote::NotReleased.code(), 8);
    assert_eq!(Footnote::NotReleased.text(), "Estimate not released.");
    assert_eq!(Footnote::HourlyOrAnnualOnly.code(), 4);
}

#[test]
fn occupations_and_areas_are_all_there() {
    // occupations.tsv: 1,104 rows, 830 of level 3.
    assert_eq!(wages::occupations().len(), 1_104);
    assert_eq!(wages::detailed_occupations().count(), 830);
    // areas.tsv: 1 N, 54 S, 528 M.
    let count = |k| wages::areas().iter().filter(|a| a.kind == k).count();
    assert_eq!(count(AreaKind::Nation), 1);
    assert_eq!(count(AreaKind::State), 54);
    assert_eq!(count(AreaKind::Metro), 528);
    // Every state and territory has its USPS code.
    assert!(wages::areas()
        .iter()
        .filter(|a| a.kind == AreaKind::State)
        .all(|a| a.postal.is_some()));
    assert_eq!(wages::SOURCE_ID, "bls-oews-2025");
}

#[test]
fn areas_by_code_name_and_words() {
    let texas = area("TX");
    assert_eq!(texas.name, "Texas");
    assert_eq!(texas.code, "4800000");
    assert_eq!(texas.kind, AreaKind::State);
    assert_eq!(texas.state_fips, "48");
    assert_eq!(texas.postal, Some("TX"));
    assert_eq!(area("tx"), texas);
    assert_eq!(area("Texas"), texas);
    assert_eq!(area("pr").name, "Puerto Rico");

    let austin = area("Austin");
    assert_eq!(austin.name, "Austin-Round Rock-San Marcos, TX");
    assert_eq!(austin.code, "0012420");
    assert_eq!(austin.kind, AreaKind::Metro);
    assert_eq!(area("austin tx"), austin);
    assert_eq!(area("Austin-Round Rock-San Marcos, TX"), austin);

    assert_eq!(area("United States").kind, AreaKind::Nation);
}

#[test]
fn ambiguous_and_unknown_areas() {
    match find_area("Portland") {
        Err(AreaError::Ambiguous {
            candidates, total, ..
        }) => {
            assert_eq!(total, 2);
            assert_eq!(candidates[0].name, "Portland-Vancouver-Hillsboro, OR-WA");
        }
        other => panic!("{other:?}"),
    }
    match find_area("Sna Antonio") {
        Err(AreaError::Unknown { suggestions, .. }) => {
            assert_eq!(
                suggestions.first().map(|a| a.name),
                Some("San Antonio-New Braunfels, TX")
            );
            assert!(suggestions.len() <= 5);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn top_paid_in_an_area() {
    // states.tsv, Texas, detailed occupations by annual_median: 29-1212
    // 410150, 29-1217 360640, 29-1222 345830. 29-1243 is top-coded
    // (annual_median=5): the data publishes figures above the README's cap,
    // so it ranks by that floor ($239,200), not first.
    let top = wages::top(area("TX"), 3, Rank::AnnualMedian);
    let socs: Vec<&str> = top.iter().map(|(o, _)| o.soc).collect();
    assert_eq!(socs, ["29-1212", "29-1217", "29-1222"]);
    assert_eq!(top[0].1.annual.median, Value(410_150.0));
    let more = wages::top(area("TX"), 100, Rank::AnnualMedian);
    let surgeons = more
        .iter()
        .find(|(o, _)| o.soc == "29-1243")
        .expect("ranked by its floor");
    assert!(surgeons.1.annual.median.is_top_coded());
    // Groups are not occupations.
    assert!(wages::top(wages::nation(), 50, Rank::default())
        .iter()
        .all(|(o, _)| o.level == Level::Detailed));
    // Nothing without a figure: actors have no annual median (footnote 4).
    assert!(!wages::top(wages::nation(), 2000, Rank::AnnualMedian)
        .iter()
        .any(|(o, _)| o.soc == "27-2011"));
    assert!(wages::top(area("TX"), 0, Rank::AnnualMedian).is_empty());
}

#[test]
fn lookups_that_find_nothing() {
    assert!(wages::wages(area("TX"), "99-9999").is_none());
    assert!(wages::occupation("not a code").is_none());
    // Guam publishes far fewer occupations than the nation.
    let guam = area("GU");
    assert!(wages::area_wages(guam).len() < wages::area_wages(wages::nation()).len());
}
