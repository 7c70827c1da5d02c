#!/usr/bin/env python3
"""Validate the built-in gazetteer JSON files (the source of truth).

Checks: every file parses; schema 1; entries sorted by id; ids unique across the four actor
files; kinds allowed and matching the file; every `country`, `members` entry and office
`country` refers to an existing id; dates valid and from <= to; no empty arrays or strings,
no leading/trailing spaces; `ambiguous` only lists the entry's own surface forms; persons
have a surname and roles from the vocabulary; roles.json covers the vocabulary.
Warnings (not errors): surface forms shared by several actors and not marked ambiguous,
overlapping holders of the same single-holder office.
Usage: python3 scripts/gazetteer/validate.py [-v]
"""
import collections, datetime, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.normpath(os.path.join(HERE, "..", "..", "Sources", "ActorExtraction", "Resources", "gazetteer"))
FILES = {"states.json": {"state"}, "organisations.json": {"organisation"}, "groups.json": {"group", "organisation"},
         "people.json": {"person"}}
ROLES = ["president", "vice president", "prime minister", "chancellor", "monarch", "crown prince", "supreme leader",
         "foreign minister", "defence minister", "secretary-general", "president of the european commission",
         "president of the european council", "high representative", "spokesperson"]
FIELDS = {"id", "name", "kind", "country", "aliases", "demonyms", "metonyms", "members", "ambiguous", "surname", "offices"}
TODAY = "2026-11-29"
errors, warnings = [], []
verbose = "-v" in sys.argv


def err(m): errors.append(m)
def warn(m): warnings.append(m)


def check_strings(where, v):
    if isinstance(v, str):
        if not v or v != v.strip() or "  " in v:
            err(f"{where}: bad string {v!r}")
    elif isinstance(v, list):
        if not v:
            err(f"{where}: empty array")
        if len(set(json.dumps(x, sort_keys=True) for x in v)) != len(v):
            err(f"{where}: duplicate items")
        for i, x in enumerate(v):
            check_strings(f"{where}[{i}]", x)
    elif isinstance(v, dict):
        for k, x in v.items():
            if x is None and k == "to":
                continue
            check_strings(f"{where}.{k}", x)


def date(where, s):
    try:
        datetime.date.fromisoformat(s)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            raise ValueError
    except Exception:
        err(f"{where}: bad date {s!r}")
        return None
    return s


actors, by_file = {}, {}
for fn, kinds in FILES.items():
    path = os.path.join(DIR, fn)
    raw = open(path, encoding="utf-8").read()
    doc = json.loads(raw)
    if raw != json.dumps(doc, ensure_ascii=False, indent=2) + "\n":
        err(f"{fn}: not canonical 2-space pretty JSON")
    if set(doc) != {"schema", "actors"} or doc["schema"] != 1:
        err(f"{fn}: top level must be {{schema: 1, actors: [...]}}")
    ids = [a["id"] for a in doc["actors"]]
    if ids != sorted(ids):
        err(f"{fn}: actors not sorted by id")
    by_file[fn] = doc["actors"]
    for a in doc["actors"]:
        w = f"{fn}:{a.get('id')}"
        if set(a) - FIELDS:
            err(f"{w}: unknown fields {set(a) - FIELDS}")
        for req in ("id", "name", "kind", "aliases"):
            if req not in a:
                err(f"{w}: missing {req}")
        if a["id"] in actors:
            err(f"{w}: duplicate id (also in {actors[a['id']][0]})")
        actors[a["id"]] = (fn, a)
        if a["kind"] not in kinds:
            err(f"{w}: kind {a['kind']} not allowed in {fn}")
        if a["kind"] == "state":
            if not re.fullmatch(r"[A-Z]{3}", a["id"]):
                err(f"{w}: state id must be ISO alpha-3")
            for f in ("country", "surname", "offices"):
                if f in a:
                    err(f"{w}: state has {f}")
        else:
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a["id"]):
                err(f"{w}: id must be a lowercase-hyphen slug")
            for f in ("demonyms", "metonyms"):
                if f in a:
                    err(f"{w}: non-state has {f}")
        if a["kind"] == "person":
            if "surname" not in a:
                err(f"{w}: person without surname")
            if "country" not in a:
                warn(f"{w}: person without country")
        elif "surname" in a or "offices" in a:
            err(f"{w}: non-person has surname/offices")
        check_strings(w, {k: v for k, v in a.items()})
        if a["name"] not in a["aliases"]:
            warn(f"{w}: name not among aliases")
        forms = set(a["aliases"]) | set(a.get("demonyms", [])) | set(a.get("metonyms", []))
        for x in a.get("ambiguous", []):
            if x not in forms:
                err(f"{w}: ambiguous {x!r} is not one of its surface forms")

