"""Data providers that other apps plug into the generated reports and data exports.

The reviews app builds its reports from what it owns (cycles, submissions, pledges, and the
reference framework: objectives, round tables, thematic areas). Plans, initiatives and any other
app add their own sections by registering a provider in their ``AppConfig.ready()``::

    from reviews.report_data import register_country_provider
    register_country_provider("plans", plans.selectors.country_plan_summary, order=10)

With no provider registered, every report is still produced: the sections simply hold the
reviews app's own data.

The contract
------------
``register_country_provider(key, fn, order=100)``
    ``fn(country) -> Section | None``; used by the country profile (PDF) and the draft
    voluntary GCM review (DOCX).
``register_region_provider(key, fn, order=100)``
    ``fn(review_region, cycle) -> Section | None``; used by the regional review synthesis.
``register_global_provider(key, fn, order=100)``
    ``fn(cycle) -> Section | None``; used by the IMRF global synthesis (``cycle`` is the IMRF
    edition).
``register_dataset(key, title, fn, order=100)``
    ``fn() -> (columns: list[str], rows: Iterable[Sequence])``; a dataset offered in the data
    exports (CSV and XLSX) and in the nightly public bulk downloads. Only public data belongs
    in a dataset: bulk downloads are open to everyone.

A **Section** is a plain dict; every key is optional except ``title``:

``title`` (str)
    the heading of the section.
``paragraphs`` (list[str])
    prose, one paragraph per item.
``facts`` (list[tuple[str, str | int | float]])
    key figures, shown as a label/value list (e.g. ``("Plan status", "Approved")``).
``table`` ({"columns": list[str], "rows": list[list[str | int | float]]})
    one table; keep it under a few hundred rows.
``objective_counts`` (dict[int, int])
    a count per objective number (1-23), e.g. measures per objective. They are added to the
    objective coverage chart and table, and to the round-table and thematic-area totals.
``objective_items`` (dict[int, list[str]])
    short lines per objective number, written under that objective in the draft review.
``good_practices`` (list[str]) and ``challenges`` (list[str])
    lines for the "Good practices and lessons learned" section of the syntheses.
``participants`` (list[str])
    names for the annex of participants of the syntheses.

Providers must read through their app's selectors, show only published/public data (reports
can be requested by any signed-in user), and run a fixed number of queries. A provider that
raises makes the report fail with its message: do not swallow errors there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Section = dict[str, Any]
CountryProvider = Callable[[Any], Section | None]
RegionProvider = Callable[[Any, Any], Section | None]
GlobalProvider = Callable[[Any], Section | None]
DatasetFn = Callable[[], tuple[list[str], Iterable[Sequence[Any]]]]


@dataclass(frozen=True)
class _Registered:
    key: str
    order: int
    fn: Callable[..., Any]
    title: Any = ""


_country: dict[str, _Registered] = {}
_region: dict[str, _Registered] = {}
_global: dict[str, _Registered] = {}
_datasets: dict[str, _Registered] = {}


def register_country_provider(key: str, fn: CountryProvider, *, order: int = 100) -> None:
    """Add (or replace) a section of the country profile and the draft review."""
    _country[key] = _Registered(key, order, fn)


def register_region_provider(key: str, fn: RegionProvider, *, order: int = 100) -> None:
    """Add (or replace) a section of the regional review synthesis."""
    _region[key] = _Registered(key, order, fn)


def register_global_provider(key: str, fn: GlobalProvider, *, order: int = 100) -> None:
    """Add (or replace) a section of the IMRF global synthesis."""
    _global[key] = _Registered(key, order, fn)


def register_dataset(key: str, title: Any, fn: DatasetFn, *, order: int = 100) -> None:
    """Offer a dataset in the data exports and the public bulk downloads."""
    _datasets[key] = _Registered(key, order, fn, title)


def unregister(key: str) -> None:
    """Remove a provider or dataset registered under ``key`` (tests use it)."""
    for registry in (_country, _region, _global, _datasets):
        registry.pop(key, None)


def _sorted(registry: dict[str, _Registered]) -> list[_Registered]:
    return sorted(registry.values(), key=lambda r: (r.order, r.key))


def normalise(section: Section) -> Section:
    """Fill the optional keys so templates and writers need no checks."""
    table = section.get("table") or None
    return {
        "title": str(section.get("title", "")),
        "paragraphs": [str(p) for p in section.get("paragraphs", [])],
        "facts": [(str(label), value) for label, value in section.get("facts", [])],
        "table": (
            {"columns": [str(c) for c in table["columns"]], "rows": list(table["rows"])}
            if table
            else None
        ),
        "objective_counts": {
            int(k): int(v) for k, v in (section.get("objective_counts") or {}).items()
        },
        "objective_items": {
            int(k): [str(x) for x in v] for k, v in (section.get("objective_items") or {}).items()
        },
        "good_practices": [str(x) for x in section.get("good_practices", [])],
        "challenges": [str(x) for x in section.get("challenges", [])],
        "participants": [str(x) for x in section.get("participants", [])],
    }


def _collect(registry: dict[str, _Registered], *args: Any) -> list[Section]:
    out = []
    for registered in _sorted(registry):
        section = registered.fn(*args)
        if section:
            out.append(normalise(section))
    return out


def country_sections(country: Any) -> list[Section]:
    return _collect(_country, country)


def region_sections(region: Any, cycle: Any) -> list[Section]:
    return _collect(_region, region, cycle)


def global_sections(cycle: Any) -> list[Section]:
    return _collect(_global, cycle)


def datasets() -> list[tuple[str, Any]]:
    """The (key, title) of every registered dataset, in order."""
    return [(r.key, r.title) for r in _sorted(_datasets)]


def dataset_rows(key: str) -> tuple[list[str], Iterable[Sequence[Any]]]:
    registered = _datasets.get(key)
    if registered is None:
        raise KeyError(key)
    columns, rows = registered.fn()
    return [str(c) for c in columns], rows
