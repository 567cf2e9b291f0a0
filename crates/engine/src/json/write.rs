//! Values (serde `Serialize`) written as compact JSON text, byte for byte what `serde_json::to_string`
//! writes.
//!
//! The page receives every evaluation as JSON text (one string crosses into JavaScript instead of a call
//! per field), and an evaluation of a 100-statement policy is over 100 KB of it. serde_json writes
//! through `io::Write` and maps an `io::Error` at every token; in the size-optimized WebAssembly module
//! none of that is inlined, and writing took half of a page call. This writer appends to a `String` and
//! cannot fail but for a map key that is not a string.

use std::fmt;

use serde::ser::{self, Impossible, Serialize};

/// Why a value could not be written: a map key that is not a string, number or boolean, or an error of
/// the value's own `Serialize`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError(String);

impl fmt::Display for WriteError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self(message.to_string())
    }
}

/// `value` as compact JSON text.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, WriteError> {
    let mut writer = Writer { out: String::new() };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// The text written so far.
struct Writer {
    out: String,
}

impl Writer {
    fn integer(&mut self, value: impl itoa::Integer) {
        self.out.push_str(itoa::Buffer::new().format(value));
    }

    /// An integer value, for `integer_methods!`.
    fn write_integer(&mut self, value: impl itoa::Integer) -> Result<(), WriteError> {
        self.integer(value);
        Ok(())
    }

    /// A float exactly as serde_json writes it (its shortest form; `null` when not finite). Rare in
    /// results, so serde_json itself writes it.
    fn float<F: Serialize>(&mut self, value: F) {
        let text = serde_json::to_string(&value).unwrap_or_else(|_| "null".to_owned());
        self.out.push_str(&text);
    }

    /// `text` in quotes, escaped as serde_json escapes: `"` `\` and the control characters.
    fn string(&mut self, text: &str) {
        self.out.push('"');
        let mut start = 0;
        for (at, byte) in text.bytes().enumerate() {
            let escape = match byte {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0x00..=0x1f => "",
                _ => continue,
            };
            self.out.push_str(text.get(start..at).unwrap_or_default());
            if escape.is_empty() {
                self.out.push_str("\\u00");
                self.out.push(hex_digit(byte >> 4));
                self.out.push(hex_digit(byte & 0x0f));
            } else {
                self.out.push_str(escape);
            }
            start = at + 1;
        }
        self.out.push_str(text.get(start..).unwrap_or_default());
        self.out.push('"');
    }

    /// Opens `{"variant":` around an enum variant's value.
    fn open_variant(&mut self, variant: &str) {
        self.out.push('{');
        self.string(variant);
        self.out.push(':');
    }
}

fn hex_digit(nibble: u8) -> char {
    char::from(
        b"0123456789abcdef"
            .get(usize::from(nibble))
            .copied()
            .unwrap_or(b'0'),
    )
}

/// The `serialize_i8` ... `serialize_u128` methods of a serializer, each writing through the
/// serializer's own `write_integer`.
macro_rules! integer_methods {
    () => {
        integer_methods!(
            serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
            serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
            serialize_u64: u64, serialize_u128: u128
        );
    };
    ($($method:ident: $type:ty),*) => {
        $(
            fn $method(self, value: $type) -> Result<(), WriteError> {
                self.write_integer(value)
            }
        )*
    };
}

/// The array-like compound traits: every element after a comma, then the closing bracket.
macro_rules! array_compound {
    ($($trait:ident::$method:ident),*) => {
        $(
            impl ser::$trait for Compound<'_> {
                type Ok = ();
                type Error = WriteError;

                fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
                    self.element(value)
                }

                fn end(self) -> Result<(), WriteError> {
                    self.close()
                }
            }
        )*
    };
}

/// The object-like compound traits with `&'static str` keys: every field after a comma.
macro_rules! object_compound {
    ($($trait:ident),*) => {
        $(
            impl ser::$trait for Compound<'_> {
                type Ok = ();
                type Error = WriteError;

                fn serialize_field<T: Serialize + ?Sized>(
                    &mut self,
                    key: &'static str,
                    value: &T,
                ) -> Result<(), WriteError> {
                    self.field(key, value)
                }

                fn end(self) -> Result<(), WriteError> {
                    self.close()
                }
            }
        )*
    };
}

