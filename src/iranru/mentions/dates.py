"""Find dates in Persian and English text; values in ISO 8601, always Gregorian.

Conventions: /work/shared/MENTIONS.md, summarised in the README. Patterns run on `fold(text)`
(same length as the original), every candidate is kept, then the longest non-overlapping ones
win, so `۲۲ بهمن ۱۳۵۷` beats the bare year inside it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from iranru.mentions import FA_LETTERS, DateMention, fold
from iranru.mentions.calendars import (
    GREGORIAN,
    LUNAR_HIJRI,
    SOLAR_HIJRI,
    OutOfCalendar,
    before_christ,
    day_value,
    month_value,
    months_value,
    year_span,
    year_value,
    years_value,
)
from iranru.mentions.numbers import (
    CARDINAL_BELOW_100,
    CARDINAL_YEAR,
    ORDINAL_BELOW_100,
    spelled_value,
)

FA = f"[{FA_LETTERS}]"
NOT_FA_BEFORE = f"(?<![{FA_LETTERS}])"
NOT_FA_AFTER = f"(?![{FA_LETTERS}\u0654])"
GAP = "[ \u200c]*"  # Persian words may be spaced, joined by a ZWNJ, or (lost ZWNJ) glued
SP = "[ \u200c]+"
EZAFE = f"(?:\u0654|\u200c?ی{NOT_FA_AFTER}|{SP}ی{NOT_FA_AFTER})?"  # دههٔ، دهه‌ی: "decade of"

# Persian spells months of three calendars; several Gregorian months have two spellings
# (French-derived ژوئیه, English-derived جولای).
FA_MONTHS: dict[str, tuple[str, int]] = {
    **{name: (SOLAR_HIJRI, number) for number, names in enumerate((
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد|امرداد", "شهریور", "مهر", "آبان",
        "آذر", "دی", "بهمن", "اسفند"), start=1) for name in names.split("|")},
    **{name: (GREGORIAN, number) for number, names in enumerate((
        "ژانویه|ژانویهٔ|جنوری|ژانویه", "فوریه|فبروری|فوریهٔ", "مارس|مارچ", "آوریل|آپریل|اپریل|اوریل",
        "مه|مهٔ|می|مای", "ژوئن|جون|ژوین", "ژوئیه|ژوییه|جولای|ژوئیهٔ", "اوت|آگوست|اگوست|اوگوست|آگست",
        "سپتامبر|سپتمبر", "اکتبر|اکتوبر", "نوامبر|نومبر", "دسامبر|دسمبر|دیسامبر"), start=1)
        for name in names.split("|")},
    **{name: (LUNAR_HIJRI, number) for number, names in enumerate((
        "محرم", "صفر", "ربیع الاول|ربیع الأول", "ربیع الثانی|ربیع الآخر", "جمادی الاول|جمادی الاولی",
        "جمادی الثانی|جمادی الثانیه|جمادی الآخر|جمادی الاخری", "رجب", "شعبان", "رمضان", "شوال",
        "ذی القعده|ذیقعده|ذوالقعده", "ذی الحجه|ذیحجه|ذوالحجه"), start=1) for name in names.split("|")},
}
# "مه" (fog), "می" (the verb prefix), "تیر" (arrow), "مهر" (seal), "صفر" (zero): month names
# that are common words count only with a day before them or a year after them, as all do here.

EN_ORDINALS: dict[str, int] = {
    name: number for number, name in enumerate((
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth"), start=1)
}
EN_ORDINALS["twenty-first"] = EN_ORDINALS["twenty first"] = 21
EN_MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
        "January|Jan", "February|Feb", "March|Mar", "April|Apr", "May", "June|Jun", "July|Jul",
        "August|Aug", "September|Sept|Sep", "October|Oct", "November|Nov", "December|Dec"), start=1):
    for _name in _names.split("|"):
        EN_MONTHS[_name] = _number
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# Iranian (Solar Hijri) and Hijri (lunar) months as English writers transliterate them: each
# spelling's apostrophes, spaces and hyphens are optional, and one key serves them all.
EN_FOREIGN_MONTHS: dict[str, tuple[str, int]] = {
    **{name: (SOLAR_HIJRI, number) for number, names in enumerate((
        "Farvardin|Farvardeen", "Ordibehesht", "Khordad|Khordaad", "Tir", "Mordad|Amordad|Mordaad",
        "Shahrivar|Shahrivur", "Mehr", "Aban|Abaan", "Azar|Adhar", "Dey|Dei", "Bahman",
        "Esfand|Isfand|Espand|Esfand"), start=1) for name in names.split("|")},
    **{name: (LUNAR_HIJRI, number) for number, names in enumerate((
        "Muharram|Moharram|Muharam|Moharam",
        "Safar",
        "Rabi al-Awwal|Rabi' al-Awwal|Rabi ul-Awwal|Rabi al-Awal|Rabi al-Avval|Rabi ol-Avval|Rabi I",
        "Rabi al-Thani|Rabi' al-Thani|Rabi al-Akhir|Rabi' al-Akhir|Rabi al-Akhar|Rabi us-Sani"
        "|Rabi al-Sani|Rabi ol-Sani|Rabi II",
        "Jumada al-Awwal|Jumada al-Ula|Jumada al-Oula|Jumadi al-Awwal|Jamadi al-Awwal"
        "|Jamadi ul-Awwal|Jomada al-Avval|Jumada I",
        "Jumada al-Thani|Jumada al-Akhirah|Jumada al-Akhira|Jumada al-Akhir|Jumadi al-Thani"
        "|Jamadi al-Thani|Jamadi us-Sani|Jomada al-Sani|Jumada II",
        "Rajab",
        "Sha'ban|Shaaban",
        "Ramadan|Ramazan|Ramadhan|Ramzan",
        "Shawwal|Shawal|Shavval",
        "Dhu al-Qadah|Dhu al-Qa'dah|Dhu al-Qi'dah|Dhu'l-Qa'dah|Dhu'l-Qa'da|Dhul-Qadah|Zul-Qadah"
        "|Zu al-Qa'deh|Zilqad|Dhu al-Qa'da",
        "Dhu al-Hijjah|Dhu al-Hijja|Dhu'l-Hijjah|Dhu'l-Hijja|Dhul-Hijjah|Zul-Hijjah|Zu al-Hijjeh"
        "|Zilhaj|Zilhijja"), start=1) for name in names.split("|")},
}
APOSTROPHES = "'`\u02bf\u02bb\u02bc"  # ʿayn and hamza as transliterations write them


def fa_pattern(word: str) -> str:
    """A Persian word as written in the wild: spaces or ZWNJ inside it optional, a final ه
    with or without its ezafe hamza (ۀ, هٔ)."""
    parts = [re.escape(part) for part in word.split(" ")]
    pattern = GAP.join(parts)
    if word.endswith("ه"):
        pattern = pattern[:-1] + "(?:ه\u0654?|ۀ)"
    return pattern.replace("ا", "[اأآ]") if word.startswith("ا") else pattern


def alternation(names: list[str], build: Callable[[str], str]) -> str:
    return "(?:" + "|".join(build(name) for name in sorted(names, key=len, reverse=True)) + ")"


FA_MONTH_RE = alternation(list(FA_MONTHS), fa_pattern)
FA_ORDINAL_RE = ORDINAL_BELOW_100
GREGORIAN_MARK = "(?:میلادی|م)"
# ق.م (قبل از میلاد) and پ.م (پیش از میلاد): "before Christ"; tried before ق (lunar Hijri)
BC_MARK = f"(?:[قپ]{GAP}\\.{GAP}م|(?:قبل|پیش){GAP}از{GAP}میلاد)"
# ه.خ / خ abbreviate خورشیدی as ه.ش / ش abbreviate شمسی
SOLAR_MARK = f"(?:هجری{GAP}(?:شمسی|خورشیدی)|خورشیدی|شمسی|ه\u0640?\u200c?{GAP}\\.?{GAP}[شخ]|[شخ])"
LUNAR_MARK = f"(?:هجری{GAP}قمری|قمری|ه\u0640?\u200c?{GAP}\\.?{GAP}ق|ق|هجری)"  # هجری alone: lunar
MARK = (f"(?:{GAP}(?:(?P<bc>{BC_MARK})|(?P<greg>{GREGORIAN_MARK})|(?P<solar>{SOLAR_MARK})"
        f"|(?P<lunar>{LUNAR_MARK})){NOT_FA_AFTER})?")
EN_MONTH_RE = "(?:" + "|".join(
    f"{name}\\.?" if len(name) <= 4 and name not in ("May", "June", "July") else name
    for name in sorted(EN_MONTHS, key=len, reverse=True)
) + ")(?![A-Za-z])"
EN_ORDINAL_RE = ("(?:" + "|".join(
    name.replace(" ", "[ -]") for name in sorted(EN_ORDINALS, key=len, reverse=True)
) + r"|\d{1,2}(?:st|nd|rd|th))")

# Words that make a four-digit number a count, a measure or a reference, not a year.
EN_NOT_BEFORE = frozenset(
    "p pp no nos vol vols volume number file page pages art article chapter ch fig figure table "
    "flight route model box folio ref code room section para item tel isbn issue series fo cab "
    "wo adm ms add lot unit case boeing airbus".split()
)
EN_NOT_AFTER = frozenset(
    "years year days months weeks percent per million billion thousand hundred people men women "
    "troops soldiers miles mile km kilometers kilometres meters metres feet ft tons tonnes dollars "
    "rials euros pounds votes deaths casualties cases copies pages words units items times "
    "barrels kg hours minutes seconds acres hectares square cubic strong students members "
    "delegates prisoners refugees villages tanks aircraft missiles rounds employees workers".split()
)
FA_NOT_BEFORE = frozenset(
    "شماره شمارهٔ ص صص صفحه صفحات ماده بند پرونده کد مدل پلاک تلفن جلد اصل سامانه حدود تعداد "
    "ساعت".split()  # ساعت ۱۴۰۰: a time of day
)
FA_NOT_AFTER = frozenset(
    "نفر تن درصد کیلومتر کیلومتری متر متری مایل دلار ریال تومان یورو پوند میلیون میلیارد هزار "
    "سرباز صفحه عدد بار ساعت دقیقه ثانیه کیلوگرم کیلو گرم رأی رای قبضه فروند دستگاه بشکه هکتار "
    "نسخه کشته زخمی نیرو مورد واحد قطعه سال روز ماه هفته قرن سده سالگی ساله "
    "کودک کودکان دانش‌آموز دانش‌آموزان دانشجو دانشجویان شعبه خانوار عضو اسیر زندانی شهید "
    "مدرسه روستا خودرو تخت اثر عنوان فقره مرد زن بیمار نمونه".split()
)
# بیش از ۱۵۰۰ (more than 1500), کمتر از, بالغ بر (amounting to): a count follows
FA_MORE_THAN = re.compile(f"(?:بیش|بیشتر|کمتر|کم|بالغ){GAP}(?:از|بر){GAP}$")
EN_TEMPORAL_BEFORE = frozenset(
    "in by since until till before after around circa c ca of from year early late mid"
    # a life or a reign: (d. 1358), [died 1252], b. 1320, r. 1324-1362, fl. 1400
    " d died b born r reigned ruled fl".split()
)


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    value: str
    calendar: str
    granularity: str


def is_persian_digit(char: str) -> bool:
    return "\u06f0" <= char <= "\u06f9" or "\u0660" <= char <= "\u0669"


def persian_context(text: str, start: int, end: int) -> bool:
    """Persian digits, or the nearest letter on either side is Arabic-script."""
    if is_persian_digit(text[start]):
        return True
    fa = re.compile(FA)
    before = next((c for c in reversed(text[max(0, start - 30) : start]) if c.isalpha()), "")
    after = next((c for c in text[end : end + 30] if c.isalpha()), "")
    return bool(fa.match(before) or fa.match(after))


def word_before(folded: str, start: int) -> str:
    found = re.search(rf"([A-Za-z{FA_LETTERS}\u0654]+)\s*\.?\s*$", folded[max(0, start - 24) : start])
    return found.group(1).lower() if found else ""


def word_after(folded: str, end: int) -> str:
    """The next word, its ZWNJ-joined parts included (دانش‌آموز, one word)."""
    found = re.match(rf"[ \u200c]*([A-Za-z{FA_LETTERS}]+(?:\u200c[{FA_LETTERS}]+)*)",
                     folded[end : end + 24])
    return found.group(1).lower() if found else ""


def is_count(folded: str, start: int, end: int) -> bool:
    before, after = word_before(folded, start), word_after(folded, end)
    return (before in EN_NOT_BEFORE or before in FA_NOT_BEFORE or after in EN_NOT_AFTER
            or after in FA_NOT_AFTER or folded[max(0, start - 1) : start] in ("$", "£", "€", "#")
            or bool(FA_MORE_THAN.search(folded[max(0, start - 16) : start])))


def marked_calendar(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("greg") or groups.get("bc"):
        return GREGORIAN
    if groups.get("solar"):
        return SOLAR_HIJRI
    if groups.get("lunar"):
        return LUNAR_HIJRI
    return None


def era_year(match: re.Match[str], year: int) -> int:
    """A year marked BC (`۵۵۰ ق.م`, `500 BC`) in astronomical numbering; others unchanged."""
    return before_christ(year) if match.groupdict().get("bc") else year


def calendar_of_year(year: int, persian: bool) -> str:
    """Unmarked Persian years are judged by value: 1357 is Solar Hijri, 1917 Gregorian."""
    return SOLAR_HIJRI if persian and 1200 <= year < 1500 else GREGORIAN


def year_found(start: int, end: int, calendar: str, year: int) -> Found:
    return Found(start, end, year_value(calendar, year), calendar, "year")


def range_found(start: int, end: int, calendar: str, first: int, last: int) -> Found | None:
    if last <= first:
        return None
    value = years_value(calendar, first, last)
    return Found(start, end, value, calendar, "range")


def days_found(start: int, end: int, calendar: str, year: int, first: tuple[int, int],
               last: tuple[int, int]) -> Found | None:
    """Days (month, day) `first` to `last` of one year (۱۹ و ۲۰ ژوئن ۱۹۴۵, June 19-20, 1945,
    12 March to 3 April 1946) as the Gregorian interval they span."""
    if last <= first:
        return None
    low, high = day_value(calendar, year, *first), day_value(calendar, year, *last)
    return Found(start, end, f"{low}/{high}", calendar, "range") if low and high else None


def second_year(first: int, written: str) -> int:
    """`1980-88` → 1988: a short second year shares the first one's leading digits."""
    if len(written) >= len(str(first)):
        return int(written)
    scale = 10 ** len(written)
    return first // scale * scale + int(written)


