SET memory_limit = $value
