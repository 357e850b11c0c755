//! USPS two-letter codes of the 54 states and territories OEWS publishes,
//! by their FIPS state code (FIPS PUB 5-2, now ANSI INCITS 38: the same
//! numeric codes the `state_fips` column of `areas.tsv` uses; the letter
//! codes are the USPS state abbreviations, Publication 28 Appendix B).
//! Shared with `build/wages.rs`, which fails if a state of the data has no
//! entry here.

/// (FIPS state code, USPS code), sorted by FIPS code.
pub const POSTAL: [(&str, &str); 54] = [
    ("01", "AL"),
    ("02", "AK"),
    ("04", "AZ"),
    ("05", "AR"),
    ("06", "CA"),
    ("08", "CO"),
    ("09", "CT"),
    ("10", "DE"),
    ("11", "DC"),
    ("12", "FL"),
    ("13", "GA"),
    ("15", "HI"),
    ("16", "ID"),
    ("17", "IL"),
    ("18", "IN"),
    ("19", "IA"),
    ("20", "KS"),
    ("21", "KY"),
    ("22", "LA"),
    ("23", "ME"),
    ("24", "MD"),
    ("25", "MA"),
    ("26", "MI"),
    ("27", "MN"),
    ("28", "MS"),
    ("29", "MO"),
    ("30", "MT"),
    ("31", "NE"),
    ("32", "NV"),
    ("33", "NH"),
    ("34", "NJ"),
    ("35", "NM"),
    ("36", "NY"),
    ("37", "NC"),
    ("38", "ND"),
    ("39", "OH"),
    ("40", "OK"),
    ("41", "OR"),
    ("42", "PA"),
    ("44", "RI"),
    ("45", "SC"),
    ("46", "SD"),
    ("47", "TN"),
    ("48", "TX"),
    ("49", "UT"),
    ("50", "VT"),
    ("51", "VA"),
    ("53", "WA"),
    ("54", "WV"),
    ("55", "WI"),
    ("56", "WY"),
    ("66", "GU"),
    ("72", "PR"),
    ("78", "VI"),
];

/// The USPS code of a FIPS state code.
pub fn postal_of_fips(fips: &str) -> Option<&'static str> {
    POSTAL.iter().find(|(f, _)| *f == fips).map(|(_, p)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_and_unique() {
        assert!(POSTAL.windows(2).all(|w| w[0].0 < w[1].0));
        let mut letters: Vec<&str> = POSTAL.iter().map(|p| p.1).collect();
        letters.sort_unstable();
        letters.dedup();
        assert_eq!(letters.len(), POSTAL.len());
        assert_eq!(postal_of_fips("48"), Some("TX"));
        assert_eq!(postal_of_fips("03"), None);
    }
}
