"""Characters Persian normalisation deals with, named because most are invisible."""

from __future__ import annotations

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
# Letters that never join the next letter: a ZWNJ after them is meaningless.
NON_JOINING_LETTERS = "اآأإدذرزژوؤءۀ"


def is_arabic_script(char: str) -> bool:
    code = ord(char)
    return 0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def is_arabic_letter(char: str) -> bool:
    return is_arabic_script(char) and char.isalpha()


def is_latin_letter(char: str) -> bool:
    return char.isalpha() and ord(char) < 0x0250
