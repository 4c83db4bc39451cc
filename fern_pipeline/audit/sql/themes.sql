-- Each theme's figures from its topics: conversations, share, and priority (the sum of its topics').
CREATE OR REPLACE TEMP TABLE audit_staged_themes AS
WITH figures AS (
    SELECT
        theme_id,
        count(*) AS topic_count,
        sum(conversation_count)::BIGINT AS conversation_count,
        sum(share) AS share,
        sum(priority) AS priority
    FROM audit_staged_topics
    GROUP BY theme_id
)
SELECT
    t.theme_id,
    t.kind,
    t.label,
    t.keywords,
    t.keywords_by_language,
    f.topic_count,
    f.conversation_count,
    f.share,
    f.priority,
    row_number() OVER (ORDER BY f.priority DESC, t.theme_id) AS priority_rank
FROM audit_theme_terms AS t
JOIN figures AS f ON f.theme_id = t.theme_id
ORDER BY priority_rank
