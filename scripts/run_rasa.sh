#!/usr/bin/env bash
# Starts the Rasa server on loopback with the newest trained model.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false
export ACTION_SERVER_URL="http://127.0.0.1:${ACTION_SERVER_PORT:-5055}/webhook"
mkdir -p var
model=$(ls -t models/polkuopas-*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -z "$model" ]; then
  echo "No trained model in models/; run scripts/train_if_stale.sh" >&2
  exit 1
fi
port=$(python3 -c "from urllib.parse import urlparse; import os; print(urlparse(os.environ.get('RASA_URL','http://127.0.0.1:5005')).port or 5005)")
exec .venv-rasa/bin/rasa run --interface 127.0.0.1 --port "$port" --model "$model" \
  --endpoints endpoints.yml --credentials credentials.yml --quiet
