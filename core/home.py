"""The figures on the home page, contributed by the apps that own them.

``core`` is the bottom layer and imports no domain app, so an app that has a figure for the
home page registers it in its ``AppConfig.ready()``::

    register_home_figure("objective_count", lambda: Objective.objects.count())

The home page template receives every registered figure under its name.
"""

from __future__ import annotations

from collections.abc import Callable

Figure = Callable[[], int]

_figures: dict[str, Figure] = {}


def register_home_figure(name: str, figure: Figure) -> None:
    """Add (or replace) the figure ``name`` of the home page."""
    _figures[name] = figure


def home_figures() -> dict[str, int]:
    """Every registered figure, computed now: one query each."""
    return {name: figure() for name, figure in _figures.items()}
