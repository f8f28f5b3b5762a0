//! Building a fact base's tables from parsed fact files: ids resolved, layers applied (a
//! later layer replaces what earlier ones say about the same thing), and every problem
//! (`until` not after `from`, overlapping terms or counts, dangling references, an empty
//! `source`) found, each pointing into its file. No dependency beyond `file.rs` and
//! `tables.rs`: the build script builds the embedded base with it too.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::file::{Date, EntityKind, Precision, RawEntity, RawFile, TermKind, Text};
use super::tables::{
    AccessionStep, Alias, Capital, Entity, EntityId, Event, EventFact, Interval, MemberCount,
    Membership, Office, OfficeId, Provenance, Str, Tables, Term,
};

/// A parsed fact file and its layer: 0 is the embedded defaults, then each user folder in
/// order.
pub struct Input {
    pub layer: usize,
    pub raw: RawFile,
}

/// A problem in file `file` (an index into the inputs) at `span`.
#[derive(Debug)]
pub struct Problem {
    pub file: usize,
    pub span: Range<usize>,
    pub message: String,
}

/// The tables of `files`, or every problem found in them. The files' entities and offices
/// move into the tables (nothing is copied twice); the rest is left in place.
pub fn build(files: &mut [Input]) -> Result<Tables, Vec<Problem>> {
    let mut builder = Builder {
        base: Tables::default(),
        ids: Vec::new(),
        sorted_ids: 0,
        problems: Vec::new(),
    };
    builder.definitions(files);
    builder.values(files);
    if !builder.problems.is_empty() {
        return Err(builder.problems);
    }
    let mut base = builder.base;
    let mut ids: Vec<EntityId> = (0..base.entities.len()).collect();
    ids.sort_unstable_by(|&a, &b| base.entities[a].id.cmp(&base.entities[b].id));
    base.entity_ids = ids.into();
    Ok(base)
}

/// What the ids in the files refer to.
#[derive(Clone, Copy)]
enum Target {
    Entity(EntityId, EntityKind),
    Office(OfficeId),
}

struct Builder {
    base: Tables,
    /// What each id refers to (the definition that counts), sorted by the id its row in
    /// `base` holds up to `sorted_ids`, then in the order defined: no id is copied into a map
    /// (a newsroom's file defines a hundred thousand).
    ids: Vec<Target>,
    sorted_ids: usize,
    problems: Vec<Problem>,
}

fn interval(from: &Option<Date>, until: &Option<Date>) -> Interval {
    Interval::between(
        from.as_ref().map(|d| *d.get_ref()),
        until.as_ref().map(|d| *d.get_ref()),
    )
}

impl Builder {
    /// The id of a definition in the tables.
    fn id_of(&self, target: Target) -> &str {
        match target {
            Target::Entity(entity, _) => &self.base.entities[entity].id,
            Target::Office(office) => &self.base.offices[office].id,
        }
    }

    /// Sort every definition so far by its id.
    fn sort_ids(&mut self) {
        let mut ids = std::mem::take(&mut self.ids);
        ids.sort_unstable_by(|&a, &b| self.id_of(a).cmp(self.id_of(b)));
        self.sorted_ids = ids.len();
        self.ids = ids;
    }

    /// What `id` refers to: a sorted definition, else one made since the last sort.
    fn target(&self, id: &str) -> Option<Target> {
        let sorted = &self.ids[..self.sorted_ids];
        match sorted.binary_search_by(|&target| self.id_of(target).cmp(id)) {
            Ok(at) => Some(sorted[at]),
            Err(_) => self.ids[self.sorted_ids..]
                .iter()
                .copied()
                .find(|&target| self.id_of(target) == id),
        }
    }

    fn at(&mut self, file: usize, span: Range<usize>, message: String) {
        self.problems.push(Problem {
            file,
            span,
            message,
        });
    }

    fn provenance(
        &mut self,
        file: usize,
        checked: chrono::NaiveDate,
        source: &Text,
        note: &Option<String>,
        uncertain: bool,
    ) -> Provenance {
        self.check_source(file, source);
        Provenance {
            source: source.get_ref().clone().into(),
            note: note.clone().filter(|n| !n.is_empty()).map(Str::from),
            uncertain,
            checked,
        }
    }

