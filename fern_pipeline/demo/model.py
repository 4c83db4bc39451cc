"""The shapes of the demo data: topics, scripts, voices, sources, articles, and what they share."""

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Literal, TypeVar

from pydantic import ConfigDict, with_config

#: Every timestamp lies in the WINDOW_DAYS before this instant; the clock is never read.
ANCHOR = datetime(2026, 11, 20, tzinfo=UTC)
WINDOW_DAYS = 120

Lang = Literal["en", "de"]
Side = Literal["user", "agent"]
#: How long after the previous message a message is written.
Pace = Literal["first", "detail", "nudge", "reply", "answer"]
Outcome = Literal["unanswered", "awaiting", "answered"]
Phrases = Mapping[Lang, tuple[str, ...]]
Slots = dict[str, str]
Label = TypeVar("Label")

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


#: The content files are read strictly: a key that names no field is an error, not ignored.
known_keys_only = with_config(ConfigDict(extra="forbid"))
# The records so decorated (here, in helpdesk.py and webshop.py) are runs of typed fields, one per key of
# a content file; `duplicates` pairs such runs by shape alone (Script ~ WebshopWords, Voice ~
# ingest.Outcome, within HelpdeskWords): alike in form, with nothing repeated to share.


class Defect(StrEnum):
    """The single format error a deliberately malformed conversation carries; its value names it in YAML."""

    #: An automatic acknowledgement sent with role 'bot'.
    BOT_ROLE = "bot_role"
    #: Its second message has no createdAt.
    MISSING_CREATED_AT = "missing_created_at"
    #: Its first message's createdAt has no zone.
    ZONELESS_TIMESTAMP = "zoneless_timestamp"
    #: Its second message repeats the first message's id.
    DUPLICATE_MESSAGE_ID = "duplicate_message_id"
    #: Its last message has content null.
    NULL_CONTENT = "null_content"
    #: Messages is an object keyed by message id, not an array.
    MESSAGES_OBJECT = "messages_object"
    #: It has no lastMessageAt.
    MISSING_LAST_MESSAGE_AT = "missing_last_message_at"


@known_keys_only
@dataclass(frozen=True)
class FollowUp:
    """A customer's follow-up question, with the agent's answer that settles it."""

    question: str
    answer: str


@known_keys_only
@dataclass(frozen=True)
class Script:
    """One way a question goes in one language: how it is asked, answered and followed up."""

    #: Phrasings of the customer's first message.
    opener: tuple[str, ...]
    #: A second customer message sent right after the first.
    detail: tuple[str, ...]
    #: The agent's first answer.
    reply: str
    #: The customer's follow-up questions, each with its answer.
    follow_ups: tuple[FollowUp, ...]


#: One situation of a topic, scripted in the languages it occurs in.
Scenario = Mapping[Lang, Script]


@known_keys_only
@dataclass(frozen=True)
class Topic:
    """One kind of support question: its share of conversations, its situations, a page agents may link."""

    share: float
    scenarios: tuple[Scenario, ...]
    link: str | None = None


@known_keys_only
@dataclass(frozen=True)
class Voice:
    """How one support team and its customers write around the topic's turns."""

    agents: tuple[str, ...]
    greeting: Phrases
    sign_off: Phrases
    link_intro: Phrases
    user_sign_off: Phrases


@known_keys_only
@dataclass(frozen=True)
class Common:
    """What the demo's sources and its help center share (``content/common.yaml``)."""

    #: Facts the help-center articles and the agents' replies agree on; slots in every text.
    facts: Slots
    #: The identity providers help-desk customers use, all of them named by the SSO article.
    identity_providers: tuple[str, ...]
    first_names: Phrases
    months: Phrases
    #: Turns every conversation may take, whatever the topic.
    thanks: Phrases
    closing: Phrases
    nudge: Phrases
    still_open: Phrases

    def article_slots(self) -> Slots:
        """The slots an article's paragraphs may use: the facts and the list of identity providers."""
        return self.facts | {"identity_providers": ", ".join(self.identity_providers)}


@known_keys_only
@dataclass(frozen=True)
class Source:
    """One demo export: its topics, languages, voice, ids and deliberate defects."""

    name: str
    seed: int
    conversations: int
    #: Share of conversations in each language.
    languages: Mapping[Lang, float]
    #: The source's topics by name, in the order they are drawn from.
    topics: Mapping[str, Topic]
    voice: Voice
    #: The particulars of one conversation, drawn from the source's words.
    slots: Callable[[random.Random, Lang, datetime], Slots]
    id_prefix: str
    first_number: int
    first_message_number: int
    #: Link back to the conversation in the support tool, with ``{id}``.
    conversation_url: str
    #: The automatic acknowledgement a chatbot sends, in the conversation given Defect.BOT_ROLE.
    bot_acknowledgement: str
    #: The conversations given exactly one format error each, by id.
    defects: Mapping[str, Defect]


@known_keys_only
@dataclass(frozen=True)
class Article:
    """A help-center article, written as Markdown: a ``# Title``, an optional ``url:`` line, paragraphs."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]
    url: str | None

    def markdown(self, slots: Slots) -> str:
        """The article as a Markdown file, its paragraphs' slots filled."""
        head = f"# {self.title}\n" + (f"url: {self.url}\n" if self.url else "")
        body = "\n\n".join(paragraph.format_map(slots) for paragraph in self.paragraphs)
        return f"{head}\n{body}\n"
