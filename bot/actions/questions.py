"""The interview's choice questions: the options are the codes of one vocabulary, each button
titled with the code's label (vocabulary/, messages/fi/vocabulary.yaml), so a label changed
there changes the chat, the API and the lookup page alike."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from messages import text
from vocabulary import VOCABULARIES, label


def choice_buttons(vocabulary: str, payload_key: str) -> list[dict[str, str]]:
    """One button a code: the label, and the payload the form's validator reads."""
    buttons = []
    for code in VOCABULARIES[vocabulary]:
        title = label(vocabulary, code)
        buttons.append({"title": title[:1].upper() + title[1:], "payload": f'/inform{{"{payload_key}": "{code}"}}'})
    return buttons


class ChoiceQuestion:
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


class ActionAskSituation(ChoiceQuestion, Action):
    slot, vocabulary, payload_key = "situation", "situation", "situation"


class ActionAskFinnishLevel(ChoiceQuestion, Action):
    slot, vocabulary, payload_key = "finnish_level", "finnish_level", "finnish_level"


class ActionAskGoals(ChoiceQuestion, Action):
    slot, vocabulary, payload_key = "goals", "goal", "goal"


class ActionAskEducation(ChoiceQuestion, Action):
    slot, vocabulary, payload_key = "education", "education", "education_level"


class ActionAskEmployerType(ChoiceQuestion, Action):
    slot, vocabulary, payload_key = "employer_type", "employer_type", "employer_type"


class ActionAskHireGroup(ChoiceQuestion, Action):
    slot, vocabulary, payload_key = "hire_group", "hire_group", "hire_group"
