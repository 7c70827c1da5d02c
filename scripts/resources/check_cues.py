#!/usr/bin/env python3
"""Validate the relation cue, modality and attribution resources of ActorExtraction.

    python3 scripts/resources/check_cues.py [RESOURCES_DIR]

Checks Sources/ActorExtraction/Resources/{cues,modality,attribution}.json (stdlib only)
and prints counts per relation kind.  Exit status 0 when all is well, 1 on problems
(each printed as `file: message`), 2 when a file cannot be read or parsed.

cues.json contract (see DESIGN.md, relation kinds table):
  {"schema": 1, "cues": [{"id", "kind", "pos", "forms", "prep", "reverse", "cameo", "note"?}]}
  - id      unique kebab-case name, shown by --explain
  - kind    alliance | cooperation | support | dependence | contact | dispute |
            criticism | threat | hostility | affiliation
  - pos     verb | noun | adjective
  - forms   lowercase word sequences as they occur in text, no apostrophes
  - prep    prepositions linking the cue to its second actor; [] = the actor follows
            the cue directly.  A cue with a non-empty prep only fires through one of them.
  - reverse true when the actor after the cue/preposition is the source of the
            relation and the subject is the target ("A buys arms from B": B -> A)
  - cameo   CAMEO code (2-3 digits) consistent with the kind, "" for dependence and
            affiliation
  - note    optional; a form deliberately listed under two kinds with the same
            preposition must say so by naming the other kind in a note
  Cues are ordered by kind (DESIGN.md table order), then id.
"""
import collections
import json
import os
import re
import sys

KINDS = ["alliance", "cooperation", "support", "dependence", "contact",
         "dispute", "criticism", "threat", "hostility", "affiliation"]
