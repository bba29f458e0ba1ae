"""Facilitators per seminar. Until now every account with the `facilitate` permission ran every
seminar: each such account becomes a facilitator of every seminar that exists, so nobody loses
a seminar they could run; seminars made from now on are run by those who made them and whom
they invite (seminar.access.facilitates)."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import Q


def every_facilitator_runs_every_seminar(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    Seminar = apps.get_model("seminar", "Seminar")
    rule = Q(codename="facilitate", content_type__app_label="seminar")
    users = User.objects.filter(
        Q(user_permissions__in=apps.get_model("auth", "Permission").objects.filter(rule))
        | Q(groups__permissions__in=apps.get_model("auth", "Permission").objects.filter(rule))
    ).distinct()
    Through = Seminar.facilitators.through
    Through.objects.bulk_create(
        [
            Through(seminar_id=seminar_id, user_id=user_id)
            for seminar_id in Seminar.objects.values_list("pk", flat=True)
            for user_id in users.values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("seminar", "0009_invitations"),
    ]

    operations = [
        migrations.AddField(
            model_name="seminar",
            name="facilitators",
            field=models.ManyToManyField(
                blank=True,
                related_name="facilitated_seminars",
                to=settings.AUTH_USER_MODEL,
                verbose_name="facilitators",
            ),
        ),
        migrations.RunPython(every_facilitator_runs_every_seminar, migrations.RunPython.noop),
    ]
