"""Persian normalisation steps, built on hazm's character tables.

Each step is a pure `str -> str` function; the pipeline in `normalize/__init__.py` runs them in
order, so `--explain` can say which step changed which span and ZWNJ repair is one step.
hazm's own `Normalizer.correct_spacing` is not used: it re-spaces whole texts and damages
correct spelling, which is what our ZWNJ step does better.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from iranru.characters import (
    ARABIC_INDIC_DIGITS,
    BIDI_CONTROLS,
    BOM,
    LATIN_DIGITS,
    PERSIAN_DIGITS,
    PERSIAN_LETTERS,
    SOFT_HYPHEN,
    TATWEEL,
    ZWJ,
    ZWNJ,
    ZWNJ_NEIGHBOUR_RANGES,
)
from iranru.normalize.tables import compile_table


@functools.cache
def character_table() -> dict[int, str]:
    """hazm's table of Arabic and presentation-form letters to their Persian forms (ي→ی, ك→ک)."""
    from hazm.constants import TRANSLATION_DST, TRANSLATION_SRC

    table = {
        ord(source): target
        for source, target in zip(TRANSLATION_SRC, TRANSLATION_DST, strict=True)
        if source != target and source.strip()  # hazm's table also maps quotes; en.py folds those
        and source not in "“”"
    }
    table[ord("ۀ")] = "ه"  # heh with yeh above: the ezafe mark, written ه + hamza in modern text
    return table


@functools.cache
def ligature_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """hazm's replacements of one-character ligatures (ﷲ → الله, ﻻ → لا)."""
    from hazm.constants import UNICODE_REPLACEMENTS

    return tuple((re.compile(source), target) for source, target in UNICODE_REPLACEMENTS)


@functools.cache
def ligature_characters() -> re.Pattern[str]:
    """Any character a ligature pattern looks for: most texts have none, and need no pass."""
    from hazm.constants import UNICODE_REPLACEMENTS

    chars = {char for source, _ in UNICODE_REPLACEMENTS for char in source if char not in "()|"}
    return re.compile("[" + "".join(re.escape(char) for char in sorted(chars)) + "]")


@functools.cache
def diacritic_table() -> dict[int, None]:
    """Short vowels, tanvin, shadda, sukun, hamza above and the like, which Persian omits."""
    from hazm.constants import DIACRITICS_PATTERNS, SPECIAL_CHARS_PATTERNS

    removable: dict[int, None] = {}
    for pattern, _ in (*DIACRITICS_PATTERNS, *SPECIAL_CHARS_PATTERNS):
        for char in re.findall(r"\\u([0-9a-f]{4})|(.)", pattern.strip("[]")):
            code = int(char[0], 16) if char[0] else ord(char[1])
            removable[code] = None
    removable.update({ord(TATWEEL): None, 0x0654: None, 0x0670: None, ord("\u06d4"): None})
    removable.pop(ord("\u06d4"))  # Arabic full stop is punctuation, keep it
    return removable


@functools.cache
def unify_letters() -> Callable[[str], str]:
    return compile_table(character_table())


@functools.cache
def remove_diacritic_characters() -> Callable[[str], str]:
    return compile_table(diacritic_table())


@functools.cache
def remove_junk_characters() -> Callable[[str], str]:
    return compile_table(INVISIBLE_JUNK)


@functools.cache
def latin_digits() -> Callable[[str], str]:
    return compile_table(DIGIT_TO_LATIN)


INVISIBLE_JUNK = {ord(char): None for char in BIDI_CONTROLS + BOM + ZWJ + SOFT_HYPHEN + "\x00"}
DIGIT_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, LATIN_DIGITS * 2)
DIGIT_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_INDIC_DIGITS, PERSIAN_DIGITS * 2)

ANY_DIGIT = f"0-9{PERSIAN_DIGITS}{ARABIC_INDIC_DIGITS}"
LETTER_CLASS = f"{PERSIAN_LETTERS}"
# A number glued to the next Persian word (۱۹۴۵توسط), except ordinal endings (۱۹ام, ۲۰مین).
# Each pattern starts with the character it follows (kept by the replacement), so the regex
# engine only tries where a digit, letter or mark is: zero-width patterns are tried everywhere.
GLUED_DIGIT_LETTER = re.compile(
    f"([{ANY_DIGIT}]){ZWNJ}*(?=[{LETTER_CLASS}])(?!(?:ا?م(?:ین)?)(?![{LETTER_CLASS}]))"
)
GLUED_LETTER_DIGIT = re.compile(f"([{LETTER_CLASS}]){ZWNJ}*(?=[{ANY_DIGIT}])")
# Blanks between a word and the mark, found in the reversed text: a pattern that starts at the
# mark is tried only where a mark is, one that starts at the blanks at every space.
MARK_THEN_BLANKS_REVERSED = re.compile(r"([،؛؟])[ \t]+(?=\S)")
MISSING_SPACE_AFTER_PUNCTUATION = re.compile(f"([،؛؟])(?=[{LETTER_CLASS}])")
# Tabs, no-break and typographic spaces; collapse_spaces looks for each with a plain find, a few
# times faster than a character-class search.
EACH_OTHER_BLANK = ("\t", "\u00a0", *map(chr, range(0x2000, 0x200C)), "\u202f", "\u205f", "\u3000")
OTHER_BLANKS = "".join(EACH_OTHER_BLANK)
REPEATED_BLANKS = re.compile(f"[ {OTHER_BLANKS}]{{2,}}|[{OTHER_BLANKS}]")
LINE_BREAKS = re.compile(r"\r\n?")