/// An array or object being written: whether an element has been written yet, and what closes it
/// (`]`, `}`, or `]}` / `}}` for an enum variant's array or object).
struct Compound<'a> {
    writer: &'a mut Writer,
    first: bool,
    close: &'static str,
}

impl<'a> Compound<'a> {
    fn open(writer: &'a mut Writer, open: char, close: &'static str) -> Self {
        writer.out.push(open);
        Self {
            writer,
            first: true,
            close,
        }
    }

    fn separate(&mut self) {
        if !self.first {
            self.writer.out.push(',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        self.separate();
        value.serialize(&mut *self.writer)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), WriteError> {
        self.separate();
        self.writer.string(key);
        self.writer.out.push(':');
        value.serialize(&mut *self.writer)
    }

    fn close(self) -> Result<(), WriteError> {
        self.writer.out.push_str(self.close);
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, value: bool) -> Result<(), WriteError> {
        self.out.push_str(if value { "true" } else { "false" });
        Ok(())
    }

    integer_methods!();

    fn serialize_f32(self, value: f32) -> Result<(), WriteError> {
        self.float(value);
        Ok(())
    }

    fn serialize_f64(self, value: f64) -> Result<(), WriteError> {
        self.float(value);
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), WriteError> {
        self.string(value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, value: &str) -> Result<(), WriteError> {
        self.string(value);
        Ok(())
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<(), WriteError> {
        let mut array = Compound::open(self, '[', "]");
        for byte in value {
            array.element(byte)?;
        }
        array.close()
    }

    fn serialize_none(self) -> Result<(), WriteError> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), WriteError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), WriteError> {
        self.out.push_str("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), WriteError> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), WriteError> {
        self.string(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, WriteError> {
        Ok(Compound::open(self, '[', "]"))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, WriteError> {
        Ok(Compound::open(self, '[', "]"))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, WriteError> {
        Ok(Compound::open(self, '[', "]"))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, WriteError> {
        self.open_variant(variant);
        Ok(Compound::open(self, '[', "]}"))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, WriteError> {
        Ok(Compound::open(self, '{', "}"))
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, WriteError> {
        Ok(Compound::open(self, '{', "}"))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, WriteError> {
        self.open_variant(variant);
        Ok(Compound::open(self, '{', "}}"))
    }
}

array_compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WriteError> {
        self.separate();
        key.serialize(MapKey(&mut *self.writer))?;
        self.writer.out.push(':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), WriteError> {
        self.close()
    }
}

object_compound!(SerializeStruct, SerializeStructVariant);

/// A map key: JSON keys are strings, so strings are written as they are and numbers and booleans in
/// quotes, as serde_json does; anything else is an error.
struct MapKey<'a>(&'a mut Writer);

impl MapKey<'_> {
    /// An integer key, in quotes, for `integer_methods!`.
    fn write_integer(self, value: impl itoa::Integer) -> Result<(), WriteError> {
        self.quoted(|writer| writer.integer(value))
    }

    fn quoted(self, write: impl FnOnce(&mut Writer)) -> Result<(), WriteError> {
        self.0.out.push('"');
        write(self.0);
        self.0.out.push('"');
        Ok(())
    }
}

fn key_must_be_a_string() -> WriteError {
    WriteError("key must be a string".to_owned())
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Impossible<(), WriteError>;
    type SerializeTuple = Impossible<(), WriteError>;
    type SerializeTupleStruct = Impossible<(), WriteError>;
    type SerializeTupleVariant = Impossible<(), WriteError>;
    type SerializeMap = Impossible<(), WriteError>;
    type SerializeStruct = Impossible<(), WriteError>;
    type SerializeStructVariant = Impossible<(), WriteError>;

    fn serialize_str(self, value: &str) -> Result<(), WriteError> {
        self.0.string(value);
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), WriteError> {
        self.0.string(value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), WriteError> {
        self.0.string(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        value.serialize(self)
    }

    fn serialize_bool(self, value: bool) -> Result<(), WriteError> {
        self.quoted(|writer| writer.out.push_str(if value { "true" } else { "false" }))
    }

    integer_methods!();

    fn serialize_f32(self, _value: f32) -> Result<(), WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_f64(self, _value: f64) -> Result<(), WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_bytes(self, _value: &[u8]) -> Result<(), WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<(), WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit(self) -> Result<(), WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, WriteError> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, WriteError> {
        Err(key_must_be_a_string())
    }
}

#[cfg(test)]
mod tests;
