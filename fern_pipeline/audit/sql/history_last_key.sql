-- The highest topic key ever given out: a new topic gets the next, a gone one's is never reused.
SELECT coalesce(max(topic_key), 0) AS last_key FROM audit_history_topics
