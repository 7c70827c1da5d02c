# actorgraph — set-up, build, test and examples. `make demo` and `make test` are the
# whole set-up on a fresh machine: each installs what is missing first.

SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/actorgraph
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
EXAMPLES := $(wildcard examples/*.md)
# The two example articles report one week from two angles; their diff is drawn too.
DIFF_PAIR := examples/tokyo-washington-summit.md examples/moscow-view-of-summit.md

.PHONY: all deps build test check-consumers demo graphs bench eval spark-demo clean

all: build

## deps: install Graphviz's C library (and fonts it measures labels with) if missing.
deps:
	@if pkg-config --exists libgvc 2>/dev/null && fc-list 2>/dev/null | grep -qi "DejaVu Sans"; then \
		echo "deps: Graphviz $$(pkg-config --modversion libgvc) found"; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "deps: installing libgraphviz-dev with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgraphviz-dev graphviz pkg-config fonts-dejavu-core >/dev/null; \
	elif command -v brew >/dev/null 2>&1; then \
		echo "deps: run 'brew install graphviz pkg-config' and try again"; exit 1; \
	else \
		echo "deps: install Graphviz's development files (libgvc) and pkg-config, then try again"; exit 1; \
	fi

build: deps
	$(SWIFT) build

## demo: build, then render the example articles into graphs/.
demo: build graphs
	@echo "Rendered:"; ls -1 graphs/* | sed 's/^/  /'

## graphs: the JSON, DOT and SVG of every example article.
graphs: build
	@mkdir -p graphs
	@for article in $(EXAMPLES); do \
		name=$$(basename $$article .md); \
		for format in json dot svg; do \
			$(BIN) $$article -o graphs/$$name.$$format || exit 1; \
		done; \
	done
	@$(BIN) diff $(DIFF_PAIR) -o graphs/diff-tokyo-vs-moscow.svg; test $$? -le 1

## test: build, run every Swift test, then the checks with outside tools.
test: build
	@set -o pipefail; $(SWIFT) test --disable-swift-testing 2>&1 | tee .build/test.log
	@python3 scripts/gazetteer/validate.py && python3 scripts/resources/check_cues.py >/dev/null && python3 scripts/fixtures/check_relations.py >/dev/null \
		&& for suite in heldout blind; do python3 scripts/fixtures/check_relations.py Tests/ActorExtractionTests/Fixtures/$$suite.jsonl --min-per-kind 8 --min-total 100 >/dev/null || exit 1; done
	@read total failed < <(grep -oE 'Executed [0-9]+ tests?, with [0-9]+ failures?' .build/test.log | tail -1 | grep -oE '[0-9]+' | tr '\n' ' '); \
		echo "$$((total - failed)) passed, $$failed failed"
	bash scripts/checks/consumers.sh

## bench: extraction on a generated 50 MB JSON Lines corpus, rendering, and diff, in release.
bench: deps
	$(SWIFT) build -c release --product actorgraph && $(SWIFT) build -c release --product actorgraph-bench
	@echo "machine: $$(nproc) cores"
	.build/release/actorgraph-bench

## spark-demo: the mapper and the merge under PySpark (local mode) over examples/, compared
## byte for byte with the single-machine run. Installs pyspark into .build/spark-venv.
SPARK_VENV := .build/spark-venv
spark-demo: build
	@command -v java >/dev/null || { echo "spark-demo: Spark needs Java (apt-get install default-jre-headless)"; exit 1; }
	@[ -x $(SPARK_VENV)/bin/python ] || python3 -m venv $(SPARK_VENV) || { echo "spark-demo: cannot create a Python venv in $(SPARK_VENV) (apt-get install python3-venv)"; exit 1; }
	@$(SPARK_VENV)/bin/python -c "import pyspark" 2>/dev/null || $(SPARK_VENV)/bin/pip install -q pyspark || \
		{ echo "spark-demo: pip could not install pyspark (no network to PyPI?)"; exit 1; }
	$(SPARK_VENV)/bin/python scripts/spark/demo.py --binary $(BIN) $(EXAMPLES)

## eval: precision and recall per relation kind on the fixture suite of hand-written sentences.
eval: build
	@$(SWIFT) test --disable-swift-testing --filter RelationFixtureTests 2>&1 | sed -n '/^suite/,/speaker agreement/p'

## check-consumers: every output format read by a real consumer (XML parser, dot,
## networkx, Chromium); installs what it needs or prints a skip reason.
check-consumers: build
	bash scripts/checks/consumers.sh

clean:
	rm -rf .build
