#!/usr/bin/env bash
# Starts the API (the widget, the pages and the chat gateway) on POLKUOPAS_PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/uvicorn api.main:app --host "${POLKUOPAS_HOST:-0.0.0.0}" --port "${POLKUOPAS_PORT:-8000}" --no-access-log