    /// [`Builder::provenance`] of a definition whose parsed row is freed right after: its
    /// texts move into the fact base rather than being copied.
    fn moved_provenance(
        &mut self,
        file: usize,
        checked: chrono::NaiveDate,
        source: &mut Text,
        note: &mut Option<String>,
        uncertain: bool,
    ) -> Provenance {
        self.check_source(file, source);
        Provenance {
            source: std::mem::take(source.get_mut()).into(),
            note: note.take().filter(|n| !n.is_empty()).map(Str::from),
            uncertain,
            checked,
        }
    }

    fn check_source(&mut self, file: usize, source: &Text) {
        if source.get_ref().trim().is_empty() {
            self.at(
                file,
                source.span(),
                "`source` is empty: every fact needs one".into(),
            );
        }
    }

    /// Which definition of each id counts: a later layer replaces an earlier one; one layer
    /// may not define an id twice. For each file, a flag per entity and then per office.
    fn choose_definitions(&mut self, parsed: &[Input]) -> Vec<Vec<bool>> {
        let definitions: usize = parsed
            .iter()
            .map(|p| p.raw.entity.len() + p.raw.office.len())
            .sum();
        // Each id's definition that counts so far: its layer, file and position.
        let mut chosen: FxHashMap<&str, (usize, usize, usize)> =
            FxHashMap::with_capacity_and_hasher(definitions, Default::default());
        for (file, p) in parsed.iter().enumerate() {
            let ids = p
                .raw
                .entity
                .iter()
                .map(|e| &e.id)
                .chain(p.raw.office.iter().map(|o| &o.id));
            for (position, id) in ids.enumerate() {
                let layer = p.layer;
                if chosen
                    .get(id.get_ref().as_str())
                    .is_some_and(|&(earlier, _, _)| earlier == layer)
                {
                    self.at(
                        file,
                        id.span(),
                        format!("`{}` is defined twice", id.get_ref()),
                    );
                    continue;
                }
                chosen.insert(id.get_ref(), (layer, file, position));
            }
        }
        let mut flags: Vec<Vec<bool>> = parsed
            .iter()
            .map(|p| vec![false; p.raw.entity.len() + p.raw.office.len()])
            .collect();
        for (_, file, position) in chosen.into_values() {
            flags[file][position] = true;
        }
        flags
    }

