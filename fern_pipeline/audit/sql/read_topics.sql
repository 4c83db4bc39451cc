-- The topics in priority order, for the summary and the report.
SELECT
    priority_rank,
    topic_id,
    label,
    keywords,
    keywords_by_language,
    conversation_count,
    share,
    trend,
    first_half_count,
    second_half_count,
    median_turns,
    unanswered_share,
    long_thread_share,
    example_conversation_ids,
    article_title,
    article_url,
    coverage,
    closest_article_title,
    closest_article_url,
    priority,
    action
FROM audit_topics
ORDER BY priority_rank
