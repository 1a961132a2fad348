"""Date expressions generated from their grammar, checked against jdatetime and convertdate.

The grammar here is written independently of the finder's tables: spelled-out Persian days
(ordinals and cardinals 1–31, with a space, a ZWNJ or nothing on either side of و), the month
names of the three calendars in Persian and in English transliteration, digits in three
scripts, and the era marks of MENTIONS.md and issue #15. Each expected value is computed here
from the calendar libraries, not by the code under test.
"""

from __future__ import annotations

import calendar as gregorian_calendar
import datetime as dt

import jdatetime
from convertdate import islamic
from hypothesis import assume, given
from hypothesis import strategies as st

from iranru.mentions.dates import find_dates
from iranru.render.labels import date_label

ZWNJ = "\u200c"
SOLAR, LUNAR, GREGORIAN = "solar_hijri", "lunar_hijri", "gregorian"

FA_UNIT_ORDINALS = ["یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم"]
FA_TEEN_ORDINALS = ["دهم", "یازدهم", "دوازدهم", "سیزدهم", "چهاردهم", "پانزدهم", "شانزدهم",
                    "هفدهم", "هجدهم", "نوزدهم"]
FA_UNITS = ["یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
FA_TEENS = ["ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"]
SEPARATORS = ["", " ", ZWNJ]  # what writers put on each side of و

FA_MONTH_NAMES = {
    SOLAR: [["فروردین"], ["اردیبهشت"], ["خرداد"], ["تیر"], ["مرداد", "امرداد"], ["شهریور"],
            ["مهر"], ["آبان"], ["آذر"], ["دی"], ["بهمن"], ["اسفند"]],
    GREGORIAN: [["ژانویه"], ["فوریه"], ["مارس"], ["آوریل", "آپریل"], ["مه", "می"], ["ژوئن"],
                ["ژوئیه", "جولای"], ["اوت", "آگوست"], ["سپتامبر"], ["اکتبر"], ["نوامبر"],
                ["دسامبر"]],
    LUNAR: [["محرم"], ["صفر"], ["ربیع الاول", "ربیع‌الاول"], ["ربیع الثانی", "ربیع‌الثانی"],
            ["جمادی الاول", "جمادی‌الاولی"], ["جمادی الثانی", "جمادی‌الثانی"], ["رجب"], ["شعبان"],
            ["رمضان"], ["شوال"], ["ذی القعده", "ذی‌القعده", "ذوالقعده"],
            ["ذی الحجه", "ذی‌الحجه", "ذوالحجه"]],
}
EN_MONTH_NAMES = {
    SOLAR: [["Farvardin"], ["Ordibehesht"], ["Khordad"], ["Tir"], ["Mordad", "Amordad"],
            ["Shahrivar"], ["Mehr"], ["Aban"], ["Azar"], ["Dey"], ["Bahman"], ["Esfand"]],
    GREGORIAN: [[name] for name in gregorian_calendar.month_name[1:]],
    LUNAR: [["Muharram", "Moharram"], ["Safar"], ["Rabi al-Awwal", "Rabi' al-Awwal", "Rabi I"],
            ["Rabi al-Thani", "Rabi' al-Akhir", "Rabi II"], ["Jumada al-Awwal", "Jumada al-Ula"],
            ["Jumada al-Thani", "Jumada al-Akhirah"], ["Rajab"], ["Sha'ban", "Shaban"],
            ["Ramadan", "Ramazan"], ["Shawwal"], ["Dhu al-Qadah", "Dhu al-Qa'dah", "Dhu'l-Qa'dah"],
            ["Dhu al-Hijjah", "Dhu'l-Hijjah", "Dhul-Hijjah"]],
}
# The Hijri abbreviations as written in the wild: with a ZWNJ, with Wikipedia's ZWJ (ه‍.ق), with
# a tatweel (هـ.ق) or spaced (ه. ق).
FA_MARKS = {SOLAR: ["ش", "ه\u200c.ش", "ه\u200d.ش", "هـ.ش", "ه. ش", "هجری شمسی", "خورشیدی", "خ", "ه\u200d.خ"],
            LUNAR: ["ق", "ه\u200c.ق", "ه\u200d.ق", "هـ.ق", "ه. ق", "هجری قمری"],
            GREGORIAN: ["م", "میلادی"]}
EN_MARKS = {SOLAR: ["SH", "H.Sh."], LUNAR: ["AH", "A.H."], GREGORIAN: ["CE", "AD"]}
YEARS = {SOLAR: (1200, 1450), LUNAR: (1200, 1450), GREGORIAN: (1500, 2099)}
DIGIT_SCRIPTS = ["0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"]  # ASCII, Persian, Arabic-Indic


def to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date:
    if calendar == SOLAR:
        return jdatetime.date(year, month, day).togregorian()
    if calendar == LUNAR:
        return dt.date(*islamic.to_gregorian(year, month, day))
    return dt.date(year, month, day)


def days_in(calendar: str, year: int, month: int) -> int:
    if calendar == SOLAR:
        return 31 if month <= 6 else 30 if month <= 11 or jdatetime.date(year, 1, 1).isleap() else 29
    if calendar == LUNAR:
        return int(islamic.month_length(year, month))
    return gregorian_calendar.monthrange(year, month)[1]


def span(first: dt.date, last: dt.date, width: int) -> str:
    a, b = first.isoformat()[:width], last.isoformat()[:width]
    return a if a == b else f"{a}/{b}"


@st.composite
def written_digits(draw: st.DrawFn, number: int) -> str:
    script = draw(st.sampled_from(DIGIT_SCRIPTS))
    return "".join(script[int(digit)] for digit in str(number))


@st.composite
def and_joined(draw: st.DrawFn, first: str, second: str) -> str:
    """بیست و یکم, بیست‌و‌یکم, بیستویکم, بیست‌و یکم ..."""
    return f"{first}{draw(st.sampled_from(SEPARATORS))}و{draw(st.sampled_from(SEPARATORS))}{second}"


@st.composite
def spelled_day(draw: st.DrawFn, day: int) -> str:
    ordinal = draw(st.booleans())
    if day == 30:
        return draw(st.sampled_from(["سی\u200cام", "سی ام", "سیام"])) if ordinal else "سی"
    if day < 10:
        return (draw(st.sampled_from(["یکم", "اول"])) if day == 1 and ordinal
                else FA_UNIT_ORDINALS[day - 1] if ordinal else FA_UNITS[day - 1])
    if day < 20:
        return FA_TEEN_ORDINALS[day - 10] if ordinal else FA_TEENS[day - 10]
    tens = "بیست" if day < 30 else "سی"
    if day == 20:
        return "بیستم" if ordinal else "بیست"
    unit = (FA_UNIT_ORDINALS if ordinal else FA_UNITS)[day % 10 - 1]
    return draw(and_joined(tens, unit))


@st.composite
def dated_day(draw: st.DrawFn) -> tuple[str, int, int, int]:
    calendar = draw(st.sampled_from([SOLAR, LUNAR, GREGORIAN]))
    year = draw(st.integers(*YEARS[calendar]))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, days_in(calendar, year, month)))
    return calendar, year, month, day


