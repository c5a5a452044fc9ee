"""Built-in format plugins, one module per format. Each registers through the same hooks as a
third-party plugin."""
