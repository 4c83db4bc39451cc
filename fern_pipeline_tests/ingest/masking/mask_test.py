"""Masking on the planted English and German set: what must be masked is, what must not be is not."""

import hashlib
import hmac
import json
from collections import Counter

import pyarrow
import pyarrow.compute as pc
import pytest

from fern_pipeline.ingest.masking.columns import masked_column
from fern_pipeline.ingest.masking.detect import find
from fern_pipeline.ingest.masking.mask import CANDIDATE, Masker
from fern_pipeline.ingest.masking.pseudonym import TOKEN, Pseudonyms
from fern_pipeline_tests.privacy.planted import KINDS, planted

KEY = b"a project's secret key"
#: The regions whose national notations the planted set writes (privacy.phone_regions: [DE, US, GB]).
REGIONS = ("DE", "US", "GB")
MASKER = Masker(Pseudonyms(KEY), REGIONS)
#: Texts per kind in the planted set: 1 % of it is 20 texts.
PLANTED = planted(2000)


def expected_token(kind: str, normalised: str, key: bytes = KEY) -> str:
    digest = hmac.new(key, f"{kind}:{normalised}".encode(), hashlib.sha256).hexdigest()
    return f"[{kind}:{digest[:10]}]"


@pytest.mark.parametrize("kind", KINDS, ids=KINDS)
def test_at_least_99_percent_of_planted_values_are_masked_as_their_kind(kind: str) -> None:
    items = [item for item in PLANTED if item.kind == kind]
    missed = [
        item.text
        for item in items
        if item.value in (masked := MASKER.text(item.text)) or f"[{kind}:" not in masked
    ]
    assert len(missed) <= len(items) // 100, missed[:10]


@pytest.mark.parametrize("notation", ["German", "US national", "UK national", "international"])
def test_at_least_99_percent_of_phone_numbers_are_masked_in_each_notation(notation: str) -> None:
    items = [item for item in PLANTED if item.family == notation]
    missed = [item.text for item in items if item.value in MASKER.text(item.text)]
    assert len(items) >= 200
    assert len(missed) <= len(items) // 100, missed[:10]


def test_national_notations_of_regions_not_configured_stay_as_they_are() -> None:
    german_only = Masker(Pseudonyms(KEY))
    assert german_only.text("call 415-555-0132") == "call 415-555-0132"
    assert german_only.text("call +1 415-555-0132") == f"call {expected_token('phone', '+14155550132')}"


def test_a_number_two_regions_read_is_the_first_regions() -> None:
    # 07911 is a UK mobile prefix and a German area code (Baden-Württemberg): both notations are valid
    british_first = Masker(Pseudonyms(KEY), ("GB", "DE"))
    assert MASKER.text("07911 123456") == expected_token("phone", "+497911123456")
    assert british_first.text("07911 123456") == expected_token("phone", "+447911123456")


def test_at_most_1_percent_of_ordinary_tokens_are_masked() -> None:
    items = [item for item in PLANTED if item.kind == "ordinary"]
    masked = [item.value for item in items if item.value not in MASKER.text(item.text)]
    assert len(items) == 2000
    assert len(masked) <= len(items) // 100, masked


def test_ordinary_tokens_cover_every_family_named_in_the_issue() -> None:
    families = Counter(item.family for item in PLANTED if item.kind == "ordinary")
    assert {"order number", "date", "price", "version", "postal code", "tracking number", "invoice"} <= set(
        families
    )
    assert min(families.values()) >= 20


