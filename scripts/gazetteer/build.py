#!/usr/bin/env python3
"""Bootstrap generator for the built-in actor gazetteer.

THE JSON FILES ARE THE SOURCE OF TRUTH:
    Sources/ActorExtraction/Resources/gazetteer/{states,organisations,groups,people,roles}.json
This script and the *.txt tables next to it were only used to draft them in one go
(compact, one line per actor).  If you edit the JSON by hand, do not re-run this
script unless you have carried the edit over to the tables first.

Table formats (fields separated by '|', list items by ';', '#' starts a comment line):
  states.txt         ISO3 | name | aliases | demonyms | metonyms | ambiguous
  organisations.txt  id | name | aliases | country | members | ambiguous      (kind organisation)
  groups.txt         id | name | aliases | country | members | ambiguous      (kind group)
  people_*.txt       name | surname | country | extra aliases | offices | optional id
     offices: ROLE[@COUNTRY] YYYY-MM-DD..[YYYY-MM-DD]  (empty end = in office on 2026-11-29)
The display name is always added as the first alias.

Usage: python3 scripts/gazetteer/build.py   (writes the five JSON files)
"""
import glob, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "Sources", "ActorExtraction", "Resources", "gazetteer"))

ROLES = {
    "P": "president", "VP": "vice president", "PM": "prime minister", "CH": "chancellor",
    "K": "monarch", "SL": "supreme leader", "FM": "foreign minister", "DM": "defence minister",
    "SG": "secretary-general", "PEC": "president of the european commission",
    "PECO": "president of the european council", "HR": "high representative",
}


def rows(path):
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield n, [f.strip() for f in line.split("|")]


def lst(field):
    return [x.strip() for x in field.split(";") if x.strip()] if field else []


def uniq(xs):
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def slug(name):
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("Đ", "D")
    s = re.sub(r"['’ʻ.]", "", s.lower())
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def entry(id_, name, kind, country=None, aliases=(), demonyms=(), metonyms=(), members=(), ambiguous=(),
          surname=None, offices=None):
    e = {"id": id_, "name": name, "kind": kind}
    if country:
        e["country"] = country
    e["aliases"] = uniq([name] + [a for a in aliases])
    if demonyms:
        e["demonyms"] = uniq(demonyms)
    if metonyms:
        e["metonyms"] = uniq(metonyms)
    if members:
        e["members"] = uniq(members)
    if ambiguous:
        e["ambiguous"] = uniq(ambiguous)
    if surname is not None:
        e["surname"] = surname
    if offices:
        e["offices"] = offices
    return e


def states():
    out = []
    for n, f in rows(os.path.join(HERE, "states.txt")):
        f += [""] * (6 - len(f))
        iso, name, al, dem, met, amb = f[:6]
        out.append(entry(iso, name, "state", aliases=lst(al), demonyms=lst(dem), metonyms=lst(met), ambiguous=lst(amb)))
    return out


def orgs(fname, kind):
    out = []
    for n, f in rows(os.path.join(HERE, fname)):
        f += [""] * (6 - len(f))
        id_, name, al, country, mem, amb = f[:6]
        aliases = [a for a in lst(al) if not possessive(a)]
        dropped = [a for a in lst(al) if possessive(a)]
        if dropped:
            print(f"  {id_}: dropped possessive aliases {dropped}", file=sys.stderr)
        out.append(entry(id_, name, kind, country=country or None, aliases=aliases, members=lst(mem),
                         ambiguous=[a for a in lst(amb) if a in aliases]))
    return out


OFF = re.compile(r"^([A-Z]+)(?:@([A-Za-z0-9-]+))? (\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})?$")


# Person aliases that are also first names or common words; code applies context rules to these.
PERSON_AMBIGUOUS = {
    "benjamin-netanyahu": ["Bibi"], "fidel-castro": ["Fidel"], "dilma-rousseff": ["Dilma"],
    "retno-marsudi": ["Retno"], "gibran-rakabuming-raka": ["Gibran"], "abdel-fattah-el-sisi": ["Sissi"],
    "al-gore": ["Gore"], "liz-truss": ["Truss"], "bilawal-bhutto-zardari": ["Bilawal"], "saddam-hussein": ["Saddam"],
    "rosario-murillo": ["Murillo"], "david-cameron": ["Cameron"],
    "tony-blair": ["Blair"], "ahmed-al-sharaa": ["al-Sharaa", "Sharaa"],
}

# Possessive aliases ("Japan's Ministry of Defense") are not stored: the code is expected to split
# "<state>'s <org>" into a state mention plus the organisation alias without the possessive.
POSSESSIVE_RE = re.compile(r"^(.+?)['’]s ")
STATE_FORMS = set()


