"""The data behind each report: the reviews app's own records plus registered providers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from countries.models import Country, ReviewRegion
from objectives.models import Objective, ReviewGrouping, ThematicArea

from .. import report_data
from ..models import Pledge, ReviewCycle, Submission
from ..selectors import filter_pledges_by_region, pledge_list

DEFAULT_GROUPING = "IMRF 2022"


def _objective_counter(items: Iterable[Any]) -> Counter[int]:
    counter: Counter[int] = Counter()
    for item in items:
        for objective in item.objectives.all():
            counter[objective.number] += 1
    return counter


def _provider_counts(sections: list[dict[str, Any]]) -> Counter[int]:
    counter: Counter[int] = Counter()
    for section in sections:
        counter.update(section["objective_counts"])
    return counter


def coverage_rows(
    objectives: list[Objective],
    pledges: Counter[int],
    submissions: Counter[int],
    other: Counter[int],
) -> list[dict[str, Any]]:
    """One row per objective: counts from pledges, submissions and the providers."""
    return [
        {
            "number": o.number,
            "label": o.short_label,
            "title": o.title,
            "pledges": pledges.get(o.number, 0),
            "submissions": submissions.get(o.number, 0),
            "other": other.get(o.number, 0),
            "total": pledges.get(o.number, 0)
            + submissions.get(o.number, 0)
            + other.get(o.number, 0),
        }
        for o in objectives
    ]


def _group_rows(groups: Iterable[Any], coverage: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_number = {row["number"]: row for row in coverage}
    rows = []
    for group in groups:
        numbers = sorted(o.number for o in group.objectives.all())
        members = [by_number[n] for n in numbers if n in by_number]
        rows.append(
            {
                "code": group.code,
                "name": group.name,
                "objectives": numbers,
                "pledges": sum(r["pledges"] for r in members),
                "submissions": sum(r["submissions"] for r in members),
                "other": sum(r["other"] for r in members),
                "total": sum(r["total"] for r in members),
            }
        )
    return rows


def _submissions(qs: Any) -> list[Submission]:
    return list(
        qs.filter(status=Submission.Status.SUBMITTED)
        .select_related("cycle", "country", "organisation")
        .prefetch_related("objectives")
        .order_by("kind", "country__name", "organisation__name", "title")
    )


def _lines(submissions: list[Submission], field: str) -> list[str]:
    out = []
    for s in submissions:
        text = getattr(s, field).strip()
        if text:
            out.append(f"{s.author}: {text}")
    return out


def country_profile(country: Country) -> dict[str, Any]:
    """A country's pledges, submitted reviews, objective coverage and provider sections."""
    objectives = list(Objective.objects.order_by("number"))
    pledges = list(pledge_list().filter(country=country).order_by("deadline", "id"))
    submissions = _submissions(Submission.objects.filter(country=country))
    sections = report_data.country_sections(country)
    coverage = coverage_rows(
        objectives,
        _objective_counter(pledges),
        _objective_counter(submissions),
        _provider_counts(sections),
    )
    return {
        "country": country,
        "review_regions": list(country.review_regions.prefetch_related("countries")),
        "objectives": objectives,
        "coverage": coverage,
        "covered": sum(1 for row in coverage if row["total"]),
        "pledges": pledges,
        "submissions": submissions,
        "sections": sections,
        "generated_at": timezone.now(),
    }


