# Two commands set everything up on a fresh machine:
#   make demo   install into .venv and analyse the example story
#   make test   install into .venv (and Chromium, for the report's browser tests) and run ruff, mypy and the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: install browser demo test lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

# Debian's Chromium for tests/report/test_browser.py (Playwright drives it; it never downloads browsers).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update && apt-get install -y --no-install-recommends chromium) \
	    || echo "note: could not install chromium; the browser tests will be skipped"; \
	  else echo "note: chromium is not installed and this is not root; the browser tests will be skipped"; fi; }

demo: install
	$(BIN)/ficlens analyze $(SHARED)/examples/hard-truths.txt

lint: install
	$(BIN)/ruff check src tests training benchmarks
	$(BIN)/ruff format --check src tests training benchmarks

typecheck: install
	$(BIN)/mypy

test: install browser lint typecheck
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info src/*.egg-info
