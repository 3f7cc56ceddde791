"""Admin for users, organisations, role memberships and API tokens."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import ApiToken, Organisation, RoleMembership, User


class RoleMembershipInline(admin.TabularInline):
    model = RoleMembership
    extra = 0
    autocomplete_fields = ["country", "organisation", "review_region"]


@admin.register(User)
class UserAdmin(BaseUserAdmin, SimpleHistoryAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_staff", "last_login"]
    search_fields = ["email", "full_name"]
    list_filter = ["is_active", "is_staff", "is_superuser", "memberships__role"]
    inlines = [RoleMembershipInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("full_name",)}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "type", "country", "status"]
    list_filter = ["status", "type", "country__m49_region"]
    search_fields = ["name", "acronym"]
    autocomplete_fields = ["country", "parent"]
    list_select_related = ["type", "country"]


@admin.register(RoleMembership)
class RoleMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "country", "organisation", "review_region"]
    list_filter = ["role", "review_region"]
    search_fields = ["user__email", "country__name", "organisation__name"]
    autocomplete_fields = ["user", "country", "organisation", "review_region"]
    list_select_related = ["user", "country", "organisation", "review_region"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    search_fields = ["name", "user__email", "prefix"]
    readonly_fields = ["prefix", "created_at", "last_used_at", "revoked_at"]
    list_select_related = ["user"]

    def has_add_permission(self, request: object) -> bool:  # keys are created by their owners
        return False
