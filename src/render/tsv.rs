//! Tab-separated output: a header line, then one record per line. Fields
//! never contain tabs, newlines or other control characters.
//!
//! Every TSV output is a list of typed rows, one struct per kind of record
//! (`#[derive(Serialize, Default)]`), written by [`write`]: the header is
//! the struct's field names, each record its fields in the same order, so
//! a header and its records cannot disagree and two fields of the same type
//! cannot be swapped unnoticed. A small serde serializer does this rather
//! than the `csv` crate: csv quotes fields that hold a delimiter or a line
//! break, while the README's TSV contract escapes them (`\t`, `\n`, `\r`)
//! so that `cut` and `awk` can split on every tab and newline; csv cannot
//! escape anything but its quote character (BurntSushi/rust-csv#260).

use crate::model::Period;
use crate::pay::{Basis, PayFigure};
use crate::render::text::plain_number;
use serde::ser::{self, Impossible, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};
use std::marker::PhantomData;

/// A field made safe for TSV: tab, newline and carriage return become
/// `\t`, `\n`, `\r`; other control characters become `\u{..}` escapes.
pub fn field(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Writes a header (the field names of `R`) and one record per row.
///
/// `R` is a struct of flat fields: strings, numbers, booleans, unit enum
/// variants (written as serde names them), and options of those (`None`
/// is an empty field: unknown). Whole numbers are written without a
/// fraction (`42000`), others with two decimals (`10.78`), as
/// [`plain_number`] does. Anything nested (a list, a map, a struct in a
/// field) is an error: join or flatten it in the row type.
pub fn write<R, I>(out: &mut dyn Write, rows: I) -> io::Result<()>
where
    R: Serialize + Default,
    I: IntoIterator<Item = R>,
{
    let mut w = Writer::new(out)?;
    for row in rows {
        w.row(&row)?;
    }
    Ok(())
}

/// [`write`] a record at a time, for output produced by a walk rather
/// than an iterator: the header when created, then [`Writer::row`].
pub struct Writer<'o, R> {
    out: &'o mut dyn Write,
    line: String,
    rows: PhantomData<fn(&R)>,
}

impl<'o, R: Serialize + Default> Writer<'o, R> {
    /// Writes the header: the field names of `R`.
    pub fn new(out: &'o mut dyn Write) -> io::Result<Writer<'o, R>> {
        let mut w = Writer {
            out,
            line: String::new(),
            rows: PhantomData,
        };
        w.record(&R::default(), true)?;
        Ok(w)
    }

    /// Writes one record.
    pub fn row(&mut self, row: &R) -> io::Result<()> {
        self.record(row, false)
    }

    fn record(&mut self, row: &R, header: bool) -> io::Result<()> {
        self.line.clear();
        row.serialize(Record {
            line: &mut self.line,
            header,
        })?;
        self.line.push('\n');
        self.out.write_all(self.line.as_bytes())
    }
}

/// A pay figure ([`PayFigure`]) as the columns of a row, the same in
/// every command's TSV: `pay` (or `pay_min` and `pay_max` for a range),
/// `currency`, `period` (`year` or `hour`), `pay_basis`, `pay_source`,
/// and for an official figure `soc`, `area`, `approximate` and
/// `top_coded`; `converted` says whether the figure was converted from
/// the other period. All empty when the pay is unknown.
#[derive(serde::Serialize, Default)]
pub struct PayColumns<'a> {
    pub pay: Option<f64>,
    pub pay_min: Option<f64>,
    pub pay_max: Option<f64>,
    pub currency: Option<&'a str>,
    pub period: Option<Period>,
    pub pay_basis: Option<Basis>,
    pub pay_source: Option<&'a str>,
    pub soc: Option<&'a str>,
    pub area: Option<String>,
    pub approximate: Option<bool>,
    pub top_coded: Option<bool>,
    pub converted: Option<bool>,
}

impl<'a> PayColumns<'a> {
    pub fn of(p: Option<&'a PayFigure>) -> PayColumns<'a> {
        let Some(p) = p else {
            return PayColumns::default();
        };
        PayColumns {
            pay: p.value,
            pay_min: p.min,
            pay_max: p.max,
            currency: Some(&p.currency),
            period: Some(p.period),
            pay_basis: Some(p.basis),
            pay_source: Some(&p.source),
            soc: p.soc.as_deref(),
            area: p.area.as_ref().map(|a| a.label()),
            approximate: p.soc.as_ref().map(|_| p.approximate),
            top_coded: p.soc.as_ref().map(|_| p.top_coded),
            converted: Some(p.converted),
        }
    }
}

/// Why a row could not be written: its type is not a flat struct.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TSV: {}", self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl From<Error> for io::Error {
    fn from(e: Error) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, e)
    }
}

fn nested(what: &str) -> Error {
    Error(format!(
        "a field holds {what}; TSV rows are structs of flat fields"
    ))
}

