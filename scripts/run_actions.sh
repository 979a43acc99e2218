#!/usr/bin/env bash
# Starts the action server on loopback as one process (bot/serve_actions.py).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m bot.serve_actions --host 127.0.0.1 --port "${ACTION_SERVER_PORT:-5055}"
