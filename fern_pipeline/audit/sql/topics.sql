-- Each topic's figures, its best help-center article, and its priority: volume × lack of coverage × pain.
-- Pain is 1 + the unanswered share + the share of long threads; without articles coverage counts as 0.
-- "Other" (questions asked once or twice: no one article answers them) has priority 0.
CREATE OR REPLACE TEMP TABLE audit_staged_topics AS
WITH assigned AS (
    SELECT c.*, a.topic_id, a.topic_score
    FROM audit_staged_conversations AS c
    JOIN audit_assignments AS a ON a.source = c.source AND a.conversation_id = c.conversation_id
    WHERE a.topic_id IS NOT NULL
),
figures AS (
    SELECT
        topic_id,
        count(*) AS conversation_count,
        count(*) FILTER (WHERE started_at <= $midpoint) AS first_half_count,
        count(*) FILTER (WHERE started_at > $midpoint) AS second_half_count,
        quantile_cont(turns, 0.5)::DOUBLE AS median_turns,
        avg(unanswered::INTEGER) AS unanswered_share,
        avg((turns >= $long_thread_turns)::INTEGER) AS long_thread_share,
        list({'source': source, 'conversation_id': conversation_id, 'url': url} ORDER BY topic_score DESC, source,
            conversation_id)[1:3] AS example_conversation_ids
    FROM assigned
    GROUP BY topic_id
),
scored AS (
    SELECT
        t.topic_id,
        t.theme_id,
        t.is_other,
        t.label,
        t.keywords,
        t.keywords_by_language,
        f.conversation_count,
        f.conversation_count / (SELECT count(*) FROM audit_staged_conversations) AS share,
        f.first_half_count,
        f.second_half_count,
        (f.second_half_count - f.first_half_count) / nullif(f.first_half_count, 0) AS trend,
        f.median_turns,
        f.unanswered_share,
        f.long_thread_share,
        f.example_conversation_ids,
        t.article_title,
        t.article_url,
        t.coverage,
        CASE
            WHEN t.is_other THEN 0.0
            ELSE f.conversation_count * (1 - coalesce(t.coverage, 0)) * (1 + f.unanswered_share + f.long_thread_share)
        END AS priority
    FROM audit_topic_terms AS t
    JOIN figures AS f ON f.topic_id = t.topic_id
)
SELECT
    *,
    row_number() OVER (ORDER BY priority DESC, topic_id) AS priority_rank,
    CASE
        WHEN coverage IS NULL THEN NULL
        WHEN coverage < $write_below THEN 'write'
        WHEN coverage < $covered_from THEN 'update'
        ELSE 'covered'
    END AS action
FROM scored
ORDER BY priority_rank
