"""Privacy settings: validated once, overridden per source, the key read from the environment at run time."""

from pathlib import Path

import pytest

from fern_pipeline.config import parse_config
from fern_pipeline.config.privacy import PrivacyConfig, SourcePrivacy, SourcePrivacyConfig
from fern_pipeline.errors import ConfigError
from fern_pipeline.ingest.masking.settings import privacy_settings

ORIGIN = Path("/srv/fern/fern_sources.yaml")
SOURCES = """
sources:
  - name: helpdesk
    url: https://example.com/a.json
  - name: webshop
    url: https://example.com/b.json
    privacy: {mask: false, retention_days: 30}
"""


def test_sources_take_the_projects_settings_unless_they_have_their_own() -> None:
    config = parse_config(
        "privacy: {mask: true, key_env: SUPPORT_KEY, retention_days: 365}" + SOURCES, origin=ORIGIN
    )
    assert config.source_privacy("helpdesk") == SourcePrivacy(mask=True, retention_days=365)
    assert config.source_privacy("webshop") == SourcePrivacy(mask=False, retention_days=30)
    assert config.source_privacy("adhoc") == SourcePrivacy(mask=True, retention_days=365)


def test_by_default_nothing_is_masked_and_everything_is_kept() -> None:
    config = parse_config(SOURCES, origin=ORIGIN)
    assert config.privacy == PrivacyConfig()
    assert config.source_privacy("helpdesk") == SourcePrivacy(mask=False, retention_days=None)
    assert privacy_settings(config, "helpdesk", {}).masker is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "privacy: {key_env: 'NOT A NAME'}",
            "privacy.key_env: 'NOT A NAME' is not an environment variable name",
        ),
        (
            "privacy: {retention_days: 0}",
            "privacy.retention_days: Input should be greater than or equal to 1",
        ),
        ("privacy: {retention_schedule: 'daily'}", "'daily' is not a cron expression"),
        ("privacy: {mask: yes please}", "privacy.mask: Input should be a valid boolean"),
        ("privacy: {key: secret}", "privacy.key: unknown key 'key'"),
        ("privacy: {phone_regions: [DE, XX]}", "XX: not an ISO 3166 country code"),
        ("privacy: {phone_regions: [DE, de]}", "a region is named twice"),
        ("privacy: {phone_regions: []}", "privacy.phone_regions: "),
    ],
    ids=["key_env", "retention_days", "schedule", "mask", "key", "region", "twice", "no-region"],
)
def test_mistakes_are_reported_once_with_their_field(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_config(text + SOURCES, origin=ORIGIN)
    assert message in str(raised.value)


def test_phone_regions_default_to_germany_and_reach_the_masker_in_upper_case() -> None:
    assert parse_config(SOURCES, origin=ORIGIN).privacy.phone_regions == ("DE",)
    config = parse_config("privacy: {mask: true, phone_regions: [de, US, gb]}" + SOURCES, origin=ORIGIN)
    masker = privacy_settings(config, "helpdesk", {"FERN_PSEUDONYM_KEY": "x" * 16}).masker
    assert masker is not None and masker.phone_regions == ("DE", "US", "GB")
    assert "415-555-0132" not in masker.text("call 415-555-0132")


def test_the_key_is_set_once_for_the_project_not_per_source() -> None:
    text = SOURCES.replace("{mask: false, retention_days: 30}", "{key_env: OTHER}")
    with pytest.raises(ConfigError, match=r"source 'webshop': privacy\.key_env: unknown key 'key_env'"):
        parse_config(text, origin=ORIGIN)


def test_the_key_is_read_at_run_time_and_must_be_long_enough() -> None:
    config = parse_config("privacy: {mask: true, key_env: SUPPORT_KEY}" + SOURCES, origin=ORIGIN)
    with pytest.raises(ConfigError, match="SUPPORT_KEY holding the pseudonym key is not set"):
        privacy_settings(config, "helpdesk", {})
    with pytest.raises(ConfigError, match="shorter than 16 bytes"):
        privacy_settings(config, "helpdesk", {"SUPPORT_KEY": "short"})
    settings = privacy_settings(config, "helpdesk", {"SUPPORT_KEY": "x" * 16})
    assert settings.masker is not None and "x" * 16 not in repr(settings)
    assert privacy_settings(config, "webshop", {}).masker is None


def test_every_privacy_field_has_a_description() -> None:
    for model in (PrivacyConfig, SourcePrivacyConfig):
        assert all(field.description for field in model.model_fields.values())


def test_the_readmes_privacy_example_is_valid() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Personal data", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    config = parse_config(example, origin=ORIGIN)
    assert config.privacy.mask and config.privacy.retention_days == 365
    assert config.privacy.phone_regions == ("DE", "US", "GB")
    assert config.source_privacy("webshop") == SourcePrivacy(mask=False, retention_days=30)
