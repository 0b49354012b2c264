"""Two versions of a pupil, compared the way a person reads them: by section, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from penportrait.core import sections
from penportrait.core.model import Pupil

# Every field a person edits, with the label the editor gives it, in the editor's order. The
# portrait's sections come from the registry (core/sections.py), read when comparing.
_DETAILS: Final[list[tuple[str, str]]] = [
    ("pupil.first_name", "First name"),
    ("pupil.last_name", "Last name"),
    ("pupil.preferred_name", "Preferred name"),
    ("pupil.pronouns", "Pronouns"),
    ("pupil.date_of_birth", "Date of birth"),
    ("pupil.year_group", "Year group"),
    ("pupil.groups", "Groups"),
    ("pupil.upn", "UPN"),
    ("pupil.photo", "Photo"),
    ("pupil.photo_consent", "Photo consent"),
    ("send.status", "SEND status"),
    ("send.primary_need", "Main area of need"),
    ("send.secondary_needs", "Other needs"),
    ("send.summary", "Needs in a sentence"),
]
_REVIEW: Final[list[tuple[str, str]]] = [
    ("review.last_reviewed", "Last reviewed"),
    ("review.next_review", "Next review"),
    ("review.written_with", "Written with"),
    ("review.author", "Author"),
]


def fields() -> list[tuple[str, str]]:
    """Every field a person edits as (path in the file, the editor's label), in its order."""
    portrait = [(f"portrait.{s.key}", s.editor_label) for s in sections.portrait_sections()]
    return [*_DETAILS, *portrait, *_REVIEW]


@dataclass(frozen=True)
class Difference:
    """One field that differs. For lists, ``only_theirs``/``only_mine`` say which items."""

    label: str
    theirs: str
    mine: str
    only_theirs: tuple[str, ...] = ()
    only_mine: tuple[str, ...] = ()


def differences(mine: Pupil, theirs: Pupil | None) -> list[Difference]:
    """What differs between two versions, field by field, in the editor's order."""
    if theirs is None:
        return []
    found = []
    mine_data, theirs_data = mine.model_dump(mode="json"), theirs.model_dump(mode="json")
    for path, label in fields():
        a, b = _get(theirs_data, path), _get(mine_data, path)
        if a == b:
            continue
        if isinstance(a, list) and isinstance(b, list):
            items_a, items_b = [_item(x) for x in a], [_item(x) for x in b]
            found.append(
                Difference(
                    label,
                    "; ".join(items_a),
                    "; ".join(items_b),
                    tuple(x for x in items_a if x not in items_b),
                    tuple(x for x in items_b if x not in items_a),
                )
            )
        else:
            found.append(Difference(label, _item(a), _item(b)))
    return found


def _get(data: dict[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _item(value: Any) -> str:
    if isinstance(value, dict):
        if "text" in value:
            return ("MUST DO: " if value.get("essential") else "") + str(value["text"])
        if "name" in value:
            who = f"{value['name']} ({value['role']})" if value.get("role") else str(value["name"])
            return who + (", call during cover" if value.get("cover") else "")
        if "condition" in value:  # a medical note
            kind = "Alert" if value.get("kind") == "alert" else "Routine care"
            parts = [f"{kind}: {value.get('condition') or '(no condition)'}"]
            for key, label in (
                ("action", "do"),
                ("signs", "signs"),
                ("kit", "kit"),
                ("call", "call"),
            ):
                if value.get(key):
                    parts.append(f"{label}: {value[key]}")
            return ", ".join(parts)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_item(x) for x in value)
    return str(value) if value not in (None, "") else "(empty)"
