"""The figures behind the help-center thresholds: how well each article fits each labelled problem.

Run from the repository root: ``.venv/bin/python -m benchmarks.coverage``. Per problem of the labelled
help center (``fern_pipeline_tests/audit/coverage_labelled.py``) it prints the article that answers it
(if any) and the two articles of highest fit (mean similarity of its questions to the article's
closest part), then the gap action ``match_articles`` gives and whether it is right.
"""

import numpy as np

from fern_pipeline.audit.embedding import embed
from fern_pipeline.audit.help_center import COVERED_FROM, Article, match_articles
from fern_pipeline.audit.help_center import _chunks as chunks_of
from fern_pipeline_tests.audit.coverage_labelled import ARTICLES, answering_title, problems


def main() -> None:
    """Print the fit of the closest articles, and the action taken, per labelled problem."""
    articles = [Article(title=title, text=text) for _, title, text in ARTICLES]
    chunks = [chunks_of(article) for article in articles]
    owner = np.repeat(np.arange(len(articles)), [len(parts) for parts in chunks])
    vectors = embed([part for parts in chunks for part in parts])
    labelled = problems()
    matches = match_articles([embed(questions) for _, _, questions in labelled], articles)
    right = 0
    for (_, problem, questions), match in zip(labelled, matches, strict=True):
        similarity = embed(questions) @ vectors.T
        fit = np.array([similarity[:, owner == index].max(axis=1).mean() for index in range(len(articles))])
        first, second = np.argsort(-fit)[:2]
        expected = answering_title(problem)
        found = match.article.title if match.article else None
        right += found == expected
        verdict = "write" if found is None else "covered" if match.coverage >= COVERED_FROM else "update"
        print(
            f"{problem:14} answer: {expected or '-':36} fit {articles[first].title[:30]!r} {fit[first]:.2f},"
            f" {articles[second].title[:30]!r} {fit[second]:.2f} -> {verdict} {found or ''}"
        )
    print(f"right gap action: {right} of {len(labelled)}")


if __name__ == "__main__":
    main()
