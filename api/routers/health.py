"""Health of the API's backends."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from api.schemas import Health

router = APIRouter(prefix="/api", tags=["health"])


@router.get("/health", response_model=Health)
async def health(request: Request) -> Health:
    state = request.app.state
    # every Rasa and action server: with several, the chat goes on while one is down, and this says so
    rasa_ok = await state.rasa.all_up()
    actions_ok = await state.rasa.all_actions_up()
    try:
        with state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        database_ok = True
    except SQLAlchemyError:
        database_ok = False
    everything_ok = rasa_ok and actions_ok and database_ok
    return Health(
        status="ok" if everything_ok else "degraded",
        rasa="ok" if rasa_ok else "down",
        actions="ok" if actions_ok else "down",
        database="ok" if database_ok else "down",
    )
