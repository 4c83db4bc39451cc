"""Drafts: per topic to write or update, a Markdown draft taken from that topic's own conversations.

A draft is extractive: its customers' questions and its agent's answer are lines of the topic's
messages (particulars generalised to ``…``, HTML neutralised), under fixed headings. Nothing is
written that the conversations do not say.
"""

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pyarrow as pa

from fern_pipeline.audit.embedding import embed
from fern_pipeline.audit.keywords import languages, short_question
from fern_pipeline.audit.labels import generalised

#: The folder of drafts, beside the report.
DRAFTS_FOLDER = "audit_drafts"
#: Conversations read per topic, the most typical first.
PER_TOPIC = 20
#: Most questions a draft quotes. Two ask the same thing from this similarity of meaning ("The iOS app
#: crashes every time I open time reports" and "The Android app crashes every time I open the Gantt
#: view": 0.74), or from this share of words in common (the same request for two companies' names,
#: which the embedding tells apart: 0.55).
QUESTIONS = 5
SAME_QUESTION_FROM = 0.7
SAME_WORDS_FROM = 0.6
WORD = re.compile(r"[^\W\d_]{3,}")
EXAMPLES = 3
ASKED = "## What customers ask"
ANSWERED = "## What agents answered"
EXAMPLES_HEADING = "## Example conversations"
#: A first line that only greets ("Hi Anna,", "Hallo Herr Berger, danke für Ihre Nachricht.").
GREETING_LINE = re.compile(r"^(hi|hello|hey|dear|hallo|guten (tag|morgen|abend)|liebe|lieber|moin)\b", re.I)
#: A short line that starts the sign-off ("Best,", "Sonnige Grüße aus dem Team"): it and what follows
#: are no answer.
SIGN_OFF = re.compile(
    r"^(best|cheers|thanks|thank you|many thanks|lg|danke)\b|\b(regards|grüße|grüßen|gruß)\b", re.I
)
SIGN_OFF_WORDS = 6
DRAFTS = pa.schema(
    [
        ("topic_id", pa.int64()),
        ("action", pa.string()),
        ("file", pa.string()),
        ("questions", pa.list_(pa.string())),
        ("steps", pa.list_(pa.string())),
        (
            "examples",
            pa.list_(
                pa.struct([("source", pa.string()), ("conversation_id", pa.string()), ("url", pa.string())])
            ),
        ),
        ("markdown", pa.string()),
    ]
)


@dataclass(frozen=True)
class Draft:
    """The draft of one topic's article."""

    topic_id: int
    action: str | None
    label: str
    questions: tuple[str, ...]
    steps: tuple[str, ...]
    #: ``(source, conversation_id, url)``; url only when it is an http(s) link.
    examples: tuple[tuple[str, str, str | None], ...]
    file: str
    article_title: str | None = None

    @property
    def markdown(self) -> str:
        """The draft as Markdown: the label, a note, and the three fixed sections."""
        what = f"update “{_safe(self.article_title)}”" if self.action == "update" else "a new article"
        lines = [
            f"# {_safe(self.label)}",
            "",
            f"> Draft for {what}, taken from the topic's conversations; edit before publishing.",
            "",
            ASKED,
            "",
            *(f"- {_safe(question)}" for question in self.questions),
            "",
            ANSWERED,
            "",
            *([_safe(step) for step in self.steps] or ["_No agent answer in these conversations._"]),
            "",
            EXAMPLES_HEADING,
            "",
            *(
                f"- [{_safe(source)}/{_safe(conversation)}]({url})"
                if url
                else f"- {_safe(source)}/{_safe(conversation)}"
                for source, conversation, url in self.examples
            ),
        ]
        return "\n".join(lines) + "\n"


def http_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else None (so a ``javascript:`` link is never shown)."""
    return url if url and urlsplit(url).scheme.lower() in {"http", "https"} else None


def _safe(text: str | None) -> str:
    """``text`` with HTML neutralised (``<`` as ``&lt;``), so no viewer runs or hides it."""
    return html.escape(text or "", quote=False)


def _answer_lines(answer: str) -> list[str]:
    """The lines of an agent's answer without its greeting and sign-off, particulars generalised."""
    lines = [line.strip() for line in answer.splitlines()]
    while lines and (not lines[0] or (GREETING_LINE.match(lines[0]) and len(lines) > 1)):
        lines.pop(0)
    for index, line in enumerate(lines):
        if index and SIGN_OFF.search(line) and len(line.split()) <= SIGN_OFF_WORDS:
            lines = lines[:index]
            break
    return [generalised(line) for line in lines if line]