POS = {"verb", "noun", "adjective", "adverb"}
# CAMEO roots allowed per kind (DESIGN.md): 2-digit prefixes of the code.
CAMEO_ROOTS = {
    "alliance": {"06"},
    "cooperation": {"03", "04", "05", "06"},
    "support": {"05", "06", "07"},
    "dependence": set(),
    "contact": {"04"},
    "dispute": {"10", "11", "12", "16"},
    "criticism": {"11"},
    "threat": {"13"},
    "hostility": {"14", "15", "16", "17", "18", "19", "20"},
    "affiliation": set(),
}
CUE_KEYS = {"id", "kind", "pos", "forms", "prep", "reverse", "cameo"}
OPTIONAL_CUE_KEYS = {"note"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
APOSTROPHES = ("'", "\u2019", "\u2018", "\u02bc")

errors = []
warnings = []


def err(file, msg):
    errors.append(f"{file}: {msg}")


def warn(file, msg):
    warnings.append(f"{file}: warning: {msg}")


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        print(f"{path}: missing", file=sys.stderr)
        sys.exit(2)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        print(f"{path}: cannot parse: {e}", file=sys.stderr)
        sys.exit(2)


def clean_phrase(s):
    """A lowercase word sequence: no outer or doubled spaces, not empty."""
    return isinstance(s, str) and s != "" and s == s.strip() and "  " not in s and s == s.lower()


def check_cues(path):
    name = os.path.basename(path)
    doc = load(path)
    if not isinstance(doc, dict) or doc.get("schema") != 1 or not isinstance(doc.get("cues"), list):
        err(name, 'expected {"schema": 1, "cues": [...]}')
        return None
    cues = doc["cues"]
    ids = collections.Counter()
    seen = {}                                   # (kind, pos, form, prep) -> id
    by_form_prep = collections.defaultdict(set)  # (form, prep) -> {(kind, id)}
    notes = {}
    prev_key = None
    for i, c in enumerate(cues):
        where = f"cue #{i}"
        if not isinstance(c, dict):
            err(name, f"{where}: not an object")
            continue
        cid = c.get("id")
        if isinstance(cid, str):
            where = f"cue {cid!r}"
        missing = CUE_KEYS - c.keys()
        extra = c.keys() - CUE_KEYS - OPTIONAL_CUE_KEYS
        if missing:
            err(name, f"{where}: missing {sorted(missing)}")
            continue
        if extra:
            err(name, f"{where}: unknown keys {sorted(extra)}")
        if not isinstance(cid, str) or not ID_RE.match(cid):
            err(name, f"{where}: id must be kebab-case")
        ids[cid] += 1
        kind, pos = c["kind"], c["pos"]
        if kind not in KINDS:
            err(name, f"{where}: unknown kind {kind!r}")
            continue
        if pos not in POS:
            err(name, f"{where}: unknown pos {pos!r}")
        if not isinstance(c["reverse"], bool):
            err(name, f"{where}: reverse must be true or false")
        if "note" in c:
            if not isinstance(c["note"], str) or not c["note"].strip():
                err(name, f"{where}: note must be a non-empty string")
            else:
                notes[cid] = c["note"].lower()
        prep = c["prep"]
        if not isinstance(prep, list) or not all(clean_phrase(p) for p in prep):
            err(name, f"{where}: prep must be a list of lowercase words")
            prep = []
        if len(set(prep)) != len(prep):
            err(name, f"{where}: duplicate preposition")
        forms = c["forms"]
        if not isinstance(forms, list) or not forms:
            err(name, f"{where}: forms must be a non-empty list")
            forms = []
        if len(set(forms)) != len(forms):
            dups = [f for f, n in collections.Counter(forms).items() if n > 1]
            err(name, f"{where}: duplicate forms {dups}")
        for f in forms:
            if not clean_phrase(f):
                err(name, f"{where}: form {f!r} is not a clean lowercase word sequence")
                continue
            if any(a in f for a in APOSTROPHES):
                err(name, f"{where}: form {f!r} contains an apostrophe")
            if any(ch in f for ch in ",.;:!?\"()[]"):
                err(name, f"{where}: form {f!r} contains punctuation")
            for p in (prep or [""]):
                key = (kind, pos, f, p)
                if key in seen and seen[key] != cid:
                    err(name, f"{where}: {pos} form {f!r} with prep {p!r} already in {seen[key]!r} ({kind})")
                seen.setdefault(key, cid)
                by_form_prep[(f, p)].add((kind, pos, cid))
        cameo = c["cameo"]
        roots = CAMEO_ROOTS[kind]
        if not isinstance(cameo, str):
            err(name, f"{where}: cameo must be a string")
        elif not roots:
            if cameo != "":
                err(name, f"{where}: kind {kind} has no CAMEO code, got {cameo!r}")
        elif not re.fullmatch(r"\d{2,3}", cameo):
            err(name, f"{where}: cameo {cameo!r} must be 2 or 3 digits")
        elif cameo[:2] not in roots:
            err(name, f"{where}: cameo {cameo} does not fit kind {kind} (roots {sorted(roots)})")
        key = (KINDS.index(kind), cid if isinstance(cid, str) else "")
        if prev_key is not None and key < prev_key:
            err(name, f"{where}: cues must be ordered by kind, then id")
        prev_key = key
    for cid, n in ids.items():
        if n > 1:
            err(name, f"id {cid!r} used {n} times")
    # Same form and preposition under two kinds: an error unless a note names the other kind.
    for (f, p), owners in sorted(by_form_prep.items()):
        kinds = {k for k, _, _ in owners}
        if len(kinds) > 1:
            bad = sorted({(a, b) for ka, _, a in owners for kb, _, b in owners
                          if ka < kb and kb not in notes.get(a, "") and ka not in notes.get(b, "")})
            for a, b in bad:
                err(name, f"form {f!r} with prep {p!r} is under two kinds ({a!r}, {b!r}); "
                          f"name the other kind in a note if intended")
        else:
            poses = {pos for _, pos, _ in owners}
            if len(poses) > 1:
                warn(name, f"form {f!r} with prep {p!r} appears as {sorted(poses)} in "
                           f"{sorted(c for _, _, c in owners)} ({next(iter(kinds))})")
    return cues


def check_phrase_lists(name, doc, keys, allow_apostrophe=True):
    for key in keys:
        items = doc.get(key)
        if not isinstance(items, list) or not items:
            err(name, f"{key}: expected a non-empty list")
            continue
        for s in items:
            if not clean_phrase(s):
                err(name, f"{key}: {s!r} is not a clean lowercase phrase")
            elif not allow_apostrophe and any(a in s for a in APOSTROPHES):
                err(name, f"{key}: {s!r} contains an apostrophe")
        dups = [s for s, n in collections.Counter(items).items() if n > 1]
        if dups:
            err(name, f"{key}: duplicates {dups}")


def check_modality(path):
    name = os.path.basename(path)
    doc = load(path)
    keys = ["hypothetical", "negated", "question", "future", "past"]
    if not isinstance(doc, dict) or doc.get("schema") != 1:
        err(name, 'expected {"schema": 1, ...}')
        return None
    extra = doc.keys() - set(keys) - {"schema"}
    if extra:
        err(name, f"unknown keys {sorted(extra)}")
    check_phrase_lists(name, doc, keys)
    if "?" not in doc.get("question", []):
        err(name, "question must contain '?'")
    owner = collections.defaultdict(list)
    for k in keys:
        for s in doc.get(k, []) or []:
            owner[s].append(k)
    for s, ks in sorted(owner.items()):
        if len(ks) > 1:
            warnings.append(f"{name}: note: {s!r} is listed under {ks} (a negated future or past)")
    return doc


def check_attribution(path):
    name = os.path.basename(path)
    doc = load(path)
    if not isinstance(doc, dict) or doc.get("schema") != 1:
        err(name, 'expected {"schema": 1, ...}')
        return None
    extra = doc.keys() - {"schema", "reportingVerbs", "prefixes", "quoteMarks", "note"}
    if extra:
        err(name, f"unknown keys {sorted(extra)}")
    check_phrase_lists(name, doc, ["reportingVerbs", "prefixes"], allow_apostrophe=False)
    both = set(doc.get("reportingVerbs", [])) & set(doc.get("prefixes", []))
    if both:
        err(name, f"in both reportingVerbs and prefixes: {sorted(both)}")
    marks = doc.get("quoteMarks")
    if not isinstance(marks, list) or not marks:
        err(name, "quoteMarks: expected a non-empty list of [open, close] pairs")
    else:
        for m in marks:
            if not (isinstance(m, list) and len(m) == 2 and all(isinstance(x, str) and len(x) == 1 for x in m)):
                err(name, f"quoteMarks: {m!r} is not a pair of single characters")
        pairs = [tuple(m) for m in marks if isinstance(m, list)]
        if len(set(pairs)) != len(pairs):
            err(name, "quoteMarks: duplicate pairs")
    return doc


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.normpath(os.path.join(here, "..", "..", "Sources", "ActorExtraction", "Resources"))
    res = sys.argv[1] if len(sys.argv) > 1 else default
    cues = check_cues(os.path.join(res, "cues.json"))
    modality = check_modality(os.path.join(res, "modality.json"))
    attribution = check_attribution(os.path.join(res, "attribution.json"))

    if cues:
        per_kind = collections.OrderedDict((k, [0, 0, collections.Counter()]) for k in KINDS)
        for c in cues:
            if isinstance(c, dict) and c.get("kind") in per_kind:
                row = per_kind[c["kind"]]
                row[0] += 1
                row[1] += len(c.get("forms") or [])
                row[2][c.get("pos")] += 1
        print(f"{'kind':<12} {'cues':>5} {'forms':>6}  by pos")
        for k, (n, nf, pos) in per_kind.items():
            bypos = ", ".join(f"{p} {pos[p]}" for p in ("verb", "noun", "adjective", "adverb") if pos[p])
            print(f"{k:<12} {n:>5} {nf:>6}  {bypos}")
        print(f"{'total':<12} {sum(r[0] for r in per_kind.values()):>5} {sum(r[1] for r in per_kind.values()):>6}")
    if modality:
        print("modality:", ", ".join(f"{k} {len(modality.get(k) or [])}" for k in ("hypothetical", "negated", "question", "future", "past")))
    if attribution:
        print("attribution:", f"reportingVerbs {len(attribution.get('reportingVerbs') or [])},",
              f"prefixes {len(attribution.get('prefixes') or [])},", f"quoteMarks {len(attribution.get('quoteMarks') or [])}")
    for w in warnings:
        print(w)
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
