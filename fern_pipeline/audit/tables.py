"""pandera models of the audit tables: their columns and what each means, for Dagster's column schema.

The audit's SQL (``sql/write_tables.sql``) creates these tables; a test checks that each model names
exactly the columns the SQL creates, in order, so the descriptions cannot drift from the tables.
"""

import pandera.pandas as pa
from pandera.typing import Series

from fern_pipeline.tables import SOURCE

#: A source's name, or ``*`` for all sources together.
SOURCE_OR_ALL = f"{SOURCE.removesuffix('.')}, or * for all sources together."


class AuditConversationsTable(pa.DataFrameModel):
    """``audit_conversations``: one row per conversation that started in the audit window."""

    source: Series[str] = pa.Field(description=SOURCE)
    conversation_id: Series[str] = pa.Field(description="The conversation's id, as in conversations.")
    url: Series[str] = pa.Field(nullable=True, description="Link to it in the support tool, if sent.")
    started_at: Series[pa.DateTime] = pa.Field(
        description="Its first message's createdAt (else its lastMessageAt), in UTC."
    )
    messages: Series[int] = pa.Field(description="Its messages.")
    turns: Series[int] = pa.Field(
        description="Runs of consecutive messages from the same side, in createdAt order."
    )
    first_response_seconds: Series[float] = pa.Field(
        nullable=True, description="Seconds from the first user message to the first agent answer after it."
    )
    resolution_seconds: Series[float] = pa.Field(
        nullable=True, description="Seconds from the first user message to the last agent message after it."
    )
    unanswered: Series[bool] = pa.Field(description="True when no agent message was sent at all.")
    awaiting_reply: Series[bool] = pa.Field(description="True when the last message is the customer's.")
    topic_id: Series[int] = pa.Field(nullable=True, description="Its topic (see audit_topics).")
    theme_id: Series[int] = pa.Field(nullable=True, description="Its topic's theme (see audit_themes).")
    topic_score: Series[float] = pa.Field(nullable=True, description="Its similarity to its topic.")
    language: Series[str] = pa.Field(nullable=True, description="en, de, or null where not recognised.")


class AuditTopicsTable(pa.DataFrameModel):
    """``audit_topics``: one row per topic of what customers ask, by priority."""

    topic_id: Series[int] = pa.Field(description="The topic's number.")
    theme_id: Series[int] = pa.Field(description="Its theme (see audit_themes).")
    is_other: Series[bool] = pa.Field(
        description='True for "other": questions asked once or twice, too rarely to be a topic.'
    )
    label: Series[str] = pa.Field(
        description="What its customers ask: its most representative question, shortened."
    )
    keywords: Series[object] = pa.Field(description="Its keywords in every language, most distinctive first.")
    keywords_by_language: Series[object] = pa.Field(
        description="Its keywords per language present, as (language, keywords)."
    )
    conversation_count: Series[int] = pa.Field(description="Conversations of the window in this topic.")
    share: Series[float] = pa.Field(description="Its share of the window's conversations, 0 to 1.")
    first_half_count: Series[int] = pa.Field(description="Its conversations in the window's first half.")
    second_half_count: Series[int] = pa.Field(description="Its conversations in the window's second half.")
    trend: Series[float] = pa.Field(
        nullable=True, description="(second half - first half) / first half; null when the first had none."
    )
    median_turns: Series[float] = pa.Field(description="Median turns of its conversations.")
    unanswered_share: Series[float] = pa.Field(description="Share of its conversations never answered.")
    long_thread_share: Series[float] = pa.Field(description="Share of its conversations of 5 turns or more.")
    example_conversation_ids: Series[object] = pa.Field(
        description="A few of its conversations, as (source, conversation_id)."
    )
    article_title: Series[str] = pa.Field(
        nullable=True, description="The help-center article that answers it; null when none does."
    )
    article_url: Series[str] = pa.Field(nullable=True, description="That article's URL.")
    coverage: Series[float] = pa.Field(
        nullable=True,
        description="Share of its questions that article answers, 0 to 1 (0 without one); "
        "null without articles.",
    )
    closest_article_title: Series[str] = pa.Field(
        nullable=True, description="Where no article answers it: the closest one, which does not answer it."
    )
    closest_article_url: Series[str] = pa.Field(nullable=True, description="That closest article's URL.")
    priority: Series[float] = pa.Field(
        description="conversations * (1 - coverage) * (1 + unanswered + long-thread share); 0 for other."
    )
    priority_rank: Series[int] = pa.Field(description="1 for the topic to act on first.")
    action: Series[str] = pa.Field(
        isin=("write", "update", "covered"),
        nullable=True,
        description="write an article (none answers it), update its article (it answers under 70 %), "
        "or covered; null without articles.",
    )


