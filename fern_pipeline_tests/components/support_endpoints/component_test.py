"""Tests of the dg Component: resolved from YAML in process, and in a scratch dg project by the dg CLI."""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from fern_pipeline.components import FernSupportEndpointsComponent
from fern_pipeline.config import ProjectConfig, SourceConfig, parse_config
from fern_pipeline.definitions import build_definitions

DG = str(Path(sys.executable).with_name("dg"))

ATTRIBUTES = """
database: data/fern.duckdb
sources:
  - name: helpdesk
    url: https://company.com/support-endpoint.json?startDate=2025-01-01&token=abc
    headers:
      Authorization: "Bearer {{ env.FERN_COMPONENT_TOKEN }}"
    schedule: "0 * * * *"
    owners: [team:support]
  - name: export
    url: file:///srv/export.json
"""


def test_yaml_builds_the_same_definitions_as_the_code_location() -> None:
    component = FernSupportEndpointsComponent.resolve_from_yaml(ATTRIBUTES)
    defs = dg.component_defs(component=component)
    expected = build_definitions(
        ProjectConfig(
            sources=[
                SourceConfig(name="helpdesk", url="https://company.com/x.json", schedule="0 * * * *"),
                SourceConfig(name="export", url="file:///srv/export.json"),
            ]
        )
    )
    assert (
        defs.resolve_asset_graph().get_all_asset_keys() == expected.resolve_asset_graph().get_all_asset_keys()
    )
    assert defs.resolve_asset_graph().asset_check_keys == expected.resolve_asset_graph().asset_check_keys
    assert defs.resolve_schedule_def("helpdesk_schedule").cron_schedule == "0 * * * *"
    assert defs.resolve_assets_def(dg.AssetKey("helpdesk_conversations")).owners_by_key == {
        dg.AssetKey("helpdesk_conversations"): ["team:support"],
        dg.AssetKey("helpdesk_messages"): ["team:support"],
    }


EVERY_KEY = (
    ATTRIBUTES
    + """lake:
  catalog: "host=db.internal dbname=fern_lake user=fern"
  password: "{{ env.FERN_COMPONENT_LAKE_PASSWORD }}"
  data_path: data/lake
audit:
  window_days: 30
  max_topics: 8
help_center:
  path: help
privacy:
  mask: true
  key_env: FERN_COMPONENT_KEY
  retention_days: 365
  retention_schedule: "0 3 * * *"
executor: celery
"""
)


def test_every_key_of_the_config_file_is_an_attribute_with_its_meaning(tmp_path: Path) -> None:
    component = FernSupportEndpointsComponent.resolve_from_yaml(EVERY_KEY)
    declared = component.project_config(tmp_path)
    assert declared == parse_config(EVERY_KEY, origin=tmp_path / "fern_sources.yaml", environ={})
    assert declared.help_center is not None and declared.help_center.path == tmp_path / "help"
    assert declared.lake is not None and declared.lake.data_path == str(tmp_path / "data/lake")
    assert declared.lake.password == "{{ env.FERN_COMPONENT_LAKE_PASSWORD }}"
    assert declared.source_privacy("helpdesk").mask and declared.privacy.key_env == "FERN_COMPONENT_KEY"
    defs = dg.component_defs(component=component)
    assert defs.resolve_job_def("privacy_retention") is not None
    assert defs.resolve_schedule_def("privacy_retention_schedule").cron_schedule == "0 3 * * *"


def test_header_templates_are_left_for_run_time() -> None:
    component = FernSupportEndpointsComponent.resolve_from_yaml(ATTRIBUTES)
    assert component.sources[0].headers == {"Authorization": "Bearer {{ env.FERN_COMPONENT_TOKEN }}"}


def test_a_mistake_in_a_source_names_the_field() -> None:
    with pytest.raises(Exception, match="timeout"):
        FernSupportEndpointsComponent.resolve_from_yaml(
            ATTRIBUTES.replace("    owners:", "    timeout: -1\n    owners:")
        )


def scratch_project(root: Path) -> Path:
    """A dg project whose ``defs/support/defs.yaml`` declares the component."""
    package = root / "scratch"
    (package / "defs" / "support").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[project]\nname = "scratch"\nversion = "0.1.0"\nrequires-python = ">=3.11"\n\n'
        '[tool.dg]\ndirectory_type = "project"\n\n[tool.dg.project]\nroot_module = "scratch"\n'
    )
    (package / "__init__.py").write_text("")
    (package / "defs" / "__init__.py").write_text("")
    (package / "definitions.py").write_text(
        "from pathlib import Path\n\nimport dagster as dg\n\n\n"
        "@dg.definitions\ndef defs() -> dg.Definitions:\n"
        "    return dg.load_from_defs_folder(path_within_project=Path(__file__).parent)\n"
    )
    attributes = "".join(f"  {line}\n" for line in ATTRIBUTES.strip().splitlines())
    (package / "defs" / "support" / "defs.yaml").write_text(
        f"type: fern_pipeline.components.FernSupportEndpointsComponent\nattributes:\n{attributes}"
    )
    return root


def dg_cli(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("FERN_", "DAGSTER_"))
    }
    environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment.get('PATH', '')}"
    return subprocess.run(
        [DG, *arguments], cwd=project, env=environment, capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_a_dg_project_lists_the_component_and_its_definitions_check(tmp_path: Path) -> None:
    project = scratch_project(tmp_path)
    listed = dg_cli(project, "list", "components")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert "fern_pipeline.components.FernSupportEndpointsComponent" in listed.stdout
    checked = dg_cli(project, "check", "defs")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "All definitions loaded successfully" in checked.stdout + checked.stderr
    defs = dg_cli(project, "list", "defs", "--json")
    assert defs.returncode == 0, defs.stdout + defs.stderr
    assert '"helpdesk_conversations"' in defs.stdout and '"helpdesk_messages"' in defs.stdout
    assert "token=abc" not in defs.stdout


def test_the_readme_example_resolves() -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    start = readme.index("type: fern_pipeline.components.FernSupportEndpointsComponent")
    example = readme[start : readme.index("```", start)]
    attributes = example.split("attributes:\n", 1)[1]
    lines = [line.removeprefix("  ") for line in attributes.splitlines()]
    component = FernSupportEndpointsComponent.resolve_from_yaml("\n".join(lines))
    assert [source.name for source in component.sources] == ["helpdesk"]
