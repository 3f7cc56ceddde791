"""DRF permission classes shared by every app's API."""

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView


class PublicReadOnly(BasePermission):
    """Anyone may read; nobody writes through this view. Used by public reference endpoints."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        return request.method in SAFE_METHODS
