"""The fixture world of the access table: one user per role and records they own or not.

Every record is built through the public services where one exists, so the world is in the
states a real user reaches. The names of the records (``World.ids``) are what the access
table's URL arguments refer to: ``"draft_a"`` is organisation A's draft initiative, and so on.

Own / other: organisation A (Portugal, region ECE) and country X (Portugal) own most records;
the member of organisation B, the coordinator of country Y (Kenya) and the moderator of
region ECA (Africa) are the "other" side. B's submitted initiative in Kenya is what the
regional moderator may moderate.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

# The roles of the table, in the order failures are listed.
ROLES: tuple[str, ...] = (
    "anonymous",
    "member_a",
    "member_b",
    "focal_x",
    "coordinator_x",
    "coordinator_y",
    "moderator",
    "regional_moderator",
    "organiser",
    "analyst",
    "admin",
)

COUNTRY_X = "PRT"
COUNTRY_Y = "KEN"
PDF = b"%PDF-1.4\n%access table\n"


@dataclass
class World:
    """Users by role (None for anonymous) and record ids by name."""

    users: dict[str, Any] = field(default_factory=dict)
    ids: dict[str, Any] = field(default_factory=dict)


def _user(email: str, role: str | None = None, *, superuser: bool = False, **scope: Any) -> Any:
    from accounts.models import User
    from accounts.services import grant_role
    from countries.models import Country, ReviewRegion

    if superuser:
        user = User.objects.create_superuser(email, "pass-word-123")
    else:
        user = User.objects.create_user(email, "pass-word-123")
    if role:
        country = scope.get("country")
        region = scope.get("review_region")
        organisation = scope.get("organisation")
        grant_role(
            actor=None,
            user=user,
            role=role,
            country_id=Country.objects.get(alpha3=country).pk if country else None,
            organisation_id=organisation.pk if organisation else None,
            review_region_id=ReviewRegion.objects.get(code=region).pk if region else None,
        )
    return user


def _organisation(name: str, country: str, type_code: str | None = None) -> Any:
    from accounts.models import Organisation
    from countries.models import Country
    from objectives.models import OrganisationType

    org_type = (
        OrganisationType.objects.get(code=type_code)
        if type_code
        else OrganisationType.objects.order_by("order")[0]
    )
    return Organisation.objects.create(
        name=name, type=org_type, country=Country.objects.get(alpha3=country)
    )


def build_world() -> World:
    """Create the users and records (the caller holds the transaction)."""
    from accounts.models import Role
    from countries.models import ReviewRegion

    from . import activities

    world = World()
    users = world.users
    org_a = _organisation("Organisation A", COUNTRY_X)
    org_b = _organisation("Organisation B", COUNTRY_Y)
    ministry_x = _organisation("Ministry of Foreign Affairs X", COUNTRY_X, "government-ministry")
    users["anonymous"] = None
    users["member_a"] = _user(
        "member-a@example.test", Role.CIVIL_SOCIETY_MEMBER, organisation=org_a
    )
    users["member_b"] = _user(
        "member-b@example.test", Role.CIVIL_SOCIETY_MEMBER, organisation=org_b
    )
    users["focal_x"] = _user(
        "focal-x@example.test",
        Role.GOVERNMENT_FOCAL_POINT,
        country=COUNTRY_X,
        organisation=ministry_x,
    )
    users["coordinator_x"] = _user(
        "coordinator-x@example.test", Role.NATIONAL_COORDINATOR, country=COUNTRY_X
    )
    users["coordinator_y"] = _user(
        "coordinator-y@example.test", Role.NATIONAL_COORDINATOR, country=COUNTRY_Y
    )
    users["moderator"] = _user("moderator@example.test", Role.UN_MODERATOR)
    users["regional_moderator"] = _user(
        "moderator-eca@example.test", Role.UN_MODERATOR, review_region="ECA"
    )
    users["organiser"] = _user(
        "organiser-ece@example.test", Role.REVIEW_ORGANISER, review_region="ECE"
    )
    users["analyst"] = _user("analyst@example.test", Role.ANALYST)
    users["admin"] = _user("admin@example.test", Role.ADMINISTRATOR, superuser=True)
    world.ids.update(
        org_a=org_a.pk,
        org_b=org_b.pk,
        x=COUNTRY_X,
        y=COUNTRY_Y,
        country_x_pk=ministry_x.country_id,
        ministry_x=ministry_x.pk,
        ece_pk=ReviewRegion.objects.get(code="ECE").pk,
    )
    _accounts(world)
    _initiatives(world, org_a, org_b)
    _plans(world, ministry_x)
    _reviews(world, org_a, org_b)
    activities.build(world)
    return world


def _accounts(world: World) -> None:
    from accounts.services import create_api_token

    token, _secret = create_api_token(actor=world.users["member_a"], name="Scripts")
    world.ids["token_a"] = token.pk


def _initiatives(world: World, org_a: Any, org_b: Any) -> None:
    from countries.models import Country
    from initiatives import services
    from objectives.models import Objective
    from tests.initiatives.factories import make_initiative

    u = world.users
    draft = make_initiative(u["member_a"], org_a, title="Draft of A")
    evidence = services.add_evidence_file(
        actor=u["member_a"],
        initiative=draft,
        title="Evidence",
        upload=SimpleUploadedFile("evidence.pdf", PDF, content_type="application/pdf"),
    )
    published = make_initiative(u["member_a"], org_a, "published", u["moderator"], title="Public")
    submitted = make_initiative(u["member_a"], org_a, "submitted", title="Submitted by A")
    kenya = Country.objects.get(alpha3=COUNTRY_Y)
    submitted_b = make_initiative(
        u["member_b"],
        org_b,
        "submitted",
        title="Submitted by B",
        countries=[kenya],
        host_country=kenya,
    )
    today = timezone.localdate()
    call = services.save_call(
        actor=u["moderator"],
        title="Call on objective 6",
        focus_objectives=[Objective.objects.get(number=6)],
        opens_on=today - datetime.timedelta(days=5),
        deadline=today + datetime.timedelta(days=30),
    )
    applicant = _user("applicant@example.test")
    membership = services.request_membership(actor=applicant, organisation=org_a, note="Hello")
    world.ids.update(
        draft_a=draft.pk,
        evidence_a=evidence.pk,
        published_a=published.pk,
        submitted_a=submitted.pk,
        submitted_b=submitted_b.pk,
        call=call.pk,
        membership_request=membership.pk,
    )


def _plans(world: World, ministry_x: Any) -> None:
    from countries.models import Country
    from objectives.models import ChecklistItem, GuidingQuestion
    from plans import services

    coordinator = world.users["coordinator_x"]
    focal = world.users["focal_x"]
    plan = services.start_plan(
        actor=coordinator,
        country=Country.objects.get(alpha3=COUNTRY_X),
        title="National Implementation Plan of the GCM",
        form="standalone",
        axes=["Safe, orderly and regular migration"],
    )
    # The plan and its measures are public; the budget and the indicators are not.
    services.set_publication(
        actor=coordinator, plan=plan, parts={"publish_plan": True, "publish_measures": True}
    )
    measure = services.create_measure(
        actor=coordinator,
        plan=plan,
        title="Participate in regional dialogues on migration",
        level="policy",
        objectives=[2],
        responsible_entity=ministry_x,
        deadline_kind="continuous",
        start_date=datetime.date(2019, 8, 20),
    )
    indicator = services.save_indicator(
        actor=focal,
        plan=plan,
        code="I-1",
        name="Scholarships",
        indicator_type="outcome",
        unit="Number",
        periodicity="annual",
        objective_numbers=[5],
    )
    value = services.record_indicator_value(
        actor=focal, indicator=indicator, period="2021", value="12"
    )
    update = services.submit_progress_update(
        actor=focal, measure=measure, reported_status="in_progress", progress="Begun"
    )
    body = services.save_coordination_body(
        actor=coordinator,
        plan=plan,
        name="Inter-ministerial committee",
        set_up="new",
        body_role="oversight",
        lead_entity=ministry_x,
        meeting_frequency="quarterly",
        members=[ministry_x],
    )
    item = ChecklistItem.objects.filter(step__number=1).order_by("order")[0]
    evidence = services.add_checklist_evidence(
        actor=focal,
        plan=plan,
        step_number=1,
        item_id=item.pk,
        title="Terms of reference",
        file=SimpleUploadedFile("tor.pdf", PDF, content_type="application/pdf"),
    )
    world.ids.update(
        body_x=body.pk,
        plan_evidence_x=evidence.pk,
        question=GuidingQuestion.objects.filter(step__number=1).order_by("order")[0].pk,
        indicator_x_pk=indicator.pk,
        measure_x=measure.number,
        measure_x_version=measure.version,
        indicator_x=indicator.code,
        value_x=value.pk,
        update_x=update.pk,
        checklist_item=item.pk,
    )


def _reviews(world: World, org_a: Any, org_b: Any) -> None:
    from countries.models import Country, ReviewRegion
    from reports.models import ReportFile, ReportJob
    from reviews.models import Submission
    from reviews.services import add_submission_attachment, create_pledge, create_submission
    from tests.reviews.factories import OpenCycleFactory

    u = world.users
    cycle: Any = OpenCycleFactory(code="access-ece", title="Access table review")
    review = create_submission(
        actor=u["coordinator_x"],
        cycle=cycle,
        country=Country.objects.get(alpha3=COUNTRY_X),
        title="Voluntary review of X",
        summary="Summary",
        objectives=[1, 2],
    )
    attachment = add_submission_attachment(
        actor=u["coordinator_x"],
        submission=review,
        upload=SimpleUploadedFile("review.pdf", PDF, content_type="application/pdf"),
    )
    input_a = create_submission(
        actor=u["member_a"],
        cycle=cycle,
        organisation=org_a,
        title="Input of A",
        summary="Summary",
        objectives=[3],
    )
    Submission.objects.filter(pk=input_a.pk).update(status=Submission.Status.SUBMITTED)
    input_b = create_submission(
        actor=u["member_b"],
        cycle=cycle,
        organisation=org_b,
        title="Input of B",
        summary="Summary",
        objectives=[4],
    )
    cycle_eca: Any = OpenCycleFactory(
        code="access-eca",
        title="Access table review, Africa",
        review_region=ReviewRegion.objects.get(code="ECA"),
    )
    pledge = create_pledge(
        actor=u["member_a"],
        organisation=org_a,
        title="Pledge of A",
        description="A pledge.",
        pledge_type="policy_oriented",
        form="individual",
        target="A measurable target",
        deadline=datetime.date(2027, 12, 31),
        objectives=[1],
    )
    pledge_x = create_pledge(
        actor=u["focal_x"],
        country=Country.objects.get(alpha3=COUNTRY_X),
        title="Pledge of X",
        description="A pledge.",
        pledge_type="policy_oriented",
        form="individual",
        target="A measurable target",
        deadline=datetime.date(2027, 12, 31),
        objectives=[2],
    )
    job = ReportJob.objects.create(
        kind=ReportJob.Kind.COUNTRY_PROFILE,
        parameters={"country": COUNTRY_X},
        parameters_key="access-table",
        requested_by=u["member_a"],
        status=ReportJob.Status.SUCCEEDED,
        progress=100,
    )
    report_file = ReportFile(job=job, name="profile.pdf", format="pdf", size=len(PDF))
    report_file.file.save("profile.pdf", ContentFile(PDF), save=True)
    bulk = ReportJob.objects.create(
        kind=ReportJob.Kind.BULK_EXPORT,
        parameters_key="access-table-bulk",
        is_public=True,
        status=ReportJob.Status.SUCCEEDED,
        progress=100,
        finished_at=timezone.now(),
    )
    bulk_file = ReportFile(job=bulk, name="initiatives.csv", format="csv", size=4)
    bulk_file.file.save("initiatives.csv", ContentFile(b"a,b\n"), save=True)
    world.ids.update(
        cycle=cycle.code,
        cycle_eca=cycle_eca.code,
        input_b=input_b.pk,
        pledge_x=pledge_x.pk,
        bulk_job=bulk.pk,
        bulk_file=bulk_file.pk,
        review_x=review.pk,
        attachment_x=attachment.pk,
        input_a=input_a.pk,
        pledge_a=pledge.pk,
        job_a=job.pk,
        job_file_a=report_file.pk,
    )
