-- The headline figures, all sources first.
SELECT source, metric, value, label
FROM audit_summary
ORDER BY source <> '*', source, metric
