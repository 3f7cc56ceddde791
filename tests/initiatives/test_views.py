"""Initiative pages: the public list and page, the multi-step form, moderation, calls, joining."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from countries.models import Country
from initiatives import services
from initiatives.models import CallForInitiatives, Initiative, MembershipRequest, ModerationState
from objectives.models import Objective

from .factories import make_initiative

pytestmark = pytest.mark.django_db


# --- public pages -----------------------------------------------------------------------------


def test_the_public_list_shows_published_initiatives_with_facets(
    client: Any, published: Any, draft: Any
) -> None:
    response = client.get("/initiatives/")
    assert response.status_code == 200
    html = response.content.decode()
    assert published.title in html
    assert "Unpublished draft" not in html
    assert 'name="objective"' in html
    assert 'name="review_region"' in html
    assert "focal.point@example.test" not in html


def test_the_public_list_searches_and_filters(client: Any, published: Any) -> None:
    assert published.title in client.get("/initiatives/?q=legal+aid").content.decode()
    assert published.title not in client.get("/initiatives/?q=zebra").content.decode()
    assert published.title not in client.get("/initiatives/?objective=1").content.decode()


def test_a_bad_filter_value_is_a_400_with_a_message(client: Any, published: Any) -> None:
    response = client.get("/initiatives/?country=XXX")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_the_list_page_runs_a_fixed_number_of_queries(
    client: Any, member: Any, org: Any, moderator: Any
) -> None:
    make_initiative(member, org, "published", moderator)
    with CaptureQueriesContext(connection) as one:
        client.get("/initiatives/")
    for _ in range(4):
        make_initiative(member, org, "published", moderator)
    with CaptureQueriesContext(connection) as five:
        client.get("/initiatives/")
    assert len(one) == len(five)


def test_a_script_tag_in_the_description_is_escaped(
    client: Any, member: Any, org: Any, moderator: Any
) -> None:
    initiative = make_initiative(
        member,
        org,
        "published",
        moderator,
        title="<script>alert('t')</script>",
        description="<script>alert(1)</script>",
    )
    for url in (f"/initiatives/{initiative.pk}/", "/initiatives/", "/initiatives/mapping/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)" in client.get(f"/initiatives/{initiative.pk}/").content.decode()


def test_the_initiative_page_hides_the_contact_from_the_public(client: Any, published: Any) -> None:
    html = client.get(f"/initiatives/{published.pk}/").content.decode()
    assert "Objective 6" in html
    assert "focal.point@example.test" not in html
    assert "Moderation history" not in html


def test_the_owner_sees_the_contact_and_the_log(client: Any, member: Any, published: Any) -> None:
    client.force_login(member)
    html = client.get(f"/initiatives/{published.pk}/").content.decode()
    assert "focal.point@example.test" in html
    assert "Moderation history" in html


@pytest.mark.parametrize("who", [None, "other_member", "official", "moderator"])
def test_a_draft_page_is_not_found_for_others(
    client: Any, draft: Any, who: str | None, request: Any
) -> None:
    if who:
        client.force_login(request.getfixturevalue(who))
    assert client.get(f"/initiatives/{draft.pk}/").status_code == 404


def test_the_changes_requested_reason_is_shown_to_the_submitter(
    client: Any, member: Any, org: Any, moderator: Any
) -> None:
    initiative = make_initiative(member, org, "changes_requested", moderator)
    client.force_login(member)
    assert "More detail" in client.get(f"/initiatives/{initiative.pk}/").content.decode()


# --- the multi-step form ----------------------------------------------------------------------


def test_logging_an_initiative_needs_a_login(client: Any) -> None:
    response = client.get("/initiatives/new/")
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_a_user_without_organisation_is_sent_to_join(client: Any, official: Any) -> None:
    client.force_login(official)
    assert client.get("/initiatives/new/")["Location"] == "/initiatives/join/"


def test_the_whole_form_saves_a_draft_at_each_step_and_submits(
    client: Any, member: Any, org: Any
) -> None:
    client.force_login(member)
    response = client.post(
        "/initiatives/new/",
        {
            "organisation": org.pk,
            "title": "Community interpreters",
            "summary": "Interpreters in health centres.",
            "categories": ["thematic"],
            "activity_types": [],
            "activity_status": "planned",
        },
    )
    initiative = Initiative.objects.get()
    assert response["Location"] == f"/initiatives/{initiative.pk}/edit/when-where/"
    base = f"/initiatives/{initiative.pk}/edit/"
    response = client.post(
        base + "when-where/",
        {
            "start_date": "2025-03-01",
            "start_precision": "month",
            "end_date": "",
            "end_precision": "tbc",
            "geo_level": "national",
            "host_country": "PRT",
            "countries": ["PRT", "ESP"],
            "regions": [],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    six = Objective.objects.get(number=15)
    response = client.post(
        base + "framework/",
        {
            "objectives": [six.pk, Objective.objects.get(number=16).pk],
            "primary_objective": six.pk,
            "action_letters": "15(b)",
            "principles": [],
            "constituencies": [],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    response = client.post(
        base + "engagement/",
        {
            "engages_states": "on",
            "crisis_response": "covid19",
            "crisis_details": "Interpreting for vaccination",
            "partners-TOTAL_FORMS": "3",
            "partners-INITIAL_FORMS": "0",
            "partners-0-name": "Health ministry",
            "partners-0-role": "partner",
            "partners-0-is_state": "on",
        },
    )
    assert response.status_code == 302
    response = client.post(
        base + "outputs/",
        {
            "funding_status": "funded",
            "outputs-TOTAL_FORMS": "3",
            "outputs-INITIAL_FORMS": "0",
            "outputs-0-kind": "report",
            "outputs-0-title": "Pilot report",
            "outputs-0-date": "2025-06-01",
            "links-TOTAL_FORMS": "2",
            "links-INITIAL_FORMS": "0",
            "links-0-title": "Website",
            "links-0-url": "https://example.org",
        },
    )
    assert response.status_code == 302
    response = client.post(
        base + "contact/",
        {"contact_name": "Focal", "contact_email": "focal@example.test", "call": ""},
    )
    assert response["Location"] == base + "review/"
    assert "Everything needed" in client.get(base + "review/").content.decode()
    response = client.post(f"/initiatives/{initiative.pk}/submit/")
    initiative.refresh_from_db()
    assert initiative.state == ModerationState.SUBMITTED
    assert initiative.engages_states
    assert initiative.partners.get().is_state
    assert {c.alpha3 for c in initiative.countries.all()} == {"PRT", "ESP"}
    assert initiative.links.get(is_primary=True).action_letters == "b"
    assert initiative.evidence.get().url == "https://example.org"


def test_the_framework_step_requires_an_objective(client: Any, member: Any, draft: Any) -> None:
    client.force_login(member)
    response = client.post(
        f"/initiatives/{draft.pk}/edit/framework/", {"objectives": [], "action_letters": ""}
    )
    assert response.status_code == 400
    assert "Choose at least one GCM objective." in response.content.decode()
    assert draft.links.count() == 2


def test_the_framework_step_rejects_malformed_actions(client: Any, member: Any, draft: Any) -> None:
    client.force_login(member)
    obj = Objective.objects.get(number=13)
    response = client.post(
        f"/initiatives/{draft.pk}/edit/framework/",
        {"objectives": [obj.pk], "action_letters": "thirteen h"},
    )
    assert response.status_code == 400
    assert "number(letter)" in response.content.decode()


def test_the_dates_step_rejects_an_end_before_the_start(
    client: Any, member: Any, draft: Any
) -> None:
    client.force_login(member)
    response = client.post(
        f"/initiatives/{draft.pk}/edit/when-where/",
        {
            "start_date": "2025-05-01",
            "start_precision": "day",
            "end_date": "2025-01-01",
            "end_precision": "day",
        },
    )
    assert response.status_code == 400
    assert "The end cannot be before the start." in response.content.decode()
    draft.refresh_from_db()
    assert draft.start_date is None


def test_the_basics_step_rejects_a_ten_thousand_character_title(
    client: Any, member: Any, draft: Any
) -> None:
    client.force_login(member)
    response = client.post(
        f"/initiatives/{draft.pk}/edit/basics/",
        {"title": "x" * 10_000, "activity_status": "planned"},
    )
    assert response.status_code == 400
    assert "at most 255 characters" in response.content.decode()


def test_a_200_mb_evidence_file_is_refused_on_the_form(
    client: Any, member: Any, draft: Any, monkeypatch: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(member)
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4 small", content_type="application/pdf")
    monkeypatch.setattr("django.conf.settings.MAX_UPLOAD_SIZE", 5)  # the file is over the limit
    response = client.post(
        f"/initiatives/{draft.pk}/edit/outputs/",
        {
            "evidence_title": "Big",
            "evidence_file": upload,
            "outputs-TOTAL_FORMS": "0",
            "outputs-INITIAL_FORMS": "0",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 400
    assert "too large" in response.content.decode()
    assert draft.evidence.filter(file__gt="").count() == 0


def test_the_review_step_lists_what_is_missing(client: Any, member: Any, org: Any) -> None:
    initiative = services.create_initiative(actor=member, organisation=org, data={"title": "Bare"})
    client.force_login(member)
    html = client.get(f"/initiatives/{initiative.pk}/edit/review/").content.decode()
    assert "Choose at least one GCM objective." in html
    client.post(f"/initiatives/{initiative.pk}/submit/")
    initiative.refresh_from_db()
    assert initiative.state == ModerationState.DRAFT


@pytest.mark.parametrize("who", ["other_member", "official", "moderator"])
def test_others_cannot_edit_an_organisations_initiative(
    client: Any, published: Any, who: str, request: Any
) -> None:
    client.force_login(request.getfixturevalue(who))
    assert client.get(f"/initiatives/{published.pk}/edit/basics/").status_code == 403
    assert client.post(f"/initiatives/{published.pk}/revise/").status_code == 403


def test_editing_a_published_initiative_goes_through_a_revision(
    client: Any, member: Any, published: Any
) -> None:
    client.force_login(member)
    assert (
        "Start a revision"
        in client.get(f"/initiatives/{published.pk}/edit/basics/").content.decode()
    )
    response = client.post(f"/initiatives/{published.pk}/revise/")
    revision = Initiative.objects.get(revision_of=published)
    assert response["Location"] == f"/initiatives/{revision.pk}/edit/basics/"
    assert client.get(f"/initiatives/{published.pk}/edit/basics/")["Location"] == (
        f"/initiatives/{revision.pk}/edit/basics/"
    )


def test_my_initiatives_lists_the_organisations_initiatives(
    client: Any, member: Any, draft: Any, other_member: Any
) -> None:
    client.force_login(member)
    assert draft.title in client.get("/initiatives/mine/").content.decode()
    client.force_login(other_member)
    assert draft.title not in client.get("/initiatives/mine/").content.decode()


# --- moderation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"), [("member", 403), ("official", 403), ("moderator", 200)]
)
def test_the_moderation_queue_is_for_moderators(
    client: Any, submitted: Any, who: str, status: int, request: Any
) -> None:
    client.force_login(request.getfixturevalue(who))
    response = client.get("/initiatives/moderation/")
    assert response.status_code == status
    if status == 200:
        assert submitted.title in response.content.decode()


def test_the_moderation_queue_needs_a_login(client: Any) -> None:
    assert client.get("/initiatives/moderation/").status_code == 302


def test_a_moderator_rejects_with_a_reason_on_the_page(
    client: Any, moderator: Any, submitted: Any
) -> None:
    client.force_login(moderator)
    response = client.post(f"/initiatives/{submitted.pk}/reject/", {"reason": ""})
    assert response.status_code == 400
    assert "Give a reason" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED
    response = client.post(f"/initiatives/{submitted.pk}/reject/", {"reason": "Duplicate"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.REJECTED


def test_a_member_cannot_moderate_their_own_initiative(
    client: Any, member: Any, submitted: Any
) -> None:
    client.force_login(member)
    response = client.post(f"/initiatives/{submitted.pk}/publish/", {})
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.state == ModerationState.SUBMITTED


def test_the_moderation_queue_runs_a_fixed_number_of_queries(
    client: Any, moderator: Any, member: Any, org: Any
) -> None:
    make_initiative(member, org, "submitted")
    client.force_login(moderator)
    with CaptureQueriesContext(connection) as one:
        client.get("/initiatives/moderation/")
    for _ in range(3):
        make_initiative(member, org, "submitted")
    with CaptureQueriesContext(connection) as four:
        client.get("/initiatives/moderation/")
    assert len(one) == len(four)


# --- calls ------------------------------------------------------------------------------------


def test_a_moderator_opens_a_call_and_members_answer_it(
    client: Any, moderator: Any, member: Any, org: Any
) -> None:
    client.force_login(moderator)
    today = dt.date.today()
    response = client.post(
        "/initiatives/calls/new/",
        {
            "title": "Alternatives to detention",
            "focus_objectives": [Objective.objects.get(number=13).pk],
            "opens_on": today.isoformat(),
            "deadline": (today + dt.timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 302
    call = CallForInitiatives.objects.get()
    client.force_login(member)
    html = client.get(f"/initiatives/calls/{call.pk}/").content.decode()
    assert "Answer this call" in html
    client.post(
        f"/initiatives/new/?call={call.pk}",
        {
            "organisation": org.pk,
            "title": "ATD pilot",
            "activity_status": "planned",
            "call": call.pk,
        },
    )
    assert Initiative.objects.get().call == call


def test_members_cannot_open_calls(client: Any, member: Any) -> None:
    client.force_login(member)
    assert client.get("/initiatives/calls/new/").status_code == 403


# --- joining ----------------------------------------------------------------------------------


def test_a_visitor_registers_and_asks_to_join_an_organisation(
    client: Any, org: Any, moderator: Any
) -> None:
    response = client.post(
        "/initiatives/join/",
        {
            "email": "newcomer@example.test",
            "full_name": "New Comer",
            "password": "a-long-enough-pass",
            "organisation": org.pk,
            "note": "Programme officer",
        },
    )
    assert response.status_code == 302
    req = MembershipRequest.objects.get()
    assert req.user.email == "newcomer@example.test"
    client.force_login(moderator)
    assert "newcomer@example.test" in client.get("/initiatives/moderation/").content.decode()
    client.post(f"/initiatives/members/{req.pk}/decide/", {"decision": "approve"})
    req.refresh_from_db()
    assert req.status == "approved"
    assert req.user.memberships.filter(role=Role.CIVIL_SOCIETY_MEMBER).exists()


def test_joining_without_an_organisation_shows_errors(client: Any, make_user: Any) -> None:
    client.force_login(make_user())
    response = client.post("/initiatives/join/", {"organisation": "", "new_name": ""})
    assert response.status_code == 400
    assert "Choose your organisation" in response.content.decode()
    assert MembershipRequest.objects.count() == 0


def test_members_cannot_decide_membership(
    client: Any, member: Any, org: Any, make_user: Any
) -> None:
    req = services.request_membership(actor=make_user(), organisation=org)
    client.force_login(member)
    assert (
        client.post(f"/initiatives/members/{req.pk}/decide/", {"decision": "approve"}).status_code
        == 403
    )


# --- country profile --------------------------------------------------------------------------


def test_the_country_profile_lists_published_initiatives_by_objective(
    client: Any, published: Any, draft: Any
) -> None:
    html = client.get("/countries/PRT/").content.decode()
    assert "Objective 6" in html
    assert published.title in html
    assert html.count(published.title) == 2  # under objectives 6 and 15
    assert "Unpublished draft" not in html


def test_the_country_profile_shows_counts_and_only_the_latest_initiatives(
    client: Any, member: Any, org: Any, moderator: Any, django_assert_num_queries: Any
) -> None:
    from initiatives import selectors

    made = [
        make_initiative(member, org, "published", moderator, title=f"Clinic {n}") for n in range(7)
    ]
    country = Country.objects.get(alpha3="PRT")
    with django_assert_num_queries(3):
        groups, total = selectors.country_initiative_groups(country, per_objective=5)
    assert total == 7
    by_number = {g.objective.number: g for g in groups}
    assert by_number[6].count == 7
    assert [i.pk for i in by_number[6].latest] == [i.pk for i in reversed(made)][:5]
    html = client.get("/countries/PRT/").content.decode()
    assert "See all 7 initiatives for this objective" in html
    assert "Clinic 0" not in html  # the oldest two are behind the link
