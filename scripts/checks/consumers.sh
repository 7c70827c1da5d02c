#!/usr/bin/env bash
# Real consumers of everything actorgraph writes. For each example article (and a graph
# of hostile names) it produces every format with the built binary, both from the
# article (`actorgraph ARTICLE -o out.F`) and from its graph JSON (`actorgraph render
# GRAPH.json --format F`), and has a real consumer read each one:
#   SVG      Python's XML parser (names intact, no scripts)
#   DOT      the `dot` program (Debian: graphviz)
#   GraphML, GEXF, JSON   networkx (pip)
#   CSV      Python's csv module;  Mermaid: structure only (no renderer offline)
#   PNG, PDF magic bytes and size
#   HTML     headless Chromium screenshot in which the drawing is visible; ids unique
# Each check installs what it needs or prints `skip: <reason>`; a real failure makes the
# script exit non-zero. The last line is `N passed, N failed, N skipped`.
set -uo pipefail
cd "$(dirname "$0")/../.."

BIN="${ACTORGRAPH:-.build/debug/actorgraph}"
CHECKS=scripts/checks/consumers.py
WORK=$(mktemp -d "${TMPDIR:-/tmp}/actorgraph-consumers.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
passed=0 failed=0 skipped=0

pass() { passed=$((passed + 1)); echo "pass: $1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }
skip() { skipped=$((skipped + 1)); echo "skip: $1"; }

# check NAME COMMAND…: runs the command; its last lines of output explain a failure.
check() {
    local name=$1 output
    shift
    if output=$("$@" 2>&1); then pass "$name"; else fail "$name: $(printf '%s' "$output" | tail -n 3 | tr '\n' ' ')"; fi
}

apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 1
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get install -y -qq "$@" >/dev/null 2>&1 \
        || { $SUDO apt-get update -qq >/dev/null 2>&1 && $SUDO apt-get install -y -qq "$@" >/dev/null 2>&1; }
}

# --- what the checks need ------------------------------------------------------------
have_python=yes
command -v python3 >/dev/null 2>&1 || apt_install python3 || have_python=""

have_networkx=""
if [ -n "$have_python" ]; then
    if python3 -c 'import networkx' 2>/dev/null \
        || python3 -m pip install --quiet networkx >/dev/null 2>&1 \
        || python3 -m pip install --quiet --user networkx >/dev/null 2>&1 \
        || python3 -m pip install --quiet --break-system-packages networkx >/dev/null 2>&1; then
        python3 -c 'import networkx' 2>/dev/null && have_networkx=yes
    fi
fi

command -v dot >/dev/null 2>&1 || apt_install graphviz || true

browser=""
for candidate in chromium chromium-browser google-chrome; do
    command -v "$candidate" >/dev/null 2>&1 && { browser=$candidate; break; }
done
if [ -z "$browser" ] && apt_install chromium; then browser=chromium; fi

if [ ! -x "$BIN" ]; then
    fail "$BIN is not built (run swift build)"
    echo "$passed passed, $failed failed, $skipped skipped"
    exit 1
fi

# --- consumers -------------------------------------------------------------------------
python_check() { # python_check NAME CHECK FILE [REFERENCE]
    local name=$1
    shift
    if [ -z "$have_python" ]; then skip "$name: python3 unavailable"; return; fi
    check "$name" python3 "$CHECKS" "$@"
}

networkx_check() {
    local name=$1
    shift
    if [ -z "$have_networkx" ]; then skip "$name: networkx could not be installed"; return; fi
    check "$name" python3 "$CHECKS" "$@"
}

dot_check() {
    if ! command -v dot >/dev/null 2>&1; then skip "$1: the dot program could not be installed"; return; fi
    check "$1" sh -c 'dot -Tsvg "$1" >/dev/null' sh "$2"
}

screenshot_check() { # screenshot_check NAME HTML
    local name=$1 page=$2 shot="${2%.html}.screenshot.png"
    if [ -z "$browser" ]; then skip "$name: no Chromium (apt-get install chromium failed)"; return; fi
    if [ -z "$have_python" ]; then skip "$name: python3 unavailable"; return; fi
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$shot" \
        --window-size=1200,900 "file://$(realpath "$page")" >/dev/null 2>&1
    if [ ! -s "$shot" ]; then fail "$name: Chromium wrote no screenshot"; return; fi
    # Node fills of states, people and organisations: on screen only if the SVG drew.
    check "$name" python3 "$CHECKS" screenshot "$shot" "#dfe9f6,#fcefd4,#e1f0e1"
}

# consume LABEL DIR BASE REFERENCE: every consumer on DIR/BASE.<format>.
consume() {
    local label=$1 dir=$2 base=$3 ref=$4
    python_check "$label svg: XML parser" svg "$dir/$base.svg" "$ref"
    dot_check "$label dot: dot -Tsvg" "$dir/$base.dot"
    networkx_check "$label graphml: networkx" graphml "$dir/$base.graphml" "$ref"
    networkx_check "$label gexf: networkx" gexf "$dir/$base.gexf" "$ref"
    networkx_check "$label json: networkx" json "$dir/$base.json"
    python_check "$label csv: csv module" csv "$dir/$base.csv" "$ref"
    python_check "$label mermaid: structure" mermaid "$dir/$base.mmd" "$ref"
    python_check "$label png: magic bytes" png "$dir/$base.png"
    python_check "$label pdf: magic bytes" pdf "$dir/$base.pdf"
    python_check "$label html: unique ids, no scripts" html "$dir/$base.html"
}

FORMATS="json dot svg png pdf graphml gexf mmd csv html"

for article in examples/*.md; do
    name=$(basename "$article" .md)
    dir="$WORK/$name"
    mkdir -p "$dir"
    check "$name: extract" "$BIN" extract "$article" -o "$dir/graph.json"
    for ext in $FORMATS; do
        check "$name: actorgraph ARTICLE -o draw.$ext" "$BIN" "$article" -o "$dir/draw.$ext"
        format=$ext; [ "$ext" = mmd ] && format=mermaid
        check "$name: render --format $format" "$BIN" render "$dir/graph.json" --format "$format" -o "$dir/render.$ext"
    done
    consume "$name (from article)" "$dir" draw "$dir/graph.json"
    consume "$name (from JSON)" "$dir" render "$dir/graph.json"
    "$BIN" render "$dir/graph.json" --format svg -o "$dir/again.svg" >/dev/null 2>&1
    check "$name: SVG byte-identical across runs" cmp -s "$dir/render.svg" "$dir/again.svg"
done

fixture=scripts/checks/fixtures/hostile-names.json
dir="$WORK/hostile-names"
mkdir -p "$dir"
for ext in $FORMATS; do
    check "hostile names: render -o render.$ext" "$BIN" render "$fixture" -o "$dir/render.$ext"
done
consume "hostile names" "$dir" render "$fixture"
screenshot_check "hostile names html: Chromium screenshot shows the graph" "$dir/render.html"

report="$WORK/report"
mkdir -p "$report"
check "report: html of every example" "$BIN" report examples/*.md -o "$report/report.html"
python_check "report html: unique ids across inlined SVGs, no scripts" html "$report/report.html"
screenshot_check "report html: Chromium screenshot shows the graph" "$report/report.html"
check "report: markdown of every example" "$BIN" report examples/*.md -o "$report/report.md"
for svg in "$report"/report-*.svg; do
    [ -e "$svg" ] || { fail "report markdown: no SVG written beside it"; break; }
    python_check "report markdown: $(basename "$svg") parses" svg "$svg"
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
