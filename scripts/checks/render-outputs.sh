#!/usr/bin/env bash
# Writes what the built binaries render into OUT, so that a change to the rendering code
# can be checked byte for byte against the build before it:
#   scripts/checks/render-outputs.sh /tmp/before [ARTICLE…]   # with the old build
#   scripts/checks/render-outputs.sh /tmp/after [ARTICLE…]    # with the new build
#   diff -r /tmp/before /tmp/after
# It draws the example articles (and any ARTICLE given) as SVG, embedded SVG, DOT and
# HTML, their graph JSON with every engine, the render benchmark's generated graph, two
# graphs of hostile names (those of HostileNameTests and SampleGraphs.hostile), a report
# and a diff. Every run of a command is a new process, so sfdp's and fdp's layouts do not
# depend on what was rendered before; fdp's also depend on where memory lies (it sorts by
# address somewhere), so the binaries run without address randomisation where setarch can.
# Even so, an fdp drawing now and then comes out one of two ways (seen with the examples,
# with the same binary): check a differing .fdp. file against a second run of the old build.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=${1:?usage: render-outputs.sh OUT [ARTICLE…]}
shift
BIN=$(realpath "${ACTORGRAPH:-.build/release/actorgraph}")
BENCH="${ACTORGRAPH_BENCH:-.build/release/actorgraph-bench}"
if setarch -R true 2>/dev/null; then FIXED="setarch -R"; else FIXED=""; fi
DATE=2023-01-12
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/actorgraph-render-outputs.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# draw NAME ARGS…: the article or graph in ARGS as SVG (plain and embedded), DOT and HTML.
draw() {
    local name=$1
    shift
    $FIXED "$BIN" render "$@" -o "$OUT/$name.svg"
    $FIXED "$BIN" render "$@" --embed -o "$OUT/$name.embed.svg"
    $FIXED "$BIN" render "$@" -o "$OUT/$name.dot"
    $FIXED "$BIN" render "$@" -o "$OUT/$name.html"
}

# every_engine NAME GRAPH.json: the graph drawn by each layout engine, plain and embedded.
every_engine() {
    for engine in dot neato fdp sfdp circo; do
        $FIXED "$BIN" render "$2" --engine "$engine" -o "$OUT/$1.$engine.svg"
        $FIXED "$BIN" render "$2" --engine "$engine" --embed -o "$OUT/$1.$engine.embed.svg"
    done
}

articles=(examples/*.md "$@")
for article in "${articles[@]}"; do
    name=$(basename "${article%.*}")
    draw "$name" "$article" --date "$DATE"
    "$BIN" extract "$article" --date "$DATE" -o "$WORK/$name.json"
    every_engine "$name" "$WORK/$name.json"
done
$FIXED "$BIN" report "${articles[@]}" --date "$DATE" -o "$OUT/report.html"
$FIXED "$BIN" diff examples/tokyo-washington-summit.md examples/moscow-view-of-summit.md -o "$OUT/diff.svg" || [ $? -le 1 ]

"$BENCH" render-graph "$WORK/bench.json"
draw bench "$WORK/bench.json"

# The inputs of HostileNameTests: names in Cyrillic, Japanese and Arabic, one built to
# break out of markup, and one of ten thousand characters.
python3 - "$WORK" <<'EOF'
import json, sys
work = sys.argv[1]
hostile = 'Say "hi" \\ {x} <b> & <script>alert(1)</script>'
long_name = "Grand Council of the"
while len(long_name) < 10_000 - len(" Peoples"):
    long_name += " Northern and Southern"
long_name = long_name[: 10_000 - len(" Peoples")] + " Peoples"
names = ["Министерство обороны России", "岸田文雄", "جامعة الدول العربية", hostile, long_name]
actors = [
    {"id": "mod-ru", "name": names[0], "kind": "organisation", "aliases": [names[0]]},
    {"id": "kishida-ja", "name": names[1], "kind": "person", "aliases": [names[1]]},
    {"id": "arab-league-ar", "name": names[2], "kind": "organisation", "aliases": [names[2]]},
    {"id": "scriptland", "name": hostile, "kind": "group", "aliases": ["Scriptland"]},
    {"id": "grand-council", "name": long_name, "kind": "organisation", "aliases": [long_name]},
]
json.dump({"actors": actors}, open(f"{work}/actors.json", "w"))
text = (f"{names[0]} threatened Japan. {names[1]} met China in Tokyo. {names[2]} condemned Russia. "
        f'Scriptland attacked Japan & "friends" <script>alert(2)</script> {{now}}. The {long_name} allied with Japan.')
open(f"{work}/hostile-article.txt", "w").write(text)

# SampleGraphs.hostile(): each odd name related to Japan, one hedged and reported.
odd = ['Say "hi" \\ bye', "{braces} <angle> & amp", "<script>alert(1)</script>", "a--b -->", "pipe | ]]> `tick`", "東京都 Москва"]
ids = [f"odd-{i}" for i in range(len(odd))]
span = {"start": 0, "end": 10}
def evidence(index):
    return {"article": "hostile", "sentence": span, "source": span, "target": span, "cue": span,
            "modality": "hypothetical" if index == 1 else "asserted", "attributedTo": ids[1] if index == 1 else None,
            "tense": "present", "rule": "sample", "confidence": 0.8}
graph = {
    "schemaVersion": 1,
    "articles": [{"id": "hostile", "title": 'Names <b>&amp; "quotes"', "date": "2023-01-01", "source": "Test & Co"}],
    "actors": [{"id": i, "name": n, "kind": "group", "country": None, "mentions": []} for i, n in zip(ids, odd)]
    + [{"id": "JPN", "name": "Japan", "kind": "state", "country": None, "mentions": []}],
    "relations": [{"source": i, "target": "JPN", "kind": "threat" if k % 2 == 0 else "cooperation", "directed": True,
                   "weight": 1, "evidence": [evidence(k)]} for k, i in enumerate(ids)],
}
json.dump(graph, open(f"{work}/hostile-graph.json", "w"), ensure_ascii=False)
EOF
draw hostile-article "$WORK/hostile-article.txt" --actors "$WORK/actors.json"
# The report names its input by path: a relative one keeps the output the same run to run.
(cd "$WORK" && $FIXED "$BIN" report hostile-article.txt --actors actors.json -o "$OUT/hostile-article.report.html")
draw hostile-graph "$WORK/hostile-graph.json"
every_engine hostile-graph "$WORK/hostile-graph.json"
echo "$(ls "$OUT" | wc -l) files in $OUT"
