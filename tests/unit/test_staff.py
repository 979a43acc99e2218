"""The areas' staff: accounts, logins and sessions (staff/accounts.py), the `polkuopas staff` and
`polkuopas stats fold` commands, and the figures behind the login (`/kirjaudu`, `/api/stats`,
`/api/stats.csv`, `/tilastot`).

Accounts are made in a fresh seeded database of this module; Argon2 takes a tenth of a second a
hash, so the two main accounts are made once.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, update

from catalogue.cli import main
from catalogue.db import database_url, get_engine, make_engine, session_scope
from catalogue.seed import migrate, seed
from insights.events import Event, record
from insights.models import UsageDaily, UsageEvent
from staff.accounts import (
    StaffUser,
    create_account,
    list_accounts,
    log_in,
    log_out,
    logged_in,
    set_active,
    set_password,
)
from staff.models import StaffAccount, StaffAudit, StaffSession
from tests.unit.conftest import api_without_rasa
from vocabulary import label

TAMPERE = "tampereen-seutu"
ESPOO = "espoo-kauniainen"
PASSWORD = "oikein-pitkä-salasana-42"
TAMPERE_STAFF = "tampere.staff"
NATIONAL_ADMIN = "national.admin"
COOKIE = "polkuopas_staff"
LOGIN_REQUIRED = "Kirjaudu sisään nähdäksesi alueen tilastot."
LOGIN_FAILED = "Käyttäjätunnus tai salasana on väärin."
# A form that posts a username and a password to /kirjaudu (its other attributes may change)
LOGIN_FORM = re.compile(
    r'<form[^>]*method="post"[^>]*action="/kirjaudu[?"].*name="username".*name="password"', re.DOTALL
)
HIDDEN = "< 5"
LOGIN_LIMIT_VARIABLES = (
    "POLKUOPAS_LOGINS_PER_MINUTE_CLIENT",
    "POLKUOPAS_LOGINS_PER_MINUTE_USER",
    "POLKUOPAS_LOGINS_PER_HOUR_USER",
)


@pytest.fixture(scope="module")
def engine(new_database_url) -> Iterator[Engine]:
    """A fresh seeded database with Tampere's staff account and a national admin."""
    engine = make_engine(new_database_url("staff"))
    seed(engine)
    create_account(engine, TAMPERE_STAFF, PASSWORD, TAMPERE)
    create_account(engine, NATIONAL_ADMIN, PASSWORD, None)
    yield engine
    engine.dispose()


def audit_rows(engine: Engine) -> list[tuple[str | None, str]]:
    with session_scope(engine) as db:
        return [(row.username, row.action) for row in db.scalars(select(StaffAudit).order_by(StaffAudit.id))]


