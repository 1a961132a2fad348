"""Sentences, tokens, lemmas, languages and stopwords, with spans into the original."""

from __future__ import annotations

import importlib
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iranru.model import Document
from iranru.settings import TokenOptions
from iranru.tokens import analyze_document, lemmatize
from tests.conftest import ENGLISH_SENTENCE, PERSIAN_SENTENCE, write

# `iranru.tokens` is also the public `tokens()` report (PEP 562), so the module is taken by name
tokens_module = importlib.import_module("iranru.tokens")

ZWNJ = "\u200c"


def analyse(text: str, **options):  # type: ignore[no-untyped-def]
    document = Document("t.txt", "t.txt", text, "utf-8")
    return analyze_document(document, token_options=TokenOptions(**options))


def test_english_abbreviations_do_not_end_sentences_and_footnotes_are_not_words() -> None:
    result = analyse(ENGLISH_SENTENCE)
    assert result.sentence_count == 2
    assert [(t.surface, t.sentence) for t in result.words] == [
        ("On", 1), ("Nov.", 1), ("9", 1), ("2015", 1), ("the", 1), ("U.S.", 1), ("embassy", 1),
        ("in", 1), ("Tehran", 1), ("said", 1), ("no", 1), ("Russia", 2), ("agreed", 2),
    ]
    footnote = [t for t in result.tokens if t.surface == "12"]
    assert [(t.is_word, t.start, t.end) for t in footnote] == [(False, 54, 56)]


def test_persian_tokens_are_repaired_lemmatised_and_point_at_the_damaged_original() -> None:
    result = analyse(PERSIAN_SENTENCE)
    rows = [(t.surface, t.norm, t.lemma, t.stopword) for t in result.words]
    assert rows == [
        ("روسیه", "روسیه", "روسیه", False),
        ("در", "در", "در", True),
        ("شمال", "شمال", "شمال", False),
        ("کاملاً", "کاملا", "کاملا", True),  # tanvin dropped in norm, kept in the surface
        ("بیرقیب", f"بی{ZWNJ}رقیب", f"بی{ZWNJ}رقیب", False),
        ("بود", "بود", "بود#باش", True),  # UD PerDT: بود and باشد are one verb
        ("و", "و", "و", True),
        ("قدرتهای", f"قدرت{ZWNJ}های", "قدرت", False),
        ("دیگر", "دیگر", "دیگر", True),
        ("را", "را", "را", True),
        ("میتوان", f"می{ZWNJ}توان", "#توان", True),  # impersonal "one can": PerDT writes #توان
        ("نام", "نام", "نام", False),
        ("برد", "برد", "برد#بر", False),  # "named" (نام برد): the verb, its commoner reading
    ]
    assert all(PERSIAN_SENTENCE[t.start : t.end] == t.surface for t in result.tokens)


@pytest.mark.parametrize(
    ("word", "lang", "lemma"),
    [
        (f"قدرت{ZWNJ}های", "fa", "قدرت"),
        (f"کرده{ZWNJ}بود", "fa", "کرد#کن"),  # participle + auxiliary, via hazm's کرده_بود
        (f"می{ZWNJ}کردند", "fa", "کرد#کن"),
        (f"می{ZWNJ}توان", "fa", "#توان"),  # impersonal "one can", as UD PerDT writes it
        ("م", "fa", "م"),  # the era marker after a year is not the verb ending "-am"
        ("countries", "en", "country"),
        ("was", "en", "be"),
        ("nov.", "en", "november"),
        ("United", "en", "united"),  # a capital keeps simplemma from reading "unite"
        ("Russians", "en", "russian"),
        ("1813", "", "1813"),
    ],
)
def test_lemmas(word: str, lang: str, lemma: str) -> None:
    assert lemmatize(word, lang) == lemma


def test_each_token_carries_its_own_language_and_latin_stays_whole_in_persian() -> None:
    result = analyse("موشک S-300 در ۱۹۴۵توسط روسیه فروخته شد. Russia sold it.")
    assert [(t.surface, t.norm, t.lang) for t in result.words] == [
        ("موشک", "موشک", "fa"), ("S-300", "s-300", "en"), ("در", "در", "fa"),
        ("۱۹۴۵", "1945", "fa"), ("توسط", "توسط", "fa"), ("روسیه", "روسیه", "fa"),
        ("فروخته", "فروخته", "fa"), ("شد", "شد", "fa"),
        ("Russia", "russia", "en"), ("sold", "sold", "en"), ("it", "it", "en"),
    ]
    assert result.language == "mixed"


