SET threads = $value