def new_audit(engine: Engine, before: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    return audit_rows(engine)[len(before) :]


def sessions_of(engine: Engine, username: str) -> int:
    with session_scope(engine) as db:
        return (
            db.scalar(
                select(func.count())
                .select_from(StaffSession)
                .join(StaffAccount, StaffAccount.id == StaffSession.account_id)
                .where(StaffAccount.username == username)
            )
            or 0
        )


# -- accounts ---------------------------------------------------------------------------------


def test_a_password_is_stored_as_an_argon2id_hash(engine: Engine) -> None:
    """The account keeps an Argon2id hash of the password, never the password itself."""
    with session_scope(engine) as db:
        account = db.scalar(select(StaffAccount).where(StaffAccount.username == TAMPERE_STAFF))
        assert account is not None
        assert account.password_hash.startswith("$argon2id$")
        assert PASSWORD not in account.password_hash
        assert (account.area_id, account.active) == (TAMPERE, True)
    assert (TAMPERE_STAFF, "account_created") in audit_rows(engine)


def test_a_username_is_lowercased_and_a_taken_name_refused(engine: Engine) -> None:
    """Names are stored trimmed and in lower case, so "Espoo.Staff" and "espoo.staff" are the
    same account; a 12-character password is long enough."""
    create_account(engine, "  Espoo.Staff ", "12-merkkiä!!", ESPOO)
    assert ("espoo.staff", ESPOO, True) in list_accounts(engine)
    with pytest.raises(ValueError, match="taken"):
        create_account(engine, "espoo.staff", PASSWORD, ESPOO)
    token = log_in(engine, "ESPOO.STAFF", "12-merkkiä!!")
    assert logged_in(engine, token) == StaffUser("espoo.staff", ESPOO)


@pytest.mark.parametrize(
    "username",
    ["", "ab", "-tampere", ".tampere", "tampere staff", "tampere@staff", "tämpere", "a" * 65, "tampere/../x"],
)
def test_a_username_that_is_not_valid_is_refused(engine: Engine, username: str) -> None:
    """A username is 3–64 characters of a–z, 0–9, '.', '_' and '-', starting with a letter or digit."""
    with pytest.raises(ValueError, match="username"):
        create_account(engine, username, PASSWORD, TAMPERE)
    assert username.strip().lower() not in {name for name, _area, _active in list_accounts(engine)}


@pytest.mark.parametrize("password", ["", "lyhyt", "11-merkkiä!", "x" * 257])
def test_a_password_too_short_or_too_long_is_refused(engine: Engine, password: str) -> None:
    """A password is 12–256 characters."""
    with pytest.raises(ValueError, match="password"):
        create_account(engine, "short.password", password, TAMPERE)
    assert "short.password" not in {name for name, _area, _active in list_accounts(engine)}


def test_login_gives_a_token_for_the_right_password_only(engine: Engine) -> None:
    """A wrong password gives no token and is audited as a failed login of that account; the
    right one gives a token of Tampere's staff, audited as a login."""
    before = audit_rows(engine)
    assert log_in(engine, TAMPERE_STAFF, PASSWORD + "x") is None
    assert log_in(engine, TAMPERE_STAFF, PASSWORD.upper()) is None
    token = log_in(engine, TAMPERE_STAFF, PASSWORD)
    assert token
    assert new_audit(engine, before) == [
        (TAMPERE_STAFF, "login_failed"),
        (TAMPERE_STAFF, "login_failed"),
        (TAMPERE_STAFF, "login"),
    ]
    user = logged_in(engine, token)
    assert user == StaffUser(username=TAMPERE_STAFF, area_id=TAMPERE)
    assert not user.national


def test_an_unknown_username_is_audited_without_the_name(engine: Engine) -> None:
    """A failed login with an unknown username is audited with no username: the typed name
    (which may be a password typed in the wrong field) is stored nowhere."""
    typed = "salasana-vaarassa-kentassa"
    before = audit_rows(engine)
    assert log_in(engine, typed, PASSWORD) is None
    assert new_audit(engine, before) == [(None, "login_failed")]
    with session_scope(engine) as db:
        for row in db.scalars(select(StaffAudit)):
            assert typed not in f"{row.username} {row.action}"
        assert db.scalar(select(StaffAccount).where(StaffAccount.username == typed)) is None


def test_a_session_token_is_stored_only_as_its_sha256(engine: Engine) -> None:
    """staff_sessions holds the SHA-256 of the token, never the token itself."""
    token = log_in(engine, TAMPERE_STAFF, PASSWORD)
    assert token
    with session_scope(engine) as db:
        rows = db.scalars(select(StaffSession)).all()
        hashes = {row.token_hash for row in rows}
        assert hashlib.sha256(token.encode()).hexdigest() in hashes
        for row in rows:
            assert token not in f"{row.token_hash} {row.account_id} {row.created_at} {row.expires_at}"


@pytest.mark.parametrize("token", [None, "", "not-a-token", "x" * 101])
def test_a_wrong_token_is_nobody(engine: Engine, token: str | None) -> None:
    """No token, an unknown one or an overlong one is no logged-in user."""
    assert logged_in(engine, token) is None


def test_a_changed_token_is_nobody(engine: Engine) -> None:
    """A token with one character changed is no logged-in user."""
    token = log_in(engine, TAMPERE_STAFF, PASSWORD)
    assert token and logged_in(engine, token) is not None
    changed = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert logged_in(engine, changed) is None


def test_an_expired_session_is_nobody(engine: Engine) -> None:
    """A session whose time is up is no logged-in user: one made to last 0 hours, and one whose
    expiry is moved to the past."""
    assert logged_in(engine, log_in(engine, TAMPERE_STAFF, PASSWORD, hours=0)) is None

    token = log_in(engine, NATIONAL_ADMIN, PASSWORD)
    assert logged_in(engine, token) == StaffUser(NATIONAL_ADMIN, None)
    token_hash = hashlib.sha256(token.encode()).hexdigest()
    with session_scope(engine) as db:
        db.execute(
            update(StaffSession)
            .where(StaffSession.token_hash == token_hash)
            .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))
        )
    assert logged_in(engine, token) is None

    log_in(engine, NATIONAL_ADMIN, PASSWORD)  # a login deletes the expired sessions
    with session_scope(engine) as db:
        assert db.get(StaffSession, token_hash) is None
        for row in db.scalars(select(StaffSession)):
            expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=dt.UTC)
            assert expires > dt.datetime.now(dt.UTC)


