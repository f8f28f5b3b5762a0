//! Writes the embedded fact base (its tables and name index, built and checked by the build
//! script) as Rust source of static data, which `src/facts/embedded.rs` includes: start-up
//! then decodes nothing.
//!
//! Two outputs: every distinct string of the tables, one after another (`facts.text`), and
//! the source (`facts.rs`). A string is written as its place and length in the text
//! (`s(start, len)`) and a list of strings as a stretch of one static array of every list's
//! strings (`l(start, len)`), not as a `&'static str` or slice: in a position-independent
//! binary each pointer in static data is a relocation the loader patches at start-up. Each
//! table is a static array of its rows; the few pointers left are an event's facts.

use std::collections::HashMap;
use std::fmt::Write;

use chrono::Datelike;
use chrono::NaiveDate;

use crate::file::{CapitalRole, EntityKind, FactDate, Precision, TermKind};
use crate::names::{FirstWord, Group, KeyTable, Lexicon, NameIndex, NameTarget, Patterns};
use crate::tables::{
    AccessionStep, Alias, Capital, Entity, Event, EventFact, Interval, MemberCount, Membership,
    Office, Provenance, Rows, Str, Strs, Tables, Term,
};
use crate::values::Held;

/// The tables and name index as `(text, source)`.
pub fn write(tables: &Tables, names: &NameIndex) -> (String, String) {
    let mut out = Emitter::default();
    tables.emit(&mut out);
    let tables_expr = std::mem::take(&mut out.code);
    names.emit(&mut out);
    let names_expr = std::mem::take(&mut out.code);
    let mut source = String::from("// Written by build.rs (build/embedded_facts.rs).\n");
    let _ = writeln!(
        source,
        "pub(super) static LISTS: [Str; {}] = [",
        out.lists.len()
    );
    for item in &out.lists {
        let _ = writeln!(source, "{item},");
    }
    source.push_str("];\n");
    source.push_str(&out.statics);
    let _ = writeln!(
        source,
        "pub(super) fn tables() -> Tables {{\n{tables_expr}\n}}"
    );
    let _ = writeln!(
        source,
        "pub(super) fn names() -> NameIndex {{\n{names_expr}\n}}"
    );
    (out.text, source)
}

#[derive(Default)]
struct Emitter {
    /// The expression being written.
    code: String,
    /// Every distinct string, and where each starts in it.
    text: String,
    strings: HashMap<String, u32>,
    /// The strings of every list, as expressions.
    lists: Vec<String>,
    /// The static arrays written so far.
    statics: String,
    static_count: usize,
}

impl Emitter {
    fn string(&mut self, text: &str) -> (u32, u32) {
        let start = match self.strings.get(text) {
            Some(&start) => start,
            None => {
                let start = u32::try_from(self.text.len()).expect("the text is under 4 GB");
                self.text.push_str(text);
                self.strings.insert(text.to_string(), start);
                start
            }
        };
        (
            start,
            u32::try_from(text.len()).expect("a string is under 4 GB"),
        )
    }
}

/// A value written as a Rust expression; `TYPE` names its type for the static arrays.
trait Emit {
    const TYPE: &'static str;
    fn emit(&self, out: &mut Emitter);
}

macro_rules! emit_number {
    ($($name:ident),+) => {$(
        impl Emit for $name {
            const TYPE: &'static str = stringify!($name);
            fn emit(&self, out: &mut Emitter) {
                let _ = write!(out.code, "{self}");
            }
        }
    )+};
}

emit_number!(u32, u64, usize, bool);

/// An enum without data, as its variant.
macro_rules! emit_enum {
    ($($name:ident),+) => {$(
        impl Emit for $name {
            const TYPE: &'static str = stringify!($name);
            fn emit(&self, out: &mut Emitter) {
                let _ = write!(out.code, "{}::{self:?}", stringify!($name));
            }
        }
    )+};
}

