"""The interview's sensitive and read-back questions, and what follows a path:
"miksi?", "jotain muuta", a changed answer, feedback and the summary to take along.

Thin: the catalogue package builds every text and number; these only pick what to say.
"""

from __future__ import annotations

import contextlib
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.common import catalogue, entity_values, jobseeker_profile, latest_message, latest_text, send_cards
from bot.actions.recommend import employer_package, jobseeker_path, path_memory, present_package, present_path
from catalogue.db import get_engine
from conversations.feedback import save_feedback
from conversations.retention import retention_days
from conversations.summaries import build_summary, save_summary
from messages import euros, months_text
from understanding import competence as competence_mapping
from understanding import facts, interview
from understanding.finnish import fold
from vocabulary import HEALTH_CATEGORIES, label

# Why each interview question is asked, for "miksi?" in the middle of the interview.
QUESTION_REASONS = {
    "municipality": "Kysyn kuntaa, koska palvelut ja tuet ovat erilaisia eri työllisyysalueilla.",
    "age": "Kysyn ikää, koska osa palveluista on tarkoitettu esimerkiksi alle 30-vuotiaille tai yli 55-vuotiaille.",
    "situation": "Tilanteesi kertoo, mitkä palvelut ovat sinulle auki, esimerkiksi työttömälle tai lomautetulle.",
    "unemployed_months": "Työttömyyden kesto vaikuttaa siihen, mitä tukia sinulle ja työnantajalle on tarjolla.",
    "work_ability": "Jos terveys rajoittaa työtä, sinulle voi sopia työkyvyn tuki ja työnantaja voi saada enemmän tukea.",
    "health_category": "Terveyden luokka auttaa valitsemaan sopivan tuen. Tallennan vain luokan, en kirjoittamaasi tekstiä.",
    "finnish_level": "Kielitaito vaikuttaa siihen, sopisiko sinulle esimerkiksi kotoutumiskoulutus.",
    "goals": "Tavoitteesi ratkaisee, mihin suuntaan polku vie: töihin, opiskelemaan vai yrittäjäksi.",
    "work_history": "Työhistoriasta näen, millaisista työkokeilupaikoista ja koulutuksista voisi olla sinulle hyötyä.",
    "education": "Koulutuksesi kertoo, kannattaako polkuun ottaa koulutusta tai oppisopimus.",
    "skills": "Taitosi ja kiinnostuksesi auttavat löytämään alan ja paikat, joissa pääset näyttämään osaamisesi.",
    "competence_confirmed": "Tarkistan, että ymmärsin osaamisesi oikein, ennen kuin ehdotan palveluja sen perusteella.",
}
RATING_REASON = (
    "Arviosi elämän eri osa-alueista auttaa valitsemaan järjestyksen: jos arki tai terveys ei nyt suju, "
    "aloitetaan niistä. Voit ohittaa kysymyksen."
)


def _engine():
    return get_engine()


class ActionAskWorkAbility(Action):
    """The health question, with what is kept of the answer and for how long."""

    def name(self) -> str:
        return "action_ask_work_ability"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        dispatcher.utter_message(
            text=(
                "Seuraavaksi kysyn terveydestä. Vastaaminen on vapaaehtoista: kysyn vain, jotta voin ehdottaa "
                "sopivaa tukea. Tallennan vastauksesi vain tähän keskusteluun; se poistuu "
                f'{retention_days()} päivän kuluttua tai heti, kun pyydät ("poista tietoni").\n\n'
                "Rajoittaako terveytesi sitä, millaista työtä voit tehdä?"
            ),
            buttons=[
                {"title": "Ei rajoita", "payload": '/inform{"work_ability_level": "full"}'},
                {"title": "Rajoittaa jonkin verran", "payload": '/inform{"work_ability_level": "partial"}'},
                {"title": "En halua vastata", "payload": '/inform{"work_ability_level": "unknown"}'},
            ],
        )
        return []


