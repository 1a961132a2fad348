"""Tests for Persian ZWNJ repair (iranru.normalize.zwnj)."""

import functools
from collections.abc import Iterator

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from iranru.normalize import zwnj
from iranru.normalize.zwnj import ZWNJ, restore_zwnj
from tests.conftest import FA_DOC, ROOT

Z = ZWNJ

# (damaged input, exact expected output)
JOINED_CASES = [
    ("قدرتهای", f"قدرت{Z}های"),  # plural های after a joining letter
    ("بخشهای", f"بخش{Z}های"),
    ("جبهههای", f"جبهه{Z}های"),  # double ه: stem جبهه + های
    ("پرتغالیها", f"پرتغالی{Z}ها"),
    ("کتابهایشان", f"کتاب{Z}هایشان"),  # plural + possessive in one suffix
    ("میتوان", f"می{Z}توان"),  # durative prefix on a present stem
    ("نمیتوانند", f"نمی{Z}توانند"),  # negated durative
    ("برمیگردد", f"برمی{Z}گردد"),  # verbal particle بر fuses with می, ZWNJ after می
    ("میشدهاند", f"می{Z}شده{Z}اند"),  # two boundaries in one word
    ("کردهبود", f"کرده{Z}بود"),  # participle + auxiliary
    ("کردهاند", f"کرده{Z}اند"),  # participle + copula clitic
    ("جنوبیاش", f"جنوبی{Z}اش"),  # clitic after final ی
    ("خانهاش", f"خانه{Z}اش"),  # clitic after final ه
    ("بیرقیب", f"بی{Z}رقیب"),  # privative prefix
    ("مهمترین", f"مهم{Z}ترین"),  # superlative
    ("بزرگتر", f"بزرگ{Z}تر"),  # comparative
    ("قائممقام", f"قائم{Z}مقام"),  # lexicalised compound from hazm's lexicon
]

SPACED_CASES = [
    ("می توان", f"می{Z}توان"),
    ("کتاب ها", f"کتاب{Z}ها"),
    ("بندر ها", "بندرها"),  # ر never joins: the boundary needs no ZWNJ, just no space
    ("بزرگ تر", f"بزرگ{Z}تر"),
    ("می شده اند", f"می{Z}شده{Z}اند"),  # chains of spaced pieces
    ("رفته اند", f"رفته{Z}اند"),
    ("خانه ای", f"خانه{Z}ای"),  # "a house": ای after ه is the indefinite clitic
    ("بین المللی", f"بین{Z}المللی"),  # المللی is no word on its own
]

UNCHANGED_CASES = [
    "بندرها",  # ZWNJ is never written after non-joining ر
    f"کتاب{Z}ها",  # already correct
    "آنها",  # conventionally joined pronoun
    "بیشتر",  # lexicalised comparative
    "کیلومتر",  # loanword ending in تر
    "همچنین",
    "بزرگ است",  # standalone copula stays a separate word
    "کرده بود",  # analytic past perfect is written with a space in most texts
    "این که",  # phrase, although the lexicon lists این‌که
    "میز",  # "table": starts with می but is no verb
    "بیمار",  # "ill": starts with بی but is lexicalised
    "دنیای",  # دنیا + ezafe ی, not دنی + ای
    "کارهای",  # کار + های: ر does not join, so no ZWNJ either way
    "تنهایی",  # تنها + یی, not تن + هایی
    "داشتند",  # bare verb
    "S-300 و ۱۳۹۹",  # digits and Latin untouched
    "hello world, 2024!",
    "",
]


@pytest.mark.parametrize(("damaged", "expected"), JOINED_CASES)
def test_joined_words_are_split(damaged: str, expected: str) -> None:
    assert restore_zwnj(damaged) == expected


@pytest.mark.parametrize(("damaged", "expected"), SPACED_CASES)
def test_spaced_affixes_are_rejoined(damaged: str, expected: str) -> None:
    assert restore_zwnj(damaged) == expected


