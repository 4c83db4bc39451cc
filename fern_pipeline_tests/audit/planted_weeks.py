"""Planted conversations over 12 weeks: two subjects asked in English and German, at rates that change."""

import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

END = datetime(2026, 11, 30, tzinfo=UTC)
PASSWORD = [
    "How do I reset my password?",
    "The password reset link does not work",
    "I forgot my password and cannot log in",
    "Wie setze ich mein Passwort zurück?",
    "Der Link zum Zurücksetzen des Passworts funktioniert nicht",
    "Ich habe mein Passwort vergessen",
]
PARCEL = [
    "Where is my parcel?",
    "My order has not arrived yet",
    "The tracking of my order shows nothing",
    "Wo ist mein Paket?",
    "Meine Bestellung ist noch nicht angekommen",
    "Die Sendungsverfolgung zeigt nichts an",
]
#: Said after the question, so the texts are many and distinct as real ones are.
CONTEXT = {
    "en": ["It is urgent.", "I tried twice.", "Since yesterday.", "On my phone.", "My colleague too.", ""],
    "de": [
        "Es ist dringend.",
        "Zweimal versucht.",
        "Seit gestern.",
        "Auf dem Handy.",
        "Mein Kollege auch.",
        "",
    ],
}
#: A subject's questions and its rate per week at an instant.
Rate = tuple[list[str], Callable[[datetime], float]]


def _asked(pick: random.Random, questions: list[str]) -> str:
    index = pick.randrange(len(questions))
    context = CONTEXT["en" if index < 3 else "de"]
    return f"{questions[index]} {pick.choice(context)} {pick.randint(2, 99)}".strip()


def planted(seed: int, rates: Sequence[Rate]) -> dict[str, Any]:
    """84 days up to END of one-message conversations, each subject's a Poisson count a day at its rate."""
    rng = np.random.default_rng(seed)
    pick = random.Random(seed)
    conversations = []
    for day in range(84):
        at = END - timedelta(days=84 - day)
        for questions, rate in rates:
            for number in range(int(rng.poisson(rate(at) / 7))):
                when = (at + timedelta(hours=pick.randint(1, 22))).strftime("%Y-%m-%dT%H:%M:%SZ")
                conversations.append(
                    {
                        "id": f"{day}-{len(conversations)}-{number}",
                        "lastMessageAt": when,
                        "messages": [
                            {"id": "q", "role": "user", "content": _asked(pick, questions), "createdAt": when}
                        ],
                    }
                )
    return {"conversations": conversations}