@pytest.mark.parametrize(
    ("kind", "notations", "normalised"),
    [
        (
            "email",
            ["Alice.Example@Example.COM", "alice.example@example.com", "alice.example%40example.com"],
            "alice.example@example.com",
        ),
        (
            "phone",
            ["+49 30 1234567", "030/1234567", "(030) 123 45 67", "0049 30 1234567", "+49 (0)30 1234567"],
            "+49301234567",
        ),
        ("phone", ["0151-12345678", "+49 151 12345678", "0151 1234 5678"], "+4915112345678"),
        ("phone", ["+1 (415) 555-0132", "001 415 555 0132"], "+14155550132"),
        ("phone", ["0044 20 7946 0958", "+44 20 7946 0958"], "+442079460958"),
        (
            "phone",
            ["415-555-0132", "(415) 555-0132", "415.555.0132", "415 555 0132", "1-415-555-0132"],
            "+14155550132",
        ),
        ("phone", ["020 7946 0958", "(020) 7946 0958", "020-7946-0958"], "+442079460958"),
        ("phone", ["0161 496 0123", "(0161) 496 0123", "+44 161 496 0123"], "+441614960123"),
        (
            "iban",
            ["DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "de89 3704 0044 0532 0130 00"],
            "DE89370400440532013000",
        ),
        ("card", ["4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111"], "4111111111111111"),
        ("card", ["3782 822463 10005", "378282246310005"], "378282246310005"),
    ],
    ids=[
        "email",
        "berlin",
        "mobile",
        "us",
        "uk",
        "us-national",
        "london",
        "manchester",
        "iban",
        "visa",
        "amex",
    ],
)
def test_every_notation_of_a_value_gives_the_same_keyed_token(
    kind: str, notations: list[str], normalised: str
) -> None:
    token = expected_token(kind, normalised)
    for notation in notations:
        assert MASKER.text(f"Bitte an {notation} wenden.") == f"Bitte an {token} wenden."


def test_an_address_percent_encoded_in_a_url_is_masked_as_the_address() -> None:
    url = "https://desk.example/search?customer=alice.example%40example.com&page=2"
    token = expected_token("email", "alice.example@example.com")
    assert MASKER.text(url) == f"https://desk.example/search?customer={token}&page=2"
    assert MASKER.text("a discount of 100%40 off") == "a discount of 100%40 off"


def test_another_key_gives_other_tokens() -> None:
    text = "mail alice@example.com or call 030/1234567"
    other_key = b"another project's key"
    other = Masker(Pseudonyms(other_key)).text(text)
    assert other == (
        f"mail {expected_token('email', 'alice@example.com', other_key)} "
        f"or call {expected_token('phone', '+49301234567', other_key)}"
    )
    assert other != MASKER.text(text)


def test_the_key_is_never_in_a_repr() -> None:
    assert KEY.decode() not in repr(MASKER)


def test_masking_masked_text_again_changes_nothing() -> None:
    for item in PLANTED[::7]:
        once = MASKER.text(item.text)
        assert MASKER.text(once) == once


def test_json_text_is_masked_in_strings_and_numbers_and_stays_json() -> None:
    raw = json.dumps(
        {
            "id": "conv_42",
            "lastMessageAt": "2026-03-01T10:00:00Z",
            "messages": [
                {"id": 7, "role": "customer", "content": "Ich bin\nanna@example.com, Tel. 030/1234567"},
                {"id": 8, "role": "user", "content": 4111111111111111, "createdAt": "2026-03-01T10:00:00Z"},
            ],
        }
    )
    masked = MASKER.json_text(raw)
    assert json.loads(masked) == {
        "id": "conv_42",
        "lastMessageAt": "2026-03-01T10:00:00Z",
        "messages": [
            {
                "id": 7,
                "role": "customer",
                "content": f"Ich bin\n{expected_token('email', 'anna@example.com')}, Tel. "
                f"{expected_token('phone', '+49301234567')}",
            },
            {
                "id": 8,
                "role": "user",
                "content": expected_token("card", "4111111111111111"),
                "createdAt": "2026-03-01T10:00:00Z",
            },
        ],
    }


def test_an_arrow_column_is_masked_value_by_value_with_nulls_kept() -> None:
    values = ["Hallo, wo bleibt meine Bestellung?", None, "anna@example.com", "Version 2.14.1, 1.299,00 €"]
    masked = masked_column(MASKER, pyarrow.array(values, pyarrow.large_string()))
    assert masked.type == pyarrow.large_string()
    assert masked.to_pylist() == [values[0], None, expected_token("email", "anna@example.com"), values[3]]


def test_tokens_match_the_agreed_format() -> None:
    masked = MASKER.text("anna@example.com 030/1234567 DE89370400440532013000 4111111111111111")
    assert [match.group() for match in TOKEN.finditer(masked)] == masked.split()


def test_the_arrow_prefilter_passes_every_text_a_detector_finds_something_in_and_no_plain_id() -> None:
    texts = [item.text for item in PLANTED] + [
        "DE89370400440532013000",
        "x:4111111111111111",
        "(415) 555-0132",
    ]
    passed = pc.match_substring_regex(pyarrow.array(texts), CANDIDATE).to_pylist()
    missed = [
        text for text, candidate in zip(texts, passed, strict=True) if not candidate and find(text, REGIONS)
    ]
    assert missed == []
    ids = pyarrow.array(["msg_00000005", "conv_0012345", "ORD-20240101-0042", "a1b2c3d4e5f6"])
    assert not pc.any(pc.match_substring_regex(ids, CANDIDATE)).as_py()