def test_digit_scripts_count_as_one_number() -> None:
    result = analyse("۱۸۱۳ م و ١٨١٣ و 1813")
    assert [t.norm for t in result.words if t.norm.isdigit()] == ["1813", "1813", "1813"]


def test_extra_stopwords_file_is_added(tmp_path) -> None:  # type: ignore[no-untyped-def]
    stopfile = write(tmp_path / "stop.txt", "# mine\nRussia\nروسیه\n")
    result = analyse("Russia and روسیه agreed.", extra_stopwords=(stopfile,))
    assert [(t.surface, t.stopword) for t in result.words] == [
        ("Russia", True), ("and", True), ("روسیه", True), ("agreed", False),
    ]


def test_line_breaks_end_sentences_so_titles_stand_alone() -> None:
    result = analyse("Why the Alliance Will Backfire\n\nRussia and Iran met. They agreed.")
    assert result.sentence_count == 3


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتکیيهمی \u200c۱2.،؟!Ab[]\"\u2019\n-")), max_size=60))
def test_every_token_span_is_its_surface_in_the_original(text: str) -> None:
    result = analyse(text)
    assert all(text[t.start : t.end] == t.surface and t.start <= t.end for t in result.tokens)


def test_english_tokens_agree_with_nltk_on_the_corpus() -> None:
    """Our one-pass tokenizer against NLTKWordTokenizer as the oracle, sentence by sentence.
    The only differences: an initialism ending a sentence keeps its full stop (Ph.D.), where
    NLTK cuts it off as if it were the sentence's."""
    import difflib

    from nltk.tokenize import NLTKWordTokenizer

    from iranru.normalize import normalize_text
    from iranru.tokens import english_token_spans, sentence_spans
    from tests.conftest import CORPUS

    oracle = NLTKWordTokenizer()
    differences, sentences = [], 0
    for name in ("en_rubin_2022_russia_iran_alliance.txt", "en_foreign_policy_toward_russia_abstract.txt"):
        text = normalize_text((CORPUS / name).read_text(encoding="utf-8"), for_display=False)
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            ours = [text[a:b] for a, b in english_token_spans(sentence, start)]
            theirs = [sentence[a:b] for a, b in oracle.span_tokenize(sentence)]
            sentences += 1
            matcher = difflib.SequenceMatcher(None, theirs, ours, autojunk=False)
            differences += [
                (tuple(theirs[i1:i2]), tuple(ours[j1:j2]))
                for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
            ]
    assert sentences == 368
    assert differences == [
        (("S.A", "."), ("S.A.",)), (("I.B", "."), ("I.B.",)), (("Ph.D", "."), ("Ph.D.",)),
        (("M.A", "."), ("M.A.",)), (("B.S", "."), ("B.S.",)),
    ]


@pytest.mark.parametrize(
    ("sentence", "tokens"),
    [
        ("Iran's ties don't cannot", ["Iran", "'s", "ties", "do", "n't", "can", "not"]),
        ("the students' 'Alet views", ["the", "students", "'", "'", "Alet", "views"]),
        ("S-300s, 50,000-strong, 10:30 and -2", ["S-300s", ",", "50,000-strong", ",", "10:30", "and", "-2"]),
        ("anti-U.S. and U.S.-led... --yes", ["anti-U.S.", "and", "U.S.-led", "...", "--", "yes"]),
        ("see www.iran.ru/a, mail a.b@x.org!", ["see", "www.iran.ru/a", ",", "mail", "a.b@x.org", "!"]),
    ],
)
def test_english_tokenizer_rules(sentence: str, tokens: list[str]) -> None:
    from iranru.tokens import english_token_spans

    assert [sentence[a:b] for a, b in english_token_spans(sentence, 0)] == tokens


