"""The demo help desk of Planwise, a project-planning SaaS: its topics, voice and slots (mostly English)."""

import random
from datetime import datetime, timedelta

from fern_pipeline.demo.model import Defect, Lang, Phrases, Script, Slots, Source, Topic, Voice, help_url

# ---------------------------------------------------------------------------------------------------
# The help desk of Planwise, a project-planning SaaS: mostly English.

PLANS = ("Starter", "Team", "Business", "Enterprise")
IDENTITY_PROVIDERS = ("Okta", "Microsoft Entra ID", "Google Workspace", "OneLogin", "JumpCloud")
FEATURES: Phrases = {
    "en": ("the Gantt view", "the board view", "time reports", "the calendar view", "the workload view"),
    "de": ("die Gantt-Ansicht", "die Board-Ansicht", "die Zeitberichte", "die Kalenderansicht"),
}
PLATFORMS: Phrases = {
    "en": ("iOS app", "Android app", "Windows desktop app", "Mac desktop app", "web app in Chrome"),
    "de": ("iOS-App", "Android-App", "Windows-Desktop-App", "Mac-Desktop-App", "Web-App in Chrome"),
}
MONTHS: Phrases = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "de": (
        "Januar", "Februar", "März", "April", "Mai", "Juni",
        "Juli", "August", "September", "Oktober", "November", "Dezember",
    ),
}  # fmt: skip
FIRST_NAMES: Phrases = {
    "en": (
        "Emily", "James", "Olivia", "Daniel", "Sophie", "Michael", "Hannah", "Ryan",
        "Chloe", "Marcus", "Aisha", "Lucas", "Grace", "Noah", "Fatima", "Ethan",
    ),
    "de": (
        "Katrin", "Stefan", "Julia", "Markus", "Anna", "Tobias", "Lena", "Jan",
        "Sarah", "Florian", "Miriam", "Patrick", "Claudia", "Benedikt",
    ),
}  # fmt: skip
SURNAMES = ("miller", "novak", "schmidt", "okafor", "berger", "lindqvist", "costa", "weber", "hart")
DOMAINS = ("acme.io", "brightlane.com", "nordwerk.de", "helio-design.co", "kappalabs.eu", "riverstone.org")
WORKSPACES = (
    "acme-marketing",
    "brightlane-ops",
    "nordwerk-it",
    "helio-design",
    "kappa-labs",
    "riverstone-hr",
)
SERVER_ERRORS = ("500 Internal Server Error", "502 Bad Gateway", "503 Service Unavailable")
ENDPOINTS = ("/v2/tasks", "/v2/projects/{project}/members", "/v2/time-entries", "/v2/comments", "/v1/tasks")
UPLOAD_ERRORS = ("ERR_UPLOAD_413", "E1042", "ERR_UPLOAD_ABORTED", "E3007")
CHANNELS = ("product-updates", "team-ops", "marketing", "dev-alerts", "support-escalations")


def money(lang: Lang, cents: int) -> str:
    """An amount in euros as customers in that language write it: ``€1,234.50`` or ``1.234,50 €``."""
    euros, rest = divmod(cents, 100)
    if lang == "en":
        return f"€{euros:,}.{rest:02d}"
    return f"{euros:,}".replace(",", ".") + f",{rest:02d} €"


def helpdesk_slots(rng: random.Random, lang: Lang, start: datetime) -> Slots:
    """The particulars of one help-desk conversation: who writes, about which workspace, plan, error."""
    name = rng.choice(FIRST_NAMES[lang])
    plan = rng.randrange(len(PLANS) - 1)
    feature = rng.choice(FEATURES[lang])
    minor, patch = rng.randint(8, 14), rng.randint(0, 5)
    previous_month = (start.replace(day=1) - timedelta(days=1)).month
    return {
        "product": "Planwise",
        "name": name,
        "email": f"{name.lower()}.{rng.choice(SURNAMES)}@{rng.choice(DOMAINS)}",
        "workspace": rng.choice(WORKSPACES),
        "plan": PLANS[plan],
        "new_plan": PLANS[plan + 1],
        "small_plan": PLANS[rng.randrange(2)],
        "seats": str(rng.choice((5, 8, 12, 15, 20, 25, 40, 60, 85, 120))),
        "invoice": f"INV-2026-{rng.randint(1000, 9999):05d}",
        "vat_id": f"DE{rng.randint(10**8, 10**9 - 1)}",
        "amount": money(lang, rng.randint(49, 2400) * 100),
        "month": MONTHS[lang][previous_month - 1],
        "idp": rng.choice(IDENTITY_PROVIDERS),
        "server_error": rng.choice(SERVER_ERRORS),
        "endpoint": rng.choice(ENDPOINTS).format(project=rng.randint(1000, 9999)),
        "request_id": f"req_{rng.getrandbits(48):012x}",
        "integration": rng.choice(("Slack", "Slack", "Zapier")),
        "channel": rng.choice(CHANNELS),
        "platform": rng.choice(PLATFORMS[lang]),
        "feature": feature,
        "Feature": feature[0].upper() + feature[1:],
        "version": f"4.{minor}.{patch}",
        "next_version": f"4.{minor}.{patch + 1}",
        "error_code": rng.choice(UPLOAD_ERRORS),
        "export_format": rng.choice(("CSV", "CSV", "JSON", "XLSX")),
    }


