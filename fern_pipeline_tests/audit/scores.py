"""How well found groups match labelled ones: each label's best-matching group, by F1."""

from collections.abc import Sequence

import numpy as np


def best_f1(truth: Sequence[str], found: np.ndarray) -> np.ndarray:
    """Per true label, the F1 of the found group that matches it best ("other", -1, never counts)."""
    truth_array = np.array(truth)
    scores = []
    for label in sorted(set(truth)):
        mine = truth_array == label
        best = 0.0
        for group in np.unique(found[mine]):
            if group >= 0:
                hits = (mine & (found == group)).sum()
                precision, recall = hits / (found == group).sum(), hits / mine.sum()
                best = max(best, 2 * precision * recall / (precision + recall))
        scores.append(best)
    return np.array(scores)
