"""Labels that generalise: one customer's ids, numbers, addresses, amounts and dates never name a topic."""

import pytest

from fern_pipeline.audit.keywords import short_question
from fern_pipeline.audit.labels import generalised


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Where is order BF-482913?", "Where is order …?"),
        ("Invoice INV-2026-0042 has our old name on it", "Invoice … has our old name on it"),
        ("Ticket #4711 and hd-10021 are the same", "Ticket … and … are the same"),
        ("Der Gutschein WILLKOMMEN10 geht nicht", "Der Gutschein … geht nicht"),
        ("Tracking 12345678901234 shows nothing", "Tracking … shows nothing"),
        ("Please write to anna.berger@example.com", "Please write to …"),
        ("Please write to [email:0123456789]", "Please write to …"),
        ("See https://desk.example.com/t/1?x=2 for details", "See … for details"),
        ("I was charged $49.00 and 129,95 € and EUR 12", "I was charged … and … and …"),
        ("Bestellt am 12. November 2026, geliefert 03.11.2026", "Bestellt am …, geliefert …"),
        ("Ordered on November 12, 2026 (2026-11-12)", "Ordered on …"),
        (
            "Webhook returns 401 after SAML 2.0 and 2FA for 5 seats",
            "Webhook returns 401 after SAML 2.0 and 2FA for 5 seats",
        ),
    ],
    ids=[
        "order-number",
        "invoice-number",
        "ids",
        "voucher-code",
        "long-number",
        "email",
        "masked-email",
        "url",
        "amounts",
        "german-dates",
        "english-dates",
        "short-numbers-stay",
    ],
)
def test_particulars_become_a_placeholder_and_what_is_asked_stays(text: str, expected: str) -> None:
    assert generalised(text) == expected


def test_a_label_carries_no_order_number_and_keeps_the_question() -> None:
    label = short_question("Hallo, meine Bestellung BF-123456 vom 3. Mai ist nicht angekommen. Wo ist sie?")
    assert label == "meine Bestellung … vom … ist nicht angekommen. Wo ist sie?"
