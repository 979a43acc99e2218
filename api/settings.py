"""Settings from environment variables, with working defaults (docs/contract.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from catalogue.db import PROJECT_ROOT
from conversations.retention import retention_days
from insights.retention import stats_retention_days


def _urls(name: str) -> tuple[str, ...]:
    return tuple(url.strip().rstrip("/") for url in os.environ.get(name, "").split(",") if url.strip())


@dataclass(frozen=True)
class Settings:
    rasa_url: str = field(default_factory=lambda: os.environ.get("RASA_URL", "http://127.0.0.1:5005").rstrip("/"))
    action_server_url: str = field(
        default_factory=lambda: f"http://127.0.0.1:{os.environ.get('ACTION_SERVER_PORT', '5055')}"
    )
    # The production profile's several Rasa servers (sharing a tracker and a lock store) and their
    # action servers, comma-separated; by default the one of each above
    rasa_urls: tuple[str, ...] = field(default_factory=lambda: _urls("RASA_URLS"))
    action_server_urls: tuple[str, ...] = field(default_factory=lambda: _urls("ACTION_SERVER_URLS"))
    tracker_db_url: str = field(
        default_factory=lambda: os.environ.get(
            "RASA_TRACKER_DB_URL",
            "sqlite:///" + os.environ.get("RASA_TRACKER_DB", str(PROJECT_ROOT / "var" / "rasa_tracker.db")),
        )
    )
    rasa_timeout_seconds: float = field(default_factory=lambda: float(os.environ.get("RASA_TIMEOUT", "30")))
    max_message_chars: int = 1000
    # Summary links and inactive conversations expire after this many days.
    retention_days: int = field(default_factory=retention_days)
    # The API deletes them itself this often (minutes; 0 = only `polkuopas purge`, e.g. from cron)
    purge_interval_minutes: int = field(
        default_factory=lambda: _int_env("POLKUOPAS_PURGE_INTERVAL_MINUTES", 60, minimum=0)
    )
    static_dir: Path = Path(__file__).resolve().parent / "static"
    # Abuse resistance (api/protection.py): per minute, per client or conversation
    chat_messages_per_minute_per_client: int = field(
        default_factory=lambda: _int_env("POLKUOPAS_CHAT_PER_MINUTE_CLIENT", 120)
    )
    chat_messages_per_minute_per_session: int = field(
        default_factory=lambda: _int_env("POLKUOPAS_CHAT_PER_MINUTE_SESSION", 30)
    )
    api_requests_per_minute_per_client: int = field(
        default_factory=lambda: _int_env("POLKUOPAS_API_PER_MINUTE_CLIENT", 600)
    )
    # Where the rate limits are counted: this process's memory, or Redis shared by every worker and
    # instance ("async+redis://localhost:6379/0")
    rate_limit_storage: str = field(
        default_factory=lambda: os.environ.get("POLKUOPAS_RATE_LIMIT_STORAGE", "").strip() or "async+memory://"
    )
    # Staff logins (api/routers/staff.py): attempts per client address and per username
    logins_per_minute_per_client: int = field(
        default_factory=lambda: _int_env("POLKUOPAS_LOGINS_PER_MINUTE_CLIENT", 20)
    )
    logins_per_minute_per_user: int = field(default_factory=lambda: _int_env("POLKUOPAS_LOGINS_PER_MINUTE_USER", 5))
    logins_per_hour_per_user: int = field(default_factory=lambda: _int_env("POLKUOPAS_LOGINS_PER_HOUR_USER", 30))
    # The staff's session cookie is sent over HTTPS only (browsers treat http://localhost as secure);
    # POLKUOPAS_STAFF_COOKIE_SECURE=0 only for a test server on plain HTTP elsewhere
    staff_cookie_secure: bool = field(
        default_factory=lambda: os.environ.get("POLKUOPAS_STAFF_COOKIE_SECURE", "1").strip() != "0"
    )
    # Usage events older than this are folded into daily counts (insights/retention.py)
    stats_retention_days: int = field(default_factory=stats_retention_days)
    trust_proxy: bool = field(default_factory=lambda: os.environ.get("POLKUOPAS_TRUST_PROXY", "") == "1")
    # Sites that may embed the widget (CORS), comma-separated origins; none by default
    allowed_origins: tuple[str, ...] = field(
        default_factory=lambda: tuple(
            o.strip().rstrip("/") for o in os.environ.get("POLKUOPAS_ALLOWED_ORIGINS", "").split(",") if o.strip()
        )
    )
    # The public address for links the bot gives (summary pages); default: the request's own.
    public_url: str | None = field(default_factory=lambda: os.environ.get("POLKUOPAS_PUBLIC_URL") or None)

    @property
    def rasa_servers(self) -> tuple[str, ...]:
        return self.rasa_urls or (self.rasa_url,)

    @property
    def action_servers(self) -> tuple[str, ...]:
        return self.action_server_urls or (self.action_server_url,)


def _int_env(name: str, default: int, minimum: int = 1) -> int:
    try:
        return max(minimum, int(os.environ.get(name, default)))
    except ValueError:
        return default


def get_settings() -> Settings:
    return Settings()
