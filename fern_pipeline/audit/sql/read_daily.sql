-- Conversations and messages per day, for all sources.
SELECT day, conversations, messages
FROM audit_daily
WHERE source = '*'
ORDER BY day
