"""Word counts of a document without its token table: what `freq` needs, several times faster.

`freq` counts words; it needs no offsets, sentence numbers or token order. So a run of lines
whose sentences are surely all in one language is split at white space and each distinct chunk
is tokenised once, with the token rules of `tokens.py` (hazm's rule for Persian, NLTK's for
English); each word type is then described (norm, lemma, language, stopword) once. Lines that
mix scripts, or whose first sentence has no letter and so takes its language from the line
before, go through the sentence-by-sentence path of `tokens.py`. The result equals counting
the token table (a property test checks it).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from array import array
from collections import Counter
from collections.abc import Iterable

from iranru import resources
from iranru.language import ARABIC_LETTERS, EN, LATIN_LETTERS
from iranru.lemmas import NO_WORD, depends_on_context, neighbour_class
from iranru.model import Document, Vocabulary, WordCounts, WordKey
from iranru.settings import NormalizeOptions, TokenOptions
from iranru.tokens import (
    LANGUAGE_BEFORE_TEXT,
    MAX_SEGMENT,
    StopwordSets,
    context_lemmas,
    describe_in_context,
    describe_token,
    describe_word,
    english_token_spans,
    is_footnote_marker,
    normalized_segments,
    sentence_end_marks,
    sentence_language,
    sentences_of,
    stopword_sets,
    token_spans,
)

# Punkt may also end a sentence with no white space, after a sentence-end mark followed by a
# mark (`said "no."[12]`; see resources.english_break_in_word). If the mark starts a run of
# closing quotes and brackets up to white space, Punkt moves the break onto that space (its
# boundary realignment, resources.english_closing_run); before `--` it moves it to the end of
# the run. Elsewhere the break stays after the sentence-end mark. A line where such a break
# falls inside a token (`.'--Iran`, `http://x.ir/a.'Alet`) goes the exact way.


def count_words(
    document: Document,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
    state: CountingState | None = None,
) -> WordCounts:
    """Count the words `analyze_document` would find, without building its table. `state`:
    what the caller's process keeps from document to document (the engine's WorkerState has
    one), else a fresh one for this document alone."""
    tally = Tally(stopword_sets(token_options), state or CountingState())
    last_lang = LANGUAGE_BEFORE_TEXT
    for _, _, normalized, pieces in normalized_segments(document.text, normalize_options):
        last_lang = count_surfaces(normalized, last_lang, tally, pieces)
    types = tally.type_counts()
    return WordCounts(document, tally.vocabulary.columns, array("I", types), array("I", types.values()))


class ProcessVocabulary:
    """Every word key this process has counted, numbered: the chunk and surface caches map to
    these numbers, so a document is counted over small integers and its WordCounts share the
    columns (they only grow, so earlier documents' numbers stay right)."""

    def __init__(self, generation: int = 0) -> None:
        self.numbers: dict[WordKey, int] = {}
        self.columns: Vocabulary = ([], [], [], [])
        self.generation = generation

    def number(self, key: WordKey) -> int:
        number = self.numbers.get(key)
        if number is None:
            number = self.numbers[key] = len(self.numbers)
            for column, value in zip(self.columns, key, strict=True):
                column.append(value)  # type: ignore[attr-defined]
        return number


class CountingState:
    """What word counting keeps from document to document (the engine keeps one a process, for
    its whole life: engine/state.py): the vocabulary its counts are numbered in, and the
    numbers of the chunks and surfaces met in each sentence language. All of it starts afresh
    once the vocabulary has MAX_TYPES types, so a worker's memory stays bounded over any corpus."""

    def __init__(self) -> None:
        self.generations = itertools.count()
        self.restart()

    def restart(self, keep: int = 0) -> None:
        """A new vocabulary, and nothing known; with `keep`, the first `keep` surfaces and
        chunks met in each sentence language (as a rule the frequent ones: Zipf) carried over
        into it, so that they need not be worked out again."""
        old = self.__dict__.get("vocabulary")
        old_words, old_chunks = self.__dict__.get("word_keys", {}), self.__dict__.get("chunk_keys", {})
        self.vocabulary = ProcessVocabulary(next(self.generations))
        self.word_keys: dict[tuple[str, StopwordSets], dict[str, int | None]] = {}
        self.chunk_keys: dict[tuple[str, StopwordSets], ChunkKeys] = {}
        if keep and old is not None:
            self.carry_over(old, old_words, old_chunks, keep)

    def carry_over(self, old: ProcessVocabulary, words: dict[tuple[str, StopwordSets], dict[str, int | None]],
                   chunks: dict[tuple[str, StopwordSets], ChunkKeys], keep: int) -> None:
        renumbered: dict[int, int] = {}

        def renumber(number: int) -> int:
            new = renumbered.get(number)
            if new is None:
                new = renumbered[number] = self.vocabulary.number(
                    tuple(column[number] for column in old.columns))  # type: ignore[arg-type]
            return new

        for place, known in words.items():
            self.word_keys[place] = {surface: None if number is None else renumber(number)
                                     for surface, number in itertools.islice(known.items(), keep)}
        for place, met in chunks.items():
            kept = self.chunk_keys[place] = ChunkKeys(met.sentence_lang, met.stopwords, self)
            for chunk, value in itertools.islice(met.items(), keep):
                kept[chunk] = (None if value is None else Several(map(renumber, value))
                               if value.__class__ is Several else renumber(value))  # type: ignore[arg-type]
            kept.in_context = {chunk for chunk in met.in_context if chunk in kept}

    def current_vocabulary(self) -> ProcessVocabulary:
        """The vocabulary, started afresh first if it is full."""
        if len(self.vocabulary.numbers) >= MAX_TYPES:
            self.restart()
        return self.vocabulary


class Several(tuple):  # type: ignore[type-arg]
    """The word numbers of a chunk with more than one word (`Iran's` -> iran, 's)."""

    __slots__ = ()


class ChunkKeys(dict[str, "int | Several | None"]):
    """Chunk -> the number of its one word, Several numbers, or None (no word), for one
    sentence language and stopword lists; remembered per process, up to MAX_KNOWN chunks."""

    def __init__(self, sentence_lang: str, stopwords: StopwordSets, state: CountingState) -> None:
        super().__init__()
        self.sentence_lang, self.stopwords, self.state = sentence_lang, stopwords, state
        self.in_context: set[str] = set()  # English chunks with a word whose lemma context decides

    def __missing__(self, chunk: str) -> int | Several | None:
        tokens = chunk_tokens(chunk, self.sentence_lang)
        if self.sentence_lang == EN and any(map(depends_on_context, tokens)):
            self.in_context.add(chunk)
        numbers = [number for token in tokens
                   if (number := described(token, self.sentence_lang, self.stopwords, self.state))
                   is not None]
        value = None if not numbers else numbers[0] if len(numbers) == 1 else Several(numbers)
        if len(self) < MAX_KNOWN:
            self[chunk] = value
        return value


class Tally:
    """A document's words counted by number as its lines are read: the chunks of the lines
    counted in runs are mapped to numbers and counted at C speed (no loop over chunk types),
    the token surfaces of the lines read sentence by sentence one by one."""

    def __init__(self, stopwords: StopwordSets, state: CountingState) -> None:
        self.stopwords, self.state = stopwords, state
        self.vocabulary = state.current_vocabulary()
        self.numbers: Counter[int | Several | None] = Counter()
        self.moved = False  # some words moved to their lemma in context (see type_counts)

    def add_chunks(self, chunks: Iterable[str], sentence_lang: str) -> None:
        chunk_keys = self.state.chunk_keys
        known = chunk_keys.get((sentence_lang, self.stopwords))
        if known is None:
            known = chunk_keys[sentence_lang, self.stopwords] = ChunkKeys(
                sentence_lang, self.stopwords, self.state)
        self.numbers.update(map(known.__getitem__, chunks))

    def add_surface(self, surface: str, sentence_lang: str) -> None:
        self.numbers[described(surface, sentence_lang, self.stopwords, self.state)] += 1

    def add_sentence(self, surfaces: list[str], counted: list[bool], sentence_lang: str) -> None:
        """The tokens of one sentence, those `counted` (not note references) counted; in English
        some take their lemma from their neighbours (context_lemmas)."""
        in_context = context_lemmas(surfaces) if sentence_lang == EN else {}
        for index, surface in enumerate(surfaces):
            if not counted[index]:
                continue
            if in_context and index in in_context:
                lemma = in_context[index]
                self.numbers[described_in_context(surface, lemma, self.stopwords, self.state)] += 1
            else:
                self.numbers[described(surface, sentence_lang, self.stopwords, self.state)] += 1

    def add_context(self, run: str) -> None:
        """After the chunks of an English run are counted: the words whose neighbours change
        their lemma move from their lemma out of context to the one in context. Neighbours are
        the tokens around on the same line, as the sentence-by-sentence path sees them (a
        sentence break falls only after a mark or a word ending in one, which the rules take
        for no word)."""
        known = self.state.chunk_keys.get((EN, self.stopwords))
        if known is None or not known.in_context:
            return
        chosen = known.in_context
        for line in run.split("\n"):
            chunks = line.split()
            if chosen.isdisjoint(chunks):
                continue
            for index, chunk in enumerate(chunks):
                if chunk in chosen:
                    self.move_to_context(chunks, index)

    def move_to_context(self, chunks: list[str], index: int) -> None:
        last = len(chunks) - 1
        before = neighbour_class(english_chunk_tokens(chunks[index - 1])[-1]) if index else NO_WORD
        after = neighbour_class(english_chunk_tokens(chunks[index + 1])[0]) if index < last else NO_WORD
        for surface, lemma in lemmas_in_chunk(chunks[index], before, after):
            self.numbers[described(surface, EN, self.stopwords, self.state)] -= 1
            self.numbers[described_in_context(surface, lemma, self.stopwords, self.state)] += 1
            self.moved = True

    def type_counts(self) -> dict[int, int]:
        """Word types (numbers in `vocabulary`) and their counts, in the order first met."""
        numbers = self.numbers
        numbers.pop(None, None)
        for several in [number for number in numbers if number.__class__ is Several]:
            count = numbers.pop(several)
            for number in several:
                numbers[number] += count
        if self.moved:  # every occurrence of a type may have moved to another lemma
            for number in [number for number, count in numbers.items() if count <= 0]:
                del numbers[number]
        return numbers  # type: ignore[return-value]


def described(surface: str, sentence_lang: str, stopwords: StopwordSets, state: CountingState) -> int | None:
    """The number of word_key in `state`'s vocabulary, remembered there."""
    known = state.word_keys.setdefault((sentence_lang, stopwords), {})
    number = known.get(surface, UNKNOWN)
    if number is UNKNOWN:
        key = word_key(surface, sentence_lang, stopwords)
        number = None if key is None else state.vocabulary.number(key)
        if len(known) < MAX_KNOWN:
            known[surface] = number
    return number  # type: ignore[return-value]


def described_in_context(surface: str, lemma: str, stopwords: StopwordSets, state: CountingState) -> int:
    """The number of an English word counted under the lemma its sentence gave it."""
    known = state.word_keys.setdefault((EN, stopwords), {})
    number = known.get((surface, lemma))  # type: ignore[call-overload]
    if number is None:
        norm, lang, stop = describe_in_context(surface, lemma, stopwords)
        number = state.vocabulary.number((norm, lemma, lang, stop))
        if len(known) < MAX_KNOWN:
            known[(surface, lemma)] = number  # type: ignore[index]
    return number


UNKNOWN = object()
MAX_TYPES = 1 << 20  # word types a process numbers before it starts afresh


def word_key(surface: str, sentence_lang: str, stopwords: StopwordSets) -> WordKey | None:
    """A surface's counting key, None for no word."""
    norm, lang, lemma, word, stop = describe_word(surface, sentence_lang, stopwords)
    return (norm, lemma, lang, stop) if word else None


def count_surfaces(text: str, last_lang: str, tally: Tally, pieces: list[str] | None = None) -> str:
    """Add the chunks or token surfaces of normalised `text` to `tally`, by sentence language;
    the language of its last sentence is returned (a letterless one takes it over). `pieces`:
    the chunks ZWNJ repair cut `text` into, if it did (see normalized_segments)."""
    walk = LineWalk(text, last_lang, tally, pieces)
    lines, starts = walk.lines, walk.starts
    first_arabic = first_letters(text, ARABIC_LETTERS, starts, FEW_LINES)
    first_latin = first_letters(text, LATIN_LETTERS, starts, FEW_LINES)
    if (first_arabic is None) == (first_latin is None):  # both scripts on many lines, or few
        first_arabic = first_letters(text, ARABIC_LETTERS, starts) if first_arabic is None else first_arabic
        first_latin = first_letters(text, LATIN_LETTERS, starts) if first_latin is None else first_latin
        for number in range(len(lines)):
            walk.line(number, first_arabic.get(number), first_latin.get(number))
        return walk.finish()
    # One script (`lang`) on many lines, the other on few: lines of the one script alone (and
    # letterless lines after one) all have its language, so a block of them between the
    # lines that need looking at (`special`) is taken in at its first line of that script.
    letters, minority = ((ARABIC_LETTERS, first_latin) if first_latin is not None
                         else (LATIN_LETTERS, first_arabic))
    first_letter = letters.search(text)
    assert minority is not None and first_letter is not None
    lang = sentence_language(first_letter.group())  # the language of the one script's letters
    special = sorted(set(minority).union(lines_to_look_at(text, lines, starts, lang)))
    number = 0
    for next_special in [*special, len(lines)]:
        if number < next_special:  # a block of lines in `lang` alone or letterless
            block_end = starts[next_special] - 1
            found = letters.search(text, starts[number], block_end)
            first_of_lang = next_special if found is None else bisect.bisect_right(starts, found.start()) - 1
            for letterless in range(number, first_of_lang):
                walk.line(letterless, None, None)
            if first_of_lang < next_special:
                walk.enter(first_of_lang, lang)
        if next_special < len(lines):
            line, other = lines[next_special], minority.get(next_special)
            arabic = other if letters is LATIN_LETTERS else search_start(ARABIC_LETTERS, line)
            latin = other if letters is ARABIC_LETTERS else search_start(LATIN_LETTERS, line)
            walk.line(next_special, arabic, latin)
        number = next_special + 1
    return walk.finish()


FEW_LINES = 64  # lines with the other script's letters a text may have and be taken in blocks


@functools.cache
def mark_before_a_letter() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A line whose first sentence may end before its first letter (see single_language): a
    sentence-end mark between the line's start and its first letter of either script. The
    second pattern starts at the line break before the line (a literal, which the engine finds
    fast), the first at the text's start."""
    marks = re.escape("".join(sorted(sentence_end_marks())))
    at_start = re.compile(f"[^\n{ARABIC_LETTERS.pattern[1:-1]}{LATIN_LETTERS.pattern[1:-1]}]*[{marks}]")
    return at_start, re.compile("\n" + at_start.pattern)


def search_start(letters: re.Pattern[str], line: str) -> int | None:
    found = letters.search(line)
    return None if found is None else found.start()


def lines_to_look_at(text: str, lines: list[str], starts: list[int], lang: str) -> set[int]:
    """The lines of a text in one script `lang` that single_language may not give `lang` even
    when they have no letter of the other script: too long, a sentence mark before their first
    letter or, in English, a sentence break inside a chunk."""
    at_start, after_a_line_break = mark_before_a_letter()
    numbers = {bisect.bisect_right(starts, found.start() + 1) - 1
               for found in after_a_line_break.finditer(text)}
    if at_start.match(text):
        numbers.add(0)
    if max(map(len, lines)) > MAX_SEGMENT:
        numbers.update(number for number, line in enumerate(lines) if len(line) > MAX_SEGMENT)
    if lang == EN:
        breaks = resources.english_break_in_word()
        found = breaks.search(text)
        while found is not None:
            number = bisect.bisect_right(starts, found.start()) - 1
            if number not in numbers and breaks_inside_a_chunk(lines[number]):
                numbers.add(number)
            found = breaks.search(text, starts[number + 1]) if number + 1 < len(lines) else None
    return numbers


class LineWalk:
    """count_surfaces' reading of a text line by line: lines of one language are collected in
    a run (counted by its chunks), the others read sentence by sentence."""

    def __init__(self, text: str, last_lang: str, tally: Tally, pieces: list[str] | None = None) -> None:
        self.text, self.last_lang, self.tally, self.pieces = text, last_lang, tally, pieces
        self.lines = text.split("\n")
        self.starts = list(itertools.accumulate(map(operator.add, map(len, self.lines), itertools.repeat(1)),
                                                initial=0))
        self.run_start = 0
        self.run_lang: str | None = None

    def line(self, number: int, first_arabic: int | None, first_latin: int | None) -> None:
        """Line `number`, given where its first letter of each script is, if any."""
        line = self.lines[number]
        if not line and self.run_lang is not None:
            return  # no letters: in the language before it, which is the run's
        self.enter(number, single_language(line, self.last_lang, first_arabic, first_latin))

    def enter(self, number: int, line_lang: str | None) -> None:
        """Line `number`, all of whose sentences are in `line_lang` (None: not surely one)."""
        if self.run_lang is not None and line_lang != self.run_lang:  # the run ends before it
            count_run(self.text, self.run_start, self.starts[number], self.run_lang, self.tally, self.pieces)
            self.run_lang = None
        if line_lang is None:
            self.last_lang = count_line(self.lines[number], self.last_lang, self.tally)
            return
        if self.run_lang is None:
            self.run_start, self.run_lang = self.starts[number], line_lang
        self.last_lang = line_lang

    def finish(self) -> str:
        if self.run_lang is not None:
            count_run(self.text, self.run_start, len(self.text), self.run_lang, self.tally, self.pieces)
        return self.last_lang


def first_letters(
    text: str, letters: re.Pattern[str], starts: list[int], most: int | None = None,
) -> dict[int, int] | None:
    """Line number -> where in its line the first of `letters` is, for the lines that have one
    (`starts`: where each line starts); None if more than `most` lines have one. One search
    per such line, and one scan over the lines with none: a script a text barely uses costs
    one pass, not one per line."""
    found: dict[int, int] = {}
    match = letters.search(text)
    while match is not None:
        if most is not None and len(found) == most:
            return None
        number = bisect.bisect_right(starts, match.start()) - 1
        found[number] = match.start() - starts[number]
        match = letters.search(text, starts[number + 1]) if number + 1 < len(starts) else None
    return found


def single_language(
    line: str, last_lang: str, first_arabic: int | None, first_latin: int | None,
) -> str | None:
    """The one language every sentence of `line` surely has, else None. A line with letters of
    one script is in that language if its first sentence has one of them (a letterless
    sentence takes the language before it); a line without letters is in `last_lang`.
    `first_arabic`, `first_latin`: where the line's first letter of each script is, if any."""
    if len(line) > MAX_SEGMENT:
        return None  # cut into pieces at sentence ends: left to the exact path
    if first_arabic is not None and first_latin is not None:
        return None
    first = first_latin if first_arabic is None else first_arabic
    if first is None:
        return last_lang
    if not sentence_end_marks().isdisjoint(line[:first]):
        return None  # a sentence may end before the first letter
    if first_latin is not None and breaks_inside_a_chunk(line):
        return None
    return sentence_language(line[first])  # letters of one script: the language of any one


def breaks_inside_a_chunk(line: str) -> bool:
    """Could Punkt end a sentence of `line` where the tokens of a chunk cut there differ from
    the chunk's (see the note on Punkt above)? Tokens never span white space, so only the chunk
    around each such place is tokenised, whole and cut."""
    closing_run = resources.english_closing_run()
    for match in resources.english_break_in_word().finditer(line):
        after_mark = match.start() + 1
        run = closing_run.match(line, after_mark)
        before_dashes = run is not None and not run.group()[-1].isspace() and run.end() < len(line)
        if run is not None and not before_dashes:
            continue  # the break moves onto white space or the line's end
        start = line.rfind(" ", 0, after_mark) + 1
        end = line.find(" ", after_mark) % (len(line) + 1)  # -1 (none) -> the line's end
        cut = run.end() if run is not None else after_mark  # before the `--`
        if cut_changes_tokens(line[start:end], cut - start):
            return True
    return False


@functools.lru_cache(maxsize=1 << 16)
def cut_changes_tokens(chunk: str, cut: int) -> bool:
    """Are the English tokens of `chunk` other than those of its two pieces cut at `cut`?
    Per chunk type (`Tabriz.[12]` comes back), so cached."""
    whole = list(english_token_spans(chunk, 0))
    return whole != [*english_token_spans(chunk[:cut], 0), *english_token_spans(chunk[cut:], cut)]


def count_run(text: str, start: int, end: int, lang: str, tally: Tally, cut: list[str] | None = None) -> None:
    """Lines [start, end) whose sentences are all in `lang`. Sentence boundaries fall on white
    space and no token spans white space, so their tokens are those of each chunk between
    spaces: the chunks are counted, and each distinct one is tokenised once. `cut`: the chunks
    ZWNJ repair cut the whole text into, if it did, so that it is not cut again."""
    if lang == EN:
        tally.add_chunks(split_chunks(text[start:end], lang), lang)
        tally.add_context(text[start:end])
        return
    if cut is None or text.find("\t", start, end) >= 0:
        tally.add_chunks(split_chunks(text[start:end], lang), lang)
        return
    # Piece k follows the k-th space of the text with each line break written " \n " (a line
    # break is a piece without a word, as an empty piece is); runs start and end at lines.
    first = text.count(" ", 0, start) + 2 * text.count("\n", 0, start)
    last = len(cut) if end == len(text) else text.count(" ", 0, end) + 2 * text.count("\n", 0, end)
    tally.add_chunks(itertools.islice(cut, first, last), lang)


MAX_KNOWN = 1 << 18  # chunk and word types remembered per process and language


@functools.lru_cache(maxsize=1 << 16)
def english_chunk_tokens(chunk: str) -> tuple[str, ...]:
    return chunk_tokens(chunk, EN) or ("",)  # a chunk of note references alone: no word


@functools.lru_cache(maxsize=1 << 16)
def lemmas_in_chunk(chunk: str, before: str, after: str) -> tuple[tuple[str, str], ...]:
    """(surface, lemma) of the words of an English chunk whose lemma its neighbours change,
    given the neighbour tokens' classes (see neighbour_class) on either side."""
    tokens = english_chunk_tokens(chunk)
    changed = context_lemmas([before or ".", *tokens, after or "."])  # "." stands for no word
    return tuple((tokens[place - 1], lemma) for place, lemma in changed.items()
                 if 0 < place <= len(tokens) and lemma != describe_token(tokens[place - 1], EN)[2])


PERSIAN_SEPARATORS = " \t\n"  # hazm splits Persian at these only, NLTK English at any white space


def split_chunks(text: str, lang: str) -> list[str]:
    """The chunks of `text` between separators: no token spans one, so a text's tokens are its
    chunks'. An empty Persian chunk (two separators in a row) has no word."""
    if lang == EN:
        return text.split()
    return text.replace("\n", " ").replace("\t", " ").split(" ")


def is_chunk_edge(line: str, at: int, lang: str) -> bool:
    """Is `at` the line's start or end, or next to a separator of `lang` (see split_chunks)?"""
    if at <= 0 or at >= len(line):
        return True
    before, after = line[at - 1], line[at]
    if lang == EN:
        return before.isspace() or after.isspace()
    return before in PERSIAN_SEPARATORS or after in PERSIAN_SEPARATORS


def chunk_tokens(chunk: str, lang: str) -> tuple[str, ...]:
    """The tokens of one chunk between separators (see split_chunks), note references left out
    (see is_footnote_marker)."""
    return tuple(chunk[start:end] for start, end in token_spans(chunk, 0, lang)
                 if not is_footnote_marker(chunk, start, end))


def count_line(line: str, last_lang: str, tally: Tally) -> str:
    """One line sentence by sentence, as TableBuilder reads it. A sentence that starts and ends
    at a chunk's edge has the tokens of its chunks, which are counted as chunks are; one that
    the sentence splitter cut out of a chunk (`no.'--Iran`) is tokenised whole."""
    sentence_lang = last_lang  # a line without sentences leaves the language as it was
    for sentence_start, sentence_end, sentence_lang in sentences_of(line, last_lang):
        sentence = line[sentence_start:sentence_end]
        if all(is_chunk_edge(line, at, sentence_lang) for at in (sentence_start, sentence_end)):
            tally.add_chunks(split_chunks(sentence, sentence_lang), sentence_lang)
            if sentence_lang == EN:
                tally.add_context(sentence)
            continue
        spans = list(token_spans(sentence, sentence_start, sentence_lang))
        tally.add_sentence([line[start:end] for start, end in spans],
                           [not is_footnote_marker(line, start, end) for start, end in spans], sentence_lang)
    return sentence_lang

