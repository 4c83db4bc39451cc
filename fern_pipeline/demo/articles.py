"""The demo help center: articles for some question kinds, none for others, one thin and outdated."""

from fern_pipeline.demo.helpdesk import IDENTITY_PROVIDERS
from fern_pipeline.demo.model import Article, help_url

# ---------------------------------------------------------------------------------------------------
# The help center: some question kinds have an article, others (API rate limits, 2FA lockout, plan
# pricing, app crashes, failed payments, voucher codes, damaged items, invoice requests) have none, and
# "Delete your account" is thin and outdated (it still points to a "Danger zone" that no longer exists).

ARTICLES: tuple[Article, ...] = (
    Article(
        slug="reset-your-password",
        title="Reset your password",
        url=help_url("en", "reset-your-password"),
        paragraphs=(
            "If you forgot your Planwise password, click **Forgot password** on the login page and enter the "
            "email address you sign in with. We send you a reset link within a few minutes.",
            "The link is valid for {reset_minutes} minutes, and only the newest link works: requesting "
            "another one invalidates the earlier ones. If the email doesn't arrive, check your spam folder "
            "and ask your IT team to allow messages from no-reply@planwise.example. Some company mail "
            "filters open links in advance, which uses them up; opening the link on your phone helps.",
            "New passwords need at least {password_length} characters and must differ from your last five "
            "passwords.",
            "Workspace admins can send a reset link to a member under **Admin → Members → ⋯ → Send password "
            "reset**. This also unlocks an account after too many failed attempts. If your workspace uses "
            "single sign-on, sign in with your company login instead.",
        ),
    ),
    Article(
        slug="single-sign-on-saml",
        title="Set up single sign-on (SAML)",
        url=help_url("en", "single-sign-on-saml"),
        paragraphs=(
            "Single sign-on is available on the Business and Enterprise plans and works with any SAML 2.0 "
            "identity provider, including " + ", ".join(IDENTITY_PROVIDERS) + ".",
            "1. Open **Admin → Security → Single sign-on** and copy the ACS URL and the entity ID.\n"
            "2. Create a SAML application in your identity provider and paste both values.\n"
            "3. Download the IdP metadata XML and upload it on the same Planwise page.\n"
            "4. Test with one account, then turn on **Enforce SSO** for the whole workspace.",
            'If users see "SAML response signature invalid", the signing certificate has changed: upload the '
            "current metadata again. Workspace owners can always sign in with password and two-factor "
            "authentication, so an outage of the identity provider never locks you out.",
            "User provisioning (SCIM) is set up separately under **Admin → Security → Provisioning**.",
        ),
    ),
    Article(
        slug="export-your-data",
        title="Export your data",
        url=help_url("en", "export-your-data"),
        paragraphs=(
            "Workspace admins can export all projects and tasks under **Admin → Data → Export**.",
            "Choose CSV, JSON or XLSX for tasks only, or **Full backup (ZIP)** to include comments and "
            "attachments. Large workspaces can take a few hours; you get an email with a download link "
            "when the export is ready. The link is valid for {export_link_days} days.",
            "To export on a schedule, call `POST /v2/exports` with an API token from your own scheduler.",
        ),
    ),
    Article(
        slug="invoices-and-payment-methods",
        title="Invoices and payment methods",
        url=help_url("en", "invoices-and-payment-methods"),
        paragraphs=(
            "Billing owners find every invoice as a PDF under **Admin → Billing → Invoices**. The Billing "
            "menu is only visible to billing owners; ask one of them to add you if you need access.",
            "To send invoices to your accounting team automatically, add their address under **Admin → "
            "Billing → Invoice settings**. There you can also change your company address, VAT number and "
            "purchase order number; changes apply to the next invoice.",
            "Seats added during a billing period are charged pro rata on the next invoice. If a payment "
            "fails, update the card under **Admin → Billing → Payment method**; we retry the charge within "
            "24 hours.",
        ),
    ),
    Article(
        slug="connect-slack-and-zapier",
        title="Connect Slack and Zapier",
        url=help_url("en", "connect-slack-and-zapier"),
        paragraphs=(
            "Open **Admin → Integrations**, choose Slack or Zapier and click **Connect**.",
            "For Slack, pick a channel for each project. Renaming a channel breaks the mapping: select the "
            "renamed channel again. If messages arrive twice, the integration was connected by two people; "
            "remove one of the connections. Switch 'All projects' to 'Selected projects' to limit "
            "notifications.",
            "For Zapier, use the 'New task' or 'Task updated' trigger. Connect Zapier with a service user: a "
            "token stops working when the person who connected it loses admin rights or changes their "
            "password.",
        ),
    ),
    Article(
        slug="delete-your-account",
        title="Delete your account",
        url=help_url("en", "delete-your-account"),
        paragraphs=(
            "To delete your account, go to **Settings → Account → Danger zone** and click **Delete**. This "
            "cannot be undone.",
            "_Last updated: March 2023._",
        ),
    ),
    Article(
        slug="ruecksendung-und-erstattung",
        title="Rücksendung und Erstattung",
        url=help_url("de", "ruecksendung-und-erstattung"),
        paragraphs=(
            "Sie können jeden Artikel innerhalb von {return_days} Tagen nach Erhalt zurückschicken. Die "
            "Rücksendung ist für Sie kostenlos.",
            "Das Rücksendeetikett erstellen Sie in Ihrem Kundenkonto unter **Bestellungen → Artikel "
            "zurücksenden**. Wenn Sie als Gast bestellt haben, schreiben Sie uns mit Ihrer Bestellnummer; "
            "wir schicken Ihnen das Etikett per E-Mail.",
            "Sobald Ihre Rücksendung bei uns geprüft ist, lösen wir die Erstattung innerhalb von "
            "{refund_days} Werktagen aus. Bei PayPal ist das Geld meist sofort da, bei Kreditkarte und "
            "Klarna nach 3-5 Werktagen.",
        ),
    ),
    Article(
        slug="lieferzeiten-und-versand",
        title="Lieferzeiten und Versand",
        url=help_url("de", "lieferzeiten-und-versand"),
        paragraphs=(
            "Wir versenden innerhalb Deutschlands mit DHL, Hermes, DPD und GLS. Die Lieferzeit beträgt "
            "{shipping_days} Werktage, nach Österreich und in die Schweiz 4-6 Werktage.",
            "Sobald Ihr Paket unser Lager verlässt, erhalten Sie eine Versandbestätigung mit "
            "Sendungsnummer. Ist ein Artikel vorübergehend nicht auf Lager, teilen wir die Bestellung und "
            "schicken den Rest ohne zusätzliche Versandkosten vorab.",
            "Zeigt die Sendungsverfolgung mehrere Tage keinen neuen Status oder ist ein als zugestellt "
            "gemeldetes Paket nicht angekommen, melden Sie sich bei uns: Wir starten eine Nachforschung "
            "beim Versanddienstleister.",
        ),
    ),
    Article(
        slug="umtausch-andere-groesse",
        title="Umtausch in eine andere Größe",
        url=None,
        paragraphs=(
            "Passt ein Artikel nicht, können Sie ihn kostenlos in eine andere Größe umtauschen. Melden Sie "
            "den Umtausch im Kundenkonto unter **Bestellungen → Umtauschen** an und wählen Sie die neue "
            "Größe.",
            "Wir reservieren die neue Größe sofort und versenden sie, sobald Ihre Rücksendung beim "
            "Versanddienstleister gescannt wurde.",
        ),
    ),
    Article(
        slug="bestellung-aendern-oder-stornieren",
        title="Bestellung ändern oder stornieren",
        url=help_url("de", "bestellung-aendern-oder-stornieren"),
        paragraphs=(
            "Solange Ihre Bestellung noch nicht verpackt ist, können wir die Lieferadresse ändern oder die "
            "Bestellung ganz oder teilweise stornieren. Schreiben Sie uns dazu möglichst schnell mit Ihrer "
            "Bestellnummer.",
            "Ist das Paket schon unterwegs, können Sie die Zustellung über die Sendungsverfolgung des "
            "Versanddienstleisters umleiten oder die Annahme verweigern. Die Erstattung erfolgt dann "
            "automatisch, sobald das Paket wieder bei uns ist.",
        ),
    ),
)
