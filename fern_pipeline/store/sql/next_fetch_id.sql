SELECT nextval('fetch_ids')
