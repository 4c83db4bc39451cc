-- Every theme's weeks, oldest first, for the report's sparkline in each theme's heading.
SELECT theme_id, week, iso_week, days, conversations FROM audit_theme_weeks ORDER BY theme_id, week
