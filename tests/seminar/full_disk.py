"""A file storage on a disk that fills up: writes go through until the budget is spent,
then the write in progress stops part-way with ENOSPC, as a real full disk does."""

import errno
import os

from django.core.files.storage import FileSystemStorage


class FullDiskStorage(FileSystemStorage):
    budget = 0  # bytes left on the "disk"; tests set it

    def _save(self, name, content):
        data = content.read()
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        room = type(self).budget
        with open(path, "wb") as out:  # part of the file is written, as on a disk that fills
            out.write(data[:room])
        type(self).budget = max(0, room - len(data))
        if room < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
        return name
