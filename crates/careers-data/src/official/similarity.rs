//! How alike two occupations' skills are, and which occupations are each
//! one's nearest by skills: the "similar skills" edges of the career graph
//! (`careers path`). Shared by the build, which lists every occupation's
//! nearest neighbours once, and the program, which ranks destinations
//! from one occupation and checks the build's lists.
//!
//! The measure is the root-mean-square difference of the 35 O*NET skill
//! importances (1–5 scale): 0 for identical profiles; across the 750
//! occupations with ratings, the median pair is 0.76 apart, the closest
//! 10% of pairs under 0.45 and the closest 1% under 0.31 (measured on the
//! bundled O*NET 30.2 table). Unlike the cosine of the raw ratings, which
//! are all positive and put every pair above 0.9, it separates a cashier
//! from a surgeon; unlike a sum, it reads on the scale of one rating.

/// At most this many similar-skill neighbours per occupation.
pub const NEIGHBOURS: usize = 5;

/// Neighbours are at most this far apart (RMS, 1–5 scale): the closest
/// tenth of all pairs. A larger radius links occupations that share only
/// generic skills (speaking, active listening) across unrelated fields.
pub const MAX_DISTANCE: f64 = 0.40;

/// The skill distance of two occupations: the root-mean-square difference
/// of their importances, skill by skill (both of the same length).
pub fn distance(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    if n == 0 {
        return f64::INFINITY;
    }
    let sum: f64 = a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum();
    (sum / n as f64).sqrt()
}

/// How far above the current rating a skill must be rated to count as one
/// to gain: half a point of O*NET's 1–5 importance scale. Smaller
/// differences are within what separates two specialties of one occupation
/// (29-1141's five O*NET codes differ by up to 0.4 on most skills).
pub const GAIN_MARGIN: f64 = 0.5;

/// Whether a rise from `from` to `to` is a skill to gain ([`GAIN_MARGIN`]
/// or more; a billionth of slack so that 2.0 to 2.5 counts whatever the
/// rounding of the two).
pub fn is_gain(from: f64, to: f64) -> bool {
    to - from >= GAIN_MARGIN - 1e-9
}

/// The skill gap of a move from ratings `from` to ratings `to`: the sum of
/// the rises that are skills to gain ([`is_gain`]), in points of
/// importance. What routes of equally many steps are ranked by.
pub fn gap(from: &[f64], to: &[f64]) -> f64 {
    from.iter()
        .zip(to)
        .filter(|(f, t)| is_gain(**f, **t))
        .map(|(f, t)| t - f)
        .sum()
}

/// The unweighted mean of rows of ratings, skill by skill: the rating of a
/// BLS aggregate occupation from its component occupations' rows, as the
/// data README says (a DERIVED value).
pub fn mean(rows: &[Vec<f64>]) -> Option<Vec<f64>> {
    let first = rows.first()?;
    let mut sum = vec![0.0; first.len()];
    for row in rows {
        for (s, v) in sum.iter_mut().zip(row) {
            *s += v;
        }
    }
    let n = rows.len() as f64;
    Some(sum.into_iter().map(|s| s / n).collect())
}

/// One occupation as the neighbour search sees it.
pub struct Candidate<'a> {
    /// The 6-digit SOC code: neighbours share its major group (the first
    /// two digits), so that similar generic skills do not link unrelated
    /// fields; moves across fields come from O*NET's related occupations
    /// and the guides.
    pub soc: &'a str,
    pub ratings: &'a [f64],
    /// May be a neighbour: not a residual "All Other" code, which is not a
    /// job one moves into.
    pub target: bool,
}

/// Each candidate's nearest neighbours by [`distance`]: at most
/// [`NEIGHBOURS`] in its major group, at most [`MAX_DISTANCE`] away,
/// closest first (ties by SOC code), as (index, distance).
pub fn neighbours(all: &[Candidate<'_>]) -> Vec<Vec<(usize, f64)>> {
    all.iter()
        .enumerate()
        .map(|(i, a)| {
            let mut near: Vec<(usize, f64)> = all
                .iter()
                .enumerate()
                .filter(|(j, b)| *j != i && b.target && b.soc.get(..2) == a.soc.get(..2))
                .map(|(j, b)| (j, distance(a.ratings, b.ratings)))
                .filter(|(_, d)| *d <= MAX_DISTANCE)
                .collect();
            near.sort_by(|x, y| x.1.total_cmp(&y.1).then(all[x.0].soc.cmp(all[y.0].soc)));
            near.truncate(NEIGHBOURS);
            near
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_is_on_the_scale_of_one_rating() {
        assert_eq!(distance(&[1.0, 2.0], &[1.0, 2.0]), 0.0);
        assert!((distance(&[1.0, 1.0], &[2.0, 2.0]) - 1.0).abs() < 1e-12);
        assert!((distance(&[1.0, 1.0], &[3.0, 1.0]) - 2f64.sqrt()).abs() < 1e-12);
        assert!(distance(&[], &[]).is_infinite());
    }

    #[test]
    fn the_gap_sums_the_rises_of_half_a_point_or_more() {
        // +0.5 (at the margin) and +2.0 count; +0.4 and -1.0 do not.
        let g = gap(&[2.0, 1.0, 3.0, 4.0], &[2.5, 3.0, 3.4, 3.0]);
        assert!((g - 2.5).abs() < 1e-12);
        assert!(is_gain(2.0, 2.5) && !is_gain(2.0, 2.49));
    }

    #[test]
    fn mean_is_skill_by_skill() {
        let m = mean(&[vec![1.0, 4.0], vec![3.0, 2.0]]).unwrap();
        assert_eq!(m, vec![2.0, 3.0]);
        assert_eq!(mean(&[]), None);
    }

    #[test]
    fn neighbours_stay_in_the_group_within_the_radius_closest_first() {
        let r = |v: f64| vec![v; 35];
        let rows = [r(3.0), r(3.1), r(3.3), r(3.0), r(3.05), r(2.95), r(3.75)];
        let c = |soc, i: usize, target| Candidate {
            soc,
            ratings: &rows[i],
            target,
        };
        let all = [
            c("43-1000", 0, true),
            c("43-2000", 1, true),
            c("43-3000", 2, true),
            c("29-1000", 3, true),
            c("43-9199", 4, false),
            c("43-4000", 5, true),
            c("43-5000", 6, true),
        ];
        let n = neighbours(&all);
        let of = |i: usize| n[i].iter().map(|&(j, _)| all[j].soc).collect::<Vec<_>>();
        // Not 29-1000 (another group), not 43-9199 (not a target), not
        // 43-5000 (0.75 away).
        assert_eq!(of(0), ["43-4000", "43-2000", "43-3000"]);
        assert!(of(3).is_empty());
        // 43-5000 is 0.45 from 43-3000: past the radius.
        assert_eq!(of(2), ["43-2000", "43-1000", "43-4000"]);
        assert!(of(6).is_empty());
    }
}
