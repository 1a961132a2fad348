"""Keyword in context: every match with its offsets into the original text.

Rows are data; cutting, colouring and right-to-left layout are the renderer's job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from iranru.analysis.grouping import counted_words, group_documents, in_one_sentence, term_key, term_words
from iranru.errors import UsageError
from iranru.model import AnalyzedDocument, Token

if TYPE_CHECKING:
    import pandas as pd

KWIC_COLUMNS = ("doc", "start", "end", "left", "match", "right")
SORTS = ("doc", "left", "right")
DEFAULT_WIDTH = 8
SPACES = re.compile(r"\s+")


def query_tokens(term: str) -> list[Token]:
    """The query through the same pipeline as the texts (see term_words): `ي/ك` become
    `ی/ک`, digits ASCII; a phrase is several words."""
    words = term_words(term)
    if not words:
        raise UsageError(f"'{term}' has no word to search for")
    return words


def node_lemmas(term: str) -> frozenset[str]:
    """The lemmas a one-word query stands for (collocations' --node)."""
    from iranru.tokens import lemmas_of

    return frozenset().union(*map(lemmas_of, query_tokens(term)))


def find_term(words: Sequence[Token], query: Sequence[Token], exact: bool) -> list[tuple[int, int]]:
    """(first, last) word indexes of every match: by lemma (any the query word may have in
    context: meeting finds meet and meeting), or by normalised form if exact, consecutive words
    of one sentence."""
    from iranru.tokens import lemmas_of

    by = "word" if exact else "lemma"
    wanted = [frozenset({term_key(token, by)}) if exact else lemmas_of(token) for token in query]
    size = len(wanted)
    return [
        (index, index + size - 1)
        for index in range(len(words) - size + 1)
        if all(term_key(words[index + offset], by) in wanted[offset] for offset in range(size))
        and in_one_sentence(words, index, index + size - 1)
    ]


def find_pattern(words: Sequence[Token], pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Words whose normalised form (lower case, unified letters, ASCII digits) the whole
    pattern matches."""
    return [(index, index) for index, token in enumerate(words) if pattern.fullmatch(token.norm)]


def context(text: str, start: int, end: int) -> str:
    return SPACES.sub(" ", text[start:end]).strip()


def concordance_rows(
    document: AnalyzedDocument, spans: Sequence[tuple[int, int]], width: int
) -> list[tuple[tuple, tuple]]:
    """(row, sort keys) per match; contexts are `width` words each side, as written."""
    words, text, name = document.words, document.document.text, document.document.name
    found = []
    for first, last in spans:
        before = words[max(0, first - width) : first]
        after = words[last + 1 : last + 1 + width]
        start, end = words[first].start, words[last].end
        left = context(text, before[0].start, start) if before else ""
        right = context(text, end, after[-1].end) if after else ""
        keys = (tuple(token.norm for token in reversed(before)), tuple(token.norm for token in after))
        found.append(((name, start, end, left, text[start:end], right), keys))
    return found


def concordance(
    documents: Sequence[AnalyzedDocument], term: str | None = None, regex: str | None = None,
    exact: bool = False, width: int = DEFAULT_WIDTH, sort: str = "doc", lang: str | None = None,
    top: int | None = None, group_by: str | None = None,
) -> pd.DataFrame:
    """KWIC_COLUMNS, `start`/`end` into the original text. `--sort left` orders by the word
    nearest the match, then the next one out; `right` likewise; ties by (doc, start)."""
    import pandas as pd

    if (term is None) == (regex is None):
        raise UsageError("give a TERM or --regex PATTERN (one of them)")
    if sort not in SORTS:
        raise UsageError(f"unknown sort '{sort}': use one of {', '.join(SORTS)}")
    if regex is not None:
        try:
            pattern = re.compile(regex, re.IGNORECASE)
        except re.error as error:
            raise UsageError(f"--regex '{regex}': {error}") from None
    else:
        query = query_tokens(term or "")
    rows: list[tuple] = []
    for name, members in group_documents(documents, group_by).items():
        found = []
        for document in members:
            words = counted_words(document, lang)
            spans = find_pattern(words, pattern) if regex is not None else find_term(words, query, exact)
            found.extend(concordance_rows(document, spans, width) if lang is None
                         else concordance_rows(document, remap(document, words, spans), width))
        if sort == "left":
            found.sort(key=lambda item: (item[1][0], item[0][0], item[0][1]))
        elif sort == "right":
            found.sort(key=lambda item: (item[1][1], item[0][0], item[0][1]))
        else:
            found.sort(key=lambda item: (item[0][0], item[0][1]))
        kept = [row for row, _ in found][:top] if top is not None else [row for row, _ in found]
        rows.extend((name, *row) if group_by else row for row in kept)
    columns = ["group", *KWIC_COLUMNS] if group_by else list(KWIC_COLUMNS)
    return pd.DataFrame(rows, columns=columns)


def remap(
    document: AnalyzedDocument, words: Sequence[Token], spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spans over a language-filtered word list back to indexes of all the document's words,
    so contexts still show the words in between."""
    index_of = {id(token): index for index, token in enumerate(document.words)}
    return [(index_of[id(words[first])], index_of[id(words[last])]) for first, last in spans]
