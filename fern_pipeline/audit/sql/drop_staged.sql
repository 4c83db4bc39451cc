-- The staged results, once the audit tables hold them (after the commit: a commit that lost a race
-- to another writer is made again from them).
DROP TABLE IF EXISTS audit_staged_conversations;
DROP TABLE IF EXISTS audit_staged_topics;
DROP TABLE IF EXISTS audit_staged_themes;
DROP TABLE IF EXISTS audit_staged_summary;
DROP TABLE IF EXISTS audit_staged_daily;
DROP TABLE IF EXISTS audit_staged_activity;
DROP TABLE IF EXISTS audit_staged_format_errors;
