"""Catalogue checks (`polkuopas catalogue check`): sources, freshness, references, formats.

Run on the data files in catalogue/data/, the source of truth that seeding loads.
Errors make the check fail; stale records (verified over 12 months ago) are listed
as warnings so someone re-reads the official page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from catalogue import NATIONAL_SERVICE_IDS
from catalogue.seed import DATA_DIR, TRANSLATION_LANGUAGES, load_municipality_data, load_yaml
from recommendation.employer import KNOWN_CONDITIONS
from understanding.finnish import fold

STALE_AFTER_DAYS = 365
MAX_SUMMARY_CHARS = 240  # SCHEMA.md
# Hosts that copy or retell other people's pages (document mirrors, blogs, marketing and
# bank-customer magazines): a record sourced there is listed so someone finds the official page.
SECONDHAND_SOURCE_HOSTS = (
    "docplayer.fi",
    "docplayer.net",
    "scribd.com",
    "123dok.com",
    "lawinsider.com",
    "wordpress.com",
    "blogspot.com",
    "op-media.fi",
    "epic-org.eu",
    "suomalainentyo.fi",
)
# `counted_pay` of a support variant (SCHEMA.md): each field's range, low end excluded
COUNTED_PAY_RANGES = {
    "full_time_hours_per_week": (0.0, 80.0),
    "working_time_share": (0.0, 1.0),
    "wage_multiplier": (0.0, 3.0),
}
VARIANT_FIELDS = ("percent", "monthly_max_eur", "months", "counted_pay")  # the others are `when` conditions
_WAGE_SUBSIDY = ("percent", "monthly_max_eur", "months")
# What the engine's rules read from the national supports' variants (recommendation/employer.py,
# recommendation/jobseeker.py): a variant's numbers, `counted_pay` or a `when` condition.
REQUIRED_VARIANT_FIELDS: dict[str, tuple[str, ...]] = {
    "palkkatuki:skills": _WAGE_SUBSIDY,
    "palkkatuki:reduced_work_ability": _WAGE_SUBSIDY,
    "palkkatuki:long_unemployed_60": (*_WAGE_SUBSIDY, "min_age"),
    "palkkatuki:association_100": (
        *_WAGE_SUBSIDY,
        "counted_pay",
        "employer_types",
        "more_than_unemployed_months",
    ),
    "tyollistamistuki-55:basic": (*_WAGE_SUBSIDY, "min_age", "min_unemployed_months", "min_hours_per_week"),
    "nuorten-tyollistymisseteli:basic": (
        *_WAGE_SUBSIDY,
        "max_age",
        "min_unemployed_months",
        "min_unemployed_months_basic_education_only",
    ),
}
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()-]{5,20}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class CheckReport:
    errors: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    secondhand: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def __str__(self) -> str:
        lines = [f"Checked {', '.join(f'{n} {k}' for k, n in self.counts.items())}."]
        lines += [f"ERROR {e}" for e in self.errors]
        lines += [f"STALE {s}" for s in self.stale]
        lines += [f"SECONDHAND {s}" for s in self.secondhand]
        lines.append("Catalogue check: ok" if self.ok else f"Catalogue check: {len(self.errors)} error(s)")
        return "\n".join(lines)


def valid_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and " " not in value


def _is_secondhand(url: str) -> bool:
    host = urlparse(url).netloc.lower().removeprefix("www.")
    return any(host == h or host.endswith("." + h) for h in SECONDHAND_SOURCE_HOSTS)


def _municipality_of_host(url: str, municipalities: set[str]) -> str | None:
    """The municipality whose own site the URL is on (lappeenranta.fi, www.jyvaskyla.fi,
    app.aanekoski.fi), or None."""
    host = urlparse(url).netloc.lower()
    for town in municipalities:
        domain = re.sub(r"[^a-z0-9]+", "-", fold(town)).strip("-") + ".fi"
        if host == domain or host.endswith("." + domain):
            return town
    return None


def _check_sourced(report: CheckReport, kind: str, record: dict[str, Any], today: dt.date) -> None:
    name = f"{kind} {record.get('id', '?')}"
    if not valid_url(record.get("source_url")):
        report.errors.append(f"{name}: source_url missing or not an http(s) URL")
    elif _is_secondhand(record["source_url"]):
        report.secondhand.append(
            f"{name}: sourced from {urlparse(record['source_url']).netloc}, find the official page"
        )
    verified = record.get("last_verified")
    try:
        verified_date = verified if isinstance(verified, dt.date) else dt.date.fromisoformat(str(verified))
    except ValueError:
        report.errors.append(f"{name}: last_verified missing or not YYYY-MM-DD")
        return
    if verified_date > today:
        report.errors.append(f"{name}: last_verified {verified_date} is in the future")
    elif (today - verified_date).days > STALE_AFTER_DAYS:
        report.stale.append(f"{name}: last verified {verified_date}, re-read {record.get('source_url')}")


def _check_record(report: CheckReport, kind: str, record: dict[str, Any], seen: set[Any], today: dt.date) -> str:
    """Checks what every area, provider and service needs (a unique id, its source); gives the
    record's name for the messages."""
    name = f"{kind} {record.get('id')}"
    if record.get("id") in seen:
        report.errors.append(f"{name}: duplicate id")
    seen.add(record.get("id"))
    _check_sourced(report, kind, record, today)
    return name


