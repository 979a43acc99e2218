#!/usr/bin/env bash
# Tests of the custom Rasa components (bot/components) with .venv-rasa's pytest: they need Rasa
# itself, so they run apart from the .venv's unit tests and without the shared conftest.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=3
export PYTHONPATH="$ROOT/bot/components:$ROOT/bot/rasa_runtime${PYTHONPATH:+:$PYTHONPATH}"
mkdir -p "$ROOT/var/rasa-workdir"
cd "$ROOT/var/rasa-workdir"
set +e
"$ROOT/.venv-rasa/bin/python" -m pytest -q -p no:cacheprovider --import-mode=importlib --rootdir "$ROOT/tests/components" \
  --confcutdir "$ROOT/tests/components" -W ignore::DeprecationWarning "$ROOT/tests/components" "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no component tests: failing" >&2
  exit 1
fi
exit "$status"
