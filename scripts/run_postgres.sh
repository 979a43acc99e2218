#!/usr/bin/env bash
# The production profile's own PostgreSQL (Debian's `postgresql` package) in the foreground, with
# its data in $POLKUOPAS_RUN_DIR/pgdata (made by scripts/run_production.sh), on loopback only.
# PostgreSQL refuses to run as root: as root it runs as Debian's `postgres` user.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
command=("$bin/postgres" -D "$POLKUOPAS_RUN_DIR/pgdata" -p "$RASA_TRACKER_PORT" -h 127.0.0.1 -k "$POLKUOPAS_RUN_DIR")
if [ "$(id -u)" -eq 0 ]; then
  # setpriv execs PostgreSQL itself (no process in between), so supervisord's signals reach it
  exec setpriv --reuid=postgres --regid=postgres --init-groups -- "${command[@]}"
fi
exec "${command[@]}"
