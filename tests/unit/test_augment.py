"""Colloquial, misspelt and ä/ö-less variants of training sentences (understanding/augment.py)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from understanding import augment

ROOT = Path(__file__).resolve().parents[2]


def test_spoken_forms_of_written_words():
    assert augment.colloquial("Olen ollut työttömänä puoli vuotta") == "Oon ollu työttömänä puol vuotta"
    assert augment.colloquial("pitäisikö minun ilmoittautua jonnekin") == "pitäiskö mun ilmottautua jonnekki"
    # endings: participles and the -kin clitic, only on longer words
    assert augment.colloquial("työ ei ole löytynyt, tarvitaankin apua") == "työ ei oo löytyny, tarvitaanki apua"


def test_without_diacritics_is_what_a_keyboard_without_finnish_letters_gives():
    assert augment.without_diacritics("Työttömyysturva Hämeenlinnassa") == "Tyottomyysturva Hameenlinnassa"


def test_a_typo_changes_one_longer_word_by_one_slip():
    for seed in range(50):
        text = "mistä saa työttömyysturvaa"
        slipped = augment.typo(text, random.Random(seed))
        changed = [(a, b) for a, b in zip(text.split(), slipped.split()) if a != b]
        assert len(changed) == 1
        before, after = changed[0]
        assert before != "saa" and abs(len(before) - len(after)) <= 1


def test_entity_text_without_its_own_value_is_kept_as_it_is():
    example = (
        'asun [Hämeenlinnassa](municipality) ja haluaisin [työkokeilun]{"entity": "service", "value": "tyokokeilu"}'
    )
    rng = random.Random(1)
    varied = augment.apply(example, ("colloquial", "no-diacritics"), rng)
    assert "[Hämeenlinnassa](municipality)" in varied
    assert '[tyokokeilun]{"entity": "service", "value": "tyokokeilu"}' in varied
    assert varied.startswith("asun ") and "haluisin" in varied


def test_variants_are_reproducible_distinct_and_differ_from_the_original():
    example = "Haluaisin ilmoittautua työnhakijaksi, mitä minun pitää tehdä?"
    first = list(augment.variants(example, 3))
    assert first == list(augment.variants(example, 3))
    assert len(first) == 3 and len({v.lower() for v in first}) == 3
    assert all(v.lower() != example.lower() for v in first)


def test_the_generated_training_file_is_current():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "augment_nlu.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
