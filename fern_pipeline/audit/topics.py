"""Topics: conversations grouped by what the customer asks, by meaning, whatever the language."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import silhouette_score
from threadpoolctl import threadpool_limits

from fern_pipeline.audit.embedding import clean, embed
from fern_pipeline.audit.keywords import (
    TOKEN_PATTERN,
    keywords_by_language,
    languages,
    short_question,
    stop_words,
)

#: Most distinct texts embedded to find the topics; every other text is assigned by its words.
EMBED_SAMPLE = 2_000
MIN_TOPICS = 3
#: Fewest texts per topic when choosing how many topics there can be.
TEXTS_PER_TOPIC = 5
SEED = 7
#: Silhouettes this close to the best one count as good as it: the fewest such topics are chosen.
SILHOUETTE_TOLERANCE = 0.01
#: A cluster with this share of its texts in one language is in that language.
ONE_LANGUAGE = 0.8
#: Least similarity of the centres of an English and a German cluster that are one subject: measured,
#: one subject's halves 0.57 to 0.66 (the scale benchmark), different subjects' centres up to 0.56.
SAME_SUBJECT_FROM = 0.5


@dataclass(frozen=True)
class Topic:
    """One group of conversations: the question nearest its centre, and its keywords per language."""

    label: str
    #: ``(language, keywords)`` per language the topic's questions are asked in (``en``, ``de``).
    keywords: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def all_keywords(self) -> tuple[str, ...]:
        """The keywords of every language, in order, each once (``app`` is English and German)."""
        return tuple(dict.fromkeys(word for _, words in self.keywords for word in words))


@dataclass(frozen=True)
class TopicModel:
    """Topics found on an embedded sample, and a classifier of words that assigns any text to one.

    The sample holds both languages, so the classifier learns the words of each for the same topic.
    """

    topics: tuple[Topic, ...]
    #: The embedded sample (unit vectors) and each one's topic (index into ``topics``).
    sample_vectors: np.ndarray
    sample_topics: np.ndarray
    #: The topic of each embedded text, as embedded (cleaned).
    known: dict[str, int]
    vectorizer: TfidfVectorizer
    classifier: LogisticRegression | None

    def assign(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Topic index per text (-1 when it has no word to go by) and how sure the assignment is (0 to 1).

        A text of the embedded sample keeps its topic (sureness 1); any other is classified by its words.
        """
        cleaned = [clean(text) for text in texts]
        topic = np.full(len(texts), -1, dtype=np.int64)
        score = np.zeros(len(texts))
        known = np.array([text in self.known for text in cleaned], dtype=bool)
        topic[known] = [self.known[text] for text, hit in zip(cleaned, known, strict=True) if hit]
        score[known] = 1.0
        unknown = np.flatnonzero(~known)
        if len(unknown):
            tfidf = self.vectorizer.transform([cleaned[row] for row in unknown])
            has_words = tfidf.getnnz(axis=1) > 0
            rows = unknown[has_words]
            if len(rows) and self.classifier is None:
                topic[rows] = 0
                score[rows] = 1.0
            elif len(rows):
                probabilities = self.classifier.predict_proba(tfidf[has_words])
                best = probabilities.argmax(axis=1)
                topic[rows] = self.classifier.classes_[best]
                score[rows] = probabilities[np.arange(len(rows)), best]
        return topic, score

    def members(self, topic: int) -> np.ndarray:
        """The embedded sample's vectors of ``topic``."""
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


