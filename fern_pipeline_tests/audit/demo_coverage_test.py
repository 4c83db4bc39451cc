"""The demo's help center: each situation finds the article that answers it, and the audit says covered."""

from pathlib import Path

import duckdb
import pytest

from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.audit.drafts import DRAFTS_FOLDER
from fern_pipeline.audit.help_center import embed_questions, load_articles, match_articles
from fern_pipeline.config import HelpCenterConfig, SourceConfig
from fern_pipeline.demo import DEMO_HELP_CENTER, DEMO_PAYLOADS
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.audit.demo_answers import ANSWERS, situation_questions

ARTICLES = load_articles(HelpCenterConfig(path=Path(DEMO_HELP_CENTER)))


def test_each_demo_situation_finds_the_article_that_answers_it() -> None:
    asked = situation_questions()
    situations = sorted(asked)
    matches = match_articles([embed_questions(asked[situation]) for situation in situations], ARTICLES)
    found = [match.article.title if match.article else None for match in matches]
    expected = [ANSWERS[kind][index] for _, kind, index in situations]
    right = sum(a == b for a, b in zip(found, expected, strict=True))
    named_wrongly = sum(a is not None and a != b for a, b in zip(found, expected, strict=True))
    # The figures stated in the README: 53 of 61 situations, and no article named that does not answer.
    assert len(situations) == 61 and right >= 52 and named_wrongly == 0, (right, named_wrongly)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[tuple], Path]:
    """The demo audited as ``make demo`` does: its topics, and the folder of its report."""
    folder = tmp_path_factory.mktemp("demo")
    database = folder / "demo.duckdb"
    for payload in DEMO_PAYLOADS:
        source = SourceConfig(name=payload.stem.removeprefix("demo_"), url=payload.as_uri())
        load_into(database, prepare(source))
    settings = AuditSettings(window_days=365, articles=ARTICLES, report_path=folder / "audit_report.html")
    with duckdb.connect(str(database)) as connection:
        build_audit(connection, settings)
        topics = connection.execute(
            "SELECT t.topic_id, t.is_other, t.action, t.article_title, t.closest_article_title, d.file "
            "FROM audit_topics AS t LEFT JOIN audit_drafts AS d USING (topic_id)"
        ).fetchall()
    return topics, folder


def test_the_demo_has_topics_covered_and_never_an_article_beside_write(demo: tuple) -> None:
    topics, _ = demo
    actions = [action for _, _, action, _, _, _ in topics]
    assert "covered" in actions and "write" in actions
    for _, is_other, action, article, closest, _ in topics:
        if is_other:
            assert action is None
        elif action == "write":
            assert article is None
        else:
            assert article is not None and closest is None


def test_every_demo_topic_to_write_or_update_has_its_draft(demo: tuple) -> None:
    topics, folder = demo
    for _, _, action, _, _, file in topics:
        assert (file is not None) == (action in ("write", "update"))
        assert file is None or (folder / DRAFTS_FOLDER / file).is_file()
