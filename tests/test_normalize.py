"""Normalisation steps on real Persian and English, offsets back to the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iranru.normalize import align, base_steps, en, explain_changes, fa, normalize_text, original_span
from iranru.settings import NormalizeOptions

ZWNJ = "\u200c"
NO_REPAIR = NormalizeOptions(repair_zwnj=False)


@pytest.mark.parametrize(
    ("step", "text", "expected"),
    [
        (fa.unify_arabic_letters, "سياست خارجي كشور", "سیاست خارجی کشور"),  # Arabic yeh/kaf
        (fa.unify_arabic_letters, "ﷲ", "الله"),  # a one-character ligature spelled out
        (fa.strip_diacritics, "اِعلام کَرد", "اعلام کرد"),  # short vowels dropped
        (fa.strip_diacritics, "کاملاً", "کاملا"),  # tanvin
        (fa.strip_diacritics, "دورهٔ صفوی", "دوره صفوی"),  # hamza above, the ezafe mark
        (fa.strip_diacritics, "دنیـــا", "دنیا"),  # tatweel (kashida)
        (fa.remove_invisible_controls, "\u200fایران\u200e\ufeff", "ایران"),
        (fa.split_glued_digits, "ژوئیه ۱۹۴۵توسط کمیته", "ژوئیه ۱۹۴۵ توسط کمیته"),
        (fa.split_glued_digits, "دهه۱۹۶۰", "دهه ۱۹۶۰"),
        (fa.split_glued_digits, "قرن ۱۹ام", "قرن ۱۹ام"),  # an ordinal ending stays on its number
        (fa.split_glued_digits, "S-300 1945s", "S-300 1945s"),  # Latin untouched
        (fa.space_punctuation, "ایران ، روسیه ؟", "ایران، روسیه؟"),
        (fa.space_punctuation, "ایران،روسیه", "ایران، روسیه"),
        (fa.collapse_spaces, "  ایران \t  و   روسیه  \nبعد ", "ایران و روسیه\nبعد"),
        (fa.unify_line_breaks, "a\r\nb\rc\n", "a\nb\nc\n"),
        (en.fold_quotes_and_dashes, "Iran\u2019s \u201cfront\u201d 1980\u201388", "Iran's \"front\" 1980-88"),
        (en.fold_quotes_and_dashes, "Iran\u2014Russia", "Iran -- Russia"),
        (fa.digits_by_context, "سال 1813 م و S-۳۰۰", "سال ۱۸۱۳ م و S-300"),
        (fa.digits_by_context, "in ۱۹۴۵ and ۱۹۴۶", "in 1945 and 1946"),
        (fa.digits_to_latin, "۱۳۵۷ و ٢٠٢٢", "1357 و 2022"),
    ],
)
def test_each_step_on_real_text(step, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert step(text) == expected


def test_pipeline_keeps_one_output_line_per_input_line() -> None:
    text = "ایران  بیش\n\n   \nروسيه\n"
    assert normalize_text(text, NO_REPAIR) == "ایران بیش\n\n\nروسیه\n"


def test_pipeline_repairs_zwnj_of_the_corpus_damage() -> None:
    assert normalize_text("قدرتهای استعماری را میتوان دید") == (
        f"قدرت{ZWNJ}های استعماری را می{ZWNJ}توان دید"
    )


def test_analysis_pipeline_keeps_digits_as_written() -> None:
    assert normalize_text("۱۸۱۳ م و 1945", for_display=False) == "۱۸۱۳ م و 1945"


def test_alignment_maps_every_normalised_token_to_its_original_surface() -> None:
    original = "سياست  خارجيِ\u200f ايران،روسيه در ۱۹۴۵توسط “Russia”\u2014done"
    normalized = normalize_text(original, NO_REPAIR, for_display=False)
    assert normalized == 'سیاست خارجی ایران، روسیه در ۱۹۴۵ توسط "Russia" -- done'
    mapping = align(original, normalized)
    spans = {
        word: original_span(original, mapping, normalized.index(word), normalized.index(word) + len(word))
        for word in ("خارجی", "روسیه", "توسط", "Russia", "done")
    }
    assert {word: original[a:b] for word, (a, b) in spans.items()} == {
        "خارجی": "خارجيِ", "روسیه": "روسيه", "توسط": "توسط", "Russia": "Russia", "done": "done",
    }


def test_explain_lists_each_change_with_original_offsets_and_rule() -> None:
    changes = list(explain_changes("قدرتهای ي\nكتاب ها"))
    assert [(c.line, c.start, c.end, c.before, c.after, c.rule) for c in changes] == [
        (1, 4, 4, "", ZWNJ, "repair_zwnj"),
        (1, 8, 9, "ي", "ی", "unify_arabic_letters"),
        (2, 10, 11, "ك", "ک", "unify_arabic_letters"),
        (2, 14, 15, " ", ZWNJ, "repair_zwnj"),
    ]


def apply_changes(text: str, changes: list) -> str:  # type: ignore[type-arg]
    """The original with each row's span replaced by its `after`, right to left."""
    for change in sorted(changes, key=lambda change: change.start, reverse=True):
        assert text[change.start : change.end] == change.before
        text = text[: change.start] + change.after + text[change.end :]
    return text


