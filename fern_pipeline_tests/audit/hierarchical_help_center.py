"""A help center for the hierarchical set (``hierarchical.py``): articles for half of its problems (some in
German), an overview page per subject that names each of its problems in passing, and distractors.

The problems without an article need one written; their subject's overview page and their neighbours'
articles must never be named as their answer.
"""

#: Articles: (the problem it answers, or None; title; text).
ARTICLES: tuple[tuple[str | None, str, str], ...] = (
    (
        "slack_silent",
        "Slack notifications stopped",
        "If your Slack channel no longer gets notifications, open Admin → Integrations → Slack and check "
        "the channel of each project. Renaming a channel breaks the mapping: select it again.\n\nIf nothing "
        "is posted at all, disconnect Slack and connect it again; the app must be allowed to post.",
    ),
    (
        "webhook_signature",
        "Webhook-Signaturen prüfen",
        "Jeder Webhook trägt im Header X-Signature eine HMAC-SHA256-Signatur des Rohinhalts, berechnet mit "
        "Ihrem Webhook-Geheimnis. Berechnen Sie die Signatur über die unveränderten Bytes.\n\nStimmt die "
        "Signatur nicht, prüfen Sie, ob Ihr Server das aktuelle Geheimnis verwendet.",
    ),
    (
        "double_charge",
        "Charged twice?",
        "If you see two identical payments for the same month, the first one is usually a pending "
        "authorisation that your bank releases within five days.\n\nIf both payments are booked, write to "
        "billing and we refund the double charge at once.",
    ),
    (
        "change_card",
        "Zahlungsart ändern",
        "Eine neue Kreditkarte oder eine andere Zahlungsart hinterlegen Sie unter Einstellungen → "
        "Abrechnung → Zahlungsart. Ist die Firmenkarte abgelaufen, tragen Sie dort die neue ein; offene "
        "Beträge buchen wir sofort ab.",
    ),
    (
        "reset_mail",
        "The password reset email does not arrive",
        "Requested a new password but no reset email came? Check your spam folder first. Only the newest "
        "reset link works.\n\nCompany mail filters often hold our emails: ask your IT team to allow "
        "no-reply@example.com, then request the reset link again.",
    ),
    (
        "sso_saml",
        "Troubleshoot SAML single sign-on",
        "An invalid assertion or SAML response error means the identity provider (Okta, Azure AD) and our "
        "settings disagree. Upload the current metadata of your identity provider under Admin → Security "
        "→ Single sign-on.\n\nCheck that the ACS URL and entity ID in your identity provider match ours.",
    ),
    (
        "parcel_missing",
        "Paket nicht angekommen",
        "Steht die Sendungsverfolgung seit Tagen still oder ist ein als zugestellt gemeldetes Paket nicht "
        "bei Ihnen, melden Sie sich mit Ihrer Bestellnummer. Wir starten eine Nachforschung beim "
        "Versanddienstleister und schicken nach fünf Werktagen Ersatz.",
    ),
    (
        "damaged_item",
        "Damaged in transit",
        "If an item arrives broken or damaged in transit, take a photo of the product and the box and "
        "send it with your order number. We send a replacement at once; you do not need to return the "
        "damaged item.",
    ),
    (
        "csv_empty",
        "Empty CSV export",
        "If a CSV export of a report contains only the column headers, the report's filters exclude every "
        "row: reset the filters and export again.\n\nSince the last update, exports use the date range of "
        "the report view; widen it to include your data.",
    ),
    (
        "share_guest",
        "Dashboards teilen",
        "Ein Dashboard teilen Sie mit externen Kunden über einen öffentlichen Link: Teilen → Link erstellen. "
        "Gäste brauchen kein Login und haben nur Lesezugriff; einen Link können Sie jederzeit widerrufen.",
    ),
    (
        None,
        "Integrations overview",
        "Connect the tools your team uses: Slack for notifications, Zapier for automations, webhooks for "
        "your own services, and the REST API for everything else. Each is set up under Admin → "
        "Integrations.",
    ),
    (
        None,
        "Billing FAQ",
        "Everything about billing: invoices, VAT, payments, credit cards and plans. Billing owners manage "
        "the subscription under Settings → Billing and see every payment there.",
    ),
    (
        None,
        "Anmeldung und Konto im Überblick",
        "Passwort, Zwei-Faktor-Anmeldung, Single Sign-On und Einladungen: Ihr Konto und die Anmeldung "
        "verwalten Sie unter Einstellungen → Konto.",
    ),
    (
        None,
        "Shipping at a glance",
        "We ship to Germany, Austria and Switzerland. Tracking, delivery addresses, damaged parcels and "
        "customs: our customer service helps with every question about your delivery.",
    ),
    (
        None,
        "Berichte im Überblick",
        "Berichte und Dashboards zeigen Ihre Daten als Diagramme. Sie lassen sich exportieren, per Mail "
        "abonnieren und mit anderen teilen.",
    ),
    (
        None,
        "Set up two-factor authentication",
        "Turn on two-factor authentication under Profile → Security: scan the QR code with an authenticator "
        "app and enter the six-digit code.",
    ),
    (None, "Keyboard shortcuts", "Press ? anywhere to see every shortcut; g then i opens the inbox."),
    (None, "Cookie-Einstellungen", "Welche Cookies wir setzen und wie Sie sie im Browser verwalten."),
)
OVERVIEWS = frozenset(
    {
        "Integrations overview",
        "Billing FAQ",
        "Anmeldung und Konto im Überblick",
        "Shipping at a glance",
        "Berichte im Überblick",
    }
)


def answering_title(problem: str) -> str | None:
    """The title of the article that answers ``problem``; None where none does (one must be written)."""
    return next((title for answers, title, _ in ARTICLES if answers == problem), None)
