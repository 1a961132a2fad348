"""Place mentions: spellings, longest names, demonyms, ambiguous names, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from iranru.mentions.gazetteer import load_gazetteer
from iranru.mentions.places import Candidate, Word, find_places, longest_names, persian_token, words
from tests.conftest import CORPUS


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.surface, m.name_en, m.kind) for m in find_places(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Persia and Britain", [("Persia", "Iran", "country"), ("Britain", "United Kingdom", "country")]),
    ("the U.S. embassy in Tehran", [("U.S.", "United States", "country"), ("Tehran", "Tehran", "city")]),
    ("the Russia-Iran alliance", [("Russia", "Russia", "country"), ("Iran", "Iran", "country")]),
    ("the Islamic Republic of Iran", [("Islamic Republic of Iran", "Iran", "country")]),
    ("Washington, D.C., June 3", [("Washington, D.C.", "Washington, D.C.", "city")]),
    ("into the North Caucasus", [("North Caucasus", "North Caucasus", "region")]),
    ("the Caspian Sea", [("Caspian Sea", "Caspian Sea", "sea")]),
    ("the USSR and the Soviet Union", [("USSR", "Soviet Union", "historical polity"),
                                       ("Soviet Union", "Soviet Union", "historical polity")]),
    ("به امپراتوری روسیه", [("امپراتوری روسیه", "Russian Empire", "historical polity")]),
    ("رهبری محلی آذربایجان شوروی", [("آذربایجان شوروی", "Azerbaijan SSR", "historical polity")]),
    ("اتحاد جماهیر شوروی", [("اتحاد جماهیر شوروی", "Soviet Union", "historical polity")]),
    ("روس و انگلیس", [("انگلیس", "United Kingdom", "country")]),
    ("نفوذ آمریکا و ایالات متحده", [("آمریکا", "United States", "country"),
                                   ("ایالات متحده", "United States", "country")]),
    ("در آسیای میانه و خاور میانه", [("آسیای میانه", "Central Asia", "region"),
                                     ("خاور میانه", "Middle East", "region")]),
    ("آمودریا و دریای خزر", [("آمودریا", "Amu Darya", "river"), ("دریای خزر", "Caspian Sea", "sea")]),
    ("تبریز، قزوین و مشهد", [("تبریز", "Tabriz", "city"), ("قزوین", "Qazvin", "city"),
                           ("مشهد", "Mashhad", "city")]),
    # a common word that is also a place needs evidence: a place word before it, or a list
    ("شهر دوشنبه", [("دوشنبه", "Dushanbe", "city")]),
    ("تاشکند، دوشنبه و بیشکک", [("تاشکند", "Tashkent", "city"), ("دوشنبه", "Dushanbe", "city"),
                              ("بیشکک", "Bishkek", "city")]),
    ("استان گلستان", [("استان گلستان", "Golestan", "region")]),  # the longest name wins
    ("در گلستان و مازندران", [("گلستان", "Golestan", "region"), ("مازندران", "Mazandaran", "region")]),
])
def test_annotated_places(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Iranian and Russian diplomats", "the Russians and the Soviets", "Anglo-Russian convention",
    "Soviet authorities", "President Bill Clinton", "Barack Obama", "the Union", "University",
    "روس‌ها و ایرانیان", "ایرانی", "بریتانیاییها", "روز دوشنبه", "گلستان سعدی", "کابل برق",
    "Russian president Vladimir Putin",
])
def test_not_places(text: str) -> None:
    assert found(text) == []


def test_rows_carry_ids_and_coordinates() -> None:
    (tehran,) = find_places("Tehran")
    assert (tehran.place_id, tehran.name_fa) == ("112931", "تهران")
    assert tehran.lat == pytest.approx(35.69, abs=0.01) and tehran.lon == pytest.approx(51.42, abs=0.01)
    (sea,) = find_places("دریای خزر")
    assert (sea.place_id, sea.name_en) == ("caspian-sea", "Caspian Sea")


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_every_corpus_row_points_at_its_surface(path) -> None:
    text = path.read_text(encoding="utf-8")
    mentions = find_places(text)
    assert mentions
    assert all(text[m.start : m.end] == m.surface for m in mentions)


def test_the_gazetteer_is_cached() -> None:
    from iranru.mentions.gazetteer import load_gazetteer

    assert load_gazetteer() is load_gazetteer()


# Ordinary words that GeoNames also lists as towns: never places without evidence
@pytest.mark.parametrize("text", [
    "دو کشور به توافق رسیدند",  # two (Jahrom)
    "این بازیکن تازه به تیم آمده است",  # new (Taza)
    "مسلم بن حجاج در بن‌بست",  # ibn; dead end (Bonn)
    "در سده نوزدهم",  # century (Khomeyni Shahr, Sedeh)
    "در آستانه پیروزی",  # on the threshold of (Astana)
    "سلامت و زیبایی مردان",  # men (Mardan)
    "هجدهمین دوره تور دوچرخه‌سواری",  # tour (Tver)
    "استاندارد بالای خدمات",  # above (Bhilai)
    "مشکلات مالی باشگاه",  # financial (Mali)
    "کشتی باری",  # cargo (Bari)
    "بافت تاریخی شهر",  # texture (Baft)
    "ساره گفت",  # Sarah (Sarh)
    "قانون جدید چک",  # cheque (Czechia)
    "در نیم فصل دوم",  # half (Nimes)
    "چربی سالم",  # healthy (Salem)
    "پرو نهایی با خیاطان",  # a fitting (Peru)
    "پیری و چین و چروک پوستی",  # wrinkles (China)
    "نماینده این شهرستان خبر داد",  # news (Khobar), even after a place word
    "در شهرهای بالای ۲۰۰ هزار نفر",  # above, though after شهرهای: a number follows
    "ولایت ابّ و جدّ",  # a father's guardianship (Ibb)
    "سن، شهر محل زندگی",  # age, city of residence (Sanandaj's old name)
])
def test_common_words_without_evidence_are_not_places(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("کشور مالی", [("مالی", "Mali", "country")]),  # a place word before
    ("شهر بن", [("بن", "Bonn", "city")]),
    ("برلین، بن و مونیخ", [("برلین", "Berlin", "city"), ("بن", "Bonn", "city"),
                          ("مونیخ", "Munich", "city")]),  # a list of places
    ("از کابل به دوشنبه، پایتخت تاجیکستان", [("کابل", "Kabul", "city"), ("دوشنبه", "Dushanbe", "city"),
                                            ("تاجیکستان", "Tajikistan", "country")]),  # a route
    ("همه عاشق ایران‌اند", [("ایران", "Iran", "country")]),  # the copula after a ZWNJ
    ("پایتخت مالی برزیل", [("برزیل", "Brazil", "country")]),  # financial: a place follows
    ("از قزاقستان به میدان می‌رود", [("قزاقستان", "Kazakhstan", "country")]),  # the field (Medan)
    ("در شهرستان گلپایگان 37 امام‌زاده", [("گلپایگان", "Golpayegan", "city")]),
    ("استاندار آذربایجان‌شرقی", [("آذربایجان", "Iranian Azerbaijan", "region")]),
])
def test_common_words_with_evidence(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


# Whole words after normalisation: a diacritic or a ZWNJ inside a word is no word boundary
@pytest.mark.parametrize("text", [
    "تِنیس",  # tennis: the tail نیس is Nice
    "برنامه‌نویس",  # programmer: the tail نویس is Neuss
    "بایرن‌مونیخ",  # a club name joined by a ZWNJ
    "مهاجم اروگوئه‌ای",  # an adjective, not Uruguay
    "عراق‌های حاضر",  # Iraqis
    "محمد ایران‌پوریان",  # a surname
    "باز هم به جبهه می‌روم",  # I go (روم is Rome)
])
def test_names_match_whole_words_only(text: str) -> None:
    assert found(text) == []


def test_diacritics_stay_inside_a_place_name() -> None:
    assert found("تِهران") == [("تِهران", "Tehran", "city")]


# People are not places: a title or a given name before, a surname or ibn/al after
@pytest.mark.parametrize("text", [
    "Samuel Jordan", "Mr. Jordan said", "Dr. Jordan", "Jordan Peterson said", "Queen Victoria",
    "Gen. Washington", "George Washington", "Nur al-Din swore allegiance", "President Santos",
    "Vladimir Putin", "آقای شهریار", "خانم بهار", "دکتر داراب", "سرهنگ داراب",
    "ریاست جمهوری احمدی نژاد", "محسن ایران نژاد",  # surname endings written apart
])
def test_people_are_not_places(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("talks in Jordan ended", [("Jordan", "Jordan", "country")]),
    ("Mr. Secretary-General.\nRussia supports", [("Russia", "Russia", "country")]),  # no title
    ("حزب‌الله لبنان", [("لبنان", "Lebanon", "country")]),  # الله is not a title
])
def test_places_next_to_people_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


# Historical and variant names: name_en is today's name, surface what was written
@pytest.mark.parametrize(("text", "surface", "name_en"), [
    ("He reached Tauris in 1890.", "Tauris", "Tabriz"),
    ("the khanate of Erivan", "Erivan", "Yerevan"),
    ("pilgrims at Meshed", "Meshed", "Mashhad"),
    ("the road from Resht", "Resht", "Rasht"),
    ("landed at Enzeli", "Enzeli", "Bandar-e Anzali"),
    ("the emirate of Bokhara", "Bokhara", "Bukhara"),
    ("the consul at Trebizond", "Trebizond", "Trabzon"),
    ("the fall of Constantinople", "Constantinople", "Istanbul"),
    ("British troops in Basra", "Basra", "Basrah"),
    ("the terminal on Kharg Island", "Kharg Island", "Kharg Island"),
    ("tankers in the Gulf", "Gulf", "Persian Gulf"),
    ("ancient Mesopotamia", "Mesopotamia", "Mesopotamia"),
    ("across Transcaucasia", "Transcaucasia", "South Caucasus"),
    ("Russian rule in Turkestan", "Turkestan", "Turkestan"),
    ("the battle of Stalingrad", "Stalingrad", "Volgograd"),
    ("تاجران هشترخان", "هشترخان", "Astrakhan"),
    ("شهر مرو", "مرو", "Merv"),
    ("جنگ ایران و عثمانی", "عثمانی", "Ottoman Empire"),
    ("سفیر در قسطنطنیه", "قسطنطنیه", "Istanbul"),
])
def test_historical_names(text: str, surface: str, name_en: str) -> None:
    assert [(m.surface, m.name_en) for m in find_places(text) if m.surface == surface] == [(surface, name_en)]


@pytest.mark.parametrize("text", ["the Gulf of Mexico", "the Gulf War", "a gulf between them"])
def test_other_gulfs_are_not_the_persian_gulf(text: str) -> None:
    assert "Persian Gulf" not in [m.name_en for m in find_places(text)]


def test_every_name_fa_is_in_persian_letters() -> None:
    from iranru.mentions.gazetteer import is_persian, load_gazetteer

    gazetteer = load_gazetteer()
    names = {place.name_fa for place, _ in (*gazetteer.english.values(), *gazetteer.persian.values())}
    assert len(names) > 1000
    assert sorted(name for name in names if name and not is_persian(name)) == []


@pytest.mark.parametrize(("name", "persian"), [
    ("ایران", True), ("سوئد", True), ("خرم‌آباد", True), ("کره جنوبی", True),
    ("أصفهان", False), ("ئاشخاباد", False), ("جنجا", True), ("پاکستان", True),
    ("اصفہان", False), ("كابل", False), ("مدينة", False), ("astanٱ", False), ("sډny", False),
])
def test_is_persian(name: str, persian: bool) -> None:
    from iranru.mentions.gazetteer import is_persian

    assert is_persian(name) is persian


@pytest.mark.parametrize(("city", "name_fa"), [
    ("Isfahan", "اصفهان"), ("Ashgabat", "عشق‌آباد"), ("Madrid", "مادرید"), ("Paris", "پاریس"),
    ("Hamburg", "هامبورگ"), ("Jahrom", "جهرم"), ("Sydney", "سیدنی"), ("Astana", "آستانه"),
])
def test_city_names_in_persian(city: str, name_fa: str) -> None:
    from iranru.mentions.gazetteer import load_gazetteer

    (place,) = {place for place, _ in load_gazetteer().english.values()
                if place.name_en == city and place.kind == "city" and place.population > 100_000}
    assert place.name_fa == name_fa


def test_historical_rows_name_a_known_or_new_place() -> None:
    """A row without a kind adds a name to a place that exists by then (GeoNames, ours, or an
    earlier row), so no row silently creates a place of unknown kind."""
    from iranru.mentions.gazetteer import (
        Gazetteer,
        cities,
        countries,
        curated,
        read_csv,
    )

    gazetteer = Gazetteer()
    known = curated(gazetteer)
    countries(gazetteer, known)
    cities(gazetteer, known, Gazetteer())
    names = set(gazetteer.places_by_name())
    unknown = []
    for row in read_csv("places_historical.csv"):
        assert row["source"], row
        if row["kind"]:
            names.add(row["name_en"].casefold())
        elif row["name_en"].casefold() not in names:
            unknown.append(row["name"])
    assert unknown == []


def names_by_trying_every_length(tokens: list[Word], text: str) -> list[Candidate]:
    """longest_names as written before it knew which lengths each first word starts: every
    span from the gazetteer's longest down, at every word."""
    gazetteer = load_gazetteer()
    longest = max(*map(len, gazetteer.english), *(key.count(" ") + 1 for key in gazetteer.persian))
    persian = [persian_token(word) for word in tokens]
    joined = [not text[a.end : b.start].strip(" \u200c") for a, b in zip(tokens, tokens[1:], strict=False)]
    found, i = [], 0
    while i < len(tokens):
        if not tokens[i].key[:1].isalpha():
            i += 1
            continue
        reach = min(longest, len(tokens) - i)
        if persian[i]:
            run = 1
            while run < reach and persian[i + run] and joined[i + run - 1]:
                run += 1
            sizes = [(size, gazetteer.persian.get(" ".join(w.key for w in tokens[i : i + size])))
                     for size in range(run, 0, -1)]
        else:
            sizes = [(size, gazetteer.english.get(tuple(w.key for w in tokens[i : i + size])))
                     for size in range(reach, 0, -1) if not persian[i + size - 1]]
        hit = next((Candidate(i, i + size, *entry) for size, entry in sizes
                    if entry and tokens[i + size - 1].start - tokens[i].end <= 60 * size), None)
        if hit:
            found.append(hit)
        i = hit.last if hit else i + 1
    return found


def test_names_are_found_as_by_trying_every_length() -> None:
    """A word is passed over when it starts no name, and only the lengths of the names it starts
    are tried: the same names as trying every length, on the corpus and a natural sample."""
    natural = Path(__file__).resolve().parents[2] / "shared" / "bench" / "natural"
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    texts += [path.read_text(encoding="utf-8") for lang in ("fa", "en")
              for path in sorted((natural / lang).glob("*.txt"))[::30]]
    texts.append("اتحاد جماهیر شوروی و خاورمیانه و خاور میانه، "
                 "the Islamic Republic of Iran and Washington, D.C.")
    for text in texts:
        tokens = words(text)
        assert longest_names(tokens, text) == names_by_trying_every_length(tokens, text)
