"""Terminal charts: every bin of a timeline's range, and each document told apart by colour,
or by character under NO_COLOR, with a legend line each."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from iranru.render.plots import (
    BAR_MARKERS,
    COLOURS,
    bin_years,
    plot_to_terminal,
    series_styles,
    timeline_data,
)

# a.txt mentions the 1830s and the 1880s, b.txt the 1850s: the decades between are empty
MENTIONS = pd.DataFrame({"doc": ["a.txt", "b.txt", "a.txt", "a.txt"],
                         "value": ["1832", "1856-03-01", "1885", "188"],
                         "year_from": [1832, 1856, 1885, 1880]})


def test_timeline_shows_every_decade_of_the_range_with_empty_ones_as_zero() -> None:
    decades, series = timeline_data(MENTIONS)
    assert decades == [1830, 1840, 1850, 1860, 1870, 1880]
    assert series == {"a.txt": [1, 0, 0, 0, 0, 2], "b.txt": [0, 0, 1, 0, 0, 0]}


@pytest.mark.parametrize(
    ("most_bins", "years", "bins"),
    [
        (6, 10, [1830, 1840, 1850, 1860, 1870, 1880]),
        (4, 20, [1820, 1840, 1860, 1880]),  # 1832 falls in 1820–1839
        (3, 50, [1800, 1850]),
    ],
)
def test_wider_bins_when_the_decades_do_not_fit(most_bins: int, years: int, bins: list[int]) -> None:
    assert bin_years(MENTIONS, most_bins) == years
    assert timeline_data(MENTIONS, years)[0] == bins


def test_each_series_gets_its_own_colour_or_character() -> None:
    assert series_styles(3, True, BAR_MARKERS) == [(COLOURS[0], "█"), (COLOURS[1], "█"), (COLOURS[2], "█")]
    assert series_styles(3, False, BAR_MARKERS) == [(None, "█"), (None, "░"), (None, "▒")]


def test_timeline_without_colour_has_a_legend_of_characters() -> None:
    stream = io.StringIO()
    plot_to_terminal(MENTIONS, "timeline", stream, width=60)
    text = stream.getvalue()
    assert "\x1b" not in text
    assert text.splitlines()[-2:] == ["  ██ a.txt", "  ░░ b.txt"]
    assert "░" in text.split("a.txt")[0]  # b.txt's bar is drawn in its own character


def test_timeline_with_colour_has_a_legend_of_colours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    stream = io.StringIO()
    plot_to_terminal(MENTIONS, "timeline", stream, width=60)
    legend = stream.getvalue().splitlines()[-2:]
    assert legend == [f"  \x1b[38;5;{COLOURS[0]}m██\x1b[0m a.txt",
                      f"  \x1b[38;5;{COLOURS[1]}m██\x1b[0m b.txt"]
    assert f"38;5;{COLOURS[1]}m" in stream.getvalue().split("a.txt")[0]


def test_dispersion_has_a_strip_and_a_legend_line_per_document() -> None:
    table = pd.DataFrame({"doc": ["b.txt", "a.txt", "a.txt"], "start": [5, 10, 400]})
    stream = io.StringIO()
    plot_to_terminal(table, "dispersion", stream, width=60)
    assert stream.getvalue().splitlines()[-2:] == ["  || 1 a.txt", "  ++ 2 b.txt"]
