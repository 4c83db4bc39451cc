"""Read the demo's content files (YAML in ``content/``) into the typed objects of ``model``, checked."""

import random
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError

from fern_pipeline.demo.model import Article, Common, Lang, Slots, Source

CONTENT = Path(__file__).parent / "content"

Shape = TypeVar("Shape")
Words = TypeVar("Words")


def _read(path: Path) -> Any:
    """A content file's YAML as plain data."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _checked(shape: TypeAdapter[Shape], data: Any, where: str) -> Shape:
    """``data`` as ``shape``; a mismatch is an error that names the file and each wrong key's path."""
    try:
        return shape.validate_python(data)
    except ValidationError as error:
        problems = [
            f"{'.'.join(str(part) for part in problem['loc']) or '(top level)'}: {problem['msg']}"
            for problem in error.errors(include_url=False)
        ]
        raise ValueError(f"{where}: " + "; ".join(problems)) from error


def load_common(folder: Path = CONTENT) -> Common:
    """What the sources and the help center share, from ``common.yaml``."""
    path = folder / "common.yaml"
    return _checked(TypeAdapter(Common), _read(path), str(path))


def load_articles(folder: Path = CONTENT) -> tuple[Article, ...]:
    """The help center's articles, from ``articles.yaml``, in its order."""
    path = folder / "articles.yaml"
    return _checked(TypeAdapter(tuple[Article, ...]), _read(path), str(path))


def load_source(
    name: str,
    words: type[Words],
    slots: Callable[[Words, Common, random.Random, Lang, datetime], Slots],
    common: Common,
    folder: Path = CONTENT,
) -> Source:
    """A demo source from ``<name>.yaml``; its ``words`` (checked as ``words``) feed its ``slots``."""
    path = folder / f"{name}.yaml"
    data = _read(path)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of a source's fields, got {type(data).__name__}")
    drawn = _checked(TypeAdapter(words), data.pop("words", None), f"{path}, under words")
    return _checked(TypeAdapter(Source), data | {"slots": partial(slots, drawn, common)}, str(path))
