"""Rasa custom actions (thin): they call the catalogue package for every fact and rule."""

from bot.actions.answers import (  # noqa: F401
    ActionDefaultFallback,
    ActionDeleteMyData,
    ActionHumanHandover,
    ActionKeepEmployee,
    ActionServiceInfo,
    ActionServiceSearch,
)
from bot.actions.followups import (  # noqa: F401
    ActionAskCompetenceConfirmed,
    ActionAskHealthCategory,
    ActionAskWhy,
    ActionAskWorkAbility,
    ActionChangeAnswer,
    ActionMakeSummary,
    ActionShowAlternatives,
    ActionStoreFeedback,
)
from bot.actions.forms import (  # noqa: F401
    ActionPrefillEmployer,
    ActionPrefillJobseeker,
    ValidateEmployerForm,
    ValidateJobseekerForm,
    ValidateSummaryForm,
)
from bot.actions.questions import QUESTIONS  # noqa: F401  (one Action class a choice question)
from bot.actions.recommend import ActionRecommendPackage, ActionRecommendPath  # noqa: F401
