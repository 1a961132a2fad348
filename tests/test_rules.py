"""Each rule is stated once; where a fast path uses a prefiltered or per-type form of it, that
form agrees with the rule as written, on real text (the corpus, and natural text when
../shared is beside this clone) and on generated text."""

from __future__ import annotations

import functools
from array import array
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CORPUS, ENGLISH_SENTENCE, PERSIAN_SENTENCE
from iranru import wordcounts
from iranru.analysis.freq import TermFrequencies, counted_mask, term_counts
from iranru.analysis.grouping import (
    counted_words,
    counts_toward_rate,
    counts_toward_term,
    rule_mask,
    term_key,
)
from iranru.language import ARABIC_LETTERS, EN, FA, LATIN_LETTERS
from iranru.model import AnalyzedDocument, Document
from iranru.normalize import normalize_text
from iranru.tokens import analyze_document, sentence_language, stopword_sets
from iranru.wordcounts import count_words

NATURAL = Path(__file__).resolve().parents[2] / "shared" / "bench" / "natural"
NATURAL_FILES = 12  # natural documents whose lines join the corpus' as real examples


@functools.cache
def real_lines() -> list[str]:
    """The lines of the corpus and of a fixed sample of natural text, normalised as the token
    rules see them."""
    paths = sorted(CORPUS.glob("*.txt"))
    if NATURAL.is_dir():
        natural = sorted(NATURAL.glob("*/*.txt"))
        paths += natural[:: max(1, len(natural) // NATURAL_FILES)]
    lines = []
    for path in paths:
        text = normalize_text(path.read_text(encoding="utf-8"), None, for_display=False)
        lines += [line for line in text.split("\n") if line.strip()]
    return lines


# Marks and pieces that decide where sentences end and which language a letterless one takes.
PIECES = [
    ".", "..", "...", "…", "!", "?", "؟", "⸮", ";", ":", "،", "«", "»", '"', "'", ")", "(", "]", "[",
    "--", "-", "”", "’", ".'", '."', "*", "[12]", "[۳]", "1813", "۱۸۱۳", "٢٠", "3.14",
    " ", " ", "  ", "\t", "\u00a0",
    "Iran", "Nov", "U.S", "e.g", "Dr", "said", "ایران", "روسیه", "است", "و", "کتاب‌ها", "x@b.co", "é",
]
generated_line = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)
real_line = st.deferred(lambda: st.sampled_from(real_lines()))
# a real line, with generated marks and words before and after it
line_of_real_text = st.tuples(generated_line, real_line, generated_line).map("".join)
any_line = st.one_of(generated_line, line_of_real_text)


def first_letter(line: str, letters: object) -> int | None:
    found = letters.search(line)  # type: ignore[attr-defined]
    return None if found is None else found.start()


def counted_by(line: str, lang: str | None, last_lang: str) -> Counter:
    """The word keys of one line: read in chunks as a run in `lang` (None: sentence by
    sentence, the exact way), in a fresh counting state."""
    tally = wordcounts.Tally(stopword_sets(None), wordcounts.CountingState())
    if lang is None:
        wordcounts.count_line(line, last_lang, tally)
    else:
        wordcounts.count_run(line, 0, len(line), lang, tally)
    columns = tally.vocabulary.columns
    return Counter({tuple(column[number] for column in columns): count
                    for number, count in tally.type_counts().items()})


@given(any_line, st.sampled_from([FA, EN]))
def test_a_line_taken_in_one_language_counts_as_read_sentence_by_sentence(line: str, last_lang: str) -> None:
    """single_language's prefilters (sentence_end_marks before the first letter, Punkt's
    closing run for breaks inside a chunk, the language of a one-script line) against the
    rules they stand for: when it names a language, counting the line's chunks in it gives
    the words of its sentences."""
    line = line.replace("\n", " ")
    lang = wordcounts.single_language(line, last_lang, first_letter(line, ARABIC_LETTERS),
                                      first_letter(line, LATIN_LETTERS))
    if lang is not None:
        assert counted_by(line, lang, last_lang) == counted_by(line, None, last_lang)


@pytest.mark.parametrize("line", [
    "… Iran", "⸮ ایران", "۱۸۱۳. آمد", "1813! Tabriz", "Tabriz.'--Iran", 'He said "no." Then Iran.',
    "Nov.[12] Iran", "said 'no.'  --Iran", "said 'no.'--Iran",
])
def test_lines_around_sentence_marks_count_as_their_sentences(line: str) -> None:
    for last_lang in (FA, EN):
        lang = wordcounts.single_language(line, last_lang, first_letter(line, ARABIC_LETTERS),
                                          first_letter(line, LATIN_LETTERS))
        if lang is not None:
            assert counted_by(line, lang, last_lang) == counted_by(line, None, last_lang)


def test_the_sentence_end_marks_are_the_splitters_own() -> None:
    assert wordcounts.sentence_end_marks() == frozenset(".!?؟⸮")


@given(any_line, st.sampled_from([ARABIC_LETTERS, LATIN_LETTERS]))
def test_a_text_in_one_script_has_the_language_of_any_of_its_letters(line: str, other: object) -> None:
    """single_language names a one-script line's language by its first letter alone."""
    text = other.sub("", line)  # type: ignore[attr-defined]
    letters = [char for char in text if ARABIC_LETTERS.match(char) or LATIN_LETTERS.match(char)]
    for letter in letters[:1] + letters[-1:]:
        assert sentence_language(letter) == sentence_language(text)


# The analysis rules: what counts toward a rate and toward a term, on token tables and on
# word-count vocabularies, against the rule applied token by token.

mixed_document = st.lists(st.one_of(real_line, generated_line), min_size=1, max_size=6).map("\n".join)
LANGS = st.sampled_from([None, FA, EN])


@functools.cache
def analysed(text: str) -> AnalyzedDocument:
    return analyze_document(Document("t.txt", "t.txt", text, "utf-8"))


def check_table_rules(document: AnalyzedDocument, lang: str | None, exclude: bool, by: str) -> None:
    tokens = document.tokens
    rate = [counts_toward_rate(token.is_word, token.lang, lang) for token in tokens]
    assert counted_mask(document, lang) == bytes(rate)
    assert counted_words(document, lang) == [token for token, counted in zip(tokens, rate, strict=True)
                                             if counted]
    expected = Counter((term_key(token, by), token.lang)
                       for token, counted in zip(tokens, rate, strict=True)
                       if counted and counts_toward_term(token.stopword, exclude))
    assert term_counts(document, by, counted_mask(document, lang), exclude) == expected


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda path: path.name)
def test_the_counting_rules_on_the_corpus(path: Path) -> None:
    document = analysed(path.read_text(encoding="utf-8"))
    for lang in (None, FA, EN):
        for exclude in (True, False):
            check_table_rules(document, lang, exclude, "lemma")


