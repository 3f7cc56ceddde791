"""One builder per report kind: check the parameters, gather the data, write the files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.permissions import can_edit_country
from core.errors import DomainError, ForbiddenError
from countries.models import Country, ReviewRegion
from reviews import selectors as review_selectors
from reviews.models import ReviewCycle

from . import charts, data, datasets, maps, writers
from .models import ReportJob

Progress = Callable[[int], None]
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Output:
    name: str
    format: str
    content: bytes


# --- parameters ---------------------------------------------------------------------------------


def _country(params: dict[str, Any]) -> Country:
    code = str(params.get("country") or "").strip().upper()
    if not code:
        raise DomainError(_("Choose a country."), field="country")
    country = Country.objects.filter(alpha3=code).first()
    if country is None:
        raise DomainError(
            _("There is no country with the code “%(code)s”.") % {"code": code}, field="country"
        )
    return country


def _region(params: dict[str, Any]) -> ReviewRegion:
    code = str(params.get("region") or "").strip().upper()
    if not code:
        raise DomainError(_("Choose a review region."), field="region")
    region = ReviewRegion.objects.filter(code=code).first()
    if region is None:
        raise DomainError(
            _("There is no review region “%(code)s”; choose one of %(codes)s.")
            % {
                "code": code,
                "codes": ", ".join(ReviewRegion.objects.values_list("code", flat=True)),
            },
            field="region",
        )
    return region


def _cycle(params: dict[str, Any], kind: str) -> ReviewCycle:
    code = str(params.get("cycle") or "").strip().lower()
    if not code:
        raise DomainError(_("Choose a review cycle."), field="cycle")
    cycle = review_selectors.cycle_by_code(code, kind)
    if cycle is None:
        raise DomainError(
            _("There is no %(kind)s cycle “%(code)s”.")
            % {"kind": ReviewCycle.Kind(kind).label, "code": code},
            field="cycle",
        )
    return cycle


def clean_parameters(kind: str, params: dict[str, Any], user: Any) -> dict[str, Any]:
    """Check a request's parameters; return them normalised (so equal requests compare equal)."""
    params = dict(params or {})
    if kind == ReportJob.Kind.COUNTRY_PROFILE:
        return {"country": _country(params).alpha3}
    if kind == ReportJob.Kind.DRAFT_REVIEW:
        country = _country(params)
        if not can_edit_country(user, country.pk):
            raise ForbiddenError(
                _("Only the government roles of %(c)s may compile its draft review.")
                % {"c": country.name},
                field="country",
            )
        return {"country": country.alpha3}
    if kind == ReportJob.Kind.REGIONAL_SYNTHESIS:
        region = _region(params)
        cycle = _cycle(params, ReviewCycle.Kind.REGIONAL)
        if cycle.review_region_id != region.pk:
            raise DomainError(
                _("The cycle “%(cycle)s” is not a review of the %(region)s region.")
                % {"cycle": cycle.title, "region": region.code},
                field="cycle",
            )
        return {"region": region.code, "cycle": cycle.code}
    if kind == ReportJob.Kind.IMRF_SYNTHESIS:
        return {"cycle": _cycle(params, ReviewCycle.Kind.IMRF).code}
    if kind == ReportJob.Kind.DATA_EXPORT:
        keys = [key for key, _title in datasets.datasets()]
        dataset = str(params.get("dataset") or "").strip()
        if dataset not in keys:
            raise DomainError(
                _("There is no dataset “%(d)s”; choose one of %(keys)s.")
                % {"d": dataset, "keys": ", ".join(keys)},
                field="dataset",
            )
        fmt = str(params.get("format") or "csv").strip().lower()
        if fmt not in FORMATS:
            raise DomainError(_("Choose CSV or XLSX."), field="format")
        return {"dataset": dataset, "format": fmt}
    if kind == ReportJob.Kind.BULK_EXPORT:
        raise DomainError(
            _("Public bulk downloads are regenerated every night; download them instead."),
            field="kind",
        )
    raise DomainError(_("Choose a kind of report from the list."), field="kind")


# --- builders -----------------------------------------------------------------------------------


