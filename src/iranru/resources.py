"""The only place hazm, NLTK and simplemma objects are built: once each, lazily.

hazm's constructors read word lists from disk (about a second), so commands that never
tokenise never pay for them, and `iranru --help` stays instant.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

# Abbreviations whose full stop does not end an English sentence (lower case, no final dot).
ENGLISH_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt gen col lt capt maj sgt gov sen rep rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n u.s.s.r e.g i.e etc al vs cf ca c r d b fl ed eds trans vol vols nos
    p pp ch chap fig figs para sec art inc ltd co corp dept univ assn est approx
    a.d b.c
    """.split()
)


@functools.cache
def persian_word_tokenizer() -> Any:
    """hazm's tokenizer without joining verb parts, which is all its word list serves: an
    empty list saves reading it (half a second in every worker)."""
    import os

    import hazm

    return hazm.WordTokenizer(words_file=os.devnull, join_verb_parts=False)


@functools.cache
def hazm_word_counts() -> dict[str, int]:
    """hazm's words.dat as hazm reads it (a line is word, count, tags), each word with its
    highest count (a few words are listed twice)."""
    return hazm_words()[0]


@functools.cache
def hazm_word_classes() -> dict[str, frozenset[str]]:
    """The words of words.dat listed with word classes (N, AJ, PL for a plural…): lemmas of
    their own or plurals; the many listed without one ("0") are mostly inflected forms."""
    return hazm_words()[1]


@functools.cache
def hazm_words() -> tuple[dict[str, int], dict[str, frozenset[str]]]:
    """read_hazm_words, prebuilt (see iranru.prebuilt): reading words.dat takes 0.4 s."""
    from iranru.prebuilt import prebuilt

    return prebuilt("hazm_words", read_hazm_words)


def read_hazm_words() -> tuple[dict[str, int], dict[str, frozenset[str]]]:
    text = (resources.files("hazm") / "data" / "words.dat").read_text(encoding="utf-8")
    counts: dict[str, int] = {}
    classes: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        fields = line.strip().split("\t")
        if len(fields) == 3:
            if counts.get(fields[0], -1) < (count := int(fields[1])):
                counts[fields[0]] = count
            if fields[2] != "0":
                classes[fields[0]] = classes.get(fields[0], frozenset()) | set(fields[2].split(","))
    return counts, classes


@functools.cache
def hazm_verbs() -> tuple[str, ...]:
    """hazm's verb list, `past#present` a line (کرد#کن)."""
    text = (resources.files("hazm") / "data" / "verbs.dat").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


@functools.cache
def persian_sentence_boundary() -> Any:
    """hazm's sentence-final punctuation pattern, tried only where a run of such marks starts:
    hazm's own form backtracks over every position of a long run (quadratic on "....")."""
    import re

    import hazm

    pattern = hazm.SentenceTokenizer().pattern.pattern  # ([!.?⸮؟]+)[ \n]+
    marks = pattern[1 : pattern.index("]") + 1]
    return re.compile(f"(?<!{marks}){pattern}")


@functools.cache
def english_sentence_tokenizer() -> Any:
    """Punkt with our abbreviation list: no NLTK data download is ever needed."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    parameters = PunktParameters()
    parameters.abbrev_types = set(ENGLISH_ABBREVIATIONS)
    return PunktSentenceTokenizer(parameters)


@functools.cache
def english_break_in_word() -> Any:
    """Where Punkt may end a sentence with no white space: a sentence-final mark before a quote
    or bracket (`said "no."[12]`), in Punkt's own character classes."""
    import re

    language = english_sentence_tokenizer()._lang_vars
    return re.compile(f"{language._re_sent_end_chars}{language._re_non_word_chars}")


@functools.cache
def english_closing_run() -> Any:
    """Punkt's boundary realignment: closing quotes and brackets after a sentence-end mark,
    up to white space, `--` (not taken) or the end, which Punkt moves onto the sentence before."""
    import re

    realignment = english_sentence_tokenizer()._lang_vars.re_boundary_realignment
    return re.compile(realignment.pattern, re.MULTILINE)


def stopword_dir() -> Path:
    return Path(str(resources.files("iranru") / "stopwords"))


def read_word_list(path: Path) -> frozenset[str]:
    """One entry per line, `#` starts a comment line; blank lines ignored."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@functools.cache
def builtin_stopwords(lang: str) -> frozenset[str]:
    return read_word_list(stopword_dir() / f"{lang}.txt")
