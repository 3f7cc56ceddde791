"""Initiative pages: public list and page, the multi-step form, my initiatives, moderation, calls.

The mapping, export and import pages live in ``views_mapping.py``; joining in ``views_join.py``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import Organisation, Role, User
from accounts.permissions import roles_of
from core.errors import DomainError
from core.pages import form_error_status, page_error_status
from core.pagination import KeptCountPaginator

from . import aggregates, forms, permissions, selectors, services
from .filters import PUBLIC_FILTER_FIELDS, InitiativeFilter
from .models import CallForInitiatives, Evidence, Initiative, ModerationState

PAGE_SIZE = 20


def _actor(request: HttpRequest) -> User:
    """The logged-in user (views using it require login)."""
    return request.user  # type: ignore[return-value]


STEPS: list[tuple[str, Any]] = [
    ("basics", gettext_lazy("The initiative")),
    ("when-where", gettext_lazy("When and where")),
    ("framework", gettext_lazy("Objectives and principles")),
    ("engagement", gettext_lazy("Partners and engagement")),
    ("outputs", gettext_lazy("Events, outputs and evidence")),
    ("contact", gettext_lazy("Focal point and call")),
    ("review", gettext_lazy("Check and submit")),
]
STEP_KEYS = [k for k, _label in STEPS]
STEP_FORMS: dict[str, type[forms.StepForm]] = {
    "basics": forms.BasicsForm,
    "when-where": forms.WhenWhereForm,
    "framework": forms.FrameworkForm,
    "engagement": forms.EngagementForm,
    "outputs": forms.OutputsForm,
    "contact": forms.ContactForm,
}


def public_filter(request: HttpRequest) -> InitiativeFilter:
    data = request.GET.copy()
    for key in list(data):
        if key not in PUBLIC_FILTER_FIELDS and key != "page":
            del data[key]
    return InitiativeFilter(data or None, queryset=selectors.public_initiatives())


def initiative_list(request: HttpRequest) -> HttpResponse:
    """Public: published initiatives with facets, full-text search, sorting and pages."""
    filterset = public_filter(request)
    status = 200
    if filterset.is_bound and not filterset.is_valid():
        initiatives = selectors.public_initiatives().none()
        status = 400
    else:
        initiatives = filterset.qs
    params = {k: request.GET.getlist(k) for k in request.GET if k != "page"}

    def total() -> int:  # kept between publications: no COUNT over every row per page
        return aggregates.cached("page-count", params, initiatives.count)

    paginator = KeptCountPaginator(selectors.for_list(initiatives), PAGE_SIZE, count_fn=total)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "initiatives/initiative_list.html",
        {
            "filter": filterset,
            "page": page,
            "initiatives": page.object_list,
            "query": query.urlencode(),
            "open_calls": selectors.open_calls(),
        },
        status=status,
    )


def _get_visible(request: HttpRequest, pk: int) -> Initiative:
    initiative = get_object_or_404(selectors.initiative_detail_queryset(), pk=pk)
    if not permissions.can_view_initiative(request.user, initiative):
        raise Http404
    return initiative


def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Public for published initiatives; owners and moderators also see drafts and the log."""
    initiative = _get_visible(request, pk)
    user = request.user
    # A moderator who may read it but not decide it is told why (separation of duties).
    under_review = initiative.state == ModerationState.SUBMITTED and (
        permissions.in_moderation_scope(user, initiative)
    )
    refusal = permissions.moderation_refusal(user, initiative) if under_review else None
    can_moderate = under_review and refusal is None
    revision = getattr(initiative, "pending_revision", None) if initiative.pk else None
    return render(
        request,
        "initiatives/initiative_detail.html",
        {
            "initiative": initiative,
            "private": permissions.can_see_private_contact(user, initiative),
            "can_edit": permissions.can_edit_initiative(user, initiative),
            "can_moderate": can_moderate,
            "moderation_refusal": refusal,
            "moderation_form": forms.ModerationForm() if can_moderate else None,
            "revision": revision,
            "last_transition": list(initiative.transitions.all())[-1:][0]
            if initiative.transitions.all()
            else None,
        },
    )


