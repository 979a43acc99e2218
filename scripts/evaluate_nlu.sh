#!/usr/bin/env bash
# Evaluates the trained model on the held-out set; fails below intent macro F1 0.85.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
MIN_MACRO_F1=${MIN_MACRO_F1:-0.85}
model=$(ls -t models/polkuopas-*.tar.gz | head -n 1)
rm -rf results/nlu
scripts/rasa.sh test nlu --nlu "$PWD/tests/nlu/test_nlu.yml" --model "$PWD/$model" --out "$PWD/results/nlu" --quiet >/dev/null 2>&1
python3 - "$MIN_MACRO_F1" <<'PY'
import json, sys
report = json.load(open("results/nlu/intent_report.json"))
macro = report["macro avg"]["f1-score"]
weak = sorted((v["f1-score"], k) for k, v in report.items() if isinstance(v, dict) and "support" in v and k not in ("macro avg", "weighted avg", "micro avg"))[:5]
print(f"intent macro F1 {macro:.3f} (minimum {float(sys.argv[1]):.2f}); weakest: " + ", ".join(f"{k} {f:.2f}" for f, k in weak))
sys.exit(0 if macro >= float(sys.argv[1]) else 1)
PY
