-- Delete the data files that no remaining snapshot uses; returns their paths.
SELECT path FROM ducklake_cleanup_old_files('lake', cleanup_all => true)
