"""The homework registry: what participants prepare before the seminar, through their link.

Apps register their tasks in `AppConfig.ready()` (an interview, an own case...). A
seminar asks only for its own tasks (`tasks(seminar)`): those its program file names in
`homework`, or else those whose activity kinds its program uses. The phone's homework hub
links to each, and the facilitators' overview shows who has handed in what. So no app
needs to import another to appear there, and no seminar inherits another's homework.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from seminar.invitations.kinds import MailKind
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
    # The activity kinds that work with the task: a seminar whose program has one of them
    # asks for the task unless its program file lists its homework explicitly.
    kinds: tuple[str, ...] = ()

    def url(self, seminar: Seminar) -> str:
        return reverse(self.url_name, args=[seminar.slug])


_TASKS: dict[str, HomeworkTask] = {}


def register(task: HomeworkTask) -> HomeworkTask:
    if task.key in _TASKS and _TASKS[task.key] != task:
        raise ValueError(f"homework {task.key!r} is registered twice")
    _TASKS[task.key] = task
    return task


def registered() -> list[HomeworkTask]:
    """Every task any seminar can ask for."""
    return sorted(_TASKS.values(), key=lambda task: (task.position, task.key))


def tasks(seminar: Seminar) -> list[HomeworkTask]:
    """The tasks this seminar asks its participants for, in order."""
    if seminar.homework:
        return [task for task in registered() if task.key in seminar.homework]
    from program.models import AgendaItem

    kinds = set(AgendaItem.objects.filter(day__seminar=seminar).values_list("kind", flat=True))
    return [task for task in registered() if kinds.intersection(task.kinds)]


def get(key: str) -> HomeworkTask | None:
    return _TASKS.get(key)


def missing(seminar: Seminar) -> dict[int, list[str]]:
    """Who has not handed in all of this seminar's homework: participant id → the task keys
    still open (the reminder CSV's and the reminder mail's people)."""
    wanted = tasks(seminar)
    done = {task.key: task.handed_in(seminar) for task in wanted}
    open_tasks: dict[int, list[str]] = {}
    for person_id in seminar.participants.values_list("pk", flat=True):
        keys = [task.key for task in wanted if person_id not in done[task.key]]
        if keys:
            open_tasks[person_id] = keys
    return open_tasks


def labels(seminar: Seminar, keys: list[str]) -> list[str]:
    """The tasks' names, in the active language, for a reminder mail."""
    return [str(task.label) for task in registered() if task.key in keys]


def reminder_kind() -> MailKind:
    """The homework reminder as a kind of mail (seminar.invitations.kinds), for those not done."""
    return MailKind(
        key="homework", label=_("Homework reminders"),
        subject=_("%(seminar)s: your homework"),
        intro=_("A reminder before %(seminar)s: you have not yet handed in all of your homework. "
                "Open your personal link to do it."),
        due=missing, describe=labels, position=10)
