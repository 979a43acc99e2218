"""The areas' anonymous usage figures (insights/): events that hold codes only, the figures of a
period with every count under 5 hidden, the folding of old events into daily counts, and the
events recorded for a real path, package and answer.

Tests that count events use a fresh migrated database each; the catalogue is the seeded one
(`snapshot`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Iterator
from dataclasses import FrozenInstanceError
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine, func, select

import recommendation
from catalogue.db import make_engine, session_scope
from catalogue.seed import migrate
from insights.events import MAX_IDS, Event, from_row, record
from insights.figures import HIDDEN, Period, as_csv, csv_rows, figures, share, shown
from insights.models import UsageDaily, UsageEvent
from insights.recording import answer_events, lacks, local_categories, package_events, path_events
from insights.retention import fold, stats_retention_days
from messages import speaking, text
from vocabulary import CATEGORIES, label

TAMPERE = "tampereen-seutu"
ESPOO = "espoo-kauniainen"
START = dt.date(2026, 3, 16)  # a Monday: ISO week 12
END = dt.date(2026, 3, 29)  # the Sunday of week 13
PERIOD = Period(START, END)
DAY = dt.date(2026, 3, 17)  # in week 12
LATER = dt.date(2026, 3, 24)  # in week 13

# The keys whose values are counts, wherever they are in the figures
COUNT_KEYS = {"count", "of_requests", "requests", "searches", "paths", "packages", "fallbacks", "feedback"}


@pytest.fixture
def engine(new_database_url) -> Iterator[Engine]:
    """A fresh migrated database with no usage events."""
    engine = make_engine(new_database_url("insights"))
    migrate(engine)
    yield engine
    engine.dispose()


def tampere_events() -> list[Event]:
    """A period's events in Tampere's area: some counts of 5 or more, some under 5."""
    common: dict[str, Any] = {"area_id": TAMPERE, "day": DAY}
    employer_request = Event(
        kind="request", lang="fi", audience="employer", topic="employer_hiring", category="employer_support", **common
    )
    swedish_request = Event(kind="request", lang="sv", audience="jobseeker", topic="lost_job", **common)
    path = Event(
        kind="path",
        lang="fi",
        audience="jobseeker",
        steps=("register", "try"),
        service_ids=("tyokokeilu", "palkkatuki"),
        **common,
    )
    return [
        *[employer_request] * 6,
        *[swedish_request] * 2,
        *[Event(kind="fallback", lang="fi", topic="service_search", **common)] * 3,
        *[Event(kind="fallback", lang="fi", **common)] * 2,
        *[Event(kind="feedback", lang="fi", audience="jobseeker", rating=r, **common) for r in (5, 5, 4, 4, 2)],
        *[path] * 7,
        *[Event(kind="unmet_need", lang="fi", audience="jobseeker", category="coaching", **common)] * 3,
        Event(kind="search", lang="en", audience="coach", category="work_trial", **common),
        Event(kind="package", lang="fi", audience="employer", service_ids=("palkkatuki",), **common),
        # the next week
        *[Event(kind="request", lang="fi", audience="jobseeker", topic="lost_job", area_id=TAMPERE, day=LATER)] * 5,
    ]


def other_events() -> list[Event]:
    """Espoo's events, events without an area, and Tampere's events outside the period."""
    lost_job = {"kind": "request", "lang": "fi", "audience": "jobseeker", "topic": "lost_job"}
    return [
        *[Event(area_id=ESPOO, day=DAY, **lost_job)] * 10,  # type: ignore[arg-type]
        *[Event(area_id=None, day=DAY, **lost_job)] * 4,  # type: ignore[arg-type]
        *[Event(area_id=TAMPERE, day=START - dt.timedelta(days=1), **lost_job)] * 8,  # type: ignore[arg-type]
        *[Event(area_id=TAMPERE, day=END + dt.timedelta(days=1), **lost_job)] * 8,  # type: ignore[arg-type]
    ]


def all_events() -> list[Event]:
    return tampere_events() + other_events()


def stored_events(engine: Engine) -> int:
    with session_scope(engine) as db:
        return db.scalar(select(func.count()).select_from(UsageEvent)) or 0


def counts_in(data: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every (where, value) of a count in the figures."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in COUNT_KEYS and not isinstance(value, dict | list):
                yield f"{path}.{key}", value
            yield from counts_in(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from counts_in(value, f"{path}[{index}]")


def assert_no_small_count(data: dict[str, Any]) -> None:
    found = list(counts_in(data))
    assert found
    for where, value in found:
        assert value == HIDDEN or (type(value) is int and value >= 5), f"{where} shows {value!r}"


def by_key(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {row["key"]: row["count"] for row in rows}


# -- events ---------------------------------------------------------------------------------


def test_an_event_of_codes_is_accepted() -> None:
    """An event made of known codes is kept as given; the day defaults to today."""
    event = Event(
        kind="path",
        lang="sv",
        area_id=TAMPERE,
        audience="jobseeker",
        steps=("register", "try"),
        service_ids=("tyokokeilu", "palkkatuki"),
    )
    assert event.day == dt.date.today()
    assert event.steps == ("register", "try")
    with pytest.raises(FrozenInstanceError):
        event.topic = "lost_job"  # type: ignore[misc]


@pytest.mark.parametrize(
    "fields",
    [
        {"topic": "minä olen 45-vuotias"},
        {"topic": "Lost_Job"},
        {"category": "<script>"},
        {"area_id": "'; DROP TABLE x;--"},
        {"area_id": "Tampereen seutu"},
        {"area_id": "-tampere"},
        {"area_id": "a" * 81},
        {"service_ids": ("tyokokeilu", "Matti Meikäläinen")},
        {"service_ids": ("tyo kokeilu",)},
        {"service_ids": ("tyokokeilu",) * (MAX_IDS + 1)},
        {"rating": 0},
        {"rating": 6},
        {"rating": True},
        {"rating": 4.0},
        {"lang": "de"},
        {"lang": "FI"},
        {"kind": "chat"},
        {"audience": "citizen"},
        {"steps": ("register", "walk-the-dog")},
        {"day": dt.datetime(2026, 3, 17, 14, 30)},
        {"day": "2026-03-17"},
    ],
    ids=repr,
)
def test_an_event_refuses_anything_but_known_codes(fields: dict[str, Any]) -> None:
    """Free text, markup, SQL, a time of day or an unknown code never makes an event."""
    given: dict[str, Any] = {"kind": "request", "lang": "fi", **fields}
    with pytest.raises(ValueError, match="not a known code"):
        Event(**given)


def test_counts_of_each_kind() -> None:
    """Each kind of event adds to its own figures, a service or step named twice counts once,
    and a feedback's rating is counted by its value."""
    day = DAY
    assert list(Event(kind="request", lang="fi", topic="lost_job", category="coaching", day=day).counts()) == [
        ("request", "lost_job"),
        ("category", "coaching"),
    ]
    assert list(Event(kind="search", lang="fi", category="work_trial", day=day).counts()) == [
        ("category", "work_trial"),
        ("search", ""),
    ]
    path = Event(
        kind="path",
        lang="fi",
        steps=("register", "try", "register"),
        service_ids=("tyokokeilu", "palkkatuki", "tyokokeilu"),
        day=day,
    )
    assert list(path.counts()) == [
        ("path", ""),
        ("service", "tyokokeilu"),
        ("service", "palkkatuki"),
        ("step", "register"),
        ("step", "try"),
    ]
    assert list(Event(kind="package", lang="fi", service_ids=("palkkatuki",), day=day).counts()) == [
        ("package", ""),
        ("service", "palkkatuki"),
    ]
    assert list(Event(kind="unmet_need", lang="fi", category="coaching", day=day).counts()) == [("unmet", "coaching")]
    assert list(Event(kind="fallback", lang="fi", day=day).counts()) == [("fallback", "")]
    assert list(Event(kind="fallback", lang="fi", topic="service_search", day=day).counts()) == [
        ("fallback", "service_search")
    ]
    assert list(Event(kind="feedback", lang="fi", rating=4, day=day).counts()) == [("rating", "4")]


