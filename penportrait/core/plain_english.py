"""A plain-English checker for portraits: it marks, it never changes anything.

It finds unexplained acronyms (SALT, ASC, SpLD …), SEND jargon that has a plainer way to say
it, vague phrases a supply teacher cannot act on, stigmatising words ("naughty",
"wheelchair-bound") with a respectful alternative, and sentences over 25 words. The word list
is data (penportrait/data/plain_english.json); a school adds its own in the data folder's
``plain_english.json`` in the same format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from penportrait import resources
from penportrait.core import school_files, sections
from penportrait.core.folder import WORDS_FILE
from penportrait.core.model import MedicalNote, Pupil
from penportrait.core.store import Problem

LONG_SENTENCE_WORDS: Final = 25
Kind = Literal["acronym", "jargon", "vague", "stigmatising"]
# Kinds whose term is fine once the text spells it out: "speech and language therapist (SALT)".
# "acronym" also covers names of approaches a stranger will not know (Makaton, TEACCH).
EXPLAINABLE: Final[frozenset[str]] = frozenset({"acronym"})


class Entry(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True, frozen=True)

    term: Annotated[str, Field(min_length=1, max_length=100)]
    kind: Kind
    plain: str = ""
    reason: str = ""

    @field_validator("term")
    @classmethod
    def _has_a_word(cls, term: str) -> str:
        # "-" or "  " would match the empty string or every gap: a hint everywhere.
        if not re.search(r"\w", term):
            raise ValueError(f"has no letters or digits (found {term!r}): give a word to look for")
        return term


class _WordList(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)

    format: Literal["penportrait.plain_english"] = "penportrait.plain_english"
    format_version: Literal[1] = 1
    revision: int = Field(default=0, ge=0)
    entries: list[Entry] = Field(default_factory=list)


@dataclass(frozen=True)
class Hint:
    """One thing to look at again, and what to say instead."""

    kind: Literal["acronym", "jargon", "vague", "stigmatising", "long sentence"]
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
        return term_pattern(entry.term, ignore_case=entry.kind != "acronym")

    def check(self, text: str) -> list[Hint]:
        hints: list[Hint] = []
        for entry, pattern in self._patterns:
            matches = list(pattern.finditer(text))
            if matches and entry.kind in EXPLAINABLE and _explained(entry, pattern, text):
                continue  # "speech and language therapist (SALT)" explains itself
            hints.extend(
                Hint(entry.kind, m.group(0), m.start(), m.end(), _advice(entry)) for m in matches
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


_GAP = re.compile(r"([\s-]+)")


def term_pattern(term: str, *, ignore_case: bool = True) -> re.Pattern[str]:
    """The pattern that finds ``term`` in a text: "low ability" also finds "low-ability",
    "wheelchair-bound" also "wheelchair bound" and "wheelchairbound".

    The term is split into its words at spaces and hyphens; each word is matched literally and
    each gap by ONE quantified class between two literal words. Two quantifiers are never next
    to each other, so a run of spaces or hyphens in the text is tried once per place, not in
    every way it could be shared out (a term typed with several spaces once took 52 s).
    """
    parts = _GAP.split(term)  # words at even places, the gaps between them at odd ones
    body = ""
    for i in range(0, len(parts), 2):
        if not parts[i]:
            continue  # the term starts or ends with a space or hyphen
        if body:
            body += r"[\s-]?" if parts[i - 1] == "-" else r"[\s-]+"
        body += re.escape(parts[i])
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", flags)


def _normal(text: str) -> str:
    """Lower case, words only: "Education, Health and Care" -> "education health and care"."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def explanation(entry: Entry) -> str:
    """The words that explain ``entry`` when a text spells them out: the first three words of
    its plain alternative, or of the part in brackets when the alternative starts with the term
    itself ("ADHD (attention deficit hyperactivity disorder): …")."""
    head, _, rest = entry.plain.partition("(")
    phrase = _normal(head.split(":")[0])
    if phrase == _normal(entry.term):
        phrase = _normal(rest.partition(")")[0].split(":")[0])
    words = phrase.split()
    if words[:1] == ["or"]:
        words = words[1:]
    return " ".join(words[:3])


def _explained(entry: Entry, pattern: re.Pattern[str], text: str) -> bool:
    """True when the text says what the term means, somewhere other than in the term itself."""
    phrase = explanation(entry)
    if not phrase or phrase == _normal(entry.term):
        return False
    rest = _normal(pattern.sub(" ", text))
    return f" {phrase} " in f" {rest} "


def _advice(entry: Entry) -> str:
    if entry.kind == "acronym":
        return f"not everyone knows this: say \u201c{entry.plain}\u201d"
    if entry.kind == "jargon":
        return f"in plain English: \u201c{entry.plain}\u201d"
    if entry.kind == "stigmatising":
        reason = entry.reason or "stigmatising wording"
        return f"{reason}; instead, {entry.plain}" if entry.plain else reason
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
    """(field, label, texts) for every field the checker reads: the needs summary and each
    section of the portrait but the key adults (names, not prose)."""
    portrait = pupil.portrait
    return [
        ("summary", "Needs in a sentence", [pupil.send.summary]),
        *[
            (entry.key, entry.heading, _texts(getattr(portrait, entry.key)))
            for entry in sections.portrait_sections()
            if entry.kind is not sections.Kind.CONTACTS
        ],
    ]


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
        try:
            document = school_files.load(root, WORDS_FILE, _WordList)
        except school_files.SchoolFileError as error:
            problems.extend(error.problems)
        else:
            entries += document.entries if document else []
    return Checker(entries), problems


def load_school_words(root: Path) -> tuple[list[Entry], int]:
    """The school's own entries and the revision of their file (raises SchoolFileError)."""
    document = school_files.load(root, WORDS_FILE, _WordList)
    return (document.entries, document.revision) if document else ([], 0)


def save_school_words(root: Path, entries: list[Entry], revision: int) -> int:
    """Save the school's own word list, edited from ``revision``; return the new revision.
    Raises SchoolFileError or SchoolFileConflict, writing nothing."""
    wanted = _WordList(entries=entries)
    saved = school_files.save(
        root, WORDS_FILE, _WordList, school_files.checked(revision, wanted, WORDS_FILE)
    )
    return saved.revision
