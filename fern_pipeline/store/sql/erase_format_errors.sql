DELETE FROM format_errors
WHERE EXISTS (
    SELECT 1 FROM erased_format_errors AS erased
    WHERE erased.source = format_errors.source AND erased.fetch_id = format_errors.fetch_id
      AND erased.path = format_errors.path AND erased.code = format_errors.code
      AND erased.message = format_errors.message
)
