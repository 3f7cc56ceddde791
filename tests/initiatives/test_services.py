"""Services of the initiatives app: drafts, submission, moderation, revisions, calls, members."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Organisation, Role
from accounts.permissions import roles_of
from core.errors import DomainError
from countries.models import Country
from initiatives import services
from initiatives.models import (
    Evidence,
    Initiative,
    MembershipRequest,
    ModerationState,
    Transition,
)
from objectives.models import Objective

from .factories import complete_data, make_initiative

pytestmark = pytest.mark.django_db


def _snapshot() -> tuple[int, int, int]:
    return (Initiative.objects.count(), Transition.objects.count(), Evidence.objects.count())


# --- drafts -----------------------------------------------------------------------------------


def test_create_initiative_saves_a_draft_with_every_part(member: Any, org: Any) -> None:
    initiative = services.create_initiative(
        actor=member,
        organisation=org,
        data=complete_data(
            partners=[{"name": "Bar association", "role": "partner", "is_state": False}],
            outputs=[
                {"kind": "report", "title": "Baseline", "date": dt.date(2024, 1, 2), "url": ""}
            ],
            evidence_links=[{"title": "Website", "url": "https://example.org/clinics"}],
        ),
    )
    assert initiative.state == ModerationState.DRAFT
    assert initiative.organisation == org
    assert [(lk.objective.number, lk.is_primary, lk.letters) for lk in initiative.links.all()] == [
        (6, True, ["a"]),
        (15, False, []),
    ]
    assert initiative.partners.get().name == "Bar association"
    assert initiative.outputs.get().title == "Baseline"
    assert initiative.evidence.get().url == "https://example.org/clinics"
    assert initiative.transitions.get().to_state == ModerationState.DRAFT


def test_create_initiative_derives_the_regions_covered_from_the_countries(
    member: Any, org: Any
) -> None:
    initiative = services.create_initiative(
        actor=member,
        organisation=org,
        data=complete_data(countries=list(Country.objects.filter(alpha3__in=["PRT", "KEN"]))),
    )
    assert {r.code for r in initiative.coverage_regions.all()} == {"150", "002"}
    assert {"ECE", "ECA"} <= {r.code for r in initiative.coverage_review_regions.all()}


def test_create_initiative_for_another_organisation_is_refused(other_member: Any, org: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.create_initiative(actor=other_member, organisation=org, data=complete_data())
    assert exc.value.code == "permission_denied"
    assert Initiative.objects.count() == 0


def test_create_initiative_for_a_pending_organisation_is_refused(
    make_user: Any, make_organisation: Any
) -> None:
    pending = make_organisation("Pending org", status=Organisation.Status.PENDING)
    user = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=pending)
    with pytest.raises(DomainError, match="awaiting approval"):
        services.create_initiative(actor=user, organisation=pending, data=complete_data())
    assert Initiative.objects.count() == 0


def test_a_title_of_ten_thousand_characters_is_refused_and_nothing_saved(
    member: Any, org: Any
) -> None:
    with pytest.raises(DomainError) as exc:
        services.create_initiative(
            actor=member, organisation=org, data=complete_data(title="x" * 10_000)
        )
    assert "title" in exc.value.errors
    assert _snapshot() == (0, 0, 0)


def test_an_empty_title_is_refused(member: Any, org: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.create_initiative(actor=member, organisation=org, data=complete_data(title="  "))
    assert "title" in exc.value.errors


def test_an_end_before_the_start_is_refused_and_the_draft_unchanged(
    member: Any, draft: Any
) -> None:
    with pytest.raises(DomainError) as exc:
        services.update_initiative(
            actor=member,
            initiative=draft,
            data={
                "start_date": dt.date(2024, 5, 1),
                "start_precision": "day",
                "end_date": dt.date(2024, 4, 1),
                "end_precision": "day",
            },
        )
    assert exc.value.errors["end_date"] == ["The end cannot be before the start."]
    draft.refresh_from_db()
    assert draft.start_date is None


def test_a_precise_date_needs_a_date(member: Any, draft: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.update_initiative(
            actor=member, initiative=draft, data={"start_precision": "month"}
        )
    assert "start_date" in exc.value.errors


def test_several_objectives_need_a_primary_one(member: Any, draft: Any) -> None:
    objs = [services.ObjectiveChoice(o) for o in Objective.objects.filter(number__in=[1, 2])]
    with pytest.raises(DomainError) as exc:
        services.update_initiative(actor=member, initiative=draft, data={"objectives": objs})
    assert "primary_objective" in exc.value.errors
    assert draft.links.count() == 2  # unchanged


def test_a_single_objective_becomes_the_primary_one(member: Any, draft: Any) -> None:
    obj = Objective.objects.get(number=4)
    services.update_initiative(
        actor=member, initiative=draft, data={"objectives": [services.ObjectiveChoice(obj)]}
    )
    assert draft.links.get().is_primary


def test_two_primary_objectives_are_refused(member: Any, draft: Any) -> None:
    objs = [services.ObjectiveChoice(o, True) for o in Objective.objects.filter(number__in=[1, 2])]
    with pytest.raises(DomainError) as exc:
        services.update_initiative(actor=member, initiative=draft, data={"objectives": objs})
    assert "primary_objective" in exc.value.errors


def test_an_unknown_gcm_action_letter_is_refused(member: Any, draft: Any) -> None:
    obj = Objective.objects.get(number=13)
    with pytest.raises(DomainError) as exc:
        services.update_initiative(
            actor=member,
            initiative=draft,
            data={"objectives": [services.ObjectiveChoice(obj, True, ("z",))]},
        )
    assert "13(z)" in exc.value.errors["action_letters"][0]


def test_unknown_fields_are_refused(member: Any, draft: Any) -> None:
    with pytest.raises(DomainError, match="Unknown fields"):
        services.update_initiative(actor=member, initiative=draft, data={"state": "published"})


def test_another_organisation_cannot_update_a_draft(other_member: Any, draft: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.update_initiative(actor=other_member, initiative=draft, data={"title": "Mine"})
    assert exc.value.code == "permission_denied"
    draft.refresh_from_db()
    assert draft.title != "Mine"


def test_an_initiative_under_review_cannot_be_edited(member: Any, submitted: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.update_initiative(actor=member, initiative=submitted, data={"title": "New"})
    assert exc.value.code == "invalid_state"


def test_discard_draft_deletes_a_never_submitted_draft(member: Any, draft: Any) -> None:
    services.discard_draft(actor=member, initiative=draft)
    assert not Initiative.objects.exists()


def test_discard_draft_refuses_a_submitted_initiative(member: Any, submitted: Any) -> None:
    with pytest.raises(DomainError):
        services.discard_draft(actor=member, initiative=submitted)


# --- submission -------------------------------------------------------------------------------


def test_submit_initiative_requires_one_objective(member: Any, org: Any) -> None:
    draft = services.create_initiative(
        actor=member, organisation=org, data=complete_data(objectives=[])
    )
    with pytest.raises(DomainError) as exc:
        services.submit_initiative(actor=member, initiative=draft)
    assert exc.value.errors["objectives"] == ["Choose at least one GCM objective."]
    draft.refresh_from_db()
    assert draft.state == ModerationState.DRAFT


def test_submit_initiative_lists_every_missing_part(member: Any, org: Any) -> None:
    draft = services.create_initiative(
        actor=member, organisation=org, data={"title": "Only a title"}
    )
    with pytest.raises(DomainError) as exc:
        services.submit_initiative(actor=member, initiative=draft)
    assert set(exc.value.errors) == {
        "summary",
        "categories",
        "geo_level",
        "objectives",
        "contact_email",
    }


def test_submit_initiative_moves_a_draft_to_review_and_tells_moderators(
    member: Any,
    draft: Any,
    moderator: Any,
    mailoutbox: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_initiative(actor=member, initiative=draft)
    draft.refresh_from_db()
    assert draft.state == ModerationState.SUBMITTED
    last = draft.transitions.last()
    assert (last.from_state, last.to_state, last.actor) == ("draft", "submitted", member)
    assert [m.to for m in mailoutbox] == [[moderator.email]]
    assert "Initiative to review" in mailoutbox[0].subject


def test_submit_by_another_organisation_is_refused(other_member: Any, draft: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.submit_initiative(actor=other_member, initiative=draft)
    assert exc.value.code == "permission_denied"


def test_submitting_twice_is_refused(member: Any, submitted: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.submit_initiative(actor=member, initiative=submitted)
    assert exc.value.code == "invalid_state"


# --- moderation -------------------------------------------------------------------------------


def test_publish_initiative_publishes_and_tells_the_submitters(
    member: Any,
    submitted: Any,
    moderator: Any,
    mailoutbox: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_initiative(actor=moderator, initiative=submitted)
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.PUBLISHED
    assert submitted.published_at is not None
    assert submitted.transitions.last().actor == moderator
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert "Published" in mailoutbox[0].subject


def test_the_notification_is_sent_once_even_if_the_task_runs_twice(
    submitted: Any, moderator: Any, mailoutbox: Any
) -> None:
    services.publish_initiative(actor=moderator, initiative=submitted)
    transition = submitted.transitions.last()
    assert services.send_transition_email(transition_id=transition.pk) == 1
    assert services.send_transition_email(transition_id=transition.pk) == 0
    assert len(mailoutbox) == 1


def test_the_notification_task_ignores_a_missing_transition() -> None:
    from initiatives.tasks import notify_transition

    assert notify_transition(999_999) == 0


@pytest.mark.parametrize("who", ["member", "other_member", "official"])
def test_only_moderators_publish(who: str, submitted: Any, request: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.publish_initiative(actor=request.getfixturevalue(who), initiative=submitted)
    assert exc.value.code == "permission_denied"
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED


def test_a_region_limited_moderator_moderates_only_their_region(
    member: Any, org: Any, africa_moderator: Any
) -> None:
    europe = make_initiative(member, org, "submitted")  # covers Portugal (ECE)
    africa = make_initiative(
        member, org, "submitted", countries=[Country.objects.get(alpha3="KEN")]
    )
    with pytest.raises(DomainError):
        services.publish_initiative(actor=africa_moderator, initiative=europe)
    services.publish_initiative(actor=africa_moderator, initiative=africa)
    africa.refresh_from_db()
    assert africa.state == ModerationState.PUBLISHED


def test_request_changes_requires_a_reason(submitted: Any, moderator: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.request_changes(actor=moderator, initiative=submitted, reason="   ")
    assert "reason" in exc.value.errors
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED


def test_request_changes_returns_the_initiative_with_the_reason(
    member: Any, submitted: Any, moderator: Any
) -> None:
    services.request_changes(actor=moderator, initiative=submitted, reason="Add the dates")
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.CHANGES_REQUESTED
    assert submitted.transitions.last().reason == "Add the dates"
    services.update_initiative(actor=member, initiative=submitted, data={"timeline": "2025"})
    services.submit_initiative(actor=member, initiative=submitted)
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED


def test_reject_initiative_requires_a_reason(submitted: Any, moderator: Any) -> None:
    with pytest.raises(DomainError):
        services.reject_initiative(actor=moderator, initiative=submitted, reason="")


def test_reject_initiative_records_who_when_and_why(submitted: Any, moderator: Any) -> None:
    services.reject_initiative(actor=moderator, initiative=submitted, reason="Not GCM related")
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.REJECTED
    last = submitted.transitions.last()
    assert (last.actor, last.reason, last.to_state) == (moderator, "Not GCM related", "rejected")
    assert last.created_at is not None


def test_a_draft_cannot_be_moderated(draft: Any, moderator: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.publish_initiative(actor=moderator, initiative=draft)
    assert exc.value.code in {"invalid_state", "permission_denied"}


# --- revisions of published initiatives -------------------------------------------------------


def test_editing_a_published_initiative_keeps_it_online_until_the_revision_is_published(
    member: Any, published: Any, moderator: Any
) -> None:
    revision = services.update_initiative(
        actor=member, initiative=published, data={"title": "Better title"}
    )
    assert revision.pk != published.pk
    assert revision.revision_of == published
    assert list(Initiative.objects.published()) == [published]
    assert Initiative.objects.published().get().title == "Legal aid clinics for migrant workers"
    again = services.update_initiative(
        actor=member, initiative=published, data={"summary": "Shorter."}
    )
    assert again.pk == revision.pk  # one pending revision at a time
    services.submit_initiative(actor=member, initiative=revision)
    assert Initiative.objects.published().get().title == "Legal aid clinics for migrant workers"
    result = services.publish_initiative(actor=moderator, initiative=revision)
    assert result.pk == published.pk
    published.refresh_from_db()
    assert (published.title, published.summary) == ("Better title", "Shorter.")
    assert published.links.count() == 2
    assert Initiative.objects.count() == 1
    assert published.transitions.filter(is_revision=True, to_state="published").exists()


def test_rejecting_a_revision_keeps_the_published_version(
    member: Any, published: Any, moderator: Any
) -> None:
    revision = services.update_initiative(
        actor=member, initiative=published, data={"title": "Worse title"}
    )
    services.submit_initiative(actor=member, initiative=revision)
    services.reject_initiative(actor=moderator, initiative=revision, reason="Keep the old one")
    published.refresh_from_db()
    assert published.title == "Legal aid clinics for migrant workers"
    assert published.state == ModerationState.PUBLISHED
    assert Initiative.objects.count() == 1
    assert published.transitions.filter(reason="Keep the old one").exists()


# --- evidence files ---------------------------------------------------------------------------


def test_a_pdf_evidence_file_is_attached(member: Any, draft: Any) -> None:
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    evidence = services.add_evidence_file(
        actor=member, initiative=draft, title="Report", upload=upload
    )
    assert evidence.file.name.endswith(".pdf")


def test_a_200_mb_upload_is_refused_without_reading_it(member: Any, draft: Any) -> None:
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4", content_type="application/pdf")
    upload.size = 200 * 1024 * 1024  # claimed size; nothing of that size is allocated
    with pytest.raises(DomainError) as exc:
        services.add_evidence_file(actor=member, initiative=draft, title="Big", upload=upload)
    assert "too large" in exc.value.errors["file"][0]
    assert Evidence.objects.count() == 0


def test_an_executable_disguised_as_pdf_is_refused(member: Any, draft: Any) -> None:
    upload = SimpleUploadedFile("x.pdf", b"MZ\x90\x00", content_type="application/pdf")
    with pytest.raises(DomainError):
        services.add_evidence_file(actor=member, initiative=draft, title="x", upload=upload)
    assert Evidence.objects.count() == 0


def test_another_organisation_cannot_attach_files(other_member: Any, draft: Any) -> None:
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.4", content_type="application/pdf")
    with pytest.raises(DomainError):
        services.add_evidence_file(actor=other_member, initiative=draft, title="x", upload=upload)


# --- calls ------------------------------------------------------------------------------------


def test_a_moderator_opens_a_call(moderator: Any) -> None:
    call = services.save_call(
        actor=moderator,
        title="Call on objective 13",
        focus_objectives=Objective.objects.filter(number=13),
        opens_on=dt.date(2025, 1, 1),
        deadline=dt.date(2099, 1, 1),
    )
    assert [o.number for o in call.focus_objectives.all()] == [13]


def test_a_member_cannot_open_a_call(member: Any) -> None:
    with pytest.raises(DomainError):
        services.save_call(
            actor=member, title="x", opens_on=dt.date(2025, 1, 1), deadline=dt.date(2026, 1, 1)
        )


def test_a_call_deadline_before_its_opening_is_refused(moderator: Any) -> None:
    with pytest.raises(DomainError) as exc:
        services.save_call(
            actor=moderator, title="x", opens_on=dt.date(2025, 1, 2), deadline=dt.date(2025, 1, 1)
        )
    assert "deadline" in exc.value.errors


def test_answering_a_closed_call_is_refused(member: Any, draft: Any, moderator: Any) -> None:
    call = services.save_call(
        actor=moderator, title="Old", opens_on=dt.date(2020, 1, 1), deadline=dt.date(2020, 2, 1)
    )
    with pytest.raises(DomainError) as exc:
        services.update_initiative(actor=member, initiative=draft, data={"call": call})
    assert "call" in exc.value.errors


# --- organisations and members ----------------------------------------------------------------


def test_a_registered_user_proposes_a_new_organisation_and_a_moderator_approves(
    moderator: Any,
) -> None:
    from objectives.models import OrganisationType

    user = services.register_user(
        email="New.Person@Example.test", full_name="New Person", password="a-long-pass-phrase"
    )
    assert user.email == "new.person@example.test"
    req = services.request_membership(
        actor=user,
        new_organisation={"name": "Fresh NGO", "type": OrganisationType.objects.first()},
    )
    assert req.organisation.status == Organisation.Status.PENDING
    services.decide_membership(actor=moderator, request=req, approve=True)
    req.organisation.refresh_from_db()
    assert req.organisation.status == Organisation.Status.APPROVED
    fresh = type(user).objects.get(pk=user.pk)
    assert roles_of(fresh).has(Role.CIVIL_SOCIETY_MEMBER, organisation_id=req.organisation.pk)


def test_declining_the_only_request_for_a_new_organisation_rejects_it(moderator: Any) -> None:
    from objectives.models import OrganisationType

    user = services.register_user(email="a@example.test", full_name="A", password="long-pass-99x")
    req = services.request_membership(
        actor=user, new_organisation={"name": "Dubious", "type": OrganisationType.objects.first()}
    )
    services.decide_membership(actor=moderator, request=req, approve=False)
    req.organisation.refresh_from_db()
    assert req.organisation.status == Organisation.Status.REJECTED
    assert not roles_of(user).is_civil_society


def test_joining_an_existing_organisation_twice_keeps_one_request(org: Any, make_user: Any) -> None:
    user = make_user()
    first = services.request_membership(actor=user, organisation=org)
    second = services.request_membership(actor=user, organisation=org)
    assert first.pk == second.pk
    assert MembershipRequest.objects.count() == 1


def test_only_moderators_decide_membership(org: Any, make_user: Any, member: Any) -> None:
    req = services.request_membership(actor=make_user(), organisation=org)
    with pytest.raises(DomainError):
        services.decide_membership(actor=member, request=req, approve=True)


def test_a_request_is_decided_once(org: Any, make_user: Any, moderator: Any) -> None:
    req = services.request_membership(actor=make_user(), organisation=org)
    services.decide_membership(actor=moderator, request=req, approve=True)
    with pytest.raises(DomainError):
        services.decide_membership(actor=moderator, request=req, approve=False)


def test_register_user_creates_nothing_for_a_known_email_in_any_case_and_tells_its_owner(
    member: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        result = services.register_user(
            email=member.email.upper(), full_name="x", password="long-pass-99x"
        )
    assert result is None
    assert type(member).objects.filter(email__iexact=member.email).count() == 1
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_register_user_refuses_a_weak_password() -> None:
    with pytest.raises(DomainError) as exc:
        services.register_user(email="b@example.test", full_name="B", password="12345678")
    assert "password" in exc.value.errors