@pytest.mark.parametrize(
    ("sentence", "tokens"),
    [
        # hazm leaves the full stop on a number that ends a sentence: cut off, as in English
        ("روابط در سال 1813. بعد", ["روابط", "در", "سال", "1813", ".", "بعد"]),
        ("در سال ۱۸۱۳.", ["در", "سال", "۱۸۱۳", "."]),
        ("نسخهٔ 2.5 و 3.14.", ["نسخهٔ", "2.5", "و", "3.14", "."]),  # an inner full stop stays
        ("سال 1813.بعد", ["سال", "1813", ".", "بعد"]),
        ("ه.ش. و ...", ["ه", ".", "ش", ".", "و", "..."]),  # a run of full stops is one token
        # quotes of every kind, typographic or not, alone; hazm keeps ' and ‹ › on the word
        ("گفت ‘همکاری’ و 'جنگ'", ["گفت", "‘", "همکاری", "’", "و", "'", "جنگ", "'"]),
        ("‹ی› و „صلح“ و 〝ایران〞", ["‹", "ی", "›", "و", "„", "صلح", "“", "و", "〝", "ایران", "〞"]),
        ("«‘صلح’».", ["«", "‘", "صلح", "’", "»", "."]),
    ],
)
def test_persian_full_stops_and_quotes_are_tokens_of_their_own(sentence: str, tokens: list[str]) -> None:
    assert [token.surface for token in analyse(sentence).tokens] == tokens


@pytest.mark.parametrize(
    ("sentence", "tokens"),
    [
        ("He said ‘cooperation’ in 1813.", ["He", "said", "‘", "cooperation", "’", "in", "1813", "."]),
        ("‹no› and „yes“ and 〝so〞", ["‹", "no", "›", "and", "„", "yes", "“", "and", "〝", "so", "〞"]),
    ],
)
def test_english_quotes_of_every_kind_are_tokens_of_their_own(sentence: str, tokens: list[str]) -> None:
    assert [token.surface for token in analyse(sentence).tokens] == tokens


QUOTE_AND_STOP = set(tokens_module.QUOTE_MARKS + ".")
persian_pieces = st.lists(st.one_of(
    st.sampled_from([
        "همکاری", "ایران", "ی", "1813", "۱۸۱۳", "٢٠", "2.5", "ه", "ش", ".", "..", "،", "؟", "!", ":",
        "(", ")", "-", ZWNJ, *tokens_module.QUOTE_MARKS,
    ]),
    st.characters(categories=("P", "S"), max_codepoint=0xFFFF),  # any mark hazm may leave on a word
), max_size=12).map("".join)


def is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


@given(st.lists(persian_pieces, max_size=6).map(" ".join))
def test_no_persian_word_token_begins_or_ends_in_a_mark(text: str) -> None:
    """Whatever hazm does with marks glued to Persian words and numbers, every token with a
    letter is free of punctuation and symbols at its edges, a number ends in no full stop nor
    quote, and the tokens lose no character."""
    spans = list(tokens_module.persian_token_spans(text, 0))
    for start, end in spans:
        token = text[start:end]
        if any(char.isalpha() for char in token) and not re.search("[A-Za-z]", token):
            assert not is_mark(token[0]) and not is_mark(token[-1]), token
        if any(char.isalnum() for char in token):
            assert token[-1] not in QUOTE_AND_STOP and token[0] not in tokens_module.QUOTE_MARKS, token
    assert "".join(text[start:end] for start, end in spans) == text.replace(" ", "")


@pytest.mark.parametrize(
    ("sentence", "tokens"),
    [  # marks hazm leaves on a word, as natural Persian text has them
        ("*دقیقه و -ماسک", ["*", "دقیقه", "و", "-", "ماسک"]),
        ("شیراز- تهران و…", ["شیراز", "-", "تهران", "و", "…"]),
        ("صاحبنظران, _كه +گزارش", ["صاحبنظران", ",", "_", "كه", "+", "گزارش"]),
        ("#کایل_اشتباهی ۲۰٪", ["#", "کایل_اشتباهی", "۲۰", "٪"]),
        ("لیگ AFC، و بند 4. بعد", ["لیگ", "AFC", "،", "و", "بند", "4", ".", "بعد"]),
    ],
)
def test_persian_words_shed_every_mark_at_their_edges(sentence: str, tokens: list[str]) -> None:
    assert [token.surface for token in analyse(sentence).tokens] == tokens


