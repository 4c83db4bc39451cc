"""Help-center articles: read from Markdown or JSON, matched to topics, and the gaps in priority order."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from fern_pipeline.audit import AuditSettings, build_audit
from fern_pipeline.audit.help_center import Article, HelpCenterError, load_articles, parse_markdown
from fern_pipeline.config import HelpCenterConfig, SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.audit.labelled import labelled_questions
from fern_pipeline_tests.http_server import respond, serve

PASSWORD_ARTICLE = Article(
    title="Reset your password",
    url="https://help.example.com/password",
    text="Forgot your password? Use the reset link in the email. Passwort vergessen? Link zum Zurücksetzen "
    "in der E-Mail. Login page, expired link, Login Seite, abgelaufen.",
)
INVOICE_ARTICLE = Article(
    title="Download an invoice", url=None, text="Every invoice is a PDF. A wrong VAT number? Write to us."
)


def test_a_markdown_article_has_a_title_an_optional_url_and_text() -> None:
    article = parse_markdown("# Reset your password\nurl: https://h.test/p\n\nUse the link.\n", name="a.md")
    assert article == Article(title="Reset your password", url="https://h.test/p", text="Use the link.")
    assert parse_markdown("# Title\nJust text.", name="b.md") == Article(title="Title", text="Just text.")
    with pytest.raises(HelpCenterError, match=r"c\.md: the first line must be the title"):
        parse_markdown("No title here", name="c.md")


def test_a_folder_of_markdown_files_is_read_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# B\ntext b")
    (tmp_path / "a.md").write_text("# A\nurl: https://h.test/a\ntext a")
    (tmp_path / "notes.txt").write_text("not an article")
    articles = load_articles(HelpCenterConfig(path=tmp_path))
    assert [(article.title, article.url) for article in articles] == [("A", "https://h.test/a"), ("B", None)]
    with pytest.raises(HelpCenterError, match="is not a folder"):
        load_articles(HelpCenterConfig(path=tmp_path / "absent"))


def test_articles_are_fetched_as_json_from_a_url() -> None:
    articles = [{"title": "Reset your password", "url": "https://h.test/p", "text": "Use the link."}]
    with serve() as server:
        listed = server.route("/articles.json", respond(200, json.dumps(articles).encode()))
        wrapped = server.route("/wrapped.json", respond(200, json.dumps({"articles": articles}).encode()))
        assert load_articles(HelpCenterConfig(url=listed))[0].title == "Reset your password"
        assert load_articles(HelpCenterConfig(url=wrapped))[0].text == "Use the link."


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (200, b'[{"url": "https://h.test/p"}]', r"at /0/title: Field required"),
        (200, b"{not json", "not valid JSON"),
        (401, b"", "help center: auth_required"),
    ],
    ids=["missing-title", "invalid-json", "auth-required"],
)
def test_a_help_center_that_cannot_be_read_says_why(status: int, body: bytes, expected: str) -> None:
    with serve() as server:
        url = server.route("/articles.json", respond(status, body, {"Content-Type": "application/json"}))
        with pytest.raises(HelpCenterError, match=expected) as error:
            load_articles(HelpCenterConfig(url=url + "?token=s3cret"))
    assert "s3cret" not in str(error.value)


def _load_labelled(database: Path, tmp_path: Path) -> None:
    """The labelled questions as conversations: each answered within the hour, except refunds (never)."""
    texts, planted = labelled_questions(per_topic=40)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    conversations = []
    for index, (text, label) in enumerate(zip(texts, planted, strict=True)):
        asked = start + timedelta(hours=index)
        messages = [{"id": f"{index}u", "role": "user", "content": text, "createdAt": asked.isoformat()}]
        if label != "refund":
            answered = (asked + timedelta(minutes=30)).isoformat()
            messages.append({"id": f"{index}a", "role": "agent", "content": "On it.", "createdAt": answered})
        conversations.append(
            {"id": f"c{index}", "lastMessageAt": messages[-1]["createdAt"], "messages": messages}
        )
    payload = tmp_path / "labelled.json"
    payload.write_text(json.dumps({"conversations": conversations}))
    load_into(database, prepare(SourceConfig(name="labelled", url=payload.as_uri())))


def test_gaps_are_ranked_by_volume_lack_of_coverage_and_pain(database: Path, tmp_path: Path) -> None:
    _load_labelled(database, tmp_path)
    settings = AuditSettings(window_days=30, articles=(PASSWORD_ARTICLE, INVOICE_ARTICLE))
    with duckdb.connect(str(database)) as connection:
        build_audit(connection, settings)
        topics = connection.execute(
            "SELECT label, conversation_count, coverage, unanswered_share, priority, action, article_title "
            "FROM audit_topics ORDER BY priority_rank"
        ).fetchall()
    priorities = [topic[4] for topic in topics]
    assert priorities == sorted(priorities, reverse=True)
    by_label = {topic[0]: topic for topic in topics}
    password = [topic for label, topic in by_label.items() if "password" in label or "passwort" in label]
    refund = [topic for label, topic in by_label.items() if "refund" in label or "erstattung" in label]
    assert password and all(topic[5] == "covered" and topic[6] == "Reset your password" for topic in password)
    # Unanswered refunds hurt twice as much as answered questions of the same volume: they come first.
    assert topics[0] in refund and all(topic[3] == 1.0 and topic[5] == "write" for topic in refund)
    invoice = [topic for label, topic in by_label.items() if "invoice" in label]
    assert invoice and all(topic[6] == "Download an invoice" for topic in invoice)
    assert any(topic[5] == "update" for topic in invoice)
    shipping = [topic for label, topic in by_label.items() if "order" in label or "bestellung" in label]
    assert shipping and all(topic[5] == "write" and topic[6] is None for topic in shipping)
    assert topics[-1] in password


def test_without_a_help_center_topics_are_still_ranked_and_say_so(database: Path, tmp_path: Path) -> None:
    _load_labelled(database, tmp_path)
    with duckdb.connect(str(database)) as connection:
        result = build_audit(connection, AuditSettings(window_days=30))
        rows = connection.execute(
            "SELECT coverage, action, priority FROM audit_topics ORDER BY priority_rank"
        ).fetchall()
    assert rows and all(coverage is None and action is None for coverage, action, _ in rows)
    assert [row[2] for row in rows] == sorted((row[2] for row in rows), reverse=True)
    assert "No help center is configured" in result.markdown