@pytest.mark.parametrize("text", UNCHANGED_CASES)
def test_correct_text_is_untouched(text: str) -> None:
    assert restore_zwnj(text) == text


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        (f"کتاب{Z}{Z}ها", f"کتاب{Z}ها"),  # doubled ZWNJ collapses
        (f"{Z}کتاب{Z} خوب", "کتاب خوب"),  # ZWNJ at word edges is junk
        (f"۱۲{Z}۳", "۱۲۳"),  # ZWNJ between digits is junk
    ],
)
def test_junk_zwnj_is_removed(damaged: str, expected: str) -> None:
    assert restore_zwnj(damaged) == expected


def test_sentence_in_both_damage_modes() -> None:
    correct = f"ایران بیش از تمام قدرت{Z}های استعماری دیگر را می{Z}توان دید."
    assert restore_zwnj(correct.replace(Z, "")) == correct
    assert restore_zwnj(correct.replace(Z, " ")) == correct
    assert restore_zwnj(correct) == correct


def test_a_join_may_start_in_the_chunk_the_last_one_ended_in() -> None:
    # "ها\nدفتر" ends one join and starts the next; joined words outnumber spaced pairs
    text = "قدرتهای میتوان کتابها کتاب ها\nدفتر ها"
    assert restore_zwnj(text) == f"قدرت{Z}های می{Z}توان کتاب{Z}ها کتاب{Z}ها\nدفترها"


def test_newlines_are_kept() -> None:
    assert restore_zwnj("میتوان\n\nکتابها\n") == f"می{Z}توان\n\nکتاب{Z}ها\n"


PERSIAN_PIECES = [
    "می", "نمی", "کتاب", "ها", "های", "خانه", "ای", "اش", "اند", "است", "بزرگ", "تر", "ترین",
    "توان", "کرده", "بود", "بندر", "بی", "رقیب", "جنوبی", "آنها", "بیشتر", "میز", "S-300", "۱۳۹۹",
]
text_strategy = st.lists(
    st.one_of(
        st.sampled_from(PERSIAN_PIECES),
        st.sampled_from([" ", Z, "\n", "، ", ". "]),
        st.text(alphabet="ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی\u200c \n", max_size=8),
    ),
    max_size=25,
).map("".join)


def skeleton(text: str) -> str:
    return text.replace(Z, "").replace(" ", "")


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_idempotent(text: str) -> None:
    once = restore_zwnj(text)
    assert restore_zwnj(once) == once


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_only_zwnj_and_spaces_change(text: str) -> None:
    assert skeleton(restore_zwnj(text)) == skeleton(text)


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_newline_count_preserved(text: str) -> None:
    assert restore_zwnj(text).count("\n") == text.count("\n")


# --- Document-level decisions ----------------------------------------------------------------

def test_text_that_uses_zwnj_is_trusted() -> None:
    # The writer places ZWNJs (قدرت‌ها، می‌توان) and writes دستشویی and سالها joined on
    # purpose; a damaged-text repair would split both.  Only the edge junk ZWNJ goes.
    text = f"قدرت{Z}ها می{Z}توان دستشویی سالها {Z}کتاب"
    assert restore_zwnj(text) == f"قدرت{Z}ها می{Z}توان دستشویی سالها کتاب"


def test_trusted_text_keeps_spaced_compounds() -> None:
    text = f"می{Z}روند و ایالات متحده را کتاب{Z}ها سه شنبه"
    assert restore_zwnj(text) == text


def test_text_without_zwnj_is_fully_repaired() -> None:
    assert restore_zwnj("قدرتهای دستشویی میتوان") == f"قدرت{Z}های دست{Z}شویی می{Z}توان"


def test_few_surviving_zwnjs_do_not_stop_the_repair() -> None:
    # One ZWNJ survived (کتاب‌ها) among several lost ones: still a damaged text.
    text = f"کتاب{Z}ها و قدرتهای بزرگتر میتوانند خانهاش"
    expected = f"کتاب{Z}ها و قدرت{Z}های بزرگ{Z}تر می{Z}توانند خانه{Z}اش"
    assert restore_zwnj(text) == expected


def test_damaged_document_with_one_zwnj_per_thousand_words() -> None:
    damaged_line = "قدرتهای بزرگتر میتوانند"
    lines = [damaged_line] * 300 + [f"کتاب{Z}ها"]  # ~1000 words, one surviving ZWNJ
    out = restore_zwnj("\n".join(lines)).split("\n")
    assert out[0] == f"قدرت{Z}های بزرگ{Z}تر می{Z}توانند"
    assert out[-1] == f"کتاب{Z}ها"