def test_logging_out_ends_the_session(engine: Engine) -> None:
    """log_out() deletes the session and audits it; an unknown token is ignored."""
    token = log_in(engine, TAMPERE_STAFF, PASSWORD)
    before = audit_rows(engine)
    log_out(engine, token)
    assert logged_in(engine, token) is None
    assert new_audit(engine, before) == [(TAMPERE_STAFF, "logout")]
    log_out(engine, token)
    log_out(engine, None)
    assert new_audit(engine, before) == [(TAMPERE_STAFF, "logout")]


def test_a_new_password_ends_the_sessions(engine: Engine) -> None:
    """set_password() ends every session of the account; then only the new password works.
    A too short new password is refused and changes nothing."""
    create_account(engine, "password.changer", PASSWORD, TAMPERE)
    first, second = log_in(engine, "password.changer", PASSWORD), log_in(engine, "password.changer", PASSWORD)
    with pytest.raises(ValueError):
        set_password(engine, "password.changer", "lyhyt")
    assert logged_in(engine, first) is not None

    before = audit_rows(engine)
    set_password(engine, "password.changer", "uusi-ja-pitkä-salasana")
    assert logged_in(engine, first) is None and logged_in(engine, second) is None
    assert sessions_of(engine, "password.changer") == 0
    assert log_in(engine, "password.changer", PASSWORD) is None
    assert logged_in(engine, log_in(engine, "password.changer", "uusi-ja-pitkä-salasana")) is not None
    assert new_audit(engine, before)[0] == ("password.changer", "password_changed")
    with session_scope(engine) as db:
        stored = db.scalar(select(StaffAccount.password_hash).where(StaffAccount.username == "password.changer"))
        assert stored is not None and stored.startswith("$argon2id$") and "uusi-ja-pitkä" not in stored


def test_a_disabled_account_cannot_log_in(engine: Engine) -> None:
    """set_active(False) ends the sessions and refuses even the right password; enabling the
    account again lets it log in."""
    create_account(engine, "disabled.staff", PASSWORD, ESPOO)
    token = log_in(engine, "disabled.staff", PASSWORD)
    before = audit_rows(engine)
    set_active(engine, "disabled.staff", False)
    assert logged_in(engine, token) is None
    assert sessions_of(engine, "disabled.staff") == 0
    assert log_in(engine, "disabled.staff", PASSWORD) is None
    assert ("disabled.staff", ESPOO, False) in list_accounts(engine)
    assert new_audit(engine, before) == [("disabled.staff", "account_disabled"), ("disabled.staff", "login_failed")]

    set_active(engine, "disabled.staff", True)
    assert logged_in(engine, log_in(engine, "disabled.staff", PASSWORD)) == StaffUser("disabled.staff", ESPOO)


def test_changing_an_unknown_account_is_refused(engine: Engine) -> None:
    """set_password() and set_active() of a name with no account raise ValueError."""
    with pytest.raises(ValueError, match="no account"):
        set_active(engine, "nobody.here", False)
    with pytest.raises(ValueError, match="no account"):
        set_password(engine, "nobody.here", PASSWORD)


def test_a_longer_password_or_username_than_the_real_one_is_refused(engine: Engine) -> None:
    """Only the password itself logs in, not the password with more characters after it; the same
    for a username of the longest length."""
    longest = "p" * 256
    name = "n" * 64
    create_account(engine, name, longest, TAMPERE)
    assert log_in(engine, name, longest) is not None
    assert log_in(engine, name, longest + "-jotain-muuta") is None
    assert log_in(engine, name + "-jotain-muuta", longest) is None


def test_who_may_see_which_area() -> None:
    """An area's staff see their own area only; a national admin sees every area."""
    local = StaffUser("tampere.staff", TAMPERE)
    national = StaffUser("national.admin", None)
    assert local.may_see(TAMPERE)
    assert not local.may_see(ESPOO)
    assert not local.may_see(None)
    assert national.national
    assert national.may_see(TAMPERE) and national.may_see(ESPOO) and national.may_see(None)