def number_of(written: str) -> int | None:
    """Digits in any script (folded to ASCII before matching) or a spelled-out Persian number."""
    digits = re.sub(r"\D", "", written)
    return int(digits) if digits else spelled_value(written)


# ---- Persian ---------------------------------------------------------------------------

def persian_year(match: re.Match[str], folded: str, calendar: str) -> int | None:
    """A Persian date's year: spelled out, three or four digits, or two in news (`سال ۹۷`,
    `۲۲ بهمن ۵۷`: the Solar Hijri 1397 and 1357; `۰۲` is 1402). A short year of another calendar
    counts only when marked (`۱۰ محرم ۶۱ ق`); a short number before a unit is a count."""
    written = match["year"]
    if not written.isdigit():
        return spelled_value(written)
    if len(written) > 2:
        return int(written)
    # ۹۵ ساعت is 95 hours, but after a date ساعت is the time of day and سال starts a clause
    if is_count(folded, match.start("year"), match.end("year")) and word_after(
            folded, match.end("year")) not in ("سال", "ساعت"):
        return None
    if calendar == SOLAR_HIJRI and len(written) == 2:
        return 1400 + int(written) if written.startswith("0") else 1300 + int(written)
    return int(written) if marked_calendar(match) else None


def fa_day_month_year(match: re.Match[str], text: str, folded: str) -> Found | None:
    calendar, month = FA_MONTHS[fold_month(match["month"])]
    calendar = marked_calendar(match) or calendar
    day, year = number_of(match["day"]), persian_year(match, folded, calendar)
    if day is None or year is None or match["bc"]:
        return None
    value = day_value(calendar, year, month, day)
    return value and Found(match.start(), match.end(), value, calendar, "day")


