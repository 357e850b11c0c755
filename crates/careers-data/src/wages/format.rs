//! The compact form of the OEWS tables inside the binary, shared by the
//! encoder (`build/wages.rs`) and the decoder (the program's `src/wages/`),
//! so the two cannot drift apart.
//!
//! One block per area, concatenated; the generated code holds each block's
//! offset, so a lookup reads only its area's block. A block is:
//!
//! - the number of rows, `u16` little-endian;
//! - one code byte per field ([`FIELDS`]): bit 7 set for Exp-Golomb, clear
//!   for Rice; bits 0-5 the parameter `k`, chosen per block and field to
//!   make the block smallest;
//! - the number of checkpoints, `u16`, then for every [`CHECKPOINT_EVERY`]th
//!   row after the first its occupation index (`u16`) and the bit where it
//!   starts (`u32`), so that finding one occupation decodes at most that
//!   many rows;
//! - a bit stream (least significant bit first) of rows sorted by
//!   occupation index; each row is one symbol per field.
//!
//! Symbols: a cell that holds a value is `SENTINELS` or more; below that,
//! [`Cell::Missing`] and the footnote codes (an unknown footnote code is
//! followed by the code itself, Exp-Golomb with `k = 0`). Values are
//! integers in the unit of their column ([`Unit`]) and coded against a
//! prediction, zigzag-signed:
//! - the occupation index: the distance from the previous row's, minus one;
//! - employment and the two relative standard errors: as they are;
//! - hourly percentiles: the step from the previous published percentile
//!   (they rise), the first from 0; the hourly mean: from the median;
//! - annual figures: from the hourly figure times 2,080 when the hourly
//!   one is published (they differ by the rounding of the hourly wage, a
//!   few dollars); otherwise like the hourly ones.
//!
//! The data are built in, so a block that does not decode is a bug; the
//! decoder still checks every read and returns `None` instead of panicking.

/// The value columns of the TSV files, in file order (after `area_code`
/// and `soc_code`). A cell index is a position in this array.
pub const COLUMNS: [&str; 15] = [
    "employment",
    "employment_rse",
    "hourly_mean",
    "annual_mean",
    "wage_rse",
    "hourly_p10",
    "hourly_p25",
    "hourly_median",
    "hourly_p75",
    "hourly_p90",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
];

pub const EMPLOYMENT: usize = 0;
pub const EMPLOYMENT_RSE: usize = 1;
pub const HOURLY_MEAN: usize = 2;
pub const ANNUAL_MEAN: usize = 3;
pub const WAGE_RSE: usize = 4;
/// `hourly_p10` .. `hourly_p90`.
pub const HOURLY: [usize; 5] = [5, 6, 7, 8, 9];
/// `annual_p10` .. `annual_p90`.
pub const ANNUAL: [usize; 5] = [10, 11, 12, 13, 14];

/// The integer unit a column is stored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// People, whole.
    Count,
    /// Percent, in tenths (`12.3` is 123).
    Tenths,
    /// Dollars per hour, in cents.
    Cents,
    /// Dollars per year, whole.
    Dollars,
}

impl Unit {
    /// Decimal places the TSV may give for this unit.
    pub fn decimals(self) -> u32 {
        match self {
            Unit::Count | Unit::Dollars => 0,
            Unit::Tenths => 1,
            Unit::Cents => 2,
        }
    }
}

pub fn unit(cell: usize) -> Unit {
    match cell {
        EMPLOYMENT => Unit::Count,
        EMPLOYMENT_RSE | WAGE_RSE => Unit::Tenths,
        HOURLY_MEAN | 5..=9 => Unit::Cents,
        _ => Unit::Dollars,
    }
}

/// Whether the column holds a wage (the only columns that can be top-coded).
pub fn is_wage(cell: usize) -> bool {
    matches!(unit(cell), Unit::Cents | Unit::Dollars)
}

/// Footnote codes the README of the data documents.
pub const FOOTNOTE_PAY_BASIS: u8 = 4;
pub const FOOTNOTE_TOP_CODED: u8 = 5;
pub const FOOTNOTE_NOT_RELEASED: u8 = 8;

/// The top-coding caps of the May 2025 release: $115.00 an hour, $239,200 a year.
pub const HOURLY_CAP_CENTS: u64 = 11_500;
pub const ANNUAL_CAP_DOLLARS: u64 = 239_200;

