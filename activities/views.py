"""Activity pages: the public list, detail, exports and mapping layer; moderators' commands."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError, ForbiddenError
from core.pages import form_error_status

from . import exports, selectors, services
from .filters import ActivityFilter
from .forms import ActivityForm, ImportForm
from .imports import COLUMNS, REQUIRED, import_activities
from .models import Kind
from .permissions import can_change_country_activities, can_manage_activities

PAGE_SIZE = 50
TILE = 34
TILE_COLUMNS = 20


def _filtered(request: HttpRequest) -> ActivityFilter:
    return ActivityFilter(request.GET or None, queryset=selectors.activity_list(request.user))


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def activity_list(request: HttpRequest) -> HttpResponse:
    """Public: every published activity, filtered and paginated."""
    filterset = _filtered(request)
    if filterset.is_bound and not filterset.is_valid():
        return render(
            request,
            "activities/activity_list.html",
            {"filter": filterset, "page": None, "can_manage": can_manage_activities(request.user)},
            status=400,
        )
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/activity_list.html",
        {
            "filter": filterset,
            "page": page,
            "query": _query_without_page(request),
            "full_query": request.GET.urlencode(),
            "can_manage": can_manage_activities(request.user),
        },
    )


def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Public for a published activity; a 404 for anyone else but moderators."""
    activity = get_object_or_404(selectors.activity_detail(request.user), pk=pk)
    return render(
        request,
        "activities/activity_detail.html",
        {
            "activity": activity,
            "can_change": can_change_country_activities(request.user, activity.country),
        },
    )


def _invalid_filter() -> HttpResponse:
    return HttpResponse(_("Invalid filter."), status=400, content_type="text/plain")


def export_csv(request: HttpRequest) -> HttpResponseBase:
    """Public: the filtered list as CSV, streamed."""
    filterset = _filtered(request)
    if filterset.is_bound and not filterset.is_valid():
        return _invalid_filter()
    rows = exports.activity_rows(filterset.qs.iterator(chunk_size=500), request)
    return exports.csv_response("activities.csv", exports.EXPORT_HEADER, rows)


def export_xlsx(request: HttpRequest) -> HttpResponseBase:
    """Public: the filtered list as XLSX."""
    filterset = _filtered(request)
    if filterset.is_bound and not filterset.is_valid():
        return _invalid_filter()
    rows = exports.activity_rows(filterset.qs.iterator(chunk_size=500), request)
    return exports.xlsx_response(
        "activities.xlsx", [(_("Activities"), exports.EXPORT_HEADER, rows)]
    )


def annex_csv(request: HttpRequest) -> HttpResponseBase:
    """Public: seed 000's Annex 2 table rebuilt from the app's data (same columns, by region)."""
    first, rows = exports.annex_table(selectors.annex_rows())
    return exports.csv_response("mmc-2019-annex-2.csv", first, rows)


def mapping(request: HttpRequest) -> HttpResponse:
    """Public: activity counts per country as a tile map, and a country x kind matrix."""
    filterset = _filtered(request)
    if filterset.is_bound and not filterset.is_valid():
        return render(
            request, "activities/mapping.html", {"filter": filterset, "tile_map": None}, status=400
        )
    activities = filterset.qs
    per_country = selectors.counts_by_country(activities)
    by_kind = selectors.kind_matrix(activities)
    top = max(per_country.values(), default=0) or 1
    groups: dict[str, list[dict[str, Any]]] = {}
    for country in selectors.mapped_countries():
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
        {"region": name, "tiles": tiles, "height": ((len(tiles) - 1) // TILE_COLUMNS + 1) * TILE}
        for name, tiles in groups.items()
    ]
    kinds = list(Kind)
    matrix = [
        {
            "country": tile["country"],
            "total": tile["count"],
            "cells": [by_kind.get((tile["country"].alpha3, k.value), 0) for k in kinds],
        }
        for tiles in groups.values()
        for tile in tiles
        if tile["count"]
    ]
    by_objective = selectors.objective_matrix(activities)
    objectives = selectors.all_objectives()
    objective_rows = [
        {
            "country": row["country"],
            "cells": [
                (o, by_objective.get((row["country"].alpha3, o.number), 0)) for o in objectives
            ],
        }
        for row in matrix
        if any(by_objective.get((row["country"].alpha3, o.number)) for o in objectives)
    ]
    return render(
        request,
        "activities/mapping.html",
        {
            "filter": filterset,
            "tile_map": tile_map,
            "objectives": objectives,
            "objective_rows": objective_rows,
            "tile_width": TILE_COLUMNS * TILE,
            "kinds": kinds,
            "matrix": matrix,
            "total": sum(per_country.values()),
            "full_query": request.GET.urlencode(),
        },
    )


def _require_manager(request: HttpRequest) -> None:
    if not can_manage_activities(request.user):
        raise ForbiddenError(
            _("Only UN Network moderators and administrators may change activities.")
        )


@login_required
def activity_create(request: HttpRequest) -> HttpResponse:
    """Moderators: record an activity."""
    _require_manager(request)
    form = ActivityForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                activity = services.create_activity(actor=request.user, data=form.service_data())
            except DomainError as exc:
                status = form_error_status(exc, form)
            else:
                return redirect(activity)
        else:
            status = 400
    return render(request, "activities/activity_form.html", {"form": form}, status=status)


@login_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Moderators: correct an activity (of their region, for a regional moderator)."""
    _require_manager(request)
    activity = get_object_or_404(selectors.activity_detail(request.user), pk=pk)
    if not can_change_country_activities(request.user, activity.country):
        # The form is not offered; the service would refuse the change the same way.
        raise ForbiddenError(_("Your moderation region does not include this activity."))
    form = ActivityForm(request.POST or None, instance=activity)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.update_activity(
                    actor=request.user, activity=activity, data=form.service_data()
                )
            except DomainError as exc:
                status = form_error_status(exc, form)
            else:
                return redirect(activity)
        else:
            status = 400
    return render(
        request,
        "activities/activity_form.html",
        {"form": form, "activity": activity},
        status=status,
    )


def _set_published(request: HttpRequest, pk: int, published: bool) -> HttpResponse:
    activity = get_object_or_404(selectors.activity_detail(request.user), pk=pk)
    services.set_activity_published(actor=request.user, activity=activity, published=published)
    return redirect(activity)


@login_required
@require_POST
def activity_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Moderators: publish an activity."""
    return _set_published(request, pk, True)


@login_required
@require_POST
def activity_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Moderators: withdraw an activity from the public pages."""
    return _set_published(request, pk, False)


@login_required
def import_view(request: HttpRequest) -> HttpResponse:
    """Moderators: import a spreadsheet; a dry run lists every row's problems."""
    _require_manager(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                report = import_activities(
                    actor=request.user,
                    upload=form.cleaned_data["file"],
                    dry_run=form.cleaned_data["dry_run"],
                )
            except DomainError as exc:
                status = form_error_status(exc, form)
            else:
                status = 200 if report.ok else 400
        else:
            status = 400
    return render(
        request,
        "activities/import.html",
        {"form": form, "report": report, "columns": COLUMNS, "required": REQUIRED},
        status=status,
    )