def _stamp() -> str:
    return timezone.now().strftime("%Y%m%d")


def _coverage_chart(coverage: list[dict[str, Any]], title: str) -> str:
    labels = [str(r["number"]) for r in coverage]
    return charts.stacked_bars(
        labels,
        [
            (_("Pledges"), [r["pledges"] for r in coverage]),
            (_("Review submissions"), [r["submissions"] for r in coverage]),
            (_("Plan measures and initiatives"), [r["other"] for r in coverage]),
        ],
        title=title,
    )


def _activity_by_country(reviews: list[Any], pledges: list[Any]) -> dict[str, int]:
    """ISO numeric code -> voluntary reviews + pledges by that country's government."""
    counts: dict[str, int] = {}
    for item in [*reviews, *pledges]:
        if item.country is not None:
            counts[item.country.numeric] = counts.get(item.country.numeric, 0) + 1
    return counts


def build_country_profile(job: ReportJob, progress: Progress) -> list[Output]:
    country = Country.objects.get(alpha3=job.parameters["country"])
    context = data.country_profile(country)
    progress(40)
    context["coverage_chart"] = _coverage_chart(
        context["coverage"], _("Coverage of the 23 objectives")
    )
    neighbours = {c.numeric for r in context["review_regions"] for c in r.countries.all()}
    context["location_map"] = maps.choropleth(
        {country.numeric: 1},
        title=_("%(country)s in its review regions") % {"country": country.name},
        highlight={country.numeric},
        focus=neighbours or {country.numeric},
        legend=False,
    )
    progress(60)
    pdf = writers.pdf_from_template("reports/pdf/country_profile.html", context)
    return [Output(f"country-profile-{country.alpha3.lower()}-{_stamp()}.pdf", "pdf", pdf)]


def build_draft_review(job: ReportJob, progress: Progress) -> list[Output]:
    country = Country.objects.get(alpha3=job.parameters["country"])
    ctx = data.country_profile(country)
    progress(40)
    doc = writers.new_document(
        _("Voluntary GCM review of %(country)s") % {"country": country.name},
        _("Draft compiled from the tracker's live data on %(date)s. Edit freely.")
        % {"date": ctx["generated_at"].date().isoformat()},
    )
    doc.add_heading(_("1. Introduction"), level=1)
    doc.add_paragraph(
        _("[Describe the national context of migration and the purpose of this review.]")
    )
    doc.add_heading(_("2. Methodology and process of the review"), level=1)
    doc.add_paragraph(
        _(
            "[Describe how the review was prepared: the whole-of-government and whole-of-society "
            "consultations held, and the stakeholders, parliament and local authorities involved.]"
        )
    )
    doc.add_heading(_("3. Policy and enabling environment"), level=1)
    if ctx["sections"]:
        for section in ctx["sections"]:
            writers.add_section(doc, section)
    else:
        doc.add_paragraph(_("[No plan or initiative data is recorded in the tracker yet.]"))
    doc.add_heading(_("4. Progress on the GCM objectives"), level=1)
    pledges_by_objective: dict[int, list[str]] = {}
    for pledge in ctx["pledges"]:
        for objective in pledge.objectives.all():
            pledges_by_objective.setdefault(objective.number, []).append(
                _("Pledge: %(t)s (%(s)s)") % {"t": pledge.title, "s": pledge.get_status_display()}
            )
    for row, objective in zip(ctx["coverage"], ctx["objectives"], strict=True):
        doc.add_heading(f"{_('Objective')} {objective.number}: {objective.title}", level=2)
        items = pledges_by_objective.get(objective.number, []) + [
            line for s in ctx["sections"] for line in s["objective_items"].get(objective.number, [])
        ]
        for item in items:
            doc.add_paragraph(item, style="List Bullet")
        if not row["total"]:
            doc.add_paragraph(_("[No recorded activity yet for this objective.]"))
        doc.add_paragraph(_("[Describe progress, challenges and next steps.]"))
    progress(70)
    doc.add_heading(_("5. Pledges"), level=1)
    if ctx["pledges"]:
        writers.add_table(
            doc,
            [_("Pledge"), _("Type"), _("Target"), _("Deadline"), _("Status")],
            [
                [p.title, p.get_pledge_type_display(), p.target, p.deadline, p.get_status_display()]
                for p in ctx["pledges"]
            ],
        )
    else:
        doc.add_paragraph(_("[No pledges recorded.]"))
    doc.add_heading(_("6. Previous review submissions"), level=1)
    for submission in ctx["submissions"]:
        doc.add_paragraph(f"{submission.cycle.title}: {submission.title}", style="List Bullet")
    if not ctx["submissions"]:
        doc.add_paragraph(_("[None submitted.]"))
    doc.add_heading(_("7. Challenges, lessons learned and next steps"), level=1)
    doc.add_paragraph(_("[Summarise the challenges met and the priorities for the next period.]"))
    content = writers.docx_bytes(doc)
    return [
        Output(f"draft-voluntary-review-{country.alpha3.lower()}-{_stamp()}.docx", "docx", content)
    ]