# --- the multi-step form ----------------------------------------------------------------------


def _member_organisations(user: Any) -> Any:
    roles = roles_of(user)
    qs = Organisation.objects.filter(status=Organisation.Status.APPROVED)
    if roles.is_admin:
        return qs.order_by("name")
    return qs.filter(pk__in=roles.organisation_ids(Role.CIVIL_SOCIETY_MEMBER)).order_by("name")


@login_required
def initiative_new(request: HttpRequest) -> HttpResponse:
    """Step 1 for a new initiative; saving it creates the draft."""
    organisations = _member_organisations(request.user)
    if not organisations.exists():
        messages.info(request, _("Join an organisation first; a moderator approves members."))
        return redirect("initiatives:join")
    org_form = forms.OrganisationChoiceForm(
        request.POST or None,
        organisations=organisations,
        initial={"organisation": organisations.first()},
    )
    call_id = request.GET.get("call")
    form = forms.BasicsForm(request.POST or None)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and org_form.is_valid() and form.is_valid():
        data = form.to_data()
        # Whether the call is open is the service's rule, for the page and the API alike.
        call = selectors.call_list().filter(pk=_int_or_none(request.POST.get("call")) or 0).first()
        if call is not None:
            data["call"] = call
        try:
            initiative = services.create_initiative(
                actor=_actor(request),
                organisation=org_form.cleaned_data["organisation"],
                data=data,
            )
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            messages.success(request, _("Draft saved."))
            return redirect("initiatives:edit", pk=initiative.pk, step=STEP_KEYS[1])
    return render(
        request,
        "initiatives/initiative_form.html",
        {
            "form": form,
            "org_form": org_form if organisations.count() > 1 else None,
            "organisation": organisations.first(),
            "steps": STEPS,
            "step": "basics",
            "initiative": None,
            "call_id": call_id,
        },
        status=status,
    )


def _formsets(step: str, initiative: Initiative, data: Any = None) -> dict[str, Any]:
    if step == "engagement":
        initial = [
            {"name": p.name, "role": p.role, "is_state": p.is_state}
            for p in initiative.partners.all()
        ]
        return {"partners": forms.PartnerFormSet(data, initial=initial, prefix="partners")}
    if step == "outputs":
        outputs = [
            {"kind": o.kind, "title": o.title, "date": o.date, "url": o.url}
            for o in initiative.outputs.all()
        ]
        links = [{"title": e.title, "url": e.url} for e in initiative.evidence.all() if not e.file]
        return {
            "outputs": forms.OutputFormSet(data, initial=outputs, prefix="outputs"),
            "links": forms.LinkFormSet(data, initial=links, prefix="links"),
        }
    return {}


