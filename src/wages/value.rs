//! What one area says about one occupation: employment and wages, each
//! cell either a figure or the reason there is none.

use super::format::{self, Cell, Row, Unit};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Why a cell holds no figure, by the footnote code of the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Footnote {
    /// Code 4: published only as an hourly wage or only as an annual one.
    HourlyOrAnnualOnly,
    /// Code 8: estimate not released.
    NotReleased,
    /// A code the README of the data does not describe.
    Other(u8),
}

impl Footnote {
    fn from_code(code: u8) -> Footnote {
        match code {
            format::FOOTNOTE_PAY_BASIS => Footnote::HourlyOrAnnualOnly,
            format::FOOTNOTE_NOT_RELEASED => Footnote::NotReleased,
            other => Footnote::Other(other),
        }
    }

    /// The footnote code of the BLS data.
    pub fn code(self) -> u8 {
        match self {
            Footnote::HourlyOrAnnualOnly => format::FOOTNOTE_PAY_BASIS,
            Footnote::NotReleased => format::FOOTNOTE_NOT_RELEASED,
            Footnote::Other(code) => code,
        }
    }

    /// The footnote's text, as the BLS gives it.
    pub fn text(self) -> &'static str {
        match self {
            Footnote::HourlyOrAnnualOnly => {
                "Wages for some occupations that do not generally work year-round, full time, \
                 are reported either as hourly wages or annual salaries depending on how they \
                 are typically paid."
            }
            Footnote::NotReleased => "Estimate not released.",
            Footnote::Other(_) => "Not available (a footnote code this program does not know).",
        }
    }
}

/// One cell: a figure, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WageValue {
    Value(f64),
    /// At or above `cap` (footnote 5): the BLS publishes no figure above
    /// $115.00 an hour or $239,200 a year.
    TopCoded {
        cap: f64,
    },
    /// Not published, with the footnote that says why.
    NotAvailable {
        reason: Footnote,
    },
    /// Not published, and no footnote says why.
    Missing,
}

impl WageValue {
    fn from_cell(cell: Cell, unit: Unit) -> WageValue {
        let scale = |v: u64| match unit {
            Unit::Count | Unit::Dollars => v as f64,
            Unit::Tenths => v as f64 / 10.0,
            Unit::Cents => v as f64 / 100.0,
        };
        match cell {
            Cell::Value(v) => WageValue::Value(scale(v)),
            Cell::Missing => WageValue::Missing,
            Cell::Footnote(format::FOOTNOTE_TOP_CODED) => match unit {
                Unit::Cents => WageValue::TopCoded {
                    cap: scale(format::HOURLY_CAP_CENTS),
                },
                Unit::Dollars => WageValue::TopCoded {
                    cap: scale(format::ANNUAL_CAP_DOLLARS),
                },
                // The build refuses top-coded head counts; keep the code.
                Unit::Count | Unit::Tenths => WageValue::NotAvailable {
                    reason: Footnote::Other(format::FOOTNOTE_TOP_CODED),
                },
            },
            Cell::Footnote(code) => WageValue::NotAvailable {
                reason: Footnote::from_code(code),
            },
        }
    }

    /// The figure, if there is one (not the cap of a top-coded cell).
    pub fn value(self) -> Option<f64> {
        match self {
            WageValue::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_top_coded(self) -> bool {
        matches!(self, WageValue::TopCoded { .. })
    }
}

/// JSON: `{"status": "value", "value": 21.32}`,
/// `{"status": "top_coded", "value": null, "at_least": 239200.0}`,
/// `{"status": "not_available", "value": null, "footnote": 8, "reason": "..."}`,
/// `{"status": "missing", "value": null}`.
impl Serialize for WageValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        match self {
            WageValue::Value(v) => {
                map.serialize_entry("status", "value")?;
                map.serialize_entry("value", v)?;
            }
            WageValue::TopCoded { cap } => {
                map.serialize_entry("status", "top_coded")?;
                map.serialize_entry("value", &None::<f64>)?;
                map.serialize_entry("at_least", cap)?;
            }
            WageValue::NotAvailable { reason } => {
                map.serialize_entry("status", "not_available")?;
                map.serialize_entry("value", &None::<f64>)?;
                map.serialize_entry("footnote", &reason.code())?;
                map.serialize_entry("reason", reason.text())?;
            }
            WageValue::Missing => {
                map.serialize_entry("status", "missing")?;
                map.serialize_entry("value", &None::<f64>)?;
            }
        }
        map.end()
    }
}

/// A cell that holds a count (employment), as [`WageValue`] serializes
/// it but with a whole figure as an integer.
fn count<S: Serializer>(v: &WageValue, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        WageValue::Value(x) if x.fract() == 0.0 && (0.0..=u64::MAX as f64).contains(&x) => {
            let mut map = s.serialize_map(None)?;
            map.serialize_entry("status", "value")?;
            map.serialize_entry("value", &(x as u64))?;
            map.end()
        }
        other => other.serialize(s),
    }
}

/// The 10th, 25th, 50th, 75th and 90th percentile wages.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Percentiles {
    pub p10: WageValue,
    pub p25: WageValue,
    pub median: WageValue,
    pub p75: WageValue,
    pub p90: WageValue,
}

impl Percentiles {
    /// The percentiles each value stands for, in [`Percentiles::all`] order.
    pub const POINTS: [u8; 5] = [10, 25, 50, 75, 90];

