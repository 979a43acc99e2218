"""Every fixed vocabulary of Polkuopas, defined once: the codes here, their labels in the message
catalogue (``messages/<lang>/vocabulary.yaml``).

The API schemas (``api/schemas.py``), the profiles of the recommendation engine, the interview
forms (``bot/actions/forms.py``), the conversation summary and the lookup page (through
``GET /api/vocabulary``) take their codes and labels from here; changing a label in the
message catalogue changes it everywhere.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from messages import text

# -- the jobseeker's profile ----------------------------------------------------------------
Situation = Literal["unemployed", "laid_off", "employed", "student", "graduating", "sick_leave", "other"]
WorkAbility = Literal["full", "partial", "unknown"]
FinnishLevel = Literal["native", "good", "basic", "none"]
# lowest first: the highest completed level is kept
Education = Literal["basic", "upper_secondary", "vocational", "higher"]
Goal = Literal["job", "education", "try_field", "business", "rehabilitation"]
# Kompassi-style self-rating (1–5) of these life areas
LifeArea = Literal["finances", "social", "skills", "wellbeing", "daily_life", "employment", "health"]
# Health is kept only as one of these categories, never as the person's own words
HealthCategory = Literal[
    "musculoskeletal", "mental_health", "chronic_illness", "disability", "learning_neuro", "other", "undisclosed"
]
# Lines of work (the profile's `fields`, the services' fields)
Field = Literal[
    "cleaning",
    "property_care",
    "recycling",
    "kitchen",
    "media",
    "woodwork",
    "logistics",
    "retail",
    "care",
    "construction",
    "office",
    "it",
    "metal",
    "textile",
    "gardening",
    "transport",
    "customer_service",
]

# -- the employer's profile -----------------------------------------------------------------
EmployerType = Literal["company", "association", "foundation", "municipality", "other"]
# the employer interview's "whom are you hiring" choice
HireGroup = Literal["partial_work_ability", "long_unemployed", "under_30", "over_55", "apprentice", "none"]

# -- the catalogue ----------------------------------------------------------------------------
Category = Literal[
    "registration",
    "benefit",
    "guidance",
    "coaching",
    "work_trial",
    "supported_work",
    "training",
    "education",
    "integration",
    "youth",
    "rehabilitation",
    "social",
    "work_ability",
    "business",
    "employer_support",
    "municipal_support",
]
TargetGroup = Literal[
    "youth",
    "over_55",
    "long_term_unemployed",
    "partial_work_ability",
    "immigrant",
    "laid_off",
    "student",
    "entrepreneur",
    "disabled",
]
Scope = Literal["national", "regional", "municipal"]
Audience = Literal["jobseeker", "employer"]
ChannelKind = Literal["web", "echannel", "phone", "email", "address", "other"]

# -- the area's anonymous figures (insights/) -------------------------------------------------
# Whom a conversation served: a coach is anyone looking services up (the lookup page, or a chat
# search outside the jobseeker's and the employer's interviews)
StatsAudience = Literal["jobseeker", "employer", "coach"]
# What people ask for: the contract intents (domain.yml) that carry a need, by whose they are
JobseekerTopic = Literal[
    "jobseeker_start",
    "lost_job",
    "laid_off",
    "register_jobseeker",
    "unemployment_benefit",
    "career_change",
    "education_goal",
    "start_business",
    "work_ability",
    "competence_mapping",
]
EmployerTopic = Literal["employer_hiring", "employer_keep_employee"]
# these belong to whoever the conversation shows the person to be
SharedTopic = Literal["service_info", "service_search", "human_handover", "out_of_scope"]
Topic = Literal[JobseekerTopic, EmployerTopic, SharedTopic]

SITUATIONS: tuple[Situation, ...] = get_args(Situation)
WORK_ABILITIES: tuple[WorkAbility, ...] = get_args(WorkAbility)
FINNISH_LEVELS: tuple[FinnishLevel, ...] = get_args(FinnishLevel)
EDUCATION_LEVELS: tuple[Education, ...] = get_args(Education)
GOALS: tuple[Goal, ...] = get_args(Goal)
LIFE_AREAS: tuple[LifeArea, ...] = get_args(LifeArea)
HEALTH_CATEGORIES: tuple[HealthCategory, ...] = get_args(HealthCategory)
FIELDS: tuple[Field, ...] = get_args(Field)
EMPLOYER_TYPES: tuple[EmployerType, ...] = get_args(EmployerType)
HIRE_GROUPS: tuple[HireGroup, ...] = get_args(HireGroup)
CATEGORIES: tuple[Category, ...] = get_args(Category)
TARGET_GROUPS: tuple[TargetGroup, ...] = get_args(TargetGroup)
SCOPES: tuple[Scope, ...] = get_args(Scope)
AUDIENCES: tuple[Audience, ...] = get_args(Audience)
CHANNEL_KINDS: tuple[ChannelKind, ...] = get_args(ChannelKind)
STATS_AUDIENCES: tuple[StatsAudience, ...] = get_args(StatsAudience)
TOPICS: tuple[Topic, ...] = get_args(Topic)
# Whose topic each is (the shared ones are missing)
TOPIC_AUDIENCE: dict[str, StatsAudience] = {
    **dict.fromkeys(get_args(JobseekerTopic), "jobseeker"),
    **dict.fromkeys(get_args(EmployerTopic), "employer"),
}

# The name of each vocabulary (as in messages/<lang>/vocabulary.yaml and GET /api/vocabulary)
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "situation": SITUATIONS,
    "work_ability": WORK_ABILITIES,
    "finnish_level": FINNISH_LEVELS,
    "education": EDUCATION_LEVELS,
    "goal": GOALS,
    "life_area": LIFE_AREAS,
    "health_category": HEALTH_CATEGORIES,
    "field": FIELDS,
    "employer_type": EMPLOYER_TYPES,
    "hire_group": HIRE_GROUPS,
    "category": CATEGORIES,
    "target_group": TARGET_GROUPS,
    "scope": SCOPES,
    "audience": AUDIENCES,
    "channel_kind": CHANNEL_KINDS,
    "stats_audience": STATS_AUDIENCES,
    "topic": TOPICS,
}

# What a hire group tells of the hire beyond its name (the employer profile's `hire` keys)
HIRE_GROUP_FACTS: dict[str, dict[str, Any]] = {
    "partial_work_ability": {"work_ability": "partial"},
    "apprentice": {"apprenticeship": True},
}

# The long-term unemployed: out of work at least this many months (12, as in the law)
LONG_TERM_UNEMPLOYED_MONTHS = 12
# The target group `youth`: under this age (young people's services such as Ohjaamo serve under-30s)
YOUTH_UNDER_AGE = 30


def label(vocabulary: str, code: str | None, lang: str | None = None) -> str:
    """The user-facing label of one code (in `lang`, else the current language); an unknown code is
    shown as it is, no code as ''."""
    if code is None:
        return ""
    if code not in VOCABULARIES[vocabulary]:
        return code
    return text(f"vocabulary.{vocabulary}.{code}", lang)


def labels(vocabulary: str, lang: str | None = None) -> dict[str, str]:
    """Every code of one vocabulary and its label, in the vocabulary's order."""
    return {code: text(f"vocabulary.{vocabulary}.{code}", lang) for code in VOCABULARIES[vocabulary]}
