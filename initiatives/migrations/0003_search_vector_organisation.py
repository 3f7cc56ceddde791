"""Rebuild the stored search vectors with the organisation's name inside (PostgreSQL only).

The expression mirrors ``initiatives.services.content.search_vector_expression`` as it stood
when this migration was written (migrations never import app code that may change).
"""

from django.db import migrations

REBUILD = """
UPDATE initiatives_initiative AS i SET search_vector =
    setweight(to_tsvector('english'::regconfig, COALESCE(i.title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, COALESCE(i.summary, '') || ' '
        || COALESCE((SELECT o.name FROM accounts_organisation o WHERE o.id = i.organisation_id),
                    '')), 'B')
    || setweight(to_tsvector('english'::regconfig, COALESCE(i.description, '') || ' '
        || COALESCE(i.expected_outcomes, '') || ' ' || COALESCE(i.regions_text, '')), 'C')
"""


def rebuild(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REBUILD)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0002_search_gin_index"), ("accounts", "0001_initial")]
    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