class AuditThemesTable(pa.DataFrameModel):
    """``audit_themes``: one row per theme, a handful of related topics, by priority."""

    theme_id: Series[int] = pa.Field(description="The theme's number.")
    kind: Series[str] = pa.Field(
        isin=("discovered", "category", "other"),
        description="discovered from the data, a team's category (audit.themes), or other.",
    )
    label: Series[str] = pa.Field(description="What its topics share: the category's name, or its keywords.")
    keywords: Series[object] = pa.Field(description="Its keywords in every language, most distinctive first.")
    keywords_by_language: Series[object] = pa.Field(
        description="Its keywords per language present, as (language, keywords)."
    )
    topic_count: Series[int] = pa.Field(description="Its topics.")
    conversation_count: Series[int] = pa.Field(description="Conversations of the window in its topics.")
    share: Series[float] = pa.Field(description="Its share of the window's conversations, 0 to 1.")
    priority: Series[float] = pa.Field(description="The sum of its topics' priorities.")
    priority_rank: Series[int] = pa.Field(description="1 for the theme to act on first.")


class AuditSummaryTable(pa.DataFrameModel):
    """``audit_summary``: the headline figures, per source and for all sources."""

    source: Series[str] = pa.Field(description=SOURCE_OR_ALL)
    metric: Series[str] = pa.Field(description="The figure's name, e.g. first_response_median_seconds.")
    value: Series[float] = pa.Field(nullable=True, description="Its value (seconds, shares 0 to 1, counts).")
    label: Series[str] = pa.Field(
        nullable=True, description="A readable value where one helps, e.g. Tuesday."
    )


class AuditDailyTable(pa.DataFrameModel):
    """``audit_daily``: volume per UTC day of the window."""

    source: Series[str] = pa.Field(description=SOURCE)
    day: Series[pa.DateTime] = pa.Field(description="The UTC day.")
    conversations: Series[int] = pa.Field(description="Conversations started that day.")
    messages: Series[int] = pa.Field(description="Messages sent that day.")


class AuditActivityTable(pa.DataFrameModel):
    """``audit_activity``: conversations started per weekday and hour."""

    source: Series[str] = pa.Field(description=SOURCE)
    weekday: Series[int] = pa.Field(ge=1, le=7, description="ISO weekday, 1 = Monday.")
    hour: Series[int] = pa.Field(ge=0, le=23, description="UTC hour, 0 to 23.")
    conversations: Series[int] = pa.Field(description="Conversations started in that hour of that weekday.")


class AuditFormatErrorsTable(pa.DataFrameModel):
    """``audit_format_errors``: format errors of the window's fetches, by code."""

    source: Series[str] = pa.Field(description=SOURCE)
    code: Series[str] = pa.Field(description="The format error's code, e.g. invalid_role.")
    errors: Series[int] = pa.Field(description="How many errors of that code the window's fetches had.")


class AuditDraftsTable(pa.DataFrameModel):
    """``audit_drafts``: one row per topic to write or update (every topic but other, without articles)."""

    topic_id: Series[int] = pa.Field(description="The topic drafted (see audit_topics).")
    action: Series[str] = pa.Field(nullable=True, description="write or update; null without a help center.")
    file: Series[str] = pa.Field(description="The draft's Markdown file, in audit_drafts/ beside the report.")
    questions: Series[object] = pa.Field(
        description="Up to five of its customers' questions as asked (particulars as …), none the same."
    )
    steps: Series[object] = pa.Field(
        description="The lines of its most representative agent answer, greeting and sign-off left out."
    )
    examples: Series[object] = pa.Field(
        description="A few of its conversations, as (source, conversation_id, url); url only if http(s)."
    )
    markdown: Series[str] = pa.Field(description="The draft, as written to its file.")


