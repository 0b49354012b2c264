"""A three-way merge of two versions of a pupil against the version both were edited from.

Field by field: a field changed on one side only is taken from that side; a field both sides
changed the same way is taken once. List fields (strengths, strategies, contacts ...) merge by
item, the way a person would: an item added on either side is kept, an item removed on one
side and untouched on the other is removed, edits to different items both apply. Only a true
clash (the same text, or the same item, changed differently on each side) is left for a person,
with the value each choice would give, everything that merged cleanly already applied.

Without a base (history not synced yet), nothing is guessed: every field that differs clashes.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from penportrait.core.compare import FIELDS

Side = Literal["kept", "copy"]

# Bookkeeping, not content: never merged (the merged pupil is saved as a new revision).
META_KEYS: Final = frozenset({"format", "format_version", "id", "revision", "updated_at"})
META_KEYS_AND_AUTHOR: Final = META_KEYS | {"updated_by"}
LABELS: Final = dict(FIELDS)
_MISSING: Final = object()


@dataclass(frozen=True)
class Clash:
    """One field both sides changed differently: what each choice would make it."""

    path: str  # "portrait.about_me"
    label: str  # "About me"
    base: Any  # None when there is no base
    kept: Any
    copy: Any


@dataclass
class MergeResult:
    """The merged pupil data (clashes hold the kept side's value until a person chooses)."""

    data: dict[str, Any]
    clashes: list[Clash] = field(default_factory=list)
    from_copy: list[str] = field(default_factory=list)  # labels of fields the copy changed
    from_kept: list[str] = field(default_factory=list)  # labels of fields the kept file changed

    def resolved(self, choices: Mapping[str, Side]) -> dict[str, Any]:
        """The data with each clash settled as ``choices`` says (path -> side)."""
        missing = [c.label for c in self.clashes if c.path not in choices]
        if missing:
            raise ValueError(f"no choice made for: {', '.join(missing)}")
        data: dict[str, Any] = json.loads(json.dumps(self.data))
        for clash in self.clashes:
            _set(data, clash.path, clash.kept if choices[clash.path] == "kept" else clash.copy)
        return data


def label(path: str) -> str:
    """The editor's name for a field, or a readable form of an unknown (newer) field's path."""
    return LABELS.get(path) or path.rsplit(".", 1)[-1].replace("_", " ").capitalize()


def merge3(base: dict[str, Any] | None, kept: dict[str, Any], copy: dict[str, Any]) -> MergeResult:
    """Merge ``copy`` into ``kept`` against ``base`` (all three pupil files as JSON data)."""
    result = MergeResult(data={})
    for key in _keys(kept, copy):
        if key in META_KEYS_AND_AUTHOR:
            if key in kept:
                result.data[key] = kept[key]
            continue
        value = _merge(
            key,
            _MISSING if base is None else base.get(key, _MISSING),
            kept.get(key, _MISSING),
            copy.get(key, _MISSING),
            result,
            has_base=base is not None,
        )
        if value is not _MISSING:
            result.data[key] = value
    return result


def _keys(*dicts: dict[str, Any]) -> list[str]:
    seen: dict[str, None] = {}
    for d in dicts:
        seen.update(dict.fromkeys(d))
    return list(seen)


def _merge(path: str, b: Any, k: Any, c: Any, result: MergeResult, *, has_base: bool) -> Any:
    if k == c:
        return k
    if isinstance(k, dict) and isinstance(c, dict) and (isinstance(b, dict) or not has_base):
        base_dict = b if isinstance(b, dict) else {}
        merged = {}
        for key in _keys(k, c):
            value = _merge(
                f"{path}.{key}",
                base_dict.get(key, _MISSING) if has_base else _MISSING,
                k.get(key, _MISSING),
                c.get(key, _MISSING),
                result,
                has_base=has_base,
            )
            if value is not _MISSING:
                merged[key] = value
        return merged
    if has_base:
        if k == b:
            result.from_copy.append(label(path))
            return c
        if c == b:
            result.from_kept.append(label(path))
            return k
        if isinstance(k, list) and isinstance(c, list) and isinstance(b, list):
            merged_list, if_kept, if_copy = merge_lists(b, k, c)
            if merged_list is not None:
                result.from_copy.append(label(path))
                result.from_kept.append(label(path))
                return merged_list
            result.clashes.append(Clash(path, label(path), b, if_kept, if_copy))
            return if_kept
    result.clashes.append(
        Clash(
            path,
            label(path),
            None if b is _MISSING else b,
            None if k is _MISSING else k,
            None if c is _MISSING else c,
        )
    )
    return k


def merge_lists(
    base: list[Any], kept: list[Any], copy: list[Any]
) -> tuple[list[Any] | None, list[Any], list[Any]]:
    """Merge two edited lists by item (diff3). Returns (merged or None if a clash, the list
    if every clashing stretch is settled for ``kept``, the same for ``copy``)."""
    keys_b, keys_k, keys_c = ([_key(x) for x in lst] for lst in (base, kept, copy))
    match_k = _matches(keys_b, keys_k)
    match_c = _matches(keys_b, keys_c)
    clean = True
    if_kept: list[Any] = []
    if_copy: list[Any] = []
    i = j = m = 0
    while True:
        # The next base item both sides kept unchanged, after the current position.
        stable = next(
            (
                t
                for t in range(i, len(base))
                if t in match_k and t in match_c and match_k[t] >= j and match_c[t] >= m
            ),
            None,
        )
        end_b, end_k, end_c = (
            (len(base), len(kept), len(copy))
            if stable is None
            else (stable, match_k[stable], match_c[stable])
        )
        o, x, y = base[i:end_b], kept[j:end_k], copy[m:end_c]
        kx, ky, ko = keys_k[j:end_k], keys_c[m:end_c], keys_b[i:end_b]
        if kx == ko:
            chunk_k = chunk_c = y
        elif ky == ko or kx == ky:
            chunk_k = chunk_c = x
        elif not o:  # both sides added items here: keep both, each once
            chunk_k = chunk_c = x + [item for item, key in zip(y, ky, strict=True) if key not in kx]
        else:
            clean = False
            chunk_k, chunk_c = x, y
        if_kept.extend(chunk_k)
        if_copy.extend(chunk_c)
        if stable is None:
            break
        if_kept.append(kept[end_k])
        if_copy.append(kept[end_k])
        i, j, m = end_b + 1, end_k + 1, end_c + 1
    return (if_kept if clean else None), if_kept, if_copy


def _key(item: Any) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _matches(base: list[str], other: list[str]) -> dict[int, int]:
    matcher = difflib.SequenceMatcher(a=base, b=other, autojunk=False)
    found: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for n in range(block.size):
            found[block.a + n] = block.b + n
    return found


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    if value is None and parts[-1] not in data:
        return
    data[parts[-1]] = value
