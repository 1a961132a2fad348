"""Persian lines from a PDF's text layer back to logical (reading) order.

A PDF places glyphs on a page; read left to right, a Persian line comes out reversed
(`مشش خیرات رد هک` for `که در تاریخ ششم`), while the Latin words and the digits in it
(which are laid out left to right even inside Persian text) read correctly. A line is
judged reversed when more of its Persian words are known words read backwards than forwards
(hazm's word list); it is then put back as a right-to-left line would be read, keeping each
Latin and digit run in the order it was written.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping

from iranru.characters import HARAKAT_RANGES, QURANIC_MARK_RANGES, ZWNJ

# Letters of the Arabic script (Persian, Arabic, Urdu), presentation forms included.
ARABIC_LETTER = r"\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc"
# Combining marks written over or under a letter (harakat, tanwin, hamza above, superscript alef).
ARABIC_MARK = HARAKAT_RANGES + QURANIC_MARK_RANGES
PERSIAN_WORD = re.compile(f"[{ARABIC_LETTER}{ARABIC_MARK}{ZWNJ}]+")
# What is shown left to right even inside Persian (the Unicode bidi algorithm, UAX #9): a Latin
# run with the spaces, punctuation and digits inside it (World War II, UN 1945: digits after a
# Latin word join it), and a number with its separators (1813-1828, ۱۳۹۹/۰۵/۱۲, 12.5%). Two
# numbers apart by a space are two runs: a Persian line shows `۱۹۴۵ ۱۹۴۶` as `۱۹۴۶ ۱۹۴۵`.
LATIN = r"A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"  # and Greek and Cyrillic: left to right too
DIGIT = r"0-9\u0660-\u0669\u06f0-\u06f9"
LEFT_TO_RIGHT = LATIN + DIGIT
SHOWN_LEFT_TO_RIGHT = re.compile(
    f"[{LATIN}](?:[{LEFT_TO_RIGHT} .,:;'’/%+&\\-]*[{LEFT_TO_RIGHT}])?"  # a Latin run
    f"|[{DIGIT}](?:[.,:/+\\-\u066b\u066c]?[{DIGIT}])*[%\u066a]?"  # a number
    "|.",  # anything else, one character at a time
    re.S,
)
RTL_RUN = re.compile(f"[{ARABIC_LETTER}](?:[^{LATIN}]*[{ARABIC_LETTER}{ARABIC_MARK}])?")
LATIN_LETTER = re.compile(f"[{LATIN}]")
ARABIC_LETTER_CHAR = re.compile(f"[{ARABIC_LETTER}]")
# Old Windows spellings of ی and ک, and the forms a word list may not have.
LOOKUP_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", ZWNJ: ""})
# Punctuation that ends a sentence or clause: after a reversal it belongs at the line's end.
TRAILING_PUNCTUATION = re.compile("^([.:!?؟،؛]+)\\s*(.*)$", re.S)
WordCounts = Mapping[str, int]


def lookup_form(word: str) -> str:
    """The spelling a word list knows: base letters for presentation forms, no marks, no ZWNJ."""
    folded = unicodedata.normalize("NFKC", word).translate(LOOKUP_LETTERS)
    return "".join(char for char in folded if not unicodedata.combining(char))


def reversal_evidence(line: str, counts: WordCounts) -> float:
    """How much more the line's Persian words look like known words read backwards than
    forwards: the sum of log counts each way (a word list also holds rare junk forms, so
    frequent words must weigh more). Positive: reversed; zero: no evidence either way."""
    evidence = 0.0
    for word in PERSIAN_WORD.findall(line):
        form = lookup_form(word)
        if len(form) > 1:  # one letter reads the same both ways
            evidence += math.log1p(counts.get(form[::-1]) or 0) - math.log1p(counts.get(form) or 0)
    return evidence


def reverse_right_to_left(run: str) -> str:
    """A run displayed right to left, reversed, with its Latin runs and numbers read forwards."""
    return "".join(reversed(SHOWN_LEFT_TO_RIGHT.findall(run)))


def to_logical_order(line: str) -> str:
    """A reversed line as it is read. A mostly Persian line is reversed whole; a full stop or
    colon a left-to-right paragraph put at its right end goes back to the end. An English
    line quoting Persian has only its Persian runs reversed."""
    persian = len(ARABIC_LETTER_CHAR.findall(line))
    if persian < len(LATIN_LETTER.findall(line)):
        return RTL_RUN.sub(lambda match: reverse_right_to_left(match.group()), line)
    logical = reverse_right_to_left(line)
    moved = TRAILING_PUNCTUATION.match(logical)
    return f"{moved.group(2)}{moved.group(1)}" if moved and moved.group(2) else logical


def restore_reading_order(lines: list[str], counts: WordCounts) -> list[str]:
    """Every line of a text layer in reading order; "" separates paragraphs. A paragraph's lines
    share a direction, so they are judged together (a last line of one short verb, `دش`, says
    little alone); a paragraph without evidence either way (its words unknown both ways) follows
    the majority of the document's Persian paragraphs."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        paragraphs[-1].append(line)
        if not line:
            paragraphs.append([])
    evidence = [sum(reversal_evidence(line, counts) for line in paragraph) for paragraph in paragraphs]
    majority = sum((value > 0) - (value < 0) for value in evidence) > 0
    restored: list[str] = []
    for paragraph, value in zip(paragraphs, evidence, strict=True):
        reverse = value > 0 or (value == 0 and majority)
        restored.extend(to_logical_order(line) if reverse and ARABIC_LETTER_CHAR.search(line) else line
                        for line in paragraph)
    return restored
