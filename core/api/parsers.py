"""A JSON parser with limits: a body too large or nested too deeply is a 400, never a 500.

Python's json module recurses once per nesting level, so a body nested a few thousand levels
deep raised RecursionError (a 500). The depth is counted first, without recursion.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

# A JSON string (with escapes); removed before counting brackets, which may appear inside one.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def max_bytes() -> int:
    return int(getattr(settings, "API_MAX_JSON_BYTES", 1024 * 1024))


def max_depth() -> int:
    return int(getattr(settings, "API_MAX_JSON_DEPTH", 32))


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in ``text`` (0 for a scalar)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub('""', text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing bodies over API_MAX_JSON_BYTES or API_MAX_JSON_DEPTH."""

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        del media_type  # always JSON here
        limit = max_bytes()
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise ParseError(
                _("The JSON body is too large: at most %(kb)d KB is accepted.")
                % {"kb": limit // 1024}
            )
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ParseError(_("The JSON body is not valid text.")) from exc
        if json_depth(text) > max_depth():
            raise ParseError(
                _("The JSON body is nested too deeply: at most %(depth)d levels are accepted.")
                % {"depth": max_depth()}
            )
        try:
            return json.loads(text, parse_constant=_refuse_constant)
        except ValueError as exc:
            raise ParseError(_("JSON parse error: %(error)s") % {"error": exc}) from exc


def _refuse_constant(name: str) -> None:
    """NaN and Infinity are not JSON."""
    raise ValueError(_("%(name)s is not a valid JSON value") % {"name": name})
