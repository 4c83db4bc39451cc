"""The shapes of the demo data: topics, scripts, voices, sources, articles, and shared phrases."""

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Literal, TypeVar

#: Every timestamp lies in the WINDOW_DAYS before this instant; the clock is never read.
ANCHOR = datetime(2026, 11, 20, tzinfo=UTC)
WINDOW_DAYS = 120
HELP_CENTER = "https://help.example.com"

Lang = Literal["en", "de"]
Side = Literal["user", "agent"]
#: How long after the previous message a message is written.
Pace = Literal["first", "detail", "nudge", "reply", "answer"]
Outcome = Literal["unanswered", "awaiting", "answered"]
Phrases = Mapping[Lang, tuple[str, ...]]
Slots = dict[str, str]
Label = TypeVar("Label")

#: Facts the help-center articles and the agents' replies agree on.
FACTS: Slots = {
    "reset_minutes": "60",
    "password_length": "12",
    "export_link_days": "7",
    "deletion_days": "30",
    "return_days": "30",
    "refund_days": "2",
    "shipping_days": "2-4",
}

#: Share of conversations by outcome: no agent reply at all, the user waiting for a reply, answered.
OUTCOMES: Mapping[Outcome, float] = {"unanswered": 0.05, "awaiting": 0.10, "answered": 0.85}
#: Agent spellings of the role: the article's text says ``agent``, its example sends ``support_agent``.
AGENT_ROLES: Mapping[str, float] = {"agent": 0.70, "support_agent": 0.30}
#: How many ``agent`` messages per source are sent capitalised, as ``Agent`` (valid; kept as sent).
CAPITALISED_AGENT_MESSAGES = 5
#: The oldest conversations were migrated from an earlier tool and keep its bare numeric ids.
LEGACY_CONVERSATIONS = 4
#: Relative chance that a conversation starts on each weekday (Monday first) and in each UTC hour.
WEEKDAY_WEIGHTS = (1.0, 0.95, 0.9, 0.9, 0.8, 0.3, 0.22)
HOUR_WEIGHTS = (1, 1, 1, 1, 2, 3, 5, 9, 12, 13, 13, 12, 10, 11, 12, 11, 9, 7, 5, 4, 3, 2, 2, 1)
#: Support answers Monday to Friday between these UTC hours.
OFFICE_HOURS = (6, 18)


class Defect(StrEnum):
    """The single format error a deliberately malformed conversation carries."""

    BOT_ROLE = "an automatic acknowledgement sent with role 'bot'"
    MISSING_CREATED_AT = "its second message has no createdAt"
    ZONELESS_TIMESTAMP = "its first message's createdAt has no zone"
    DUPLICATE_MESSAGE_ID = "its second message repeats the first message's id"
    NULL_CONTENT = "its last message has content null"
    MESSAGES_OBJECT = "messages is an object keyed by message id, not an array"
    MISSING_LAST_MESSAGE_AT = "it has no lastMessageAt"


@dataclass(frozen=True)
class Script:
    """One way a question goes in one language: how it is asked, answered and followed up."""

    #: Phrasings of the customer's first message.
    opener: tuple[str, ...]
    #: A second customer message sent right after the first.
    detail: tuple[str, ...]
    #: The agent's first answer.
    reply: str
    #: The customer's follow-up questions, each with the agent's answer that settles it.
    follow_ups: tuple[tuple[str, str], ...]


#: One situation of a topic, scripted in the languages it occurs in.
Scenario = Mapping[Lang, Script]


@dataclass(frozen=True, eq=False)
class Topic:
    """One kind of support question: its situations, and a page agents sometimes link."""

    scenarios: tuple[Scenario, ...]
    link: str | None = None


@dataclass(frozen=True)
class Voice:
    """How one support team and its customers write around the topic's turns."""

    agents: tuple[str, ...]
    greeting: Phrases
    sign_off: Phrases
    link_intro: Phrases
    user_sign_off: Phrases


@dataclass(frozen=True)
class Source:
    """One demo export: its topics, languages, voice, ids and deliberate defects."""

    name: str
    seed: int
    conversations: int
    #: Share of conversations in each language.
    languages: Mapping[Lang, float]
    topics: Mapping[Topic, float]
    voice: Voice
    slots: Callable[[random.Random, Lang, datetime], Slots]
    id_prefix: str
    first_number: int
    first_message_number: int
    #: Link back to the conversation in the support tool, with ``{id}``.
    conversation_url: str
    #: The conversations given exactly one format error each, by id.
    defects: Mapping[str, Defect]


@dataclass(frozen=True)
class Article:
    """A help-center article, written as Markdown: a ``# Title``, an optional ``url:`` line, paragraphs."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]
    url: str | None

    def markdown(self) -> str:
        """The article as a Markdown file; paragraphs may use the FACTS as slots."""
        head = f"# {self.title}\n" + (f"url: {self.url}\n" if self.url else "")
        body = "\n\n".join(paragraph.format_map(FACTS) for paragraph in self.paragraphs)
        return f"{head}\n{body}\n"


def help_url(lang: Lang, slug: str) -> str:
    """The address of a help-center article."""
    return f"{HELP_CENTER}/{lang}/{slug}"


# ---------------------------------------------------------------------------------------------------
# Turns every conversation shares, whatever the topic.

THANKS: Phrases = {
    "en": (
        "Thanks, that worked!",
        "Perfect, thank you so much.",
        "Great, all sorted now. Thanks for the quick help!",
        "ok thx",
        "That did it. Much appreciated.",
    ),
    "de": (
        "Danke, hat funktioniert!",
        "Super, vielen Dank!",
        "Perfekt, danke für die schnelle Hilfe.",
        "ok danke",
        "Jetzt klappt es. Vielen Dank für die Unterstützung!",
    ),
}
CLOSING: Phrases = {
    "en": (
        "Glad that's sorted! I'll close this ticket for now; just reply if anything else comes up.",
        "You're welcome, {name}. Have a great day!",
        "Happy to help. Don't hesitate to get back to us if anything else comes up.",
    ),
    "de": (
        "Freut mich, dass es geklappt hat! Ich schließe das Ticket; melden Sie sich gern jederzeit wieder.",
        "Gern geschehen, {name}. Einen schönen Tag noch!",
        "Sehr gern. Wenn noch etwas ist, antworten Sie einfach auf diese Nachricht.",
    ),
}
NUDGE: Phrases = {
    "en": (
        "Any update on this?",
        "Hello? Still waiting for an answer.",
        "Following up on my message above, this is quite urgent for us.",
        "Is anyone looking at this?",
    ),
    "de": (
        "Gibt es hierzu schon etwas Neues?",
        "Hallo? Ich warte immer noch auf eine Antwort.",
        "Ich hake hier nochmal nach, es ist leider dringend.",
        "Kümmert sich jemand darum?",
    ),
}
STILL_OPEN: Phrases = {
    "en": (
        "Unfortunately that didn't fix it, same problem as before.",
        "Still not working for me, sorry.",
        "Hm, I tried exactly that but nothing changed.",
    ),
    "de": (
        "Leider hat das nicht geholfen, gleiches Problem wie vorher.",
        "Funktioniert bei mir immer noch nicht.",
        "Hab ich genau so probiert, hat sich nichts geändert.",
    ),
}