@st.composite
def persian_day_expression(draw: st.DrawFn) -> tuple[str, str]:
    calendar, year, month, day = draw(dated_day())
    written_day = draw(st.one_of(written_digits(day), spelled_day(day)))
    month_name = draw(st.sampled_from(FA_MONTH_NAMES[calendar][month - 1]))
    mark = draw(st.sampled_from(["", *(" " + mark for mark in FA_MARKS[calendar])]))
    expression = f"{written_day} {month_name} {draw(written_digits(year))}{mark}"
    return expression, to_gregorian(calendar, year, month, day).isoformat()


@st.composite
def english_day_expression(draw: st.DrawFn) -> tuple[str, str]:
    calendar, year, month, day = draw(dated_day())
    month_name = draw(st.sampled_from(EN_MONTH_NAMES[calendar][month - 1]))
    mark = draw(st.sampled_from(["", *(" " + mark for mark in EN_MARKS[calendar])]))
    if draw(st.booleans()):
        expression = f"{month_name} {day}, {year}{mark}"
    else:
        suffix = draw(st.sampled_from(["", "th" if 3 < day < 21 else ""]))  # 12th Tir
        expression = f"{day}{suffix} {month_name} {year}{mark}"
    return expression, to_gregorian(calendar, year, month, day).isoformat()


