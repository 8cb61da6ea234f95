# The README's two commands: `make serve` and `make test`. Each installs what is missing
# into .venv (Python) and node_modules (npm) first; Chromium comes from Debian.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: deps serve build test unit bench chromium clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(BIN)/.installed node_modules/.installed

# Build the site and serve it with live reload on http://127.0.0.1:8000/
serve: deps
	SITE_URL=http://$(HOST):$(PORT)/ $(BIN)/mkdocs serve --strict --no-livereload -a $(HOST):$(PORT)

build: deps
	$(BIN)/mkdocs build --strict

# Browser tests need Debian's Chromium (or a Chromium-based browser named by $CHROMIUM);
# as root we install Debian's package when it is missing.
chromium:
	@[ -x "$${CHROMIUM:-/usr/bin/chromium}" ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "Chromium saknas: installera Debians paket 'chromium' (sudo apt-get install chromium)."; exit 1; \
	  fi; }

# Every test: the JavaScript's pure modules under Node, Python core, the same cases inside
# Pyodide, the built site in Chromium.
test: deps chromium
	node --test tests/js/
	$(BIN)/pytest

unit: deps
	$(BIN)/pytest tests/unit

bench: deps chromium
	$(BIN)/python -m bench

clean:
	rm -rf site .pytest_cache
