# Polkuopas — the two commands: `make run` and `make test`.
SHELL := /bin/bash
export RASA_TELEMETRY_ENABLED := false
export PYTHONDONTWRITEBYTECODE := 1
PORT ?= $(or $(POLKUOPAS_PORT),8000)

.PHONY: run run-production test setup train lint format bench bench-nlu load clean

setup:
	@scripts/bootstrap.sh

train: setup
	@scripts/train_if_stale.sh

run: train
	@echo ""
	@echo "  Polkuopas starts at http://localhost:$(PORT)  (Ctrl-C stops everything)"
	@echo ""
	@scripts/run_stack.sh

# the production profile on one machine: PostgreSQL, Redis, 2 Rasa + 2 action servers and 2 API
# workers under supervisord (scripts/run_production.sh; README "Production")
run-production: export EXTRA_APT_PACKAGES = postgresql redis-server
run-production: train
	@echo ""
	@echo "  Polkuopas (production profile) starts at http://localhost:$(PORT)  (Ctrl-C stops everything)"
	@echo ""
	@scripts/run_production.sh

# ruff (lint, format, import order) and mypy, configured in pyproject.toml
lint: setup
	@echo "== lint: ruff and mypy"
	@.venv/bin/ruff check .
	@.venv/bin/ruff format --check .
	@.venv/bin/mypy

format: setup
	@.venv/bin/ruff check --fix .
	@.venv/bin/ruff format .

# the tests also need Debian's PostgreSQL and Redis servers (throwaway ones: tests/pgserver.py, tests/redisserver.py);
# lint runs first, before the slow steps
test: export EXTRA_APT_PACKAGES = postgresql redis-server
test: setup
	@$(MAKE) --no-print-directory lint
	@scripts/run_tests.sh

bench: train
	@.venv/bin/python scripts/bench.py
	@.venv/bin/python scripts/bench_search.py
	@.venv/bin/python scripts/bench_catalogue_db.py

# NLU: both held-out sets, 5-fold cross-validation, Rasa's default pipeline, training time and
# parse latency (about an hour on 2 cores); table in docs/performance.md
# load test with locust: 50 simulated users for 3 minutes against the default profile
# (scripts/load_test.py --help: more users, the production profile, the 30-minute soak)
load: train
	@.venv/bin/python scripts/load_test.py --users 50 --minutes 3

bench-nlu: train
	@scripts/nlu.sh bench

clean:
	rm -rf var models results .pytest_cache
