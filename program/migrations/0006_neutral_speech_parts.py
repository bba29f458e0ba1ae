"""The speech draft's parts get neutral names (no seminar's vision in the schema); renames keep
every draft."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("program", "0005_vernissage_timer")]

    operations = [
        migrations.RenameField("speechdraft", "vision", "message"),
        migrations.RenameField("speechdraft", "why", "reason"),
        migrations.RenameField("speechdraft", "bring_to_life", "actions"),
        migrations.AlterField(
            "speechdraft",
            "message",
            models.TextField(blank=True, max_length=2000, verbose_name="The message"),
        ),
        migrations.AlterField(
            "speechdraft",
            "reason",
            models.TextField(blank=True, max_length=2000, verbose_name="Why it matters"),
        ),
        migrations.AlterField(
            "speechdraft",
            "actions",
            models.TextField(
                blank=True, max_length=2000, verbose_name="How we put it into practice"
            ),
        ),
    ]