emit_enum!(Precision, EntityKind, TermKind, CapitalRole);

/// A struct, field by field. Every field must be listed: the struct is taken apart with
/// them, so a field added to a table and left out here does not compile.
macro_rules! emit_struct {
    ($name:ident { $($field:ident),+ $(,)? }) => {
        impl Emit for $name {
            const TYPE: &'static str = stringify!($name);
            fn emit(&self, out: &mut Emitter) {
                let $name { $($field),+ } = self;
                out.code.push_str(concat!(stringify!($name), " {"));
                $(
                    out.code.push_str(concat!(stringify!($field), ": "));
                    $field.emit(out);
                    out.code.push_str(", ");
                )+
                out.code.push('}');
            }
        }
    };
}

impl Emit for Str {
    const TYPE: &'static str = "Str";
    fn emit(&self, out: &mut Emitter) {
        let (start, len) = out.string(self);
        let _ = write!(out.code, "s({start}, {len})");
    }
}

impl Emit for Strs {
    const TYPE: &'static str = "Strs";
    fn emit(&self, out: &mut Emitter) {
        let start = out.lists.len();
        for item in self.iter() {
            let (at, len) = out.string(item);
            out.lists.push(format!("s({at}, {len})"));
        }
        let _ = write!(out.code, "l({start}, {})", self.len());
    }
}

impl<T: Emit> Emit for Option<T> {
    const TYPE: &'static str = "Option";
    fn emit(&self, out: &mut Emitter) {
        match self {
            None => out.code.push_str("None"),
            Some(value) => {
                out.code.push_str("Some(");
                value.emit(out);
                out.code.push(')');
            }
        }
    }
}

impl Emit for (u32, u32) {
    const TYPE: &'static str = "(u32, u32)";
    fn emit(&self, out: &mut Emitter) {
        let _ = write!(out.code, "({}, {})", self.0, self.1);
    }
}

/// A date as its year and day of the year, made at compile time.
impl Emit for NaiveDate {
    const TYPE: &'static str = "NaiveDate";
    fn emit(&self, out: &mut Emitter) {
        let _ = write!(out.code, "d({}, {})", self.year(), self.ordinal());
    }
}

impl Emit for FactDate {
    const TYPE: &'static str = "FactDate";
    fn emit(&self, out: &mut Emitter) {
        out.code.push_str("FactDate(");
        self.0.emit(out);
        out.code.push_str(", ");
        self.1.emit(out);
        out.code.push(')');
    }
}

/// Rows as a static array of their own, one row a line.
impl<T: Emit> Emit for Rows<T> {
    const TYPE: &'static str = "Rows";
    fn emit(&self, out: &mut Emitter) {
        out.static_array(self.iter(), "Rows::embedded");
    }
}

/// A table of 256 entries as a static array of its own.
impl<T: Emit> Emit for Held<[T; 256]> {
    const TYPE: &'static str = "Held";
    fn emit(&self, out: &mut Emitter) {
        out.static_array(self.iter(), "Held::embedded");
    }
}

impl Emitter {
    /// `items` as a static array of their own, one a line, referred to in the expression
    /// being written as `wrapper(&NAME)`.
    fn static_array<'a, T: Emit + 'a>(
        &mut self,
        items: impl ExactSizeIterator<Item = &'a T>,
        wrapper: &str,
    ) {
        let len = items.len();
        let outer = std::mem::take(&mut self.code);
        for item in items {
            item.emit(self);
            self.code.push_str(",\n");
        }
        let entries = std::mem::replace(&mut self.code, outer);
        let name = format!("R{}", self.static_count);
        self.static_count += 1;
        let _ = write!(
            self.statics,
            "static {name}: [{}; {len}] = [\n{entries}];\n",
            T::TYPE
        );
        let _ = write!(self.code, "{wrapper}(&{name})");
    }
}

