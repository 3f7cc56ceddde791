"""World maps drawn for the PDF reports."""

from __future__ import annotations

import base64
from itertools import pairwise

from matplotlib import colormaps
from matplotlib.colors import to_hex

from reports.maps import choropleth, country_shapes


def test_country_shapes_are_keyed_by_iso_numeric_code():
    shapes = country_shapes()
    for code in ("620", "404", "643", "156", "032"):  # Portugal, Kenya, Russia, China, Argentina
        assert shapes[code]
    # Russia crosses the antimeridian: its rings are made continuous, not streaked across.
    for ring in shapes["643"]:
        assert all(abs(a[0] - b[0]) < 180 for a, b in pairwise(ring))


def test_choropleth_shades_the_country_with_the_highest_count_darkest():
    uri = choropleth({"620": 4, "724": 1}, title="Test map", highlight={"620"})
    assert uri.startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(uri.split(",", 1)[1]).decode()
    assert to_hex(colormaps["Blues"](1.0)) in svg
