"""Which documents a report groups together and which tokens it counts."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from iranru.errors import UsageError
from iranru.model import AnalyzedDocument, Document, Token, WordCounts

LANGUAGES = ("fa", "en")


def counted_languages(lang: str | None) -> tuple[str, ...]:
    """The languages a report counts apart: `lang` alone, or every one (a term's rate is
    relative to the words of its own language)."""
    return (lang,) if lang else LANGUAGES
KEYS = ("lemma", "word")


def group_name(document: AnalyzedDocument | WordCounts, group_by: str) -> str:
    if group_by == "doc":
        return document.document.name
    if group_by == "language":
        return document.language
    return document.document.meta.get(group_by, "")


def group_documents(
    documents: Sequence[AnalyzedDocument], group_by: str | None
) -> dict[str, list[AnalyzedDocument]]:
    """Documents by `doc`, `language` or a metadata.csv column, groups in sorted order;
    no grouping is one group named ""."""
    if not group_by:
        return {"": list(documents)}
    check_group_by(group_by, {column for document in documents for column in document.document.meta})
    groups: dict[str, list[AnalyzedDocument]] = {}
    for document in documents:
        groups.setdefault(group_name(document, group_by), []).append(document)
    return {name: groups[name] for name in sorted(groups)}


def check_group_by(group_by: str | None, columns: set[str]) -> None:
    """`doc`, `language` or a metadata.csv column some document has."""
    if group_by and group_by not in ("doc", "language") and group_by not in columns:
        known = ", ".join(dict.fromkeys(["doc", "language", *sorted(columns)]))  # each once
        raise UsageError(f"cannot group by '{group_by}': use one of {known}")


def counts_toward_rate(is_word: bool, token_lang: str, lang: str | None) -> bool:
    """The rule for what a rate is relative to: every word (stopwords too) in `lang`, in any
    language with None. Token lists, token tables and word-count vocabularies all apply it
    (tables and vocabularies through `rule_mask`); nothing else states it."""
    return bool(is_word) and (lang is None or token_lang == lang)


def counts_toward_term(stopword: bool, exclude_stopwords: bool) -> bool:
    """The rule for whether a counted word counts toward its term, and whether n-grams and
    collocates may show it: unless it is a stopword and stopwords are left out."""
    return not (stopword and exclude_stopwords)


def rule_mask(rule: Callable[..., bool], *columns: Sequence[int]) -> bytes:
    """1 or 0 for each row of the parallel `columns` of small non-negative integers (flags,
    vocabulary ids): `rule` applied once to each combination of the values they hold (a
    handful), then looked up for every row by numpy."""
    import numpy as np

    codes = [np.frombuffer(column, np.uint8) if isinstance(column, bytes) else np.asarray(column, np.int64)
             for column in columns]
    if not len(codes[0]):
        return b""
    present = [np.flatnonzero(np.bincount(code)).tolist() for code in codes]
    verdicts = np.zeros([values[-1] + 1 for values in present], bool)
    for row in itertools.product(*present):
        verdicts[row] = rule(*row)
    return verdicts[tuple(codes)].tobytes()


def counted_words(document: AnalyzedDocument, lang: str | None) -> list[Token]:
    """The word tokens a rate is relative to (see counts_toward_rate)."""
    return [token for token in document.words if counts_toward_rate(token.is_word, token.lang, lang)]


def term_field(by: str) -> str:
    """The rule for what a term is: a word's lemma (by "lemma") or its norm (by "word"), as
    the name of the Token field and TokenTable column that holds it."""
    return "lemma" if by == "lemma" else "norm"


def term_key(token: Token, by: str) -> str:
    return getattr(token, term_field(by))


def term_words(term: str) -> list[Token]:
    """The words of a search term or concept term, read as any text is (normalised,
    tokenised, lemmatised): `قدرتهای`, `قدرت‌ها` and `قدرت ها` all become lemma `قدرت`."""
    from iranru.tokens import analyze_document

    return analyze_document(Document("<query>", "<query>", term, "utf-8")).words


def in_one_sentence(words: Sequence[Token], first: int, last: int) -> bool:
    """A phrase (a search term, a concept term) matches only inside one sentence."""
    return words[first].sentence == words[last].sentence


def sentence_runs(document: AnalyzedDocument, lang: str | None) -> list[list[Token]]:
    """Runs of consecutive word tokens that n-grams and collocation windows may span: a run
    ends at a sentence boundary and, with a language filter, at a word in another language."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    sentence = None
    for token in document.words:
        counted = counts_toward_rate(token.is_word, token.lang, lang)
        if token.sentence != sentence or not counted:
            if current:
                runs.append(current)
            current = []
            sentence = token.sentence
        if counted:
            current.append(token)
    if current:
        runs.append(current)
    return runs


def per_10k(count: int, total: int) -> float:
    return count * 10_000 / total if total else 0.0
