"""Staff accounts, logins and the audit log.

Passwords are hashed with argon2-cffi's PasswordHasher (Argon2id, its RFC 9106 low-memory
profile: https://argon2-cffi.readthedocs.io/en/stable/api.html) and rehashed at login when the
parameters change. A login answers the same, and takes as long, for an unknown username and a
wrong password. Rate limits on login attempts are the API's (api/routers/staff.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from catalogue.db import session_scope
from staff.models import StaffAccount, StaffAudit, StaffSession

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
MAX_USERNAME_CHARS = 64
MIN_PASSWORD_CHARS = 12
MAX_PASSWORD_CHARS = 256
SESSION_HOURS = 8

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the username is unknown, so that both answers take as long."""
    return _hasher.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class StaffUser:
    """Who is logged in: the account's name and area (None: a national admin)."""

    username: str
    area_id: str | None

    @property
    def national(self) -> bool:
        return self.area_id is None

    def may_see(self, area_id: str | None) -> bool:
        return self.national or area_id == self.area_id


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite gives back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def audit(db: Session, username: str | None, action: str) -> None:
    db.add(StaffAudit(at=_now(), username=username, action=action))


def normal_username(username: str) -> str:
    return username.strip().lower()


def check_password(password: str) -> None:
    if not MIN_PASSWORD_CHARS <= len(password) <= MAX_PASSWORD_CHARS:
        raise ValueError(f"the password must be {MIN_PASSWORD_CHARS}–{MAX_PASSWORD_CHARS} characters long")


def create_account(engine: Engine, username: str, password: str, area_id: str | None) -> None:
    """A new account for one area (or a national admin with area_id None). ValueError when the
    name is taken or not valid, or the password is too short."""
    username = normal_username(username)
    if not USERNAME_RE.match(username):
        raise ValueError("a username is 3–64 characters: a–z, 0–9, '.', '_' or '-'")
    check_password(password)
    with session_scope(engine) as db:
        if db.scalar(select(StaffAccount.id).where(StaffAccount.username == username)) is not None:
            raise ValueError(f"the username {username} is taken")
        db.add(StaffAccount(username=username, password_hash=_hasher.hash(password), area_id=area_id, active=True))
        audit(db, username, "account_created")


def set_password(engine: Engine, username: str, password: str) -> None:
    check_password(password)
    with session_scope(engine) as db:
        account = _account(db, username)
        account.password_hash = _hasher.hash(password)
        db.execute(delete(StaffSession).where(StaffSession.account_id == account.id))
        audit(db, account.username, "password_changed")


def set_active(engine: Engine, username: str, active: bool) -> None:
    """Disables (or enables again) an account; disabling ends its sessions."""
    with session_scope(engine) as db:
        account = _account(db, username)
        account.active = active
        if not active:
            db.execute(delete(StaffSession).where(StaffSession.account_id == account.id))
        audit(db, account.username, "account_enabled" if active else "account_disabled")


def list_accounts(engine: Engine) -> list[tuple[str, str | None, bool]]:
    """(username, area id, active) of every account."""
    with session_scope(engine) as db:
        rows = db.execute(select(StaffAccount.username, StaffAccount.area_id, StaffAccount.active).order_by("username"))
        return [(name, area, bool(active)) for name, area, active in rows]


def audit_log(engine: Engine, limit: int = 100) -> list[tuple[dt.datetime, str | None, str]]:
    """The newest audit entries: (when, username or None, what)."""
    with session_scope(engine) as db:
        rows = db.execute(
            select(StaffAudit.at, StaffAudit.username, StaffAudit.action)
            .order_by(StaffAudit.at.desc(), StaffAudit.id.desc())
            .limit(limit)
        )
        return [(_aware(at), username, action) for at, username, action in rows]


def _account(db: Session, username: str) -> StaffAccount:
    account = db.scalar(select(StaffAccount).where(StaffAccount.username == normal_username(username)))
    if account is None:
        raise ValueError(f"no account {normal_username(username)}")
    return account


def log_in(engine: Engine, username: str, password: str, hours: int = SESSION_HOURS) -> str | None:
    """A session token when the username and password match an active account, else None.
    Either way the attempt is audited."""
    username = normal_username(username)
    with session_scope(engine) as db:
        account = None
        if len(username) <= MAX_USERNAME_CHARS and len(password) <= MAX_PASSWORD_CHARS:
            account = db.scalar(select(StaffAccount).where(StaffAccount.username == username))
        if account is None:  # unknown, or longer than any account's name or password could be
            _verify(_dummy_hash(), password[:MAX_PASSWORD_CHARS])
            audit(db, None, "login_failed")
            return None
        if not _verify(account.password_hash, password) or not account.active:
            audit(db, account.username, "login_failed")
            return None
        if _hasher.check_needs_rehash(account.password_hash):
            account.password_hash = _hasher.hash(password)
        token = secrets.token_urlsafe(32)
        now = _now()
        db.add(
            StaffSession(
                token_hash=_token_hash(token),
                account_id=account.id,
                created_at=now,
                expires_at=now + dt.timedelta(hours=hours),
            )
        )
        db.execute(delete(StaffSession).where(StaffSession.expires_at < now))
        audit(db, account.username, "login")
        return token


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def logged_in(engine: Engine, token: str | None) -> StaffUser | None:
    """The user of a session token, if the session is valid and the account active."""
    if not token or len(token) > 100:
        return None
    with session_scope(engine) as db:
        row = db.execute(
            select(StaffSession.expires_at, StaffAccount.username, StaffAccount.area_id, StaffAccount.active)
            .join(StaffAccount, StaffAccount.id == StaffSession.account_id)
            .where(StaffSession.token_hash == _token_hash(token))
        ).first()
    if row is None or not row.active or _aware(row.expires_at) <= _now():
        return None
    return StaffUser(username=row.username, area_id=row.area_id)


def log_out(engine: Engine, token: str | None) -> None:
    if not token or len(token) > 100:
        return
    with session_scope(engine) as db:
        session = db.get(StaffSession, _token_hash(token))
        if session is None:
            return
        account = db.get(StaffAccount, session.account_id)
        db.delete(session)
        audit(db, account.username if account else None, "logout")