@pytest.mark.parametrize("text", [
    # the writer places ZWNJs, so the joined second line is intended: no repair is listed (or made)
    "کتاب‌ها و قدرت‌های می‌رود\nقدرتهای",
    "قدرتهای ي\nكتاب ها  --  S-300 در سال ۱۹۴۵توسط\r\nمي رود",
    "Nov. 9, 2015 “no.”—said\u200f the U.S.   embassy",
])
def test_applying_the_explained_changes_gives_the_normalised_text(text: str) -> None:
    assert apply_changes(text, list(explain_changes(text))) == normalize_text(text)


def test_the_explanation_follows_the_whole_text_judgement_of_zwnj_damage() -> None:
    # one line alone looks damaged; the whole text shows a writer who places ZWNJs
    text = "کتاب‌ها و قدرت‌های می‌رود\nقدرتهای"
    assert [change.rule for change in explain_changes(text)] == []


persian_like = st.text(
    alphabet=st.sampled_from(
        list("ابپتثجچحخدرزسشکگلمنوهیيكۀة ًَُِّـ\u200c\u200f\n ۱۲3.,،؟abcXYZ\u2014\u201c")
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(persian_like)
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_alignment_is_monotone_and_inside_the_original(text: str) -> None:
    normalized = normalize_text(text, for_display=False)
    mapping = align(text, normalized)
    assert len(mapping) == len(normalized) + 1
    assert all(0 <= mapping[i] <= mapping[i + 1] <= len(text) for i in range(len(normalized)))


def test_inert_characters_are_left_alone_whatever_is_around_them() -> None:
    """map_changed_chunks maps only chunks with a character that is not inert, a ZWNJ next to
    no letter or a digit next to a letter: an inert character never changes on its own, and no
    two of them compose."""
    import unicodedata

    from iranru.normalize import chunk_steps

    inert = fa.inert_characters()
    assert [char for char in inert if char != fa.ZWNJ and chunk_steps(char) != char] == []
    assert [first + second for first in inert for second in inert
            if not unicodedata.is_normalized("NFC", first + second)] == []
    assert {"ی", "ک", "ا", "a", "Z", "۱", "1", "،", " ", "\n"} <= set(inert)
    assert not {"ي", "ك", "\u064e", "\u0654", "’", "\u200d", "\u0301"} & set(inert)


def test_quotes_and_dashes_are_replaced_alike_wherever_they_stand() -> None:
    """map_changed_chunks replaces them throughout instead of mapping their chunks: each, and
    what it becomes, is a character no canonical decomposition ends with and which takes no
    combining mark, so NFC leaves it as it is whatever is around it; it becomes inert
    characters, as chunk_steps makes it."""
    import sys
    import unicodedata

    from iranru.normalize import chunk_steps

    replacements = dict(fa.plain_replacements())
    assert replacements["’"] == "'" and replacements["“"] == '"' and replacements["—"] == " -- "
    assert len(replacements) == 17
    second_of_a_pair = {decomposition.split()[-1] for code in range(sys.maxunicode + 1)
                        if (decomposition := unicodedata.decomposition(chr(code)))
                        and not decomposition.startswith("<")}
    marks = [chr(code) for code in range(0x10000) if unicodedata.combining(chr(code))]
    inert = set(fa.inert_characters())
    for char, target in replacements.items():
        assert chunk_steps(char) == target and set(target) <= inert
        for each in {char, *target}:
            assert unicodedata.combining(each) == 0 and unicodedata.is_normalized("NFC", each)
            assert f"{ord(each):04X}" not in second_of_a_pair
            assert all(unicodedata.normalize("NFC", each + mark) == each + unicodedata.normalize("NFC", mark)
                       for mark in marks)


def test_only_the_chunks_that_change_are_mapped() -> None:
    text = "كتاب\u200c ۱۹۴۵توسط  Iran’s 1990s\nمی\u200cرود، word\u200c\u200cها ﷲ"
    assert base_steps(text) == "کتاب ۱۹۴۵ توسط Iran's 1990s\nمی\u200cرود، wordها الله"


@pytest.mark.parametrize("blank", ["\u205f", "\u2009", "\u3000", "\u202f", "\u00a0"])
def test_offsets_step_over_every_kind_of_blank_normalisation_removes(blank: str) -> None:
    text = f"{blank}1813{blank}{blank}Tabriz"
    normalized = normalize_text(text)
    assert normalized == "1813 Tabriz"
    mapping = align(text, normalized)
    assert original_span(text, mapping, 0, 4) == (1, 5)
    assert original_span(text, mapping, 5, 11) == (7, 13)
