"""`{% department_word as dw %}`: the page's seminar's word for a department in the active
language (seminar.department_word): `dw.one`, `dw.many`, `dw.One`, `dw.Many` and `dw.own`."""

from django import template

from seminar.department_word import DepartmentWord, department_word

register = template.Library()


@register.simple_tag(takes_context=True, name="department_word")
def department_word_tag(context) -> DepartmentWord:
    """Without a seminar on the page, the neutral word."""
    return department_word(context.get("seminar"))


@register.filter
def for_count(word: DepartmentWord, count: int) -> str:
    """`one` for one, `many` for any other count."""
    return word.one if count == 1 else word.many
