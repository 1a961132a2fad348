"""Spelled-out Persian numbers (cardinals and ordinals) as regular expressions and values.

A Persian number joins its parts with و ("and"): بیست و پنجم (25th). Writers space it
(`بیست و پنجم`), join it with a zero-width non-joiner (`بیست‌وپنجم`) or glue it (`بیستوپنجم`),
and may do each differently on either side of و. The pattern and the value come from the same
word tables, so every written form the pattern accepts has a value (issue #15: a ZWNJ form
matched but had no value and stopped the whole report).
"""

from __future__ import annotations

import functools
import re

from iranru.characters import ZWNJ

GAP = f"[ {ZWNJ}]*"  # nothing, spaces or ZWNJs between the words of a number
AND = f"{GAP}و{GAP}"

# Each entry: value, then the spellings of it ("|"); a space inside a spelling may be written
# as a space, a ZWNJ or nothing (سی ام، سی‌ام، سیام).
UNITS = {1: "یک", 2: "دو", 3: "سه", 4: "چهار", 5: "پنج", 6: "شش|شیش", 7: "هفت", 8: "هشت", 9: "نه"}
TEENS = {10: "ده", 11: "یازده", 12: "دوازده", 13: "سیزده", 14: "چهارده", 15: "پانزده|پونزده",
         16: "شانزده", 17: "هفده|هیفده", 18: "هجده|هیجده|هژده", 19: "نوزده"}
TENS = {20: "بیست", 30: "سی", 40: "چهل", 50: "پنجاه", 60: "شصت", 70: "هفتاد", 80: "هشتاد", 90: "نود"}
HUNDREDS = {100: "صد|یکصد|یک صد", 200: "دویست", 300: "سیصد", 400: "چهارصد", 500: "پانصد|پونصد",
            600: "ششصد", 700: "هفتصد", 800: "هشتصد", 900: "نهصد"}
THOUSANDS = {1000: "هزار|یک هزار", 2000: "دو هزار"}
UNIT_ORDINALS = {1: "یکم|اول", 2: "دوم", 3: "سوم", 4: "چهارم", 5: "پنجم", 6: "ششم", 7: "هفتم",
                 8: "هشتم", 9: "نهم"}
TEEN_ORDINALS = {10: "دهم", 11: "یازدهم", 12: "دوازدهم", 13: "سیزدهم", 14: "چهاردهم",
                 15: "پانزدهم|پونزدهم", 16: "شانزدهم", 17: "هفدهم|هفتدهم|هیفدهم",
                 18: "هجدهم|هیجدهم|هژدهم", 19: "نوزدهم"}
TEN_ORDINALS = {20: "بیستم", 30: "سی ام", 40: "چهلم", 50: "پنجاهم", 60: "شصتم", 70: "هفتادم",
                80: "هشتادم", 90: "نودم"}

# A number's parts, largest first: each part's rank must fall (هزار و سیصد و پنجاه و هفت).
# Teens rank with tens, so `بیست و ده` is no number.
RANKS = ((THOUSANDS, 4), (HUNDREDS, 3), (TENS, 2), (TEN_ORDINALS, 2), (TEENS, 2),
         (TEEN_ORDINALS, 2), (UNITS, 1), (UNIT_ORDINALS, 1))
ORDINAL_TABLES = (UNIT_ORDINALS, TEEN_ORDINALS, TEN_ORDINALS)


def spellings(table: dict[int, str]) -> list[str]:
    return [name for names in table.values() for name in names.split("|")]


def words_pattern(*tables: dict[int, str]) -> str:
    """One alternation, longest spelling first, spaces inside a spelling optional."""
    names = sorted({name for table in tables for name in spellings(table)}, key=len, reverse=True)
    return "(?:" + "|".join(GAP.join(map(re.escape, name.split(" "))) for name in names) + ")"


def compact(written: str) -> str:
    return re.sub(f"[ {ZWNJ}\u0640]+", "", written)  # tatweel (ـ) only stretches a word


@functools.cache
def word_values() -> dict[str, tuple[int, int, bool]]:
    """Each compact spelling: its value, its rank and whether it is an ordinal."""
    values: dict[str, tuple[int, int, bool]] = {}
    for table, rank in RANKS:
        for value, names in table.items():
            for name in names.split("|"):
                values[compact(name)] = (value, rank, table in ORDINAL_TABLES)
    return values


@functools.cache
def word_splitter() -> re.Pattern[str]:
    names = sorted(word_values(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)) + "|(?P<and>و)")


BELOW_100 = (f"(?:{words_pattern(TENS)}(?:{AND}{words_pattern(UNITS)})?"
             f"|{words_pattern(TEENS)}|{words_pattern(UNITS)})")
BELOW_1000 = f"(?:{words_pattern(HUNDREDS)}(?:{AND}{BELOW_100})?|{BELOW_100})"
# cardinals below 100 (days: بیست و هشت مرداد), years with thousands (هزار و سیصد و پنجاه و هفت)
CARDINAL_BELOW_100 = BELOW_100
CARDINAL_YEAR = f"(?:{words_pattern(THOUSANDS)}{AND}{BELOW_1000})"  # not هزار alone: a count
ORDINAL_BELOW_100 = (f"(?:{words_pattern(TENS)}{AND}{words_pattern(UNIT_ORDINALS)}"
                     f"|{words_pattern(TEN_ORDINALS, TEEN_ORDINALS, UNIT_ORDINALS)})")


def spelled_value(written: str) -> int | None:
    """The value of a spelled-out Persian number, or None if its parts do not make one.

    Parts must fall in rank with one و between each (an ordinal only last): `بیست‌وپنجم` → 25,
    `هزار و سیصد و پنجاه و هفت` → 1357, `پنجم و بیست` → None."""
    text = compact(written)
    total, last_rank, position, expect_word = 0, 5, 0, True
    ordinal_seen = False
    for match in word_splitter().finditer(text):
        if match.start() != position or ordinal_seen:
            return None
        position = match.end()
        if match["and"]:
            if expect_word:
                return None
            expect_word = True
            continue
        if not expect_word:
            return None
        value, rank, ordinal = word_values()[match.group()]
        if rank >= last_rank:
            return None
        total, last_rank, expect_word, ordinal_seen = total + value, rank, False, ordinal
    if position != len(text) or expect_word:
        return None
    return total
