"""The strategy bank: PenPortrait's built-in strategies and the school's own.

Built-in strategies ship with the app (penportrait/data/strategies.json). The school's own,
new ones and edited copies of built-in ones, live in the data folder's ``strategies.json``,
shared by everyone who uses the folder. A school strategy with the same id as a built-in one
replaces it; its id starts with "school-" when it is new.

A strategy can carry tags saying a stranger cannot simply do it ("needs preparation", "trained
staff only"). Such a strategy stays on the pupil's portrait, but the class overview for cover
staff never prints it as a MUST DO: ``Bank.cover_must_do`` picks what it prints, and
``Bank.not_for_cover`` says why, in the words the editor shows.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from penportrait import resources
from penportrait.core import school_files
from penportrait.core.model import NEED_CODES, NeedArea, NeedCode, Strategy
from penportrait.core.store import Problem

SCHOOL_FILE: Final = "strategies.json"
Context = Literal["lessons", "unstructured", "transitions", "tests"]
CONTEXT_LABELS: Final[dict[str, str]] = {
    "lessons": "Lessons",
    "unstructured": "Break and lunch",
    "transitions": "Moving between lessons",
    "tests": "Tests",
}
AreaValue = Literal[
    "communication_interaction", "cognition_learning", "semh", "sensory_physical", "other"
]
NeedValue = Literal[
    "SLCN", "ASD", "SPLD", "MLD", "SLD", "PMLD", "SEMH", "HI", "VI", "MSI", "PD", "OTH", "NSA"
]

Tag = Literal["needs_preparation", "trained_staff_only"]


@dataclass(frozen=True)
class TagInfo:
    """What a tag is called, and why a cover teacher is not asked to do the strategy."""

    label: str
    why: str


STRATEGY_TAGS: Final[dict[str, TagInfo]] = {
    "needs_preparation": TagInfo(
        "Needs preparation",
        "it needs something made, learned or arranged beforehand, which a cover teacher "
        "will not have had time for",
    ),
    "trained_staff_only": TagInfo(
        "Trained staff only",
        "only adults trained to do it for this pupil may do it; a cover teacher sends for them",
    ),
}
COVER_NOTE: Final = "The class overview for cover staff does not list it as a MUST DO."


class BankStrategy(BaseModel):
    """One strategy in the bank."""

    model_config = ConfigDict(extra="allow", strict=True, frozen=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{1,63}$")]
    text: Annotated[str, Field(min_length=3, max_length=200)]
    area: AreaValue
    needs: list[NeedValue] = Field(default_factory=list)
    contexts: list[Context] = Field(default_factory=list)
    tags: list[Tag] = Field(default_factory=list)

    def suits(self, needs: Iterable[str]) -> bool:
        return bool(set(self.needs) & set(needs))

    @property
    def for_cover(self) -> bool:
        """A cover teacher with two minutes can do it safely, so it may be a cover MUST DO."""
        return not self.tags

    @property
    def tag_labels(self) -> list[str]:
        return [STRATEGY_TAGS[t].label for t in dict.fromkeys(self.tags)]

    def why_not_for_cover(self) -> str:
        """Why this is not a MUST DO for cover staff, in plain words; "" when it can be."""
        if not self.tags:
            return ""
        reasons = "; and ".join(STRATEGY_TAGS[t].why for t in dict.fromkeys(self.tags))
        return f"{' and '.join(self.tag_labels)}: {reasons}. {COVER_NOTE}"


class _BankFile(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)

    format: Literal["penportrait.strategies"] = "penportrait.strategies"
    format_version: Literal[1] = 1
    revision: Annotated[int, Field(ge=0)] = 0
    strategies: list[BankStrategy] = Field(default_factory=list)


@dataclass
class Bank:
    """The strategies to choose from: built-in ones, with the school's on top."""

    built_in: list[BankStrategy]
    school: list[BankStrategy] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _cached: tuple[tuple[int, ...], dict[str, BankStrategy], dict[str, BankStrategy]] | None = (
        field(default=None, init=False, repr=False, compare=False)
    )
    # The revision of the school's file as read (0: no file yet); a save states it.
    revision: int = 0

    @property
    def strategies(self) -> list[BankStrategy]:
        replaced = {s.id for s in self.school}
        return [*self.school, *(s for s in self.built_in if s.id not in replaced)]

    def get(self, strategy_id: str) -> BankStrategy | None:
        return next((s for s in self.strategies if s.id == strategy_id), None)

    def search(
        self,
        text: str = "",
        *,
        area: str = "",
        need: str = "",
        pupil_needs: Iterable[str] = (),
    ) -> list[BankStrategy]:
        """Strategies whose text has every word typed, in the area and need chosen, those
        that suit the pupil's needs first."""
        words = text.casefold().split()
        wanted = set(pupil_needs)
        school = {s.id for s in self.school}
        found = [
            s
            for s in self.strategies
            if all(w in s.text.casefold() for w in words)
            and (not area or s.area == area)
            and (not need or need in s.needs)
        ]
        return sorted(found, key=lambda s: (not s.suits(wanted), s.id not in school))

    def is_school(self, strategy: BankStrategy) -> bool:
        return any(s.id == strategy.id for s in self.school)

    def find(self, strategy: Strategy) -> BankStrategy | None:
        """The bank strategy a pupil's strategy came from: by its bank id, or else by the
        same words (a strategy typed or imported without its id)."""
        by_id, by_words = self._index()
        found = by_id.get(strategy.bank_id) if strategy.bank_id else None
        return found or by_words.get(_same_words(strategy.text))

    def _index(self) -> tuple[dict[str, BankStrategy], dict[str, BankStrategy]]:
        """Strategies by id and by their words, rebuilt when either list is replaced or grows."""
        key = (id(self.built_in), len(self.built_in), id(self.school), len(self.school))
        if self._cached is None or self._cached[0] != key:
            strategies = self.strategies
            by_id = {s.id: s for s in strategies}
            by_words: dict[str, BankStrategy] = {}
            for s in strategies:  # the school's first: its copy wins
                by_words.setdefault(_same_words(s.text), s)
            self._cached = (key, by_id, by_words)
        return self._cached[1], self._cached[2]

    def not_for_cover(self, strategy: Strategy) -> str:
        """Why the overview for cover staff does not print this pupil's strategy as a MUST DO,
        in the words the editor shows; "" when it may."""
        found = self.find(strategy)
        return found.why_not_for_cover() if found is not None else ""

    def cover_must_do(self, strategies: Iterable[Strategy]) -> list[Strategy]:
        """The pupil's MUST DO strategies that a cover teacher can safely do, in order: what the
        class overview for cover staff prints. Tagged strategies stay on the portrait."""
        return [s for s in strategies if s.essential and not self.not_for_cover(s)]


