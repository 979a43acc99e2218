"""Actions that end the interviews: the service path and the support package."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.common import (
    EMPLOYER_SLOTS,
    InConversationLanguage,
    catalogue,
    employer_profile_from,
    jobseeker_profile,
    known_municipality,
    note_usage,
    send_cards,
)
from insights.recording import package_events, path_events
from messages import current_language, euros, text
from recommendation import ProfileError, recommend_employer_package, recommend_jobseeker_path


def contact_text(contact: dict) -> str:
    """One line a person can act on: name, page, phone (with its hours), e-mail, address."""
    parts = [contact.get("name") or text("actions.contact.area_services")]
    if contact.get("url"):
        parts.append(str(contact["url"]))
    if contact.get("phone"):
        phone = text("actions.contact.phone", phone=contact["phone"])
        parts.append(f"{phone} ({contact['hours']})" if contact.get("hours") else phone)
    elif contact.get("hours"):
        parts.append(text("actions.contact.service_hours", hours=contact["hours"]))
    if contact.get("email"):
        parts.append(str(contact["email"]))
    if contact.get("address"):
        parts.append(text("actions.contact.address", address=contact["address"]))
    return ", ".join(parts)


def send_path(dispatcher: CollectingDispatcher, path: dict, *, intro: str) -> None:
    """The steps as messages: title, why, how to start, the service cards."""
    snapshot = catalogue()
    dispatcher.utter_message(text=intro)
    for number, step in enumerate(path["steps"], start=1):
        services = [snapshot.service(card["id"]) for card in step["services"]]
        lines = [f"{number}. {step['title']}", text("actions.path.why", why=step["why"])]
        if step.get("how_to_start"):
            lines.append(text("actions.path.how_to_start", how=step["how_to_start"]))
        if step.get("contact") and step["contact"] != path.get("contact"):
            # the area's contact comes once at the end; a step with its own is told here
            lines.append(text("actions.path.step_contact", contact=contact_text(step["contact"])))
        send_cards(dispatcher, [s for s in services if s is not None], text="\n".join(lines))
    for note in path["notes"]:
        dispatcher.utter_message(text=note)
    dispatcher.utter_message(text=text("actions.path.more_help", contact=contact_text(path["contact"])))


def path_memory(path: dict, shown_before: list[str] | None = None) -> dict:
    """What later questions need of the path: steps, their reasons and every service shown so far."""
    shown = list(dict.fromkeys((shown_before or []) + [c["id"] for s in path["steps"] for c in s["services"]]))
    return {
        "steps": [
            {
                "id": step["id"],
                "title": step["title"],
                "why": step["why"],
                "factors": step.get("factors", []),
                "service_ids": [c["id"] for c in step["services"]],
            }
            for step in path["steps"]
        ],
        "shown": shown[:60],
    }


def jobseeker_path(tracker: Tracker, exclude: frozenset[str] = frozenset(), changes: dict | None = None) -> dict:
    """The path for the interview's answers (with `changes` applied over them)."""
    # The confirmed competence profile (occupation groups, cards) ranks places and training too.
    profile = {**jobseeker_profile(tracker), "competence": tracker.get_slot("competence"), **(changes or {})}
    try:
        return recommend_jobseeker_path(catalogue(), profile, exclude=exclude)
    except ProfileError:
        return recommend_jobseeker_path(catalogue(), {}, exclude=exclude)


def present_path(dispatcher: CollectingDispatcher, path: dict) -> list:
    """Sends the path, what can be asked next and the feedback question; remembers the path."""
    send_path(dispatcher, path, intro=text("actions.path.intro", count=len(path["steps"])))
    dispatcher.utter_message(
        text=text("actions.path.what_next"),
        buttons=[
            {"title": text("actions.path.buttons.summary"), "payload": "/request_summary"},
            {"title": text("actions.path.buttons.why"), "payload": "/ask_why"},
            {"title": text("actions.path.buttons.alternatives"), "payload": "/ask_alternatives"},
        ],
    )
    dispatcher.utter_message(
        text=text("actions.path.feedback"),
        buttons=[{"title": str(n), "payload": f'/give_feedback{{"rating": {n}}}'} for n in range(1, 6)],
    )
    # the latest answer is what "miksi?", "jotain muuta" and "entä jos" refer to
    return [SlotSet("last_path", path_memory(path)), SlotSet("last_package", None)]