    /// Entities, then offices (they refer to entities). Their names and lists move from the
    /// parsed files into the fact base, and the parsed entities and offices are freed after:
    /// nothing later reads them, and on a newsroom's long file they are the largest part.
    fn definitions(&mut self, parsed: &mut [Input]) {
        let chosen = self.choose_definitions(parsed);
        // Sized once: a newsroom's file of people in office holds a hundred thousand.
        let entities = parsed.iter().map(|p| p.raw.entity.len()).sum();
        let offices = parsed.iter().map(|p| p.raw.office.len()).sum();
        self.base.entities.to_mut().reserve_exact(entities);
        self.ids.reserve_exact(entities + offices);
        // Where each file's offices start among its flags: its entities are freed below.
        let entity_counts: Vec<usize> = parsed.iter().map(|p| p.raw.entity.len()).collect();
        for (file, p) in parsed.iter_mut().enumerate() {
            let checked = p.raw.checked.get_ref().0;
            for (position, raw) in p.raw.entity.iter_mut().enumerate() {
                if !chosen[file][position] {
                    continue;
                }
                for form in &raw.ambiguous {
                    let known = *form.get_ref() == raw.name
                        || raw.aliases.contains(form.get_ref())
                        || raw.adjectives.contains(form.get_ref())
                        || raw.demonyms.contains(form.get_ref());
                    if !known {
                        self.at(
                            file,
                            form.span(),
                            format!(
                                "`{}` is not a name, alias, adjective or demonym of `{}`",
                                form.get_ref(),
                                raw.id.get_ref()
                            ),
                        );
                    }
                }
                self.check_life(file, raw);
                self.ids
                    .push(Target::Entity(self.base.entities.len(), raw.kind));
                let provenance = self.moved_provenance(
                    file,
                    checked,
                    &mut raw.source,
                    &mut raw.note,
                    raw.uncertain,
                );
                self.base.entities.push(Entity {
                    id: std::mem::take(raw.id.get_mut()).into(),
                    kind: raw.kind,
                    name: std::mem::take(&mut raw.name).into(),
                    wikidata: raw.wikidata.take().map(Str::from),
                    aliases: std::mem::take(&mut raw.aliases).into(),
                    adjectives: std::mem::take(&mut raw.adjectives).into(),
                    demonyms: std::mem::take(&mut raw.demonyms).into(),
                    ambiguous: raw
                        .ambiguous
                        .iter()
                        .map(|a| a.get_ref().clone())
                        .collect::<Vec<String>>()
                        .into(),
                    generic: std::mem::take(&mut raw.generic).into(),
                    born: raw.born.as_ref().map(|d| *d.get_ref()),
                    died: raw.died.as_ref().map(|d| *d.get_ref()),
                    provenance,
                });
            }
            // Moved into the fact base: the rest of the parsed entities is not read again.
            p.raw.entity = Vec::new();
        }
        self.sort_ids();
        // Sized once too, in the room the parsed entities left.
        self.base.offices.to_mut().reserve_exact(offices);
        for (file, p) in parsed.iter_mut().enumerate() {
            let checked = p.raw.checked.get_ref().0;
            let entities = entity_counts[file];
            for (position, raw) in p.raw.office.iter_mut().enumerate() {
                if !chosen[file][entities + position] {
                    continue;
                }
                let Some(of) = self.entity_ref(
                    file,
                    &raw.of,
                    &[EntityKind::Organisation, EntityKind::Country],
                ) else {
                    continue;
                };
                self.ids.push(Target::Office(self.base.offices.len()));
                let provenance =
                    self.moved_provenance(file, checked, &mut raw.source, &mut raw.note, false);
                self.base.offices.push(Office {
                    id: std::mem::take(raw.id.get_mut()).into(),
                    name: std::mem::take(&mut raw.name).into(),
                    of,
                    title: std::mem::take(&mut raw.title).into(),
                    titles: std::mem::take(&mut raw.titles).into(),
                    wikidata: raw.wikidata.take().map(Str::from),
                    provenance,
                });
            }
        }
        for p in parsed {
            p.raw.office = Vec::new();
        }
        self.sort_ids();
    }

    fn entity_ref(&mut self, file: usize, id: &Text, kinds: &[EntityKind]) -> Option<EntityId> {
        match self.target(id.get_ref()) {
            Some(Target::Entity(entity, kind)) if kinds.contains(&kind) => Some(entity),
            Some(Target::Entity(_, kind)) => {
                let wanted: Vec<String> = kinds
                    .iter()
                    .map(|k| format!("{k:?}").to_lowercase())
                    .collect();
                self.at(
                    file,
                    id.span(),
                    format!(
                        "`{}` is a {}, expected a {}",
                        id.get_ref(),
                        format!("{kind:?}").to_lowercase(),
                        wanted.join(" or ")
                    ),
                );
                None
            }
            Some(Target::Office(_)) => {
                self.at(
                    file,
                    id.span(),
                    format!("`{}` is an office, expected an entity", id.get_ref()),
                );
                None
            }
            None => {
                self.at(
                    file,
                    id.span(),
                    format!("unknown id `{}`: no [[entity]] defines it", id.get_ref()),
                );
                None
            }
        }
    }

    fn office_ref(&mut self, file: usize, id: &Text) -> Option<OfficeId> {
        match self.target(id.get_ref()) {
            Some(Target::Office(office)) => Some(office),
            _ => {
                self.at(
                    file,
                    id.span(),
                    format!(
                        "unknown office `{}`: no [[office]] defines it",
                        id.get_ref()
                    ),
                );
                None
            }
        }
    }