/// One cell of the tables, in its column's [`Unit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Value(u64),
    /// `-` with a footnote code explaining why (5: top-coded).
    Footnote(u8),
    /// `-` with no footnote.
    Missing,
}

/// One row of an area's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Index into the occupation table (sorted by SOC code).
    pub occ: u16,
    pub cells: [Cell; 15],
}

/// Fields per row in the bit stream: the occupation index, then the cells
/// in [`FIELD_CELLS`] order.
pub const FIELDS: usize = 16;

/// The order cells are written in: each cell's prediction comes earlier.
pub const FIELD_CELLS: [usize; 15] = [
    EMPLOYMENT,
    EMPLOYMENT_RSE,
    WAGE_RSE,
    HOURLY[0],
    HOURLY[1],
    HOURLY[2],
    HOURLY[3],
    HOURLY[4],
    HOURLY_MEAN,
    ANNUAL[0],
    ANNUAL[1],
    ANNUAL[2],
    ANNUAL[3],
    ANNUAL[4],
    ANNUAL_MEAN,
];

const SYM_MISSING: u64 = 0;
const SYM_PAY_BASIS: u64 = 1;
const SYM_TOP_CODED: u64 = 2;
const SYM_NOT_RELEASED: u64 = 3;
const SYM_OTHER: u64 = 4;
/// Symbols below this are not values.
pub const SENTINELS: u64 = 5;

/// Longest unary run the decoder accepts; the encoder never needs more.
const MAX_RUN: u32 = 40;

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(u: u64) -> i64 {
    ((u >> 1) as i64) ^ -((u & 1) as i64)
}

/// Annual dollars for an hourly wage in cents: times 2,080, rounded.
pub fn annual_of_hourly(cents: u64) -> u64 {
    (cents * 208 + 5) / 10
}

fn value(cell: Cell) -> Option<u64> {
    match cell {
        Cell::Value(v) => Some(v),
        _ => None,
    }
}

/// Predicts each cell from the cells of its row coded before it (in
/// [`FIELD_CELLS`] order); the encoder and the decoder both use it, so
/// they agree by construction.
#[derive(Default)]
struct Predictor {
    /// The last published hourly percentile so far.
    hourly: u64,
    /// The last published annual percentile so far.
    annual: u64,
}

impl Predictor {
    #[inline]
    fn predict(&self, cell: usize, cells: &[Cell; 15]) -> i64 {
        let p = match cell {
            5..=9 => self.hourly,
            HOURLY_MEAN => value(cells[HOURLY[2]]).unwrap_or(0),
            10..=14 => value(cells[cell - 5]).map_or(self.annual, annual_of_hourly),
            ANNUAL_MEAN => match value(cells[HOURLY_MEAN]) {
                Some(cents) => annual_of_hourly(cents),
                None => value(cells[ANNUAL[2]]).unwrap_or(0),
            },
            _ => 0,
        };
        p as i64
    }

    #[inline]
    fn saw(&mut self, cell: usize, v: u64) {
        match cell {
            5..=9 => self.hourly = v,
            10..=14 => self.annual = v,
            _ => {}
        }
    }
}

/// The symbols of a row (and the extra codes of unknown footnotes, by field).
pub fn symbols(row: &Row, previous_occ: Option<u16>) -> ([u64; FIELDS], [Option<u8>; FIELDS]) {
    let mut syms = [0u64; FIELDS];
    let mut extra = [None; FIELDS];
    syms[0] = match previous_occ {
        Some(p) => u64::from(row.occ) - u64::from(p) - 1,
        None => u64::from(row.occ),
    };
    let mut predictor = Predictor::default();
    for (f, &cell) in FIELD_CELLS.iter().enumerate() {
        syms[f + 1] = match row.cells[cell] {
            Cell::Missing => SYM_MISSING,
            Cell::Footnote(FOOTNOTE_PAY_BASIS) => SYM_PAY_BASIS,
            Cell::Footnote(FOOTNOTE_TOP_CODED) => SYM_TOP_CODED,
            Cell::Footnote(FOOTNOTE_NOT_RELEASED) => SYM_NOT_RELEASED,
            Cell::Footnote(code) => {
                extra[f + 1] = Some(code);
                SYM_OTHER
            }
            Cell::Value(v) => {
                let delta = v as i64 - predictor.predict(cell, &row.cells);
                predictor.saw(cell, v);
                zigzag(delta) + SENTINELS
            }
        };
    }
    (syms, extra)
}

/// How one field is coded in a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    pub exp_golomb: bool,
    pub k: u32,
}