class AuditTopicWeeksTable(pa.DataFrameModel):
    """``audit_topic_weeks``: conversations per topic and ISO week of the window."""

    topic_id: Series[int] = pa.Field(description="The topic (see audit_topics).")
    week: Series[pa.DateTime] = pa.Field(description="The week's Monday (UTC).")
    iso_week: Series[str] = pa.Field(description="The ISO week, e.g. 2026-W47.")
    days: Series[float] = pa.Field(
        description="Days of the week inside the window: 7 for a full week, less at the window's edges."
    )
    conversations: Series[int] = pa.Field(description="The topic's conversations started that week.")


class AuditThemeWeeksTable(pa.DataFrameModel):
    """``audit_theme_weeks``: conversations per theme and ISO week of the window."""

    theme_id: Series[int] = pa.Field(description="The theme (see audit_themes).")
    week: Series[pa.DateTime] = pa.Field(description="The week's Monday (UTC).")
    iso_week: Series[str] = pa.Field(description="The ISO week, e.g. 2026-W47.")
    days: Series[float] = pa.Field(
        description="Days of the week inside the window: 7 for a full week, less at the window's edges."
    )
    conversations: Series[int] = pa.Field(description="The theme's conversations started that week.")


class AuditTopicChangesTable(pa.DataFrameModel):
    """``audit_topic_changes``: this audit's topics beside the previous audit's, matched by meaning."""

    topic_key: Series[int] = pa.Field(
        description="The topic's lasting id: the same from audit to audit while it is the same question."
    )
    topic_id: Series[int] = pa.Field(nullable=True, description="Its topic in this audit; null when gone.")
    status: Series[str] = pa.Field(
        isin=("new", "kept", "gone"),
        description="new: no topic of the previous audit matched; kept: one did; gone: in the previous only.",
    )
    label: Series[str] = pa.Field(nullable=True, description="Its label in this audit.")
    conversation_count: Series[int] = pa.Field(nullable=True, description="Its conversations in this audit.")
    previous_label: Series[str] = pa.Field(nullable=True, description="Its label in the previous audit.")
    previous_count: Series[int] = pa.Field(
        nullable=True, description="Its conversations in the previous audit."
    )
    similarity: Series[float] = pa.Field(
        nullable=True, description="Cosine similarity of its centroid to the previous audit's match."
    )
    previous_end: Series[pa.DateTime] = pa.Field(
        nullable=True, description="The end of the previous audit's window; null for the first audit."
    )


class AuditHistorySummaryTable(pa.DataFrameModel):
    """``audit_history_summary``: every audit's headline figures, appended, by the end of its window."""

    audit_end: Series[pa.DateTime] = pa.Field(description="The end of that audit's window: its time.")
    window_start: Series[pa.DateTime] = pa.Field(description="The start of that audit's window.")
    source: Series[str] = pa.Field(description=SOURCE_OR_ALL)
    metric: Series[str] = pa.Field(description="The figure's name, as in audit_summary.")
    value: Series[float] = pa.Field(nullable=True, description="Its value then.")
    label: Series[str] = pa.Field(nullable=True, description="A readable value where one helps.")


