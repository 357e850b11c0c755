//! The official links of the career graph, computed by build/routes.rs
//! from the bundled O*NET and BLS tables: for each OEWS occupation, the
//! occupations one step away and why (O*NET related occupations, nearest
//! by skills, the supervisor of its group), with the skill distance and
//! skill gap of the move; and which occupations are open to newcomers.
//! Static tables: nothing is decoded or allocated. Occupations are
//! numbered as in [`official::oews_codes`].

use crate::official::{self, Education, Experience, Training, ONET_29_1, ONET_30_2};
use crate::wages::SOURCE_ID as BLS_OEWS;

mod data {
    include!(concat!(env!("OUT_DIR"), "/routes_data.rs"));
}

/// Why one occupation links to another (several reasons can hold).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Why(u8);

impl Why {
    /// O*NET lists the target among the occupation's related occupations.
    pub const RELATED: Why = Why(1);
    /// O*NET lists the occupation among the target's related occupations.
    pub const RELATED_BACK: Why = Why(2);
    /// The target is among the occupation's nearest by skills.
    pub const SIMILAR: Why = Why(4);
    /// The target is the first-line supervisor occupation of the
    /// occupation's SOC major group (the one nearest it by skills).
    pub const SUPERVISOR: Why = Why(8);

    pub fn has(self, other: Why) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    /// Either direction of O*NET's related occupations.
    pub fn related(self) -> bool {
        self.has(Why::RELATED) || self.has(Why::RELATED_BACK)
    }

    /// The source ids the reasons cite, each once: O*NET 29.1 for related
    /// occupations, O*NET 30.2 for skills, the BLS wage tables for the SOC
    /// groups a supervisor link reads.
    pub fn sources(self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.related() {
            out.push(ONET_29_1);
        }
        if self.has(Why::SUPERVISOR) {
            out.push(BLS_OEWS);
        }
        if self.has(Why::SIMILAR) || self.has(Why::SUPERVISOR) {
            out.push(ONET_30_2);
        }
        out
    }
}

/// One official link out of an occupation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// The target's number in the official tables, and its code.
    pub to: usize,
    pub to_soc: &'static str,
    pub why: Why,
    /// The skill distance of the two (RMS of the 35 ratings' differences,
    /// to a thousandth); `None` when either has no ratings.
    pub distance: Option<f64>,
    /// The skill gap of the move (points of importance to gain, to a
    /// hundredth; see `explain`); `None` when either has no ratings.
    pub gap: Option<f64>,
}

/// The links out of occupation number `i`, each target once, in the order
/// of its first reason: O*NET's related occupations (in O*NET's order),
/// then the occupations that list it, then its nearest by skills (closest
/// first), then its supervisor.
pub fn links(i: usize) -> impl Iterator<Item = Link> {
    let start = data::LINK_START.get(i).copied().map_or(0, usize::from);
    let end = data::LINK_START
        .get(i + 1)
        .copied()
        .map_or(start, usize::from);
    data::LINKS
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .filter_map(|&(j, flags, distance, gap)| {
            let to = usize::from(j);
            let known = |v: u16, per: f64| (v != u16::MAX).then(|| f64::from(v) / per);
            Some(Link {
                to,
                to_soc: official::oews_code(to)?,
                why: Why(flags),
                distance: known(distance, 1000.0),
                gap: known(gap, 100.0),
            })
        })
}

/// The link from occupation `i` to occupation `j`, if any.
pub fn link(i: usize, j: usize) -> Option<Link> {
    links(i).find(|l| l.to == j)
}

/// Whether occupation number `i` is open to newcomers: BLS asks no work
/// experience in a related occupation to enter it.
pub fn open(i: usize) -> bool {
    data::OPEN.get(i).copied().unwrap_or(false)
}

/// What BLS says entering occupation number `i` asks: its typical
/// entry-level education, work experience in a related occupation and
/// on-the-job training (the projections' figures, read from a table the
/// build made of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requires {
    pub education: Education,
    pub experience: Experience,
    pub training: Training,
}

