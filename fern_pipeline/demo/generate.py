"""Generate the built-in demo data (two support-endpoint exports and a help center) from seeded templates."""

import json
import math
import random
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from fern_pipeline.demo.helpdesk import HelpdeskWords, helpdesk_slots
from fern_pipeline.demo.load import load_articles, load_common, load_source
from fern_pipeline.demo.model import (
    AGENT_ROLES,
    ANCHOR,
    CAPITALISED_AGENT_MESSAGES,
    HOUR_WEIGHTS,
    LEGACY_CONVERSATIONS,
    OFFICE_HOURS,
    OUTCOMES,
    WEEKDAY_WEIGHTS,
    WINDOW_DAYS,
    Defect,
    Label,
    Lang,
    Outcome,
    Pace,
    Phrases,
    Side,
    Source,
)
from fern_pipeline.demo.webshop import WebshopWords, webshop_slots

# ---------------------------------------------------------------------------------------------------
# The content: what the sources and the help center share, the two demo sources, the help center.

COMMON = load_common()
SOURCES: tuple[Source, ...] = (
    load_source("helpdesk", HelpdeskWords, helpdesk_slots, COMMON),
    load_source("webshop", WebshopWords, webshop_slots, COMMON),
)
ARTICLES = load_articles()


# ---------------------------------------------------------------------------------------------------
# Conversations: who writes what, and when.


def _shuffled(rng: random.Random, shares: Mapping[Label, float], count: int) -> list[Label]:
    """``count`` labels in random order, each as often as its share says (rounded; the last fills up)."""
    *rounded, last = shares
    labels = [label for label in rounded for _ in range(round(shares[label] * count))]
    labels += [last] * (count - len(labels))
    rng.shuffle(labels)
    return labels


def _start(rng: random.Random) -> datetime:
    """When a customer writes first: within the window, skewed to weekdays and European office hours."""
    while True:
        day = ANCHOR - timedelta(days=rng.randrange(WINDOW_DAYS) + 1)
        if rng.random() < WEEKDAY_WEIGHTS[day.weekday()]:
            break
    hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
    return day + timedelta(hours=hour, minutes=rng.randrange(60), seconds=rng.randrange(60))


def _in_office_hours(rng: random.Random, moment: datetime) -> datetime:
    """The moment itself when support is at work, else shortly after support opens next."""
    opens, closes = OFFICE_HOURS
    if moment.weekday() < 5 and opens <= moment.hour < closes:
        return moment
    day = moment.replace(hour=0, minute=0, second=0)
    if moment.hour >= opens:
        day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day + timedelta(hours=opens, minutes=rng.randrange(150), seconds=rng.randrange(60))


def _delay(rng: random.Random, pace: Pace) -> timedelta:
    """How long after the previous message a message of this pace is written."""
    match pace:
        case "first":
            minutes = 0
        case "detail":
            minutes = rng.randint(1, 25)
        case "nudge":
            minutes = rng.randint(20 * 60, 3 * 24 * 60)
        case "reply":
            bucket = rng.random()
            if bucket < 0.6:
                minutes = rng.randint(4, 90)
            elif bucket < 0.88:
                minutes = rng.randint(90, 8 * 60)
            else:
                minutes = rng.randint(20 * 60, 3 * 24 * 60)
        case "answer":
            bucket = rng.random()
            minutes = rng.randint(2, 60) if bucket < 0.6 else rng.randint(60, 36 * 60)
    return timedelta(minutes=minutes, seconds=rng.randrange(60) if minutes else 0)


def _turns(
    rng: random.Random, source: Source, lang: Lang, outcome: Outcome, start: datetime
) -> list[tuple[Side, str, Pace]]:
    """One conversation's messages, in order: who writes, what, and at which pace."""
    topics = list(source.topics.values())
    topic = rng.choices(topics, weights=[each.share for each in topics])[0]
    script = rng.choice([scenario[lang] for scenario in topic.scenarios if lang in scenario])
    follow_up = rng.choice(script.follow_ups)
    slots = source.slots(rng, lang, start) | COMMON.facts | {"agent": rng.choice(source.voice.agents)}

    def fill(template: str) -> str:
        return template.format_map(slots)

    def say(phrases: Phrases) -> str:
        return fill(rng.choice(phrases[lang]))

    def agent(body: str, *, greet: bool = False, link: str | None = None) -> tuple[Side, str, Pace]:
        parts = [say(source.voice.greeting)] if greet else []
        parts.append(body)
        if link:
            parts.append(f"{say(source.voice.link_intro)} {link}")
        parts.append(say(source.voice.sign_off))
        return "agent", "\n\n".join(parts), "reply"

    opener = fill(rng.choice(script.opener))
    if rng.random() < 0.3:
        opener += "\n\n" + say(source.voice.user_sign_off)
    turns: list[tuple[Side, str, Pace]] = [("user", opener, "first")]
    if outcome == "unanswered":
        if rng.random() < 0.4:
            turns.append(("user", say(COMMON.nudge), "nudge"))
        return turns
    if rng.random() < 0.18:
        turns.append(
            ("user", fill(rng.choice(script.detail)), "detail")
            if rng.random() < 0.7
            else ("user", say(COMMON.nudge), "nudge")
        )
    link = topic.link if rng.random() < 0.35 else None
    turns.append(agent(fill(script.reply), greet=True, link=link))
    rounds = (
        rng.choices((1, 2, 3), weights=(0.4, 0.4, 0.2))[0] if outcome == "answered" else rng.randint(1, 2)
    )
    if rounds == 1 and outcome == "answered":
        return turns
    turns.append(("user", fill(follow_up.question), "answer"))
    if rounds >= 2 and rng.random() < 0.12:
        turns.append(("user", say(COMMON.nudge), "nudge"))
    if rounds == 1:
        return turns
    turns.append(agent(fill(follow_up.answer)))
    if outcome == "awaiting":
        turns.append(("user", say(COMMON.still_open), "answer"))
    elif rounds == 3:
        turns.append(("user", say(COMMON.thanks), "answer"))
        turns.append(agent(say(COMMON.closing)))
    return turns


