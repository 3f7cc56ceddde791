"""Demo data loaders contributed by each app, run in order by ``load_demo_data``.

An app registers ``register_demo_loader(order=..., loader=fn)`` in its ``AppConfig.ready()``.
Each loader must be idempotent (match on natural keys) and hold no personal contact data.
Loaders return lines to print (e.g. the demo logins they created).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Loader = Callable[[], list[str]]


@dataclass(frozen=True)
class DemoLoader:
    key: str
    order: int
    loader: Loader


_loaders: dict[str, DemoLoader] = {}


def register_demo_loader(*, key: str, order: int, loader: Loader) -> None:
    _loaders[key] = DemoLoader(key=key, order=order, loader=loader)


def loaders() -> list[DemoLoader]:
    return sorted(_loaders.values(), key=lambda d: d.order)
