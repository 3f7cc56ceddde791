"""Submissions: voluntary reviews by national coordinators, inputs by stakeholders, the window."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.errors import DomainError
from countries.models import Country
from reviews import selectors
from reviews.models import Submission, SubmissionAttachment
from reviews.permissions import can_view_submission
from reviews.services import (
    add_submission_attachment,
    create_submission,
    submit_submission,
    update_submission,
)
from tests.reviews.factories import OpenCycleFactory, SubmissionFactory

PDF = b"%PDF-1.4\n%test\n"


def _review(actor, cycle=None, **extra):
    return create_submission(
        actor=actor,
        cycle=cycle or OpenCycleFactory(),
        country=Country.objects.get(alpha3="PRT"),
        title="Voluntary review",
        summary="Summary",
        objectives=[1, 2],
        **extra,
    )


def test_national_coordinator_starts_a_draft_voluntary_review(coordinator):
    submission = _review(coordinator)
    assert submission.status == Submission.Status.DRAFT
    assert submission.kind == Submission.Kind.VOLUNTARY_REVIEW
    assert sorted(o.number for o in submission.objectives.all()) == [1, 2]
    assert submission.history.exists()


def test_focal_point_cannot_start_the_countrys_review(focal_point):
    with pytest.raises(DomainError) as exc:
        _review(focal_point)
    assert "national coordinator" in str(exc.value)
    assert not Submission.objects.exists()


def test_coordinator_of_another_country_cannot_start_the_review(other_coordinator):
    with pytest.raises(DomainError):
        _review(other_coordinator)
    assert not Submission.objects.exists()


def test_submission_before_the_window_opens_is_refused_with_the_dates(coordinator):
    today = timezone.localdate()
    cycle = OpenCycleFactory(
        submissions_open_on=today + datetime.timedelta(days=5),
        submissions_close_on=today + datetime.timedelta(days=20),
    )
    with pytest.raises(DomainError) as exc:
        _review(coordinator, cycle)
    assert "not open yet" in str(exc.value)
    assert exc.value.code == "window_closed"
    assert not Submission.objects.exists()


def test_submission_after_the_window_closed_is_refused(coordinator):
    today = timezone.localdate()
    cycle = OpenCycleFactory(
        submissions_open_on=today - datetime.timedelta(days=30),
        submissions_close_on=today - datetime.timedelta(days=1),
    )
    with pytest.raises(DomainError) as exc:
        _review(coordinator, cycle)
    assert "window is closed" in str(exc.value)
    assert not Submission.objects.exists()


def test_submission_to_a_cycle_without_window_is_refused(coordinator):
    cycle = OpenCycleFactory(submissions_open_on=None, submissions_close_on=None)
    with pytest.raises(DomainError) as exc:
        _review(coordinator, cycle)
    assert "no submission window" in str(exc.value)


def test_voluntary_review_for_a_country_outside_the_cycles_region_is_refused(make_user):
    kenya_coordinator = make_user("national_coordinator", country="KEN")
    with pytest.raises(DomainError) as exc:
        create_submission(
            actor=kenya_coordinator,
            cycle=OpenCycleFactory(),  # ECE
            country=Country.objects.get(alpha3="KEN"),
            title="t",
            summary="s",
        )
    assert "not in the ECE review region" in str(exc.value)


def test_one_voluntary_review_per_country_and_cycle(coordinator):
    cycle = OpenCycleFactory()
    _review(coordinator, cycle)
    with pytest.raises(DomainError) as exc:
        _review(coordinator, cycle)
    assert "already has a voluntary review" in str(exc.value)
    assert Submission.objects.count() == 1


def test_stakeholder_submits_an_input_for_their_organisation(member, organisation):
    submission = create_submission(
        actor=member, cycle=OpenCycleFactory(), organisation=organisation, title="t", summary="s"
    )
    assert submission.kind == Submission.Kind.STAKEHOLDER_INPUT


def test_stakeholder_cannot_submit_for_another_organisation(other_member, organisation):
    with pytest.raises(DomainError) as exc:
        create_submission(
            actor=other_member,
            cycle=OpenCycleFactory(),
            organisation=organisation,
            title="t",
            summary="s",
        )
    assert "your own organisation" in str(exc.value)
    assert not Submission.objects.exists()


def test_a_submission_names_exactly_one_author(coordinator, organisation):
    with pytest.raises(DomainError):
        create_submission(
            actor=coordinator,
            cycle=OpenCycleFactory(),
            country=Country.objects.get(alpha3="PRT"),
            organisation=organisation,
            title="t",
            summary="s",
        )


def test_draft_is_visible_to_the_countrys_roles_only(
    coordinator, focal_point, other_coordinator, member, client
):
    draft = _review(coordinator)
    assert can_view_submission(coordinator, draft)
    assert can_view_submission(focal_point, draft)
    assert not can_view_submission(other_coordinator, draft)
    assert not can_view_submission(member, draft)
    from django.contrib.auth.models import AnonymousUser

    assert not selectors.submission_list(AnonymousUser()).filter(pk=draft.pk).exists()
    assert selectors.submission_list(focal_point).filter(pk=draft.pk).exists()
    assert not selectors.submission_list(other_coordinator).filter(pk=draft.pk).exists()


def test_submitting_makes_the_review_public_and_read_only(coordinator, other_coordinator):
    draft = _review(coordinator)
    submit_submission(actor=coordinator, submission=draft)
    draft.refresh_from_db()
    assert draft.status == Submission.Status.SUBMITTED
    assert draft.submitted_at is not None
    assert can_view_submission(other_coordinator, draft)
    with pytest.raises(DomainError) as exc:
        update_submission(actor=coordinator, submission=draft, title="Changed")
    assert "can no longer be changed" in str(exc.value)
    assert Submission.objects.get(pk=draft.pk).title == "Voluntary review"


def test_submit_outside_the_window_is_refused_and_leaves_the_draft(coordinator):
    draft = _review(coordinator)
    cycle = draft.cycle
    cycle.submissions_close_on = timezone.localdate() - datetime.timedelta(days=1)
    cycle.submissions_open_on = timezone.localdate() - datetime.timedelta(days=9)
    cycle.save()
    with pytest.raises(DomainError):
        submit_submission(actor=coordinator, submission=draft)
    assert Submission.objects.get(pk=draft.pk).status == Submission.Status.DRAFT


def test_focal_point_may_read_but_not_edit_the_draft(coordinator, focal_point):
    draft = _review(coordinator)
    with pytest.raises(DomainError) as exc:
        update_submission(actor=focal_point, submission=draft, title="Changed")
    assert exc.value.code == "permission_denied"


def test_update_submission_changes_text_and_objectives(coordinator):
    draft = _review(coordinator)
    update_submission(actor=coordinator, submission=draft, title="New", objectives=[5])
    draft.refresh_from_db()
    assert draft.title == "New"
    assert [o.number for o in draft.objectives.all()] == [5]


def test_submit_requires_a_summary(coordinator):
    draft = _review(coordinator)
    Submission.objects.filter(pk=draft.pk).update(summary="  ")
    with pytest.raises(DomainError) as exc:
        submit_submission(actor=coordinator, submission=draft)
    assert "summary" in exc.value.errors


def test_attach_a_pdf_to_a_draft(coordinator):
    draft = _review(coordinator)
    attachment = add_submission_attachment(
        actor=coordinator,
        submission=draft,
        upload=SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf"),
    )
    assert attachment.name == "report.pdf"
    assert attachment.file.read() == PDF


def test_attachment_with_a_wrong_type_is_refused(coordinator):
    draft = _review(coordinator)
    with pytest.raises(DomainError) as exc:
        add_submission_attachment(
            actor=coordinator,
            submission=draft,
            upload=SimpleUploadedFile("report.exe", b"MZ...", content_type="application/x"),
        )
    assert "file" in exc.value.errors
    assert not SubmissionAttachment.objects.exists()


def test_attachment_whose_content_does_not_match_is_refused(coordinator):
    draft = _review(coordinator)
    with pytest.raises(DomainError):
        add_submission_attachment(
            actor=coordinator,
            submission=draft,
            upload=SimpleUploadedFile("report.pdf", b"not a pdf"),
        )
    assert not SubmissionAttachment.objects.exists()


def test_submitted_factory_submission_is_listed_for_everyone(db):
    submission = SubmissionFactory(status=Submission.Status.SUBMITTED)
    from django.contrib.auth.models import AnonymousUser

    assert list(selectors.submission_list(AnonymousUser())) == [submission]
