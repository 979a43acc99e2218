"""Read access to the catalogue: an in-memory snapshot of services, areas and providers.

The catalogue changes only when it is seeded, so each process loads it once
(and again after a re-seed) and answers lookups, searches and recommendations
from memory.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload

from catalogue.db import get_engine, session_scope
from catalogue.models import CatalogueMeta, EmploymentArea, Municipality, Provider, Service
from understanding.municipalities import Municipality as ResolvedMunicipality
from understanding.municipalities import get_resolver

TYOMARKKINATORI_CONTACT: dict[str, Any] = {
    "name": "Työmarkkinatori (valtakunnallinen palvelu)",
    "url": "https://tyomarkkinatori.fi/",
    "phone": None,
    "email": None,
}
# The national service in Swedish and English: its own names and pages (Jobbmarknaden,
# https://tyomarkkinatori.fi/sv; Job Market Finland, https://tyomarkkinatori.fi/en)
NATIONAL_CONTACTS: dict[str, dict[str, Any]] = {
    "fi": TYOMARKKINATORI_CONTACT,
    "sv": {
        **TYOMARKKINATORI_CONTACT,
        "name": "Jobbmarknaden (riksomfattande tjänst)",
        "url": "https://tyomarkkinatori.fi/sv",
    },
    "en": {
        **TYOMARKKINATORI_CONTACT,
        "name": "Job Market Finland (national service)",
        "url": "https://tyomarkkinatori.fi/en",
    },
}


@dataclass(frozen=True)
class SupportVariantRecord:
    variant: str
    percent: float | None
    monthly_max_eur: float | None
    months: int | None
    one_off_max_eur: float | None
    hours_per_month: float | None
    eur_per_hour: float | None
    conditions: dict[str, Any]
    excludes: tuple[str, ...]
    requires: tuple[str, ...]
    counted_pay: CountedPay | None = None


# The key a variant's `counted_pay` is stored under in the JSON conditions column (catalogue/seed.py)
COUNTED_PAY = "counted_pay"


@dataclass(frozen=True)
class CountedPay:
    """The part of the pay a wage subsidy is counted from (the 100 % palkkatuki): pay for at most
    `working_time_share` of full working time, times `wage_multiplier` (catalogue/data/SCHEMA.md)."""

    full_time_hours_per_week: float
    working_time_share: float
    wage_multiplier: float

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> CountedPay | None:
        if not data:
            return None
        return cls(
            float(data["full_time_hours_per_week"]), float(data["working_time_share"]), float(data["wage_multiplier"])
        )


@dataclass(frozen=True)
class ServiceText:
    """A service's words in one language, from the official page in that language."""

    lang: str
    title: str
    summary: str
    key_rules: tuple[str, ...]
    how_to_apply: str | None
    source_url: str
    last_verified: dt.date

    @classmethod
    def from_dict(cls, lang: str, data: dict[str, Any]) -> ServiceText:
        return cls(
            lang=lang,
            title=str(data["title"]),
            summary=str(data["summary"]),
            key_rules=tuple(str(rule) for rule in data.get("key_rules") or ()),
            how_to_apply=data.get("how_to_apply"),
            source_url=str(data["source_url"]),
            last_verified=dt.date.fromisoformat(str(data["last_verified"])),
        )


