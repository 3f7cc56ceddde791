"""Public pages of the reference framework: objectives, principles, the process, about."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from . import selectors


def objective_list(request: HttpRequest) -> HttpResponse:
    """Public."""
    return render(
        request, "objectives/objective_list.html", {"objectives": selectors.objective_list()}
    )


def objective_detail(request: HttpRequest, number: int) -> HttpResponse:
    """Public."""
    objective = get_object_or_404(selectors.objective_detail_queryset(), number=number)
    return render(request, "objectives/objective_detail.html", {"objective": objective})


def principle_list(request: HttpRequest) -> HttpResponse:
    """Public."""
    return render(
        request, "objectives/principle_list.html", {"principles": selectors.principle_list()}
    )


def process(request: HttpRequest) -> HttpResponse:
    """Public: the six-step process with its actions, questions, checklists and tools."""
    return render(request, "objectives/process.html", {"steps": selectors.process_step_list()})