# Joins made only when the text shows spaced damage (standalone ها / می elsewhere in it).
SPACED_DOCUMENT_CASES = [
    ("سه شنبه", f"سه{Z}شنبه"),  # number + bound noun
    ("علاقه مندان", f"علاقه{Z}مندان"),  # derivational suffix
    ("سرمایه گذاران", f"سرمایه{Z}گذاران"),  # present stem + ان agent noun
    ("ستم دیدگان", f"ستم{Z}دیدگان"),  # plural participle
    ("شیطان اند", f"شیطان{Z}اند"),  # copula that never stands alone
    ("خانه شان", f"خانه{Z}شان"),  # plural clitic after ه
    ("می خیساند", f"می{Z}خیساند"),  # می + verb hazm does not know
    ("فردوسی پور", f"فردوسی{Z}پور"),  # family-name suffix
    ("رسول زاده", f"رسول{Z}زاده"),
    ("جمال لو", f"جمال{Z}لو"),
    ("دروازه بانی", f"دروازه{Z}بانی"),  # hazm lists it unattested, shekar's corpus writes it so
    # the joined word's repair cuts it here, and the right half is no free word
    ("اندوه بارترین", f"اندوه{Z}بارترین"),
    ("صاحب نظرانی", f"صاحب{Z}نظرانی"),
    ("دوست نماها", f"دوست{Z}نماها"),
    # a lexicon compound whose head takes the agents' plural or the abstract ی
    ("روزنامه نگاران", f"روزنامه{Z}نگاران"),
    ("برده فروشی", f"برده{Z}فروشی"),
    ("روان پزشکی", f"روان{Z}پزشکی"),
]


@pytest.mark.parametrize(("damaged", "expected"), SPACED_DOCUMENT_CASES)
def test_likely_joins_in_spaced_damaged_text(damaged: str, expected: str) -> None:
    context = "کتاب ها را می خوانند"
    assert restore_zwnj(f"{context} {damaged}") == f"کتاب{Z}ها را می{Z}خوانند {expected}"


@pytest.mark.parametrize(("damaged", "expected"), SPACED_DOCUMENT_CASES)
def test_no_likely_joins_in_joined_damaged_text(damaged: str, expected: str) -> None:
    # The spaces of a text whose ZWNJs were deleted (کتابها، میخوانند) are genuine.
    out = restore_zwnj(f"کتابها را میخوانند {damaged}")
    assert out == f"کتاب{Z}ها را می{Z}خوانند {damaged}"


def test_phrase_not_joined_when_spaces_are_genuine() -> None:
    assert restore_zwnj("قدرتهای ایالات متحده") == f"قدرت{Z}های ایالات متحده"


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("علاقهمندان", f"علاقه{Z}مندان"),  # derivational suffix after a known word
        ("کابوسوار", f"کابوس{Z}وار"),
        ("میخیساند", f"می{Z}خیساند"),  # unknown stem, verb-like ending
    ],
)
def test_joined_derivations(damaged: str, expected: str) -> None:
    assert restore_zwnj(damaged) == expected


# shekar's compound list (vendored data) supplies compounds hazm lacks; a pair of two free
# words is still left spaced, since shekar also lists phrases.
SHEKAR_SPACED_CASES = [
    ("هلی کوپتر", f"هلی{Z}کوپتر"),  # loanword, neither half a free word
    ("هم میهن", f"هم{Z}میهن"),  # compounding prefix هم
    ("شبه نظامیان", f"شبه{Z}نظامیان"),
    ("امام حسین", "امام حسین"),  # two free words: a phrase
    ("جمهوری اسلامی", "جمهوری اسلامی"),
]


@pytest.mark.parametrize(("damaged", "expected"), SHEKAR_SPACED_CASES)
def test_shekar_compounds_in_spaced_damaged_text(damaged: str, expected: str) -> None:
    context = "کتاب ها را می خوانند"
    assert restore_zwnj(f"{context} {damaged}") == f"کتاب{Z}ها را می{Z}خوانند {expected}"


