"""A labelled set of subjects and their problems, as a help desk has them: each problem asked in English and
German in different words, in unequal amounts (down to 2 % of conversations), with greetings, details and
follow-ups around the question.
"""

import random

#: Per subject, per problem: English and German phrasings, written apart (not translated word for word).
SUBJECTS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "integrations": {
        "slack_silent": {
            "en": (
                "Slack notifications stopped arriving in our channel",
                "Our Slack channel no longer gets any alerts from your app",
                "Since Monday nothing is posted to Slack anymore",
            ),
            "de": (
                "In unserem Slack-Kanal kommen keine Benachrichtigungen mehr an",
                "Die Slack-Meldungen sind seit Montag einfach verschwunden",
                "Warum postet die App nichts mehr in Slack?",
            ),
        },
        "zapier_auth": {
            "en": (
                "Zapier says the authentication expired and the zap is turned off",
                "Our Zap keeps failing with an expired connection error",
                "Zapier asks me to reconnect the account every day",
            ),
            "de": (
                "Zapier meldet, dass die Anmeldung abgelaufen ist, und der Zap ist aus",
                "Bei Zapier steht Verbindung abgelaufen, bitte neu verbinden",
                "Unser Zap bricht ständig ab, weil die Autorisierung nicht mehr gilt",
            ),
        },
        "webhook_signature": {
            "en": (
                "Webhook signature validation fails on our server",
                "The HMAC signature header of your webhooks does not match our secret",
                "We reject your webhook calls because the signature is invalid",
            ),
            "de": (
                "Die Signatur der Webhooks lässt sich bei uns nicht verifizieren",
                "Der Signatur-Header stimmt nicht mit unserem Webhook-Geheimnis überein",
                "Unser Server lehnt eure Webhook-Aufrufe ab, die Signatur ist ungültig",
            ),
        },
        "api_rate_limit": {
            "en": (
                "The API returns 429 too many requests during our nightly sync",
                "What is the rate limit of the REST API? We keep hitting it",
                "Our import script gets throttled by the API after a few hundred calls",
            ),
            "de": (
                "Die API antwortet beim nächtlichen Abgleich mit 429 Too Many Requests",
                "Wie viele Anfragen pro Minute erlaubt die Schnittstelle? Wir werden gedrosselt",
                "Unser Importskript wird nach ein paar hundert Aufrufen von der API ausgebremst",
            ),
        },
    },
    "billing": {
        "double_charge": {
            "en": (
                "I was charged twice for the same month",
                "There are two identical payments on my credit card statement",
                "You billed us double this month, please refund one",
            ),
            "de": (
                "Mir wurde derselbe Monat zweimal abgebucht",
                "Auf meiner Kreditkartenabrechnung stehen zwei gleiche Zahlungen",
                "Ihr habt diesen Monat doppelt kassiert, bitte eine Zahlung zurück",
            ),
        },
        "vat_invoice": {
            "en": (
                "Our VAT number is missing on the invoice",
                "Please reissue the invoice with our tax ID on it",
                "The invoice must show our company VAT ID for accounting",
            ),
            "de": (
                "Auf der Rechnung fehlt unsere Umsatzsteuer-Identifikationsnummer",
                "Bitte stellt die Rechnung mit unserer USt-IdNr. neu aus",
                "Unsere Buchhaltung braucht die Steuernummer der Firma auf der Rechnung",
            ),
        },
        "change_card": {
            "en": (
                "How do I change the credit card we pay with?",
                "Our company card expired, where do I enter a new one?",
                "I need to update the payment method on our account",
            ),
            "de": (
                "Wie hinterlege ich eine andere Kreditkarte für die Zahlung?",
                "Unsere Firmenkarte ist abgelaufen, wo trage ich die neue ein?",
                "Ich möchte die Zahlungsart in unserem Konto ändern",
            ),
        },
        "cancel_plan": {
            "en": (
                "How can I cancel our subscription at the end of the term?",
                "We want to stop the paid plan, how do we cancel?",
                "Please cancel my subscription, we no longer need it",
            ),
            "de": (
                "Wie kündige ich unser Abo zum Ende der Laufzeit?",
                "Wir möchten den bezahlten Tarif beenden, wie geht die Kündigung?",
                "Bitte kündigt mein Abonnement, wir brauchen es nicht mehr",
            ),
        },
    },
    "access": {
        "reset_mail": {
            "en": (
                "The password reset email never arrives",
                "I requested a new password three times but got no email",
                "No reset link in my inbox, not even in spam",
            ),
            "de": (
                "Die Mail zum Zurücksetzen des Passworts kommt nie an",
                "Ich habe dreimal ein neues Kennwort angefordert, aber keine Mail bekommen",
                "Kein Link zum Zurücksetzen im Postfach, auch nicht im Spam",
            ),
        },
        "two_factor": {
            "en": (
                "I lost my phone and cannot get the two-factor code",
                "My authenticator app was reset, how do I log in without the 2FA code?",
                "The six-digit verification code is always rejected",
            ),
            "de": (
                "Ich habe mein Handy verloren und bekomme den Code für die Zwei-Faktor-Anmeldung nicht",
                "Meine Authenticator-App wurde zurückgesetzt, wie melde ich mich ohne 2FA-Code an?",
                "Der sechsstellige Bestätigungscode wird immer abgelehnt",
            ),
        },
        "sso_saml": {
            "en": (
                "Single sign-on with SAML fails with an invalid assertion error",
                "Our Okta SSO login shows a SAML response error",
                "After setting up SAML our users cannot sign in through Azure AD",
            ),
            "de": (
                "Die Anmeldung per Single Sign-On mit SAML bricht mit einem Assertion-Fehler ab",
                "Beim SSO über Okta erscheint ein Fehler in der SAML-Antwort",
                "Seit wir SAML eingerichtet haben, kommt niemand mehr über Azure AD rein",
            ),
        },
        "invite_user": {
            "en": (
                "How do I invite a colleague to our workspace?",
                "My teammate never got the invitation to join our team",
                "I want to add three new users to our account",
            ),
            "de": (
                "Wie lade ich eine Kollegin in unseren Arbeitsbereich ein?",
                "Mein Kollege hat die Einladung in unser Team nie bekommen",
                "Ich möchte drei neue Benutzer zu unserem Konto hinzufügen",
            ),
        },
    },
    "delivery": {
        "parcel_missing": {
            "en": (
                "My parcel has not arrived and tracking has not moved for a week",
                "The tracking says delivered but there is no package here",
                "Where is my order? It should have come days ago",
            ),
            "de": (
                "Mein Paket ist nicht angekommen, die Sendungsverfolgung steht seit einer Woche still",
                "Laut Tracking zugestellt, aber hier ist kein Paket",
                "Wo bleibt meine Bestellung? Sie hätte längst da sein sollen",
            ),
        },
        "change_address": {
            "en": (
                "Can I change the delivery address of my order before it ships?",
                "I moved, please send the order to my new address",
                "I typed the wrong street in the shipping address",
            ),
            "de": (
                "Kann ich die Lieferadresse meiner Bestellung noch ändern, bevor sie verschickt wird?",
                "Ich bin umgezogen, bitte schickt die Bestellung an meine neue Adresse",
                "Ich habe bei der Lieferanschrift die falsche Straße eingegeben",
            ),
        },
        "damaged_item": {
            "en": (
                "The item arrived broken, the box was crushed",
                "My order came damaged, the glass is cracked",
                "What do I do with a product that was damaged in transit?",
            ),
            "de": (
                "Der Artikel kam kaputt an, der Karton war eingedrückt",
                "Meine Bestellung ist beschädigt angekommen, das Glas hat einen Sprung",
                "Was mache ich mit einem Produkt, das beim Transport beschädigt wurde?",
            ),
        },
        "customs_fees": {
            "en": (
                "Why do I have to pay customs duties on delivery?",
                "The courier asked for import fees before handing over the parcel",
                "Are customs charges included in the price for Switzerland?",
            ),
            "de": (
                "Warum muss ich bei der Zustellung Zollgebühren zahlen?",
                "Der Bote wollte Einfuhrabgaben, bevor er das Paket übergibt",
                "Sind Zollkosten bei Lieferungen in die Schweiz im Preis enthalten?",
            ),
        },
    },
    "reports": {
        "csv_empty": {
            "en": (
                "The CSV export of my report is empty",
                "Exporting the report to CSV gives a file with only headers",
                "My downloaded spreadsheet has no rows since the update",
            ),
            "de": (
                "Der CSV-Export meines Berichts ist leer",
                "Beim Export als CSV bekomme ich nur eine Datei mit Spaltenüberschriften",
                "Die heruntergeladene Tabelle hat seit dem Update keine Zeilen mehr",
            ),
        },
        "scheduled_mail": {
            "en": (
                "The weekly scheduled report was not emailed this Monday",
                "Our automatic report email stopped coming",
                "The report subscription no longer sends us anything",
            ),
            "de": (
                "Der wöchentliche geplante Bericht kam diesen Montag nicht per Mail",
                "Die automatische Berichts-Mail bleibt seit Kurzem aus",
                "Das Berichts-Abo schickt uns nichts mehr zu",
            ),
        },
        "dashboard_slow": {
            "en": (
                "The dashboard takes a minute to load",
                "Charts on the dashboard are extremely slow since last week",
                "Opening the analytics page times out",
            ),
            "de": (
                "Das Dashboard braucht eine Minute zum Laden",
                "Die Diagramme im Dashboard sind seit letzter Woche extrem langsam",
                "Die Analyse-Seite lädt ewig und bricht dann ab",
            ),
        },
        "share_guest": {
            "en": (
                "Can I share a dashboard with an external client without a login?",
                "How do I give a guest read-only access to one report?",
                "I want to send a public link to a dashboard",
            ),
            "de": (
                "Kann ich ein Dashboard mit einem externen Kunden ohne Login teilen?",
                "Wie gebe ich einem Gast nur Lesezugriff auf einen Bericht?",
                "Ich möchte einen öffentlichen Link zu einem Dashboard verschicken",
            ),
        },
    },
}
#: Share of conversations per problem, in the order of ``problems()``: unequal, the smallest 2 %.
WEIGHTS = (12, 8, 5, 3, 9, 6, 4, 2, 10, 6, 3, 2, 8, 5, 3, 2, 6, 3, 2, 2)
GREETINGS = ("Hello,", "Hi there,", "Hallo,", "Guten Tag,", "Moin,", "", "", "")
DETAILS = (
    "Our account is {ref}.",
    "This is blocking our team.",
    "Kundennummer {ref}.",
    "Das ist ziemlich dringend.",
    "We are on the business plan.",
    "Wir nutzen den Business-Tarif.",
    "",
    "",
)
FOLLOW_UPS = ("Any news?", "Thanks in advance!", "Gibt es schon was Neues?", "Danke vorab!", "", "", "")


def problems() -> list[tuple[str, str]]:
    """Every ``(subject, problem)``, in a fixed order."""
    return [(subject, problem) for subject, found in SUBJECTS.items() for problem in found]


def hierarchical_questions(count: int = 1_000, seed: int = 5) -> list[tuple[str, str, str, str]]:
    """``count`` conversations' customer text, each with its subject, problem and language (``en``/``de``)."""
    rng = random.Random(seed)
    pairs = problems()
    rows = []
    for index in range(count):
        subject, problem = rng.choices(pairs, weights=WEIGHTS)[0]
        language = "en" if index % 2 == 0 else "de"
        question = rng.choice(SUBJECTS[subject][problem][language])
        detail = rng.choice(DETAILS).format(ref=rng.randrange(10_000, 99_999))
        parts = (rng.choice(GREETINGS), question + ".", detail, rng.choice(FOLLOW_UPS))
        text = " ".join(part for part in parts if part).replace("?.", "?")
        rows.append((text, subject, problem, language))
    return rows
