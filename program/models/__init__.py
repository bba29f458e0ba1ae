"""The program's models: the agenda and live state, and the vision track's input."""

from program.models.agenda import AgendaItem, AgendaItemQuerySet, Day, LiveState
from program.models.ideas import Idea, IdeaWall
from program.models.questions import Question, QuestionVote
from program.models.soapbox import (
    ActionPlan,
    ActionStep,
    GroupActivityState,
    Speaker,
    SpeakerDraw,
    SpeechDraft,
    SpeechFeedback,
    Volunteer,
)
from program.models.tabletalk import TableCard, TableTalkShow
from program.models.vernissage import Comment, GalleryVisit, Reaction, Vernissage

__all__ = [
    "Comment",
    "GalleryVisit",
    "Idea",
    "IdeaWall",
    "Reaction",
    "TableCard",
    "TableTalkShow",
    "Vernissage",
    "AgendaItem",
    "AgendaItemQuerySet",
    "Day",
    "LiveState",
    "Question",
    "QuestionVote",
    "ActionPlan",
    "ActionStep",
    "GroupActivityState",
    "Speaker",
    "SpeakerDraw",
    "SpeechDraft",
    "SpeechFeedback",
    "Volunteer",
]
