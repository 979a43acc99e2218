#!/usr/bin/env bash
# Starts the API (the widget, the pages and the chat gateway) on POLKUOPAS_PORT, as the Procfile
# lists it. Under supervisord (make run) the API runs as an fcgi-program instead, on a socket
# supervisord holds (deploy/supervisord.conf).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/uvicorn api.main:app --host "${POLKUOPAS_HOST:-0.0.0.0}" --port "${POLKUOPAS_PORT:-8000}" --no-access-log
