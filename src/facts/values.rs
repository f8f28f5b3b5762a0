//! The strings, string lists and rows the tables are made of, each in two forms: embedded
//! (static data the build script wrote for the default fact base, see `embedded.rs`) and owned
//! (fact files read at run time). Both read the same (`&str`, `&[Str]`, `&[T]`) and compare by
//! content.
//!
//! An embedded string or list is a place and a length in one static blob rather than a
//! `&'static str`: the binary is position-independent, so every pointer in static data is a
//! relocation the loader patches at start-up, and the default base has tens of thousands of
//! strings.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use super::embedded::{LISTS, STRINGS};

/// A string of the tables. Reads as a `&str`.
#[derive(Clone)]
pub struct Str(StrForm);

#[derive(Clone)]
enum StrForm {
    /// `STRINGS[start..start + len]`, checked to be whole characters when made.
    Embedded {
        start: u32,
        len: u32,
    },
    Owned(String),
}

/// Whether `at` is the start of a character in `bytes`, or its end.
const fn is_char_boundary(bytes: &[u8], at: usize) -> bool {
    at == bytes.len() || (at < bytes.len() && (bytes[at] as i8) >= -0x40)
}

impl Str {
    /// `STRINGS[start..start + len]`; panics (at compile time, in a static) unless it is a
    /// whole string of the blob.
    pub(super) const fn embedded(start: u32, len: u32) -> Str {
        let bytes = STRINGS.as_bytes();
        let (from, to) = (start as usize, start as usize + len as usize);
        assert!(
            is_char_boundary(bytes, from) && is_char_boundary(bytes, to),
            "an embedded string lies in the blob, on character boundaries"
        );
        Str(StrForm::Embedded { start, len })
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            StrForm::Embedded { start, len } => {
                let from = *start as usize;
                // SAFETY: `Str::embedded`, the only maker of this form, checked that the range
                // lies in `STRINGS` on character boundaries.
                unsafe { STRINGS.get_unchecked(from..from + *len as usize) }
            }
            StrForm::Owned(text) => text,
        }
    }
}

impl Default for Str {
    fn default() -> Str {
        Str(StrForm::Owned(String::new()))
    }
}

impl std::ops::Deref for Str {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Str) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Str {}

impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Str {
    fn cmp(&self, other: &Str) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

/// As the `&str` hashes, as `Borrow<str>` requires.
impl Hash for Str {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl From<String> for Str {
    fn from(text: String) -> Str {
        Str(StrForm::Owned(text))
    }
}

impl From<&str> for Str {
    fn from(text: &str) -> Str {
        Str(StrForm::Owned(text.to_string()))
    }
}

impl From<Str> for String {
    fn from(text: Str) -> String {
        match text.0 {
            StrForm::Owned(text) => text,
            StrForm::Embedded { .. } => text.as_str().to_string(),
        }
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Str {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Str> for String {
    fn eq(&self, other: &Str) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Str> for &str {
    fn eq(&self, other: &Str) -> bool {
        *self == other.as_str()
    }
}

/// A list of strings. Reads as a slice.
#[derive(Clone)]
pub struct Strs(StrsForm);

#[derive(Clone)]
enum StrsForm {
    /// `LISTS[start..start + len]`: every embedded list is a stretch of one static array.
    Embedded {
        start: u32,
        len: u32,
    },
    Owned(Vec<Str>),
}

impl Strs {
    pub(super) const fn embedded(start: u32, len: u32) -> Strs {
        Strs(StrsForm::Embedded { start, len })
    }

    pub fn push(&mut self, item: impl Into<Str>) {
        if let StrsForm::Embedded { .. } = self.0 {
            self.0 = StrsForm::Owned(self.to_vec());
        }
        if let StrsForm::Owned(items) = &mut self.0 {
            items.push(item.into());
        }
    }

    /// The list as owned strings.
    pub fn to_strings(&self) -> Vec<String> {
        self.iter().map(|item| item.to_string()).collect()
    }
}

impl Default for Strs {
    fn default() -> Strs {
        Strs(StrsForm::Owned(Vec::new()))
    }
}

impl std::ops::Deref for Strs {
    type Target = [Str];

    fn deref(&self) -> &[Str] {
        match &self.0 {
            StrsForm::Embedded { start, len } => {
                let from = *start as usize;
                &LISTS[from..from + *len as usize]
            }
            StrsForm::Owned(items) => items,
        }
    }
}

impl<'a> IntoIterator for &'a Strs {
    type Item = &'a Str;
    type IntoIter = std::slice::Iter<'a, Str>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Strs {
    fn eq(&self, other: &Strs) -> bool {
        **self == **other
    }
}

impl Eq for Strs {}

impl fmt::Debug for Strs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl From<Vec<String>> for Strs {
    fn from(list: Vec<String>) -> Strs {
        Strs(StrsForm::Owned(list.into_iter().map(Str::from).collect()))
    }
}

impl From<Strs> for Vec<String> {
    fn from(list: Strs) -> Vec<String> {
        list.to_strings()
    }
}

/// The rows of a table (or any list of plain values): a static array for the embedded base,
/// a vector for a base built at run time. Reads as a slice; changing embedded rows copies
/// them first.
pub struct Rows<T: 'static>(RowsForm<T>);

enum RowsForm<T: 'static> {
    Embedded(&'static [T]),
    Owned(Vec<T>),
}

impl<T> Rows<T> {
    pub(super) const fn embedded(rows: &'static [T]) -> Rows<T> {
        Rows(RowsForm::Embedded(rows))
    }

    pub fn as_slice(&self) -> &[T] {
        match &self.0 {
            RowsForm::Embedded(rows) => rows,
            RowsForm::Owned(rows) => rows,
        }
    }
}

impl<T: Clone> Rows<T> {
    /// The rows as a vector that may grow, copied first if they are embedded.
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        if let RowsForm::Embedded(rows) = self.0 {
            self.0 = RowsForm::Owned(rows.to_vec());
        }
        match &mut self.0 {
            RowsForm::Owned(rows) => rows,
            RowsForm::Embedded(_) => unreachable!("made owned above"),
        }
    }

    pub fn push(&mut self, row: T) {
        self.to_mut().push(row);
    }
}

impl<T> Default for Rows<T> {
    fn default() -> Rows<T> {
        Rows(RowsForm::Owned(Vec::new()))
    }
}

impl<T: Clone> Clone for Rows<T> {
    fn clone(&self) -> Rows<T> {
        Rows(match &self.0 {
            RowsForm::Embedded(rows) => RowsForm::Embedded(rows),
            RowsForm::Owned(rows) => RowsForm::Owned(rows.clone()),
        })
    }
}

impl<T> std::ops::Deref for Rows<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Clone> std::ops::DerefMut for Rows<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.to_mut()
    }
}

impl<'a, T> IntoIterator for &'a Rows<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<T> From<Vec<T>> for Rows<T> {
    fn from(rows: Vec<T>) -> Rows<T> {
        Rows(RowsForm::Owned(rows))
    }
}

impl<T> FromIterator<T> for Rows<T> {
    fn from_iter<I: IntoIterator<Item = T>>(rows: I) -> Rows<T> {
        Rows(RowsForm::Owned(rows.into_iter().collect()))
    }
}

impl<T: PartialEq> PartialEq for Rows<T> {
    fn eq(&self, other: &Rows<T>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Eq> Eq for Rows<T> {}

impl<T: fmt::Debug> fmt::Debug for Rows<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

/// One value, such as a table of 256 entries: static for the embedded base, boxed for a base
/// built at run time. Reads as the value (an array keeps its length in its type, so indexing
/// it by a byte needs no bounds check); changing an embedded one copies it first.
pub struct Held<T: 'static>(HeldForm<T>);

enum HeldForm<T: 'static> {
    Embedded(&'static T),
    Owned(Box<T>),
}

impl<T> Held<T> {
    pub(super) const fn embedded(value: &'static T) -> Held<T> {
        Held(HeldForm::Embedded(value))
    }
}

impl<T> From<Box<T>> for Held<T> {
    fn from(value: Box<T>) -> Held<T> {
        Held(HeldForm::Owned(value))
    }
}

impl<T> std::ops::Deref for Held<T> {
    type Target = T;

    fn deref(&self) -> &T {
        match &self.0 {
            HeldForm::Embedded(value) => value,
            HeldForm::Owned(value) => value,
        }
    }
}

impl<T: Clone> std::ops::DerefMut for Held<T> {
    fn deref_mut(&mut self) -> &mut T {
        if let HeldForm::Embedded(value) = self.0 {
            self.0 = HeldForm::Owned(Box::new(value.clone()));
        }
        match &mut self.0 {
            HeldForm::Owned(value) => value,
            HeldForm::Embedded(_) => unreachable!("made owned above"),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Held<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}
