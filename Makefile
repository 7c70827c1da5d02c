# actorgraph — set-up, build, test and examples. `make demo` and `make test` are the
# whole set-up on a fresh machine: each installs what is missing first.

SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/actorgraph
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
EXAMPLES := $(wildcard examples/*.md)
# The two example articles report one week from two angles; their diff is drawn too.
DIFF_PAIR := examples/tokyo-washington-summit.md examples/moscow-view-of-summit.md

.PHONY: all deps build test test-sanitize fuzz check-consumers demo graphs bench eval spark-demo clean

all: build

## deps: install Graphviz's C library (and fonts it measures labels with) and tcmalloc if missing.
deps:
	@if pkg-config --exists libgvc 2>/dev/null && fc-list 2>/dev/null | grep -qi "DejaVu Sans" \
		&& { ! command -v apt-get >/dev/null 2>&1 || ldconfig -p | grep -q libtcmalloc_minimal.so.4; }; then \
		echo "deps: Graphviz $$(pkg-config --modversion libgvc) found"; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "deps: installing libgraphviz-dev and libtcmalloc-minimal4 with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgraphviz-dev graphviz pkg-config fonts-dejavu-core libtcmalloc-minimal4 >/dev/null; \
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

## test-sanitize: every Swift test under the address sanitizer, then the thread sanitizer,
## each in its own build folder; prints how long each took. Not part of `make test`.
## SANITIZERS=thread runs one of them.
test-sanitize: deps
	bash scripts/checks/sanitize.sh

## fuzz: libFuzzer over extraction, the JSON reader and writer, and the DOT and SVG
## writers, for FUZZ_SECONDS in one process. Seeds come from the fixtures and examples
## (fuzz-corpus/seeds, rebuilt each run); inputs the fuzzer learns stay in
## fuzz-corpus/learned, and inputs that break a property land in fuzz-corpus/findings.
## Replay one with the ordinary build: swift run actorgraph-fuzz fuzz-corpus/findings/crash-…
FUZZ_SECONDS ?= 600
FUZZ_SCRATCH := .build-fuzz
fuzz: deps
	$(SWIFT) build -c release --product actorgraph-fuzz --scratch-path $(FUZZ_SCRATCH) \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	python3 scripts/fuzz/seed_corpus.py fuzz-corpus/seeds
	@mkdir -p fuzz-corpus/learned fuzz-corpus/findings fuzz-corpus/logs
	@# Swift's own crash reporter stalls under the sanitizer; libFuzzer reports crashes itself.
	@# Graphviz leaks on every layout, so checking leaks after each input would scan the heap
	@# every time (7x slower); LeakSanitizer still checks once at exit, Graphviz suppressed.
	SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=scripts/checks/lsan.supp:print_suppressions=0 $(FUZZ_SCRATCH)/release/actorgraph-fuzz -max_total_time=$(FUZZ_SECONDS) \
		-timeout=10 -rss_limit_mb=2048 -max_len=8192 -detect_leaks=0 -print_final_stats=1 \
		-dict=scripts/fuzz/actorgraph.dict -artifact_prefix=fuzz-corpus/findings/ \
		fuzz-corpus/learned fuzz-corpus/seeds 2>&1 | tee fuzz-corpus/logs/run-$$(date +%Y%m%d-%H%M%S).log; exit $${PIPESTATUS[0]}

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
