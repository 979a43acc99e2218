#!/usr/bin/env bash
# Runs scripts/nlu_eval.py (intent evaluation, NLU benchmark) with .venv-rasa's Python, from a
# working directory of its own for the same reason as scripts/rasa.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=3
export PYTHONWARNINGS=ignore  # the deprecation warnings of Rasa's dependencies, on every import
# Custom NLU components (bot/components) are imported by module name, e.g. sentence_features.
export PYTHONPATH="$ROOT/bot/components${PYTHONPATH:+:$PYTHONPATH}"
export NLU_CALLER_DIR="$PWD"  # relative paths in the arguments are the caller's
mkdir -p "$ROOT/var/rasa-workdir"
cd "$ROOT/var/rasa-workdir"
exec "$ROOT/.venv-rasa/bin/python" "$ROOT/scripts/nlu_eval.py" "$@"
