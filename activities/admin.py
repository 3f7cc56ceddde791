"""Admin for national implementation activities (with their history)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import NationalActivity


@admin.register(NationalActivity)
class NationalActivityAdmin(SimpleHistoryAdmin):
    list_display = ["key", "country", "place", "kind", "initiator_type", "year", "published"]
    list_filter = ["source_document", "kind", "initiator_type", "published", "predates_gcm"]
    search_fields = ["key", "description", "initiator", "place", "country__name"]
    raw_id_fields = ["country"]
    filter_horizontal = ["objectives"]