@st.composite
def month_expression(draw: st.DrawFn) -> tuple[str, str, str]:
    calendar, year, month, _ = draw(dated_day())
    persian = draw(st.booleans())
    names = (FA_MONTH_NAMES if persian else EN_MONTH_NAMES)[calendar][month - 1]
    marks = (FA_MARKS if persian else EN_MARKS)[calendar]
    written_year = draw(written_digits(year)) if persian else str(year)
    mark = draw(st.sampled_from(["", *(" " + mark for mark in marks)]))
    expression = f"{draw(st.sampled_from(names))} {written_year}{mark}"
    first = to_gregorian(calendar, year, month, 1)
    last = to_gregorian(calendar, year, month, days_in(calendar, year, month))
    return ("در {} رخ داد." if persian else "It began in {} and ended."), expression, span(first, last, 7)


@st.composite
def marked_year_expression(draw: st.DrawFn) -> tuple[str, str, str]:
    calendar = draw(st.sampled_from([SOLAR, LUNAR, GREGORIAN]))
    year = draw(st.integers(*YEARS[calendar]))
    first = to_gregorian(calendar, year, 1, 1)
    last = to_gregorian(calendar, year, 12, days_in(calendar, year, 12))
    if draw(st.booleans()):
        mark = draw(st.sampled_from(FA_MARKS[calendar]))
        return "در {} رخ داد.", f"{draw(written_digits(year))} {mark}", span(first, last, 4)
    mark = draw(st.sampled_from(EN_MARKS[calendar]))
    before = mark in ("AH", "AD") and draw(st.booleans())  # AH 1243, AD 1500
    expression = f"{mark} {year}" if before else f"{year} {mark}"
    return "It happened in {} and ended.", expression, span(first, last, 4)


@st.composite
def day_range_expression(draw: st.DrawFn) -> tuple[str, str, str]:
    """Two days of one year, in one month or two: ۱۹ و ۲۰ ژوئن ۱۹۴۵, 12 March to 3 April 1946,
    June 19-20, 1945."""
    calendar, year, month, day = draw(dated_day())
    last_month = draw(st.integers(month, 12))
    first_last_day = day + 1 if last_month == month else 1
    assume(first_last_day <= days_in(calendar, year, last_month))
    last_day = draw(st.integers(first_last_day, days_in(calendar, year, last_month)))
    persian = draw(st.booleans())
    names = (FA_MONTH_NAMES if persian else EN_MONTH_NAMES)[calendar]
    first_name = draw(st.sampled_from(names[month - 1]))
    last_name = draw(st.sampled_from(names[last_month - 1]))
    first_month = "" if last_month == month else f" {first_name}"
    if persian:
        joiner = draw(st.sampled_from([" و ", " تا ", "-", " الی "]))
        last = f"{draw(written_digits(last_day))} {last_name} {draw(written_digits(year))}"
        expression = f"{draw(written_digits(day))}{first_month}{joiner}{last}"
    elif not first_month and draw(st.booleans()):
        expression = f"{first_name} {day}{draw(st.sampled_from(['-', ' to ']))}{last_day}, {year}"
    else:
        joiner = draw(st.sampled_from(["-", " to ", " and "]))
        expression = f"{day}{first_month}{joiner}{last_day} {last_name} {year}"
    sentence = "در {} رخ داد." if persian else "It happened on {} in the city."
    first = to_gregorian(calendar, year, month, day).isoformat()
    return sentence, expression, f"{first}/{to_gregorian(calendar, year, last_month, last_day).isoformat()}"


def only_mention(sentence: str, expression: str) -> tuple[str, str]:
    text = sentence.format(expression)
    mentions = find_dates(text)
    assert [m.surface for m in mentions] == [expression], text
    return mentions[0].value, text


@given(persian_day_expression())
def test_persian_days_of_three_calendars(case: tuple[str, str]) -> None:
    expression, expected = case
    assert only_mention("در {} رخ داد.", expression)[0] == expected


@given(english_day_expression())
def test_english_days_of_three_calendars(case: tuple[str, str]) -> None:
    expression, expected = case
    assert only_mention("It happened on {} in the city.", expression)[0] == expected


