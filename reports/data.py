"""The data behind each report: reviews' records plus the plans and initiatives sections."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from countries.models import Country, ReviewRegion
from objectives.models import Objective, ReviewGrouping, ThematicArea
from reviews import selectors as review_selectors
from reviews.models import Pledge, ReviewCycle, Submission

from . import sections as report_sections

DEFAULT_GROUPING = "IMRF 2022"


def _objective_counter(items: Iterable[Any]) -> Counter[int]:
    counter: Counter[int] = Counter()
    for item in items:
        for objective in item.objectives.all():
            counter[objective.number] += 1
    return counter


def _section_counts(sections: list[dict[str, Any]]) -> Counter[int]:
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
    """One row per objective: counts from pledges, submissions and the sections."""
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


def _submissions(**filters: Any) -> list[Submission]:
    return list(review_selectors.submitted_submissions().filter(**filters))


def _lines(submissions: list[Submission], field: str) -> list[str]:
    out = []
    for s in submissions:
        text = getattr(s, field).strip()
        if text:
            out.append(f"{s.author}: {text}")
    return out


def country_profile(country: Country) -> dict[str, Any]:
    """A country's pledges, submitted reviews, objective coverage and the other sections."""
    objectives = list(Objective.objects.order_by("number"))
    pledges = list(
        review_selectors.pledge_list().filter(country=country).order_by("deadline", "id")
    )
    submissions = _submissions(country=country)
    sections = report_sections.country_sections(country)
    coverage = coverage_rows(
        objectives,
        _objective_counter(pledges),
        _objective_counter(submissions),
        _section_counts(sections),
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
    submissions = _submissions(cycle=cycle)
    reviews = [s for s in submissions if s.kind == Submission.Kind.VOLUNTARY_REVIEW]
    inputs = [s for s in submissions if s.kind == Submission.Kind.STAKEHOLDER_INPUT]
    pledges = list(
        review_selectors.filter_pledges_by_region(review_selectors.pledge_list(), region).order_by(
            "country__name", "id"
        )
    )
    sections = report_sections.region_sections(region, cycle)
    coverage = coverage_rows(
        objectives,
        _objective_counter(pledges),
        _objective_counter(submissions),
        _section_counts(sections),
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
        review_selectors.regional_cycles().filter(
            year_start__gte=imrf.year_start - 3, year_end__lte=imrf.year_start
        )
    )


def imrf_synthesis(cycle: ReviewCycle) -> dict[str, Any]:
    """Global figures by round table and thematic area for an IMRF edition."""
    objectives = list(Objective.objects.order_by("number"))
    regional = preceding_regional_cycles(cycle)
    cycle_ids = [cycle.pk, *(c.pk for c in regional)]
    submissions = _submissions(cycle_id__in=cycle_ids)
    pledges = list(review_selectors.pledge_list().filter(cycle_id__in=cycle_ids).order_by("id"))
    sections = report_sections.global_sections(cycle)
    coverage = coverage_rows(
        objectives,
        _objective_counter(pledges),
        _objective_counter(submissions),
        _section_counts(sections),
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