class AuditHistoryTopicsTable(pa.DataFrameModel):
    """``audit_history_topics``: every audit's topics, appended, by the end of its window."""

    audit_end: Series[pa.DateTime] = pa.Field(description="The end of that audit's window: its time.")
    window_start: Series[pa.DateTime] = pa.Field(description="The start of that audit's window.")
    topic_key: Series[int] = pa.Field(description="The topic's lasting id (see audit_topic_changes).")
    topic_id: Series[int] = pa.Field(description="Its topic number in that audit.")
    status: Series[str] = pa.Field(isin=("new", "kept"), description="new or kept, against the audit before.")
    label: Series[str] = pa.Field(
        nullable=True, description="Its label then; null once its conversations were erased or expired."
    )
    conversation_count: Series[int] = pa.Field(description="Its conversations in that audit.")
    share: Series[float] = pa.Field(description="Its share of that audit's conversations, 0 to 1.")
    priority_rank: Series[int] = pa.Field(description="Its priority rank then, 1 first.")
    action: Series[str] = pa.Field(nullable=True, description="write, update or covered, then.")
    article_title: Series[str] = pa.Field(nullable=True, description="Its closest article then.")
    similarity: Series[float] = pa.Field(
        nullable=True, description="Cosine similarity to its match in the audit before."
    )
    centroid: Series[object] = pa.Field(
        description="The mean of its embedded texts (unit length): what later audits match it by."
    )


class AuditHistoryThemesTable(pa.DataFrameModel):
    """``audit_history_themes``: every audit's themes, appended, by the end of its window."""

    audit_end: Series[pa.DateTime] = pa.Field(description="The end of that audit's window: its time.")
    window_start: Series[pa.DateTime] = pa.Field(description="The start of that audit's window.")
    theme_id: Series[int] = pa.Field(description="Its theme number in that audit.")
    kind: Series[str] = pa.Field(description="discovered, category or other, as in audit_themes.")
    label: Series[str] = pa.Field(
        nullable=True, description="Its label then; null once a conversation it quotes was erased or expired."
    )
    topic_count: Series[int] = pa.Field(description="Its topics then.")
    conversation_count: Series[int] = pa.Field(description="Its conversations in that audit.")
    share: Series[float] = pa.Field(description="Its share of that audit's conversations, 0 to 1.")
    priority_rank: Series[int] = pa.Field(description="Its priority rank then, 1 first.")


class AuditArticleChangesTable(pa.DataFrameModel):
    """``audit_article_changes``: per topic whose article was updated inside the window, what changed."""

    topic_id: Series[int] = pa.Field(description="The topic (see audit_topics).")
    label: Series[str] = pa.Field(description="Its label.")
    article_title: Series[str] = pa.Field(description="Its article.")
    updated_at: Series[pa.DateTime] = pa.Field(description="When the article was updated (UTC).")
    before_count: Series[int] = pa.Field(
        description="The topic's conversations from the window's start to then."
    )
    before_days: Series[float] = pa.Field(description="Days of the window before the update.")
    before_per_week: Series[float] = pa.Field(description="Conversations per week before it.")
    after_count: Series[int] = pa.Field(description="The topic's conversations after the update.")
    after_days: Series[float] = pa.Field(description="Days of the window after it.")
    after_per_week: Series[float] = pa.Field(description="Conversations per week after it.")
    change: Series[float] = pa.Field(
        nullable=True, description="after / before rate - 1 (-0.5: halved); null when too few to tell."
    )
    change_low: Series[float] = pa.Field(nullable=True, description="The change's 95 % interval, low end.")
    change_high: Series[float] = pa.Field(nullable=True, description="The change's 95 % interval, high end.")
    verdict: Series[str] = pa.Field(
        isin=("fell", "rose", "no clear change", "too few to tell"),
        description=(
            "fell or rose when the interval excludes no change; too few to tell below 10 conversations "
            "or 7 days on a side."
        ),
    )


#: Every table the audit writes, by name.
AUDIT_TABLE_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "audit_conversations": AuditConversationsTable,
    "audit_topics": AuditTopicsTable,
    "audit_themes": AuditThemesTable,
    "audit_summary": AuditSummaryTable,
    "audit_daily": AuditDailyTable,
    "audit_activity": AuditActivityTable,
    "audit_format_errors": AuditFormatErrorsTable,
    "audit_drafts": AuditDraftsTable,
    "audit_topic_weeks": AuditTopicWeeksTable,
    "audit_theme_weeks": AuditThemeWeeksTable,
    "audit_topic_changes": AuditTopicChangesTable,
    "audit_article_changes": AuditArticleChangesTable,
    "audit_history_summary": AuditHistorySummaryTable,
    "audit_history_topics": AuditHistoryTopicsTable,
    "audit_history_themes": AuditHistoryThemesTable,
}
