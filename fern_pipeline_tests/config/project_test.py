"""Tests of the sources configuration: typed on success, one clear message per mistake."""

from datetime import timedelta
from pathlib import Path

import pytest

from fern_pipeline.config import DEFAULT_MAX_BYTES, SourceConfig, adhoc_source, load_config, parse_config
from fern_pipeline.demo import DEMO_HELP_CENTER
from fern_pipeline.errors import ConfigError

ORIGIN = Path("/etc/fern/fern_sources.yaml")
VALID = """
database: data/fern.duckdb
sources:
  - name: helpdesk
    url: https://company.com/support-endpoint.json?startDate=2025-01-01
    headers:
      Authorization: "Bearer {{ env.HELPDESK_TOKEN }}"
    schedule: "0 * * * *"
    timeout: 10
  - name: export
    url: file:///srv/export.json
"""


def test_a_valid_file_becomes_typed_sources() -> None:
    config = parse_config(VALID, origin=ORIGIN, environ={})
    assert config.database == Path("/etc/fern/data/fern.duckdb")
    helpdesk, export = config.sources
    assert (helpdesk.name, helpdesk.timeout, helpdesk.schedule) == ("helpdesk", 10.0, "0 * * * *")
    assert (export.timeout, export.max_bytes, export.headers) == (30.0, DEFAULT_MAX_BYTES, {})
    assert helpdesk.header_variables() == ["HELPDESK_TOKEN"]


def test_the_audit_and_help_center_sections_are_optional_and_typed() -> None:
    assert parse_config(VALID, origin=ORIGIN, environ={}).help_center is None
    extra = (
        "audit:\n  window_days: 30\n  max_topics: 6\n  end: 2026-11-20T00:00:00Z\n"
        "help_center:\n  path: docs\n"
    )
    config = parse_config(VALID + extra, origin=ORIGIN, environ={})
    assert (config.audit.window_days, config.audit.max_topics) == (30, 6)
    assert config.audit.end is not None and config.audit.end.isoformat() == "2026-11-20T00:00:00+00:00"
    assert config.help_center is not None and config.help_center.path == Path("/etc/fern/docs")


def test_a_teams_theme_categories_are_typed_and_checked() -> None:
    assert parse_config(VALID, origin=ORIGIN, environ={}).audit.themes == ()
    themes = (
        "audit:\n  themes:\n"
        "    - name: Billing\n      examples: ['Where is my invoice?', Rechnung falsch]\n"
        "    - name: Access\n      examples: [I cannot log in]\n"
    )
    config = parse_config(VALID + themes, origin=ORIGIN, environ={})
    assert [(theme.name, theme.examples) for theme in config.audit.themes] == [
        ("Billing", ("Where is my invoice?", "Rechnung falsch")),
        ("Access", ("I cannot log in",)),
    ]
    twice = "audit:\n  themes:\n    - {name: Billing, examples: [a]}\n    - {name: billing, examples: [b]}\n"
    with pytest.raises(ConfigError, match="used by an earlier category"):
        parse_config(VALID + twice, origin=ORIGIN, environ={})
    with pytest.raises(ConfigError, match="examples"):
        parse_config(
            VALID + "audit:\n  themes:\n    - {name: Billing, examples: []}\n", origin=ORIGIN, environ={}
        )


def test_asset_attributes_are_optional_and_typed() -> None:
    text = VALID.replace(
        "    timeout: 10\n",
        "    timeout: 10\n    description: The help desk\n    owners: [team:support, lead@company.com]\n"
        "    tags: {tier: gold, dagster/priority: '1'}\n    max_age_hours: 2.5\n",
    )
    helpdesk, export = parse_config(text, origin=ORIGIN, environ={}).sources
    assert (helpdesk.description, helpdesk.owners, helpdesk.max_age_hours) == (
        "The help desk",
        ["team:support", "lead@company.com"],
        2.5,
    )
    assert helpdesk.tags == {"tier": "gold", "dagster/priority": "1"}
    assert (export.description, export.owners, export.tags, export.max_age_hours) == (None, [], {}, 26.0)


