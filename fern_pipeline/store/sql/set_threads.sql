SET threads = $threads
