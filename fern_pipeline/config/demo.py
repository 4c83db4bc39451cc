"""Where the built-in demo project's files lie: one JSON export per demo source, its help center and
its categories.

They are data shipped in the package (under ``fern_pipeline/demo/``, written by the demo's generator);
the configuration only points at them, so a fresh install runs with no set-up.
"""

from pathlib import Path

DEMO_FILES = Path(__file__).parents[1] / "demo"
DEMO_DATA = DEMO_FILES / "data"
#: The demo help center: one Markdown article per file.
DEMO_HELP_CENTER = DEMO_FILES / "help_center"

#: One JSON export per demo source, named after the source.
DEMO_PAYLOADS: tuple[Path, ...] = tuple(sorted(DEMO_DATA.glob("*.json")))
#: The demo's own categories for the audit's themes, as a team writes ``audit.themes``.
DEMO_CATEGORIES = DEMO_FILES / "categories.yaml"
