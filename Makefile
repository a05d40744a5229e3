# The front door: every target bootstraps .venv itself, so a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# `make serve HOST=0.0.0.0:8080` serves on another address or port.
HOST   ?= 127.0.0.1:8000

# Material prints its end-of-life notice on every MkDocs run; it is known (docs/reference/zensical.md), so silence it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test check build bench lint browser-deps bench-deps clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "labbook needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,zensical]'
	@touch $@

serve: $(STAMP) ## build and serve the example handbook with live reload
	$(BIN)/mkdocs serve --dev-addr $(HOST)

build: $(STAMP) ## build the example handbook into site/
	$(BIN)/mkdocs build --strict

check: $(STAMP) ## validate every data file without building HTML
	$(BIN)/labbook check

lint: $(STAMP) ## ruff, and the import contracts that keep the layers one-way (pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

browser-deps: ## Debian's Chromium for the browser tests (installed when missing and we may)
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); \
	  else echo "chromium not found: browser tests will be skipped (install Debian's chromium to run them)"; fi; }

test: $(STAMP) browser-deps ## lint, then every test: unit, integration (real builds), browser
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

bench-deps: ## Debian's Hugo for the benchmark's Hugo baseline (installed when missing and we may)
	@command -v hugo >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null); \
	  else echo "hugo not found: the benchmark leaves the Hugo baseline out (install Debian's hugo to run it)"; fi; }

bench: $(STAMP) bench-deps ## time labbook against plain MkDocs, Hugo and Sphinx on generated large labs
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) site test-artifacts benchmarks/out
