"""Solar and lunar Hijri dates as the Gregorian spans they cover, and ISO 8601 value strings.

The calendar arithmetic is the libraries': jdatetime (Solar Hijri, the Iranian civil calendar)
and convertdate's tabular Islamic calendar (lunar Hijri). Nothing here counts days by hand.
"""

from __future__ import annotations

import datetime as dt

GREGORIAN = "gregorian"
SOLAR_HIJRI = "solar_hijri"
LUNAR_HIJRI = "lunar_hijri"
CALENDARS = (GREGORIAN, SOLAR_HIJRI, LUNAR_HIJRI)

# what each granularity keeps of a date when it is written as a value
ISO_WIDTH = {"year": 4, "month": 7, "day": 10}


def to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date:
    """One day of `calendar` as a Gregorian date."""
    if calendar == SOLAR_HIJRI:
        import jdatetime

        return jdatetime.date(year, month, day).togregorian()
    if calendar == LUNAR_HIJRI:
        from convertdate import islamic

        return dt.date(*islamic.to_gregorian(year, month, day))
    return dt.date(year, month, day)


def month_length(calendar: str, year: int, month: int) -> int:
    if calendar == SOLAR_HIJRI:
        import jdatetime

        return jdatetime.j_days_in_month[month - 1] + (
            1 if month == 12 and jdatetime.date(year, 1, 1).isleap() else 0
        )
    if calendar == LUNAR_HIJRI:
        from convertdate import islamic

        return int(islamic.month_length(year, month))
    import calendar as gregorian

    return gregorian.monthrange(year, month)[1]


def gregorian_span(
    calendar: str, first: tuple[int, int, int], last: tuple[int, int, int] | tuple[int, int]
) -> tuple[dt.date, dt.date]:
    """The first and last Gregorian day of a span given as (y, m, d) .. (y, m[, d])."""
    if len(last) == 2:
        last = (last[0], last[1], month_length(calendar, last[0], last[1]))
    return to_gregorian(calendar, *first), to_gregorian(calendar, *last)


def span_value(start: dt.date, end: dt.date, granularity: str) -> str:
    """`1978/1979`, `1978-12/1979-01`, or one value when both ends agree (ISO 8601 interval)."""
    width = ISO_WIDTH.get(granularity, 4)
    first, last = start.isoformat()[:width], end.isoformat()[:width]
    return first if first == last else f"{first}/{last}"


def iso_year(year: int) -> str:
    """ISO 8601 years: four digits, astronomical numbering before year 1 (1 BC = `0000`,
    500 BC = `-0499`)."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def before_christ(year: int) -> int:
    """A year written BC (ق.م، پیش از میلاد) in astronomical numbering: 500 BC → -499."""
    return 1 - year


def year_value(calendar: str, year: int) -> str:
    if calendar == GREGORIAN:
        return iso_year(year)
    return span_value(*gregorian_span(calendar, (year, 1, 1), (year, 12)), "year")


def years_value(calendar: str, first: int, last: int) -> str:
    """A range of whole years (a decade, a century, `۱۳۰۴ تا ۱۳۲۰`) as Gregorian years."""
    if calendar == GREGORIAN:
        return f"{iso_year(first)}/{iso_year(last)}" if first != last else iso_year(first)
    return span_value(*gregorian_span(calendar, (first, 1, 1), (last, 12)), "year")


def months_value(calendar: str, year: int, first: int, last: int) -> str:
    """Months `first`..`last` of one year (a Solar Hijri season) as Gregorian months."""
    return span_value(*gregorian_span(calendar, (year, first, 1), (year, last)), "month")


def month_value(calendar: str, year: int, month: int) -> str:
    if calendar == GREGORIAN:
        return f"{year:04d}-{month:02d}"
    return span_value(*gregorian_span(calendar, (year, month, 1), (year, month)), "month")


def day_value(calendar: str, year: int, month: int, day: int) -> str | None:
    """The Gregorian day, or None for a day that does not exist (31 Esfand, 30 February)."""
    if not 1 <= month <= 12 or not 1 <= day <= month_length(calendar, year, month):
        return None
    return to_gregorian(calendar, year, month, day).isoformat()


def year_span(value: str) -> tuple[int, int]:
    """The first and last Gregorian year a value covers: `183` → (1830, 1839), `18` → (1800,
    1899), `1978/1979`, `1907-08-31` → (1907, 1907), `2022-WI` → (2022, 2022), `-0499`."""
    if "/" in value:
        first, last = value.split("/", 1)
        return year_span(first)[0], year_span(last)[1]
    sign = -1 if value.startswith("-") else 1
    digits = value.lstrip("-").split("-", 1)[0]
    scale = 10 ** (4 - len(digits))  # 2 digits: a century, 3: a decade, 4: a year
    start = sign * int(digits) * scale
    return start, start + scale - 1
