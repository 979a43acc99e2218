"""The n-gram intent classifier (bot/components/ngram_intents.py), in .venv-rasa with real Rasa."""

from __future__ import annotations

import pytest
from ngram_intents import NgramIntentClassifier, blend, fold
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

EXAMPLES = {
    "unemployment_benefit": [
        "paljonko työttömyyspäivärahaa saa",
        "milloin päiväraha maksetaan",
        "saanko kelalta rahaa kun olen työtön",
        "ansiosidonnainen päiväraha kassasta",
        "mistä haen työttömyysturvaa",
        "päivärahan määrä",
    ],
    "greet": ["hei", "moi", "terve", "hyvää päivää", "moikka", "huomenta"],
    "work_ability": [
        "selkä ei kestä raskasta työtä",
        "olen ollut pitkään sairauslomalla",
        "terveys rajoittaa työntekoa",
        "lääkäri kielsi nostamasta",
        "masennus vie työkyvyn",
        "polvet eivät kestä seisomista",
    ],
}


def training_data(examples: dict[str, list[str]]) -> TrainingData:
    return TrainingData(
        [Message(data={TEXT: text, INTENT: intent}) for intent, texts in examples.items() for text in texts]
    )


def context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), node_name="ngram_intents")


@pytest.fixture
def storage(tmp_path) -> LocalModelStorage:  # type: ignore[no-untyped-def]
    return LocalModelStorage(tmp_path)


def trained(storage: LocalModelStorage, **config: object) -> NgramIntentClassifier:
    full = {**NgramIntentClassifier.get_default_config(), **config}
    classifier = NgramIntentClassifier.create(full, storage, Resource("ngram"), context())
    classifier.train(training_data(EXAMPLES))
    return classifier


def test_fold_drops_the_dots_and_case() -> None:
    assert fold("TYÖTTÖMYYS Åland") == "tyottomyys aland"


def test_blend_weighs_both_rankings() -> None:
    mixed = blend({"a": 0.8, "b": 0.2}, {"a": 0.2, "c": 0.8}, weight=0.5)
    assert mixed == pytest.approx({"a": 0.5, "b": 0.1, "c": 0.4})
    assert blend({"a": 1.0}, {}, weight=0.5) == {"a": 1.0}


def test_spelling_without_dots_and_typos_is_understood(storage: LocalModelStorage) -> None:
    classifier = trained(storage)
    messages = [Message(data={TEXT: text}) for text in ("paljonko paivarahaa saa", "moiii", "selka ei kesta")]
    classifier.process(messages)
    assert [m.get(INTENT)["name"] for m in messages] == ["unemployment_benefit", "greet", "work_ability"]
    for message in messages:
        ranking = message.get(INTENT_RANKING_KEY)
        assert ranking[0] == message.get(INTENT)
        assert sum(item["confidence"] for item in ranking) == pytest.approx(1.0, abs=0.01)
        assert [item["confidence"] for item in ranking] == sorted(
            (item["confidence"] for item in ranking), reverse=True
        )


def test_the_ranking_before_it_is_blended_in(storage: LocalModelStorage) -> None:
    """A message DIET is sure of keeps DIET's intent when this classifier alone would disagree."""
    alone = trained(storage, weight=1.0)
    message = Message(data={TEXT: "moi"})
    alone.process([message])
    assert message.get(INTENT)["name"] == "greet"
    own = message.get(INTENT)["confidence"]

    blended = trained(storage, weight=0.5)
    message = Message(data={TEXT: "moi"})
    message.set(INTENT_RANKING_KEY, [{"name": "work_ability", "confidence": 1.0}])
    blended.process([message])
    ranking = {item["name"]: item["confidence"] for item in message.get(INTENT_RANKING_KEY)}
    assert ranking["work_ability"] == pytest.approx(0.5 + 0.5 * blended.probabilities(["moi"])[0]["work_ability"])
    assert ranking["greet"] == pytest.approx(0.5 * own)


def test_persisted_and_loaded_it_answers_the_same(storage: LocalModelStorage) -> None:
    classifier = trained(storage)
    config = {**NgramIntentClassifier.get_default_config()}
    loaded = NgramIntentClassifier.load(config, storage, Resource("ngram"), context())
    text = ["mistä haen rahaa kun olen työtön"]
    assert loaded.probabilities(text) == pytest.approx(classifier.probabilities(text))


def test_messages_without_text_and_untrained_models_are_left_alone(storage: LocalModelStorage) -> None:
    classifier = trained(storage)
    no_text = Message(data={INTENT: {"name": "greet", "confidence": 1.0}})
    classifier.process([no_text])
    assert no_text.get(INTENT_RANKING_KEY) is None

    untrained = NgramIntentClassifier.create(
        NgramIntentClassifier.get_default_config(), storage, Resource("one"), context()
    )
    untrained.train(training_data({"greet": ["hei", "moi"]}))  # one intent: nothing to learn
    message = Message(data={TEXT: "hei"})
    untrained.process([message])
    assert message.get(INTENT) is None


def test_an_intent_with_one_example_is_refused_with_its_name(storage: LocalModelStorage) -> None:
    classifier = NgramIntentClassifier.create(
        NgramIntentClassifier.get_default_config(), storage, Resource("rare"), context()
    )
    with pytest.raises(ValueError, match="greet"):
        classifier.train(training_data({**EXAMPLES, "greet": ["hei"]}))


@pytest.mark.parametrize(
    "bad", [{"weight": 1.5}, {"char_ngrams": [3, 2]}, {"calibration_folds": 1}, {"ranking_length": -1}]
)
def test_bad_config_is_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        NgramIntentClassifier.validate_config({**NgramIntentClassifier.get_default_config(), **bad})
