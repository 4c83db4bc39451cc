SELECT current_setting('memory_limit'), current_setting('threads')