def test_daily_keys_carry_the_day_area_audience_and_language() -> None:
    """The daily counts' keys are the event's day, area, audience and language with each count."""
    event = Event(kind="request", lang="sv", area_id=TAMPERE, audience="employer", topic="employer_hiring", day=DAY)
    assert list(event.daily_keys()) == [(DAY, TAMPERE, "employer", "sv", "request", "employer_hiring")]


# Every column the usage events may have: codes and a day (the privacy tests, here and live)
EVENT_COLUMNS = (
    "id",
    "day",
    "kind",
    "area_id",
    "audience",
    "lang",
    "topic",
    "category",
    "steps",
    "service_ids",
    "rating",
)


def test_the_events_table_has_no_column_for_text_time_or_session(engine: Engine) -> None:
    """usage_events holds codes and a day only: no time of day, session, message or free text."""
    columns = {column["name"]: column for column in sa.inspect(engine).get_columns("usage_events")}
    assert set(columns) == set(EVENT_COLUMNS)
    assert isinstance(columns["day"]["type"], sa.Date) and not isinstance(columns["day"]["type"], sa.DateTime)


def test_recorded_events_are_read_back_as_they_were(engine: Engine) -> None:
    """record() stores each event as one row, and from_row() gives the same event back."""
    events = [
        Event(
            kind="path",
            lang="fi",
            area_id=TAMPERE,
            audience="jobseeker",
            steps=("register", "try"),
            service_ids=("tyokokeilu", "palkkatuki"),
            day=DAY,
        ),
        Event(kind="feedback", lang="en", rating=3, day=LATER),
        Event(kind="request", lang="sv", audience="coach", topic="service_search", category="coaching", day=DAY),
    ]
    record(engine, events)
    with session_scope(engine) as db:
        rows = db.scalars(select(UsageEvent).order_by(UsageEvent.id)).all()
        assert [from_row(row) for row in rows] == events
        assert rows[0].steps == ["register", "try"]
        assert rows[1].steps == [] and rows[1].service_ids == []


