-- The topics in priority order, with their draft's file where one was written, for the summary and the report.
SELECT
    t.priority_rank,
    t.topic_id,
    t.theme_id,
    t.is_other,
    t.label,
    t.keywords,
    t.keywords_by_language,
    t.conversation_count,
    t.share,
    t.trend,
    t.first_half_count,
    t.second_half_count,
    t.median_turns,
    t.unanswered_share,
    t.long_thread_share,
    t.example_conversation_ids,
    t.article_title,
    t.article_url,
    t.coverage,
    t.closest_article_title,
    t.closest_article_url,
    t.priority,
    t.action,
    d.file AS draft_file
FROM audit_topics AS t
LEFT JOIN audit_drafts AS d ON d.topic_id = t.topic_id
ORDER BY t.priority_rank
