"""The figures behind the help-center thresholds: how well articles fit labelled topics, and the actions.

Run from the repository root: ``.venv/bin/python -m benchmarks.coverage``. For four labelled sets,
each group of questions taken as one topic: the problems of the labelled help center
(``fern_pipeline_tests/audit/coverage_labelled.py``, with neighbours' articles and overview pages),
the problems of the hierarchical set (``hierarchical.py``, 20 questions each, with the help center of
``hierarchical_help_center.py``), the first labelled set per subject and language (``labelled.py``)
and the demo's situations (``demo_answers.py``). Per topic it prints the article that answers it (if
any), the best fitting article, its fit and its lead over the next, and the gap action
``match_articles`` gives; per set the right actions and the articles named that do not answer.
"""

from pathlib import Path

import numpy as np

from fern_pipeline.audit.help_center import (
    COVERED_FROM,
    Article,
    embed_questions,
    load_articles,
    match_articles,
    similarities,
)
from fern_pipeline.config import HelpCenterConfig
from fern_pipeline.demo import DEMO_HELP_CENTER
from fern_pipeline_tests.audit import coverage_labelled, hierarchical, hierarchical_help_center, labelled
from fern_pipeline_tests.audit.demo_answers import ANSWERS, situation_questions

#: A labelled topic: its name, the title of the article that answers it (None: none does), its questions.
Labelled = tuple[str, str | None, list[str]]


def _sets() -> dict[str, tuple[list[Article], list[Labelled]]]:
    problems = [
        (problem, coverage_labelled.answering_title(problem), questions)
        for _, problem, questions in coverage_labelled.problems()
    ]
    texts, planted, written = labelled.labelled_questions_with_languages(per_topic=20)
    subjects = [
        (
            f"{subject} ({language})",
            next((title for covers, title, _ in labelled.ARTICLES if covers == subject), None),
            [
                text
                for text, s, w in zip(texts, planted, written, strict=True)
                if (s, w) == (subject, language)
            ],
        )
        for subject in labelled.PLANTED
        for language in ("en", "de")
    ]
    rows = hierarchical.hierarchical_questions()
    nested = [
        (
            problem,
            hierarchical_help_center.answering_title(problem),
            [row[0] for row in rows if row[2] == problem][:20],
        )
        for _, problem in hierarchical.problems()
    ]
    asked = situation_questions()
    situations = [
        (f"{kind} {index}", ANSWERS[kind][index], asked[(_, kind, index)]) for _, kind, index in sorted(asked)
    ]
    return {
        "labelled help center": (
            [Article(title=title, text=text) for _, title, text in coverage_labelled.ARTICLES],
            problems,
        ),
        "hierarchical set": (
            [Article(title=title, text=text) for _, title, text in hierarchical_help_center.ARTICLES],
            nested,
        ),
        "first labelled set": (
            [Article(title=title, text=text) for _, title, text in labelled.ARTICLES],
            subjects,
        ),
        "demo situations": (list(load_articles(HelpCenterConfig(path=Path(DEMO_HELP_CENTER)))), situations),
    }


def main() -> None:
    """Print, per labelled set, each topic's fit and action, then the right actions and wrong articles."""
    for name, (articles, topics) in _sets().items():
        vectors = [embed_questions(questions) for _, _, questions in topics]
        right = wrong = 0
        print(f"== {name}")
        for (topic, expected, _), per_article, match in zip(
            topics, similarities(vectors, articles), match_articles(vectors, articles), strict=True
        ):
            fit = per_article.mean(axis=0)
            first, second = np.argsort(-fit)[:2]
            lead = fit[first] - fit[second]
            found = match.article.title if match.article else None
            right += found == expected
            wrong += found is not None and found != expected
            action = "write" if found is None else "covered" if match.coverage >= COVERED_FROM else "update"
            print(
                f"{'ok' if found == expected else '--'} {topic:22} answer: {expected!s:32.32} "
                f"best: {articles[first].title:32.32} fit {fit[first]:.2f} lead {lead:.2f}"
                f" -> {action}"
            )
        print(f"right gap actions: {right} of {len(topics)}; articles named that do not answer: {wrong}\n")


if __name__ == "__main__":
    main()
