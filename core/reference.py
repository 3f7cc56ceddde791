"""Reference-data loaders contributed by apps above ``objectives``, run by load_reference_data.

``objectives.reference.load_reference_data`` loads the GCM framework and the countries; an app
whose reference data builds on those (e.g. activities from the seeds) registers a loader here
in its ``AppConfig.ready()``. Each loader is idempotent and returns per-model counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Counts = dict[str, int]
Loader = Callable[[], dict[str, Counts]]


@dataclass(frozen=True)
class ReferenceLoader:
    key: str
    order: int
    loader: Loader


_loaders: dict[str, ReferenceLoader] = {}


def register_reference_loader(*, key: str, order: int, loader: Loader) -> None:
    _loaders[key] = ReferenceLoader(key=key, order=order, loader=loader)


def loaders() -> list[ReferenceLoader]:
    return sorted(_loaders.values(), key=lambda r: r.order)