def test_a_persian_number_at_a_sentence_end_is_counted_and_found_as_itself(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from iranru.cli import app

    path = write(tmp_path / "fa.txt", "معاهده در سال 1813. امضا شد و سال 1813 سال صلح بود.\n")
    runner = CliRunner()
    freq = runner.invoke(app, ["freq", str(path), "--format", "csv", "--no-cache", "--top", "2"])
    assert freq.stdout.splitlines() == ["term,lang,count,per_10k,docs,dispersion",
                                        "سال,fa,3,2500.0,1,0.818181818182",
                                        "1813,fa,2,1666.6666666666667,1,0.909090909091"]
    kwic = runner.invoke(app, ["kwic", "1813", str(path), "--format", "csv", "--no-cache"])
    assert [line.split(",")[1:5] for line in kwic.stdout.splitlines()] == [
        ["start", "end", "left", "match"], ["14", "18", "معاهده در سال", "1813"],
        ["34", "38", "معاهده در سال 1813. امضا شد و سال", "1813"]]


def test_a_long_line_is_cut_after_a_full_stop_else_at_white_space_never_inside_a_word() -> None:
    from iranru.tokens import bounded_spans

    text = "Iran won. Russia lost the war. ایران پیروز شد؟ " + "x" * 30
    assert [text[a:b] for a, b in bounded_spans(text, 0, len(text), 40)] == [
        "Iran won. Russia lost the war. ", "ایران پیروز شد؟ " + "x" * 30,
    ]
    spaced, long_word = "ab cd ef gh", "abcdefgh ij"
    assert [spaced[a:b] for a, b in bounded_spans(spaced, 0, 11, 4)] == ["ab ", "cd ", "ef ", "gh"]
    assert [long_word[a:b] for a, b in bounded_spans(long_word, 0, 11, 4)] == ["abcdefgh", " ij"]


def test_a_document_analysed_in_segments_gives_the_tokens_of_the_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Huge documents are normalised a segment at a time; the cuts change no token. (A cut
    that finds no sentence end in the last half of a segment falls inside a sentence and
    starts a new sentence number: once per million characters at worst.)"""
    from iranru.ingest import read_documents
    from tests.conftest import CORPUS

    documents, _ = read_documents([str(CORPUS)])
    one_line = " ".join(document.text.replace("\n", " ") for document in documents)
    documents.append(Document("one_line", "one_line", one_line, "utf-8"))
    wholes = [analyze_document(document) for document in documents]
    monkeypatch.setattr(tokens_module, "SEGMENT_CHARS", 700)
    assert [len(list(tokens_module.segment_spans(document.text, 700))) for document in documents] == [
        15, 41, 5, 60]

    def fields(token):  # type: ignore[no-untyped-def]
        return token.start, token.end, token.surface, token.norm, token.lemma, token.lang, token.stopword

    for whole, document in zip(wholes, documents, strict=True):
        assert list(map(fields, analyze_document(document).tokens)) == list(map(fields, whole.tokens))


def test_zwnj_damage_is_judged_on_the_whole_document_even_in_segments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whether a text's joined words are a house style or lost ZWNJs is decided once per
    document: a segment with spaced damage alone must not repair the rest differently."""
    text = "او می رود و می شود\n" * 4 + "کتابها را خواندیم\n"  # spaced damage only: joined
    # words are this writer's style (see restore_zwnj), also in the last segment alone
    whole = [(t.start, t.end, t.norm, t.lemma) for t in analyse(text).tokens]
    monkeypatch.setattr(tokens_module, "SEGMENT_CHARS", 40)
    assert len(list(tokens_module.segment_spans(text, 40))) == 3
    assert [(t.start, t.end, t.norm, t.lemma) for t in analyse(text).tokens] == whole
    assert [norm for _, _, norm, _ in whole if norm.startswith(("کتاب", "می"))] == [
        "می\u200cرود", "می\u200cشود"] * 4 + ["کتابها"]

