"""Markdown: articlekit's own (``md``, the ``writer`` and the lossless ``reader``) and any other
(``foreign``, the ``markdown`` parser)."""
