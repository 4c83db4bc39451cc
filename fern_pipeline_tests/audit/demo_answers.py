"""The demo's situations labelled with the help-center article that answers each (None: none does).

Read from the demo's help center (``fern_pipeline/demo/help_center``) and its scripted situations
(``fern_pipeline/demo/content``): a situation is a scenario of a kind of question.
"""

import json
import re
from pathlib import Path

from fern_pipeline.demo import DEMO_PAYLOADS
from fern_pipeline.demo.generate import SOURCES

#: A situation: source, kind of question and scenario index.
Situation = tuple[str, str, int]
PASSWORD = "Reset your password"
SSO = "Set up single sign-on (SAML)"
INVOICES = "Invoices and payment methods"
EXPORT = "Export your data"
DELETE = "Delete your account"
INTEGRATIONS = "Connect Slack and Zapier"
SHIPPING = "Lieferzeiten und Versand"
RETURNS = "Rücksendung und Erstattung"
EXCHANGE = "Umtausch in eine andere Größe"
CHANGE_ORDER = "Bestellung ändern oder stornieren"
#: Per kind of question, the article that answers each of its scenarios, in order.
ANSWERS: dict[str, tuple[str | None, ...]] = {
    "password_reset": (PASSWORD, PASSWORD, PASSWORD),
    "sso_setup": (SSO, SSO, SSO),
    # The invoice PDF, a changed VAT number, seats charged pro rata, the card on file: all in the article.
    "billing": (INVOICES, INVOICES, INVOICES, INVOICES),
    "plan_upgrade": (None, None, None, None),
    "api_limits": (None, None, None),
    "data_export": (EXPORT, EXPORT, EXPORT),
    # The article says how to delete an account or workspace; how long data is kept it does not.
    "account_deletion": (DELETE, DELETE, DELETE, None),
    "integrations": (INTEGRATIONS, INTEGRATIONS, INTEGRATIONS, INTEGRATIONS),
    "bug_report": (None, None, None, None, None),
    "two_factor": (None, None, None),
    "shipping_delay": (SHIPPING, SHIPPING, SHIPPING),
    "return_refund": (RETURNS, RETURNS, RETURNS),
    "damaged_item": (None, None),
    # How to exchange for another size is answered; whether a model runs small is not.
    "size_exchange": (EXCHANGE, None),
    "payment_failed": (None, None, None),
    "voucher": (None, None, None, None),
    "address_change": (CHANGE_ORDER, CHANGE_ORDER),
    "cancellation": (CHANGE_ORDER, CHANGE_ORDER, CHANGE_ORDER),
    # The help desk's invoice article is about another product: the shop's invoices have none.
    "invoice_request": (None, None, None),
}


def _openers() -> list[tuple[Situation, re.Pattern[str]]]:
    """Each opener of the demo's scenarios as a pattern of the first customer message it becomes."""
    openers = []
    for source in SOURCES:
        for name, topic in source.topics.items():
            for index, scenario in enumerate(topic.scenarios):
                for script in scenario.values():
                    for opener in script.opener:
                        text = ".+?".join(re.escape(part) for part in re.split(r"\{\w+\}", opener))
                        openers.append(
                            ((source.name, name, index), re.compile(rf"{text}(\n\n.*)?", re.DOTALL))
                        )
    return openers


def situation_questions(payloads: tuple[Path, ...] = DEMO_PAYLOADS) -> dict[Situation, list[str]]:
    """The first customer message of every demo conversation, by the situation it was written from."""
    openers = _openers()
    asked: dict[Situation, list[str]] = {}
    for payload in payloads:
        for conversation in json.loads(payload.read_text(encoding="utf-8"))["conversations"]:
            messages = conversation.get("messages")
            first = next(
                (m.get("content") for m in messages or [] if isinstance(m, dict) and m.get("role") == "user"),
                None,
            )
            if not isinstance(first, str):
                continue
            found = [situation for situation, pattern in openers if pattern.fullmatch(first)]
            if len(found) == 1:
                asked.setdefault(found[0], []).append(first)
    return asked
