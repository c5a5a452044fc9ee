"""Helpers that several plugins share, none of them a plugin: dates, names, bylines, datelines
and agencies (``bylines``), XML and HTML (``xmlsafe``, ``htmlbody``), the helpers of the
industry parsers (``industry``) and the writers' block renderer (``rendering``).

Not a public API for plugin authors: only the paths the documentation names are kept stable.
"""
