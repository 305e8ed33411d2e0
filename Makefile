# Two commands on a fresh machine:  make serve  ·  make test
SHELL := /bin/bash
PYTHON3 ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
export NO_MKDOCS_2_WARNING := 1
export PYTHON := $(PY)

.PHONY: help serve build test pdf bench system-deps clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(VENV)/.runtime: requirements.txt
	$(PYTHON3) -m venv $(VENV)
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PIP) install -q -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-deps: $(VENV)/.dev  ## install Chromium, CJK fonts, poppler when missing
	bash scripts/install-system-deps.sh

serve: $(VENV)/.runtime  ## set up, then live preview on http://127.0.0.1:8000
	SITE_URL=http://127.0.0.1:8000/ $(VENV)/bin/mkdocs serve -a 127.0.0.1:8000

build: $(VENV)/.runtime  ## strict build into site/
	$(VENV)/bin/mkdocs build --strict

test: $(VENV)/.dev system-deps node_modules/.installed  ## set up, then every check
	$(PY) -m pytest

pdf: build system-deps  ## the whole site as one PDF: site/pdf/aws-study-notes.pdf
	$(PY) -m scripts pdf

bench: $(VENV)/.dev system-deps node_modules/.installed build  ## benchmarks: bytes, Lighthouse, search
	$(PY) -m scripts bench-bytes
	$(PY) -m scripts lighthouse
	$(PY) -m scripts search-bench

clean:
	rm -rf site $(VENV) node_modules .pytest_cache
