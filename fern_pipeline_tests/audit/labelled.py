"""A labelled synthetic dataset: every subject asked in English and in German, in different words."""

import random
import re

#: Per planted subject, phrasings in English and in German (written apart, not translated word for
#: word); {x} slots are filled from FILLERS.
PLANTED: dict[str, dict[str, tuple[str, ...]]] = {
    "password": {
        "en": (
            "I forgot my password and the reset link in the email does not work",
            "Password reset email never arrives, I cannot log in to my account",
            "The login page says my password is wrong after the reset, {x}",
            "How do I reset my password? The reset link expired",
            "I am locked out of my account, how can I set a new password?",
            "Sign in keeps failing with invalid credentials even with the new password",
        ),
        "de": (
            "Ich habe mein Passwort vergessen und der Link zum Zurücksetzen funktioniert nicht",
            "Die Mail zum Zurücksetzen des Kennworts kommt einfach nicht an, {x}",
            "Anmeldung klappt nicht mehr, angeblich ist mein Passwort falsch",
            "Wie vergebe ich ein neues Kennwort? Der Link ist abgelaufen",
            "Mein Konto ist gesperrt, nachdem ich mich dreimal falsch eingeloggt habe",
            "Ich komme nicht mehr in mein Benutzerkonto, das Passwort wird abgelehnt",
        ),
    },
    "invoice": {
        "en": (
            "My invoice shows the wrong VAT number, please send a corrected invoice",
            "I was charged twice this month, the invoice lists two payments",
            "Where can I download the invoice PDF for my last payment? {x}",
            "The billing address on the invoice is wrong, we need the company name on it",
            "Why is my bill higher than the price of my plan?",
            "Please add our purchase order number to the invoices",
        ),
        "de": (
            "Auf der Rechnung steht eine falsche Umsatzsteuer-ID, bitte korrigieren",
            "Diesen Monat wurde doppelt abgebucht, ich sehe zwei Zahlungen",
            "Wo finde ich die Rechnungen als PDF zum Herunterladen? {x}",
            "Die Rechnungsanschrift stimmt nicht, unser Firmenname fehlt",
            "Warum ist der abgebuchte Betrag höher als der Preis meines Tarifs?",
            "Bitte die Bestellnummer unserer Buchhaltung auf der Rechnung angeben",
        ),
    },
    "shipping": {
        "en": (
            "My order has not arrived, the tracking number shows no update for a week",
            "The parcel tracking says delivered but I never received the package",
            "When will my order ship? The delivery date keeps moving, {x}",
            "Can I change the delivery address before the parcel is dispatched?",
            "The courier left a note but nobody came to deliver the package",
            "How long does delivery to Austria usually take?",
        ),
        "de": (
            "Meine Bestellung ist immer noch nicht da, die Sendungsverfolgung zeigt seit Tagen nichts",
            "Laut DHL zugestellt, aber das Paket ist nie bei mir angekommen",
            "Wann wird meine Lieferung verschickt? Der Liefertermin verschiebt sich ständig, {x}",
            "Kann ich die Lieferadresse noch ändern, bevor das Paket rausgeht?",
            "Der Paketbote hat nicht geklingelt und das Paket wieder mitgenommen",
            "Wie lange braucht der Versand in die Schweiz?",
        ),
    },
    "refund": {
        "en": (
            "I returned the item two weeks ago and still have no refund",
            "How long does a refund take after you received my return? {x}",
            "I want to send the shoes back and get my money back",
            "The return label does not work, how do I send the item back?",
            "You refunded only half of the amount for my returned jacket",
            "Can I return a product I bought on sale?",
        ),
        "de": (
            "Ich habe den Artikel vor zwei Wochen zurückgeschickt und noch kein Geld erhalten",
            "Wie lange dauert die Rückerstattung, wenn die Retoure bei euch ist? {x}",
            "Ich möchte die Jacke zurückgeben und den Kaufpreis erstattet bekommen",
            "Das Retourenetikett lässt sich nicht drucken, wie schicke ich die Ware zurück?",
            "Für meine Rücksendung wurde nur ein Teil des Betrags gutgeschrieben",
            "Kann ich reduzierte Ware auch umtauschen oder zurückgeben?",
        ),
    },
    "export": {
        "en": (
            "The CSV export of my reports is empty since the update",
            "Exporting the dashboard to Excel fails with a timeout, {x}",
            "How can I download all my report data as a spreadsheet?",
            "The scheduled export of the weekly report did not run",
            "The exported file has broken umlauts and wrong column separators",
            "Is there a way to export the raw data behind a chart?",
        ),
        "de": (
            "Der CSV-Export meiner Auswertungen ist seit dem Update leer",
            "Beim Exportieren nach Excel bricht der Download mit einer Zeitüberschreitung ab, {x}",
            "Wie bekomme ich alle Daten meiner Berichte als Tabelle heraus?",
            "Der wöchentliche automatische Export ist diese Woche nicht gelaufen",
            "In der exportierten Datei sind die Umlaute kaputt und die Spalten verrutscht",
            "Kann man die Rohdaten hinter einem Diagramm herunterladen?",
        ),
    },
    "integration": {
        "en": (
            "The Slack integration stopped posting notifications to our channel",
            "Our webhook returns 401 since we rotated the API key, {x}",
            "How do I connect the API to our CRM? The API token is rejected",
            "Notifications from the Slack app arrive twice",
            "The Zapier trigger does not fire when a new ticket is created",
            "Which scopes does the API key need to read tickets?",
        ),
        "de": (
            "Die Slack-Anbindung schickt keine Nachrichten mehr in unseren Kanal",
            "Unser Webhook bekommt seit dem Wechsel des API-Schlüssels den Fehler 401, {x}",
            "Wie verknüpfe ich die Schnittstelle mit unserem CRM? Das Token wird abgelehnt",
            "Benachrichtigungen aus Slack kommen bei uns doppelt an",
            "Der Zapier-Auslöser startet nicht, wenn ein neues Ticket angelegt wird",
            "Welche Berechtigungen braucht der API-Schlüssel, um Tickets zu lesen?",
        ),
    },
}
FILLERS = (
    "thanks",
    "this is urgent",
    "we need this today",
    "danke",
    "das ist dringend",
    "wir brauchen das heute",
    "customer since 2019",
    "Kunde seit 2019",
)
GREETINGS = ("Hello,", "Hi team,", "Hallo,", "Guten Tag,", "", "")
FOLLOW_UPS = ("Any update?", "Gibt es Neuigkeiten?", "Still waiting.", "Ich warte noch.", "", "", "")
WORD = re.compile(r"[^\W\d_]{3,}")


