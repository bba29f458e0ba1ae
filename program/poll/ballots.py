"""What a poll asks and what the room answered: its question and options (the item's
settings), and the tally of its votes. Reads only."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet

from program.models import AgendaItem
from program.poll.models import Poll, Vote
from seminar.bilingual import Bilingual


@dataclass(frozen=True)
class Option(Bilingual):
    index: int
    text: str
    text_en: str = ""


@dataclass(frozen=True)
class Ballot(Bilingual):
    question: str
    question_en: str
    options: tuple[Option, ...]
    multiple: bool


@dataclass(frozen=True)
class Result:
    option: Option
    votes: int
    share: int  # per cent of the people who voted, rounded
    bar: str  # the same, unrounded, for the bar's drawing ("37.5")


@dataclass(frozen=True)
class Tally:
    results: tuple[Result, ...]
    voters: int


def ballot(item: AgendaItem) -> Ballot:
    settings = item.settings or {}
    texts = list(settings.get("options", []))
    english = list(settings.get("options_en", [])) + [""] * len(texts)
    return Ballot(
        question=settings.get("question") or item.title,
        question_en=settings.get("question_en", ""),
        options=tuple(Option(index, text, english[index]) for index, text in enumerate(texts)),
        multiple=settings.get("choice") == "multiple",
    )


def state(item: AgendaItem) -> Poll:
    """The poll's state; one not opened yet when the facilitator has not touched it."""
    return Poll.objects.filter(item=item).first() or Poll(item=item)


def tally(item: AgendaItem, votes: QuerySet | None = None) -> Tally:
    """Each option's votes and its share of the people who voted (a multiple-choice poll's
    shares can add up to more than 100)."""
    rows = list(
        (votes if votes is not None else Vote.objects.filter(item=item)).values_list(
            "voter_id", "option"
        )
    )
    counts = Counter(option for _, option in rows)
    voters = len({voter for voter, _ in rows})
    results = tuple(
        Result(
            option,
            counts[option.index],
            round(100 * counts[option.index] / voters) if voters else 0,
            f"{100 * counts[option.index] / voters:.1f}" if voters else "0",
        )
        for option in ballot(item).options
    )
    return Tally(results, voters)


def choices_of(item: AgendaItem, participant) -> list[int]:
    return sorted(
        Vote.objects.filter(item=item, voter=participant).values_list("option", flat=True)
    )
