"""Term frequencies with range and Gries' DP dispersion."""

from __future__ import annotations

import itertools
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from iranru.analysis.grouping import (
    check_group_by,
    counted_languages,
    counts_toward_rate,
    counts_toward_term,
    group_documents,
    group_name,
    per_10k,
    rule_mask,
    term_field,
)
from iranru.model import AnalyzedDocument, Document, Numbering, Vocabulary, WordCounts

if TYPE_CHECKING:
    import pandas as pd

FREQ_COLUMNS = ("term", "lang", "count", "per_10k", "docs", "dispersion")
DP_DIGITS = 12  # DP is rounded so that summing in another order never shows (8e-17 for 0)
SINGLE_DOCUMENT_PARTS = 10  # a lone document is cut into this many equal parts for DP

Term = tuple[str, str]  # (term, lang)


def gries_dp(part_counts: Sequence[int], part_sizes: Sequence[int]) -> float:
    """Normalised DP (Gries 2008; Lijffijt & Gries 2012): half the summed differences between
    each part's share of the term and its share of the corpus, divided by 1 - the smallest
    part share, so 0 means spread as evenly as the parts and 1 all in one (the smallest) part.
    NaN with fewer than two parts or no occurrence."""
    total, size = sum(part_counts), sum(part_sizes)
    if len(part_sizes) < 2 or not total or not size:
        return float("nan")
    shares = [part / size for part in part_sizes]
    dp = 0.5 * sum(abs(count / total - share) for count, share in zip(part_counts, shares, strict=True))
    return round(dp / (1 - min(shares)), DP_DIGITS)


def counted_mask(document: AnalyzedDocument, lang: str | None) -> bytes:
    """1 for each token a rate is relative to (see counts_toward_rate)."""
    table = document.table
    language = table.vocabulary.__getitem__
    return rule_mask(lambda word, lang_id: counts_toward_rate(word, language(lang_id), lang),
                     table.is_word, table.lang)


def term_mask(mask: bytes, stopwords: bytes, exclude_stopwords: bool) -> bytes:
    """1 for each counted token (`mask`) that counts toward its term (see counts_toward_term)."""
    def counts(counted: int, stopword: int) -> bool:
        return bool(counted) and counts_toward_term(bool(stopword), exclude_stopwords)

    return rule_mask(counts, mask, stopwords)


def term_counts(
    document: AnalyzedDocument, by: str, mask: bytes, exclude_stopwords: bool,
    span: tuple[int, int] | None = None,
) -> Counter[Term]:
    """(term, lang) counts over the token ids of the masked tokens (within `span`, if given)."""
    table = document.table
    keys = getattr(table, term_field(by))
    start, end = span or (0, len(table))
    kept = term_mask(mask[start:end], table.stopword[start:end], exclude_stopwords)
    counts = Counter(itertools.compress(zip(keys[start:end], table.lang[start:end], strict=True), kept))
    vocabulary = table.vocabulary
    return Counter({(vocabulary[key], vocabulary[lang]): count for (key, lang), count in counts.items()})


def term_totals(
    documents: Iterable[AnalyzedDocument], by: str, lang: str | None, exclude_stopwords: bool,
) -> tuple[Counter[Term], dict[str, int]]:
    """(term, lang) counts over the documents, and the words of each language they are
    relative to (stopwords included): what keyness compares."""
    totals: Counter[Term] = Counter()
    sizes: Counter[str] = Counter()
    for document in documents:
        for language in counted_languages(lang):
            mask = counted_mask(document, language)
            sizes[language] += mask.count(1)
            totals.update(term_counts(document, by, mask, exclude_stopwords))
    return totals, dict(sizes)


