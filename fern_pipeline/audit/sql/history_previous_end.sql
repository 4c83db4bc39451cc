-- The end of the audit before the one ending at $audit_end, if any.
SELECT max(audit_end) AS previous_end FROM audit_history_summary WHERE audit_end < $audit_end
