#!/usr/bin/env python
"""Django's command-line utility."""

import os
import sys


def main() -> None:
    """Run administrative tasks."""
    # Only the development command line defaults to local settings; wsgi, asgi and Celery
    # default to production.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcm_tracker.settings.local")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