class ActionAskHealthCategory(Action):
    """Asks only for a category. The gateway turns a typed answer into a category before it is stored."""

    def name(self) -> str:
        return "action_ask_health_category"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        options = [category for category in HEALTH_CATEGORIES if category != "undisclosed"]
        buttons = [
            {"title": label("health_category", key).capitalize(), "payload": f'/inform{{"health_category": "{key}"}}'}
            for key in options
        ]
        buttons.append({"title": "En halua kertoa", "payload": '/inform{"health_category": "undisclosed"}'})
        dispatcher.utter_message(
            text=(
                "Mihin terveyden rajoitus liittyy? Valitse lähin vaihtoehto. Tallennan vain valitsemasi luokan, "
                f"en mitään kirjoittamaasi, ja se poistuu {retention_days()} päivän kuluttua. "
                "Voit myös jättää vastaamatta."
            ),
            buttons=buttons,
            # tells the chat gateway to keep only a category of the next answer
            json_message={"expects": "health"},
        )
        return []


class ActionAskCompetenceConfirmed(Action):
    def name(self) -> str:
        return "action_ask_competence_confirmed"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        found = competence_mapping.Competence.from_dict(tracker.get_slot("competence"))
        dispatcher.utter_message(
            text=f"Tässä osaamisesi lyhyesti:\n{competence_mapping.describe(found)}\n\nPitääkö tämä paikkansa?",
            buttons=[
                {"title": "Kyllä, pitää", "payload": "/affirm"},
                {"title": "Haluan korjata", "payload": "/deny"},
            ],
        )
        return []


class ActionAskWhy(Action):
    """ "miksi?": in the interview, why this question; after a path, what led to each step."""

    def name(self) -> str:
        return "action_ask_why"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        requested = tracker.get_slot("requested_slot")
        if tracker.active_loop.get("name") == "jobseeker_form" and requested:
            reason = RATING_REASON if str(requested).startswith("rating_") else QUESTION_REASONS.get(requested)
            dispatcher.utter_message(text=(reason or "Kysyn tätä, jotta polku sopisi juuri sinulle.") + " Jatketaan:")
            return []
        memory = tracker.get_slot("last_path") or {}
        steps = memory.get("steps") or []
        if not steps:
            dispatcher.utter_message(
                text="En ole vielä ehdottanut sinulle palveluja. Kerro tilanteestasi, niin kysyn muutaman asian ja perustelen ehdotukseni.",
                buttons=[{"title": "Aloitetaan", "payload": "/jobseeker_start"}],
            )
            return []
        chosen = _step_asked_about(tracker, steps)
        chosen_steps = [chosen] if chosen else steps
        lines = []
        for step in chosen_steps:
            number = steps.index(step) + 1
            factors = ", ".join(step.get("factors") or []) or "tilanteesi kokonaisuus"
            lines.append(f"{number}. {step['title']}: koska {factors}.\n{step['why']}")
        intro = "Perustelin ehdotuksen näin:" if chosen else "Näistä vastauksistasi polku syntyi:"
        dispatcher.utter_message(
            text=intro
            + "\n\n"
            + "\n\n".join(lines)
            + '\n\nJos jokin tieto on väärin, korjaa se, esimerkiksi "itse asiassa olen 45".'
        )
        return []


