-- An audit of the same window end made again replaces its history rows (its topics).
DELETE FROM audit_history_topics WHERE audit_end = $audit_end