emit_struct!(Provenance {
    source,
    note,
    uncertain,
    checked
});
emit_struct!(Interval {
    from,
    until,
    from_precision,
    until_precision
});
emit_struct!(Entity {
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
emit_struct!(Alias {
    entity,
    name,
    kind,
    lang,
    valid,
    contextual,
    provenance
});
emit_struct!(MemberCount {
    entity,
    value,
    valid,
    provenance
});
emit_struct!(Membership {
    organisation,
    member,
    valid,
    event,
    provenance
});
emit_struct!(AccessionStep {
    organisation,
    candidate,
    step,
    by,
    date,
    provenance
});
emit_struct!(Office {
    id,
    name,
    of,
    title,
    titles,
    wikidata,
    provenance
});
emit_struct!(Term {
    office,
    holder,
    kind,
    valid,
    concurrent,
    provenance
});
emit_struct!(Capital {
    country,
    city,
    aliases,
    role,
    wikidata,
    valid,
    provenance
});
emit_struct!(Event {
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
emit_struct!(EventFact {
    property,
    value,
    provenance
});
emit_struct!(Tables {
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

/// What a name may mean, as `t(entity, adjective, alias + 1, ambiguous)` or `c(capital)`.
impl Emit for NameTarget {
    const TYPE: &'static str = "NameTarget";
    fn emit(&self, out: &mut Emitter) {
        match *self {
            NameTarget::Entity {
                entity,
                form,
                alias,
                ambiguous,
            } => {
                let adjective = form == crate::names::NameForm::Adjective;
                let alias = alias.map_or(0, |alias| alias + 1);
                let _ = write!(out.code, "t({entity}, {adjective}, {alias}, {ambiguous})");
            }
            NameTarget::City { capital } => {
                let _ = write!(out.code, "c({capital})");
            }
        }
    }
}

emit_struct!(FirstWord {
    pattern,
    len,
    alone,
    longer
});
emit_struct!(KeyTable { slots });
emit_struct!(Lexicon {
    fold,
    table,
    words,
    longer,
    longer_lengths,
    word_lengths,
    longer_ends,
    word_ends,
    longer_pairs,
    start_pairs,
    odd,
    odd_bytes
});

/// Patterns with their lexicon, if it was built; a DFA is left to be built at run time.
impl Emit for Patterns {
    const TYPE: &'static str = "Patterns";
    fn emit(&self, out: &mut Emitter) {
        let Patterns {
            text,
            ends,
            ignore_case,
            lexicon,
            may_build_dfa,
            dfa: _,
            searched: _,
        } = self;
        let _ = write!(
            out.code,
            "Patterns {{ text: Cow::Borrowed({text:?}), ends: "
        );
        ends.emit(out);
        let _ = write!(
            out.code,
            ", ignore_case: {ignore_case}, may_build_dfa: {may_build_dfa}, lexicon: "
        );
        match lexicon.get() {
            None => out.code.push_str("OnceLock::new()"),
            Some(lexicon) => {
                out.code.push_str("OnceLock::from(");
                lexicon.emit(out);
                out.code.push(')');
            }
        }
        out.code.push_str(", ..Patterns::default() }");
    }
}

impl<T: Emit> Emit for Group<T> {
    const TYPE: &'static str = "Group";
    fn emit(&self, out: &mut Emitter) {
        let Group {
            names,
            targets,
            ends,
        } = self;
        out.code.push_str("Group { names: ");
        names.emit(out);
        out.code.push_str(", targets: ");
        targets.emit(out);
        out.code.push_str(", ends: ");
        ends.emit(out);
        out.code.push('}');
    }
}

impl Emit for NameIndex {
    const TYPE: &'static str = "NameIndex";
    fn emit(&self, out: &mut Emitter) {
        let NameIndex { groups, titles } = self;
        out.code.push_str("NameIndex { groups: [");
        for group in groups {
            group.emit(out);
            out.code.push_str(",\n");
        }
        out.code.push_str("], titles: ");
        titles.emit(out);
        out.code.push('}');
    }
}
