#!/usr/bin/env python3
"""Check that the held-out NLU test set does not overlap the training data.

Usage (from the repository root, or anywhere):

    python scripts/check_nlu_overlap.py [--train DIR_OR_FILE ...] [--test FILE]

Defaults: training data = every *.yml / *.yaml under bot/data/nlu,
test data = tests/nlu/test_nlu.yml (both relative to the repository root).

An example is normalised by stripping entity annotation
("[Tampereella](municipality)", '[työkokeilusta]{"entity": ...}' -> the text
inside the brackets), lowercasing and collapsing whitespace. If any
normalised test example also occurs in the training data the script lists the
clashes and exits with status 1. It always prints the number of examples per
intent in both sets, and warns (without failing) about intents that have no
training examples, about test examples that differ from a training example
only by punctuation, and about training examples listed under two intents.

Only the Python standard library and PyYAML are used.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TRAIN = REPO_ROOT / "bot" / "data" / "nlu"
DEFAULT_TEST = REPO_ROOT / "tests" / "nlu" / "test_nlu.yml"

# [text](entity) | [text](entity:value) | [text]{"entity": ...} | [text][{...}, {...}]
ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\}|\[[^\]]*\])")
WHITESPACE = re.compile(r"\s+")
PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)


def normalise(text: str) -> str:
    """Strip entity annotation, lowercase and collapse whitespace."""
    text = ANNOTATION.sub(r"\1", text)
    return WHITESPACE.sub(" ", text.lower()).strip()


def loose(text: str) -> str:
    """Normalise further by dropping punctuation (used for warnings only)."""
    return WHITESPACE.sub(" ", PUNCTUATION.sub(" ", normalise(text))).strip()


def parse_examples(block: str | list[str] | None) -> list[str]:
    """Turn an `examples:` value (a '- ' list in a string, or a list) into texts."""
    if block is None:
        return []
    if isinstance(block, list):
        out = []
        for item in block:
            if isinstance(item, dict):
                item = item.get("text", "")
            out.append(str(item))
        return [t for t in (s.strip() for s in out) if t]
    examples = []
    for line in str(block).splitlines():
        line = line.strip()
        if line.startswith("- "):
            examples.append(line[2:].strip())
        elif line == "-":
            continue
    return [e for e in examples if e]


def load_intents(path: Path) -> dict[str, list[str]]:
    """Return {intent: [raw example, ...]} from one Rasa NLU YAML file."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    result: dict[str, list[str]] = defaultdict(list)
    for item in data.get("nlu") or []:
        if not isinstance(item, dict) or "intent" not in item:
            continue  # synonyms, lookups, regexes carry no intent examples
        result[str(item["intent"])].extend(parse_examples(item.get("examples")))
    return result


def collect(paths: list[Path]) -> dict[str, list[tuple[str, Path]]]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in {".yml", ".yaml"}))
        elif path.is_file():
            files.append(path)
        else:
            raise SystemExit(f"error: {path} does not exist")
    merged: dict[str, list[tuple[str, Path]]] = defaultdict(list)
    for file in files:
        for intent, examples in load_intents(file).items():
            merged[intent].extend((example, file) for example in examples)
    return merged


def print_counts(title: str, data: dict[str, list], other: dict[str, list]) -> None:
    intents = sorted(set(data) | set(other))
    print(f"{title}: {sum(len(v) for v in data.values())} examples, {len(data)} intents")
    width = max((len(i) for i in intents), default=10)
    for intent in intents:
        print(f"  {intent:<{width}}  {len(data.get(intent, [])):>4}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--train",
        nargs="+",
        type=Path,
        default=[DEFAULT_TRAIN],
        help="training files or folders (default: bot/data/nlu)",
    )
    parser.add_argument(
        "--test", type=Path, default=DEFAULT_TEST, help="held-out test file (default: tests/nlu/test_nlu.yml)"
    )
    args = parser.parse_args(argv)

    train = collect(args.train)
    test = collect([args.test])

    print_counts("Training data", train, test)
    print()
    print_counts("Test data", test, train)
    print()

    train_index: dict[str, list[str]] = defaultdict(list)
    train_loose: dict[str, list[str]] = defaultdict(list)
    for intent, examples in train.items():
        for example, _ in examples:
            train_index[normalise(example)].append(intent)
            train_loose[loose(example)].append(intent)

    for intent in sorted(set(test) - set(train)):
        print(f"WARNING: intent '{intent}' is in the test set but has no training examples")

    for text, intents in sorted(train_index.items()):
        distinct = sorted(set(intents))
        if len(distinct) > 1:
            print(f"WARNING: training example '{text}' is listed under {', '.join(distinct)}")

    clashes = []
    near = []
    for intent, examples in sorted(test.items()):
        for example, _ in examples:
            key = normalise(example)
            if key in train_index:
                clashes.append((intent, example, sorted(set(train_index[key]))))
            elif loose(example) in train_loose:
                near.append((intent, example, sorted(set(train_loose[loose(example)]))))

    test_counts = Counter(normalise(e) for ex in test.values() for e, _ in ex)
    for text, count in sorted(test_counts.items()):
        if count > 1:
            print(f"WARNING: test example '{text}' occurs {count} times in the test set")

    for intent, example, train_intents in near:
        print(
            f"WARNING: test example '{example}' ({intent}) differs from training data "
            f"({', '.join(train_intents)}) only by punctuation"
        )

    if clashes:
        print(f"FAIL: {len(clashes)} test example(s) also appear in the training data:")
        for intent, example, train_intents in clashes:
            print(f"  [{intent}] {example!r}  (training: {', '.join(train_intents)})")
        return 1
    total = sum(len(v) for v in test.values())
    print(f"OK: none of the {total} test examples appears in the training data")
    return 0


if __name__ == "__main__":
    sys.exit(main())
