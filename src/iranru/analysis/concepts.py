"""A bilingual concept list, so Persian and English texts can be compared on the same row.

`data/concepts.csv` has `concept,english,persian`, terms separated by `;`; a user file in the
same shape adds concepts or terms. Terms go through the pipeline like the texts and match by
lemma sequence, so `روسها`, `روس‌ها` and `Russians` are found whatever their spelling.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from iranru.analysis.grouping import counted_words, group_documents, in_one_sentence, per_10k, term_words
from iranru.errors import UsageError
from iranru.model import AnalyzedDocument, Token

if TYPE_CHECKING:
    import pandas as pd

CONCEPT_FIELDS = ("concept", "english", "persian")
TERM_SEPARATOR = ";"


@dataclass(frozen=True, slots=True)
class Concept:
    name: str
    terms: tuple[tuple[str, ...], ...]  # lemma sequences, longest first


def read_concept_rows(text: str, source: str) -> dict[str, list[str]]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or not set(CONCEPT_FIELDS) <= set(reader.fieldnames):
        raise UsageError(f"{source}: a concept list needs the columns {', '.join(CONCEPT_FIELDS)}")
    concepts: dict[str, list[str]] = {}
    for row in reader:
        name = (row["concept"] or "").strip()
        if name:
            terms = f"{row['english'] or ''}{TERM_SEPARATOR}{row['persian'] or ''}"
            concepts.setdefault(name, []).extend(
                term.strip() for term in terms.split(TERM_SEPARATOR) if term.strip()
            )
    return concepts


def lemma_sequence(term: str) -> tuple[str, ...]:
    return tuple(token.lemma for token in term_words(term))


def load_concepts(extra: Path | None = None) -> list[Concept]:
    """The shipped list, extended (same concept name: more terms) by `extra`."""
    shipped = resources.files("iranru.data").joinpath("concepts.csv").read_text(encoding="utf-8")
    rows = read_concept_rows(shipped, "concepts.csv")
    if extra is not None:
        try:
            text = Path(extra).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"{extra}: cannot read the concept list ({error})") from None
        for name, terms in read_concept_rows(text, str(extra)).items():
            rows.setdefault(name, []).extend(terms)
    concepts = []
    for name in sorted(rows):
        sequences = {lemma_sequence(term) for term in rows[name]} - {()}
        concepts.append(Concept(name, tuple(sorted(sequences, key=lambda seq: (-len(seq), seq)))))
    return concepts


def count_concepts(words: Sequence[Token], concepts: Sequence[Concept]) -> Counter[str]:
    """Occurrences per concept: the longest matching term at each place, inside a sentence,
    each word counted at most once per concept."""
    lemmas = [token.lemma for token in words]
    counts: Counter[str] = Counter()
    for concept in concepts:
        index = 0
        while index < len(words):
            for term in concept.terms:
                end = index + len(term)
                if tuple(lemmas[index:end]) == term and in_one_sentence(words, index, end - 1):
                    counts[concept.name] += 1
                    index = end
                    break
            else:
                index += 1
    return counts


def concept_counts(
    documents: Sequence[AnalyzedDocument], concepts: Sequence[Concept], lang: str | None = None
) -> tuple[Counter[str], int]:
    """Concept counts over the documents, and the number of words they are relative to."""
    counts: Counter[str] = Counter()
    size = 0
    for document in documents:
        words = counted_words(document, lang)
        counts.update(count_concepts(words, concepts))
        size += len(words)
    return counts, size


def concept_totals(
    documents: Sequence[AnalyzedDocument], concepts: Sequence[Concept], lang: str | None = None
) -> tuple[Counter[tuple[str, str]], dict[str, int]]:
    """concept_counts in keyness' shape: a concept is bilingual, so its language is "" and its
    rate relative to all words (of `lang`, if given)."""
    counts, size = concept_counts(documents, concepts, lang)
    return Counter({(name, ""): count for name, count in counts.items()}), {"": size}


def concept_rates(
    documents: Sequence[AnalyzedDocument], concepts: Sequence[Concept], lang: str | None = None,
    group_by: str | None = None,
) -> pd.DataFrame:
    """`concept`, then `per_10k_<doc>` for each document (or group): every concept's rate per
    10,000 words, so a Persian and an English text sit on the same row."""
    import pandas as pd

    groups = group_documents(documents, group_by or "doc")
    rates = {name: concept_counts(members, concepts, lang) for name, members in groups.items()}
    rows = [(concept.name, *(per_10k(rates[name][0][concept.name], rates[name][1]) for name in groups))
            for concept in concepts]
    return pd.DataFrame(rows, columns=["concept", *(f"per_10k_{name}" for name in groups)])
