"""Precision and recall of `find_places` on natural text, against our own judgements.

tests/data/places_regression.csv holds 510 mentions found in ../shared/bench/natural (the texts
belong to their publishers and stay there): file, offsets, surface and a judgement — `place`
(with the expected `name_en`), `not_place`, or `optional` (a place name inside an
organisation, club or event name, which MENTIONS.md lets us report or not). The sample is
changed rows between the old and the new finder, rows both found, and random rows of the new
finder. Skipped when ../shared is not there."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from iranru.mentions.places import find_places
from tests.conftest import ROOT

NATURAL = ROOT.parent / "shared" / "bench" / "natural"
JUDGED = ROOT / "tests" / "data" / "places_regression.csv"

pytestmark = pytest.mark.skipif(not NATURAL.is_dir(), reason="../shared/bench/natural is not here")


def judged_rows() -> list[dict[str, str]]:
    with JUDGED.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def found_around(text: str, start: int, end: int) -> dict[tuple[int, int], str]:
    """Places in the lines around a span (evidence is local; whole documents are slow)."""
    left = text.rfind("\n", 0, max(start - 300, 0)) + 1
    right = text.find("\n", end + 300)
    right = len(text) if right < 0 else right
    return {(left + m.start, left + m.end): m.name_en for m in find_places(text[left:right])}


def scores(lang: str) -> tuple[float, float]:
    """Precision and recall: a `place` row is found with its span and name_en; a `not_place`
    row found at its span, or a `place` row found with another name, is a false positive."""
    by_file: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in judged_rows():
        if row["lang"] == lang:
            by_file[row["file"]].append(row)
    true_positive = false_positive = false_negative = 0
    for name, rows in sorted(by_file.items()):
        text = (NATURAL / lang / name).read_text(encoding="utf-8")
        for row in rows:
            span = (int(row["start"]), int(row["end"]))
            found = found_around(text, *span)
            assert text[span[0] : span[1]] == row["surface"], (name, span)  # the texts are unchanged
            if row["judgement"] == "place":
                if found.get(span) == row["name_en"]:
                    true_positive += 1
                else:
                    false_negative += 1
                    false_positive += span in found
            elif row["judgement"] == "not_place":
                false_positive += span in found
    return (true_positive / max(true_positive + false_positive, 1),
            true_positive / max(true_positive + false_negative, 1))


def test_the_set_is_large_enough() -> None:
    rows = judged_rows()
    assert len(rows) >= 500
    assert sum(row["judgement"] == "place" for row in rows) >= 300
    assert {row["lang"] for row in rows} == {"fa", "en"}
    assert all(Path(row["file"]).name == row["file"] for row in rows)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_precision_and_recall_on_natural_text(lang: str) -> None:
    precision, recall = scores(lang)
    print(f"places {lang} on natural text: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.97 and recall >= 0.97
