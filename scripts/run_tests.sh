#!/usr/bin/env bash
# The whole test suite: unit and API tests (on SQLite, then again on a throwaway PostgreSQL
# server), Rasa data validation, NLU evaluation on the held-out set, test stories, the live-stack
# integration test and the browser tests (the widget and the pages in Debian's headless Chromium,
# with axe-core).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false

run_pytest() {
  set +e
  .venv/bin/python -m pytest "$@"
  local status=$?
  set -e
  if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests: failing" >&2
    exit 1
  fi
  return "$status"
}

echo "== unit, action and API tests"
run_pytest -q tests/unit

# The same tests on PostgreSQL, the production database (README): migrations up and down, seeding,
# the catalogue, search, the API and the conversation store on a throwaway server (tests/pgserver.py;
# `make test` has the setup install Debian's postgresql package).
echo "== unit, action and API tests again on PostgreSQL"
POLKUOPAS_TEST_DATABASE=postgresql run_pytest -q tests/unit

echo "== NLU data: the held-out test sets do not overlap the training data"
.venv/bin/python scripts/check_nlu_overlap.py
.venv/bin/python scripts/check_nlu_overlap.py --test tests/nlu/test_nlu_colloquial.yml
.venv/bin/python scripts/check_nlu_overlap.py --test tests/nlu/test_nlu_sv.yml
.venv/bin/python scripts/check_nlu_overlap.py --test tests/nlu/test_nlu_en.yml

echo "== custom Rasa components (bot/components), with .venv-rasa's pytest"
scripts/test_components.sh

echo "== rasa data validate"
scripts/validate_rasa_data.sh

echo "== training (only when data or config changed)"
scripts/train_if_stale.sh

echo "== NLU evaluation on the held-out sets (tests/nlu/)"
scripts/nlu.sh evaluate

echo "== test stories"
scripts/test_stories.sh

# one pytest run, so the integration and browser tests share one live stack
echo "== integration (real rasa, actions and api) and browser (headless Chromium, axe-core)"
run_pytest -q tests/integration tests/browser
