"""Retention of the usage events: events older than POLKUOPAS_STATS_RETENTION_DAYS (default 90)
are folded into daily counts (insights.models.UsageDaily) and deleted. The figures stay the
same; only the single events go.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections import Counter
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, delete, select

from catalogue.db import session_scope
from insights.events import DailyKey, from_row
from insights.models import UsageDaily, UsageEvent

log = logging.getLogger(__name__)

DEFAULT_STATS_RETENTION_DAYS = 90
BATCH = 5000


def stats_retention_days(default: int = DEFAULT_STATS_RETENTION_DAYS) -> int:
    """POLKUOPAS_STATS_RETENTION_DAYS, or the default when unset or not a positive whole number."""
    try:
        days = int(os.environ.get("POLKUOPAS_STATS_RETENTION_DAYS", "").strip())
    except ValueError:
        return default
    return days if days >= 1 else default


class ConcurrentFold(RuntimeError):
    """Another process folded some of the same events first; nothing of this fold was kept."""


def fold(engine: Engine, *, older_than_days: int, today: dt.date | None = None) -> int:
    """Folds events from before the last `older_than_days` days into daily counts; returns how many
    events were folded. Each batch is one transaction: counts added and events deleted together."""
    if isinstance(older_than_days, bool) or not isinstance(older_than_days, int) or older_than_days < 1:
        raise ValueError("older_than_days must be a whole number of days, at least 1")
    cutoff = (today or dt.date.today()) - dt.timedelta(days=older_than_days)
    folded = 0
    while True:
        with session_scope(engine) as db:
            rows = db.scalars(
                select(UsageEvent).where(UsageEvent.day < cutoff).order_by(UsageEvent.id).limit(BATCH)
            ).all()
            if not rows:
                return folded
            counts: Counter[DailyKey] = Counter()
            for row in rows:
                try:
                    event = from_row(row)
                except ValueError:
                    log.warning("usage event %d deleted without counting: not valid", row.id)
                    continue
                counts.update(event.daily_keys())
            ids = [row.id for row in rows]
            deleted = cast(CursorResult[Any], db.execute(delete(UsageEvent).where(UsageEvent.id.in_(ids))))
            if deleted.rowcount != len(ids):  # another process got there first: keep its counts only
                raise ConcurrentFold(f"{len(ids) - max(deleted.rowcount, 0)} events were folded elsewhere")
            for (day, area_id, audience, lang, metric, key), count in counts.items():
                existing = db.scalars(
                    select(UsageDaily).where(
                        UsageDaily.day == day,
                        UsageDaily.area_id.is_not_distinct_from(area_id),
                        UsageDaily.audience.is_not_distinct_from(audience),
                        UsageDaily.lang == lang,
                        UsageDaily.metric == metric,
                        UsageDaily.key == key,
                    )
                ).first()
                if existing is not None:
                    existing.count += count
                else:
                    db.add(
                        UsageDaily(
                            day=day, area_id=area_id, audience=audience, lang=lang, metric=metric, key=key, count=count
                        )
                    )
            folded += len(ids)
