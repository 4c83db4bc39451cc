-- The newest stored lastMessageAt of a source, and the start values of its partial fetches since its
-- last complete (ok) one: windows whose rejected conversations are still to be loaded.
SELECT
    (SELECT max(last_message_at) FROM conversations WHERE source = $source) AS newest,
    (
        SELECT coalesce(list(start_date ORDER BY fetch_id), [])
        FROM fetches
        WHERE source = $source
          AND status = 'partial'
          AND fetch_id > (
              SELECT coalesce(max(fetch_id), 0) FROM fetches WHERE source = $source AND status = 'ok'
          )
    ) AS unsettled
