"""One guarded download view serves every stored file, with the permission of its record.

Stored files are never linked by their storage URL, and ``/media/`` is not served (in DEBUG or
not). Each app registers every kind of file it stores, in its ``AppConfig.ready()``::

    register_file_kind("initiative-evidence", selectors.evidence_file)

The resolver takes the user and the record's id and returns a :class:`StoredFile` when the
user may see the record (by the record's own visibility rules), ``None`` otherwise; the view
then answers 404 without saying whether the record exists. Templates and serializers link
``file_url(kind, pk)``, i.e. ``/files/<kind>/<pk>/``.
"""

from __future__ import annotations

import mimetypes
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.settings import api_settings


@dataclass(frozen=True)
class StoredFile:
    """A file the user may download, and the name it is saved under."""

    file: FieldFile
    name: str = ""

    @property
    def filename(self) -> str:
        return self.name or posixpath.basename(self.file.name or "") or "download"


Resolver = Callable[[Any, int], StoredFile | None]

_KINDS: dict[str, Resolver] = {}


def register_file_kind(kind: str, resolve: Resolver) -> None:
    """Declare a kind of stored file and how to find it for a user (idempotent per kind)."""
    _KINDS[kind] = resolve


def registered_kinds() -> list[str]:
    return sorted(_KINDS)


def file_url(kind: str, pk: int) -> str:
    """The guarded URL of a stored file: the only link a template or serializer gives."""
    return reverse("core:file-download", args=[kind, pk])


def _requester(request: HttpRequest) -> Any:
    """The user, signed in to the site or authenticated as the API does (token), else anonymous.

    The API's serializers give these URLs, so an API client's credentials must open them too.
    """
    if request.user.is_authenticated:
        return request.user
    # DRF imports the dotted paths of the setting into classes (the stubs type them as str).
    classes: list[type[BaseAuthentication]] = api_settings.DEFAULT_AUTHENTICATION_CLASSES  # type: ignore[assignment]
    authenticators = [auth() for auth in classes]
    try:
        return Request(request, authenticators=authenticators).user
    except APIException:  # a bad token is no identity: the file is served as to anyone
        return request.user


def file_response(stored: StoredFile) -> FileResponse:
    """Stream a stored file the caller has already cleared, with its type and name.

    The download view uses it, and so do the few routes that serve a file by another stable
    address (the public bulk downloads); nothing else opens a stored file for a response.
    """
    try:
        handle = stored.file.open("rb")
    except OSError:
        raise Http404(_("This file is no longer available.")) from None
    filename = stored.filename
    content_type, _encoding = mimetypes.guess_type(filename)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=content_type or "application/octet-stream",
    )
    # Private records: no shared cache may keep a copy.
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def download(request: HttpRequest, kind: str, pk: int) -> FileResponse:
    """Stream a stored file to a user who may see its record; 404 for everyone else."""
    resolve = _KINDS.get(kind)
    stored = resolve(_requester(request), pk) if resolve is not None else None
    if stored is None or not stored.file:
        raise Http404(_("No such file."))
    return file_response(stored)
