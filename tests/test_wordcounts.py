"""The fast word counts `freq` uses equal counting the token table, token rule for token rule."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CORPUS, ENGLISH_SENTENCE, PERSIAN_SENTENCE
from iranru.model import AnalyzedDocument, Document
from iranru.tokens import analyze_document
from iranru.wordcounts import count_words

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "fa"


def table_counts(analysed: AnalyzedDocument) -> dict[tuple[str, str, str, bool], int]:
    """The reference: word tokens of the table, by (norm, lemma, lang, stopword)."""
    return dict(Counter((token.norm, token.lemma, token.lang, token.stopword) for token in analysed.words))


def both(text: str) -> tuple[dict, dict]:
    document = Document("t.txt", "t.txt", text, "utf-8")
    return count_words(document).counts, table_counts(analyze_document(document))


def test_counts_of_a_mixed_text_with_notes_and_abbreviations() -> None:
    text = f"{PERSIAN_SENTENCE}\n{ENGLISH_SENTENCE}\n۱۸۱۳.\nسال ۱۸۱۳ و [۲] آمد."
    fast, reference = both(text)
    assert fast == reference
    assert fast[("u.s.", "u.s.", "en", False)] == 1
    assert fast[("قدرت‌های", "قدرت", "fa", False)] == 1
    assert fast[("1813", "1813", "en", False)] == 1  # a letterless line takes the language before
    assert fast[("1813", "1813", "fa", False)] == 1
    assert ("2", "2", "fa", False) not in fast and ("12", "12", "en", False) not in fast  # notes


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda path: path.name)
def test_counts_of_the_corpus(path: Path) -> None:
    fast, reference = both(path.read_text(encoding="utf-8"))
    assert fast == reference


@pytest.mark.skipif(not DEV.is_dir(), reason="no ../shared/dev data")
def test_counts_of_the_dev_sentences() -> None:
    for path in sorted(DEV.glob("*.txt")):
        fast, reference = both(path.read_text(encoding="utf-8"))
        assert fast == reference, path.name


PIECES = [
    "کتابهای", "میتوان", "می توان", "قدرت های", "ایران", "روسیه", "است", "بود", "و", "به", "را",
    "Iran", "Russia's", "U.S.", "Nov.", "don't", "students'", "'Alet", "e.g.", "S-300", "Dr", "etc.",
    "1813", "۱۸۱۳", "٢٠", "[12]", "[۳]", "(ع)", "۱۹۴۵توسط", "10:30", "50,000", "1980-88", "...", "..",
    ".", "!", "?", "؟", "،", "؛", ":", "«", "»", '"', "'", "-", "--", "—", "(", ")", "[", "]", "@", "/",
    "http://x.ir/a.", "www.x.com/(a).", "a@b.co", "x.@b.co", ".'", '."', ".)", ".[", "!(", ".«", "?”",
    "Россия", "é", "a\u00a0b", "x\x0by", "\u200c", "ي", "ك", "ـ", "ً",
    "1813.", "۱۸۱۳.", "3.14.", "‘همکاری’", "‹ی›", "'جنگ'", "„x“", "〝ایران〞", "«‘صلح’».", "۱۸۱۳.'",
    "*دقیقه", "-ماسک", "شیراز-", "صاحبنظران,", "_كه", "و…", "۲۰٪", "AFC،", "4.", "#کایل_اشتباهی",
    # English words whose lemma their neighbours decide, and the neighbours that decide it
    "her", "HER", "its", "Its", "meeting", "Meeting", "meeting,", "painting.", "means", "the", "was",
    "a", "of", "it", "them", "book", "U.S.", "her's", "(meeting)", "sharing", "for", "on", "first",
    "best", "biggest", "acting", "is", "thought", "copying", "scared", "they", "been", "that",
    "better", "do", "Cloaking",
]
mixed_text = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", " ", " ", "", "\n", "  ", ". ", "\t"])),
    max_size=40,
).map(lambda parts: "".join(piece + gap for piece, gap in parts))


@given(mixed_text)
def test_fast_counts_equal_the_token_table(text: str) -> None:
    fast, reference = both(text)
    assert fast == reference


lines_of_one_script = st.lists(st.sampled_from([
    "ایران و روسیه", "قدرتهای بزرگ", "۱۸۱۳.", "«ایران».", "(ع) آمد", "", "", "...", "؟ آری", "Iran",
    "Russia's ally.", '"No." Then Iran.', "Iran .'--Iran", "1813", "", ". Iran", "x.@b.co", "۱۸۱۳ Tabriz",
    "U.S. policy", "Dr. Rubin", "کتاب ها", "said 'no.'-- Iran", "a\u00a0b", "۱۸۱۳. آمد",
    "1813. Iran came", "۱۹۴۵! Tabriz", "در سال 1813. آمد", "او گفت ‘همکاری’ و ‹ی›",
    "the meeting", "was meeting her", "her book. Meeting them", "its a shame", "it means", "U.S. meeting",
]), max_size=30).map("\n".join)


@given(lines_of_one_script, st.sampled_from([0, 1, 2]))
def test_lines_of_one_script_are_taken_in_blocks_as_one_by_one(text: str, few: int) -> None:
    """A text with one script's letters on all but `few` lines is read in blocks between the
    lines that need looking at; the counts are the table's, as when read line by line."""
    from unittest import mock

    from iranru import wordcounts

    with mock.patch.object(wordcounts, "FEW_LINES", few):
        fast, reference = both(text)
    assert fast == reference


@pytest.mark.parametrize("text", [
    "Iran .'--Iran ",  # Punkt moves the quote onto the sentence before and breaks before --
    "Tabriz.)Iran", "said 'no.'-- Iran", 'said "no." Then Iran.', "a.« b", "Nov.[12] Iran",
    "a@b.cox.@b.co ",  # an e-mail address from the full stop on: the cut drops no token
])
def test_sentence_breaks_inside_a_chunk_are_counted_as_the_table_does(text: str) -> None:
    fast, reference = both(text)
    assert fast == reference


@pytest.mark.parametrize("text", [
    "The meeting was held.\nI was meeting her and her friend.",  # the neighbours decide
    "meeting\nthe meeting\nwas\nmeeting them",  # ...but only on the same line
    "Its a shame. its roof and its. was meeting. Meeting them",  # a sentence break between
    "We met Dr. Meeting and U.S. painting them.", "it means\tthat it means", "نشست meeting her",
    "Join us for sharing, or copying of the best tutoring.\nfor\nsharing\nthe first\nmeeting",
    "I wasn't acting. Is acting\nfreedom of thought. the biggest shipping",
    "they qualified. been\nscared the\nchildren; scared that they scared them",
    "We do better. do\nbetter; Cloaking himself, he left.\nCloaking",
])
def test_lemmas_in_context_are_counted_as_the_table_does(text: str) -> None:
    fast, reference = both(text)
    assert fast == reference
