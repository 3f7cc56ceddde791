"""The plan XLSX export: user text never becomes a formula; every sheet has a frozen header."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from plans import services
from plans.models import Plan

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://x","y")'


def test_plan_export_writes_a_formula_like_measure_title_as_text(
    client: Any, plan: Plan, coordinator: Any, focal_point: Any, make_measure: Any
) -> None:
    measure = make_measure(plan, title=HYPERLINK, outputs="+cmd|' /C calc'!A0")
    services.save_budget_line(
        actor=focal_point,
        measure=measure,
        fiscal_year=2024,
        amount="100",
        currency="EUR",
        source_type="national_budget",
        source_name="@SUM(1+1)",
    )
    client.force_login(coordinator)
    response = client.get(reverse("plans:plan-export", args=["PRT"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="gcm-plan-prt-r1.xlsx"'
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref, sheet.title
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    measures = list(book["Measures"].iter_rows(values_only=True))
    assert measures[1][2] == HYPERLINK
    budget = list(book["Budget lines"].iter_rows(values_only=True))
    assert budget[1][5] == "@SUM(1+1)"
