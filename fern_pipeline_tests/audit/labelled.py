"""A labelled synthetic dataset: questions in English and German with the topic each was written for."""

import random

#: Per planted topic, phrasings in English and German; {x} slots are filled from FILLERS.
PLANTED: dict[str, tuple[str, ...]] = {
    "password": (
        "I forgot my password and the reset link in the email does not work",
        "Password reset email never arrives, I cannot log in to my account",
        "The login page says my password is wrong after the reset, {x}",
        "How do I reset my password? The reset link expired",
        "Ich habe mein Passwort vergessen und der Link zum Zurücksetzen funktioniert nicht",
        "Die E-Mail zum Passwort zurücksetzen kommt nicht an, Login unmöglich",
        "Nach dem Zurücksetzen sagt die Login Seite, mein Passwort sei falsch, {x}",
        "Wie kann ich mein Passwort zurücksetzen? Der Link ist abgelaufen",
    ),
    "invoice": (
        "My invoice shows the wrong VAT number, please send a corrected invoice",
        "I was charged twice this month, the invoice lists two payments",
        "Where can I download the invoice PDF for my last payment? {x}",
        "The invoice address is wrong, we need the company name on the invoice",
        "Meine Rechnung hat die falsche Umsatzsteuer, bitte eine korrigierte Rechnung schicken",
        "Diesen Monat wurde doppelt abgebucht, die Rechnung zeigt zwei Zahlungen",
        "Wo kann ich die Rechnung als PDF für die letzte Zahlung herunterladen? {x}",
        "Die Rechnungsadresse ist falsch, der Firmenname muss auf die Rechnung",
    ),
    "shipping": (
        "My order has not arrived, the tracking number shows no update for a week",
        "The parcel tracking says delivered but I never received the package",
        "When will my order ship? The delivery date keeps moving, {x}",
        "Can I change the delivery address of my order before it ships?",
        "Meine Bestellung ist nicht angekommen, die Sendungsverfolgung zeigt seit einer Woche nichts",
        "Laut Sendungsverfolgung wurde das Paket zugestellt, aber ich habe es nie bekommen",
        "Wann wird meine Bestellung versendet? Der Liefertermin verschiebt sich, {x}",
        "Kann ich die Lieferadresse meiner Bestellung noch ändern, bevor sie versendet wird?",
    ),
    "refund": (
        "I returned the item two weeks ago and still have no refund",
        "How long does a refund take after the return was received? {x}",
        "I want to cancel my order and get my money back",
        "The return label does not work, how do I send the item back for a refund?",
        "Ich habe den Artikel vor zwei Wochen zurückgeschickt und noch keine Erstattung erhalten",
        "Wie lange dauert die Erstattung, nachdem die Rücksendung angekommen ist? {x}",
        "Ich möchte meine Bestellung stornieren und mein Geld zurück",
        "Das Rücksendeetikett funktioniert nicht, wie schicke ich den Artikel für die Erstattung zurück?",
    ),
    "export": (
        "The CSV export of my reports is empty since the update",
        "Exporting the dashboard to Excel fails with a timeout, {x}",
        "How can I export all data from the reports as CSV?",
        "The scheduled export of the report did not run this week",
        "Der CSV Export meiner Berichte ist seit dem Update leer",
        "Der Export des Dashboards nach Excel bricht mit einem Timeout ab, {x}",
        "Wie kann ich alle Daten aus den Berichten als CSV exportieren?",
        "Der geplante Export des Berichts lief diese Woche nicht",
    ),
    "integration": (
        "The Slack integration stopped posting notifications to our channel",
        "Our webhook returns 401 since we rotated the API key, {x}",
        "How do I connect the API with our CRM? The API token is rejected",
        "Notifications from the Slack integration arrive twice",
        "Die Slack Integration schickt keine Benachrichtigungen mehr in unseren Kanal",
        "Unser Webhook liefert seit dem Wechsel des API Schlüssels 401, {x}",
        "Wie verbinde ich die API mit unserem CRM? Der API Token wird abgelehnt",
        "Benachrichtigungen der Slack Integration kommen doppelt an",
    ),
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


def labelled_questions(per_topic: int = 60, seed: int = 11) -> tuple[list[str], list[str]]:
    """``per_topic`` questions per planted topic, half in each language, and their planted labels."""
    rng = random.Random(seed)
    texts: list[str] = []
    labels: list[str] = []
    for label, phrasings in PLANTED.items():
        english, german = phrasings[:4], phrasings[4:]
        for index in range(per_topic):
            pool = english if index % 2 == 0 else german
            first, second = rng.sample(pool, 2)
            question = first.format(x=rng.choice(FILLERS))
            detail = second.format(x=rng.choice(FILLERS)) if rng.random() < 0.5 else ""
            parts = (rng.choice(GREETINGS), question, detail, rng.choice(FOLLOW_UPS))
            texts.append(" ".join(part for part in parts if part))
            labels.append(label)
    order = list(range(len(texts)))
    rng.shuffle(order)
    return [texts[i] for i in order], [labels[i] for i in order]
