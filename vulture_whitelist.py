"""Names vulture cannot see used: Django, DRF and WSGI reach them through a dotted string.

Each line names the object and says who calls it. Listed here rather than in
``[tool.vulture] ignore_names`` because each is one object, not a naming convention.
"""

from accounts.authentication import ApiTokenAuthentication, axes_username
from accounts.permissions import UserRoles, can_organise_region
from core import downloads, errors, forms, pages, views
from core.api import fields
from core.api import schema as api_schema
from core.api.filters import OrderingFilter
from core.api.parsers import JSONParser
from core.cache import FailOpenRedisCache
from core.headers import PermissionsPolicyMiddleware
from countries.filters import CountryFilter
from gcm_tracker import asgi, wsgi
from initiatives import permissions as initiative_permissions

ApiTokenAuthentication  # REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] names it
pages.DomainErrorMiddleware  # settings.MIDDLEWARE names it
views.error_400, views.error_403, views.error_404, views.error_500  # handler400... in urls.py
wsgi.application, asgi.application  # gunicorn and the ASGI servers load them by name
# The error vocabulary and the page mapper are core's public interface, for every service
# and form view (docs/architecture.md, "Errors"), whether or not one uses each class yet.
errors.InvalidInputError, errors.NotFoundError, pages.form_error_status
# Role predicates of accounts' public interface, covered by tests/accounts; the apps use
# narrower ones today.
UserRoles.is_analyst, UserRoles.is_civil_society, can_organise_region
CountryFilter.search  # django-filter calls it: `method="search"` on the filter's q field
# Django and DRF call these overrides of their field classes by name while cleaning input.
fields.CurrencyField.to_internal_value, forms.CurrencyField.to_python
forms.CurrencyField.validate
# Safety (issue 9): named in settings, or overrides DRF calls by name.
axes_username  # settings.AXES_USERNAME_CALLABLE names it
OrderingFilter.remove_invalid_fields  # DRF's OrderingFilter.get_ordering calls it
JSONParser.parse  # DRF calls a parser's parse(stream, media_type, parser_context)
FailOpenRedisCache  # settings.CACHES names it
PermissionsPolicyMiddleware  # settings.MIDDLEWARE names it
# drf-spectacular calls the post-processing hook named in SPECTACULAR_SETTINGS; Django calls
# the widget's value_from_datadict while binding a form.

api_schema.document_errors, forms.AnyYesNoSelect.value_from_datadict
# The single-object predicate of the membership-queue scope; the two are tested together
# (tests/initiatives/test_duties.py), as the house style asks of every predicate and scope.
initiative_permissions.can_decide_membership
# The kinds of stored file the one download view serves: tests check each is registered.
downloads.registered_kinds
