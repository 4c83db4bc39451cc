"""What a load does with personal data: its source's masker (or none) and how long conversations are kept."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fern_pipeline.config import ProjectConfig
from fern_pipeline.ingest.masking.pseudonym import Pseudonyms

if TYPE_CHECKING:
    from fern_pipeline.ingest.masking.mask import Masker


@dataclass(frozen=True)
class PrivacySettings:
    """A source's privacy at load: no masking and no retention unless configured."""

    masker: "Masker | None" = None
    #: Days a conversation is kept after its last message; ``None``: for ever.
    retention_days: int | None = None

    @property
    def masking(self) -> str:
        """The masking setting as ``privacy_log`` records it: ``off``, or ``on`` and the key's fingerprint."""
        return "off" if self.masker is None else f"on, key {self.masker.pseudonyms.fingerprint}"


def privacy_settings(
    project: ProjectConfig, source: str, environ: Mapping[str, str] | None = None
) -> PrivacySettings:
    """The privacy settings of ``source`` in ``project``, its pseudonym key read at run time."""
    chosen = project.source_privacy(source)
    key = project.pseudonym_key(environ) if chosen.mask else None
    if key is None:
        return PrivacySettings(retention_days=chosen.retention_days)
    # Imported here: masking's detectors import libphonenumber, 25 to 40 ms, a tenth of `fern-pipeline
    # check`'s start (benchmarks/startup.py); only a source that masks pays it.
    from fern_pipeline.ingest.masking.mask import Masker

    return PrivacySettings(
        masker=Masker(Pseudonyms(key), project.privacy.phone_regions),
        retention_days=chosen.retention_days,
    )
