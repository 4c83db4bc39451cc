"""The demo web shop of Bergfink Outdoor, an outdoor retailer: how one conversation draws its particulars."""

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from fern_pipeline.demo.helpdesk import money
from fern_pipeline.demo.model import Common, Lang, Phrases, Slots, known_keys_only


@known_keys_only
@dataclass(frozen=True)
class ProductLine:
    """Products that come in the same sizes (none for gear), each with its price in cents."""

    sizes: tuple[str, ...]
    prices: Mapping[str, int]


# One typed field per list in the content file: alike in shape only (see model.known_keys_only).
@known_keys_only
@dataclass(frozen=True)
class WebshopWords:
    """What a web-shop conversation's particulars are drawn from (``words`` in ``content/webshop.yaml``)."""

    products: tuple[ProductLine, ...]
    carriers: tuple[str, ...]
    payment_methods: Phrases
    vouchers: tuple[str, ...]
    streets: tuple[str, ...]
    cities: tuple[str, ...]
    companies: tuple[str, ...]

    @cached_property
    def catalog(self) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
        """Every product, in the order of the content file: its name, price in cents, and sizes."""
        return tuple(
            (name, price, line.sizes) for line in self.products for name, price in line.prices.items()
        )


def _shop_date(months: Phrases, lang: Lang, day: datetime) -> str:
    """A date as customers in that language write it: ``November 3`` or ``3. November``."""
    month = months[lang][day.month - 1]
    return f"{month} {day.day}" if lang == "en" else f"{day.day}. {month}"


def webshop_slots(
    words: WebshopWords, common: Common, rng: random.Random, lang: Lang, start: datetime
) -> Slots:
    """The particulars of one web-shop conversation: who writes, about which order, product, parcel."""
    product, price, _ = rng.choice(words.catalog)
    garment, _, sizes = rng.choice([item for item in words.catalog if item[2]])
    size = rng.randrange(len(sizes) - 1)
    smaller = size > 0 and rng.random() < 0.4
    ordered = start - timedelta(days=rng.randint(3, 12))
    return {
        "name": rng.choice(common.first_names[lang]),
        "order": f"BF-{rng.randint(100000, 999999)}",
        "order_date": _shop_date(common.months, lang, ordered),
        "ship_date": _shop_date(common.months, lang, ordered + timedelta(days=1)),
        "days": str((start - ordered).days),
        "product": product,
        "amount": money(lang, price),
        "garment": garment,
        "size": sizes[size],
        "new_size": sizes[size - 1 if smaller else size + 1],
        "carrier": rng.choice(words.carriers),
        "tracking": str(rng.randint(10**13, 10**14 - 1)),
        "payment": rng.choice(words.payment_methods[lang]),
        "voucher": rng.choice(words.vouchers),
        "address": f"{rng.choice(words.streets)} {rng.randint(1, 88)}, {rng.choice(words.cities)}",
        "company": rng.choice(words.companies),
        "vat_id": f"DE{rng.randint(10**8, 10**9 - 1)}",
        "po": str(rng.randint(10000, 99999)),
    }