def _synthesis_docx(ctx: dict[str, Any]) -> bytes:
    region, cycle = ctx["region"], ctx["cycle"]
    doc = writers.new_document(
        _("Regional review of the Global Compact for Migration: %(region)s")
        % {"region": region.name},
        cycle.title,
    )
    titles = dict(ctx["section_titles"])
    doc.add_heading(f"1. {titles['introduction']}", level=1)
    for paragraph in _introduction(ctx):
        doc.add_paragraph(paragraph)
    doc.add_heading(f"2. {titles['executive_summary']}", level=1)
    for paragraph in _summary(ctx):
        doc.add_paragraph(paragraph)
    doc.add_heading(f"3. {titles['key_findings']}", level=1)
    writers.add_table(
        doc,
        [
            _("Objective"),
            _("Pledges"),
            _("Submissions"),
            _("Plan measures and initiatives"),
            _("Total"),
        ],
        [
            [f"{r['number']}. {r['label']}", r["pledges"], r["submissions"], r["other"], r["total"]]
            for r in ctx["coverage"]
        ],
    )
    doc.add_heading(_("By thematic area"), level=2)
    writers.add_table(
        doc,
        [_("Thematic area"), _("Objectives"), _("Total")],
        [
            [a["name"], ", ".join(map(str, a["objectives"])), a["total"]]
            for a in ctx["thematic_areas"]
        ],
    )
    for section in ctx["sections"]:
        writers.add_section(doc, section)
    doc.add_heading(f"4. {titles['good_practices']}", level=1)
    for line in ctx["good_practices"] or [_("[None reported.]")]:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading(_("Lessons learned and challenges"), level=2)
    for line in ctx["challenges"] or [_("[None reported.]")]:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading(f"5. {titles['conclusions']}", level=1)
    for line in ctx["recommendations"] or [_("[None reported.]")]:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading(f"6. {titles['annex']}", level=1)
    for line in _organisation_of_work(cycle):
        doc.add_paragraph(line)
    for name in ctx["participants"] or [_("[No participants recorded.]")]:
        doc.add_paragraph(name, style="List Bullet")
    return writers.docx_bytes(doc)


def _introduction(ctx: dict[str, Any]) -> list[str]:
    cycle, region = ctx["cycle"], ctx["region"]
    return [
        _(
            "This report synthesises the %(cycle)s in the %(region)s review region, which "
            "covers %(n)d countries."
        )
        % {"cycle": cycle.title, "region": region.name, "n": len(ctx["countries"])},
        _(
            "Regional reviews of the Global Compact for Safe, Orderly and Regular Migration are "
            "held every four years and feed the International Migration Review Forum."
        ),
    ]


