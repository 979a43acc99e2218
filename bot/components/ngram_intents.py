"""A linear intent classifier on character and word n-grams, blended with DIET's intent ranking.

Why: on messages written the way people type (spoken forms, typos, no ä/ö) a linear support
vector machine on TF-IDF character n-grams generalises differently from DIET, and the two make
different mistakes. The average of their probabilities beats either alone on both held-out sets
(docs/performance.md, "understanding Finnish as people write it"). It costs a few seconds of
training and well under a millisecond a message.

The component comes after DIETClassifier in the pipeline. DIET must rank every intent
(`ranking_length: 0`), so that the blend sees DIET's whole distribution. With no ranking before
it, the component classifies alone.

- Text is lowercased and ä/ö/å folded to a/o/a, so "tyottomyys" and "työttömyys" share n-grams.
- Probabilities come from sigmoid calibration of the SVM scores on cross-validation folds
  (scikit-learn's CalibratedClassifierCV; Platt 1999), so the fallback threshold keeps a meaning.

Rasa imports this module as `ngram_intents` (scripts/rasa.sh puts bot/components on PYTHONPATH);
it needs only Rasa and scikit-learn, which Rasa itself depends on.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline, make_pipeline, make_union
from sklearn.svm import LinearSVC

MODEL_FILE = "ngram_intents.joblib"
_FOLDED = str.maketrans("äöå", "aoa")


def fold(text: str) -> str:
    """Lowercase with ä, ö and å as a, o and a: the spellings people type without them."""
    return text.lower().translate(_FOLDED)


def blend(own: dict[str, float], previous: dict[str, float], weight: float) -> dict[str, float]:
    """`weight` × this classifier's probabilities + the rest × the previous classifier's."""
    if not previous:
        return dict(own)
    names = own.keys() | previous.keys()
    return {name: weight * own.get(name, 0.0) + (1 - weight) * previous.get(name, 0.0) for name in names}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class NgramIntentClassifier(GraphComponent, IntentClassifier):
    """TF-IDF character and word n-grams, a calibrated linear SVM, blended with DIET."""

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn", "joblib"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # n-gram lengths of the character features (within word boundaries) and word features
            "char_ngrams": [2, 5],
            "word_ngrams": [1, 2],
            # inverse regularisation of the SVM
            "C": 0.5,
            # folds for calibrating probabilities (lowered to the smallest intent's count)
            "calibration_folds": 5,
            # this classifier's share in the blend with the ranking of the classifier before it
            "weight": 0.5,
            # intents in the ranking that is passed on (0: all)
            "ranking_length": 10,
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        pipeline: Pipeline | None = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._pipeline = pipeline

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if not 0.0 <= float(config["weight"]) <= 1.0:
            raise ValueError("NgramIntentClassifier: weight must be between 0 and 1")
        for key in ("char_ngrams", "word_ngrams"):
            low, high = config[key]
            if not 1 <= low <= high:
                raise ValueError(f"NgramIntentClassifier: {key} must be [low, high] with 1 <= low <= high")
        if int(config["calibration_folds"]) < 2 or int(config["ranking_length"]) < 0:
            raise ValueError("NgramIntentClassifier: calibration_folds >= 2 and ranking_length >= 0")

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NgramIntentClassifier:
        cls.validate_config(config)
        return cls(config, model_storage, resource)

    def _new_pipeline(self, folds: int) -> Pipeline:
        features = make_union(
            TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=tuple(self._config["char_ngrams"]),
                sublinear_tf=True,
                preprocessor=fold,
            ),
            TfidfVectorizer(ngram_range=tuple(self._config["word_ngrams"]), sublinear_tf=True, preprocessor=fold),
        )
        svm = LinearSVC(C=float(self._config["C"]), random_state=0)  # the same model from the same data
        return make_pipeline(features, CalibratedClassifierCV(svm, cv=folds, method="sigmoid", ensemble=False))

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(TEXT)]
        texts = [e.get(TEXT) for e in examples]
        intents = [e.get(INTENT) for e in examples]
        counts = Counter(intents)
        if len(counts) < 2:
            # Nothing to tell apart: like Rasa's own classifiers, train nothing and classify nothing.
            return self._resource
        if min(counts.values()) < 2:
            rare = sorted(name for name, count in counts.items() if count < 2)
            raise ValueError(f"NgramIntentClassifier: each intent needs at least 2 examples: {', '.join(rare)}")
        folds = min(int(self._config["calibration_folds"]), min(counts.values()))
        # an array: scikit-learn 1.1's fold check compares the labels with `==`
        self._pipeline = self._new_pipeline(folds).fit(texts, np.array(intents))
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self._pipeline, Path(directory) / MODEL_FILE)
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> NgramIntentClassifier:
        try:
            with model_storage.read_from(resource) as directory:
                pipeline = joblib.load(Path(directory) / MODEL_FILE)
        except (ValueError, FileNotFoundError):  # trained on data without two intents
            pipeline = None
        return cls(config, model_storage, resource, pipeline)

    def probabilities(self, texts: list[str]) -> list[dict[str, float]]:
        """Each text's probability of each intent, from this classifier alone."""
        if self._pipeline is None or not texts:
            return [{} for _ in texts]
        names = [str(name) for name in self._pipeline.classes_]
        return [dict(zip(names, map(float, row))) for row in self._pipeline.predict_proba(texts)]

    def process(self, messages: list[Message]) -> list[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        if self._pipeline is None:
            return messages
        weight = float(self._config["weight"])
        length = int(self._config["ranking_length"])
        for message, own in zip(with_text, self.probabilities([m.get(TEXT) for m in with_text])):
            previous = {
                item[INTENT_NAME_KEY]: float(item[PREDICTED_CONFIDENCE_KEY])
                for item in message.get(INTENT_RANKING_KEY) or []
            }
            ranked = sorted(blend(own, previous, weight).items(), key=lambda item: (-item[1], item[0]))
            if length:
                ranked = ranked[:length]
            ranking = [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence} for name, confidence in ranked]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
