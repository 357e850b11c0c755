//! Which of a profile's sources see the jobs growing, stable or declining:
//! the guides' outlook statements and the BLS projection of each SOC
//! occupation, so that a disagreement is said beside the figures.

use super::Occupation;
use crate::model::{Outlook, Trend};
use serde::Serialize;

/// Source ids by the trend they state, in citation order within each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Trends {
    pub growing: Vec<String>,
    pub stable: Vec<String>,
    pub declining: Vec<String>,
    /// More than one of the three has a source.
    pub sources_disagree: bool,
}

impl Trends {
    /// A guide's statement gives its trend, or the sign of its figure; a
    /// BLS projection the sign of its change. Statements with neither
    /// count for nothing.
    pub fn of(outlook: &[Outlook], occupations: &[Occupation]) -> Trends {
        let mut t = Trends::default();
        let stated = outlook.iter().filter_map(|o| {
            let trend = o.trend.or(o.growth_percent.map(sign))?;
            Some((trend, o.source.as_str()))
        });
        let projected = occupations
            .iter()
            .map(|o| (o.outlook.trend(), o.outlook.source));
        for (trend, source) in stated.chain(projected) {
            let list = match trend {
                Trend::Growing => &mut t.growing,
                Trend::Stable => &mut t.stable,
                Trend::Declining => &mut t.declining,
            };
            if !list.iter().any(|s| s == source) {
                list.push(source.to_string());
            }
        }
        let sides = [&t.growing, &t.stable, &t.declining];
        t.sources_disagree = sides.iter().filter(|s| !s.is_empty()).count() > 1;
        t
    }
}

fn sign(percent: f64) -> Trend {
    match percent {
        p if p > 0.0 => Trend::Growing,
        p if p < 0.0 => Trend::Declining,
        _ => Trend::Stable,
    }
}