def fa_day_range(match: re.Match[str], text: str, folded: str) -> Found | None:
    """۱۹ و ۲۰ ژوئن ۱۹۴۵, از ۳ تا ۷ مه, ۱۲ مارس تا ۳ آوریل ۱۹۴۶: days of one year."""
    calendar, month = FA_MONTHS[fold_month(match["month"])]
    first_month = month
    if match["month1"]:
        first_calendar, first_month = FA_MONTHS[fold_month(match["month1"])]
        if first_calendar != calendar:
            return None
    calendar = marked_calendar(match) or calendar
    first, last = number_of(match["d1"]), number_of(match["day"])
    year = persian_year(match, folded, calendar)
    if first is None or last is None or year is None or match["bc"]:
        return None
    return days_found(match.start(), match.end(), calendar, year, (first_month, first), (month, last))


def fa_month_year(match: re.Match[str], text: str, folded: str) -> Found | None:
    calendar, month = FA_MONTHS[fold_month(match["month"])]
    calendar = marked_calendar(match) or calendar
    year = persian_year(match, folded, calendar)
    if year is None or match["bc"]:
        return None
    return Found(match.start(), match.end(), month_value(calendar, year, month), calendar, "month")


def fa_season(match: re.Match[str], text: str, folded: str) -> Found | None:
    """`بهار ۱۹۲۰` → `1920-SP` like English; a Solar Hijri season → the Gregorian months it
    covers (بهار = Farvardin–Khordad, ...); `تابستان ۹۹` is the Solar Hijri 1399."""
    marked = marked_calendar(match)
    year = persian_year(match, folded, marked or SOLAR_HIJRI)
    if year is None or len(match["year"]) == 3 or match["bc"]:
        return None
    calendar = marked or calendar_of_year(year, True)
    season = FA_SEASONS[match["season"].replace("ئ", "ی")]
    if calendar == GREGORIAN:
        return Found(match.start(), match.end(), f"{year:04d}-{season}", calendar, "season")
    if calendar == LUNAR_HIJRI:
        return None  # the lunar year drifts through the seasons: no such span
    first = SEASON_CODES.index(season) * 3 + 1
    value = months_value(calendar, year, first, first + 2)
    return Found(match.start(), match.end(), value, calendar, "season")


