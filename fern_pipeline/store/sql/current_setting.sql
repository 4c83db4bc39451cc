SELECT current_setting($name)
