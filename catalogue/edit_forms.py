"""The staff editor's forms (/hallinta) as catalogue records: which fields a form has, and the
record (as the YAML seed writes it) that a filled form makes. Field errors are keys of
messages/<lang>/hallinta.yaml (`errors.<key>`); the catalogue's own checks run after
(catalogue/edits.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.checks import EMAIL_RE, PHONE_RE, SLUG_RE, valid_url
from catalogue.importers.ptv_import import slugify
from vocabulary import AUDIENCES, CATEGORIES

# the longest text each field takes
LIMITS = {
    "id": 80,
    "title": 160,
    "summary": 240,
    "description": 2000,
    "how_to_apply": 1000,
    "url": 500,
    "source_url": 500,
    "contact": 200,
    "key_rules": 2000,
    "keywords": 500,
    "name": 200,
    "phone": 40,
    "email": 200,
    "hours": 200,
    "address": 200,
}
SERVICE_TEXT_FIELDS = ("title", "summary", "description", "how_to_apply", "url", "contact", "source_url")
CONTACT_FIELDS = ("name", "url", "phone", "email", "hours", "address")
LOCAL_SCOPES = ("regional", "municipal")


@dataclass
class FormResult:
    record: dict[str, Any]
    # field name → error key (messages: hallinta.errors.<key>)
    errors: dict[str, str] = field(default_factory=dict)


def slug(text: str) -> str:
    """An id made of a name (the PTV importer's slugs), at most 80 characters; none of no name."""
    if not any(char.isalnum() for char in text):
        return ""
    return slugify(text)[: LIMITS["id"]].strip("-")


def _clean(form: dict[str, Any], name: str) -> str:
    value = form.get(name)
    return str(value).replace("\r\n", "\n").strip() if isinstance(value, str) else ""


def _check_format(name: str, value: str, field_name: str, errors: dict[str, str]) -> None:
    """A phone number or an e-mail address as `polkuopas catalogue check` wants them."""
    if name == "phone" and value and not PHONE_RE.match(value):
        errors[field_name] = "phone"
    if name == "email" and value and not EMAIL_RE.match(value):
        errors[field_name] = "email"


def _check_text(form: dict[str, Any], names: tuple[str, ...], errors: dict[str, str]) -> dict[str, str]:
    values = {}
    for name in names:
        value = _clean(form, name)
        if len(value) > LIMITS.get(name, 500):
            errors[name] = "too_long"
        if name in ("url", "source_url") and value and not valid_url(value):
            errors[name] = "url"
        _check_format(name, value, name, errors)
        values[name] = value
    return values


def service_from_form(
    form: dict[str, Any],
    existing: dict[str, Any] | None,
    *,
    area_id: str | None,
    municipalities: list[str],
    providers: list[str],
) -> FormResult:
    """The service record a form makes: the form's fields over the existing record (fields the form
    does not show are kept). A new service is regional in `area_id`, or municipal in one of its
    `municipalities`; `providers` are the ids the area may name."""
    errors: dict[str, str] = {}
    values = _check_text(form, SERVICE_TEXT_FIELDS, errors)
    for required in ("title", "summary", "source_url"):
        if not values[required]:
            errors[required] = "required"
    record: dict[str, Any] = dict(existing or {})
    if existing is None:
        record["id"] = _clean(form, "id") or slug(values["title"])
        if not SLUG_RE.match(record["id"]) or len(record["id"]) > LIMITS["id"]:
            errors["id"] = "slug"
    category = _clean(form, "category")
    if category not in CATEGORIES:
        errors["category"] = "choose"
    audience = [value for value in form.get("audience") or [] if value in AUDIENCES]
    if not audience:
        errors["audience"] = "choose"
    municipality = _clean(form, "municipality") or None
    if municipality is not None and municipality not in municipalities:
        errors["municipality"] = "choose"
    provider = _clean(form, "provider") or None
    if provider is not None and provider not in providers:
        errors["provider"] = "choose"
    key_rules = [line.strip() for line in _clean(form, "key_rules").split("\n") if line.strip()]
    if len(_clean(form, "key_rules")) > LIMITS["key_rules"]:
        errors["key_rules"] = "too_long"
    keywords = [word.strip() for word in _clean(form, "keywords").split(",") if word.strip()]
    if len(_clean(form, "keywords")) > LIMITS["keywords"]:
        errors["keywords"] = "too_long"
    if existing is None or existing.get("scope") != "national":
        record["scope"] = "municipal" if municipality else "regional"
        record["employment_area"] = area_id
        record["municipality"] = municipality
    record.update(
        {
            "title": values["title"],
            "summary": values["summary"],
            "description": values["description"] or None,
            "how_to_apply": values["how_to_apply"] or None,
            "url": values["url"] or None,
            "contact": values["contact"] or None,
            "source_url": values["source_url"],
            "category": category,
            "audience": audience,
            "provider": provider,
            "key_rules": key_rules,
            "keywords": keywords,
        }
    )
    return FormResult(record, errors)


def provider_from_form(
    form: dict[str, Any], existing: dict[str, Any] | None, *, area_id: str | None, municipalities: list[str]
) -> FormResult:
    """A provider record: name, what it is, where it works (the area's municipalities), its page."""
    errors: dict[str, str] = {}
    values = _check_text(form, ("name", "summary", "url", "phone", "source_url"), errors)
    for required in ("name", "source_url"):
        if not values[required]:
            errors[required] = "required"
    record: dict[str, Any] = dict(existing or {})
    if existing is None:
        record["id"] = _clean(form, "id") or slug(values["name"])
        if not SLUG_RE.match(record["id"]):
            errors["id"] = "slug"
        record["employment_area"] = area_id
    chosen = [name for name in form.get("municipalities") or [] if name in municipalities]
    record.update(
        {
            "name": values["name"],
            "kind": _clean(form, "kind") or record.get("kind") or "other",
            "summary": values["summary"] or None,
            "url": values["url"] or None,
            "phone": values["phone"] or None,
            "municipalities": chosen,
            "source_url": values["source_url"],
        }
    )
    return FormResult(record, errors)


def area_contacts_from_form(form: dict[str, Any], existing: dict[str, Any]) -> FormResult:
    """The area's own record with its two contacts (for jobseekers, for employers) from the form."""
    errors: dict[str, str] = {}
    record = dict(existing)
    for prefix, key in (("contact", "contact"), ("employer", "employer_contact")):
        contact = {}
        for name in CONTACT_FIELDS:
            value = _clean(form, f"{prefix}_{name}")
            if len(value) > LIMITS[name]:
                errors[f"{prefix}_{name}"] = "too_long"
            if name == "url" and value and not valid_url(value):
                errors[f"{prefix}_{name}"] = "url"
            _check_format(name, value, f"{prefix}_{name}", errors)
            if value:
                contact[name] = value
        record[key] = contact or None
    source = _clean(form, "source_url")
    if not source:
        errors["source_url"] = "required"
    elif not valid_url(source):
        errors["source_url"] = "url"
    record["source_url"] = source
    if not (record.get("contact") or {}).get("name"):
        errors["contact_name"] = "required"
    return FormResult(record, errors)
