"""Checks for scripts/checks/consumers.sh: each reads one of actorgraph's outputs the way
a real consumer does (an XML parser, networkx, the csv module, a PNG decoder for a
Chromium screenshot) and exits non-zero with one line when it does not hold up.

Usage: python3 consumers.py CHECK FILE [REFERENCE_JSON]
"""
import csv
import json
import re
import struct
import sys
import zlib
import xml.etree.ElementTree as ET
from html.parser import HTMLParser


def fail(message):
    print(message)
    sys.exit(1)


def reference(path):
    """The graph JSON the output was made from: actor names by id, relation count."""
    graph = json.load(open(path, encoding="utf-8"))
    return {a["id"]: a["name"] for a in graph["actors"]}, len(graph["relations"])


def check_svg(path, ref=None):
    root = ET.parse(path).getroot()
    if not root.tag.endswith("svg"):
        fail(f"root element is {root.tag}, not svg")
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    if any(el.tag.endswith("script") for el in root.iter()):
        fail("SVG contains a script element")
    if ref:
        names, _ = reference(ref)
        flat = " ".join(texts)
        missing = [n for n in names.values() if "\n" not in n and len(n) <= 22 and n not in texts]
        if missing:
            fail(f"names not drawn intact: {missing!r} (texts: {flat[:200]!r})")


def check_networkx(kind, path, ref):
    import networkx as nx
    graph = nx.read_graphml(path) if kind == "graphml" else nx.read_gexf(path)
    names, relations = reference(ref)
    if graph.number_of_nodes() != len(names):
        fail(f"{graph.number_of_nodes()} nodes, expected {len(names)}")
    if graph.number_of_edges() != relations:
        fail(f"{graph.number_of_edges()} edges, expected {relations}")
    key = "name" if kind == "graphml" else "label"
    for node_id, name in names.items():
        got = graph.nodes[node_id].get(key)
        if got != name:
            fail(f"node {node_id!r}: {key} {got!r}, expected {name!r}")


def check_json(path):
    """Loads the native JSON into networkx with a few lines, as a notebook would."""
    import networkx as nx
    data = json.load(open(path, encoding="utf-8"))
    graph = nx.MultiDiGraph()
    for actor in data["actors"]:
        graph.add_node(actor["id"], name=actor["name"], kind=actor["kind"])
    for relation in data["relations"]:
        graph.add_edge(relation["source"], relation["target"], kind=relation["kind"], weight=relation["weight"])
    if graph.number_of_nodes() != len(data["actors"]) or graph.number_of_edges() != len(data["relations"]):
        fail("relations point at actors missing from the JSON")


def check_csv(path, ref):
    rows = list(csv.DictReader(open(path, encoding="utf-8", newline="")))
    names, relations = reference(ref)
    if len(rows) != relations:
        fail(f"{len(rows)} rows, expected {relations}")
    for row in rows:
        if names.get(row["source"]) != row["source_name"]:
            fail(f"source_name {row['source_name']!r} is not {names.get(row['source'])!r}")
        if int(row["weight"]) < 1:
            fail("weight below 1")


def check_mermaid(path, ref):
    """No Mermaid renderer offline: checks the structure GitHub's parser relies on."""
    text = open(path, encoding="utf-8").read()
    lines = text.splitlines()
    if "flowchart LR" not in lines[:2]:
        fail("no 'flowchart LR' header")
    names, relations = reference(ref)
    nodes = [l for l in lines if re.match(r'^  a\d+[\(\[\{]', l)]
    edges = [l for l in lines if re.match(r'^  a\d+ (---|-->|===|==>|-\.-|-\.->)\|[^|]*\| a\d+$', l)]
    if len(nodes) != len(names) or len(edges) != relations:
        fail(f"{len(nodes)} nodes and {len(edges)} edges, expected {len(names)} and {relations}")
    for line in nodes:
        label = line[line.index('"') + 1:line.rindex('"')]
        if re.search(r'["<>{}\[\]|`\\]', label):
            fail(f"unescaped syntax in label {label!r}")


class IdCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.scripts, self.external = [], 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "script":
            self.scripts += 1
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            if re.match(r"^(https?:)?//", value):
                self.external.append(value)


def check_html(path):
    collector = IdCollector()
    collector.feed(open(path, encoding="utf-8").read())
    duplicates = sorted({i for i in collector.ids if collector.ids.count(i) > 1})
    if duplicates:
        fail(f"ids used twice in one page: {duplicates[:5]}")
    if collector.scripts or collector.external:
        fail(f"{collector.scripts} scripts, external references {collector.external[:3]}")
    if len(collector.ids) < 10:
        fail("fewer than 10 ids: are the drawings inline?")


def png_pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            if depth != 8 or color not in (2, 6):
                fail(f"unsupported PNG (depth {depth}, colour type {color})")
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            up_left = previous[x - channels] if x >= channels else 0
            if kind == 1: line[x] = (line[x] + left) & 255
            elif kind == 2: line[x] = (line[x] + up) & 255
            elif kind == 3: line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def check_screenshot(path, colors):
    """The page is not blank, and the drawing's own colours (node fills) are on screen."""
    width, height, channels, rows = png_pixels(path)
    targets = [tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in colors.split(",")]
    inked = drawn = 0
    for line in rows:
        for x in range(0, len(line), channels):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if r < 240 or g < 240 or b < 240:
                inked += 1
            if any(abs(r - t[0]) + abs(g - t[1]) + abs(b - t[2]) < 12 for t in targets):
                drawn += 1
    total = width * height
    if inked < total * 0.01:
        fail(f"screenshot is blank ({inked} inked pixels of {total})")
    if drawn < 400:
        fail(f"the graph is not visible ({drawn} pixels in node colours)")
    print(f"{inked} inked pixels, {drawn} in node colours")


def check_magic(path, kind):
    data = open(path, "rb").read()
    magic = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}[kind]
    if not data.startswith(magic):
        fail(f"no {kind} magic bytes")
    if len(data) < 2000:
        fail(f"only {len(data)} bytes")
    if kind == "pdf" and b"%%EOF" not in data[-1024:]:
        fail("PDF does not end with %%EOF")


if __name__ == "__main__":
    check, path, *rest = sys.argv[1:]
    if check == "svg": check_svg(path, *rest)
    elif check in ("graphml", "gexf"): check_networkx(check, path, rest[0])
    elif check == "json": check_json(path)
    elif check == "csv": check_csv(path, rest[0])
    elif check == "mermaid": check_mermaid(path, rest[0])
    elif check == "html": check_html(path)
    elif check == "screenshot": check_screenshot(path, rest[0])
    elif check in ("png", "pdf"): check_magic(path, check)
    else: fail(f"unknown check {check}")
