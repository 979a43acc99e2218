"""docs/contract.md names the intents, entities and national service ids others rely on: they exist."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from catalogue import NATIONAL_SERVICE_IDS

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def names_in(section: str) -> set[str]:
    block = re.search(rf"<!-- {section} -->(.*?)<!-- /{section} -->", CONTRACT, re.S)
    assert block, section
    return set(re.findall(r"`([a-z0-9_-]+)`", block.group(1)))


def test_every_contract_intent_is_in_the_domain():
    intents = names_in("contract-intents") - {"service"}  # `service` is named as service_info's entity
    assert len(intents) == 28
    assert intents <= set(DOMAIN["intents"])


def test_every_contract_entity_is_in_the_domain():
    assert names_in("contract-entities") <= set(DOMAIN["entities"])


def test_every_national_service_id_is_in_the_catalogue(snapshot):
    ids = names_in("contract-service-ids")
    assert ids == set(NATIONAL_SERVICE_IDS)
    assert all(snapshot.service(service_id) is not None for service_id in ids)