def _summary(ctx: dict[str, Any]) -> list[str]:
    lines = [
        _(
            "%(reviews)d voluntary GCM reviews and %(inputs)d stakeholder inputs were "
            "submitted; %(pledges)d pledges were made by entities of the region."
        )
        % {
            "reviews": len(ctx["reviews"]),
            "inputs": len(ctx["inputs"]),
            "pledges": len(ctx["pledges"]),
        }
    ]
    if ctx["most_covered"]:
        lines.append(
            _("The objectives most covered were: %(list)s.")
            % {"list": "; ".join(f"{r['number']}. {r['label']}" for r in ctx["most_covered"])}
        )
    if ctx["not_covered"]:
        lines.append(
            _("%(n)d objectives had no recorded activity: %(list)s.")
            % {
                "n": len(ctx["not_covered"]),
                "list": ", ".join(str(r["number"]) for r in ctx["not_covered"]),
            }
        )
    return lines


def _organisation_of_work(cycle: ReviewCycle) -> list[str]:
    lines = []
    if cycle.starts_on:
        lines.append(
            _("Dates: %(start)s to %(end)s.")
            % {
                "start": cycle.starts_on.isoformat(),
                "end": (cycle.ends_on or cycle.starts_on).isoformat(),
            }
        )
    if cycle.venue:
        lines.append(_("Venue: %(v)s.") % {"v": cycle.venue})
    if cycle.organiser_list:
        lines.append(_("Organisers: %(o)s.") % {"o": "; ".join(cycle.organiser_list)})
    return lines


def build_regional_synthesis(job: ReportJob, progress: Progress) -> list[Output]:
    region = ReviewRegion.objects.get(code=job.parameters["region"])
    cycle = review_selectors.cycle_detail_queryset().get(code=job.parameters["cycle"])
    ctx = data.regional_synthesis(region, cycle)
    ctx["introduction"] = _introduction(ctx)
    ctx["summary"] = _summary(ctx)
    ctx["organisation_of_work"] = _organisation_of_work(cycle)
    progress(30)
    ctx["coverage_chart"] = _coverage_chart(ctx["coverage"], _("Objective coverage in the region"))
    ctx["activity_map"] = maps.choropleth(
        _activity_by_country(ctx["reviews"], ctx["pledges"]),
        title=_("Voluntary reviews and pledges by country"),
        focus={c.numeric for c in ctx["countries"]},
    )
    ctx["areas_chart"] = charts.horizontal_bars(
        [a["code"] for a in ctx["thematic_areas"]],
        [a["total"] for a in ctx["thematic_areas"]],
        title=_("By thematic area"),
    )
    progress(50)
    pdf = writers.pdf_from_template("reports/pdf/regional_synthesis.html", ctx)
    progress(75)
    docx = _synthesis_docx(ctx)
    base = f"regional-synthesis-{region.code.lower()}-{slugify(cycle.code)}-{_stamp()}"
    return [Output(f"{base}.pdf", "pdf", pdf), Output(f"{base}.docx", "docx", docx)]


def _imrf_sheets(ctx: dict[str, Any]) -> bytes:
    return writers.xlsx_bytes(
        [
            (
                _("Objectives"),
                [
                    _("Objective"),
                    _("Short title"),
                    _("Pledges"),
                    _("Submissions"),
                    _("Plan measures and initiatives"),
                    _("Total"),
                ],
                [
                    [
                        r["number"],
                        r["label"],
                        r["pledges"],
                        r["submissions"],
                        r["other"],
                        r["total"],
                    ]
                    for r in ctx["coverage"]
                ],
            ),
            (
                _("Round tables"),
                [
                    _("Code"),
                    _("Round table"),
                    _("Objectives"),
                    _("Pledges"),
                    _("Submissions"),
                    _("Plan measures and initiatives"),
                    _("Total"),
                ],
                [
                    [
                        t["code"],
                        t["name"],
                        ", ".join(map(str, t["objectives"])),
                        t["pledges"],
                        t["submissions"],
                        t["other"],
                        t["total"],
                    ]
                    for t in ctx["round_tables"]
                ],
            ),
            (
                _("Thematic areas"),
                [
                    _("Code"),
                    _("Thematic area"),
                    _("Objectives"),
                    _("Pledges"),
                    _("Submissions"),
                    _("Plan measures and initiatives"),
                    _("Total"),
                ],
                [
                    [
                        a["code"],
                        a["name"],
                        ", ".join(map(str, a["objectives"])),
                        a["pledges"],
                        a["submissions"],
                        a["other"],
                        a["total"],
                    ]
                    for a in ctx["thematic_areas"]
                ],
            ),
            (
                _("Regions"),
                [_("Review region"), _("Name"), _("Submissions")],
                [[r["code"], r["name"], r["submissions"]] for r in ctx["regions"]],
            ),
            (
                _("Pledges"),
                [_("id"), _("Title"), _("Entity"), _("Type"), _("Objectives"), _("Status")],
                [
                    [
                        p.pk,
                        p.title,
                        str(p.entity),
                        p.get_pledge_type_display(),
                        ", ".join(str(o.number) for o in p.objectives.all()),
                        p.get_status_display(),
                    ]
                    for p in ctx["pledges"]
                ],
            ),
        ]
    )


