"""The conversation's language as an entity, from the metadata the chat gateway sends.

The gateway (conversations.chat, understanding/language.py) decides each message's language and
sends it as `metadata.lang`. This component adds it to the message as the entity `language`;
domain.yml maps that entity to the `lang` slot, which chooses the language of every response
(Rasa's conditional response variations) and of the custom actions. A message without it (for
instance from `rasa shell`) leaves the slot as it was.

Rasa imports this module as `conversation_language` (bot/components is on PYTHONPATH).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    METADATA,
)
from rasa.shared.nlu.training_data.message import Message

ENTITY = "language"
METADATA_KEY = "lang"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class ConversationLanguage(GraphComponent, EntityExtractorMixin):
    """Adds the entity `language` from `metadata.lang` when it is one of `languages`."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"languages": ["fi", "sv", "en"]}

    def __init__(self, config: dict[str, Any]) -> None:
        self._languages = set(config["languages"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ConversationLanguage:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            metadata = message.get(METADATA) or {}
            lang = metadata.get(METADATA_KEY) if isinstance(metadata, dict) else None
            if lang not in self._languages:
                continue
            entity = {
                ENTITY_ATTRIBUTE_TYPE: ENTITY,
                ENTITY_ATTRIBUTE_VALUE: lang,
                ENTITY_ATTRIBUTE_START: 0,
                ENTITY_ATTRIBUTE_END: 0,
                EXTRACTOR: self.name,
            }
            kept = [e for e in message.get(ENTITIES, []) if e.get(ENTITY_ATTRIBUTE_TYPE) != ENTITY]
            message.set(ENTITIES, [*kept, entity], add_to_output=True)
        return messages
