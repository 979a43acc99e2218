"""Simulated users of the chat for the load and soak tests (`make load`, scripts/load_test.py).

Each user is a jobseeker, an employer or someone asking about a service, in Finnish, Swedish or
English, who types a message, reads the answer for 0.5–2 s and types the next, as people do in the
widget. A turn is lost when the answer is not a 200 with at least one bot message: locust counts
it as a failure, so "0 failures" means no lost turns. Traffic goes to the --host given (loopback).
"""

from __future__ import annotations

import random

from locust import HttpUser, between, task

CONVERSATIONS = {
    "jobseeker_fi": [
        "Etsin töitä. Asun Tampereella",
        "24",
        "olen työtön",
        "puoli vuotta",
        "mikä on työkokeilu?",
        "kiitos",
    ],
    "employer_fi": [
        "Haluaisin palkata osatyökykyisen siivoojan Ouluun",
        "mitä palkkatuki on?",
        "entä jos palkka on 2000 euroa kuussa",
        "kiitos",
    ],
    "services_sv": [
        "Hej, jag är arbetslös och bor i Vasa",
        "hur länge kan man få lönesubvention?",
        "arbetsprövning i Vasa",
        "tack",
    ],
    "services_en": [
        "My contract in Espoo ended last month, where do I get help now?",
        "what is a work trial?",
        "job coaching in Kuopio",
        "thanks",
    ],
    "questions_fi": [
        "hei",
        "työhönvalmennusta Kuopiossa",
        "paljonko sitä päivärahaa oikein saa?",
        "millainen sää on huomenna",
        "haluan puhua ihmiselle",
    ],
}


class ChatUser(HttpUser):
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        self.script = random.choice(list(CONVERSATIONS.values()))
        self.step = 0
        self.session_id: str | None = None

    @task
    def say_next(self) -> None:
        if self.step >= len(self.script):  # the conversation is over: a new one
            self.step, self.session_id = 0, None
        body = {"message": self.script[self.step]}
        if self.session_id:
            body["session_id"] = self.session_id
        with self.client.post("/api/chat", json=body, name="/api/chat", catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            else:
                data = response.json()
                self.session_id = data.get("session_id")
                if not data.get("messages"):
                    response.failure("no bot message (a lost turn)")
        self.step += 1
