"""Sentences, tokens, lemmas, languages and stopwords, with spans into the original."""

from __future__ import annotations

import importlib

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

