"""The chat gateway: the only public door to Rasa (docs/api.md). The conversation's workflow is
conversations.chat; this module adds rate limits, dependencies and status codes."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from api.deps import catalogue, db_session
from api.protection import check_client_chat_limit, check_session_chat_limit
from api.schemas import ChatRequest, ChatResponse, HistoryResponse
from catalogue.repository import CatalogueSnapshot
from conversations import chat as conversation
from messages import current_language, speaking, supported, text

router = APIRouter(prefix="/api/chat", tags=["chat"])


@router.post("", response_model=ChatResponse)
async def chat(
    body: ChatRequest,
    request: Request,
    db: Session = Depends(db_session),
    snapshot: CatalogueSnapshot = Depends(catalogue),
) -> ChatResponse | JSONResponse:
    await check_client_chat_limit(request)
    try:
        outcome = await conversation.handle_message(
            db,
            request.app.state.rasa,
            request.app.state.tracker_store,
            body.session_id,
            body.message,
            places=snapshot,
            page_municipality=body.municipality,
            public_base_url=public_base_url(request),
            lang=body.lang,
            admit=lambda session_id: check_session_chat_limit(request, session_id),
        )
    except conversation.EmptyMessage:
        with speaking(supported(body.lang) or current_language()):
            raise HTTPException(status_code=422, detail=text("api.chat.empty_message")) from None
    if outcome.bot_unavailable:
        with speaking(outcome.lang):
            down = text("api.chat.backend_down")
        notice = {"text": down, "buttons": [], "cards": []}
        return JSONResponse(
            status_code=503,
            content={"detail": down, "session_id": outcome.session_id, "messages": [notice], "lang": outcome.lang},
        )
    return ChatResponse(
        session_id=outcome.session_id, messages=outcome.messages, lang=outcome.lang, retention_days=retention(request)
    )


def retention(request: Request) -> int:
    days: int = request.app.state.settings.retention_days
    return days


def public_base_url(request: Request) -> str:
    """The public address of this service, for links the bot gives (POLKUOPAS_PUBLIC_URL if set)."""
    url: str = request.app.state.settings.public_url or str(request.base_url)
    return url.rstrip("/")


@router.get("/{session_id}/history", response_model=HistoryResponse)
def chat_history(session_id: str, request: Request, db: Session = Depends(db_session)) -> HistoryResponse:
    messages = conversation.conversation_history(db, session_id)
    if messages is None:
        raise HTTPException(status_code=404, detail=text("api.chat.not_found"))
    return HistoryResponse(messages=messages, retention_days=retention(request))


@router.delete("/{session_id}", status_code=204)
def delete_chat(session_id: str, request: Request, db: Session = Depends(db_session)) -> Response:
    if not conversation.forget_conversation(db, request.app.state.tracker_store, session_id):
        raise HTTPException(status_code=404, detail=text("api.chat.not_found"))
    return Response(status_code=204)