def decade_start(written: str, calendar: str | None) -> tuple[int, str]:
    """`۱۹۶۰` → 1960; two digits (دهه ۶۰) are the Solar Hijri 1360s unless marked Gregorian."""
    year = int(written)
    if len(written) == 2:
        year += 1900 if calendar == GREGORIAN else 1300
        calendar = calendar or SOLAR_HIJRI
    return year, calendar or calendar_of_year(year, True)


def fa_decade(match: re.Match[str], text: str, folded: str) -> Found | None:
    """دهه ۱۹۶۰ → 196; دهه‌های ۵۰ تا ۷۰ میلادی → 195/197; a Hijri decade → the years it covers."""
    written_last = match["y2"] or match["year"]
    if int(match["year"]) % 10 or int(written_last) % 10 or match["bc"]:
        return None
    if is_count(folded, match.start(), match.end()):  # دهه ۲۰ سالگی: an age
        return None
    first, calendar = decade_start(match["year"], marked_calendar(match))
    last, _ = decade_start(written_last, calendar)
    if last < first:
        return None
    granularity = "range" if last > first else "decade"
    if calendar == GREGORIAN:
        value = f"{first:04d}"[:3] + (f"/{last:04d}"[:4] if last > first else "")
        return Found(match.start(), match.end(), value, calendar, granularity)
    return Found(match.start(), match.end(), years_value(calendar, first, last + 9), calendar, granularity)


def century_value(calendar: str, first: int, last: int | None = None, bc: bool = False) -> str:
    """Gregorian centuries by their first two digits (`18` = 1800–1899); Hijri ones and those
    before Christ as the Gregorian years they cover (5th century BC = `-0499/-0400`; BC
    centuries count down, so `19th or 18th centuries BC` = `-1899/-1700` in either order)."""
    if bc:
        low, high = min(first, last or first), max(first, last or first)
        return years_value(GREGORIAN, before_christ(high * 100), before_christ(low * 100 - 99))
    if calendar == GREGORIAN:
        return f"{first - 1:02d}" + (f"/{last - 1:02d}" if last else "")
    return years_value(calendar, (first - 1) * 100, ((last or first) - 1) * 100 + 99)


# Persian writers count the centuries of Islamic Iran in Hijri years (رودکی، شاعر قرن سوم) and
# mark the Gregorian ones of that age (قرن سیزدهم میلادی); the Gregorian count is the default
# from the fourteenth century on (قرن نوزدهم = the 19th), when the Hijri one is marked.
LAST_HIJRI_CENTURY_BY_DEFAULT = 13


def fa_century(match: re.Match[str], text: str, folded: str) -> Found | None:
    first = number_of(match["ord"])
    hijri_by_default = first is not None and first <= LAST_HIJRI_CENTURY_BY_DEFAULT
    calendar = marked_calendar(match) or (LUNAR_HIJRI if hijri_by_default else GREGORIAN)
    last = number_of(match["ord2"]) if match["ord2"] else None
    if not first or first > 30 or (match["ord2"] and (last is None or last == first)):
        return None
    if last is not None and last < first and not match["bc"]:
        return None
    value = century_value(calendar, first, last, bool(match["bc"]))
    return Found(match.start(), match.end(), value, calendar, "range" if last else "century")


def fa_year(match: re.Match[str], text: str, folded: str) -> Found | None:
    marked = marked_calendar(match)
    year = persian_year(match, folded, marked or SOLAR_HIJRI)
    if year is None:
        return None
    calendar = marked or calendar_of_year(year, True)
    return year_found(match.start(), match.end(), calendar, era_year(match, year))


def fa_range(match: re.Match[str], text: str, folded: str) -> Found | None:
    first = int(match["y1"])
    if match["and"] and not match["between"]:
        return None
    persian = persian_context(text, match.start("y1"), match.end())
    if first < 1000 and not marked_calendar(match) and persian:
        return None  # بین ۲۰۰ تا ۴۰۰ in Persian news is a count unless marked; (813–833) a reign
    if is_count(folded, match.start("y1"), match.end("y1")) or is_count(
            folded, match.start("y2"), match.end("y2")):
        return None
    calendar = marked_calendar(match) or calendar_of_year(first, persian)  # English: 1341-1347
    last = second_year(first, match["y2"])
    if match["bc"]:  # ۵۵۰ تا ۳۳۰ ق.م: the years count down
        first, last = before_christ(first), before_christ(last)
    return range_found(match.start(), match.end(), calendar, first, last)


