"""Admin for countries and regions."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models as m


class MembershipInline(admin.TabularInline):
    model = m.CommissionMembership
    extra = 0


class DesignationInline(admin.TabularInline):
    model = m.CountryDesignation
    extra = 0


@admin.register(m.Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "alpha2", "alpha3", "numeric", "un_status", "m49_subregion"]
    list_filter = ["un_status", "m49_region", "review_regions"]
    search_fields = ["name", "official_name", "alpha2", "alpha3"]
    list_select_related = ["m49_subregion"]
    inlines = [MembershipInline, DesignationInline]


@admin.register(m.M49Region)
class M49RegionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name"]


@admin.register(m.M49SubRegion)
class M49SubRegionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "region"]
    list_filter = ["region"]


@admin.register(m.ReviewRegion)
class ReviewRegionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(m.CountryDesignation)
class CountryDesignationAdmin(SimpleHistoryAdmin):
    list_display = ["country", "designation", "as_of", "source"]
    list_filter = ["designation"]
    autocomplete_fields = ["country"]
