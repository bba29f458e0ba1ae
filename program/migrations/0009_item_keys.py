"""Items get the stable key a re-import matches them by; existing items get the key their title
gives."""

from django.db import migrations, models

from program import itemkeys


def derive_keys(apps, schema_editor):
    AgendaItem = apps.get_model("program", "AgendaItem")
    taken: dict[int, set[str]] = {}
    changed = []
    for item in AgendaItem.objects.select_related("day").order_by(
        "day__seminar_id", "day__date", "position"
    ):
        keys = taken.setdefault(item.day.seminar_id, set())
        item.key = itemkeys.unique(itemkeys.from_title(item.title), keys)
        keys.add(item.key)
        changed.append(item)
    AgendaItem.objects.bulk_update(changed, ["key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("program", "0008_english_texts")]

    operations = [
        migrations.AddField(
            model_name="agendaitem",
            name="key",
            field=models.CharField(blank=True, db_index=True, max_length=60, verbose_name="key"),
        ),
        migrations.RunPython(derive_keys, migrations.RunPython.noop),
    ]
