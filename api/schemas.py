"""Pydantic shapes of the HTTP API (docs/api.md)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from vocabulary import Education, EmployerType, FinnishLevel, Goal, LifeArea, Scope, Situation, WorkAbility

ShortCode = Annotated[str, Field(max_length=40)]


class Button(BaseModel):
    title: str
    payload: str


class ServiceCard(BaseModel):
    id: str
    title: str
    summary: str
    category: str
    scope: Scope
    provider: str | None = None
    url: str | None = None
    contact: str | None = None
    source_url: str
    last_verified: str
    # The language of title and summary: fi when the service has no official text in the asked language
    lang: str = "fi"


class Message(BaseModel):
    text: str | None = None
    buttons: list[Button] = Field(default_factory=list)
    cards: list[ServiceCard] = Field(default_factory=list)


class HistoryMessage(Message):
    sender: Literal["user", "bot"]


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    session_id: str | None = Field(default=None, max_length=100)
    message: str = Field(min_length=1, max_length=1000)
    # The embedding page's municipality (the widget's data-municipality): used when the user
    # does not name one. An unknown name is ignored.
    municipality: str | None = Field(default=None, max_length=100)
    # The language the client asks for (fi, sv, en: the page's data-lang or the panel's switch). The
    # conversation's language may still follow the user's words (docs/api.md); another value is ignored.
    lang: str | None = Field(default=None, max_length=10)


class ChatResponse(BaseModel):
    session_id: str
    messages: list[Message]
    # The conversation's language after this message (fi, sv, en)
    lang: str = "fi"
    # Beside the contract: after how many days of inactivity the conversation is deleted
    # (the widget's privacy line says it)
    retention_days: int | None = None


class HistoryResponse(BaseModel):
    messages: list[HistoryMessage]
    retention_days: int | None = None  # as in ChatResponse


class ServiceList(BaseModel):
    total: int
    items: list[ServiceCard]


class ServiceDetail(ServiceCard):
    description: str
    key_rules: list[str]
    eligibility: dict
    how_to_apply: str | None = None
    channels: list[dict]
    notes: str | None = None


class AreaRef(BaseModel):
    id: str
    name: str


class Contact(BaseModel):
    name: str
    url: str | None = None
    phone: str | None = None
    email: str | None = None
    hours: str | None = None  # service hours, when the area publishes them
    address: str | None = None


class AreaContacts(BaseModel):
    jobseeker: Contact
    employer: Contact


class ResolvedMunicipality(BaseModel):
    code: str
    name_fi: str
    name_sv: str | None = None
    employment_area: AreaRef | None = None
    # Beside the contract: whom to contact there (the area's services, or Työmarkkinatori)
    contacts: AreaContacts | None = None
    # Beside the contract: how fresh the area's own data is (none when the area is unknown)
    freshness: AreaFreshness | None = None


class AreaFreshness(BaseModel):
    records: int
    oldest: str
    newest: str
    to_check: int


# Kompassi-style self-rating: 1–5 for each life area (vocabulary.LifeArea); a null is no answer
SelfRating = dict[LifeArea, Annotated[int, Field(ge=1, le=5)] | None]


class JobseekerProfileIn(BaseModel):
    municipality: str | None = Field(default=None, max_length=100)
    age: int | None = Field(default=None, ge=15, le=80)
    situation: Situation | None = None
    unemployed_months: float | None = Field(default=None, ge=0, le=600)
    work_ability: WorkAbility | None = None
    finnish_level: FinnishLevel | None = None
    education: Education | None = None
    goals: list[Goal] = Field(default_factory=list, max_length=5)
    fields: list[str] = Field(default_factory=list, max_length=10)
    self_rating: SelfRating | None = None
    # Beside the fixed keys (docs/api.md): the competence profile, as occupation groups (Ammattiluokitus
    # 2010 codes, e.g. "83") and skills/cards (e.g. "c_licence"); unknown codes are ignored.
    occupation_groups: list[ShortCode] = Field(default_factory=list, max_length=20)
    skills: list[ShortCode] = Field(default_factory=list, max_length=30)


class HireIn(BaseModel):
    age: int | None = Field(default=None, ge=15, le=80)
    unemployed_months: float | None = Field(default=None, ge=0, le=600)
    work_ability: WorkAbility | None = None
    needs_adjustments: bool = False
    finnish_level: FinnishLevel | None = None
    apprenticeship: bool = False
    education: Education | None = None


class JobIn(BaseModel):
    hours_per_week: float | None = Field(default=None, ge=1, le=60)
    monthly_wage_eur: float | None = Field(default=None, ge=100, le=20000)
    months: int | None = Field(default=None, ge=1, le=60)


class EmployerProfileIn(BaseModel):
    municipality: str | None = Field(default=None, max_length=100)
    employer_type: EmployerType | None = None
    employees: int | None = Field(default=None, ge=0, le=1_000_000)
    hire: HireIn = Field(default_factory=HireIn)
    job: JobIn = Field(default_factory=JobIn)


class Step(BaseModel):
    title: str
    why: str
    services: list[ServiceCard]
    # beside the fixed keys (docs/api.md): a stable step id, how to take the step, where to ask, and
    # the answers that led to it (for "miksi?")
    id: str
    how_to_start: str
    contact: Contact
    factors: list[str]


class JobseekerPath(BaseModel):
    steps: list[Step]
    contact: Contact
    notes: list[str]


class Estimate(BaseModel):
    percent: int
    monthly_max_eur: float
    months: int
    total_max_eur: float


class Support(BaseModel):
    service: ServiceCard
    why: str
    estimate: Estimate | None = None
    # beside the fixed keys (docs/api.md): recommended, an alternative to it (not paid together), or on top
    role: Literal["recommended", "alternative", "additional"]


class PackageEstimate(BaseModel):
    total_max_eur: float
    supports: list[str]  # the service ids summed: the recommended support and what can be added to it


class EmployerPackage(BaseModel):
    supports: list[Support]
    contact: Contact
    notes: list[str]
    package_estimate: PackageEstimate | None
    next_steps: list[str]


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    rasa: Literal["ok", "down"]
    actions: Literal["ok", "down"]
    database: Literal["ok", "down"]


class VocabularyEntry(BaseModel):
    code: str
    label: str


class VocabularyList(BaseModel):
    lang: str
    vocabularies: dict[str, list[VocabularyEntry]]


class UiStrings(BaseModel):
    # The language of the strings (fi, sv, en)
    lang: str
    # Every key of messages/<lang>/widget.yaml and haku.yaml ("widget.send", "haku.form.q" …) → its wording
    strings: dict[str, str]


# -- the area's figures (GET /api/stats; insights/figures.py) ---------------------------------
# A count of at least 5, or "< 5": smaller counts are never shown
Count = int | Literal["< 5"]


class StatsArea(BaseModel):
    id: str | None
    name: str


class StatsPeriod(BaseModel):
    start: str
    end: str


class StatsWeek(BaseModel):
    week_start: str
    week: str
    requests: Count
    searches: Count
    paths: Count
    packages: Count
    fallbacks: Count
    feedback: Count


class StatsRow(BaseModel):
    key: str
    label: str
    count: Count


class StatsNeeds(BaseModel):
    jobseeker: list[StatsRow]
    employer: list[StatsRow]
    coach: list[StatsRow]


class StatsUnmetNeed(BaseModel):
    area: StatsArea
    category: str
    label: str
    count: Count


class StatsFallback(BaseModel):
    count: Count
    of_requests: Count
    share_percent: float | None
    topics: list[StatsRow]


class StatsRating(BaseModel):
    rating: int
    count: Count


class StatsFeedback(BaseModel):
    count: Count
    average: float | None
    ratings: list[StatsRating]


class StatsLanguage(BaseModel):
    lang: str
    label: str
    count: Count
    share_percent: float | None


class StatsResponse(BaseModel):
    areas: list[StatsArea] | None
    period: StatsPeriod
    weekly: list[StatsWeek]
    needs: StatsNeeds
    categories: list[StatsRow]
    services: list[StatsRow]
    steps: list[StatsRow]
    unmet_needs: list[StatsUnmetNeed]
    fallback: StatsFallback
    feedback: StatsFeedback
    languages: list[StatsLanguage]
