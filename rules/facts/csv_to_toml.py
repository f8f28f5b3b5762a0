#!/usr/bin/env python3
"""One-off converter: the CSV source tables (shared/facts/*.csv) -> rules/facts/*.toml.

The TOML files are the human-edited source of truth from then on; this script only records
how they were first made. It is not part of the build or the tests.

    python3 rules/facts/csv_to_toml.py PATH/TO/shared/facts rules/facts
"""

import csv
import re
import sys
import unicodedata
from collections import OrderedDict
from pathlib import Path

CHECKED = "2025-06-30"  # the tables were checked against sources up to mid-2025

ORGS = {"NATO": "org:nato", "EU": "org:eu", "UN": "org:un"}

# How articles refer to an organisation without naming it ("the alliance's 30 members").
GENERIC = {"org:nato": ["alliance"], "org:eu": ["bloc", "union"], "org:un": ["world body"]}

# Forms in demonyms.csv whose note starts "ambiguous:" (they often mean something else).
AMBIGUOUS = {
    "GE": ["Georgia", "Georgian"],
    "IE": ["Irish"],
    "MK": ["Macedonian"],
    "GN": ["Guinean"],
    "KP": [],
    "KR": [],
    "SD": ["Sudanese"],
    "DM": ["Dominican"],
    "DO": ["Dominican"],
    "CD": ["Congolese"],
    "CG": ["Congolese"],
}

# Capital rows that are not "the capital" (role column of the notes).
NOT_CAPITAL = {
    ("BJ", "Cotonou"): "seat-of-government",
    ("NL", "The Hague"): "seat-of-government",
    ("SD", "Port Sudan"): "seat-of-government",
    ("PS", "Ramallah"): "seat-of-government",
    ("TZ", "Dar es Salaam"): "economic-capital",
}