@functools.cache
def character_steps() -> Callable[[str], str]:
    """remove_invisible_controls' junk, unify_arabic_letters (with ligatures), strip_diacritics
    and en.fold_quotes_and_dashes as one character table, in that order: each maps characters
    alone, so their composition is one scan of the text instead of four. (Folding quotes
    before remove_stray_zwnj changes nothing: neither side of it is an Arabic letter or a ZWNJ.)"""
    return compile_table(character_steps_table())


@functools.cache
def inert_characters() -> str:
    """The characters of Persian and English text that compose_unicode, character_steps and
    remove_invisible_controls leave alone, whatever is around them: ASCII, Latin, the Arabic
    block, ZWNJ and general punctuation, less the ones these steps change, combining marks and
    those NFC may compose with the character before (a test checks every pair)."""
    import unicodedata

    changed = character_steps_table()
    return "".join(
        char for first, last in INERT_CANDIDATES for char in map(chr, range(first, last + 1))
        if ord(char) not in changed and not unicodedata.combining(char)
        and unicodedata.is_normalized("NFC", char))


INERT_CANDIDATES = ((0x09, 0x0A), (0x20, 0x7E), (0xA0, 0x24F), (0x600, 0x6FF), (0x200C, 0x200C),
                    (0x2010, 0x205E))


@functools.cache
def chunk_step_triggers() -> re.Pattern[str]:
    """Any character that is not inert_characters: a chunk without one, a ZWNJ next to no
    letter or a digit next to a letter is left alone by chunk_steps."""
    return re.compile("[^" + "".join(map(re.escape, inert_characters())) + "]")


@functools.cache
def plain_replacements() -> tuple[tuple[str, str], ...]:
    """English typographic quotes and dashes (’ “ ” —, common in English text) and what
    character_steps makes of them: they compose with nothing and become inert characters, so
    chunk_steps changes them alike wherever they stand and a text is changed by replacing
    them (a test checks each), not chunk by chunk."""
    from iranru.normalize.en import QUOTES_AND_DASHES

    table, inert = character_steps_table(), frozenset(inert_characters())
    return tuple((chr(code), table[code]) for code in QUOTES_AND_DASHES
                 if code in table and inert.issuperset(table[code]))


@functools.cache
def character_steps_table() -> dict[int, str]:
    """character_steps as one table: each character it changes, and into what."""
    from hazm.constants import UNICODE_REPLACEMENTS

    from iranru.normalize.en import QUOTES_AND_DASHES

    ligatures = {char: target for source, target in UNICODE_REPLACEMENTS
                 for char in source if char not in "()|"}
    tables = [INVISIBLE_JUNK, character_table(), {ord(char): target for char, target in ligatures.items()},
              diacritic_table(), QUOTES_AND_DASHES]
    domain = {code for table in tables for code in table}
    fused: dict[int, str] = {}
    for code in domain:
        text = chr(code)
        for table in tables:
            text = text.translate(table)
        if text != chr(code):
            fused[code] = text
    return fused


def unify_line_breaks(text: str) -> str:
    return LINE_BREAKS.sub("\n", text)


def compose_unicode(text: str) -> str:
    """NFC first: a decomposed آ (ا + maddah) must not lose its maddah as a "diacritic"."""
    import unicodedata

    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def remove_invisible_controls(text: str) -> str:
    """Bidi marks, stray BOMs and ZWJs carry no meaning and split words when counted.
    A lone surrogate (only a program, never a decoded file, can pass one) becomes U+FFFD."""
    return LONE_SURROGATE.sub("\ufffd", remove_junk_characters()(text))


