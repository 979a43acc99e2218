#!/usr/bin/env bash
# Starts the Rasa server on loopback with the newest trained model.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
export ACTION_SERVER_URL="http://127.0.0.1:${ACTION_SERVER_PORT:-5055}/webhook"
export RASA_TRACKER_DB="${RASA_TRACKER_DB:-$PWD/var/rasa_tracker.db}"
mkdir -p var
model=$(ls -t models/polkuopas-*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -z "$model" ]; then
  echo "No trained model in models/; run scripts/train_if_stale.sh" >&2
  exit 1
fi
port=$(python3 -c "from urllib.parse import urlparse; import os; print(urlparse(os.environ.get('RASA_URL','http://127.0.0.1:5005')).port or 5005)")
exec scripts/rasa.sh run --interface 127.0.0.1 --port "$port" --model "$PWD/$model" \
  --endpoints "$PWD/endpoints.yml" --credentials "$PWD/credentials.yml" --quiet