def possessive(alias):
    m = POSSESSIVE_RE.match(alias)
    return bool(m) and m.group(1) in STATE_FORMS


def people():
    out = []
    for path in sorted(glob.glob(os.path.join(HERE, "people_*.txt"))):
        for n, f in rows(path):
            f += [""] * (6 - len(f))
            name, surname, country, al, offs, id_ = f[:6]
            offices = []
            for o in lst(offs):
                m = OFF.match(o)
                if not m:
                    sys.exit(f"{path}:{n}: bad office {o!r}")
                code, where, frm, to = m.groups()
                offices.append({"role": ROLES[code], "country": where or country, "from": frm, "to": to})
            offices.sort(key=lambda o: (o["from"], o["role"], o["country"]))
            pid = id_ or slug(name)
            out.append(entry(pid, name, "person", country=country, aliases=lst(al),
                             ambiguous=PERSON_AMBIGUOUS.get(pid, ()), surname=surname, offices=offices))
    return out


ROLE_PHRASES = [
    ("president", ["president", "President", "head of state", "President of the Republic", "Federal President",
                   "federal president", "president-elect", "President-elect", "interim president", "acting president",
                   "Acting President"]),
    ("vice president", ["vice president", "Vice President", "vice-president", "Vice-President", "veep",
                        "first vice president", "First Vice President", "vice-president-elect",
                        "Vice President-elect"]),
    ("prime minister", ["prime minister", "Prime Minister", "premier", "Premier", "head of government",
                        "State Council premier", "Chinese Premier", "Taoiseach", "prime minister-designate",
                        "caretaker prime minister", "acting prime minister", "Acting Prime Minister"]),
    ("chancellor", ["chancellor", "Chancellor", "Federal Chancellor", "federal chancellor", "Bundeskanzler",
                    "chancellor-designate"]),
    ("monarch", ["monarch", "King", "king", "Queen", "queen", "Emperor", "emperor", "Sultan", "sultan", "Emir",
                 "emir", "Amir", "amir", "Grand Duke", "Prince of Monaco", "Custodian of the Two Holy Mosques"]),
    ("supreme leader", ["supreme leader", "Supreme Leader", "Leader of the Islamic Revolution", "Dear Leader",
                        "Great Leader", "Chairman of the State Affairs Commission",
                        "President of the State Affairs", "Amir al-Mu'minin", "Commander of the Faithful",
                        "Taliban leader", "Taliban supreme leader", "leader of North Korea", "North Korean leader",
                        "Iran's supreme leader"]),
    ("foreign minister", ["foreign minister", "Foreign Minister", "foreign secretary", "Foreign Secretary",
                          "secretary of state", "Secretary of State", "US Secretary of State",
                          "minister of foreign affairs", "Minister of Foreign Affairs", "minister for foreign affairs",
                          "Minister for Foreign Affairs", "Minister for Europe and Foreign Affairs",
                          "Minister of External Affairs", "External Affairs Minister", "external affairs minister",
                          "Secretary of Foreign Affairs", "Minister of Foreign Relations", "foreign affairs minister",
                          "Foreign Affairs Minister", "top diplomat", "chief diplomat", "foreign affairs secretary",
                          "Secretary for Foreign Affairs", "Federal Foreign Minister", "State Councilor and Foreign Minister"]),
    ("defence minister", ["defence minister", "Defence Minister", "defense minister", "Defense Minister",
                          "Minister of Defence", "Minister of Defense", "minister of defence", "minister of defense",
                          "Minister for Defence", "Minister of National Defense", "Minister of National Defence",
                          "Minister of the Armed Forces", "Minister for the Armed Forces", "armed forces minister",
                          "Defence Secretary", "defence secretary", "Defense Secretary", "defense secretary",
                          "Secretary of Defense", "secretary of defense", "Secretary of Defence",
                          "Secretary of State for Defence", "Secretary of War", "secretary of war", "War Secretary",
                          "war secretary", "Defence Ministry chief", "defence chief", "defense chief",
                          "Minister of Defense of the Russian Federation", "Federal Minister of Defence",
                          "Secretary of National Defense", "Defence Agency chief", "Director-General of the Defense Agency"]),
    ("secretary-general", ["secretary-general", "Secretary-General", "secretary general", "Secretary General",
                           "UN chief", "U.N. chief", "UN Secretary-General", "U.N. Secretary-General",
                           "NATO Secretary-General", "NATO Secretary General", "NATO chief", "alliance chief"]),
    ("president of the european commission", ["president of the European Commission",
                                              "President of the European Commission",
                                              "European Commission President", "European Commission president",
                                              "Commission President", "Commission president", "EU Commission President",
                                              "EU Commission chief", "EU chief", "EU executive chief"]),
    ("president of the european council", ["president of the European Council", "President of the European Council",
                                           "European Council President", "European Council president",
                                           "EU Council President", "EU Council president",
                                           "President of the EU Council"]),
    ("high representative", ["High Representative", "high representative",
                             "High Representative of the Union for Foreign Affairs and Security Policy",
                             "High Representative for Foreign Affairs and Security Policy",
                             "EU foreign policy chief", "EU's foreign policy chief", "EU foreign policy head",
                             "EU top diplomat", "EU's top diplomat", "EU foreign affairs chief"]),
]

