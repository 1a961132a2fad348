"""Language by script: Persian is written in Arabic script, English in Latin."""

from __future__ import annotations

import re

from iranru.characters import (
    LATIN_LETTER_RANGES,
    SCRIPT_LETTER_RANGES,
    is_arabic_letter,
    is_latin_letter,
)

FA, EN, MIXED, UNDETERMINED = "fa", "en", "mixed", "und"
# A document is one language when at least this share of its letters is in that script.
DOMINANT_SHARE = 0.8


# Letters only (no digits, punctuation or marks) of each script, for fast counting.
ARABIC_LETTERS = re.compile(f"[{SCRIPT_LETTER_RANGES}]")
LATIN_LETTERS = re.compile(f"[{LATIN_LETTER_RANGES}]")


ARABIC_RUNS = re.compile(ARABIC_LETTERS.pattern + "+")
LATIN_RUNS = re.compile(LATIN_LETTERS.pattern + "+")
COUNT_CHUNK = 1 << 20  # the copies made while counting stay small on a huge text


def script_counts(text: str) -> tuple[int, int]:
    """How many Arabic-script and Latin letters `text` has: what deleting them takes away
    (whole runs at a time: several times faster than a list of every letter)."""
    arabic = latin = 0
    for start in range(0, len(text), COUNT_CHUNK):
        chunk = text[start : start + COUNT_CHUNK] if len(text) > COUNT_CHUNK else text
        arabic += len(chunk) - len(ARABIC_RUNS.sub("", chunk))
        latin += len(chunk) - len(LATIN_RUNS.sub("", chunk))
    return arabic, latin


def language_of_text(text: str) -> str:
    """`fa`, `en`, `mixed`, or `und` for text with no letters at all."""
    arabic, latin = script_counts(text)
    total = arabic + latin
    if total == 0:
        return UNDETERMINED
    if arabic >= DOMINANT_SHARE * total:
        return FA
    if latin >= DOMINANT_SHARE * total:
        return EN
    return MIXED


def language_of_token(token: str, context: str) -> str:
    """A token's own script decides; digits and punctuation take their sentence's language."""
    for char in token:
        if is_arabic_letter(char):
            return FA
        if is_latin_letter(char):
            return EN
    return context
