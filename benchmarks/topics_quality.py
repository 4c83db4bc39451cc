"""How well the audit's topics and themes match labelled questions, beside groupings told the true number.

Run from the repository root: ``.venv/bin/python -m benchmarks.topics_quality [--sweep]``.
Sets: CLINC150's 4,500 in-scope test questions (150 intents in 10 domains; Larson et al., EMNLP 2019,
CC BY 3.0), the generated hierarchical set (5 subjects of 4 problems, English and German) and the
generated flat set (6 subjects). Per set: the audit's topics with default settings (``fit_topics``),
and k-means and Ward's method on the same sentence vectors, each told the true number of intents or
problems: what the vectors tell apart when the number is known; and the pairs of topics that split one intent
against those of neighbouring ones, by how similar their centres are (``split_pairs``). ``--sweep``
prints the figures for other topic and theme distances, the table the defaults were chosen from.
"""

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score

from fern_pipeline.audit import grouping
from fern_pipeline.audit.embedding import embed
from fern_pipeline.audit.topics import fit_topics
from fern_pipeline_tests.audit.hierarchical import hierarchical_questions
from fern_pipeline_tests.audit.labelled import labelled_questions
from fern_pipeline_tests.audit.scores import best_f1

CLINC = Path(__file__).parent.parent / "fern_pipeline_tests" / "data" / "clinc150"

#: A set: texts, fine labels (intent or problem), coarse labels (domain or subject).
LabelledSet = tuple[list[str], list[str], list[str]]


def clinc() -> LabelledSet:
    """CLINC150's in-scope test questions, their intents and their domains."""
    test = json.loads((CLINC / "test.json").read_text())["test"]
    domains = json.loads((CLINC / "domains.json").read_text())
    domain_of = {intent: domain for domain, intents in domains.items() for intent in intents}
    return (
        [text for text, _ in test],
        [intent for _, intent in test],
        [domain_of[intent] for _, intent in test],
    )


def hierarchical() -> LabelledSet:
    rows = hierarchical_questions(1_000)
    return [row[0] for row in rows], [f"{row[1]}/{row[2]}" for row in rows], [row[1] for row in rows]


def flat() -> LabelledSet:
    texts, subjects = labelled_questions(per_topic=40)
    return texts, subjects, subjects


def figures(fine: list[str], coarse: list[str], topics: np.ndarray, themes: np.ndarray | None) -> str:
    f1 = best_f1(fine, topics)
    nmi = normalized_mutual_info_score(fine, topics)
    line = (
        f"topics {len(set(topics.tolist()) - {-1}):4d}  NMI {nmi:.3f}  "
        f"F1 mean {f1.mean():.3f} worst {f1.min():.3f} >=0.5 {(f1 >= 0.5).mean():.0%}  "
        f"other {(topics < 0).mean():.1%}"
    )
    if themes is not None:
        theme_f1 = best_f1(coarse, themes)
        theme_nmi = normalized_mutual_info_score(coarse, themes)
        line += f"  themes {len(set(themes.tolist()) - {-1}):3d} NMI {theme_nmi:.3f} F1 {theme_f1.mean():.3f}"
    return line


#: The sets by name, each made on call.
SETS: dict[str, Callable[[], LabelledSet]] = {"CLINC150": clinc, "hierarchical": hierarchical, "flat": flat}


def told_the_number(vectors: np.ndarray, fine: list[str]) -> np.ndarray:
    """k-means on ``vectors`` given the true number of labels: what they tell apart when it is known."""
    return KMeans(n_clusters=len(set(fine)), n_init=4, random_state=7).fit_predict(vectors)


def ward_told_the_number(vectors: np.ndarray, fine: list[str]) -> np.ndarray:
    """Ward's method on ``vectors`` cut at the true number of labels: compact groups, no "other" at all."""
    return fcluster(linkage(vectors.astype(np.float64), "ward"), len(set(fine)), "maxclust") - 1


def defaults(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each text's topic and theme as the audit finds them with default settings (-1: other)."""
    model = fit_topics(texts)
    assert model is not None
    topics, _ = model.assign(texts)
    theme_of = np.array([topic.theme for topic in model.topics] + [-1])
    other = model.other
    themes = theme_of[topics]
    if other is not None:
        themes[topics == other] = -1
        topics = np.where(topics == other, -1, topics)
    return topics, themes


def with_distances(vectors: np.ndarray, topic: float, theme: float) -> tuple[np.ndarray, np.ndarray]:
    grouping.TOPIC_DISTANCE, grouping.THEME_DISTANCE = topic, theme
    topics = grouping.group_topics(vectors)
    count = int(topics.max()) + 1
    sums = np.zeros((count, vectors.shape[1]))
    np.add.at(sums, topics[topics >= 0], vectors[topics >= 0])
    themes_of = grouping.group_themes(sums, np.bincount(topics[topics >= 0], minlength=count))
    return topics, np.where(topics >= 0, themes_of[np.maximum(topics, 0)], -1)


def split_pairs(vectors: np.ndarray, fine: list[str], topics: np.ndarray) -> str:
    """Pairs of topics whose texts mostly share an intent or problem (a split one) against pairs that do
    not (neighbours), counted above each similarity of their centres: where the counts are alike, no rule
    on these vectors joins a split intent's topics without joining neighbours.
    """
    count = int(topics.max()) + 1
    labels = np.asarray(fine)
    majority = np.array([Counter(labels[topics == topic]).most_common(1)[0][0] for topic in range(count)])
    centres = np.zeros((count, vectors.shape[1]))
    np.add.at(centres, topics[topics >= 0], vectors[topics >= 0])
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    first, second = np.triu_indices(count, k=1)
    similarity = np.einsum("ij,ij->i", centres[first], centres[second])
    same = majority[first] == majority[second]
    return "  ".join(
        f">= {at}: {(same & (similarity >= at)).sum()} split, {(~same & (similarity >= at)).sum()} neighbours"
        for at in (0.45, 0.5, 0.55, 0.6)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="also print other topic and theme distances")
    arguments = parser.parse_args()
    for name, make in SETS.items():
        texts, fine, coarse = make()
        started = time.perf_counter()
        topics, themes = defaults(texts)
        elapsed = time.perf_counter() - started
        print(f"{name:12s} defaults ({elapsed:.0f} s)  {figures(fine, coarse, topics, themes)}")
        vectors = embed(texts)
        told = told_the_number(vectors, fine)
        print(f"{name:12s} k-means, told {len(set(fine))}  {figures(fine, coarse, told, None)}")
        ward = ward_told_the_number(vectors, fine)
        print(f"{name:12s} Ward, told {len(set(fine))}  {figures(fine, coarse, ward, None)}")
        grouped, _ = with_distances(vectors, grouping.TOPIC_DISTANCE, grouping.THEME_DISTANCE)
        print(f"{name:12s} topic pairs by centre similarity  {split_pairs(vectors, fine, grouped)}")
        if arguments.sweep:
            topic_default, theme_default = grouping.TOPIC_DISTANCE, grouping.THEME_DISTANCE
            for topic in (0.45, 0.5, 0.55, 0.6):
                for theme in (0.65, 0.7, 0.75, 0.8):
                    found = with_distances(vectors, topic, theme)
                    print(f"{name:12s} topic {topic} theme {theme}  {figures(fine, coarse, *found)}")
            grouping.TOPIC_DISTANCE, grouping.THEME_DISTANCE = topic_default, theme_default


if __name__ == "__main__":
    main()
