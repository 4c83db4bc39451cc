"""Labels that generalise: one conversation's particulars (ids, numbers, addresses, amounts, dates) out."""

import re

#: What stands where a particular was: ``Where is order BF-123456?`` reads ``Where is order …?``.
PLACEHOLDER = "…"
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|okt|dez"
)
_CURRENCY = r"(?:€|\$|£|EUR|USD|GBP|CHF)"
_NUMBER = r"\d+(?:[.,'\u202f ]\d{3})*(?:[.,]\d{1,2})?"
#: Most specific first: an e-mail address holds a dot and digits that later patterns would cut apart.
PARTICULARS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # Personal data masked at load: [email:0123456789], [phone:…], [iban:…], [card:…].
        r"\[(?:email|phone|iban|card):[0-9a-f]{10}\]",
        r"\bhttps?://\S+",
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
        # Amounts, with the currency before or after: €49.99, 129,95 €, EUR 12, 30 USD.
        rf"{_CURRENCY}\s?{_NUMBER}|{_NUMBER}\s?{_CURRENCY}(?!\w)",
        # Dates: 2026-11-12, 12.11.2026, 12/11/26, 12. November (2026), November 12(, 2026), 12 Nov.
        r"\b\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:.]+Z?)?\b",
        r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b",
        rf"\b\d{{1,2}}\.?\s(?:{_MONTHS})\b\.?(?:\s\d{{4}})?",
        rf"\b(?:{_MONTHS})\.?\s\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s\d{{4}})?",
        # Ids and numbers: BF-123456, INV-2026-0042, hd-10021, #4711, 1234 5678; short numbers
        # (401, 2FA, SAML 2.0, 5 seats) say what the question is, and stay.
        r"#\d+\b",
        # Codes: a voucher or a licence, capitals then digits (WILLKOMMEN10, SUMMER2024).
        r"\b(?-i:[A-ZÄÖÜ]{2,}\d{2,})\b",
        r"\b[^\W\d_]+(?:[-_/][^\W_]*\d[^\W_]*)+\b",
        r"\b\d[\d-]{3,}\w*\b",
    )
)
#: Placeholders next to each other (``… (…)``, ``…, …``) read as one.
_RUNS = re.compile(rf"{PLACEHOLDER}(?:[\s,;/-]*\(?{PLACEHOLDER}\)?)+")


def generalised(text: str) -> str:
    """``text`` with every particular replaced by ``PLACEHOLDER``, runs of them by one.

    >>> generalised("Order BF-482913 from 12. November (129,95 €) hasn't arrived, mail me at a@b.de")
    "Order … from … hasn't arrived, mail me at …"
    """
    for pattern in PARTICULARS:
        text = pattern.sub(PLACEHOLDER, text)
    return _RUNS.sub(PLACEHOLDER, text)
