"""Search relevance on a fixed set of coach queries (tests/search/relevance.yaml), as precision@3."""

from __future__ import annotations

from pathlib import Path

import yaml

from catalogue.search import get_search

RELEVANCE_FILE = Path(__file__).resolve().parents[1] / "search" / "relevance.yaml"
MIN_PRECISION_AT_3 = 0.85


def precision_at_3(snapshot) -> tuple[float, list[str]]:
    cases = yaml.safe_load(RELEVANCE_FILE.read_text(encoding="utf-8"))
    search = get_search(snapshot)
    scores, misses = [], []
    for case in cases:
        top = [s.id for s in search.search(case["query"], limit=3).items]
        relevant = set(case["relevant"])
        score = len(relevant & set(top)) / min(3, len(relevant))
        scores.append(score)
        if score < 1:
            misses.append(f"{case['query']!r}: {top}")
    return sum(scores) / len(scores), misses


def test_relevance_set_is_big_enough():
    assert len(yaml.safe_load(RELEVANCE_FILE.read_text(encoding="utf-8"))) >= 40


def test_precision_at_3(snapshot):
    value, misses = precision_at_3(snapshot)
    print(f"precision@3 = {value:.3f}; imperfect: {misses}")
    assert value >= MIN_PRECISION_AT_3, misses


def test_every_relevant_id_exists(snapshot):
    for case in yaml.safe_load(RELEVANCE_FILE.read_text(encoding="utf-8")):
        for service_id in case["relevant"]:
            assert snapshot.service(service_id) is not None, service_id