def _same_words(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".!?")


@functools.cache
def built_in_bank() -> Bank:
    """The built-in bank alone (read once): for callers without a data folder."""
    return load_bank(None)


def load_bank(root: Path | None) -> Bank:
    """The built-in bank, and the school's strategies from ``root`` if there are any."""
    built_in = _BankFile.model_validate_json(resources.read_data("strategies.json")).strategies
    bank = Bank(built_in)
    if root is None:
        return bank
    try:
        document = school_files.load(root, SCHOOL_FILE, _BankFile)
    except school_files.SchoolFileError as error:
        bank.problems.extend(error.problems)
        return bank
    if document is not None:
        bank.school, bank.revision = document.strategies, document.revision
    return bank


def save_school_strategies(root: Path, strategies: list[BankStrategy], revision: int) -> Bank:
    """Replace the school's strategies with ``strategies``, edited from ``revision``.

    Raises SchoolFileError (the file on disk cannot be read; it is not written over) or
    SchoolFileConflict (another computer saved it meanwhile); nothing is written then.
    """
    wanted = _BankFile(strategies=strategies)
    school_files.save(
        root, SCHOOL_FILE, _BankFile, school_files.checked(revision, wanted, SCHOOL_FILE)
    )
    return load_bank(root)


def new_school_strategy(
    text: str, needs: Iterable[str], contexts: Iterable[str] = (), tags: Iterable[str] = ()
) -> BankStrategy:
    """A new school strategy; its area is the area of the first need given."""
    codes = [n for n in needs if n in NEED_CODES]
    area = NEED_CODES[NeedCode(codes[0])][1] if codes else NeedArea.OTHER
    return BankStrategy.model_validate(
        {
            "id": f"school-{uuid.uuid4().hex[:12]}",
            "text": " ".join(text.split()),
            "area": area.value,
            "needs": codes,
            "contexts": list(contexts) or ["lessons"],
            "tags": [t for t in STRATEGY_TAGS if t in set(tags)],
        }
    )


def add_school_strategy(root: Path, strategy: BankStrategy) -> Bank:
    """Add (or replace, by id) one of the school's strategies, and return the new bank.

    The addition is made to the file as it is on disk, under the save lock, so additions made
    at the same time on several laptops are all kept.
    """

    def add(current: _BankFile | None) -> _BankFile:
        kept = [s for s in (current.strategies if current else []) if s.id != strategy.id]
        return (
            _BankFile(strategies=[*kept, strategy])
            if current is None
            else (current.model_copy(update={"strategies": [*kept, strategy]}))
        )

    school_files.save(root, SCHOOL_FILE, _BankFile, add)
    return load_bank(root)


def remove_school_strategy(root: Path, strategy_id: str) -> Bank:
    def remove(current: _BankFile | None) -> _BankFile:
        if current is None:
            return _BankFile()
        kept = [s for s in current.strategies if s.id != strategy_id]
        return current.model_copy(update={"strategies": kept})

    school_files.save(root, SCHOOL_FILE, _BankFile, remove)
    return load_bank(root)
