-- The baseline: DuckDB's own JSON reader turns the downloaded document into one row per conversation.
CREATE TEMP TABLE document_conversations AS
SELECT unnest(conversations) AS conversation
FROM read_json($path, format = 'auto', maximum_object_size = $maximum_object_size)
