"""Properties over arbitrary Unicode: nothing crashes, offsets always point at the surface,
normalisation is idempotent. `make fuzz` runs these with 10,000 examples each."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from iranru.model import Document
from iranru.normalize import explain_changes, normalize_text
from iranru.tokens import analyze_document

# Arbitrary Unicode, weighted towards what Persian and English text really contains.
persian_heavy = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكۀةأإؤئءآ")),
        st.sampled_from(list("ًٌٍَُِّْٰٔـ\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\ufeff")),
        st.sampled_from(list("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789")),
        st.sampled_from(list(" \n\r\t.,،؛؟!?:;«»\"'“”‘’—–-()[]")),
        st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")),
    ),
    max_size=120,
)


@given(persian_heavy)
def test_normalisation_is_idempotent_and_keeps_lines(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once.count("\n") == text.replace("\r\n", "\n").replace("\r", "\n").count("\n")


def skeleton(text: str) -> str:
    """What normalisation keeps of a text's characters, without spaces and ZWNJs (which ZWNJ
    repair moves) and case: letters unified, diacritics and invisible controls gone, quotes
    and dashes folded, digits in ASCII."""
    import unicodedata

    from iranru.normalize import fa

    text = fa.LONE_SURROGATE.sub("\ufffd", text)  # only a program can pass one: U+FFFD
    folded = fa.character_steps()(unicodedata.normalize("NFC", text)).translate(fa.DIGIT_TO_LATIN)
    return "".join(folded.lower().split()).replace("\u200c", "")


@given(persian_heavy)
@example("قدرتهاي استعماری را مي توان ديد")  # a ZWNJ restored across a space: one token
@example("Iran’s “no”—said ۱۹۴۵توسط")
@example("\u205f0")  # a typographic blank collapse_spaces removed: the token is the 0 after it
def test_each_token_is_the_original_text_at_its_offsets(text: str) -> None:
    """The token's counting form is what normalisation made of the original text at its
    offsets (not of its own surface, which is cut out with those same offsets)."""
    document = analyze_document(Document("fuzz.txt", "fuzz.txt", text, "utf-8"))
    last_end = 0
    for token in document.tokens:
        assert last_end <= token.start <= token.end <= len(text)
        assert skeleton(text[token.start : token.end]) == skeleton(token.norm), token
        last_end = token.end


@given(persian_heavy)
def test_applying_the_explained_changes_to_the_original_gives_the_normalised_text(text: str) -> None:
    rebuilt, done = [], 0
    for change in explain_changes(text):
        assert done <= change.start <= change.end <= len(text)
        assert text[change.start : change.end] == change.before
        rebuilt += [text[done : change.start], change.after]
        done = change.end
    assert "".join(rebuilt) + text[done:] == normalize_text(text)


@given(persian_heavy)
def test_date_and_place_mentions_point_at_their_surface(text: str) -> None:
    from iranru.mentions.dates import find_dates
    from iranru.mentions.places import find_places

    for mention in [*find_dates(text), *find_places(text)]:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.surface


# Text made of the pieces date and place patterns look for, so the extractors really fire.
mention_like = st.lists(
    st.sampled_from(
        ["۱۸۱۳", "1813", "م", "ش", "ه\u200c.ق", "ژوئیه", "ششم", "دی", "قرن", "نوزدهم", "دهه", "تا",
         "Nov.", "9,", "2015", "the", "1820s", "between", "and", "Winter", "r.", "1682-1725",
         "تبریز", "Tabriz", "روسیه", "Caspian", "Sea", "آذربایجان", "شوروی", "U.S.", "(", ")",
         ",", "،", "\n", "[12]", "pp.", "187-94"]
    ),
    max_size=30,
).map(" ".join)


@given(mention_like)
def test_mentions_in_dense_text_point_at_their_surface(text: str) -> None:
    from iranru.mentions.dates import find_dates
    from iranru.mentions.places import find_places

    for mention in [*find_dates(text), *find_places(text)]:
        assert text[mention.start : mention.end] == mention.surface


# the characters the one-table pass merges, and what sits around a ZWNJ
table_characters = st.text(alphabet=st.sampled_from(list("ﷲﻻ﷼ﷰ ًّ\u200cـ\u200e\ufeff—–“”’يك١2ا\n\t\u00a0،؟")),
                           max_size=60)


@given(st.one_of(persian_heavy, table_characters))
def test_base_steps_in_fewer_passes_equal_the_steps_one_by_one(text: str) -> None:
    from iranru.normalize import BASE_STEPS, base_steps

    expected = text
    for _, step in BASE_STEPS:
        expected = step(expected)
    assert base_steps(text) == expected


@given(st.one_of(persian_heavy, table_characters), st.one_of(persian_heavy, table_characters),
       st.sampled_from([" ", "\n"]))
def test_chunk_steps_never_look_across_a_space_or_a_line_break(left: str, right: str, gap: str) -> None:
    from iranru.normalize import chunk_steps, fa

    left, right = fa.unify_line_breaks(left), fa.unify_line_breaks(right)  # as base_steps does first
    assert chunk_steps(left + gap + right) == chunk_steps(left) + gap + chunk_steps(right)


@given(st.one_of(persian_heavy, table_characters))
def test_space_steps_equal_their_plain_regular_expressions(text: str) -> None:
    import re

    from iranru.normalize import fa

    blanks = "\t\u00a0\u2000-\u200b\u202f\u205f\u3000"
    collapsed = re.sub(f"[ {blanks}]{{2,}}|[{blanks}]", " ", text)
    assert fa.collapse_spaces(text) == re.sub(r"^[ \t]+|[ \t]+$", "", collapsed, flags=re.MULTILINE)
    unspaced = re.sub(r"(\S)[ \t]+(?=[،؛؟])", r"\1", text)
    assert fa.space_punctuation(text) == re.sub(f"([،؛؟])(?=[{fa.LETTER_CLASS}])", r"\1 ", unspaced)
