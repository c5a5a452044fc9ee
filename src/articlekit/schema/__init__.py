"""articlekit's own schemas, shipped as package data: the JSON Schema of ``json`` output
(``json_schema()``) and the XSD of ``xml`` output (``articlekit-1.xsd``, loaded by
``articlekit.formats.articlekit_xml.xml_schema()``)."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

__all__ = ["JSON_SCHEMA_FILE", "json_schema"]

JSON_SCHEMA_FILE = "articlekit-1.schema.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every ``json`` output validates against."""
    data: dict[str, Any] = json.loads(files(__name__).joinpath(JSON_SCHEMA_FILE).read_text("utf-8"))
    return data
