-- The lake's settings, read by the secrets below and reset right after, so no SQL text holds them.
SET VARIABLE fern_lake = {'catalog': $catalog, 'password': $password, 'data_path': $data_path}