def test_the_database_path_can_be_overridden_from_the_environment() -> None:
    config = parse_config(VALID, origin=ORIGIN, environ={"FERN_DUCKDB_PATH": "/tmp/other.duckdb"})
    assert config.database == Path("/tmp/other.duckdb")


def test_headers_are_resolved_at_run_time_and_a_missing_variable_is_named() -> None:
    helpdesk = parse_config(VALID, origin=ORIGIN, environ={}).sources[0]
    assert helpdesk.resolve_headers({"HELPDESK_TOKEN": "s3cret"}) == {"Authorization": "Bearer s3cret"}
    with pytest.raises(ConfigError, match="HELPDESK_TOKEN") as error:
        helpdesk.resolve_headers({})
    assert "helpdesk" in str(error.value)


MISTAKES = [
    (
        "unknown key",
        "  - name: a\n    url: https://x.test/\n    retries: 3\n",
        "source 'a': retries: unknown key",
    ),
    (
        "unknown top-level key",
        "  - name: a\n    url: https://x.test/\nschedules: []\n",
        "unknown key 'schedules'",
    ),
    (
        "duplicate name",
        "  - name: a\n    url: https://x.test/\n  - name: a\n    url: https://y.test/\n",
        "'a' is used by an earlier source",
    ),
    (
        "upper-case name",
        "  - name: Helpdesk\n    url: https://x.test/\n",
        "'Helpdesk' is not a valid source name",
    ),
    (
        "name with a dash",
        "  - name: help-desk\n    url: https://x.test/\n",
        "'help-desk' is not a valid source name",
    ),
    (
        "ftp url",
        "  - name: a\n    url: ftp://x.test/e.json\n",
        "source 'a': url: unsupported URL scheme 'ftp'",
    ),
    ("no scheme", "  - name: a\n    url: x.test/e.json\n", "unsupported URL scheme '(none)'"),
    (
        "malformed template",
        "  - name: a\n    url: https://x.test/\n    headers: {X-Key: '{{ env.KEY }'}\n",
        "source 'a': headers: Value error, header 'X-Key' has a malformed template",
    ),
    (
        "template of a file",
        "  - name: a\n    url: https://x.test/\n    headers: {X-Key: '{{ file./etc/passwd }}'}\n",
        "header 'X-Key' has a malformed template",
    ),
    (
        "bad cron",
        "  - name: a\n    url: https://x.test/\n    schedule: every hour\n",
        "is not a cron expression",
    ),
    ("negative timeout", "  - name: a\n    url: https://x.test/\n    timeout: -1\n", "source 'a': timeout"),
    ("missing url", "  - name: a\n", "source 'a': url: Field required"),
    (
        "audit window of zero days",
        "  - name: a\n    url: https://x.test/\naudit: {window_days: 0}\n",
        "audit.window_days: Input should be greater than or equal to 1",
    ),
    (
        "audit end without a zone",
        "  - name: a\n    url: https://x.test/\naudit: {end: '2026-11-20T00:00:00'}\n",
        "audit.end: give the time zone",
    ),
    (
        "help center with both path and url",
        "  - name: a\n    url: https://x.test/\nhelp_center: {path: docs, url: 'https://x.test/a.json'}\n",
        "help_center: give exactly one of path",
    ),
    (
        "help center on ftp",
        "  - name: a\n    url: https://x.test/\nhelp_center: {url: 'ftp://x.test/a.json'}\n",
        "help_center: unsupported URL scheme 'ftp'",
    ),
    (
        "owner that is neither",
        "  - name: a\n    url: https://x.test/\n    owners: [support]\n",
        "source 'a': owners: 'support' is not an owner",
    ),
    (
        "tag key with a space",
        "  - name: a\n    url: https://x.test/\n    tags: {'cost center': x}\n",
        "source 'a': tags: tag key 'cost center' must be",
    ),
    (
        "tag value too long",
        "  - name: a\n    url: https://x.test/\n    tags: {tier: " + "x" * 64 + "}\n",
        "source 'a': tags: tag 'tier' has the value",
    ),
    ("zero max age", "  - name: a\n    url: https://x.test/\n    max_age_hours: 0\n", "max_age_hours"),
]