def test_recording_swallows_a_database_fault(new_database_url, caplog) -> None:
    """A broken database loses the events with a warning naming the fault's type only; the
    caller never sees an error."""
    broken = make_engine(new_database_url("no_tables"))  # never migrated: no usage_events table
    try:
        with caplog.at_level(logging.WARNING, logger="insights.events"):
            record(broken, [Event(kind="request", lang="fi", topic="lost_job", area_id=TAMPERE, day=DAY)])
        warnings = [r.getMessage() for r in caplog.records if r.name == "insights.events"]
        assert len(warnings) == 1
        assert warnings[0].startswith("usage events not recorded: ")
        assert "lost_job" not in warnings[0] and TAMPERE not in warnings[0]
        caplog.clear()
        record(broken, [])  # nothing to store: not even an attempt
        assert not caplog.records
    finally:
        broken.dispose()


# -- what may be shown ------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "expected"), [(0, HIDDEN), (1, HIDDEN), (4, HIDDEN), (5, 5), (123, 123)])
def test_counts_under_five_are_hidden(count: int, expected: Any) -> None:
    """Every count under 5 is shown as "< 5"."""
    assert shown(count) == expected


def test_shares_of_small_counts_are_not_given() -> None:
    """A share is None when the part, or the rest of the whole, is 1–4 (6 of 8 would tell the others
    are 2), else a percentage to a tenth."""
    assert share(4, 100) is None
    assert share(5, 4) is None
    assert share(0, 0) is None
    assert share(5, 10) == 50.0
    assert share(5, 15) == 33.3
    assert share(20, 20) == 100.0
    assert share(6, 8) is None
    assert share(6, 11) == 54.5


def test_a_period_is_twelve_weeks_up_to_today_by_default() -> None:
    """Period.ending(): 84 days ending today by default, or the given dates; ValueError when the
    start is after the end or the period is longer than three years."""
    default = Period.ending()
    assert default.end == dt.date.today()
    assert (default.end - default.start).days == 83
    assert Period.ending(END) == Period(END - dt.timedelta(days=83), END)
    assert Period.ending(END, START) == PERIOD
    assert Period.ending(START, START) == Period(START, START)
    assert Period.ending(END, END - dt.timedelta(days=3 * 366)).start == END - dt.timedelta(days=3 * 366)
    with pytest.raises(ValueError):
        Period.ending(START, END)
    with pytest.raises(ValueError):
        Period.ending(END, END - dt.timedelta(days=3 * 366 + 1))


