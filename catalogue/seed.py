"""Loads the catalogue from the data files in catalogue/data/ into the database.

Seeding replaces the catalogue tables in one transaction (chat tables are left
alone) and records a hash of the data files, so `seed --if-needed` does nothing
when the files have not changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, delete, select, text
from sqlalchemy.orm import Session

from catalogue import DATA_DIR
from catalogue.db import PROJECT_ROOT, get_engine, session_scope
from catalogue.edits import FILES, apply_edits, approved_edits, edits_signature
from catalogue.models import (
    CatalogueMeta,
    EmploymentArea,
    Municipality,
    PostalCode,
    Provider,
    Service,
    ServiceChannel,
    SupportVariant,
)
from catalogue.repository import COUNTED_PAY

DATA_FILES = (
    "municipalities.json",
    "employment_areas.yaml",
    "providers.yaml",
    "services.yaml",
    "translations/sv.yaml",
    "translations/en.yaml",
    "translations/areas.sv.yaml",
    "translations/areas.en.yaml",
)
# The languages whose service texts are in translations/<lang>.yaml (SCHEMA.md)
TRANSLATION_LANGUAGES = ("sv", "en")
TRANSLATED_FIELDS = ("title", "summary", "key_rules", "how_to_apply", "source_url", "last_verified")
HASH_KEY = "data_hash"
# libyaml's safe loader when PyYAML was built with it (ten times faster), else the Python one
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class SeedReport:
    municipalities: int = 0
    postal_codes: int = 0
    employment_areas: int = 0
    providers: int = 0
    services: int = 0
    skipped: bool = False

    def __str__(self) -> str:
        if self.skipped:
            return "Catalogue is up to date; nothing seeded."
        return (
            f"Seeded {self.services} services, {self.providers} providers, "
            f"{self.employment_areas} employment areas, {self.municipalities} municipalities "
            f"({self.postal_codes} postal codes)."
        )


def load_yaml(name: str, data_dir: Path = DATA_DIR) -> list[dict[str, Any]]:
    path = data_dir / name
    if not path.exists():
        return []
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or []


def load_municipality_data(data_dir: Path = DATA_DIR) -> list[dict[str, Any]]:
    municipalities: list[dict[str, Any]] = json.loads((data_dir / "municipalities.json").read_text(encoding="utf-8"))[
        "municipalities"
    ]
    return municipalities


def data_hash(data_dir: Path = DATA_DIR) -> str:
    digest = hashlib.sha256()
    for name in DATA_FILES:
        path = data_dir / name
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def migrate(engine: Engine) -> None:
    """Brings the schema to the newest Alembic revision."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(Path(__file__).resolve().parent / "migrations"))
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Alembic's batch mode rebuilds SQLite tables; enforced foreign keys would
            # refuse dropping a table others point to. The pragma only works outside
            # a transaction.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        with connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


CONTACT_FIELDS = ("name", "url", "phone", "email", "hours", "address")


def _contact(record: dict[str, Any] | None) -> dict[str, str] | None:
    """Keep the published contact fields, as text; None when nothing is published."""
    given = record or {}
    kept = {field: str(given[field]).strip() for field in CONTACT_FIELDS if given.get(field)}
    return kept or None


# PostgreSQL advisory lock held while seeding: several API workers starting at once seed one at a time
SEED_LOCK_ID = 0x706F6C6B  # "polk"
_SEED_LOCK = threading.Lock()


@contextmanager
def _seeding_alone(engine: Engine) -> Iterator[None]:
    """One seeder at a time (the others wait, then find the catalogue current): across processes on
    PostgreSQL; within this process on SQLite, which serves one API process only."""
    if engine.dialect.name != "postgresql":
        with _SEED_LOCK:
            yield
        return
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:id)"), {"id": SEED_LOCK_ID})
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": SEED_LOCK_ID})
            connection.commit()


def seed(engine: Engine | None = None, *, if_needed: bool = False, data_dir: Path = DATA_DIR) -> SeedReport:
    engine = engine or get_engine()
    with _seeding_alone(engine):
        return _seed(engine, if_needed, data_dir)


