"""Map positions in normalised text back to the original, so reports cite what was read.

Every normalisation step only unifies characters one for one, deletes invisible or redundant
characters, inserts spaces or ZWNJs, or spells out a ligature; so a greedy left-to-right walk
over both strings, comparing folded characters, recovers the alignment in linear time.
"""

from __future__ import annotations

import functools
import unicodedata
from array import array

from iranru.characters import TATWEEL, ZWNJ
from iranru.normalize.en import QUOTES_AND_DASHES
from iranru.normalize.fa import DIGIT_TO_LATIN, INVISIBLE_JUNK, character_table, diacritic_table

SEPARATORS = frozenset(" \t\n\r\u00a0" + ZWNJ)
INSERTABLE = frozenset(" \n-" + ZWNJ)


@functools.cache
def fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    table.update(character_table())
    table.update({key: value.strip() or value for key, value in QUOTES_AND_DASHES.items()})
    table.update(DIGIT_TO_LATIN)
    return table


@functools.cache
def expansions() -> dict[str, str]:
    """Characters some step spells out as several (ligatures, em dash)."""
    from hazm.constants import UNICODE_REPLACEMENTS

    found: dict[str, str] = {"\u2014": "--", "\u2015": "--"}
    for source, target in UNICODE_REPLACEMENTS:
        for char in source.strip("()").split("|"):
            found[char] = target
    return found


@functools.cache
def deletable() -> frozenset[str]:
    chars = {chr(code) for code in diacritic_table()} | {chr(code) for code in INVISIBLE_JUNK}
    return frozenset(chars | SEPARATORS)


def fold(char: str) -> str:
    if char in SEPARATORS or char.isspace():  # collapse_spaces makes every blank a plain space
        return " "
    folded = char.translate(fold_table())
    return folded.lower()


def common_run(a: str, i: int, b: str, j: int) -> int:
    """How many characters a[i:] and b[j:] share from the start, found by comparing slices
    (in C) of galloping then halving size instead of one character at a time."""
    limit = min(len(a) - i, len(b) - j)
    length, step = 0, 64
    while length < limit:
        size = min(step, limit - length)
        if a[i + length : i + length + size] == b[j + length : j + length + size]:
            length += size
            step *= 2
        elif size == 1:
            break
        else:
            step = size // 2
    return length


def align(original: str, normalized: str) -> array:
    """For each index of `normalized` (and its end), the matching index in `original`."""
    mapping = array("I", bytes(4 * (len(normalized) + 1)))
    removable = deletable()
    spelled_out = expansions()
    i = j = 0
    while j < len(normalized):
        if i >= len(original):
            mapping[j] = len(original)
            j += 1
            continue
        o, n = original[i], normalized[j]
        if o == n:  # most text is unchanged: copy the whole identical run at once
            run = common_run(original, i, normalized, j)
            mapping[j : j + run] = array("I", range(i, i + run))
            i += run
            j += run
        elif fold(o) == fold(n):
            mapping[j] = i
            i += 1
            j += 1
        elif o in spelled_out and normalized.startswith(spelled_out[o], j):
            for k in range(len(spelled_out[o])):
                mapping[j + k] = i
            j += len(spelled_out[o])
            i += 1
        elif o in removable or o.isspace() or unicodedata.category(o) in ("Mn", "Cf", "Cc"):
            i += 1
        elif n in INSERTABLE:
            mapping[j] = i
            j += 1
        else:  # an unforeseen substitution: keep both walks in step
            mapping[j] = i
            i += 1
            j += 1
    mapping[len(normalized)] = len(original) if i >= len(original) or not normalized else i
    return mapping


TRAILING_MARKS = frozenset({"Mn", "Me"})


def original_span(original: str, mapping: array, start: int, end: int) -> tuple[int, int]:
    """The original span of normalised text[start:end] (end exclusive), including the
    diacritics and tatweel written on its last letter, which normalisation removed."""
    if end <= start:
        return mapping[start], mapping[start]
    # a character inserted after the last original one maps to the end of the text
    original_end = min(mapping[end - 1] + 1, len(original))
    while original_end < len(original) and (
        unicodedata.category(original[original_end]) in TRAILING_MARKS
        or original[original_end] == TATWEEL
    ):
        original_end += 1
    return mapping[start], original_end
