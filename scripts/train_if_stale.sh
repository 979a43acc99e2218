#!/usr/bin/env bash
# Trains the Rasa model only when it is missing or the training data,
# domain or config changed since the last training.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
inputs_hash=$(cat config.yml domain.yml $(find bot/data -name '*.yml' | sort) | sha256sum | cut -c1-16)
model="models/polkuopas-$inputs_hash.tar.gz"
if [ -f "$model" ]; then
  echo "[train] model is up to date: $model"
  exit 0
fi
echo "[train] training a new model (data or config changed)"
mkdir -p models
scripts/rasa.sh train --quiet --config "$PWD/config.yml" --domain "$PWD/domain.yml" --data "$PWD/bot/data" \
  --out "$PWD/models" --fixed-model-name "polkuopas-$inputs_hash"
# Keep only the current model.
find models -name 'polkuopas-*.tar.gz' ! -name "polkuopas-$inputs_hash.tar.gz" -delete
echo "[train] done: $model"
