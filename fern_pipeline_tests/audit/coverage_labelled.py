"""A labelled help center: problems within subjects, articles that answer some, neighbours and overview pages.

Each problem is asked in English and in German in different words. Its article, where it has one,
answers it (some in the other language); a neighbour's article (the same subject, another problem),
an overview page that names every problem of a subject in passing, and distractors never do.
"""

#: Per subject, per problem: questions in English and in German.
PROBLEMS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "integrations": {
        "slack": {
            "en": (
                "Our Slack channel stopped getting notifications from the app yesterday",
                "Slack messages about new tasks no longer show up in #ops",
                "Since Monday nothing is posted to Slack anymore, how do I fix the notifications?",
                "We renamed our Slack channel and now the updates don't arrive",
                "Why did the Slack notifications stop working for our team?",
            ),
            "de": (
                "In unserem Slack-Kanal kommen keine Benachrichtigungen mehr an",
                "Seit gestern postet die App nichts mehr in Slack, was ist da los?",
                "Wir haben den Slack-Kanal umbenannt, seitdem fehlen die Meldungen",
                "Slack bekommt keine Nachrichten über neue Aufgaben mehr",
                "Warum sind die Slack-Benachrichtigungen plötzlich weg?",
            ),
        },
        "zapier": {
            "en": (
                "Zapier says the authentication expired and my zap is turned off",
                "My Zapier connection keeps failing with 'reauthorize your account'",
                "The zap stopped with an expired token error, how do I reconnect Zapier?",
                "Zapier shows our account as disconnected after our admin left",
                "How do I stop Zapier from losing its login every few weeks?",
            ),
            "de": (
                "Zapier meldet, dass die Anmeldung abgelaufen ist, und der Zap ist aus",
                "Die Verbindung zu Zapier bricht ständig ab, es heißt Konto neu autorisieren",
                "Unser Zap läuft nicht mehr, Fehler: Token abgelaufen",
                "Seit unser Admin weg ist, ist Zapier nicht mehr verbunden",
                "Wie verbinde ich Zapier dauerhaft, ohne mich ständig neu anzumelden?",
            ),
        },
        "webhook": {
            "en": (
                "Our webhook endpoint rejects every call because the signature is invalid",
                "How do I verify the webhook signature header you send?",
                "Signature mismatch on all webhook deliveries since we changed the secret",
                "Which secret is used to sign the webhooks? Our check always fails",
                "Webhook payloads fail HMAC validation on our server",
            ),
            "de": (
                "Unser Webhook lehnt alle Aufrufe ab, die Signatur ist ungültig",
                "Wie prüfe ich die Signatur der Webhooks richtig?",
                "Seit wir das Secret geändert haben, stimmt die Webhook-Signatur nie",
                "Mit welchem Schlüssel werden die Webhooks signiert? Die Prüfung schlägt fehl",
                "Die HMAC-Prüfung der Webhook-Daten klappt auf unserem Server nicht",
            ),
        },
    },
    "billing": {
        "vat": {
            "en": (
                "The VAT number on our invoice is wrong, can you fix it?",
                "Our company name and billing address are missing on the invoice",
                "Please change the tax ID printed on our invoices",
                "How do I update the billing address that appears on invoices?",
                "The invoice shows our old company address",
            ),
            "de": (
                "Auf der Rechnung steht eine falsche Umsatzsteuer-ID",
                "Unser Firmenname fehlt auf der Rechnung, bitte ergänzen",
                "Wie ändere ich die Rechnungsanschrift auf den Rechnungen?",
                "Die Rechnung hat noch unsere alte Adresse",
                "Bitte die USt-IdNr. auf unseren Rechnungen korrigieren",
            ),
        },
        "charged_twice": {
            "en": (
                "I was charged twice for the same month",
                "There are two identical payments on my credit card statement",
                "You billed us double this month, please refund one charge",
                "Why do I see a duplicate charge for my subscription?",
                "My card was debited two times for one invoice",
            ),
            "de": (
                "Mir wurde der Monat doppelt abgebucht",
                "Auf meiner Kreditkarte sehe ich zwei gleiche Abbuchungen",
                "Ihr habt diesen Monat zweimal kassiert, bitte eine Zahlung zurück",
                "Warum wurde mein Abo zweimal berechnet?",
                "Für eine Rechnung wurde zweimal Geld eingezogen",
            ),
        },
        "card_declined": {
            "en": (
                "My payment failed and the card was declined, what now?",
                "The subscription renewal didn't go through, card declined",
                "How do I change the credit card you charge? The old one expired",
                "We got an email that the payment failed, how do we pay?",
                "Our card expired and now the account says payment overdue",
            ),
            "de": (
                "Die Zahlung ist fehlgeschlagen, die Karte wurde abgelehnt",
                "Die Verlängerung des Abos hat nicht geklappt, Karte abgelehnt",
                "Wie hinterlege ich eine neue Kreditkarte? Die alte ist abgelaufen",
                "Wir haben eine Mail bekommen, dass die Zahlung nicht ging",
                "Unsere Karte ist abgelaufen und das Konto zeigt eine offene Zahlung",
            ),
        },
    },
    "account": {
        "password": {
            "en": (
                "I forgot my password and the reset link doesn't work",
                "The password reset email never arrives",
                "How do I reset my password? The link says expired",
                "I can't log in, I need a new password",
                "Reset link opens an error page, how do I change my password?",
            ),
            "de": (
                "Ich habe mein Passwort vergessen, der Link zum Zurücksetzen geht nicht",
                "Die Mail zum Zurücksetzen des Kennworts kommt nicht an",
                "Wie setze ich mein Passwort zurück? Der Link ist abgelaufen",
                "Ich komme nicht rein und brauche ein neues Kennwort",
                "Der Link zum Passwort ändern zeigt nur einen Fehler",
            ),
        },
        "two_factor": {
            "en": (
                "I lost my phone and can't get the two-factor code anymore",
                "My authenticator app was reset, how do I log in without the 2FA code?",
                "New phone, the two-factor codes don't work, I'm locked out",
                "Where do I find backup codes for two-factor authentication?",
                "Please disable 2FA on my account, I no longer have the device",
            ),
            "de": (
                "Handy verloren, ich bekomme keinen Zwei-Faktor-Code mehr",
                "Meine Authenticator-App ist leer, wie melde ich mich ohne 2FA-Code an?",
                "Neues Telefon und die Codes der Zwei-Faktor-Anmeldung gehen nicht",
                "Wo finde ich die Backup-Codes für die Zwei-Faktor-Authentifizierung?",
                "Bitte schaltet 2FA für mein Konto ab, das Gerät habe ich nicht mehr",
            ),
        },
        "delete": {
            "en": (
                "How do I delete my account and all my data?",
                "Please close my account permanently",
                "I want to remove my profile completely, where is the option?",
                "We're leaving, how do we delete the workspace?",
                "Can you erase my account and personal data?",
            ),
            "de": (
                "Wie lösche ich mein Konto mit allen Daten?",
                "Bitte mein Benutzerkonto endgültig schließen",
                "Ich möchte mein Profil komplett entfernen, wo geht das?",
                "Wir hören auf, wie löschen wir den Arbeitsbereich?",
                "Könnt ihr mein Konto und meine persönlichen Daten löschen?",
            ),
        },
    },
    "shipping": {
        "late": {
            "en": (
                "My order hasn't arrived and tracking shows no update for days",
                "Where is my parcel? It was supposed to arrive last week",
                "Tracking says delivered but I never got the package",
                "How long does delivery take? My order is still on its way",
                "The shipment has been stuck in transit for a week",
            ),
            "de": (
                "Meine Bestellung ist noch nicht da, die Sendungsverfolgung zeigt seit Tagen nichts",
                "Wo bleibt mein Paket? Es sollte letzte Woche kommen",
                "Laut Sendungsverfolgung zugestellt, aber das Paket ist nie angekommen",
                "Wie lange dauert der Versand? Die Bestellung ist immer noch unterwegs",
                "Die Sendung hängt seit einer Woche im Paketzentrum fest",
            ),
        },
        "address": {
            "en": (
                "Can I change the delivery address of my order?",
                "I entered the wrong street, can you send the parcel elsewhere?",
                "We moved, please ship my order to the new address",
                "Typo in the shipping address, how do I correct it before dispatch?",
                "Is it possible to redirect the order to my office?",
            ),
            "de": (
                "Kann ich die Lieferadresse meiner Bestellung noch ändern?",
                "Ich habe die falsche Straße angegeben, könnt ihr das Paket woanders hinschicken?",
                "Wir sind umgezogen, bitte an die neue Adresse liefern",
                "Tippfehler in der Anschrift, wie korrigiere ich das vor dem Versand?",
                "Kann die Bestellung ins Büro umgeleitet werden?",
            ),
        },
        "damaged": {
            "en": (
                "The item arrived broken, what do I do?",
                "My package came damaged and the product is scratched",
                "The jacket has a hole, it was damaged in shipping",
                "Received a defective item, can I get a replacement?",
                "The box was crushed and the lamp inside is broken",
            ),
            "de": (
                "Der Artikel kam kaputt an, was nun?",
                "Das Paket war beschädigt und das Produkt ist zerkratzt",
                "Die Jacke hat ein Loch, beim Versand beschädigt",
                "Ich habe einen defekten Artikel bekommen, gibt es Ersatz?",
                "Der Karton war eingedrückt und die Lampe darin ist zerbrochen",
            ),
        },
    },
}

