"""Sentence vectors grouped by meaning: topics by average linkage at a fixed distance, themes over them.

Nothing here depends on how many texts there are: a topic is texts whose mean pairwise cosine
distance stays under ``TOPIC_DISTANCE``, found in batches of at most ``CLUSTER_AT_ONCE`` texts so
memory stays bounded; a theme is topics whose centres are within ``THEME_DISTANCE`` on average.
"""

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist

#: Cosine distance (1 - similarity) under which average linkage merges texts into one topic. Chosen on
#: CLINC150 and the generated sets together (``benchmarks/topics_quality.py``).
TOPIC_DISTANCE = 0.55
#: Fewest texts that make a topic: smaller groups are questions asked once or twice, "other".
MIN_TOPIC_TEXTS = 3
#: Rounds of moving each text to its nearest topic centre after the clustering (k-means steps).
REFINE_ROUNDS = 3
#: Texts clustered in one go: average linkage keeps every pair's distance (6,000 texts: 144 MB).
CLUSTER_AT_ONCE = 6_000
#: Cosine distance under which average linkage merges topic centres into one theme.
THEME_DISTANCE = 0.6
#: Least similarity of a topic's centre to a team category's nearest example for the topic to be in that
#: category (measured on the hierarchical set with two plain examples per subject, ``benchmarks/``).
CATEGORY_FROM = 0.25


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def _clusters(vectors: np.ndarray, distance: float) -> np.ndarray:
    """Average-linkage clusters (0, 1, …) of ``vectors`` cut at cosine ``distance``."""
    if len(vectors) < 2:
        return np.zeros(len(vectors), dtype=np.int64)
    tree = linkage(pdist(vectors, "cosine").clip(0.0), "average")
    return fcluster(tree, distance, "distance").astype(np.int64) - 1


def _centres(vectors: np.ndarray, labels: np.ndarray, count: int) -> np.ndarray:
    sums = np.zeros((count, vectors.shape[1]), dtype=np.float64)
    np.add.at(sums, labels[labels >= 0], vectors[labels >= 0])
    return _unit(sums).astype(np.float32)


def _found(vectors: np.ndarray) -> np.ndarray:
    """Topic centres, from batches of at most ``CLUSTER_AT_ONCE`` texts not near a topic found before."""
    centres = np.zeros((0, vectors.shape[1]), dtype=np.float32)
    waiting = np.arange(len(vectors))
    while len(waiting):
        if len(centres):
            near = (vectors[waiting] @ centres.T).max(axis=1) >= 1 - TOPIC_DISTANCE
            waiting = waiting[~near]
        batch, waiting = waiting[:CLUSTER_AT_ONCE], waiting[CLUSTER_AT_ONCE:]
        if len(batch) == 0:
            break
        labels = _clusters(vectors[batch], TOPIC_DISTANCE)
        sizes = np.bincount(labels)
        kept = np.flatnonzero(sizes >= MIN_TOPIC_TEXTS)
        renumber = np.full(len(sizes), -1)
        renumber[kept] = np.arange(len(kept))
        centres = np.vstack([centres, _centres(vectors[batch], renumber[labels], len(kept))])
    return centres


def group_topics(vectors: np.ndarray) -> np.ndarray:
    """Each vector's topic (0 = the largest), or -1 for "other": asked fewer than ``MIN_TOPIC_TEXTS`` times.

    ``vectors`` are unit vectors in a fixed order (the result depends on it only through the batches).
    Clusters of at least ``MIN_TOPIC_TEXTS`` texts are topics; every text then moves to its nearest
    topic centre for ``REFINE_ROUNDS`` rounds, and one not within ``TOPIC_DISTANCE`` of any is other.
    """
    centres = _found(vectors)
    labels = np.full(len(vectors), -1, dtype=np.int64)
    for _ in range(REFINE_ROUNDS + 1):
        if len(centres) == 0:
            return labels
        similarity = vectors @ centres.T
        labels = similarity.argmax(axis=1)
        labels[similarity.max(axis=1) < 1 - TOPIC_DISTANCE] = -1
        sizes = np.bincount(labels[labels >= 0], minlength=len(centres))
        kept = np.flatnonzero(sizes >= MIN_TOPIC_TEXTS)
        renumber = np.full(len(centres) + 1, -1)
        renumber[kept] = np.arange(len(kept))
        labels = renumber[labels]
        centres = _centres(vectors, labels, len(kept))
    return by_size(labels)


def by_size(labels: np.ndarray) -> np.ndarray:
    """``labels`` renumbered so that 0 is the largest group (ties: the lower label first); -1 stays."""
    if not (labels >= 0).any():
        return labels
    sizes = np.bincount(labels[labels >= 0])
    order = np.argsort(-sizes, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return np.where(labels >= 0, rank[np.maximum(labels, 0)], -1)


def group_themes(centres: np.ndarray) -> np.ndarray:
    """Each topic centre's theme (0, 1, … by first appearance): average linkage at ``THEME_DISTANCE``."""
    labels = _clusters(centres, THEME_DISTANCE)
    _, first = np.unique(labels, return_index=True)
    order = np.argsort(first)
    rank = np.empty_like(order)
    rank[np.unique(labels)[order]] = np.arange(len(order))
    return rank[labels]


def categorize(vectors: np.ndarray, examples: np.ndarray, owners: np.ndarray, categories: int) -> np.ndarray:
    """Each vector's category (0 to ``categories`` - 1; -1 when none fits): that of its nearest example.

    ``examples`` are the categories' example questions (unit vectors), ``owners`` each one's category.
    """
    if categories == 0 or len(vectors) == 0:
        return np.full(len(vectors), -1, dtype=np.int64)
    similarity = vectors @ examples.T
    per_category = np.column_stack(
        [similarity[:, owners == index].max(axis=1) for index in range(categories)]
    )
    found = per_category.argmax(axis=1)
    found[per_category.max(axis=1) < CATEGORY_FROM] = -1
    return found


def group(
    vectors: np.ndarray, examples: np.ndarray, owners: np.ndarray, categories: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each vector's topic (0 = the largest; -1: other) and each topic's theme.

    Themes 0 to ``categories`` - 1 are the team's categories (``examples``: their example questions as
    unit vectors, ``owners``: each one's category): a topic belongs to the category of the example
    nearest its centre, when within ``CATEGORY_FROM``. Topics near none are themed from the data
    (``group_themes``), numbered from ``categories`` on, the largest first. A topic's centre, not each
    text, is compared: a conversation's own words around its question make single texts noisy.
    """
    labels = group_topics(vectors)
    count = int(labels.max()) + 1 if len(labels) else 0
    centres = _centres(vectors, labels, count)
    theme_of = categorize(centres, examples, owners, categories)
    none = np.flatnonzero(theme_of < 0)
    if len(none):
        discovered = group_themes(centres[none]) if len(none) > 1 else np.zeros(1, dtype=np.int64)
        texts = np.bincount(discovered, weights=np.bincount(labels[labels >= 0], minlength=count)[none])
        rank = np.argsort(np.argsort(-texts, kind="stable"), kind="stable")
        theme_of[none] = categories + rank[discovered]
    return labels, theme_of
