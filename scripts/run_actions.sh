#!/usr/bin/env bash
# Starts the action server on loopback (ACTIONS_INTERFACE in a container) as one process (bot/serve_actions.py); in the production
# profile the n-th one (POLKUOPAS_PROCESS_INDEX) listens on ACTION_SERVER_PORT_BASE + n.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${ACTION_SERVER_PORT:-5055}
[ -n "${POLKUOPAS_PROCESS_INDEX:-}" ] && port=$((ACTION_SERVER_PORT_BASE + POLKUOPAS_PROCESS_INDEX))
exec .venv/bin/python -m bot.serve_actions --host "${ACTIONS_INTERFACE:-127.0.0.1}" --port "$port"
