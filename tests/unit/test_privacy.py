"""Personal data is masked before anything is stored; the numbers the bot needs stay."""

from __future__ import annotations

import pytest

from conversations.privacy import mask_personal_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hetu 131052-308T", "hetu [henkilötunnus]"),
        ("010594Y9021 on mun tunnus", "[henkilötunnus] on mun tunnus"),
        ("syntynyt 2000-luvulla: 010203A123B", "syntynyt 2000-luvulla: [henkilötunnus]"),
        ("soita 040 123 4567", "soita [puhelinnumero]"),
        ("numero +358 40 1234567 kiitos", "numero [puhelinnumero] kiitos"),
        ("0401234567", "[puhelinnumero]"),
        ("p. 09-310 1234", "p. [puhelinnumero]"),
        ("meili matti.meikalainen@example.fi tai MATTI@EXAMPLE.COM", "meili [sähköposti] tai [sähköposti]"),
    ],
)
def test_personal_data_is_masked(text, expected):
    assert mask_personal_data(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "palkkaisin osatyökykyisen siivoojan Seinäjoella 30 h viikossa 2400 €/kk",
        "oon 58-vuotias ja ollut työttömänä 24 kuukautta",
        "postinumero 33100 Tampere",
        "palkka 2 800 euroa, 37,5 h",
        "olin 10 vuotta varastolla",
        "vuodesta 2015 vuoteen 2020",
        "2400e/kk",
        "",
    ],
)
def test_numbers_the_bot_needs_are_kept(text):
    assert mask_personal_data(text) == text


@pytest.mark.parametrize(
    ("lang", "said", "kept", "gone"),
    [
        ("en", "my knee hurts and I have depression", "(muscles, bones and joints)", ["knee", "depression"]),
        ("sv", "jag har ont i ryggen och ångest", "(stöd- och rörelseorganen)", ["ryggen", "ångest"]),
        ("en", "I have diabetes", "(", ["diabetes"]),
        ("en", "I use a wheelchair", "(", ["wheelchair"]),
    ],
)
def test_health_details_in_swedish_and_english_are_kept_only_as_their_category(lang, said, kept, gone):
    from messages import speaking
    from understanding.interview import redact_health_details

    with speaking(lang):
        redacted = redact_health_details(said)
    assert kept in redacted
    for word in gone:
        assert word not in redacted


@pytest.mark.parametrize("said", ["I am on sick leave", "jag är sjukskriven", "I want to go back to work"])
def test_sick_leave_and_everyday_words_are_not_health_details(said):
    from understanding.interview import redact_health_details

    assert redact_health_details(said) == said
