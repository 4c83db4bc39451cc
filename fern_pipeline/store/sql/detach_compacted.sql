DETACH compacted
