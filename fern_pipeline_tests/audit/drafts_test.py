"""Drafts: per topic to write or update, a Markdown file and a row, every line from its conversations."""

import html
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.audit.drafts import ANSWERED, ASKED, DRAFTS_FOLDER, EXAMPLES_HEADING, QUESTIONS
from fern_pipeline.audit.help_center import Article
from fern_pipeline.audit.keywords import languages
from fern_pipeline.audit.summary import markdown_summary
from fern_pipeline.audit.view import read_view
from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.audit.coverage_labelled import ARTICLES, problems
from fern_pipeline_tests.audit.report_test import _measure, _render, needs_chromium

#: The steps an agent gives for each problem (the same steps, in the customer's language, every time).
STEPS = {
    "en": "Open Admin → Integrations and check the {problem} settings.\nThen save and try again.",
    "de": "Öffnen Sie Admin → Integrationen und prüfen Sie die Einstellungen zu {problem}.\nDann speichern.",
}
HOSTILE = "<script>alert('pwned')</script>"
WINDOW_END = datetime(2026, 12, 31, tzinfo=UTC)


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, duckdb.DuckDBPyConnection]:
    """The labelled problems as conversations (a few each unanswered, some with order numbers), audited."""
    tmp_path = tmp_path_factory.mktemp("drafts")
    start = datetime(2026, 11, 1, tzinfo=UTC)
    conversations = []
    for _, problem, questions in problems():
        for repeat in range(3):
            for index, question in enumerate(questions):
                number = len(conversations)
                asked = start + timedelta(hours=number)
                language = "en" if index < len(questions) // 2 else "de"
                text = f"{question} (order BF-{100000 + number})" if repeat == 1 else question
                if problem == "slack" and index == 0 and repeat == 0:
                    text = f"{HOSTILE} {text}"
                messages = [{"id": "u", "role": "user", "content": text, "createdAt": asked.isoformat()}]
                if repeat < 2:
                    greeting = "Hi Anna," if language == "en" else "Hallo Anna,"
                    answer = f"{greeting}\n{STEPS[language].format(problem=problem)}\nBest,\nMaya"
                    answered = (asked + timedelta(minutes=30)).isoformat()
                    messages.append({"id": "a", "role": "agent", "content": answer, "createdAt": answered})
                conversation = {
                    "id": f"c{number}",
                    "lastMessageAt": messages[-1]["createdAt"],
                    "messages": messages,
                    "url": "javascript:alert(1)" if number % 7 == 0 else f"https://desk.test/c{number}",
                }
                conversations.append(conversation)
    payload = tmp_path / "labelled.json"
    payload.write_text(json.dumps({"conversations": conversations}))
    database = tmp_path / "data" / "fern.duckdb"
    load_into(database, prepare(SourceConfig(name="desk", url=payload.as_uri())))
    report = tmp_path / "data" / "audit_report.html"
    articles = tuple(Article(title=title, text=text) for _, title, text in ARTICLES)
    connection = duckdb.connect(str(database))
    build_audit(connection, AuditSettings(window_days=60, articles=articles, report_path=report))
    return report.parent / DRAFTS_FOLDER, connection


def _pattern(line: str) -> re.Pattern[str]:
    """``line`` as a pattern of the text it was taken from: a placeholder stands for any particular."""
    parts = [re.escape(part) for part in html.unescape(line).split("…")]
    return re.compile(".+?".join(parts), re.DOTALL)


def test_each_topic_to_write_or_update_has_a_draft_file_and_row(audited: tuple) -> None:
    folder, connection = audited
    to_draft = connection.execute(
        "SELECT topic_id FROM audit_topics WHERE action IN ('write', 'update') ORDER BY topic_id"
    ).fetchall()
    rows = connection.execute(
        "SELECT topic_id, file, markdown FROM audit_drafts ORDER BY topic_id"
    ).fetchall()
    assert to_draft and [row[:1] for row in rows] == to_draft
    assert sorted(path.name for path in folder.glob("*.md")) == sorted(file for _, file, _ in rows)
    for _, file, markdown in rows:
        assert (folder / file).read_text(encoding="utf-8") == markdown