def _seed(engine: Engine, if_needed: bool, data_dir: Path) -> SeedReport:
    migrate(engine)
    with session_scope(engine) as session:
        # the data files and the staff's approved edits (catalogue/edits.py) over them
        current_hash = hashlib.sha256(f"{data_hash(data_dir)}:{edits_signature(session)}".encode()).hexdigest()[:32]
        stored = session.get(CatalogueMeta, HASH_KEY)
        if if_needed and stored is not None and stored.value == current_hash:
            return SeedReport(skipped=True)
        report = _replace_catalogue(session, data_dir)
        session.merge(CatalogueMeta(key=HASH_KEY, value=current_hash))
    return report


def _replace_catalogue(session: Session, data_dir: Path) -> SeedReport:
    report = SeedReport()
    for model in (ServiceChannel, SupportVariant, Service, Provider, PostalCode, Municipality, EmploymentArea):
        session.execute(delete(model))
    session.flush()

    # the YAML seed, with the approved edits of the area staff applied over it
    records = apply_edits({kind: load_yaml(name, data_dir) for kind, name in FILES.items()}, approved_edits(session))
    areas = records["area"]
    area_translations = load_area_translations(data_dir)
    area_of_municipality: dict[str, str] = {}
    for area in areas:
        session.add(
            EmploymentArea(
                id=area["id"],
                name=area["name"],
                responsible_municipality=area.get("responsible_municipality"),
                contact=_contact(area.get("contact")),
                employer_contact=_contact(area.get("employer_contact")),
                translations=area_translations.get(str(area["id"])) or None,
                source_url=area["source_url"],
                last_verified=_date(area["last_verified"]),
            )
        )
        for name in area.get("municipalities", []):
            area_of_municipality[name.casefold()] = area["id"]
    report.employment_areas = len(areas)
    session.flush()

    code_by_name: dict[str, str] = {}
    for item in load_municipality_data(data_dir):
        code_by_name[item["name_fi"].casefold()] = item["code"]
        municipality = Municipality(
            code=item["code"],
            name_fi=item["name_fi"],
            name_sv=item.get("name_sv"),
            employment_area_id=area_of_municipality.get(item["name_fi"].casefold()),
        )
        seen_codes: set[str] = set()
        for postal in item.get("postal_codes", []):
            if postal["code"] in seen_codes:
                continue
            seen_codes.add(postal["code"])
            municipality.postal_codes.append(
                PostalCode(code=postal["code"], name_fi=postal.get("name_fi"), name_sv=postal.get("name_sv"))
            )
            report.postal_codes += 1
        session.add(municipality)
        report.municipalities += 1
    session.flush()

    providers = records["provider"]
    for item in providers:
        session.add(
            Provider(
                id=item["id"],
                name=item["name"],
                kind=item.get("kind") or "other",
                summary=item.get("summary"),
                url=item.get("url"),
                phone=_text(item.get("phone")),
                employment_area_id=item.get("employment_area"),
                municipality_names=list(item.get("municipalities") or []),
                fields=list(item.get("fields") or []),
                source_url=item["source_url"],
                last_verified=_date(item["last_verified"]),
            )
        )
    report.providers = len(providers)
    session.flush()

    services = records["service"]
    translations = load_translations(data_dir)
    for item in services:
        service = _service_from_record(item, code_by_name)
        service.translations = translations.get(service.id) or None
        session.add(service)
    report.services = len(services)
    session.flush()
    return report


def with_translations(records: list[dict[str, Any]], data_dir: Path = DATA_DIR) -> list[dict[str, Any]]:
    """services.yaml's records with their Swedish and English words as `title_sv`, `summary_en`, ...
    (the PTV export's language versions, catalogue/importers/ptv_common.py)."""
    translations = load_translations(data_dir)
    merged = []
    for record in records:
        record = dict(record)
        for lang, texts in translations.get(str(record.get("id")), {}).items():
            for name in ("title", "summary", "how_to_apply"):
                if texts.get(name):
                    record[f"{name}_{lang}"] = texts[name]
        merged.append(record)
    return merged