@dataclass(frozen=True)
class ServiceRecord:
    id: str
    title: str
    category: str
    scope: str
    audience: tuple[str, ...]
    employment_area_id: str | None
    municipality_code: str | None
    provider_id: str | None
    provider: str | None
    summary: str
    description: str | None
    key_rules: tuple[str, ...]
    how_to_apply: str | None
    url: str | None
    contact: str | None
    keywords: tuple[str, ...]
    fields: tuple[str, ...]
    notes: str | None
    min_age: int | None
    max_age: int | None
    min_unemployed_months: float | None
    target_groups: tuple[str, ...]
    employer_types: tuple[str, ...]
    situations: tuple[str, ...]
    source_url: str
    last_verified: dt.date
    support_variants: tuple[SupportVariantRecord, ...] = ()
    channels: tuple[dict[str, Any], ...] = ()
    source_caveat: str | None = None
    # The language of the words above (fi unless in_language found a translation)
    text_lang: str = "fi"
    # The words in the other languages (sv, en) that have an official page
    translations: tuple[ServiceText, ...] = ()

    def in_language(self, lang: str) -> ServiceRecord:
        """The record with its words in `lang` when the service has them, else as it is (Finnish):
        `text_lang` tells which. The Finnish-only description and caveat go with the Finnish text."""
        found = next((text for text in self.translations if text.lang == lang), None)
        if found is None:
            return self
        finnish = ServiceText(
            "fi", self.title, self.summary, self.key_rules, self.how_to_apply, self.source_url, self.last_verified
        )
        return replace(
            self,
            title=found.title,
            summary=found.summary,
            description=None,
            key_rules=found.key_rules,
            how_to_apply=found.how_to_apply,
            source_url=found.source_url,
            last_verified=found.last_verified,
            source_caveat=None,
            text_lang=lang,
            # every language's words stay at hand (search finds a service by any of them)
            translations=(finnish, *(text for text in self.translations if text.lang != lang)),
        )

    @property
    def all_texts(self) -> tuple[tuple[str, str], ...]:
        """(title, summary) in every language the record has."""
        return ((self.title, self.summary), *((text.title, text.summary) for text in self.translations))

    @property
    def shown_rules(self) -> tuple[str, ...]:
        """The key rules as users see them: the source caveat, if any, last."""
        return self.key_rules + ((self.source_caveat,) if self.source_caveat else ())

    def card(self) -> dict[str, Any]:
        """The ServiceCard of docs/api.md."""
        return {
            "id": self.id,
            "title": self.title,
            "summary": self.summary,
            "category": self.category,
            "scope": self.scope,
            "provider": self.provider,
            "url": self.url,
            "contact": self.contact,
            "source_url": self.source_url,
            "last_verified": self.last_verified.isoformat(),
            "lang": self.text_lang,
        }

    def detail(self) -> dict[str, Any]:
        eligibility: dict[str, Any] = {
            key: value
            for key, value in (
                ("min_age", self.min_age),
                ("max_age", self.max_age),
                ("min_unemployed_months", self.min_unemployed_months),
                ("target_groups", list(self.target_groups)),
                ("employer_types", list(self.employer_types)),
                ("situations", list(self.situations)),
            )
            if value not in (None, [])
        }
        return {
            **self.card(),
            "description": self.description or self.summary,
            "key_rules": list(self.shown_rules),
            "eligibility": eligibility,
            "how_to_apply": self.how_to_apply,
            "channels": [dict(channel) for channel in self.channels],
            "notes": self.notes,
        }

    def variant(self, name: str) -> SupportVariantRecord | None:
        return next((v for v in self.support_variants if v.variant == name), None)


@dataclass(frozen=True)
class AreaRecord:
    id: str
    name: str
    municipality_codes: tuple[str, ...]
    contact: dict[str, Any]
    employer_contact: dict[str, Any]
    source_url: str
    last_verified: dt.date
    responsible_municipality: str | None = None
    # lang -> {"name", "contact", "employer_contact", "source_url", "last_verified"} from the
    # area's own page in that language (translations/areas.<lang>.yaml)
    translations: dict[str, dict[str, Any]] = field(default_factory=dict)

    def in_language(self, lang: str) -> AreaRecord:
        """The area with its name and pages in `lang` where it has official ones; the phone, hours
        and address stay as published. Without a page in `lang` the Finnish ones remain."""
        found = self.translations.get(lang)
        if not found:
            return self
        name = found.get("name") or self.name
        contact = dict(self.contact)
        if found.get("contact"):
            contact.update(found["contact"])
        elif contact.get("name") == self.name:
            contact["name"] = name
        employer = {**self.employer_contact, **(found.get("employer_contact") or {})}
        return replace(self, name=name, contact=contact, employer_contact=employer)


@dataclass(frozen=True)
class ProviderRecord:
    id: str
    name: str
    kind: str
    summary: str | None
    url: str | None
    phone: str | None
    municipality_names: tuple[str, ...]
    fields: tuple[str, ...]
    source_url: str
    last_verified: dt.date


