"""The lake setting of fern_sources.yaml: validated once, its password only a template, read when used."""

from pathlib import Path

import pytest

from fern_pipeline.config import parse_config
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.errors import ConfigError

SOURCES = "sources:\n  - name: helpdesk\n    url: file:///srv/export.json\n"


def _parse(lake: str, tmp_path: Path) -> LakeConfig:
    config = parse_config(f"lake:\n{lake}{SOURCES}", origin=tmp_path / "fern_sources.yaml", environ={})
    assert config.lake is not None and config.warehouse == config.lake
    return config.lake


def test_a_folder_is_relative_to_the_config_file_and_a_prefix_is_kept(tmp_path: Path) -> None:
    catalog = '  catalog: "host=db.internal dbname=fern_lake user=fern"\n'
    folder = _parse(f"{catalog}  data_path: data/lake\n", tmp_path)
    assert folder.data_path == str(tmp_path / "data" / "lake")
    assert folder.data_location == f"{tmp_path / 'data' / 'lake'}/" and folder.local_data_path is not None
    prefix = _parse(f"{catalog}  data_path: s3://company-lake/fern\n", tmp_path)
    assert (prefix.data_location, prefix.local_data_path) == ("s3://company-lake/fern/", None)


def test_without_a_lake_the_warehouse_is_the_file(tmp_path: Path) -> None:
    config = parse_config(SOURCES, origin=tmp_path / "fern_sources.yaml", environ={})
    assert config.lake is None and config.warehouse == tmp_path / "data" / "fern.duckdb"


@pytest.mark.parametrize(
    ("lake", "message"),
    [
        ('  catalog: "host=db password=hunter2"\n  data_path: lake\n', "with the password apart"),
        ('  catalog: "postgresql://fern:hunter2@db/lake"\n  data_path: lake\n', "with the password apart"),
        ('  catalog: "host=db"\n  password: hunter2\n  data_path: lake\n', "never itself"),
        ('  catalog: "host=db"\n  password: "{{ env.A }}{{ env.B }}"\n  data_path: lake\n', "never itself"),
        ('  catalog: "host={{ env.HOST"\n  data_path: lake\n', "with the password apart"),
        ('  catalog: "host=db"\n', "data_path: Field required"),
        ('  catalog: "host=db"\n  data_path: lake\n  bucket: x\n', "unknown key 'bucket'"),
    ],
    ids=[
        "password key",
        "password in a URL",
        "literal password",
        "two templates",
        "broken template",
        "no data path",
        "unknown key",
    ],
)
def test_mistakes_are_refused_naming_the_field_and_showing_no_password(
    tmp_path: Path, lake: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=message) as refused:
        _parse(lake, tmp_path)
    assert "hunter2" not in str(refused.value)
    assert "lake." in str(refused.value)


def test_the_password_is_read_from_the_environment_only_when_resolved() -> None:
    lake = LakeConfig(
        catalog="host=db user={{ env.LAKE_USER }}", password="{{ env.LAKE_PASSWORD }}", data_path="x"
    )
    assert lake.resolve({"LAKE_USER": "fern", "LAKE_PASSWORD": "s3cret"}) == ("host=db user=fern", "s3cret")
    assert "s3cret" not in str(lake) and "{{" not in str(lake)
    with pytest.raises(
        ConfigError, match="the lake's password: the environment variable LAKE_PASSWORD is not set"
    ):
        lake.resolve({"LAKE_USER": "fern"})


README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readmes_lake_configuration_is_valid(tmp_path: Path) -> None:
    section = README.read_text(encoding="utf-8").split("## Beyond one machine", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    config = parse_config(example, origin=tmp_path / "fern_sources.yaml", environ={})
    assert config.lake == LakeConfig(
        catalog="host=db.internal port=5432 dbname=fern_lake user=fern",
        password="{{ env.FERN_LAKE_PASSWORD }}",
        data_path=str(tmp_path / "data" / "lake"),
    )