offices = 0
holders = collections.defaultdict(list)
for id_, (fn, a) in actors.items():
    w = f"{fn}:{id_}"
    if "country" in a and a["country"] not in actors:
        err(f"{w}: unknown country {a['country']}")
    if "country" in a and a["country"] in actors and actors[a["country"]][1]["kind"] != "state":
        err(f"{w}: country {a['country']} is not a state")
    for m in a.get("members", []):
        if m not in actors:
            err(f"{w}: unknown member {m}")
    for i, o in enumerate(a.get("offices", [])):
        offices += 1
        ww = f"{w}.offices[{i}]"
        if set(o) != {"role", "country", "from", "to"}:
            err(f"{ww}: fields must be role, country, from, to")
        if o["role"] not in ROLES:
            err(f"{ww}: unknown role {o['role']}")
        if o["country"] not in actors:
            err(f"{ww}: unknown office country {o['country']}")
        f = date(ww, o["from"])
        t = date(ww, o["to"]) if o["to"] is not None else None
        if f and t and f > t:
            err(f"{ww}: from > to")
        if f and f > TODAY:
            err(f"{ww}: starts in the future")
        if f:
            holders[(o["role"], o["country"])].append((f, t or "9999-12-31", id_))

# single-holder offices whose holders overlap (more than 3 days)
MULTI = {("vice president", "IRN"), ("vice president", "ARE"), ("vice president", "CUB"), ("president", "NIC")}
for key, hs in holders.items():
    if key in MULTI:
        continue
    hs.sort()
    for (f1, t1, p1), (f2, t2, p2) in zip(hs, hs[1:]):
        if p1 != p2 and t1 > f2 and (datetime.date.fromisoformat(min(t1, t2)) - datetime.date.fromisoformat(f2)).days > 3:
            warn(f"overlap {key}: {p1} ({f1}..{t1}) and {p2} ({f2}..{t2})")

# surface forms shared by several actors
forms = collections.defaultdict(set)
for id_, (fn, a) in actors.items():
    for x in set(a["aliases"]) | set(a.get("demonyms", [])) | set(a.get("metonyms", [])):
        forms[x].add(id_)
for x, ids in sorted(forms.items()):
    if len(ids) > 1:
        unmarked = [i for i in ids if x not in actors[i][1].get("ambiguous", [])]
        if unmarked:
            warn(f"shared surface form {x!r}: {sorted(ids)} (not marked ambiguous in {sorted(unmarked)})")

# roles.json
roles = json.load(open(os.path.join(DIR, "roles.json"), encoding="utf-8"))
if roles.get("schema") != 1 or [r["role"] for r in roles["roles"]] != ROLES:
    err("roles.json: schema must be 1 and roles must be the vocabulary in order")
check_strings("roles.json", roles)

kinds = collections.Counter(a["kind"] for _, a in actors.values())
print(f"states {len(by_file['states.json'])}  organisations {len(by_file['organisations.json'])}  "
      f"groups {len(by_file['groups.json'])}  people {len(by_file['people.json'])}  offices {offices}")
print(f"kinds: {dict(kinds)}")
for m in warnings if verbose else []:
    print("WARN", m)
print(f"{len(warnings)} warnings (-v to list)")
for m in errors:
    print("ERROR", m)
print(f"{len(errors)} errors")
sys.exit(1 if errors else 0)
