"""Which documents a report groups together and which tokens it counts."""

from __future__ import annotations

from collections.abc import Sequence

from iranru.errors import UsageError
from iranru.model import AnalyzedDocument, Token, WordCounts

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


def counted_words(document: AnalyzedDocument, lang: str | None) -> list[Token]:
    """The word tokens a rate is relative to: every word (stopwords too) in `lang`."""
    return [token for token in document.words if lang is None or token.lang == lang]


def term_key(token: Token, by: str) -> str:
    return token.lemma if by == "lemma" else token.norm


def sentence_runs(document: AnalyzedDocument, lang: str | None) -> list[list[Token]]:
    """Runs of consecutive word tokens that n-grams and collocation windows may span: a run
    ends at a sentence boundary and, with a language filter, at a word in another language."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    sentence = None
    for token in document.words:
        if token.sentence != sentence or (lang is not None and token.lang != lang):
            if current:
                runs.append(current)
            current = []
            sentence = token.sentence
        if lang is None or token.lang == lang:
            current.append(token)
    if current:
        runs.append(current)
    return runs


def per_10k(count: int, total: int) -> float:
    return count * 10_000 / total if total else 0.0
