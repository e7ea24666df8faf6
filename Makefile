# The two commands of the README: `make demo` and `make test`. Only python3 and make needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: demo load test lint bench clean

$(BIN)/timeline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.test-deps: $(BIN)/timeline
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

## demo: install, load the bundled timelines of events/ into ./timeline.db, open the dashboard
demo: load
	$(BIN)/streamlit run dashboard.py --server.port $(PORT)

load: $(BIN)/timeline
	@$(BIN)/timeline track load events/tracks.json
	@for f in events/*.csv; do $(BIN)/timeline import "$$f"; done

## test: install with the test extras and run the whole suite (PostgreSQL too, where it can start)
test: $(VENV)/.test-deps
	@url="$${TIMELINE_TEST_PG_URL:-$$(scripts/pg-test-server start 2>/dev/null)}"; \
	  if [ -n "$$url" ]; then echo "PostgreSQL tests: $$url"; \
	  else echo "PostgreSQL tests: no server could be started; they will skip"; fi; \
	  TIMELINE_TEST_PG_URL="$$url" $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.test-deps
	$(BIN)/ruff check .
	$(BIN)/mypy timeline

bench: $(VENV)/.test-deps
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
