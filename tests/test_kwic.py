"""KWIC: lemma matching through damaged spellings, offsets into the original, sorting."""

from __future__ import annotations

import pytest

from iranru.analysis.kwic import concordance
from iranru.errors import UsageError
from iranru.model import Document
from iranru.render.kwic import right_to_left_layout
from iranru.tokens import analyze_document

ZWNJ = "\u200c"
# The same plural three ways: ZWNJ lost, ZWNJ present, written with a space.
PERSIAN = f"قدرتهای بزرگ. قدرت{ZWNJ}های کوچک. قدرت ها آمدند. روسيه در ۱۹۲۰ رفت."
ENGLISH = "Russia and Iran. The Russians came. Iran agreed with Russia."


def analysed(name: str, text: str):  # type: ignore[no-untyped-def]
    return analyze_document(Document(name, name, text, "utf-8"))


def test_lemma_finds_every_spelling_as_written() -> None:
    table = concordance([analysed("fa.txt", PERSIAN)], "قدرت", width=1)
    assert table["match"].tolist() == ["قدرتهای", f"قدرت{ZWNJ}های", "قدرت ها"]
    assert all(PERSIAN[start:end] == match
               for start, end, match in zip(table["start"], table["end"], table["match"], strict=True))
    assert table["right"].tolist() == ["بزرگ", "کوچک", "آمدند"]  # context ends at a word


def test_a_word_whose_lemma_context_decides_is_found_in_each_reading() -> None:
    """`meeting` is the noun (lemma meeting) after a determiner and the verb (meet) before an
    object: a search for it finds both, and the verb's other forms."""
    doc = analysed("en.txt", "The meeting was long. They were meeting the minister. We met him.")
    assert concordance([doc], "meeting")["match"].tolist() == ["meeting", "meeting", "met"]
    assert concordance([doc], "the meeting")["match"].tolist() == ["The meeting"]
    assert concordance([doc], "meet")["match"].tolist() == ["meeting", "met"]  # the verb only


def test_letters_and_digits_compare_equal() -> None:
    doc = analysed("fa.txt", PERSIAN)
    assert concordance([doc], "روسیه")["match"].tolist() == ["روسيه"]  # Arabic yeh in the text
    assert concordance([doc], "1920")["match"].tolist() == ["۱۹۲۰"]


def test_exact_does_not_lemmatise() -> None:
    doc = analysed("fa.txt", PERSIAN)
    assert concordance([doc], "قدرت", exact=True).empty
    assert len(concordance([doc], "قدرتهای", exact=True)) == 2  # قدرت‌های is the same norm


def test_regex_phrase_and_width() -> None:
    doc = analysed("en.txt", ENGLISH)
    assert concordance([doc], regex="russ.*")["match"].tolist() == ["Russia", "Russians", "Russia"]
    table = concordance([doc], "agree with", width=2)
    assert table.values.tolist() == [["en.txt", 41, 52, "came. Iran", "agreed with", "Russia"]]


def test_sort_left_uses_the_nearest_word() -> None:
    doc = analysed("en.txt", "Iran met Russia. Armenia met Russia. Azerbaijan saw Russia.")
    table = concordance([doc], "Russia", width=2, sort="left")
    # nearest word first (met, met, saw), then the next one out (armenia < iran)
    assert table["left"].tolist() == ["Armenia met", "Iran met", "Azerbaijan saw"]
    by_right = concordance([doc], "Russia", width=2, sort="right")
    assert by_right["right"].tolist() == ["", ". Armenia met", ". Azerbaijan saw"]


def test_errors() -> None:
    doc = analysed("en.txt", ENGLISH)
    with pytest.raises(UsageError):
        concordance([doc])
    with pytest.raises(UsageError):
        concordance([doc], regex="(")


def test_persian_lines_swap_sides_in_the_table_view_only() -> None:
    table = concordance([analysed("fa.txt", PERSIAN), analysed("en.txt", ENGLISH)], regex="قدرت.*|iran",
                        width=1)
    shown = right_to_left_layout(table)
    persian = table["match"].str.startswith("قدرت")
    assert shown.loc[persian, "left"].tolist() == table.loc[persian, "right"].tolist()
    assert shown.loc[~persian, "left"].tolist() == table.loc[~persian, "left"].tolist()