def regional_synthesis(region: ReviewRegion, cycle: ReviewCycle) -> dict[str, Any]:
    """The six sections of a regional review report, from the cycle's submissions and pledges."""
    objectives = list(Objective.objects.order_by("number"))
    countries = list(region.countries.order_by("name"))
    submissions = _submissions(cycle.submissions.all())
    reviews = [s for s in submissions if s.kind == Submission.Kind.VOLUNTARY_REVIEW]
    inputs = [s for s in submissions if s.kind == Submission.Kind.STAKEHOLDER_INPUT]
    pledges = list(filter_pledges_by_region(pledge_list(), region).order_by("country__name", "id"))
    sections = report_data.region_sections(region, cycle)
    coverage = coverage_rows(
        objectives,
        _objective_counter(pledges),
        _objective_counter(submissions),
        _provider_counts(sections),
    )
    areas = _group_rows(ThematicArea.objects.prefetch_related("objectives"), coverage)
    ranked = sorted((r for r in coverage if r["total"]), key=lambda r: (-r["total"], r["number"]))
    least = [r for r in coverage if not r["total"]]
    participants = sorted(
        {str(s.author) for s in submissions}
        | {str(p.entity) for p in pledges}
        | {name for section in sections for name in section["participants"]}
    )
    return {
        "region": region,
        "cycle": cycle,
        "countries": countries,
        "submissions": submissions,
        "reviews": reviews,
        "inputs": inputs,
        "pledges": pledges,
        "coverage": coverage,
        "thematic_areas": areas,
        "most_covered": ranked[:5],
        "not_covered": least,
        "sections": sections,
        "good_practices": _lines(submissions, "good_practices")
        + [line for s in sections for line in s["good_practices"]],
        "challenges": _lines(submissions, "challenges")
        + [line for s in sections for line in s["challenges"]],
        "recommendations": _lines(submissions, "recommendations"),
        "participants": participants,
        "reviewing_countries": sorted({s.country.name for s in reviews if s.country}),
        "generated_at": timezone.now(),
        "section_titles": SYNTHESIS_SECTIONS,
    }


# The six sections of the regional review report (extract-003 §4, Step 6).
SYNTHESIS_SECTIONS = [
    ("introduction", "Introduction"),
    ("executive_summary", "Executive Summary"),
    ("key_findings", "Key Findings"),
    ("good_practices", "Good Practices and Lessons Learned"),
    ("conclusions", "Conclusions and Recommendations"),
    ("annex", "Annex: Organization of Work and List of Participants"),
]


def preceding_regional_cycles(imrf: ReviewCycle) -> list[ReviewCycle]:
    """The regional round that fed this IMRF edition (the round of the previous two years)."""
    return list(
        ReviewCycle.objects.regional()
        .filter(year_start__gte=imrf.year_start - 3, year_end__lte=imrf.year_start)
        .select_related("review_region")
    )


def imrf_synthesis(cycle: ReviewCycle) -> dict[str, Any]:
    """Global figures by round table and thematic area for an IMRF edition."""
    objectives = list(Objective.objects.order_by("number"))
    regional = preceding_regional_cycles(cycle)
    cycle_ids = [cycle.pk, *(c.pk for c in regional)]
    submissions = _submissions(Submission.objects.filter(cycle_id__in=cycle_ids))
    pledges = list(pledge_list().filter(Q(cycle_id__in=cycle_ids)).order_by("id"))
    sections = report_data.global_sections(cycle)
    coverage = coverage_rows(
        objectives,
        _objective_counter(pledges),
        _objective_counter(submissions),
        _provider_counts(sections),
    )
    grouping = cycle.grouping_cycle or DEFAULT_GROUPING
    groups = list(
        ReviewGrouping.objects.filter(cycle=grouping).prefetch_related("objectives")
    ) or list(ReviewGrouping.objects.filter(cycle=DEFAULT_GROUPING).prefetch_related("objectives"))
    round_tables = _group_rows(groups, coverage)
    for table, group in zip(round_tables, groups, strict=True):
        numbers = set(table["objectives"])
        table["good_practices"] = [
            f"{s.author}: {s.good_practices.strip()}"
            for s in submissions
            if s.good_practices.strip() and numbers & {o.number for o in s.objectives.all()}
        ]
        table["group"] = group
    areas = _group_rows(ThematicArea.objects.prefetch_related("objectives"), coverage)
    regions = []
    for region in ReviewRegion.objects.order_by("code"):
        regions.append(
            {
                "code": region.code,
                "name": region.name,
                "submissions": sum(1 for s in submissions if s.cycle.review_region_id == region.pk),
            }
        )
    by_type = Counter(p.pledge_type for p in pledges)
    return {
        "cycle": cycle,
        "regional_cycles": regional,
        "submissions": submissions,
        "pledges": pledges,
        "pledges_by_type": [(label, by_type.get(code, 0)) for code, label in Pledge.Type.choices],
        "coverage": coverage,
        "round_tables": round_tables,
        "grouping": grouping,
        "thematic_areas": areas,
        "regions": regions,
        "sections": sections,
        "generated_at": timezone.now(),
    }


