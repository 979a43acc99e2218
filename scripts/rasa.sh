#!/usr/bin/env bash
# Runs the Rasa CLI from .venv-rasa (through bot/rasa_runtime/polkuopas_rasa.py, which makes its calls to
# the action server cheaper) in a working directory of its own.
# Rasa puts its working directory on sys.path, and our `catalogue` package
# would then shadow the PyPI package `catalogue` that spaCy imports, so Rasa
# never runs from the repository root. Pass absolute paths ($ROOT/...).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}
# Custom NLU components (bot/components) are imported by module name, e.g. sentence_features.
export PYTHONPATH="$ROOT/bot/components:$ROOT/bot/rasa_runtime${PYTHONPATH:+:$PYTHONPATH}"
mkdir -p "$ROOT/var/rasa-workdir"
cd "$ROOT/var/rasa-workdir"
exec "$ROOT/.venv-rasa/bin/python" -m polkuopas_rasa "$@"
