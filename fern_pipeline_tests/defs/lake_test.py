"""The definitions on a lake: no pool, the DuckLake resource, a real run of the sources, checks and audit."""

from pathlib import Path

import dagster as dg
import pytest

from fern_pipeline.components import FernSupportEndpointsComponent
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.definitions import build_definitions
from fern_pipeline.defs.endpoint_test import CHECK_NAME
from fern_pipeline.defs.resources import POOL, DuckLakeResource
from fern_pipeline.store.lake import connect_lake
from fern_pipeline_tests.audit.conftest import audited_project


def _pools(defs: dg.Definitions) -> set[str | None]:
    """The pools of every asset and check that opens the warehouse (the endpoint test opens none)."""
    nodes = [
        *(asset.node_def for asset in defs.assets or []),
        *(check.node_def for check in defs.asset_checks or [] if CHECK_NAME not in check.node_def.name),
    ]
    return {node.pool for node in nodes}  # type: ignore[union-attr]


def test_the_file_has_its_one_slot_pool_and_the_lake_none(tmp_path: Path) -> None:
    lake = LakeConfig(catalog="host=db dbname=lake user=fern", data_path=str(tmp_path / "lake"))
    assert _pools(build_definitions(audited_project(tmp_path))) == {POOL}
    on_lake = build_definitions(audited_project(tmp_path, lake=lake))
    assert _pools(on_lake) == {None}
    assert isinstance(on_lake.resources["duckdb"], DuckLakeResource)


@pytest.mark.slow
def test_sources_checks_and_audit_run_on_the_lake(lake: LakeConfig, tmp_path: Path) -> None:
    config = audited_project(tmp_path, lake=lake)
    defs = build_definitions(config)
    with dg.instance_for_test() as instance:
        result = dg.materialize(
            [*defs.assets, *defs.asset_checks],  # type: ignore[list-item]
            resources=defs.resources,
            instance=instance,
        )
    assert result.success
    checks = {
        (evaluation.asset_key.path[0], evaluation.check_name): evaluation
        for evaluation in result.get_asset_check_evaluations()
    }
    names = ("latest_fetch", "schema", "referential_integrity", CHECK_NAME)
    sources = ("helpdesk_conversations", "shop_conversations")
    audit_checks = [("support_audit", "new_topics"), ("support_audit", "rising_topics")]
    assert sorted(checks) == sorted([(source, name) for source in sources for name in names] + audit_checks)
    failed = {key: evaluation.severity for key, evaluation in checks.items() if not evaluation.passed}
    # The shop sends a conversation that is rejected: a warning from its latest fetch and from the
    # endpoint test, which do not block the audit.
    assert failed == {
        ("shop_conversations", "latest_fetch"): dg.AssetCheckSeverity.WARN,
        ("shop_conversations", CHECK_NAME): dg.AssetCheckSeverity.WARN,
    }
    [audit] = result.asset_materializations_for_node("support_audit")
    report = Path(str(audit.metadata["report_path"].value))
    assert report == tmp_path / "data" / "audit_report.html" and report.is_file()
    assert audit.metadata["dagster/row_count"].value == 7
    with connect_lake(lake) as connection:
        assert connection.execute(
            "SELECT source, count(*) FROM conversations GROUP BY 1 ORDER BY 1"
        ).fetchall() == [("helpdesk", 5), ("shop", 2)]
        assert connection.execute("SELECT count(*) FROM audit_conversations").fetchall() == [(7,)]
        assert connection.execute("SELECT count(*) FROM format_errors WHERE source = 'shop'").fetchall() == [
            (1,)
        ]


def test_the_component_names_a_lake_whose_password_stays_a_template(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FERN_COMPONENT_LAKE_PASSWORD", "not-to-be-read-at-load")
    component = FernSupportEndpointsComponent.resolve_from_yaml(
        "lake:\n"
        '  catalog: "host=db.internal dbname=fern_lake user=fern"\n'
        '  password: "{{ env.FERN_COMPONENT_LAKE_PASSWORD }}"\n'
        "  data_path: data/lake\n"
        "sources:\n"
        "  - name: helpdesk\n"
        "    url: https://company.com/support-endpoint.json\n"
    )
    defs = dg.component_defs(component=component)
    resource = defs.resources["duckdb"]
    assert isinstance(resource, DuckLakeResource)
    assert resource.password == "{{ env.FERN_COMPONENT_LAKE_PASSWORD }}"
    assert resource.catalog == "host=db.internal dbname=fern_lake user=fern"
    assert Path(resource.data_path).is_absolute() and resource.data_path.endswith("data/lake")
    assert _pools(defs) == {None}
