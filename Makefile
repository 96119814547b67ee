# One command each: `make run` starts the bot, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed

.PHONY: run test check bench bench-shared clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)  ## start the bot (console chat without TELEGRAM_BOT_TOKEN)
	$(BIN)/python -m bot

test: $(STAMP)  ## pytest, ruff and mypy (Redis and PostgreSQL installed for their tests when possible)
	bash tests/servers/install.sh
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check bot tests benchmarks
	$(BIN)/mypy

check: $(STAMP)  ## validate the knowledge base
	$(BIN)/python -m bot check

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)  ## the benchmarks in benchmarks/, each against a reference run beside it
	$(BIN)/python benchmarks/quality.py
	$(BIN)/python benchmarks/engine.py --quiet
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/load.py
	$(BIN)/python benchmarks/startup.py

bench-shared: $(BENCH_STAMP)  ## shared mode (Redis, PostgreSQL) against the default; needs both installed
	bash tests/servers/install.sh
	$(BIN)/python benchmarks/shared.py
	$(BIN)/python benchmarks/shared_ratelimit.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