# -- the figures ------------------------------------------------------------------------------


def test_an_areas_figures(engine: Engine, snapshot) -> None:
    """Tampere's staff see Tampere's events of the period only, added up and labelled, with the
    counts under 5 hidden and no share or average of a small count."""
    record(engine, all_events())
    data = figures(engine, snapshot, [TAMPERE], PERIOD)

    assert data["areas"] == [{"id": TAMPERE, "name": snapshot.areas[TAMPERE].name}]
    assert data["period"] == {"start": "2026-03-16", "end": "2026-03-29"}
    assert data["weekly"] == [
        {
            "week_start": "2026-03-16",
            "week": "2026-W12",
            "requests": 8,
            "searches": HIDDEN,
            "paths": 7,
            "packages": HIDDEN,
            "fallbacks": 5,
            "feedback": 5,
        },
        {
            "week_start": "2026-03-23",
            "week": "2026-W13",
            "requests": 5,
            "searches": HIDDEN,
            "paths": HIDDEN,
            "packages": HIDDEN,
            "fallbacks": HIDDEN,
            "feedback": HIDDEN,
        },
    ]
    assert data["needs"] == {
        "jobseeker": [{"key": "lost_job", "label": label("topic", "lost_job"), "count": 7}],
        "employer": [{"key": "employer_hiring", "label": label("topic", "employer_hiring"), "count": 6}],
        "coach": [],
    }
    assert data["categories"] == [
        {"key": "employer_support", "label": label("category", "employer_support"), "count": 6},
        {"key": "work_trial", "label": label("category", "work_trial"), "count": HIDDEN},
    ]
    assert data["services"] == [
        {"key": "palkkatuki", "label": snapshot.service("palkkatuki").title, "count": 8},
        {"key": "tyokokeilu", "label": snapshot.service("tyokokeilu").title, "count": 7},
    ]
    assert by_key(data["steps"]) == {"register": 7, "try": 7}
    assert {row["key"]: row["label"] for row in data["steps"]} == {
        "register": "Ilmoittautuminen työnhakijaksi",
        "try": "Työn kokeileminen",
    }
    assert data["unmet_needs"] == [
        {
            "area": {"id": TAMPERE, "name": snapshot.areas[TAMPERE].name},
            "category": "coaching",
            "label": label("category", "coaching"),
            "count": HIDDEN,
        }
    ]
    assert data["fallback"] == {
        "count": 5,
        "of_requests": 18,
        "share_percent": 27.8,
        "topics": [{"key": "service_search", "label": label("topic", "service_search"), "count": HIDDEN}],
    }
    assert data["feedback"] == {
        "count": 5,
        "average": 4.0,
        "ratings": [{"rating": n, "count": HIDDEN} for n in range(1, 6)],
    }
    assert data["languages"] == [
        # 16 of 19: the share would tell that the other languages had 3
        {"lang": "fi", "label": "suomi", "count": 16, "share_percent": None},
        {"lang": "sv", "label": "ruotsi", "count": HIDDEN, "share_percent": None},
        {"lang": "en", "label": "englanti", "count": HIDDEN, "share_percent": None},
    ]
    assert_no_small_count(data)


def test_national_figures_cover_every_area_and_events_without_one(engine: Engine, snapshot) -> None:
    """area_ids=None (a national admin) adds up every area and the events without an area; a
    list of areas leaves the events without an area out."""
    record(engine, all_events())
    national = figures(engine, snapshot, None, PERIOD)
    assert national["areas"] is None
    assert by_key(national["needs"]["jobseeker"]) == {"lost_job": 7 + 10 + 4}
    assert national["weekly"][0]["requests"] == 8 + 10 + 4
    assert national["languages"][0]["count"] == 16 + 10 + 4

    two = figures(engine, snapshot, [TAMPERE, ESPOO], PERIOD)
    assert [area["id"] for area in two["areas"]] == [TAMPERE, ESPOO]
    assert by_key(two["needs"]["jobseeker"]) == {"lost_job": 7 + 10}

    espoo = figures(engine, snapshot, [ESPOO], PERIOD)
    assert by_key(espoo["needs"]["jobseeker"]) == {"lost_job": 10}
    assert espoo["services"] == [] and espoo["unmet_needs"] == []
    assert espoo["fallback"]["count"] == HIDDEN and espoo["fallback"]["share_percent"] is None

    assert figures(engine, snapshot, [], PERIOD)["weekly"][0]["requests"] == HIDDEN