def _timeline(rng: random.Random, turns: list[tuple[Side, str, Pace]], start: datetime) -> list[datetime]:
    """When each message was written; the whole conversation moves back by weeks to end before ANCHOR."""
    times: list[datetime] = []
    moment = start
    for side, _, pace in turns:
        moment += _delay(rng, pace)
        if side == "agent":
            moment = _in_office_hours(rng, moment)
        times.append(moment)
    overshoot = times[-1] - ANCHOR
    if overshoot > timedelta(0):
        weeks = timedelta(weeks=math.ceil(overshoot / timedelta(weeks=1)))
        times = [time - weeks for time in times]
    return times


def _timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC, to the second, as the endpoint format shows it."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _role(rng: random.Random, side: Side) -> str:
    """The role a message is sent with: ``user``, or one of the agent spellings."""
    if side == "user":
        return "user"
    return rng.choices(list(AGENT_ROLES), weights=list(AGENT_ROLES.values()))[0]


def _break(conversation: dict[str, Any], defect: Defect, source: Source) -> None:
    """Give a conversation its one format error."""
    messages: list[dict[str, Any]] = conversation["messages"]
    match defect:
        case Defect.BOT_ROLE:
            first = messages[0]
            acknowledged = datetime.strptime(first["createdAt"], "%Y-%m-%dT%H:%M:%SZ") + timedelta(seconds=4)
            bot = {
                "id": f"{first['id']}-ack",
                "role": "bot",
                "content": source.bot_acknowledgement,
                "createdAt": _timestamp(acknowledged),
            }
            messages.insert(1, bot)
        case Defect.MISSING_CREATED_AT:
            del messages[1]["createdAt"]
        case Defect.ZONELESS_TIMESTAMP:
            messages[0]["createdAt"] = messages[0]["createdAt"].removesuffix("Z")
        case Defect.DUPLICATE_MESSAGE_ID:
            messages[1]["id"] = messages[0]["id"]
        case Defect.NULL_CONTENT:
            messages[-1]["content"] = None
        case Defect.MESSAGES_OBJECT:
            conversation["messages"] = {message["id"]: message for message in messages}
        case Defect.MISSING_LAST_MESSAGE_AT:
            del conversation["lastMessageAt"]


def build_document(source: Source) -> dict[str, list[dict[str, Any]]]:
    """The source's endpoint document: its conversations oldest first, the malformed ones included."""
    rng = random.Random(source.seed)
    drafts: list[list[tuple[str, str, datetime]]] = []
    languages = _shuffled(rng, source.languages, source.conversations)
    outcomes = _shuffled(rng, OUTCOMES, source.conversations)
    for lang, outcome in zip(languages, outcomes, strict=True):
        start = _start(rng)
        turns = _turns(rng, source, lang, outcome, start)
        times = _timeline(rng, turns, start)
        drafts.append(
            [(_role(rng, side), text, at) for (side, text, _), at in zip(turns, times, strict=True)]
        )
    drafts.sort(key=lambda messages: messages[0][2])
    conversations: list[dict[str, Any]] = []
    message_number = source.first_message_number
    for number, messages in enumerate(drafts, start=source.first_number):
        key = f"{source.id_prefix}{number}"
        conversation: dict[str, Any] = (
            {"id": number}
            if number < source.first_number + LEGACY_CONVERSATIONS
            else {"id": key, "url": source.conversation_url.format(id=key)}
        )
        conversation["lastMessageAt"] = _timestamp(messages[-1][2])
        conversation["messages"] = []
        for role, text, at in messages:
            message = {
                "id": f"msg-{message_number}",
                "role": role,
                "content": text,
                "createdAt": _timestamp(at),
            }
            conversation["messages"].append(message)
            message_number += 1
        conversations.append(conversation)
    agent_messages = [
        message for item in conversations for message in item["messages"] if message["role"] == "agent"
    ]
    for message in rng.sample(agent_messages, CAPITALISED_AGENT_MESSAGES):
        message["role"] = "Agent"
    by_id = {conversation["id"]: conversation for conversation in conversations}
    for key, defect in source.defects.items():
        if len(by_id[key]["messages"]) < 2:
            raise ValueError(
                f"{key} has fewer than two messages: choose another conversation for {defect.name}"
            )
        _break(by_id[key], defect, source)
    return {"conversations": conversations}


def write_demo(target: Path) -> None:
    """Write the demo exports to ``target/data`` and the help center to ``target/help_center``."""
    data = target / "data"
    data.mkdir(parents=True, exist_ok=True)
    for source in SOURCES:
        text = json.dumps(build_document(source), ensure_ascii=False, indent=1)
        (data / f"{source.name}.json").write_text(text + "\n", encoding="utf-8", newline="\n")
    help_center = target / "help_center"
    help_center.mkdir(exist_ok=True)
    for stale in help_center.glob("*.md"):
        stale.unlink()
    for article in ARTICLES:
        markdown = article.markdown(COMMON.article_slots())
        (help_center / f"{article.slug}.md").write_text(markdown, encoding="utf-8", newline="\n")


if __name__ == "__main__":
    write_demo(Path(__file__).parent)