def _step_asked_about(tracker: Tracker, steps: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The step the user named: by a service entity, a number ("miksi 2?") or words of its title."""
    services = set(entity_values(tracker, "service"))
    for step in steps:
        if services & set(step.get("service_ids") or []):
            return step
    text = latest_text(tracker)
    if text.startswith("/"):
        return None
    number = interview.rating(text) if any(c.isdigit() for c in text) else None
    if number and number <= len(steps):
        return steps[number - 1]
    folded = fold(text)
    snapshot = catalogue()
    for step in steps:
        for service_id in step.get("service_ids") or []:
            service = snapshot.service(service_id)
            # the first word of a service's title, e.g. "työkokeilu" in "miksi työkokeilua?"
            stem = fold(service.title.split()[0])[:7] if service else ""
            if len(stem) >= 5 and stem in folded:
                return step
    return None


def no_alternatives_text(contact: dict) -> str:
    """What to say when every fitting service was already shown: whom to ask next."""
    reach = ", ".join(
        part
        for part in (
            contact.get("name"),
            f"puh. {contact['phone']}" if contact.get("phone") else None,
            contact.get("url"),
        )
        if part
    )
    text = (
        "Näytin jo kaikki palvelut, jotka vastaustesi perusteella sopivat sinulle. "
        "Asiantuntija voi miettiä kanssasi lisää vaihtoehtoja"
    )
    text += f": {reach}." if reach else "."
    return text + (' Voit myös etsiä palveluja itse kirjoittamalla esimerkiksi "työkokeilu Tampere".')


class ActionShowAlternatives(Action):
    """ "jotain muuta": the next best services for the same steps, leaving out what was shown."""

    def name(self) -> str:
        return "action_show_alternatives"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        memory = tracker.get_slot("last_path") or {}
        if not memory.get("steps"):
            dispatcher.utter_message(
                text="Kerro ensin vähän tilanteestasi, niin ehdotan palveluja ja voin näyttää myös vaihtoehtoja.",
                buttons=[{"title": "Aloitetaan", "payload": "/jobseeker_start"}],
            )
            return []
        shown = list(memory.get("shown") or [])
        path = jobseeker_path(tracker, exclude=frozenset(shown))
        new_services = [card for step in path["steps"] for card in step["services"]]
        if not new_services:
            dispatcher.utter_message(text=no_alternatives_text(path.get("contact") or {}))
            return []
        snapshot = catalogue()
        dispatcher.utter_message(text="Tässä muita vaihtoehtoja:")
        for step in path["steps"]:
            services = [s for card in step["services"] if (s := snapshot.service(card["id"])) is not None]
            send_cards(dispatcher, services, text=f"{step['title']}:")
        return [SlotSet("last_path", path_memory(path, shown_before=shown))]


class ActionChangeAnswer(Action):
    """ "itse asiassa asun Nokialla": change the answer and recompute the path if one was given."""

    def name(self) -> str:
        return "action_change_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        if tracker.active_loop.get("name") == "employer_form" or (
            tracker.get_slot("last_package") and not tracker.active_loop.get("name")
        ):
            return self.what_if_for_employer(dispatcher, tracker)
        told = facts.jobseeker_facts(latest_message(tracker), catalogue())
        found = told.pop("competence", None)
        changes = {name: value for name, value in told.items() if tracker.get_slot(name) != value}
        if found:
            # "itse asiassa olin varastolla trukkikuskina": added to the competence profile
            current = competence_mapping.Competence.from_dict(tracker.get_slot("competence"))
            merged = competence_mapping.merge(current, competence_mapping.Competence.from_dict(found)).to_dict()
            if merged != current.to_dict():
                changes["competence"] = merged
        if not changes:
            dispatcher.utter_message(
                text='En saanut selville, mitä haluat muuttaa. Kirjoita esimerkiksi "asun Nokialla", '
                '"olen 45-vuotias" tai "olen ollut työttömänä vuoden".'
            )
            return []
        labels = {
            "municipality": "kunta",
            "age": "ikä",
            "situation": "tilanne",
            "unemployed_months": "työttömyyden kesto",
            "goals": "tavoite",
            "fields": "ala",
            "work_ability": "työkyky",
            "competence": "osaaminen",
        }
        changed = ", ".join(labels.get(name, name) for name in changes)
        events: list[Any] = [SlotSet(name, value) for name, value in changes.items()]
        if tracker.active_loop.get("name"):
            dispatcher.utter_message(text=f"Selvä, korjasin: {changed}. Jatketaan.")
            return events
        dispatcher.utter_message(text=f"Selvä, korjasin: {changed}.")
        if tracker.get_slot("last_path"):
            # the path again, from the corrected answers
            events += present_path(dispatcher, jobseeker_path(tracker, changes=changes))
        return events

    @staticmethod
    def what_if_for_employer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[Any]:
        told = facts.employer_changes(latest_message(tracker), catalogue())
        changes = {name: value for name, value in told.items() if tracker.get_slot(name) != value}
        if not changes:
            dispatcher.utter_message(
                text='En saanut selville, mitä muutetaan. Kirjoita esimerkiksi "entä jos hän on 56-vuotias", '
                '"paljonko saan, jos palkka on 2800 €", "entä jos työaika on 30 h viikossa" tai "entä jos työsuhde on 6 kk".'
            )
            return []
        described = ", ".join(_describe_change(name, value) for name, value in changes.items())
        events: list[Any] = [SlotSet(name, value) for name, value in changes.items()]
        if changes.get("wage_eur") is not None:
            events.append(SlotSet("job_terms", "given"))
        if tracker.active_loop.get("name"):
            dispatcher.utter_message(text=f"Selvä: {described}. Jatketaan.")
            return events
        package = employer_package(tracker, changes)
        return events + present_package(
            dispatcher, package, intro=f"Laskin uudelleen ({described}). Näitä tukia voitte hyödyntää:"
        )


def _describe_change(name: str, value: Any) -> str:
    if name == "hire_age":
        return f"palkattava {value}-vuotias"
    if name == "wage_eur":
        return f"palkka {euros(value)}/kk"
    if name == "hours_per_week":
        return f"työaika {value:g} h/viikko"
    if name == "job_months":
        return f"työsuhteen kesto {value} kk"
    if name == "hire_unemployed_months":
        return f"työttömänä {months_text(value)}"
    if name == "municipality":
        return f"kunta {value}"
    if name == "hire_education":
        return "palkattavalla vain peruskoulu" if value == "basic" else "palkattavalla tutkinto"
    labels = {
        "employer_type": "työnantaja",
        "hire_group": "palkattava",
        "hire_work_ability": "työkyky",
        "apprenticeship": "oppisopimus",
    }
    return labels.get(name, name)


class ActionStoreFeedback(Action):
    """Feedback 1–5, stored without the conversation: only the rating and the path's service ids."""

    def name(self) -> str:
        return "action_store_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        values = entity_values(tracker, "rating")
        rating = interview.rating(values[0]) if values else interview.rating(latest_text(tracker))
        if rating is not None:
            memory = tracker.get_slot("last_path") or {}
            package = tracker.get_slot("last_package") or {}
            if package.get("supports") and not memory.get("steps"):
                kind, service_ids = "employer", list(package["supports"])
            else:
                kind = "jobseeker"
                service_ids = [sid for step in memory.get("steps") or [] for sid in step.get("service_ids") or []]
            with contextlib.suppress(ValueError):
                save_feedback(_engine(), rating, kind, service_ids[:20])
        dispatcher.utter_message(response="utter_feedback_thanks")
        return []


class ActionMakeSummary(Action):
    """The summary page to take to the coach; the gateway turns the token into a link."""

    def name(self) -> str:
        return "action_make_summary"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        if not tracker.get_slot("last_path"):
            dispatcher.utter_message(
                text="Teen yhteenvedon, kun olen ensin ehdottanut sinulle palvelupolun. Aloitetaanko?",
                buttons=[{"title": "Aloitetaan", "payload": "/jobseeker_start"}],
            )
            return [SlotSet("summary_include_profile", None)]
        include = tracker.get_slot("summary_include_profile") is True
        profile = jobseeker_profile(tracker)
        path = jobseeker_path(tracker)
        data = build_summary(
            catalogue(), path, profile=profile, competence=tracker.get_slot("competence"), include_profile=include
        )
        token = save_summary(_engine(), tracker.sender_id, data)
        dispatcher.utter_message(
            text=(
                "Yhteenvetosi on valmis. Avaa se alla olevasta linkistä: voit tulostaa sen tai ladata PDF:nä. "
                f"Linkki toimii {retention_days()} päivää tai kunnes poistat keskustelun. En lähetä sitä minnekään."
            ),
            json_message={"summary_token": token},
        )
        return [SlotSet("summary_include_profile", None)]
