"""Which language a conversation is in (understanding/language.py)."""

from __future__ import annotations

import pytest

from understanding.language import asked_language, choose_language, detected_language


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("på svenska", "sv"),
        ("På svenska tack", "sv"),
        ("kan vi prata svenska", "sv"),
        ("ruotsiksi kiitos", "sv"),
        ("in English please", "en"),
        ("english", "en"),
        ("can we speak english", "en"),
        ("englanniksi", "en"),
        ("suomeksi", "fi"),
        ("voitko puhua suomea", "fi"),
        ("på finska", "fi"),
    ],
)
def test_a_message_that_only_asks_for_a_language(message, lang):
    assert asked_language(message) == lang


@pytest.mark.parametrize(
    "message",
    ["I study English at the university", "jag söker jobb i Vasa", "suomen kielen kurssi Tampere", "/greet", "", "26"],
)
def test_a_message_that_says_more_is_not_a_request(message):
    assert asked_language(message) is None


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Hej, jag är arbetslös och bor i Vasa. Vilka tjänster finns det?", "sv"),
        ("My contract in Espoo ended last month, where do I get help now?", "en"),
        ("oon ollu kortistossa puol vuotta", "fi"),
        ("tarttisin apua hommien hakuun", "fi"),
    ],
)
def test_free_text_is_detected(message, lang):
    assert detected_language(message) == lang


@pytest.mark.parametrize("message", ['/inform{"rating": 3}', "26", "Vaasa", "ok", "moi", "hello"])
def test_buttons_numbers_and_single_words_are_not_detected(message):
    assert detected_language(message) is None


def test_the_order_asked_detected_requested_kept():
    assert choose_language("på svenska", requested="fi", current="fi").lang == "sv"
    assert choose_language("på svenska", requested="fi", current="fi").requested_only
    # detection beats the page's language
    swedish = choose_language("jag har varit utan jobb sedan i somras", requested="fi", current=None)
    assert (swedish.lang, swedish.changed) == ("sv", False)  # the first message: nothing to change
    assert choose_language("jag har varit utan jobb sedan i somras", requested=None, current="fi").changed
    # a button or a number keeps the conversation's language, whatever the client asks
    assert choose_language('/inform{"rating": 3}', requested=None, current="en").lang == "en"
    assert choose_language("26", requested="sv", current="sv").lang == "sv"
    # the client's choice when nothing in the message decides
    assert choose_language("ok", requested="en", current="fi").lang == "en"
    assert choose_language("ok", requested="xx", current=None).lang == "fi"
    assert choose_language("ok", requested="sv-FI", current=None).lang == "sv"


def test_asking_for_the_language_already_spoken_is_no_switch():
    choice = choose_language("suomi", requested=None, current="fi")
    assert (choice.lang, choice.requested_only) == ("fi", False)