impl Code {
    pub fn byte(self) -> u8 {
        (self.k as u8) | if self.exp_golomb { 0x80 } else { 0 }
    }

    pub fn from_byte(b: u8) -> Option<Code> {
        let k = u32::from(b & 0x3f);
        (k <= 40 && b & 0x40 == 0).then_some(Code {
            exp_golomb: b & 0x80 != 0,
            k,
        })
    }

    /// Bits this code spends on `v`; `None` if it cannot code it.
    pub fn cost(self, v: u64) -> Option<u64> {
        let k = u64::from(self.k);
        if self.exp_golomb {
            let x = (v >> k) + 1;
            let n = u64::from(63 - x.leading_zeros());
            (n <= u64::from(MAX_RUN)).then_some(2 * n + 1 + k)
        } else {
            let q = v >> k;
            (q <= u64::from(MAX_RUN)).then_some(q + 1 + k)
        }
    }

    /// The cheapest code for `values` and its cost in bits.
    pub fn best(values: impl Iterator<Item = u64> + Clone) -> (Code, u64) {
        let mut best = (
            Code {
                exp_golomb: true,
                k: 0,
            },
            u64::MAX,
        );
        // The best Rice k is near the bit length of the mean; trying only
        // those keeps the build fast. Exp-Golomb suits long tails, where a
        // small k can win; with k = 0 it codes anything.
        let (sum, n) = values
            .clone()
            .fold((0u128, 0u128), |(s, n), v| (s + u128::from(v), n + 1));
        let mean = (sum / n.max(1)) as u64;
        let centre = 64 - mean.leading_zeros();
        let ks = centre.saturating_sub(4)..=(centre + 2).min(40);
        for exp_golomb in [false, true] {
            let ks = if exp_golomb {
                0..=*ks.end()
            } else {
                ks.clone()
            };
            for k in ks {
                let code = Code { exp_golomb, k };
                let total = values
                    .clone()
                    .try_fold(0u64, |acc, v| Some(acc + code.cost(v)?));
                if let Some(total) = total {
                    if total < best.1 {
                        best = (code, total);
                    }
                }
            }
        }
        best
    }
}

/// Writes bits least significant first.
#[derive(Default)]
pub struct BitWriter {
    pub bytes: Vec<u8>,
    acc: u64,
    filled: u32,
}

impl BitWriter {
    /// Appends the low `n` bits of `v` (`n` at most 32).
    pub fn bits(&mut self, v: u64, n: u32) {
        debug_assert!(n <= 32);
        if n == 0 {
            return;
        }
        self.acc |= (v & ((1u64 << n) - 1)) << self.filled;
        self.filled += n;
        while self.filled >= 8 {
            self.bytes.push(self.acc as u8);
            self.acc >>= 8;
            self.filled -= 8;
        }
    }

    pub fn code(&mut self, code: Code, v: u64) {
        let k = code.k;
        if code.exp_golomb {
            let x = (v >> k) + 1;
            let n = 63 - x.leading_zeros();
            self.bits(0, n.min(32));
            if n > 32 {
                self.bits(0, n - 32);
            }
            self.bits(1, 1);
            self.wide(x, n);
        } else {
            let q = v >> k;
            for _ in 0..q {
                self.bits(1, 1);
            }
            self.bits(0, 1);
        }
        self.wide(v, k);
    }

    /// The low `n` bits of `v`, `n` up to 64.
    fn wide(&mut self, v: u64, n: u32) {
        if n > 32 {
            self.bits(v, 32);
            self.bits(v >> 32, n - 32);
        } else {
            self.bits(v, n);
        }
    }

    /// Bits written so far.
    pub fn bit_len(&self) -> usize {
        self.bytes.len() * 8 + self.filled as usize
    }

    pub fn finish(mut self) -> Vec<u8> {
        if self.filled > 0 {
            self.bytes.push(self.acc as u8);
        }
        self.bytes
    }
}