#: Articles: (the problem it answers, or None; title; text). Overview pages name every problem of a
#: subject in a sentence; a neighbour's article answers another problem of the same subject.
ARTICLES: tuple[tuple[str | None, str, str], ...] = (
    (
        "slack",
        "Slack notifications stopped",
        "If Slack no longer receives notifications, open Admin → Integrations → Slack and check the channel "
        "of each project. Renaming a Slack channel breaks the mapping: select the renamed channel again.\n\n"
        "If notifications still do not arrive, disconnect Slack and connect it again; the app must be "
        "allowed to post in the channel.",
    ),
    (
        "webhook",
        "Webhook-Signaturen prüfen",
        "Jeder Webhook trägt im Header X-Signature eine HMAC-SHA256-Signatur des Rohinhalts, berechnet mit "
        "dem Webhook-Secret. Berechnen Sie die Signatur über die unveränderten Bytes, nicht über das "
        "geparste JSON.\n\nNach dem Ändern des Secrets signieren wir sofort mit dem neuen Schlüssel; "
        "hinterlegen Sie ihn auf Ihrem Server, sonst schlägt jede Prüfung fehl.",
    ),
    (
        "vat",
        "Rechnungsdaten ändern",
        "Firmenname, Rechnungsanschrift und Umsatzsteuer-ID ändern Sie unter Einstellungen → Abrechnung → "
        "Rechnungsdaten. Die Änderung gilt ab der nächsten Rechnung.\n\nBereits ausgestellte Rechnungen "
        "korrigieren wir auf Anfrage und schicken Ihnen eine neue PDF-Rechnung.",
    ),
    (
        "card_declined",
        "Payment failed? Update your card",
        "When a payment fails or a card is declined, we email the billing owner and retry the charge after "
        "three days. Update the card under Settings → Billing → Payment method; we charge the open amount "
        "at once.\n\nAn expired card is the most common cause. Until the payment succeeds the account "
        "shows payment overdue but keeps working for 14 days.",
    ),
    (
        "password",
        "Reset your password",
        "Forgot your password? Click Forgot password on the sign-in page and we email you a reset link. "
        "The link expires after an hour, and only the newest link works.\n\nIf the email does not arrive, "
        "check your spam folder. If the reset link shows an error, request a new one and open it in the "
        "same browser.",
    ),
    (
        "delete",
        "Konto löschen",
        "Ihr Konto mit allen Daten löschen Sie unter Einstellungen → Konto → Konto löschen. Arbeitsbereiche "
        "löscht die Inhaberin oder der Inhaber unter Admin → Arbeitsbereich → Löschen.\n\nNach 30 Tagen "
        "sind alle persönlichen Daten endgültig entfernt; bis dahin können Sie die Löschung widerrufen.",
    ),
    (
        "late",
        "Lieferzeiten und Sendungsverfolgung",
        "Die Lieferzeit beträgt 2-4 Werktage. Mit der Sendungsnummer aus der Versandbestätigung verfolgen "
        "Sie Ihr Paket beim Versanddienstleister.\n\nZeigt die Sendungsverfolgung mehrere Tage keinen neuen "
        "Status oder ist ein als zugestellt gemeldetes Paket nicht angekommen, starten wir eine "
        "Nachforschung und schicken notfalls Ersatz.",
    ),
    (
        None,
        "Integrations overview",
        "Connect your tools to keep everyone informed. We integrate with Slack, Zapier and any system that "
        "receives webhooks, and offer a REST API.\n\nEach integration is set up by a workspace admin under "
        "Admin → Integrations. Popular choices: Slack for notifications, Zapier for automations, webhooks "
        "for your own services.",
    ),
    (
        None,
        "Billing FAQ",
        "Everything about billing at a glance: invoices, payments, plans and taxes. Billing owners manage "
        "the subscription under Settings → Billing.\n\nWe accept credit cards and SEPA direct debit, "
        "invoice monthly or yearly, and show VAT where it applies. Questions about a charge? Billing "
        "owners see every payment in the billing history.",
    ),
    (
        None,
        "Ihr Konto im Überblick",
        "In den Kontoeinstellungen verwalten Sie Ihr Profil, Ihr Passwort, die Zwei-Faktor-Anmeldung und "
        "Ihre Benachrichtigungen.\n\nAuch Sprache, Zeitzone und die Löschung des Kontos finden Sie dort.",
    ),
    (
        None,
        "Shipping and delivery at a glance",
        "We ship with DHL, DPD and GLS to Germany, Austria and Switzerland. Orders, deliveries, addresses, "
        "returns and damaged goods: our customer service helps with every question about your parcel.",
    ),
    (
        None,
        "Set up two-factor authentication",
        "Turn on two-factor authentication under Profile → Security: scan the QR code with an authenticator "
        "app and enter the six-digit code to confirm.",
    ),
    (
        None,
        "Change your profile picture",
        "Open your profile, click the avatar and upload a square image of at least 200 pixels.",
    ),
    (None, "Keyboard shortcuts", "Press ? anywhere to see every shortcut; g then i opens the inbox."),
    (None, "Cookie-Einstellungen", "Welche Cookies wir setzen und wie Sie sie im Browser verwalten."),
)


def problems() -> list[tuple[str, str, list[str]]]:
    """Every problem as (subject, problem, its questions in both languages)."""
    return [
        (subject, problem, [*by_language["en"], *by_language["de"]])
        for subject, by_problem in PROBLEMS.items()
        for problem, by_language in by_problem.items()
    ]


def answering_title(problem: str) -> str | None:
    """The title of the article that answers ``problem``; None where none does (one must be written)."""
    return next((title for answers, title, _ in ARTICLES if answers == problem), None)