    /// `born` and `died` belong to people, and a person dies after being born.
    fn check_life(&mut self, file: usize, raw: &RawEntity) {
        for date in raw.born.iter().chain(&raw.died) {
            if raw.kind != EntityKind::Person {
                self.at(
                    file,
                    date.span(),
                    format!(
                        "`born` and `died` are for people; `{}` is not a person",
                        raw.id.get_ref()
                    ),
                );
                return;
            }
        }
        if let (Some(born), Some(died)) = (&raw.born, &raw.died) {
            if died.get_ref() < born.get_ref() {
                self.at(
                    file,
                    died.span(),
                    format!(
                        "`died` ({}) is before `born` ({})",
                        died.get_ref(),
                        born.get_ref()
                    ),
                );
            }
        }
    }

    /// `until` must come after `from`.
    fn check_interval(&mut self, file: usize, from: &Option<Date>, until: &Option<Date>) {
        if let (Some(from), Some(until)) = (from, until) {
            if until.get_ref() <= from.get_ref() {
                self.at(
                    file,
                    until.span(),
                    format!(
                        "`until` ({}) is not after `from` ({}); intervals are [from, until)",
                        until.get_ref(),
                        from.get_ref()
                    ),
                );
            }
        }
    }

    /// Dates that name one day (a file's check date, an event, an accession step) may not be
    /// a bare month or year.
    fn check_day(&mut self, file: usize, date: &Date, what: &str) {
        if date.get_ref().1 != Precision::Day {
            self.at(
                file,
                date.span(),
                format!("`{what}` must be a full date (YYYY-MM-DD)"),
            );
        }
    }

