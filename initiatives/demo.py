"""Demo data: the 32 initiatives of the 2019 Activities Matrix and a few demo submissions."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from accounts.models import Organisation, User
from countries.models import Country
from objectives.models import Objective

from . import services
from .imports import import_file
from .models import Initiative, ModerationState

MATRIX = Path(settings.BASE_DIR) / "fixtures" / "initiatives" / "activities_matrix_2019.csv"
DEMO_ORG = "Demo Migrant Rights Coalition"
MEMBER = "member@demo.gcm-tracker.test"
MODERATOR = "moderator@demo.gcm-tracker.test"

DEMO_SUBMISSIONS = [
    ("Demo: legal clinics for migrant workers", ModerationState.PUBLISHED, 6, "PRT"),
    ("Demo: community interpreters in health centres", ModerationState.SUBMITTED, 15, "PRT"),
    ("Demo: returnee reintegration mentoring", ModerationState.CHANGES_REQUESTED, 21, "CPV"),
    ("Demo: school outreach on xenophobia", ModerationState.DRAFT, 17, "ESP"),
]


def _demo_submissions() -> list[str]:
    org = Organisation.objects.filter(name=DEMO_ORG).first()
    member = User.objects.filter(email=MEMBER).first()
    moderator = User.objects.filter(email=MODERATOR).first()
    if org is None or member is None or moderator is None:
        return ["  (demo organisation or users missing: skipped demo submissions)"]
    lines = []
    for title, state, number, alpha3 in DEMO_SUBMISSIONS:
        if Initiative.objects.filter(organisation=org, title=title).exists():
            continue
        country = Country.objects.get(alpha3=alpha3)
        initiative = services.create_initiative(
            actor=member,
            organisation=org,
            data={
                "title": title,
                "summary": "A demonstration initiative of the demo coalition.",
                "description": "Fictional data for trying the tracker.",
                "categories": ["thematic"],
                "activity_status": "ongoing",
                "geo_level": "national",
                "host_country": country,
                "countries": [country],
                "objectives": [
                    services.ObjectiveChoice(Objective.objects.get(number=number), True)
                ],
                "contact_name": "Demo focal point",
                "contact_email": "focal.point@demo.gcm-tracker.test",
            },
        )
        if state != ModerationState.DRAFT:
            initiative = services.submit_initiative(actor=member, initiative=initiative)
        if state == ModerationState.PUBLISHED:
            services.publish_initiative(actor=moderator, initiative=initiative)
        elif state == ModerationState.CHANGES_REQUESTED:
            services.request_changes(
                actor=moderator,
                initiative=initiative,
                reason="Please add the dates and the partner organisations.",
            )
        lines.append(f"  {title}: {state}")
    return lines


def load() -> list[str]:
    """Import the Activities Matrix (idempotent by external id) and the demo submissions.

    The demo moderator imports the matrix, as a moderator would through the import page.
    """
    moderator = User.objects.filter(email=MODERATOR).first()
    if moderator is None:
        return ["", "Initiatives: demo moderator missing: skipped the Activities Matrix."]
    report = import_file(MATRIX, actor=moderator)
    if not report.ok:
        errors = "; ".join(e for row in report.rows for e in row.errors)
        return ["", f"Initiatives: the Activities Matrix was not imported: {errors}"]
    lines = [
        "",
        f"Initiatives: Activities Matrix 2019 ({report.created} created, "
        f"{report.updated} updated).",
    ]
    lines.extend(_demo_submissions())
    return lines
