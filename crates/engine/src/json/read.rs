//! Typed values (serde `Deserialize`) read from [`JsonValue`]s. An error says where it is twice over: as
//! the path from the root (`request.context["aws:SourceIp"]`) and as the span of the value or member
//! key it is about, so a person can jump to the line and column.
//!
//! The engine reads its own JSON this way (scenario documents, the catalogue) with the same parser that
//! reads policies, rather than with a second JSON reader: one parser, and positions that are exact.

use std::fmt;

use serde::Deserialize;
use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    Visitor,
};

use super::{JsonKind, JsonMember, JsonValue};
use crate::float::float_text;
use crate::span::Span;

/// One step of a path from the root of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    /// An array element.
    Index(usize),
    /// An object member.
    Key(String),
}

/// Why a value could not be read as the type asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The steps from the root to the value or member the error is about.
    pub path: Vec<PathStep>,
    /// What is wrong, in serde's words (`unknown field `x`, expected ...`, `missing field `y``).
    pub message: String,
    /// Where that value or member key is.
    pub span: Option<Span>,
}

impl ReadError {
    /// The error as seen one level up: `step` in front of its path, and `span` when it has none yet.
    /// Never inlined: every type read calls it, and one copy keeps each of their readers small.
    #[inline(never)]
    fn within(mut self, step: PathStep, span: Span) -> Self {
        self.path.insert(0, step);
        self.span.get_or_insert(span);
        self
    }

    /// The error placed at `span` when it has no place yet (an error of the value as a whole).
    fn at(mut self, span: Span) -> Self {
        self.span.get_or_insert(span);
        self
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.message)
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self {
            path: Vec::new(),
            message: message.to_string(),
            span: None,
        }
    }

    /// serde's message, its value worded by [`unexpected_text`].
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        de::Error::custom(format_args!(
            "invalid type: {}, expected {expected}",
            unexpected_text(unexpected)
        ))
    }

    /// serde's message, its value worded by [`unexpected_text`].
    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        de::Error::custom(format_args!(
            "invalid value: {}, expected {expected}",
            unexpected_text(unexpected)
        ))
    }
}

/// A value as serde's `Display` of [`Unexpected`] words it (``floating point `1.5` ``, `string "x"`),
/// its floats written by [`float_text`] so that core's float formatter stays out of the WebAssembly
/// module.
fn unexpected_text(unexpected: Unexpected<'_>) -> String {
    match unexpected {
        Unexpected::Float(float) => {
            let mut text = float_text(float);
            if float.is_finite() && !text.contains('.') {
                text.push_str(".0");
            }
            format!("floating point `{text}`")
        }
        Unexpected::Bool(flag) => format!("boolean `{flag}`"),
        Unexpected::Unsigned(whole) => format!("integer `{whole}`"),
        Unexpected::Signed(whole) => format!("integer `{whole}`"),
        Unexpected::Char(character) => format!("character `{character}`"),
        Unexpected::Str(text) => format!("string {text:?}"),
        Unexpected::Other(other) => other.to_owned(),
        Unexpected::Bytes(_) => "byte array".to_owned(),
        Unexpected::Unit => "unit value".to_owned(),
        Unexpected::Option => "Option value".to_owned(),
        Unexpected::NewtypeStruct => "newtype struct".to_owned(),
        Unexpected::Seq => "sequence".to_owned(),
        Unexpected::Map => "map".to_owned(),
        Unexpected::Enum => "enum".to_owned(),
        Unexpected::UnitVariant => "unit variant".to_owned(),
        Unexpected::NewtypeVariant => "newtype variant".to_owned(),
        Unexpected::TupleVariant => "tuple variant".to_owned(),
        Unexpected::StructVariant => "struct variant".to_owned(),
    }
}

/// `request.context["aws:SourceIp"]`, `[1].request`: keys that are identifiers dotted, other keys quoted
/// in brackets, indexes in brackets.
pub fn display_path(path: &[PathStep]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            PathStep::Index(index) => text.push_str(&format!("[{index}]")),
            PathStep::Key(key) if is_identifier(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            PathStep::Key(key) => text.push_str(&format!("[{key:?}]")),
        }
    }
    text
}

fn is_identifier(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|character| character.is_ascii_alphanumeric() || character == '_')
}

/// Reads `value` as a `T`.
pub fn from_value<'de, T: Deserialize<'de>>(value: &'de JsonValue<'_>) -> Result<T, ReadError> {
    T::deserialize(value).map_err(|error| error.at(value.span))
}

/// The serde type of a value, for "invalid type" messages.
fn unexpected<'v>(value: &'v JsonValue<'_>) -> Unexpected<'v> {
    match &value.kind {
        JsonKind::Null => Unexpected::Unit,
        JsonKind::Bool(flag) => Unexpected::Bool(*flag),
        JsonKind::Number(text) => number_unexpected(text),
        JsonKind::String(text) => Unexpected::Str(text),
        JsonKind::Array(_) => Unexpected::Seq,
        JsonKind::Object(_) => Unexpected::Map,
    }
}

/// A JSON number as serde's visitors take it.
#[derive(Clone, Copy)]
enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

/// A number as written, read as serde_json reads numbers: a whole number when it is one that fits,
/// else a finite floating-point number; `None` when out of range. serde_json's parser is used rather
/// than `str::parse::<f64>` because the page's WebAssembly module carries it already (core's float
/// parser would add 10 KB of tables).
fn number(text: &str) -> Option<Number> {
    let number: serde_json::Number = text.parse().ok()?;
    number
        .as_u64()
        .map(Number::Unsigned)
        .or_else(|| number.as_i64().map(Number::Signed))
        .or_else(|| number.as_f64().map(Number::Float))
}

