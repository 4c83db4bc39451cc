-- Append this audit (audit_history_run: its window) to the history and replace audit_topic_changes,
-- from the topics' lineage worked out in audit/history.py (audit_lineage). Run inside the audit's
-- transaction, after topics.sql.
INSERT INTO audit_history_summary
SELECT r.audit_end, r.window_start, s.source, s.metric, s.value, s.label
FROM audit_staged_summary AS s
CROSS JOIN audit_history_run AS r
ORDER BY s.source, s.metric;
INSERT INTO audit_history_topics
SELECT r.audit_end, r.window_start, l.topic_key, t.topic_id, l.status, t.label, t.conversation_count,
    t.share, t.priority_rank, t.action, t.article_title, l.similarity, l.centroid
FROM audit_staged_topics AS t
JOIN audit_lineage AS l ON l.topic_id = t.topic_id
CROSS JOIN audit_history_run AS r
ORDER BY t.topic_id;
INSERT INTO audit_history_themes
SELECT r.audit_end, r.window_start, t.theme_id, t.kind, t.label, t.topic_count, t.conversation_count, t.share,
    t.priority_rank
FROM audit_staged_themes AS t
CROSS JOIN audit_history_run AS r
ORDER BY t.theme_id;
CREATE OR REPLACE TABLE audit_topic_changes AS
SELECT l.topic_key, l.topic_id, l.status, t.label, t.conversation_count, l.previous_label,
    l.previous_count, l.similarity, r.previous_end
FROM audit_lineage AS l
LEFT JOIN audit_staged_topics AS t ON t.topic_id = l.topic_id
CROSS JOIN audit_history_run AS r
ORDER BY l.topic_key;
CREATE OR REPLACE TABLE audit_article_changes AS
SELECT c.topic_id, t.label, t.article_title, c.updated_at, c.before_count, c.before_days, c.before_per_week,
    c.after_count, c.after_days, c.after_per_week, c.change, c.change_low, c.change_high, c.verdict
FROM audit_article_change_rows AS c
JOIN audit_staged_topics AS t ON t.topic_id = c.topic_id
ORDER BY t.priority_rank;