def slug(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qlist(items):
    return "[" + ", ".join(q(i) for i in items) + "]"


def split(cell):
    return [part.strip() for part in cell.split("|") if part.strip()]


def rows(folder, name):
    with open(folder / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


class Out:
    def __init__(self, title):
        self.lines = [f"# {title}", "# Converted from shared/facts/*.csv by csv_to_toml.py; edited by hand since.", "", f"checked = {CHECKED}", ""]

    def table(self, header, fields):
        self.lines.append(f"[[{header}]]")
        for key, value in fields:
            if value is None or value == "" or value == [] or value is False:
                continue
            if isinstance(value, bool):
                self.lines.append(f"{key} = true")
            elif isinstance(value, int):
                self.lines.append(f"{key} = {value}")
            elif isinstance(value, list):
                self.lines.append(f"{key} = {qlist(value)}")
            elif key in ("from", "until", "date", "start", "end") and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
                self.lines.append(f"{key} = {value}")
            else:
                self.lines.append(f"{key} = {q(value)}")
        self.lines.append("")

    def write(self, path):
        Path(path).write_text("\n".join(self.lines).rstrip() + "\n", encoding="utf-8")


def truthy(cell):
    return cell.strip().lower() == "true"


def main(src, dst):
    src, dst = Path(src), Path(dst)
    aliases = rows(src, "aliases.csv")

    # --- organisations, memberships, member counts, accession steps
    org = Out("Organisations: names, member counts, memberships, accession steps.")
    org_sources = {}
    for row in aliases:
        if row["entity_id"].startswith("org:") and row["alias_kind"] in ("abbreviation",):
            org_sources.setdefault(row["entity_id"], (row["alias"], row["wikidata"], row["source"]))
    names = {"org:nato": "NATO", "org:eu": "EU", "org:un": "UN"}
    for entity, name in names.items():
        _, wikidata, source = org_sources[entity]
        org.table("entity", [("id", entity), ("kind", "organisation"), ("name", name), ("wikidata", wikidata), ("generic", GENERIC[entity]), ("source", source)])
    for row in aliases:
        if row["entity_id"].startswith("org:") and row["alias"] != names[row["entity_id"]]:
            org.table("alias", alias_fields(row))
    seen = set()
    for table in ("org_member_counts.csv", "un_member_count.csv"):
        for row in rows(src, table):
            key = (row["org"], row["member_count"], row["valid_from"])
            if key in seen:
                continue  # un_member_count.csv repeats the UN rows of org_member_counts.csv
            seen.add(key)
            org.table("member-count", [("entity", ORGS[row["org"]]), ("value", int(row["member_count"])), ("from", row["valid_from"]), ("until", row["valid_to"]), ("uncertain", truthy(row["uncertain"])), ("note", row["note"]), ("source", row["source"])])
    for table, entity in (("nato_members.csv", "org:nato"), ("eu_members.csv", "org:eu")):
        for row in rows(src, table):
            org.table("membership", [("organisation", entity), ("member", "country:" + row["iso2"]), ("from", row["valid_from"]), ("until", row["valid_to"]), ("event", row["event"]), ("uncertain", truthy(row["uncertain"])), ("note", row["note"]), ("source", row["source"])])
    for row in rows(src, "nato_accession_steps.csv"):
        by = row["by"]
        by = ORGS.get(by, "country:" + by if by else "")
        org.table("accession-step", [("organisation", "org:nato"), ("candidate", "country:" + row["candidate_iso2"]), ("step", row["step"]), ("by", by), ("date", row["date"]), ("uncertain", truthy(row["uncertain"])), ("note", row["note"]), ("source", row["source"])])
    org.write(dst / "organisations.toml")

    country_names = {r["iso2"]: r["country"] for r in rows(src, "demonyms.csv")}

    # --- countries (demonyms.csv) and their aliases
    wikidata = {}
    for table in ("nato_members.csv", "eu_members.csv"):
        for row in rows(src, table):
            wikidata[row["iso2"]] = row["wikidata"]
    for row in rows(src, "capitals.csv"):
        wikidata[row["iso2"]] = row["country_wikidata"]
    countries = Out("Countries: names, adjectives and demonyms (demonyms.csv), aliases (aliases.csv).")
    for row in rows(src, "demonyms.csv"):
        iso = row["iso2"]
        adjectives = split(row["adjectives"])
        countries.table("entity", [("id", "country:" + iso), ("kind", "country"), ("name", row["country"]), ("wikidata", wikidata.get(iso, "")), ("adjectives", adjectives), ("demonyms", split(row["demonyms"])), ("ambiguous", AMBIGUOUS.get(iso, [])), ("uncertain", truthy(row["uncertain"])), ("note", row["note"]), ("source", row["source"])])
    for table in ("nato_members.csv", "eu_members.csv"):
        for row in rows(src, table):
            if row["country"] != country_names[row["iso2"]] and ("country:" + row["iso2"], row["country"]) not in seen:
                seen.add(("country:" + row["iso2"], row["country"]))
                countries.table("alias", [("entity", "country:" + row["iso2"]), ("name", row["country"]), ("kind", "name"), ("source", row["source"])])
    for row in aliases:
        if row["entity_id"].startswith("country:") and (row["entity_id"], row["alias"]) not in seen:
            if row["alias"] == country_names[row["entity_id"][8:]]:
                continue
            seen.add((row["entity_id"], row["alias"]))
            countries.table("alias", alias_fields(row))
    countries.write(dst / "countries.toml")

    # --- capitals (world_capitals.csv, merged with capitals.csv) and other places
    places = Out("Places: capitals (world_capitals.csv merged with capitals.csv) and venues (aliases.csv).")
    extra = {}
    for row in rows(src, "capitals.csv"):
        extra[(row["iso2"], row["capital"], row["valid_from"], row["valid_to"])] = row
    for row in rows(src, "world_capitals.csv"):
        key = (row["iso2"], row["capital"], row["valid_from"], row["valid_to"])
        other = extra.pop(key, None)
        city_aliases = split(row["capital_aliases"])
        source = row["source"]
        city_wikidata = ""
        if other:
            for alias in split(other["capital_aliases"]):
                if alias not in city_aliases:
                    city_aliases.append(alias)
            if other["source"] != source:
                source += "; " + other["source"]
            city_wikidata = other["capital_wikidata"]
        role = NOT_CAPITAL.get((row["iso2"], row["capital"]), "capital")
        if (row["iso2"], row["capital"]) in (("BI", "Bujumbura"), ("CI", "Abidjan")) and row["valid_from"]:
            role = "economic-capital"
        places.table("capital", [("country", "country:" + row["iso2"]), ("city", row["capital"]), ("aliases", city_aliases), ("role", role), ("wikidata", city_wikidata), ("from", row["valid_from"]), ("until", row["valid_to"]), ("uncertain", truthy(row["uncertain"])), ("note", row["note"]), ("source", source)])
    assert not extra, f"capitals.csv rows without a world_capitals.csv row: {extra}"
    place_rows = [r for r in aliases if r["entity_id"].startswith("place:")]
    first = place_rows[0]
    places.table("entity", [("id", first["entity_id"]), ("kind", "place"), ("name", first["alias"]), ("source", first["source"])])
    for row in place_rows[1:]:
        places.table("alias", alias_fields(row))
    places.write(dst / "places.toml")

    # --- offices, people, terms
    offices = Out("Offices, the people who held them, and their terms.")
    people = OrderedDict()
    office_defs = OrderedDict()
    terms = []

    def person_id(name, alias_list, source):
        pid = "person:" + slug(name)
        entry = people.setdefault(pid, {"name": name, "aliases": [], "source": source})
        for alias in alias_list:
            if alias != name and alias not in entry["aliases"]:
                entry["aliases"].append(alias)
        return pid

    def add_terms(table_rows, office_of):
        for row in table_rows:
            office = office_of(row)
            pid = person_id(row["holder"], split(row["aliases"]), row["source"])
            terms.append([("office", office), ("holder", pid), ("kind", row.get("kind") or "regular"), ("from", row["valid_from"]), ("until", row["valid_to"]), ("uncertain", truthy(row["uncertain"])), ("note", row["note"]), ("source", row["source"])])

    def country_office(kind, title, titles):
        def office_of(row):
            iso = row["country_iso2"]
            oid = f"office:{iso.lower()}-{kind}"
            entry = office_defs.setdefault(oid, {"name": row["office"], "of": "country:" + iso, "title": title, "titles": list(titles), "source": row["source"]})
            entry["name"] = row["office"]  # the latest name
            official = re.sub(r" of (the )?" + re.escape(country_names[iso]) + "$", "", row["office"])
            if official != title and official not in entry["titles"]:
                entry["titles"].append(official)
            return oid
        return office_of

    add_terms(rows(src, "heads_of_state.csv"), country_office("president", "President", []))
    add_terms(rows(src, "uk_prime_ministers.csv"), country_office("prime-minister", "Prime Minister", []))
    add_terms(rows(src, "foreign_ministers.csv"), country_office("foreign-minister", "Foreign Minister", ["Minister of Foreign Affairs", "Minister for Foreign Affairs", "Foreign Affairs Minister"]))

    sg_titles = [r for r in aliases if r["entity_id"] == "office:nato-sg"]

    def nato_office(row):
        if row["office"] == "NATO Secretary General":
            office_defs.setdefault("office:nato-sg", {"name": "NATO Secretary General", "of": "org:nato", "title": "Secretary General", "titles": [r["alias"] for r in sg_titles if r["alias"] != "Secretary General"], "wikidata": row["office_wikidata"], "note": "NATO writes the title without a hyphen", "source": sg_titles[0]["source"]})
            return "office:nato-sg"
        office_defs.setdefault("office:nato-deputy-sg", {"name": row["office"], "of": "org:nato", "title": "Deputy Secretary General", "titles": ["Deputy Secretary-General"], "source": row["source"]})
        return "office:nato-deputy-sg"

    add_terms(rows(src, "nato_secretaries_general.csv"), nato_office)

    # Not in the CSV tables: the UN Secretary-General, whose hyphenated title is the UN's own
    # form (name-consistency needs it beside NATO's unhyphenated one).
    un_source = "https://www.un.org/sg/en/content/former-secretaries-general"
    office_defs["office:un-sg"] = {"name": "Secretary-General of the United Nations", "of": "org:un", "title": "Secretary-General", "titles": ["Secretary General", "UN chief"], "note": "the UN writes the title with a hyphen; added by hand", "source": un_source}
    add_terms([
        {"holder": "Kofi Annan", "aliases": "Annan", "valid_from": "1997-01-01", "valid_to": "2007-01-01", "uncertain": "false", "note": "added by hand", "source": un_source},
        {"holder": "Ban Ki-moon", "aliases": "Ban", "valid_from": "2007-01-01", "valid_to": "2017-01-01", "uncertain": "false", "note": "added by hand", "source": un_source},
        {"holder": "António Guterres", "aliases": "Antonio Guterres|Guterres", "valid_from": "2017-01-01", "valid_to": "", "uncertain": "false", "note": "added by hand; open-ended as of the check date", "source": "https://www.un.org/sg/en/content/sg/biography"},
    ], lambda row: "office:un-sg")

    for row in aliases:
        if row["entity_id"].startswith("person:") and row["alias_kind"] == "name":
            pid = person_id(row["alias"], [], row["source"])
            for other in aliases:
                if other["entity_id"] == row["entity_id"] and other["alias_kind"] != "name":
                    other["_person"] = pid

    for oid, entry in office_defs.items():
        offices.table("office", [("id", oid), ("name", entry["name"]), ("of", entry["of"]), ("title", entry["title"]), ("titles", entry["titles"]), ("wikidata", entry.get("wikidata", "")), ("note", entry.get("note", "")), ("source", entry["source"])])
    for pid, entry in people.items():
        offices.table("entity", [("id", pid), ("kind", "person"), ("name", entry["name"]), ("aliases", entry["aliases"]), ("source", entry["source"])])
    for row in aliases:
        if "_person" in row and row["alias"] not in people[row["_person"]]["aliases"]:
            fields = alias_fields(row)
            fields[0] = ("entity", row["_person"])
            offices.table("alias", fields)
    for fields in terms:
        offices.table("term", fields)
    offices.write(dst / "offices.toml")

    # --- events
    events = Out("Events: summits and meetings, one fact per property (events.csv).")
    current = None
    for row in rows(src, "events.csv"):
        if row["event_id"] != current:
            current = row["event_id"]
            events.table("event", [("id", "event:" + current), ("name", row["name"]), ("kind", row["kind"]), ("start", row["start"]), ("end", row["end"]), ("venue", row["venue"]), ("city", row["city"]), ("country", "country:" + row["country_iso2"])])
        events.table("event.fact", [("property", row["property"]), ("value", row["value"]), ("uncertain", truthy(row["uncertain"])), ("note", row["note"]), ("source", row["source"])])
    events.write(dst / "events.toml")


def alias_fields(row):
    return [("entity", row["entity_id"]), ("name", row["alias"]), ("kind", row["alias_kind"]), ("lang", row["lang"]), ("from", row["valid_from"]), ("until", row["valid_to"]), ("contextual", row["alias_kind"] == "contextual"), ("uncertain", truthy(row["uncertain"])), ("note", row["note"]), ("source", row["source"])]


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
