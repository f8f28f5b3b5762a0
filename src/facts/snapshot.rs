//! The embedded fact base as a snapshot: the build script builds its tables and their name
//! index from `rules/facts/*.toml` (every check passed) and writes them here in a compact
//! binary form, which start-up reads back without parsing TOML or JSON, checking anything
//! again or copying a string.
//!
//! Two parts: the text of every distinct string, one after another (included as a `&'static
//! str`, so it is known to be UTF-8; the tables borrow their strings from it), and a stream of
//! bytes holding everything else in the order the tables' fields are declared: numbers as
//! LEB128 varints, a string as its place in the text (four bytes; repeated strings, such as a
//! source's URL, are written once) and its length, a date in four bytes, an `Option` as a tag
//! byte, a `Vec` as its length and then its items. The strings of every list (an entity's
//! aliases, an office's titles) come first in the stream, as one list that is read once and
//! kept for the process; each list is then a stretch of it. The snapshot is written and read
//! by the same build of this file, so it has no version; a test reads it back and compares it
//! with what the TOML files build.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::file::{CapitalRole, EntityKind, FactDate, Precision, TermKind};
use super::names::NameIndex;
use super::tables::{
    AccessionStep, Alias, Capital, Entity, Event, EventFact, Interval, MemberCount, Membership,
    Office, Provenance, Str, Strs, Tables, Term,
};

/// The tables and their name index written as `(text, bytes)`.
pub fn write(tables: &Tables, names: &NameIndex) -> (String, Vec<u8>) {
    let mut writer = Writer::default();
    tables.put(&mut writer);
    names.put(&mut writer);
    let mut bytes = Vec::with_capacity(writer.lists.len() + writer.bytes.len() + 8);
    let mut head = Writer::default();
    head.varint(writer.list_items as u64);
    bytes.extend_from_slice(&head.bytes);
    bytes.extend_from_slice(&writer.lists);
    bytes.extend_from_slice(&writer.bytes);
    (writer.text, bytes)
}

/// The tables and name index read back from `write`'s `(text, bytes)`; `None` if they are not
/// a whole snapshot. The strings of the lists are kept for the rest of the process (the
/// embedded base is read once).
pub fn read(text: &'static str, bytes: &[u8]) -> Option<(Tables, NameIndex)> {
    let mut reader = Reader {
        text,
        bytes,
        at: 0,
        last_date: None,
        lists: &[],
    };
    let count = usize::take(&mut reader)?;
    if count > bytes.len() {
        return None;
    }
    let mut items = Vec::with_capacity(count);
    for _ in 0..count {
        items.push(Str::borrowed(reader.string()?));
    }
    reader.lists = Vec::leak(items);
    let tables = Tables::take(&mut reader)?;
    let names = NameIndex::take(&mut reader)?;
    (reader.at == bytes.len()).then_some((tables, names))
}

#[derive(Default)]
pub(super) struct Writer {
    text: String,
    bytes: Vec<u8>,
    /// The strings of every list, one after another, and how many.
    lists: Vec<u8>,
    list_items: usize,
    /// Where each string already written starts in `text`.
    strings: HashMap<String, usize>,
}

impl Writer {
    fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.bytes.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }

    fn string(&mut self, text: &str) {
        let start = match self.strings.get(text) {
            Some(&start) => start,
            None => {
                let start = self.text.len();
                self.text.push_str(text);
                self.strings.insert(text.to_string(), start);
                start
            }
        };
        let start = u32::try_from(start).expect("the snapshot's text is under 4 GB");
        self.bytes.extend_from_slice(&start.to_le_bytes());
        self.varint(text.len() as u64);
    }

    /// Items of `N` numbers under 2^32, four bytes each, read back at once by
    /// [`Reader::words`] (arrays of the name index, thousands of numbers).
    pub(super) fn words<const N: usize>(&mut self, items: impl ExactSizeIterator<Item = [u32; N]>) {
        self.varint(items.len() as u64);
        for item in items {
            for word in item {
                self.bytes.extend_from_slice(&word.to_le_bytes());
            }
        }
    }
}

pub(super) struct Reader<'a> {
    text: &'static str,
    bytes: &'a [u8],
    at: usize,
    /// The last date read, as written and as read: most dates repeat the one before (the
    /// `checked` date of each row of a file).
    last_date: Option<(u32, NaiveDate)>,
    /// The strings of every list.
    lists: &'static [Str],
}

