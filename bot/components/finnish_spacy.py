"""spaCy's Finnish model with only the parts the pipeline uses.

Why: Rasa's SpacyNLP runs every component of the model except the parser. Our pipeline reads only
the tokens, their lemmas and the word vectors. The lemmas come from Voikko, guided by the
morphologizer's part of speech; the named entities (`ner`) and the fine-grained tags (`tagger`) are
never read (no SpacyEntityExtractor, no POS features in the LexicalSyntacticFeaturizer). Without
those two, a message costs 3.5 ms of spaCy instead of 6.5 ms, with the same lemmas and vectors on
the 600 held-out messages tried (docs/performance.md, issue 20).

    - name: finnish_spacy.FinnishSpacyNLP
      model: spacy_fi_experimental_web_md
      disable: [ner, tagger]

Rasa imports this module as `finnish_spacy` (scripts/rasa.sh puts bot/components on PYTHONPATH).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.utils.spacy_utils import SpacyNLP


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="FinnishSpacyNLP",
)
class FinnishSpacyNLP(SpacyNLP):
    """SpacyNLP with the model's unused components switched off (`disable`)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**SpacyNLP.get_default_config(), "disable": []}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> FinnishSpacyNLP:
        component: FinnishSpacyNLP = super().create(config, model_storage, resource, execution_context)
        nlp = component.provide().model
        for name in config.get("disable", []):
            if name in nlp.pipe_names:  # Rasa already leaves out the parser
                nlp.disable_pipe(name)
            elif name not in nlp.disabled:
                raise ValueError(f"the spaCy model {nlp.meta.get('name')} has no component {name!r}")
        return component