@given(month_expression())
def test_months_of_three_calendars(case: tuple[str, str, str]) -> None:
    sentence, expression, expected = case
    assert only_mention(sentence, expression)[0] == expected


@given(day_range_expression())
def test_day_ranges_of_three_calendars(case: tuple[str, str, str]) -> None:
    sentence, expression, expected = case
    assert only_mention(sentence, expression)[0] == expected


@given(marked_year_expression())
def test_marked_years(case: tuple[str, str, str]) -> None:
    sentence, expression, expected = case
    assert only_mention(sentence, expression)[0] == expected


@given(st.integers(1, 3000))
def test_years_before_christ(year: int) -> None:
    value, _ = only_mention("It was built in {} by the king.", f"{year} BC")
    assert value == (f"-{year - 1:04d}" if year > 1 else "0000")  # ISO 8601: 1 BC is year 0


FRAGMENTS = st.sampled_from([
    *FA_UNIT_ORDINALS, *FA_TEEN_ORDINALS, *FA_UNITS, *FA_TEENS, "بیست", "سی", "هزار", "سیصد",
    "و", ZWNJ, " ", "  ", "ام", "م", "ی", "\u0654", "۱۳۵۷", "1357", "٢٠٠٥", "57", "۰۲", "1400", "500",
    *(name for names in FA_MONTH_NAMES.values() for group in names for name in group),
    *(name for names in EN_MONTH_NAMES.values() for group in names for name in group),
    *(mark for marks in FA_MARKS.values() for mark in marks),
    *(mark for marks in EN_MARKS.values() for mark in marks), "BC", "BCE", "ق.م", "پیش از میلاد",
    "دهه", "قرن", "سده", "سال", "بهار", "Spring", "century", "the", "تا", "-", "–", "/", ".", ",",
    "(", ")", "[12]", "pp.", "صفحه", "نفر",
])


@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=4)), max_size=25).map("".join))
def test_finding_dates_never_raises_and_offsets_hold(text: str) -> None:
    for mention in find_dates(text):
        assert text[mention.start : mention.end] == mention.surface
        assert mention.year_from <= mention.year_to
        assert date_label(mention.value)  # the table view labels every value it is given


@given(st.integers(1000, 2098), st.integers(1, 60), st.sampled_from(["-", "–", " - ", " to "]),
       st.sampled_from(["In the war of {}, the regent fled.", "Halil ({}). He ruled.", "Pasha (c. {})."]))
def test_an_unmarked_range_in_english_is_gregorian(first: int, length: int, dash: str, sentence: str) -> None:
    """Only Persian text judges an unmarked year by its value (1357 → Solar Hijri): in English,
    1341-1347 is the fourteenth century, however Iranian its numbers look."""
    last = min(first + length, 2099)
    value, _ = only_mention(sentence, f"{first}{dash}{last}")
    assert value == f"{first}/{last}"


@given(st.integers(1200, 1499), st.sampled_from(["-", "–", " تا "]))
def test_an_unmarked_range_in_persian_is_judged_by_value(first: int, dash: str) -> None:
    expression = f"{first}{dash}{first + 1}"
    mentions = find_dates(f"این بنا {expression} ساخته شد.")
    assert [(m.surface, m.calendar) for m in mentions] == [(expression, "solar_hijri")]


@given(st.integers(1310, 1398), st.integers(1, 9), st.sampled_from(["سال", "سال‌های", "سالهای"]),
       st.sampled_from([False, True]))
def test_years_after_sal_share_its_reading(first: int, length: int, word: str, short: bool) -> None:
    """`از سال ۸۷ تا ۹۰` is the Solar Hijri 1387–1390, as `سال ۸۷` alone is 1387; the value is the
    Gregorian span from the first year's Nowruz to the last year's end."""
    last = min(first + length, 1399)
    if last == first:
        return
    written = (f"{first % 100:02d}", f"{last % 100:02d}") if short else (str(first), str(last))
    expression = f"{word} {written[0]} تا {written[1]}"
    mentions = find_dates(f"او از {expression} در تهران بود.")
    start = jdatetime.date(first, 1, 1).togregorian().year
    end = jdatetime.date(last, 12, 29).togregorian().year
    assert [(m.surface, m.value) for m in mentions] == [(expression, f"{start}/{end}")]