def build_imrf_synthesis(job: ReportJob, progress: Progress) -> list[Output]:
    cycle = review_selectors.cycle_detail_queryset().get(code=job.parameters["cycle"])
    ctx = data.imrf_synthesis(cycle)
    progress(30)
    ctx["round_table_chart"] = charts.stacked_bars(
        [t["code"] for t in ctx["round_tables"]],
        [
            (_("Pledges"), [t["pledges"] for t in ctx["round_tables"]]),
            (_("Review submissions"), [t["submissions"] for t in ctx["round_tables"]]),
            (_("Plan measures and initiatives"), [t["other"] for t in ctx["round_tables"]]),
        ],
        title=_("By round table"),
        width=5.0,
    )
    ctx["coverage_chart"] = _coverage_chart(ctx["coverage"], _("By objective"))
    ctx["activity_map"] = maps.choropleth(
        _activity_by_country([s for s in ctx["submissions"] if s.country_id], ctx["pledges"]),
        title=_("Voluntary reviews and pledges by country"),
        extent=(-180, 180, -58, 84),
    )
    progress(50)
    pdf = writers.pdf_from_template("reports/pdf/imrf_synthesis.html", ctx)
    progress(80)
    xlsx = _imrf_sheets(ctx)
    base = f"imrf-synthesis-{slugify(cycle.code)}-{_stamp()}"
    return [Output(f"{base}.pdf", "pdf", pdf), Output(f"{base}-annex.xlsx", "xlsx", xlsx)]


def _dataset_output(key: str, fmt: str, name: str) -> Output:
    columns, rows = datasets.dataset_rows(key)
    if fmt == "csv":
        return Output(f"{name}.csv", "csv", writers.csv_bytes(columns, rows))
    return Output(f"{name}.xlsx", "xlsx", writers.xlsx_bytes([(key, columns, rows)]))


def build_data_export(job: ReportJob, progress: Progress) -> list[Output]:
    key, fmt = job.parameters["dataset"], job.parameters["format"]
    if key not in dict(datasets.datasets()):
        raise DomainError(_("The dataset “%(d)s” is no longer offered.") % {"d": key})
    progress(20)
    return [_dataset_output(key, fmt, f"{key}-{_stamp()}")]


def build_bulk_export(_job: ReportJob, progress: Progress) -> list[Output]:
    """Every dataset in CSV and XLSX, under stable names (the download URLs use them)."""
    outputs = []
    keys = [key for key, _title in datasets.datasets()]
    for index, key in enumerate(keys):
        for fmt in FORMATS:
            outputs.append(_dataset_output(key, fmt, key))
        progress(10 + int(80 * (index + 1) / max(len(keys), 1)))
    return outputs


BUILDERS: dict[str, Callable[[ReportJob, Progress], list[Output]]] = {
    ReportJob.Kind.COUNTRY_PROFILE: build_country_profile,
    ReportJob.Kind.DRAFT_REVIEW: build_draft_review,
    ReportJob.Kind.REGIONAL_SYNTHESIS: build_regional_synthesis,
    ReportJob.Kind.IMRF_SYNTHESIS: build_imrf_synthesis,
    ReportJob.Kind.DATA_EXPORT: build_data_export,
    ReportJob.Kind.BULK_EXPORT: build_bulk_export,
}


def build(job: ReportJob, progress: Progress) -> list[Output]:
    return BUILDERS[job.kind](job, progress)