def fa_year_range(match: re.Match[str], text: str, folded: str) -> Found | None:
    """`از سال ۸۷ تا ۹۰`, `سال‌های ۱۳۸۷ تا ۱۳۹۰`, `بین سال‌های ۱۳۸۷ و ۱۳۹۰`: years after سال
    share its reading, two digits included (the Solar Hijri 1387–1390, as `سال ۸۷` alone is)."""
    if match["and"] and not match["between"] or match["bc"]:
        return None  # سال‌های ۲۰۱۴ و ۲۰۱۶: two years, not the span between them
    if any(is_count(folded, match.start(group), match.end(group)) for group in ("y1", "y2")):
        return None
    written, marked = match["y1"], marked_calendar(match)
    if len(written) == 2:
        if marked == LUNAR_HIJRI:
            return None
        first = int(written) + (1900 if marked == GREGORIAN else 1400 if written[0] == "0" else 1300)
    else:
        first = int(written)
    calendar = marked or calendar_of_year(first, True)
    last = second_year(first, match["y2"])
    if last < first and len(match["y2"]) == 2:
        last += 100  # سال‌های ۹۸ تا ۰۲: 1398 to 1402
    return range_found(match.start(), match.end(), calendar, first, last)


def fa_numeric_date(match: re.Match[str], text: str, folded: str) -> Found | None:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    persian = persian_context(text, match.start(), match.end())
    if not persian and "dmy" in match.re.groupindex:
        return None  # 11/9/2015 is month-first in American English: leave it
    calendar = calendar_of_year(year, persian)
    value = day_value(calendar, year, month, day) if 1 <= month <= 12 else None
    return value and Found(match.start(), match.end(), value, calendar, "day")


def squash(word: str) -> str:
    return re.sub("[ \u200c]+", " ", word.replace("\u0654", "").replace("ۀ", "ه")).strip()


def fold_month(word: str) -> str:
    word = squash(word).replace("أ", "ا")
    if word in FA_MONTHS:
        return word
    spaced = {name.replace(" ", ""): name for name in FA_MONTHS}
    return spaced.get(word.replace(" ", ""), word)


# A year is no part of a longer number (۹.۲، ۱۳۹۲/۴); a slash after a calendar mark is the
# encyclopedias' "or" between two calendars (۱۲۰۶ق/۱۷۹۱م).
NO_NUMBER_BEFORE = r"(?<![\d.,])(?<!\d/)"


def year_group(digits: str, spelled: bool = True) -> str:
    """A year in digits (`digits` is a quantifier: `1,4`) or spelled out with its thousands
    (هزار و سیصد و پنجاه و هفت)."""
    written = rf"{NO_NUMBER_BEFORE}\d{{{digits}}}(?!\d|[.,/]\d)"  # not ۹/۲ (9.2), not ۱۳۹۲/۴
    if spelled:
        written += f"|{NOT_FA_BEFORE}{CARDINAL_YEAR}{NOT_FA_AFTER}"
    return f"(?P<year>{written})"


FA_SEASONS = {"بهار": "SP", "تابستان": "SU", "پاییز": "FA", "زمستان": "WI"}
SEASON_CODES = ("SP", "SU", "FA", "WI")
FA_SEASON_RE = "(?:بهار|تابستان|پا[یئ]یز|زمستان)"
# a day: digits (۲۵، ۲۵م، ۲۵ام) or spelled out, ordinal (بیست‌وپنجم) or cardinal (بیست و پنج)
# (a spelled day is spaced from its month: دومی is "the second one", not "2 May")
def fa_day(name: str = "day") -> str:
    return (rf"(?P<{name}>(?<![\d.,/])\d{{1,2}}(?:ام|م)?(?!\d)|{NOT_FA_BEFORE}(?:{ORDINAL_BELOW_100}"
            rf"|{CARDINAL_BELOW_100})(?=[ \u200c]))")


