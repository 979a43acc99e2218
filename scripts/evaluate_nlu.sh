#!/usr/bin/env bash
# Evaluates the trained model on both held-out sets and prints intent macro F1 for each:
# tests/nlu/test_nlu.yml (written like the training data; fails below 0.85) and
# tests/nlu/test_nlu_colloquial.yml (written as people type: colloquial, misspelt, short; fails
# below MIN_COLLOQUIAL_MACRO_F1, a guard against regressions while the NLU is improved).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1
MIN_MACRO_F1=${MIN_MACRO_F1:-0.85}
MIN_COLLOQUIAL_MACRO_F1=${MIN_COLLOQUIAL_MACRO_F1:-0.72}
model=$(ls -t models/polkuopas-*.tar.gz | head -n 1)
status=0
for set in "test_nlu:$MIN_MACRO_F1" "test_nlu_colloquial:$MIN_COLLOQUIAL_MACRO_F1"; do
  name=${set%%:*}
  minimum=${set##*:}
  rm -rf "results/$name"
  scripts/rasa.sh test nlu --nlu "$PWD/tests/nlu/$name.yml" --model "$PWD/$model" --out "$PWD/results/$name" \
    --no-plot --quiet >/dev/null 2>&1
  python3 - "$name" "$minimum" <<'PY' || status=1
import json, sys
name, minimum = sys.argv[1], float(sys.argv[2])
report = json.load(open(f"results/{name}/intent_report.json"))
macro = report["macro avg"]["f1-score"]
weak = sorted((v["f1-score"], k) for k, v in report.items() if isinstance(v, dict) and "support" in v and k not in ("macro avg", "weighted avg", "micro avg"))[:5]
print(f"{name}: intent macro F1 {macro:.3f} (minimum {minimum:.2f}); weakest: " + ", ".join(f"{k} {f:.2f}" for f, k in weak))
sys.exit(0 if macro >= minimum else 1)
PY
done
exit $status
