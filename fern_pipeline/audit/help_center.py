"""Help-center articles: read from Markdown files or a JSON URL, and matched against the topics."""

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import orjson
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

from fern_pipeline.audit.embedding import embed
from fern_pipeline.config import HelpCenterConfig
from fern_pipeline.errors import FetchFailed
from fern_pipeline.ingest import fetch

#: Largest help-center document accepted from a URL.
MAX_BYTES = 64 * 1024 * 1024
#: Longest part of an article compared with the questions, in characters (a paragraph, or a piece of one).
CHUNK_CHARS = 300
#: Least similarity (cosine of the embeddings) at which an article's part answers a question; on the
#: labelled set 88 % of questions are that similar to their right article, 1 % to any other.
ANSWERS_FROM = 0.3
#: Coverage (the share of a topic's questions its article answers) below which a topic needs an article
#: written; from ``COVERED_FROM`` on its article covers it; in between, the article needs an update.
WRITE_BELOW = 0.35
COVERED_FROM = 0.7
URL_LINE = re.compile(r"^url:\s*(\S+)\s*$", re.IGNORECASE)
UPDATED_LINE = re.compile(r"^updated:\s*(\S+)\s*$", re.IGNORECASE)


class Article(BaseModel):
    """One existing help-center article."""

    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)

    title: str = Field(min_length=1)
    url: str | None = None
    text: str = ""
    #: When it was last updated (``updatedAt`` in JSON, an ``updated:`` line in Markdown); UTC if no zone.
    updated: datetime | None = Field(default=None, alias="updatedAt")

    @field_validator("updated")
    @classmethod
    def _in_utc(cls, updated: datetime | None) -> datetime | None:
        if updated is None:
            return None
        return updated.replace(tzinfo=UTC) if updated.tzinfo is None else updated.astimezone(UTC)


class HelpCenterError(Exception):
    """The help center could not be read: where, and why."""


@dataclass(frozen=True)
class Match:
    """A topic's best-matching article and how much of the topic it covers (0 to 1)."""

    article: Article | None
    coverage: float


def parse_markdown(text: str, *, name: str) -> Article:
    """An article from Markdown: ``# Title`` on the first line, optional ``url: …`` and ``updated: …``
    (an ISO 8601 date) lines, then the text."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not lines[0].startswith("# ") or not lines[0][2:].strip():
        raise HelpCenterError(f"{name}: the first line must be the title, as '# Title'")
    body = lines[1:]
    found: dict[str, str] = {}
    while body and (not body[0].strip() or URL_LINE.match(body[0]) or UPDATED_LINE.match(body[0])):
        line = body.pop(0)
        for key, pattern in (("url", URL_LINE), ("updatedAt", UPDATED_LINE)):
            if match := pattern.match(line):
                found[key] = match.group(1)
    try:
        return Article.model_validate(
            {"title": lines[0][2:].strip(), **found, "text": "\n".join(body).strip()}
        )
    except ValidationError as error:
        raise HelpCenterError(f"{name}: {error.errors()[0]['msg']}") from None


def _articles_json(body: bytes, *, url: str) -> list[Article]:
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise HelpCenterError(f"{url}: not valid JSON: {error}") from None
    if isinstance(document, dict):
        document = document.get("articles")
    try:
        return TypeAdapter(list[Article]).validate_python(document)
    except ValidationError as error:
        first = error.errors()[0]
        where = "/" + "/".join(str(part) for part in first["loc"])
        raise HelpCenterError(
            f"{url}: expected a list of articles (or {{'articles': [...]}}) with title, url and text; "
            f"at {where}: {first['msg']}"
        ) from None


def load_articles(config: HelpCenterConfig | None) -> tuple[Article, ...]:
    """The configured articles; none without a help center. Raises HelpCenterError saying what is wrong."""
    if config is None:
        return ()
    if config.path is not None:
        if not config.path.is_dir():
            raise HelpCenterError(f"help_center.path {config.path} is not a folder")
        return tuple(
            parse_markdown(path.read_text(encoding="utf-8"), name=str(path))
            for path in sorted(config.path.glob("*.md"))
        )
    assert config.url is not None
    try:
        fetched = fetch(config.url, headers={}, timeout=config.timeout, max_bytes=MAX_BYTES)
    except FetchFailed as failure:
        raise HelpCenterError(f"help center: {failure.category}: {failure.message}") from None
    return tuple(_articles_json(bytes(fetched.body), url=fetched.url))


def _chunks(article: Article) -> list[str]:
    """The article's title, and its text in pieces of at most ``CHUNK_CHARS`` (paragraphs, cut at words)."""
    pieces = [
        piece
        for paragraph in re.split(r"\n\s*\n", article.text)
        for piece in textwrap.wrap(paragraph, CHUNK_CHARS)
    ]
    return [article.title, *(f"{article.title}. {piece}" for piece in pieces)]


def match_articles(questions: Sequence[np.ndarray], articles: Sequence[Article]) -> list[Match]:
    """Per topic, the article that answers most of its questions, and that share as the coverage (0 to 1).

    ``questions`` holds per topic the embedded questions it was found on (``TopicModel.members``).

    Articles and questions are compared by meaning (embedded), so a German question finds an English
    article and the other way round. An article answers a question when it is the article closest
    to it and the similarity of its closest part (title or paragraph) is at least ``ANSWERS_FROM``.
    A topic no article answers a question of gets no article and a coverage of 0.
    """
    if not articles:
        return [Match(None, 0.0) for _ in questions]
    chunks = [_chunks(article) for article in articles]
    owner = np.repeat(np.arange(len(articles)), [len(parts) for parts in chunks])
    vectors = embed([part for parts in chunks for part in parts])
    matches = []
    for members in questions:
        similarity = members @ vectors.T
        per_article = np.column_stack(
            [similarity[:, owner == article].max(axis=1) for article in range(len(articles))]
        )
        closest = per_article.argmax(axis=1)
        answered = per_article.max(axis=1) >= ANSWERS_FROM
        shares = np.bincount(closest[answered], minlength=len(articles)) / max(len(closest), 1)
        best = int(np.argmax(shares))
        matches.append(Match(articles[best] if shares[best] > 0 else None, float(shares[best])))
    return matches
