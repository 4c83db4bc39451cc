SELECT EXISTS (SELECT 1 FROM conversations WHERE source = $source)
