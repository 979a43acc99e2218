"""Jobseeker personas through the live stack (issue 4): competence mapping, self-rating,
health kept only as a category, the path, "miksi?", "jotain muuta", a changed answer,
the summary to take along, feedback, and skipped questions never asked again.
"""

from __future__ import annotations

import sqlite3

from tests.integration.chat import Conversation, card_ids, interview, texts

RATING_QUESTIONS = {
    "talousasiasi": "finances",
    "sosiaalinen tilanteesi": "social",
    "osaamiseesi": "skills",
    "jaksat ja voit": "wellbeing",
    "arki sujuu": "daily_life",
    "työnhakusi tai": "employment",
    "arvioisit terveytesi": "health",
}


def answers(**overrides) -> dict:
    """Answers to every question; each persona overrides what makes it who it is."""
    base = {
        "paikkakunnalla": "Tampere",
        "Kuinka vanha olet": "40",
        "kuvaa tilannettasi": ("button", "Työtön"),
        "ilman työtä": "4 kuukautta",
        "Rajoittaako terveytesi": ("button", "Ei rajoita"),
        "Mihin terveyden rajoitus liittyy": ("button", "En halua kertoa"),
        "suomen kielen": ("button", "Äidinkieli tai sujuva"),
        "seuraavaksi päästä": ("button", "Töihin"),
        "työhistoriastasi": "olin kaupassa myyjänä",
        "korkein koulutuksesi": ("button", "Ammatillinen tutkinto"),
        "Mitä osaat": "olen hyvä asiakaspalvelussa",
        "Kirjoita, mitä korjataan": "ohita",
        "osaamisesi lyhyesti": ("button", "Kyllä, pitää"),
    }
    for words, _area in RATING_QUESTIONS.items():
        base[words] = ("button", "3")
    base.update(overrides)
    return base


def steps_of(messages: list[dict]) -> list[str]:
    """The numbered step titles of a path reply, in order."""
    titles = []
    for message in messages:
        text = message.get("text") or ""
        head = text.split("\n", 1)[0]
        if head[:1].isdigit() and ". " in head:
            titles.append(head.split(". ", 1)[1])
    return titles


def run_persona(stack, opening: str, persona_answers: dict) -> tuple[Conversation, list[str], list[dict]]:
    conversation = Conversation(stack)
    asked, messages = interview(conversation, conversation.say(opening), persona_answers)
    assert "palvelupoluksi" in texts(messages), conversation.all_bot_text()[-2000:]
    assert len(asked) == len(set(asked)), f"a question was asked twice: {asked}"
    return conversation, asked, messages


def test_58_year_old_long_term_unemployed_man_in_kuopio(stack):
    conversation, asked, messages = run_persona(
        stack,
        "Olen 58-vuotias mies Kuopiosta ja ollut työttömänä kolme vuotta",
        answers(
            **{
                "työhistoriastasi": "olin 30 vuotta konepajassa hitsaajana",
                "Mitä osaat": "minulla on tulityökortti ja trukkikortti",
                "työnhakusi tai": ("button", "2"),
            }
        ),
    )
    assert "paikkakunnalla" not in asked and "Kuinka vanha olet" not in asked and "ilman työtä" not in asked
    readback = conversation.all_bot_text()
    assert "metalli" in readback and "tulityökortti" in readback and "trukkikortti" in readback
    ids = card_ids(messages)
    assert "tyollistamistuki-55" in ids
    assert "tukeva-saatio-valmennus" in ids  # the Kuopio region's own provider
    assert "58-vuotias" in texts(messages)
    assert "työnhakusi tilanteen heikoksi (2/5)" in texts(messages)
    assert "Kuopion työllisyysalue" in texts(messages)


def test_young_person_after_vocational_school(stack):
    conversation, _asked, messages = run_persona(
        stack,
        "Valmistuin just ammattikoulusta kokiksi, mitä nyt?",
        answers(
            **{
                "Kuinka vanha olet": "20",
                "kuvaa tilannettasi": ("button", "Valmistumassa"),
                "työhistoriastasi": "tein työssäoppimisjakson ravintolan keittiössä",
                "Mitä osaat": "hygieniapassi löytyy ja tykkään leipoa",
                "seuraavaksi päästä": ("button", "Töihin"),
            }
        ),
    )
    ids = card_ids(messages)
    assert "ohjaamo" in ids
    assert "20-vuotias" in texts(messages)
    assert "hygieniapassi" in conversation.all_bot_text()
    assert "keittiö" in conversation.all_bot_text()
    assert steps_of(messages)[0] == "Ilmoittaudu työnhakijaksi"


def test_back_pain_is_kept_only_as_a_category(stack):
    conversation, _asked, messages = run_persona(
        stack,
        "/jobseeker_start",
        answers(
            **{
                "paikkakunnalla": "Oulu",
                "Kuinka vanha olet": "45",
                "ilman työtä": "8 kuukautta",
                "Rajoittaako terveytesi": ("button", "Rajoittaa jonkin verran"),
                "Mihin terveyden rajoitus liittyy": "selkäranka on huono enkä voi nostaa raskaita",
                "työhistoriastasi": "olin rakennuksilla kirvesmiehenä 20 vuotta",
            }
        ),
    )
    assert "vapaaehtoista" in conversation.all_bot_text()  # said before asking about health
    assert "21 päivän kuluttua" in conversation.all_bot_text()  # what is kept and for how long (the stack's setting)
    ids = card_ids(messages)
    assert "tyokyvyn-arviointi" in ids
    assert "tyoolosuhteiden-jarjestelytuki" in ids  # staying at work
    assert "Pysy työssä" in steps_of(messages)
    history = conversation.history()
    user_texts = [m["text"] for m in history if m["sender"] == "user"]
    assert "(tuki- ja liikuntaelimet)" in user_texts
    assert not any("selkäranka" in (t or "") for t in user_texts)
    assert "selkäranka" not in texts(messages)
    # Rasa's own store never saw the words either
    with sqlite3.connect(stack.env["RASA_TRACKER_DB"]) as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = ?", (conversation.session_id,)).fetchall()
    assert rows and not any("selkäranka" in row[0] for row in rows)


