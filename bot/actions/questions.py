"""The interview's choice questions: the options are the codes of one vocabulary, each button
titled with the code's label (vocabulary/, messages/fi/vocabulary.yaml), so a label changed
there changes the chat, the API and the lookup page alike."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.common import InConversationLanguage
from messages import text
from vocabulary import VOCABULARIES, label


def choice_buttons(vocabulary: str, payload_key: str) -> list[dict[str, str]]:
    """One button a code: the label, and the payload the form's validator reads."""
    buttons = []
    for code in VOCABULARIES[vocabulary]:
        title = label(vocabulary, code)
        buttons.append({"title": title[:1].upper() + title[1:], "payload": f'/inform{{"{payload_key}": "{code}"}}'})
    return buttons


class ChoiceQuestion(InConversationLanguage):
    """Asks for one slot of a form with a button for each code of its vocabulary. A mixin, not an
    Action itself: rasa_sdk registers every subclass of Action, and this one has no slot."""

    slot: str
    vocabulary: str
    payload_key: str

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text=text(f"actions.ask.{self.slot}"), buttons=choice_buttons(self.vocabulary, self.payload_key)
        )
        return []


# The slots asked with buttons, and the vocabulary of each; a button's payload names the slot
# itself except where the form reads another key
VOCABULARY_OF_SLOT = {
    "situation": "situation",
    "finnish_level": "finnish_level",
    "goals": "goal",
    "education": "education",
    "employer_type": "employer_type",
    "hire_group": "hire_group",
}
PAYLOAD_KEY_OF_SLOT = {"goals": "goal", "education": "education_level"}
QUESTIONS: tuple[type[ChoiceQuestion], ...] = tuple(
    type(
        "ActionAsk" + slot.title().replace("_", ""),
        (ChoiceQuestion, Action),
        {"slot": slot, "vocabulary": vocabulary, "payload_key": PAYLOAD_KEY_OF_SLOT.get(slot, slot)},
    )
    for slot, vocabulary in VOCABULARY_OF_SLOT.items()
)
# The action server's workers receive the actions pickled, by module and name: each class is also a
# name of this module
for _question in QUESTIONS:
    globals()[_question.__name__] = _question