def _check_contacts(report: CheckReport, name: str, record: dict[str, Any]) -> None:
    for key in ("url",):
        if record.get(key) is not None and not valid_url(record[key]):
            report.errors.append(f"{name}: {key} is not an http(s) URL")
    phone = record.get("phone")
    if phone is not None and not PHONE_RE.match(str(phone)):
        report.errors.append(f"{name}: phone {phone!r} is not a phone number")
    email = record.get("email")
    if email is not None and not EMAIL_RE.match(str(email)):
        report.errors.append(f"{name}: email {email!r} is not an e-mail address")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_counted_pay(report: CheckReport, name: str, counted_pay: Any) -> None:
    """`counted_pay`: each of COUNTED_PAY_RANGES a number in its range, nothing else."""
    if not isinstance(counted_pay, dict):
        report.errors.append(f"{name}: counted_pay must be a mapping of {', '.join(COUNTED_PAY_RANGES)}")
        return
    for key in sorted(set(counted_pay) - set(COUNTED_PAY_RANGES)):
        report.errors.append(f"{name}: counted_pay: unknown field {key!r}")
    for key, (low, high) in COUNTED_PAY_RANGES.items():
        value = counted_pay.get(key)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not low < value <= high:
            report.errors.append(f"{name}: counted_pay: {key} must be a number over {low:g} and at most {high:g}")


def _check_support_variant(report: CheckReport, service_name: str, service_id: Any, variant: dict[str, Any]) -> None:
    """Known conditions; the fields and conditions the engine's rules read (REQUIRED_VARIANT_FIELDS);
    a well-formed `counted_pay`."""
    name = f"{service_name}: support variant {variant.get('variant')}"
    conditions = variant.get("when") or {}
    for condition in conditions:
        if condition not in KNOWN_CONDITIONS:
            report.errors.append(f"{name}: unknown condition {condition!r}")
    for key in REQUIRED_VARIANT_FIELDS.get(f"{service_id}:{variant.get('variant')}", ()):
        value = variant.get(key) if key in VARIANT_FIELDS else conditions.get(key)
        if value is None:
            report.errors.append(f"{name}: {key} missing (the engine's rules read it)")
        elif key not in ("employer_types", "counted_pay") and not _is_number(value):
            report.errors.append(f"{name}: {key} must be a number")
    if "counted_pay" in variant:
        _check_counted_pay(report, name, variant["counted_pay"])


