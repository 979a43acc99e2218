"""The conversation-language entity (bot/components/conversation_language.py), with real Rasa."""

from __future__ import annotations

from conversation_language import ConversationLanguage
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message


def component(tmp_path) -> ConversationLanguage:  # type: ignore[no-untyped-def]
    return ConversationLanguage.create(
        ConversationLanguage.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("language"),
        ExecutionContext(GraphSchema({}), node_name="language"),
    )


def test_the_gateways_language_becomes_the_language_entity(tmp_path) -> None:  # type: ignore[no-untyped-def]
    found = {"entity": "municipality", "value": "Vaasa", "start": 11, "end": 15}
    message = Message(data={TEXT: "jag bor i Vasa", METADATA: {"lang": "sv"}, ENTITIES: [found]})
    component(tmp_path).process([message])
    entities = message.get(ENTITIES)
    assert entities[0] == found
    assert [(e["entity"], e["value"]) for e in entities[1:]] == [("language", "sv")]


def test_no_or_unknown_language_adds_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    messages = [
        Message(data={TEXT: "hei"}),
        Message(data={TEXT: "hei", METADATA: {"lang": "de"}}),
        Message(data={TEXT: "hei", METADATA: "sv"}),
    ]
    component(tmp_path).process(messages)
    assert all(not m.get(ENTITIES) for m in messages)


def test_one_language_entity_even_if_one_was_typed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    typed = {"entity": "language", "value": "fi", "start": 0, "end": 7}
    message = Message(data={TEXT: "suomeksi", METADATA: {"lang": "en"}, ENTITIES: [typed]})
    component(tmp_path).process([message])
    assert [(e["entity"], e["value"]) for e in message.get(ENTITIES)] == [("language", "en")]
