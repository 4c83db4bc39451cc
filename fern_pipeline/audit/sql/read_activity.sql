-- Conversations started per ISO weekday and UTC hour, for all sources.
SELECT weekday, hour, conversations
FROM audit_activity
WHERE source = '*'
ORDER BY weekday, hour
