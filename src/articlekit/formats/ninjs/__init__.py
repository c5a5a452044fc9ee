"""IPTC ninjs: the parser (``reader``) and the writer (``writer``), two plugins that share only the model."""
