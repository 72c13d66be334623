# biohub: `make demo` runs the main job on the bundled examples, `make test` runs every check.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest score bench bench-linear schema reports clean-venv browser-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/biohub --kb . ingest examples/releases/
	$(BIN)/biohub --kb . build
	$(BIN)/biohub --kb . timeline

test: $(STAMP) lint typecheck browser-deps pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

browser-deps:
	-@bash tests/browser/install_chromium.sh

pytest: $(STAMP)
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

schema: $(STAMP)
	$(BIN)/biohub schema

reports: $(STAMP)
	$(BIN)/biohub --kb . build

# Ingest ../shared/seeds into a temporary knowledge base and score it against ../shared/gold; then the
# development set the same way when its texts are in .devset/ (../shared/devset/README.md says how).
score: $(STAMP)
	@$(BIN)/python bench/score.py --shared $(SHARED)

bench: $(STAMP)
	-$(BIN)/python bench/linear.py
	$(BIN)/python bench/run.py

# Each per-document stage on hostile inputs grown 1x, 2x, 4x, 8x: the time ratios, superlinear ones flagged.
bench-linear: $(STAMP)
	$(BIN)/python bench/linear.py

clean-venv:
	rm -rf $(VENV)
