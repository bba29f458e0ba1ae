"""Program texts in two languages: a text's English variant (`<field>_en`) on English screens.

A model that mixes in `Bilingual` gets `.shown`, through which templates read its texts:
`{{ item.shown.title }}` is `title_en` while English is active and `title_en` is filled,
else `title`. The stored fields stay as they are, so nothing is ever saved in the wrong
language.
"""

from django.utils import translation


class Shown:
    def __init__(self, instance) -> None:
        self._instance = instance

    def __getattr__(self, name: str):
        value = getattr(self._instance, name)
        if (translation.get_language() or "").startswith("en"):
            return getattr(self._instance, f"{name}_en", "") or value
        return value


class Bilingual:
    @property
    def shown(self) -> Shown:
        return Shown(self)