FA_DAY = fa_day()
# Patterns that open with a long alternation (month names, spelled numbers) are tried at every
# position of the text; a lookahead on the characters a match can start with makes the others
# one test in C (English dates run 4x faster). Each guard admits every first character its
# pattern can match, so what is found is unchanged.
STARTS_DIGIT_OR_FA = f"(?=[\\d{FA_LETTERS}])"
STARTS_FA = f"(?=[{FA_LETTERS}])"
STARTS_CAPITAL = "(?=[A-Z])"
YEAR_WORD = f"(?:{GAP}ماه)?{GAP}(?:سال{EZAFE}{GAP})?"
FA_PATTERNS: tuple[tuple[str, Callable[..., Found | None]], ...] = (
    # ۲۱ ماه مه ۲۰۰۴: "the 21st of the month of May"
    (rf"{STARTS_DIGIT_OR_FA}{FA_DAY}{GAP}(?:ماه{GAP})?(?P<month>{FA_MONTH_RE}){EZAFE}{YEAR_WORD}"
     rf"{year_group('1,4')}{MARK}", fa_day_month_year),
    # days of one month or of two: ۱۹ و ۲۰ ژوئن ۱۹۴۵، ۱۲ مارس تا ۳ آوریل ۱۹۴۶
    (rf"{STARTS_DIGIT_OR_FA}{fa_day('d1')}{GAP}(?:(?:ماه{GAP})?(?P<month1>{FA_MONTH_RE}){EZAFE}{GAP})?(?:و|تا|الی|-){GAP}"
     rf"{FA_DAY}{GAP}(?:ماه{GAP})?(?P<month>{FA_MONTH_RE}){EZAFE}{YEAR_WORD}{year_group('1,4')}{MARK}",
     fa_day_range),
    (rf"{STARTS_FA}{NOT_FA_BEFORE}(?P<month>{FA_MONTH_RE}){EZAFE}{YEAR_WORD}{year_group('2,4')}{MARK}",
     fa_month_year),
    # a season's ی is no ezafe (تابستانی: summery, as in the Summer Olympics)
    (rf"{NOT_FA_BEFORE}(?P<season>{FA_SEASON_RE})\u0654?{GAP}(?:سال{EZAFE}{GAP})?"
     rf"{year_group('2,4')}{MARK}", fa_season),
    (rf"{NOT_FA_BEFORE}دهه(?:\u200c?ها(?:ی)?)?{EZAFE}{GAP}{year_group('2,4', spelled=False)}"
     rf"(?:{GAP}(?:و|تا|-){GAP}(?P<y2>\d{{2,4}})(?!\d))?{MARK}", fa_decade),
    (rf"{NOT_FA_BEFORE}(?:قرن|سده)(?:\u200c?ها(?:ی)?)?{EZAFE}{GAP}"
     rf"(?P<ord>{FA_ORDINAL_RE}|\d{{1,2}}(?:ام|م)?(?!\d)){NOT_FA_AFTER}"
     rf"(?:{GAP}(?:و|تا){GAP}(?P<ord2>{FA_ORDINAL_RE}){NOT_FA_AFTER})?{MARK}", fa_century),
    (rf"{STARTS_FA}(?:(?P<between>{NOT_FA_BEFORE}(?:بین|میان)){GAP})?{NOT_FA_BEFORE}سال(?:\u200c?ها(?:ی)?)?{EZAFE}"
     rf"{GAP}(?<![\d.,/])(?P<y1>\d{{2,4}}){GAP}(?:(?P<and>و)|تا|الی|-){GAP}(?P<y2>\d{{2,4}})"
     rf"(?!\d|[.,/]\d){MARK}", fa_year_range),
    (rf"{NOT_FA_BEFORE}سال{EZAFE}{GAP}{year_group('1,4')}{MARK}", fa_year),
    (rf"{year_group('1,4', spelled=False)}{GAP}(?:(?P<bc>{BC_MARK})|(?P<greg>{GREGORIAN_MARK})|"
     rf"(?P<solar>{SOLAR_MARK})|(?P<lunar>{LUNAR_MARK})){NOT_FA_AFTER}", fa_year),
    (rf"{STARTS_DIGIT_OR_FA}(?:(?P<between>{NOT_FA_BEFORE}(?:بین|میان)){GAP})?{NO_NUMBER_BEFORE}(?P<y1>\d{{3,4}})"
     rf"{GAP}(?:(?P<and>و)|تا|الی|-){GAP}(?P<y2>\d{{2,4}})(?!\d){MARK}", fa_range),
    (r"(?<![\d.,/])(?P<y>\d{4})(?P<sep>[/-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/])",
     fa_numeric_date),
    (r"(?<![\d.,/])(?P<d>\d{1,2}) ?/ ?(?P<m>\d{1,2}) ?/ ?(?P<y>\d{4})(?P<dmy>)(?![\d/])",
     fa_numeric_date),
)

def en_key(written: str) -> str:
    return re.sub(f"[{APOSTROPHES} -]", "", written).lower()


EN_FOREIGN_KEYS = {en_key(name): month for name, month in EN_FOREIGN_MONTHS.items()}


def en_foreign_pattern(name: str) -> str:
    """`Rabi' al-Awwal` → apostrophes, spaces and hyphens optional; the first letter a capital."""
    pattern = "".join(f"[{APOSTROPHES}]?" if char in APOSTROPHES else "[ -]?" if char in " -"
                      else re.escape(char) for char in name)
    return f"(?=[A-Z])(?i:{pattern})"


EN_FOREIGN_MONTH_RE = alternation(list(EN_FOREIGN_MONTHS), en_foreign_pattern) + "(?![A-Za-z])"
# Era marks written after a year (1400 SH, 1243 A.H., 500 BC); tried longest first, so
# A.H.S. (Solar Hijri) before A.H. (lunar Hijri). A sentence's full stop is not the mark's.
EN_BC = r"B\.C\.E\.|BCE|B\.C\.|BC"
EN_GREG = r"A\.D\.|AD|C\.E\.|CE"
EN_SOLAR = r"A\.H\.S\.|AHS|S\.H\.|SH|H\.\s?Sh\.|H\.S\.|HS"
EN_LUNAR = r"A\.H\.|AH|H\.Q\.|AHQ"
EN_MARK = (rf"[ \u00a0]?(?:(?P<bc>{EN_BC})|(?P<greg>{EN_GREG})|(?P<solar>{EN_SOLAR})"
           rf"|(?P<lunar>{EN_LUNAR}))(?![A-Za-z])")


def en_foreign_date(match: re.Match[str], text: str, folded: str) -> Found | None:
    """12 Tir 1399, Muharram 1445 AH: Iranian and Hijri months in English transliteration. A
    four-digit Gregorian year beside them (`Azar 2010`) is a name, not a date."""
    calendar, month = EN_FOREIGN_KEYS[en_key(match["month"])]
    marked = marked_calendar(match)
    year = int(match["year"])
    if match["bc"] or (not marked and year > 1500):
        return None
    calendar = marked or calendar
    if match["day"]:
        value = day_value(calendar, year, month, int(match["day"]))
        return value and Found(match.start(), match.end(), value, calendar, "day")
    return Found(match.start(), match.end(), month_value(calendar, year, month), calendar, "month")


def en_marked_year(match: re.Match[str], text: str, folded: str) -> Found | None:
    """In 1400 SH, 1357 H.Sh., AH 1243, 1243 A.H., AD 33, 500 BC."""
    year = int(match["year"])
    calendar = marked_calendar(match) or GREGORIAN
    if year == 0 or (calendar == SOLAR_HIJRI and year < 100):  # no Solar Hijri text is that old
        return None
    if is_count(folded, match.start("year"), match.end("year")):
        return None
    return year_found(match.start(), match.end(), calendar, era_year(match, year))


def en_marked_range(match: re.Match[str], text: str, folded: str) -> Found | None:
    """1357-1359 SH, 550-330 BC: the mark after a range is the whole range's."""
    first, last = int(match["y1"]), second_year(int(match["y1"]), match["y2"])
    if match["bc"]:
        first, last = before_christ(first), before_christ(last)
    return range_found(match.start(), match.end(), marked_calendar(match) or GREGORIAN, first, last)