def test_shekar_compound_split_in_joined_text() -> None:
    assert restore_zwnj("شبهنظامیان") == f"شبه{Z}نظامیان"


def test_joined_words_kept_in_purely_spaced_damaged_text() -> None:
    # ZWNJs became spaces (four sure joins), so the one joined plural is the house style.
    text = "کتاب ها را می خوانند و می نویسند و دفتر ها را می برند و بیماریهای"
    assert restore_zwnj(text).endswith(" بیماریهای")


def test_joined_words_split_when_writer_mixes_habits() -> None:
    # No ZWNJ key: می spaced but plurals joined; the joined plurals are still repaired.
    out = restore_zwnj("کتابها را می خوانند و بیماریهای")
    assert out == f"کتاب{Z}ها را می{Z}خوانند و بیماری{Z}های"


# Unknown joined words: shekar's ZWNJ spelling, titles after a name, bound elements (آور،
# آمیز، انگیز) after a known word.  Plurals of attested joined words stay joined.
@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("نابههنگام", f"نابه{Z}هنگام"),  # shekar's corpus spells it with a ZWNJ
        ("عباسمیرزا", f"عباس{Z}میرزا"),  # frequent name + title
        ("رسواییآور", f"رسوایی{Z}آور"),  # bound element after a known word
        ("غمانگیزی", f"غم{Z}انگیزی"),
        ("پژوهشگران", "پژوهشگران"),  # plural of the attested joined پژوهشگر
        ("ایرانیان", "ایرانیان"),
        ("ترکمنچای", "ترکمنچای"),  # unknown, but no title and no shekar ZWNJ spelling
        ("نامهات", f"نامه{Z}ات"),  # clitic ات after silent ه (a plural would drop the ه)
        ("مطالبات", "مطالبات"),  # Arabic plural in ات
    ],
)
def test_unknown_joined_words(damaged: str, expected: str) -> None:
    assert restore_zwnj(damaged) == expected


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("شبیه سازی", f"شبیه{Z}سازی"),  # attested lexicon compound
        ("نماز جمعه", "نماز جمعه"),  # unattested compound of two free words: a phrase
        ("واقع شدن", "واقع شدن"),  # light-verb infinitive stays apart
        ("ای کاش", "ای کاش"),  # vocative ای is a word of its own
        ("هیئت نمایندگان", "هیئت نمایندگان"),  # plural of the free word نماینده
        ("داشته باشد", "داشته باشد"),  # participle + auxiliary: a verb phrase
        ("جمهوری اسلامی", "جمهوری اسلامی"),  # the right half is a free word (اسلام + ی)
        ("ورزش زنان", "ورزش زنان"),  # زنان "women", not an agent noun of زدن
        ("سال گذشته", "سال گذشته"),  # shekar lists the phrase; both halves are free words
    ],
)
def test_spaced_pairs_in_spaced_damaged_text(damaged: str, expected: str) -> None:
    context = "کتاب ها را می خوانند"
    assert restore_zwnj(f"{context} {damaged}") == f"کتاب{Z}ها را می{Z}خوانند {expected}"


# --- The rule as written and its fast path -------------------------------------------------
# restore_zwnj cuts a text into chunks and asks for spaced joins only next to a word a key of
# the join tables accepts; restore_zwnj_by_words asks every pair of words. Real pairs come from
# hazm's word list, the shipped corpus and (when ../shared is there) natural news text.

NATURAL_FA = ROOT.parent / "shared" / "bench" / "natural" / "fa"


@functools.cache
def listed_words() -> list[str]:
    """hazm's word list, sorted so that examples replay."""
    from iranru.resources import hazm_word_counts

    return sorted(hazm_word_counts())


@functools.cache
def real_texts() -> list[str]:
    """The shipped Persian corpus and every 60th natural Persian document, normalised up to
    ZWNJ repair, one paragraph each."""
    from iranru.normalize import base_steps

    paths = [FA_DOC, *sorted(NATURAL_FA.glob("*.txt"))[::60]] if NATURAL_FA.is_dir() else [FA_DOC]
    return [line for path in paths for line in base_steps(path.read_text(encoding="utf-8")).split("\n")
            if zwnj.ANY_WORD_CHARACTER.search(line)]


