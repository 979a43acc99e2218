#!/usr/bin/env bash
# Starts the Rasa server on loopback (RASA_INTERFACE in a container) with the newest trained model. In the production profile
# (POLKUOPAS_PROCESS_INDEX set by supervisord) the n-th Rasa listens on RASA_PORT_BASE + n, calls
# the n-th action server and uses RASA_ENDPOINTS (endpoints.production.yml).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
if [ -n "${POLKUOPAS_PROCESS_INDEX:-}" ]; then
  port=$((RASA_PORT_BASE + POLKUOPAS_PROCESS_INDEX))
  export ACTION_SERVER_PORT=$((ACTION_SERVER_PORT_BASE + POLKUOPAS_PROCESS_INDEX))
else
  port=$(python3 -c "from urllib.parse import urlparse; import os; print(urlparse(os.environ.get('RASA_URL','http://127.0.0.1:5005')).port or 5005)")
fi
# the action server's address: loopback, unless set (containers name another host)
export ACTION_SERVER_URL="${ACTION_SERVER_URL:-http://127.0.0.1:${ACTION_SERVER_PORT:-5055}/webhook}"
export RASA_TRACKER_DB="${RASA_TRACKER_DB:-$PWD/var/rasa_tracker.db}"
mkdir -p var
model=$(ls -t models/polkuopas-*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -z "$model" ]; then
  echo "No trained model in models/; run scripts/train_if_stale.sh" >&2
  exit 1
fi
exec scripts/rasa.sh run --interface "${RASA_INTERFACE:-127.0.0.1}" --port "$port" --model "$PWD/$model" \
  --endpoints "$PWD/${RASA_ENDPOINTS:-endpoints.yml}" --credentials "$PWD/credentials.yml" --quiet