/// A number as serde names it in messages: ``integer `42` ``, ``floating point `1.5` ``.
fn number_unexpected(text: &str) -> Unexpected<'_> {
    match number(text) {
        Some(Number::Unsigned(whole)) => Unexpected::Unsigned(whole),
        Some(Number::Signed(whole)) => Unexpected::Signed(whole),
        Some(Number::Float(float)) => Unexpected::Float(float),
        None => Unexpected::Other(text),
    }
}

impl JsonValue<'_> {
    /// serde's "invalid type" error for this value where `expected` was asked for. Not generic, so every
    /// type read shares it.
    fn invalid(&self, expected: &dyn de::Expected) -> ReadError {
        de::Error::invalid_type(unexpected(self), expected)
    }
}

/// Each method reads only the JSON kinds its Rust type can come from and reports any other kind as
/// invalid, so that a type's visitor is compiled for those kinds only: the page's WebAssembly module is
/// smaller for it. `deserialize_any` (values of any shape, untagged enums) reads every kind.
impl<'de> Deserializer<'de> for &'de JsonValue<'_> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match &self.kind {
            JsonKind::Null => visitor.visit_unit(),
            JsonKind::Bool(flag) => visitor.visit_bool(*flag),
            JsonKind::Number(text) => visit_number(text, visitor),
            JsonKind::String(text) => visitor.visit_borrowed_str(text),
            JsonKind::Array(items) => visitor.visit_seq(Items::new(items)),
            JsonKind::Object(members) => visitor.visit_map(Members::new(members)),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.kind {
            JsonKind::Bool(flag) => visitor.visit_bool(flag),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match &self.kind {
            JsonKind::String(text) => visitor.visit_borrowed_str(text),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match &self.kind {
            JsonKind::Array(items) => visitor.visit_seq(Items::new(items)),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match &self.kind {
            JsonKind::Object(members) => visitor.visit_map(Members::new(members)),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.kind {
            JsonKind::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.kind {
            JsonKind::Null => visitor.visit_unit(),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    /// Enums of unit variants only, written as their name: a string.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        match &self.kind {
            JsonKind::String(text) => {
                let variant: StrDeserializer<'_, ReadError> = text.as_ref().into_deserializer();
                visitor.visit_enum(variant)
            }
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
    }
}

/// Visits the number `text` is.
fn visit_number<'de, V: Visitor<'de>>(text: &str, visitor: V) -> Result<V::Value, ReadError> {
    match number(text) {
        Some(Number::Unsigned(whole)) => visitor.visit_u64(whole),
        Some(Number::Signed(whole)) => visitor.visit_i64(whole),
        Some(Number::Float(float)) => visitor.visit_f64(float),
        None => Err(de::Error::custom(format_args!(
            "the number {text} is out of range"
        ))),
    }
}

/// An array's elements, each read with its index on the path of its errors.
struct Items<'de, 'a> {
    items: std::iter::Enumerate<std::slice::Iter<'de, JsonValue<'a>>>,
}

impl<'de, 'a> Items<'de, 'a> {
    fn new(items: &'de [JsonValue<'a>]) -> Self {
        Self {
            items: items.iter().enumerate(),
        }
    }
}

impl<'de> SeqAccess<'de> for Items<'de, '_> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        match self.items.next() {
            Some((index, item)) => seed
                .deserialize(item)
                .map(Some)
                .map_err(|error| item_error(error, index, item)),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object's members in source order, each value read with its key on the path of its errors. An
/// error about a key itself (an unknown field) is placed at the key.
struct Members<'de, 'a> {
    members: std::slice::Iter<'de, JsonMember<'a>>,
    current: Option<&'de JsonMember<'a>>,
}

impl<'de, 'a> Members<'de, 'a> {
    fn new(members: &'de [JsonMember<'a>]) -> Self {
        Self {
            members: members.iter(),
            current: None,
        }
    }
}

impl<'de> MapAccess<'de> for Members<'de, '_> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        let Some(member) = self.members.next() else {
            return Ok(None);
        };
        self.current = Some(member);
        let key: BorrowedStrDeserializer<'de, ReadError> =
            BorrowedStrDeserializer::new(&member.key);
        seed.deserialize(key)
            .map(Some)
            .map_err(|error| member_error(error, member, member.key_span))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        let member = self.current.take().ok_or_else(value_before_key)?;
        seed.deserialize(&member.value)
            .map_err(|error| member_error(error, member, member.value.span))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// `error`, of the array element `item` at `index`, as an error of the array. Not generic and never
/// inlined, so every element type read shares it.
#[inline(never)]
fn item_error(error: ReadError, index: usize, item: &JsonValue<'_>) -> ReadError {
    error.within(PathStep::Index(index), item.span)
}

/// `error`, of the key or value of `member` (placed at `span` when it has no place yet), as an error
/// of the object. Not generic and never inlined, so every member type read shares it.
#[inline(never)]
fn member_error(error: ReadError, member: &JsonMember<'_>, span: Span) -> ReadError {
    error.within(PathStep::Key(member.key.to_string()), span)
}

/// The error of a value asked for before its key, which serde's derived readers never do.
#[inline(never)]
fn value_before_key() -> ReadError {
    de::Error::custom("a value was read before its key")
}

#[cfg(test)]
mod tests;