@dataclass
class CatalogueSnapshot:
    services: dict[str, ServiceRecord]
    areas: dict[str, AreaRecord]
    providers: dict[str, ProviderRecord]
    area_of_municipality: dict[str, str]
    version: str = ""
    # The language of the services' words (in_language)
    lang: str = "fi"
    _by_area: dict[str, list[ServiceRecord]] = field(default_factory=dict, repr=False)
    _in_languages: dict[str, CatalogueSnapshot] = field(default_factory=dict, repr=False)
    _by_municipality: dict[str, list[ServiceRecord]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for service in self.services.values():
            # A municipality's own service (a kuntalisä) is for its residents only, even
            # though the record also names the area the municipality belongs to.
            if service.employment_area_id and not service.municipality_code:
                self._by_area.setdefault(service.employment_area_id, []).append(service)
            if service.municipality_code:
                self._by_municipality.setdefault(service.municipality_code, []).append(service)
            provider = self.providers.get(service.provider_id or "")
            if provider is not None and service.scope != "national":
                for name in provider.municipality_names:
                    found = get_resolver().by_name(name)
                    if found and service not in self._by_municipality.get(found.code, []):
                        self._by_municipality.setdefault(found.code, []).append(service)

    def service(self, service_id: str) -> ServiceRecord | None:
        return self.services.get(service_id)

    def in_language(self, lang: str) -> CatalogueSnapshot:
        """The same catalogue with each service's words in `lang` where it has them (made once)."""
        if lang == self.lang:
            return self
        with _lock:
            if lang not in self._in_languages:
                self._in_languages[lang] = CatalogueSnapshot(
                    services={key: service.in_language(lang) for key, service in self.services.items()},
                    areas={key: area.in_language(lang) for key, area in self.areas.items()},
                    providers=self.providers,
                    area_of_municipality=self.area_of_municipality,
                    version=f"{self.version}:{lang}",
                    lang=lang,
                )
            return self._in_languages[lang]

    def area_for_municipality(self, code: str | None) -> AreaRecord | None:
        if not code:
            return None
        area_id = self.area_of_municipality.get(code)
        return self.areas.get(area_id) if area_id else None

    def local_services(self, municipality_code: str | None) -> list[ServiceRecord]:
        """Services of the municipality itself and of its employment area (regional first)."""
        if not municipality_code:
            return []
        area = self.area_for_municipality(municipality_code)
        regional = list(self._by_area.get(area.id, [])) if area else []
        municipal = list(self._by_municipality.get(municipality_code, []))
        return municipal + [s for s in regional if s not in municipal]

    def contact(self, municipality_code: str | None, audience: str = "jobseeker") -> dict[str, Any]:
        """The employment area's services (the Contact of docs/api.md), or Työmarkkinatori when unknown."""
        area = self.area_for_municipality(municipality_code)
        if area is None:
            return dict(NATIONAL_CONTACTS.get(self.lang, TYOMARKKINATORI_CONTACT))
        if audience == "employer" and area.employer_contact.get("url"):
            return dict(area.employer_contact)
        return dict(area.contact)

    def resolve_municipality(self, text: str | None) -> ResolvedMunicipality | None:
        if not text:
            return None
        text = str(text).strip()
        resolver = get_resolver()
        if text.isdigit() and len(text) <= 3:
            found = resolver.by_code(text.zfill(3))
            if found:
                return found
        return resolver.resolve(text)


def _load_snapshot(engine: Engine) -> CatalogueSnapshot:
    with session_scope(engine) as session:
        meta = session.get(CatalogueMeta, "data_hash")
        services = session.scalars(
            select(Service).options(
                selectinload(Service.support_variants),
                selectinload(Service.channels),
                selectinload(Service.provider),
            )
        ).all()
        areas = session.scalars(select(EmploymentArea)).all()
        providers = session.scalars(select(Provider)).all()
        municipality_rows = session.execute(select(Municipality.code, Municipality.employment_area_id)).all()
        area_members: dict[str, list[str]] = {}
        area_of_municipality: dict[str, str] = {}
        for code, area_id in municipality_rows:
            if area_id:
                area_of_municipality[code] = area_id
                area_members.setdefault(area_id, []).append(code)
        return CatalogueSnapshot(
            services={s.id: _service_record(s) for s in services},
            areas={a.id: _area_record(a, area_members.get(a.id, [])) for a in areas},
            providers={p.id: _provider_record(p) for p in providers},
            area_of_municipality=area_of_municipality,
            version=meta.value if meta else "",
        )


def _contact_dict(stored: dict[str, str] | None, default_name: str = "") -> dict[str, Any]:
    """The Contact of docs/api.md (name, url, phone, email) plus hours and address when published."""
    contact: dict[str, Any] = {"name": default_name, "url": None, "phone": None, "email": None}
    contact.update(stored or {})
    return contact


def _area_record(area: EmploymentArea, members: list[str]) -> AreaRecord:
    contact = _contact_dict(area.contact, area.name)
    employer = _contact_dict(area.employer_contact)
    return AreaRecord(
        id=area.id,
        name=area.name,
        municipality_codes=tuple(sorted(members)),
        contact=contact,
        employer_contact=employer,
        source_url=area.source_url,
        last_verified=area.last_verified,
        responsible_municipality=area.responsible_municipality,
        translations=dict(area.translations or {}),
    )


def _provider_record(provider: Provider) -> ProviderRecord:
    return ProviderRecord(
        id=provider.id,
        name=provider.name,
        kind=provider.kind,
        summary=provider.summary,
        url=provider.url,
        phone=provider.phone,
        municipality_names=tuple(provider.municipality_names or ()),
        fields=tuple(provider.fields or ()),
        source_url=provider.source_url,
        last_verified=provider.last_verified,
    )


def _service_record(service: Service) -> ServiceRecord:
    provider_name = service.provider.name if service.provider else service.provider_name
    contact = service.contact
    if not contact and service.provider and service.provider.phone:
        contact = service.provider.phone
    return ServiceRecord(
        id=service.id,
        title=service.title,
        category=service.category,
        scope=service.scope,
        audience=tuple(service.audience or ()),
        employment_area_id=service.employment_area_id,
        municipality_code=service.municipality_code,
        provider_id=service.provider_id,
        provider=provider_name,
        summary=service.summary,
        description=service.description,
        key_rules=tuple(service.key_rules or ()),
        how_to_apply=service.how_to_apply,
        url=service.url or (service.provider.url if service.provider else None),
        contact=contact,
        keywords=tuple(service.keywords or ()),
        fields=tuple(service.fields or ()),
        notes=service.notes,
        source_caveat=service.source_caveat,
        min_age=service.min_age,
        max_age=service.max_age,
        min_unemployed_months=service.min_unemployed_months,
        target_groups=tuple(service.target_groups or ()),
        employer_types=tuple(service.employer_types or ()),
        situations=tuple(service.situations or ()),
        source_url=service.source_url,
        last_verified=service.last_verified,
        support_variants=tuple(
            SupportVariantRecord(
                variant=v.variant,
                percent=v.percent,
                monthly_max_eur=v.monthly_max_eur,
                months=v.months,
                one_off_max_eur=v.one_off_max_eur,
                hours_per_month=v.hours_per_month,
                eur_per_hour=v.eur_per_hour,
                conditions={key: value for key, value in (v.conditions or {}).items() if key != COUNTED_PAY},
                excludes=tuple(v.excludes or ()),
                requires=tuple(v.requires or ()),
                counted_pay=CountedPay.from_dict((v.conditions or {}).get(COUNTED_PAY)),
            )
            for v in service.support_variants
        ),
        channels=tuple({"kind": c.kind, "value": c.value, "label": c.label} for c in service.channels),
        translations=tuple(
            ServiceText.from_dict(lang, data) for lang, data in sorted((service.translations or {}).items())
        ),
    )


_lock = threading.RLock()
_cache: dict[int, CatalogueSnapshot] = {}
_checked: dict[int, float] = {}
# How often a process asks whether the catalogue was seeded again (by an approved staff edit in
# another process: catalogue/edits.py); a cheap query of one row. POLKUOPAS_CATALOGUE_CHECK_SECONDS
VERSION_CHECK_SECONDS = float(os.environ.get("POLKUOPAS_CATALOGUE_CHECK_SECONDS", "30") or 30)


def get_catalogue(engine: Engine | None = None, *, refresh: bool = False) -> CatalogueSnapshot:
    """The catalogue of this process, loaded once per engine and again when the database holds a
    newer one (looked at every VERSION_CHECK_SECONDS; refresh=True reloads it now)."""
    engine = engine or get_engine()
    key = id(engine)
    with _lock:
        now = time.monotonic()
        if not refresh and key in _cache and now - _checked.get(key, 0.0) > VERSION_CHECK_SECONDS:
            _checked[key] = now
            refresh = _stored_version(engine) not in (None, _cache[key].version)
        if refresh or key not in _cache:
            _cache[key] = _load_snapshot(engine)
            _checked[key] = now
        return _cache[key]


def _stored_version(engine: Engine) -> str | None:
    """The seeded catalogue's version in the database; None if it cannot be read just now."""
    try:
        with session_scope(engine) as session:
            meta = session.get(CatalogueMeta, "data_hash")
            return meta.value if meta else None
    except SQLAlchemyError:
        return None
