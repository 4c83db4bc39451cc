"""Topics and themes: conversations grouped by what the customer asks, by meaning, whatever the language."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from fern_pipeline.audit.embedding import clean, embed
from fern_pipeline.audit.grouping import group
from fern_pipeline.audit.keywords import TOKEN_PATTERN, keywords_by_language, short_question, stop_words
from fern_pipeline.config import ThemeCategory

#: Most distinct texts embedded to find the topics; every other text is assigned by its words.
EMBED_SAMPLE = 10_000
#: The label of the topic of questions asked too rarely to make a topic of their own.
OTHER_LABEL = "Other: questions asked once or twice"
OTHER_THEME_LABEL = "Other"
#: Keywords per language in a discovered theme's label.
THEME_LABEL_WORDS = 3

Keywords = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Topic:
    """One question customers keep asking: the question nearest its centre, and its keywords per language."""

    label: str
    #: ``(language, keywords)`` per language the topic's questions are asked in (``en``, ``de``).
    keywords: Keywords
    #: Its theme (index into ``TopicModel.themes``).
    theme: int = 0
    #: True for the one topic of questions asked too rarely to be a topic ("other").
    is_other: bool = False

    @property
    def all_keywords(self) -> tuple[str, ...]:
        """The keywords of every language, in order, each once (``app`` is English and German)."""
        return tuple(dict.fromkeys(word for _, words in self.keywords for word in words))


@dataclass(frozen=True)
class Theme:
    """A handful of related topics, for the overview: found from the data, or a team's category."""

    label: str
    keywords: Keywords
    #: Its topics (indexes into ``TopicModel.topics``), largest first.
    topics: tuple[int, ...]
    #: ``discovered`` from the data, a team's ``category`` (``audit.themes``), or ``other``.
    kind: Literal["discovered", "category", "other"] = "discovered"

    @property
    def all_keywords(self) -> tuple[str, ...]:
        """The keywords of every language, in order, each once."""
        return tuple(dict.fromkeys(word for _, words in self.keywords for word in words))