@functools.cache
def real_pairs() -> list[tuple[str, str]]:
    """Neighbouring words of the real texts, as written and as repaired, and with their ZWNJs
    turned into spaces (the pieces of a spaced-damaged word)."""
    pairs: set[tuple[str, str]] = set()
    for text in real_texts():
        for version in (text, text.replace(Z, " ")):
            words = [zwnj.tidy_zwnj(word) for word in zwnj.WORD_RE.findall(version)]
            repaired = [zwnj.restore_word(word) for word in words]
            pairs.update(zip(words, words[1:], strict=False))
            pairs.update(zip(repaired, repaired[1:], strict=False))
    return sorted(pairs)


persian_word = st.text(alphabet="ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآ\u200c", min_size=1, max_size=9)
listed_word = st.deferred(lambda: st.sampled_from(listed_words()))
affix = st.sampled_from(sorted({*zwnj.PLURAL_SUFFIXES, *zwnj.COMPARATIVE_SUFFIXES, *zwnj.VOWEL_CLITICS,
                                *zwnj.DURATIVE_HEADS, *zwnj.DERIVATIONAL_SUFFIXES, *zwnj.NUMBER_WORDS,
                                *zwnj.NUMBER_COMPOUND_HEADS, *zwnj.SURNAME_SUFFIXES, "بی", "ضد", "هم"}))
any_word = st.one_of(listed_word, affix, persian_word)
word_pairs = st.one_of(st.deferred(lambda: st.sampled_from(real_pairs())), st.tuples(any_word, any_word))


@settings(max_examples=2000, deadline=None)
@given(word_pairs)
@example(("هم", "میهن"))  # a lexicon compound after a compounding prefix: a likely join
@example(("هلی", "کوپتر"))  # shekar's compound
@example(("بین", "المللی"))  # the bound half of a lexicon compound: a sure join
def test_the_prefilters_never_reject_a_pair_a_rule_joins(pair: tuple[str, str]) -> None:
    left, right = pair
    if zwnj.decide_join(zwnj.SURE_JOINS, left, right) is not None:  # the chunk path's flags
        assert zwnj.may_be_sure_left(left) or zwnj.may_be_sure_right(right)
    if zwnj.decide_join(zwnj.join_rules(likely=True), left, right) is not None:  # the word path's masks
        assert zwnj.word_join_mask(zwnj.LEFT, left) & zwnj.word_join_mask(zwnj.RIGHT, right)
    for likely in (False, True):  # the engine's decision, by the masks
        assert zwnj.spaced_joiner(left, right, likely) == zwnj.rule_as_written(left, right, likely)


def damaged(text: str, how: str) -> str:
    return {"joined": text.replace(Z, ""), "spaced": text.replace(Z, " "), "clean": text}[how]


# Words and separators that make every kind of ZWNJ repair and spaced join happen, in chains.
spaced_pieces = st.lists(
    st.sampled_from(["می", "نمی", "برمی", "ها", "های", "تر", "ترین", "ای", "ام", "اند", "است", "بین",
                     "المللی", "کتاب", "خانه", "رود", "شود", "قدرتهای", "میتوان", "قزقلاق", "هم",
                     "میهن", "سه", "شنبه", "علاقه", "مندان", "روزنامه", "نگاران", "بی", "رقیب",
                     "می\u200cرود", "\u200c", "\u200cها", "کتاب\u200c\u200cها", "،", "(", "۱۸۱۳", "x"]),
    max_size=14,
).flatmap(lambda words: st.lists(st.sampled_from([" ", " ", " ", "  ", "\n", "، ", ""]),
                                 min_size=len(words), max_size=len(words)).map(
    lambda gaps: "".join(word + gap for word, gap in zip(words, gaps, strict=True))))
# Runs of hazm's words (many carry a ZWNJ), damaged one way or another.
listed_runs = st.tuples(st.lists(st.one_of(listed_word, affix), max_size=12).map(" ".join),
                        st.sampled_from(["joined", "spaced", "clean"])).map(lambda run: damaged(*run))
