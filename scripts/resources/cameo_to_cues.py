#!/usr/bin/env python3
"""Bootstrap helper: list relation-cue *candidates* from PETRARCH's CAMEO verb dictionary.

    python3 scripts/resources/cameo_to_cues.py [CAMEO.2.0.txt] > /tmp/cue-candidates.json

NOTE: Sources/ActorExtraction/Resources/cues.json is the curated source of truth.
This script was used once to see which verbs PETRARCH files under which CAMEO code;
its output is a review list, never copied wholesale.  Many PETRARCH verbs are too
generic or ambiguous for political prose (make, take, go, say, hold, face, ...), so
every cue in cues.json was chosen and checked by hand.

The dictionary (MIT, Open Event Data Alliance) has two kinds of verb blocks:

    ---  THREATEN   [130]  ---        a coded block: its member verbs carry the code
    THREATEN
    ---  SELL   [---]  ---            an uncoded block: only its phrase patterns carry
    SELL  {SELLS SOLD SELLING }       codes, e.g. "- * &WEAPON  [062:062]"
    - * &WEAPON                [062:062]

Member lines are `VERB {IRREGULAR FORMS}` or `+MULTI_WORD {+FORMS}`, optionally with
a per-verb code override `[042]` and a comment after `#`.  For uncoded blocks this
script reports the most frequent pattern code as a hint.

CAMEO root -> actorgraph kind (DESIGN.md's relation kinds table):
    03            cooperation  (intent to cooperate; rarely a cue on its own)
    04            contact      (consult, meet, visit, negotiate, call)
    05            cooperation  (diplomatic cooperation; 050 support/back -> support)
    06            cooperation  (material cooperation: trade, military, intelligence;
                                alliance only for explicit alliance words)
    07            support      (aid, protection, asylum)
    10, 12        dispute      (demand, reject)
    11            criticism    (disapprove, criticise, accuse)
    13            threat
    160-162, 164  dispute      (reduce relations, halt negotiations)
    163, 165-166  hostility    (sanctions, embargo, expulsions)
    14, 15, 17-20 hostility    (protest, force posture, coerce, assault, fight, mass violence)
    01, 02, 08, 09              no kind (statements, appeals, yielding, investigating)
"""
import collections
import json
import re
import sys

DEFAULT = "/work/shared/data/petrarch/CAMEO.2.0.txt"


def kind_for(code):
    code = code.split(":")[0].strip()
    if not code or not code[0].isdigit():
        return None
    if len(code) < 3:
        code = code + "0" * (3 - len(code))
    root = code[:2]
    if root == "03" or root == "06":
        return "cooperation"
    if root == "04":
        return "contact"
    if root == "05":
        return "support" if code[:3] == "050" else "cooperation"
    if root == "07":
        return "support"
    if root in ("10", "12"):
        return "dispute"
    if root == "11":
        return "criticism"
    if root == "13":
        return "threat"
    if root == "16":
        return "hostility" if code[:3] in ("163", "165", "166") else "dispute"
    if root in ("14", "15", "17", "18", "19", "20"):
        return "hostility"
    return None


def inflect(base):
    """Regular English inflections of a (possibly multiword) verb: inflect the head."""
    words = base.split()
    head, rest = words[0], words[1:]
    tail = (" " + " ".join(rest)) if rest else ""
    if re.search(r"(s|x|z|ch|sh)$", head):
        third = head + "es"
    elif re.search(r"[^aeiou]y$", head):
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if head.endswith("e"):
        past, ing = head + "d", head[:-1] + "ing"
    elif re.search(r"[^aeiou]y$", head):
        past, ing = head[:-1] + "ied", head + "ing"
    else:
        past, ing = head + "ed", head + "ing"
    return [w + tail for w in (head, third, past, ing)]


def parse(path):
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("####### VERB PATTERNS"))
    blocks, cur = [], None
    for line in lines[start:]:
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            cur = {"block": m.group(1), "code": m.group(2), "verbs": [], "patterns": collections.Counter()}
            blocks.append(cur)
            continue
        if cur is None or not line.strip() or line.startswith("#"):
            continue
        if line.startswith("-"):
            pm = re.search(r"\[([0-9:]+)\]", line)
            if pm:
                cur["patterns"][pm.group(1).split(":")[0]] += 1
            continue
        body = line.split("#")[0]
        override = re.search(r"\[([^\]]*)\]", body)
        body = re.sub(r"\[[^\]]*\]", "", body)
        irregular = re.search(r"\{([^}]*)\}", body)
        head = re.sub(r"\{[^}]*\}", "", body).strip()
        if not head:
            continue
        forms = None
        if irregular:
            extra = [f.strip("+,").replace("_", " ").lower() for f in irregular.group(1).split()]
            forms = [head.strip("+").replace("_", " ").lower()] + [f for f in extra if f]
        cur["verbs"].append({
            "verb": head.strip("+").replace("_", " ").lower(),
            "code": override.group(1) if override else None,
            "forms": forms,
        })
    return blocks


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    out = []
    for b in parse(path):
        block_code = b["code"] if b["code"] != "---" else None
        hint = None
        if block_code is None and b["patterns"]:
            hint = b["patterns"].most_common(1)[0][0]
        for v in b["verbs"]:
            code = v["code"] if v["code"] and v["code"] != "---" else (block_code or hint)
            if code is None:
                continue
            kind = kind_for(code)
            if kind is None:
                continue
            out.append({
                "verb": v["verb"], "block": b["block"], "cameo": code.split(":")[0],
                "kind": kind, "fromPatterns": block_code is None,
                "forms": v["forms"] or inflect(v["verb"]),
            })
    out.sort(key=lambda c: (c["kind"], c["cameo"], c["verb"]))
    json.dump({"candidates": out}, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    counts = collections.Counter(c["kind"] for c in out)
    print(", ".join(f"{k}: {n}" for k, n in sorted(counts.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
