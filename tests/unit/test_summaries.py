"""Summaries of a service path, anonymous feedback and the retention purge, on real databases (SQLite, or
PostgreSQL in the PostgreSQL run of scripts/run_tests.sh; Rasa's tracker store stays SQLite)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from catalogue import cli
from catalogue.db import make_engine, session_scope
from catalogue.seed import PROJECT_ROOT, migrate
from conversations.feedback import save_feedback
from conversations.models import ChatMessage, ChatSession, Feedback
from conversations.retention import purge
from conversations.summaries import (
    build_summary,
    create_summary,
    delete_summaries,
    load_summary,
    save_summary,
    summary_path,
    summary_tokens,
)
from recommendation import recommend_jobseeker_path

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

PROFILE = {
    "municipality": "Tampereella",
    "age": 57,
    "situation": "unemployed",
    "unemployed_months": 26,
    "work_ability": "partial",
    "finnish_level": "native",
    "education": "vocational",
    "goals": ["job", "try_field"],
    "fields": ["logistics"],
    "self_rating": {"health": 1, "wellbeing": 2, "skills": 4, "daily_life": 3},
}
COMPETENCE = {
    "fields": ["logistics"],
    "occupation_groups": ["Varastotyöntekijät"],
    "skills": ["trukkikortti", "keräily"],
    "education": "vocational",
    "years_experience": 12,
    "likes": ["ulkotyö"],
}
# Words that would tell about the user's health or work ability.
HEALTH_WORDS = ("work_ability", "health", "wellbeing", "terveyte", "työkykysi", "partial", "osittai", "sairau")


@pytest.fixture
def engine(new_database_url):
    """An empty database brought to the newest migration (no catalogue needed)."""
    engine = make_engine(new_database_url("summaries"))
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def path(snapshot) -> dict:
    return recommend_jobseeker_path(snapshot, PROFILE)


def _user_text(data: dict) -> str:
    """Everything the summary says about the user (not the catalogue's general service texts)."""
    parts = [json.dumps(data["profile"], ensure_ascii=False), json.dumps(data["competence"], ensure_ascii=False)]
    for step in data["steps"]:
        parts += [step["title"], step["why"], step.get("how_to_start") or ""]
    parts += data["notes"]
    return "\n".join(parts).casefold()


# --------------------------------------------------------------------------
# build_summary
# --------------------------------------------------------------------------


def test_summary_with_profile_lists_plain_finnish_items(snapshot, path):
    data = build_summary(
        snapshot, path, profile=PROFILE, competence=COMPETENCE, include_profile=True, today=dt.date(2026, 11, 24)
    )
    json.dumps(data)  # JSON-safe
    items = {item["label"]: item["value"] for item in data["profile"]}
    assert items["Kotikunta"] == "Tampere"  # resolved from the inflected form
    assert items["Ikä"] == "57 vuotta"
    assert items["Tilanne"] == "työtön"
    assert items["Työttömänä"] == "26 kuukautta"
    assert items["Koulutus"] == "ammatillinen tutkinto"
    assert items["Kiinnostavat alat"] == "varasto ja logistiikka"  # the catalogue's field label
    assert "töihin" in items["Tavoitteet"]
    assert items["Oma arvio tilanteesta (1–5)"] == "osaaminen 4/5, arjen sujuminen 3/5"
    assert data["date"] == "2026-11-24"
    assert data["competence"] and all(isinstance(line, str) and line for line in data["competence"])

    assert next(s["title"] for s in data["steps"]) == path["steps"][0]["title"]
    assert [s["number"] for s in data["steps"]] == list(range(1, len(path["steps"]) + 1))
    first = data["steps"][0]["services"][0]
    assert set(first) == {"id", "title", "summary", "provider", "url", "contact", "source_url"}
    assert first["title"] == path["steps"][0]["services"][0]["title"]
    assert data["contact"]["name"]


def test_health_and_work_ability_never_in_the_summary(snapshot, path):
    # The path itself talks about the user's health (partial work ability) ...
    assert any("terveyte" in step["why"] or "työkykysi" in step["why"] for step in path["steps"])
    for include in (True, False):
        data = build_summary(snapshot, path, profile=PROFILE, competence=COMPETENCE, include_profile=include)
        text = _user_text(data)
        for word in HEALTH_WORDS:
            assert word not in text, (include, word)
        assert all(step["why"] for step in data["steps"])


def test_sick_leave_situation_is_not_shown(snapshot):
    profile = {"situation": "sick_leave", "unemployed_months": 3, "age": 40}
    path = recommend_jobseeker_path(snapshot, profile)
    data = build_summary(snapshot, path, profile=profile, competence=None, include_profile=True)
    labels = {item["label"] for item in data["profile"]}
    assert "Tilanne" not in labels and "Työttömänä" not in labels
    assert "sairau" not in _user_text(data)


def test_summary_without_profile_has_only_the_path_contacts_and_date(snapshot, path):
    data = build_summary(snapshot, path, profile=PROFILE, competence=COMPETENCE, include_profile=False)
    assert data["profile"] == [] and data["competence"] == []
    assert len(data["steps"]) == len(path["steps"])
    assert data["contact"] and data["date"]
    assert "57 vuotta" not in json.dumps(data, ensure_ascii=False)


def test_note_quoting_the_typed_municipality_is_profile_data(snapshot):
    profile = {"municipality": "Mörköpuro", "situation": "unemployed"}
    path = recommend_jobseeker_path(snapshot, profile)
    assert any("Mörköpuro" in note for note in path["notes"])
    without = build_summary(snapshot, path, profile=profile, competence=None, include_profile=False)
    assert "Mörköpuro" not in json.dumps(without, ensure_ascii=False)
    kept = build_summary(snapshot, path, profile=profile, competence=None, include_profile=True)
    assert any("Mörköpuro" in note for note in kept["notes"])


def test_competence_is_one_line_per_kind_of_fact(snapshot, path):
    data = build_summary(snapshot, path, profile=None, competence=COMPETENCE, include_profile=True)
    lines = data["competence"]
    assert len(lines) >= 3 and all("\n" not in line for line in lines)
    assert any("trukkikortti" in line for line in lines)
    empty = build_summary(snapshot, path, profile=None, competence={"skills": []}, include_profile=True)
    assert empty["competence"] == []


def test_summary_keeps_text_as_data_and_drops_unsafe_links(snapshot):
    card = snapshot.service("tyokokeilu").card()
    card["title"] = "<b>Kokeilu</b> & muuta"
    card["url"] = "javascript:alert(1)"
    path = {
        "steps": [{"title": "Kokeile", "why": "Syy.", "services": [card], "contact": {"name": "X", "url": "ftp://x"}}],
        "contact": {"name": "Alue", "phone": "09 123", "hours": "ma–pe 9–16", "address": "Katu 1", "extra": "pois"},
        "notes": [],
    }
    data = build_summary(snapshot, path, profile=None, competence=None, include_profile=False)
    service = data["steps"][0]["services"][0]
    assert service["title"] == "<b>Kokeilu</b> & muuta"  # escaping is the page's job
    assert service["url"] is None
    assert data["steps"][0]["contact"] == {"name": "X"}
    assert data["contact"] == {"name": "Alue", "phone": "09 123", "hours": "ma–pe 9–16", "address": "Katu 1"}
    assert data["steps"][0]["how_to_start"] is None


# --------------------------------------------------------------------------
# Storage
# --------------------------------------------------------------------------


def test_save_load_expire_and_delete(engine):
    data = {"version": 1, "date": "2026-11-24", "steps": [{"title": "Työkokeilu"}]}
    token = save_summary(engine, "session-a", data, now=NOW)
    assert len(token) >= 40 and summary_path(token) == f"/yhteenveto/{token}"
    other = save_summary(engine, "session-a", data, now=NOW)
    kept = save_summary(engine, "session-b", data, now=NOW)
    assert len({token, other, kept}) == 3

    loaded = load_summary(engine, token, max_age_days=30, now=NOW + dt.timedelta(days=1))
    assert loaded["steps"] == [{"title": "Työkokeilu"}]
    assert load_summary(engine, token, max_age_days=30, now=NOW + dt.timedelta(days=29, hours=23)) is not None
    assert load_summary(engine, token, max_age_days=30, now=NOW + dt.timedelta(days=30, minutes=1)) is None
    assert load_summary(engine, "x" * 43, max_age_days=30) is None  # unknown
    assert load_summary(engine, "../../etc/passwd", max_age_days=30) is None  # malformed
    assert load_summary(engine, "", max_age_days=30) is None

    assert sorted(summary_tokens(engine, "session-a")) == sorted([token, other])
    assert delete_summaries(engine, "session-a") == 2
    assert load_summary(engine, token, max_age_days=30, now=NOW) is None
    assert load_summary(engine, kept, max_age_days=30, now=NOW) is not None
    assert delete_summaries(engine, "session-a") == 0


def test_summary_created_now_is_loadable_with_the_default_clock(engine):
    token = save_summary(engine, "session-c", {"steps": []})
    assert load_summary(engine, token, max_age_days=1) is not None
    with pytest.raises(ValueError):
        save_summary(engine, "", {"steps": []})
    with pytest.raises(ValueError):
        save_summary(engine, "s" * 65, {"steps": []})


def test_create_summary_in_one_call(engine, snapshot, path):
    token = create_summary(engine, snapshot, "session-d", path, profile=PROFILE, competence=None, include_profile=True)
    data = load_summary(engine, token, max_age_days=30)
    assert data["steps"][0]["title"] == path["steps"][0]["title"]
    assert data["profile"]


def test_migration_0003_down_and_up(engine):
    def config(connection):
        cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
        cfg.set_main_option("script_location", str(PROJECT_ROOT / "catalogue" / "migrations"))
        cfg.attributes["connection"] = connection
        return cfg

    assert {"conversation_summaries", "feedback"} <= set(sa.inspect(engine).get_table_names())
    with engine.begin() as connection:
        command.downgrade(config(connection), "0002")
    assert not {"conversation_summaries", "feedback"} & set(sa.inspect(engine).get_table_names())
    with engine.begin() as connection:
        command.upgrade(config(connection), "head")
    assert {"conversation_summaries", "feedback"} <= set(sa.inspect(engine).get_table_names())


# --------------------------------------------------------------------------
# Feedback
# --------------------------------------------------------------------------


def test_feedback_is_stored_anonymously(engine):
    save_feedback(engine, 5, "jobseeker", ["tyokokeilu", "kuntalisa-helsinki", "tyokokeilu"])
    save_feedback(engine, 1, "employer", [])
    with session_scope(engine) as db:
        rows = db.scalars(sa.select(Feedback).order_by(Feedback.id)).all()
        assert [(r.rating, r.kind, r.service_ids) for r in rows] == [
            (5, "jobseeker", ["tyokokeilu", "kuntalisa-helsinki"]),
            (1, "employer", []),
        ]
        assert rows[0].created_at is not None
    assert {c["name"] for c in sa.inspect(engine).get_columns("feedback")} == {
        "id",
        "created_at",
        "rating",
        "kind",
        "service_ids",
    }


@pytest.mark.parametrize(
    "rating, kind, service_ids",
    [
        (0, "jobseeker", []),
        (6, "jobseeker", []),
        (True, "jobseeker", []),
        ("5", "jobseeker", []),
        (4.0, "jobseeker", []),
        (3, "coach", []),
        (3, None, []),
        (3, "jobseeker", "tyokokeilu"),
        (3, "jobseeker", ["Työkokeilu"]),
        (3, "jobseeker", ["tyo kokeilu"]),
        (3, "jobseeker", ["-tyokokeilu"]),
        (3, "jobseeker", ["x" * 81]),
        (3, "jobseeker", [7]),
        (3, "jobseeker", [f"palvelu-{i}" for i in range(21)]),
    ],
)
def test_invalid_feedback_is_refused(engine, rating, kind, service_ids):
    with pytest.raises(ValueError):
        save_feedback(engine, rating, kind, service_ids)
    with session_scope(engine) as db:
        assert db.scalar(sa.select(sa.func.count()).select_from(Feedback)) == 0


# --------------------------------------------------------------------------
# Retention
# --------------------------------------------------------------------------


def _conversation(engine, session_id: str, last_seen: dt.datetime, messages: int = 2) -> None:
    with session_scope(engine) as db:
        db.add(ChatSession(id=session_id, created_at=last_seen, last_seen_at=last_seen))
        db.flush()
        for i in range(messages):
            db.add(
                ChatMessage(session_id=session_id, sender="user", body={"text": f"viesti {i}"}, created_at=last_seen)
            )


def _events_table(engine_or_path, rows: list[tuple[str, float]]) -> None:
    """Rasa's SQLTrackerStore table, as Rasa 3.6 creates it."""
    with engine_or_path.begin() as connection:
        key = "SERIAL" if connection.dialect.name == "postgresql" else "INTEGER"
        connection.exec_driver_sql(
            f"CREATE TABLE events (id {key} PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255) NOT NULL,"
            " timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"
        )
        for sender_id, timestamp in rows:
            connection.execute(
                sa.text(
                    "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:sender, 'user', :at, '{}')"
                ),
                {"sender": sender_id, "at": timestamp},
            )


def _count(engine, table: str) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one()


def test_purge_deletes_old_conversations_everywhere_and_keeps_feedback(engine):
    old, new = NOW - dt.timedelta(days=45), NOW - dt.timedelta(days=2)
    _conversation(engine, "old-session", old, messages=3)
    _conversation(engine, "new-session", new, messages=2)
    save_summary(engine, "old-session", {"steps": []}, now=old)
    save_summary(engine, "new-session", {"steps": []}, now=old)  # an old link of a live conversation
    fresh = save_summary(engine, "new-session", {"steps": []}, now=new)
    save_feedback(engine, 4, "jobseeker", ["tyokokeilu"])
    _events_table(
        engine,
        [
            ("old-session", old.timestamp()),
            ("old-session", old.timestamp() + 60),
            ("new-session", old.timestamp()),
            ("new-session", new.timestamp()),
        ],
    )

    counts = purge(engine, older_than_days=30, now=NOW)
    assert counts == {"chat_sessions": 1, "chat_messages": 3, "conversation_summaries": 2, "events": 2}
    assert _count(engine, "chat_sessions") == 1 and _count(engine, "chat_messages") == 2
    assert summary_tokens(engine, "new-session") == [fresh]
    # A live conversation's tracker is kept whole.
    with engine.connect() as connection:
        senders = connection.execute(sa.text("SELECT DISTINCT sender_id FROM events")).scalars().all()
    assert senders == ["new-session"] and _count(engine, "events") == 2
    assert _count(engine, "feedback") == 1

    assert purge(engine, older_than_days=30, now=NOW) == {
        "chat_sessions": 0,
        "chat_messages": 0,
        "conversation_summaries": 0,
        "events": 0,
    }


def test_purge_without_events_table_and_with_a_separate_tracker_database(engine, tmp_path):
    old = NOW - dt.timedelta(days=10)
    _conversation(engine, "session-x", old)
    assert purge(engine, older_than_days=30, now=NOW)["events"] == 0  # no events table: skipped
    tracker = make_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    _events_table(tracker, [("session-x", old.timestamp()), ("session-y", NOW.timestamp())])
    counts = purge(engine, older_than_days=7, now=NOW, tracker_engine=tracker)
    assert counts["chat_sessions"] == 1 and counts["events"] == 1
    assert _count(tracker, "events") == 1
    tracker.dispose()
    with pytest.raises(ValueError):
        purge(engine, older_than_days=0)


def test_purge_command_prints_counts(tmp_path, new_database_url, monkeypatch, capsys):
    database_url = new_database_url("cli")
    tracker_file = tmp_path / "rasa_tracker.db"
    engine = make_engine(database_url)
    migrate(engine)
    now = dt.datetime.now(UTC)
    _conversation(engine, "cli-old", now - dt.timedelta(days=20))
    _conversation(engine, "cli-new", now - dt.timedelta(days=1))
    with sqlite3.connect(tracker_file) as connection:
        connection.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, timestamp FLOAT, data TEXT)"
        )
        connection.execute(
            "INSERT INTO events (sender_id, type_name, timestamp) VALUES ('cli-old', 'user', ?)",
            ((now - dt.timedelta(days=20)).timestamp(),),
        )
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("RASA_TRACKER_DB", str(tracker_file))
    monkeypatch.delenv("RASA_TRACKER_DB_URL", raising=False)
    monkeypatch.setenv("POLKUOPAS_RETENTION_DAYS", "30")

    assert cli.main(["conversations", "purge"]) == 0
    assert "chat_sessions: 0" in capsys.readouterr().out
    assert cli.main(["purge", "--older-than", "30d"]) == 0
    assert "chat_sessions: 0" in capsys.readouterr().out
    assert cli.main(["purge", "--older-than", "14d"]) == 0
    out = capsys.readouterr().out
    assert "chat_sessions: 1" in out and "chat_messages: 2" in out and "events: 1" in out
    assert cli.main(["conversations", "purge", "--days", "14"]) == 0  # nothing left; the older form works too
    assert "chat_sessions: 0" in capsys.readouterr().out


def test_the_api_purges_old_conversations_itself_at_start(engine, tmp_path):
    """The privacy notice promises deletion after the retention period even without a cron job."""
    import time

    from fastapi.testclient import TestClient

    from api.main import create_app
    from api.settings import Settings

    now = dt.datetime.now(UTC)
    _conversation(engine, "old-session", now - dt.timedelta(days=45))
    _conversation(engine, "new-session", now - dt.timedelta(days=2))
    settings = Settings(rasa_url="http://127.0.0.1:9", tracker_db_url=f"sqlite:///{tmp_path / 'tracker.db'}")
    assert settings.purge_interval_minutes == 60 and settings.retention_days == 30
    with TestClient(create_app(settings, engine)):
        deadline = time.monotonic() + 30
        while _count(engine, "chat_sessions") != 1 and time.monotonic() < deadline:
            time.sleep(0.1)
    with session_scope(engine) as db:
        assert db.scalars(sa.select(ChatSession.id)).all() == ["new-session"]
