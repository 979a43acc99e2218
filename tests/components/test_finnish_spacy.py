"""The Finnish spaCy loader (bot/components/finnish_spacy.py), in .venv-rasa with the real model."""

from __future__ import annotations

from pathlib import Path

import pytest
from finnish_spacy import FinnishSpacyNLP
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import SPACY_DOCS, TOKENS_NAMES
from rasa.nlu.tokenizers.spacy_tokenizer import SpacyTokenizer
from rasa.nlu.utils.spacy_utils import SpacyNLP
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

MODEL = "spacy_fi_experimental_web_md"
# a sentence and one (word, lemma) pair in it
SENTENCES = [
    ("mä oon ollu työttömänä puol vuotta ja etin työkokeilupaikkaa", ("työkokeilupaikkaa", "työkokeilupaikka")),
    ("haluaisin kuulla palkkatuesta, voisiko sillä palkata osatyökykyisen", ("palkkatuesta", "palkkatuki")),
    ("Olen lähihoitaja ja asun Oulussa.", ("oulussa", "Oulu")),
]


def loader(tmp_path: Path, cls: type[SpacyNLP], **config: object) -> SpacyNLP:
    return cls.create(
        {**cls.get_default_config(), "model": MODEL, **config},
        LocalModelStorage(tmp_path),
        Resource("spacy"),
        ExecutionContext(GraphSchema({}), node_name="spacy"),
    )


def lemmas_and_vectors(nlp: SpacyNLP, text: str) -> list[tuple[str, str, float]]:
    message = Message({TEXT: text})
    nlp.process([message], nlp.provide())
    SpacyTokenizer(SpacyTokenizer.get_default_config()).process([message])
    doc = message.get(SPACY_DOCS[TEXT])
    return [(t.text, t.lemma, float(v.vector.sum())) for t, v in zip(message.get(TOKENS_NAMES[TEXT]), doc, strict=True)]


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[SpacyNLP, SpacyNLP]:
    path = tmp_path_factory.mktemp("spacy")
    return loader(path, SpacyNLP), loader(path, FinnishSpacyNLP, disable=["ner", "tagger"])


def test_the_unused_components_are_switched_off(both: tuple[SpacyNLP, SpacyNLP]) -> None:
    full, trimmed = both
    assert {"ner", "tagger"} <= set(full.provide().model.pipe_names)
    assert not {"ner", "tagger"} & set(trimmed.provide().model.pipe_names)
    assert {"tok2vec", "morphologizer", "lemmatizer"} <= set(trimmed.provide().model.pipe_names)


@pytest.mark.parametrize(("text", "lemma"), SENTENCES)
def test_tokens_lemmas_and_vectors_stay_the_same(
    both: tuple[SpacyNLP, SpacyNLP], text: str, lemma: tuple[str, str]
) -> None:
    full, trimmed = both
    got = lemmas_and_vectors(trimmed, text)
    assert got == lemmas_and_vectors(full, text)
    assert lemma in [(word, lemma) for word, lemma, _ in got]


def test_an_unknown_component_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no component 'nre'"):
        loader(tmp_path, FinnishSpacyNLP, disable=["nre"])
