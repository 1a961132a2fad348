"""Date and place mentions: rows with offsets into the original text, as data.

Matching runs on `fold(text)`, a same-length copy of the original with digits in ASCII,
Arabic letter variants unified and dashes folded, so a match's offsets are the original's
and `text[start:end] == surface` holds by construction. The `context` column comes from the
normalised text through the normaliser's offset map (`iranru.normalize.align`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from iranru.characters import BIDI_CONTROLS, MENTION_LETTER_RANGES, ZWJ, ZWNJ

if TYPE_CHECKING:
    import pandas as pd

    from iranru.model import Document

DATE_COLUMNS = (
    "doc", "start", "end", "surface", "value", "year_from", "year_to", "calendar", "granularity",
    "context",
)
PLACE_COLUMNS = (
    "doc", "start", "end", "surface", "name_en", "name_fa", "place_id", "kind", "lat", "lon", "context",
)
CONTEXT_CHARS = 40

# Arabic-script letters (not digits, not punctuation): Persian words' boundaries
FA_LETTERS = MENTION_LETTER_RANGES


def _fold_table() -> dict[int, str]:
    table = {0x06F0 + i: str(i) for i in range(10)}  # Persian digits ۰–۹
    table.update({0x0660 + i: str(i) for i in range(10)})  # Arabic-Indic digits ٠–٩
    table.update({ord("ي"): "ی", ord("ى"): "ی", ord("ك"): "ک", ord("ە"): "ه"})
    table.update({ord(dash): "-" for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
    table.update({ord(space): " " for space in "\u00a0\u2009\u202f\u2007"})
    table.update({ord("\u2019"): "'", ord("\u2018"): "'", ord("\u066c"): ",", ord("\u066b"): "."})
    # A ZWJ (ه‍.ق, Wikipedia's spelling of the Hijri marks) or a bidi mark (۱۳۴۵‏ ش) is an
    # invisible rendering hint inside or between words: patterns see it as the ZWNJ they
    # already allow there.
    table.update({ord(invisible): ZWNJ for invisible in ZWJ + BIDI_CONTROLS})
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    """The text with one-for-one character unification only: same length, same offsets."""
    return text.translate(FOLD)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    surface: str
    value: str  # ISO 8601 (reduced precision, season codes, intervals), always Gregorian
    year_from: int  # the first and last Gregorian year `value` covers, for filters and charts
    year_to: int
    calendar: str  # the calendar the text was written in
    granularity: str  # year, month, day, season, decade, century, range


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    surface: str
    name_en: str
    name_fa: str
    place_id: str
    kind: str
    lat: float | None
    lon: float | None


class ContextWindow:
    """Short normalised windows around original spans, through the normaliser's offset map."""

    def __init__(self, original: str, normalized: str) -> None:
        from iranru.normalize import align

        self.normalized = normalized
        self.mapping = align(original, normalized)  # a 4-byte array: bisect reads it as it is

    def around(self, start: int, end: int, chars: int = CONTEXT_CHARS) -> str:
        left = bisect.bisect_left(self.mapping, start)
        right = bisect.bisect_left(self.mapping, end, lo=left)
        window = self.normalized[max(0, left - chars) : right + chars]
        return " ".join(window.split())


def mention_rows(
    document: Document, normalized: str, mentions: Sequence[DateMention | PlaceMention]
) -> list[tuple[object, ...]]:
    """Report rows: the document's name, each mention's fields, and its context."""
    from dataclasses import astuple

    window = ContextWindow(document.text, normalized)
    return [
        (document.name, *astuple(mention), window.around(mention.start, mention.end))
        for mention in mentions
    ]


def summary_table(table: pd.DataFrame, key: str) -> pd.DataFrame:
    """Counts of each `key` (value or place) per document: one column per document, a total,
    sorted by (-total, key) so spreadsheets get a stable wide table."""
    import pandas as pd

    extra = (["name_fa"] if key == "name_en" else
             ["year_from", "year_to", "calendar", "granularity"] if key == "value" else [])
    if table.empty:
        return pd.DataFrame(columns=[key, *extra, "total"])
    counts = pd.crosstab([table[key], *(table[column] for column in extra)], table["doc"])
    counts = counts.reindex(sorted(counts.columns), axis=1)
    counts.columns = [str(column) for column in counts.columns]
    counts.insert(0, "total", counts.sum(axis=1))
    counts = counts.reset_index()
    counts = counts.sort_values(["total", key], ascending=[False, True], kind="stable")
    counts.columns.name = None
    return counts.reset_index(drop=True)
