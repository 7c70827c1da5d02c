#!/usr/bin/env python3
"""Merge succession tables of office holders into people.json.

A table file is plain text, one statement a line ('#' starts a comment):

  KEN president: 1978-10-14 Daniel arap Moi; 2002-12-30 Mwai Kibaki; 2022-09-13 William Ruto
  KEN prime minister: 2008-04-17 Raila Odinga; 2013-04-09 -
  = Daniel arap Moi | surname=Moi | aliases=Daniel Moi, Moi
  = Irfaan Ali | surname=Ali | nosurname

A succession line lists the holders of one office in order, each with the day they took
office; a holder's `to` is the next holder's `from` and the last holder's is null. A `-`
in place of a name ends the previous holder's term with no successor on that day (a
vacancy, an abolished office, or a successor left out). A holder spec may carry its own
end: `2003-01-01 Name ..2004-02-02`, and an id for a name two people share:
`2000-05-05 Andris Bērziņš{andris-berzins-1951}` (its `=` line then names it the same way).

A `=` line describes a person: `id=`, `surname=` (default: the last word of the name),
`aliases=` (comma-separated, added after the name), `amb=` (aliases that are also common
words or other names), `country=` (default: the country of the first office), and
`nosurname` to keep the bare surname out of the aliases. By default the bare surname is
added as an alias of a head of state or government when it is distinctive: not an
English word, not a common given name, not the surface form of another actor and not the
surname of another person in the tables. Aliases also get a form without diacritics.

Each person is matched to an existing entry by id, then by any alias across the four
gazetteer files; a match is extended (new aliases, offices) instead of duplicated. An
office already present (same role and country, start within 31 days) is kept as it is
and differences are reported.

Usage: add_offices.py [--dry-run] TABLE...
"""
import collections, datetime, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.normpath(os.path.join(HERE, "..", "..", "Sources", "ActorExtraction", "Resources", "gazetteer"))
HEAD_ROLES = {"president", "prime minister", "chancellor", "monarch", "supreme leader", "crown prince"}
GIVEN = set("""ali hassan hasan hussein husain mohamed mohammed muhammad mohammad ahmed ahmad abdullah abdallah
khalifa salman hamad zayed rashid omar umar saad said saeed salim salem sultan faisal fahd nasser mahmoud mahmud
ibrahim ismail youssef yusuf issa isa musa moussa mustafa mostafa karim khalid khaled tariq aziz abdul abdel
john james paul peter george david michael thomas mark martin jean pierre louis charles william henry
jose juan carlos luis miguel antonio manuel pedro maria ana francisco jorge alberto ricardo fernando
daniel simon joseph anthony alexander nicolas andre victor robert richard edward frank albert marie
sam ben jack lee kim park chan wong singh kumar khan shah das rao""".split())


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).replace("ı", "i").replace("ł", "l").replace(
        "Ł", "L").replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace(
        "ə", "a").replace("Ə", "A").replace("ð", "d").replace("Ð", "D").replace("þ", "th").replace(
        "Þ", "Th").replace("æ", "ae").replace("Æ", "Ae").replace("œ", "oe").replace("ʻ", "'").replace("ʼ", "'").replace("’", "'")


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", fold(s).lower().replace("'", "")).strip("-")


def key(s):
    return re.sub(r"[^a-z0-9]+", " ", fold(s).lower().replace("'", "")).strip()


def load_words():
    try:
        return {w.strip() for w in open("/usr/share/dict/words", encoding="utf-8") if w.strip().islower()}
    except OSError:
        return set()