def _choose_clusters(vectors: np.ndarray, max_topics: int) -> np.ndarray:
    """k-means labels for the fewest topics (3 to ``max_topics``) whose clusters separate about as well as
    the best: a silhouette within ``SILHOUETTE_TOLERANCE`` of the highest.

    On the labelled set, splitting one subject in two (by meaning, in both languages) raised the
    silhouette by less than that (0.3376 to 0.3457).
    """
    most = max(1, min(max_topics, len(vectors) // TEXTS_PER_TOPIC))
    candidates: list[tuple[float, np.ndarray]] = []
    for count in range(min(MIN_TOPICS, most), most + 1):
        labels = KMeans(n_clusters=count, n_init=4, random_state=SEED).fit_predict(vectors)
        distinct = len(set(labels.tolist()))
        score = -1.0 if distinct < 2 else float(silhouette_score(vectors, labels, metric="cosine"))
        candidates.append((score, labels))
    best = max(score for score, _ in candidates)
    return next(labels for score, labels in candidates if score >= best - SILHOUETTE_TOLERANCE)


def _join_language_halves(vectors: np.ndarray, labels: np.ndarray, told: Sequence[str | None]) -> np.ndarray:
    """``labels`` with each subject that k-means split by language joined again.

    Two clusters are one subject asked in two languages when each is mostly (``ONE_LANGUAGE``) in a
    different language, each is the other's nearest cluster and their centres are similar
    (``SAME_SUBJECT_FROM``). Questions asked in one fixed wording per language form such halves.
    """
    labels = labels.copy()
    language = np.array([value or "" for value in told])
    while True:
        clusters = np.unique(labels)
        if len(clusters) < 2:
            return labels
        centres = np.stack([vectors[labels == cluster].mean(axis=0) for cluster in clusters])
        centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
        similarity = centres @ centres.T
        np.fill_diagonal(similarity, -1.0)
        nearest = similarity.argmax(axis=1)
        main = []
        for cluster in clusters:
            values, counts = np.unique(language[labels == cluster], return_counts=True)
            main.append(values[counts.argmax()] if counts.max() >= ONE_LANGUAGE * counts.sum() else "")
        pairs = [
            (first, int(second))
            for first, second in enumerate(nearest)
            if first < second
            and nearest[second] == first
            and main[first]
            and main[second]
            and main[first] != main[second]
            and similarity[first, second] >= SAME_SUBJECT_FROM
        ]
        if not pairs:
            return labels
        for first, second in pairs:
            labels[labels == clusters[second]] = clusters[first]


def _by_size(labels: np.ndarray) -> np.ndarray:
    """``labels`` renumbered so that 0 is the largest cluster (ties: the lower label first)."""
    sizes = np.bincount(labels)
    order = np.argsort(-sizes, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return rank[labels]


def fit_topics(texts: Sequence[str], *, max_topics: int, sample: int = EMBED_SAMPLE) -> TopicModel | None:
    """Group ``texts`` (each conversation's customer messages) into topics; None when there are too few.

    The first ``sample`` distinct texts with words are embedded and clustered (k-means on cosine,
    the number of topics chosen by silhouette); a classifier of words trained on them assigns the rest.
    Each topic's label is its question nearest the centre (of the shorter half, shortened).
    k-means runs on one thread: on two cores shared with other work, OpenMP's waiting threads
    made it 40 times slower.
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
    with threadpool_limits(limits=1):
        clusters = _choose_clusters(vectors, max_topics)
    labels = _by_size(_join_language_halves(vectors, clusters, languages(distinct)))
    count = int(labels.max()) + 1
    classifier = None
    if count > 1:
        classifier = LogisticRegression(C=10.0, max_iter=300, random_state=SEED).fit(tfidf, labels)
    keywords = keywords_by_language(distinct, labels, count)
    topics = []
    for topic in range(count):
        rows = np.flatnonzero(labels == topic)
        lengths = np.array([len(distinct[row]) for row in rows])
        short = rows[lengths <= np.median(lengths)]
        nearest = short[np.argmax(vectors[short] @ vectors[rows].mean(axis=0))]
        topics.append(
            Topic(
                label=short_question(distinct[nearest]),
                keywords=tuple((language, tuple(words)) for language, words in keywords[topic]),
            )
        )
    return TopicModel(
        topics=tuple(topics),
        sample_vectors=vectors,
        sample_topics=labels,
        known={text: int(label) for text, label in zip(distinct, labels, strict=True)},
        vectorizer=vectorizer,
        classifier=classifier,
    )
