"""Public pages: the country list and the country profile."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from . import profile, selectors
from .filters import CountryFilter


def country_list(request: HttpRequest) -> HttpResponse:
    """Public. Filters by region, sub-region, review region, status; 400 on a bad filter."""
    filterset = CountryFilter(request.GET or None, queryset=selectors.country_list())
    status = 200
    if filterset.is_bound and not filterset.is_valid():
        countries = selectors.country_list().none()
        status = 400
    else:
        countries = filterset.qs
    page = Paginator(countries, 200).get_page(request.GET.get("page"))
    return render(
        request,
        "countries/country_list.html",
        {"filter": filterset, "page": page, "countries": page.object_list},
        status=status,
    )


def country_detail(request: HttpRequest, alpha3: str) -> HttpResponse:
    """Public; sections contributed by other apps decide what each viewer sees."""
    country = get_object_or_404(selectors.country_detail_queryset(), alpha3=alpha3.upper())
    return render(
        request,
        "countries/country_detail.html",
        {"country": country, "sections": profile.render_sections(country, request.user)},
    )
