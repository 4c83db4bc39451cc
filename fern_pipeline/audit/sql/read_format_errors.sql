-- Format errors by code, for all sources, most frequent first.
SELECT code, errors
FROM audit_format_errors
WHERE source = '*'
ORDER BY errors DESC, code
