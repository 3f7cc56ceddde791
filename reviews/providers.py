"""Plans and initiatives data in the reports: adapters from those apps' selectors to sections.

The reviews app depends on plans and initiatives (its reports draw on them), never the
reverse; the adapters are registered in ``ReviewsConfig.ready()``. Each provider shows
published data only and runs a fixed number of queries. See ``report_data`` for the contract.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from initiatives import selectors as initiative_selectors
from initiatives.models import ActivityStatus, Initiative, InitiativeObjective
from plans import selectors as plan_selectors

from . import report_data
from .report_data import Section

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


def _published_in_region(region: Any) -> Any:
    return Initiative.objects.published().filter(
        Q(countries__review_regions=region) | Q(coverage_review_regions=region)
    )


def initiatives_region_section(region: Any, cycle: Any) -> Section:
    initiatives = _published_in_region(region)
    counts = dict(
        InitiativeObjective.objects.filter(initiative__in=initiatives.values("pk"))
        .values_list("objective__number")
        .annotate(n=Count("initiative", distinct=True))
        .order_by()
    )
    practices = list(
        Initiative.objects.filter(
            pk__in=initiatives.values("pk"), activity_status=ActivityStatus.COMPLETED
        )
        .select_related("organisation")
        .order_by("title")[:20]
    )
    total = Initiative.objects.filter(pk__in=initiatives.values("pk")).count()
    return {
        "title": _("Initiatives in the region"),
        "facts": [(_("Published initiatives"), total)],
        "paragraphs": (
            [] if total else [_("No published initiative covers a country of this region yet.")]
        ),
        "objective_counts": counts,
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
    initiatives = Initiative.objects.published()
    initiative_counts = dict(
        InitiativeObjective.objects.filter(initiative__in=initiatives.values("pk"))
        .values_list("objective__number")
        .annotate(n=Count("initiative", distinct=True))
        .order_by()
    )
    measure_counts = plan_selectors.published_measure_objective_counts()
    counts = {
        n: initiative_counts.get(n, 0) + measure_counts.get(n, 0)
        for n in set(initiative_counts) | set(measure_counts)
    }
    plans = plan_selectors.published_plans_in(
        plan_selectors.Plan.objects.values("country_id")
    ).count()
    return {
        "title": _("Plans and initiatives worldwide"),
        "facts": [
            (_("Published national implementation plans"), plans),
            (_("Published initiatives"), initiatives.count()),
            (_("Published plan measures"), sum(measure_counts.values())),
        ],
        "objective_counts": counts,
    }


# --- datasets: exports and nightly bulk downloads (streamed, constant memory) ------------------

_CHUNK = 2000


def initiatives_dataset() -> tuple[list[str], Iterable[list[Any]]]:
    columns = [
        _("id"),
        _("title"),
        _("organisation"),
        _("host country"),
        _("countries covered"),
        _("objectives"),
        _("primary objective"),
        _("status"),
        _("start"),
        _("end"),
        _("engages States"),
        _("names the GCM"),
        _("published at"),
    ]

    def rows() -> Iterable[list[Any]]:
        queryset = initiative_selectors.public_initiatives()
        for i in queryset.iterator(chunk_size=_CHUNK):
            links = list(i.links.all())
            yield [
                i.pk,
                i.title,
                str(i.organisation),
                i.host_country.alpha3 if i.host_country else "",
                ";".join(c.alpha3 for c in i.countries.all()),
                ";".join(str(link.objective.number) for link in links),
                next((str(link.objective.number) for link in links if link.is_primary), ""),
                i.get_activity_status_display(),
                i.start_date.isoformat() if i.start_date else "",
                i.end_date.isoformat() if i.end_date else "",
                i.engages_states,
                i.names_gcm,
                i.published_at.isoformat() if i.published_at else "",
            ]

    return [str(c) for c in columns], rows()


def measures_dataset() -> tuple[list[str], Iterable[list[Any]]]:
    columns = [
        _("country"),
        _("number"),
        _("axis"),
        _("title"),
        _("objectives"),
        _("primary objective"),
        _("responsible entity"),
        _("level"),
        _("status"),
        _("deadline"),
    ]

    def rows() -> Iterable[list[Any]]:
        for m in plan_selectors.published_measures_for_export().iterator(chunk_size=_CHUNK):
            links = list(m.objective_links.all())
            yield [
                m.plan.country.alpha3,
                m.number,
                m.axis.title if m.axis else "",
                m.title,
                ";".join(str(link.objective.number) for link in links),
                next((str(link.objective.number) for link in links if link.is_primary), ""),
                str(m.responsible_entity) if m.responsible_entity else "",
                m.get_level_display(),
                m.get_status_display(),
                m.deadline_label,
            ]

    return [str(c) for c in columns], rows()


def indicators_dataset() -> tuple[list[str], Iterable[list[Any]]]:
    columns = [
        _("country"),
        _("indicator code"),
        _("indicator"),
        _("unit"),
        _("period"),
        _("value"),
        _("disaggregation"),
    ]

    def rows() -> Iterable[list[Any]]:
        values = plan_selectors.published_indicator_values_for_export()
        for v in values.iterator(chunk_size=_CHUNK):
            yield [
                v.indicator.plan.country.alpha3,
                v.indicator.code,
                v.indicator.name,
                v.indicator.unit,
                v.period,
                str(v.value),
                v.disaggregation_key,
            ]

    return [str(c) for c in columns], rows()


def register() -> None:
    """Plug plans and initiatives into the reports and data exports."""
    report_data.register_country_provider("plans", plan_country_section, order=10)
    report_data.register_country_provider("plan-indicators", plan_indicators_section, order=11)
    report_data.register_country_provider("plan-budget", plan_budget_section, order=12)
    report_data.register_country_provider("initiatives", initiatives_country_section, order=20)
    report_data.register_region_provider("plans", plans_region_section, order=10)
    report_data.register_region_provider("initiatives", initiatives_region_section, order=20)
    report_data.register_global_provider("plans-initiatives", global_section, order=10)
    report_data.register_dataset(
        "initiatives", gettext_lazy("Initiatives"), initiatives_dataset, order=40
    )
    report_data.register_dataset(
        "measures", gettext_lazy("Measures of national plans"), measures_dataset, order=50
    )
    report_data.register_dataset(
        "indicators",
        gettext_lazy("Indicator values of national plans"),
        indicators_dataset,
        order=60,
    )
