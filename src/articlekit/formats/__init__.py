"""Built-in format plugins, one module or package per format. Each registers through the same
hooks as a third-party plugin; a format's package holds its plugins and their private parts only."""
