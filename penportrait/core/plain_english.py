"""A plain-English checker for portraits: it marks, it never changes anything.

It finds unexplained acronyms (SALT, ASC, SpLD …), SEND jargon that has a plainer way to say
it, vague phrases a supply teacher cannot act on, and sentences over 25 words. The word list
is data (penportrait/data/plain_english.json); a school adds its own in the data folder's
``plain_english.json`` in the same format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from penportrait import resources
from penportrait.core.model import MedicalNote, Pupil, describe_errors
from penportrait.core.sections import SECTION_HEADINGS, Section
from penportrait.core.store import Problem

SCHOOL_FILE: Final = "plain_english.json"
LONG_SENTENCE_WORDS: Final = 25
Kind = Literal["acronym", "jargon", "vague"]


class Entry(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True, frozen=True)

    term: str = Field(min_length=1)
    kind: Kind
    plain: str = ""
    reason: str = ""


class _WordList(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)

    format: Literal["penportrait.plain_english"] = "penportrait.plain_english"
    format_version: Literal[1] = 1
    entries: list[Entry] = Field(default_factory=list)


@dataclass(frozen=True)
class Hint:
    """One thing to look at again, and what to say instead."""

    kind: Literal["acronym", "jargon", "vague", "long sentence"]
    found: str
    start: int
    end: int
    advice: str

    def __str__(self) -> str:
        return f"{self.found!r}: {self.advice}" if self.kind != "long sentence" else self.advice


@dataclass(frozen=True)
class FieldHint:
    field: str  # the portrait key, e.g. "about_me" or "strategies"
    label: str  # the heading the editor and page give it
    hint: Hint


class Checker:
    """Checks text against the word list."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = list(entries)
        self._patterns = [(entry, self._pattern(entry)) for entry in self.entries]

    @staticmethod
    def _pattern(entry: Entry) -> re.Pattern[str]:
        body = re.escape(entry.term).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?")
        flags = 0 if entry.kind == "acronym" else re.IGNORECASE
        return re.compile(rf"(?<![\w-]){body}(?![\w-])", flags)

    def check(self, text: str) -> list[Hint]:
        hints: list[Hint] = []
        lowered = text.casefold()
        for entry, pattern in self._patterns:
            for match in pattern.finditer(text):
                if entry.kind == "acronym" and entry.plain and _explained(entry.plain, lowered):
                    continue  # "speech and language therapist (SALT)" explains itself
                hints.append(
                    Hint(entry.kind, match.group(0), match.start(), match.end(), _advice(entry))
                )
        hints.extend(_long_sentences(text))
        unique = {(h.start, h.end, h.kind): h for h in hints}  # two spellings, one place
        return sorted(unique.values(), key=lambda h: h.start)

    def check_pupil(self, pupil: Pupil) -> list[FieldHint]:
        """Every hint in the portrait's text, by section, in the order the editor shows them."""
        found: list[FieldHint] = []
        for key, label, texts in _portrait_texts(pupil):
            for text in texts:
                found.extend(FieldHint(key, label, hint) for hint in self.check(text))
        return found


def _explained(plain: str, lowered_text: str) -> bool:
    words = plain.split("(")[0].split(",")[0].casefold().split()[:3]
    return bool(words) and " ".join(words) in lowered_text


def _advice(entry: Entry) -> str:
    if entry.kind == "acronym":
        return f"not everyone knows this: say \u201c{entry.plain}\u201d"
    if entry.kind == "jargon":
        return f"in plain English: \u201c{entry.plain}\u201d"
    return f"{entry.reason or 'vague'}: {entry.plain}" if entry.plain else entry.reason


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _long_sentences(text: str) -> list[Hint]:
    hints = []
    for match in _SENTENCE.finditer(text):
        words = match.group(0).split()
        if len(words) > LONG_SENTENCE_WORDS:
            hints.append(
                Hint(
                    "long sentence",
                    " ".join(words[:4]) + " …",
                    match.start(),
                    match.end(),
                    f"a sentence of {len(words)} words: split it (at most {LONG_SENTENCE_WORDS})",
                )
            )
    return hints


def _portrait_texts(pupil: Pupil) -> list[tuple[str, str, list[str]]]:
    portrait = pupil.portrait
    sections = [
        ("summary", "Needs in a sentence", [pupil.send.summary]),
        *[
            (section.value, SECTION_HEADINGS[section], _texts(getattr(portrait, section.value)))
            for section in (
                Section.ABOUT_ME, Section.LIKE_ADMIRE, Section.IMPORTANT_TO_ME,
                Section.STRENGTHS, Section.DIFFICULTIES, Section.STRATEGIES, Section.AVOID,
                Section.COMMUNICATION, Section.UPSET_SIGNS,
                Section.PUPIL_VOICE, Section.FAMILY_VOICE, Section.TARGETS, Section.MEDICAL,
                Section.ACCESS_ARRANGEMENTS,
            )
        ],
    ]  # fmt: skip
    return sections


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        found: list[str] = []
        for item in value:
            if isinstance(item, MedicalNote):  # every part a first-aider reads
                found += [item.condition, item.signs, item.action, item.kit, item.call]
            else:
                text = getattr(item, "text", item)
                if isinstance(text, str):
                    found.append(text)
        return [text for text in found if text]
    return []


def built_in_entries() -> list[Entry]:
    return _WordList.model_validate_json(resources.read_data("plain_english.json")).entries


def load_checker(root: Path | None) -> tuple[Checker, list[Problem]]:
    """The checker with the built-in word list and the school's own, if it has one."""
    entries = built_in_entries()
    problems: list[Problem] = []
    if root is not None:
        path = root / SCHOOL_FILE
        try:
            entries += _WordList.model_validate_json(path.read_bytes().decode("utf-8-sig")).entries
        except FileNotFoundError:
            pass
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(SCHOOL_FILE, "", f"could not be read ({error})"))
        except ValidationError as error:
            problems.extend(Problem(SCHOOL_FILE, f, r) for f, r in describe_errors(error))
    return Checker(entries), problems


def word_list_json(entries: list[Entry]) -> str:
    return (
        json.dumps(_WordList(entries=entries).model_dump(mode="json"), indent=2, ensure_ascii=False)
        + "\n"
    )