def test_the_period_limits_the_figures(engine: Engine, snapshot) -> None:
    """Events before the start or after the end are not counted; both ends are included."""
    record(engine, all_events())
    before = START - dt.timedelta(days=1)
    only_before = figures(engine, snapshot, [TAMPERE], Period(before, before))
    assert by_key(only_before["needs"]["jobseeker"]) == {"lost_job": 8}
    second_week = figures(engine, snapshot, [TAMPERE], Period(LATER, END))
    assert by_key(second_week["needs"]["jobseeker"]) == {"lost_job": 5}
    assert second_week["needs"]["employer"] == []
    assert [week["week"] for week in second_week["weekly"]] == ["2026-W13"]


def test_few_events_show_nothing_but_hidden_counts(engine: Engine, snapshot) -> None:
    """With under 5 of everything, every count is "< 5" and no share or average is given."""
    common: dict[str, Any] = {"area_id": TAMPERE, "day": DAY, "lang": "fi"}
    record(
        engine,
        [
            Event(kind="request", audience="jobseeker", topic="lost_job", category="coaching", **common),
            Event(kind="search", audience="coach", category="work_trial", **{**common, "lang": "sv"}),
            Event(kind="path", audience="jobseeker", steps=("try",), service_ids=("tyokokeilu",), **common),
            Event(kind="package", audience="employer", service_ids=("palkkatuki",), **common),
            Event(kind="unmet_need", audience="jobseeker", category="coaching", **common),
            *[Event(kind="fallback", topic="service_search", **common)] * 3,
            *[Event(kind="feedback", rating=1, **common)] * 4,
        ],
    )
    data = figures(engine, snapshot, [TAMPERE], PERIOD)
    found = dict(counts_in(data))
    assert found and set(found.values()) == {HIDDEN}
    assert data["fallback"]["share_percent"] is None
    assert data["feedback"]["average"] is None
    assert all(row["share_percent"] is None for row in data["languages"])
    assert by_key(data["needs"]["jobseeker"]) == {"lost_job": HIDDEN}
    assert by_key(data["services"]) == {"tyokokeilu": HIDDEN, "palkkatuki": HIDDEN}


def test_figures_are_labelled_in_the_current_language(engine: Engine, snapshot) -> None:
    """The labels follow the current language (here Swedish)."""
    record(engine, tampere_events())
    with speaking("sv"):
        data = figures(engine, snapshot.in_language("sv"), [TAMPERE], PERIOD)
        expected_need = label("topic", "lost_job")
    assert [row["label"] for row in data["languages"]] == ["finska", "svenska", "engelska"]
    assert {row["key"]: row["label"] for row in data["steps"]}["try"] == "Pröva på arbete"
    assert data["needs"]["jobseeker"][0]["label"] == expected_need != label("topic", "lost_job")


def test_the_csv_hides_small_counts(engine: Engine, snapshot) -> None:
    """The CSV has a header in the current language, semicolons, the same figures, and no count
    under 5 in its count column."""
    record(engine, all_events())
    data = figures(engine, snapshot, [TAMPERE], PERIOD)
    exported = as_csv(data)
    rows = list(csv.reader(io.StringIO(exported), delimiter=";"))
    assert rows == [[str(cell) for cell in row] for row in csv_rows(data)]
    assert rows[0] == ["osio", "ryhmä", "tunniste", "nimi", "määrä", "osuus (%)"]
    assert all(len(row) == 6 for row in rows)
    assert ["weekly", "2026-W12", "requests", text("stats.weekly.requests"), "8", ""] in rows
    assert ["weekly", "2026-W13", "searches", text("stats.weekly.searches"), HIDDEN, ""] in rows
    assert ["needs", "employer", "employer_hiring", label("topic", "employer_hiring"), "6", ""] in rows
    assert ["unmet_needs", TAMPERE, "coaching", label("category", "coaching"), HIDDEN, ""] in rows
    assert ["fallback", "", "", text("stats.fallback.total"), "5", "27.8"] in rows
    assert ["feedback", "", "5", "5", HIDDEN, ""] in rows
    assert ["languages", "", "fi", "suomi", "16", ""] in rows
    assert ["languages", "", "sv", "ruotsi", HIDDEN, ""] in rows
    for row in rows[1:]:
        assert row[4] == HIDDEN or int(row[4]) >= 5, row