impl Reader<'_> {
    #[inline]
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    /// Most numbers take one or two bytes (an entity's place): read inline, the rest out
    /// of line.
    #[inline]
    fn varint(&mut self) -> Option<u64> {
        match self.bytes.get(self.at..) {
            Some([byte, ..]) if *byte < 0x80 => {
                self.at += 1;
                Some(u64::from(*byte))
            }
            Some([low, high, ..]) if *high < 0x80 => {
                self.at += 2;
                Some(u64::from(low & 0x7f) | u64::from(*high) << 7)
            }
            _ => self.long_varint(),
        }
    }

    #[inline(never)]
    fn long_varint(&mut self) -> Option<u64> {
        let mut value = 0;
        let mut shift = 0;
        loop {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(value);
            }
            shift += 7;
            if shift > 63 {
                return None;
            }
        }
    }

    /// Four bytes, little-endian (string places and dates, which a varint would spread over
    /// three or four bytes read one at a time).
    #[inline]
    fn fixed(&mut self) -> Option<u32> {
        let bytes = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        Some(u32::from_le_bytes(bytes.try_into().ok()?))
    }

    #[inline]
    fn string(&mut self) -> Option<&'static str> {
        let start = usize::try_from(self.fixed()?).ok()?;
        let len = usize::try_from(self.varint()?).ok()?;
        self.text.get(start..start.checked_add(len)?)
    }

    /// What [`Writer::words`] wrote, each item made a `T` by `each`.
    pub(super) fn words<const N: usize, T>(
        &mut self,
        each: impl Fn([u32; N]) -> T,
    ) -> Option<Vec<T>> {
        let len = usize::try_from(self.varint()?).ok()?;
        let end = self.at.checked_add(len.checked_mul(4 * N)?)?;
        let bytes = self.bytes.get(self.at..end)?;
        self.at = end;
        // Exact-sized, with a loop of `N` the compiler unrolls.
        Some(
            bytes
                .chunks_exact(4 * N)
                .map(|item| {
                    let mut words = [0; N];
                    for (word, bytes) in words.iter_mut().zip(item.chunks_exact(4)) {
                        *word = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
                    }
                    each(words)
                })
                .collect(),
        )
    }

    /// A string that is not part of the tables (the name index's patterns).
    pub(super) fn text(&mut self) -> Option<&'static str> {
        self.string()
    }
}

/// A value the snapshot holds: written by `put`, read back by `take`.
pub(super) trait Snap: Sized {
    fn put(&self, out: &mut Writer);
    fn take(input: &mut Reader) -> Option<Self>;
}

impl Snap for bool {
    fn put(&self, out: &mut Writer) {
        out.bytes.push(u8::from(*self));
    }