TITLES = ["Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Mx.", "Dr.", "Dr", "Professor", "Prof.", "Prof",
          "Emeritus Professor", "Professor Emeritus", "Associate Professor", "Assistant Professor", "Lecturer",
          "Sir", "Dame", "Lord", "Lady", "Baroness", "Baron",
          "General", "Gen.", "Gen", "Lieutenant General", "Lt. Gen.", "Lt Gen", "Major General", "Maj. Gen.",
          "Brigadier General", "Brig. Gen.", "Colonel", "Col.", "Lieutenant Colonel", "Lt. Col.", "Major", "Maj.",
          "Captain", "Capt.", "Lieutenant", "Lt.", "Sergeant", "Sgt.", "Field Marshal", "Marshal", "Admiral", "Adm.",
          "Vice Admiral", "Vice Adm.", "Rear Admiral", "Rear Adm.", "Air Marshal", "Air Chief Marshal", "Commander", "Cmdr.",
          "Senator", "Sen.", "Representative", "Rep.", "Congressman", "Congresswoman", "Governor", "Gov.",
          "Mayor", "Ambassador", "Amb.", "Envoy", "Special Envoy", "Minister", "Deputy Minister", "Vice Minister",
          "Deputy Prime Minister", "Secretary", "Under Secretary", "Undersecretary", "Assistant Secretary",
          "Deputy Secretary", "Chairman", "Chairwoman", "Chair", "Speaker", "Deputy", "MP", "MEP", "Councillor",
          "Judge", "Justice", "Chief Justice", "Attorney General", "Prosecutor", "Director", "Spokesman",
          "Spokeswoman", "Spokesperson",
          "President", "Vice President", "Prime Minister", "Premier", "Chancellor", "Foreign Minister",
          "Defence Minister", "Defense Minister", "Foreign Secretary", "Defence Secretary", "Defense Secretary",
          "Secretary of State", "Secretary-General", "Secretary General",
          "King", "Queen", "Emperor", "Empress", "Crown Prince", "Crown Princess", "Prince", "Princess", "Emir",
          "Sultan", "Sheikh", "Sheik", "Shaikh", "Sheikha", "His Majesty", "Her Majesty", "HM", "His Highness",
          "Her Highness", "His Royal Highness", "HRH", "His Excellency", "Her Excellency", "H.E.",
          "Ayatollah", "Grand Ayatollah", "Hojatoleslam", "Imam", "Mullah", "Maulana", "Rabbi", "Pope", "Cardinal",
          "Archbishop", "Bishop", "Patriarch", "Metropolitan", "Father", "Reverend", "Rev.", "Pastor",
          "Comrade", "Marshal of the Russian Federation", "Hon.", "Honourable", "Honorable",
          "the Honourable", "Right Honourable", "Rt Hon", "Rt. Hon."]


def main():
    os.makedirs(OUT, exist_ok=True)
    st = states()
    for e in st:
        for f in e["aliases"] + e.get("metonyms", []):
            STATE_FORMS.add(f)
            STATE_FORMS.add(f[4:] if f.startswith("the ") else f)
    files = {
        "states.json": st,
        "organisations.json": orgs("organisations.txt", "organisation"),
        "groups.json": orgs("groups.txt", "group"),
        "people.json": people(),
    }
    for fn, actors in files.items():
        actors.sort(key=lambda e: e["id"])
        with open(os.path.join(OUT, fn), "w", encoding="utf-8") as fh:
            json.dump({"schema": 1, "actors": actors}, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    titles = uniq(TITLES)
    roles = {"schema": 1,
             "roles": [{"role": r, "phrases": uniq(p)} for r, p in ROLE_PHRASES],
             "titles": titles}
    with open(os.path.join(OUT, "roles.json"), "w", encoding="utf-8") as fh:
        json.dump(roles, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    for fn, actors in files.items():
        print(fn, len(actors))


if __name__ == "__main__":
    main()
