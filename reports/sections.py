"""The sections that plans and initiatives add to the reports, read through their selectors.

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

Sections show published data only (any signed-in user may request a report) and run a fixed
number of queries. A section that raises makes the report fail with its message. The reports
app sits above plans, initiatives and reviews, so it calls their selectors directly: the
section lists below are the whole of it, no registry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from countries.models import Country
from initiatives import selectors as initiative_selectors
from plans import selectors as plan_selectors

Section = dict[str, Any]

MAX_TABLE_ROWS = 200
_SUMMARY_ATTR = "_gcm_plan_summary"


def _plan_summary(country: Any) -> dict[str, Any] | None:
    """The country's published plan summary, computed once per country object.

    The plan, indicator and budget sections of one report share it, so a report runs the
    summary's queries once rather than once per section.
    """
    if not hasattr(country, _SUMMARY_ATTR):
        setattr(country, _SUMMARY_ATTR, plan_selectors.country_plan_summary(country))
    return getattr(country, _SUMMARY_ATTR)


# --- country: the profile PDF and the draft voluntary GCM review -------------------------


def plan_country_section(country: Any) -> Section:
    """The country's published implementation plan: state, steps, coverage, budget."""
    summary = _plan_summary(country)
    title = _("National implementation plan")
    if summary is None:
        return {"title": title, "paragraphs": [_("No implementation plan has been published.")]}
    facts: list[tuple[str, Any]] = [
        (_("Plan"), summary["title"]),
        (_("Status"), summary["status"]),
        (_("Overall progress of the checklists"), f"{summary['overall_percent']} %"),
    ]
    if summary["approval_instrument"]:
        facts.append(
            (
                _("Adopted by"),
                f"{summary['approving_body']}, {summary['approval_instrument']}"
                + (f" ({summary['approval_date']})" if summary["approval_date"] else ""),
            )
        )
    if summary["measures_by_status"] is not None:
        facts.append((_("Measures"), sum(summary["measures_by_status"].values())))
    coverage = summary["coverage"]
    items: dict[int, list[str]] = {}
    for row in coverage:
        lines = []
        if row["selected"]:
            lines.append(_("Selected for immediate action in the national plan."))
        if summary["measures_by_status"] is not None and row["measures"]:
            lines.append(_("%(n)d measure(s) in the national plan.") % {"n": row["measures"]})
        if summary["indicators"] is not None and row["indicators"]:
            lines.append(_("%(n)d indicator(s).") % {"n": row["indicators"]})
        if lines:
            items[row["number"]] = lines
    section: Section = {
        "title": title,
        "facts": facts,
        "table": {
            "columns": [_("Step"), _("Status"), _("Checklist items achieved"), _("Progress")],
            "rows": [
                [
                    f"{s['number']}. {s['name']}",
                    s["status_label"],
                    f"{s['achieved']} / {s['total'] - s['not_applicable']}",
                    f"{s['percent']} %",
                ]
                for s in summary["steps"]
            ],
        },
        "objective_items": items,
    }
    if summary["measures_by_status"] is not None:
        section["objective_counts"] = {row["number"]: row["measures"] for row in coverage}
    return section


def plan_indicators_section(country: Any) -> Section | None:
    summary = _plan_summary(country)
    if summary is None or not summary["indicators"]:
        return None
    return {
        "title": _("Indicators of the national plan"),
        "table": {
            "columns": [
                _("Code"),
                _("Indicator"),
                _("Unit"),
                _("Baseline"),
                _("Target"),
                _("Latest period"),
                _("Latest value"),
            ],
            "rows": [
                [
                    i["code"],
                    i["name"],
                    i["unit"],
                    i["baseline"] or "",
                    i["target"] or "",
                    i["latest_period"] or "",
                    i["latest_value"] or "",
                ]
                for i in summary["indicators"][:MAX_TABLE_ROWS]
            ],
        },
    }


def plan_budget_section(country: Any) -> Section | None:
    summary = _plan_summary(country)
    if summary is None or not summary["budget_by_objective"]:
        return None
    return {
        "title": _("Budget of the national plan, by objective"),
        "table": {
            "columns": [
                _("Objective"),
                _("Currency"),
                _("Total"),
                _("Funded"),
                _("Funding gap"),
            ],
            "rows": [
                [b["objective"], b["currency"], b["total"], b["funded"], b["gap"]]
                for b in summary["budget_by_objective"]
            ],
        },
    }