# ---- English ---------------------------------------------------------------------------

def en_month_number(written: str) -> int:
    return EN_MONTHS[written.rstrip(".")]


def en_day(match: re.Match[str], text: str, folded: str) -> Found | None:
    value = day_value(GREGORIAN, int(match["year"]), en_month_number(match["month"]), int(match["day"]))
    return value and Found(match.start(), match.end(), value, GREGORIAN, "day")


def en_calendar_month(written: str) -> tuple[str, int]:
    """A month name in English, Gregorian (June, Nov.) or transliterated (Tir, Muharram)."""
    foreign = EN_FOREIGN_KEYS.get(en_key(written))
    return foreign if foreign else (GREGORIAN, en_month_number(written))


def en_day_range(match: re.Match[str], text: str, folded: str) -> Found | None:
    """19-20 June 1945, June 19-20, 1945, 12 March to 3 April 1946, 12-14 Tir 1399: days of
    one year."""
    calendar, month = en_calendar_month(match["month"] or match["month1"])
    first_calendar, first_month = en_calendar_month(match["month1"] or match["month"])
    year, marked = int(match["year"]), marked_calendar(match)
    if first_calendar != calendar or match["bc"] or (marked and marked != calendar):
        return None  # June 1-2, 1399 SH: a Gregorian month is no Solar Hijri one
    if calendar != GREGORIAN and not marked and year > 1500:
        return None  # Azar 2010: a name, as en_foreign_date reads it
    return days_found(match.start(), match.end(), calendar, year,
                      (first_month, int(match["d1"])), (month, int(match["day"])))


def en_month(match: re.Match[str], text: str, folded: str) -> Found | None:
    value = month_value(GREGORIAN, int(match["year"]), en_month_number(match["month"]))
    return Found(match.start(), match.end(), value, GREGORIAN, "month")


def en_season(match: re.Match[str], text: str, folded: str) -> Found | None:
    """Spring 1946 → 1946-SP; Spring 1399 SH → the Gregorian months of that Solar Hijri spring."""
    season, year = SEASONS[match["season"].lower()], int(match["year"])
    calendar = marked_calendar(match) or GREGORIAN
    if calendar == SOLAR_HIJRI:
        first = SEASON_CODES.index(season) * 3 + 1
        value = months_value(calendar, year, first, first + 2)
    elif calendar == GREGORIAN and not match["bc"]:
        value = f"{year:04d}-{season}"
    else:
        return None
    return Found(match.start(), match.end(), value, calendar, "season")


def en_decade(match: re.Match[str], text: str, folded: str) -> Found | None:
    year = match["year"]
    if year.endswith("00") and year < "2000":  # the 1800s: a century; the 2000s: a decade
        return Found(match.start(), match.end(), year[:2], GREGORIAN, "century")
    return Found(match.start(), match.end(), year[:3], GREGORIAN, "decade")


def en_ordinal(written: str) -> int:
    digits = re.sub(r"\D", "", written)
    return int(digits) if digits else EN_ORDINALS[re.sub(r"[ -]+", " ", written.lower()).replace(
        "twenty first", "twenty-first")]


def en_century(match: re.Match[str], text: str, folded: str) -> Found | None:
    first = en_ordinal(match["ord"])
    last = en_ordinal(match["ord2"]) if match["ord2"] else None
    if last is not None and (last == first or (last < first and not match["bc"])):
        return None
    calendar = marked_calendar(match) or (LUNAR_HIJRI if match["hijra"] else GREGORIAN)
    value = century_value(calendar, first, last, bool(match["bc"]))
    return Found(match.start(), match.end(), value, calendar, "range" if last else "century")


def en_range(match: re.Match[str], text: str, folded: str) -> Found | None:
    first = int(match["y1"])
    if not 1000 <= first <= 2099 or is_count(folded, match.start("y1"), match.end("y2")):
        return None
    if match["and"] and not match["between"]:
        return None
    return range_found(match.start(), match.end(), GREGORIAN, first, second_year(first, match["y2"]))


def bare_year(match: re.Match[str], text: str, folded: str) -> Found | None:
    year = int(match["year"])
    start, end = match.start(), match.end()
    if is_count(folded, start, end):
        return None
    persian = persian_context(text, start, end)
    if persian and 1200 <= year < 1500:
        return year_found(start, end, SOLAR_HIJRI, year)
    if 1500 <= year <= 2099:
        return year_found(start, end, GREGORIAN, year)
    bracketed = folded[start - 1 : start] + folded[end : end + 1] == "()"  # married (1359)
    temporal = bracketed or word_before(folded, start) in EN_TEMPORAL_BEFORE
    if not persian and 1000 <= year < 1500 and temporal:
        return year_found(start, end, GREGORIAN, year)
    return None


