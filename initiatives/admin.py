"""Admin for initiatives (read-mostly: moderation goes through the moderation queue)."""

from typing import Any

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CallForInitiatives, Initiative, MembershipRequest, Transition


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    can_delete = False
    readonly_fields = ["from_state", "to_state", "actor", "reason", "is_revision", "created_at"]

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Initiative)
class InitiativeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "organisation", "state", "source", "published_at"]
    list_filter = ["state", "source", "activity_status"]
    search_fields = ["title", "organisation__name", "external_id"]
    raw_id_fields = ["organisation", "host_country", "call", "created_by"]
    readonly_fields = ["state", "published_at", "revision_of", "external_id", "source"]
    inlines = [TransitionInline]


@admin.register(CallForInitiatives)
class CallAdmin(SimpleHistoryAdmin):
    list_display = ["title", "opens_on", "deadline"]


@admin.register(MembershipRequest)
class MembershipRequestAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organisation", "status", "created_at"]
    list_filter = ["status"]
