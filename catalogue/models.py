"""SQLAlchemy 2.0 models of the catalogue: services, providers, employment areas and municipalities."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class SourcedMixin:
    """Every user-visible record says where its facts come from and when they were checked."""

    source_url: Mapped[str] = mapped_column(String(500))
    last_verified: Mapped[dt.date] = mapped_column(Date)


class EmploymentArea(SourcedMixin, Base):
    __tablename__ = "employment_areas"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    responsible_municipality: Mapped[str | None] = mapped_column(String(100))
    # {"name", "url", "phone", "email", "hours", "address"}: only what the source publishes
    contact: Mapped[dict[str, str] | None] = mapped_column(JSON)
    employer_contact: Mapped[dict[str, str] | None] = mapped_column(JSON)
    # {"sv": {"name", "contact", "employer_contact", "source_url", "last_verified"}, "en": ...}:
    # the area's name and pages in another language, where it has official ones
    translations: Mapped[dict[str, dict[str, Any]] | None] = mapped_column(JSON)

    municipalities: Mapped[list[Municipality]] = relationship(back_populates="employment_area")


class Municipality(Base):
    __tablename__ = "municipalities"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name_fi: Mapped[str] = mapped_column(String(100), index=True)
    name_sv: Mapped[str | None] = mapped_column(String(100))
    employment_area_id: Mapped[str | None] = mapped_column(
        ForeignKey("employment_areas.id", ondelete="SET NULL"), index=True
    )

    employment_area: Mapped[EmploymentArea | None] = relationship(back_populates="municipalities")
    postal_codes: Mapped[list[PostalCode]] = relationship(back_populates="municipality", cascade="all, delete-orphan")


class PostalCode(Base):
    __tablename__ = "postal_codes"

    code: Mapped[str] = mapped_column(String(5), primary_key=True)
    municipality_code: Mapped[str] = mapped_column(
        ForeignKey("municipalities.code", ondelete="CASCADE"), primary_key=True
    )
    name_fi: Mapped[str | None] = mapped_column(String(100))
    name_sv: Mapped[str | None] = mapped_column(String(100))

    municipality: Mapped[Municipality] = relationship(back_populates="postal_codes")


class Provider(SourcedMixin, Base):
    __tablename__ = "providers"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), default="other")
    summary: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(500))
    phone: Mapped[str | None] = mapped_column(String(50))
    employment_area_id: Mapped[str | None] = mapped_column(ForeignKey("employment_areas.id"))
    municipality_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)


class Service(SourcedMixin, Base):
    __tablename__ = "services"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40), index=True)
    scope: Mapped[str] = mapped_column(String(20), index=True)  # national | regional | municipal
    audience: Mapped[list[str]] = mapped_column(JSON, default=list)
    employment_area_id: Mapped[str | None] = mapped_column(ForeignKey("employment_areas.id"), index=True)
    municipality_code: Mapped[str | None] = mapped_column(ForeignKey("municipalities.code"), index=True)
    provider_id: Mapped[str | None] = mapped_column(ForeignKey("providers.id"))
    provider_name: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    key_rules: Mapped[list[str]] = mapped_column(JSON, default=list)
    how_to_apply: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(500))
    contact: Mapped[str | None] = mapped_column(String(300))
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    # Plain Finnish, shown to users: why the terms must be checked (a pre-2025 or past year's page).
    source_caveat: Mapped[str | None] = mapped_column(Text)
    # The texts in other languages, each from the official page in that language (SCHEMA.md):
    # {"sv": {"title", "summary", "key_rules", "how_to_apply", "source_url", "last_verified"}, "en": {...}}
    translations: Mapped[dict[str, dict[str, Any]] | None] = mapped_column(JSON)
    # Structured eligibility.
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    min_unemployed_months: Mapped[float | None] = mapped_column(Float)
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    employer_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    situations: Mapped[list[str]] = mapped_column(JSON, default=list)

    provider: Mapped[Provider | None] = relationship()
    employment_area: Mapped[EmploymentArea | None] = relationship()
    municipality: Mapped[Municipality | None] = relationship()
    support_variants: Mapped[list[SupportVariant]] = relationship(
        back_populates="service", cascade="all, delete-orphan", order_by="SupportVariant.position"
    )
    channels: Mapped[list[ServiceChannel]] = relationship(
        back_populates="service", cascade="all, delete-orphan", order_by="ServiceChannel.position"
    )


class SupportVariant(Base):
    """One form of an employer support: its percent, cap and duration, and when it applies."""

    __tablename__ = "support_variants"

    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), primary_key=True)
    variant: Mapped[str] = mapped_column(String(60), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    percent: Mapped[float | None] = mapped_column(Float)
    monthly_max_eur: Mapped[float | None] = mapped_column(Float)
    months: Mapped[int | None] = mapped_column(Integer)
    one_off_max_eur: Mapped[float | None] = mapped_column(Float)
    hours_per_month: Mapped[float | None] = mapped_column(Float)
    eur_per_hour: Mapped[float | None] = mapped_column(Float)
    conditions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    excludes: Mapped[list[str]] = mapped_column(JSON, default=list)
    requires: Mapped[list[str]] = mapped_column(JSON, default=list)

    service: Mapped[Service] = relationship(back_populates="support_variants")


class ServiceChannel(Base):
    """A way to reach a service: web page, phone, e-mail, e-service or address."""

    __tablename__ = "service_channels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))  # web | phone | email | echannel | address
    value: Mapped[str] = mapped_column(String(500))
    label: Mapped[str | None] = mapped_column(String(200))

    service: Mapped[Service] = relationship(back_populates="channels")


class CatalogueMeta(Base):
    """Key-value facts about the loaded catalogue, e.g. the hash of the seeded data files."""

    __tablename__ = "catalogue_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class CatalogueEdit(Base):
    """A proposed change to the catalogue by an area's staff or the PTV sync (catalogue/edits.py).

    The YAML seed in catalogue/data/ is the starting point; approved edits are applied over it,
    in the order they were approved, each time the catalogue is seeded, so they survive
    re-seeding. Every edit is kept: who proposed and reviewed it, when, and the record before
    and after (the history, and what an undo restores).
    """

    __tablename__ = "catalogue_edits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))  # service | provider | area
    target_id: Mapped[str] = mapped_column(String(80), index=True)
    action: Mapped[str] = mapped_column(String(20))  # add | change | retire
    # the record as the YAML seed writes it, after the edit (for retire: as it was)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    previous: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # whose the record is: an employment area's id, or None for a national record
    area_id: Mapped[str | None] = mapped_column(String(80), index=True)
    source: Mapped[str] = mapped_column(String(20))  # staff | ptv | undo
    status: Mapped[str] = mapped_column(String(20), index=True)  # pending | approved | rejected
    proposed_by: Mapped[str] = mapped_column(String(64))
    proposed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    reviewed_by: Mapped[str | None] = mapped_column(String(64))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    note: Mapped[str | None] = mapped_column(String(500))


class PtvSync(Base):
    """When an area's services were last fetched from PTV (`polkuopas catalogue sync-ptv`)."""

    __tablename__ = "ptv_syncs"

    area_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    synced_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    source: Mapped[str] = mapped_column(String(500))
