"""Readable labels for date values, for the table view only: machine formats keep ISO 8601."""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

DATE_TABLE_COLUMNS = {"value", "year_from", "year_to"}
SEASON_NAMES = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
EN_DASH = "\u2013"


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def year_label(year: int) -> str:
    """Astronomical years before 1 as BC: `-0499` → `500 BC`."""
    return str(year) if year > 0 else f"{1 - year} BC"


def date_label(value: str) -> str:
    """`183` → `1830s`, `18` → `19th century`, `18/19` → `19th–20th centuries`,
    `1907-08` → `August 1907`, `1907-08-31` → `31 August 1907`, `2022-WI` → `Winter 2022`,
    `1978/1979` → `1978–1979`; anything else as it is."""
    if "/" in value:
        first, last = value.split("/", 1)
        if len(first) == len(last) == 2 and first.isdigit() and last.isdigit():
            return f"{ordinal(int(first) + 1)}{EN_DASH}{ordinal(int(last) + 1)} centuries"
        first_label, last_label = date_label(first), date_label(last)
        spaced = " " in first_label or " " in last_label
        return f"{first_label} {EN_DASH} {last_label}" if spaced else f"{first_label}{EN_DASH}{last_label}"
    sign = -1 if value.startswith("-") else 1
    year_part, _, rest = value.lstrip("-").partition("-")
    if not year_part.isdigit():
        return value
    if len(year_part) == 2:
        return f"{ordinal(int(year_part) + 1)} century"
    if len(year_part) == 3:
        return f"{year_part}0s"
    year = year_label(sign * int(year_part))
    if not rest:
        return year
    if rest in SEASON_NAMES:
        return f"{SEASON_NAMES[rest]} {year}"
    month, _, day = rest.partition("-")
    if not month.isdigit() or not 1 <= int(month) <= 12:
        return value
    month_year = f"{calendar.month_name[int(month)]} {year}"
    return f"{int(day)} {month_year}" if day.isdigit() else month_year


def readable_dates(table: pd.DataFrame) -> pd.DataFrame:
    """A date report with `value` as a label; any other table unchanged."""
    if not DATE_TABLE_COLUMNS <= set(map(str, table.columns)):
        return table
    shown = table.copy()
    shown["value"] = [date_label(str(value)) for value in shown["value"]]
    return shown