def load_translations(data_dir: Path = DATA_DIR) -> dict[str, dict[str, dict[str, Any]]]:
    """Service id -> language -> its texts from translations/<lang>.yaml (dates as ISO strings)."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for lang in TRANSLATION_LANGUAGES:
        for item in load_yaml(f"translations/{lang}.yaml", data_dir):
            texts = {key: item.get(key) for key in TRANSLATED_FIELDS}
            texts["key_rules"] = [str(rule) for rule in texts.get("key_rules") or []]
            texts["last_verified"] = _date(item["last_verified"]).isoformat()
            found.setdefault(str(item["id"]), {})[lang] = texts
    return found


def load_area_translations(data_dir: Path = DATA_DIR) -> dict[str, dict[str, dict[str, Any]]]:
    """Area id -> language -> its name and contacts from translations/areas.<lang>.yaml."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for lang in TRANSLATION_LANGUAGES:
        for item in load_yaml(f"translations/areas.{lang}.yaml", data_dir):
            texts: dict[str, Any] = {"name": _text(item.get("name"))}
            for key in ("contact", "employer_contact"):
                contact = _contact(item.get(key))
                if contact:
                    texts[key] = contact
            texts["source_url"] = str(item["source_url"])
            texts["last_verified"] = _date(item["last_verified"]).isoformat()
            found.setdefault(str(item["id"]), {})[lang] = texts
    return found


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _service_from_record(item: dict[str, Any], code_by_name: dict[str, str]) -> Service:
    eligibility = item.get("eligibility") or {}
    municipality = item.get("municipality")
    municipality_code = None
    if municipality:
        municipality_code = code_by_name.get(str(municipality).casefold(), str(municipality))
    service = Service(
        id=item["id"],
        title=item["title"],
        category=item.get("category") or "guidance",
        scope=item.get("scope") or "national",
        audience=list(item.get("audience") or ["jobseeker"]),
        employment_area_id=item.get("employment_area"),
        municipality_code=municipality_code,
        provider_id=item.get("provider"),
        provider_name=item.get("provider_name"),
        summary=(item.get("summary") or "").strip(),
        description=(item.get("description") or "").strip() or None,
        key_rules=list(item.get("key_rules") or []),
        how_to_apply=(item.get("how_to_apply") or "").strip() or None,
        url=item.get("url"),
        contact=_text(item.get("contact")),
        keywords=list(item.get("keywords") or []),
        fields=list(item.get("fields") or []),
        notes=item.get("notes"),
        source_caveat=item.get("source_caveat"),
        min_age=eligibility.get("min_age"),
        max_age=eligibility.get("max_age"),
        min_unemployed_months=eligibility.get("min_unemployed_months"),
        target_groups=list(eligibility.get("target_groups") or []),
        employer_types=list(eligibility.get("employer_types") or []),
        situations=list(eligibility.get("situations") or []),
        source_url=item["source_url"],
        last_verified=_date(item["last_verified"]),
    )
    for position, variant in enumerate(item.get("support") or []):
        service.support_variants.append(
            SupportVariant(
                variant=variant.get("variant") or f"v{position}",
                position=position,
                percent=variant.get("percent"),
                monthly_max_eur=variant.get("monthly_max_eur"),
                months=variant.get("months"),
                one_off_max_eur=variant.get("one_off_max_eur"),
                hours_per_month=variant.get("hours_per_month"),
                eur_per_hour=variant.get("eur_per_hour"),
                conditions=_variant_conditions(variant),
                excludes=list(variant.get("excludes") or []),
                requires=list(variant.get("requires") or []),
            )
        )
    position = 0
    for kind, value, label in (
        ("web", item.get("url"), "Verkkosivu"),
        ("phone", item.get("contact") if _looks_like_phone(item.get("contact")) else None, "Puhelin"),
    ):
        if value:
            service.channels.append(ServiceChannel(kind=kind, value=str(value), label=label, position=position))
            position += 1
    for channel in item.get("channels") or []:
        label = channel.get("label")
        if channel.get("hours"):  # service hours (e.g. from PTV) have no column of their own
            label = f"{label} ({channel['hours']})" if label else str(channel["hours"])
        service.channels.append(
            ServiceChannel(
                kind=channel["kind"], value=str(channel["value"]), label=label and label[:200], position=position
            )
        )
        position += 1
    return service


def _variant_conditions(variant: dict[str, Any]) -> dict[str, Any]:
    """A support variant's `when`, and its `counted_pay` rule under that key: both are kept in the
    JSON conditions column (the repository reads `counted_pay` back apart from the conditions)."""
    conditions = dict(variant.get("when") or {})
    if variant.get("counted_pay"):
        conditions[COUNTED_PAY] = dict(variant["counted_pay"])
    return conditions


def _looks_like_phone(value: Any) -> bool:
    if not value:
        return False
    digits = [c for c in str(value) if c.isdigit()]
    return len(digits) >= 6 and all(c.isdigit() or c in " +-()" for c in str(value))


def count_services(engine: Engine | None = None) -> int:
    with session_scope(engine) as session:
        return len(session.scalars(select(Service.id)).all())
