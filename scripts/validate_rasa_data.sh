#!/usr/bin/env bash
# `rasa data validate` must pass, and every warning it prints must be one we
# have explained in scripts/explained_rasa_warnings.txt (one fixed string per line,
# each with the reason in the comment above it).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
log=$(mktemp)
status=0
scripts/rasa.sh data validate --config "$PWD/config.yml" --domain "$PWD/domain.yml" --data "$PWD/bot/data" >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  cat "$log" >&2
  echo "rasa data validate failed" >&2
  exit 1
fi
patterns=$(grep -v -E '^\s*(#|$)' scripts/explained_rasa_warnings.txt || true)
warnings=$(grep -E "UserWarning|WARNING" "$log" || true)
if [ -n "$patterns" ]; then
  warnings=$(printf '%s\n' "$warnings" | grep -v -F -e "$patterns" || true)
fi
if [ -n "$warnings" ]; then
  echo "Unexplained warnings from rasa data validate:" >&2
  printf '%s\n' "$warnings" >&2
  exit 1
fi
rm -f "$log"
echo "rasa data validate: ok"
