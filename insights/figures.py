"""An employment area's figures for a period (`GET /api/stats`, the `/tilastot` page, the CSV export).

Events still inside the retention period and the daily counts of older ones are added up the
same way (insights.events.Event.counts). Every count under SMALL_COUNT is shown as "< 5", also
in shares, averages and exports: a small count could point to a person in a small municipality.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from catalogue.db import session_scope
from catalogue.repository import CatalogueSnapshot
from insights.events import DailyKey as Key
from insights.events import from_row
from insights.models import UsageDaily, UsageEvent
from messages import LANGUAGES, text
from recommendation.jobseeker.steps import ROUTE_ORDER
from vocabulary import STATS_AUDIENCES, label

log = logging.getLogger(__name__)

SMALL_COUNT = 5
HIDDEN = "< 5"
DEFAULT_WEEKS = 12
MAX_PERIOD_DAYS = 3 * 366
TOP = 10

Count = int | str


def shown(count: int) -> Count:
    """A count as it may be shown: under 5 hidden."""
    return count if count >= SMALL_COUNT else HIDDEN


def share(part: int, whole: int) -> float | None:
    """part / whole rounded to a tenth of a percent; None when the part or the rest of the whole is
    1–4 (a share of 6 out of 8 would tell that the others are 2)."""
    if part < SMALL_COUNT or part > whole or 0 < whole - part < SMALL_COUNT:
        return None
    return round(100 * part / whole, 1)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @classmethod
    def ending(cls, end: dt.date | None = None, start: dt.date | None = None) -> Period:
        """From `start` to `end` (both included); by default the 12 weeks up to today.
        ValueError when start is after end or the period is longer than three years."""
        end = end or dt.date.today()
        start = start or end - dt.timedelta(weeks=DEFAULT_WEEKS) + dt.timedelta(days=1)
        if start > end:
            raise ValueError("start after end")
        if (end - start).days > MAX_PERIOD_DAYS:
            raise ValueError("period too long")
        return cls(start, end)


def load_counts(engine: Engine, area_ids: list[str] | None, period: Period) -> Counter[Key]:
    """Every count of the period in the areas (None: all areas, also events without one)."""
    counts: Counter[Key] = Counter()
    with session_scope(engine) as db:
        daily = select(UsageDaily).where(UsageDaily.day >= period.start, UsageDaily.day <= period.end)
        events = select(UsageEvent).where(UsageEvent.day >= period.start, UsageEvent.day <= period.end)
        if area_ids is not None:
            daily = daily.where(UsageDaily.area_id.in_(area_ids))
            events = events.where(UsageEvent.area_id.in_(area_ids))
        for row in db.scalars(daily):
            counts[(row.day, row.area_id, row.audience, row.lang, row.metric, row.key)] += row.count
        for event_row in db.scalars(events):
            try:
                event = from_row(event_row)
            except ValueError:  # a row written by hand or by an older version; left out, not shown
                log.warning("usage event %d left out: not valid", event_row.id)
                continue
            counts.update(event.daily_keys())
    return counts


def _sum(counts: Counter[Key], metric: str, by: int) -> Counter[Any]:
    """The counts of one metric added up by one part of the key (0 day, 1 area, 2 audience, 3 lang, 5 key)."""
    total: Counter[Any] = Counter()
    for key, count in counts.items():
        if key[4] == metric:
            total[key[by]] += count
    return total


def _ranked(counter: Counter[Any], names: dict[Any, str], limit: int = TOP) -> list[dict[str, Any]]:
    return [
        {"key": key, "label": names.get(key, str(key)), "count": shown(count)}
        for key, count in counter.most_common(limit)
        if key
    ]


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def figures(engine: Engine, catalogue: CatalogueSnapshot, area_ids: list[str] | None, period: Period) -> dict[str, Any]:
    """The figures of `GET /api/stats` (docs/api.md), labelled in the current language."""
    counts = load_counts(engine, area_ids, period)

    weeks: dict[dt.date, Counter[str]] = {}
    first = week_start(period.start)
    while first <= period.end:
        weeks[first] = Counter()
        first += dt.timedelta(weeks=1)
    for (day, _area, _audience, _lang, metric, _key), count in counts.items():
        weeks[week_start(day)][metric] += count
    weekly = [
        {
            "week_start": start.isoformat(),
            "week": f"{start.isocalendar().year}-W{start.isocalendar().week:02d}",
            **{name: shown(week[metric]) for name, metric in WEEKLY_FIGURES.items()},
        }
        for start, week in weeks.items()
    ]

    needs = {}
    for audience in STATS_AUDIENCES:
        per_topic: Counter[str] = Counter()
        for key, count in counts.items():
            if key[4] == "request" and key[2] == audience:
                per_topic[key[5]] += count
        needs[audience] = _ranked(per_topic, {topic: label("topic", topic) for topic in per_topic})

    categories = _sum(counts, "category", 5)
    services = _sum(counts, "service", 5)
    steps = _sum(counts, "step", 5)
    step_names = {step: text(f"stats.steps.{step}") for step in ROUTE_ORDER}
    titles = {key: service.title for key in services if (service := catalogue.service(key)) is not None}

    unmet: Counter[tuple[str | None, str]] = Counter()
    for key, count in counts.items():
        if key[4] == "unmet":
            unmet[(key[1], key[5])] += count
    unmet_rows = [
        {
            "area": _area_info(catalogue, area_id),
            "category": category,
            "label": label("category", category),
            "count": shown(count),
        }
        for (area_id, category), count in unmet.most_common()
    ]

    fallbacks = _sum(counts, "fallback", 5)
    fallback_total = sum(fallbacks.values())
    requests_total = sum(_sum(counts, "request", 5).values()) + fallback_total
    ratings = _sum(counts, "rating", 5)
    rating_total = sum(ratings.values())
    rating_sum = sum(int(key) * count for key, count in ratings.items())

    languages: Counter[str] = Counter()
    for metric in ("request", "search", "fallback"):
        languages.update(_sum(counts, metric, 3))
    language_total = sum(languages.values())

    return {
        "areas": [_area_info(catalogue, area_id) for area_id in area_ids] if area_ids is not None else None,
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "weekly": weekly,
        "needs": needs,
        "categories": _ranked(categories, {key: label("category", key) for key in categories}),
        "services": _ranked(services, titles, limit=15),
        "steps": _ranked(steps, step_names),
        "unmet_needs": unmet_rows,
        "fallback": {
            "count": shown(fallback_total),
            "of_requests": shown(requests_total),
            "share_percent": share(fallback_total, requests_total),
            "topics": _ranked(fallbacks, {key: label("topic", key) for key in fallbacks}),
        },
        "feedback": {
            "count": shown(rating_total),
            "average": round(rating_sum / rating_total, 1) if rating_total >= SMALL_COUNT else None,
            "ratings": [{"rating": n, "count": shown(ratings[str(n)])} for n in range(1, 6)],
        },
        "languages": [
            {
                "lang": lang,
                "label": text(f"stats.languages.{lang}"),
                "count": shown(languages[lang]),
                "share_percent": share(languages[lang], language_total),
            }
            for lang in LANGUAGES
        ],
    }


# The weekly trend's columns and the metric each counts
WEEKLY_FIGURES = {
    "requests": "request",
    "searches": "search",
    "paths": "path",
    "packages": "package",
    "fallbacks": "fallback",
    "feedback": "rating",
}


def _area_info(catalogue: CatalogueSnapshot, area_id: str | None) -> dict[str, Any]:
    area = catalogue.areas.get(area_id or "")
    return {"id": area_id, "name": area.name if area else text("stats.unknown_area")}


def csv_rows(data: dict[str, Any]) -> Iterator[list[Any]]:
    """The figures as CSV rows: section, group, key, label, count, share; counts under 5 as "< 5"."""
    yield [text(f"stats.csv.{column}") for column in ("section", "group", "key", "label", "count", "share")]
    for week in data["weekly"]:
        for name in WEEKLY_FIGURES:
            yield ["weekly", week["week"], name, text(f"stats.weekly.{name}"), week[name], ""]
    for audience, rows in data["needs"].items():
        for row in rows:
            yield ["needs", audience, row["key"], row["label"], row["count"], ""]
    for section in ("categories", "services", "steps"):
        for row in data[section]:
            yield [section, "", row["key"], row["label"], row["count"], ""]
    for row in data["unmet_needs"]:
        yield ["unmet_needs", row["area"]["id"] or "", row["category"], row["label"], row["count"], ""]
    fallback = data["fallback"]
    yield ["fallback", "", "", text("stats.fallback.total"), fallback["count"], _percent(fallback["share_percent"])]
    for row in fallback["topics"]:
        yield ["fallback", "topic", row["key"], row["label"], row["count"], ""]
    for row in data["feedback"]["ratings"]:
        yield ["feedback", "", row["rating"], row["rating"], row["count"], ""]
    for row in data["languages"]:
        yield ["languages", "", row["lang"], row["label"], row["count"], _percent(row["share_percent"])]


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value}"


def as_csv(data: dict[str, Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(csv_rows(data))
    return buffer.getvalue()
