"""Sections of the country profile page, contributed by the apps that own the data.

An app registers a section in its ``AppConfig.ready()``; the profile view renders every
section in order. Each section's context function reads through its app's selectors and must
run a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ContextFn = Callable[[Any, Any], dict[str, Any]]


@dataclass(frozen=True)
class ProfileSection:
    key: str
    order: int
    template: str
    context: ContextFn


_sections: dict[str, ProfileSection] = {}


def register_section(*, key: str, order: int, template: str, context: ContextFn) -> None:
    """Register (or replace) a country profile section."""
    _sections[key] = ProfileSection(key=key, order=order, template=template, context=context)


def sections() -> list[ProfileSection]:
    return sorted(_sections.values(), key=lambda s: s.order)


def render_sections(country: Any, user: Any) -> list[dict[str, Any]]:
    """The template name and context of each section, for ``{% include %}``."""
    return [
        {"key": s.key, "template": s.template, "context": s.context(country, user)}
        for s in sections()
    ]
