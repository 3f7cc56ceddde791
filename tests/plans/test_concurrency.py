"""Two editors saving the same measure at the same moment, on the real PostgreSQL."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection

from core.errors import DomainError
from plans import services
from plans.models import Measure


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_saves_of_one_measure_one_wins_one_is_refused(
    measure: Measure, focal_point: Any, other_focal_point: Any
) -> None:
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(name: str, actor: Any) -> None:
        try:
            barrier.wait()
            services.update_measure(
                actor=actor, measure=measure, expected_version=1, title=f"Saved by {name}"
            )
            outcomes[name] = "saved"
        except DomainError as exc:
            outcomes[name] = exc.code
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=("first", focal_point)),
        threading.Thread(target=save, args=("second", other_focal_point)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes.values()) == ["conflict", "saved"]
    measure.refresh_from_db()
    assert measure.version == 2
    winner = next(k for k, v in outcomes.items() if v == "saved")
    assert measure.title == f"Saved by {winner}"
