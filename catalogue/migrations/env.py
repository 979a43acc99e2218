"""Alembic environment: migrates the database named by DATABASE_URL (or the SQLite default)."""

from alembic import context

import conversations.models  # noqa: F401  (registers the conversation tables on the shared metadata)
import insights.models  # noqa: F401  (the usage events)
import staff.models  # noqa: F401  (the staff accounts)
from catalogue.db import database_url, make_engine
from catalogue.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_offline() -> None:
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(config.attributes.get("url") or database_url())
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
