"""The package's layers hold: every import of every module, inside functions too, goes down the layers.

The layers are declared here and only here; the README's "Layout" draws the same picture. (import-linter's
layers contract was tried first: its graph library, grimp 3.20, missed a ``from fern_pipeline.demo import
summary`` in about half of its runs on this package, so the check is done from the ``ast``, which does not.)
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "fern_pipeline"

#: Top to bottom. A module may import from its own layer and the layers below, never from one above.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("faces", frozenset({"cli", "definitions", "defs", "components"})),
    ("operations", frozenset({"privacy", "demo"})),
    ("audit", frozenset({"audit"})),
    ("warehouse", frozenset({"store"})),
    ("ingestion", frozenset({"ingest"})),
    ("configuration", frozenset({"config"})),
    ("basics", frozenset({"errors", "redact", "tables", "markdown", "sqlfiles", "cron"})),
)
LEVEL = {part: len(LAYERS) - index for index, (_, parts) in enumerate(LAYERS) for part in parts}
LAYER_OF = {part: name for name, parts in LAYERS for part in parts}


def top_part(path: Path, package: Path) -> str:
    """The folder or top-level module of ``package`` that ``path`` belongs to (``config``, ``cli``)."""
    return path.relative_to(package).parts[0].removesuffix(".py")


def imported_parts(path: Path, package: Path) -> Iterator[tuple[int, str]]:
    """``(line, part)`` for every import of the package in ``path``, wherever it stands in the module."""
    module = path.relative_to(package.parent).with_suffix("").parts
    if module[-1] == "__init__":
        module = module[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name.split(".") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = (
                list(module[: len(module) - node.level + (path.name == "__init__.py")]) if node.level else []
            )
            base += node.module.split(".") if node.module else []
            names = [[*base, alias.name] for alias in node.names]
        else:
            continue
        for name in names:
            if name[0] == package.name and len(name) > 1:
                yield node.lineno, name[1]


def upward_imports(package: Path) -> list[str]:
    """Every import in ``package`` that reaches a layer above its module's, and every unplaced part."""
    found = []
    for path in sorted(package.rglob("*.py")):
        own = top_part(path, package)
        if own not in LEVEL:
            found.append(f"{path.relative_to(package)}: {own} is in no layer")
            continue
        for line, part in imported_parts(path, package):
            if part in LEVEL and LEVEL[part] > LEVEL[own]:
                where = f"{path.relative_to(package)}:{line}"
                found.append(f"{where}: {LAYER_OF[own]} ({own}) imports {LAYER_OF[part]} ({part})")
    return found


def test_every_import_in_the_package_goes_down_the_layers() -> None:
    assert upward_imports(PACKAGE) == []


def test_every_part_of_the_package_is_in_a_layer() -> None:
    parts = {top_part(path, PACKAGE) for path in PACKAGE.rglob("*.py")}
    assert parts == set(LEVEL)


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "fern_pipeline"
    for path in PACKAGE.rglob("*.py"):
        target = copy / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    return copy


@pytest.mark.parametrize(
    ("module", "upward", "expected"),
    [
        (
            "config/project.py",
            "def _later() -> None:\n    from fern_pipeline.demo import summary\n",
            "config/project.py:{line}: configuration (config) imports operations (demo)",
        ),
        (
            "ingest/prepare.py",
            "import fern_pipeline.store.load\n",
            "ingest/prepare.py:{line}: ingestion (ingest) imports warehouse (store)",
        ),
        (
            "store/load.py",
            "from ..audit import build\n",
            "store/load.py:{line}: warehouse (store) imports audit (audit)",
        ),
        (
            "errors.py",
            "from fern_pipeline import config\n",
            "errors.py:{line}: basics (errors) imports configuration (config)",
        ),
    ],
    ids=["inside-a-function", "module-level", "relative", "basics-to-config"],
)
def test_an_upward_import_is_found(tmp_path: Path, module: str, upward: str, expected: str) -> None:
    copy = _copy(tmp_path)
    target = copy / module
    text = target.read_text(encoding="utf-8")
    target.write_text(text + "\n\n" + upward, encoding="utf-8")
    line = len((text + "\n\n" + upward).splitlines())
    assert upward_imports(copy) == [expected.format(line=line)]


def test_a_new_top_level_module_must_be_given_a_layer(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    (copy / "helpers.py").write_text('"""Unplaced."""\n', encoding="utf-8")
    assert upward_imports(copy) == ["helpers.py: helpers is in no layer"]
