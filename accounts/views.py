"""Account pages: login (throttled by django-axes), logout, password reset, API tokens."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.pages import form_error_status

from . import services
from .forms import ApiTokenForm, EmailAuthenticationForm
from .models import ApiToken, User
from .throttling import account_email_allowed, too_many_attempts_message


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    """Same answer whether or not the address has an account; throttled per IP and address."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        if not account_email_allowed(self.request, "password-reset", form.cleaned_data["email"]):
            form.add_error(None, too_many_attempts_message())
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view is never cached already (the page carries the reset token)."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


@login_required
@never_cache
def account(request: HttpRequest) -> HttpResponse:
    """The user's own page: roles and API tokens (a new key is shown once, so never cached)."""
    form = ApiTokenForm()
    new_key = request.session.pop("new_api_token_key", None)
    tokens = ApiToken.objects.filter(user=cast(User, request.user)).order_by("-created_at")
    memberships = request.user.memberships.select_related(  # type: ignore[union-attr]
        "country", "organisation", "review_region"
    )
    return render(
        request,
        "accounts/account.html",
        {"form": form, "tokens": tokens, "new_key": new_key, "memberships": memberships},
    )


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            _token, key = services.create_api_token(
                actor=request.user,  # type: ignore[arg-type]
                name=form.cleaned_data["name"],
            )
        except DomainError as exc:
            status = form_error_status(exc, form)
        else:
            request.session["new_api_token_key"] = key
            messages.success(request, _("Token created. Copy it now: it will not be shown again."))
            return redirect("accounts:account")
    tokens = ApiToken.objects.filter(user=cast(User, request.user))
    memberships = request.user.memberships.select_related(  # type: ignore[union-attr]
        "country", "organisation", "review_region"
    )
    return render(
        request,
        "accounts/account.html",
        {"form": form, "tokens": tokens, "memberships": memberships},
        status=status,
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revoke one of your tokens; another user's token is a 404, rendered by the page mapper."""
    services.revoke_api_token(actor=request.user, token_id=token_id)  # type: ignore[arg-type]
    messages.success(request, _("Token revoked."))
    return redirect("accounts:account")
