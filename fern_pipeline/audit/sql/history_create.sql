-- The history tables: appended to by every audit, never replaced (see audit/history.py).
CREATE TABLE IF NOT EXISTS audit_history_summary (
    audit_end TIMESTAMPTZ,
    window_start TIMESTAMPTZ,
    source VARCHAR,
    metric VARCHAR,
    value DOUBLE,
    label VARCHAR
);
CREATE TABLE IF NOT EXISTS audit_history_topics (
    audit_end TIMESTAMPTZ,
    window_start TIMESTAMPTZ,
    topic_key BIGINT,
    topic_id BIGINT,
    status VARCHAR,
    label VARCHAR,
    conversation_count BIGINT,
    share DOUBLE,
    priority_rank BIGINT,
    action VARCHAR,
    article_title VARCHAR,
    similarity DOUBLE,
    centroid FLOAT[]
);
CREATE TABLE IF NOT EXISTS audit_history_themes (
    audit_end TIMESTAMPTZ,
    window_start TIMESTAMPTZ,
    theme_id BIGINT,
    kind VARCHAR,
    label VARCHAR,
    topic_count BIGINT,
    conversation_count BIGINT,
    share DOUBLE,
    priority_rank BIGINT
);
