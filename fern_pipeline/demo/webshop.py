"""The demo web shop of Bergfink Outdoor, an outdoor retailer: topics, voice and slots (mostly German)."""

import random
from datetime import datetime, timedelta

from fern_pipeline.demo.helpdesk import FIRST_NAMES, MONTHS, money
from fern_pipeline.demo.model import Defect, Lang, Phrases, Script, Slots, Source, Topic, Voice, help_url

# ---------------------------------------------------------------------------------------------------
# The web shop of Bergfink Outdoor, a German outdoor-clothing retailer: mostly German.

APPAREL_SIZES = ("XS", "S", "M", "L", "XL", "XXL")
SHOE_SIZES = tuple(str(size) for size in range(37, 47))
#: Product name, price in cents, sizes (none for gear without sizes).
PRODUCTS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("Trekkingjacke Alpina", 24995, APPAREL_SIZES),
    ("Fleecejacke Nordlicht", 8995, APPAREL_SIZES),
    ("Regenhose Sturm", 7995, APPAREL_SIZES),
    ("Merino-Shirt Basis", 5495, APPAREL_SIZES),
    ("Daunenweste Firn", 12995, APPAREL_SIZES),
    ("Softshellhose Grat", 10995, APPAREL_SIZES),
    ("Wanderschuh Karst GTX", 17995, SHOE_SIZES),
    ("Trailrunningschuh Flink", 13995, SHOE_SIZES),
    ("Rucksack Gipfel 30", 11995, ()),
    ("Schlafsack Biwak -5", 15995, ()),
    ("Stirnlampe Lux 400", 3995, ()),
)
CARRIERS = ("DHL", "DHL", "Hermes", "DPD", "GLS")
PAYMENT_METHODS: Phrases = {
    "en": ("PayPal", "credit card", "Klarna", "Apple Pay"),
    "de": ("PayPal", "Kreditkarte", "Klarna", "Apple Pay"),
}
VOUCHERS = ("WILLKOMMEN10", "HERBST20", "NEWSLETTER15", "BLACKWEEK25", "TREUE10")
STREETS = ("Lindenstraße", "Hauptstraße", "Am Mühlbach", "Goethestraße", "Schillerweg", "Bahnhofstraße")
CITIES = ("50674 Köln", "80331 München", "20095 Hamburg", "04109 Leipzig", "70173 Stuttgart", "1070 Wien")
COMPANIES = ("Müller Bau GmbH", "Schreinerei Krause", "Alpenblick Touren GmbH", "Kletterhalle Nordwand e.V.")


def _shop_date(lang: Lang, day: datetime) -> str:
    """A date as customers in that language write it: ``November 3`` or ``3. November``."""
    month = MONTHS[lang][day.month - 1]
    return f"{month} {day.day}" if lang == "en" else f"{day.day}. {month}"


def webshop_slots(rng: random.Random, lang: Lang, start: datetime) -> Slots:
    """The particulars of one web-shop conversation: who writes, about which order, product, parcel."""
    product, price, _ = rng.choice(PRODUCTS)
    garment, _, sizes = rng.choice([item for item in PRODUCTS if item[2]])
    size = rng.randrange(len(sizes) - 1)
    smaller = size > 0 and rng.random() < 0.4
    ordered = start - timedelta(days=rng.randint(3, 12))
    return {
        "name": rng.choice(FIRST_NAMES[lang]),
        "order": f"BF-{rng.randint(100000, 999999)}",
        "order_date": _shop_date(lang, ordered),
        "ship_date": _shop_date(lang, ordered + timedelta(days=1)),
        "days": str((start - ordered).days),
        "product": product,
        "amount": money(lang, price),
        "garment": garment,
        "size": sizes[size],
        "new_size": sizes[size - 1 if smaller else size + 1],
        "carrier": rng.choice(CARRIERS),
        "tracking": str(rng.randint(10**13, 10**14 - 1)),
        "payment": rng.choice(PAYMENT_METHODS[lang]),
        "voucher": rng.choice(VOUCHERS),
        "address": f"{rng.choice(STREETS)} {rng.randint(1, 88)}, {rng.choice(CITIES)}",
        "company": rng.choice(COMPANIES),
        "vat_id": f"DE{rng.randint(10**8, 10**9 - 1)}",
        "po": str(rng.randint(10000, 99999)),
    }


