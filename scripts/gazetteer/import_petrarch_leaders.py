#!/usr/bin/env python3
"""Read national leaders and their dated government spells from PETRARCH's
Phoenix.Countries.actors.txt (MIT licence, Open Event Data Alliance), to help fill and
check the dated offices in people.json for 2000-2014.

The file gives no office titles: a person's lines `[KENGOV 021230-130409]` say only that
they were in the government of Kenya between two dates (`>021230` means from then on,
`<021230` until then; six-digit years are 19yy or 20yy). The leaders of each country come
first in its block and, unlike the ministers after them, carry elite (`ELI`) codes; this
script lists those leaders with their plain `GOV` spells (not `GOVMIL`, `GOVAGR`, ...).
The role of each spell has to be decided by hand.

Usage:
  import_petrarch_leaders.py [--file PATH] list [CODE ...]   leaders with GOV spells overlapping 2000-2014
  import_petrarch_leaders.py [--file PATH] check             compare people.json's heads of state and
                                                             government with those spells (2000-2014)
Nothing is written; the output is a report to read.
"""
import collections, datetime, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
PEOPLE = os.path.normpath(os.path.join(HERE, "..", "..", "Sources", "ActorExtraction", "Resources", "gazetteer", "people.json"))
DEFAULT = "/work/shared/data/petrarch/Phoenix.Countries.actors.txt"
LO, HI = "2000-01-01", "2014-12-31"
HEAD_ROLES = {"president", "prime minister", "chancellor", "monarch", "supreme leader"}

COUNTRY = re.compile(r"^([A-Z][^\s#\[]*)\s*\[([A-Z]{3})[A-Z]*\s*(?:[\d<>-]*)\]")
CODE = re.compile(r"^\s*\[([A-Z]{3})([A-Z]*)\s*([^\]]*)\]")


def ymd(s):
    """'021230' or '20041207' -> '2002-12-30'."""
    if len(s) == 6:
        yy = int(s[:2])
        s = ("20" if yy <= 20 else "19") + s
    if len(s) != 8:
        return None
    try:
        return datetime.date(int(s[:4]), int(s[4:6]), int(s[6:8])).isoformat()
    except ValueError:
        return None


def span(text):
    text = text.strip()
    if not text:
        return None
    if text.startswith(">"):
        return ymd(text[1:]), None
    if text.startswith("<"):
        return None, ymd(text[1:])
    m = re.fullmatch(r"(\d+)-(\d+)", text)
    return (ymd(m.group(1)), ymd(m.group(2))) if m else None


def name_of(token):
    return " ".join(w.capitalize() if w.isupper() else w for w in token.strip("_").replace("_", " ").split())


def parse(path):
    """-> {country code: [(name, [aliases], [(sub, from, to)...], has_eli)]} in file order."""
    out = collections.defaultdict(list)
    country, person = None, None
    for raw in open(path, encoding="latin-1"):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        m = COUNTRY.match(line)
        if m:
            country, person = m.group(2), None
            continue
        if line.startswith("+"):
            if person is not None:
                person[1].append(name_of(line[1:].split("#")[0].strip()))
            continue
        c = CODE.match(line)
        if c:
            if person is not None:
                person[2].append((c.group(1), c.group(2), span(c.group(3))))
            continue
        if line[0].isalpha() and country:
            person = (name_of(line.split("#")[0].strip()), [], [])
            out[country].append(person)
    result = {}
    for code, people in out.items():
        rows = []
        for name, aliases, codes in people:
            eli = any(sub.startswith("ELI") for _, sub, _ in codes)
            spells = [(c, s[0], s[1]) for c, sub, s in codes if sub == "GOV" and s]
            rows.append((name, aliases, spells, eli))
        result[code] = rows
    return result


def leaders(data, code):
    for name, aliases, spells, eli in data.get(code, []):
        if not eli:
            continue
        keep = [(c, f, t) for c, f, t in spells if (f or "0000") <= HI and (t or "9999") >= LO]
        if keep:
            yield name, aliases, keep


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z]+", " ", s).strip()


def main(argv):
    path = DEFAULT
    if argv[:1] == ["--file"]:
        path, argv = argv[1], argv[2:]
    data = parse(path)
    if not argv or argv[0] == "list":
        codes = argv[1:] or sorted(data)
        for code in codes:
            rows = list(leaders(data, code))
            if not rows:
                continue
            print(code)
            for name, aliases, spells in rows:
                s = ", ".join(f"{c} {f or '?'}..{t or ''}" for c, f, t in spells)
                print(f"  {name}: {s}")
        return 0
    if argv[0] == "check":
        people = json.load(open(PEOPLE, encoding="utf-8"))["actors"]
        index = {}
        for p in people:
            for a in p["aliases"]:
                index.setdefault(fold(a), p)
        for code in sorted(data):
            for name, aliases, spells in leaders(data, code):
                p = next((index[fold(n)] for n in [name] + aliases if fold(n) in index), None)
                for c, f, t in spells:
                    if c != code:
                        continue
                    if p is None:
                        print(f"{code} missing: {name} {f}..{t}")
                        continue
                    heads = [o for o in p.get("offices", []) if o["role"] in HEAD_ROLES and o["country"] == code]
                    near = [o for o in heads if f and abs((datetime.date.fromisoformat(o["from"]) - datetime.date.fromisoformat(f)).days) <= 31]
                    if not near:
                        print(f"{code} differs: {name} PETRARCH {f}..{t}; people.json "
                              + (", ".join(f"{o['role']} {o['from']}..{o['to']}" for o in heads) or "no head office"))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