/// Reads what [`BitWriter`] wrote; every read is checked.
pub struct BitReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> BitReader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        BitReader { bytes, pos: 0 }
    }

    /// A reader starting at bit `pos`.
    pub fn at(bytes: &'a [u8], pos: usize) -> Option<Self> {
        (pos <= bytes.len() * 8).then_some(BitReader { bytes, pos })
    }

    /// The next 57 or more bits (zeros past the end), without consuming.
    #[inline]
    fn peek(&self) -> u64 {
        let byte = self.pos / 8;
        let word = match self.bytes.get(byte..byte + 8) {
            // One load; the copy below is a call to memmove.
            Some(eight) => eight.try_into().map_or(0, u64::from_le_bytes),
            None => {
                let mut buf = [0u8; 8];
                if let Some(rest) = self.bytes.get(byte..) {
                    let n = rest.len().min(8);
                    buf[..n].copy_from_slice(&rest[..n]);
                }
                u64::from_le_bytes(buf)
            }
        };
        word >> (self.pos % 8)
    }

    fn consume(&mut self, n: u32) -> Option<()> {
        self.pos += n as usize;
        (self.pos <= self.bytes.len() * 8).then_some(())
    }

    /// `n` bits, `n` at most 40.
    fn bits(&mut self, n: u32) -> Option<u64> {
        if n == 0 {
            return Some(0);
        }
        let v = self.peek() & ((1u64 << n) - 1);
        self.consume(n)?;
        Some(v)
    }

    #[inline]
    pub fn code(&mut self, code: Code) -> Option<u64> {
        // Fast path: the whole code word within one peek (57 bits or more).
        let word = self.peek();
        let k = code.k;
        let mask = |n: u32| (1u64 << n) - 1;
        if code.exp_golomb {
            let n = word.trailing_zeros();
            if n <= MAX_RUN && 2 * n + 1 + k <= 56 {
                let x = ((word >> (n + 1)) & mask(n)) | (1 << n);
                let low = (word >> (2 * n + 1)) & mask(k);
                self.consume(2 * n + 1 + k)?;
                return Some(((x - 1) << k) | low);
            }
        } else {
            let q = word.trailing_ones();
            if q <= MAX_RUN && q + 1 + k <= 56 {
                let low = (word >> (q + 1)) & mask(k);
                self.consume(q + 1 + k)?;
                return Some((u64::from(q) << k) | low);
            }
        }
        self.code_slow(code)
    }

    #[cold]
    #[inline(never)]
    fn code_slow(&mut self, code: Code) -> Option<u64> {
        let high = if code.exp_golomb {
            let n = self.peek().trailing_zeros();
            if n > MAX_RUN {
                return None;
            }
            self.consume(n + 1)?;
            let x = (1u64 << n) | self.bits(n)?;
            x - 1
        } else {
            let q = self.peek().trailing_ones();
            if q > MAX_RUN {
                return None;
            }
            self.consume(q + 1)?;
            u64::from(q)
        };
        let low = self.bits(code.k)?;
        high.checked_shl(code.k)?.checked_add(low)
    }
}

/// Rows between checkpoints.
pub const CHECKPOINT_EVERY: usize = 32;

/// Encodes one area's rows (sorted by occupation index, no repeats).
pub fn encode_block(rows: &[Row]) -> Vec<u8> {
    let mut all = Vec::with_capacity(rows.len());
    let mut previous = None;
    for row in rows {
        all.push(symbols(row, previous));
        previous = Some(row.occ);
    }
    let mut codes = [Code {
        exp_golomb: false,
        k: 0,
    }; FIELDS];
    for (f, code) in codes.iter_mut().enumerate() {
        *code = Code::best(all.iter().map(|(s, _)| s[f])).0;
    }
    let mut w = BitWriter::default();
    let mut checkpoints = Vec::new();
    for (i, (syms, extra)) in all.iter().enumerate() {
        if i > 0 && i % CHECKPOINT_EVERY == 0 {
            checkpoints.push((rows[i].occ, w.bit_len() as u32));
        }
        for f in 0..FIELDS {
            w.code(codes[f], syms[f]);
            if let Some(code) = extra[f] {
                w.code(
                    Code {
                        exp_golomb: true,
                        k: 0,
                    },
                    u64::from(code),
                );
            }
        }
    }
    let mut out = Vec::new();
    out.extend_from_slice(&(rows.len() as u16).to_le_bytes());
    out.extend(codes.iter().map(|c| c.byte()));
    out.extend_from_slice(&(checkpoints.len() as u16).to_le_bytes());
    for (occ, bit) in checkpoints {
        out.extend_from_slice(&occ.to_le_bytes());
        out.extend_from_slice(&bit.to_le_bytes());
    }
    out.extend(w.finish());
    out
}

/// Decodes an area's rows one at a time, in occupation order.
pub struct BlockRows<'a> {
    reader: BitReader<'a>,
    codes: [Code; FIELDS],
    left: u16,
    previous: Option<u16>,
    /// The occupation of the first row when starting at a checkpoint,
    /// whose stored distance is from a row not read.
    start_occ: Option<u16>,
    failed: bool,
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?]))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