/// Serializes one struct as one line: its field names (`header`) or its
/// values, separated by tabs.
struct Record<'l> {
    line: &'l mut String,
    header: bool,
}

/// The struct's fields, one after another.
struct Fields<'l> {
    line: &'l mut String,
    header: bool,
    first: bool,
}

macro_rules! not_a_struct {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<(), Error> {
            Err(Error("a row must be a struct".into()))
        })*
    };
}

impl<'l> ser::Serializer for Record<'l> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Fields<'l>;
    type SerializeStruct = Fields<'l>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'l>, Error> {
        Ok(Fields {
            line: self.line,
            header: self.header,
            first: true,
        })
    }

    /// A struct with a `#[serde(flatten)]` field serializes as a map: its
    /// keys are the field names.
    fn serialize_map(self, _: Option<usize>) -> Result<Fields<'l>, Error> {
        self.serialize_struct("", 0)
    }

    not_a_struct!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Error> {
        Err(Error("a row must be a struct".into()))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(Error("a row must be a struct".into()))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(Error("a row must be a struct".into()))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(Error("a row must be a struct".into()))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(Error("a row must be a struct".into()))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Error("a row must be a struct".into()))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error("a row must be a struct".into()))
    }
}

impl Fields<'_> {
    fn separate(&mut self) {
        if !self.first {
            self.line.push('\t');
        }
        self.first = false;
    }
}

impl ser::SerializeMap for Fields<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.separate();
        if self.header {
            key.serialize(Value { line: self.line })?;
        }
        Ok(())
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        if self.header {
            return Ok(());
        }
        value.serialize(Value { line: self.line })
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.separate();
        if self.header {
            self.line.push_str(&field(key));
            Ok(())
        } else {
            value.serialize(Value { line: self.line })
        }
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

/// One field's value, appended to the line.
struct Value<'l> {
    line: &'l mut String,
}

impl Value<'_> {
    fn text(self, s: &str) -> Result<(), Error> {
        self.line.push_str(&field(s));
        Ok(())
    }
}

impl ser::Serializer for Value<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.text(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.text(&v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.text(&v.to_string())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.text(&plain_number(v))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(nested("bytes"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.text(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(nested("an enum variant with data"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(nested("a list"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(nested("a tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(nested("a tuple"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(nested("an enum variant with data"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(nested("a map"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(nested("a struct"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(nested("an enum variant with data"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize, Default)]
    struct Row<'a> {
        id: &'a str,
        value: Option<f64>,
        count: u64,
        known: bool,
        period: Option<crate::model::Period>,
    }

    fn written<R: Serialize + Default>(rows: Vec<R>) -> String {
        let mut out = Vec::new();
        write(&mut out, rows).expect("writes");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn the_header_is_the_field_names_and_unknown_is_empty() {
        let rows = vec![
            Row {
                id: "a",
                value: Some(42000.0),
                count: 338_940,
                known: true,
                period: Some(crate::model::Period::Hour),
            },
            Row {
                id: "b",
                value: Some(10.785),
                ..Row::default()
            },
        ];
        assert_eq!(
            written(rows),
            "id\tvalue\tcount\tknown\tperiod\n\
             a\t42000\t338940\ttrue\thour\n\
             b\t10.79\t0\tfalse\t\n"
        );
        assert_eq!(
            written(Vec::<Row>::new()),
            "id\tvalue\tcount\tknown\tperiod\n"
        );
    }

    #[test]
    fn fields_are_escaped_as_the_readme_says() {
        let rows = vec![Row {
            id: "tab\there\nnew\rcr\u{1b}[31m\u{7f}",
            ..Row::default()
        }];
        let out = written(rows);
        assert_eq!(
            out.lines().nth(1),
            Some("tab\\there\\nnew\\rcr\\u{1b}[31m\\u{7f}\t\t0\tfalse\t")
        );
        assert_eq!(out.lines().count(), 2);
    }

    #[test]
    fn flattened_fields_are_columns_of_the_row() {
        #[derive(Serialize, Default)]
        struct Outer<'a> {
            id: &'a str,
            #[serde(flatten)]
            inner: Row<'a>,
            after: u32,
        }
        let rows = vec![Outer {
            id: "o",
            inner: Row {
                id: "i",
                count: 2,
                ..Row::default()
            },
            after: 7,
        }];
        assert_eq!(
            written(rows),
            "id\tid\tvalue\tcount\tknown\tperiod\tafter\no\ti\t\t2\tfalse\t\t7\n"
        );
    }

    #[test]
    fn nested_fields_are_refused() {
        #[derive(Serialize, Default)]
        struct Bad {
            items: Vec<String>,
        }
        let mut out = Vec::new();
        let e = write(
            &mut out,
            vec![Bad {
                items: vec!["x".into()],
            }],
        )
        .expect_err("a list");
        assert!(e.to_string().contains("a list"), "{e}");
    }
}
