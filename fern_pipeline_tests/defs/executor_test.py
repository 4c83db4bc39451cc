"""Tests of the executor choice: Dagster's default on one machine, or Celery with its broker from the env."""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from fern_pipeline.config import ProjectConfig, parse_config
from fern_pipeline.definitions import build_definitions
from fern_pipeline.errors import ConfigError

SOURCES = "sources:\n  - {name: helpdesk, url: 'file:///srv/export.json'}\n"


def asset_job(config: ProjectConfig) -> dg.JobDefinition:
    return build_definitions(config).resolve_implicit_global_asset_job_def()


def configured(tmp_path: Path, text: str) -> ProjectConfig:
    return parse_config(text + SOURCES, origin=tmp_path / "fern_sources.yaml", environ={})


def test_without_an_executor_runs_use_dagsters_multiprocess_default(tmp_path: Path) -> None:
    config = configured(tmp_path, "")
    assert config.executor == "multiprocess"
    assert asset_job(config).executor_def.name == "multi_or_in_process_executor"


def test_celery_takes_its_broker_and_backend_from_celerys_variables_when_a_run_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    executor = asset_job(configured(tmp_path, "executor: celery\n")).executor_def
    assert executor.name == "celery"
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    missing = executor.apply_config_mapping({})
    assert not missing.success
    assert "CELERY_BROKER_URL" in str(missing.errors)
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://:pw@broker.internal:6379/0")
    monkeypatch.setenv("CELERY_RESULT_BACKEND", "redis://:pw@broker.internal:6379/1")
    resolved = executor.apply_config_mapping({})
    assert resolved.success
    assert resolved.value["config"]["broker"] == "redis://:pw@broker.internal:6379/0"
    assert resolved.value["config"]["backend"] == "redis://:pw@broker.internal:6379/1"


def test_an_unknown_executor_is_a_configuration_error_naming_the_field(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"executor: Input should be 'multiprocess' or 'celery'"):
        configured(tmp_path, "executor: kubernetes\n")


def test_one_machine_never_imports_celery(tmp_path: Path) -> None:
    probe = "import sys; from fern_pipeline.definitions import defs; defs(); print('celery' in sys.modules)"
    environment = {key: value for key, value in os.environ.items() if not key.startswith("FERN_")}
    command = [sys.executable, "-c", probe]
    result = subprocess.run(
        command, cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
