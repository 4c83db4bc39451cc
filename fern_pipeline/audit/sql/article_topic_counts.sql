-- Per topic whose article (audit_article_dates: title, url, updated_at) was updated inside the window:
-- its conversations started up to that instant and after it.
SELECT
    t.topic_id,
    d.updated_at,
    count(*) FILTER (WHERE c.started_at <= d.updated_at) AS before_count,
    count(*) FILTER (WHERE c.started_at > d.updated_at) AS after_count
FROM audit_staged_topics AS t
JOIN audit_article_dates AS d ON d.title = t.article_title AND d.url IS NOT DISTINCT FROM t.article_url
JOIN audit_assignments AS a ON a.topic_id = t.topic_id
JOIN audit_staged_conversations AS c ON c.source = a.source AND c.conversation_id = a.conversation_id
WHERE d.updated_at > $window_start AND d.updated_at < $window_end
GROUP BY t.topic_id, d.updated_at
ORDER BY t.topic_id