PASSWORD_RESET = Topic(
    scenarios=(
        {
            "en": Script(
                opener=(
                    "Hi, I can't log in to {product}. I clicked 'Forgot password' but the reset email never "
                    "arrived. My login is {email}.",
                    "hello, i forgot my password and the reset email doesn't come. need access for a client "
                    "meeting today",
                    "Password reset email isn't arriving for {email}. Tried three times now.",
                ),
                detail=(
                    "I already checked spam and the promotions tab, nothing there.",
                    "Our IT says nothing is blocked on their side.",
                ),
                reply=(
                    "I've sent a fresh reset link to {email}. It is valid for {reset_minutes} minutes and "
                    "only the newest link works, so please ignore any older emails. If it doesn't show up "
                    "within 10 minutes, check whether your mail server filters messages from "
                    "no-reply@planwise.example."
                ),
                follow_ups=(
                    (
                        "Still nothing in my inbox. Could it be that our domain blocks you?",
                        "I checked our mail logs: the message to {email} was rejected by your mail server. "
                        "Please ask your IT to allowlist planwise.example and then request a new link.",
                    ),
                    (
                        "Got it now, but when I save the new password it says 'password does not meet "
                        "requirements'. What are the rules?",
                        "Passwords need at least {password_length} characters and can't match any of your "
                        "last 5 passwords. A short passphrase usually works well.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Hallo, ich komme nicht mehr in mein {product}-Konto. Die E-Mail zum Zurücksetzen des "
                    "Passworts kommt einfach nicht an. Login: {email}",
                    "Guten Tag, ich habe mein Passwort vergessen, aber die Mail zum Zurücksetzen kommt "
                    "nicht. Mein Login ist {email}.",
                ),
                detail=("Im Spam-Ordner ist auch nichts.", "Unsere IT sagt, bei ihr wird nichts blockiert."),
                reply=(
                    "ich habe Ihnen soeben einen neuen Link an {email} geschickt. Er ist {reset_minutes} "
                    "Minuten gültig, und nur der neueste Link funktioniert. Falls nichts ankommt, prüfen "
                    "Sie bitte, ob Ihr Mailserver Nachrichten von no-reply@planwise.example filtert."
                ),
                follow_ups=(
                    (
                        "Immer noch keine Mail. Kann es sein, dass unsere Domain Ihre Mails blockiert?",
                        "Laut unseren Mail-Logs wurde die Nachricht an {email} von Ihrem Mailserver "
                        "abgelehnt. Bitten Sie Ihre IT, planwise.example freizugeben, und fordern Sie "
                        "danach einen neuen Link an.",
                    ),
                    (
                        "Die Mail ist jetzt da, aber beim Speichern kommt 'Passwort erfüllt nicht die "
                        "Anforderungen'. Welche Regeln gelten denn?",
                        "Passwörter brauchen mindestens {password_length} Zeichen und dürfen keinem der "
                        "letzten 5 Passwörter entsprechen. Danach sollte das Speichern klappen.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "The password reset link says it has expired, even though I clicked it straight away. "
                    "Can you help? Account: {email}",
                    "Every reset link I get is 'expired or invalid' the moment I open it.",
                ),
                detail=("Tried it in a private window too.", "I'm on my work laptop, if that matters."),
                reply=(
                    "Reset links expire after {reset_minutes} minutes and stop working as soon as a newer "
                    "one is requested. Some company mail filters also open links in advance to scan them, "
                    "which uses them up. Could you request one more link and open it on your phone instead?"
                ),
                follow_ups=(
                    (
                        "Opening it on my phone worked, but now it wants me to log in via SSO. I didn't "
                        "know we had SSO?",
                        "Yes, your workspace {workspace} has single sign-on enabled, so you can simply sign "
                        "in with your company login; your Planwise password is only a fallback.",
                    ),
                    (
                        "Same on the phone: expired immediately.",
                        "Thanks for checking. I've reset the password on our side; you'll get a one-time "
                        "login link that stays valid for 24 hours.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Der Link zum Passwort-Zurücksetzen ist angeblich abgelaufen, obwohl ich ihn sofort "
                    "geöffnet habe. Was kann ich tun?",
                    "Jeder Link zum Zurücksetzen ist sofort 'abgelaufen oder ungültig'. Konto: {email}",
                ),
                detail=("Auch im privaten Fenster dasselbe.",),
                reply=(
                    "Links zum Zurücksetzen laufen nach {reset_minutes} Minuten ab und werden ungültig, "
                    "sobald ein neuer angefordert wird. Manche Firmen-Mailfilter öffnen Links vorab und "
                    "verbrauchen sie dabei. Fordern Sie bitte noch einen Link an und öffnen Sie ihn auf dem "
                    "Smartphone."
                ),
                follow_ups=(
                    (
                        "Auf dem Handy hat es geklappt, aber jetzt soll ich mich per SSO anmelden. Haben "
                        "wir das?",
                        "Ja, für Ihren Workspace {workspace} ist Single Sign-on aktiv. Sie können sich "
                        "einfach mit Ihrem Firmen-Login anmelden.",
                    ),
                    (
                        "Auf dem Handy genauso, sofort abgelaufen.",
                        "Danke fürs Ausprobieren. Ich habe das Passwort bei uns zurückgesetzt; Sie bekommen "
                        "einen Einmal-Login-Link, der 24 Stunden gültig ist.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "Hi there, one of our team members ({email}) is locked out after too many password "
                    "attempts. How do we reset her password as an admin?",
                    "As an admin, can I reset the password for a colleague? She's locked out.",
                ),
                detail=("She needs access before noon.", "Workspace is {workspace}."),
                reply=(
                    "As a workspace admin you can reset a member's password under Admin → Members → ⋯ → "
                    "Send password reset. That also clears the lockout after failed attempts."
                ),
                follow_ups=(
                    (
                        "I don't see the ⋯ menu next to her name.",
                        "That menu is only shown to admins, and your role in {workspace} is 'Member'. I've "
                        "sent the reset link to your colleague directly; an owner can make you an admin "
                        "under Admin → Members.",
                    ),
                    (
                        "Done, but she says the account is still locked.",
                        "The lockout lasts 15 minutes after the last failed attempt. I've cleared it "
                        "manually, so she can log in now.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Eine Kollegin ({email}) hat sich durch zu viele Fehlversuche ausgesperrt. Wie setze "
                    "ich als Admin ihr Passwort zurück?",
                    "Kann ich als Admin das Passwort für einen Kollegen zurücksetzen?",
                ),
                detail=("Der Workspace ist {workspace}.",),
                reply=(
                    "Als Workspace-Admin können Sie das Passwort unter Admin → Mitglieder → ⋯ → Passwort "
                    "zurücksetzen neu anfordern. Damit wird auch die Sperre nach Fehlversuchen aufgehoben."
                ),
                follow_ups=(
                    (
                        "Das Menü ⋯ sehe ich dort gar nicht.",
                        "Das Menü sehen nur Admins, Ihre Rolle in {workspace} ist 'Mitglied'. Ich habe den "
                        "Link direkt an die betroffene Person geschickt; ein Owner kann Sie unter Admin → "
                        "Mitglieder zum Admin machen.",
                    ),
                    (
                        "Erledigt, aber das Konto ist immer noch gesperrt.",
                        "Die Sperre gilt 15 Minuten nach dem letzten Fehlversuch. Ich habe sie manuell "
                        "aufgehoben, die Anmeldung klappt jetzt.",
                    ),
                ),
            ),
        },
    ),
    link=help_url("en", "reset-your-password"),
)

SSO_SETUP = Topic(
    scenarios=(
        {
            "en": Script(
                opener=(
                    "We're trying to set up SAML SSO with {idp} for our workspace {workspace}. Where do I "
                    "find the ACS URL and entity ID?",
                    "How do I configure single sign-on with {idp}? I can't find the SAML settings.",
                ),
                detail=("We need this live before our security review on Friday.",),
                reply=(
                    "You'll find the ACS URL and entity ID under Admin → Security → Single sign-on. Paste "
                    "them into a new SAML app in {idp}, then upload the IdP metadata XML on the same page "
                    "and test with one account before enforcing SSO."
                ),
                follow_ups=(
                    (
                        "Done and the test login works. Do we need to set up SCIM separately for "
                        "provisioning?",
                        "Yes, SCIM is separate: create a token under Admin → Security → Provisioning and "
                        "add it to {idp}. New users are then created automatically.",
                    ),
                    (
                        "Before we enforce it: what happens if {idp} is down? Are we locked out?",
                        "No. Workspace owners can always sign in with password and 2FA, even when SSO is "
                        "enforced, so you can't lock yourselves out.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Wir möchten SAML-SSO mit {idp} für unseren Workspace {workspace} einrichten. Wo finde "
                    "ich die ACS-URL und die Entity-ID?",
                    "Wie richte ich Single Sign-on mit {idp} ein? Ich finde die SAML-Einstellungen nicht.",
                ),
                detail=("Das muss bis zu unserem Security-Audit nächste Woche laufen.",),
                reply=(
                    "ACS-URL und Entity-ID finden Sie unter Admin → Sicherheit → Single Sign-on. Tragen Sie "
                    "die Werte in eine neue SAML-App in {idp} ein, laden Sie anschließend die Metadaten-XML "
                    "von {idp} hoch und testen Sie mit einem Konto, bevor Sie SSO erzwingen."
                ),
                follow_ups=(
                    (
                        "Test-Login klappt. Müssen wir SCIM für die Benutzerverwaltung separat einrichten?",
                        "Ja, SCIM ist separat: Erstellen Sie unter Admin → Sicherheit → Provisionierung "
                        "einen Token und hinterlegen Sie ihn in {idp}.",
                    ),
                    (
                        "Was passiert, wenn {idp} einmal ausfällt? Sperren wir uns dann selbst aus?",
                        "Nein. Workspace-Owner können sich immer mit Passwort und 2FA anmelden, auch wenn "
                        "SSO erzwungen ist.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "After enabling SSO with {idp}, users get 'SAML response signature invalid' when "
                    "logging in. Any idea?",
                    "Since this morning nobody can log in via {idp}: 'SAML response signature invalid'. "
                    "Workspace {workspace}.",
                ),
                detail=(
                    "I've double-checked the {idp} side twice already.",
                    "Nothing changed in our config as far as I know.",
                ),
                reply=(
                    "That error usually means the signing certificate stored in {product} no longer matches "
                    "the one {idp} uses, often after a certificate rotation. Please download the metadata "
                    "from {idp} again and upload it under Admin → Security → Single sign-on."
                ),
                follow_ups=(
                    (
                        "Uploaded the new metadata and it works for most people now, but users with "
                        "uppercase letters in their email still fail.",
                        "The NameID was matched case-sensitively. I've switched {workspace} to "
                        "case-insensitive matching, so those users get in now.",
                    ),
                    (
                        "That was it, the certificate rotated last night. Can we get a warning before that "
                        "happens again?",
                        "Yes: enter a security contact under Admin → Security and we'll email them 14 days "
                        "before the certificate in the metadata expires.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Seit wir SSO mit {idp} aktiviert haben, bekommen einige Nutzer die Meldung 'SAML "
                    "response signature invalid'. Woran liegt das?",
                    "Seit heute früh kommt beim Login über {idp} nur 'SAML response signature invalid'.",
                ),
                detail=("Die Konfiguration in {idp} habe ich schon zweimal geprüft.",),
                reply=(
                    "Die Meldung bedeutet meist, dass das Signaturzertifikat nicht mehr zu dem von {idp} "
                    "passt, z. B. nach einer Zertifikatsrotation. Laden Sie bitte die aktuellen Metadaten "
                    "aus {idp} unter Admin → Sicherheit → Single Sign-on neu hoch."
                ),
                follow_ups=(
                    (
                        "Metadaten sind neu hochgeladen, die meisten kommen jetzt rein. Nutzer mit "
                        "Großbuchstaben in der E-Mail-Adresse scheitern aber weiterhin.",
                        "Die NameID wurde mit Beachtung der Groß-/Kleinschreibung abgeglichen. Ich habe "
                        "{workspace} umgestellt, jetzt kommen diese Nutzer rein.",
                    ),
                    (
                        "Das war es, das Zertifikat wurde heute Nacht getauscht. Kann man vorher gewarnt "
                        "werden?",
                        "Ja: Hinterlegen Sie unter Admin → Sicherheit einen Sicherheitskontakt, dann "
                        "schicken wir 14 Tage vor Ablauf des Zertifikats eine E-Mail.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "Does the {small_plan} plan include single sign-on? We'd like to connect {idp} and "
                    "enforce it for everyone.",
                    "Is SAML SSO available on {small_plan}, or do we need to upgrade?",
                ),
                detail=("We have {seats} users.",),
                reply=(
                    "SSO is part of the Business and Enterprise plans. On {small_plan} you can try it "
                    "during a 14-day Business trial. Shall I enable that for {workspace}?"
                ),
                follow_ups=(
                    (
                        "Yes please, enable the trial.",
                        "Done: {workspace} is on a Business trial for the next two weeks. The SSO settings "
                        "are under Admin → Security → Single sign-on.",
                    ),
                    (
                        "What happens after the trial if we don't upgrade?",
                        "SSO is switched off and everyone signs in with their password again. Nothing else "
                        "changes and no data is lost.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Ist Single Sign-on im {small_plan}-Tarif enthalten? Wir würden gern {idp} anbinden.",
                    "Gibt es SAML-SSO auch im {small_plan}-Tarif oder müssen wir upgraden?",
                ),
                detail=("Wir sind {seats} Nutzer.",),
                reply=(
                    "SSO ist Teil der Tarife Business und Enterprise. Im {small_plan}-Tarif können Sie es "
                    "14 Tage lang in einer Business-Testphase ausprobieren. Soll ich die für {workspace} "
                    "aktivieren?"
                ),
                follow_ups=(
                    (
                        "Ja, bitte aktivieren.",
                        "Erledigt: {workspace} ist für zwei Wochen im Business-Test. Die SSO-Einstellungen "
                        "finden Sie unter Admin → Sicherheit → Single Sign-on.",
                    ),
                    (
                        "Und was passiert nach dem Test, wenn wir nicht upgraden?",
                        "Dann wird SSO abgeschaltet und alle melden sich wieder mit Passwort an. Daten "
                        "gehen keine verloren.",
                    ),
                ),
            ),
        },
    ),
    link=help_url("en", "single-sign-on-saml"),
)

BILLING = Topic(
    scenarios=(
        {
            "en": Script(
                opener=(
                    "Can you send me the invoice for {month}? I can't find it in the billing section.",
                    "Where can I download our invoices? Accounting needs the one for {month}.",
                ),
                detail=("Our accounting needs it by the end of the week.",),
                reply=(
                    "All invoices are under Admin → Billing → Invoices and can be downloaded as PDF. I've "
                    "also attached {invoice} for {month} to this reply."
                ),
                follow_ups=(
                    (
                        "Thanks. Can the invoices go to accounting@ automatically instead of me?",
                        "Done: accounting is now an invoice recipient, so future invoices go there "
                        "automatically. You can change recipients yourself under Admin → Billing → Invoice "
                        "settings.",
                    ),
                    (
                        "I don't see the Billing menu at all, only 'Members' and 'Security'.",
                        "The billing section is only visible to billing owners. I've made you a billing "
                        "owner for {workspace}; please reload the page.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Können Sie mir die Rechnung für {month} schicken? Im Abrechnungsbereich finde ich sie "
                    "nicht.",
                    "Wo kann ich unsere Rechnungen herunterladen? Die Buchhaltung braucht die von {month}.",
                ),
                detail=("Unsere Buchhaltung braucht sie bis Ende der Woche.",),
                reply=(
                    "Alle Rechnungen finden Sie unter Admin → Abrechnung → Rechnungen als PDF. Die Rechnung "
                    "{invoice} für {month} habe ich Ihnen zusätzlich angehängt."
                ),
                follow_ups=(
                    (
                        "Danke. Können die Rechnungen künftig automatisch an buchhaltung@ gehen?",
                        "Erledigt: Die Buchhaltung ist jetzt als Rechnungsempfänger hinterlegt. Das können "
                        "Sie auch selbst unter Admin → Abrechnung → Rechnungseinstellungen ändern.",
                    ),
                    (
                        "Ich sehe den Menüpunkt Abrechnung gar nicht, nur 'Mitglieder' und 'Sicherheit'.",
                        "Der Bereich Abrechnung ist nur für Billing-Owner sichtbar. Ich habe Sie für "
                        "{workspace} als Billing-Owner eingetragen; bitte laden Sie die Seite neu.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "Our company address and VAT number changed. Can you update them and reissue invoice "
                    "{invoice}?",
                    "Invoice {invoice} has our old company name on it. Could you correct it?",
                ),
                detail=("New VAT number: {vat_id}",),
                reply=(
                    "I've updated the billing details for {workspace} and reissued {invoice}; the corrected "
                    "PDF is attached. You can change these details yourself under Admin → Billing → Invoice "
                    "settings."
                ),
                follow_ups=(
                    (
                        "Perfect. Can you also put our PO number on future invoices?",
                        "Sure, there's a 'Purchase order number' field under Admin → Billing → Invoice "
                        "settings; whatever you enter there appears on every future invoice.",
                    ),
                    (
                        "The reissued invoice still shows the old address.",
                        "Sorry, it was generated before the change had synced. I've regenerated {invoice}; "
                        "the attached version shows the new address.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Unsere Firmenadresse und USt-IdNr. haben sich geändert. Können Sie die Rechnung "
                    "{invoice} bitte neu ausstellen?",
                    "Auf der Rechnung {invoice} steht noch unser alter Firmenname. Können Sie das "
                    "korrigieren?",
                ),
                detail=("Neue USt-IdNr.: {vat_id}",),
                reply=(
                    "Ich habe die Rechnungsdaten für {workspace} aktualisiert und {invoice} neu "
                    "ausgestellt, die korrigierte PDF ist im Anhang. Künftig können Sie die Daten selbst "
                    "unter Admin → Abrechnung → Rechnungseinstellungen ändern."
                ),
                follow_ups=(
                    (
                        "Super. Kann auch unsere Bestellnummer (PO) auf die Rechnungen?",
                        "Gern, unter Admin → Abrechnung → Rechnungseinstellungen gibt es dafür das Feld "
                        "'Bestellnummer'; sie erscheint dann auf jeder Rechnung.",
                    ),
                    (
                        "Auf der neuen Rechnung steht immer noch die alte Adresse.",
                        "Entschuldigung, die Rechnung wurde vor der Synchronisierung erstellt. Ich habe "
                        "{invoice} neu erzeugt, im Anhang steht jetzt die neue Adresse.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "We were charged {amount} this month but we only have {seats} seats. Why is the invoice "
                    "higher than last month?",
                    "Invoice {invoice} is much higher than usual, {amount}. Can you explain?",
                ),
                detail=("Nobody here remembers adding users.",),
                reply=(
                    "The difference comes from seats added mid-cycle: they are billed pro rata on the next "
                    "invoice. You can see each line item on {invoice} under Admin → Billing → Invoices."
                ),
                follow_ups=(
                    (
                        "We removed those users again a week later. Do we still pay for them?",
                        "Removed seats are credited pro rata on the next invoice, so you'll see the "
                        "difference as a credit line there.",
                    ),
                    (
                        "Can we stop members from inviting new users without approval?",
                        "Yes: under Admin → Members → Invitations switch on 'Admins approve invitations'. "
                        "Then no seat is added without an admin's approval.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Uns wurden diesen Monat {amount} abgebucht, obwohl wir nur {seats} Plätze haben. Warum "
                    "ist die Rechnung höher als im Vormonat?",
                    "Die Rechnung {invoice} ist mit {amount} deutlich höher als sonst. Woran liegt das?",
                ),
                detail=("Bei uns weiß niemand etwas von neuen Nutzern.",),
                reply=(
                    "Der Unterschied kommt von Plätzen, die mitten im Abrechnungszeitraum hinzugekommen "
                    "sind: Sie werden anteilig auf der nächsten Rechnung berechnet. Die einzelnen "
                    "Positionen sehen Sie in {invoice} unter Admin → Abrechnung → Rechnungen."
                ),
                follow_ups=(
                    (
                        "Die Nutzer haben wir eine Woche später wieder entfernt. Zahlen wir trotzdem?",
                        "Entfernte Plätze werden anteilig auf der nächsten Rechnung gutgeschrieben.",
                    ),
                    (
                        "Kann man verhindern, dass Mitglieder ohne Freigabe Leute einladen?",
                        "Ja: Unter Admin → Mitglieder → Einladungen die Option 'Einladungen durch Admins "
                        "bestätigen' aktivieren.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "hi, who do I contact to change the credit card on file? our old card expired and the "
                    "payment for {workspace} failed",
                    "Our card expired and we got a 'payment failed' email. How do we update it before the "
                    "account is suspended?",
                ),
                detail=("We don't want the workspace to be locked.",),
                reply=(
                    "Billing owners can change the payment method under Admin → Billing → Payment method. "
                    "The failed charge is retried automatically within 24 hours after you update it, and "
                    "nothing is suspended in the meantime."
                ),
                follow_ups=(
                    (
                        "Updated the card. Will the retry charge the full {amount}?",
                        "Yes, the retry charges the open amount of {amount} once; you'll get the receipt by "
                        "email.",
                    ),
                    (
                        "Can we pay by bank transfer instead of card?",
                        "From the Business plan with annual billing, yes. I can switch {workspace} to "
                        "invoice payment with 14 days' terms if you like.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Unsere Kreditkarte ist abgelaufen und die Zahlung für {workspace} ist fehlgeschlagen. "
                    "Wie ändern wir die Karte?",
                    "Wir haben eine Mail 'Zahlung fehlgeschlagen' bekommen, die Karte ist abgelaufen. Wo "
                    "hinterlege ich eine neue?",
                ),
                detail=("Der Workspace soll nicht gesperrt werden.",),
                reply=(
                    "Die Zahlungsmethode können Billing-Owner unter Admin → Abrechnung → Zahlungsmethode "
                    "ändern. Die fehlgeschlagene Abbuchung wird danach innerhalb von 24 Stunden erneut "
                    "versucht, gesperrt wird bis dahin nichts."
                ),
                follow_ups=(
                    (
                        "Karte ist aktualisiert. Wird jetzt der volle Betrag von {amount} abgebucht?",
                        "Ja, der offene Betrag von {amount} wird einmal abgebucht; die Quittung kommt per "
                        "E-Mail.",
                    ),
                    (
                        "Können wir statt per Karte auch per Überweisung zahlen?",
                        "Ab dem Business-Tarif mit jährlicher Zahlung ja. Ich kann {workspace} gern auf "
                        "Rechnung mit 14 Tagen Zahlungsziel umstellen.",
                    ),
                ),
            ),
        },
    ),
    link=help_url("en", "invoices-and-payment-methods"),
)

PLAN_UPGRADE = Topic(
    scenarios=(
        {
            "en": Script(
                opener=(
                    "We're on {plan} with {seats} users and thinking about {new_plan}. What's the price "
                    "difference and is it prorated?",
                    "If we move from {plan} to {new_plan} mid-month, how is that billed?",
                ),
                detail=("We'd like to switch before the next billing date.",),
                reply=(
                    "Upgrades take effect immediately and are prorated: you only pay the difference for the "
                    "rest of the current period. Prices for all plans are at "
                    "https://planwise.example/pricing."
                ),
                follow_ups=(
                    (
                        "Makes sense. If we downgrade again later, do we lose the {new_plan} features "
                        "immediately?",
                        "A downgrade takes effect at the end of the billing period, so you keep the "
                        "{new_plan} features until then. Nothing is deleted; data from those features "
                        "becomes read-only.",
                    ),
                    (
                        "Can we get a quote as PDF for our procurement team?",
                        "Of course, I've attached a quote for {seats} seats on {new_plan}. It's valid for "
                        "30 days.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Wir sind im {plan}-Tarif mit {seats} Nutzern und überlegen, auf {new_plan} zu "
                    "wechseln. Was kostet das und wird anteilig abgerechnet?",
                    "Wie wird abgerechnet, wenn wir mitten im Monat von {plan} auf {new_plan} wechseln?",
                ),
                detail=("Am liebsten noch vor dem nächsten Abrechnungsdatum.",),
                reply=(
                    "Upgrades gelten sofort und werden anteilig berechnet: Sie zahlen nur die Differenz für "
                    "den Rest des Zeitraums. Alle Preise finden Sie unter https://planwise.example/pricing."
                ),
                follow_ups=(
                    (
                        "Und wenn wir später wieder downgraden, sind die {new_plan}-Funktionen dann sofort "
                        "weg?",
                        "Ein Downgrade gilt erst zum Ende des Abrechnungszeitraums. Daten aus den "
                        "{new_plan}-Funktionen bleiben erhalten, sind dann aber schreibgeschützt.",
                    ),
                    (
                        "Können Sie uns ein Angebot als PDF für unseren Einkauf schicken?",
                        "Gern, im Anhang finden Sie ein Angebot über {seats} Lizenzen im {new_plan}-Tarif, "
                        "gültig für 30 Tage.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "Is there a discount for annual billing on the {new_plan} plan? We have about {seats} "
                    "seats.",
                    "What would {seats} seats of {new_plan} cost per year if we pay annually?",
                ),
                detail=("Budget for next year is being planned right now.",),
                reply=(
                    "Yes, annual billing saves 20% compared with monthly on every plan. From 50 seats we "
                    "also offer volume pricing; I've attached a quote for {seats} seats on {new_plan}."
                ),
                follow_ups=(
                    (
                        "Can we switch to annual now and keep our current renewal date?",
                        "Yes, I can switch {workspace} to annual billing today; the remaining days of this "
                        "month are credited against the first annual invoice.",
                    ),
                    (
                        "Does the annual price include onboarding?",
                        "Onboarding is included from Business upward: a 60-minute session with our team, "
                        "booked from Admin → Billing once the plan is active.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Gibt es Rabatt bei jährlicher Zahlung für den {new_plan}-Tarif? Wir bräuchten ca. "
                    "{seats} Lizenzen.",
                    "Was kosten {seats} Lizenzen {new_plan} pro Jahr bei jährlicher Zahlung?",
                ),
                detail=("Wir planen gerade das Budget fürs nächste Jahr.",),
                reply=(
                    "Ja, bei jährlicher Zahlung sparen Sie in allen Tarifen 20 %. Ab 50 Lizenzen gibt es "
                    "zusätzlich Staffelpreise; ein Angebot über {seats} Lizenzen im {new_plan}-Tarif habe "
                    "ich angehängt."
                ),
                follow_ups=(
                    (
                        "Können wir jetzt schon auf jährlich umstellen und den Verlängerungstermin behalten?",
                        "Ja, ich stelle {workspace} heute auf jährliche Zahlung um; die restlichen Tage "
                        "dieses Monats werden auf die erste Jahresrechnung angerechnet.",
                    ),
                    (
                        "Ist ein Onboarding im Jahrespreis enthalten?",
                        "Ab Business ja: eine 60-minütige Session mit unserem Team, buchbar unter Admin → "
                        "Abrechnung.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "How do I upgrade from {plan} to {new_plan}? The upgrade button is greyed out for me.",
                    "I want to upgrade our workspace but the 'Change plan' button doesn't do anything.",
                ),
                detail=("Workspace: {workspace}",),
                reply=(
                    "Only billing owners can change the plan, which is why the button is greyed out for "
                    "you. Ask a billing owner of {workspace}, or tell me who it is and I'll send them an "
                    "upgrade link."
                ),
                follow_ups=(
                    (
                        "Our only billing owner left the company. What now?",
                        "Then a workspace owner can take over billing under Admin → Billing → Billing "
                        "owners. If there's no owner left either, send us a short confirmation from your "
                        "company email and we'll transfer it.",
                    ),
                    (
                        "Please send the link to our billing owner, {email}.",
                        "Done, {email} has the upgrade link now. The new plan applies as soon as they "
                        "confirm.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Wie kann ich von {plan} auf {new_plan} upgraden? Der Button ist bei mir ausgegraut.",
                    "Ich möchte unseren Workspace upgraden, aber 'Tarif ändern' reagiert nicht.",
                ),
                detail=("Workspace: {workspace}",),
                reply=(
                    "Den Tarif können nur Billing-Owner ändern, deshalb ist der Button ausgegraut. Wenden "
                    "Sie sich an einen Billing-Owner von {workspace} oder nennen Sie mir die Person, dann "
                    "schicke ich ihr einen Upgrade-Link."
                ),
                follow_ups=(
                    (
                        "Unser einziger Billing-Owner hat das Unternehmen verlassen. Was nun?",
                        "Dann kann ein Workspace-Owner die Abrechnung unter Admin → Abrechnung → "
                        "Billing-Owner übernehmen.",
                    ),
                    (
                        "Bitte schicken Sie den Link an {email}.",
                        "Erledigt, {email} hat den Upgrade-Link. Der neue Tarif gilt, sobald er bestätigt "
                        "wird.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "Do you offer nonprofit or education pricing? We're a small charity with {seats} "
                    "volunteers.",
                    "We're a school. Is there an education discount for {new_plan}?",
                ),
                detail=("We're a registered charity.",),
                reply=(
                    "Yes, registered nonprofits and schools get 50% off any plan. Could you send us proof "
                    "of status, for example a registration certificate?"
                ),
                follow_ups=(
                    (
                        "Attached our registration certificate.",
                        "Thanks, approved! The 50% discount applies to {workspace} from the next invoice on.",
                    ),
                    (
                        "Does the discount also apply to annual billing?",
                        "Yes, the two combine: 20% for annual billing, then the 50% nonprofit discount on "
                        "top.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Gibt es Sonderpreise für gemeinnützige Vereine? Wir sind {seats} Ehrenamtliche.",
                    "Wir sind eine Schule. Gibt es einen Bildungsrabatt für {new_plan}?",
                ),
                detail=("Wir sind ein eingetragener Verein.",),
                reply=(
                    "Ja, gemeinnützige Organisationen und Schulen erhalten 50 % Rabatt auf jeden Tarif. "
                    "Schicken Sie uns bitte einen Nachweis, z. B. den Freistellungsbescheid."
                ),
                follow_ups=(
                    (
                        "Der Freistellungsbescheid ist im Anhang.",
                        "Danke, genehmigt! Der Rabatt von 50 % gilt für {workspace} ab der nächsten "
                        "Rechnung.",
                    ),
                    (
                        "Gilt der Rabatt auch bei jährlicher Zahlung?",
                        "Ja, beides lässt sich kombinieren: 20 % für jährliche Zahlung und darauf 50 % "
                        "Rabatt für Gemeinnützige.",
                    ),
                ),
            ),
        },
    ),
)

API_LIMITS = Topic(
    scenarios=(
        {
            "en": Script(
                opener=(
                    "Our integration keeps getting 429 Too Many Requests from {endpoint}. We only send a "
                    "few hundred requests a minute. What are the actual rate limits?",
                    "What's the rate limit of the REST API? We hit 429 on {endpoint} during our nightly "
                    "sync.",
                    "Is there a way to raise the API rate limit for our account? Our nightly sync hits 429s "
                    "constantly.",
                ),
                detail=(
                    "It happens mostly between 01:00 and 03:00 UTC.",
                    "We use a workspace token, if that matters.",
                ),
                reply=(
                    "The limit is 600 requests per minute per token, with short bursts up to 100 per "
                    "second. On a 429 the Retry-After header tells you how many seconds to wait; please "
                    "back off for that long."
                ),
                follow_ups=(
                    (
                        "Can we use webhooks instead of polling to cut down the calls?",
                        "Yes, webhooks are the way to go: subscribe to task.created and task.updated under "
                        "Admin → API → Webhooks and only fetch what changed. That usually cuts requests by "
                        "90%.",
                    ),
                    (
                        "We do back off, but the nightly sync still takes hours. Is there a bulk endpoint, "
                        "or can you raise the limit?",
                        "Use GET /v2/tasks?updated_since=… with page_size=500: it returns changes only. "
                        "I've also raised your token's limit to 1,200 per minute for the next 30 days.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Unsere Integration bekommt ständig 429 Too Many Requests von {endpoint}, obwohl wir "
                    "nur ein paar hundert Requests pro Minute schicken. Wie hoch sind die Limits genau?",
                    "Wie hoch ist das Rate-Limit der API? Bei der nächtlichen Synchronisation bekommen wir "
                    "429 auf {endpoint}.",
                ),
                detail=(
                    "Es passiert vor allem nachts zwischen 1 und 3 Uhr.",
                    "Wir nutzen einen Workspace-Token.",
                ),
                reply=(
                    "Das Limit liegt bei 600 Requests pro Minute und Token, kurzzeitig bis 100 pro Sekunde. "
                    "Bei 429 steht im Header Retry-After die Wartezeit in Sekunden; bitte so lange "
                    "pausieren."
                ),
                follow_ups=(
                    (
                        "Können wir statt Polling Webhooks nutzen, um die Aufrufe zu reduzieren?",
                        "Ja, Webhooks sind dafür ideal: Abonnieren Sie task.created und task.updated unter "
                        "Admin → API → Webhooks und laden Sie nur Änderungen.",
                    ),
                    (
                        "Wir warten ja schon, aber die Synchronisation dauert trotzdem Stunden. Gibt es "
                        "einen Bulk-Endpunkt?",
                        "Nutzen Sie GET /v2/tasks?updated_since=… mit page_size=500, das liefert nur "
                        "Änderungen. Zusätzlich habe ich das Limit Ihres Tokens für 30 Tage auf 1.200 pro "
                        "Minute erhöht.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "Since yesterday the API returns {server_error} for GET {endpoint}; nothing changed on "
                    "our side. Request ID {request_id}.",
                    "We're seeing lots of {server_error} responses from {endpoint} tonight. Is the API "
                    "down? Example request: {request_id}",
                ),
                detail=("About 5% of calls fail, the rest are fine.",),
                reply=(
                    "I looked up {request_id}: those errors came from a degraded database node on our side "
                    "between 02:10 and 02:45 UTC, now fixed. Sorry about that. Retries with exponential "
                    "backoff recover from this automatically."
                ),
                follow_ups=(
                    (
                        "Is there a status page we can subscribe to?",
                        "Yes, https://status.planwise.example: click 'Subscribe' for email or webhook "
                        "notifications about API incidents.",
                    ),
                    (
                        "Still seeing a few {server_error} errors this morning.",
                        "Thanks for the heads-up. The remaining errors came from one overloaded node, which "
                        "we've replaced. Error rates are back to normal since 09:20 UTC.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Seit gestern liefert die API {server_error} für GET {endpoint}, bei uns hat sich "
                    "nichts geändert. Request-ID {request_id}.",
                    "Heute Nacht bekommen wir viele {server_error} von {endpoint}. Ist die API down? "
                    "Beispiel: {request_id}",
                ),
                detail=("Etwa 5 % der Aufrufe schlagen fehl.",),
                reply=(
                    "Ich habe mir {request_id} angesehen: Die Fehler kamen von einem überlasteten "
                    "Datenbankknoten bei uns zwischen 02:10 und 02:45 UTC, inzwischen behoben. "
                    "Entschuldigung dafür! Wiederholungen mit exponentiellem Backoff fangen so etwas "
                    "automatisch ab."
                ),
                follow_ups=(
                    (
                        "Gibt es eine Statusseite, die man abonnieren kann?",
                        "Ja, https://status.planwise.example: Über 'Subscribe' bekommen Sie E-Mails oder "
                        "Webhooks bei Störungen.",
                    ),
                    (
                        "Heute früh sehen wir immer noch vereinzelt {server_error}.",
                        "Danke für den Hinweis. Die restlichen Fehler kamen von einem einzelnen Knoten, den "
                        "wir ausgetauscht haben. Seit 09:20 UTC ist die Fehlerrate wieder normal.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "The API docs say 'see the headers for limits' but I don't see any X-RateLimit headers "
                    "in the responses from {endpoint}.",
                    "How can I tell how many API requests I have left? There are no rate-limit headers.",
                ),
                detail=("We're calling https://api.planwise.example{endpoint}.",),
                reply=(
                    "The rate-limit headers are only sent by the v2 API. If you call /v1, switching the "
                    "base URL to /v2 gives you X-RateLimit-Limit and X-RateLimit-Remaining on every "
                    "response."
                ),
                follow_ups=(
                    (
                        "We're on v2 already and still see nothing.",
                        "You're right: since a change last week our CDN stripped those headers in some "
                        "regions. It's fixed now, so they should appear on every response.",
                    ),
                    (
                        "Is v1 going to be shut down?",
                        "Yes, v1 is deprecated and will be switched off on 31 March 2027. The migration "
                        "guide is in the developer docs.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Laut API-Doku stehen die Limits in den Headern, aber ich sehe keine X-RateLimit-Header "
                    "in den Antworten von {endpoint}.",
                    "Wie sehe ich, wie viele API-Requests ich noch habe? Es gibt keine Rate-Limit-Header.",
                ),
                detail=("Wir rufen https://api.planwise.example{endpoint} auf.",),
                reply=(
                    "Die Rate-Limit-Header liefert nur die v2-API. Wenn Sie /v1 nutzen, bekommen Sie mit "
                    "der Basis-URL /v2 bei jeder Antwort X-RateLimit-Limit und X-RateLimit-Remaining."
                ),
                follow_ups=(
                    (
                        "Wir nutzen schon v2 und sehen trotzdem nichts.",
                        "Stimmt, unser CDN hat die Header seit einer Änderung letzte Woche in manchen "
                        "Regionen entfernt. Das ist behoben.",
                    ),
                    (
                        "Wird v1 abgeschaltet?",
                        "Ja, v1 ist veraltet und wird am 31. März 2027 abgeschaltet. Die "
                        "Migrationsanleitung steht in der Entwickler-Doku.",
                    ),
                ),
            ),
        },
    ),
    link="https://developers.planwise.example/docs/rate-limits",
)

DATA_EXPORT = Topic(
    scenarios=(
        {
            "en": Script(
                opener=(
                    "How can I export all our projects and tasks to {export_format}? We need a backup "
                    "before the end of the quarter.",
                    "Is there a way to get all our data out of {product} as {export_format}?",
                ),
                detail=("It's about 40,000 tasks in total.",),
                reply=(
                    "Admins can export everything under Admin → Data → Export. Choose {export_format} for "
                    "tasks, or 'Full backup (ZIP)' to include comments and attachments. You'll get an email "
                    "with the download link when it's ready."
                ),
                follow_ups=(
                    (
                        "Can the export run weekly on a schedule?",
                        "Scheduled exports aren't in the app yet, but you can call POST /v2/exports from a "
                        "cron job with an API token for the same result.",
                    ),
                    (
                        "The download link in the email says 'expired'.",
                        "Download links are valid for {export_link_days} days. I've generated a new one; "
                        "it's in your inbox.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Wie kann ich alle Projekte und Aufgaben als {export_format} exportieren? Wir brauchen "
                    "ein Backup zum Quartalsende.",
                    "Kann man alle Daten aus {product} als {export_format} herunterladen?",
                ),
                detail=("Insgesamt sind es ca. 40.000 Aufgaben.",),
                reply=(
                    "Admins können unter Admin → Daten → Export alles exportieren. Wählen Sie "
                    "{export_format} für Aufgaben oder 'Vollständiges Backup (ZIP)' inklusive Kommentaren "
                    "und Anhängen. Den Download-Link bekommen Sie per E-Mail."
                ),
                follow_ups=(
                    (
                        "Kann man den Export wöchentlich automatisch laufen lassen?",
                        "Geplante Exporte gibt es in der App noch nicht, aber Sie können per API-Token "
                        "regelmäßig POST /v2/exports aufrufen.",
                    ),
                    (
                        "Der Link in der E-Mail ist angeblich abgelaufen.",
                        "Download-Links sind {export_link_days} Tage gültig. Ich habe einen neuen erzeugt, "
                        "er ist in Ihrem Postfach.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "The export of workspace {workspace} has been stuck at 'Preparing…' for two days.",
                    "Our data export never finishes. Started it on Monday, still 'Preparing'.",
                ),
                detail=("We need it for an audit.",),
                reply=(
                    "Large exports take a while, but two days isn't normal. I've restarted the job for "
                    "{workspace}; the download email should arrive within a few hours."
                ),
                follow_ups=(
                    (
                        "Got the email, thanks. But the ZIP is only 2 MB, that can't be everything.",
                        "You're right, the restarted job skipped archived projects. I've run it again with "
                        "archived projects included; the new link is in your inbox.",
                    ),
                    (
                        "Still nothing after a day.",
                        "Sorry about that. The job failed on a corrupted attachment; I've excluded that "
                        "file and the export finished. The link is in your inbox, and the file's name is in "
                        "the export log.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Der Export für den Workspace {workspace} hängt seit zwei Tagen bei 'Wird vorbereitet…'.",
                    "Unser Datenexport wird nie fertig. Seit Montag steht er auf 'Wird vorbereitet'.",
                ),
                detail=("Wir brauchen das für eine Prüfung.",),
                reply=(
                    "Große Exporte dauern etwas, zwei Tage sind aber nicht normal. Ich habe den Job für "
                    "{workspace} neu gestartet; die E-Mail sollte in ein paar Stunden kommen."
                ),
                follow_ups=(
                    (
                        "Die Mail ist da, aber die ZIP-Datei hat nur 2 MB. Das kann nicht alles sein.",
                        "Stimmt, der neu gestartete Job hat archivierte Projekte ausgelassen. Ich habe ihn "
                        "inklusive Archiv noch einmal laufen lassen, der neue Link ist in Ihrem Postfach.",
                    ),
                    (
                        "Nach einem Tag immer noch nichts.",
                        "Entschuldigung! Der Job ist an einem beschädigten Anhang gescheitert. Ich habe die "
                        "Datei ausgenommen, der Export ist jetzt fertig und der Link in Ihrem Postfach.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "I downloaded the {export_format} export but attachments and comments are missing. Is "
                    "there a full export?",
                    "Does the export include comments and files? Our {export_format} only has task titles "
                    "and dates.",
                ),
                detail=("We're moving to another tool and need everything.",),
                reply=(
                    "The {export_format} export contains tasks only. For comments and attachments choose "
                    "'Full backup (ZIP)' under Admin → Data → Export; it includes a JSON file per project "
                    "plus all files."
                ),
                follow_ups=(
                    (
                        "Can we import the full backup into another tool?",
                        "The JSON follows our public API schema, so most migration tools can read it.",
                    ),
                    (
                        "The ZIP link says 'expired'.",
                        "Download links are valid for {export_link_days} days. I've generated a fresh one "
                        "for you.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Im {export_format}-Export fehlen Anhänge und Kommentare. Gibt es einen vollständigen "
                    "Export?",
                    "Sind Kommentare und Dateien im Export dabei? In unserer {export_format}-Datei stehen "
                    "nur Titel und Termine.",
                ),
                detail=("Wir ziehen zu einem anderen Tool um und brauchen alles.",),
                reply=(
                    "Der {export_format}-Export enthält nur Aufgaben. Für Kommentare und Anhänge wählen Sie "
                    "unter Admin → Daten → Export 'Vollständiges Backup (ZIP)'; darin ist pro Projekt eine "
                    "JSON-Datei plus alle Dateien."
                ),
                follow_ups=(
                    (
                        "Kann man das Backup in ein anderes Tool importieren?",
                        "Das JSON folgt dem Schema unserer öffentlichen API, die meisten Migrationstools "
                        "können es lesen.",
                    ),
                    (
                        "Der Link zum ZIP ist abgelaufen.",
                        "Download-Links sind {export_link_days} Tage gültig. Ich habe einen neuen erzeugt.",
                    ),
                ),
            ),
        },
    ),
    link=help_url("en", "export-your-data"),
)

ACCOUNT_DELETION = Topic(
    scenarios=(
        {
            "en": Script(
                opener=(
                    "Please delete my account and all my personal data under GDPR. Email: {email}",
                    "I want my {product} account and personal data deleted. How do I do that?",
                ),
                detail=("This is a formal request under Art. 17 GDPR.",),
                reply=(
                    "You can delete your own account under Profile → Privacy → Delete my account. If you "
                    "prefer, reply to confirm and we'll handle it as a GDPR request: data is removed from "
                    "production immediately and from backups within {deletion_days} days."
                ),
                follow_ups=(
                    (
                        "I don't see that option. The help article mentions a 'Danger zone' under Settings, "
                        "which doesn't exist.",
                        "Sorry for the confusion, that article is outdated: the option moved to Profile → "
                        "Privacy in the new settings. I've started the deletion for you; the confirmation "
                        "will follow by email.",
                    ),
                    (
                        "Please go ahead. Will I get a written confirmation?",
                        "Done, the deletion has started. We send a confirmation by email once the backups "
                        "are purged, within {deletion_days} days.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Bitte löschen Sie mein Konto und alle personenbezogenen Daten gemäß DSGVO. E-Mail: "
                    "{email}",
                    "Ich möchte mein {product}-Konto samt Daten löschen lassen. Wie geht das?",
                ),
                detail=("Das ist ein formeller Antrag nach Art. 17 DSGVO.",),
                reply=(
                    "Ihr Konto können Sie selbst unter Profil → Datenschutz → Konto löschen entfernen. "
                    "Alternativ bestätigen Sie kurz, dann erledigen wir das als DSGVO-Anfrage: Die Daten "
                    "werden sofort aus dem Live-System und innerhalb von {deletion_days} Tagen aus den "
                    "Backups gelöscht."
                ),
                follow_ups=(
                    (
                        "Die Option finde ich nicht. Im Hilfeartikel steht etwas von einer 'Danger Zone' "
                        "unter Einstellungen, die es nicht gibt.",
                        "Entschuldigung, der Artikel ist veraltet: Die Option liegt jetzt unter Profil → "
                        "Datenschutz. Ich habe die Löschung für Sie gestartet, die Bestätigung kommt per "
                        "E-Mail.",
                    ),
                    (
                        "Bitte löschen. Bekomme ich eine schriftliche Bestätigung?",
                        "Erledigt, die Löschung läuft. Sobald auch die Backups gelöscht sind, spätestens "
                        "nach {deletion_days} Tagen, schicken wir eine Bestätigung per E-Mail.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "We're closing workspace {workspace}. How do we delete it completely, including backups?",
                    "How do I delete our whole workspace? We've moved to another tool.",
                ),
                detail=("The subscription is already cancelled.",),
                reply=(
                    "A workspace owner can delete the workspace under Admin → Workspace settings → Delete "
                    "workspace. Data is removed from production immediately and from backups within "
                    "{deletion_days} days. We'll confirm by email once it's done."
                ),
                follow_ups=(
                    (
                        "I'm an admin but I don't see 'Delete workspace'.",
                        "Only owners see that option, and {workspace} has a different owner. I can delete "
                        "it on their written confirmation, or they can make you an owner under Admin → "
                        "Members.",
                    ),
                    (
                        "Can we get a written confirmation of the deletion for our records?",
                        "Yes, we send a deletion certificate by email once the backups are purged, within "
                        "{deletion_days} days.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Wir schließen den Workspace {workspace}. Wie löschen wir ihn vollständig, inklusive "
                    "Backups?",
                    "Wie lösche ich unseren kompletten Workspace? Wir sind zu einem anderen Tool gewechselt.",
                ),
                detail=("Das Abo ist bereits gekündigt.",),
                reply=(
                    "Workspace-Owner können den Workspace unter Admin → Workspace-Einstellungen → Workspace "
                    "löschen entfernen. Die Daten werden sofort aus dem Live-System und innerhalb von "
                    "{deletion_days} Tagen aus den Backups gelöscht."
                ),
                follow_ups=(
                    (
                        "Ich bin Admin, sehe 'Workspace löschen' aber nicht.",
                        "Die Option sehen nur Owner, und {workspace} hat einen anderen Owner. Mit seiner "
                        "schriftlichen Bestätigung lösche ich ihn gern, oder er macht Sie unter Admin → "
                        "Mitglieder zum Owner.",
                    ),
                    (
                        "Bekommen wir eine schriftliche Löschbestätigung?",
                        "Ja, sobald auch die Backups gelöscht sind, spätestens nach {deletion_days} Tagen, "
                        "schicken wir Ihnen eine Löschbestätigung per E-Mail.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "I left my previous company but my {email} account still exists. Can you remove it?",
                    "My old work account ({email}) still gets notification emails. I don't work there "
                    "anymore, please delete it.",
                ),
                detail=("I can't log in anymore.",),
                reply=(
                    "Your user account belongs to your former employer's workspace, so an admin there has "
                    "to remove it. If they don't respond within a week, reply here and we'll handle it as a "
                    "GDPR request."
                ),
                follow_ups=(
                    (
                        "They haven't answered in two weeks.",
                        "Understood. We've removed your personal data from the account and stopped all "
                        "notifications; the workspace keeps your tasks anonymised as 'Former member'.",
                    ),
                    (
                        "Can you at least stop the notification emails?",
                        "Yes, I've unsubscribed {email} from all notifications. The account itself still "
                        "has to be removed by the workspace admin.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Ich arbeite nicht mehr bei meiner alten Firma, aber mein Konto {email} existiert noch. "
                    "Können Sie es löschen?",
                    "Auf mein altes Firmenkonto ({email}) kommen noch Benachrichtigungen. Ich bin dort "
                    "nicht mehr, bitte löschen.",
                ),
                detail=("Einloggen kann ich mich nicht mehr.",),
                reply=(
                    "Ihr Konto gehört zum Workspace Ihres früheren Arbeitgebers, deshalb muss ein Admin "
                    "dort es entfernen. Wenn sich innerhalb einer Woche niemand meldet, antworten Sie hier, "
                    "dann behandeln wir es als DSGVO-Anfrage."
                ),
                follow_ups=(
                    (
                        "Dort hat sich seit zwei Wochen niemand gemeldet.",
                        "Verstanden. Wir haben Ihre personenbezogenen Daten aus dem Konto entfernt und alle "
                        "Benachrichtigungen gestoppt; Ihre Aufgaben bleiben anonymisiert als 'Ehemaliges "
                        "Mitglied'.",
                    ),
                    (
                        "Können Sie wenigstens die Benachrichtigungen abstellen?",
                        "Ja, ich habe {email} von allen Benachrichtigungen abgemeldet. Das Konto selbst "
                        "muss der Admin entfernen.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "How long do you keep our data after we cancel? Our data protection officer is asking.",
                    "What's your data retention after cancellation? We need it for our records of "
                    "processing.",
                ),
                detail=("We also need your list of subprocessors.",),
                reply=(
                    "After cancellation we keep data for 30 days so you can reactivate, then delete it, "
                    "backups included, within another {deletion_days} days. Our DPA and the list of "
                    "subprocessors are under Admin → Legal."
                ),
                follow_ups=(
                    (
                        "Can we skip the 30 days and have it deleted right away?",
                        "Yes: an owner can choose 'Delete immediately' when cancelling, or tell us here and "
                        "we'll delete it on the cancellation date.",
                    ),
                    (
                        "Where is the data stored?",
                        "In the EU: our primary region is Frankfurt, with backups in Dublin. Details are in "
                        "the DPA under Admin → Legal.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Wie lange speichern Sie unsere Daten nach der Kündigung? Unser Datenschutzbeauftragter "
                    "fragt nach.",
                    "Wie lange werden Daten nach einer Kündigung aufbewahrt? Wir brauchen das für unser "
                    "Verarbeitungsverzeichnis.",
                ),
                detail=("Außerdem brauchen wir die Liste der Unterauftragsverarbeiter.",),
                reply=(
                    "Nach der Kündigung bewahren wir die Daten 30 Tage auf, damit Sie reaktivieren können; "
                    "danach werden sie inklusive Backups innerhalb weiterer {deletion_days} Tage gelöscht. "
                    "AV-Vertrag und Liste der Unterauftragsverarbeiter finden Sie unter Admin → "
                    "Rechtliches."
                ),
                follow_ups=(
                    (
                        "Kann man die 30 Tage überspringen und sofort löschen?",
                        "Ja: Owner können bei der Kündigung 'Sofort löschen' wählen, oder Sie sagen uns "
                        "hier Bescheid.",
                    ),
                    (
                        "Wo werden die Daten gespeichert?",
                        "In der EU: Hauptregion ist Frankfurt, Backups liegen in Dublin. Details stehen im "
                        "AV-Vertrag.",
                    ),
                ),
            ),
        },
    ),
    link=help_url("en", "delete-your-account"),
)

INTEGRATIONS = Topic(
    scenarios=(
        {
            "en": Script(
                opener=(
                    "How do I connect {product} to {integration}? I want new tasks to show up there "
                    "automatically.",
                    "Is there a {integration} integration? We'd like updates from our projects in "
                    "{integration}.",
                ),
                detail=("We're on the {plan} plan.",),
                reply=(
                    "Yes: go to Admin → Integrations → {integration}, click Connect and follow the "
                    "authorisation steps. For Slack you then pick a channel per project; for Zapier, use "
                    "the 'New task' trigger."
                ),
                follow_ups=(
                    (
                        "Can we send notifications for just one project instead of all of them?",
                        "Yes: in the {integration} settings, switch 'All projects' to 'Selected projects' "
                        "and tick the ones you want.",
                    ),
                    (
                        "That worked. Is there also a Microsoft Teams integration?",
                        "Teams is on our roadmap for early next year; until then Zapier can forward task "
                        "events to Teams.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Wie verbinde ich {product} mit {integration}? Neue Aufgaben sollen dort automatisch "
                    "auftauchen.",
                    "Gibt es eine {integration}-Integration? Wir hätten gern Projekt-Updates in "
                    "{integration}.",
                ),
                detail=("Wir sind im {plan}-Tarif.",),
                reply=(
                    "Ja: Unter Admin → Integrationen → {integration} klicken Sie auf Verbinden und folgen "
                    "der Autorisierung. Bei Slack wählen Sie danach pro Projekt einen Kanal, bei Zapier den "
                    "Trigger 'Neue Aufgabe'."
                ),
                follow_ups=(
                    (
                        "Kann man die Benachrichtigungen auf ein Projekt beschränken?",
                        "Ja: In den {integration}-Einstellungen 'Alle Projekte' auf 'Ausgewählte Projekte' "
                        "umstellen und die gewünschten anhaken.",
                    ),
                    (
                        "Hat geklappt. Gibt es auch eine Integration für Microsoft Teams?",
                        "Teams steht für Anfang nächsten Jahres auf der Roadmap; bis dahin geht es über "
                        "Zapier.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "The Slack integration stopped posting updates to our channel after we renamed it to "
                    "#{channel}.",
                    "No more Slack notifications since Monday. We renamed the channel, could that be it?",
                ),
                detail=("We reconnected it once already, didn't help.",),
                reply=(
                    "Yes, renaming a channel breaks the link. Please open Admin → Integrations → Slack, "
                    "remove the old channel mapping and select #{channel} again."
                ),
                follow_ups=(
                    (
                        "#{channel} doesn't show up in the list.",
                        "Private channels only appear after you invite the Planwise app: type /invite "
                        "@Planwise in #{channel}, then reload the list.",
                    ),
                    (
                        "Working again, thanks. Can we avoid this next time?",
                        "From version 4.15 of our Slack app we follow renamed channels automatically; "
                        "reconnecting once upgrades you to it.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Die Slack-Integration postet keine Updates mehr, seit wir den Kanal in #{channel} "
                    "umbenannt haben.",
                    "Seit Montag kommen keine Slack-Nachrichten mehr. Wir haben den Kanal umbenannt, liegt "
                    "es daran?",
                ),
                detail=("Neu verbunden haben wir es schon einmal, hat nichts gebracht.",),
                reply=(
                    "Ja, das Umbenennen trennt die Verknüpfung. Öffnen Sie bitte Admin → Integrationen → "
                    "Slack, entfernen Sie die alte Kanalzuordnung und wählen Sie #{channel} neu aus."
                ),
                follow_ups=(
                    (
                        "#{channel} taucht in der Liste nicht auf.",
                        "Private Kanäle erscheinen erst, wenn Sie die Planwise-App einladen: /invite "
                        "@Planwise in #{channel} eingeben und die Liste neu laden.",
                    ),
                    (
                        "Läuft wieder, danke. Kann man das künftig vermeiden?",
                        "Ab Version 4.15 unserer Slack-App folgen wir umbenannten Kanälen automatisch; "
                        "einmal neu verbinden genügt für das Update.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "Slack notifications are duplicated: every comment shows up twice in #{channel}.",
                    "We get every Slack message twice since last week. Channel #{channel}.",
                ),
                detail=("Happens for all projects.",),
                reply=(
                    "Duplicates usually mean the integration was connected twice, by two different people. "
                    "Under Admin → Integrations → Slack you'll see both connections; removing one fixes it."
                ),
                follow_ups=(
                    (
                        "There's only one connection listed.",
                        "Then #{channel} is mapped twice: once in the project and once at workspace level. "
                        "I've removed the workspace-level mapping.",
                    ),
                    (
                        "Found it and removed the second one. Does it matter which one we keep?",
                        "Keep the one connected by a long-term account; if that person leaves, the "
                        "connection stops working.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Slack-Benachrichtigungen kommen doppelt: Jeder Kommentar erscheint zweimal in "
                    "#{channel}.",
                    "Seit letzter Woche kommt jede Slack-Nachricht zweimal. Kanal #{channel}.",
                ),
                detail=("Das betrifft alle Projekte.",),
                reply=(
                    "Doppelte Nachrichten bedeuten meist, dass die Integration zweimal verbunden wurde, von "
                    "zwei verschiedenen Personen. Unter Admin → Integrationen → Slack sehen Sie beide "
                    "Verbindungen; eine davon zu entfernen behebt das."
                ),
                follow_ups=(
                    (
                        "Da steht nur eine Verbindung.",
                        "Dann ist #{channel} doppelt zugeordnet: einmal im Projekt und einmal auf "
                        "Workspace-Ebene. Ich habe die Zuordnung auf Workspace-Ebene entfernt.",
                    ),
                    (
                        "Gefunden und entfernt. Ist es egal, welche wir behalten?",
                        "Behalten Sie die Verbindung eines langfristigen Kontos; verlässt die Person das "
                        "Unternehmen, funktioniert sie nicht mehr.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "Our Zapier zap fails with 'Authentication expired' every few days. Workspace: "
                    "{workspace}",
                    "Zapier keeps disconnecting from {product}. We have to re-authenticate constantly.",
                ),
                detail=("The zap creates tasks from our web form.",),
                reply=(
                    "Zapier tokens expire when the person who connected them loses admin rights or changes "
                    "their password. Reconnect Zapier with a service user to avoid this."
                ),
                follow_ups=(
                    (
                        "Does a service user cost a seat?",
                        "No, one integration user per workspace is free. Create it under Admin → Members → "
                        "Add integration user.",
                    ),
                    (
                        "We did that, but it still expired after three days.",
                        "Thanks, I found it: your workspace forces a password change every 72 hours, "
                        "including for the integration user. I've exempted the integration user from that "
                        "policy.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Unser Zap in Zapier schlägt alle paar Tage mit 'Authentication expired' fehl. "
                    "Workspace: {workspace}",
                    "Zapier verliert ständig die Verbindung zu {product}, wir müssen uns dauernd neu "
                    "anmelden.",
                ),
                detail=("Der Zap legt Aufgaben aus unserem Webformular an.",),
                reply=(
                    "Zapier-Tokens laufen ab, wenn die verbindende Person ihre Admin-Rechte verliert oder "
                    "ihr Passwort ändert. Verbinden Sie Zapier am besten mit einem Service-Nutzer neu."
                ),
                follow_ups=(
                    (
                        "Kostet ein Service-Nutzer eine Lizenz?",
                        "Nein, ein Integrationsnutzer pro Workspace ist kostenlos. Anlegen unter Admin → "
                        "Mitglieder → Integrationsnutzer hinzufügen.",
                    ),
                    (
                        "Haben wir gemacht, nach drei Tagen war es trotzdem wieder abgelaufen.",
                        "Danke, ich habe es gefunden: Ihr Workspace erzwingt alle 72 Stunden einen "
                        "Passwortwechsel, auch für den Integrationsnutzer. Ich habe ihn von dieser Regel "
                        "ausgenommen.",
                    ),
                ),
            ),
        },
    ),
    link=help_url("en", "connect-slack-and-zapier"),
)

BUG_REPORT = Topic(
    scenarios=(
        {
            "en": Script(
                opener=(
                    "The {platform} crashes every time I open {feature}. Version {version}.",
                    "Since the update to {version} the {platform} crashes as soon as I open {feature}.",
                ),
                detail=("Reinstalling didn't help.", "Happens for my colleague too."),
                reply=(
                    "Thanks for the report, I could reproduce it: {feature} crashes on {version} when a "
                    "project has archived milestones. Our developers are on it and the fix will ship with "
                    "the next release. Until then, restoring the milestones works around it."
                ),
                follow_ups=(
                    (
                        "Any ETA on the fix? This blocks our weekly planning.",
                        "Version {next_version} with the fix is out now. Please update the app to get it.",
                    ),
                    (
                        "Restoring the milestones worked as a workaround, thanks. Will you let me know when "
                        "it's fixed?",
                        "Sure. {next_version} with the fix was released today; the crash shouldn't come "
                        "back after updating.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Die {platform} stürzt jedes Mal ab, wenn ich {feature} öffne. Version {version}.",
                    "Seit dem Update auf {version} stürzt die {platform} ab, sobald ich {feature} öffne.",
                ),
                detail=("Neu installieren hat nicht geholfen.", "Bei meinem Kollegen passiert das auch."),
                reply=(
                    "Danke für die Meldung, ich konnte es nachstellen: {Feature} stürzt in Version "
                    "{version} ab, wenn ein Projekt archivierte Meilensteine hat. Ein Fix kommt mit dem "
                    "nächsten Release; bis dahin hilft es, die Meilensteine wiederherzustellen."
                ),
                follow_ups=(
                    (
                        "Gibt es schon einen Termin für den Fix? Das blockiert unsere Wochenplanung.",
                        "Version {next_version} mit dem Fix ist jetzt verfügbar, bitte aktualisieren Sie "
                        "die App.",
                    ),
                    (
                        "Der Workaround klappt, danke. Sagen Sie Bescheid, wenn es behoben ist?",
                        "Gern: {next_version} mit dem Fix ist heute erschienen. Nach dem Update sollte der "
                        "Absturz nicht mehr auftreten.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "The {platform} freezes and then closes after a few minutes of use. Version {version}.",
                    "The {platform} keeps crashing randomly, not on any specific action. {version}.",
                ),
                detail=("Reinstalling didn't help.",),
                reply=(
                    "Could you send us the app log? In the {platform} go to Settings → Help → Send "
                    "diagnostics and mention this ticket. Which OS version are you on?"
                ),
                follow_ups=(
                    (
                        "Sent the diagnostics. I'm on the latest OS and the latest version of everything.",
                        "Thanks, the logs showed a stale offline cache. Logging out and back in clears it; "
                        "let me know if it happens again.",
                    ),
                    (
                        "Where exactly is 'Send diagnostics'? I can't find it.",
                        "It's under your avatar → Help → Send diagnostics; on mobile under Settings → About "
                        "→ Send diagnostics. The ticket number is added automatically.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Die {platform} friert nach ein paar Minuten ein und schließt sich dann. Version "
                    "{version}.",
                    "Die {platform} stürzt ständig ab, ohne erkennbaren Grund. Version {version}.",
                ),
                detail=("Neu installieren hat nicht geholfen.",),
                reply=(
                    "Können Sie uns das App-Log schicken? In der {platform} unter Einstellungen → Hilfe → "
                    "Diagnose senden, mit Verweis auf dieses Ticket. Welche OS-Version nutzen Sie?"
                ),
                follow_ups=(
                    (
                        "Diagnose ist raus. Betriebssystem und App sind auf dem neuesten Stand.",
                        "Danke, im Log war ein veralteter Offline-Cache zu sehen. Ab- und wieder anmelden "
                        "behebt das; melden Sie sich, falls es wieder auftritt.",
                    ),
                    (
                        "Wo genau finde ich 'Diagnose senden'?",
                        "Über Ihr Profilbild → Hilfe → Diagnose senden, mobil unter Einstellungen → Über → "
                        "Diagnose senden. Die Ticketnummer wird automatisch ergänzt.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "Getting error {error_code} when saving a task with an attachment. Started today.",
                    "Uploading a file to a task fails with {error_code}.",
                ),
                detail=("The file is a 30 MB PDF.",),
                reply=(
                    "{error_code} means the upload was rejected before it reached us, most often by a proxy "
                    "or firewall limiting the request size. Does it work with a small file, or from another "
                    "network?"
                ),
                follow_ups=(
                    (
                        "Small files work, big ones don't. From home it works.",
                        "Then your company proxy limits uploads. Please ask IT to allow uploads up to 250 "
                        "MB to files.planwise.example; that's our limit per file.",
                    ),
                    (
                        "Fails with small files too, on every network.",
                        "Thanks, that points to us. A bug in the upload service affected some workspaces "
                        "and is fixed as of 14:00 UTC. Could you try again?",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Beim Speichern einer Aufgabe mit Anhang kommt Fehler {error_code}. Seit heute.",
                    "Das Hochladen einer Datei bricht mit {error_code} ab.",
                ),
                detail=("Die Datei ist ein 30-MB-PDF.",),
                reply=(
                    "{error_code} heißt, dass der Upload abgelehnt wurde, bevor er bei uns ankam, meist von "
                    "einem Proxy oder einer Firewall mit Größenlimit. Klappt es mit einer kleinen Datei "
                    "oder aus einem anderen Netz?"
                ),
                follow_ups=(
                    (
                        "Kleine Dateien gehen, große nicht. Von zu Hause klappt es.",
                        "Dann begrenzt Ihr Firmen-Proxy die Uploads. Bitten Sie Ihre IT, Uploads bis 250 MB "
                        "zu files.planwise.example zuzulassen.",
                    ),
                    (
                        "Auch kleine Dateien scheitern, in jedem Netz.",
                        "Danke, dann lag es an uns: Ein Fehler im Upload-Dienst betraf einige Workspaces "
                        "und ist seit 14:00 UTC behoben. Bitte versuchen Sie es noch einmal.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "{Feature} is blank for everyone in {workspace} since this morning. Is something down?",
                    "{Feature} won't load at all, just a spinner. Anyone else?",
                ),
                detail=("Other views work fine.",),
                reply=(
                    "We had an incident this morning (status page: https://status.planwise.example). It's "
                    "resolved now; could you reload and check?"
                ),
                follow_ups=(
                    (
                        "Reloaded, still blank for me but my colleague can see it now.",
                        "Your browser still has a copy from the incident cached. A hard reload "
                        "(Ctrl+Shift+R, or Cmd+Shift+R on Mac) fetches the fixed version.",
                    ),
                    (
                        "Works again. Will there be a post-mortem?",
                        "Yes, the incident report will be published on the status page within five working "
                        "days.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "{Feature} ist seit heute Morgen für alle in {workspace} leer. Gibt es eine Störung?",
                    "{Feature} lädt gar nicht mehr, nur ein Ladekreis. Geht das nur uns so?",
                ),
                detail=("Andere Ansichten funktionieren.",),
                reply=(
                    "Heute Morgen gab es eine Störung (Statusseite: https://status.planwise.example), die "
                    "inzwischen behoben ist. Bitte laden Sie die Seite neu."
                ),
                follow_ups=(
                    (
                        "Neu geladen, bei mir weiterhin leer, bei meiner Kollegin geht es jetzt.",
                        "Dann hat Ihr Browser noch eine Kopie aus der Störung im Cache. Strg+Umschalt+R "
                        "(Mac: Cmd+Umschalt+R) lädt die korrigierte Version.",
                    ),
                    (
                        "Läuft wieder. Gibt es einen Bericht zur Störung?",
                        "Ja, der Störungsbericht erscheint innerhalb von fünf Werktagen auf der Statusseite.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "bug: dragging a task between columns duplicates it. reproducible every time in the "
                    "{platform}, v{version}",
                    "When I move a card to another column in the board view, it appears twice.",
                ),
                detail=("The duplicate disappears only after reloading.",),
                reply=(
                    "Thanks for the clear report! It's a display issue in {version}: the task isn't "
                    "actually duplicated, the board only shows it twice until the next reload. A fix is "
                    "scheduled for {next_version}."
                ),
                follow_ups=(
                    (
                        "Good to know it's just visual. When is {next_version} out?",
                        "{next_version} was released this morning and includes the fix; please update.",
                    ),
                    (
                        "It's not just visual, we now have two copies in the list view as well.",
                        "You're right, I'm sorry: with an automation on the column, the move triggered a "
                        "copy. I've removed the duplicates created since yesterday in {workspace}, and "
                        "{next_version} fixes the cause.",
                    ),
                ),
            ),
        },
    ),
)

TWO_FACTOR = Topic(
    scenarios=(
        {
            "en": Script(
                opener=(
                    "I got a new phone and lost my authenticator app. Now I can't log in because of 2FA. "
                    "Account {email}.",
                    "I don't have my backup codes anymore and I'm stuck at the 2FA screen. Please help, "
                    "urgent.",
                ),
                detail=("I have a client presentation in two hours.",),
                reply=(
                    "For security we need to verify your identity before removing 2FA. Please reply from "
                    "{email} and tell us your workspace name and two tasks you worked on recently."
                ),
                follow_ups=(
                    (
                        "Workspace is {workspace}; I recently worked on 'Q4 roadmap' and 'Onboarding "
                        "checklist'.",
                        "Thanks, verified. I've removed 2FA from your account; please set it up again right "
                        "after logging in and keep the backup codes somewhere safe.",
                    ),
                    (
                        "I'm writing from my private address because I can't get into {email} without "
                        "logging in.",
                        "Understood. In that case an admin of your workspace has to confirm your identity; "
                        "once they reply to this ticket, we'll remove 2FA.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Ich habe ein neues Handy und meine Authenticator-App ist weg. Jetzt komme ich wegen "
                    "der Zwei-Faktor-Authentifizierung nicht mehr rein. Konto: {email}",
                    "Meine Backup-Codes habe ich nicht mehr und ich hänge am 2FA-Bildschirm fest. Bitte "
                    "dringend helfen.",
                ),
                detail=("Ich habe in zwei Stunden eine Präsentation.",),
                reply=(
                    "Aus Sicherheitsgründen müssen wir Ihre Identität prüfen, bevor wir 2FA entfernen. "
                    "Bitte antworten Sie von {email} und nennen Sie den Namen Ihres Workspaces sowie zwei "
                    "Aufgaben, die Sie kürzlich bearbeitet haben."
                ),
                follow_ups=(
                    (
                        "Workspace ist {workspace}, zuletzt habe ich an 'Q4-Planung' und "
                        "'Onboarding-Checkliste' gearbeitet.",
                        "Danke, verifiziert. Ich habe 2FA für Ihr Konto deaktiviert; bitte richten Sie es "
                        "nach dem Login gleich neu ein und bewahren Sie die Backup-Codes sicher auf.",
                    ),
                    (
                        "Ich schreibe von meiner privaten Adresse, an {email} komme ich ohne Login nicht "
                        "ran.",
                        "Verstehe. Dann muss ein Admin Ihres Workspaces Ihre Identität bestätigen; sobald "
                        "er auf dieses Ticket antwortet, entfernen wir 2FA.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "My 2FA codes are always rejected as invalid, even freshly generated ones.",
                    "The six-digit code from my authenticator app never works. 'Invalid code' every time.",
                ),
                detail=("I'm using Google Authenticator on Android.",),
                reply=(
                    "Invalid codes are almost always a clock issue: the phone's time must be set "
                    "automatically. Please turn on automatic date and time and try a fresh code."
                ),
                follow_ups=(
                    (
                        "That was it! The phone clock was two minutes off.",
                        "Great to hear! Authenticator codes are only valid for 30 seconds, so even a small "
                        "offset breaks them.",
                    ),
                    (
                        "The time is already set automatically. Still invalid.",
                        "Then the entry in your authenticator is probably from an old setup. I've reset "
                        "2FA, so you can scan a new QR code at your next login.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Meine 2FA-Codes werden immer als ungültig abgelehnt, auch ganz frische.",
                    "Der sechsstellige Code aus der Authenticator-App funktioniert nie. Jedes Mal "
                    "'Ungültiger Code'.",
                ),
                detail=("Ich nutze Google Authenticator auf Android.",),
                reply=(
                    "Ungültige Codes liegen fast immer an der Uhrzeit: Die Zeit auf dem Handy muss "
                    "automatisch eingestellt sein. Bitte aktivieren Sie das und versuchen Sie einen neuen "
                    "Code."
                ),
                follow_ups=(
                    (
                        "Das war es! Die Uhr ging zwei Minuten nach.",
                        "Prima! Die Codes gelten nur 30 Sekunden, deshalb reicht schon eine kleine "
                        "Abweichung.",
                    ),
                    (
                        "Die Zeit ist schon automatisch eingestellt. Trotzdem ungültig.",
                        "Dann stammt der Eintrag in der App vermutlich von einer alten Einrichtung. Ich "
                        "habe 2FA zurückgesetzt; beim nächsten Login können Sie einen neuen QR-Code "
                        "scannen.",
                    ),
                ),
            ),
        },
        {
            "en": Script(
                opener=(
                    "One of our employees lost her phone and is locked out by two-factor authentication. "
                    "Can an admin disable 2FA for her?",
                    "How can I reset 2FA for a team member who got a new phone?",
                ),
                detail=("Workspace: {workspace}",),
                reply=(
                    "Admins can reset 2FA for members under Admin → Members → ⋯ → Reset two-factor "
                    "authentication. They'll be asked to set it up again at their next login."
                ),
                follow_ups=(
                    (
                        "The option is greyed out.",
                        "For that user 2FA is enforced by your identity provider, so it has to be reset in "
                        "{idp}, not in Planwise.",
                    ),
                    (
                        "Worked. Can we make backup codes mandatory?",
                        "Not yet, but under Admin → Security → Two-factor admins can see who hasn't "
                        "downloaded backup codes and remind them.",
                    ),
                ),
            ),
            "de": Script(
                opener=(
                    "Eine Mitarbeiterin hat ihr Handy verloren und ist durch 2FA ausgesperrt. Kann ein "
                    "Admin 2FA für sie zurücksetzen?",
                    "Wie setze ich 2FA für ein Teammitglied zurück, das ein neues Handy hat?",
                ),
                detail=("Workspace: {workspace}",),
                reply=(
                    "Admins können 2FA unter Admin → Mitglieder → ⋯ → Zwei-Faktor-Authentifizierung "
                    "zurücksetzen. Beim nächsten Login wird sie neu eingerichtet."
                ),
                follow_ups=(
                    (
                        "Die Option ist ausgegraut.",
                        "Für diese Person wird 2FA über Ihren Identitätsanbieter erzwungen, deshalb muss "
                        "sie in {idp} zurückgesetzt werden, nicht in Planwise.",
                    ),
                    (
                        "Hat geklappt. Kann man Backup-Codes verpflichtend machen?",
                        "Noch nicht, aber unter Admin → Sicherheit → Zwei-Faktor sehen Admins, wer keine "
                        "Backup-Codes heruntergeladen hat.",
                    ),
                ),
            ),
        },
    ),
)

HELPDESK_VOICE = Voice(
    agents=("Maya", "Jonas", "Priya", "Tom", "Lena", "Carlos"),
    greeting={
        "en": ("Hi {name},", "Hello {name},", "Hi {name}, thanks for reaching out."),
        "de": ("Hallo {name},", "Hallo {name}, danke für Ihre Nachricht."),
    },
    sign_off={
        "en": (
            "Best,\n{agent}\nPlanwise Support",
            "Cheers,\n{agent}",
            "Kind regards,\n{agent} | Planwise Support",
        ),
        "de": ("Viele Grüße\n{agent}\nPlanwise Support", "Beste Grüße\n{agent}"),
    },
    link_intro={
        "en": ("Step-by-step guide:", "More details here:", "This article walks through it:"),
        "de": ("Eine Anleitung finden Sie hier:", "Mehr dazu:"),
    },
    user_sign_off={
        "en": ("Thanks,\n{name}", "Best,\n{name}", "- {name}"),
        "de": ("Danke\n{name}", "Gruß, {name}"),
    },
)


#: The help desk export: mostly English.
HELPDESK = Source(
    name="demo_helpdesk",
    seed=20261120,
    conversations=250,
    languages={"en": 0.80, "de": 0.20},
    topics={
        PASSWORD_RESET: 0.14,
        SSO_SETUP: 0.09,
        BILLING: 0.12,
        PLAN_UPGRADE: 0.09,
        API_LIMITS: 0.10,
        DATA_EXPORT: 0.08,
        ACCOUNT_DELETION: 0.06,
        INTEGRATIONS: 0.10,
        BUG_REPORT: 0.12,
        TWO_FACTOR: 0.09,
    },
    voice=HELPDESK_VOICE,
    slots=helpdesk_slots,
    id_prefix="hd-",
    first_number=10001,
    first_message_number=100001,
    conversation_url="https://support.planwise.example/conversations/{id}",
    defects={
        "hd-10021": Defect.BOT_ROLE,
        "hd-10058": Defect.MISSING_CREATED_AT,
        "hd-10091": Defect.ZONELESS_TIMESTAMP,
        "hd-10127": Defect.DUPLICATE_MESSAGE_ID,
        "hd-10162": Defect.NULL_CONTENT,
        "hd-10196": Defect.MESSAGES_OBJECT,
        "hd-10232": Defect.MISSING_LAST_MESSAGE_AT,
    },
)
