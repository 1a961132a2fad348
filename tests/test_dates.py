"""Date mentions: annotated Persian and English sentences, conversions, negatives, offsets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iranru.mentions import fold
from iranru.mentions.calendars import year_span
from iranru.mentions.dates import compiled, find_dates
from iranru.render.labels import date_label
from tests.conftest import CORPUS


def found(text: str) -> list[tuple[str, str, str, str]]:
    return [(m.surface, m.value, m.calendar, m.granularity) for m in find_dates(text)]


ANNOTATED = [
    # Solar Hijri, converted to the Gregorian span it covers
    ("انقلاب در ۱۳۵۷ ش رخ داد.", [("۱۳۵۷ ش", "1978/1979", "solar_hijri", "year")]),
    ("در دی ۱۳۵۷ شاه رفت.", [("دی ۱۳۵۷", "1978-12/1979-01", "solar_hijri", "month")]),
    ("در ۲۲ بهمن ۱۳۵۷ پیروز شد", [("۲۲ بهمن ۱۳۵۷", "1979-02-11", "solar_hijri", "day")]),
    ("در دهه ۱۳۴۰", [("دهه ۱۳۴۰", "1961/1971", "solar_hijri", "decade")]),
    ("از ۱۳۰۴ تا ۱۳۲۰ سلطنت کرد", [("۱۳۰۴ تا ۱۳۲۰", "1925/1942", "solar_hijri", "range")]),
    ("۱۳۵۷/۱۱/۲۲", [("۱۳۵۷/۱۱/۲۲", "1979-02-11", "solar_hijri", "day")]),
    ("اول فروردین ۱۳۵۸", [("اول فروردین ۱۳۵۸", "1979-03-21", "solar_hijri", "day")]),
    ("قرن چهاردهم هجری شمسی", [("قرن چهاردهم هجری شمسی", "1921/2021", "solar_hijri", "century")]),
    # دهه ۶۰ with two digits means the Solar Hijri 1360s in Persian
    ("نسل دهه ۶۰", [("دهه ۶۰", "1981/1991", "solar_hijri", "decade")]),
    # lunar Hijri
    ("در ۱۳۴۲ ه‌.ق", [("۱۳۴۲ ه\u200c.ق", "1923/1924", "lunar_hijri", "year")]),
    # Wikipedia writes the marks with a ZWJ (ه‍.ق); a bidi mark may sit before them
    ("شاه عباس (۹۷۸–۱۰۳۸ ه\u200d.ق)", [("۹۷۸–۱۰۳۸ ه\u200d.ق", "1570/1629", "lunar_hijri", "range")]),
    ("در ۱۲۲۸ ه\u200d.ق امضا شد", [("۱۲۲۸ ه\u200d.ق", "1813", "lunar_hijri", "year")]),
    ("سال ۱۲۹۹ ه\u200d.ش", [("سال ۱۲۹۹ ه\u200d.ش", "1920/1921", "solar_hijri", "year")]),
    ("در ۱۳۴۵\u200f ه.ش بود", [("۱۳۴۵\u200f ه.ش", "1966/1967", "solar_hijri", "year")]),
    ("سال ۱۳۲۰ هجری قمری", [("سال ۱۳۲۰ هجری قمری", "1902/1903", "lunar_hijri", "year")]),
    ("۱۰ رمضان ۱۴۴۰ ق", [("۱۰ رمضان ۱۴۴۰ ق", "2019-05-15", "lunar_hijri", "day")]),
    # Gregorian written in Persian: markers, month spellings, ordinals, glued year
    ("در ۱۸۱۳ م شد", [("۱۸۱۳ م", "1813", "gregorian", "year")]),
    ("به سال ۱۹۱۱ و", [("سال ۱۹۱۱", "1911", "gregorian", "year")]),
    ("ششم ژوئیه ۱۹۴۵توسط", [("ششم ژوئیه ۱۹۴۵", "1945-07-06", "gregorian", "day")]),
    ("ژوئیهٔ ۱۹۴۵", [("ژوئیهٔ ۱۹۴۵", "1945-07", "gregorian", "month")]),
    ("۹ جولای ۲۰۱۵", [("۹ جولای ۲۰۱۵", "2015-07-09", "gregorian", "day")]),
    ("بیست و یکم مارس ۲۰۰۳", [("بیست و یکم مارس ۲۰۰۳", "2003-03-21", "gregorian", "day")]),
    ("در دههٔ ۱۹۶۰", [("دههٔ ۱۹۶۰", "196", "gregorian", "decade")]),
    ("در انتهای قرن نوزدهم،", [("قرن نوزدهم", "18", "gregorian", "century")]),
    ("در قرنهای هجدهم و نوزدهم", [("قرنهای هجدهم و نوزدهم", "17/18", "gregorian", "range")]),
    ("در 1920 (ارقام لاتین)", [("1920", "1920", "gregorian", "year")]),
    # English
    ("On Nov. 9, 2015 it ended.", [("Nov. 9, 2015", "2015-11-09", "gregorian", "day")]),
    ("Sept. 15, 2014", [("Sept. 15, 2014", "2014-09-15", "gregorian", "day")]),
    ("On August 31, 1907, they", [("August 31, 1907", "1907-08-31", "gregorian", "day")]),
    ("9 November 2015", [("9 November 2015", "2015-11-09", "gregorian", "day")]),
    ("in December 1907 he", [("December 1907", "1907-12", "gregorian", "month")]),
    ("Aug. 2015", [("Aug. 2015", "2015-08", "gregorian", "month")]),
    ("Winter 2022", [("Winter 2022", "2022-WI", "gregorian", "season")]),
    ("fall of 1990", [("fall of 1990", "1990-FA", "gregorian", "season")]),
    ("in the 1820s", [("the 1820s", "182", "gregorian", "decade")]),
    ("the mid-1990s", [("the mid-1990s", "199", "gregorian", "decade")]),
    ("In the early 2000s, parties", [("the early 2000s", "200", "gregorian", "decade")]),
    ("During the mid-to-late 1980s a", [("the mid-to-late 1980s", "198", "gregorian", "decade")]),
    ("in the 1800s", [("the 1800s", "18", "gregorian", "century")]),
    ("the late nineteenth century", [("late nineteenth century", "18", "gregorian", "century")]),
    ("by the 19th century", [("19th century", "18", "gregorian", "century")]),
    ("The mid-19th century treaty system", [("mid-19th century", "18", "gregorian", "century")]),
    # days of one month or two are one range
    ("The conference met on 19-20 June 1945.",
     [("19-20 June 1945", "1945-06-19/1945-06-20", "gregorian", "range")]),
    ("on June 19–20, 1945,", [("June 19–20, 1945", "1945-06-19/1945-06-20", "gregorian", "range")]),
    # a Gregorian month under a Hijri mark is no day range of that calendar: the marked year stays
    ("On June 1-2, 1399 SH it met.", [("1399 SH", "2020/2021", "solar_hijri", "year")]),
    ("Between 12 March and 3 April 1946 the crisis grew.",
     [("Between 12 March and 3 April 1946", "1946-03-12/1946-04-03", "gregorian", "range")]),
    ("در ۱۹ و ۲۰ ژوئن ۱۹۴۵ دیدار کردند",
     [("۱۹ و ۲۰ ژوئن ۱۹۴۵", "1945-06-19/1945-06-20", "gregorian", "range")]),
    ("در ۱۳ و ۱۴ آبان ۱۳۵۸", [("۱۳ و ۱۴ آبان ۱۳۵۸", "1979-11-04/1979-11-05", "solar_hijri", "range")]),
    # the encyclopedias' two calendars, one after a slash
    ("او در ۱۲۰۶ق/۱۷۹۱م زاده شد", [("۱۲۰۶ق", "1791/1792", "lunar_hijri", "year"),
                                 ("۱۷۹۱م", "1791", "gregorian", "year")]),
    # a Hijri century in English is the Gregorian span it covers, as in Persian
    ("In the 13th century AH, the dynasty declined.",
     [("13th century AH", "1785/1882", "lunar_hijri", "century")]),
    ("in the third century of the Hijra",
     [("third century of the Hijra", "0815/0912", "lunar_hijri", "century")]),
    ("poets of the 14th century SH", [("14th century SH", "1921/2021", "solar_hijri", "century")]),
    ("The Twentieth-century Unrest", [("Twentieth-century", "19", "gregorian", "century")]),
    ("the twentieth and twenty-first centuries",
     [("twentieth and twenty-first centuries", "19/20", "gregorian", "range")]),
    ("their 1980-88 war", [("1980-88", "1980/1988", "gregorian", "range")]),
    ("Peter the Great (r. 1682-1725)", [("r. 1682-1725", "1682/1725", "gregorian", "range")]),
    ("Between 1804 and 1813, Iran", [("Between 1804 and 1813", "1804/1813", "gregorian", "range")]),
    ("1941–46", [("1941–46", "1941/1946", "gregorian", "range")]),
    ("(Jahangiri, 2018; Maftoon Donbali, 2004)",
     [("2018", "2018", "gregorian", "year"), ("2004", "2004", "gregorian", "year")]),
    ("in 1453 the city fell", [("1453", "1453", "gregorian", "year")]),
    ("2015-11-09", [("2015-11-09", "2015-11-09", "gregorian", "day")]),
]


@pytest.mark.parametrize(("text", "expected"), ANNOTATED)
def test_annotated_dates(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert found(text) == expected


ISSUE_15_FORMS = [
    # issue #15: a ZWNJ (or nothing) inside a spelled-out ordinal raised KeyError
    ("کودتای بیست‌وپنجم مرداد ۱۳۳۲ شکست خورد",
     [("بیست\u200cوپنجم مرداد ۱۳۳۲", "1953-08-16", "solar_hijri", "day")]),
    ("بیست‌ویکم مارس ۲۰۰۳", [("بیست\u200cویکم مارس ۲۰۰۳", "2003-03-21", "gregorian", "day")]),
    ("بیستویکم مارس ۲۰۰۳", [("بیستویکم مارس ۲۰۰۳", "2003-03-21", "gregorian", "day")]),
    ("بیست‌و یکم مارس ۲۰۰۳", [("بیست\u200cو یکم مارس ۲۰۰۳", "2003-03-21", "gregorian", "day")]),
    ("سی‌ام شهریور ۱۳۵۹", [("سی\u200cام شهریور ۱۳۵۹", "1980-09-21", "solar_hijri", "day")]),
    ("در قرن بیست‌ویکم", [("قرن بیست\u200cویکم", "20", "gregorian", "century")]),
    # spelled cardinals for the day (read aloud as ۲۸ مرداد is) and spelled years
    ("بیست و هشت مرداد ۱۳۳۲", [("بیست و هشت مرداد ۱۳۳۲", "1953-08-19", "solar_hijri", "day")]),
    ("سال هزار و سیصد و پنجاه و هفت",
     [("سال هزار و سیصد و پنجاه و هفت", "1978/1979", "solar_hijri", "year")]),
    ("سال دو هزار و هفت", [("سال دو هزار و هفت", "2007", "gregorian", "year")]),
    # a two-digit Solar Hijri year in news: ۲۲ بهمن ۵۷ is 1357, ۰۲ is 1402
    ("۲۲ بهمن ۵۷", [("۲۲ بهمن ۵۷", "1979-02-11", "solar_hijri", "day")]),
    ("۱۲ فروردین ۰۲", [("۱۲ فروردین ۰۲", "2023-04-01", "solar_hijri", "day")]),
    ("در سال 92 و همچنین", [("سال 92", "2013/2014", "solar_hijri", "year")]),
    ("در تاریخ 21 ماه مي 2004 توسط", [("21 ماه مي 2004", "2004-05-21", "gregorian", "day")]),
    # the centuries of Islamic Iran are Hijri unless marked; from the 14th on, Gregorian
    ("رودکی شاعر قرن سوم است", [("قرن سوم", "0815/0912", "lunar_hijri", "century")]),
    ("در نیمه سده هشتم", [("سده هشتم", "1300/1397", "lunar_hijri", "century")]),
    ("قرن پنجم هجری", [("قرن پنجم هجری", "1009/1106", "lunar_hijri", "century")]),
    ("قرن سیزدهم میلادی", [("قرن سیزدهم میلادی", "12", "gregorian", "century")]),
    ("در ۱۳۵۷ دانشگاه بسته شد", [("۱۳۵۷", "1978/1979", "solar_hijri", "year")]),
    ("سال 90 سال پایه است", [("سال 90", "2011/2012", "solar_hijri", "year")]),
    ("چهارم فروردین 95 ساعت 13:55", [("چهارم فروردین 95", "2016-03-23", "solar_hijri", "day")]),
    ("در آبان ۹۸ اعتراض", [("آبان ۹۸", "2019-10/2019-11", "solar_hijri", "month")]),
    # a short year of another calendar only when marked: Ashura, 61 AH
    ("۱۰ محرم ۶۱ ق", [("۱۰ محرم ۶۱ ق", "0680-10-13", "lunar_hijri", "day")]),
    # ranges of decades
    ("در دهه‌های 50 تا 70 میلادی", [("دهه\u200cهای 50 تا 70 میلادی", "195/197", "gregorian", "range")]),
    ("در دهه ۵۰ و ۶۰", [("دهه ۵۰ و ۶۰", "1971/1991", "solar_hijri", "range")]),
    # a day-first date spaced around its slashes
    ("مصوب ۴/ ۱۲/ ۱۳۹۲ ملزم", [("۴/ ۱۲/ ۱۳۹۲", "2014-02-23", "solar_hijri", "day")]),
    # Persian seasons: Gregorian like English, a Solar Hijri one as its Gregorian months
    ("بهار ۱۹۲۰", [("بهار ۱۹۲۰", "1920-SP", "gregorian", "season")]),
    ("تابستان سال 2006", [("تابستان سال 2006", "2006-SU", "gregorian", "season")]),
    ("زمستان ۱۳۵۷", [("زمستان ۱۳۵۷", "1978-12/1979-03", "solar_hijri", "season")]),
    ("آبی ها در تابستان 99 امیدوار بودند",
     [("تابستان 99", "2020-06/2020-09", "solar_hijri", "season")]),
    # before Christ, in ISO 8601's astronomical years (1 BC = 0000)
    ("۵۵۰ ق.م", [("۵۵۰ ق.م", "-0549", "gregorian", "year")]),
    ("سال ۵۵۰ پیش از میلاد", [("سال ۵۵۰ پیش از میلاد", "-0549", "gregorian", "year")]),
    ("قرن پنجم پیش از میلاد", [("قرن پنجم پیش از میلاد", "-0499/-0400", "gregorian", "century")]),
    # English with Iranian calendars (issue #15)
    ("In 1400 SH the law", [("1400 SH", "2021/2022", "solar_hijri", "year")]),
    ("in 1357 SH.", [("1357 SH", "1978/1979", "solar_hijri", "year")]),
    ("1357 H.Sh.", [("1357 H.Sh.", "1978/1979", "solar_hijri", "year")]),
    ("AH 1243 was", [("AH 1243", "1827/1828", "lunar_hijri", "year")]),
    ("1243 A.H. was", [("1243 A.H.", "1827/1828", "lunar_hijri", "year")]),
    ("On 12 Tir 1399, he", [("12 Tir 1399", "2020-07-02", "solar_hijri", "day")]),
    ("Tir 12, 1399", [("Tir 12, 1399", "2020-07-02", "solar_hijri", "day")]),
    ("1 Muharram 1445 AH", [("1 Muharram 1445 AH", "2023-07-19", "lunar_hijri", "day")]),
    ("in Rabi' al-Awwal 1300", [("Rabi' al-Awwal 1300", "1883-01/1883-02", "lunar_hijri", "month")]),
    ("the 13th of Dhu'l-Hijja 1340",
     [("13th of Dhu'l-Hijja 1340", "1922-08-07", "lunar_hijri", "day")]),
    ("8 Jumada I 567 AH", [("8 Jumada I 567 AH", "1172-01-14", "lunar_hijri", "day")]),
    ("Spring 1946", [("Spring 1946", "1946-SP", "gregorian", "season")]),
    ("Spring 1399 SH", [("Spring 1399 SH", "2020-03/2020-06", "solar_hijri", "season")]),
    ("1357-1359 SH", [("1357-1359 SH", "1978/1981", "solar_hijri", "range")]),
    # the Christian era, and before it
    ("in 1500 CE", [("1500 CE", "1500", "gregorian", "year")]),
    ("AD 33", [("AD 33", "0033", "gregorian", "year")]),
    ("c. 550 BCE", [("550 BCE", "-0549", "gregorian", "year")]),
    ("550-330 BC", [("550-330 BC", "-0549/-0329", "gregorian", "range")]),
    ("the 5th century BC", [("5th century BC", "-0499/-0400", "gregorian", "century")]),
    ("the 18th or 19th centuries BC",
     [("18th or 19th centuries BC", "-1899/-1700", "gregorian", "range")]),
    ("August 31, 1907 AD.", [("August 31, 1907 AD", "1907-08-31", "gregorian", "day")]),
    # a reign in English keeps its three-digit years, written with four digits (813 is no decade)
    ("al-Ma'mun (813–833)", [("813–833", "0813/0833", "gregorian", "range")]),
    # natural English text: medieval years in a life, a marriage, a modifier glued by a hyphen
    ("as al-Saghani (d. 1358) states", [("1358", "1358", "gregorian", "year")]),
    ("Orhan married (1359) Nilüfer", [("1359", "1359", "gregorian", "year")]),
    ("held in Vienna in mid-1993, it", [("mid-1993", "1993", "gregorian", "year")]),
    ("of the pre-1975 Poland", [("1975", "1975", "gregorian", "year")]),
    ("resolution 1244 (1999).", [("1999", "1999", "gregorian", "year")]),
]


@pytest.mark.parametrize(("text", "expected"), ISSUE_15_FORMS)
def test_forms_of_issue_15(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert found(text) == expected


NOT_DATES = [
    "pp. 187-94", "p. 1998", "FO 371/305", "File 4108",  # page ranges, archive and file numbers
    "a 50,000-strong force", "their 1,100-mile border", "1200 soldiers", "2000 years ago",  # counts
    "the S-300 system", "a Boeing 747", "the 1979-model car",  # model numbers
    "said “no.”[12] Russia", "[1987]", "[3]",  # footnote markers
    "World War I", "the Cold War", "انقلاب اکتبر", "within two weeks", "two years later",
    "May God give Russia Death", "you may go",  # words that look like months
    "$1200 million", "۲۰۰۰ نفر سرباز", "صفحه ۱۳۵۷", "پرونده شماره ۱۳۲۰", "۵۰۰۰ سال پیش",
    "11/9/2015",  # month-first or day-first: left alone in English
    "در تیر ماه تیر خورد", "صفر درصد",  # month names that are common words, without a year
    "دومی 39",  # "the second one", not a spelled day glued to می (May)
    "اسفند یک هزار و ۹۶۰ تومان",  # a price, not a spelled year
    "بین 200 تا 400 نفر", "بین 200 تا 400",  # counts in Persian unless marked
    "an AH-64 Apache",  # a helicopter, not a Hijri year
    "۲۵ اسفند ۹۸ نفر",  # a count after the month, not a short year
    "دهه 20 سالگی", "روز 20 دی ماه 48 ساله می‌شود",  # ages: one's twenties; turns 48
    "سال 12 بار", "تا پایان سال ۱۰ کیلومتر", "سال 9/2 درصد",  # "the year" before a count or a decimal
    "سامانه 1888 شهرداری",  # a phone service number
    "در ساعت ۱۴۰۰ رسید",  # a time of day
    "0ش", "۹۹۹۹ ق", "مهر 000", "In 0 AH",  # years no calendar converts (found by hypothesis)
    "روی 1935 مرد بین", "گفت: ۱۳۷۰ دانش‌آموز در مدارس", "بیش از 1500 کودک", "در 1200 شعبه سراسر",  # counts
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_every_corpus_row_points_at_its_surface(path) -> None:
    text = path.read_text(encoding="utf-8")
    mentions = find_dates(text)
    assert mentions
    assert all(text[m.start : m.end] == m.surface for m in mentions)


def test_the_persian_corpus_dates() -> None:
    text = (CORPUS / "fa_iran_russia_relations.txt").read_text(encoding="utf-8")
    assert [(m.surface, m.value) for m in find_dates(text)][:3] == [
        ("ششم ژوئیه ۱۹۴۵", "1945-07-06"), ("۱۸۱۳ م", "1813"), ("۱۸۲۳ م", "1823"),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # the Summer Olympics (تابستانی is an adjective, no ezafe): the year only
    ("المپیک تابستانی 2012", [("2012", "2012", "gregorian", "year")]),
    # a transliterated Iranian month beside a four-digit Gregorian year is a name
    ("Azar 2010 report", [("2010", "2010", "gregorian", "year")]),
])
def test_names_that_look_like_months_or_seasons(
        text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert found(text) == expected


def test_an_impossible_day_is_not_a_day() -> None:
    # Esfand 1357 has 29 days: what is left is the month
    assert found("31 اسفند 1357") == [("اسفند 1357", "1979-02/1979-03", "solar_hijri", "month")]
    assert [m.granularity for m in find_dates("February 30, 2001")] == ["year"]


@pytest.mark.parametrize(("value", "years"), [
    ("183", (1830, 1839)), ("18", (1800, 1899)), ("1978/1979", (1978, 1979)),
    ("1907-08-31", (1907, 1907)), ("2022-WI", (2022, 2022)), ("1907-12", (1907, 1907)),
    ("19/20", (1900, 2099)), ("1978-12/1979-01", (1978, 1979)), ("1980/1988", (1980, 1988)),
    ("-0549", (-549, -549)), ("-0499/-0400", (-499, -400)), ("0000", (0, 0)),
])
def test_years_a_value_covers(value: str, years: tuple[int, int]) -> None:
    assert year_span(value) == years


@pytest.mark.parametrize(("value", "label"), [
    ("183", "1830s"), ("18", "19th century"), ("20", "21st century"), ("11", "12th century"),
    ("18/19", "19th–20th centuries"), ("1907", "1907"), ("1907-12", "December 1907"),
    ("1907-08-31", "31 August 1907"), ("2022-WI", "Winter 2022"), ("1986-SU", "Summer 1986"),
    ("1978/1979", "1978–1979"), ("1978-12/1979-01", "December 1978 – January 1979"),
    ("-0549", "550 BC"), ("0000", "1 BC"), ("-0499/-0400", "500 BC – 401 BC"),
])
def test_readable_labels(value: str, label: str) -> None:
    assert date_label(value) == label


def test_mentions_carry_the_years_they_cover() -> None:
    [mention] = find_dates("در دهه ۱۳۴۰")
    assert (mention.value, mention.year_from, mention.year_to) == ("1961/1971", 1961, 1971)


GUARD = re.compile(r"\(\?=\[[^\]]*\]\)")  # a leading lookahead on a match's first character


def guard_free_texts() -> list[str]:
    """The corpus, every example of this file, and a sample of natural text if ../shared is here."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    texts += [text for text, _ in ANNOTATED + ISSUE_15_FORMS] + NOT_DATES
    natural = Path(__file__).resolve().parents[2] / "shared" / "bench" / "natural"
    texts += [path.read_text(encoding="utf-8") for lang in ("fa", "en")
              for path in sorted((natural / lang).glob("*.txt"))[::40]]
    return texts


def test_a_patterns_first_character_guard_changes_no_match() -> None:
    """The guards only skip positions where their pattern cannot match: each pattern finds what
    it finds without its guard."""
    texts = [fold(text) for text in guard_free_texts()]
    guarded = [(pattern, GUARD.sub("", pattern.pattern, count=1)) for pattern, _ in compiled()
               if GUARD.match(pattern.pattern)]
    assert len(guarded) >= 10
    for pattern, bare in guarded:
        unguarded = re.compile(bare)
        for text in texts:
            assert ([m.span() for m in pattern.finditer(text)]
                    == [m.span() for m in unguarded.finditer(text)]), bare[:60]
