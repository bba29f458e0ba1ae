"""The base of the goals app's activity kinds: what the facilitator may put on the projector."""

from program.activities import ActivityKind


class GoalsKind(ActivityKind):
    has_panel = True
    # What this kind's projector can show (goals.models.Showing.What values).
    projector_choices: frozenset[str] = frozenset()

    def valid_ref(self, item, what: str, ref: int | None) -> bool:
        """Whether `ref` names something of this item that `what` can show."""
        return ref is None