impl<'a> BlockRows<'a> {
    /// All rows of `block`.
    pub fn new(block: &'a [u8]) -> Option<Self> {
        Self::from_occ(block, 0)
    }

    /// The rows of `block` from the last checkpoint at or before
    /// occupation index `occ`: the row for `occ`, if any, comes within
    /// [`CHECKPOINT_EVERY`] rows.
    pub fn from_occ(block: &'a [u8], occ: u16) -> Option<Self> {
        let n = u16_at(block, 0)?;
        let mut codes = [Code {
            exp_golomb: false,
            k: 0,
        }; FIELDS];
        for (f, code) in codes.iter_mut().enumerate() {
            *code = Code::from_byte(*block.get(2 + f)?)?;
        }
        let at = 2 + FIELDS;
        let checkpoints = usize::from(u16_at(block, at)?);
        let stream = block.get(at + 2 + 6 * checkpoints..)?;
        // (row number, occupation, bit) of the checkpoint to start from.
        let mut start = (0usize, None, 0usize);
        for c in 0..checkpoints {
            let entry = at + 2 + 6 * c;
            let c_occ = u16_at(block, entry)?;
            if c_occ > occ {
                break;
            }
            start = (
                (c + 1) * CHECKPOINT_EVERY,
                Some(c_occ),
                u32_at(block, entry + 2)? as usize,
            );
        }
        Some(BlockRows {
            reader: BitReader::at(stream, start.2)?,
            codes,
            left: n.checked_sub(u16::try_from(start.0).ok()?)?,
            previous: None,
            start_occ: start.1,
            failed: false,
        })
    }

    /// Rows not yet read.
    pub fn len(&self) -> usize {
        usize::from(self.left)
    }

    /// Whether every row has been read.
    pub fn is_empty(&self) -> bool {
        self.left == 0
    }

    /// Whether decoding stopped on a malformed block.
    pub fn failed(&self) -> bool {
        self.failed
    }

    fn row(&mut self) -> Option<Row> {
        let delta = self.reader.code(self.codes[0])?;
        let occ = match (self.start_occ.take(), self.previous) {
            (Some(forced), _) => u64::from(forced),
            (None, Some(p)) => u64::from(p) + 1 + delta,
            (None, None) => delta,
        };
        let occ = u16::try_from(occ).ok()?;
        let mut cells = [Cell::Missing; 15];
        let mut predictor = Predictor::default();
        for (f, &cell) in FIELD_CELLS.iter().enumerate() {
            let sym = self.reader.code(self.codes[f + 1])?;
            cells[cell] = match sym {
                SYM_MISSING => Cell::Missing,
                SYM_PAY_BASIS => Cell::Footnote(FOOTNOTE_PAY_BASIS),
                SYM_TOP_CODED => Cell::Footnote(FOOTNOTE_TOP_CODED),
                SYM_NOT_RELEASED => Cell::Footnote(FOOTNOTE_NOT_RELEASED),
                SYM_OTHER => {
                    let code = self.reader.code(Code {
                        exp_golomb: true,
                        k: 0,
                    })?;
                    Cell::Footnote(u8::try_from(code).ok()?)
                }
                _ => {
                    let v = predictor
                        .predict(cell, &cells)
                        .checked_add(unzigzag(sym - SENTINELS))?;
                    let v = u64::try_from(v).ok()?;
                    predictor.saw(cell, v);
                    Cell::Value(v)
                }
            };
        }
        self.previous = Some(occ);
        Some(Row { occ, cells })
    }
}

