-- An audit of the same window end made again replaces its history rows (its figures).
DELETE FROM audit_history_summary WHERE audit_end = $audit_end
