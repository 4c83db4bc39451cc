-- An audit of the same window end made again replaces its history rows (its themes).
DELETE FROM audit_history_themes WHERE audit_end = $audit_end
