"""``python -m fern_pipeline.cli``: the ``fern-pipeline`` command."""

from fern_pipeline.cli import run

run()
