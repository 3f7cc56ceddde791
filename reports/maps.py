"""World maps for the PDF reports: countries shaded by a count, drawn with matplotlib.

Country shapes come from fixtures/reports/world-atlas/countries-110m.json (Natural Earth via
world-atlas, TopoJSON keyed by ISO numeric code). Boundaries are illustrative only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from matplotlib.collections import PolyCollection
from matplotlib.colors import Normalize

from .charts import _svg_uri, plt

ATLAS = Path(settings.BASE_DIR) / "fixtures" / "reports" / "world-atlas" / "countries-110m.json"

Ring = list[tuple[float, float]]


@lru_cache(maxsize=1)
def country_shapes() -> dict[str, list[Ring]]:
    """ISO numeric code -> the rings (outer and holes) of its polygons, in degrees."""
    topo = json.loads(ATLAS.read_text(encoding="utf-8"))
    scale_x, scale_y = topo["transform"]["scale"]
    move_x, move_y = topo["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantized positions
            x += dx
            y += dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)

    def ring(indices: list[int]) -> Ring:
        points: Ring = []
        for index in indices:
            arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
            points.extend(arc[1:] if points else arc)
        return points

    shapes: dict[str, list[Ring]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        code = str(geometry.get("id", "")).zfill(3)
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [ring(r) for polygon in polygons for r in polygon]
        shapes.setdefault(code, []).extend(_unwrap(r) for r in rings)
    return shapes


def _unwrap(ring: Ring) -> Ring:
    """Make a ring that crosses the antimeridian (Russia, Fiji) continuous, beyond +-180."""
    out: Ring = []
    offset = 0.0
    previous: float | None = None
    for x, y in ring:
        if previous is not None:
            if x - previous > 180:
                offset -= 360
            elif x - previous < -180:
                offset += 360
        previous = x
        out.append((x + offset, y))
    return out


def choropleth(
    values: Mapping[str, int],
    *,
    title: str,
    highlight: set[str] | None = None,
    focus: set[str] | None = None,
    extent: tuple[float, float, float, float] | None = None,
    legend: bool = True,
) -> str:
    """Shade countries (by ISO numeric code) by ``values``; outline ``highlight`` in black.

    Returns an SVG data URI. ``extent`` is (west, east, south, north) in degrees; by default
    the map zooms to the ``focus`` countries, else to those with a value or highlighted.
    """
    shapes = country_shapes()
    fig, ax = plt.subplots(figsize=(7.0, 3.6))
    top = max(values.values(), default=0) or 1
    norm = Normalize(vmin=0, vmax=top)
    cmap = plt.get_cmap("Blues")
    polygons, colours = [], []
    zoom_on = focus or set(values) | (highlight or set())
    focus_points: list[tuple[float, float]] = []
    for code, rings in shapes.items():
        value = values.get(code)
        colour = cmap(0.15 + 0.85 * norm(value)) if value else "#e6e6e6"
        for r in rings:
            polygons.append(r)
            colours.append(colour)
            if code in zoom_on:
                focus_points.extend(r)
    ax.add_collection(
        PolyCollection(polygons, facecolors=colours, edgecolors="#ffffff", linewidths=0.2)
    )
    if highlight:
        outlined = [r for code in highlight for r in shapes.get(code, [])]
        ax.add_collection(
            PolyCollection(outlined, facecolors="none", edgecolors="#111111", linewidths=0.8)
        )
    if extent is None and focus_points:
        xs, ys = [p[0] for p in focus_points], [p[1] for p in focus_points]
        pad = 5
        extent = (
            max(min(xs) - pad, -180),
            min(max(xs) + pad, 180),
            max(min(ys) - pad, -60),
            min(max(ys) + pad, 85),
        )
    west, east, south, north = extent or (-180, 180, -60, 85)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title)
    if values and legend:
        mappable = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
        fig.colorbar(mappable, ax=ax, shrink=0.6, pad=0.01)
    return _svg_uri(fig)
