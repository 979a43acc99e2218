#!/usr/bin/env bash
# The default profile (`make run`): rasa, actions and api under supervisord, which restarts a
# process that dies (deploy/supervisord.conf). Ctrl-C stops everything. POLKUOPAS_RUN_DIR holds
# supervisord's socket and pid file (default var/).
set -euo pipefail
cd "$(dirname "$0")/.."
export POLKUOPAS_RUN_DIR="${POLKUOPAS_RUN_DIR:-$PWD/var}"
export POLKUOPAS_HOST="${POLKUOPAS_HOST:-0.0.0.0}" POLKUOPAS_PORT="${POLKUOPAS_PORT:-8000}"
mkdir -p "$POLKUOPAS_RUN_DIR"
exec .venv/bin/supervisord --configuration deploy/supervisord.conf
