-- The headline figures per source and for all sources ('*'), one row per (source, metric).
-- Shares are fractions (0.25 = 25 %); durations are seconds; busiest weekday is ISO (1 = Monday).
CREATE OR REPLACE TEMP TABLE audit_staged_summary AS
WITH volume AS (
    SELECT source, sum(conversations) AS conversations, sum(messages) AS messages
    FROM audit_staged_daily
    GROUP BY source
),
threads AS (
    SELECT
        coalesce(source, '*') AS source,
        quantile_cont(turns, 0.5) AS turns_median,
        quantile_cont(turns, 0.9) AS turns_p90,
        quantile_cont(first_response_seconds, 0.5) AS first_response_median_seconds,
        quantile_cont(first_response_seconds, 0.9) AS first_response_p90_seconds,
        quantile_cont(resolution_seconds, 0.5) AS resolution_median_seconds,
        quantile_cont(resolution_seconds, 0.9) AS resolution_p90_seconds,
        count(*) FILTER (WHERE unanswered) AS unanswered,
        avg(unanswered::INTEGER) AS unanswered_share,
        count(*) FILTER (WHERE awaiting_reply) AS awaiting_reply,
        avg(awaiting_reply::INTEGER) AS awaiting_reply_share
    FROM audit_staged_conversations
    GROUP BY GROUPING SETS ((source), ())
),
weekdays AS (
    SELECT source, weekday, sum(conversations) AS conversations
    FROM audit_staged_activity
    GROUP BY source, weekday
),
hours AS (
    SELECT source, hour, sum(conversations) AS conversations
    FROM audit_staged_activity
    GROUP BY source, hour
),
busiest AS (
    SELECT
        w.source,
        w.busiest_weekday,
        h.busiest_hour
    FROM (
        SELECT source, first(weekday ORDER BY conversations DESC, weekday) AS busiest_weekday
        FROM weekdays
        GROUP BY source
    ) AS w
    JOIN (
        SELECT source, first(hour ORDER BY conversations DESC, hour) AS busiest_hour
        FROM hours
        GROUP BY source
    ) AS h ON w.source = h.source
),
fetched AS (
    SELECT
        coalesce(source, '*') AS source,
        count(*) AS fetches,
        avg((status = 'failed')::INTEGER) AS fetches_failed_share,
        avg((conversations_rejected > 0 OR coalesce(category = 'invalid_format', false))::INTEGER)
            AS fetches_with_format_errors_share,
        sum(conversations_rejected) / nullif(sum(conversations_loaded + conversations_rejected), 0)
            AS conversations_rejected_share
    FROM fetches
    WHERE started_at > $window_start AND ($fetch_end IS NULL OR started_at <= $fetch_end)
    GROUP BY GROUPING SETS ((source), ())
),
sources AS (
    SELECT source FROM volume UNION SELECT source FROM fetched
),
figures AS (
    SELECT
        s.source,
        $window_days::DOUBLE AS window_days,
        coalesce(v.conversations, 0)::DOUBLE AS conversations,
        coalesce(v.messages, 0)::DOUBLE AS messages,
        coalesce(v.conversations, 0) / $window_days AS conversations_per_day,
        coalesce(v.messages, 0) / $window_days AS messages_per_day,
        coalesce(v.conversations, 0) * 7 / $window_days AS conversations_per_week,
        coalesce(v.messages, 0) * 7 / $window_days AS messages_per_week,
        t.turns_median::DOUBLE AS turns_median,
        t.turns_p90::DOUBLE AS turns_p90,
        t.first_response_median_seconds,
        t.first_response_p90_seconds,
        t.resolution_median_seconds,
        t.resolution_p90_seconds,
        coalesce(t.unanswered, 0)::DOUBLE AS unanswered,
        t.unanswered_share,
        coalesce(t.awaiting_reply, 0)::DOUBLE AS awaiting_reply,
        t.awaiting_reply_share,
        b.busiest_weekday::DOUBLE AS busiest_weekday,
        b.busiest_hour::DOUBLE AS busiest_hour,
        coalesce(f.fetches, 0)::DOUBLE AS fetches,
        f.fetches_failed_share,
        f.fetches_with_format_errors_share,
        f.conversations_rejected_share::DOUBLE AS conversations_rejected_share
    FROM sources AS s
    LEFT JOIN volume AS v ON v.source = s.source
    LEFT JOIN threads AS t ON t.source = s.source
    LEFT JOIN busiest AS b ON b.source = s.source
    LEFT JOIN fetched AS f ON f.source = s.source
),
unpivoted AS (
    FROM figures UNPIVOT INCLUDE NULLS (value FOR metric IN (COLUMNS(* EXCLUDE (source))))
)
SELECT
    source,
    metric,
    value,
    CASE metric
        WHEN 'busiest_weekday' THEN dayname(DATE '2024-01-07' + CAST(value AS INTEGER))
        WHEN 'busiest_hour' THEN printf('%02d:00–%02d:00 UTC', CAST(value AS INTEGER), CAST(value AS INTEGER) + 1)
    END AS label
FROM unpivoted
ORDER BY source, metric