def _words(text: str) -> frozenset[str]:
    return frozenset(word.lower() for word in WORD.findall(text))


def _distinct_questions(candidates: list[str], vectors: np.ndarray) -> tuple[str, ...]:
    """Up to ``QUESTIONS`` of ``candidates``, the most typical first, no two of one language asking the
    same, both languages taking turns where both are asked."""
    order = np.argsort(-(vectors @ vectors.mean(axis=0)), kind="stable")
    told = languages(candidates)
    words = [_words(candidate) for candidate in candidates]

    def same(row: int, other: int) -> bool:
        if told[row] != told[other]:
            return False
        shared = len(words[row] & words[other]) / max(len(words[row] | words[other]), 1)
        return float(vectors[row] @ vectors[other]) >= SAME_QUESTION_FROM or shared >= SAME_WORDS_FROM

    chosen: list[int] = []
    while len(chosen) < QUESTIONS:
        open_rows = [
            row for row in order if row not in chosen and not any(same(row, other) for other in chosen)
        ]
        if not open_rows:
            break
        seen = [told[row] for row in chosen]
        chosen.append(min(open_rows, key=lambda row: seen.count(told[row])))
    return tuple(candidates[row] for row in chosen)


def _representative(answers: list[str], vectors: np.ndarray) -> str:
    return answers[int(np.argmax(vectors @ vectors.mean(axis=0)))]


def build_drafts(topics: Sequence[dict[str, Any]], sources: Sequence[dict[str, Any]]) -> list[Draft]:
    """A draft per topic of ``topics`` (rows of audit_topics) that has rows in ``sources``.

    ``sources`` are the rows of ``draft_sources.sql``: per topic its most typical conversations, each
    with its first customer message, its longest agent message and whether it was answered.
    """
    by_topic: dict[int, list[dict[str, Any]]] = {}
    for row in sources:
        by_topic.setdefault(row["topic_id"], []).append(row)
    questions = {
        topic: list(dict.fromkeys(short_question(row["question"]) for row in rows if row["question"]))
        for topic, rows in by_topic.items()
    }
    answers = {
        topic: list(dict.fromkeys(row["answer"] for row in rows if row["answered"] and row["answer"]))
        for topic, rows in by_topic.items()
    }
    texts = [text for found in (*questions.values(), *answers.values()) for text in found]
    vectors = dict(zip(texts, embed(texts), strict=True))
    drafts = []
    for topic in topics:
        rows = by_topic.get(topic["topic_id"])
        if not rows:
            continue
        asked = [question for question in questions[topic["topic_id"]] if question]
        given = answers[topic["topic_id"]]
        drafts.append(
            Draft(
                topic_id=topic["topic_id"],
                action=topic["action"],
                label=topic["label"],
                questions=_distinct_questions(asked, np.array([vectors[text] for text in asked]))
                if asked
                else (),
                steps=tuple(
                    _answer_lines(_representative(given, np.array([vectors[text] for text in given])))
                )
                if given
                else (),
                examples=tuple(
                    (row["source"], row["conversation_id"], http_url(row["url"])) for row in rows[:EXAMPLES]
                ),
                file=f"topic-{topic['topic_id']:03d}.md",
                article_title=topic["article_title"],
            )
        )
    return drafts


def drafts_table(drafts: Sequence[Draft]) -> pa.Table:
    """The drafts as the rows of ``audit_drafts``."""
    return pa.Table.from_pylist(
        [
            {
                "topic_id": draft.topic_id,
                "action": draft.action,
                "file": draft.file,
                "questions": list(draft.questions),
                "steps": list(draft.steps),
                "examples": [
                    {"source": source, "conversation_id": conversation, "url": url}
                    for source, conversation, url in draft.examples
                ],
                "markdown": draft.markdown,
            }
            for draft in drafts
        ],
        schema=DRAFTS,
    )


def write_drafts(drafts: Sequence[Draft], folder: Path) -> None:
    """Write each draft to ``folder`` (created), removing the drafts of an earlier audit."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("topic-*.md"):
        stale.unlink()
    for draft in drafts:
        (folder / draft.file).write_text(draft.markdown, encoding="utf-8")