def initiatives_country_section(country: Any) -> Section:
    """Published initiatives covering or hosted in the country, by objective."""
    grouped = initiative_selectors.country_profile_initiatives(country)
    initiatives = {i.pk for items in grouped.values() for i in items}
    title = _("Initiatives of civil society and other stakeholders")
    if not initiatives:
        return {"title": title, "paragraphs": [_("No published initiative covers this country.")]}
    rows = [
        [f"{objective.number}. {objective.short_label}", i.title, str(i.organisation)]
        for objective, items in grouped.items()
        for i in items
    ]
    return {
        "title": title,
        "facts": [(_("Published initiatives"), len(initiatives))],
        "table": {
            "columns": [_("Objective"), _("Initiative"), _("Organisation")],
            "rows": rows[:MAX_TABLE_ROWS],
        },
        "objective_counts": {o.number: len(items) for o, items in grouped.items()},
        "objective_items": {
            o.number: [f"{i.title} ({i.organisation})" for i in items]
            for o, items in grouped.items()
        },
    }


# --- region: the regional review synthesis ----------------------------------------------------


def initiatives_region_section(region: Any, cycle: Any) -> Section:
    initiatives = initiative_selectors.published_in_review_region(region)
    practices = initiative_selectors.completed_among(initiatives, limit=20)
    total = initiative_selectors.count_among(initiatives)
    return {
        "title": _("Initiatives in the region"),
        "facts": [(_("Published initiatives"), total)],
        "paragraphs": (
            [] if total else [_("No published initiative covers a country of this region yet.")]
        ),
        "objective_counts": initiative_selectors.objective_counts(initiatives),
        "good_practices": [f"{p.title} ({p.organisation}): {p.summary}".strip() for p in practices],
    }


def plans_region_section(region: Any, cycle: Any) -> Section:
    plans = list(plan_selectors.published_plans_in(region.countries.values("pk")))
    counts = plan_selectors.published_measure_objective_counts(region.countries.values("pk"))
    return {
        "title": _("National implementation plans in the region"),
        "facts": [(_("Published plans"), len(plans))],
        "table": {
            "columns": [_("Country"), _("Plan"), _("Status"), _("Published measures")],
            "rows": [
                [
                    p.country.name,
                    p.title,
                    p.get_status_display(),
                    p.published_measures,  # type: ignore[attr-defined]  # annotated by the selector
                ]
                for p in plans
            ],
        }
        if plans
        else None,
        "objective_counts": counts,
    }


# --- global: the IMRF synthesis ---------------------------------------------------------------


def global_section(cycle: Any) -> Section:
    initiatives = initiative_selectors.published_initiatives()
    initiative_counts = initiative_selectors.objective_counts(initiatives)
    measure_counts = plan_selectors.published_measure_objective_counts()
    counts = {
        n: initiative_counts.get(n, 0) + measure_counts.get(n, 0)
        for n in set(initiative_counts) | set(measure_counts)
    }
    plans = plan_selectors.published_plans_in(Country.objects.values("pk")).count()
    return {
        "title": _("Plans and initiatives worldwide"),
        "facts": [
            (_("Published national implementation plans"), plans),
            (_("Published initiatives"), initiatives.count()),
            (_("Published plan measures"), sum(measure_counts.values())),
        ],
        "objective_counts": counts,
    }


# --- the sections of each report, in order ------------------------------------------------------

CountrySection = Callable[[Any], Section | None]
RegionSection = Callable[[Any, Any], Section | None]
GlobalSection = Callable[[Any], Section | None]

# The country profile (PDF) and the draft voluntary GCM review (DOCX).
COUNTRY_SECTIONS: tuple[CountrySection, ...] = (
    plan_country_section,
    plan_indicators_section,
    plan_budget_section,
    initiatives_country_section,
)
# The regional review synthesis.
REGION_SECTIONS: tuple[RegionSection, ...] = (plans_region_section, initiatives_region_section)
# The IMRF global synthesis (``cycle`` is the IMRF edition).
GLOBAL_SECTIONS: tuple[GlobalSection, ...] = (global_section,)


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


def _collect(functions: tuple[Callable[..., Section | None], ...], *args: Any) -> list[Section]:
    return [normalise(section) for fn in functions if (section := fn(*args))]


def country_sections(country: Any) -> list[Section]:
    return _collect(COUNTRY_SECTIONS, country)


def region_sections(region: Any, cycle: Any) -> list[Section]:
    return _collect(REGION_SECTIONS, region, cycle)


def global_sections(cycle: Any) -> list[Section]:
    return _collect(GLOBAL_SECTIONS, cycle)