def check_catalogue(data_dir: Path = DATA_DIR, today: dt.date | None = None) -> CheckReport:
    today = today or dt.date.today()
    report = CheckReport()
    municipalities = {m["name_fi"] for m in load_municipality_data(data_dir)}
    loaded = {}
    for name in ("employment_areas.yaml", "providers.yaml", "services.yaml"):
        try:
            loaded[name] = load_yaml(name, data_dir)
        except yaml.YAMLError as problem:
            mark = getattr(problem, "problem_mark", None)
            line = f", line {mark.line + 1}" if mark else ""
            report.errors.append(f"{name}{line}: not valid YAML ({getattr(problem, 'problem', None) or problem})")
    if report.errors:
        return report
    areas, providers, services = loaded["employment_areas.yaml"], loaded["providers.yaml"], loaded["services.yaml"]
    check_records(report, areas, providers, services, municipalities, today)
    _check_translations(report, data_dir, {str(s.get("id")): s for s in services}, today)
    _check_area_translations(report, data_dir, {str(a.get("id")) for a in areas}, today)
    return report


def check_records(
    report: CheckReport,
    areas: list[dict[str, Any]],
    providers: list[dict[str, Any]],
    services: list[dict[str, Any]],
    municipalities: set[str],
    today: dt.date,
) -> None:
    """The checks of the areas', providers' and services' records (as the YAML seed has them, or
    with a staff member's edit applied: catalogue/edits.py) into `report`."""
    report.counts = {
        "services": len(services),
        "providers": len(providers),
        "areas": len(areas),
        "municipalities": len(municipalities),
    }

    area_ids: set[Any] = set()
    member_of: dict[str, str] = {}
    for area in areas:
        name = _check_record(report, "area", area, area_ids, today)
        for contact_key in ("contact", "employer_contact"):
            if area.get(contact_key):
                _check_contacts(report, f"{name} {contact_key}", area[contact_key])
        for member in area.get("municipalities") or []:
            if member not in municipalities:
                report.errors.append(f"{name}: unknown municipality {member!r}")
            elif member in member_of:
                report.errors.append(f"{name}: {member} is already in area {member_of[member]}")
            else:
                member_of[member] = area["id"]
        responsible = area.get("responsible_municipality")
        if responsible and responsible not in (area.get("municipalities") or []):
            report.errors.append(f"{name}: responsible municipality {responsible} is not a member")

    provider_ids: set[Any] = set()
    for provider in providers:
        name = _check_record(report, "provider", provider, provider_ids, today)
        _check_contacts(report, name, provider)
        if provider.get("employment_area") and provider["employment_area"] not in area_ids:
            report.errors.append(f"{name}: unknown employment area {provider['employment_area']!r}")
        for member in provider.get("municipalities") or []:
            if member not in municipalities:
                report.errors.append(f"{name}: unknown municipality {member!r}")

    service_ids: set[Any] = set()
    for service in services:
        name = _check_record(report, "service", service, service_ids, today)
        if not SLUG_RE.match(str(service.get("id", ""))):
            report.errors.append(f"{name}: id is not a lower-case slug")
        _check_contacts(report, name, service)
        for key in ("title", "summary"):
            if not str(service.get(key) or "").strip():
                report.errors.append(f"{name}: {key} is empty")
        if len(str(service.get("summary") or "")) > MAX_SUMMARY_CHARS:
            report.errors.append(f"{name}: summary is over {MAX_SUMMARY_CHARS} characters (a card shows it whole)")
        if service.get("scope") == "national" and service.get("url"):
            town = _municipality_of_host(service["url"], municipalities)
            if town:
                report.errors.append(
                    f"{name}: a national service's url is {town}'s own page; link a national page or leave url empty"
                )
        if service.get("provider") and service["provider"] not in provider_ids:
            report.errors.append(f"{name}: unknown provider {service['provider']!r}")
        if service.get("employment_area") and service["employment_area"] not in area_ids:
            report.errors.append(f"{name}: unknown employment area {service['employment_area']!r}")
        if service.get("municipality") and service["municipality"] not in municipalities:
            report.errors.append(f"{name}: unknown municipality {service['municipality']!r}")
        elif service.get("municipality") and service.get("employment_area") in area_ids:
            if member_of.get(service["municipality"]) != service["employment_area"]:
                report.errors.append(f"{name}: {service['municipality']} is not in area {service['employment_area']}")
        if str(service.get("id", "")).startswith("kuntalisa-") and not service.get("municipality"):
            report.errors.append(f"{name}: a kuntalisä must name its municipality")
        if service.get("category") == "municipal_support" and service.get("municipality"):
            expected = "kuntalisa-" + re.sub(r"[^a-z0-9]+", "-", fold(service["municipality"])).strip("-")
            if service["id"] != expected and not str(service["id"]).startswith(expected + "-"):
                report.errors.append(
                    f"{name}: a municipal support's id is {expected} or {expected}-<name> (docs/contract.md)"
                )
        for variant in service.get("support") or []:
            _check_support_variant(report, name, service.get("id"), variant)
    for missing in sorted(set(NATIONAL_SERVICE_IDS) - service_ids):
        report.errors.append(f"service {missing}: contract service id missing from services.yaml")