SHIPPING_DELAY = Topic(
    scenarios=(
        {
            "de": Script(
                opener=(
                    "Hallo, ich habe am {order_date} bestellt (Bestellnummer {order}) und noch immer nichts "
                    "bekommen. Wo bleibt meine Bestellung?",
                    "Die Sendungsverfolgung bei {carrier} zeigt seit Tagen keinen neuen Status. Bestellung "
                    "{order}.",
                    "Wo ist mein Paket?? Bestellung {order}, bestellt am {order_date}.",
                ),
                detail=(
                    "Sendungsnummer: {tracking}",
                    "Ich brauche die Sachen eigentlich für eine Tour am Wochenende.",
                ),
                reply=(
                    "vielen Dank für Ihre Geduld. Ihre Bestellung {order} wurde am {ship_date} an {carrier} "
                    "übergeben (Sendungsnummer {tracking}). Derzeit kommt es bei {carrier} zu "
                    "Verzögerungen; ich habe einen Nachforschungsauftrag gestellt."
                ),
                follow_ups=(
                    (
                        "Das ist jetzt schon über eine Woche. Wenn das nicht bis Freitag kommt, hätte ich "
                        "gern mein Geld zurück.",
                        "Die Nachforschung bei {carrier} kann bis zu 8 Werktage dauern. Damit Sie nicht so "
                        "lange warten, schicken wir Ihnen heute kostenlos eine Ersatzlieferung.",
                    ),
                    (
                        "Laut Tracking ist es jetzt im Paketzentrum. Kommt es noch?",
                        "Ja, das sieht gut aus: Ab dem Paketzentrum dauert es meist noch 1-2 Werktage. "
                        "Sollte es bis Mittwoch nicht da sein, schicken wir Ersatz.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "Hi, I ordered on {order_date} (order {order}) and still haven't received anything. "
                    "Where is my parcel?",
                    "Tracking with {carrier} hasn't updated for days. Order {order}.",
                ),
                detail=("Tracking number: {tracking}", "I need the gear for a hike this weekend."),
                reply=(
                    "Thanks for your patience. Order {order} was handed to {carrier} on {ship_date} "
                    "(tracking {tracking}). {carrier} is running late in some regions at the moment; I've "
                    "opened an investigation with them."
                ),
                follow_ups=(
                    (
                        "It's been over a week now. If it doesn't arrive by Friday I'd like a refund.",
                        "The investigation with {carrier} can take up to 8 working days, so we're sending a "
                        "replacement today at no cost.",
                    ),
                    (
                        "Tracking now says it's at the parcel centre. Will it still come?",
                        "Yes, that looks good: from the parcel centre it usually takes another 1-2 working "
                        "days. If it isn't there by Wednesday, we'll send a replacement.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Wann wird meine Bestellung {order} verschickt? Laut Shop sollte sie in {shipping_days} "
                    "Werktagen da sein, jetzt sind es schon {days} Tage.",
                    "Meine Bestellung {order} steht seit {days} Tagen auf 'in Bearbeitung'. Warum wird "
                    "nichts verschickt?",
                ),
                detail=("Ich habe extra Expressversand bezahlt.",),
                reply=(
                    "Ihre Bestellung {order} ist leider noch nicht versendet, weil {product} gerade nicht "
                    "auf Lager ist. Wir erwarten die Ware in den nächsten 3-5 Werktagen, danach geht das "
                    "Paket sofort raus."
                ),
                follow_ups=(
                    (
                        "Können Sie den Rest schon mal ohne {product} schicken?",
                        "Gern, ich habe die Bestellung geteilt: Der Rest geht heute raus, {product} folgt "
                        "ohne zusätzliche Versandkosten.",
                    ),
                    (
                        "So lange kann ich nicht warten. Dann stornieren Sie bitte {product}.",
                        "Erledigt: {product} ist storniert und der Betrag von {amount} wird erstattet. Der "
                        "Rest der Bestellung geht heute raus.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "When will order {order} ship? The shop said {shipping_days} working days, it's been "
                    "{days} days now.",
                    "My order {order} has been 'processing' for {days} days. Why hasn't it shipped?",
                ),
                detail=("I even paid for express shipping.",),
                reply=(
                    "Unfortunately order {order} hasn't shipped yet because {product} is out of stock. We "
                    "expect it within 3-5 working days and will ship right away."
                ),
                follow_ups=(
                    (
                        "Can you ship the rest without {product}?",
                        "Done: I've split the order. The rest ships today and {product} follows without "
                        "extra shipping costs.",
                    ),
                    (
                        "I can't wait that long. Please cancel {product} then.",
                        "Done: {product} is cancelled and {amount} will be refunded. The rest of your order "
                        "ships today.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Mein Paket ist laut {carrier} zugestellt, aber hier ist nichts angekommen!! Bestellnr. "
                    "{order}",
                    "{carrier} sagt 'zugestellt', bei mir ist aber kein Paket. Bestellung {order}.",
                ),
                detail=("Im Briefkasten war auch keine Benachrichtigung.",),
                reply=(
                    "Wenn {carrier} die Zustellung meldet, das Paket aber nicht da ist, lohnt sich ein "
                    "Blick bei den Nachbarn oder in der Filiale. Ist es dort nicht, melden Sie sich bitte, "
                    "dann starten wir eine Nachforschung."
                ),
                follow_ups=(
                    (
                        "Bei den Nachbarn ist nichts und in der Filiale auch nicht. Was jetzt?",
                        "Danke fürs Nachsehen. Ich habe die Nachforschung bei {carrier} gestartet und "
                        "schicke Ihnen heute schon kostenlos Ersatz, damit Sie nicht warten müssen.",
                    ),
                    (
                        "Es lag tatsächlich beim Nachbarn. Sorry!",
                        "Kein Problem, schön, dass es da ist! Viel Freude mit Ihrer Bestellung.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "My parcel shows as delivered by {carrier} but nothing arrived. Order {order}.",
                    "{carrier} says 'delivered' but there's no parcel here. Order {order}.",
                ),
                detail=("There was no card in the letterbox either.",),
                reply=(
                    "When {carrier} reports a delivery but the parcel isn't there, it's worth asking your "
                    "neighbours or checking the local parcel shop. If it's not there either, let us know "
                    "and we'll start an investigation."
                ),
                follow_ups=(
                    (
                        "Not with the neighbours or at the shop. What now?",
                        "Thanks for checking. I've opened an investigation with {carrier} and we're sending "
                        "a free replacement today so you don't have to wait.",
                    ),
                    (
                        "It was at my neighbour's after all. Sorry!",
                        "No problem, glad it turned up! Enjoy your order.",
                    ),
                ),
            ),
        },
    ),
    link=help_url("de", "lieferzeiten-und-versand"),
)

RETURN_REFUND = Topic(
    scenarios=(
        {
            "de": Script(
                opener=(
                    "Ich möchte {product} aus Bestellung {order} zurückschicken. Wie funktioniert die "
                    "Rücksendung?",
                    "Brauche ich für die Retoure ein Rücksendeetikett oder kann ich das Paket einfach so "
                    "zurückschicken?",
                    "Wie kann ich etwas zurückgeben? Es geht um {product}.",
                ),
                detail=("Die Ware ist ungetragen und noch mit Etikett.",),
                reply=(
                    "Sie haben {return_days} Tage Rückgaberecht ab Erhalt. Das Rücksendeetikett erstellen "
                    "Sie in Ihrem Kundenkonto unter Bestellungen → {order} → Artikel zurücksenden; die "
                    "Rücksendung ist für Sie kostenlos."
                ),
                follow_ups=(
                    (
                        "Ich habe als Gast bestellt und kein Kundenkonto. Wie komme ich an das Etikett?",
                        "Kein Problem, ich habe Ihnen das Rücksendeetikett per E-Mail geschickt. Einfach "
                        "ausdrucken und in einer {carrier}-Filiale abgeben.",
                    ),
                    (
                        "Ich habe keinen Drucker. Geht das auch anders?",
                        "Ja, im Kundenkonto können Sie statt des Etiketts einen QR-Code wählen; den zeigen "
                        "Sie einfach in der {carrier}-Filiale vor.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "I'd like to return {product} from order {order}. How does that work?",
                    "Do I need a return label or can I just send the parcel back?",
                ),
                detail=("The item is unworn with the tags still on.",),
                reply=(
                    "You can return items within {return_days} days of receipt. Create a free return label "
                    "in your account under Orders → {order} → Return items."
                ),
                follow_ups=(
                    (
                        "I ordered as a guest, so I have no account. How do I get the label?",
                        "No problem, I've emailed you the return label. Just print it and drop the parcel "
                        "off at any {carrier} shop.",
                    ),
                    (
                        "I don't have a printer. Is there another way?",
                        "Yes, in your account you can choose a QR code instead of a label; just show it at "
                        "the {carrier} shop.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Meine Rücksendung ist laut {carrier} seit einer Woche bei Ihnen, aber die Erstattung "
                    "von {amount} fehlt noch.",
                    "Wann bekomme ich mein Geld für die Retoure zurück? Bestellung {order}, zurückgeschickt "
                    "vor zehn Tagen.",
                ),
                detail=("Bezahlt hatte ich mit {payment}.",),
                reply=(
                    "Ihre Rücksendung ist bei uns eingegangen und wird gerade geprüft. Die Erstattung über "
                    "{amount} lösen wir innerhalb von {refund_days} Werktagen aus; je nach Zahlungsart "
                    "dauert es dann 3-5 Tage, bis das Geld bei Ihnen ist."
                ),
                follow_ups=(
                    (
                        "Jetzt sind weitere 5 Tage vergangen und immer noch keine Erstattung.",
                        "Die Erstattung über {amount} wurde heute ausgelöst; Sie erhalten gleich eine "
                        "Bestätigung per E-Mail. Entschuldigen Sie die Verzögerung.",
                    ),
                    (
                        "Es wurde nur ein Teil erstattet, nicht der volle Betrag.",
                        "Die Versandkosten der ursprünglichen Bestellung erstatten wir nur bei "
                        "vollständiger Rückgabe. Da Sie einen Artikel behalten haben, ist der Betrag "
                        "korrekt.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "According to {carrier} my return reached your warehouse a week ago, but I haven't got "
                    "my refund of {amount} yet.",
                    "When do I get my money back for the return of order {order}? I sent it ten days ago.",
                ),
                detail=("I paid with {payment}.",),
                reply=(
                    "Your return has arrived and is being checked. We'll issue the refund of {amount} "
                    "within {refund_days} working days; depending on the payment method it takes another "
                    "3-5 days to show up."
                ),
                follow_ups=(
                    (
                        "It's been another 5 days and still no refund.",
                        "The refund of {amount} went out today; you'll get a confirmation email shortly. "
                        "Sorry for the delay.",
                    ),
                    (
                        "Only part of the amount was refunded.",
                        "We refund the original shipping costs only when the whole order is returned. As "
                        "you kept one item, the amount is correct.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Wie lange dauert es, bis das Geld nach einer Rücksendung wieder auf meinem "
                    "PayPal-Konto ist?",
                    "Bekomme ich die Erstattung auf dieselbe Zahlungsart zurück?",
                ),
                detail=("Ich habe gestern zurückgeschickt.",),
                reply=(
                    "Die Erstattung geht immer auf die ursprüngliche Zahlungsart. Nach Eingang und Prüfung "
                    "der Rücksendung lösen wir sie innerhalb von {refund_days} Werktagen aus; bei PayPal "
                    "ist das Geld dann sofort da, bei Kreditkarte nach 3-5 Tagen."
                ),
                follow_ups=(
                    (
                        "Und bei Klarna-Rechnung? Muss ich die dann noch bezahlen?",
                        "Bei Klarna pausieren Sie die Zahlung einfach in der Klarna-App, bis die "
                        "Rücksendung bei uns verbucht ist; danach wird die Rechnung angepasst.",
                    ),
                    (
                        "Kann ich mir stattdessen einen Gutschein geben lassen?",
                        "Ja, gern: Bei Gutschrift als Gutschein legen wir 10 % obendrauf. Ich habe das für "
                        "Ihre Rücksendung vermerkt.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "How long does it take for a refund to reach my PayPal account after a return?",
                    "Will the refund go back to the same payment method?",
                ),
                detail=("I sent the return yesterday.",),
                reply=(
                    "Refunds always go back to the original payment method. Once your return has arrived "
                    "and been checked we issue it within {refund_days} working days; with PayPal the money "
                    "arrives immediately, with a credit card after 3-5 days."
                ),
                follow_ups=(
                    (
                        "And if I paid with Klarna invoice? Do I still have to pay it?",
                        "With Klarna you can pause the payment in the Klarna app until the return is "
                        "booked; the invoice is then adjusted.",
                    ),
                    (
                        "Could I get store credit instead?",
                        "Sure: if you take store credit we add 10% on top. I've noted that for your return.",
                    ),
                ),
            ),
        },
    ),
    link=help_url("de", "ruecksendung-und-erstattung"),
)

DAMAGED_ITEM = Topic(
    scenarios=(
        {
            "de": Script(
                opener=(
                    "Der Artikel {product} aus Bestellung {order} ist beschädigt angekommen.",
                    "Das Paket war völlig zerdrückt und {product} ist beschädigt. Was kann ich tun?",
                ),
                detail=("Fotos habe ich gemacht, kann ich gern schicken.",),
                reply=(
                    "Das tut mir leid! Schicken Sie uns bitte ein bis zwei Fotos vom Schaden als Antwort "
                    "auf diese Nachricht, dann veranlassen wir sofort Ersatz oder Erstattung, ganz wie Sie "
                    "möchten."
                ),
                follow_ups=(
                    (
                        "Fotos sind im Anhang. Ich hätte gern einen Ersatz.",
                        "Danke für die Fotos. Der Ersatz für {product} geht heute raus, die Sendungsnummer "
                        "bekommen Sie per E-Mail. Den beschädigten Artikel müssen Sie nicht zurückschicken.",
                    ),
                    (
                        "Fotos anbei. Mir wäre das Geld lieber.",
                        "Danke! Die Erstattung über {amount} ist veranlasst und in 3-5 Tagen auf Ihrem "
                        "Konto. Den beschädigten Artikel müssen Sie nicht zurückschicken.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "{product} arrived damaged. Order {order}.",
                    "The box was crushed and {product} inside is damaged. What can I do?",
                ),
                detail=("I took photos, happy to send them.",),
                reply=(
                    "I'm sorry to hear that! Please reply with one or two photos of the damage and we'll "
                    "send a replacement or refund you, whichever you prefer."
                ),
                follow_ups=(
                    (
                        "Photos attached. I'd like a replacement please.",
                        "Thanks for the photos. The replacement {product} ships today and you'll get the "
                        "tracking number by email. No need to send the damaged one back.",
                    ),
                    (
                        "Photos attached. I'd prefer a refund.",
                        "Thanks! The refund of {amount} is on its way and will reach you within 3-5 days. "
                        "No need to send the damaged item back.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Nach nur zwei Monaten geht {product} kaputt. Ist das ein Garantiefall?",
                    "{product} ist nach wenigen Wochen defekt. Bekomme ich Ersatz?",
                ),
                detail=("Gekauft habe ich im Sommer, Bestellung {order}.",),
                reply=(
                    "Auf alle Artikel gibt es 2 Jahre Gewährleistung. Schicken Sie uns bitte Fotos vom "
                    "Defekt; nach der Prüfung erhalten Sie ein kostenloses Rücksendeetikett."
                ),
                follow_ups=(
                    (
                        "Fotos sind anbei. Muss ich den Artikel wirklich einschicken?",
                        "Bei so einem eindeutigen Schaden nicht. Ich habe Ersatz für {product} veranlasst, "
                        "er geht heute raus.",
                    ),
                    (
                        "Wie lange dauert die Prüfung nach dem Einschicken?",
                        "In der Regel 5-7 Werktage ab Eingang. Danach bekommen Sie Ersatz oder, falls nicht "
                        "mehr lieferbar, den Kaufpreis von {amount} zurück.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "After only two months {product} is falling apart. Is that covered by the warranty?",
                    "{product} broke after a few weeks. Can I get a replacement?",
                ),
                detail=("I bought it in the summer, order {order}.",),
                reply=(
                    "All items come with a 2-year warranty. Please send us photos of the defect; once we've "
                    "checked them you'll get a free return label."
                ),
                follow_ups=(
                    (
                        "Photos attached. Do I really have to send it in?",
                        "Not with damage this clear. I've arranged a replacement {product}; it ships today.",
                    ),
                    (
                        "How long does the check take once I've sent it?",
                        "Usually 5-7 working days after it arrives. Then you get a replacement or, if it's "
                        "no longer available, the price of {amount} back.",
                    ),
                ),
            ),
        },
    ),
)

SIZE_EXCHANGE = Topic(
    scenarios=(
        {
            "de": Script(
                opener=(
                    "Ich habe {garment} in Größe {size} bestellt, passt leider nicht. Kann ich auf Größe "
                    "{new_size} umtauschen? Bestellung {order}",
                    "Umtausch bitte: {garment}, Größe {size} → {new_size}. Wie geht das am schnellsten?",
                    "Kann ich direkt eine andere Größe bestellen und die falsche dann zurückschicken, oder "
                    "gibt es einen richtigen Umtausch? Es geht um {garment} in {size}.",
                ),
                detail=("Die Farbe soll gleich bleiben.", "Ungetragen natürlich."),
                reply=(
                    "Ein Umtausch ist ganz einfach: Melden Sie den Artikel im Kundenkonto unter "
                    "Bestellungen → {order} → Umtauschen an und wählen Sie die gewünschte Größe. Wir "
                    "reservieren sie sofort und versenden sie, sobald Ihre Rücksendung gescannt wurde."
                ),
                follow_ups=(
                    (
                        "Geht das auch schneller? Ich brauche den Artikel nächste Woche.",
                        "Ausnahmsweise schicken wir Größe {new_size} schon heute los; bitte senden Sie die "
                        "alte innerhalb von 14 Tagen zurück.",
                    ),
                    (
                        "Größe {new_size} ist laut Shop ausverkauft.",
                        "Stimmt, gerade ist nur noch ein Exemplar im Zulauf. Ich habe es für Sie "
                        "reserviert; es geht nächste Woche raus, sobald es eintrifft.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "I ordered {garment} in size {size} but it doesn't fit. Can I exchange it for "
                    "{new_size}? Order {order}",
                    "Exchange please: {garment}, size {size} → {new_size}. What's the quickest way?",
                ),
                detail=("Same colour please.", "Unworn, of course."),
                reply=(
                    "Exchanges are easy: in your account go to Orders → {order} → Exchange and pick the new "
                    "size. We reserve it right away and ship it as soon as your return is scanned."
                ),
                follow_ups=(
                    (
                        "Can it go faster? I need it next week.",
                        "As an exception we're sending size {new_size} today; please return the old one "
                        "within 14 days.",
                    ),
                    (
                        "The shop says size {new_size} is sold out.",
                        "Right, there's one more on its way to our warehouse. I've reserved it for you and "
                        "it ships next week when it arrives.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Fällt das Modell {garment} eher groß oder klein aus? Ich habe {size} bestellt und das "
                    "passt gar nicht.",
                    "Welche Größe soll ich bei {garment} nehmen? {size} passt nicht.",
                ),
                detail=("Normalerweise trage ich {size}.",),
                reply=(
                    "Das Modell {garment} fällt etwa eine halbe Größe anders aus als üblich; die meisten "
                    "nehmen {new_size}. Die ist aktuell auf Lager. Soll ich sie für Sie reservieren?"
                ),
                follow_ups=(
                    (
                        "Ja, bitte reservieren. Das Etikett für die Rücksendung habe ich schon.",
                        "Erledigt: {garment} in Größe {new_size} ist reserviert und geht raus, sobald "
                        "{carrier} Ihre Rücksendung scannt.",
                    ),
                    (
                        "Gibt es irgendwo eine Maßtabelle?",
                        "Ja, auf jeder Produktseite unter 'Größe & Passform'. Bei {garment} wählen Sie am "
                        "besten nach Brustumfang bzw. Fußlänge.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "Does {garment} run large or small? I ordered {size} and it doesn't fit at all.",
                    "Which size should I get in {garment}? {size} didn't fit.",
                ),
                detail=("I usually wear {size}.",),
                reply=(
                    "{garment} fits about half a size differently from most brands; most customers take "
                    "{new_size}, which is in stock. Shall I reserve it for you?"
                ),
                follow_ups=(
                    (
                        "Yes, please reserve it. I already have the return label.",
                        "Done: {garment} in size {new_size} is reserved and ships as soon as {carrier} "
                        "scans your return.",
                    ),
                    (
                        "Is there a size chart somewhere?",
                        "Yes, on every product page under 'Size & fit'. For {garment}, go by chest size or "
                        "foot length.",
                    ),
                ),
            ),
        },
    ),
)

PAYMENT_FAILED = Topic(
    scenarios=(
        {
            "de": Script(
                opener=(
                    "Beim Bezahlen mit {payment} kommt immer 'Zahlung fehlgeschlagen'. Ich habe es dreimal "
                    "versucht.",
                    "Die 3-D-Secure-Bestätigung bricht jedes Mal ab und danach ist der Warenkorb leer.",
                ),
                detail=("Es geht um {amount}.", "Mit einer anderen Karte passiert dasselbe."),
                reply=(
                    "Die Meldung kommt direkt vom Zahlungsanbieter, den Grund sehen wir leider nicht. Bitte "
                    "prüfen Sie Limit und Freigabe in Ihrer Banking-App oder wählen Sie eine andere "
                    "Zahlungsart. Ihr Warenkorb bleibt im Kundenkonto gespeichert."
                ),
                follow_ups=(
                    (
                        "Mit PayPal hat es jetzt geklappt, aber die erste Abbuchung sehe ich immer noch auf "
                        "meinem Konto.",
                        "Keine Sorge: Fehlgeschlagene Zahlungen sind nur Reservierungen und verschwinden je "
                        "nach Bank nach 5-7 Tagen automatisch. Belastet wird nur einmal.",
                    ),
                    (
                        "Meine Bank sagt, bei ihr ist alles in Ordnung.",
                        "Danke fürs Nachfragen. Wir hatten heute Vormittag eine Störung bei unserem "
                        "Zahlungsdienstleister, die inzwischen behoben ist. Bitte versuchen Sie es noch "
                        "einmal.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "Payment with {payment} keeps failing with 'payment declined'. Tried three times.",
                    "The 3-D Secure confirmation times out every time and my basket is empty afterwards.",
                ),
                detail=("It's for {amount}.", "Same thing with a different card."),
                reply=(
                    "The message comes straight from the payment provider, so we can't see the reason. "
                    "Please check the limit and approval in your banking app, or choose another payment "
                    "method. Your basket stays saved in your account."
                ),
                follow_ups=(
                    (
                        "PayPal worked now, but I still see the first charge on my account.",
                        "Don't worry: failed payments are only authorisations and disappear after 5-7 days "
                        "depending on your bank. You're only charged once.",
                    ),
                    (
                        "My bank says everything is fine on their side.",
                        "Thanks for checking. Our payment provider had an outage this morning, which is "
                        "fixed now. Please try again.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Meine Kreditkarte wurde belastet, aber im Shop steht die Bestellung {order} auf "
                    "'Zahlung ausstehend'.",
                    "Das Geld ist abgebucht, trotzdem bekomme ich eine Zahlungserinnerung für {order}.",
                ),
                detail=("Abgebucht wurden {amount}.",),
                reply=(
                    "Die Zahlung ist bei uns eingegangen, der Status wird aber erst nach dem Abgleich mit "
                    "dem Zahlungsdienstleister aktualisiert. Ich habe Bestellung {order} manuell als "
                    "bezahlt markiert; sie geht heute raus."
                ),
                follow_ups=(
                    (
                        "Heißt das, ich wurde jetzt doppelt belastet?",
                        "Ich habe nachgesehen: Es gibt nur eine Buchung über {amount}. Die zweite Position "
                        "ist eine Vormerkung, die Ihre Bank in wenigen Tagen löscht.",
                    ),
                    (
                        "Und die Zahlungserinnerung kann ich ignorieren?",
                        "Ja, die können Sie ignorieren. Sie wurde automatisch verschickt, bevor ich die "
                        "Zahlung zugeordnet habe.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "My card was charged but order {order} still says 'payment pending'.",
                    "The money has left my account but I got a payment reminder for {order}.",
                ),
                detail=("{amount} was taken.",),
                reply=(
                    "Your payment reached us; the status only updates after reconciliation with the payment "
                    "provider. I've marked order {order} as paid manually and it ships today."
                ),
                follow_ups=(
                    (
                        "So was I charged twice?",
                        "I checked: there's only one payment of {amount}. The second entry is a pending "
                        "authorisation your bank will drop within a few days.",
                    ),
                    (
                        "Can I ignore the reminder then?",
                        "Yes, please ignore it. It went out automatically before I matched your payment.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Klarna lehnt meinen Rechnungskauf ab, warum? Bestellung {order}",
                    "Warum kann ich nicht auf Rechnung bestellen? Klarna sagt nur 'nicht möglich'.",
                ),
                detail=("Ich habe schon oft bei Ihnen auf Rechnung bestellt.",),
                reply=(
                    "Über den Rechnungskauf entscheidet Klarna selbst, darauf haben wir keinen Einfluss und "
                    "sehen auch den Grund nicht. Sie können aber mit PayPal oder Kreditkarte bezahlen."
                ),
                follow_ups=(
                    (
                        "Kann ich nicht einfach per Vorkasse überweisen?",
                        "Doch, gern: Wählen Sie an der Kasse 'Vorkasse'; die Bestellung geht raus, sobald "
                        "die Überweisung da ist, meist nach 1-2 Werktagen.",
                    ),
                    (
                        "Hat Klarna mir dazu irgendwas geschrieben?",
                        "Klarna informiert Sie direkt per E-Mail oder in der Klarna-App. Bei Fragen zur "
                        "Ablehnung hilft der Klarna-Kundenservice weiter.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "Klarna declined my pay-later purchase, why? Order {order}",
                    "Why can't I pay by invoice? Klarna just says 'not available'.",
                ),
                detail=("I've paid by invoice with you many times.",),
                reply=(
                    "Klarna decides on invoice purchases itself; we have no influence on it and can't see "
                    "the reason. You can pay with PayPal or a credit card instead."
                ),
                follow_ups=(
                    (
                        "Can I just pay by bank transfer in advance?",
                        "Yes, choose 'Prepayment' at checkout; the order ships once your transfer arrives, "
                        "usually within 1-2 working days.",
                    ),
                    (
                        "Did Klarna send me anything about this?",
                        "Klarna tells you directly by email or in the Klarna app. Their customer service "
                        "can help with questions about the decision.",
                    ),
                ),
            ),
        },
    ),
)

VOUCHER = Topic(
    scenarios=(
        {
            "de": Script(
                opener=(
                    "Mein Gutscheincode {voucher} funktioniert nicht, es kommt 'Code ungültig'.",
                    "Der Rabattcode {voucher} wird im Warenkorb nicht angenommen.",
                ),
                detail=(
                    "Im Warenkorb liegt {product} für {amount}.",
                    "Ich habe den Code aus dem Newsletter kopiert.",
                ),
                reply=(
                    "Der Code {voucher} gilt ab einem Mindestbestellwert von 50 € und nicht für bereits "
                    "reduzierte Artikel; vermutlich liegt es daran."
                ),
                follow_ups=(
                    (
                        "Es sind aber keine reduzierten Artikel im Warenkorb, und der Wert liegt über 50 €.",
                        "Sie haben recht, der Code war fälschlich abgelaufen. Ich habe ihn bis Monatsende "
                        "verlängert, jetzt sollte es klappen.",
                    ),
                    (
                        "Ah, der Artikel ist tatsächlich reduziert. Kann man da trotzdem was machen?",
                        "Ausnahmsweise ja: Ich habe Ihnen einen Code über 10 % geschickt, der auch für "
                        "reduzierte Artikel gilt, gültig bis Sonntag.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "The discount code {voucher} doesn't work, it says 'invalid code'.",
                    "Your code {voucher} isn't accepted in the basket.",
                ),
                detail=(
                    "My basket has {product} for {amount}.",
                    "I copied the code straight from the newsletter.",
                ),
                reply=(
                    "The code {voucher} needs a minimum order of €50 and doesn't apply to sale items; "
                    "that's probably it."
                ),
                follow_ups=(
                    (
                        "There are no sale items in my basket and it's over €50.",
                        "You're right, the code had expired by mistake. I've extended it to the end of the "
                        "month, so it should work now.",
                    ),
                    (
                        "Ah, the item is on sale indeed. Anything you can do?",
                        "As an exception, yes: I've emailed you a 10% code that also works on sale items, "
                        "valid until Sunday.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Ich habe vergessen, den Rabattcode {voucher} einzugeben. Können Sie den Rabatt für "
                    "Bestellung {order} nachträglich abziehen?",
                    "Hab beim Bestellen den Gutschein {voucher} vergessen. Geht das noch nachträglich? "
                    "Bestellung {order}",
                ),
                detail=("Bestellt habe ich gestern Abend.",),
                reply=(
                    "Kein Problem, ich habe Ihnen den Rabatt für Bestellung {order} nachträglich erstattet; "
                    "das Geld ist in 3-5 Tagen auf Ihrem Konto."
                ),
                follow_ups=(
                    (
                        "Danke! Gilt der Code auch noch für eine zweite Bestellung?",
                        "Der Code {voucher} ist einmal pro Kundenkonto einlösbar, für eine zweite "
                        "Bestellung leider nicht.",
                    ),
                    (
                        "Auf dem Konto ist noch nichts angekommen.",
                        "Die Erstattung ist bei uns am selben Tag rausgegangen; bei Kreditkarte dauert es "
                        "bis zu 5 Werktage. Melden Sie sich gern, falls es bis Freitag nicht da ist.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "I forgot to enter the code {voucher}. Can you apply the discount to order {order} "
                    "retroactively?",
                    "Forgot my voucher {voucher} at checkout. Can you still apply it? Order {order}",
                ),
                detail=("I ordered last night.",),
                reply=(
                    "No problem, I've refunded the discount for order {order}; the money will be in your "
                    "account within 3-5 days."
                ),
                follow_ups=(
                    (
                        "Thanks! Does the code work for a second order too?",
                        "The code {voucher} can be used once per customer account, so not for a second "
                        "order, sorry.",
                    ),
                    (
                        "Nothing has arrived in my account yet.",
                        "The refund left us the same day; with a credit card it can take up to 5 working "
                        "days. Let us know if it isn't there by Friday.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Kann man zwei Gutscheine kombinieren? {voucher} und einen Geschenkgutschein.",
                    "Wo löse ich einen Geschenkgutschein ein? Ich sehe nur das Feld für Rabattcodes.",
                ),
                detail=("Der Geschenkgutschein ist über 50 €.",),
                reply=(
                    "Rabattcodes lassen sich nicht miteinander kombinieren, einen Geschenkgutschein können "
                    "Sie aber zusätzlich einlösen: im letzten Schritt unter 'Zahlungsart'. Das Feld im "
                    "Warenkorb ist nur für Rabattcodes."
                ),
                follow_ups=(
                    (
                        "Unter Zahlungsart steht bei mir nichts von Gutschein.",
                        "Das Feld erscheint erst, wenn Sie angemeldet sind; bei Gastbestellungen ist es "
                        "ausgeblendet. Nach dem Login sollte es da sein.",
                    ),
                    (
                        "Und wenn der Gutschein mehr wert ist als die Bestellung?",
                        "Der Rest bleibt auf dem Gutschein und kann bei der nächsten Bestellung eingelöst "
                        "werden.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "Can I combine two vouchers? {voucher} and a gift card.",
                    "Where do I redeem a gift card? I only see a field for discount codes.",
                ),
                detail=("The gift card is worth €50.",),
                reply=(
                    "Discount codes can't be combined with each other, but you can add a gift card on top: "
                    "in the last step under 'Payment method'. The field in the basket is for discount codes "
                    "only."
                ),
                follow_ups=(
                    (
                        "There's nothing about gift cards under payment method.",
                        "The field only appears when you're logged in; it's hidden for guest orders. After "
                        "logging in it should be there.",
                    ),
                    (
                        "What if the gift card is worth more than the order?",
                        "The rest stays on the gift card and can be used on your next order.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Der Gutschein für die Newsletter-Anmeldung ist nie angekommen.",
                    "Ich habe mich für den Newsletter angemeldet, aber keinen Rabattcode bekommen.",
                ),
                detail=("Angemeldet habe ich mich letzte Woche.",),
                reply=(
                    "Der Code kommt erst, nachdem Sie die Anmeldung über den Link in unserer "
                    "Bestätigungs-E-Mail bestätigt haben. Ich habe Ihnen die Bestätigung noch einmal "
                    "geschickt."
                ),
                follow_ups=(
                    (
                        "Bestätigt, aber immer noch kein Code.",
                        "Ich habe Ihnen den Code NEWSLETTER15 jetzt direkt gutgeschrieben; er gilt 30 Tage.",
                    ),
                    (
                        "Die Bestätigungsmail war im Spam. Jetzt ist der Code da, danke!",
                        "Wunderbar! Viel Spaß beim Einkaufen.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "The voucher for signing up to the newsletter never arrived.",
                    "I subscribed to the newsletter but didn't get a discount code.",
                ),
                detail=("I signed up last week.",),
                reply=(
                    "The code is sent once you've confirmed your subscription via the link in our "
                    "confirmation email. I've sent you the confirmation again."
                ),
                follow_ups=(
                    (
                        "Confirmed, but still no code.",
                        "I've now added the code NEWSLETTER15 to your account directly; it's valid for 30 "
                        "days.",
                    ),
                    (
                        "The confirmation was in spam. Got the code now, thanks!",
                        "Wonderful! Enjoy your shopping.",
                    ),
                ),
            ),
        },
    ),
)

ADDRESS_CHANGE = Topic(
    scenarios=(
        {
            "de": Script(
                opener=(
                    "Ich habe mich bei der Lieferadresse vertippt! Bestellung {order}, richtig ist: "
                    "{address}.",
                    "Falsche Hausnummer in Bestellung {order}! Bitte an {address} liefern.",
                ),
                detail=("Bitte schnell, bevor es rausgeht.",),
                reply=(
                    "Ihre Bestellung {order} ist noch nicht verpackt; ich habe die Lieferadresse auf "
                    "{address} geändert."
                ),
                follow_ups=(
                    (
                        "Super. Kann ich auch noch die Rechnungsadresse ändern?",
                        "Ja, die Rechnungsadresse habe ich ebenfalls angepasst; die Rechnung kommt mit der "
                        "neuen Adresse.",
                    ),
                    (
                        "Danke! In der Versandbestätigung steht aber noch die alte Adresse.",
                        "Die Bestätigung wurde vor der Änderung erzeugt. Auf dem Paketschein steht die neue "
                        "Adresse, das habe ich eben im Lager geprüft.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "I made a typo in the delivery address for order {order}. The correct one is {address}.",
                    "Wrong house number on order {order}! Please deliver to {address}.",
                ),
                detail=("Please hurry before it ships.",),
                reply=(
                    "Order {order} hasn't been packed yet, so I've changed the delivery address to {address}."
                ),
                follow_ups=(
                    (
                        "Great. Can I also change the billing address?",
                        "Yes, I've updated the billing address as well; the invoice will show the new one.",
                    ),
                    (
                        "Thanks! But the shipping confirmation still shows the old address.",
                        "The confirmation was created before the change. The parcel label has the new "
                        "address; I just checked with the warehouse.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Kann ich die Lieferadresse für Bestellung {order} noch ändern? Ich bin nächste Woche "
                    "nicht zu Hause.",
                    "Bitte an eine Packstation liefern statt an meine Adresse, geht das noch? Bestellung "
                    "{order}",
                ),
                detail=("Alternativ an {address}.",),
                reply=(
                    "Ihre Bestellung ist leider schon an {carrier} übergeben. Sie können die Zustellung "
                    "aber über die Sendungsverfolgung ({tracking}) umleiten oder an einen Paketshop "
                    "schicken lassen."
                ),
                follow_ups=(
                    (
                        "Über {carrier} klappt das Umleiten nicht, da steht 'für diese Sendung nicht "
                        "möglich'.",
                        "Dann lassen wir das Paket zurückkommen und schicken es nach Eingang kostenlos an "
                        "die richtige Adresse.",
                    ),
                    ("Umleiten hat geklappt, danke!", "Prima, dann sollte es pünktlich ankommen."),
                ),
            ),
            "en": Script(
                opener=(
                    "Can I still change the delivery address for order {order}? I'll be away next week.",
                    "Could you deliver order {order} to a parcel locker instead of my home?",
                ),
                detail=("Alternatively to {address}.",),
                reply=(
                    "Your order has already been handed to {carrier}. You can redirect it via their "
                    "tracking page ({tracking}) or have it sent to a parcel shop."
                ),
                follow_ups=(
                    (
                        "Redirecting with {carrier} doesn't work, it says 'not available for this parcel'.",
                        "Then we'll have the parcel returned to us and send it to the right address free of "
                        "charge.",
                    ),
                    ("Redirect worked, thanks!", "Great, then it should arrive on time."),
                ),
            ),
        },
    ),
    link=help_url("de", "bestellung-aendern-oder-stornieren"),
)

CANCELLATION = Topic(
    scenarios=(
        {
            "de": Script(
                opener=(
                    "Bitte stornieren Sie meine Bestellung {order}, ich habe aus Versehen doppelt bestellt.",
                    "Kann ich die Bestellung {order} noch stornieren? Ich habe sie erst vor einer Stunde "
                    "aufgegeben.",
                ),
                detail=("Bezahlt habe ich mit {payment}.",),
                reply=(
                    "Ich habe Bestellung {order} storniert. Der Betrag von {amount} wird auf Ihre "
                    "ursprüngliche Zahlungsart zurückgebucht."
                ),
                follow_ups=(
                    (
                        "Danke. Wann ist das Geld wieder da?",
                        "Bei PayPal in der Regel sofort, bei Kreditkarte in 3-5 Werktagen.",
                    ),
                    (
                        "Ich habe trotzdem eine Versandbestätigung bekommen. Ist die Stornierung wirklich "
                        "durch?",
                        "Ja, die Versandbestätigung ging automatisch vor der Stornierung raus. Es wird "
                        "nichts verschickt.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "Please cancel my order {order}, I ordered twice by mistake.",
                    "Can I still cancel order {order}? I only placed it an hour ago.",
                ),
                detail=("I paid with {payment}.",),
                reply=(
                    "I've cancelled order {order}. The {amount} will be refunded to your original payment "
                    "method."
                ),
                follow_ups=(
                    (
                        "Thanks. When will I get the money back?",
                        "With PayPal usually straight away, with a credit card within 3-5 working days.",
                    ),
                    (
                        "I still got a shipping confirmation. Did the cancellation really go through?",
                        "Yes, the shipping confirmation went out automatically before the cancellation. "
                        "Nothing will be shipped.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Ich möchte Bestellung {order} stornieren, ich habe {product} doch woanders gekauft.",
                    "Bitte Bestellung {order} stornieren, brauche sie nicht mehr.",
                ),
                detail=("Bestellt am {order_date}.",),
                reply=(
                    "Leider ist die Bestellung schon im Versand und lässt sich nicht mehr stornieren. Sie "
                    "können die Annahme verweigern oder das Paket kostenlos zurückschicken; die Erstattung "
                    "folgt dann automatisch."
                ),
                follow_ups=(
                    (
                        "Wenn ich die Annahme verweigere, wie lange dauert dann die Erstattung?",
                        "Sobald das Paket wieder bei uns ist, meist nach 5-7 Werktagen, erstatten wir die "
                        "{amount} automatisch.",
                    ),
                    (
                        "Ich bin tagsüber nicht da, verweigern kann ich also gar nicht.",
                        "Dann schicken Sie das Paket nach Erhalt einfach mit dem beiliegenden "
                        "Rücksendeschein zurück, die Erstattung kommt automatisch.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "I'd like to cancel order {order}, I bought {product} elsewhere after all.",
                    "Please cancel order {order}, I don't need it anymore.",
                ),
                detail=("Ordered on {order_date}.",),
                reply=(
                    "Unfortunately the order has already shipped and can't be cancelled. You can refuse the "
                    "delivery or send it back free of charge; the refund follows automatically."
                ),
                follow_ups=(
                    (
                        "If I refuse the delivery, how long until I get the refund?",
                        "Once the parcel is back with us, usually after 5-7 working days, we refund the "
                        "{amount} automatically.",
                    ),
                    (
                        "I'm not home during the day, so I can't refuse it.",
                        "Then just send it back with the enclosed return slip once it arrives; the refund "
                        "follows automatically.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Ich möchte nur {product} aus Bestellung {order} stornieren, den Rest behalte ich.",
                    "Kann ich aus Bestellung {order} einen Artikel rausnehmen? Es geht um {product}.",
                ),
                detail=("Der Rest kann ganz normal kommen.",),
                reply=(
                    "Ich habe {product} aus der Bestellung entfernt, der Rest wird wie geplant versendet. "
                    "Die Differenz von {amount} erstatten wir Ihnen."
                ),
                follow_ups=(
                    (
                        "Ändern sich dadurch die Versandkosten?",
                        "Nein, die Versandkosten bleiben gleich, da der Bestellwert weiter über der Grenze "
                        "für kostenlosen Versand liegt.",
                    ),
                    (
                        "Danke! Bekomme ich eine neue Rechnung?",
                        "Ja, die Rechnung wird mit dem Versand erstellt und enthält nur die verbleibenden "
                        "Artikel.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "I'd like to cancel only {product} from order {order} and keep the rest.",
                    "Can I remove one item from order {order}? It's {product}.",
                ),
                detail=("The rest can ship as normal.",),
                reply=(
                    "I've removed {product} from the order; the rest ships as planned. We'll refund the "
                    "difference of {amount}."
                ),
                follow_ups=(
                    (
                        "Does that change the shipping costs?",
                        "No, shipping stays the same because the order value is still above the "
                        "free-shipping threshold.",
                    ),
                    (
                        "Thanks! Will I get a new invoice?",
                        "Yes, the invoice is created when the order ships and only lists the remaining "
                        "items.",
                    ),
                ),
            ),
        },
    ),
    link=help_url("de", "bestellung-aendern-oder-stornieren"),
)

INVOICE_REQUEST = Topic(
    scenarios=(
        {
            "de": Script(
                opener=(
                    "Ich brauche eine Rechnung für Bestellung {order}, in der Bestellbestätigung ist keine.",
                    "Wo finde ich die Rechnung zu meiner Bestellung {order}? Ich habe als Gast bestellt.",
                ),
                detail=("Es ist für die Steuererklärung.",),
                reply=(
                    "Die Rechnung kommt mit dem Versand per E-Mail und liegt außerdem im Kundenkonto unter "
                    "Bestellungen → {order}. Ich habe sie Ihnen noch einmal angehängt."
                ),
                follow_ups=(
                    ("Im Anhang ist leider nichts.", "Entschuldigung! Jetzt ist die Rechnung als PDF dabei."),
                    (
                        "Danke! Können Sie noch meine Anschrift ergänzen? Die fehlt auf der Rechnung.",
                        "Erledigt, die korrigierte Rechnung mit Ihrer Anschrift ist im Anhang.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "I need an invoice for order {order}, the confirmation email didn't include one.",
                    "Where can I find the invoice for order {order}? I ordered as a guest.",
                ),
                detail=("It's for my expense report.",),
                reply=(
                    "Invoices are emailed when the order ships and are also in your account under Orders → "
                    "{order}. I've attached it again here."
                ),
                follow_ups=(
                    ("There was no attachment.", "Sorry! The PDF is attached now."),
                    (
                        "Thanks! Could you add my address? It's missing on the invoice.",
                        "Done, the corrected invoice with your address is attached.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Können Sie die Rechnung für {order} bitte auf unsere Firma ausstellen? {company}, "
                    "USt-IdNr. {vat_id}",
                    "Wir brauchen die Rechnung zu {order} auf {company}, nicht auf meinen Namen.",
                ),
                detail=("USt-IdNr.: {vat_id}",),
                reply=(
                    "Gern, ich habe die Rechnung für {order} auf {company} mit Ihrer USt-IdNr. neu "
                    "ausgestellt; sie ist im Anhang."
                ),
                follow_ups=(
                    (
                        "Danke! Können Sie noch die Bestellnummer unseres Einkaufs draufschreiben? PO-{po}",
                        "Erledigt, die korrigierte Rechnung mit der PO-Nummer ist im Anhang.",
                    ),
                    (
                        "Kann man das künftig direkt beim Bestellen angeben?",
                        "Ja, an der Kasse unter 'Rechnungsadresse' gibt es das Feld 'Firma / USt-IdNr.'; "
                        "dann steht beides gleich auf der Rechnung.",
                    ),
                ),
            ),
            "en": Script(
                opener=(
                    "Could you issue the invoice for {order} to our company? {company}, VAT ID {vat_id}",
                    "We need the invoice for {order} in the name of {company}, not mine.",
                ),
                detail=("VAT ID: {vat_id}",),
                reply=(
                    "Of course, I've reissued the invoice for {order} to {company} with your VAT ID; it's "
                    "attached."
                ),
                follow_ups=(
                    (
                        "Thanks! Could you add our purchase order number? PO-{po}",
                        "Done, the corrected invoice with the PO number is attached.",
                    ),
                    (
                        "Can we enter this at checkout next time?",
                        "Yes, at checkout under 'Billing address' there's a 'Company / VAT ID' field; both "
                        "then appear on the invoice straight away.",
                    ),
                ),
            ),
        },
        {
            "de": Script(
                opener=(
                    "Auf der Rechnung zu {order} ist keine Mehrwertsteuer ausgewiesen, die brauche ich aber.",
                    "Warum steht auf meiner Rechnung zu {order} keine MwSt.?",
                ),
                detail=("Ich bin selbstständig und brauche das für den Vorsteuerabzug.",),
                reply=(
                    "Die Mehrwertsteuer ist im Gesamtbetrag enthalten und steht unten auf der Rechnung "
                    "unter 'enthaltene MwSt. 19 %'. Ich habe Ihnen die Rechnung noch einmal angehängt."
                ),
                follow_ups=(
                    (
                        "Da steht bei mir nur der Gesamtbetrag.",
                        "Sie haben recht, bei Bestellungen über die App fehlte die Zeile eine Zeit lang. "
                        "Ich habe die Rechnung neu erzeugt, jetzt ist die MwSt. ausgewiesen.",
                    ),
                    ("Ah, jetzt sehe ich es. Danke!", "Gern geschehen!"),
                ),
            ),
            "en": Script(
                opener=(
                    "The invoice for {order} doesn't show VAT, but I need it.",
                    "Why is there no VAT on my invoice for {order}?",
                ),
                detail=("I'm self-employed and need it for my tax return.",),
                reply=(
                    "VAT is included in the total and shown at the bottom of the invoice as 'incl. 19% "
                    "VAT'. I've attached the invoice again."
                ),
                follow_ups=(
                    (
                        "Mine only shows the total.",
                        "You're right, orders placed in the app were missing that line for a while. I've "
                        "regenerated the invoice and the VAT is now shown.",
                    ),
                    ("Ah, now I see it. Thanks!", "You're welcome!"),
                ),
            ),
        },
    ),
)

WEBSHOP_VOICE = Voice(
    agents=("Sabine", "Mehmet", "Julia", "Felix", "Anna"),
    greeting={
        "de": ("Hallo {name},", "Hallo {name}, vielen Dank für Ihre Nachricht.", "Guten Tag {name},"),
        "en": ("Hi {name},", "Hello {name}, thanks for getting in touch."),
    },
    sign_off={
        "de": (
            "Viele Grüße\n{agent}\nBergfink Kundenservice",
            "Sonnige Grüße aus dem Bergfink-Team\n{agent}",
        ),
        "en": ("Best wishes,\n{agent}\nBergfink Customer Service", "Kind regards,\n{agent}"),
    },
    link_intro={
        "de": ("Alle Infos dazu finden Sie auch hier:", "Mehr dazu in unserer Hilfe:"),
        "en": ("You'll find more in our help center:", "Details:"),
    },
    user_sign_off={"de": ("Viele Grüße\n{name}", "LG {name}"), "en": ("Thanks,\n{name}", "Cheers, {name}")},
)


#: The web shop export: mostly German.
WEBSHOP = Source(
    name="demo_webshop",
    seed=20261121,
    conversations=246,
    languages={"de": 0.75, "en": 0.25},
    topics={
        SHIPPING_DELAY: 0.20,
        RETURN_REFUND: 0.17,
        DAMAGED_ITEM: 0.07,
        SIZE_EXCHANGE: 0.12,
        PAYMENT_FAILED: 0.10,
        VOUCHER: 0.10,
        ADDRESS_CHANGE: 0.08,
        CANCELLATION: 0.09,
        INVOICE_REQUEST: 0.07,
    },
    voice=WEBSHOP_VOICE,
    slots=webshop_slots,
    id_prefix="ws-",
    first_number=20001,
    first_message_number=500001,
    conversation_url="https://shop.bergfink.example/admin/tickets/{id}",
    defects={
        "ws-20021": Defect.BOT_ROLE,
        "ws-20060": Defect.MISSING_CREATED_AT,
        "ws-20091": Defect.ZONELESS_TIMESTAMP,
        "ws-20127": Defect.DUPLICATE_MESSAGE_ID,
        "ws-20161": Defect.NULL_CONTENT,
        "ws-20196": Defect.MESSAGES_OBJECT,
        "ws-20236": Defect.MISSING_LAST_MESSAGE_AT,
    },
)
