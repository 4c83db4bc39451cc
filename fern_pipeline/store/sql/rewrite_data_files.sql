-- Rewrite every data file of the lake that has deleted rows into a new one without them (the old
-- file stays until its snapshots are expired and cleaned up).
SELECT * FROM ducklake_rewrite_data_files('lake', delete_threshold => 0)
