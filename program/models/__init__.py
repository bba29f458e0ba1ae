"""The program's models: the agenda and live state, and the vision track's input."""

from program.models.agenda import AgendaItem, AgendaItemQuerySet, Day, LiveState
from program.models.questions import Question, QuestionVote

__all__ = ["AgendaItem", "AgendaItemQuerySet", "Day", "LiveState", "Question", "QuestionVote"]
