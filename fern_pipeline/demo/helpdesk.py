"""The demo help desk of Planwise, a project-planning SaaS: how one conversation draws its particulars."""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from fern_pipeline.demo.model import Common, Lang, Phrases, Slots, known_keys_only


# One typed field per list in the content file: alike in shape only (see model.known_keys_only).
@known_keys_only
@dataclass(frozen=True)
class HelpdeskWords:
    """What a help-desk conversation's particulars are drawn from (``words`` in ``content/helpdesk.yaml``)."""

    product: str
    #: From the smallest plan to the largest: a customer upgrades to the next one.
    plans: tuple[str, ...]
    seats: tuple[int, ...]
    surnames: tuple[str, ...]
    domains: tuple[str, ...]
    workspaces: tuple[str, ...]
    features: Phrases
    platforms: Phrases
    server_errors: tuple[str, ...]
    #: API paths; ``{project}`` becomes a project number.
    endpoints: tuple[str, ...]
    upload_errors: tuple[str, ...]
    integrations: tuple[str, ...]
    channels: tuple[str, ...]
    export_formats: tuple[str, ...]


def money(lang: Lang, cents: int) -> str:
    """An amount in euros as customers in that language write it: ``€1,234.50`` or ``1.234,50 €``."""
    euros, rest = divmod(cents, 100)
    if lang == "en":
        return f"€{euros:,}.{rest:02d}"
    return f"{euros:,}".replace(",", ".") + f",{rest:02d} €"


def helpdesk_slots(
    words: HelpdeskWords, common: Common, rng: random.Random, lang: Lang, start: datetime
) -> Slots:
    """The particulars of one help-desk conversation: who writes, about which workspace, plan, error."""
    name = rng.choice(common.first_names[lang])
    plan = rng.randrange(len(words.plans) - 1)
    feature = rng.choice(words.features[lang])
    minor, patch = rng.randint(8, 14), rng.randint(0, 5)
    previous_month = (start.replace(day=1) - timedelta(days=1)).month
    return {
        "product": words.product,
        "name": name,
        "email": f"{name.lower()}.{rng.choice(words.surnames)}@{rng.choice(words.domains)}",
        "workspace": rng.choice(words.workspaces),
        "plan": words.plans[plan],
        "new_plan": words.plans[plan + 1],
        "small_plan": words.plans[rng.randrange(2)],
        "seats": str(rng.choice(words.seats)),
        "invoice": f"INV-2026-{rng.randint(1000, 9999):05d}",
        "vat_id": f"DE{rng.randint(10**8, 10**9 - 1)}",
        "amount": money(lang, rng.randint(49, 2400) * 100),
        "month": common.months[lang][previous_month - 1],
        "idp": rng.choice(common.identity_providers),
        "server_error": rng.choice(words.server_errors),
        "endpoint": rng.choice(words.endpoints).format(project=rng.randint(1000, 9999)),
        "request_id": f"req_{rng.getrandbits(48):012x}",
        "integration": rng.choice(words.integrations),
        "channel": rng.choice(words.channels),
        "platform": rng.choice(words.platforms[lang]),
        "feature": feature,
        "Feature": feature[0].upper() + feature[1:],
        "version": f"4.{minor}.{patch}",
        "next_version": f"4.{minor}.{patch + 1}",
        "error_code": rng.choice(words.upload_errors),
        "export_format": rng.choice(words.export_formats),
    }
