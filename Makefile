# Every target builds its own virtual environment from a fresh clone: no help needed.
PYTHON ?= $(shell command -v pyenv >/dev/null 2>&1 && pyenv which python 2>/dev/null || command -v python3.12 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export NO_COLOR := 1
export COLUMNS := 120

.PHONY: install run test quick lint bench bench-synthetic bench-floor fuzz clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 12), "iranru needs Python >= 3.12 (found " + sys.version.split()[0] + ")"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q src >/dev/null  # as a regular install would: no start-up spent compiling
	touch $(STAMP)

run: install
	$(BIN)/iranru stats corpus/

test: install
	$(BIN)/python -m pytest -q

quick: install
	$(BIN)/python -m pytest -q -m "not slow"

lint: install
	$(BIN)/ruff check src tests bench

BENCH_MB ?= 100
BENCH_FILES ?= 1000

# natural text from ../shared/bench/natural (read in place); `make bench-synthetic` for the old corpus
bench: install
	$(BIN)/python -m compileall -q src >/dev/null
	$(BIN)/python bench/zwnj_bench.py
	$(BIN)/python bench/speed.py

bench-synthetic: install
	$(BIN)/python bench/speed.py --synthetic --mb $(BENCH_MB) --files $(BENCH_FILES)

# how fast a minimal Python pipeline and iranru's own pieces are, against the 8x budget (issue #17)
bench-floor: install
	$(BIN)/python bench/floor.py

fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_properties.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