real_paragraphs = st.tuples(st.deferred(lambda: st.sampled_from(real_texts())),
                            st.sampled_from(["joined", "spaced", "clean"])).map(lambda text: damaged(*text))
EVIDENCE = [None, (0, 0, 0), (9, 1, 1), (0, 1, 5), (0, 4, 1)]


@settings(max_examples=400, deadline=None)
@given(st.one_of(spaced_pieces, text_strategy, listed_runs, real_paragraphs), st.sampled_from(EVIDENCE))
@example("می\u200cرود،قدرتهای کتاب", None)  # one chunk: a word marked with a ZWNJ, one to split
@example("کتاب ها را می خوانند هم میهن", None)  # spaced damage: likely joins over the words
def test_repair_chunk_by_chunk_equals_the_repair_word_by_word(
        text: str, evidence: tuple[int, int, int] | None) -> None:
    expected, found = zwnj.restore_zwnj_by_words(text, evidence)
    assert restore_zwnj(text, evidence) == expected
    if zwnj.ANY_WORD_CHARACTER.search(text):
        assert zwnj.zwnj_evidence(text) == found


@pytest.mark.skipif(not NATURAL_FA.is_dir(), reason="needs ../shared/bench/natural")
@pytest.mark.parametrize("how", ["joined", "spaced", "clean"])
def test_natural_documents_repair_as_the_rule_reads(how: str) -> None:
    from iranru.normalize import base_steps

    for path in sorted(NATURAL_FA.glob("*.txt"))[::150]:
        text = damaged(base_steps(path.read_text(encoding="utf-8")), how)
        assert restore_zwnj(text) == zwnj.restore_zwnj_by_words(text)[0], path.name


@pytest.fixture
def forgetful() -> Iterator[None]:
    """Cached join decisions dropped before and after: a test changes a join table."""
    zwnj.forget_join_decisions()
    yield
    zwnj.forget_join_decisions()


def test_a_join_added_to_a_table_changes_both_paths(forgetful: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two joined words to split against one sure join: the text is not judged spaced-damaged,
    # so only sure joins are made, and هم میهن (a likely join) keeps its space ...
    text = "هم میهن قدرتهای کتاب ها خانهاش"
    before = f"هم میهن قدرت{Z}های کتاب{Z}ها خانه{Z}اش"
    assert restore_zwnj(text) == zwnj.restore_zwnj_by_words(text)[0] == before
    # ... until the compounding prefix هم makes a sure join with the lexicon's compounds.
    prefix = zwnj.SpacedJoin("compounding prefix هم", zwnj.LEFT, "هم".__eq__, zwnj.join_free_compound)
    monkeypatch.setattr(zwnj, "SURE_JOINS", (*zwnj.SURE_JOINS, prefix))
    zwnj.forget_join_decisions()
    after = f"هم{Z}میهن قدرت{Z}های کتاب{Z}ها خانه{Z}اش"
    assert zwnj.restore_zwnj_by_words(text)[0] == after
    assert restore_zwnj(text) == after


@pytest.mark.parametrize(
    ("left", "right", "sure", "likely"),
    [
        ("کتاب", "ها", Z, Z),
        ("بندر", "ها", "", ""),  # ر never joins: no ZWNJ
        ("بزرگ", "تر", Z, Z),
        ("بزرگ", "است", None, None),  # است stands alone
        ("خانه", "ای", Z, Z),
        ("می", "رود", Z, Z),
        ("بین", "المللی", Z, Z),
        ("هم", "میهن", None, Z),  # a compound of the lexicon after a prefix: likely only
        ("سه", "شنبه", None, Z),
        ("این", "که", None, None),  # a function word stays apart
        ("نماز", "جمعه", None, None),
        ("روزنامه", "نگاران", None, Z),  # روزنامه‌نگار + ان
        ("نگاه", "داریم", None, None),  # نگاه‌دار + a person ending is a verb phrase
    ],
)
def test_join_tables(left: str, right: str, sure: str | None, likely: str | None) -> None:
    assert zwnj.sure_joiner(left, right) == zwnj.spaced_joiner(left, right) == sure
    assert zwnj.rule_as_written(left, right, True) == zwnj.spaced_joiner(left, right, True) == likely