class ActionRecommendPath(InConversationLanguage, Action):
    def name(self) -> str:
        return "action_recommend_path"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        path = jobseeker_path(tracker)
        await note_usage(path_events(catalogue(), path, known_municipality(tracker), current_language()))
        return present_path(dispatcher, path)


def _role_label(role: str) -> str | None:
    """How a support's role in the package is said: "Suositus", "Vaihtoehto", "Lisäksi"."""
    roles = {
        "recommended": text("actions.package.roles.recommended"),
        "alternative": text("actions.package.roles.alternative"),
        "additional": text("actions.package.roles.additional"),
    }
    return roles.get(role)


def present_package(dispatcher: CollectingDispatcher, package: dict, *, intro: str | None = None) -> list:
    """Sends the supports with their euros, the total, the next steps and the contact; remembers the package."""
    snapshot = catalogue()
    dispatcher.utter_message(text=intro or text("actions.package.intro"))
    for support in package["supports"]:
        service = snapshot.service(support["service"]["id"])
        if service is None:
            continue
        role = _role_label(support.get("role", ""))
        if role:
            lines = [f"{role}: {service.title}. {support['why']}"]
        else:
            lines = [f"{service.title}: {support['why']}"]
        estimate = support.get("estimate")
        if estimate:
            amounts = {
                "monthly": euros(estimate["monthly_max_eur"]),
                "months": estimate["months"],
                "total": euros(estimate["total_max_eur"]),
            }
            if estimate.get("percent"):
                lines.append(text("actions.package.estimate_percent", percent=estimate["percent"], **amounts))
            else:
                lines.append(text("actions.package.estimate", **amounts))
        send_cards(dispatcher, [service], text="\n".join(lines))
    total = package.get("package_estimate")
    if total and len(total.get("supports") or []) > 1:
        titles = [service.title for i in total["supports"] if (service := snapshot.service(i)) is not None]
        dispatcher.utter_message(
            text=text("actions.package.combination", titles=" + ".join(titles), total=euros(total["total_max_eur"]))
        )
    for note in package["notes"]:
        dispatcher.utter_message(text=note)
    steps = package.get("next_steps") or []
    if steps:
        numbered = [f"{n}. {step}" for n, step in enumerate(steps, 1)]
        dispatcher.utter_message(text="\n".join([text("actions.package.next_steps"), *numbered]))
    dispatcher.utter_message(text=text("actions.package.employer_services", contact=contact_text(package["contact"])))
    dispatcher.utter_message(text=text("actions.package.what_if"))
    return [
        SlotSet("last_package", {"supports": [s["service"]["id"] for s in package["supports"]]}),
        SlotSet("last_path", None),
    ]


def employer_package(tracker: Tracker, changes: dict | None = None) -> dict:
    """The package for the employer interview's answers (with `changes` applied to the slots first)."""
    values = {name: tracker.get_slot(name) for name in EMPLOYER_SLOTS}
    values.update(changes or {})
    try:
        return recommend_employer_package(catalogue(), employer_profile_from(values))
    except ProfileError:
        return recommend_employer_package(catalogue(), {})


class ActionRecommendPackage(InConversationLanguage, Action):
    def name(self) -> str:
        return "action_recommend_package"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        package = employer_package(tracker)
        await note_usage(package_events(catalogue(), package, known_municipality(tracker), current_language()))
        return present_package(dispatcher, package)