def _translation_entries(
    report: CheckReport, data_dir: Path, file_pattern: str
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(language, label, entry) of each entry of each language's translation file; a file that is
    not valid YAML and a repeated id are reported here."""
    for lang in TRANSLATION_LANGUAGES:
        name = file_pattern.format(lang=lang)
        try:
            entries = load_yaml(name, data_dir)
        except yaml.YAMLError as problem:
            report.errors.append(f"{name}: not valid YAML ({getattr(problem, 'problem', None) or problem})")
            continue
        seen: set[Any] = set()
        for entry in entries:
            label = f"{name} {entry.get('id')}"
            if entry.get("id") in seen:
                report.errors.append(f"{label}: duplicate id")
            seen.add(entry.get("id"))
            yield lang, label, entry


def _check_area_translations(report: CheckReport, data_dir: Path, area_ids: set[str], today: dt.date) -> None:
    """translations/areas.<lang>.yaml: each entry names an area and has its own official page; a
    contact has both a name and a page."""
    for lang, label, entry in _translation_entries(report, data_dir, "translations/areas.{lang}.yaml"):
        if str(entry.get("id")) not in area_ids:
            report.errors.append(f"{label}: no such area in employment_areas.yaml")
            continue
        if not str(entry.get("name") or "").strip() and not (entry.get("contact") or entry.get("employer_contact")):
            report.errors.append(f"{label}: neither a name nor a contact")
        for key in ("contact", "employer_contact"):
            contact = entry.get(key)
            if contact is None:
                continue
            if not isinstance(contact, dict) or not str(contact.get("name") or "").strip():
                report.errors.append(f"{label}: {key} needs a name and a url")
            elif not valid_url(contact.get("url")):
                report.errors.append(f"{label}: {key}'s url missing or not an http(s) URL")
        _check_sourced(report, "area translation", {**entry, "id": f"{lang}/{entry.get('id')}"}, today)


def _check_translations(
    report: CheckReport, data_dir: Path, services: dict[str, dict[str, Any]], today: dt.date
) -> None:
    """translations/<lang>.yaml: each entry names a service, has its words and its own official page."""
    for lang, label, entry in _translation_entries(report, data_dir, "translations/{lang}.yaml"):
        service = services.get(str(entry.get("id")))
        if service is None:
            report.errors.append(f"{label}: no such service in services.yaml")
            continue
        for key in ("title", "summary"):
            if not str(entry.get(key) or "").strip():
                report.errors.append(f"{label}: {key} is empty")
        if len(str(entry.get("summary") or "")) > MAX_SUMMARY_CHARS:
            report.errors.append(f"{label}: summary is over {MAX_SUMMARY_CHARS} characters (a card shows it whole)")
        if not isinstance(entry.get("key_rules") or [], list):
            report.errors.append(f"{label}: key_rules must be a list")
        _check_sourced(report, "translation", {**entry, "id": f"{lang}/{entry.get('id')}"}, today)