ARABIC_LETTER_RANGE = ZWNJ_NEIGHBOUR_RANGES
STRAY_ZWNJ = re.compile(
    f"{ZWNJ}+(?![{ARABIC_LETTER_RANGE}])|(?<![{ARABIC_LETTER_RANGE}]){ZWNJ}+|(?<={ZWNJ}){ZWNJ}+"
)


# Where remove_stray_zwnj or split_glued_digits may change a text, as patterns that start at a
# ZWNJ or a digit (so the engine only tries there), run on the text and on the text reversed:
# a ZWNJ before no Arabic letter (in the reversed text: after none), a digit before a letter
# (reversed: after one), each through ZWNJs.
ZWNJ_BEFORE_NO_LETTER = re.compile(f"{ZWNJ}(?![{ARABIC_LETTER_RANGE}])")
DIGIT_BEFORE_LETTER = re.compile(f"[{ANY_DIGIT}]{ZWNJ}*[{LETTER_CLASS}]")
ANY_LETTER = re.compile(f"[{LETTER_CLASS}]")


def remove_stray_zwnj(text: str) -> str:
    """A ZWNJ only means something between two Arabic-script letters; elsewhere it is junk."""
    return STRAY_ZWNJ.sub("", text) if ZWNJ in text else text


def unify_arabic_letters(text: str) -> str:
    """Arabic ي/ك and presentation forms become the Persian letters; ligatures are spelled out."""
    text = unify_letters()(text)
    if ligature_characters().search(text) is None:
        return text
    for pattern, target in ligature_patterns():
        text = pattern.sub(target, text)
    return text


def strip_diacritics(text: str) -> str:
    return remove_diacritic_characters()(text)


def split_glued_digits(text: str) -> str:
    """A year glued to the next word (۱۹۴۵توسط) is two tokens: ۱۹۴۵ توسط."""
    text = GLUED_DIGIT_LETTER.sub(r"\1 ", text)
    return GLUED_LETTER_DIGIT.sub(r"\1 ", text)


def space_punctuation(text: str) -> str:
    """Persian comma, semicolon and question mark: no space before, one after."""
    if "،" not in text and "؛" not in text and "؟" not in text:  # a plain find: no regex scan
        return text
    text = MARK_THEN_BLANKS_REVERSED.sub(r"\1", text[::-1])[::-1]
    return MISSING_SPACE_AFTER_PUNCTUATION.sub(r"\1 ", text)


def collapse_spaces(text: str) -> str:
    """One plain space between words; line breaks are kept, so lines still correspond."""
    if "  " in text or any(map(text.__contains__, EACH_OTHER_BLANK)):
        text = REPEATED_BLANKS.sub(" ", text)
    # now every blank is one plain space: the edges of lines are plain replacements
    if " \n" in text:
        text = text.replace(" \n", "\n")
    if "\n " in text:
        text = text.replace("\n ", "\n")
    if text[:1] == " ":
        text = text[1:]
    if text[-1:] == " ":
        text = text[:-1]
    return text


def digits_to_latin(text: str) -> str:
    return latin_digits()(text)


DIGIT_RUN = re.compile(f"[{ANY_DIGIT}]+")
DIGIT_CONTEXT = 200
NON_BLANK_AROUND = re.compile(r"\S*$"), re.compile(r"^\S*")


def letter_script(chars: str) -> str | None:
    """"latin" or "arabic" for the first letter in `chars`, None if it has none."""
    for char in chars:
        if char.isalpha():
            return "latin" if ord(char) < 0x0250 else "arabic"
    return None


def digits_by_context(text: str) -> str:
    """Each run of digits takes the script of its own word (S-300 stays Latin), else of the
    nearest letter on its line (`۱۸۱۳ م` stays Persian, `in 1813` Latin)."""

    def convert(match: re.Match[str]) -> str:
        # look no further than DIGIT_CONTEXT characters, and never past a line break
        window_start = max(0, match.start() - DIGIT_CONTEXT)
        before = text[window_start : match.start()].rpartition("\n")[2]
        after = text[match.end() : match.end() + DIGIT_CONTEXT].partition("\n")[0]
        glued = NON_BLANK_AROUND[0].search(before).group() + NON_BLANK_AROUND[1].search(after).group()
        script = letter_script(glued)
        if script is None:
            left_gap = next((i for i, c in enumerate(reversed(before)) if c.isalpha()), None)
            right_gap = next((i for i, c in enumerate(after) if c.isalpha()), None)
            if left_gap is None and right_gap is None:
                return match.group()
            use_left = right_gap is None or (left_gap is not None and left_gap <= right_gap)
            script = letter_script(before[::-1] if use_left else after)
        table = DIGIT_TO_LATIN if script == "latin" else DIGIT_TO_PERSIAN
        return match.group().translate(table)

    return DIGIT_RUN.sub(convert, text)
