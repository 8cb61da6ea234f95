# The README's two commands: `make serve` and `make test`. Each installs what is missing
# into .venv (Python) and node_modules (npm) first; Chromium comes from Debian.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: deps serve build test unit bench clean $(CHROMIUM_PACKAGES)

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

# The browser tests drive Debian's chromium-headless-shell: the same Chromium, built without a
# browser window, as Playwright itself uses for headless runs; per page it costs about a
# third of the CPU of the full browser's headless mode (bench/RESULTS.md). The benchmarks
# measure the full browser a visitor uses, Debian's chromium. $CHROMIUM names another
# Chromium-based browser for both. As root we install the package that is missing.
CHROMIUM_PACKAGES := chromium chromium-headless-shell
$(CHROMIUM_PACKAGES):
	@[ -x "$${CHROMIUM:-/usr/bin/$@}" ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $@; \
	  else \
	    echo "Chromium saknas: installera Debians paket '$@' (sudo apt-get install $@)."; exit 1; \
	  fi; }

# Every test: the JavaScript's pure modules under Node, Python core, the same cases inside
# Pyodide, the built site in Chromium. Two pytest workers (pytest-xdist), one per core; each
# has its own warm browser profiles and takes the next test when it is free (worksteal: the
# files differ too much in length for whole files to share two cores evenly).
test: deps chromium-headless-shell
	node --test tests/js/
	$(BIN)/pytest -n 2 --dist worksteal

unit: deps
	$(BIN)/pytest tests/unit

bench: deps chromium
	$(BIN)/python -m bench

clean:
	rm -rf site .pytest_cache
