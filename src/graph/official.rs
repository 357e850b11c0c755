//! The official edges of the career graph, computed by build/routes.rs
//! from the bundled O*NET tables: for each OEWS occupation, O*NET's related
//! occupations (O*NET 29.1) and its nearest occupations by skills (O*NET
//! 30.2 ratings; see careers-data `official/similarity.rs` for the measure
//! and the radius). Static tables: nothing is decoded or allocated.

use crate::official::{self, ONET_29_1, ONET_30_2};

mod data {
    include!(concat!(env!("OUT_DIR"), "/routes_data.rs"));
}

/// Why an official edge links two occupations.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Link {
    /// O*NET lists the target among the occupation's related occupations.
    Related,
    /// The target is among its nearest by skills, this far apart (RMS of
    /// the 35 importances, 1–5 scale).
    Similar { distance: f64 },
}

impl Link {
    /// The source id the edge cites.
    pub fn source(self) -> &'static str {
        match self {
            Link::Related => ONET_29_1,
            Link::Similar { .. } => ONET_30_2,
        }
    }
}

/// The official edges out of occupation `soc`: its related occupations in
/// O*NET's order, then its similar ones, closest first.
pub fn edges(soc: &str) -> Vec<(&'static str, Link)> {
    let Some(i) = official::oews_index(soc) else {
        return Vec::new();
    };
    let range = |starts: &[u16], i: usize| {
        let start = starts.get(i).copied().map_or(0, usize::from);
        let end = starts.get(i + 1).copied().map_or(start, usize::from);
        start..end
    };
    let related = data::RELATED
        .get(range(&data::RELATED_START, i))
        .unwrap_or_default()
        .iter()
        .filter_map(|&j| Some((official::oews_code(usize::from(j))?, Link::Related)));
    let similar = data::SIMILAR
        .get(range(&data::SIMILAR_START, i))
        .unwrap_or_default()
        .iter()
        .filter_map(|&(j, d)| {
            let distance = f64::from(d) / 1000.0;
            Some((
                official::oews_code(usize::from(j))?,
                Link::Similar { distance },
            ))
        });
    related.chain(similar).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use careers_data::official::similarity;

    #[test]
    fn the_tables_cover_every_oews_occupation() {
        assert_eq!(data::RELATED_START.len(), official::oews_codes().len() + 1);
        assert_eq!(data::SIMILAR_START.len(), official::oews_codes().len() + 1);
    }

    #[test]
    fn similar_edges_are_what_the_ratings_give_now() {
        // The build's lists against a computation here from the program's
        // own view of the ratings (`official::skills`, aggregates included).
        let soc = "43-4051";
        let mine = official::skills(soc).expect("rated").importance;
        let mut near: Vec<(f64, &str)> = official::all_skills()
            .filter(|(other, _)| *other != soc && other.get(..2) == soc.get(..2))
            .filter(|(other, _)| {
                !official::onet_codes(other)
                    .iter()
                    .any(|c| c.title.ends_with("All Other"))
            })
            .map(|(other, s)| (similarity::distance(&mine, &s.importance), other))
            .filter(|(d, _)| *d <= similarity::MAX_DISTANCE)
            .collect();
        near.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
        near.truncate(similarity::NEIGHBOURS);
        let built: Vec<(&str, f64)> = edges(soc)
            .into_iter()
            .filter_map(|(to, l)| match l {
                Link::Similar { distance } => Some((to, distance)),
                Link::Related => None,
            })
            .collect();
        assert_eq!(built.len(), near.len());
        for ((to, d), (want_d, want)) in built.iter().zip(&near) {
            assert_eq!(to, want);
            assert!((d - want_d).abs() < 0.0006, "{to}: {d} against {want_d}");
        }
    }

    #[test]
    fn related_edges_follow_onet() {
        // Registered Nurses: O*NET 29.1 relates 29-1141.00 to nurse
        // practitioners among others (onet_related.tsv).
        let to: Vec<&str> = edges("29-1141")
            .into_iter()
            .filter(|(_, l)| *l == Link::Related)
            .map(|(to, _)| to)
            .collect();
        assert!(!to.is_empty());
        assert!(to.iter().all(|s| *s != "29-1141"));
        assert_eq!(edges("99-9999"), Vec::new());
    }
}