    /// p10, p25, median, p75, p90.
    pub fn all(&self) -> [WageValue; 5] {
        [self.p10, self.p25, self.median, self.p75, self.p90]
    }

    fn from_cells(row: &Row, cells: [usize; 5]) -> Percentiles {
        let v = |i: usize| WageValue::from_cell(row.cells[cells[i]], format::unit(cells[i]));
        Percentiles {
            p10: v(0),
            p25: v(1),
            median: v(2),
            p75: v(3),
            p90: v(4),
        }
    }
}

/// The official estimates for one occupation in one area (source
/// `bls-oews-2025`). Hourly figures in dollars per hour, annual ones in
/// dollars per year, relative standard errors in percent.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Wages {
    /// Jobs, rounded by the BLS to the nearest ten; excludes the self-employed.
    /// A count: an integer in JSON (`338940`, not `338940.0`).
    #[serde(serialize_with = "count")]
    pub employment: WageValue,
    /// Relative standard error of `employment`, percent.
    pub employment_rse: WageValue,
    pub hourly: Percentiles,
    pub annual: Percentiles,
    pub hourly_mean: WageValue,
    pub annual_mean: WageValue,
    /// Relative standard error of the mean wage, percent.
    pub wage_rse: WageValue,
}

impl Wages {
    pub(super) fn from_row(row: &Row) -> Wages {
        let v = |cell: usize| WageValue::from_cell(row.cells[cell], format::unit(cell));
        Wages {
            employment: v(format::EMPLOYMENT),
            employment_rse: v(format::EMPLOYMENT_RSE),
            hourly: Percentiles::from_cells(row, format::HOURLY),
            annual: Percentiles::from_cells(row, format::ANNUAL),
            hourly_mean: v(format::HOURLY_MEAN),
            annual_mean: v(format::ANNUAL_MEAN),
            wage_rse: v(format::WAGE_RSE),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_become_values_in_their_units() {
        assert_eq!(
            WageValue::from_cell(Cell::Value(2613), Unit::Cents),
            WageValue::Value(26.13)
        );
        assert_eq!(
            WageValue::from_cell(Cell::Value(123), Unit::Tenths),
            WageValue::Value(12.3)
        );
        assert_eq!(
            WageValue::from_cell(Cell::Footnote(5), Unit::Cents),
            WageValue::TopCoded { cap: 115.0 }
        );
        assert_eq!(
            WageValue::from_cell(Cell::Footnote(5), Unit::Dollars),
            WageValue::TopCoded { cap: 239_200.0 }
        );
        assert_eq!(
            WageValue::from_cell(Cell::Footnote(8), Unit::Count),
            WageValue::NotAvailable {
                reason: Footnote::NotReleased
            }
        );
        assert_eq!(
            WageValue::from_cell(Cell::Footnote(4), Unit::Dollars),
            WageValue::NotAvailable {
                reason: Footnote::HourlyOrAnnualOnly
            }
        );
        assert_eq!(
            WageValue::from_cell(Cell::Footnote(9), Unit::Dollars),
            WageValue::NotAvailable {
                reason: Footnote::Other(9)
            }
        );
        assert_eq!(
            WageValue::from_cell(Cell::Missing, Unit::Dollars),
            WageValue::Missing
        );
    }

    #[test]
    fn employment_is_an_integer_in_json() {
        let mut w = Wages {
            employment: WageValue::Value(338_940.0),
            employment_rse: WageValue::Value(0.5),
            hourly: Percentiles {
                p10: WageValue::Missing,
                p25: WageValue::Missing,
                median: WageValue::Missing,
                p75: WageValue::Missing,
                p90: WageValue::Missing,
            },
            annual: Percentiles {
                p10: WageValue::Missing,
                p25: WageValue::Missing,
                median: WageValue::Missing,
                p75: WageValue::Missing,
                p90: WageValue::Missing,
            },
            hourly_mean: WageValue::Missing,
            annual_mean: WageValue::Value(44770.0),
            wage_rse: WageValue::Missing,
        };
        let j = serde_json::to_value(w).unwrap_or_default();
        assert_eq!(j["employment"]["value"].to_string(), "338940");
        assert_eq!(j["annual_mean"]["value"].to_string(), "44770.0");
        w.employment = WageValue::NotAvailable {
            reason: Footnote::NotReleased,
        };
        let j = serde_json::to_value(w).unwrap_or_default();
        assert_eq!(j["employment"]["footnote"], 8);
    }

    #[test]
    fn json_shape_is_flat_and_stable() {
        let j = |v: WageValue| serde_json::to_string(&v).unwrap_or_default();
        assert_eq!(
            j(WageValue::Value(21.32)),
            r#"{"status":"value","value":21.32}"#
        );
        assert_eq!(
            j(WageValue::TopCoded { cap: 239_200.0 }),
            r#"{"status":"top_coded","value":null,"at_least":239200.0}"#
        );
        assert_eq!(
            j(WageValue::NotAvailable {
                reason: Footnote::NotReleased
            }),
            r#"{"status":"not_available","value":null,"footnote":8,"reason":"Estimate not released."}"#
        );
        assert_eq!(
            j(WageValue::Missing),
            r#"{"status":"missing","value":null}"#
        );
    }
}