def vocabulary(subject: str) -> frozenset[str]:
    """Every word (three letters or more, lower case) of ``subject``'s phrasings, in both languages."""
    phrasings = PLANTED[subject]["en"] + PLANTED[subject]["de"]
    return frozenset(word.lower() for text in phrasings for word in WORD.findall(text))


def labelled_questions(per_topic: int = 60, seed: int = 11) -> tuple[list[str], list[str]]:
    """``per_topic`` questions per planted subject, half in each language, and their planted labels."""
    texts, labels, _ = labelled_questions_with_languages(per_topic, seed)
    return texts, labels


def labelled_questions_with_languages(
    per_topic: int = 60, seed: int = 11
) -> tuple[list[str], list[str], list[str]]:
    """As ``labelled_questions``, with the language each question was written in."""
    rng = random.Random(seed)
    rows: list[tuple[str, str, str]] = []
    for label, by_language in PLANTED.items():
        for index in range(per_topic):
            language = "en" if index % 2 == 0 else "de"
            first, second = rng.sample(by_language[language], 2)
            question = first.format(x=rng.choice(FILLERS))
            detail = second.format(x=rng.choice(FILLERS)) if rng.random() < 0.5 else ""
            parts = (rng.choice(GREETINGS), question, detail, rng.choice(FOLLOW_UPS))
            rows.append((" ".join(part for part in parts if part), label, language))
    rng.shuffle(rows)
    return [row[0] for row in rows], [row[1] for row in rows], [row[2] for row in rows]


#: Help-center articles for the labelled subjects, with the subject each covers (None: a distractor).
#: Two are in German, two in English; shipping and integration have none, so they need one written.
ARTICLES: tuple[tuple[str | None, str, str], ...] = (
    (
        "password",
        "Reset your password",
        "Forgot your password? Click Forgot password on the sign-in page and we email you a link to "
        "choose a new one. The link expires after an hour.\n\nAfter five failed sign-ins the account is "
        "locked for 15 minutes.",
    ),
    (
        "invoice",
        "Rechnungen und Zahlungen",
        "Alle Rechnungen finden Sie als PDF unter Einstellungen → Abrechnung. Rechnungsadresse, Firmenname "
        "und Umsatzsteuer-ID ändern Sie dort selbst.\n\nDoppelte Abbuchungen erstatten wir innerhalb von "
        "fünf Werktagen.",
    ),
    (
        "refund",
        "Rücksendung und Erstattung",
        "Sie können jeden Artikel innerhalb von 30 Tagen zurückschicken. Das Rücksendeetikett drucken Sie "
        "in Ihrem Kundenkonto.\n\nSobald die Retoure bei uns geprüft ist, erstatten wir den Kaufpreis "
        "innerhalb von drei Werktagen.",
    ),
    (
        "export",
        "Export your reports",
        "Every report can be exported as CSV or Excel from the Export menu. Large exports run in the "
        "background and arrive by email.\n\nScheduled exports run every Monday; choose the column "
        "separator and encoding in the export settings.",
    ),
    (
        None,
        "Change your profile picture",
        "Open your profile, click the avatar and upload a square image of at least 200 pixels.",
    ),
    (None, "Cookie-Einstellungen", "Welche Cookies wir setzen und wie Sie sie im Browser verwalten."),
    (None, "Keyboard shortcuts", "Press ? anywhere to see every shortcut; g then i opens the inbox."),
    (
        None,
        "Teammitglieder einladen",
        "Administratoren laden Kolleginnen und Kollegen unter Team → Einladen per E-Mail ein.",
    ),
)