    fn values(&mut self, parsed: &[Input]) {
        let winners = Winners::of(parsed);
        self.base
            .terms
            .to_mut()
            .reserve_exact(parsed.iter().map(|p| p.raw.term.len()).sum());
        // Spans of the `from` of each kept term and count, for overlap errors.
        let mut term_spans = Vec::new();
        let mut count_spans = Vec::new();
        for (file, p) in parsed.iter().enumerate() {
            let checked = p.raw.checked.get_ref().0;
            self.check_day(file, &p.raw.checked, "checked");
            let layer = p.layer;
            for raw in &p.raw.alias {
                self.check_interval(file, &raw.from, &raw.until);
                let Some(entity) = self.entity_ref(file, &raw.entity, &ALL_KINDS) else {
                    continue;
                };
                let provenance =
                    self.provenance(file, checked, &raw.source, &raw.note, raw.uncertain);
                self.base.aliases.push(Alias {
                    entity,
                    name: raw.name.clone().into(),
                    kind: raw.kind.clone().map(Str::from),
                    lang: raw.lang.clone().map(Str::from),
                    valid: interval(&raw.from, &raw.until),
                    contextual: raw.contextual,
                    provenance,
                });
            }
            for raw in &p.raw.member_count {
                self.check_interval(file, &raw.from, &raw.until);
                if !winners.wins("member-count", raw.entity.get_ref(), layer) {
                    continue;
                }
                let Some(entity) = self.entity_ref(file, &raw.entity, &[EntityKind::Organisation])
                else {
                    continue;
                };
                let provenance =
                    self.provenance(file, checked, &raw.source, &raw.note, raw.uncertain);
                count_spans.push((
                    file,
                    raw.from.as_ref().map_or(raw.entity.span(), |f| f.span()),
                ));
                self.base.member_counts.push(MemberCount {
                    entity,
                    value: raw.value,
                    valid: interval(&raw.from, &raw.until),
                    provenance,
                });
            }
            for raw in &p.raw.membership {
                self.check_interval(file, &raw.from, &raw.until);
                if !winners.wins("membership", raw.organisation.get_ref(), layer) {
                    continue;
                }
                let organisation =
                    self.entity_ref(file, &raw.organisation, &[EntityKind::Organisation]);
                // The EU and the African Union are members of the G20.
                let member = self.entity_ref(
                    file,
                    &raw.member,
                    &[EntityKind::Country, EntityKind::Organisation],
                );
                let (Some(organisation), Some(member)) = (organisation, member) else {
                    continue;
                };
                let provenance =
                    self.provenance(file, checked, &raw.source, &raw.note, raw.uncertain);
                self.base.memberships.push(Membership {
                    organisation,
                    member,
                    valid: interval(&raw.from, &raw.until),
                    event: raw.event.clone().map(Str::from),
                    provenance,
                });
            }
            for raw in &p.raw.accession_step {
                self.check_day(file, &raw.date, "date");
                let organisation =
                    self.entity_ref(file, &raw.organisation, &[EntityKind::Organisation]);
                let candidate = self.entity_ref(file, &raw.candidate, &[EntityKind::Country]);
                let by = match &raw.by {
                    Some(by) => match self.entity_ref(file, by, &ALL_KINDS) {
                        Some(by) => Some(by),
                        None => continue,
                    },
                    None => None,
                };
                let (Some(organisation), Some(candidate)) = (organisation, candidate) else {
                    continue;
                };
                let provenance =
                    self.provenance(file, checked, &raw.source, &raw.note, raw.uncertain);
                self.base.accession_steps.push(AccessionStep {
                    organisation,
                    candidate,
                    step: raw.step.clone().into(),
                    by,
                    date: raw.date.get_ref().0,
                    provenance,
                });
            }
            for raw in &p.raw.term {
                let until = raw.until.clone();
                self.check_interval(file, &Some(raw.from.clone()), &until);
                if !winners.wins("term", raw.office.get_ref(), layer) {
                    continue;
                }
                let office = self.office_ref(file, &raw.office);
                let holder = self.entity_ref(file, &raw.holder, &[EntityKind::Person]);
                let (Some(office), Some(holder)) = (office, holder) else {
                    continue;
                };
                let provenance =
                    self.provenance(file, checked, &raw.source, &raw.note, raw.uncertain);
                term_spans.push((file, raw.from.span()));
                self.base.terms.push(Term {
                    office,
                    holder,
                    kind: raw.kind,
                    valid: interval(&Some(raw.from.clone()), &raw.until),
                    concurrent: raw.concurrent,
                    provenance,
                });
            }
            for raw in &p.raw.capital {
                self.check_interval(file, &raw.from, &raw.until);
                if !winners.wins("capital", raw.country.get_ref(), layer) {
                    continue;
                }
                let Some(country) = self.entity_ref(file, &raw.country, &[EntityKind::Country])
                else {
                    continue;
                };
                let provenance =
                    self.provenance(file, checked, &raw.source, &raw.note, raw.uncertain);
                self.base.capitals.push(Capital {
                    country,
                    city: raw.city.clone().into(),
                    aliases: raw.aliases.clone().into(),
                    role: raw.role,
                    wikidata: raw.wikidata.clone().map(Str::from),
                    valid: interval(&raw.from, &raw.until),
                    provenance,
                });
            }
            for raw in &p.raw.event {
                self.check_day(file, &raw.start, "start");
                if let Some(end) = &raw.end {
                    self.check_day(file, end, "end");
                }
                // An event's `end` is its last day (a one-day event ends where it starts).
                if let Some(end) = raw
                    .end
                    .as_ref()
                    .filter(|end| end.get_ref() < raw.start.get_ref())
                {
                    self.at(
                        file,
                        end.span(),
                        format!(
                            "`end` ({}) is before `start` ({})",
                            end.get_ref().0,
                            raw.start.get_ref().0
                        ),
                    );
                }
                let country = match &raw.country {
                    Some(country) => self.entity_ref(file, country, &[EntityKind::Country]),
                    None => None,
                };
                let facts = raw
                    .fact
                    .iter()
                    .map(|fact| EventFact {
                        property: fact.property.clone().into(),
                        value: fact.value.clone().into(),
                        provenance: self.provenance(
                            file,
                            checked,
                            &fact.source,
                            &fact.note,
                            fact.uncertain,
                        ),
                    })
                    .collect();
                self.base.events.push(Event {
                    id: raw.id.get_ref().clone().into(),
                    name: raw.name.clone().into(),
                    kind: raw.kind.clone().map(Str::from),
                    start: raw.start.get_ref().0,
                    end: raw.end.as_ref().map(|d| d.get_ref().0),
                    venue: raw.venue.clone().map(Str::from),
                    city: raw.city.clone().map(Str::from),
                    country,
                    facts,
                });
            }
        }
        self.check_overlaps(&term_spans, &count_spans);
    }

