use super::*;
use crate::model::SocLink;

fn salary(toml_text: &str) -> Salary {
    toml::from_str(toml_text).unwrap_or_else(|e| panic!("{e}"))
}

fn link(code: &str, approximate: bool) -> SocLink {
    SocLink {
        code: code.into(),
        source: None,
        reason: Some("test".into()),
        approximate,
    }
}

const YEARLY_RANGE: &str =
    "source = \"a\"\ncurrency = \"USD\"\nperiod = \"year\"\nrange = { min = 30000, max = 40000 }";
const HOURLY_RANGE: &str =
    "source = \"h\"\ncurrency = \"USD\"\nperiod = \"hour\"\nrange = { min = 18, max = 22 }";
const HOURLY_MEDIAN: &str = "source = \"m\"\ncurrency = \"USD\"\nperiod = \"hour\"\nmedian = 21";

#[test]
fn a_median_beats_a_midpoint_and_a_midpoint_is_labelled_as_one() {
    let s = [salary(YEARLY_RANGE), salary(HOURLY_MEDIAN)];
    let h = curated_headline(&s, &Ask::national());
    assert_eq!(
        h.as_ref().map(|h| (h.basis, h.value, h.period)),
        Some((Basis::Median, Some(21.0), Period::Hour))
    );
    let h = curated_headline(&s[..1], &Ask::national());
    assert_eq!(
        h.map(|h| (h.basis.label(), h.value)),
        Some(("midpoint of range", Some(35000.0)))
    );
}

#[test]
fn hourly_pay_stays_hourly_unless_a_period_is_asked() {
    let s = [salary(HOURLY_RANGE)];
    let h = headline(&s, &[link("43-4051", false)], &Ask::national());
    assert_eq!(
        h.as_ref()
            .map(|h| (h.value, h.period, h.converted, h.source.as_str())),
        Some((Some(20.0), Period::Hour, false, "h")),
        "its own hourly pay, not the official yearly median"
    );
    let yearly = Ask {
        period: Some(Period::Year),
        ..Ask::national()
    };
    let h = headline(&s, &[], &yearly);
    assert_eq!(
        h.map(|h| (h.value, h.period, h.converted)),
        Some((Some(41600.0), Period::Year, true))
    );
}

#[test]
fn without_curated_pay_the_official_median_stands_marked_approximate() {
    // The supervisor's link: approximate, 43-1011, national median $69,500.
    let h = headline(&[], &[link("43-1011", true)], &Ask::national());
    let h = h.expect("an official median");
    assert_eq!(h.basis, Basis::OfficialMedian);
    assert_eq!(h.value, Some(69500.0));
    assert_eq!(h.soc.as_deref(), Some("43-1011"));
    assert!(h.approximate && h.is_official() && !h.converted);
    assert_eq!(h.source, crate::wages::SOURCE_ID);
    // An exact link is preferred to an approximate one listed before it.
    let h = headline(
        &[],
        &[link("43-1011", true), link("43-4051", false)],
        &Ask::national(),
    );
    assert_eq!(h.map(|h| h.soc), Some(Some("43-4051".into())));
}

#[test]
fn an_occupation_paid_by_the_hour_only_has_an_hourly_median() {
    // Actors (27-2011): OEWS footnote 4, no annual wages.
    let h = headline(&[], &[link("27-2011", false)], &Ask::national()).expect("a median");
    assert_eq!(
        (h.value, h.period, h.converted),
        (Some(29.05), Period::Hour, false)
    );
}

#[test]
fn official_figures_follow_the_area() {
    let texas = crate::wages::find_area("TX").expect("Texas");
    let ask = Ask {
        area: texas,
        ..Ask::national()
    };
    let h = headline(&[], &[link("43-4051", false)], &ask).expect("a median");
    assert_eq!(h.value, Some(40420.0));
    assert_eq!(h.area.map(|a| a.code), Some("4800000".into()));
}

#[test]
fn per_source_gives_one_figure_per_entry_then_the_official_medians() {
    let entry_only = salary(
        "source = \"e\"\ncurrency = \"USD\"\nperiod = \"hour\"\nentry_range = { min = 15, max = 20 }",
    );
    let s = [salary(YEARLY_RANGE), entry_only];
    let a = answer(&s, &[link("43-4051", false)], &Ask::national());
    let bases: Vec<Basis> = a.by_source.iter().map(|f| f.basis).collect();
    assert_eq!(
        bases,
        [
            Basis::MidpointOfRange,
            Basis::EntryLevelRange,
            Basis::OfficialMedian
        ]
    );
    assert_eq!(a.headline.map(|h| h.basis), Some(Basis::MidpointOfRange));
}

#[test]
fn comparable_figures_put_the_headline_first_and_never_convert() {
    let s = [salary(HOURLY_RANGE)];
    let f = comparable_figures(&s, &[link("43-4051", false)], crate::wages::nation());
    let shown: Vec<(Basis, Period)> = f.iter().map(|f| (f.basis, f.period)).collect();
    assert_eq!(
        shown,
        [
            (Basis::MidpointOfRange, Period::Hour),
            (Basis::OfficialMedian, Period::Hour),
            (Basis::OfficialMedian, Period::Year),
        ]
    );
    assert!(f.iter().all(|f| !f.converted));
}

#[test]
fn level_figures_prefer_the_ladder_source() {
    let s = [
        salary("source = \"x\"\ncurrency = \"USD\"\nperiod = \"year\"\nsenior = 1"),
        salary("source = \"lad\"\ncurrency = \"USD\"\nperiod = \"year\"\nsenior = 2"),
    ];
    let f = level_figure(&s, Level::Senior, "lad");
    assert_eq!(
        f.map(|f| (f.value, f.source)),
        Some((Some(2.0), "lad".into()))
    );
    assert_eq!(level_figure(&s, Level::Mid, "lad"), None);
}