impl Iterator for BlockRows<'_> {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        if self.left == 0 || self.failed {
            return None;
        }
        match self.row() {
            Some(row) => {
                self.left -= 1;
                Some(row)
            }
            None => {
                self.failed = true;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(occ: u16, cells: [Cell; 15]) -> Row {
        Row { occ, cells }
    }

    #[test]
    fn codes_round_trip_over_a_range_of_values() {
        let values: Vec<u64> = (0..300)
            .chain([1 << 20, 155_495_730, (1 << 33) + 7])
            .collect();
        for exp_golomb in [false, true] {
            for k in [0, 1, 5, 12, 30] {
                let code = Code { exp_golomb, k };
                let fits: Vec<u64> = values
                    .iter()
                    .copied()
                    .filter(|v| code.cost(*v).is_some())
                    .collect();
                let mut w = BitWriter::default();
                for v in &fits {
                    w.code(code, *v);
                }
                let bytes = w.finish();
                let mut r = BitReader::new(&bytes);
                for v in &fits {
                    assert_eq!(r.code(code), Some(*v), "{code:?}");
                }
            }
        }
    }

    #[test]
    fn rows_round_trip_with_every_kind_of_cell() {
        use Cell::*;
        let rows = vec![
            row(
                0,
                [
                    Value(155_495_730),
                    Value(0),
                    Value(3354),
                    Value(69_770),
                    Value(1),
                    Value(1500),
                    Value(1807),
                    Value(2451),
                    Value(3871),
                    Value(6181),
                    Value(31_200),
                    Value(37_590),
                    Value(50_980),
                    Value(80_520),
                    Value(128_560),
                ],
            ),
            row(
                7,
                [
                    Value(40),
                    Value(100),
                    Footnote(4),
                    Value(99_000),
                    Value(63),
                    Footnote(4),
                    Footnote(4),
                    Footnote(4),
                    Footnote(4),
                    Footnote(4),
                    Value(50_000),
                    Value(60_000),
                    Value(70_000),
                    Value(80_000),
                    Value(90_000),
                ],
            ),
            row(
                8,
                [
                    Footnote(8),
                    Footnote(8),
                    Value(12_000),
                    Value(249_600),
                    Value(20),
                    Value(9000),
                    Value(10_000),
                    Footnote(5),
                    Footnote(5),
                    Footnote(5),
                    Value(187_200),
                    Value(208_000),
                    Footnote(5),
                    Footnote(5),
                    Footnote(5),
                ],
            ),
            row(
                1103,
                [
                    Missing,
                    Footnote(9),
                    Missing,
                    Missing,
                    Footnote(200),
                    Missing,
                    Missing,
                    Missing,
                    Missing,
                    Missing,
                    Missing,
                    Missing,
                    Missing,
                    Missing,
                    Missing,
                ],
            ),
        ];
        let block = encode_block(&rows);
        let decoded: Vec<Row> = BlockRows::new(&block).expect("header").collect();
        assert_eq!(decoded, rows);
    }

    #[test]
    fn checkpoints_find_every_row() {
        let rows: Vec<Row> = (0..200u16)
            .map(|i| row(i * 3 + 1, [Cell::Value(u64::from(i) * 997 % 5000); 15]))
            .collect();
        let block = encode_block(&rows);
        for (i, r) in rows.iter().enumerate() {
            let mut it = BlockRows::from_occ(&block, r.occ).expect("header");
            assert!(it.len() >= rows.len() - i && it.len() <= rows.len() - i + CHECKPOINT_EVERY);
            let found = it
                .by_ref()
                .take(CHECKPOINT_EVERY + 1)
                .find(|x| x.occ == r.occ);
            assert_eq!(found.as_ref(), Some(r));
        }
        // An index between rows starts early enough; past the end, at the last checkpoint.
        let it = BlockRows::from_occ(&block, 0).expect("header");
        assert_eq!(it.len(), rows.len());
        let tail: Vec<Row> = BlockRows::from_occ(&block, u16::MAX)
            .expect("header")
            .collect();
        assert_eq!(
            tail.as_slice(),
            &rows[rows.len() - rows.len() % CHECKPOINT_EVERY..]
        );
    }

    #[test]
    fn a_truncated_block_stops_without_panicking() {
        let rows: Vec<Row> = (0..50)
            .map(|i| row(i, [Cell::Value(u64::from(i) * 1000); 15]))
            .collect();
        let block = encode_block(&rows);
        for cut in 0..block.len() {
            let mut it = match BlockRows::new(&block[..cut]) {
                Some(it) => it,
                None => continue,
            };
            let n = it.by_ref().count();
            assert!(n < 50 || cut == block.len());
            assert!(it.failed());
        }
        assert!(BlockRows::new(&[]).is_none());
        // Garbage never panics.
        let junk: Vec<u8> = (0..200u32).map(|i| (i * 37 % 251) as u8).collect();
        if let Some(it) = BlockRows::new(&junk) {
            let _ = it.count();
        }
    }

    #[test]
    fn annual_of_hourly_rounds_to_the_dollar() {
        assert_eq!(annual_of_hourly(2613), 54_350);
        assert_eq!(annual_of_hourly(11_500), 239_200);
        assert_eq!(annual_of_hourly(1), 21);
    }
}
