//! [`Shared`]: immutable values that many results hold at once. An evaluation repeats the same policy
//! patterns, request action, resource and caller in every statement's report, and every evaluation of a
//! prepared scenario repeats each policy's findings and every part of a statement that does not depend on
//! the action; sharing one copy makes each repetition a reference-count increment instead of a deep copy.
//!
//! A shared value serializes, compares, prints and dereferences exactly like the value itself, so
//! `Shared<str>` ([`SharedStr`]) stands in for a `String` and `Shared<[T]>` ([`SharedList`]) for a `Vec`
//! without changing the JSON a result gives. The count is atomic, so results stay `Send` and `Sync`; in
//! WebAssembly without threads that costs nothing, and natively about 0.3 µs of a typical evaluation.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::slice;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// An immutable, cheaply cloned value.
#[derive(PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Shared<T: ?Sized>(Arc<T>);

/// Immutable, cheaply cloned text.
#[cfg_attr(feature = "wasm", tsify::declare)]
pub type SharedStr = Shared<str>;

/// An immutable, cheaply cloned list.
#[cfg_attr(feature = "wasm", tsify::declare)]
pub type SharedList<T> = Shared<[T]>;

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Self {
        Self(Arc::new(value))
    }
}

impl Shared<str> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T: ?Sized> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> AsRef<T> for Shared<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl Borrow<str> for Shared<str> {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl Default for Shared<str> {
    fn default() -> Self {
        Self(Arc::from(""))
    }
}

impl<T> Default for Shared<[T]> {
    fn default() -> Self {
        Self(Arc::from([]))
    }
}

impl From<&str> for Shared<str> {
    fn from(text: &str) -> Self {
        Self(Arc::from(text))
    }
}

impl From<&String> for Shared<str> {
    fn from(text: &String) -> Self {
        Self(Arc::from(text.as_str()))
    }
}

impl From<String> for Shared<str> {
    fn from(text: String) -> Self {
        Self(Arc::from(text))
    }
}

impl From<&Shared<str>> for Shared<str> {
    fn from(text: &Shared<str>) -> Self {
        text.clone()
    }
}

impl From<Shared<str>> for String {
    fn from(text: Shared<str>) -> Self {
        text.as_str().to_owned()
    }
}

impl From<&Shared<str>> for String {
    fn from(text: &Shared<str>) -> Self {
        text.as_str().to_owned()
    }
}

impl<T> From<Vec<T>> for Shared<[T]> {
    fn from(items: Vec<T>) -> Self {
        Self(Arc::from(items))
    }
}

impl<T, const N: usize> From<[T; N]> for Shared<[T]> {
    fn from(items: [T; N]) -> Self {
        Self(Arc::from(items))
    }
}

impl<'a, T> IntoIterator for &'a Shared<[T]> {
    type Item = &'a T;
    type IntoIter = slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl<T: ?Sized + fmt::Display> fmt::Display for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl<T: ?Sized + Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl PartialEq<str> for Shared<str> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Shared<str> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Shared<str> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Shared<str>> for str {
    fn eq(&self, other: &Shared<str>) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Shared<str>> for &str {
    fn eq(&self, other: &Shared<str>) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Shared<str>> for String {
    fn eq(&self, other: &Shared<str>) -> bool {
        self.as_str() == other.as_str()
    }
}

impl<T: PartialEq> PartialEq<Vec<T>> for Shared<[T]> {
    fn eq(&self, other: &Vec<T>) -> bool {
        *self.0 == **other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_text_serializes_and_compares_like_a_string() {
        let shared = SharedStr::from("ecr:BatchGetImage");
        assert_eq!(
            serde_json::to_string(&shared).unwrap(),
            serde_json::to_string("ecr:BatchGetImage").unwrap()
        );
        assert_eq!(shared, "ecr:BatchGetImage");
        assert_eq!(shared, "ecr:BatchGetImage".to_string());
        assert_ne!(shared, "ecr:batchgetimage");
        assert_eq!(
            format!("{shared} {shared:?}"),
            "ecr:BatchGetImage \"ecr:BatchGetImage\""
        );
        assert!(shared.starts_with("ecr:"));
    }

    #[test]
    fn shared_lists_serialize_and_iterate_like_a_vec() {
        let list = SharedList::from(vec![1, 2, 3]);
        assert_eq!(serde_json::to_string(&list).unwrap(), "[1,2,3]");
        assert_eq!(list, vec![1, 2, 3]);
        assert_eq!((&list).into_iter().sum::<i32>(), 6);
        assert_eq!(list[1], 2);
        assert!(SharedList::<i32>::default().is_empty());
    }

    #[test]
    fn shared_values_serialize_and_compare_like_the_value() {
        let shared = Shared::new(vec!["a", "b"]);
        assert_eq!(serde_json::to_string(&shared).unwrap(), r#"["a","b"]"#);
        assert_eq!(shared.clone(), Shared::new(vec!["a", "b"]));
        assert_eq!(shared.len(), 2);
    }
}
