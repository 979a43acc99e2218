"""Employers through the live stack (issue 5): one sentence to a package with euros, "entä jos"
questions that recompute it, a detail changed in the middle of the interview, an employee's
weakened work ability and offering work-trial places."""

from __future__ import annotations

from tests.integration.chat import Conversation, card_ids, interview, texts

NBSP = "\u00a0"


def employer_answers(**overrides) -> dict:
    base = {
        "Millainen työnantaja": ("button", "Yritys"),
        "Kuvaako jokin näistä": ("button", "Ei mikään näistä"),
        "Kuinka vanha palkattava": "40",
        "ollut työttömänä": "8 kuukautta",
        "Missä kunnassa": "Tampere",
        "bruttopalkka": "2400 €/kk, 37,5 h viikossa",
    }
    base.update(overrides)
    return base


def run_employer(stack, opening: str, answers: dict) -> tuple[Conversation, list[str], list[dict]]:
    conversation = Conversation(stack)
    asked, messages = interview(conversation, conversation.say(opening), answers)
    assert "Näitä tukia" in texts(messages), conversation.all_bot_text()[-1500:]
    assert len(asked) == len(set(asked)), asked
    return conversation, asked, messages


def test_partial_work_ability_cleaner_then_a_higher_wage(stack):
    conversation, asked, messages = run_employer(
        stack, "palkkaisin osatyökykyisen siivoojan Seinäjoella 30 h viikossa 2400 €/kk", employer_answers()
    )
    assert "Missä kunnassa" not in asked and "bruttopalkka" not in asked
    text = texts(messages)
    assert "Suositus: Palkkatuki" in text
    assert f"1{NBSP}680" in text and f"40{NBSP}320" in text  # 70 % × 2 400, 24 months
    assert "Näin etenette:" in text and "älkää aloittako työtä" in text
    again = conversation.say("paljonko saan jos palkka on 2800?")
    text = texts(again)
    assert "Laskin uudelleen" in text
    assert f"1{NBSP}770" in text and f"42{NBSP}480" in text  # 1 960 > cap 1 770; × 24


def test_association_hiring_the_long_term_unemployed_and_shorter_hours(stack):
    conversation, _asked, messages = run_employer(
        stack,
        "Olemme yhdistys Tampereella ja haluaisimme palkata pitkään työttömänä olleen",
        employer_answers(
            **{
                "Millainen työnantaja": ("button", "Yhdistys"),
                "Kuvaako jokin näistä": ("button", "Pitkään työttömänä ollut"),
                "ollut työttömänä": "2,5 vuotta",
                "bruttopalkka": "2000 €/kk, 37,5 h viikossa",
            }
        ),
    )
    text = texts(messages)
    # 100 %: 2 000 × 0.65 × 1.23 = 1 599 €/kk × 10 = 15 990 €
    assert f"1{NBSP}599" in text and f"15{NBSP}990" in text
    again = texts(conversation.say("entä jos työaika on 20 tuntia viikossa"))
    # 20 h is under 65 % of 37.5 h: the whole 2 000 × 1.23 = 2 460 > cap 2 020 × 10 = 20 200 €
    assert f"2{NBSP}020" in again and f"20{NBSP}200" in again


def test_helsinki_lisa_is_recommended_over_palkkatuki(stack):
    _conversation, _asked, messages = run_employer(
        stack,
        "Yrityksemme Helsingissä palkkaa työttömän, joka on ollut työttömänä 4 kuukautta, palkka 3200 €/kk 37,5 h",
        employer_answers(**{"ollut työttömänä": "4 kuukautta"}),
    )
    text = texts(messages)
    assert "Suositus: Helsinki-lisä" in text and "Vaihtoehto: Palkkatuki" in text
    assert f"18{NBSP}000" in text  # 1 600 > cap 1 500 × 12


