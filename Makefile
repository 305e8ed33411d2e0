# Two commands on a fresh machine:  make serve  ·  make test
SHELL := /bin/bash
# Independent set-up steps run side by side (the Python environment and npm ci); recipes stay in order.
MAKEFLAGS += --jobs=2
PYTHON3 ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# uv installs the hashed, pinned requirements (requirements*.txt, compiled from requirements*.in).
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.8
export NO_MKDOCS_2_WARNING := 1
export PYTHON := $(PY)
# Two pytest workers keep both cores busy (one process leaves a quarter idle while it waits on Chromium); the book is
# made once, by the worker that runs its group (xdist_group in tests/test_print.py, guarded by tests/test_contracts.py).
WORKERS := -n 2 --dist loadgroup

.PHONY: help serve build test test-fast test-browser pdf check-links bench requirements system-deps clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(UV):
	$(PYTHON3) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check uv==$(UV_VERSION)

# The pinned, hashed wheels come from uv's cache when it holds them all (no registry round trips in a
# fresh clone's set-up), else from the registry.
INSTALL = $(UV) pip install -q --python $(PY) --require-hashes
# Where PYTHONDONTWRITEBYTECODE is set (as on the machine CI runs on) Python writes no .pyc files, and every run
# compiled its imports again, pytest's collection included: the set-up compiles them once (compileall skips the files
# already compiled). The stamps depend on this Makefile, so an existing .venv gets what a changed recipe adds.
COMPILE = $(PY) -m compileall -q $(VENV)/lib

$(VENV)/.runtime: requirements.txt Makefile | $(UV)
	$(INSTALL) --offline -r requirements.txt 2>/dev/null || $(INSTALL) -r requirements.txt
	$(COMPILE)
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt Makefile
	$(INSTALL) --offline -r requirements.txt -r requirements-dev.txt 2>/dev/null || $(INSTALL) -r requirements.txt -r requirements-dev.txt
	$(COMPILE)
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --prefer-offline --no-audit --no-fund --loglevel=error
	touch $@

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefer-offline --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

system-deps: $(VENV)/.dev  ## install Chromium, CJK fonts, poppler when missing
	bash scripts/install-system-deps.sh

serve: $(VENV)/.runtime  ## set up, then live preview on http://127.0.0.1:8000
	SITE_URL=http://127.0.0.1:8000/ $(VENV)/bin/mkdocs serve -a 127.0.0.1:8000

build: $(VENV)/.runtime  ## strict build into site/
	$(VENV)/bin/mkdocs build --strict

test: $(VENV)/.dev system-deps node_modules/.installed  ## set up, then every check (two workers, pytest-xdist)
	$(PY) -m pytest $(WORKERS)

test-fast: $(VENV)/.dev  ## the checks that start no browser
	$(PY) -m pytest -m "not browser"

test-browser: $(VENV)/.dev system-deps node_modules/.installed  ## the checks in Chromium and Firefox
	$(PY) -m pytest -m browser $(WORKERS)

pdf: $(VENV)/.dev system-deps  ## the site with its book: site/ + site/pdf/aws-study-notes.pdf
	PDF_BOOK=1 $(VENV)/bin/mkdocs build --strict
	$(PY) -m scripts pdf

check-links: $(VENV)/.dev  ## links, assets and anchors of the built site/ (lychee, under the project path)
	$(PY) -m scripts check-links site

bench: $(VENV)/.dev system-deps bench/node_modules/.installed  ## benchmarks: bytes, Lighthouse, search, book
	$(PY) -m scripts bench-bytes
	$(VENV)/bin/mkdocs build --strict -q && $(PY) -m scripts lighthouse
	$(PY) -m scripts search-bench
	$(PY) -m scripts pdf-bench

requirements: $(UV)  ## recompile requirements*.txt (with hashes) from requirements*.in
	$(UV) pip compile -q --generate-hashes --python-version 3.11.7 requirements.in -o requirements.txt
	$(UV) pip compile -q --generate-hashes --python-version 3.11.7 requirements-dev.in -o requirements-dev.txt

clean:  ## delete what the commands make (site, environments, packages)
	rm -rf site $(VENV) node_modules bench/node_modules .pytest_cache
