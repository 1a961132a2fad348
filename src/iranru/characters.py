"""Characters and character classes every stage reads, ingest included (so the module sits
outside them all), defined once and named (most are invisible). Several Arabic-script classes
exist because each answers another question; each is written here once, with what it is for."""

from __future__ import annotations

import functools
import re
import unicodedata

ZWNJ = "\u200c"  # zero-width non-joiner: keeps a Persian affix visually apart (کتاب‌ها)
ZWJ = "\u200d"  # zero-width joiner: never needed in Persian words
BOM = "\ufeff"  # byte-order mark; in mid-text it is junk
TATWEEL = "\u0640"  # kashida, a stretching stroke with no meaning
SOFT_HYPHEN = "\u00ad"
# Directional marks and embeddings/isolates that copy-paste leaves behind.
BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

# The Arabic-script letters of Persian; used to tell Persian words from everything else.
PERSIAN_LETTERS = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءأإؤئۀة"
# Letters that never join the next letter: a ZWNJ after them is meaningless, so a morpheme
# boundary after them is written with nothing at all (بندرها).
NON_JOINING_LETTERS = frozenset("اآأإٱدذرزژوؤءۀة")

# Marks written on letters, as regular-expression ranges: the Arabic short vowels, tanwin,
# shadda and sukun with the superscript alef (harakat), the Arabic signs above and below a
# word (U+0610-U+061A), the Quranic annotation marks, and Latin combining accents.
HARAKAT_RANGES = "\u064b-\u065f\u0670"
ARABIC_SIGN_RANGES = "\u0610-\u061a"
QURANIC_MARK_RANGES = "\u06d6-\u06ed"
COMBINING_LATIN_RANGES = "\u0300-\u036f"

# Arabic-script letters as regular-expression ranges, by what they are used for:
# - letters of either script's counting (language of a text or a sentence), presentation forms
#   included, no marks;
SCRIPT_LETTER_RANGES = ("\u0621-\u063a\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef"
                        "\u06fa-\u06fc\u06ff\ufb50-\ufdfb\ufe70-\ufefc")
# - what a ZWNJ may stand between (remove_stray_zwnj keeps a ZWNJ only there);
ZWNJ_NEIGHBOUR_RANGES = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff"
# - what a word is made of for ZWNJ repair: letters and the marks written on them.
WORD_CHARACTER_RANGES = (f"\u0621-\u063a\u0641-\u064a{HARAKAT_RANGES}"
                         "\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff")
# - the letters of a Persian word for date and place finding (its boundaries), which reads
#   the original text: tatweel and the rarer letters included;
MENTION_LETTER_RANGES = "\u0620-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
LATIN_LETTER_RANGES = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"


def is_arabic_script(char: str) -> bool:
    code = ord(char)
    return 0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def is_arabic_letter(char: str) -> bool:
    return is_arabic_script(char) and char.isalpha()


def is_latin_letter(char: str) -> bool:
    return char.isalpha() and ord(char) < 0x0250


@functools.cache
def punctuation_and_symbol_ranges() -> str:
    """Every character of Unicode's punctuation (P*) and symbol (S*) categories in the Basic
    Multilingual Plane, as ranges for a character class: the marks hazm may leave glued to a
    Persian word (*دقیقه, -ماسک, شیراز-, صاحبنظران, و…)."""
    codes = [code for code in range(0x10000) if unicodedata.category(chr(code))[0] in "PS"]
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else "")
                   for first, last in runs)
