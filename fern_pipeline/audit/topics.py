"""Topics: conversations grouped by what the customer asked, in German and English, with readable labels."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfVectorizer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize
from stop_words import get_stop_words

#: Words of three or more letters (any alphabet, umlauts and ß included); digits and ids are no topic.
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{3,}\b"
#: How many conversations at most the vocabulary and the clusters are fitted on.
FIT_SAMPLE = 20_000
#: How many conversations the silhouette of each candidate number of topics is measured on.
SILHOUETTE_SAMPLE = 3_000
MIN_TOPICS = 3
SEED = 7
LABEL_TERMS = 2
KEYWORDS = 8


@cache
def stop_words() -> frozenset[str]:
    """English (scikit-learn's list) and German (the stop-words package's) stop words, and support chatter.

    Chatter (``support_chatter.txt``) is the greetings, thanks and filler of support chats in both
    languages: frequent, and never what a conversation is about.
    """
    chatter = files("fern_pipeline.audit").joinpath("support_chatter.txt").read_text(encoding="utf-8")
    return frozenset(ENGLISH_STOP_WORDS) | frozenset(get_stop_words("german")) | frozenset(chatter.split())


@cache
def _language_words() -> tuple[list[str], np.ndarray]:
    """Stop words of one language only, and +1 for German / -1 for English per word."""
    english, german = frozenset(ENGLISH_STOP_WORDS), frozenset(get_stop_words("german"))
    words = sorted((english ^ german) - {""})
    return words, np.array([1.0 if word in german else -1.0 for word in words])


def languages(texts: Sequence[str]) -> list[str | None]:
    """``de`` or ``en`` per text, by which language's stop words it uses more; None when it cannot tell."""
    words, sign = _language_words()
    counts = CountVectorizer(vocabulary=words, token_pattern=r"(?u)\b\w+\b", lowercase=True).transform(texts)
    balance = counts @ sign
    return [None if value == 0 else ("de" if value > 0 else "en") for value in balance]


@dataclass(frozen=True)
class Topic:
    """One group of conversations: a label a person reads, its keywords and their weights."""

    label: str
    keywords: tuple[str, ...]
    #: How distinctive each keyword is of the topic (same order as ``keywords``).
    weights: tuple[float, ...]


@dataclass(frozen=True)
class TopicModel:
    """A fitted grouping: the vocabulary, the reduced space, the centroids and what each topic is about."""

    vectorizer: TfidfVectorizer
    reducer: TruncatedSVD | None
    kmeans: KMeans
    topics: tuple[Topic, ...]
    #: Position of each cluster of ``kmeans`` in ``topics`` (topics are ordered by size, largest first).
    order: np.ndarray

    def assign(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Topic index per text (-1 when it has no word to go by) and its similarity to the topic."""
        tfidf = self.vectorizer.transform(texts)
        space = _project(self.reducer, tfidf)
        clusters = self.kmeans.predict(space)
        centroids = normalize(self.kmeans.cluster_centers_)
        similarity = np.einsum("ij,ij->i", space, centroids[clusters])
        empty = tfidf.getnnz(axis=1) == 0
        topic = np.where(empty, -1, self.order[clusters])
        return topic, np.where(empty, 0.0, similarity)


def _project(reducer: TruncatedSVD | None, tfidf: sp.csr_matrix) -> np.ndarray:
    """Rows of ``tfidf`` in the reduced space, each of unit length (so k-means works on cosine)."""
    reduced = tfidf if reducer is None else reducer.transform(tfidf)
    return normalize(reduced.toarray() if sp.issparse(reduced) else reduced)


def _vectorizer(documents: int) -> TfidfVectorizer:
    return TfidfVectorizer(
        lowercase=True,
        token_pattern=TOKEN_PATTERN,
        stop_words=sorted(stop_words()),
        ngram_range=(1, 2),
        min_df=2 if documents >= 20 else 1,
        max_df=0.5,
        max_features=30_000,
        sublinear_tf=True,
        dtype=np.float32,
    )


def _candidates(documents: int, max_topics: int) -> range:
    most = max(1, min(max_topics, documents // 5))
    return range(min(MIN_TOPICS, most), most + 1)


def _choose_clusters(space: np.ndarray, candidates: range) -> KMeans:
    """k-means for each candidate number of topics; the one whose clusters separate best (silhouette)."""
    best: tuple[float, KMeans] | None = None
    for count in candidates:
        kmeans = KMeans(n_clusters=count, n_init=4, random_state=SEED).fit(space)
        if count == 1 or len(set(kmeans.labels_)) < 2:
            score = -1.0
        else:
            sample = min(SILHOUETTE_SAMPLE, len(space))
            score = float(
                silhouette_score(
                    space, kmeans.labels_, metric="cosine", sample_size=sample, random_state=SEED
                )
            )
        if best is None or score > best[0] + 1e-9:
            best = (score, kmeans)
    assert best is not None
    return best[1]


def _describe(
    tfidf: sp.csr_matrix, members: np.ndarray, terms: np.ndarray, overall: np.ndarray | None
) -> Topic:
    """Label and keywords: the terms that weigh most in the topic relative to all conversations.

    With a single topic (``overall`` is None) they are simply the terms that weigh most in it.
    """
    centroid = np.asarray(tfidf[members].mean(axis=0)).ravel()
    distinctive = centroid if overall is None else centroid - overall
    chosen: list[str] = []
    weights: list[float] = []
    for index in np.argsort(-distinctive, kind="stable"):
        if distinctive[index] <= 0 or len(chosen) == KEYWORDS:
            break
        term = str(terms[index])
        words = set(term.split())
        if any(words & set(other.split()) for other in chosen):
            continue
        chosen.append(term)
        weights.append(float(distinctive[index]))
    label = " · ".join(chosen[:LABEL_TERMS]) or "no distinctive words"
    return Topic(label=label, keywords=tuple(chosen), weights=tuple(weights))


def fit_topics(texts: Sequence[str], *, max_topics: int) -> TopicModel | None:
    """Group ``texts`` (each conversation's user messages) into topics; None when there are too few words."""
    vectorizer = _vectorizer(len(texts))
    try:
        tfidf = vectorizer.fit_transform(texts)
    except ValueError:
        return None
    has_words = tfidf.getnnz(axis=1) > 0
    if has_words.sum() < 2:
        return None
    tfidf = tfidf[has_words]
    components = min(100, tfidf.shape[1] - 1, tfidf.shape[0] - 1)
    reducer = TruncatedSVD(n_components=components, random_state=SEED) if components >= 2 else None
    if reducer is not None:
        reducer.fit(tfidf)
    space = _project(reducer, tfidf)
    kmeans = _choose_clusters(space, _candidates(tfidf.shape[0], max_topics))
    sizes = np.bincount(kmeans.labels_, minlength=kmeans.n_clusters)
    by_size = np.argsort(-sizes, kind="stable")
    order = np.empty_like(by_size)
    order[by_size] = np.arange(len(by_size))
    terms = vectorizer.get_feature_names_out()
    overall = np.asarray(tfidf.mean(axis=0)).ravel() if kmeans.n_clusters > 1 else None
    topics = tuple(_describe(tfidf, kmeans.labels_ == cluster, terms, overall) for cluster in by_size)
    return TopicModel(vectorizer, reducer, kmeans, topics, order)
