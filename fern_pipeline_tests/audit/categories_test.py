"""A team's own categories: topics themed by the category whose examples they mean, across languages."""

import numpy as np
import pytest

from fern_pipeline.audit.topics import TopicModel, fit_topics
from fern_pipeline.config import ThemeCategory
from fern_pipeline_tests.audit.hierarchical import hierarchical_questions

#: The subjects of the hierarchical set as a team would name them, with plain examples in either language.
CATEGORIES = (
    ThemeCategory(
        name="Integrations",
        examples=("Our Slack or Zapier integration stopped working", "Problem mit Webhooks oder der API"),
    ),
    ThemeCategory(
        name="Billing", examples=("Question about my invoice or a payment", "Ich möchte mein Abo kündigen")
    ),
    ThemeCategory(
        name="Access", examples=("I cannot log in to my account", "Problem mit Passwort oder Anmeldung")
    ),
    ThemeCategory(name="Delivery", examples=("Where is my parcel?", "Problem mit der Lieferung")),
    ThemeCategory(
        name="Reports", examples=("Problem with a report or the dashboard", "Export funktioniert nicht")
    ),
)
SUBJECT = {category.name.lower(): category.name for category in CATEGORIES}


def _themed(model: TopicModel, texts: list[str]) -> list[tuple[str, str]]:
    """Each text's theme, as (label, kind)."""
    topics, _ = model.assign(texts)
    themes = [model.themes[model.topics[topic].theme] for topic in topics]
    return [(theme.label, theme.kind) for theme in themes]


@pytest.fixture(scope="module")
def rows() -> list[tuple[str, str, str, str]]:
    return hierarchical_questions(600)


def test_conversations_land_in_their_subjects_category(rows: list) -> None:
    texts = [row[0] for row in rows]
    model = fit_topics(texts, categories=CATEGORIES)
    assert model is not None
    themed = _themed(model, texts)
    right = np.mean([label == SUBJECT[row[1]] for (label, _), row in zip(themed, rows, strict=True)])
    # The figure stated in the README (measured 0.86 with these two examples per category).
    assert right >= 0.8
    assert [theme.label for theme in model.themes[: len(CATEGORIES)]] == [c.name for c in CATEGORIES]
    assert {theme.kind for theme in model.themes[: len(CATEGORIES)]} == {"category"}
    for index, topic in enumerate(model.topics):
        assert index in model.themes[topic.theme].topics


def test_what_fits_no_category_is_themed_from_the_data(rows: list) -> None:
    texts = [row[0] for row in rows]
    model = fit_topics(texts, categories=CATEGORIES[:2])
    assert model is not None
    themed = _themed(model, texts)
    kinds = [kind for (_, kind), row in zip(themed, rows, strict=True) if row[1] in ("access", "delivery")]
    kept = [label == SUBJECT.get(row[1]) for (label, _), row in zip(themed, rows, strict=True)]
    # Measured: 79 % of the subjects without a category are discovered, 99 % of the others keep theirs.
    assert kinds.count("discovered") >= 0.7 * len(kinds)
    assert sum(kept) >= 0.95 * sum(row[1] in ("integrations", "billing") for row in rows)
    assert any(theme.kind == "discovered" for theme in model.themes)