# -- the commands ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_database(new_database_url) -> str:
    return new_database_url("cli")


@pytest.fixture
def cli_engine(cli_database, monkeypatch) -> Engine:
    """DATABASE_URL names the command's database; the engine is the one the command uses."""
    monkeypatch.setenv("DATABASE_URL", cli_database)
    return get_engine(database_url())


def run(monkeypatch, capsys, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_staff_commands_create_list_and_disable(cli_engine: Engine, monkeypatch, capsys) -> None:
    """`polkuopas staff create` makes an area's account with the password from stdin, `list`
    shows it, `disable` stops its logins and `enable` lets it in again."""
    code, out, _ = run(
        monkeypatch,
        capsys,
        "staff",
        "create",
        "Tre.Coach",
        "--area",
        TAMPERE,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert code == 0 and TAMPERE in out
    assert logged_in(cli_engine, log_in(cli_engine, "tre.coach", PASSWORD)) == StaffUser("tre.coach", TAMPERE)

    code, out, _ = run(
        monkeypatch, capsys, "staff", "create", "cli.admin", "--national", "--password-stdin", stdin=PASSWORD
    )
    assert code == 0
    code, out, _ = run(monkeypatch, capsys, "staff", "list")
    assert code == 0
    assert "tre.coach\ttampereen-seutu\tactive" in out.splitlines()
    assert "cli.admin\t(national)\tactive" in out.splitlines()

    code, out, _ = run(monkeypatch, capsys, "staff", "disable", "tre.coach")
    assert code == 0
    assert log_in(cli_engine, "tre.coach", PASSWORD) is None
    _, out, _ = run(monkeypatch, capsys, "staff", "list")
    assert "tre.coach\ttampereen-seutu\tdisabled" in out.splitlines()

    assert run(monkeypatch, capsys, "staff", "enable", "tre.coach")[0] == 0
    assert log_in(cli_engine, "tre.coach", PASSWORD) is not None

    # `audit` lists what happened, newest first, without any password
    assert log_in(cli_engine, "nobody.typed.this", PASSWORD) is None
    code, out, _ = run(monkeypatch, capsys, "staff", "audit", "--limit", "8")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 8
    assert lines[0].endswith("\t(unknown name)\tlogin_failed")
    assert lines[1].endswith("\ttre.coach\tlogin")
    assert any(line.endswith("\ttre.coach\taccount_disabled") for line in lines)
    assert PASSWORD not in out and "nobody.typed.this" not in out


def test_staff_command_refuses_an_unknown_area_and_a_short_password(cli_engine: Engine, monkeypatch, capsys) -> None:
    """An area id not in the catalogue or a short password exits with 2 and makes no account;
    disabling an account that does not exist exits with 2."""
    code, _, err = run(
        monkeypatch,
        capsys,
        "staff",
        "create",
        "nowhere.staff",
        "--area",
        "atlantis",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert code == 2 and "atlantis" in err
    code, _, err = run(
        monkeypatch, capsys, "staff", "create", "short.staff", "--area", TAMPERE, "--password-stdin", stdin="lyhyt\n"
    )
    assert code == 2 and "password" in err
    names = {name for name, _area, _active in list_accounts(cli_engine)}
    assert not {"nowhere.staff", "short.staff"} & names

    assert run(monkeypatch, capsys, "staff", "disable", "nowhere.staff")[0] == 2


def test_staff_password_command_ends_the_logins(cli_engine: Engine, monkeypatch, capsys) -> None:
    """`polkuopas staff password --password-stdin` sets a new password and ends the sessions."""
    assert (
        run(monkeypatch, capsys, "staff", "create", "pw.staff", "--area", ESPOO, "--password-stdin", stdin=PASSWORD)[0]
        == 0
    )
    token = log_in(cli_engine, "pw.staff", PASSWORD)
    code, _, _ = run(
        monkeypatch, capsys, "staff", "password", "pw.staff", "--password-stdin", stdin="toinen-salasana-99\n"
    )
    assert code == 0
    assert logged_in(cli_engine, token) is None
    assert log_in(cli_engine, "pw.staff", "toinen-salasana-99") is not None


def test_stats_fold_command(new_database_url, monkeypatch, capsys) -> None:
    """`polkuopas stats fold --days 30` folds the events of before the last 30 days and says how many."""
    monkeypatch.setenv("DATABASE_URL", new_database_url("fold"))
    engine = get_engine(database_url())
    migrate(engine)
    today = dt.date.today()
    old = [Event(kind="search", lang="fi", area_id=TAMPERE, day=today - dt.timedelta(days=31))] * 3
    recent = [Event(kind="search", lang="fi", area_id=TAMPERE, day=today - dt.timedelta(days=30))] * 2
    record(engine, old + recent)

    code, out, _ = run(monkeypatch, capsys, "stats", "fold", "--days", "30")
    assert code == 0
    assert "Folded 3 usage events older than 30 days" in out
    with session_scope(engine) as db:
        assert db.scalar(select(func.count()).select_from(UsageEvent)) == 2
        assert [(row.metric, row.count) for row in db.scalars(select(UsageDaily))] == [("search", 3)]
    assert "Folded 0 usage events" in run(monkeypatch, capsys, "stats", "fold", "--days", "30")[1]
    assert run(monkeypatch, capsys, "stats", "fold", "--days", "0")[0] == 2


# -- the API --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded_usage(engine: Engine) -> None:
    """Recent events: Tampere's (some counts under 5), Espoo's and one without an area."""
    day = dt.date.today() - dt.timedelta(days=2)
    jobseeker = {"kind": "request", "lang": "fi", "audience": "jobseeker", "topic": "lost_job", "day": day}
    record(
        engine,
        [
            *[Event(area_id=TAMPERE, **jobseeker)] * 6,  # type: ignore[arg-type]
            *[Event(kind="request", lang="fi", audience="employer", topic="employer_hiring", area_id=TAMPERE, day=day)]
            * 2,
            *[Event(kind="unmet_need", lang="fi", audience="jobseeker", category="coaching", area_id=TAMPERE, day=day)]
            * 3,
            *[Event(area_id=ESPOO, **jobseeker)] * 7,  # type: ignore[arg-type]
            Event(area_id=None, **jobseeker),  # type: ignore[arg-type]
        ],
    )


@pytest.fixture(scope="module")
def app_client(engine: Engine, seeded_usage, tmp_path_factory) -> Iterator[Any]:
    """The API over HTTPS (the staff cookie is Secure), with room for many logins."""
    with api_without_rasa(
        engine,
        tmp_path_factory.mktemp("staff-api"),
        purge_interval_minutes=0,
        logins_per_minute_per_client=10_000,
        logins_per_minute_per_user=10_000,
        logins_per_hour_per_user=10_000,
    ) as client:
        client.base_url = "https://testserver"
        yield client


@pytest.fixture
def client(app_client) -> Iterator[Any]:
    """The API with no one logged in."""
    app_client.cookies.clear()
    yield app_client
    app_client.cookies.clear()


def log_in_as(client, username: str, password: str = PASSWORD, next_url: str = "/tilastot") -> Any:
    response = client.post(
        "/kirjaudu", data={"username": username, "password": password, "next": next_url}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return response


def test_the_figures_need_a_login(client) -> None:
    """Without a login /api/stats and its CSV answer 401 in Finnish, and /tilastot shows the
    login form (401) that brings the person back to the page asked for."""
    for url in ("/api/stats", "/api/stats.csv", f"/api/stats?area={TAMPERE}"):
        response = client.get(url)
        assert response.status_code == 401, url
        assert response.json() == {"detail": LOGIN_REQUIRED}
    page = client.get("/tilastot?area=tampereen-seutu")
    assert page.status_code == 401
    assert page.headers["content-type"].startswith("text/html")
    assert LOGIN_FORM.search(page.text) and LOGIN_REQUIRED in page.text
    assert 'name="next" value="/tilastot?area=tampereen-seutu"' in page.text
    assert page.headers["cache-control"] == "no-store"


def test_a_login_sets_a_strict_secure_cookie(client, engine: Engine) -> None:
    """POST /kirjaudu with the right password redirects (303) to `next` with an HttpOnly, Secure,
    SameSite=Strict session cookie; the browser sends it back over HTTPS only."""
    response = log_in_as(client, TAMPERE_STAFF, next_url="/tilastot?lang=sv")
    assert response.headers["location"] == "/tilastot?lang=sv"
    cookie = response.headers["set-cookie"]
    attributes = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")}
    assert cookie.startswith(f"{COOKIE}=")
    assert "httponly" in attributes and "secure" in attributes
    assert attributes["samesite"].lower() == "samesite=strict"
    assert attributes["path"] == "Path=/"
    token = response.cookies[COOKIE]
    assert logged_in(engine, token) == StaffUser(TAMPERE_STAFF, TAMPERE)

    assert client.get("/api/stats").status_code == 200
    assert client.get("https://testserver/tilastot").status_code == 200
    assert client.get("http://testserver/api/stats").status_code == 401  # a Secure cookie is not sent


def test_a_wrong_password_shows_the_form_again(client, engine: Engine) -> None:
    """A wrong password or an unknown name gives the login page (401) and no cookie."""
    for username in (TAMPERE_STAFF, "ei.ketaan"):
        response = client.post(
            "/kirjaudu",
            data={"username": username, "password": "väärä-salasana-123", "next": "/tilastot"},
            follow_redirects=False,
        )
        assert response.status_code == 401
        assert LOGIN_FAILED in response.text and LOGIN_FORM.search(response.text)
        assert "set-cookie" not in response.headers
    assert client.get("/api/stats").status_code == 401


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example", "/\\evil.example", "http:/evil.example", ""]
)
def test_a_login_never_redirects_to_another_site(client, next_url: str) -> None:
    """A `next` that is not a path of this site is replaced with /tilastot."""
    assert log_in_as(client, TAMPERE_STAFF, next_url=next_url).headers["location"] == "/tilastot"


def test_an_areas_staff_see_their_own_figures_only(client) -> None:
    """Tampere's staff get Tampere's figures (small counts hidden) and 403 for Espoo's."""
    log_in_as(client, TAMPERE_STAFF)
    response = client.get("/api/stats")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    data = response.json()
    assert [area["id"] for area in data["areas"]] == [TAMPERE]
    assert data["needs"]["jobseeker"] == [{"key": "lost_job", "label": label("topic", "lost_job"), "count": 6}]
    assert data["needs"]["employer"][0]["count"] == HIDDEN
    assert [(row["category"], row["count"]) for row in data["unmet_needs"]] == [("coaching", HIDDEN)]

    assert client.get(f"/api/stats?area={TAMPERE}").json() == data
    refused = client.get(f"/api/stats?area={ESPOO}")
    assert refused.status_code == 403
    assert refused.json() == {"detail": "Sinulla ei ole oikeutta tämän alueen tilastoihin."}
    assert client.get(f"/api/stats.csv?area={ESPOO}").status_code == 403
    page = client.get(f"/tilastot?area={ESPOO}")
    assert page.status_code == 403 and "Sinulla ei ole oikeutta" in page.text

    page = client.get("/tilastot")
    assert page.status_code == 200
    assert TAMPERE_STAFF in page.text


def test_a_national_admin_sees_every_area_or_one(client) -> None:
    """A national admin gets every area (areas null, events without an area too), one area
    with ?area=, and 404 for an area that does not exist."""
    log_in_as(client, NATIONAL_ADMIN)
    everything = client.get("/api/stats").json()
    assert everything["areas"] is None
    assert everything["needs"]["jobseeker"][0]["count"] == 6 + 7 + 1

    espoo = client.get(f"/api/stats?area={ESPOO}")
    assert espoo.status_code == 200
    assert [area["id"] for area in espoo.json()["areas"]] == [ESPOO]
    assert espoo.json()["needs"]["jobseeker"][0]["count"] == 7
    assert espoo.json()["unmet_needs"] == []

    unknown = client.get("/api/stats?area=atlantis")
    assert unknown.status_code == 404
    assert unknown.json() == {"detail": "Aluetta ei löytynyt."}


@pytest.mark.parametrize(
    "query",
    [
        "start=2026-13-01",
        "end=2026-02-30",
        "start=eilen",
        "start=2026-03-02&end=2026-03-01",
        "start=2020-01-01&end=2026-01-01",
    ],
)
def test_a_period_that_is_not_valid_is_refused(client, query: str) -> None:
    """A date that does not exist, a start after the end or a period over three years is 422."""
    log_in_as(client, TAMPERE_STAFF)
    response = client.get(f"/api/stats?{query}")
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Tarkista päivämäärät")
    assert client.get(f"/api/stats.csv?{query}").status_code == 422


def test_a_chosen_period(client) -> None:
    """?start=&end= give the figures of those days (both included)."""
    log_in_as(client, TAMPERE_STAFF)
    day = dt.date.today() - dt.timedelta(days=2)
    data = client.get(f"/api/stats?start={day}&end={day}").json()
    assert data["period"] == {"start": day.isoformat(), "end": day.isoformat()}
    assert data["needs"]["jobseeker"][0]["count"] == 6
    earlier = day - dt.timedelta(days=30)
    assert client.get(f"/api/stats?start={earlier}&end={earlier}").json()["needs"]["jobseeker"] == []


def test_the_figures_in_swedish(client) -> None:
    """?lang=sv gives the labels and the refusals in Swedish."""
    log_in_as(client, TAMPERE_STAFF)
    data = client.get("/api/stats?lang=sv").json()
    assert [row["label"] for row in data["languages"]] == ["finska", "svenska", "engelska"]
    assert data["needs"]["jobseeker"][0]["label"] == label("topic", "lost_job", "sv")
    assert data["needs"]["jobseeker"][0]["label"] != label("topic", "lost_job", "fi")
    client.cookies.clear()
    assert client.get("/api/stats?lang=sv").json() == {"detail": "Logga in för att se områdets statistik."}


def test_the_csv_export(client) -> None:
    """The CSV starts with a UTF-8 byte order mark, uses semicolons, shows "< 5" for small
    counts and never a number under 5 in its count column."""
    log_in_as(client, TAMPERE_STAFF)
    response = client.get("/api/stats.csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith('attachment; filename="polkuopas-tilastot-')
    assert response.headers["cache-control"] == "no-store"
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["osio", "ryhmä", "tunniste", "nimi", "määrä", "osuus (%)"]
    assert ["needs", "jobseeker", "lost_job", label("topic", "lost_job"), "6", ""] in rows
    assert ["needs", "employer", "employer_hiring", label("topic", "employer_hiring"), HIDDEN, ""] in rows
    assert ["unmet_needs", TAMPERE, "coaching", label("category", "coaching"), HIDDEN, ""] in rows
    counts = [row[4] for row in rows[1:]]
    assert HIDDEN in counts
    assert all(count == HIDDEN or int(count) >= 5 for count in counts), counts


def test_logging_out_on_the_page_ends_the_session(client, engine: Engine) -> None:
    """POST /kirjaudu/ulos ends the session: the cookie is cleared and the old token no longer works."""
    token = log_in_as(client, TAMPERE_STAFF).cookies[COOKIE]
    assert client.get("/api/stats").status_code == 200
    response = client.post("/kirjaudu/ulos")
    assert response.status_code == 200
    assert "Olet kirjautunut ulos." in response.text
    assert f'{COOKIE}=""' in response.headers["set-cookie"] or "Max-Age=0" in response.headers["set-cookie"]
    assert logged_in(engine, token) is None
    assert client.get("/api/stats").status_code == 401
    client.cookies.clear()
    assert client.get("/api/stats", headers={"Cookie": f"{COOKIE}={token}"}).status_code == 401


def test_login_attempts_are_limited_per_username(engine: Engine, tmp_path, monkeypatch) -> None:
    """With the default limits, the 6th login attempt in a minute for one username is refused
    (429 with Retry-After), even with the right password and however the name is written; the
    failed attempts are audited; another username from the same address may still try."""
    for name in LOGIN_LIMIT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    before = audit_rows(engine)
    with api_without_rasa(engine, tmp_path, purge_interval_minutes=0) as client:
        client.base_url = "https://testserver"
        for attempt in range(5):
            response = client.post(
                "/kirjaudu",
                data={"username": TAMPERE_STAFF, "password": f"arvaus-numero-{attempt}", "next": "/tilastot"},
                follow_redirects=False,
            )
            assert response.status_code == 401, attempt
        for username in (TAMPERE_STAFF, " Tampere.Staff "):
            refused = client.post(
                "/kirjaudu",
                data={"username": username, "password": PASSWORD, "next": "/tilastot"},
                follow_redirects=False,
            )
            assert refused.status_code == 429
            assert int(refused.headers["retry-after"]) >= 1
            assert "Liian monta yritystä" in refused.text
            assert "set-cookie" not in refused.headers
        other = client.post(
            "/kirjaudu", data={"username": NATIONAL_ADMIN, "password": PASSWORD}, follow_redirects=False
        )
        assert other.status_code == 303
    assert new_audit(engine, before) == [(TAMPERE_STAFF, "login_failed")] * 5 + [(NATIONAL_ADMIN, "login")]
