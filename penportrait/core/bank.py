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

import difflib
import functools
import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from penportrait import resources
from penportrait.core import school_files
from penportrait.core.folder import BANK_FILE
from penportrait.core.model import NEED_CODES, NeedArea, NeedCode, Strategy
from penportrait.core.store import Problem

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
    # When the school's file could not be read: (id, words) of each entry that could not.
    # A pupil's strategy matching one, or whose bank id is not in the bank as read, is in doubt.
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    _cached_verdicts: dict[tuple[str, str], tuple[list[str], str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

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
        """The bank strategy a pupil's strategy reads as: the same words first (an edited
        strategy keeps the id it came from), else its bank id."""
        by_id, by_words = self._index()
        found = by_words.get(same_words(strategy.text))
        return found or (by_id.get(strategy.bank_id) if strategy.bank_id else None)

    def cover_tags(self, strategy: Strategy) -> tuple[list[str], str]:
        """The tags that keep this pupil's strategy off the cover MUST DOs, and why in plain
        words ("" when it may be one).

        Erring on the safe side, a strategy has the tags of every bank strategy that points to
        it: the one its bank id names, the one with the same words (case, punctuation and
        spacing aside), and any tagged one whose words are nearly the same (a word added or
        changed; see NEAR). A strategy matching an entry of the school's file that could not
        be read counts as trained staff only: nobody can say it is safe for a stranger.
        """
        words = same_words(strategy.text)
        key = (strategy.bank_id or "", words)
        cache = self._verdicts()
        if key in cache:
            return cache[key]
        by_id, by_words = self._index()
        found = [by_words.get(words), by_id.get(strategy.bank_id) if strategy.bank_id else None]
        found += [s for s in self._tagged() if _near(words, same_words(s.text))]
        tags: list[str] = list(dict.fromkeys(t for s in found if s is not None for t in s.tags))
        doubt = self._doubt(strategy, words)
        if doubt and "trained_staff_only" not in tags:
            tags.append("trained_staff_only")
        ordered = [t for t in STRATEGY_TAGS if t in tags]
        why = ""
        if ordered:
            labels = " and ".join(STRATEGY_TAGS[t].label for t in ordered)
            reasons = "; and ".join(STRATEGY_TAGS[t].why for t in ordered)
            why = f"{labels}: {reasons}. {doubt}{COVER_NOTE}"
        cache[key] = (ordered, why)
        return cache[key]

    def _doubt(self, strategy: Strategy, words: str) -> str:
        """Why the school's file leaves this strategy in doubt; "" when it does not."""
        if not self.problems:
            return ""
        file_problem = f"{BANK_FILE} could not be read ({self.problems[0].reason})"
        if strategy.bank_id and strategy.bank_id not in self._index()[0]:
            # Not a strategy the app knows: its entry may be in the part that could not be read.
            return f"It is not in the strategy bank as read, and {file_problem}. "
        for bank_id, text in self.unreadable:
            if (bank_id and bank_id == strategy.bank_id) or (
                text and (text == words or _near(words, text))
            ):
                return f"Its entry in {file_problem}. "
        return ""

    def _index(self) -> tuple[dict[str, BankStrategy], dict[str, BankStrategy]]:
        """Strategies by id and by their words, rebuilt when either list is replaced or grows."""
        key = (id(self.built_in), len(self.built_in), id(self.school), len(self.school))
        if self._cached is None or self._cached[0] != key:
            strategies = self.strategies
            by_id = {s.id: s for s in strategies}
            by_words: dict[str, BankStrategy] = {}
            for s in strategies:  # the school's first: its copy wins
                by_words.setdefault(same_words(s.text), s)
            self._cached = (key, by_id, by_words)
            self._cached_verdicts = {}
        return self._cached[1], self._cached[2]

    def _tagged(self) -> list[BankStrategy]:
        return [s for s in self.strategies if s.tags]

    def _verdicts(self) -> dict[tuple[str, str], tuple[list[str], str]]:
        self._index()
        return self._cached_verdicts

    def not_for_cover(self, strategy: Strategy) -> str:
        """Why the overview for cover staff does not print this pupil's strategy as a MUST DO,
        in the words the editor shows; "" when it may."""
        return self.cover_tags(strategy)[1]

    def trained_only(self, strategy: Strategy) -> bool:
        """Only trained staff may do it: the overview says to leave it to them."""
        return "trained_staff_only" in self.cover_tags(strategy)[0]

    def cover_must_do(self, strategies: Iterable[Strategy]) -> list[Strategy]:
        """The pupil's MUST DO strategies that a cover teacher can safely do, in order: what the
        class overview for cover staff prints. Tagged strategies stay on the portrait."""
        return [s for s in strategies if s.essential and not self.not_for_cover(s)]

    def leave_to_trained_staff(self, strategies: Iterable[Strategy]) -> list[Strategy]:
        """The pupil's MUST DOs only trained staff may do: the overview prints them apart, so a
        cover teacher knows to send for those staff rather than do it."""
        return [s for s in strategies if s.essential and self.trained_only(s)]


# How alike two strategies' words must be (difflib's ratio, 0 to 1) for a strategy to carry a
# tagged one's tags. Measured on the built-in bank: no untagged strategy comes closer than 0.59
# to a tagged one ("Give me a short written checklist…" and "Give me a live speaker or a written
# script…"), while a tagged strategy with a word added or changed scores above 0.9 and with a
# quarter of it reworded about 0.8. 0.75 sits between with room on both sides; a near miss
# only moves a strategy off the cover MUST DOs, which is the safe side.
NEAR: Final = 0.75


def _near(a: str, b: str) -> bool:
    if not a or not b:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= NEAR
        and matcher.quick_ratio() >= NEAR
        and matcher.ratio() >= NEAR
    )


def same_words(text: str) -> str:
    """The words of a strategy, whatever the case, punctuation and spacing."""
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


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
        document = school_files.load(root, BANK_FILE, _BankFile)
    except school_files.SchoolFileError as error:
        # Never fail open: what can be read still counts, what cannot is in doubt.
        bank.problems.extend(error.problems)
        bank.school, bank.unreadable = _salvage(root)
        return bank
    if document is not None:
        bank.school, bank.revision = document.strategies, document.revision
    return bank


def _salvage(root: Path) -> tuple[list[BankStrategy], list[tuple[str, str]]]:
    """From a school file that did not validate: the entries that read on their own, and the
    (id, words) of those that did not."""
    try:
        data = school_files.read_bytes(root / BANK_FILE) or b""
        document = json.loads(data.decode("utf-8-sig"))
    except (school_files.SchoolFileError, ValueError, RecursionError):
        return [], []
    entries = document.get("strategies") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        return [], []
    kept: list[BankStrategy] = []
    doubtful: list[tuple[str, str]] = []
    for entry in entries:
        try:
            kept.append(BankStrategy.model_validate(entry))
        except (ValidationError, ValueError, TypeError):
            item = entry if isinstance(entry, dict) else {}
            bank_id, text = item.get("id"), item.get("text")
            doubtful.append(
                (
                    bank_id if isinstance(bank_id, str) else "",
                    same_words(text) if isinstance(text, str) else "",
                )
            )
    return kept, doubtful


def save_school_strategies(root: Path, strategies: list[BankStrategy], revision: int) -> Bank:
    """Replace the school's strategies with ``strategies``, edited from ``revision``.

    Raises SchoolFileError (the file on disk cannot be read; it is not written over) or
    SchoolFileConflict (another computer saved it meanwhile); nothing is written then.
    """
    wanted = _BankFile(strategies=strategies)
    school_files.save(root, BANK_FILE, _BankFile, school_files.checked(revision, wanted, BANK_FILE))
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

    school_files.save(root, BANK_FILE, _BankFile, add)
    return load_bank(root)


def remove_school_strategy(root: Path, strategy_id: str) -> Bank:
    def remove(current: _BankFile | None) -> _BankFile:
        if current is None:
            return _BankFile()
        kept = [s for s in current.strategies if s.id != strategy_id]
        return current.model_copy(update={"strategies": kept})

    school_files.save(root, BANK_FILE, _BankFile, remove)
    return load_bank(root)
