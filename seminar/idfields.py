"""Form fields for ids, parsed with `seminar.http.parse_id`.

A malformed id ("abc", "²", "-1", "1.5", twenty digits) is a tampered request, not a slip a
person can correct in the form: it raises `MalformedId` out of `is_valid()`, which Django
answers with a 400 that names the value. A well-formed id that is not among the choices
stays an ordinary form error, since a list on the screen may be out of date.
"""

from django import forms

from seminar.http import parse_id


class IdChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values:
            parse_id(str(value))
        return super().to_python(value)


class IdsChoiceField(forms.ModelMultipleChoiceField):
    def clean(self, value):
        for one in value or ():
            parse_id(str(one))
        return super().clean(value)


class IdField(forms.IntegerField):
    def to_python(self, value):
        if value not in self.empty_values:
            parse_id(str(value))
        return super().to_python(value)
