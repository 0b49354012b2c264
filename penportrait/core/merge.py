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

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from penportrait.core.compare import fields

Side = Literal["kept", "copy"]

# Bookkeeping, not content: never merged (the merged pupil is saved as a new revision).
META_KEYS: Final = frozenset({"format", "format_version", "id", "revision", "updated_at"})
META_KEYS_AND_AUTHOR: Final = META_KEYS | {"updated_by"}

MAX_TABLE_BITS: Final = 1 << 26  # the list merge's table, at most (see _matches)
_MISSING: Final = object()


@dataclass(frozen=True)
class Clash:
    """One field both sides changed differently: what each choice would make it."""

    path: str  # "portrait.about_me": how choices name it
    label: str  # "About me"
    base: Any  # None when there is no base
    kept: Any
    copy: Any
    # Where the field is, key by key ("portrait", "about_me"): a key of a newer version's
    # field may itself hold a dot, so the path is never split to find it.
    keys: tuple[str, ...] = ()


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
            value = clash.kept if choices[clash.path] == "kept" else clash.copy
            _set(data, clash.keys or (clash.path,), value)
        return data


def label(path: str) -> str:
    """The editor's name for a field, or a readable form of an unknown (newer) field's path."""
    return dict(fields()).get(path) or path.rsplit(".", 1)[-1].replace("_", " ").capitalize()


def merge3(base: dict[str, Any] | None, kept: dict[str, Any], copy: dict[str, Any]) -> MergeResult:
    """Merge ``copy`` into ``kept`` against ``base`` (all three pupil files as JSON data)."""
    result = MergeResult(data={})
    for key in _keys(kept, copy):
        if key in META_KEYS_AND_AUTHOR:
            if key in kept:
                result.data[key] = kept[key]
            continue
        value = _merge(
            (key,),
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


def _merge(
    keys: tuple[str, ...], b: Any, k: Any, c: Any, result: MergeResult, *, has_base: bool
) -> Any:
    # A key holding a dot (a newer version's field) gets a path no dotted one can equal.
    path = json.dumps(keys) if any("." in key for key in keys) else ".".join(keys)
    name = dict(fields()).get(path) or keys[-1].replace("_", " ").capitalize()
    if k == c:
        return k
    if isinstance(k, dict) and isinstance(c, dict) and (isinstance(b, dict) or not has_base):
        base_dict = b if isinstance(b, dict) else {}
        merged = {}
        for key in _keys(k, c):
            value = _merge(
                (*keys, key),
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
            result.from_copy.append(name)
            return c
        if c == b:
            result.from_kept.append(name)
            return k
        if isinstance(k, list) and isinstance(c, list) and isinstance(b, list):
            merged_list, if_kept, if_copy = merge_lists(b, k, c)
            if merged_list is not None:
                result.from_copy.append(name)
                result.from_kept.append(name)
                return merged_list
            result.clashes.append(Clash(path, name, b, if_kept, if_copy, keys))
            return if_kept
    result.clashes.append(
        Clash(
            path,
            name,
            None if b is _MISSING else b,
            None if k is _MISSING else k,
            None if c is _MISSING else c,
            keys,
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
            in_x = set(kx)
            added = [item for item, key in zip(y, ky, strict=True) if key not in in_x]
            chunk_k = chunk_c = x + added
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
    """A longest common subsequence of the two lists of keys, as base index -> other index.

    Bit-parallel (Allison-Dix, Hyyro): one row of the dynamic-programming table is a Python
    integer, one bit per base item, so the whole table costs len(other) big-integer steps,
    O(len(base) * len(other) / word size), and any alignment is read back from the rows.
    (difflib.SequenceMatcher grew with the cube of the length on repeated items.)
    """
    found: dict[int, int] = {}
    # Items both ends share need no table (the usual case: a few items changed).
    start = 0
    while start < min(len(base), len(other)) and base[start] == other[start]:
        found[start] = start
        start += 1
    end_b, end_o = len(base), len(other)
    tail: list[tuple[int, int]] = []
    while end_b > start and end_o > start and base[end_b - 1] == other[end_o - 1]:
        end_b, end_o = end_b - 1, end_o - 1
        tail.append((end_b, end_o))
    a, b = base[start:end_b], other[start:end_o]
    # The table keeps one bit per pair of items: beyond 64 Mbit (8 MB; two lists of 8,000
    # changed items) a hostile or absurd file would cost memory without bound. Then only the
    # shared ends match, so both sides' changes in the middle are a clash for a person.
    if a and b and len(a) * len(b) <= MAX_TABLE_BITS:
        where: dict[str, int] = {}
        for i, key in enumerate(a):
            where[key] = where.get(key, 0) | (1 << i)
        mask = (1 << len(a)) - 1
        # Bit i of rows[j] is 0 when the common length grows at base item i in the table's
        # row j (LCS(a[:i+1], b[:j]) = LCS(a[:i], b[:j]) + 1).
        row = mask
        rows = [row]
        for key in b:
            matched = row & where.get(key, 0)
            row = ((row + matched) | (row - matched)) & mask
            rows.append(row)
        i, j = len(a), len(b)
        pairs: list[tuple[int, int]] = []
        while i > 0 and j > 0:
            if a[i - 1] == b[j - 1]:
                pairs.append((i - 1, j - 1))
                i, j = i - 1, j - 1
            elif (rows[j] >> (i - 1)) & 1:  # the length did not grow at a[i-1]: drop it
                i -= 1
            else:
                j -= 1
        for i, j in reversed(pairs):
            found[start + i] = start + j
    for i, j in reversed(tail):
        found[i] = j
    return found


def _set(data: dict[str, Any], parts: tuple[str, ...], value: Any) -> None:
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    if value is None and parts[-1] not in data:
        return
    data[parts[-1]] = value
