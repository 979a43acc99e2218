#!/usr/bin/env bash
# Runs the test stories in tests/stories against the trained model.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
model=$(ls -t models/polkuopas-*.tar.gz | head -n 1)
rm -rf results/core && mkdir -p results
scripts/rasa.sh test core --stories "$PWD/tests/stories" --model "$PWD/$model" --out "$PWD/results/core" \
  --fail-on-prediction-errors --quiet >results/core.log 2>&1 || {
  tail -n 40 results/core.log >&2
  echo "test stories failed; see results/core/failed_test_stories.yml" >&2
  exit 1
}
grep -E "Correct:|Accuracy" results/core.log | head -n 4 || true
echo "test stories: ok"