def test_newcomer_with_basic_finnish_in_espoo(stack):
    _conversation, asked, messages = run_persona(
        stack,
        "Hei, olen muuttanut Suomeen ja etsin töitä Espoosta",
        answers(
            **{
                "paikkakunnalla": "Espoo",
                "Kuinka vanha olet": "34",
                "suomen kielen": ("button", "Perustaso"),
                # in Finnish: an answer of several English words would switch the conversation to
                # English (tests/integration/test_languages.py)
                "työhistoriastasi": "olin siivooja hotellissa",
                "korkein koulutuksesi": ("button", "Peruskoulu"),
                "Mitä osaat": "siivous",
            }
        ),
    )
    assert "paikkakunnalla" not in asked
    ids = card_ids(messages)
    assert "kotoutumiskoulutus" in ids
    assert "Espoon" in texts(messages)


def test_someone_who_skips_every_question_still_gets_a_path(stack):
    conversation = Conversation(stack)
    messages = conversation.say("/jobseeker_start")
    questions = []
    for _ in range(30):
        if "palvelupoluksi" in texts(messages):
            break
        questions.append(texts(messages)[-80:])
        messages = conversation.say("ohita")
    assert "palvelupoluksi" in texts(messages)
    assert len(questions) == len(set(questions)), "a skipped question came back"
    assert len(steps_of(messages)) >= 2
    assert card_ids(messages)
    assert "valtakunnalliset" in texts(messages)


def test_competence_can_be_corrected_before_the_path(stack):
    conversation = Conversation(stack)
    corrected = {"done": False}

    persona = answers(
        **{
            "paikkakunnalla": "Lahti",
            "työhistoriastasi": "olin varastolla ja siivoojana",
            "Mitä osaat": "trukkikortti",
        }
    )
    messages = conversation.say("/jobseeker_start")
    for _ in range(30):
        text = texts(messages)
        if "palvelupoluksi" in text:
            break
        if "osaamisesi lyhyesti" in text and not corrected["done"]:
            assert "siivous" in text and "varasto" in text
            corrected["done"] = True
            messages = conversation.say("en ole ollut siivoojana")
            assert "osaamisesi lyhyesti" in texts(messages)
            assert "siivous" not in texts(messages) and "varasto" in texts(messages)
            continue
        _, messages = interview(conversation, messages, persona, limit=1)
    assert corrected["done"] and "palvelupoluksi" in texts(messages)


def test_weak_daily_life_puts_rehabilitation_first(stack):
    _conversation, _asked, messages = run_persona(
        stack,
        "/jobseeker_start",
        answers(
            **{
                "ilman työtä": "kaksi vuotta",
                "arki sujuu": ("button", "1"),
                "sosiaalinen tilanteesi": ("button", "2"),
            }
        ),
    )
    titles = steps_of(messages)
    assert "Vahvista arkea ja jaksamista" in titles
    assert "arjen tai sosiaalisen tilanteesi heikoksi" in texts(messages) or "(1–2/5)" in texts(messages)
    if "Kokeile työtä käytännössä" in titles:
        assert titles.index("Vahvista arkea ja jaksamista") < titles.index("Kokeile työtä käytännössä")


def test_after_the_path_why_alternatives_changed_answer_summary_feedback(stack):
    conversation, _asked, messages = run_persona(
        stack,
        "/jobseeker_start",
        answers(**{"paikkakunnalla": "Helsinki", "Kuinka vanha olet": "24", "ilman työtä": "7 kuukautta"}),
    )
    first_ids = set(card_ids(messages))

    why = conversation.say("miksi?")
    assert "koska" in texts(why) and "24-vuotias" in texts(why)

    other = conversation.say("jotain muuta")
    assert card_ids(other), texts(other)
    assert not first_ids & set(card_ids(other))

    changed = conversation.say("itse asiassa asun Nokialla")
    assert "korjasin" in texts(changed) and "palvelupoluksi" in texts(changed)
    assert "Tampereen seudun työllisyysalue" in texts(changed)  # Nokia's area

    summary_offer = conversation.click(changed, "Tee yhteenveto")
    done = conversation.click(summary_offer, "Kyllä, ota mukaan")
    link = next(word for word in texts(done).split() if "/yhteenveto/" in word)
    page = conversation.client.get(link)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "Nokia" in page.text and "Ilmoittaudu työnhakijaksi" in page.text
    assert "Rajoittaa" not in page.text  # no health information
    pdf = conversation.client.get(link + ".pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    thanks = conversation.click(messages, "5")
    assert "Kiitos palautteesta" in texts(thanks)
    with sqlite3.connect(stack.env["DATABASE_URL"].removeprefix("sqlite:///")) as db:
        ratings = db.execute("SELECT rating, service_ids FROM feedback").fetchall()
    assert any(rating == 5 and "ilmoittautuminen-tyonhakijaksi" in ids for rating, ids in ratings)

    assert conversation.client.delete(f"/api/chat/{conversation.session_id}").status_code == 204
    assert conversation.client.get(link).status_code == 404
