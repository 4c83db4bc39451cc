"""Words a person reads for a topic: its keywords per language, its language per text, a short question."""

import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
from stop_words import get_stop_words

from fern_pipeline.audit.embedding import clean
from fern_pipeline.audit.labels import generalised

#: Words of three or more letters (any alphabet, umlauts and ß included); digits and ids are no keyword.
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{3,}\b"
#: Keywords per language and topic.
KEYWORDS = 4
#: A keyword has at least this share of its occurrences in its topic (so filler spread over all is none).
CONCENTRATION = 0.5
#: A language's keywords are given for a topic when at least this share of its texts is in it.
LANGUAGE_SHARE = 0.1
#: A greeting at the start of a text: a few words and a comma or an exclamation mark ("Hi team,").
GREETING = re.compile(r"^([^\W\d_][^,!?.]{0,30})[,!]\s+")
#: The end of the first sentence at or after ``MIN_SENTENCE`` characters: a label is one question.
SENTENCE_END = re.compile(r"[?.!](?=\s)")
QUESTION_END = re.compile(r"\?(?=\s|$)")
MIN_SENTENCE = 15
#: Longest label, in characters.
LABEL_CHARS = 90


@cache
def stop_words() -> frozenset[str]:
    """English (scikit-learn's list) and German (the stop-words package's) stop words, and support chatter.

    Chatter (``support_chatter.txt``) is the greetings, thanks and filler of support chats in both
    languages: frequent, and never what a conversation is about.
    """
    chatter = files("fern_pipeline.audit").joinpath("support_chatter.txt").read_text(encoding="utf-8")
    return frozenset(ENGLISH_STOP_WORDS) | frozenset(get_stop_words("german")) | frozenset(chatter.split())


@cache
def _language_words() -> tuple[list[str], np.ndarray]:
    """Stop words of one language only, and +1 for German / -1 for English per word."""
    english, german = frozenset(ENGLISH_STOP_WORDS), frozenset(get_stop_words("german"))
    words = sorted((english ^ german) - {""})
    return words, np.array([1.0 if word in german else -1.0 for word in words])


def languages(texts: Sequence[str]) -> list[str | None]:
    """``de`` or ``en`` per text, by which language's stop words it uses more; None when it cannot tell."""
    words, sign = _language_words()
    counts = CountVectorizer(vocabulary=words, token_pattern=r"(?u)\b\w+\b", lowercase=True).transform(texts)
    balance = counts @ sign
    return [None if value == 0 else ("de" if value > 0 else "en") for value in balance]


def _distinctive(counts: np.ndarray, terms: np.ndarray) -> list[list[str]]:
    """Per topic (row of ``counts``, topics by terms), its most distinctive terms, c-TF-IDF style.

    A term weighs its frequency in the topic times how rare it is across topics; it must have at
    least ``CONCENTRATION`` of its occurrences in the topic and not occur in every topic.
    """
    totals = counts.sum(axis=0)
    in_topics = (counts > 0).sum(axis=0)
    frequency = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
    weight = frequency * np.log1p(counts.sum() / len(counts) / np.maximum(totals, 1))
    eligible = (counts / np.maximum(totals, 1) >= CONCENTRATION) & (counts >= 2)
    if len(counts) > 1:
        eligible &= in_topics < len(counts)
    chosen = []
    for row in range(len(counts)):
        ranked = np.lexsort((terms, -weight[row]))
        chosen.append([str(terms[index]) for index in ranked if eligible[row, index]][:KEYWORDS])
    return chosen


def keywords_by_language(
    texts: Sequence[str], topics: np.ndarray, count: int
) -> list[list[tuple[str, list[str]]]]:
    """Per topic (0 to ``count`` - 1), ``(language, keywords)`` for each language its texts are in.

    ``topics`` holds each text's topic (-1 for none); languages are told by ``languages``.
    """
    told = np.array([language or "" for language in languages(texts)])
    result: list[list[tuple[str, list[str]]]] = [[] for _ in range(count)]
    for language in ("en", "de"):
        rows = np.flatnonzero((told == language) & (topics >= 0))
        if len(rows) == 0:
            continue
        vectorizer = CountVectorizer(
            lowercase=True, token_pattern=TOKEN_PATTERN, stop_words=sorted(stop_words()), dtype=np.int64
        )
        try:
            matrix = vectorizer.fit_transform([clean(texts[row]) for row in rows])
        except ValueError:
            continue
        counts = np.vstack(
            [np.asarray(matrix[topics[rows] == topic].sum(axis=0)).ravel() for topic in range(count)]
        )
        terms = vectorizer.get_feature_names_out()
        sizes = np.bincount(topics[topics >= 0], minlength=count)
        present = np.bincount(topics[rows], minlength=count)
        for topic, words in enumerate(_distinctive(counts, terms)):
            if words and present[topic] >= LANGUAGE_SHARE * sizes[topic]:
                result[topic].append((language, words))
    return result


def short_question(text: str) -> str:
    """``text`` as a label: its particulars generalised (``order …``), a greeting at its start dropped,
    cut at a word to fit.

    The label runs to the end of the first question when that fits (a statement and the question
    that follows it: "Invoice INV-1 has our old name on it. Could you correct it?"), else to the end
    of the first sentence.
    """
    label = clean(generalised(text))
    chatter = stop_words()
    while (greeting := GREETING.match(label)) and all(
        word.lower() in chatter for word in greeting.group(1).split()
    ):
        label = label[greeting.end() :]
    question = QUESTION_END.search(label, MIN_SENTENCE)
    sentence = SENTENCE_END.search(label, MIN_SENTENCE)
    if question and question.end() <= LABEL_CHARS:
        label = label[: question.end()]
    elif sentence:
        label = label[: sentence.end()].rstrip()
    if len(label) <= LABEL_CHARS:
        return label
    return label[: LABEL_CHARS - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