@pytest.mark.parametrize(("sources", "expected"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_each_mistake_names_the_file_the_source_and_the_field(sources: str, expected: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_config("sources:\n" + sources, origin=ORIGIN, environ={})
    message = str(error.value).replace("Value error, ", "")
    assert message.startswith(f"{ORIGIN}: ")
    assert expected.replace("Value error, ", "") in message


def test_a_secret_in_a_rejected_url_is_not_repeated() -> None:
    with pytest.raises(ConfigError) as error:
        parse_config(
            "sources:\n  - name: a\n    url: gopher://u:pw@x.test/?token=abc\n", origin=ORIGIN, environ={}
        )
    assert "pw" not in str(error.value).replace("gopher", "") and "abc" not in str(error.value)


def test_yaml_that_tries_to_build_objects_is_refused() -> None:
    with pytest.raises(ConfigError, match="not valid YAML"):
        parse_config("!!python/object/apply:os.system ['true']", origin=ORIGIN, environ={})


def test_without_a_file_the_demo_sources_are_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config(environ={})
    assert [source.name for source in config.sources] == ["demo_helpdesk", "demo_webshop"]
    assert all(source.url.startswith("file://") for source in config.sources)
    assert config.database == tmp_path / "data" / "fern.duckdb"
    assert config.help_center is not None and config.help_center.path == DEMO_HELP_CENTER


def test_the_environment_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(VALID)
    assert load_config(environ={"FERN_PIPELINE_CONFIG": str(path)}).database == tmp_path / "data/fern.duckdb"
    with pytest.raises(ConfigError, match="not a file"):
        load_config(environ={"FERN_PIPELINE_CONFIG": str(tmp_path / "absent.yaml")})


def test_limits_can_be_overridden_and_are_validated_again() -> None:
    source = SourceConfig(name="a", url="https://x.test/")
    assert source.with_limits(timeout=5, max_bytes=None).timeout == 5
    with pytest.raises(ValueError, match="greater than 0"):
        source.with_limits(timeout=-1)


def test_incremental_settings() -> None:
    text = (
        "sources:\n  - name: a\n    url: https://x.test/e.json?startDate=2025-01-01\n"
        "    incremental: {param: startDate, lookback: 12h}\n    max_pages: 20\n"
    )
    [source] = parse_config(text, origin=ORIGIN, environ={}).sources
    assert source.incremental is not None
    assert (source.incremental.lookback, source.initial_start, source.max_pages) == (
        timedelta(hours=12),
        "2025-01-01",
        20,
    )


@pytest.mark.parametrize(
    ("incremental", "expected"),
    [("{lookback: -2d}", "incremental.lookback"), ("{cursor: x}", "incremental.cursor: unknown key")],
    ids=["negative lookback", "unknown key"],
)
def test_incremental_mistakes(incremental: str, expected: str) -> None:
    with pytest.raises(ConfigError, match=expected):
        parse_config(
            f"sources:\n  - name: a\n    url: https://x.test/\n    incremental: {incremental}\n",
            origin=ORIGIN,
            environ={},
        )


def test_a_source_from_the_command_line_is_checked_like_a_configured_one() -> None:
    assert adhoc_source("https://x.test/e.json", "adhoc").name == "adhoc"
    with pytest.raises(ConfigError, match=r"^url: unsupported URL scheme 'ftp'"):
        adhoc_source("ftp://x.test/e.json", "adhoc")