def test_a_detail_changes_in_the_middle_of_the_interview(stack):
    conversation = Conversation(stack)
    messages = conversation.say("haluaisin palkata työttömän")
    answers = employer_answers(
        **{
            "Kuvaako jokin näistä": ("button", "55 vuotta täyttänyt"),
            "Kuinka vanha palkattava": "58",
            "ollut työttömänä": "2,5 vuotta",
        }
    )
    changed = False
    for _ in range(12):
        text = texts(messages)
        if "Näitä tukia" in text:
            break
        if "Kuvaako jokin näistä" in text and not changed:
            changed = True
            messages = conversation.say("paljonko saan jos palkka on 2500 ja työaika 37,5 h")
            assert "Jatketaan" in texts(messages)
            continue
        _, messages = interview(conversation, messages, answers, limit=1)
    text = texts(messages)
    assert changed and "Näitä tukia" in text
    assert "bruttopalkka" not in conversation.all_bot_text()  # the wage was already told
    # 55+: 70 % × 2 500 = 1 750 €/kk × 10 = 17 500 € beats palkkatuki 1 250 × 10 = 12 500 €
    assert "Suositus: 55 vuotta täyttäneiden työllistämistuki" in text
    assert f"17{NBSP}500" in text


def test_weakened_work_ability_and_work_trial_places(stack):
    conversation = Conversation(stack)
    messages = conversation.say("työntekijäni työkyky on heikentynyt selkävaivojen takia, mitä voin tehdä?")
    ids = card_ids(messages)
    assert {"tyoterveyshuolto-yhteistyo", "tyoolosuhteiden-jarjestelytuki", "tyoelakekuntoutus"} <= set(ids)
    assert "työterveysneuvottelu" in texts(messages)
    messages = conversation.say("miten voimme tarjota työkokeilupaikan?")
    assert "tyokokeilupaikan-tarjoaminen" in card_ids(messages)


def test_oulu_company_with_a_fixed_term_job_and_what_if_over_55(stack):
    conversation, asked, messages = run_employer(
        stack,
        "Yrityksemme Oulussa palkkaisi työttömän, palkka 2400 €/kk, 37,5 h viikossa, 12 kuukaudeksi",
        employer_answers(),
    )
    assert "Missä kunnassa" not in asked and "bruttopalkka" not in asked
    text = texts(messages)
    # Oulu's 2026 supplement, not paid with palkkatuki: 50 % × 2 400 = 1 200 €/kk × the job's 12 months
    # = 14 400 €, more than palkkatuki 1 200 × 10 = 12 000 €
    assert "Suositus: Oulun kuntalisä yrityksille" in text and "Vaihtoehto: Palkkatuki" in text
    assert f"14{NBSP}400" in text and f"12{NBSP}000" in text
    again = texts(conversation.say("entä jos hän on yli 55 ja ollut työttömänä kaksi vuotta?"))
    assert "Laskin uudelleen" in again
    # 55+ employment subsidy 70 % × 2 400 = 1 680 €/kk × 10 = 16 800 € beats Oulu's 14 400 €
    assert "Suositus: 55 vuotta täyttäneiden työllistämistuki" in again and f"16{NBSP}800" in again


def test_a_young_hire_with_basic_education_gets_the_youth_voucher(stack):
    _conversation, asked, messages = run_employer(
        stack,
        "Yrityksemme Jyväskylässä palkkaisi alle 30-vuotiaan, 2200 €/kk, 37,5 h viikossa, 12 kuukaudeksi",
        employer_answers(
            **{
                "Kuvaako jokin näistä": ("button", "Alle 30-vuotias"),
                "Kuinka vanha palkattava": "25",
                "ollut työttömänä": "4 kuukautta",
                "vain peruskoulu": ("button", "Vain peruskoulu"),
            }
        ),
    )
    assert "vain peruskoulu" in asked  # asked only because it decides the voucher (under 30, 3–5 months)
    # 50 % × 2 200 = 1 100 €/kk × 6 = 6 600 €
    assert "Nuorten työllistymisseteli" in texts(messages) and f"6{NBSP}600" in texts(messages)