    /// Two regular terms of one office may not overlap, nor two acting or interim ones (an
    /// interim may serve during a regular holder's suspension); one entity has one member
    /// count at a time.
    fn check_overlaps(
        &mut self,
        term_spans: &[(usize, std::ops::Range<usize>)],
        count_spans: &[(usize, std::ops::Range<usize>)],
    ) {
        let base = &self.base;
        let mut problems = Vec::new();
        let mut by_office: FxHashMap<(OfficeId, bool), Vec<usize>> = FxHashMap::default();
        for (index, term) in base.terms.iter().enumerate() {
            let regular = term.kind == TermKind::Regular;
            by_office
                .entry((term.office, regular))
                .or_default()
                .push(index);
        }
        for sorted in by_office.values_mut() {
            sorted.sort_by_key(|&i| base.terms[i].valid.from);
            for pair in sorted.windows(2) {
                let (a, b) = (&base.terms[pair[0]], &base.terms[pair[1]]);
                if a.valid.overlaps(b.valid) && !a.concurrent && !b.concurrent {
                    problems.push((
                        term_spans[pair[1]].clone(),
                        format!(
                            "this term of {} as {} overlaps the term of {} ({})",
                            base.entities[b.holder].name,
                            base.offices[b.office].name,
                            base.entities[a.holder].name,
                            a.valid
                        ),
                    ));
                }
            }
        }
        let mut by_entity: FxHashMap<EntityId, Vec<usize>> = FxHashMap::default();
        for (index, count) in base.member_counts.iter().enumerate() {
            by_entity.entry(count.entity).or_default().push(index);
        }
        for sorted in by_entity.values_mut() {
            sorted.sort_by_key(|&i| base.member_counts[i].valid.from);
            for pair in sorted.windows(2) {
                let (a, b) = (&base.member_counts[pair[0]], &base.member_counts[pair[1]]);
                if a.valid.overlaps(b.valid) {
                    problems.push((
                        count_spans[pair[1]].clone(),
                        format!(
                            "this member count of {} ({}, {}) overlaps another ({}, {})",
                            base.entities[b.entity].name, b.value, b.valid, a.value, a.valid
                        ),
                    ));
                }
            }
        }
        problems.sort_by_key(|((file, span), _)| (*file, span.start));
        for ((file, span), message) in problems {
            self.at(file, span, message);
        }
    }
}

const ALL_KINDS: [EntityKind; 4] = [
    EntityKind::Organisation,
    EntityKind::Country,
    EntityKind::Place,
    EntityKind::Person,
];

/// For each (table, subject), the latest layer that gives any value: its values replace the
/// earlier layers' ("our folder says what NATO's member count was"). Keys borrow the parsed
/// files, so noting and asking allocate nothing.
struct Winners<'p>(FxHashMap<(&'static str, &'p str), usize>);

impl<'p> Winners<'p> {
    fn of(parsed: &'p [Input]) -> Winners<'p> {
        let mut map: FxHashMap<(&'static str, &'p str), usize> = FxHashMap::default();
        if parsed.iter().all(|p| p.layer == 0) {
            return Winners(map); // one layer: nothing replaces anything
        }
        let mut note = |table: &'static str, subject: &'p str, layer: usize| {
            let entry = map.entry((table, subject)).or_insert(layer);
            *entry = (*entry).max(layer);
        };
        for p in parsed {
            let layer = p.layer;
            for raw in &p.raw.member_count {
                note("member-count", raw.entity.get_ref(), layer);
            }
            for raw in &p.raw.membership {
                note("membership", raw.organisation.get_ref(), layer);
            }
            for raw in &p.raw.term {
                note("term", raw.office.get_ref(), layer);
            }
            for raw in &p.raw.capital {
                note("capital", raw.country.get_ref(), layer);
            }
        }
        Winners(map)
    }

    fn wins(&self, table: &'static str, subject: &str, layer: usize) -> bool {
        if self.0.is_empty() {
            return true;
        }
        self.0
            .get(&(table, subject))
            .is_none_or(|&latest| latest == layer)
    }
}