def parse(paths):
    lines, specs = [], {}
    for path in paths:
        for n, raw in enumerate(open(path, encoding="utf-8"), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            where = f"{path}:{n}"
            if line.startswith("="):
                parts = [p.strip() for p in line[1:].split("|")]
                spec = {"name": parts[0], "where": where}
                for p in parts[1:]:
                    if p == "nosurname":
                        spec["nosurname"] = True
                    elif "=" in p:
                        k, v = p.split("=", 1)
                        spec[k.strip()] = [x.strip() for x in v.split(",") if x.strip()] if k.strip() in ("aliases", "amb") else v.strip()
                    else:
                        sys.exit(f"{where}: bad person field {p!r}")
                if parts[0] in specs:
                    sys.exit(f"{where}: {parts[0]} described twice")
                specs[parts[0]] = spec
                continue
            m = re.fullmatch(r"([A-Za-z]{2,4}|[a-z-]+) ([a-z -]+): (.+)", line)
            if not m:
                sys.exit(f"{where}: cannot read {line!r}")
            country, role, rest = m.groups()
            holders = []
            for item in rest.split(";"):
                item = item.strip()
                mm = re.fullmatch(r"(\d{4}-\d{2}-\d{2}) (.+?)(?: \.\.(\d{4}-\d{2}-\d{2}))?", item)
                if not mm:
                    sys.exit(f"{where}: bad holder {item!r}")
                holders.append(mm.groups())
            lines.append((where, country, role.strip(), holders))
    return lines, specs


def main(argv):
    dry = "--dry-run" in argv
    paths = [a for a in argv if a != "--dry-run"]
    lines, specs = parse(paths)
    words = load_words()
    path = os.path.join(DIR, "people.json")
    raw = open(path, encoding="utf-8").read()
    doc = json.loads(raw)
    assert raw == json.dumps(doc, ensure_ascii=False, indent=2) + "\n", "people.json does not round-trip"
    people = doc["actors"]
    by_id = {p["id"]: p for p in people}
    others = {}  # folded surface form -> ids, over all four files
    for fn in ("states.json", "organisations.json", "groups.json", "people.json"):
        for a in json.load(open(os.path.join(DIR, fn), encoding="utf-8"))["actors"]:
            for x in set(a["aliases"]) | set(a.get("demonyms", [])) | set(a.get("metonyms", [])):
                others.setdefault(key(x), set()).add(a["id"])

    # offices per name, in table order
    offices = collections.defaultdict(list)
    for where, country, role, holders in lines:
        for i, (start, name, end) in enumerate(holders):
            if name == "-":
                continue
            to = end or (holders[i + 1][0] if i + 1 < len(holders) else None)
            if to is not None and to < start:
                sys.exit(f"{where}: {name} ends before starting")
            offices[name].append({"role": role, "country": country, "from": start, "to": to})
    for name in specs:
        if name not in offices:
            sys.exit(f"{specs[name]['where']}: {name} holds no office in the tables")

    surname_count = collections.Counter()
    old_surnames = {}
    for p in people:
        old_surnames.setdefault(key(p["surname"]), set()).add(p["id"])
    for name in offices:
        spec = specs.get(name, {})
        surname_count[key(spec.get("surname", re.sub(r"\{.*\}$", "", name).split()[-1]))] += 1

    added_people, added_offices, report = 0, collections.Counter(), []
    for name, offs in offices.items():
        spec = specs.get(name, {})
        m = re.fullmatch(r"(.+?)\{([a-z0-9-]+)\}", name)
        if m:
            name, spec = m.group(1), dict(spec, id=spec.get("id", m.group(2)))
        pid = spec.get("id", slug(name))
        surname = spec.get("surname", name.split()[-1])
        aliases = [name] + spec.get("aliases", [])
        heads = any(o["role"] in HEAD_ROLES for o in offs)
        sk = key(surname)
        distinctive = (heads and not spec.get("nosurname") and len(sk) >= 4 and " " not in sk
                       and sk not in words and sk not in GIVEN and surname_count[sk] == 1
                       and not (others.get(sk, set()) - {pid}) and not (old_surnames.get(sk, set()) - {pid}))
        person = by_id.get(pid)
        if distinctive and surname not in aliases and person is None:
            aliases.append(surname)
        full = []
        for a in aliases:
            for x in (a, fold(a)):
                if x not in full:
                    full.append(x)
        amb = spec.get("amb", [])
        if person is None and "id" not in spec:
            hits = {i for a in full for i in others.get(key(a), ())}
            hits = [by_id[i] for i in hits if i in by_id]
            if len(hits) == 1:
                person = hits[0]
                report.append(f"matched {name} to existing {person['id']} by alias")
            elif len(hits) > 1:
                sys.exit(f"{name}: aliases match several people {[h['id'] for h in hits]}; give id=")
        if person is not None:
            for a in full:
                if a not in person["aliases"] and key(a) not in {key(x) for x in person["aliases"]}:
                    person["aliases"].append(a)
            for o in offs:
                same = [x for x in person.get("offices", []) if x["role"] == o["role"] and x["country"] == o["country"]
                        and abs((datetime.date.fromisoformat(x["from"]) - datetime.date.fromisoformat(o["from"])).days) <= 31]
                if same:
                    if (same[0]["from"], same[0]["to"]) != (o["from"], o["to"]):
                        report.append(f"kept {person['id']} {o['role']} {o['country']} {same[0]['from']}..{same[0]['to']}"
                                      f" (table: {o['from']}..{o['to']})")
                    continue
                person.setdefault("offices", []).append(o)
                person["offices"].sort(key=lambda x: x["from"])
                added_offices[o["role"]] += 1
            for a in amb:
                if a in person["aliases"] and a not in person.get("ambiguous", []):
                    person.setdefault("ambiguous", []).append(a)
            continue
        for a in full:
            clash = others.get(key(a), set()) - {pid}
            if clash:
                report.append(f"alias {a!r} of {pid} is also {sorted(clash)}")
        entry = {"id": pid, "name": name, "kind": "person", "country": spec.get("country", offs[0]["country"]),
                 "aliases": full}
        if amb:
            entry["ambiguous"] = amb
        entry["surname"] = surname
        entry["offices"] = sorted(offs, key=lambda x: x["from"])
        people.append(entry)
        by_id[pid] = entry
        for a in full:
            others.setdefault(key(a), set()).add(pid)
        added_people += 1
        added_offices.update(o["role"] for o in offs)
    people.sort(key=lambda p: p["id"])
    for r in report:
        print(r)
    print(f"people added {added_people}; offices added {sum(added_offices.values())} {dict(added_offices)}")
    if not dry:
        open(path, "w", encoding="utf-8").write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
