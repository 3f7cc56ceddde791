"""The 2019 Activities Matrix is loaded as seed 001 states it: no invented tags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from initiatives.imports import import_file
from initiatives.models import Initiative

pytestmark = pytest.mark.django_db

MATRIX = Path(settings.BASE_DIR) / "fixtures" / "initiatives" / "activities_matrix_2019.csv"


def test_matrix_rows_carry_no_principle_tags_the_seed_does_not_state(moderator: Any) -> None:
    import_file(MATRIX, actor=moderator)
    matrix = Initiative.objects.filter(external_id__startswith="am2019-")
    assert matrix.count() == 32
    assert not matrix.filter(principles__isnull=False).exists()


def test_matrix_rows_say_their_description_is_condensed_and_no_primary_is_stated(
    moderator: Any,
) -> None:
    import_file(MATRIX, actor=moderator)
    for initiative in Initiative.objects.filter(external_id__startswith="am2019-"):
        assert "description condensed from the row" in initiative.source_reference
        assert "states no primary objective" in initiative.source_reference
    # without a stated primary, the first objective the row lists is shown first
    n2 = Initiative.objects.get(external_id="am2019-N2")
    assert n2.links.get(is_primary=True).objective.number == 2