/// The requirements of occupation number `i`; `None` without a projection.
pub fn requires(i: usize) -> Option<Requires> {
    let &(e, x, t) = data::REQUIRES.get(i)?;
    Some(Requires {
        education: *Education::ALL.get(usize::from(e))?,
        experience: *Experience::ALL.get(usize::from(x))?,
        training: *Training::ALL.get(usize::from(t))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use careers_data::official::similarity;

    fn index(soc: &str) -> usize {
        official::oews_index(soc).unwrap_or_else(|| panic!("{soc} is an OEWS code"))
    }

    fn targets(soc: &str, why: Why) -> Vec<&'static str> {
        links(index(soc))
            .filter(|l| l.why.has(why))
            .map(|l| l.to_soc)
            .collect()
    }

    #[test]
    fn the_tables_cover_every_oews_occupation() {
        assert_eq!(data::LINK_START.len(), official::oews_codes().len() + 1);
        assert_eq!(data::OPEN.len(), official::oews_codes().len());
    }

    #[test]
    fn similar_links_are_what_the_ratings_give_now() {
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
        // A neighbour that is also O*NET related comes where that puts it:
        // by distance here.
        let mut built: Vec<Link> = links(index(soc))
            .filter(|l| l.why.has(Why::SIMILAR))
            .collect();
        built.sort_by(|a, b| {
            let d = |l: &Link| l.distance.unwrap_or(f64::MAX);
            d(a).total_cmp(&d(b)).then(a.to_soc.cmp(b.to_soc))
        });
        assert_eq!(built.len(), near.len());
        for (l, (want_d, want)) in built.iter().zip(&near) {
            assert_eq!(l.to_soc, *want);
            let d = l.distance.expect("both rated");
            assert!((d - want_d).abs() < 0.0006, "{want}: {d} against {want_d}");
        }
    }

    #[test]
    fn every_link_carries_the_distance_and_gap_of_the_ratings() {
        for soc in ["43-4051", "29-1141", "13-1020", "41-2011"] {
            for l in links(index(soc)) {
                let pair = official::skills(soc).zip(official::skills(l.to_soc));
                match pair {
                    Some((a, b)) => {
                        let d = similarity::distance(&a.importance, &b.importance);
                        let g = similarity::gap(&a.importance, &b.importance);
                        assert!((l.distance.expect("rated") - d).abs() < 0.0006);
                        assert!((l.gap.expect("rated") - g).abs() < 0.006, "{soc} {l:?}");
                    }
                    None => assert_eq!((l.distance, l.gap), (None, None)),
                }
            }
        }
    }

    #[test]
    fn related_links_follow_onet_in_both_directions() {
        // Registered Nurses: O*NET 29.1 relates 29-1141.00 to others, and
        // 11-9111 Medical and Health Services Managers lists 29-1141.
        let to = targets("29-1141", Why::RELATED);
        assert!(!to.is_empty());
        assert!(to.iter().all(|s| *s != "29-1141"));
        assert!(targets("29-1141", Why::RELATED_BACK).contains(&"11-9111"));
        assert_eq!(links(9999).count(), 0);
    }

    #[test]
    fn a_specialty_s_related_occupations_are_not_the_occupation_s() {
        // 41-4011.07 Solar Sales Representatives and Assessors lists
        // construction trades; 41-4011.00 itself does not.
        let sales = targets("41-4011", Why::RELATED);
        assert!(!sales.is_empty());
        assert!(sales.iter().all(|s| !s.starts_with("47-")), "{sales:?}");
    }

    #[test]
    fn workers_link_to_their_group_s_supervisor() {
        assert_eq!(targets("43-4051", Why::SUPERVISOR), ["43-1011"]);
        assert_eq!(targets("47-2111", Why::SUPERVISOR), ["47-1011"]);
        // Group 41 has two: a cashier's is the retail one.
        assert_eq!(targets("41-2011", Why::SUPERVISOR), ["41-1011"]);
        // Supervisors themselves, and groups without any (31, 29), none.
        assert!(targets("43-1011", Why::SUPERVISOR).is_empty());
        assert!(targets("31-9092", Why::SUPERVISOR).is_empty());
        assert!(targets("29-1141", Why::SUPERVISOR).is_empty());
    }

    #[test]
    fn requirements_are_the_projections() {
        for (i, soc) in official::oews_codes().enumerate() {
            let p = official::projection(soc);
            let want = p.map(|p| Requires {
                education: p.entry_education,
                experience: p.work_experience,
                training: p.job_training,
            });
            assert_eq!(requires(i), want, "{soc}");
        }
    }

    #[test]
    fn open_entry_follows_the_projections() {
        for soc in ["47-2111", "29-1141", "41-2011", "43-1011", "11-1021"] {
            let none = official::projection(soc).map(|p| p.work_experience)
                == Some(crate::official::Experience::None);
            assert_eq!(open(index(soc)), none, "{soc}");
        }
        assert!(open(index("47-2111")));
        assert!(!open(index("43-1011")));
    }
}
