"""Demo data: the review calendar, a few pledges and a submitted voluntary review."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation
from countries.models import Country
from objectives.models import GuidingPrinciple, Objective

from .models import Pledge, ReviewCycle, Submission
from .services import load_review_cycles


def _pledge(
    title: str, *, objectives: list[int], principles: list[str], **fields: object
) -> Pledge:
    pledge = Pledge.objects.filter(title=title).first()
    if pledge is None:
        # every demo pledge is illustrative: no source records these commitments
        pledge = Pledge.objects.create(title=title, is_demo=True, **fields)
        pledge.objectives.set(Objective.objects.filter(number__in=objectives))
        pledge.principles.set(GuidingPrinciple.objects.filter(letter__in=principles))
    return pledge


@transaction.atomic
def load() -> list[str]:
    """Idempotent: matched on cycle codes, pledge titles and the submission's cycle + country."""
    counts = load_review_cycles()
    portugal = Country.objects.get(alpha3="PRT")
    coalition = Organisation.objects.filter(name="Demo Migrant Rights Coalition").first()
    imrf = ReviewCycle.objects.get(code="imrf-2022")
    ece = ReviewCycle.objects.get(code="ece-2024")

    plan_pledge = _pledge(
        "Review the national implementation plan with civil society every two years",
        objectives=[1, 23],
        principles=["i", "j"],
        description="Illustrative pledge invented for the demo; no source records it as "
        "Portugal's: a biennial, inclusive review of the national plan.",
        pledge_type=Pledge.Type.PROCESS,
        country=portugal,
        cycle=imrf,
        target="Two inclusive plan reviews held, each with a published report",
        deadline=datetime.date(2026, 12, 31),
        status=Pledge.Status.IN_PROGRESS,
    )
    _pledge(
        "Fund language and orientation courses for newly arrived migrants",
        objectives=[15, 16],
        principles=["a"],
        description="Illustrative financial pledge invented for the demo; no source records "
        "it as Portugal's.",
        pledge_type=Pledge.Type.FINANCIAL,
        country=portugal,
        cycle=imrf,
        target="5,000 course places funded",
        deadline=datetime.date(2025, 12, 31),
        amount=Decimal("1500000.00"),
        currency="EUR",
    )
    if coalition is not None:
        _pledge(
            "Free legal counselling clinics matching the plan review pledge",
            objectives=[7, 15],
            principles=["f"],
            description="Demo pledge by the demo coalition, matching Portugal's pledge.",
            pledge_type=Pledge.Type.HUMAN_RESOURCE,
            form=Pledge.Form.MATCHING,
            matches=plan_pledge,
            organisation=coalition,
            cycle=imrf,
            target="12 monthly clinics a year",
            deadline=datetime.date(2027, 6, 30),
        )
    submission, created = Submission.objects.get_or_create(
        cycle=ece,
        country=portugal,
        kind=Submission.Kind.VOLUNTARY_REVIEW,
        defaults={
            "title": "Voluntary GCM review of Portugal (demo)",
            "summary": "Demo summary of progress in implementing the national plan.",
            "good_practices": "Inter-ministerial working group meeting every quarter.",
            "challenges": "Data on outcomes is collected by many bodies in different formats.",
            "recommendations": "Agree shared indicators across ministries.",
            "status": Submission.Status.SUBMITTED,
            "submitted_at": timezone.now(),
            "is_demo": True,
        },
    )
    if created:
        submission.objectives.set(Objective.objects.filter(number__in=[1, 15, 16, 23]))
    return [
        "Review cycles: {created} created, {unchanged} unchanged.".format(**counts),
        f"Pledges: {Pledge.objects.count()}; submissions: {Submission.objects.count()}.",
    ]
