"""Detectors of personal values in text: e-mail addresses, phone numbers, IBANs and payment cards."""

import re
from collections.abc import Iterator, Sequence
from functools import partial
from typing import NamedTuple

import phonenumbers
from stdnum import iban, luhn

from fern_pipeline.ingest.masking.pseudonym import TOKEN

#: Regions whose national notation is read by default (030/1234567); ``privacy.phone_regions`` adds others.
DEFAULT_REGIONS = ("DE",)
#: VALID: a number that libphonenumber's metadata says exists. POSSIBLE (a plausible length) also took
#: dates, prices, postal codes and order numbers as phone numbers; see README "Personal data".
PHONE_LENIENCY = phonenumbers.Leniency.VALID

#: An e-mail address, its ``@`` also percent-encoded (``%40``) as a URL's query carries it.
EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+?(?:@|%40)[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
#: A country code, check digits, then groups of up to four letters or digits, with or without spaces.
IBAN = re.compile(r"(?<!\w)[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?!\w)", re.IGNORECASE)
#: 13 to 19 digits, in groups separated by single spaces or dashes.
CARD = re.compile(r"(?<![\w+])\d(?:[ -]?\d){12,18}(?![\w])")
#: Issuer prefixes of the card networks in use (Visa, Mastercard, Amex, Diners, JCB, Discover, Maestro,
#: UnionPay); numbers starting otherwise (order, tracking and invoice numbers) are not cards, and only
#: Visa issued 13 digits (EAN-13 article numbers have as many).
CARD_ISSUER = re.compile(r"4|5[0-9]|2[2-7]|3[0-9]|6")
#: A plus or a leading 0, then six or more digits with short separators: how every phone number
#: :func:`phones` accepts begins, so libphonenumber is not asked about texts without one.
PHONE_START = re.compile(r"(?:\+|(?<![\w.,])0)(?:[ \-/.()]{0,3}\d){6}")
#: How a number of a region without a trunk 0 (the US, Canada: ``415-555-0132``, ``(415) 555-0132``,
#: ``1 415 555 0132``) is written: three, three and four digits, the first three in brackets or
#: separated like the others. Unseparated ten digits are order and tracking numbers as often as phones.
GROUPED_NATIONAL = re.compile(r"(?:1[ .-]?)?(?:\(\d{3}\) ?|\d{3}([ .-]))\d{3}(?(1)\1|[ .-])\d{4}")
#: Where a grouped national number may start: not inside a word or a longer number (``msg_415-555-0132``).
GROUPED_START = re.compile(r"(?<![\w.,])" + GROUPED_NATIONAL.pattern)


#: A date (01.03.2024, 1/3/24) that a German area code could read as a number (07121 2021).
DATE = re.compile(r"\d{1,2}([./])\d{1,2}\1\d{2,4}")
#: A letter, digit or ``_`` right before a number, or a digit and one separator: it is part of a longer token.
TOKEN_BEFORE = re.compile(r"(?:\w|\d[ \-./])\Z")
#: Digits without separators a national number has, 0 included (0301234567, 015112345678): shorter or
#: longer runs are article, tracking and EAN numbers.
UNSEPARATED_NATIONAL = range(10, 13)


class Found(NamedTuple):
    """A personal value found in a text: where, what kind, and its normalised form."""

    start: int
    end: int
    kind: str
    value: str


def tokens(text: str) -> Iterator[Found]:
    """Tokens of an earlier masking, so masking twice leaves them as they are."""
    if "[" in text:
        for match in TOKEN.finditer(text):
            yield Found(match.start(), match.end(), "token", match.group())


def emails(text: str) -> Iterator[Found]:
    """E-mail addresses, normalised to lower case with a percent-encoded ``@`` decoded."""
    if "@" in text or "%40" in text:
        for match in EMAIL.finditer(text):
            # A percent-encoded ``@`` is read as ``@``: an address has one pseudonym however it was written.
            yield Found(match.start(), match.end(), "email", match.group().replace("%40", "@").lower())


def ibans(text: str) -> Iterator[Found]:
    """IBANs with a valid country length and check digits, normalised without spaces, in upper case."""
    for match in IBAN.finditer(text):
        candidate = match.group()
        # A word in capitals after the IBAN may have been taken as its last group: drop groups until valid.
        while len(candidate) >= 15:
            if iban.is_valid(candidate):
                yield Found(match.start(), match.start() + len(candidate), "iban", iban.compact(candidate))
                break
            candidate = candidate[: max(candidate.rfind(" "), len(candidate) - 4)].rstrip()


def cards(text: str) -> Iterator[Found]:
    """Payment card numbers: 13 to 19 digits of a card network's prefix that pass the Luhn check."""
    for match in CARD.finditer(text):
        digits = re.sub(r"[ -]", "", match.group())
        if CARD_ISSUER.match(digits) and (len(digits) > 13 or digits[0] == "4") and luhn.is_valid(digits):
            yield Found(match.start(), match.end(), "card", digits)


def phones(text: str, regions: Sequence[str] = DEFAULT_REGIONS) -> Iterator[Found]:
    """Phone numbers in international notation, or in the national notation of one of ``regions``
    (German by default), normalised to E.164; a number two regions read is the first region's."""
    grouped = any(not _has_trunk_zero(region) for region in regions)
    if PHONE_START.search(text) is None and not (grouped and GROUPED_START.search(text)):
        return
    for region in regions:
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=_leniency(region)):
            if not _written_as_phone(match.raw_string, match.number, region) or _continues(text, match.start):
                continue
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            yield Found(match.start, match.end, "phone", e164)


