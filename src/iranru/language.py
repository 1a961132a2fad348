"""Language by script: Persian is written in Arabic script, English in Latin."""

from __future__ import annotations

from iranru.normalize.constants import is_arabic_letter, is_latin_letter

FA, EN, MIXED, UNDETERMINED = "fa", "en", "mixed", "und"
# A document is one language when at least this share of its letters is in that script.
DOMINANT_SHARE = 0.8


def script_counts(text: str) -> tuple[int, int]:
    arabic = latin = 0
    for char in text:
        if char.isalpha():
            if is_arabic_letter(char):
                arabic += 1
            elif is_latin_letter(char):
                latin += 1
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
