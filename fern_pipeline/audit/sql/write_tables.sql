-- Replace the audit tables with the staged results (run inside one transaction).
CREATE OR REPLACE TABLE audit_conversations AS
SELECT c.*, a.topic_id, a.theme_id, a.topic_score, a.language
FROM audit_staged_conversations AS c
LEFT JOIN audit_assignments AS a ON a.source = c.source AND a.conversation_id = c.conversation_id
ORDER BY c.source, c.conversation_id;
CREATE OR REPLACE TABLE audit_topics AS SELECT * FROM audit_staged_topics;
CREATE OR REPLACE TABLE audit_themes AS SELECT * FROM audit_staged_themes;
CREATE OR REPLACE TABLE audit_summary AS SELECT * FROM audit_staged_summary;
CREATE OR REPLACE TABLE audit_daily AS SELECT * FROM audit_staged_daily;
CREATE OR REPLACE TABLE audit_activity AS SELECT * FROM audit_staged_activity;
CREATE OR REPLACE TABLE audit_format_errors AS SELECT * FROM audit_staged_format_errors;
