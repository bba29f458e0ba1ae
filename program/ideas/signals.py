"""An idea's photo files leave with its row, however the row goes.

A receiver rather than a service step because rows go in many ways: a seminar's purge,
a participant's erasure, the admin's delete, a cascade. The files are removed after the
commit, so a rolled-back delete keeps them.
"""

from django.db import transaction

from seminar import photos


def remove_photo_files(sender, instance, **kwargs) -> None:
    names = [name for name in (instance.photo, instance.photo_small) if name]
    if names:
        transaction.on_commit(lambda: photos.discard(*names))