# -- retention ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "days"), [(None, 90), ("30", 30), (" 45 ", 45), ("0", 90), ("-3", 90), ("abc", 90), ("", 90)]
)
def test_stats_retention_days_from_the_environment(monkeypatch, value: str | None, days: int) -> None:
    """POLKUOPAS_STATS_RETENTION_DAYS, or 90 when unset or not a positive whole number."""
    if value is None:
        monkeypatch.delenv("POLKUOPAS_STATS_RETENTION_DAYS", raising=False)
    else:
        monkeypatch.setenv("POLKUOPAS_STATS_RETENTION_DAYS", value)
    assert stats_retention_days() == days


def every_figure(engine: Engine, snapshot) -> list[dict[str, Any]]:
    """The figures of the period as Tampere's staff, Espoo's and a national admin see them,
    and of the day before the period."""
    before = START - dt.timedelta(days=1)
    return [
        figures(engine, snapshot, [TAMPERE], PERIOD),
        figures(engine, snapshot, [ESPOO], PERIOD),
        figures(engine, snapshot, None, PERIOD),
        figures(engine, snapshot, None, Period(before, END + dt.timedelta(days=1))),
    ]


def test_folding_keeps_the_figures(engine: Engine, snapshot) -> None:
    """Events before the cutoff become daily counts and are deleted; the figures are the same
    before and after, and folding again changes nothing."""
    record(engine, all_events())
    before = every_figure(engine, snapshot)
    today = LATER + dt.timedelta(days=5)
    cutoff = today - dt.timedelta(days=5)  # == LATER: the events of LATER and after stay
    old = [event for event in all_events() if event.day < cutoff]
    assert 0 < len(old) < len(all_events())

    assert fold(engine, older_than_days=5, today=today) == len(old)
    assert stored_events(engine) == len(all_events()) - len(old)
    with session_scope(engine) as db:
        assert all(row.day >= cutoff for row in db.scalars(select(UsageEvent)))
        daily = db.scalars(select(UsageDaily)).all()
        assert daily and all(row.day < cutoff for row in daily)
        keys = [(row.day, row.area_id, row.audience, row.lang, row.metric, row.key) for row in daily]
        assert len(keys) == len(set(keys))
        assert sum(row.count for row in daily) == sum(len(list(event.counts())) for event in old)
    assert every_figure(engine, snapshot) == before

    assert fold(engine, older_than_days=5, today=today) == 0
    assert every_figure(engine, snapshot) == before


def test_folding_everything_keeps_the_figures(engine: Engine, snapshot) -> None:
    """With every event folded, the figures come from the daily counts alone and are the same."""
    record(engine, all_events())
    before = every_figure(engine, snapshot)
    assert fold(engine, older_than_days=1, today=END + dt.timedelta(days=3)) == len(all_events())
    assert stored_events(engine) == 0
    assert every_figure(engine, snapshot) == before


def test_folding_in_batches_adds_to_the_days_counts(engine: Engine, snapshot, monkeypatch) -> None:
    """Several batches, and a later fold of the same day's events, add to the existing daily
    counts (also of events without an area or audience) instead of doubling or duplicating them."""
    monkeypatch.setattr("insights.retention.BATCH", 3)
    anonymous = Event(kind="fallback", lang="fi", day=DAY)
    record(engine, all_events() + [anonymous] * 4)
    today = END + dt.timedelta(days=3)
    fold(engine, older_than_days=1, today=today)
    assert stored_events(engine) == 0

    record(engine, [anonymous] * 3 + tampere_events())
    expected_national = figures(engine, snapshot, None, PERIOD)
    expected_tampere = figures(engine, snapshot, [TAMPERE], PERIOD)
    fold(engine, older_than_days=1, today=today)
    assert figures(engine, snapshot, None, PERIOD) == expected_national
    assert figures(engine, snapshot, [TAMPERE], PERIOD) == expected_tampere
    assert expected_tampere["needs"]["employer"][0]["count"] == 12

    with session_scope(engine) as db:
        keys = [
            (row.day, row.area_id, row.audience, row.lang, row.metric, row.key)
            for row in db.scalars(select(UsageDaily))
        ]
        assert len(keys) == len(set(keys))
        fallbacks = db.scalars(
            select(UsageDaily).where(
                UsageDaily.area_id.is_(None), UsageDaily.audience.is_(None), UsageDaily.metric == "fallback"
            )
        ).all()
        assert [(row.day, row.key, row.count) for row in fallbacks] == [(DAY, "", 7)]


