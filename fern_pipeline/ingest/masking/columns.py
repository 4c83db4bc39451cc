"""Masking of Arrow text columns: only values that may hold a personal value, tested by RE2, reach Python.

Apart from :mod:`~fern_pipeline.ingest.masking.mask` so that the endpoint check, which masks the texts
it quotes but builds no rows, imports no Arrow.
"""

import pyarrow
import pyarrow.compute as pc

from fern_pipeline.ingest.masking.mask import CANDIDATE, Masker


def masked_column(
    masker: Masker, values: pyarrow.Array | pyarrow.ChunkedArray
) -> pyarrow.Array | pyarrow.ChunkedArray:
    """``values``, a text column, with every personal value replaced by ``masker``'s token."""
    if isinstance(values, pyarrow.ChunkedArray):
        return pyarrow.chunked_array([masked_column(masker, chunk) for chunk in values.chunks], values.type)
    candidates = pc.fill_null(pc.match_substring_regex(values, CANDIDATE), False)
    if not pc.any(candidates).as_py():
        return values
    masked = [masker.text(value) for value in pc.filter(values, candidates).to_pylist()]
    return pc.replace_with_mask(values, candidates, pyarrow.array(masked, values.type))
