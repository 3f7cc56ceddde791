"""Admin for the reviews app (history-aware)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Pledge,
    PledgeUpdate,
    ReviewCycle,
    Submission,
    SubmissionAttachment,
)


@admin.register(ReviewCycle)
class ReviewCycleAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "kind", "review_region", "year_start", "year_end"]
    list_filter = ["kind", "review_region"]
    search_fields = ["code", "title"]


class AttachmentInline(admin.TabularInline):
    model = SubmissionAttachment
    extra = 0


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "cycle", "kind", "country", "organisation", "status"]
    list_filter = ["kind", "status", "cycle"]
    search_fields = ["title"]
    raw_id_fields = ["country", "organisation", "created_by"]
    inlines = [AttachmentInline]


class PledgeUpdateInline(admin.TabularInline):
    model = PledgeUpdate
    extra = 0


@admin.register(Pledge)
class PledgeAdmin(SimpleHistoryAdmin):
    list_display = ["id", "title", "pledge_type", "form", "country", "organisation", "status"]
    list_filter = ["pledge_type", "form", "status"]
    search_fields = ["title"]
    raw_id_fields = ["country", "organisation", "matches", "created_by"]
    inlines = [PledgeUpdateInline]
