# Two commands do all the set-up: `make test` and `make serve`. Each creates .venv when missing.
# `make serve` installs zhibiao alone (no apt, no browser, no test tools); `make test` adds the
# test tools and the Debian packages the browser tests and chart renders need.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
RUNTIME_STAMP := $(VENV)/.runtime-stamp
PORT   ?= 8001
HOST   ?= 127.0.0.1

.PHONY: test lint serve build extract bench system-deps clean

# Development: zhibiao with the test tools (pytest, ruff, playwright …).
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP) $(RUNTIME_STAMP)

# Serving: zhibiao and what it runs on, nothing more.
$(RUNTIME_STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q -e .
	touch $(RUNTIME_STAMP)

# Debian packages the tests and charts need: headless Chromium + driver, and a CJK font.
system-deps:
	@sh .ci/system-deps.sh

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: $(STAMP) system-deps lint
	$(VENV)/bin/pytest -q

extract: $(RUNTIME_STAMP)
	$(VENV)/bin/zhibiao extract -o data/facts.jsonl

build: $(RUNTIME_STAMP)
	$(VENV)/bin/zhibiao build

# make serve PORT=8080 (or HOST=0.0.0.0): a busy port is one line of error, not a traceback.
serve: $(RUNTIME_STAMP)
	$(VENV)/bin/zhibiao serve --host $(HOST) --port $(PORT)

bench: $(STAMP)
	$(PY) benchmarks/extract.py
	$(PY) benchmarks/build.py
	$(PY) benchmarks/scale.py

clean:
	rm -rf $(VENV) data .pytest_cache
