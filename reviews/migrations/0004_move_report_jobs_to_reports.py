"""Report jobs now belong to the reports app (see reports/migrations/0001_initial.py).

Only the migration state changes: the tables stay where they are and the reports app's models
name them with ``db_table``.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0003_demo_flag_and_review_wording"),
        ("reports", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HistoricalReportFile"),
                migrations.DeleteModel(name="HistoricalReportJob"),
                migrations.DeleteModel(name="ReportFile"),
                migrations.DeleteModel(name="ReportJob"),
            ],
            database_operations=[],
        ),
    ]
