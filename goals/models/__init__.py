"""The goals app's models: co-creation cases, shared goals, department plans, commitments."""

from goals.models.cases import Case, CaseAnalysis, CasePick, PosterNote, Takeaway
from goals.models.commitments import Commitment, CommitmentMessage, ManagementMessage
from goals.models.goals import Goal, GoalRevision, Handshake
from goals.models.plans import DepartmentPlan
from goals.models.showing import Showing

__all__ = [
    "Case",
    "CaseAnalysis",
    "CasePick",
    "Commitment",
    "CommitmentMessage",
    "DepartmentPlan",
    "Goal",
    "GoalRevision",
    "Handshake",
    "ManagementMessage",
    "PosterNote",
    "Showing",
    "Takeaway",
]
