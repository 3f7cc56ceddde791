"""Test data for initiatives, built through the real services."""

from __future__ import annotations

from typing import Any

from accounts.models import Organisation, User
from countries.models import Country
from initiatives import services
from initiatives.models import Initiative
from objectives.models import Objective


def complete_data(**overrides: Any) -> dict[str, Any]:
    """Everything a draft needs before it can be submitted."""
    data: dict[str, Any] = {
        "title": "Legal aid clinics for migrant workers",
        "summary": "Free legal advice for migrant workers in three cities.",
        "description": "Weekly clinics run with the bar association.",
        "expected_outcomes": "500 workers advised.",
        "categories": ["thematic"],
        "activity_status": "ongoing",
        "geo_level": "national",
        "countries": [Country.objects.get(alpha3="PRT")],
        "host_country": Country.objects.get(alpha3="PRT"),
        "objectives": [
            services.ObjectiveChoice(Objective.objects.get(number=6), True, ("a",)),
            services.ObjectiveChoice(Objective.objects.get(number=15)),
        ],
        "contact_name": "Focal Point",
        "contact_email": "focal.point@example.test",
    }
    data.update(overrides)
    return data


def make_initiative(
    actor: User,
    organisation: Organisation,
    state: str = "draft",
    moderator: User | None = None,
    **overrides: Any,
) -> Initiative:
    """A draft, optionally moved to ``submitted`` / ``published`` / ... through the services."""
    initiative = services.create_initiative(
        actor=actor, organisation=organisation, data=complete_data(**overrides)
    )
    if state == "draft":
        return initiative
    initiative = services.submit_initiative(actor=actor, initiative=initiative)
    if state == "submitted":
        return initiative
    assert moderator is not None
    if state == "published":
        return services.publish_initiative(actor=moderator, initiative=initiative)
    if state == "changes_requested":
        return services.request_changes(
            actor=moderator, initiative=initiative, reason="More detail"
        )
    if state == "rejected":
        return services.reject_initiative(
            actor=moderator, initiative=initiative, reason="Off topic"
        )
    raise ValueError(state)
