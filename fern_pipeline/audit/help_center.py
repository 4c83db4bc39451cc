"""Help-center articles: read from Markdown files or a JSON URL, and matched against the topics."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import orjson
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from fern_pipeline.audit.topics import TopicModel
from fern_pipeline.config import HelpCenterConfig
from fern_pipeline.errors import FetchFailed
from fern_pipeline.ingest import fetch

#: Largest help-center document accepted from a URL.
MAX_BYTES = 64 * 1024 * 1024
URL_LINE = re.compile(r"^url:\s*(\S+)\s*$", re.IGNORECASE)


class Article(BaseModel):
    """One existing help-center article."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    title: str = Field(min_length=1)
    url: str | None = None
    text: str = ""


class HelpCenterError(Exception):
    """The help center could not be read: where, and why."""


@dataclass(frozen=True)
class Match:
    """A topic's best-matching article and how much of the topic it covers (0 to 1)."""

    article: Article | None
    coverage: float


def parse_markdown(text: str, *, name: str) -> Article:
    """An article from Markdown: ``# Title`` on the first line, an optional ``url: …`` line, then the text."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not lines[0].startswith("# ") or not lines[0][2:].strip():
        raise HelpCenterError(f"{name}: the first line must be the title, as '# Title'")
    body = lines[1:]
    url = None
    for index, line in enumerate(body):
        if not line.strip():
            continue
        match = URL_LINE.match(line)
        if match:
            url = match.group(1)
            body = body[index + 1 :]
        break
    return Article(title=lines[0][2:].strip(), url=url, text="\n".join(body).strip())


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


def match_articles(model: TopicModel, articles: Sequence[Article]) -> list[Match]:
    """Per topic, the article covering most of its keyword weight, and that share as the coverage score.

    A topic no article shares a keyword with gets no article and a coverage of 0.

    An article covers a keyword when the keyword (a word or a two-word phrase, after the same
    analysis as the conversations) occurs in its title or text.
    """
    if not articles:
        return [Match(None, 0.0) for _ in model.topics]
    vocabulary = model.vectorizer.vocabulary_
    weights = np.zeros((len(model.topics), len(vocabulary)))
    for row, topic in enumerate(model.topics):
        total = sum(topic.weights) or 1.0
        for keyword, weight in zip(topic.keywords, topic.weights, strict=True):
            weights[row, vocabulary[keyword]] = weight / total
    present = model.vectorizer.transform([f"{article.title}\n{article.text}" for article in articles]) > 0
    coverage = np.asarray((present.astype(np.float64) @ weights.T).T)
    best = coverage.argmax(axis=1)
    return [
        Match(articles[index] if coverage[row, index] > 0 else None, float(coverage[row, index]))
        for row, index in enumerate(best)
    ]