@given(mixed_document, LANGS, st.booleans(), st.sampled_from(["lemma", "word"]))
def test_the_table_masks_apply_the_counting_rules_token_by_token(
    text: str, lang: str | None, exclude: bool, by: str,
) -> None:
    check_table_rules(analysed(text), lang, exclude, by)


@given(mixed_document, LANGS, st.booleans())
def test_the_word_count_translation_applies_the_counting_rules_type_by_type(
    text: str, lang: str | None, exclude: bool,
) -> None:
    """Each type's slot is the counter whose language it counts toward (-1: none), and it
    counts toward a term as the rule says."""
    counted = count_words(Document("t.txt", "t.txt", text, "utf-8"))
    frequencies = TermFrequencies("lemma", lang, exclude)
    translation = frequencies.translation_of(counted.vocabulary)
    _, _, langs, stops = counted.vocabulary
    rates = [[counts_toward_rate(True, type_lang, counter.lang) for counter in frequencies.counters]
             for type_lang in langs]
    assert translation.slots.tolist() == [rate.index(True) if True in rate else -1 for rate in rates]
    assert translation.counted.tolist() == [True in rate and counts_toward_term(stop, exclude)
                                            for rate, stop in zip(rates, stops, strict=True)]


@given(st.lists(st.tuples(st.integers(0, 1), st.integers(0, 300))),
       st.dictionaries(st.tuples(st.integers(0, 1), st.integers(0, 300)), st.booleans()))
def test_a_rule_mask_is_the_rule_row_by_row(rows: list[tuple[int, int]], verdicts: dict) -> None:
    """A flag column as bytes and an id column as an array, as token tables hold them."""
    def rule(flag: int, number: int) -> bool:
        return verdicts.get((flag, number), False)

    columns = (bytes(flag for flag, _ in rows), array("I", [number for _, number in rows]))
    assert rule_mask(rule, *columns) == bytes(rule(*row) for row in rows)


def test_the_counting_rules_by_hand() -> None:
    document = analysed(f"{PERSIAN_SENTENCE}\n{ENGLISH_SENTENCE}")
    words = counted_words(document, EN)
    assert [token.norm for token in words][:4] == ["on", "nov.", "9", "2015"]
    assert "12" not in [token.norm for token in words]  # a note reference is no word
    assert counts_toward_rate(True, "en", None) and not counts_toward_rate(False, "en", None)
    assert not counts_toward_rate(True, "fa", "en")
    assert counts_toward_term(True, False) and not counts_toward_term(True, True)
