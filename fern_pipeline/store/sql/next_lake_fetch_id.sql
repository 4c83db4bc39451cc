SELECT id FROM postgres_query('__ducklake_metadata_lake', 'SELECT nextval(''fern_fetch_ids'') AS id')
