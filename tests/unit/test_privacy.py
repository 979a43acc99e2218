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
