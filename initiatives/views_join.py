"""Joining: register, ask to act for an organisation (or propose one); moderators decide."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.throttling import account_email_allowed, too_many_attempts_message
from core.errors import DomainError
from core.pages import form_error_status

from . import forms, services
from .models import MembershipRequest
from .views import _actor


def join(request: HttpRequest) -> HttpResponse:
    """Register (when logged out) and ask to act for an organisation."""
    user = request.user
    register_form = None if user.is_authenticated else forms.RegisterForm(request.POST or None)
    form = forms.JoinForm(request.POST or None)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST":
        valid = form.is_valid() & (register_form is None or register_form.is_valid())
        if (
            valid
            and register_form is not None
            and not account_email_allowed(request, "register", register_form.cleaned_data["email"])
        ):
            register_form.add_error(None, too_many_attempts_message())
            return render(
                request,
                "initiatives/join.html",
                {"form": form, "register_form": register_form, "pending": []},
                status=429,
            )
        if valid:
            try:
                if register_form is not None:
                    services.register_and_request_membership(
                        **register_form.cleaned_data,
                        organisation=form.cleaned_data["organisation"],
                        new_organisation=form.new_organisation(),
                        note=form.cleaned_data["note"],
                    )
                else:
                    services.request_membership(
                        actor=user,  # type: ignore[arg-type]
                        organisation=form.cleaned_data["organisation"],
                        new_organisation=form.new_organisation(),
                        note=form.cleaned_data["note"],
                    )
            except DomainError as exc:
                status = form_error_status(
                    exc,
                    register_form if "email" in exc.errors or "password" in exc.errors else form,
                )
            else:
                # A visitor is not logged in, whether the address was new or already had an
                # account: the answer must not tell the two apart. The e-mail does.
                messages.success(
                    request,
                    _("Thank you. A moderator will review your request.")
                    if register_form is None
                    else _(
                        "Thank you. We have sent an e-mail to the address you gave; log in "
                        "with it to follow your request."
                    ),
                )
                return redirect("initiatives:join-done")
    pending = (
        MembershipRequest.objects.filter(
            user=user, status=MembershipRequest.Status.PENDING
        ).select_related("organisation")
        if user.is_authenticated
        else []
    )
    return render(
        request,
        "initiatives/join.html",
        {"form": form, "register_form": register_form, "pending": pending},
        status=status,
    )


def join_done(request: HttpRequest) -> HttpResponse:
    return render(request, "initiatives/join_done.html")


@login_required
@require_POST
def membership_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """A moderator decides a request; the service's refusal is rendered by the page mapper."""
    req = get_object_or_404(MembershipRequest, pk=pk)
    approve = request.POST.get("decision") == "approve"
    services.decide_membership(actor=_actor(request), request=req, approve=approve)
    messages.success(request, _("Approved.") if approve else _("Declined."))
    return redirect("initiatives:moderation")