def _formset_data(formsets: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if "partners" in formsets:
        data["partners"] = [
            {
                "name": f.cleaned_data["name"],
                "role": f.cleaned_data["role"] or "partner",
                "is_state": f.cleaned_data["is_state"],
            }
            for f in formsets["partners"].forms
            if f.cleaned_data.get("name")
        ]
    if "outputs" in formsets:
        data["outputs"] = [
            {k: f.cleaned_data[k] for k in ("kind", "title", "date", "url")}
            for f in formsets["outputs"].forms
            if f.cleaned_data.get("title")
        ]
        data["evidence_links"] = [
            {"title": f.cleaned_data["title"], "url": f.cleaned_data["url"]}
            for f in formsets["links"].forms
            if f.cleaned_data.get("url")
        ]
    return data


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
def initiative_edit(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """One step of the form; each save keeps the draft and moves to the next step.

    Showing a step needs the owner and an editable state; what a POST may change, the service
    decides (and answers 403 or 409 as the API does).
    """
    if step not in STEP_KEYS:
        raise Http404
    initiative = _get_visible(request, pk)
    if request.method != "POST":
        if not permissions.belongs_to_user(request.user, initiative):
            raise PermissionDenied
        if initiative.state == ModerationState.PUBLISHED and initiative.revision_of_id is None:
            revision = getattr(initiative, "pending_revision", None)
            if revision is not None:
                return redirect("initiatives:edit", pk=revision.pk, step=step)
            return render(request, "initiatives/revise_confirm.html", {"initiative": initiative})
        if initiative.state not in permissions.EDITABLE_STATES:
            messages.error(request, _("This initiative cannot be edited now."))
            return redirect(initiative)
    if step == "review":
        return render(
            request,
            "initiatives/initiative_review.html",
            {
                "initiative": initiative,
                "steps": STEPS,
                "step": step,
                "problems": services._submission_errors(initiative),
            },
        )
    form_class = STEP_FORMS[step]
    kwargs: dict[str, Any] = {"initiative": initiative}
    if step == "contact":
        kwargs["calls"] = CallForInitiatives.objects.filter(
            Q(pk__in=selectors.open_calls().values("pk")) | Q(pk=initiative.call_id or 0)
        ).order_by("deadline")
    post = request.POST if request.method == "POST" else None
    form = form_class(post, request.FILES or None, **kwargs)
    formsets = _formsets(step, initiative, post)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST":
        valid = form.is_valid() & all([fs.is_valid() for fs in formsets.values()])  # noqa: C419 - validate every formset
        if valid:
            data = {**form.to_data(), **_formset_data(formsets)}
            try:
                target = services.update_initiative(
                    actor=_actor(request),
                    initiative=initiative,
                    data=data,
                )
                if step == "outputs" and form.cleaned_data.get("evidence_file"):
                    services.add_evidence_file(
                        actor=_actor(request),
                        initiative=target,
                        title=form.cleaned_data.get("evidence_title") or "",
                        upload=form.cleaned_data["evidence_file"],
                    )
            except DomainError as exc:
                status = form_error_status(exc, form)
            else:
                messages.success(request, _("Saved."))
                if "save_stay" in request.POST:
                    return redirect("initiatives:edit", pk=target.pk, step=step)
                following = STEP_KEYS[STEP_KEYS.index(step) + 1]
                return redirect("initiatives:edit", pk=target.pk, step=following)
    return render(
        request,
        "initiatives/initiative_form.html",
        {
            "form": form,
            "formsets": formsets,
            "steps": STEPS,
            "step": step,
            "initiative": initiative,
            "evidence_files": [e for e in initiative.evidence.all() if e.file],
        },
        status=status,
    )


@login_required
@require_POST
def initiative_revise(request: HttpRequest, pk: int) -> HttpResponse:
    """Open a revision of a published initiative; the published version stays online."""
    initiative = _get_visible(request, pk)
    revision = services.start_revision(actor=_actor(request), initiative=initiative)
    return redirect("initiatives:edit", pk=revision.pk, step=STEP_KEYS[0])


@login_required
@require_POST
def initiative_submit(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _get_visible(request, pk)
    try:
        target = services.submit_initiative(actor=_actor(request), initiative=initiative)
    except DomainError as exc:
        return render(
            request,
            "initiatives/initiative_review.html",
            {"initiative": initiative, "steps": STEPS, "step": "review", "problems": exc.errors},
            status=page_error_status(exc),
        )
    messages.success(request, _("Submitted. A moderator will review it; you will get an e-mail."))
    return redirect(target)


@login_required
@require_POST
def initiative_delete(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _get_visible(request, pk)
    original = initiative.revision_of
    services.discard_draft(actor=_actor(request), initiative=initiative)
    messages.success(request, _("Deleted."))
    return redirect(original) if original else redirect("initiatives:mine")


@login_required
@require_POST
def evidence_delete(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    initiative = _get_visible(request, pk)
    evidence = get_object_or_404(Evidence, pk=evidence_pk, initiative=initiative)
    services.remove_evidence(actor=_actor(request), evidence=evidence)
    return redirect("initiatives:edit", pk=initiative.pk, step="outputs")


@login_required
def my_initiatives(request: HttpRequest) -> HttpResponse:
    if not permissions.is_submitter(request.user):
        return redirect("initiatives:join")
    page = Paginator(selectors.my_initiatives(request.user), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "initiatives/my_initiatives.html",
        {"page": page, "initiatives": page.object_list},
    )


# --- moderation -------------------------------------------------------------------------------


@login_required
def moderation_queue(request: HttpRequest) -> HttpResponse:
    if not permissions.is_moderator(request.user):
        raise PermissionDenied
    page = Paginator(selectors.moderation_queue(request.user), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "initiatives/moderation_queue.html",
        {
            "page": page,
            "initiatives": page.object_list,
            "membership_requests": selectors.pending_membership_requests(request.user),
        },
    )


def _moderation_command(
    request: HttpRequest, pk: int, command: Any, done: str, reason_as: str
) -> HttpResponse:
    """One moderation command of the initiative page: the form, one service call, a redirect."""
    initiative = _get_visible(request, pk)
    form = forms.ModerationForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            command(
                actor=_actor(request),
                initiative=initiative,
                **{reason_as: form.cleaned_data["reason"]},
            )
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            messages.success(request, done)
            return redirect("initiatives:moderation")
    return render(
        request,
        "initiatives/initiative_detail.html",
        {
            "initiative": initiative,
            "private": True,
            "can_edit": False,
            "can_moderate": permissions.can_moderate_initiative(request.user, initiative),
            "moderation_form": form,
            "revision": None,
        },
        status=status,
    )


@login_required
@require_POST
def initiative_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Moderators: publish a submitted initiative (or revision); the reason is an optional note."""
    return _moderation_command(
        request, pk, services.publish_initiative, _("Published."), reason_as="note"
    )


@login_required
@require_POST
def initiative_request_changes(request: HttpRequest, pk: int) -> HttpResponse:
    """Moderators: return a submitted initiative to its submitter, with the reason."""
    return _moderation_command(
        request,
        pk,
        services.request_changes,
        _("Returned to the submitter for changes."),
        reason_as="reason",
    )


@login_required
@require_POST
def initiative_reject(request: HttpRequest, pk: int) -> HttpResponse:
    """Moderators: reject a submitted initiative, with the reason."""
    return _moderation_command(
        request, pk, services.reject_initiative, _("Rejected."), reason_as="reason"
    )


# --- calls ------------------------------------------------------------------------------------


def call_list(request: HttpRequest) -> HttpResponse:
    calls = selectors.call_list().order_by("-deadline", "pk")
    return render(
        request,
        "initiatives/call_list.html",
        {"calls": calls, "can_open": permissions.is_moderator(request.user)},
    )


def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(selectors.call_list(), pk=pk)
    initiatives = selectors.public_initiatives().filter(call=call)
    is_open = selectors.open_calls().filter(pk=call.pk).exists()
    return render(
        request,
        "initiatives/call_detail.html",
        {
            "call": call,
            "initiatives": initiatives,
            "is_open": is_open,
            "can_edit": permissions.is_moderator(request.user),
        },
    )


@login_required
def call_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    # Showing the form needs the role; what a POST may do, the service decides.
    if request.method != "POST" and not permissions.is_moderator(request.user):
        raise PermissionDenied
    call = get_object_or_404(selectors.call_list(), pk=pk) if pk else None
    initial = (
        {
            "title": call.title,
            "description": call.description,
            "focus_objectives": list(call.focus_objectives.all()),
            "opens_on": call.opens_on,
            "deadline": call.deadline,
        }
        if call
        else None
    )
    form = forms.CallForm(request.POST or None, initial=initial)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            call = services.save_call(actor=_actor(request), call=call, **form.cleaned_data)
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            messages.success(request, _("Call saved."))
            return redirect(call)
    return render(
        request,
        "initiatives/call_form.html",
        {"form": form, "call": call},
        status=status,
    )
