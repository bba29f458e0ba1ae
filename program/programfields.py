"""Reading the program file's fields one by one: times, English variants, the seminar's own
words, activity settings and item keys. Each problem is appended with its line
(program.programfile.parse calls these; the checks across fields are program.programchecks).
"""

import datetime as dt
import re

from django.utils.translation import gettext as _

from program import activities, homework, itemkeys
from program.soapbox.selectors import phase_order_problem
from seminar.department_word import word_problem


def _whole(lowest: int, highest: int):
    def problem(value) -> str | None:
        if isinstance(value, int) and not isinstance(value, bool) and lowest <= value <= highest:
            return None
        return _("must be a whole number from %(lowest)s to %(highest)s") % {
            "lowest": lowest,
            "highest": highest,
        }

    return problem


# An activity's own settings, stored in AgendaItem.settings: key -> (kinds, check), where
# check(value) says what is wrong with a value (None: nothing).
ITEM_SETTINGS = {
    "speakers": (("soapbox",), _whole(1, 20)),
    "prepare_minutes": (("soapbox",), _whole(1, 240)),
    "phases": (("soapbox",), phase_order_problem),
}


def _time(value, problems, line, name) -> dt.time | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{1,2}[:.]\d{2}", value.strip()):
        hours, minutes = (int(part) for part in re.split(r"[:.]", value.strip()))
        if hours < 24 and minutes < 60:
            return dt.time(hours, minutes)
    problems.append(
        (
            line,
            _('%(field)s must be a time like "08:30", not %(value)s')
            % {"field": name, "value": repr(value)},
        )
    )
    return None


def _english(table: dict, texts: tuple[str, ...], line_of, problems) -> dict:
    """The table's English variants (`title_en`...), as model field names to values."""
    english = {}
    for name in texts:
        value = table.get(f"{name}_en", "")
        if not isinstance(value, str):
            problems.append(
                (line_of(f"{name}_en"), _("%(field)s must be a text") % {"field": f"{name}_en"})
            )
        elif value.strip():
            english[f"{name}_en"] = value.strip() if name == "title" else value
    return english


def _with_english(fields: set[str], texts: tuple[str, ...]) -> set[str]:
    return fields | {f"{name}_en" for name in texts}


def _seminar_terms(head: dict, spec, line_of, problems) -> None:
    """The seminar's own words and homework: checked here so no seminar's words live in code."""
    year = head.get("goal_year", "")
    if not isinstance(year, (str, int)) or len(str(year)) > 20:
        problems.append((line_of("goal_year"), _('goal_year must be a short text such as "2027"')))
    else:
        spec.goal_year = str(year).strip()
    for name in ("department_word", "department_word_en"):
        if name in head and (problem := word_problem(head[name])) is not None:
            problems.append((line_of(name), f"{name} {problem}"))
        elif name in head:
            setattr(spec, name, [word.strip() for word in head[name]])
    wanted = head.get("homework", [])
    known = [task.key for task in homework.registered()]
    if not isinstance(wanted, list) or not all(isinstance(key, str) for key in wanted):
        problems.append(
            (
                line_of("homework"),
                _("homework must be a list of task names from %(known)s") % {"known": known},
            )
        )
        return
    for key in wanted:
        if key not in known:
            problems.append(
                (
                    line_of("homework"),
                    _("unknown homework %(key)s (known: %(known)s)")
                    % {"key": repr(key), "known": ", ".join(known)},
                )
            )
    spec.homework = list(dict.fromkeys(wanted))


def _item_settings(item: dict, kind: str, line_of, problems) -> dict:
    """The item's activity settings (ITEM_SETTINGS), each for the kinds that use it."""
    settings = {}
    for key, (kinds, check) in ITEM_SETTINGS.items():
        if key not in item:
            continue
        value = item[key]
        if kind not in kinds:
            problems.append(
                (
                    line_of(key),
                    _("%(field)s is a setting of kind %(kinds)s, not %(kind)s")
                    % {"field": key, "kinds": _(" or ").join(kinds), "kind": repr(kind)},
                )
            )
        elif (problem := check(value)) is not None:
            problems.append((line_of(key), f"{key} {problem}"))
        else:
            settings[key] = value
    return settings | _kind_settings(item, kind, line_of, problems)


def kind_setting_names() -> set[str]:
    """The fields that registered kinds read themselves (ActivityKind.setting_names)."""
    return {name for kind in activities.all_kinds() for name in kind.setting_names}


def _kind_settings(item: dict, kind: str, line_of, problems) -> dict:
    """The settings the item's kind declares, read and checked by the kind; another kind's are
    refused."""
    own = activities.get(kind).setting_names if activities.is_registered(kind) else ()
    for name in sorted(item.keys() & kind_setting_names() - set(own)):
        owners = [other.key for other in activities.all_kinds() if name in other.setting_names]
        problems.append(
            (
                line_of(name),
                _("%(field)s is a setting of kind %(kinds)s, not %(kind)s")
                % {"field": name, "kinds": _(" or ").join(owners), "kind": repr(kind)},
            )
        )
    if not activities.is_registered(kind):
        return {}
    given = {name: item[name] for name in own if name in item}
    return activities.get(kind).read_settings(given, line_of, problems)


def _explicit_key(item: dict, taken: set[str], line_of, problems) -> str:
    if "key" not in item:
        return ""
    key = item["key"]
    if not isinstance(key, str) or not itemkeys.KEY.match(key):
        problems.append(
            (line_of("key"), _("key must be lower-case letters, digits, '-' or '_' (at most 60)"))
        )
        return ""
    if key in taken:
        problems.append((line_of("key"), _("two items have the key %(key)s") % {"key": repr(key)}))
    taken.add(key)
    return key


def _derive_keys(spec, taken: set[str]) -> None:
    """Items without a `key` get the one their title gives, unique in the file, in file order."""
    for day in spec.days:
        for item in day.items:
            if not item.key:
                item.key = itemkeys.unique(itemkeys.from_title(item.title), taken)
                taken.add(item.key)
