"""The mapping (matrices, tile map, gaps), the CSV/XLSX export of a filtered view, the import."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.pages import form_error_status

from . import permissions, selectors
from .forms import ImportForm
from .imports import COLUMNS, import_initiatives
from .models import Initiative
from .views import _actor, public_filter

TILE = 34
TILE_COLUMNS = 20

EXPORT_HEADER = [
    "id",
    "title",
    "organisation",
    "categories",
    "status",
    "start",
    "end",
    "geographic_level",
    "host_country",
    "countries",
    "review_regions",
    "objectives",
    "primary_objective",
    "engages_states",
    "names_gcm",
    "crisis_response",
    "summary",
    "published_at",
    "url",
]


def _filtered(request: HttpRequest) -> tuple[Any, Any]:
    filterset = public_filter(request)
    if filterset.is_bound and not filterset.is_valid():
        return filterset, None
    return filterset, filterset.qs


def mapping(request: HttpRequest) -> HttpResponse:
    """Public: country x objective and region x objective matrices, a tile map, the gaps."""
    filterset, initiatives = _filtered(request)
    if initiatives is None:
        return render(
            request, "initiatives/mapping.html", {"filter": filterset, "data": None}, status=400
        )
    params = {k: filterset.data.getlist(k) for k in filterset.data} if filterset.is_bound else {}
    data = selectors.mapping(initiatives, params)
    per_country = data["per_country"]
    top = data["max_count"] or 1
    groups: dict[str, list[dict[str, Any]]] = {}
    for country in data["countries"]:
        n = per_country.get(country.alpha3, 0)
        tiles = groups.setdefault(country.m49_region.name, [])
        index = len(tiles)
        tiles.append(
            {
                "country": country,
                "count": n,
                "shade": 0 if n == 0 else 1 + (4 * n - 1) // top,
                "x": (index % TILE_COLUMNS) * TILE,
                "y": (index // TILE_COLUMNS) * TILE,
            }
        )
    tile_map = [
        {
            "region": name,
            "tiles": tiles,
            "height": ((len(tiles) - 1) // TILE_COLUMNS + 1) * TILE,
        }
        for name, tiles in groups.items()
    ]
    query = request.GET.copy()
    query.pop("page", None)
    for key in ("objective", "country", "region"):
        query.pop(key, None)
    return render(
        request,
        "initiatives/mapping.html",
        {
            "filter": filterset,
            "data": data,
            "tile_map": tile_map,
            "tile_width": TILE_COLUMNS * TILE,
            "base_query": query.urlencode(),
            "full_query": request.GET.urlencode(),
        },
    )


def _rows(initiatives: Any, request: HttpRequest) -> Iterator[list[Any]]:
    yield EXPORT_HEADER
    for i in initiatives.iterator(chunk_size=500):
        links = list(i.links.all())
        yield [
            i.pk,
            i.title,
            i.organisation.name,
            "; ".join(i.category_labels),
            i.get_activity_status_display(),
            i.start_date.isoformat() if i.start_date else "",
            i.end_date.isoformat() if i.end_date else "",
            i.get_geo_level_display(),
            i.host_country.alpha3 if i.host_country else "",
            "; ".join(c.alpha3 for c in i.countries.all()),
            "; ".join(r.code for r in i.coverage_review_regions.all()),
            "; ".join(str(lk.objective.number) for lk in links),
            next((str(lk.objective.number) for lk in links if lk.is_primary), ""),
            "yes" if i.engages_states else "no",
            "yes" if i.names_gcm else "no",
            i.get_crisis_response_display(),
            i.summary,
            i.published_at.isoformat() if i.published_at else "",
            request.build_absolute_uri(i.get_absolute_url()),
        ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _safe(value: Any) -> Any:
    """Keep spreadsheet programs from running a cell as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def export_csv(request: HttpRequest) -> HttpResponseBase:
    """The current filtered view as CSV, streamed row by row."""
    _fs, initiatives = _filtered(request)
    if initiatives is None:
        return HttpResponse(_("Invalid filter."), status=400, content_type="text/plain")
    writer = csv.writer(_Echo())
    stream = (writer.writerow([_safe(v) for v in row]) for row in _rows(initiatives, request))
    response = StreamingHttpResponse(stream, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="initiatives.csv"'
    return response


def export_xlsx(request: HttpRequest) -> HttpResponseBase:
    """The current filtered view as XLSX, written in openpyxl's constant-memory mode."""
    from openpyxl import Workbook

    _fs, initiatives = _filtered(request)
    if initiatives is None:
        return HttpResponse(_("Invalid filter."), status=400, content_type="text/plain")
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title="Initiatives")
    for row in _rows(initiatives, request):
        sheet.append([_safe(v) for v in row])
    out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    book.save(out)
    out.seek(0)
    return FileResponse(
        out,
        as_attachment=True,
        filename="initiatives.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@login_required
def import_view(request: HttpRequest) -> HttpResponse:
    """Moderators: import a spreadsheet, with a dry run that lists every row error."""
    # Showing the form needs the role; what a POST may do, the service decides.
    if request.method != "POST" and not permissions.is_moderator(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            report = import_initiatives(
                actor=_actor(request),
                upload=form.cleaned_data["file"],
                dry_run=form.cleaned_data["dry_run"],
            )
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            if not report.ok:
                status = 400
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "initiatives/import.html",
        {
            "form": form,
            "report": report,
            "columns": COLUMNS,
            "imported_count": Initiative.objects.filter(source="import").count(),
        },
        status=status,
    )
