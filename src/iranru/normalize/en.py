"""English normalisation steps: typographic variants folded so counts do not split."""

from __future__ import annotations

from iranru.normalize.tables import compile_table

QUOTES_AND_DASHES = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark (and apostrophe)
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash, as in 1980–88
        "\u2212": "-",  # minus sign
        "\u2014": " -- ",  # em dash separates clauses, never joins words
        "\u2015": " -- ",
    }
)


fold_typography = compile_table(QUOTES_AND_DASHES)


def fold_quotes_and_dashes(text: str) -> str:
    return fold_typography(text)
