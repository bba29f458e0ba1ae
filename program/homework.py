"""The homework registry: what participants prepare before the seminar, through their link.

Apps register their tasks in `AppConfig.ready()` (the citizen interview, the own
co-creation case...). The homework pages list every registered task: the phone's
homework hub links to each, and the facilitators' overview shows who has handed in
what. So no app needs to import another to appear there.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

from seminar.models import Seminar


@dataclass(frozen=True)
class HomeworkTask:
    key: str
    label: str | Promise
    # The task's phone page, reversed with the seminar's slug.
    url_name: str
    # The ids of the seminar's participants who have handed the task in.
    handed_in: Callable[[Seminar], set[int]]
    position: int = 100

    def url(self, seminar: Seminar) -> str:
        return reverse(self.url_name, args=[seminar.slug])


_TASKS: dict[str, HomeworkTask] = {}


def register(task: HomeworkTask) -> HomeworkTask:
    if task.key in _TASKS and _TASKS[task.key] != task:
        raise ValueError(f"homework {task.key!r} is registered twice")
    _TASKS[task.key] = task
    return task


def tasks() -> list[HomeworkTask]:
    return sorted(_TASKS.values(), key=lambda task: (task.position, task.key))


def get(key: str) -> HomeworkTask | None:
    return _TASKS.get(key)
