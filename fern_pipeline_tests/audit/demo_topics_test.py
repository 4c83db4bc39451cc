"""The demo's audit: a situation asked in English and German is one topic; articles match across languages;
conversations land in their subject's category."""

import re
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.audit.help_center import load_articles
from fern_pipeline.audit.keywords import languages
from fern_pipeline.config import HelpCenterConfig, SourceConfig
from fern_pipeline.config.project import demo_config
from fern_pipeline.demo import DEMO_HELP_CENTER, DEMO_PAYLOADS
from fern_pipeline.demo.generate import SOURCES
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into

#: A planted situation: source, topic and scenario of the demo's content.
Situation = tuple[str, str, int]
#: The category of the demo's configuration (``fern_pipeline/demo/categories.yaml``) of each subject of
#: its content (a topic of ``helpdesk.yaml`` or ``webshop.yaml``).
CATEGORY_OF = {
    "password_reset": "Sign-in and security",
    "sso_setup": "Sign-in and security",
    "two_factor": "Sign-in and security",
    "billing": "Billing and plans",
    "plan_upgrade": "Billing and plans",
    "api_limits": "API and integrations",
    "integrations": "API and integrations",
    "data_export": "Data export and account deletion",
    "account_deletion": "Data export and account deletion",
    "bug_report": "Bugs and outages",
    "cancellation": "Orders",
    "address_change": "Orders",
    "invoice_request": "Orders",
    "shipping_delay": "Shipping",
    "return_refund": "Returns and refunds",
    "size_exchange": "Returns and refunds",
    "damaged_item": "Returns and refunds",
    "payment_failed": "Payment and vouchers",
    "voucher": "Payment and vouchers",
}


def _openers() -> list[tuple[Situation, str, re.Pattern[str]]]:
    """Each opener of the demo's scenarios as a pattern of the first customer message it becomes."""
    openers = []
    for source in SOURCES:
        for name, topic in source.topics.items():
            for index, scenario in enumerate(topic.scenarios):
                for language, script in scenario.items():
                    for opener in script.opener:
                        text = ".+?".join(re.escape(part) for part in re.split(r"\{\w+\}", opener))
                        pattern = re.compile(rf"{text}(\n\n.*)?", re.DOTALL)
                        openers.append(((source.name, name, index), language, pattern))
    return openers


@pytest.fixture(scope="module")
def demo_audit(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[tuple[Situation, str, int]], list, dict, list[tuple[str, str]]]:
    """The demo audited as ``make demo`` does, with its categories; each conversation's situation, language
    and topic, the topics, each article's language, and each conversation's theme (label and kind)."""
    database = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    for payload in DEMO_PAYLOADS:
        load_into(
            database, prepare(SourceConfig(name=payload.stem.removeprefix("demo_"), url=payload.as_uri()))
        )
    articles = load_articles(HelpCenterConfig(path=Path(DEMO_HELP_CENTER)))
    with duckdb.connect(str(database)) as connection:
        categories = demo_config().audit.themes
        build_audit(connection, AuditSettings(window_days=365, articles=articles, categories=categories))
        firsts = connection.execute(
            "SELECT c.topic_id, m.content, t.label, t.kind FROM audit_conversations AS c "
            "JOIN audit_themes AS t USING (theme_id) JOIN messages AS m "
            "USING (source, conversation_id) WHERE m.role = 'user' AND c.topic_id IS NOT NULL "
            "QUALIFY row_number() OVER (PARTITION BY source, conversation_id "
            "ORDER BY m.created_at, m.position) = 1 ORDER BY source, conversation_id"
        ).fetchall()
        topics = connection.execute("SELECT topic_id, article_title, coverage FROM audit_topics").fetchall()
    openers = _openers()
    planted = []
    themed = []
    for topic_id, content, theme, kind in firsts:
        found = {
            (situation, language) for situation, language, pattern in openers if pattern.fullmatch(content)
        }
        assert len(found) == 1, content
        [(situation, language)] = found
        planted.append((situation, language, topic_id))
        themed.append((theme, kind))
    written_in = dict(
        zip(
            (article.title for article in articles),
            languages([f"{article.title}\n{article.text}" for article in articles]),
            strict=True,
        )
    )
    return planted, topics, written_in, themed


def _most_common(counts: Counter[int]) -> set[int]:
    """The topics that hold the most of ``counts``: all of them on a tie, so no order decides."""
    most = max(counts.values())
    return {topic for topic, count in counts.items() if count == most}


def test_a_situation_asked_in_english_and_german_is_one_topic(demo_audit: tuple) -> None:
    planted, *_ = demo_audit
    by_situation: dict[Situation, dict[str, Counter[int]]] = {}
    for situation, language, topic_id in planted:
        by_situation.setdefault(situation, {}).setdefault(language, Counter())[topic_id] += 1
    bilingual = {
        situation: languages
        for situation, languages in by_situation.items()
        if len(languages) == 2 and all(sum(counts.values()) >= 2 for counts in languages.values())
    }
    together = [
        situation
        for situation, languages in bilingual.items()
        if _most_common(languages["en"]) & _most_common(languages["de"])
    ]
    # The figure stated in the README.
    assert len(bilingual) >= 25
    assert len(together) / len(bilingual) >= 0.9, (len(together), len(bilingual))


def test_the_demo_articles_are_matched_across_languages(demo_audit: tuple) -> None:
    planted, topics, written_in, _ = demo_audit
    asked_in: dict[int, Counter[str]] = {}
    for _, language, topic_id in planted:
        asked_in.setdefault(topic_id, Counter())[language] += 1
    matched = [(topic_id, title) for topic_id, title, _ in topics if title]
    # Most matched topics are asked in the language of its article, and in the other one too ...
    bilingual = [topic_id for topic_id, _ in matched if set(asked_in[topic_id]) == {"en", "de"}]
    assert len(bilingual) >= 0.8 * len(matched), (len(bilingual), len(matched))
    # ... so questions in one language find articles in the other, both ways round.
    crossing = {
        (written_in[title], language)
        for topic_id, title in matched
        for language in asked_in[topic_id]
        if language != written_in[title]
    }
    assert crossing == {("en", "de"), ("de", "en")}


def test_every_subject_of_the_demo_has_a_category_of_its_configuration() -> None:
    subjects = {name for source in SOURCES for name in source.topics}
    assert set(CATEGORY_OF) == subjects
    assert set(CATEGORY_OF.values()) == {category.name for category in demo_config().audit.themes}


def test_the_demo_conversations_land_in_their_subjects_category(demo_audit: tuple) -> None:
    planted, _, _, themed = demo_audit
    right = [
        theme == CATEGORY_OF[subject] and kind == "category"
        for ((_, subject, _), _, _), (theme, kind) in zip(planted, themed, strict=True)
    ]
    # The figure stated in the README: 92.1 % (444 of 482); issue 21 asks 90 %.
    assert len(right) >= 450
    assert sum(right) / len(right) >= 0.9, (sum(right), len(right))
