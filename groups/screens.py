"""What the room's screens show of groups: a phone's "your group now", the projector's list."""

from django.template.loader import render_to_string

from groups import selectors
from groups.models import Group, Membership, Round


def your_group(*, group: Group | None, grouping: bool, version: int) -> str:
    members = []
    if group is not None:
        members = next(
            (people for g, people in selectors.round_members(group.round) if g.pk == group.pk), []
        )
    return render_to_string(
        "groups/screens.html#your_group",
        {"group": group, "members": members, "grouping": grouping, "version": version},
    )


def group_frames(round_: Round, version: int) -> list[tuple[int, str]]:
    """(group id, frame) for every group of a round; rendered once per group."""
    frames = []
    for group, members in selectors.round_members(round_):
        frames.append(
            (
                group.pk,
                render_to_string(
                    "groups/screens.html#your_group",
                    {"group": group, "members": members, "grouping": True, "version": version},
                ),
            )
        )
    return frames


def find_group(round_: Round | None) -> str:
    """Every present person, alphabetically, with their group (the projector pages it to fit)."""
    rows = []
    if round_ is not None:
        rows = [
            (m.participant, m.group)
            for m in Membership.objects.filter(
                round=round_, participant__present=True
            ).select_related("participant", "group")
        ]
        rows.sort(key=lambda row: row[0].name)
    return render_to_string("groups/screens.html#find_group", {"rows": rows})
