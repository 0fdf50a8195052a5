# claimgraph — two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
PY      = $(VENV)/bin/python
STORE  ?= claimgraph-data

.PHONY: demo test lint bench bench-detect install install-dev chromium clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(VENV)/bin/claimgraph --store $(STORE) demo --corpus corpus --output reports

# Debian's Chromium for the browser tests (tests/web/test_browser.py). Playwright drives this
# browser; 'playwright install' (which would download one) is never run.
CHROMIUM ?= /usr/bin/chromium
chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	else echo "warning: $(CHROMIUM) is missing and cannot be installed here; the browser tests will be skipped"; fi

# The tests start what they need themselves: 'claimgraph serve' and 'oxigraph serve' on free
# loopback ports, and headless Chromium.
test: install-dev chromium
	$(PY) -m pytest -q

# Benchmarks print figures; they are not timed tests.
bench: install
	$(PY) scripts/bench_extract.py

# Full and incremental alignment + detection over 100,000 synthetic claims in an on-disk store
# (built first, in a temporary folder; BENCH_ARGS="--store DIR" keeps and reuses it).
bench-detect: install
	$(PY) scripts/bench_detect.py $(BENCH_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests
	$(VENV)/bin/mypy

clean:
	rm -rf $(STORE) reports .pytest_cache