def _continues(text: str, start: int) -> bool:
    """Whether the number at ``start`` continues a word (``msg_00000005``) or a run of digit groups
    (``9400 1731 9130 0274 8988``): a part of an id, a tracking or article number, not a phone number."""
    return TOKEN_BEFORE.search(text, 0, start) is not None


def _leniency(region: str) -> phonenumbers.Leniency:
    """VALID for Germany (see PHONE_LENIENCY); POSSIBLE for the regions added: their notation rules
    below keep order numbers out, and VALID missed numbers people write (the UK's ``07700 900123``)."""
    return PHONE_LENIENCY if region in DEFAULT_REGIONS else phonenumbers.Leniency.POSSIBLE


def _has_trunk_zero(region: str) -> bool:
    """Whether national numbers of ``region`` start with a trunk 0 (Germany, the UK; not the US)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return metadata is not None and metadata.national_prefix == "0"


def _written_as_phone(raw: str, number: phonenumbers.PhoneNumber, region: str) -> bool:
    """Whether a number libphonenumber found is written as people write phone numbers, not as a date or id.

    International numbers (+49, 0049) are, when they exist (whatever the region's leniency: a run of
    zeros is ``00`` and a possible number). Where national numbers start with a trunk 0, one
    must (a number without it has no area code, like order and customer numbers) and, written
    without separators, have as many digits as a German number has; elsewhere it must be grouped
    as :data:`GROUPED_NATIONAL` says.
    """
    written = raw.lstrip("(")
    if written.startswith(("+", "00")):
        return phonenumbers.is_valid_number(number)
    if DATE.fullmatch(raw):
        return False
    if not _has_trunk_zero(region):
        return GROUPED_NATIONAL.fullmatch(raw) is not None
    if not written.startswith("0"):
        return False
    return not raw.isdigit() or len(raw) in UNSEPARATED_NATIONAL


#: Detectors in order of precedence: text claimed by one is not looked at by those after it.
DETECTORS = (tokens, ibans, emails, cards, phones)


def find(text: str, phone_regions: Sequence[str] = DEFAULT_REGIONS) -> list[Found]:
    """Every personal value in ``text`` (phone numbers of ``phone_regions``), without overlaps, in order."""
    found: list[Found] = []
    detectors = (*DETECTORS[:-1], partial(phones, regions=phone_regions))
    for detector in detectors:
        for item in detector(text):
            if all(item.end <= other.start or item.start >= other.end for other in found):
                found.append(item)
    return sorted(found)
