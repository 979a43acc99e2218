"""The chat gateway: the only public door to Rasa."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from api.deps import catalogue, db_session
from api.protection import check_client_chat_limit, check_session_chat_limit
from api.rasa_client import RasaUnavailable
from api.schemas import ChatRequest, ChatResponse, HistoryResponse
from catalogue.repository import CatalogueSnapshot
from conversations import store as conversations
from conversations.privacy import mask_personal_data
from understanding import sensitive
from understanding.interview import redact_health_details

router = APIRouter(prefix="/api/chat", tags=["chat"])

BACKEND_DOWN_TEXT = (
    "Keskustelupalvelu ei vastaa juuri nyt. Yritä hetken päästä uudelleen. "
    "Kiireellisissä asioissa katso https://tyomarkkinatori.fi/"
)
# metadata key the actions read (bot/actions/common.py page_municipality)
PAGE_MUNICIPALITY_KEY = "page_municipality"
NOT_FOUND_TEXT = "Keskustelua ei löytynyt. Se on ehkä poistettu tai vanhentunut."


@router.post("", response_model=ChatResponse)
async def chat(
    body: ChatRequest,
    request: Request,
    db: Session = Depends(db_session),
    snapshot: CatalogueSnapshot = Depends(catalogue),
):
    check_client_chat_limit(request)
    message = conversations.clean_message(body.message)
    if not message:
        raise HTTPException(status_code=422, detail="Viesti on tyhjä. Kirjoita kysymyksesi.")
    if not message.startswith("/"):
        # identity codes, phone numbers and e-mail addresses never reach Rasa or our database,
        # and health details reach them only as a category
        message = redact_health_details(mask_personal_data(message))
    session = conversations.open_session(db, body.session_id)
    check_session_chat_limit(request, session.id)
    shown_text = message
    if message.startswith("/"):
        shown_text = conversations.button_title_for_payload(db, session, message) or message
    category = sensitive.as_category(conversations.expected_answer(db, session), message)
    if category is not None:
        message, shown_text = category
    is_silent = message in ("/greet", "/restart") and shown_text == message
    if not is_silent:
        conversations.record(db, session, "user", {"text": shown_text})
    db.commit()
    try:
        reply = await request.app.state.rasa.send(session.id, message, page_metadata(snapshot, body.municipality))
    except RasaUnavailable:
        notice = {"text": BACKEND_DOWN_TEXT, "buttons": [], "cards": []}
        return JSONResponse(
            status_code=503,
            content={"detail": BACKEND_DOWN_TEXT, "session_id": session.id, "messages": [notice]},
        )
    if reply.delete_conversation:
        conversations.delete_conversation(db, session, request.app.state.tracker_store)
        db.commit()
        # The deleted conversation's id is never used again.
        return ChatResponse(
            session_id=conversations.new_session_id(), messages=reply.messages, retention_days=retention(request)
        )
    if reply.summary_token:
        link = f"{settings_base_url(request)}/yhteenveto/{reply.summary_token}"
        reply.messages.append({"text": f"Yhteenveto: {link}", "buttons": [], "cards": []})
    for number, bot_message in enumerate(reply.messages, start=1):
        stored = dict(bot_message)
        if reply.expects and number == len(reply.messages):
            stored["expects"] = reply.expects  # kept in our database only, never sent or shown
        conversations.record(db, session, "bot", stored)
    db.commit()  # stored before the client hears the reply: a history read right after has it
    return ChatResponse(session_id=session.id, messages=reply.messages, retention_days=retention(request))


def retention(request: Request) -> int:
    return request.app.state.settings.retention_days


def page_metadata(snapshot: CatalogueSnapshot, municipality: str | None) -> dict[str, str]:
    """What the bot may know of the embedding page: its municipality, if it is a real one."""
    found = snapshot.resolve_municipality(municipality) if municipality else None
    return {PAGE_MUNICIPALITY_KEY: found.name_fi} if found else {}


def settings_base_url(request: Request) -> str:
    """The public address of this service, for links the bot gives (POLKUOPAS_PUBLIC_URL if set)."""
    return (request.app.state.settings.public_url or str(request.base_url)).rstrip("/")


@router.get("/{session_id}/history", response_model=HistoryResponse)
def chat_history(session_id: str, request: Request, db: Session = Depends(db_session)):
    session = conversations.find_session(db, session_id)
    if session is None:
        raise HTTPException(status_code=404, detail=NOT_FOUND_TEXT)
    return HistoryResponse(messages=conversations.history(db, session), retention_days=retention(request))


@router.delete("/{session_id}", status_code=204)
def delete_chat(session_id: str, request: Request, db: Session = Depends(db_session)):
    session = conversations.find_session(db, session_id)
    if session is None:
        raise HTTPException(status_code=404, detail=NOT_FOUND_TEXT)
    conversations.delete_conversation(db, session, request.app.state.tracker_store)
    db.commit()  # gone before the client hears so: a request right after finds nothing
    return Response(status_code=204)
