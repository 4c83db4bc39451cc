"""Deterministic endpoint documents of a given number of messages, with realistic support text."""

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson

#: Fragments support conversations are made of; content is drawn from them with a seeded generator.
OPENINGS = (
    "Hi there,",
    "Hello,",
    "Good morning,",
    "Hey support team,",
    "Thanks for getting back to me.",
    "Hallo zusammen,",
    "Quick question:",
)
SENTENCES = (
    "I can't log in to my account since this morning, the password reset email never arrives.",
    "We were charged twice for the annual plan and need a refund for the duplicate invoice.",
    "The export to CSV stops at ten thousand rows, is there a limit we are not aware of?",
    "How do I add a second admin to our workspace without giving them billing access?",
    "The mobile app crashes when I open a shared folder on Android 14.",
    "Our SSO login with Okta shows an error about an invalid audience.",
    "Could you check why the webhook deliveries to our endpoint are failing with 502?",
    "I followed the help center article but the integration settings page looks different.",
    "Is there a way to schedule reports weekly instead of daily?",
    "The dashboard takes more than a minute to load for our team of forty people.",
    "Thanks, I have reset your two-factor authentication, please try again now.",
    "I have issued a refund for the duplicate charge; it takes five to ten business days.",
    "You can add another admin under Settings, Members, then choose the Admin role.",
    "This is a known issue in version 3.2 of the app and a fix ships next week.",
    "Please make sure the audience URI in Okta matches the one shown on our SSO page.",
    "I have escalated this to our engineering team and will update you tomorrow.",
    "The CSV export is limited on the Starter plan; the Business plan exports everything.",
    "Could you send us a HAR file so we can see which request is slow?",
    "Die Rechnung wurde doppelt abgebucht, bitte um Erstattung.",
    "Ich kann mich seit heute nicht mehr anmelden.",
    "Let me know if there is anything else I can help with.",
    "That worked, thank you so much for the quick help!",
    "Unfortunately it still does not work after clearing the cache.",
    "We use the API to sync contacts every hour and started seeing 429 responses.",
)
ROLES = ("user", "agent", "support_agent")
START = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Payload:
    """A generated document on disk and what it holds."""

    path: Path
    conversations: int
    messages: int

    @property
    def bytes(self) -> int:
        return self.path.stat().st_size


def _content(rng: random.Random) -> str:
    """Text of 40 to 800 characters, mostly short as support messages are, built from whole sentences."""
    length = round(rng.triangular(40, 800, 40))
    parts = [rng.choice(OPENINGS)]
    size = len(parts[0])
    while size < length:
        sentence = rng.choice(SENTENCES)
        parts.append(sentence)
        size += len(sentence) + 1
    text = " ".join(parts)[:length]
    return text if len(text) >= 40 else text.ljust(40, ".")


def _timestamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def generate(path: Path, messages: int, *, seed: int = 7) -> Payload:
    """Write a document of exactly ``messages`` messages, 1 to 12 per conversation, to ``path``."""
    rng = random.Random(seed)
    written = conversations = 0
    with path.open("wb") as out:
        out.write(b'{"conversations":[')
        while written < messages:
            count = min(rng.randint(1, 12), messages - written)
            moment = START + timedelta(seconds=rng.randint(0, 600 * 24 * 3600))
            thread = []
            for position in range(count):
                moment += timedelta(seconds=rng.randint(30, 86_400))
                thread.append(
                    {
                        "id": f"msg_{written + position:08d}",
                        "role": ROLES[0] if position % 2 == 0 else rng.choice(ROLES[1:]),
                        "content": _content(rng),
                        "createdAt": _timestamp(moment),
                    }
                )
            conversation = {
                "id": f"conv_{conversations:07d}",
                "url": f"https://support.example.com/conversations/{conversations}",
                "lastMessageAt": _timestamp(moment),
                "messages": thread,
            }
            out.write((b"," if conversations else b"") + orjson.dumps(conversation))
            written += count
            conversations += 1
        out.write(b"]}")
    return Payload(path, conversations, messages)
