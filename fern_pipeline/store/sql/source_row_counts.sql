SELECT
    (SELECT count(*) FROM conversations WHERE source = $source) AS conversations,
    (SELECT count(*) FROM messages WHERE source = $source) AS messages