    #[inline]
    fn take(input: &mut Reader) -> Option<bool> {
        match input.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Snap for u32 {
    fn put(&self, out: &mut Writer) {
        out.varint(u64::from(*self));
    }

    #[inline]
    fn take(input: &mut Reader) -> Option<u32> {
        u32::try_from(input.varint()?).ok()
    }
}

impl Snap for usize {
    fn put(&self, out: &mut Writer) {
        out.varint(*self as u64);
    }

    #[inline]
    fn take(input: &mut Reader) -> Option<usize> {
        usize::try_from(input.varint()?).ok()
    }
}

impl Snap for Str {
    fn put(&self, out: &mut Writer) {
        out.string(self);
    }

    #[inline]
    fn take(input: &mut Reader) -> Option<Str> {
        input.string().map(Str::borrowed)
    }
}

/// A list, as a stretch of the list of every list's strings: its length and, unless it is
/// empty, where it starts.
impl Snap for Strs {
    fn put(&self, out: &mut Writer) {
        std::mem::swap(&mut out.bytes, &mut out.lists);
        for item in self.iter() {
            out.string(item);
        }
        std::mem::swap(&mut out.bytes, &mut out.lists);
        // Most lists are empty: their length alone.
        out.varint(self.len() as u64);
        if !self.is_empty() {
            out.varint(out.list_items as u64);
            out.list_items += self.len();
        }
    }

    #[inline]
    fn take(input: &mut Reader) -> Option<Strs> {
        let len = usize::take(input)?;
        if len == 0 {
            return Some(Strs::default());
        }
        let start = usize::take(input)?;
        let lists = input.lists;
        lists
            .get(start..start.checked_add(len)?)
            .map(Strs::borrowed)
    }
}

impl<T: Snap> Snap for Option<T> {
    fn put(&self, out: &mut Writer) {
        match self {
            None => out.bytes.push(0),
            Some(value) => {
                out.bytes.push(1);
                value.put(out);
            }
        }
    }

    #[inline]
    fn take(input: &mut Reader) -> Option<Option<T>> {
        match input.byte()? {
            0 => Some(None),
            1 => T::take(input).map(Some),
            _ => None,
        }
    }
}

impl<T: Snap> Snap for Vec<T> {
    fn put(&self, out: &mut Writer) {
        self.len().put(out);
        for item in self {
            item.put(out);
        }
    }

    fn take(input: &mut Reader) -> Option<Vec<T>> {
        let len = usize::take(input)?;
        // Each item takes at least a byte: a length past the end is not a snapshot.
        if len > input.bytes.len() - input.at {
            return None;
        }
        let mut items = Vec::with_capacity(len);
        for _ in 0..len {
            items.push(T::take(input)?);
        }
        Some(items)
    }
}

/// A date as its year and day of the year, `year << 9 | ordinal` in four bytes: the cheapest
/// form to make a `NaiveDate` from.
impl Snap for NaiveDate {
    fn put(&self, out: &mut Writer) {
        let packed = (self.year() << 9) | self.ordinal() as i32;
        out.bytes.extend_from_slice(&packed.to_le_bytes());
    }

    #[inline]
    fn take(input: &mut Reader) -> Option<NaiveDate> {
        let packed = input.fixed()?;
        if let Some((last, date)) = input.last_date {
            if last == packed {
                return Some(date);
            }
        }
        let date = NaiveDate::from_yo_opt((packed as i32) >> 9, packed & 0x1ff)?;
        input.last_date = Some((packed, date));
        Some(date)
    }
}

/// An enum without data, as its variant's place.
macro_rules! snap_enum {
    ($name:ident: $($variant:ident),+) => {
        impl Snap for $name {
            fn put(&self, out: &mut Writer) {
                let variants = [$($name::$variant),+];
                let tag = variants.iter().position(|v| v == self).expect("listed variants");
                out.bytes.push(tag as u8);
            }

            fn take(input: &mut Reader) -> Option<$name> {
                [$($name::$variant),+].get(usize::from(input.byte()?)).copied()
            }
        }
    };
}

snap_enum!(Precision: Year, Month, Day);
snap_enum!(EntityKind: Organisation, Country, Place, Person);
snap_enum!(TermKind: Regular, Acting, Interim);
snap_enum!(CapitalRole: Capital, SeatOfGovernment, EconomicCapital);

/// A struct, field by field. Every field must be listed: `take` builds the struct with them,
/// so a field added to a table and left out here does not compile.
macro_rules! snap_struct {
    ($name:ident { $($field:ident),+ $(,)? }) => {
        impl Snap for $name {
            fn put(&self, out: &mut Writer) {
                $(self.$field.put(out);)+
            }

            fn take(input: &mut Reader) -> Option<$name> {
                Some($name { $($field: Snap::take(input)?),+ })
            }
        }
    };
}

impl Snap for FactDate {
    fn put(&self, out: &mut Writer) {
        self.0.put(out);
        self.1.put(out);
    }

    fn take(input: &mut Reader) -> Option<FactDate> {
        Some(FactDate(Snap::take(input)?, Snap::take(input)?))
    }
}

snap_struct!(Provenance {
    source,
    note,
    uncertain,
    checked
});
snap_struct!(Interval {
    from,
    until,
    from_precision,
    until_precision
});
snap_struct!(Entity {
    id,
    kind,
    name,
    wikidata,
    aliases,
    adjectives,
    demonyms,
    ambiguous,
    generic,
    born,
    died,
    provenance
});
snap_struct!(Alias {
    entity,
    name,
    kind,
    lang,
    valid,
    contextual,
    provenance
});
snap_struct!(MemberCount {
    entity,
    value,
    valid,
    provenance
});
snap_struct!(Membership {
    organisation,
    member,
    valid,
    event,
    provenance
});
snap_struct!(AccessionStep {
    organisation,
    candidate,
    step,
    by,
    date,
    provenance
});
snap_struct!(Office {
    id,
    name,
    of,
    title,
    titles,
    wikidata,
    provenance
});
snap_struct!(Term {
    office,
    holder,
    kind,
    valid,
    concurrent,
    provenance
});
snap_struct!(Capital {
    country,
    city,
    aliases,
    role,
    wikidata,
    valid,
    provenance
});
snap_struct!(Event {
    id,
    name,
    kind,
    start,
    end,
    venue,
    city,
    country,
    facts
});
snap_struct!(EventFact {
    property,
    value,
    provenance
});
snap_struct!(Tables {
    entities,
    aliases,
    member_counts,
    memberships,
    accession_steps,
    offices,
    terms,
    capitals,
    events,
    entity_ids
});