def test_the_cutoff_day_is_kept(engine: Engine) -> None:
    """fold(older_than_days=N) folds the events of before today − N days; that day itself stays."""
    today = dt.date(2026, 6, 30)
    kept = Event(kind="search", lang="fi", day=today - dt.timedelta(days=30))
    folded = Event(kind="search", lang="fi", day=today - dt.timedelta(days=31))
    record(engine, [kept, folded])
    assert fold(engine, older_than_days=30, today=today) == 1
    with session_scope(engine) as db:
        assert [from_row(row) for row in db.scalars(select(UsageEvent))] == [kept]


def test_an_invalid_row_is_dropped_without_counting(engine: Engine, snapshot) -> None:
    """A row that is not a valid event (written by hand) is left out of the figures and is
    deleted by the fold without adding to any count."""
    record(engine, tampere_events())
    with session_scope(engine) as db:
        db.add(
            UsageEvent(
                day=DAY,
                kind="request",
                area_id=TAMPERE,
                audience="jobseeker",
                lang="fi",
                topic="minä olen 45-vuotias",
                steps=[],
                service_ids=[],
            )
        )
    before = figures(engine, snapshot, [TAMPERE], PERIOD)
    assert by_key(before["needs"]["jobseeker"]) == {"lost_job": 7}
    assert fold(engine, older_than_days=1, today=END + dt.timedelta(days=3)) == len(tampere_events()) + 1
    assert stored_events(engine) == 0
    assert figures(engine, snapshot, [TAMPERE], PERIOD) == before


@pytest.mark.parametrize("days", [0, -1, True, 1.5, "30"])
def test_fold_refuses_a_retention_that_is_not_whole_days(engine: Engine, days: Any) -> None:
    """older_than_days must be a whole number, at least 1 (a bool is not a number of days)."""
    record(engine, [Event(kind="search", lang="fi", day=DAY)])
    with pytest.raises(ValueError):
        fold(engine, older_than_days=days, today=END)
    assert stored_events(engine) == 1


# -- what the bot's answers record ----------------------------------------------------------------


@pytest.fixture(scope="module")
def tampere(snapshot):
    municipality = snapshot.resolve_municipality("Tampere")
    assert snapshot.area_for_municipality(municipality.code).id == TAMPERE
    return municipality


def own_categories(snapshot, municipality) -> set[str]:
    return {service.category for service in snapshot.local_services(municipality.code)}


def test_local_categories_are_those_of_regional_or_municipal_services(snapshot) -> None:
    """local_categories(): the categories of the services that are not national."""
    local = local_categories(snapshot)
    assert local == {service.category for service in snapshot.services.values() if service.scope != "national"}
    assert local <= set(CATEGORIES)
    assert "registration" not in local and "benefit" not in local


def test_lacks_a_category_other_areas_have(snapshot, tampere) -> None:
    """Tampere's area lacks a category only some other area has a service of its own in; never
    one it has, nor one only the state or Kela offers."""
    own = own_categories(snapshot, tampere)
    local = local_categories(snapshot)
    assert own, "Tampere should have services of its own"
    missing = sorted(local - own)
    assert missing, "the seeded catalogue should have a local category Tampere lacks"
    for category in sorted(own & local):
        assert not lacks(snapshot, tampere, category), category
    for category in missing:
        assert lacks(snapshot, tampere, category), category
    for category in ("registration", "benefit", *sorted(set(CATEGORIES) - local)):
        assert not lacks(snapshot, tampere, category), category
    assert not lacks(snapshot, None, missing[0])


