"""The ``html`` parser: the plugin (``parser``), the page's metadata (``meta``) and the web body
extraction (``body``, with its block classifier's weights in ``webbody_model.json``)."""
