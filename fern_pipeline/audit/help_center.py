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
from fern_pipeline.audit.labels import generalised
from fern_pipeline.config import HelpCenterConfig
from fern_pipeline.errors import FetchFailed
from fern_pipeline.ingest.fetch import fetch

#: Largest help-center document accepted from a URL.
MAX_BYTES = 64 * 1024 * 1024
#: Longest part of an article compared with the questions, in characters (a paragraph, or a piece of one).
CHUNK_CHARS = 300
#: How well an article fits a topic: the mean, over the topic's questions, of the similarity (cosine of
#: the embeddings) of each to the article's closest part (title, paragraph or sentence). An article
#: answers a topic when it fits best and either fits it from ``ANSWERS_FROM`` on, or fits it from
#: ``CLEAR_FROM`` on and ``LEAD`` more than any other article does (a short article, or one in the other
#: language, that nothing else comes near). Chosen with ``benchmarks/coverage.py`` on four labelled
#: sets (the problems of ``coverage_labelled.py`` and of ``hierarchical.py`` with their help centers of
#: neighbours' articles and overview pages, the first labelled set per subject and language, the
#: demo's situations) as the values with the most right gap actions and no article named that does not
#: answer: 12 of 12, 19 of 20, 12 of 12 and 53 of 61. Questions are compared with their particulars
#: generalised (``embed_questions``): an order number or a street name only adds noise.
ANSWERS_FROM = 0.41
CLEAR_FROM = 0.30
LEAD = 0.10
#: Least similarity at which a question counts as answered by its topic's article (which must also be
#: the article closest to it): a floor under which no part of any article is about the question.
QUESTION_FROM = 0.3
#: Coverage (the share of a topic's questions its article answers) from which the topic is covered; a
#: topic with an answering article below it needs that article updated, one without needs one written.
COVERED_FROM = 0.7
#: Where a sentence ends: after ``.``, ``!``, ``?`` or ``:`` and white space.
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
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
    """A topic's article (the one that answers it, if any) and how much of the topic it covers (0 to 1).

    ``closest`` is the article nearest the topic when none answers it but one comes near (a fit of
    ``QUESTION_FROM`` or more): shown apart, never as the answer.
    """

    article: Article | None
    coverage: float
    closest: Article | None = None


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


def chunks(article: Article) -> list[str]:
    """The parts of an article compared with questions: its title, its paragraphs (in pieces of at most
    ``CHUNK_CHARS``, cut at words) and each of their sentences, each after the title.

    A question is often answered by one sentence ("Seats added during a billing period are charged pro
    rata"), which a whole paragraph about other things dilutes.
    """
    paragraphs = [paragraph.strip() for paragraph in re.split(r"\n\s*\n", article.text) if paragraph.strip()]
    pieces = [piece for paragraph in paragraphs for piece in textwrap.wrap(paragraph, CHUNK_CHARS)]
    sentences = [
        sentence for paragraph in paragraphs for sentence in SENTENCE_END.split(paragraph) if sentence
    ]
    return list(
        dict.fromkeys([article.title, *(f"{article.title}. {part}" for part in (*pieces, *sentences))])
    )


def embed_questions(questions: Sequence[str]) -> np.ndarray:
    """The questions embedded for comparison with articles, their particulars (``BF-482913``) as ``…``."""
    return embed([generalised(question) for question in questions])


def answers(fit: np.ndarray) -> bool:
    """Whether the article of highest ``fit`` (one value per article) answers the topic."""
    ranked = np.sort(fit)[::-1]
    lead = ranked[0] - (ranked[1] if len(ranked) > 1 else 0.0)
    return bool(ranked[0] >= ANSWERS_FROM or (ranked[0] >= CLEAR_FROM and lead >= LEAD))


def match_articles(questions: Sequence[np.ndarray], articles: Sequence[Article]) -> list[Match]:
    """Per topic, the article that answers it (or none), and the share of its questions it answers.

    ``questions`` holds per topic its embedded questions (the first messages of its typical conversations).

    Articles and questions are compared by meaning (embedded), so a German question finds an English
    article and the other way round. A question's similarity to an article is that of the article's
    closest part (title or paragraph). The article that fits the topic best (highest mean similarity
    over its questions) answers it when it fits well (``ANSWERS_FROM``), or fairly well and clearly
    better than any other (``CLEAR_FROM``, ``LEAD``): an overview page that names the problem in passing,
    or the article of a neighbouring problem, does neither. The coverage is the
    share of the topic's questions that this article is the closest article to, at ``QUESTION_FROM`` or
    more. A topic no article answers has no article, a coverage of 0, and its closest article apart
    where that comes near.
    """
    if not articles:
        return [Match(None, 0.0) for _ in questions]
    matches = []
    for per_article in similarities(questions, articles):
        if len(per_article) == 0:
            matches.append(Match(None, 0.0))
            continue
        fit = per_article.mean(axis=0)
        best = int(np.argmax(fit))
        if not answers(fit):
            matches.append(Match(None, 0.0, closest=articles[best] if fit[best] >= QUESTION_FROM else None))
            continue
        answered = (per_article.argmax(axis=1) == best) & (per_article[:, best] >= QUESTION_FROM)
        matches.append(Match(articles[best], float(answered.mean())))
    return matches


def similarities(questions: Sequence[np.ndarray], articles: Sequence[Article]) -> list[np.ndarray]:
    """Per topic, questions by articles: each question's similarity to each article's closest part."""
    parts = [chunks(article) for article in articles]
    owner = np.repeat(np.arange(len(articles)), [len(found) for found in parts])
    vectors = embed([part for found in parts for part in found])
    return [
        np.column_stack([(members @ vectors[owner == index].T).max(axis=1) for index in range(len(articles))])
        if len(members)
        else np.zeros((0, len(articles)))
        for members in questions
    ]
