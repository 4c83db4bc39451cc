-- The columns of audit_conversations and their types, for the asset's column schema.
SELECT column_name AS name, column_type AS type FROM (DESCRIBE audit_conversations)