# --- datasets the reviews app owns ---------------------------------------------------------------


def pledges_dataset() -> tuple[list[str], Iterable[list[Any]]]:
    columns = [
        _("id"),
        _("title"),
        _("type"),
        _("form"),
        _("matches pledge"),
        _("pledging country (ISO3)"),
        _("pledging organisation"),
        _("objectives"),
        _("principles"),
        _("target"),
        _("deadline"),
        _("amount"),
        _("currency"),
        _("status"),
        _("announced at"),
        _("demo data"),
    ]

    def rows() -> Iterable[list[Any]]:
        for p in pledge_list().order_by("id"):
            yield [
                p.pk,
                p.title,
                p.get_pledge_type_display(),
                p.get_form_display(),
                p.matches_id or "",
                p.country.alpha3 if p.country else "",
                p.organisation.name if p.organisation else "",
                ";".join(str(o.number) for o in p.objectives.all()),
                ";".join(pr.letter for pr in p.principles.all()),
                p.target,
                p.deadline.isoformat(),
                p.amount if p.amount is not None else "",
                p.currency,
                p.get_status_display(),
                p.cycle.code if p.cycle else "",
                _("yes") if p.is_demo else "",
            ]

    return [str(c) for c in columns], rows()


def submissions_dataset() -> tuple[list[str], Iterable[list[Any]]]:
    columns = [
        _("id"),
        _("cycle"),
        _("kind"),
        _("country (ISO3)"),
        _("organisation"),
        _("title"),
        _("objectives"),
        _("submitted at"),
        _("demo data"),
    ]

    def rows() -> Iterable[list[Any]]:
        for s in _submissions(Submission.objects.all()):
            yield [
                s.pk,
                s.cycle.code,
                s.get_kind_display(),
                s.country.alpha3 if s.country else "",
                s.organisation.name if s.organisation else "",
                s.title,
                ";".join(str(o.number) for o in s.objectives.all()),
                s.submitted_at.isoformat() if s.submitted_at else "",
                _("yes") if s.is_demo else "",
            ]

    return [str(c) for c in columns], rows()


def cycles_dataset() -> tuple[list[str], Iterable[list[Any]]]:
    columns = [
        _("code"),
        _("kind"),
        _("review region"),
        _("title"),
        _("years"),
        _("starts"),
        _("ends"),
        _("venue"),
        _("outcome"),
        _("source"),
    ]

    def rows() -> Iterable[list[Any]]:
        for c in ReviewCycle.objects.select_related("review_region"):
            yield [
                c.code,
                c.get_kind_display(),
                c.review_region.code if c.review_region else "",
                c.title,
                c.years_label,
                c.starts_on.isoformat() if c.starts_on else "",
                c.ends_on.isoformat() if c.ends_on else "",
                c.venue,
                c.outcome_reference,
                c.source,
            ]

    return [str(c) for c in columns], rows()


def register_own_datasets() -> None:
    report_data.register_dataset("pledges", gettext_lazy("Pledges"), pledges_dataset, order=10)
    report_data.register_dataset(
        "review_submissions", gettext_lazy("Review submissions"), submissions_dataset, order=20
    )
    report_data.register_dataset(
        "review_cycles", gettext_lazy("Review cycles"), cycles_dataset, order=30
    )