def test_a_recommended_path_records_its_steps_services_and_unmet_needs(snapshot, tampere) -> None:
    """path_events(): one path event (Tampere's area, jobseeker, the path's steps and cards'
    service ids) and one unmet need per step whose commonest category the area lacks."""
    path = recommendation.recommend_jobseeker_path(
        snapshot, {"municipality": "Tampere", "age": 35, "situation": "unemployed", "unemployed_months": 14}
    )
    events = path_events(snapshot, path, tampere, "sv")
    first, *unmet = events
    card_ids = [card["id"] for step in path["steps"] for card in step["services"]]
    assert first.kind == "path"
    assert (first.area_id, first.audience, first.lang) == (TAMPERE, "jobseeker", "sv")
    assert first.steps == tuple(step["id"] for step in path["steps"]) and first.steps
    assert first.service_ids == tuple(dict.fromkeys(card_ids)) and first.service_ids

    needs = []
    for step in path["steps"]:
        categories = [card["category"] for card in step["services"]]
        if categories:
            needs.append(max(categories, key=categories.count))
    lacking = [category for category in dict.fromkeys(needs) if lacks(snapshot, tampere, category)]
    assert [event.category for event in unmet] == lacking
    assert all(
        (event.kind, event.area_id, event.audience, event.lang) == ("unmet_need", TAMPERE, "jobseeker", "sv")
        for event in unmet
    )
    assert all(event.category in local_categories(snapshot) - own_categories(snapshot, tampere) for event in unmet)


def test_a_path_without_a_place_has_no_area_and_no_unmet_need(snapshot) -> None:
    """Without a municipality the path event has no area and no need is called unmet."""
    path = recommendation.recommend_jobseeker_path(
        snapshot, {"municipality": "Tampere", "age": 35, "situation": "unemployed", "unemployed_months": 14}
    )
    events = path_events(snapshot, path, None, "fi")
    assert [event.kind for event in events] == ["path"]
    assert events[0].area_id is None


def test_a_recommended_package_records_its_supports(snapshot, tampere) -> None:
    """package_events(): a package event with the supports' service ids, and an unmet need
    "employer_support" exactly when the area has no employer support of its own."""
    package = recommendation.recommend_employer_package(
        snapshot, {"municipality": "Tampere", "employer_type": "company"}
    )
    first, *rest = package_events(snapshot, package, tampere, "fi")
    assert first.kind == "package"
    assert (first.area_id, first.audience, first.lang) == (TAMPERE, "employer", "fi")
    assert first.service_ids == tuple(dict.fromkeys(s["service"]["id"] for s in package["supports"]))
    assert first.service_ids
    expected = ["employer_support"] if lacks(snapshot, tampere, "employer_support") else []
    assert [(event.kind, event.category) for event in rest] == [("unmet_need", category) for category in expected]


def test_an_answer_records_what_was_asked_and_a_lacking_category(snapshot, tampere) -> None:
    """answer_events(): the request (or search) with the best service's category, plus an unmet
    need when Tampere's area lacks that category."""
    lacking = sorted(local_categories(snapshot) - own_categories(snapshot, tampere))[0]
    elsewhere = next(service for service in snapshot.services.values() if service.category == lacking)
    own = snapshot.local_services(tampere.code)[0]

    asked, unmet = answer_events(snapshot, [elsewhere, own], tampere, "fi", audience="jobseeker", topic="lost_job")
    assert (asked.kind, asked.topic, asked.category, asked.area_id) == ("request", "lost_job", lacking, TAMPERE)
    assert (unmet.kind, unmet.category, unmet.area_id, unmet.audience) == ("unmet_need", lacking, TAMPERE, "jobseeker")

    found = answer_events(snapshot, [own], tampere, "en", audience="coach", kind="search")
    assert [(e.kind, e.category, e.audience, e.lang) for e in found] == [("search", own.category, "coach", "en")]

    nothing = answer_events(snapshot, [], tampere, "fi", audience=None, topic="service_info")
    assert [(e.kind, e.category, e.topic) for e in nothing] == [("request", None, "service_info")]
