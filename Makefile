# Two commands do all the set-up: `make test` and `make serve`. Each creates .venv when missing.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: test lint serve build extract bench system-deps clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

# Debian packages the tests and charts need: headless Chromium + driver, and a CJK font.
system-deps:
	@sh .ci/system-deps.sh

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: $(STAMP) system-deps lint
	$(VENV)/bin/pytest -q

extract: $(STAMP)
	$(VENV)/bin/zhibiao extract -o data/facts.jsonl

build: $(STAMP)
	$(VENV)/bin/zhibiao build

serve: $(STAMP) system-deps
	$(VENV)/bin/zhibiao serve

bench: $(STAMP)
	$(PY) benchmarks/extract.py
	$(PY) benchmarks/build.py

clean:
	rm -rf $(VENV) data .pytest_cache
