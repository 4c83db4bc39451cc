"""Keyed stable pseudonyms: one value gives one token within a project, irreversible without the key."""

import hashlib
import hmac
import re
from dataclasses import dataclass, field

#: The kinds of value masked, in the order their detectors claim overlapping text.
KINDS = ("email", "phone", "iban", "card")
#: Hex digits of the HMAC kept in a token.
TOKEN_DIGITS = 10
#: A token as it appears in masked text, e.g. ``[email:0123456789]``.
TOKEN = re.compile(r"\[(?:email|phone|iban|card):[0-9a-f]{10}\]")


@dataclass(frozen=True)
class Pseudonyms:
    """Tokens keyed by a project's secret; the key is never shown in a repr."""

    key: bytes = field(repr=False)

    def digest(self, text: str) -> str:
        """HMAC-SHA256(key, text) in hex: without the key, ``text`` cannot be found by hashing guesses."""
        return hmac.new(self.key, text.encode(), hashlib.sha256).hexdigest()

    def token(self, kind: str, normalised: str) -> str:
        """``[kind:…]`` with the first hex digits of HMAC-SHA256(key, kind + ":" + normalised)."""
        return f"[{kind}:{self.digest(f'{kind}:{normalised}')[:TOKEN_DIGITS]}]"

    @property
    def fingerprint(self) -> str:
        """Names the key in ``privacy_log`` without revealing it, so a change of key shows there."""
        return self.digest("fingerprint")[:TOKEN_DIGITS]
