"""Intent evaluation and the NLU benchmark, run with .venv-rasa's Python (scripts/nlu.sh).

    nlu.sh evaluate [--model PATH]       macro F1 of a trained model on the held-out sets;
                                         exits 1 below the minimums (used by `make test`)
    nlu.sh bench [--folds 5] [--skip-default] [--skip-cv]
                                         `make bench-nlu`: our pipeline and Rasa's default
                                         pipeline trained NLU-only on the same data, the shipped
                                         model, k-fold cross-validation, training time and parse
                                         latency; prints a Markdown table for docs/performance.md

Messages are parsed in-process with Rasa's Agent, the same graph `rasa run` serves, so this is
faster than `rasa test nlu` (which also evaluates entities and writes plots) and measures the
parse latency the server sees. Macro F1 is scikit-learn's, over the intents of each set, the
same figure as `rasa test nlu`'s intent report.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    # name: (file, minimum macro F1 in `make test`)
    # 0.98 on 2026-12-07
    "held-out (written)": (ROOT / "tests/nlu/test_nlu.yml", "MIN_MACRO_F1", 0.95),
    # 0.98 on 2026-12-07 (0.76 before the colloquial training data and the n-gram classifier)
    "held-out (colloquial)": (ROOT / "tests/nlu/test_nlu_colloquial.yml", "MIN_COLLOQUIAL_MACRO_F1", 0.95),
    # issue 19: Swedish and English, each written apart from the training data
    "held-out (Swedish)": (ROOT / "tests/nlu/test_nlu_sv.yml", "MIN_SWEDISH_MACRO_F1", 0.92),
    "held-out (English)": (ROOT / "tests/nlu/test_nlu_en.yml", "MIN_ENGLISH_MACRO_F1", 0.92),
}
NLU_DATA = ROOT / "bot/data/nlu"
CONFIG = ROOT / "config.yml"
DOMAIN = ROOT / "domain.yml"
# Rasa's default pipeline: a config without `pipeline` gets it filled in by Rasa itself.
DEFAULT_CONFIG = "recipe: default.v1\nlanguage: fi\npipeline:\npolicies:\n"
# The dense sentence features of bot/components/sentence_features.py, tried beside ours
SENTENCE_ENCODER = {"name": "sentence_features.SentenceEncoderFeaturizer"}


def with_sentence_encoder(config: Path, out: Path) -> Path:
    """`config` with the sentence encoder added before the intent classifier."""
    import yaml

    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    names = [component["name"] for component in data["pipeline"]]
    data["pipeline"].insert(names.index("DIETClassifier"), SENTENCE_ENCODER)
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def quiet() -> None:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    logging.disable(logging.WARNING)
    import structlog  # Rasa logs each parse through structlog at debug level

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    import warnings

    warnings.filterwarnings("ignore")


@dataclass
class Result:
    macro_f1: float
    per_intent: dict[str, float]
    latencies_ms: list[float] = field(default_factory=list)

    def weakest(self, n: int = 5) -> str:
        ranked = sorted(self.per_intent.items(), key=lambda item: item[1])[:n]
        return ", ".join(f"{intent} {score:.2f}" for intent, score in ranked)


def load_examples(path: Path) -> tuple[list[str], list[str]]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    examples = data.intent_examples
    return [e.get("text") for e in examples], [e.get("intent") for e in examples]


@functools.lru_cache(maxsize=1)  # every set is parsed by one model after the other
def load_agent(model: Path) -> Any:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    quiet()  # loading configures Rasa's logging again
    return agent


def evaluate(model: Path, test_set: Path) -> Result:
    from rasa.nlu.classifiers import fallback_classifier
    from sklearn.metrics import f1_score

    texts, truth = load_examples(test_set)
    agent = load_agent(model)
    predicted: list[str] = []
    latencies: list[float] = []

    async def parse_all() -> None:
        for text in texts:
            start = time.perf_counter()
            parsed = await agent.parse_message(text)
            latencies.append((time.perf_counter() - start) * 1000)
            # As `rasa test nlu` does, judge the intent beneath the fallback classifier's verdict.
            if fallback_classifier.is_fallback_classifier_prediction(parsed):
                parsed = fallback_classifier.undo_fallback_prediction(parsed)
            predicted.append(parsed["intent"]["name"] or "None")

    asyncio.run(parse_all())
    labels = sorted(set(truth))
    scores = f1_score(truth, predicted, labels=labels, average=None, zero_division=0)
    per_intent = {label: float(score) for label, score in zip(labels, scores)}
    return Result(statistics.fmean(per_intent.values()), per_intent, latencies)


def train_nlu(config: Path, data: Path, out: Path) -> tuple[Path, float]:
    from rasa.model_training import train_nlu as rasa_train_nlu

    start = time.perf_counter()
    model = rasa_train_nlu(str(config), str(data), str(out), domain=str(DOMAIN))
    if model is None:
        raise SystemExit(f"training failed: {config}")
    return Path(model), time.perf_counter() - start


def given_path(value: str) -> Path:
    """A path from the command line, relative to where nlu.sh was called."""
    return Path(os.environ.get("NLU_CALLER_DIR", "."), value).resolve()


def shipped_model() -> Path:
    models = sorted((ROOT / "models").glob("polkuopas-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise SystemExit("no trained model in models/: run `make train` first")
    return models[-1]


def command_evaluate(args: argparse.Namespace) -> int:
    model = given_path(args.model) if args.model else shipped_model()
    status = 0
    for name, (path, variable, default_minimum) in SETS.items():
        minimum = float(os.environ.get(variable, default_minimum))
        result = evaluate(model, path)
        verdict = "ok" if result.macro_f1 >= minimum else "TOO LOW"
        print(
            f"{name}: intent macro F1 {result.macro_f1:.3f} (minimum {minimum:.2f}, {verdict}); "
            f"weakest: {result.weakest()}",
            flush=True,
        )
        if result.macro_f1 < minimum:
            status = 1
    return status


def cross_validate(config: Path, data_path: Path, folds: int, workdir: Path) -> float:
    """Stratified k-fold over the training examples: the mean of the folds' macro F1."""
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.shared.nlu.training_data.training_data import TrainingData
    from sklearn.model_selection import StratifiedKFold

    data = load_data(str(data_path))
    examples = data.intent_examples
    intents = [e.get("intent") for e in examples]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=42)
    scores = []
    for number, (train_index, test_index) in enumerate(splitter.split(examples, intents)):
        fold = workdir / f"fold{number}"
        fold.mkdir(exist_ok=True)
        for part, index in (("train", train_index), ("test", test_index)):
            part_data = TrainingData(
                training_examples=[examples[i] for i in index],
                entity_synonyms=data.entity_synonyms,
                regex_features=data.regex_features,
                lookup_tables=data.lookup_tables,
            )
            (fold / f"{part}.yml").write_text(part_data.nlu_as_yaml(), encoding="utf-8")
        model, _ = train_nlu(config, fold / "train.yml", fold)
        scores.append(evaluate(model, fold / "test.yml").macro_f1)
        print(f"  fold {number + 1}/{folds}: {scores[-1]:.3f}", file=sys.stderr, flush=True)
    return statistics.fmean(scores)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def command_bench(args: argparse.Namespace) -> int:
    # Rasa reuses trained graph parts from its cache (~/.rasa/cache); training time counts only
    # when every part is trained, so the benchmark turns the cache off.
    os.environ["RASA_MAX_CACHE_SIZE"] = "0"
    rows: list[tuple[str, dict[str, str]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = given_path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        default_config = work / "default_config.yml"
        default_config.write_text(DEFAULT_CONFIG, encoding="utf-8")
        config = given_path(args.config) if args.config else CONFIG
        pipelines = [(f"ours ({config.name}), NLU-only", config)]
        if args.sentence_encoder:
            encoder_config = with_sentence_encoder(config, work / "sentence_encoder_config.yml")
            pipelines.append(("ours + multilingual-e5-small sentence features, NLU-only", encoder_config))
        if not args.skip_default:
            pipelines.append(("Rasa's default pipeline, NLU-only", default_config))
        if args.cv_only:
            for number, (label, pipeline_config) in enumerate(pipelines):
                cv_dir = work / f"cv-{number}"
                cv_dir.mkdir(exist_ok=True)
                score = cross_validate(pipeline_config, given_path(args.data), args.folds, cv_dir)
                print(f"{label}: {args.folds}-fold cross-validation, mean intent macro F1 {score:.3f}", flush=True)
            return 0
        candidates: list[tuple[str, Path | None, Path, float | None]] = []
        for number, (label, pipeline_config) in enumerate(pipelines):
            out = work / f"model-{number}"
            out.mkdir(exist_ok=True)
            print(f"training {label} ...", file=sys.stderr, flush=True)
            model, seconds = train_nlu(pipeline_config, given_path(args.data), out)
            candidates.append((label, pipeline_config, model, seconds))
        if not args.skip_shipped:
            candidates.insert(1, ("ours, shipped model (`make train`)", None, shipped_model(), None))
        for label, trained_config, model, training_seconds in candidates:
            row: dict[str, str] = {}
            latencies: list[float] = []
            for name, (path, _, _) in SETS.items():
                result = evaluate(model, path)
                row[name] = f"{result.macro_f1:.3f}"
                latencies += result.latencies_ms
                print(f"{label} / {name}: {result.macro_f1:.3f}; weakest {result.weakest()}", file=sys.stderr)
            row["cv"] = "–"
            if trained_config is not None and not args.skip_cv:
                cv_dir = work / f"cv-{len(rows)}"
                cv_dir.mkdir(exist_ok=True)
                row["cv"] = f"{cross_validate(trained_config, given_path(args.data), args.folds, cv_dir):.3f}"
            row["train"] = f"{training_seconds:.0f} s" if training_seconds is not None else "–"
            row["parse"] = f"{statistics.median(latencies):.1f} / {percentile(latencies, 0.95):.1f} ms"
            rows.append((label, row))
    print(
        f"\nNLU benchmark, {date.today().isoformat()}, {platform.node()}: {os.cpu_count()} cores, "
        f"Python {platform.python_version()}\n"
    )
    names = list(SETS)
    print(f"| pipeline | {' | '.join(names)} | {args.folds}-fold CV | NLU training | parse p50 / p95 |")
    print("| --- |" + " ---: |" * (len(names) + 3))
    for label, row in rows:
        cells = [row[name] for name in names] + [row["cv"], row["train"], row["parse"]]
        print(f"| {label} | {' | '.join(cells)} |")
    return 0


def main() -> int:
    quiet()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    evaluate_parser = commands.add_parser("evaluate")
    evaluate_parser.add_argument("--model")
    bench_parser = commands.add_parser("bench")
    bench_parser.add_argument("--folds", type=int, default=5)
    bench_parser.add_argument("--config", help="our pipeline's config (default: config.yml)")
    bench_parser.add_argument("--data", default=str(NLU_DATA), help="NLU training data (default: bot/data/nlu)")
    bench_parser.add_argument("--skip-default", action="store_true")
    bench_parser.add_argument("--sentence-encoder", action="store_true", help="also ours + sentence encoder")
    bench_parser.add_argument("--keep", help="keep the trained models in this folder")
    bench_parser.add_argument("--skip-cv", action="store_true")
    bench_parser.add_argument("--cv-only", action="store_true", help="only the cross-validation")
    bench_parser.add_argument("--skip-shipped", action="store_true")
    args = parser.parse_args()
    return command_evaluate(args) if args.command == "evaluate" else command_bench(args)


if __name__ == "__main__":
    sys.exit(main())
