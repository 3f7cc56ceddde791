"""The current user's own data."""

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User

from .serializers import MeSerializer


class MeView(APIView):
    """Who am I: the authenticated user and their role memberships."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=MeSerializer)
    def get(self, request: Request) -> Response:
        user = User.objects.prefetch_related(
            "memberships__country", "memberships__review_region"
        ).get(email=request.user.get_username())
        return Response(MeSerializer(user).data)
