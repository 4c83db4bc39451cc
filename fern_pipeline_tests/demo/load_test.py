"""Tests of the demo's content files: read strictly, wrong keys named, links and packaging consistent."""

import shutil
import tomllib
from collections.abc import Callable
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest
import yaml

from fern_pipeline.demo.generate import ARTICLES, SOURCES
from fern_pipeline.demo.helpdesk import HelpdeskWords, helpdesk_slots
from fern_pipeline.demo.load import CONTENT, load_articles, load_common, load_source

PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"
HELP_CENTER = "https://help.example.com/"

Edit = Callable[[Any], None]


def _first_follow_up(data: Any) -> Any:
    return data["topics"]["password_reset"]["scenarios"][0]["en"]["follow_ups"][0]


def _load_helpdesk(folder: Path) -> None:
    load_source("helpdesk", HelpdeskWords, helpdesk_slots, load_common(folder), folder)


#: Each case: the file, how it is spoiled, and what the error must name besides the file.
SPOILED: dict[str, tuple[str, Edit, tuple[str, ...]]] = {
    "unknown key in a follow-up": (
        "helpdesk.yaml",
        lambda data: _first_follow_up(data).update(answr="Typo."),
        ("topics.password_reset.scenarios.0.en.follow_ups.0.answr", "Unexpected keyword argument"),
    ),
    "unknown defect": (
        "helpdesk.yaml",
        lambda data: data["defects"].update({"hd-10021": "robot_role"}),
        ("defects.hd-10021", "bot_role"),
    ),
    "unknown language": (
        "helpdesk.yaml",
        lambda data: data["voice"]["greeting"].update(fr=["Bonjour {name},"]),
        ("voice.greeting.fr",),
    ),
    "a number where a text belongs": (
        "helpdesk.yaml",
        lambda data: data["words"]["plans"].__setitem__(0, 1),
        ("under words", "plans.0", "string"),
    ),
    "missing fact": (
        "common.yaml",
        lambda data: data.pop("facts"),
        ("facts: Field required",),
    ),
}


@pytest.mark.parametrize("case", SPOILED.values(), ids=SPOILED.keys())
def test_a_spoiled_content_file_is_an_error_naming_file_and_key(
    tmp_path: Path, case: tuple[str, Edit, tuple[str, ...]]
) -> None:
    name, spoil, named = case
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    data = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
    spoil(data)
    (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        _load_helpdesk(folder)
    message = str(raised.value)
    assert message.startswith(str(folder / name))
    for part in named:
        assert part in message


def test_a_copy_of_the_content_loads_as_the_shipped_one(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    _load_helpdesk(folder)
    assert load_articles(folder) == ARTICLES


def test_every_help_center_link_is_an_article() -> None:
    articles = {article.url for article in ARTICLES}
    links = {topic.link for source in SOURCES for topic in source.topics.values() if topic.link}
    help_links = {link for link in links if link.startswith(HELP_CENTER)}
    assert help_links, "no topic links to the help center"
    assert help_links <= articles


def test_every_content_file_ships_in_the_wheel() -> None:
    package_data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    package = CONTENT.parents[1]
    files = [path.relative_to(package).as_posix() for path in CONTENT.iterdir()]
    assert files
    for file in files:
        assert any(fnmatch(file, pattern) for pattern in package_data["fern_pipeline"]), file