EN_YEAR_END = r"(?![A-Za-z0-9_%\]]|[.,/:-]\d|-[A-Za-z])"  # not 1990s, 1990-91, 1990-strong, [1990]
MODIFIER = r"(?:(?:early|mid|late|Early|Mid|Late)(?:[ -]+to[ -]+(?:mid|late))?[ -]+)?"  # mid-to-late
EN_CHRISTIAN_ERA = rf"(?:[ \u00a0](?:{EN_GREG})(?![A-Za-z]))?"  # August 31, 1907 AD
EN_FOREIGN_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
EN_DAY_TO = r"(?:-|\bto\b|\band\b|\buntil\b|\bthrough\b)"
EN_ANY_MONTH = f"(?:{EN_MONTH_RE}|{EN_FOREIGN_MONTH_RE})"
EN_PATTERNS: tuple[tuple[str, Callable[..., Found | None]], ...] = (
    (rf"(?=[\dA-Z])\b(?:{EN_FOREIGN_DAY}\s+(?:of\s+)?)?(?P<month>{EN_FOREIGN_MONTH_RE}),?\s+"
     rf"(?P<year>\d{{1,4}})(?![\d%])(?:{EN_MARK})?", en_foreign_date),
    (rf"{STARTS_CAPITAL}\b(?P<month>{EN_FOREIGN_MONTH_RE})\s+{EN_FOREIGN_DAY},?\s+(?P<year>\d{{1,4}})(?![\d%])"
     rf"(?:{EN_MARK})?", en_foreign_date),
    (rf"(?<![\w$€£#./,:-])(?P<year>\d{{1,4}})(?![\d%]){EN_MARK}", en_marked_year),
    (r"\b(?:(?P<lunar>A\.H\.|AH)|(?P<greg>A\.D\.|AD)|(?P<solar>S\.H\.|SH|A\.H\.S\.|AHS))"
     r"[ \u00a0](?P<year>\d{2,4})(?![\d%]|[.,]\d)", en_marked_year),
    (rf"(?<![\w$€£#./,:-])(?P<y1>\d{{1,4}})\s*(?:-|\bto\b)\s*(?P<y2>\d{{1,4}})(?!\d){EN_MARK}",
     en_marked_range),
    (rf"{STARTS_CAPITAL}\b(?P<month>{EN_MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"
     rf"{EN_CHRISTIAN_ERA}", en_day),
    # days of one month or of two: 19-20 June 1945, 12 March to 3 April 1946, June 19-20, 1945
    (rf"(?=[\dBb])(?:\b[Bb]etween\s+)?\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<month1>{EN_ANY_MONTH}))?"
     rf"\s*{EN_DAY_TO}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{EN_ANY_MONTH}),?\s+"
     rf"(?P<year>\d{{4}})\b(?:{EN_MARK})?", en_day_range),
    (rf"(?=[A-Zb])(?:\b[Bb]etween\s+)?\b(?P<month1>{EN_ANY_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*{EN_DAY_TO}\s*"
     rf"(?:(?P<month>{EN_ANY_MONTH})\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"
     rf"(?:{EN_MARK})?", en_day_range),
    (rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{EN_MONTH_RE}),?\s+"
     rf"(?P<year>\d{{4}})\b{EN_CHRISTIAN_ERA}", en_day),
    (rf"{STARTS_CAPITAL}\b(?P<month>{EN_MONTH_RE}),?\s+(?:of\s+)?(?P<year>\d{{4}})\b(?![.,]\d){EN_CHRISTIAN_ERA}",
     en_month),
    (rf"\b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:\s+of)?,?\s+"
     rf"(?P<year>\d{{4}})\b(?![.,]\d)(?:{EN_MARK})?", en_season),
    (rf"(?=[TtEeMmLl12])(?:\b[Tt]he\s+)?(?:\b{MODIFIER}|\b(?:early|mid|late)-)?(?<![\d'])"
     rf"(?P<year>1\d\d0|20\d0)'?s\b",
     en_decade),
    (rf"(?=[\dFfSsTtEeNnLlMm])(?i:\b(?:(?:first|second|latter|last)\s+(?:half|quarter|third)\s+of"
     rf"\s+the\s+)?"
     rf"(?:(?:early|mid|late)[ -]+)?(?P<ord>{EN_ORDINAL_RE})"
     rf"(?:\s*(?:-|and|to|through|or)\s*(?P<ord2>{EN_ORDINAL_RE}))?[ -]+centur(?:y|ies)\b)"
     rf"(?:\s(?:(?P<bc>{EN_BC})|(?P<greg>{EN_GREG})|(?P<solar>{EN_SOLAR})|(?P<lunar>{EN_LUNAR}))"
     rf"(?![A-Za-z])|\s(?P<hijra>of\s+the\s+(?:Hijra|Hijrah|Hegira)\b))?", en_century),
    (r"(?=[\dBbr])(?:\b(?P<between>[Bb]etween)\s+|\br\.\s*)?(?<![\w$.,/-])(?P<y1>\d{4})"
     r"\s*(?:(?P<and>\band\b)|-|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*"
     r"(?P<y2>\d{4}|\d{2})\b(?![.,/:-]\d|-[A-Za-z])", en_range),
    # a Persian year may be glued to the next word (۱۹۴۵توسط); an English one may not
    (rf"(?<![\w$€£#./,:\[-])(?P<year>\d{{4}}){EN_YEAR_END}", bare_year),
    # mid-1993 (the modifier is part of the mention, as in the late 1970s); pre-1975: the year
    (rf"(?<![\w-])(?:[Ee]arly|[Mm]id|[Ll]ate)-(?P<year>\d{{4}}){EN_YEAR_END}", bare_year),
    (rf"(?:(?<=\b[Pp]re-)|(?<=\b[Pp]ost-))(?P<year>\d{{4}}){EN_YEAR_END}", bare_year),
)


@functools.cache
def compiled() -> tuple[tuple[re.Pattern[str], Callable[..., Found | None]], ...]:
    return tuple((re.compile(pattern), handler) for pattern, handler in FA_PATTERNS + EN_PATTERNS)


def candidates(text: str) -> Iterator[Found]:
    folded = fold(text)
    for pattern, handler in compiled():
        for match in pattern.finditer(folded):
            try:
                found = handler(match, text, folded)
            except OutOfCalendar:  # ۰ ش، ۹۹۹۹ ق: a year no calendar converts is no date
                continue
            if found:
                yield found


def find_dates(text: str) -> list[DateMention]:
    """Every date mention in `text`, longest first where they overlap, in text order."""
    chosen: list[Found] = []
    taken = bytearray(len(text))
    for found in sorted(candidates(text), key=lambda f: (f.start - f.end, f.start)):
        if not any(taken[found.start : found.end]):
            chosen.append(found)
            taken[found.start : found.end] = b"\x01" * (found.end - found.start)
    return [
        DateMention(f.start, f.end, text[f.start : f.end], f.value, *year_span(f.value), f.calendar,
                    f.granularity)
        for f in sorted(chosen, key=lambda f: (f.start, f.end))
    ]
