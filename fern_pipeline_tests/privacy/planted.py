"""A planted English and German set: personal values in many notations, and ordinary tokens that are not."""

import random
from collections.abc import Callable
from typing import NamedTuple

from stdnum import iban, luhn

SEED = 16
FIRST = ["anna", "jörg", "john", "mary", "lena", "o.brien", "li", "sophie", "max", "fatma", "ahmet", "ewa"]
LAST = ["mueller", "schmidt", "smith", "nguyen", "kowalski", "yilmaz", "weiß", "becker", "jones", "garcia"]
DOMAINS = [
    "example.com",
    "beispiel-firma.de",
    "mail.example.co.uk",
    "web.de",
    "gmx.net",
    "uni-koeln.de",
    "t-online.de",
]
DE_AREAS = [
    "30",
    "40",
    "89",
    "221",
    "69",
    "711",
    "211",
    "351",
    "341",
    "511",
    "231",
    "201",
    "421",
    "911",
    "6221",
]
#: Mobile prefixes and the digits that follow them.
DE_MOBILE = {
    "151": 8,
    "152": 8,
    "157": 8,
    "159": 8,
    "160": 7,
    "162": 7,
    "163": 7,
    "170": 7,
    "171": 7,
    "172": 7,
    "175": 7,
    "176": 8,
    "177": 7,
    "178": 7,
    "179": 7,
}
#: (country code, national numbers) known to be valid, so the planted item is a real-looking number.
FOREIGN = [
    ("1", ["415 555 0132", "212 555 0199", "646 555 0175", "303 555 0148"]),
    ("44", ["20 7946 0958", "161 496 0123", "7911 123456", "131 496 0999"]),
    ("43", ["1 5123456", "662 123456", "664 1234567"]),
    ("41", ["44 668 18 00", "31 123 45 67", "79 123 45 67"]),
    ("33", ["1 42 68 53 00", "6 12 34 56 78"]),
    ("31", ["20 123 4567", "6 12345678"]),
]
#: US area codes, and UK numbers by their national prefix with the digits that follow it.
US_AREAS = ["415", "212", "646", "303", "617", "312", "206", "512", "305", "713"]
UK_NATIONAL = {"020 7": 7, "020 3": 7, "0161 ": 7, "0121 ": 7, "0131 ": 7, "07700 900": 3, "079": 8, "074": 8}
EN = [
    "Hi, you can reach me at {} any time.",
    "My details: {}. Please update the account.",
    "Could you send the invoice to {} instead?",
    "{} is the one I used when ordering.",
    "I tried {} twice but nothing happened!",
]
DE = [
    "Hallo, Sie erreichen mich unter {} jederzeit.",
    "Meine Angaben: {}. Bitte ändern Sie das Konto.",
    "Könnten Sie die Rechnung an {} schicken?",
    "{} habe ich bei der Bestellung angegeben.",
    "Ich habe es mit {} zweimal versucht, leider ohne Erfolg!",
]


class Planted(NamedTuple):
    """A text with one value in it: its kind ('ordinary' when it is not personal), family and value."""

    text: str
    kind: str
    family: str
    value: str


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def _email(rng: random.Random) -> str:
    local = rng.choice(["{f}.{l}", "{f}{l}", "{f}_{l}{n}", "{F}.{L}", "{f}+shop@", "{f}.{l}+support"]).format(
        f=rng.choice(FIRST),
        l=rng.choice(LAST),
        F=rng.choice(FIRST).title(),
        L=rng.choice(LAST).title(),
        n=rng.randint(1, 99),
    )
    return local.rstrip("@") + "@" + rng.choice(DOMAINS)


def _us_national(rng: random.Random) -> str:
    """A US number as Americans write it, without the country code: 415-555-0132, (415) 555-0132."""
    area, exchange, line = rng.choice(US_AREAS), str(rng.randint(200, 999)), _digits(rng, 4)
    return rng.choice(
        [
            f"{area}-{exchange}-{line}",
            f"({area}) {exchange}-{line}",
            f"{area}.{exchange}.{line}",
            f"{area} {exchange} {line}",
            f"1-{area}-{exchange}-{line}",
            f"({area}){exchange}-{line}",
        ]
    )


def _uk_national(rng: random.Random) -> str:
    """A UK number as Britons write it, with the trunk 0: 020 7946 0958, 07700 900123, 0161 496 0123."""
    prefix = rng.choice(sorted(UK_NATIONAL))
    number = (prefix + _digits(rng, UK_NATIONAL[prefix])).replace(" ", "")
    if number.startswith("02"):
        grouped = f"{number[:3]} {number[3:7]} {number[7:]}"
    elif number.startswith("07"):
        grouped = f"{number[:5]} {number[5:]}"
    else:
        grouped = f"{number[:4]} {number[4:7]} {number[7:]}"
    area, rest = grouped.split(" ", 1)
    return rng.choice([grouped, f"({area}) {rest}", number, grouped.replace(" ", "-")])


