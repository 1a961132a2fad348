"""Place mentions: spellings, longest names, demonyms, ambiguous names, offsets."""

from __future__ import annotations

import pytest

from iranru.mentions.places import find_places
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