def equal_part_spans(mask: bytes, parts: int = SINGLE_DOCUMENT_PARTS) -> list[tuple[int, int]]:
    """Token spans holding min(parts, counted words) consecutive runs of (nearly) equal numbers
    of counted words."""
    positions = list(itertools.compress(range(len(mask)), mask))
    count = min(parts, len(positions))
    bounds = [index * len(positions) // count for index in range(count + 1)]
    return [(positions[low], positions[high - 1] + 1) for low, high in itertools.pairwise(bounds)]


@dataclass
class Translation:
    """A vocabulary's word types for one TermFrequencies: which of its counters' languages
    each is in (its slot, NO_SLOT for none), whether it counts towards a term (not an excluded
    stopword), and its key: the term id in its counter's numbering times the number of
    counters plus its slot (UNSEEN until a document has it, NOT_COUNTED for none)."""

    vocabulary: Vocabulary
    slots: Any  # numpy int8 array
    counted: Any  # numpy bool array
    keys: Any  # numpy int64 array


UNSEEN, NOT_COUNTED, NO_SLOT = -2, -1, -1
KEPT_TRANSLATIONS = 16  # vocabularies remembered: a pool's workers' each, a few chunks' own


class FrequencyCounter:
    """Term counts in one language (or all), reduced document by document: each document
    leaves two integer arrays (term ids and counts) behind, so a corpus streams through in
    constant memory per term. The one document counted while there is only one is kept, for
    DP over its parts: word counts lack token order, so a lone one is analysed again by
    `analyse_lone`. Word counts come through TermFrequencies, which reduces them once for all
    its counters."""

    def __init__(self, by: str = "lemma", lang: str | None = None, exclude_stopwords: bool = True,
                 analyse_lone: Callable[[Document], AnalyzedDocument] | None = None) -> None:
        self.by, self.lang, self.exclude_stopwords = by, lang, exclude_stopwords
        self.term_ids: Numbering[Term] = Numbering()
        self.counts: list[tuple[array, array]] = []  # per document: term ids, counts
        self.sizes: list[int] = []  # per document: words a rate is relative to
        self.lone: tuple[AnalyzedDocument, bytes] | Document | None = None
        self.analyse_lone = analyse_lone

    def add(self, document: AnalyzedDocument) -> None:
        mask = counted_mask(document, self.lang)
        if 1 not in mask:
            return
        self.record(self.compact(term_counts(document, self.by, mask, self.exclude_stopwords)),
                    mask.count(1), (document, mask))

    def record(self, counts: tuple[array, array], size: int,
               lone: tuple[AnalyzedDocument, bytes] | Document) -> None:
        """A document with `size` words in this counter's language, and its term counts."""
        self.counts.append(counts)
        self.sizes.append(size)
        self.lone = lone if len(self.sizes) == 1 else None

    def in_language(self, langs: Sequence[str]) -> bytes:
        """1 for each word type (of a vocabulary: words only) in this counter's language."""
        names: Numbering[str] = Numbering()
        codes = list(map(names.__getitem__, langs))
        values = list(names)
        return rule_mask(lambda code: counts_toward_rate(True, values[code], self.lang), codes)

    def compact(self, counts: Counter[Term]) -> tuple[array, array]:
        return array("I", map(self.term_ids.__getitem__, counts)), array("I", counts.values())

    def rows(self) -> list[tuple[str, str, int, float, int, float]]:
        """One row per (term, lang): count, rate per 10,000 words, range (documents containing
        it) and DP over the documents, or over equal parts of a lone document."""
        totals, docs = totals_and_range(self.counts, len(self.term_ids))
        parts, sizes = self.counts, self.sizes
        if isinstance(self.lone, Document):
            if self.analyse_lone is None:
                raise ValueError("a lone document's word counts need `analyse_lone` for DP")
            analysed = self.analyse_lone(self.lone)
            self.lone = (analysed, counted_mask(analysed, self.lang))
        if self.lone is not None:
            document, mask = self.lone
            spans = equal_part_spans(mask)
            parts = [self.compact(term_counts(document, self.by, mask, self.exclude_stopwords, span))
                     for span in spans]
            sizes = [mask[start:end].count(1) for start, end in spans]
        total_words = sum(sizes)
        dispersion = dispersions(parts, sizes, totals)
        rows = [
            (term, term_lang, totals[index], per_10k(totals[index], total_words), docs[index],
             dispersion[index])
            for index, (term, term_lang) in enumerate(self.term_ids)
        ]
        rows.sort(key=lambda row: (-row[2], row[0], row[1]))
        return rows


def totals_and_range(parts: Sequence[tuple[array, array]], terms: int) -> tuple[list[int], list[int]]:
    """Each term's count and the number of parts containing it, by numpy over all parts at once."""
    import numpy as np

    ids, counts = concatenated(parts)
    return (np.bincount(ids, weights=counts, minlength=terms).astype(np.int64).tolist(),
            np.bincount(ids, minlength=terms).tolist())


def concatenated(parts: Sequence[tuple[array, array]]) -> tuple[Any, Any]:
    """All parts' term ids and counts as two numpy arrays, part after part."""
    import numpy as np

    if not parts:
        return np.zeros(0, np.int64), np.zeros(0, np.float64)
    return (np.concatenate([np.frombuffer(ids, np.uintc) for ids, _ in parts]).astype(np.int64),
            np.concatenate([np.frombuffer(counts, np.uintc) for _, counts in parts]).astype(np.float64))


def dispersions(parts: Sequence[tuple[array, array]], sizes: Sequence[int], totals: Sequence[int],
                ) -> list[float]:
    """Gries' DP of every term from the parts that contain it (see `gries_dp`): a part
    without the term adds its whole share to the sum of differences. numpy's ufunc.at adds and
    subtracts in input order, part after part: the sums are those of a loop over the parts."""
    import numpy as np

    if len(parts) < 2 or not sum(sizes):
        return [float("nan")] * len(totals)
    shares = [size / sum(sizes) for size in sizes]
    ids, counts = concatenated(parts)
    part_shares = np.repeat(np.array(shares), [len(part_ids) for part_ids, _ in parts])
    total = np.array(totals, np.float64)
    present, absent = np.zeros(len(totals)), np.ones(len(totals))
    np.add.at(present, ids, np.abs(counts / total[ids] - part_shares))
    np.subtract.at(absent, ids, part_shares)
    containing = np.bincount(ids, minlength=len(totals))
    scale = 0.5 / (1 - min(shares))
    return [
        round((found + (max(missing, 0.0) if inside < len(parts) else 0.0)) * scale, DP_DIGITS)
        if total else float("nan")
        for found, missing, inside, total in zip(present.tolist(), absent.tolist(), containing.tolist(),
                                                 totals, strict=True)
    ]


class TermFrequencies:
    """Term counts of a corpus (or group), each language apart: a term's rate and DP are
    relative to the words of its own language (a Persian term per 10,000 Persian words), so
    in a mixed corpus `--lang` changes only which terms are listed, never their figures."""

    def __init__(self, by: str = "lemma", lang: str | None = None, exclude_stopwords: bool = True,
                 analyse_lone: Callable[[Document], AnalyzedDocument] | None = None) -> None:
        self.by, self.exclude_stopwords = by, exclude_stopwords
        self.counters = [FrequencyCounter(by, language, exclude_stopwords, analyse_lone)
                         for language in counted_languages(lang)]
        self.translations: dict[int, Translation] = {}  # by vocabulary, the last few

    def add(self, document: AnalyzedDocument | WordCounts) -> None:
        if isinstance(document, WordCounts):
            self.add_word_counts(document)
            return
        for counter in self.counters:
            counter.add(document)

    def add_word_counts(self, counted: WordCounts) -> None:
        """As `add` over the token table (see `counted_mask`, `term_counts`): a word in a
        counter's language counts towards its size, and unless it is an excluded stopword,
        towards its (term, lang). Each word type of a vocabulary is looked at once, when a
        document first has it (documents sent together share theirs); a document is then a
        few numpy operations, once for all languages."""
        import numpy as np

        translation = self.translation_of(counted.vocabulary)
        types = np.frombuffer(counted.type_indices, np.uintc)
        counts = np.frombuffer(counted.type_counts, np.uintc).astype(np.int64)
        slots = translation.slots[types]
        in_lang = slots != NO_SLOT
        several = len(self.counters)
        sizes = np.bincount(slots[in_lang], weights=counts[in_lang], minlength=several).tolist()
        if not any(sizes):
            return
        keys = translation.keys
        terms = keys[types]
        unseen = types[terms == UNSEEN]
        if len(unseen):
            keys[unseen] = NOT_COUNTED
            counted_types = unseen[translation.counted[unseen]]
            norms, lemmas, langs, _ = translation.vocabulary
            terms_of = {"norm": norms, "lemma": lemmas}[term_field(self.by)].__getitem__
            indices, type_slots = counted_types.tolist(), translation.slots[counted_types]
            numberings = map([counter.term_ids for counter in self.counters].__getitem__, type_slots.tolist())
            term_keys = zip(map(terms_of, indices), map(langs.__getitem__, indices), strict=True)
            term_ids = np.fromiter(map(Numbering.__getitem__, numberings, term_keys), np.int64, len(indices))
            keys[counted_types] = term_ids * several + type_slots
            terms = keys[types]
        kept = terms >= 0
        found, positions = np.unique(terms[kept], return_inverse=True)
        totals = np.bincount(positions, weights=counts[kept], minlength=len(found))
        found_slots = found % several
        for slot, (counter, size) in enumerate(zip(self.counters, sizes, strict=True)):
            if size:
                mine = found_slots == slot
                counter.record((array("I", (found[mine] // several).astype(np.uintc).tobytes()),
                                array("I", totals[mine].astype(np.uintc).tobytes())),
                               int(size), counted.document)

    def translation_of(self, vocabulary: Vocabulary) -> Translation:
        """The vocabulary's types as these counters see them; the last few are remembered (each
        worker's, or the chunk's the documents arriving together share), and extended if they
        have grown since."""
        import numpy as np

        translation = self.translations.get(id(vocabulary))
        if translation is None or translation.vocabulary is not vocabulary:
            translation = Translation(vocabulary, np.zeros(0, np.int8), np.zeros(0, bool),
                                      np.zeros(0, np.int64))
            self.translations[id(vocabulary)] = translation
            while len(self.translations) > KEPT_TRANSLATIONS:
                del self.translations[next(iter(self.translations))]
        _, _, langs, stops = vocabulary
        known = len(translation.keys)
        if len(langs) > known:  # new, or a process vocabulary that grew (documents counted here)
            new_langs, stop_flags = langs[known:], bytes(stops[known:])
            slots = np.full(len(new_langs), NO_SLOT, np.int8)
            counted = np.zeros(len(new_langs), bool)
            for slot, counter in enumerate(self.counters):  # languages apart: each type in one
                in_lang = counter.in_language(new_langs)
                slots[np.frombuffer(in_lang, bool)] = slot
                counted |= np.frombuffer(term_mask(in_lang, stop_flags, self.exclude_stopwords), bool)
            translation.slots = np.concatenate((translation.slots, slots))
            translation.counted = np.concatenate((translation.counted, counted))
            translation.keys = np.concatenate((translation.keys, np.full(len(new_langs), UNSEEN, np.int64)))
        return translation

    def rows(self) -> list[tuple[str, str, int, float, int, float]]:
        rows = [row for counter in self.counters for row in counter.rows()]
        rows.sort(key=lambda row: (-row[2], row[0], row[1]))
        return rows


def frequency_rows(
    documents: Iterable[AnalyzedDocument], by: str = "lemma", lang: str | None = None,
    exclude_stopwords: bool = True,
) -> list[tuple[str, str, int, float, int, float]]:
    """One row per (term, lang): count, rate per 10,000 words of its language, range
    (documents containing it) and DP over the documents, or over equal parts of a lone one."""
    frequencies = TermFrequencies(by, lang, exclude_stopwords)
    for document in documents:
        frequencies.add(document)
    return frequencies.rows()


def limit(rows: list, min_count: int, top: int | None, count_index: int = 2) -> list:
    kept = [row for row in rows if row[count_index] >= min_count]
    return kept if top is None else kept[:top]


def frequency_table(
    documents: Iterable[AnalyzedDocument | WordCounts], by: str = "lemma", lang: str | None = None,
    exclude_stopwords: bool = True, min_count: int = 1, top: int | None = None,
    group_by: str | None = None, analyse_lone: Callable[[Document], AnalyzedDocument] | None = None,
) -> pd.DataFrame:
    """`term, lang, count, per_10k, docs, dispersion`, with a leading `group` column when
    grouped (rates, range and DP are then within the group and the term's language; --top
    applies per group).
    `documents` may be a stream: each is counted and let go. Word counts need `analyse_lone`
    for a group of one document."""
    counters: dict[str, TermFrequencies] = {}
    columns_seen: set[str] = set()
    for document in documents:
        columns_seen.update(document.document.meta)
        name = group_name(document, group_by) if group_by else ""
        if name not in counters:
            if not counters:  # the worker processes are forked by now, and busy: pandas is
                import pandas  # noqa: F401  imported while they work, not after them
            counters[name] = TermFrequencies(by, lang, exclude_stopwords, analyse_lone)
        counters[name].add(document)
    check_group_by(group_by, columns_seen)
    rows: list[tuple] = []
    for name in sorted(counters):
        found = limit(counters[name].rows(), min_count, top)
        rows.extend((name, *row) if group_by else row for row in found)
    columns = ["group", *FREQ_COLUMNS] if group_by else list(FREQ_COLUMNS)
    import pandas as pd  # only now: worker processes forked while the documents stream need none

    return pd.DataFrame(rows, columns=columns)


def frequency_by_group(
    documents: Sequence[AnalyzedDocument], by: str = "lemma", lang: str | None = None,
    exclude_stopwords: bool = True, min_count: int = 1, top: int | None = None,
    group_by: str | None = None,
) -> pd.DataFrame:
    """The wide table spreadsheets want: `term, lang, count`, then one count column per
    document (or per group)."""
    import pandas as pd

    groups = group_documents(documents, group_by or "doc")
    counts: dict[str, Counter[Term]] = {}
    for name, members in groups.items():
        counts[name] = Counter()
        for document in members:
            counts[name].update(term_counts(document, by, counted_mask(document, lang), exclude_stopwords))
    totals: Counter[Term] = Counter()
    for counter in counts.values():
        totals.update(counter)
    rows = [(term, term_lang, count, *(counts[name][(term, term_lang)] for name in groups))
            for (term, term_lang), count in totals.items()]
    rows.sort(key=lambda row: (-row[2], row[0], row[1]))
    return pd.DataFrame(limit(rows, min_count, top), columns=["term", "lang", "count", *groups])