#: Phone notations of the planted set, with the share of phone numbers written in each (the rest German).
NOTATIONS: dict[str, float] = {"US national": 0.15, "UK national": 0.15, "international": 0.2}


def _phone(rng: random.Random) -> tuple[str, str]:
    """A phone number: (its notation, the number)."""
    draw = rng.random()
    if draw < NOTATIONS["US national"]:
        return "US national", _us_national(rng)
    if draw < NOTATIONS["US national"] + NOTATIONS["UK national"]:
        return "UK national", _uk_national(rng)
    if draw < sum(NOTATIONS.values()):
        return "international", _international(rng)
    return "German", _german(rng)


def _international(rng: random.Random) -> str:
    """A number of another country with its country code: +1 (415) 555-0132, 0044 20 7946 0958."""
    code, numbers = rng.choice(FOREIGN)
    national = rng.choice(numbers)
    if code == "1":
        area, exchange, line = national.split()
        return rng.choice(
            [
                f"+1 ({area}) {exchange}-{line}",
                f"+1 {area}-{exchange}-{line}",
                f"001 {area} {exchange} {line}",
            ]
        )
    return rng.choice(
        [f"+{code} {national}", f"00{code} {national}", f"+{code}-{national.replace(' ', '-')}"]
    )


def _german(rng: random.Random) -> str:
    """A German number, landline or mobile, in the notations Germans use, with +49 or without."""
    if rng.random() < 0.4:
        prefix = rng.choice(sorted(DE_MOBILE))
        subscriber = rng.choice("123456789") + _digits(rng, DE_MOBILE[prefix] - 1)
    else:
        prefix = rng.choice(DE_AREAS)
        subscriber = rng.choice("23456789") + _digits(rng, 8 - len(prefix) + rng.randint(-1, 0))
    spaced = " ".join(subscriber[i : i + 2] for i in range(0, len(subscriber), 2))
    return rng.choice(
        [
            f"+49 {prefix} {subscriber}",
            f"0{prefix}/{subscriber}",
            f"0{prefix}-{subscriber}",
            f"(0{prefix}) {spaced}",
            f"0{prefix} {subscriber}",
            f"+49 (0){prefix} {subscriber}",
            f"0049 {prefix} {subscriber}",
            f"+49-{prefix}-{subscriber}",
            f"0{prefix} / {subscriber}",
            f"+49{prefix}{subscriber}",
        ]
    )


def _iban(rng: random.Random) -> str:
    country, bban = rng.choice(
        [
            ("DE", _digits(rng, 18)),
            ("AT", _digits(rng, 16)),
            ("CH", _digits(rng, 17)),
            ("GB", "NWBK" + _digits(rng, 14)),
            ("NL", "ABNA" + _digits(rng, 10)),
            ("FR", _digits(rng, 10) + "0" + _digits(rng, 10) + _digits(rng, 2)),
        ]
    )
    number = country + iban.calc_check_digits(country + "00" + bban) + bban
    if not iban.is_valid(number):  # a country's national check (e.g. France's) the digits failed: retry
        return _iban(rng)
    return rng.choice([number, iban.format(number), iban.format(number).lower()])


def _card(rng: random.Random) -> str:
    prefix, length, groups = rng.choice(
        [
            ("4", 16, (4, 4, 4, 4)),
            ("5" + rng.choice("12345"), 16, (4, 4, 4, 4)),
            ("37", 15, (4, 6, 5)),
            ("6011", 16, (4, 4, 4, 4)),
            ("4", 13, (4, 4, 5)),
            ("2221", 16, (4, 4, 4, 4)),
        ]
    )
    body = prefix + _digits(rng, length - len(prefix) - 1)
    number = body + luhn.calc_check_digit(body)
    parts, position = [], 0
    for size in groups:
        parts.append(number[position : position + size])
        position += size
    return rng.choice([number, " ".join(parts), "-".join(parts)])


