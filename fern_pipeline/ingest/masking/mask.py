"""Masking: personal values in texts and JSON replaced by their keyed pseudonyms (Arrow: ``columns``)."""

import json
import re
from dataclasses import dataclass

from fern_pipeline.ingest.masking.detect import DEFAULT_REGIONS, find
from fern_pipeline.ingest.masking.pseudonym import Pseudonyms

#: What every text holding a personal value contains, a wider form of each detector's own test (RE2
#: has no look-behind): an ``@`` (or ``%40``, percent-encoded in a URL); a ``+`` or a ``0`` that
#: starts no word, then six digits (phones); a grouped number starting no word (415-555-0132);
#: 13 digits (cards); two letters and digits (IBANs).
#: Texts without one (most messages, and ids such as ``msg_00000005``) are passed over in Arrow's C++
#: (RE2) and never reach Python.
CANDIDATE = "|".join(
    [
        r"@|%40",
        r"(?:\+|(?:^|[^\w.,])0)(?:[ \-/.()]{0,3}\d){6}",
        r"(?:^|[^\w.,])(?:1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}",
        r"\d(?:[ -]?\d){12}",
        r"(?i:[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2})",
    ]
)
_CANDIDATE = re.compile(CANDIDATE)
#: A JSON string literal, with its escapes.
JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


@dataclass(frozen=True)
class Masker:
    """Replaces personal values by pseudonyms keyed by ``pseudonyms``."""

    pseudonyms: Pseudonyms
    #: Regions whose national phone notation is masked (international numbers always are).
    phone_regions: tuple[str, ...] = DEFAULT_REGIONS

    def text(self, text: str, *, quote: bool = False) -> str:
        """``text`` with every personal value replaced by its token (a JSON string if ``quote``)."""
        if _CANDIDATE.search(text) is None:
            return text
        parts: list[str] = []
        position = 0
        for found in find(text, self.phone_regions):
            token = found.value if found.kind == "token" else self.pseudonyms.token(found.kind, found.value)
            parts += [text[position : found.start], json.dumps(token) if quote else token]
            position = found.end
        return "".join([*parts, text[position:]]) if parts else text

    def json_text(self, raw: str) -> str:
        """JSON text ``raw`` masked in its strings, and in its numbers (whose tokens become strings)."""
        parts: list[str] = []
        position = 0
        for match in JSON_STRING.finditer(raw):
            value = json.loads(match.group())
            masked = self.text(value)
            literal = match.group() if masked == value else json.dumps(masked, ensure_ascii=False)
            parts += [self.text(raw[position : match.start()], quote=True), literal]
            position = match.end()
        return "".join([*parts, self.text(raw[position:], quote=True)])
