"""Charts for the PDF reports, drawn with matplotlib and embedded as SVG data URIs."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

plt.rcParams.update(
    {
        "font.family": ["Noto Sans", "DejaVu Sans", "sans-serif"],
        "font.size": 8,
        "svg.fonttype": "path",
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)

PALETTE = ["#1f5f8b", "#e07b39", "#4b9a5d", "#8e6bb8"]


def _svg_uri(fig: object) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")  # type: ignore[attr-defined]
    plt.close(fig)  # type: ignore[arg-type]
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def stacked_bars(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    title: str,
    width: float = 7.0,
    height: float = 2.8,
) -> str:
    """A stacked bar chart (one bar per label); returns an SVG data URI."""
    fig, ax = plt.subplots(figsize=(width, height))
    bottom = [0] * len(labels)
    for index, (name, values) in enumerate(series):
        ax.bar(labels, values, bottom=bottom, label=name, color=PALETTE[index % len(PALETTE)])
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_title(title)
    ax.yaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    if len(series) > 1:
        ax.legend(frameon=False, ncols=len(series), loc="upper right")
    return _svg_uri(fig)


def horizontal_bars(labels: Sequence[str], values: Sequence[int], *, title: str) -> str:
    """A horizontal bar chart; returns an SVG data URI."""
    fig, ax = plt.subplots(figsize=(7.0, 0.35 * max(len(labels), 3) + 0.6))
    ax.barh(list(reversed(labels)), list(reversed(values)), color=PALETTE[0])
    ax.set_title(title)
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    return _svg_uri(fig)