def _ordinary(rng: random.Random) -> tuple[str, str]:
    """An ordinary token: (its family, the token)."""
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2026)
    families: dict[str, list[Callable[[], str]]] = {
        "order number": [
            lambda: f"#{rng.randint(100000, 999999)}",
            lambda: f"A-{y}-{rng.randint(1, 99999):05d}",
            lambda: f"Bestellnummer {rng.randint(1000000, 99999999)}",
            lambda: f"ORD-{y}{m:02d}{d:02d}-{rng.randint(1, 9999):04d}",
            lambda: f"Kundennummer KD-{rng.randint(100000, 999999)}",
            lambda: f"Ticket #{rng.randint(10000, 99999)}",
            lambda: f"Order #{rng.randint(100, 999)}-{_digits(rng, 7)}-{_digits(rng, 7)}",
            lambda: f"PO {rng.randint(4500000000, 4599999999)}",
            lambda: f"order {_digits(rng, 3)}-{_digits(rng, 6)}",
        ],
        "date": [
            lambda: f"{y}-{m:02d}-{d:02d}",
            lambda: f"{d:02d}.{m:02d}.{y}",
            lambda: f"{d}.{m}.{y}",
            lambda: f"{m:02d}/{d:02d}/{y}",
            lambda: f"{y}-{m:02d}-{d:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z",
            lambda: f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} Uhr",
            lambda: f"{d}/{m}/{y % 100:02d}",
            lambda: f"{m}-{d}-{y}",
            lambda: f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} pm",
        ],
        "price": [
            lambda: f"{rng.randint(1, 9)}.{rng.randint(100, 999)},{rng.randint(0, 99):02d} €",
            lambda: f"€{rng.randint(1, 999)},{rng.randint(0, 99):02d}",
            lambda: f"${rng.randint(1, 99)},{rng.randint(100, 999)}.{rng.randint(0, 99):02d}",
            lambda: f"EUR {rng.randint(10, 99)}.{rng.randint(100, 999)},{rng.randint(0, 99):02d}",
            lambda: f"{rng.randint(1, 12)} x {rng.randint(50, 999)} g",
            lambda: f"${rng.randint(1, 9)},{rng.randint(100, 999)}.{rng.randint(0, 99):02d}",
            lambda: f"£{rng.randint(1, 999)}.{rng.randint(0, 99):02d}",
        ],
        "version": [
            lambda: f"{rng.randint(1, 20)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}",
            lambda: (
                f"v{rng.randint(1, 20)}.{rng.randint(0, 30)}.{rng.randint(0, 200)}-beta.{rng.randint(1, 9)}"
            ),
            lambda: f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
        ],
        "postal code": [
            lambda: f"{rng.randint(10000, 99999)} Berlin",
            lambda: f"D-{rng.randint(10000, 99999)}",
            lambda: f"CA {rng.randint(90001, 96162)}-{_digits(rng, 4)}",
            lambda: f"SW1A {rng.randint(1, 9)}AA",
        ],
        "tracking number": [
            lambda: f"00340434{_digits(rng, 12)}",
            lambda: f"1Z{rng.randint(100, 999)}AA1{_digits(rng, 10)}",
            lambda: f"JJD{_digits(rng, 18)}",
            lambda: f"Sendungsnummer {rng.choice('01')}{_digits(rng, 13)}",
            lambda: " ".join(
                ["9400", "1" + _digits(rng, 3), *(_digits(rng, 4) for _ in range(3)), _digits(rng, 2)]
            ),
            lambda: f"FedEx {_digits(rng, 12)}",
            lambda: f"RM{_digits(rng, 9)}GB",
        ],
        "invoice": [
            lambda: f"RE-{y}-{rng.randint(10000, 99999)}",
            lambda: f"Rechnung {y}{_digits(rng, 6)}",
            lambda: f"INV-{_digits(rng, 6)}",
            lambda: f"Invoice {y}-{_digits(rng, 4)}-{_digits(rng, 3)}",
        ],
        "article number": [
            lambda: f"SN {_digits(rng, 4)}-{_digits(rng, 4)}-{_digits(rng, 4)}",
            lambda: f"Artikel {_digits(rng, 8)}",
            lambda: f"EAN {_digits(rng, 13)}",
            lambda: f"SKU {_digits(rng, 3)}-{_digits(rng, 4)}",
            lambda: f"ISBN 978-{rng.randint(0, 1)}-{_digits(rng, 3)}-{_digits(rng, 5)}-{rng.randint(0, 9)}",
            lambda: f"UPC {_digits(rng, 12)}",
        ],
    }
    family = rng.choice(sorted(families))
    return family, rng.choice(families[family])()


#: The personal kinds, each with its maker of (family, value).
MAKERS: dict[str, Callable[[random.Random], tuple[str, str]]] = {
    "email": lambda rng: ("email", _email(rng)),
    "phone": _phone,
    "iban": lambda rng: ("iban", _iban(rng)),
    "card": lambda rng: ("card", _card(rng)),
}
KINDS = tuple(MAKERS)


def planted(count: int, seed: int = SEED) -> list[Planted]:
    """``count`` texts of each kind (and of ordinary tokens), half English, half German."""
    rng = random.Random(seed)
    items = []
    for kind in (*KINDS, "ordinary"):
        for index in range(count):
            family, value = _ordinary(rng) if kind == "ordinary" else MAKERS[kind](rng)
            template = rng.choice(EN if index % 2 else DE)
            items.append(Planted(template.format(value), kind, family, value))
    return items
