"""Rasa's SQL tracker store, keeping the conversations in progress in memory between turns.

Why: on every message Rasa 3.6's SQLTrackerStore reads back all of the conversation's events
(one SQL query with a sub-query, `json.loads` of each event, and a replay of every event into a new
tracker), and on saving counts them again with the same query to know which events are new.
Profiled under load that was a quarter of the Rasa server's CPU (docs/performance.md, issue 20),
and it grows with the length of the conversation.

What this store does instead, with the same tables and rows as Rasa's:
- Retrieving asks the database only for the conversation's newest event id. If this process saved
  that event itself, the tracker it kept after saving is returned; otherwise the events are read and
  replayed as Rasa does. Another Rasa process that took a turn of the conversation (the production
  profile shares one database) has written a newer event, so the tracker is read again; so is a
  conversation deleted or purged in the meantime. Rasa's lock store lets only one process at a
  time handle a conversation.
- Saving writes the events added to a kept tracker since it was read, without counting the stored
  ones again. A tracker that was not read through this store is saved as Rasa saves it.
- A kept tracker is dropped when its events no longer match what was stored (a turn that failed
  midway), when a new session started during the turn (the database then returns only the new
  session), and beyond `cache_size` conversations, the least recently used first.

endpoints.yml names it by module path (scripts/rasa.sh puts bot/rasa_runtime on PYTHONPATH):

    tracker_store:
      type: polkuopas_tracker_store.CachingSQLTrackerStore
      dialect: "sqlite"
      db: ${RASA_TRACKER_DB}
"""

from __future__ import annotations

import itertools
import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

DEFAULT_CACHE_SIZE = 500


@dataclass
class _Kept:
    tracker: DialogueStateTracker
    stored: int  # how many of tracker.events are in the database
    last_id: int  # the id of the newest of them


class CachingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that keeps the trackers it read and saved, checked by the newest event id."""

    def __init__(self, *args: Any, cache_size: int = DEFAULT_CACHE_SIZE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cache_size = int(cache_size)
        self._kept: OrderedDict[str, _Kept] = OrderedDict()

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The conversation's latest session, as SQLTrackerStore.retrieve returns it."""
        with self.session_scope() as session:
            newest = session.query(sa.func.max(self.SQLEvent.id)).filter(self.SQLEvent.sender_id == sender_id).scalar()
            kept = self._kept.get(sender_id)
            if kept is not None and newest == kept.last_id and len(kept.tracker.events) == kept.stored:
                self._kept.move_to_end(sender_id)
                return kept.tracker
            self._kept.pop(sender_id, None)
            if newest is None or not self.domain:
                return None
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
            if not rows:
                return None
            tracker = DialogueStateTracker.from_dict(
                sender_id, [json.loads(row.data) for row in rows], self.domain.slots
            )
            self._keep(sender_id, _Kept(tracker, len(rows), rows[-1].id))
            return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Writes the tracker's events that are not in the database yet."""
        await self.stream_events(tracker)
        kept = self._kept.get(tracker.sender_id)
        if kept is not None and kept.tracker is not tracker:
            self._kept.pop(tracker.sender_id)
            kept = None
        with self.session_scope() as session:
            if kept is None:
                new_events = list(self._additional_events(session, tracker))
            else:
                new_events = list(itertools.islice(tracker.events, kept.stored, None))
            rows = [self._row(tracker.sender_id, event) for event in new_events]
            session.add_all(rows)
            session.flush()  # gives the rows their ids
            newest = rows[-1].id if rows else None
            session.commit()
        if kept is None:
            return
        if any(isinstance(event, SessionStarted) for event in new_events):
            # The database now returns only the new session; this tracker holds both.
            self._kept.pop(tracker.sender_id, None)
            return
        kept.stored += len(rows)
        if newest is not None:
            kept.last_id = newest

    def _row(self, sender_id: str, event: Event) -> Any:
        """The events table's row of `event`, as SQLTrackerStore.save writes it."""
        data = event.as_dict()
        return self.SQLEvent(
            sender_id=sender_id,
            type_name=event.type_name,
            timestamp=data.get("timestamp"),
            intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            action_name=data.get("name"),
            data=json.dumps(data),
        )

    def _keep(self, sender_id: str, kept: _Kept) -> None:
        self._kept[sender_id] = kept
        self._kept.move_to_end(sender_id)
        while len(self._kept) > self.cache_size:
            self._kept.popitem(last=False)
