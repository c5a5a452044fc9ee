"""Built-in enrichers: steps run on every parsed article (quotes, sources, dates)."""
