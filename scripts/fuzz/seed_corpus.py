#!/usr/bin/env python3
"""Writes the fuzzer's seed corpus from the project's own fixtures and examples.

Each seed starts with the byte that picks its fuzz case (see Sources/actorgraph-fuzz/
FuzzCase.swift): 0 an article, 1 a graph JSON document, 2 a graph spelled from bytes,
3 two articles split at a NUL byte. The corpus is rebuilt on every `make fuzz` and is not
committed; what the fuzzer learns goes into a separate folder beside it.

    python3 scripts/fuzz/seed_corpus.py fuzz-corpus/seeds
"""
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTICLE, GRAPH_JSON, BUILT_GRAPH, ARTICLE_PAIR = b"\x00", b"\x01", b"\x02", b"\x03"


def fixture_texts():
    for path in sorted((ROOT / "Tests/ActorExtractionTests/Fixtures").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"].encode("utf-8")


def small_graphs(graph):
    """Windows of three actors with the relations among them, two evidence items each:
    valid documents of a size the fuzzer mutates quickly."""
    actors = graph["actors"]
    for start in range(0, max(1, len(actors) - 2), 2):
        window = actors[start:start + 3]
        ids = {actor["id"] for actor in window}
        relations = [dict(relation, evidence=relation["evidence"][:2], weight=min(2, relation["weight"]))
                     for relation in graph["relations"] if relation["source"] in ids and relation["target"] in ids]
        small = dict(graph, actors=[dict(actor, mentions=actor["mentions"][:2]) for actor in window], relations=relations)
        yield json.dumps(small, indent=2, ensure_ascii=False).encode("utf-8")


def seeds():
    texts = list(fixture_texts())
    examples = [path.read_bytes() for path in sorted((ROOT / "examples").glob("*.md"))]
    for text in texts + examples:
        yield ARTICLE + text
    for path in sorted((ROOT / "graphs").glob("*.json")):
        yield GRAPH_JSON + path.read_bytes()
        for small in small_graphs(json.loads(path.read_text(encoding="utf-8"))):
            yield GRAPH_JSON + small
    for text in texts[::7]:
        yield BUILT_GRAPH + text[:160]
    for first, second in zip(texts[::3], texts[1::3]):
        yield ARTICLE_PAIR + first + b"\x00" + second
    yield ARTICLE_PAIR + examples[0] + b"\x00" + examples[-1]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = pathlib.Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("seed-*"):
        old.unlink()
    count = 0
    for seed in seeds():
        (folder / f"seed-{hashlib.sha1(seed).hexdigest()[:16]}").write_bytes(seed)
        count += 1
    print(f"seed corpus: {count} inputs in {folder}")


if __name__ == "__main__":
    main()
