"""The gap action on the hierarchical set, audited with default settings against its help center."""

import json
from collections import Counter
from datetime import UTC, datetime, timedelta

import duckdb
import pytest

from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.audit.help_center import Article
from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.audit.hierarchical import hierarchical_questions, problems
from fern_pipeline_tests.audit.hierarchical_help_center import ARTICLES, OVERVIEWS, answering_title

START = datetime(2026, 11, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def actions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str | None, str | None]]:
    """Per problem, the gap action and article of the topic that holds most of its conversations."""
    rows = hierarchical_questions()
    conversations = []
    for index, (text, _, _, _) in enumerate(rows):
        asked = START + timedelta(minutes=10 * index)
        answered = asked + timedelta(minutes=5)
        conversations.append(
            {
                "id": f"c{index}",
                "lastMessageAt": answered.isoformat(),
                "messages": [
                    {"id": "u", "role": "user", "content": text, "createdAt": asked.isoformat()},
                    {"id": "a", "role": "agent", "content": "On it.", "createdAt": answered.isoformat()},
                ],
            }
        )
    folder = tmp_path_factory.mktemp("hierarchical")
    payload, database = folder / "asked.json", folder / "audit.duckdb"
    payload.write_text(json.dumps({"conversations": conversations}))
    load_into(database, prepare(SourceConfig(name="asked", url=payload.as_uri())))
    articles = tuple(Article(title=title, text=text) for _, title, text in ARTICLES)
    with duckdb.connect(str(database)) as connection:
        build_audit(connection, AuditSettings(articles=articles))
        found = connection.execute(
            "SELECT c.conversation_id, c.topic_id, t.action, t.article_title "
            "FROM audit_conversations AS c JOIN audit_topics AS t USING (topic_id)"
        ).fetchall()
    per_problem: dict[str, Counter[tuple]] = {}
    for conversation_id, topic_id, action, title in found:
        problem = rows[int(conversation_id[1:])][2]
        per_problem.setdefault(problem, Counter())[(topic_id, action, title)] += 1
    return {problem: counts.most_common(1)[0][0][1:] for problem, counts in per_problem.items()}


def test_the_gap_action_is_right_for_nine_problems_in_ten(actions: dict) -> None:
    right = [
        problem
        for _, problem in problems()
        if actions[problem][1] == answering_title(problem)
        and actions[problem][0] in (("write",) if answering_title(problem) is None else ("covered", "update"))
    ]
    # The figure stated in the README: 18 of 20 problems. Two-factor codes get the article on setting up
    # two-factor authentication to update; damaged items, whose article fits 0.36, one to write.
    assert len(right) >= 0.9 * len(problems()), sorted(set(actions) - set(right))


def test_no_problem_is_answered_by_an_overview_page_or_another_problems_article(actions: dict) -> None:
    neighbours = {title: answers for answers, title, _ in ARTICLES if answers is not None}
    for problem, (_, title) in actions.items():
        assert title not in OVERVIEWS, problem
        assert neighbours.get(title, problem) == problem, problem
