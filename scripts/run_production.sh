#!/usr/bin/env bash
# The production profile on one machine (`make run-production`): PostgreSQL and Redis,
# POLKUOPAS_RASA_PROCESSES Rasa servers (each with its action server) sharing the conversations,
# and the API with POLKUOPAS_API_WORKERS workers, all under supervisord
# (deploy/supervisord.production.conf), which starts again whatever dies.
#
# With POLKUOPAS_LOCAL_SERVERS=0 it uses your own PostgreSQL and Redis instead: set DATABASE_URL,
# RASA_TRACKER_HOST / _PORT / _DB_NAME / _USER / _PASSWORD, REDIS_HOST / REDIS_PORT (README).
set -euo pipefail
cd "$(dirname "$0")/.."
export POLKUOPAS_RUN_DIR="${POLKUOPAS_RUN_DIR:-$PWD/var/production}"
export POLKUOPAS_LOCAL_SERVERS="${POLKUOPAS_LOCAL_SERVERS:-1}"
export POLKUOPAS_RASA_PROCESSES="${POLKUOPAS_RASA_PROCESSES:-2}"
export POLKUOPAS_API_WORKERS="${POLKUOPAS_API_WORKERS:-2}"
export POLKUOPAS_HOST="${POLKUOPAS_HOST:-0.0.0.0}" POLKUOPAS_PORT="${POLKUOPAS_PORT:-8000}"
export RASA_PORT_BASE="${RASA_PORT_BASE:-5005}" ACTION_SERVER_PORT_BASE="${ACTION_SERVER_PORT_BASE:-5055}"
export RASA_TRACKER_HOST="${RASA_TRACKER_HOST:-127.0.0.1}" RASA_TRACKER_PORT="${RASA_TRACKER_PORT:-5433}"
export RASA_TRACKER_DB_NAME="${RASA_TRACKER_DB_NAME:-polkuopas_tracker}"
export RASA_TRACKER_USER="${RASA_TRACKER_USER:-polkuopas}" RASA_TRACKER_PASSWORD="${RASA_TRACKER_PASSWORD:-}"
export REDIS_HOST="${REDIS_HOST:-127.0.0.1}" REDIS_PORT="${REDIS_PORT:-6380}" REDIS_LOCK_DB="${REDIS_LOCK_DB:-0}"
export RASA_ENDPOINTS=endpoints.production.yml
unset ACTION_SERVER_URL  # each Rasa calls its own action server (scripts/run_rasa.sh)
tracker_login="$RASA_TRACKER_USER${RASA_TRACKER_PASSWORD:+:$RASA_TRACKER_PASSWORD}"
export RASA_TRACKER_DB_URL="${RASA_TRACKER_DB_URL:-postgresql+psycopg://$tracker_login@$RASA_TRACKER_HOST:$RASA_TRACKER_PORT/$RASA_TRACKER_DB_NAME}"
export DATABASE_URL="${DATABASE_URL:-postgresql+psycopg://$tracker_login@$RASA_TRACKER_HOST:$RASA_TRACKER_PORT/polkuopas}"
export POLKUOPAS_RATE_LIMIT_STORAGE="${POLKUOPAS_RATE_LIMIT_STORAGE:-async+redis://$REDIS_HOST:$REDIS_PORT/1}"
rasa_urls="" action_urls=""
for ((n = 0; n < POLKUOPAS_RASA_PROCESSES; n++)); do
  rasa_urls+="${rasa_urls:+,}http://127.0.0.1:$((RASA_PORT_BASE + n))"
  action_urls+="${action_urls:+,}http://127.0.0.1:$((ACTION_SERVER_PORT_BASE + n))"
done
export RASA_URLS="$rasa_urls" ACTION_SERVER_URLS="$action_urls"
mkdir -p "$POLKUOPAS_RUN_DIR"

if [ "$POLKUOPAS_LOCAL_SERVERS" = 1 ]; then
  export POLKUOPAS_LOCAL_AUTOSTART=true
  if [ ! -d "$POLKUOPAS_RUN_DIR/pgdata" ]; then
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    as_postgres=()
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres: "$POLKUOPAS_RUN_DIR"
      as_postgres=(runuser -u postgres --)
    fi
    # loopback only, trust for local users: put a password and md5/scram in pg_hba.conf for anything else
    "${as_postgres[@]}" "$bin/initdb" -D "$POLKUOPAS_RUN_DIR/pgdata" -U "$RASA_TRACKER_USER" --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    "${as_postgres[@]}" "$bin/pg_ctl" -D "$POLKUOPAS_RUN_DIR/pgdata" -o "-p $RASA_TRACKER_PORT -h 127.0.0.1 -k $POLKUOPAS_RUN_DIR" -w start >/dev/null
    for db in polkuopas "$RASA_TRACKER_DB_NAME"; do
      "${as_postgres[@]}" "$bin/createdb" -h 127.0.0.1 -p "$RASA_TRACKER_PORT" -U "$RASA_TRACKER_USER" "$db"
    done
    "${as_postgres[@]}" "$bin/pg_ctl" -D "$POLKUOPAS_RUN_DIR/pgdata" -w stop >/dev/null
  fi
else
  export POLKUOPAS_LOCAL_AUTOSTART=false
fi
exec .venv/bin/supervisord --configuration deploy/supervisord.production.conf