def test_every_line_of_a_draft_comes_from_its_topics_conversations(audited: tuple) -> None:
    _, connection = audited
    drafts = connection.execute("SELECT topic_id, markdown FROM audit_drafts").fetchall()
    for topic_id, markdown in drafts:
        said = connection.execute(
            "SELECT m.content FROM messages AS m JOIN audit_conversations AS c "
            "USING (source, conversation_id) WHERE c.topic_id = ?",
            [topic_id],
        ).fetchall()
        text = "\n".join(content for (content,) in said)
        urls = {
            url
            for (url,) in connection.execute(
                "SELECT url FROM audit_conversations WHERE topic_id = ?", [topic_id]
            ).fetchall()
        }
        lines = [line for line in markdown.splitlines() if line]
        assert lines[0].startswith("# ") and lines[1].startswith("> Draft for ")
        assert [line for line in lines if line.startswith("##")] == [ASKED, ANSWERED, EXAMPLES_HEADING]
        examples = lines.index(EXAMPLES_HEADING)
        for line in [lines[0][2:], *lines[2:examples]]:
            if line.startswith("##"):
                continue
            assert _pattern(line.removeprefix("- ")).search(text), (topic_id, line)
        for line in lines[examples + 1 :]:
            link = re.fullmatch(r"- \[desk/c\d+\]\((https://desk\.test/c\d+)\)|- desk/c\d+", line)
            assert link, line
            assert link.group(1) is None or link.group(1) in urls


def test_a_draft_quotes_distinct_questions_in_both_languages_and_one_answer(audited: tuple) -> None:
    _, connection = audited
    drafts = connection.execute("SELECT topic_id, questions, steps, markdown FROM audit_drafts").fetchall()
    for topic_id, questions, steps, markdown in drafts:
        asked = connection.execute(
            "SELECT DISTINCT language FROM audit_conversations WHERE topic_id = ?", [topic_id]
        ).fetchall()
        assert 1 <= len(questions) <= QUESTIONS and len(set(questions)) == len(questions)
        assert set(languages(questions)) == {language for (language,) in asked}, questions
        assert not any("BF-" in question for question in questions)
        assert steps and not any(line.startswith(("Hi ", "Hallo ", "Best", "Maya")) for line in steps), steps
        assert "<script" not in markdown and "javascript:" not in markdown


@pytest.mark.slow
@needs_chromium
def test_the_report_shows_themes_over_their_topics_and_links_the_drafts(
    audited: tuple, tmp_path: Path
) -> None:
    folder, _ = audited
    page = folder.parent / "audit_report.html"
    dom, console = _render(page, tmp_path / "profile")
    assert console == []
    table = dom.split('id="topics"', 1)[1].split("</table>", 1)[0]
    assert table.count('<tr class="theme">') >= 1 and table.index('<tr class="theme">') < table.index("<td")
    drafts = re.findall(r'<a class="draft" href="audit_drafts/([^"]+)">', table)
    assert drafts and all((folder / name).is_file() for name in drafts)
    measured = _measure(page.read_text(encoding="utf-8"), tmp_path, 1400)
    assert measured["cells"] <= measured["table"] <= measured["box"] <= measured["page"]
    assert measured["boxScrolled"] == 0 and measured["scrolled"] <= measured["page"]


def test_the_dagster_summary_lists_drafts_without_quoting_a_customer(audited: tuple) -> None:
    _, connection = audited
    view = read_view(connection, start=datetime(2026, 10, 1, tzinfo=UTC), end=WINDOW_END, warnings=())
    summary = markdown_summary(view)
    assert "**Articles to write first:**" in summary and "audit\\_drafts/topic\\-" in summary
    quoted = connection.execute(
        "SELECT label FROM audit_topics UNION ALL SELECT unnest(questions) FROM audit_drafts "
        "UNION ALL SELECT unnest(steps) FROM audit_drafts"
    ).fetchall()
    plain = summary.replace("\\", "")
    assert not [text for (text,) in quoted if text in plain]
