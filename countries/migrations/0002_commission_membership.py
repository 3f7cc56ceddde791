"""Turn Country.review_regions into memberships with regional/non-regional, source and date.

The table of the former automatic many-to-many (countries_country_review_regions) becomes the
CommissionMembership model: existing rows are kept and read as regional memberships.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("countries", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CommissionMembership",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "country",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="commission_memberships",
                                to="countries.country",
                            ),
                        ),
                        (
                            "review_region",
                            models.ForeignKey(
                                db_column="reviewregion_id",
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="country_memberships",
                                to="countries.reviewregion",
                                verbose_name="review region",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "commission membership",
                        "verbose_name_plural": "commission memberships",
                        "db_table": "countries_country_review_regions",
                        "ordering": ["review_region__code", "-is_regional", "country__name"],
                    },
                ),
                migrations.AlterField(
                    model_name="country",
                    name="review_regions",
                    field=models.ManyToManyField(
                        help_text="Every commission the country is a member of, regional or not.",
                        related_name="countries",
                        through="countries.CommissionMembership",
                        to="countries.reviewregion",
                        verbose_name="review regions",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="commissionmembership",
            name="is_regional",
            field=models.BooleanField(
                default=True,
                help_text="Unticked for a non-regional member (a State outside the region).",
                verbose_name="regional member",
            ),
        ),
        migrations.AddField(
            model_name="commissionmembership",
            name="as_of",
            field=models.DateField(blank=True, null=True, verbose_name="as of"),
        ),
        migrations.AddField(
            model_name="commissionmembership",
            name="source",
            field=models.CharField(blank=True, max_length=255, verbose_name="source"),
        ),
        migrations.CreateModel(
            name="HistoricalCommissionMembership",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "is_regional",
                    models.BooleanField(
                        default=True,
                        help_text="Unticked for a non-regional member (a State outside the region).",
                        verbose_name="regional member",
                    ),
                ),
                ("as_of", models.DateField(blank=True, null=True, verbose_name="as of")),
                ("source", models.CharField(blank=True, max_length=255, verbose_name="source")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                        max_length=1,
                    ),
                ),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="countries.country",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "review_region",
                    models.ForeignKey(
                        blank=True,
                        db_column="reviewregion_id",
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="countries.reviewregion",
                        verbose_name="review region",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical commission membership",
                "verbose_name_plural": "historical commission memberships",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]