@dataclass(frozen=True)
class TopicModel:
    """Topics and themes found on the embedded texts, and how any other text is assigned to a topic.

    An embedded text keeps its topic; any other goes to the topic whose texts' words it shares most
    (the nearest centre of TF-IDF vectors), as embedding every text of a large window takes too long.
    """

    topics: tuple[Topic, ...]
    themes: tuple[Theme, ...]
    #: The embedded texts (unit vectors) and each one's topic (index into ``topics``).
    sample_vectors: np.ndarray
    sample_topics: np.ndarray
    #: The topic of each embedded text and its similarity to the topic's centre, by text as embedded.
    known: dict[str, tuple[int, float]]
    vectorizer: TfidfVectorizer
    #: Per topic other than "other", the unit centre of its texts' TF-IDF vectors (topics by terms).
    word_centres: sparse.csr_matrix
    #: The topic index of each row of ``word_centres``.
    word_topics: np.ndarray

    @property
    def other(self) -> int | None:
        """The index of the "other" topic, if there is one."""
        return next((index for index, topic in enumerate(self.topics) if topic.is_other), None)

    def assign(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Topic index per text (-1 when it has no word to go by) and how near the topic it is (0 to 1)."""
        cleaned = [clean(text) for text in texts]
        topic = np.full(len(texts), -1, dtype=np.int64)
        score = np.zeros(len(texts))
        for row, text in enumerate(cleaned):
            if text in self.known:
                topic[row], score[row] = self.known[text]
        unknown = np.flatnonzero(topic < 0)
        if len(unknown):
            tfidf = self.vectorizer.transform([cleaned[row] for row in unknown])
            rows = unknown[tfidf.getnnz(axis=1) > 0]
            if len(rows) and len(self.word_topics):
                similarity = (tfidf[tfidf.getnnz(axis=1) > 0] @ self.word_centres.T).toarray()
                topic[rows] = self.word_topics[similarity.argmax(axis=1)]
                score[rows] = similarity.max(axis=1)
            elif len(rows):
                topic[rows] = 0
        return topic, np.clip(score, 0.0, 1.0)

    def members(self, topic: int) -> np.ndarray:
        """The embedded vectors of ``topic``."""
        return self.sample_vectors[self.sample_topics == topic]


def _vectorizer(documents: int) -> TfidfVectorizer:
    return TfidfVectorizer(
        lowercase=True,
        token_pattern=TOKEN_PATTERN,
        stop_words=sorted(stop_words()),
        ngram_range=(1, 2),
        min_df=2 if documents >= 50 else 1,
        max_features=50_000,
        sublinear_tf=True,
        dtype=np.float32,
    )


def _word_centres(tfidf: sparse.csr_matrix, labels: np.ndarray, count: int) -> sparse.csr_matrix:
    """Per topic, the unit mean of its texts' TF-IDF rows."""
    rows = np.flatnonzero(labels >= 0)
    indicator = sparse.csr_matrix((np.ones(len(rows)), (labels[rows], rows)), shape=(count, tfidf.shape[0]))
    centres = (indicator @ tfidf).tocsr()
    norms = np.sqrt(np.asarray(centres.multiply(centres).sum(axis=1)).ravel())
    return sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ centres


def _label(texts: Sequence[str], vectors: np.ndarray, rows: np.ndarray) -> str:
    """The question nearest the centre of ``rows``, among its shorter half, shortened."""
    lengths = np.array([len(texts[row]) for row in rows])
    short = rows[lengths <= np.median(lengths)]
    return short_question(texts[short[np.argmax(vectors[short] @ vectors[rows].mean(axis=0))]])


def _keywords(found: list[tuple[str, list[str]]]) -> Keywords:
    return tuple((language, tuple(words)) for language, words in found)


def _theme_label(keywords: Keywords, largest: Topic) -> str:
    """The theme's first keywords of each language; without any, the label of its largest topic."""
    words = dict.fromkeys(word for _, found in keywords for word in found[:THEME_LABEL_WORDS])
    return ", ".join(words) if words else largest.label


def _grouped(
    vectors: np.ndarray, categories: Sequence[ThemeCategory], max_topics: int | None
) -> tuple[np.ndarray, np.ndarray]:
    """Each text's topic (-1: other) and each topic's theme (the categories first, then those discovered)."""
    examples = [example for category in categories for example in category.examples]
    owners = np.repeat(np.arange(len(categories)), [len(category.examples) for category in categories])
    labels, themes_of = group(vectors, embed(examples), owners, len(categories))
    if max_topics is not None:
        labels[labels >= max_topics] = -1
        themes_of = themes_of[:max_topics]
    discovered = themes_of >= len(categories)
    _, themes_of[discovered] = np.unique(themes_of[discovered], return_inverse=True)
    themes_of[discovered] += len(categories)
    return labels, themes_of


def fit_topics(
    texts: Sequence[str],
    *,
    max_topics: int | None = None,
    categories: Sequence[ThemeCategory] = (),
    sample: int = EMBED_SAMPLE,
) -> TopicModel | None:
    """Group ``texts`` (each conversation's customer messages) into topics and themes; None when too few.

    The first ``sample`` distinct texts with words are embedded and grouped (``grouping``); topics of
    questions asked fewer than three times form "other". With ``categories`` (the team's), each topic
    is themed by the category whose example is nearest its centre; topics near none are themed from
    the data. ``max_topics``, when given, keeps that many of the
    largest topics and moves the rest to "other". Each topic's label is its question nearest the
    centre (of the shorter half, shortened); a discovered theme's label is its first keywords.
    """
    vectorizer = _vectorizer(min(len(texts), sample))
    distinct = [text for text in dict.fromkeys(clean(text) for text in texts) if text][:sample]
    try:
        tfidf = vectorizer.fit_transform(distinct)
    except ValueError:
        return None
    distinct = [text for text, words in zip(distinct, tfidf.getnnz(axis=1) > 0, strict=True) if words]
    if len(distinct) < 2:
        return None
    tfidf = vectorizer.transform(distinct)
    vectors = embed(distinct)
    labels, themes_of = _grouped(vectors, categories, max_topics)
    count = len(themes_of)
    has_other = bool((labels < 0).any())
    inside = labels >= 0
    centres = np.zeros((count, vectors.shape[1]), dtype=np.float32)
    np.add.at(centres, labels[inside], vectors[inside])
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    similarity = np.zeros(len(distinct))
    similarity[inside] = np.einsum("ij,ij->i", vectors[inside], centres[labels[inside]])
    theme_count = max(int(themes_of.max()) + 1 if count else 0, len(categories))
    labels = np.where(inside, labels, count)
    text_themes = np.full(len(distinct), theme_count)
    text_themes[inside] = themes_of[labels[inside]]
    topic_words = keywords_by_language(distinct, labels, count + has_other)
    theme_words = keywords_by_language(distinct, text_themes, theme_count + has_other)
    topics = [
        Topic(
            label=_label(distinct, vectors, np.flatnonzero(labels == topic)),
            keywords=_keywords(topic_words[topic]),
            theme=int(themes_of[topic]),
        )
        for topic in range(count)
    ]
    themes = [
        Theme(
            label=categories[theme].name
            if theme < len(categories)
            else _theme_label(_keywords(theme_words[theme]), topics[int(np.argmax(themes_of == theme))]),
            keywords=_keywords(theme_words[theme]),
            topics=tuple(int(topic) for topic in np.flatnonzero(themes_of == theme)),
            kind="category" if theme < len(categories) else "discovered",
        )
        for theme in range(theme_count)
    ]
    if has_other:
        topics.append(Topic(label=OTHER_LABEL, keywords=(), theme=theme_count, is_other=True))
        themes.append(Theme(label=OTHER_THEME_LABEL, keywords=(), topics=(count,), kind="other"))
    return TopicModel(
        topics=tuple(topics),
        themes=tuple(themes),
        sample_vectors=vectors,
        sample_topics=labels,
        known={
            text: (int(label), float(score))
            for text, label, score in zip(distinct, labels, similarity, strict=True)
        },
        vectorizer=vectorizer,
        word_centres=_word_centres(tfidf, np.where(inside, labels, -1), count),
        word_topics=np.arange(count),
    )
