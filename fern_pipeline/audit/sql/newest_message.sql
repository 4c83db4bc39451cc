-- When the newest message loaded was sent: the default end of the audit window.
SELECT max(created_at) FROM messages
