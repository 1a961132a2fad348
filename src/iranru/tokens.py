"""Sentences, tokens, lemmas and stopwords: hazm for Persian, NLTK for English, token by token.

Tokenisation runs on the normalised text; every token keeps its span in the original text
through the offset map, so reports can always point at what the user's file says.
"""

from __future__ import annotations

import functools
import itertools
import re
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path

from iranru import resources
from iranru.characters import (
    ARABIC_SIGN_RANGES,
    COMBINING_LATIN_RANGES,
    HARAKAT_RANGES,
    QURANIC_MARK_RANGES,
    TATWEEL,
    ZWNJ,
    punctuation_and_symbol_ranges,
)
from iranru.language import (
    ARABIC_LETTERS,
    EN,
    FA,
    LATIN_LETTERS,
    language_of_text,
    language_of_token,
    script_counts,
)
from iranru.lemmas import (
    depends_on_context,
    english_lemma_in_context,
    english_lemmas_of,
    lemmatize_english,
    lemmatize_persian,
)
from iranru.model import AnalyzedDocument, Document, Token, TokenTable
from iranru.normalize import align, normalize_text, original_span, zwnj_evidence_of
from iranru.normalize.fa import DIGIT_TO_LATIN
from iranru.settings import NormalizeOptions, TokenOptions

Span = tuple[int, int]
LATIN_CHUNK = re.compile(r"(?<!\S)\S*[A-Za-z]\S*")  # anchored at a chunk start: linear time
FALLBACK_TOKEN = re.compile(r"[\w\u200c]+(?:[-'.][\w\u200c]+)*|[^\w\s]+")
DIGITS_ONLY = re.compile(r"\d+")
LONGEST_WORD = 64  # longer "words" are junk (base64, runs of letters): not worth lemmatising


def paragraph_spans(text: str) -> Iterator[Span]:
    """Lines with any content: a line break always ends a sentence (titles, captions). A huge
    line (a whole book without line breaks) comes in bounded segments."""
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield from bounded_spans(text, start, start + len(line))
        start += len(line) + 1


MAX_SEGMENT = 20_000  # characters: sentence splitters and tokenizers never see more at once
SENTENCE_ENDS = ".!?؟…"
SEGMENT_BREAK = re.compile(r"(?<![.!?؟…])[.!?؟…]+[\"')\]»”]*(?:\[\d+\])*\s+|\s+")


WHITE_SPACE = re.compile(r"\s")


def next_space(text: str, start: int, end: int) -> int:
    found = WHITE_SPACE.search(text, start, end)
    return found.start() if found else end


LAST_WORD = re.compile(r"\S*$")


def ends_sentence(text: str, mark: int, after: int) -> bool:
    """Does the full stop at `mark` surely end a sentence? Not after an abbreviation or an
    initial (U.S., Nov., J.), nor before a lower-case word."""
    if text[after : after + 1].islower():
        return False
    if text[mark] != ".":
        return True
    word = LAST_WORD.search(text, max(0, mark - LONGEST_WORD), mark)
    return not keeps_full_stop(word.group() if word else "")


def bounded_spans(text: str, start: int, end: int, limit: int = MAX_SEGMENT) -> Iterator[Span]:
    """[start, end) in pieces of at most `limit` characters, each ending after the last full
    stop (else the last white space) before the limit; a word longer than that is never cut,
    its piece ends at the white space after it."""
    while end - start > limit:
        last_stop = last_space = 0
        for match in SEGMENT_BREAK.finditer(text, start + limit // 2, start + limit):
            if match.group()[0] not in SENTENCE_ENDS:
                last_space = match.end()
            elif ends_sentence(text, match.start(), match.end()):
                last_stop = match.end()
        cut = last_stop or last_space or next_space(text, start + limit, end)
        yield start, cut
        start = cut
    if start < end:
        yield start, end


def persian_sentence_spans(text: str, start: int, end: int) -> Iterator[Span]:
    """hazm's rule: sentence-final punctuation followed by white space ends a sentence."""
    cursor = start
    for match in resources.persian_sentence_boundary().finditer(text, start, end):
        yield cursor, match.end(1)
        cursor = match.end()
    if cursor < end:
        yield cursor, end


# Web copy glues note markers to the full stop (`scissors."[1] He meant`), which Punkt,
# wanting white space after a full stop, does not see as a boundary.
NOTE_AFTER_FULL_STOP = re.compile(r"[.!?][\"')\]]*(?:\[\d+\])+(?=\s+[\"'(]?[A-Z])")


def english_sentence_spans(text: str, start: int, end: int) -> Iterator[Span]:
    for left, right in resources.english_sentence_tokenizer().span_tokenize(text[start:end]):
        cursor = start + left
        for note in NOTE_AFTER_FULL_STOP.finditer(text, cursor, start + right):
            yield cursor, note.end()
            cursor = note.end()
            while cursor < start + right and text[cursor].isspace():
                cursor += 1
        if cursor < start + right:
            yield cursor, start + right


def sentence_spans(text: str) -> Iterator[Span]:
    """hazm's sentences in a line with at least as many Arabic-script letters as Latin ones,
    Punkt's in the others; a line break always ends a sentence."""
    for start, end in paragraph_spans(text):
        arabic, latin = script_counts(text[start:end])
        splitter = persian_sentence_spans if arabic >= latin else english_sentence_spans
        yield from splitter(text, start, end)


@functools.cache
def sentence_end_marks() -> frozenset[str]:
    """The characters after which sentence_spans may end a sentence inside a line of at most
    MAX_SEGMENT characters: hazm's sentence-final marks and Punkt's (NOTE_AFTER_FULL_STOP's are
    Punkt's), read from the splitters' own patterns."""
    boundary = resources.persian_sentence_boundary().pattern  # (?<![!.?⸮؟])([!.?⸮؟]+)[ \n]+
    hazm_marks = boundary[boundary.index("([") + 1 : boundary.index("]+)") + 1]
    persian = {char for char in hazm_marks[1:-1] if re.fullmatch(hazm_marks, char)}
    return frozenset(persian) | frozenset(resources.english_sentence_tokenizer()._lang_vars.sent_end_chars)


def fallback_spans(text: str, offset: int) -> Iterator[Span]:
    for match in FALLBACK_TOKEN.finditer(text):
        yield offset + match.start(), offset + match.end()


# English tokens in one regular-expression pass, following NLTKWordTokenizer's rules (tested
# against it as the oracle): the marks NLTK splits off (, ; : @ # $ % & ? ! brackets quotes *)
# are tokens of their own, "..." and "--" too; everything else between spaces stays together
# (S-300, U.S., 1980-88, 50,000, 10:30, -2); a full stop ends a word unless it is inside it.
# Persian text's own marks (، ؛ ؟ ٪) after a Latin word are cut off as their Latin twins are.
# Quote marks of every kind, each a token of its own in both languages. (Normalisation folds
# ‘ ’ ‚ ‛ to ' and “ ” „ ‟ to " first; English leaves ' to the clitic rule: Iran's, students'.)
QUOTE_MARKS = "'\"`‘’‚‛“”„‟«»‹›〝〞〟＂＇「」『』"
ENGLISH_SPLIT_MARKS = r",;:@#$%&?!\[\](){}<>*،؛؟٪" + QUOTE_MARKS.replace("'", "").replace("’", "")
ENGLISH_TOKEN = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]']"  # URL
    r"|[\w.+-]{1,64}@\w[\w-]*(?:\.\w[\w-]*)+"  # e-mail address (a local part has at most 64)
    r"|\.{2,}|-{2,}"  # ellipsis, dashes
    rf"|(?:[^\s.{ENGLISH_SPLIT_MARKS}]|\.(?=[^\W_]|-)|-(?!-)|(?<=\d)[,:](?=\d))+"  # a word
    r"|\S",  # a mark of its own
)
CLITICS = frozenset({"'s", "'m", "'d", "'ll", "'re", "'ve"})
# Clitics NLTK splits off a word: Iran's -> Iran 's; don't -> do n't; cannot -> can not.
ENGLISH_CLITIC = re.compile(r"(?i)(?<=\w)(?:n't|'s|'m|'d|'ll|'re|'ve)$|(?<=^can)not$", re.IGNORECASE)


def keeps_full_stop(word: str) -> bool:
    """A full stop belongs to an abbreviation (Nov., Dr.) or an initialism (U.S., e.g.)."""
    return "." in word or len(word) == 1 and word.isalpha() or word.lower() in resources.ENGLISH_ABBREVIATIONS


def english_token_spans(text: str, offset: int) -> Iterator[Span]:
    taken = 0  # where the previous token, with any full stop it kept, ended
    for match in ENGLISH_TOKEN.finditer(text):
        start, end = match.span()
        if start < taken:
            continue
        full_stop_follows = text[end : end + 1] == "." and text[end + 1 : end + 2] != "."
        pieces = english_match_pieces(match.group(), full_stop_follows)
        for left, right in pieces:
            yield offset + start + left, offset + start + right
        taken = start + pieces[-1][1]


@functools.lru_cache(maxsize=1 << 17)
def english_match_pieces(word: str, full_stop_follows: bool) -> tuple[Span, ...]:
    """The tokens one ENGLISH_TOKEN match makes, as spans within it; the last may reach one
    past it, over a full stop it keeps (Nov., U.S.). A full stop follows when the match is
    followed by exactly one (an ellipsis is a token of its own). Per word type, so cached."""
    pieces: list[Span] = []
    start, end = 0, len(word)
    if word.startswith("'") and word[1:2].isalpha() and word.lower() not in CLITICS:
        pieces.append((0, 1))  # an opening quote: 'Alet -> ' Alet
        start = 1
        word = word[1:]
    if word.endswith("'") and len(word) > 1:  # students' -> students '
        return (*pieces, (start, end - 1), (end - 1, end))
    if full_stop_follows and word[-1:].isalnum() and keeps_full_stop(word):
        # Nov. and U.S. keep their full stop; after other words it stands alone
        return (*pieces, (start, end + 1))
    clitic = ENGLISH_CLITIC.search(word)
    if clitic and clitic.start() > 0:
        return (*pieces, (start, start + clitic.start()), (start + clitic.start(), end))
    return (*pieces, (start, end))


def persian_chunk_spans(text: str, offset: int) -> Iterator[Span]:
    """hazm's tokens, located in the text one after another, quotes and final full stops cut
    off (see persian_token_pieces)."""
    cursor = 0
    spans: list[Span] = []
    for token in resources.persian_word_tokenizer().tokenize(text):
        found = text.find(token, cursor)
        if found < 0:
            spans = list(fallback_spans(text, 0))
            break
        spans.append((found, found + len(token)))
        cursor = found + len(token)
    for start, end in spans:
        for left, right in persian_token_pieces(text[start:end]):
            yield offset + start + left, offset + start + right


EDGE_MARKS = re.compile(rf"^[{QUOTE_MARKS}]+|[{QUOTE_MARKS}.]+$")
PUNCTUATION_AND_SYMBOLS = punctuation_and_symbol_ranges()
WORD_EDGE_MARKS = re.compile(rf"^[{PUNCTUATION_AND_SYMBOLS}]+|[{PUNCTUATION_AND_SYMBOLS}]+$")
NUMBER_SIGNS = "-+\u2212"


@functools.lru_cache(maxsize=1 << 17)
def persian_token_pieces(token: str) -> tuple[Span, ...]:
    """A token hazm made, as spans within it. In a token with a letter or digit, every mark at
    either end is cut off (hazm keeps 'جنگ', *دقیقه, شیراز- and 1813. whole), except the sign
    of a number (-2, +98); a mark-only token keeps hazm's cut, but for its quote marks and
    full stops. Quote marks stand alone, other marks in runs of one character (..., --).
    Per token type, so cached."""
    if token[:1].isalnum() and token[-1:].isalnum():
        return ((0, len(token)),)  # most tokens: no mark can be at an edge
    if any(char.isalnum() for char in token):
        marks = [match.span() for match in WORD_EDGE_MARKS.finditer(token)]
        if marks and marks[0][0] == 0 and token[marks[0][1] - 1] in NUMBER_SIGNS \
                and token[marks[0][1] : marks[0][1] + 1].isdigit():
            marks[0] = (0, marks[0][1] - 1)  # the sign stays on its number
    else:
        marks = [match.span() for match in EDGE_MARKS.finditer(token)]
    marks = [(start, end) for start, end in marks if start < end]
    if not marks or marks == [(0, len(token))] and len(token) == 1:
        return ((0, len(token)),)
    pieces: list[Span] = []
    cursor = 0
    for start, end in marks:
        if cursor < start:
            pieces.append((cursor, start))
        pieces.extend(mark_pieces(token, start, end))
        cursor = end
    if cursor < len(token):
        pieces.append((cursor, len(token)))
    return tuple(pieces)


def mark_pieces(token: str, start: int, end: int) -> Iterator[Span]:
    """Each quote mark alone, each run of one other mark together."""
    while start < end:
        stop = start + 1
        if token[start] not in QUOTE_MARKS:
            while stop < end and token[stop] == token[start]:
                stop += 1
        yield start, stop
        start = stop


def persian_token_spans(text: str, offset: int) -> Iterator[Span]:
    """Latin words, URLs and model numbers (S-300) inside Persian go to NLTK, intact."""
    cursor = 0
    for match in LATIN_CHUNK.finditer(text):
        yield from persian_chunk_spans(text[cursor : match.start()], offset + cursor)
        yield from english_token_spans(match.group(), offset + match.start())
        cursor = match.end()
    yield from persian_chunk_spans(text[cursor:], offset + cursor)


@functools.cache
def fold_for_counting(surface: str) -> str:
    """The counting key: lower case, ASCII digits, no ZWNJ at the edges."""
    return surface.translate(DIGIT_TO_LATIN).lower().strip(ZWNJ)


@functools.cache
def lemmatize(word: str, lang: str) -> str:
    """The lemma of one word type (see lemmas.py): Persian after UD PerDT, English after UD
    EWT, given the word with its capitals (proper names stay whole) and lower-cased after."""
    if len(word) > LONGEST_WORD or (len(word) == 1 and lang != EN):  # junk runs of letters;
        return word.lower()  # era markers after a year (ش, م)
    if lang == FA:
        return lemmatize_persian(word)
    if lang == EN:
        return lemmatize_english(word)
    return word.lower()


def stopword_sets(token_options: TokenOptions | None) -> StopwordSets:
    """Built-in plus extra stopwords; an extra file edited between two calls is read again."""
    extra = (token_options or TokenOptions()).extra_stopwords
    versions = tuple((path, path.stat().st_mtime_ns, path.stat().st_size) for path in extra)
    return stopword_sets_of(versions)


class StopwordSets(dict[str, frozenset[str]]):
    """Stopwords by language; never changed once built, so per-type caches may key on it."""

    __hash__ = object.__hash__  # type: ignore[assignment]


@functools.lru_cache(maxsize=32)
def stopword_sets_of(versions: tuple[tuple[Path, int, int], ...]) -> StopwordSets:
    added: frozenset[str] = frozenset()
    for path, _, _ in versions:
        added |= {fold_for_counting(word) for word in resources.read_word_list(path)}
    return StopwordSets({lang: resources.builtin_stopwords(lang) | added for lang in (FA, EN)})


@functools.lru_cache(maxsize=1 << 18)
def describe_token(surface: str, sentence_lang: str) -> tuple[str, str, str, bool]:
    """(norm, lang, lemma, is_word) of a normalised surface: computed once per word type,
    since a few thousand types make up most tokens of any text (Zipf)."""
    word = is_word(surface)
    norm = fold_for_counting(surface)
    lang = language_of_token(norm, sentence_lang)
    # English keeps its capitals for simplemma: "United States" is no "unite state"
    cased = surface.translate(DIGIT_TO_LATIN) if lang == EN else norm
    return norm, lang, lemmatize(cased, lang) if word else norm, word


def is_word(surface: str) -> bool:
    return any(char.isalnum() for char in surface)


def lemmas_of(token: Token) -> frozenset[str]:
    """The lemmas a searched word stands for: its own, and for an English word whose
    neighbours decide its lemma every one they may give it (a search for meeting finds the
    meeting and was meeting)."""
    if token.lang == EN and depends_on_context(token.surface):
        return english_lemmas_of(token.surface) | {token.lemma}
    return frozenset({token.lemma})


def context_lemmas(surfaces: Sequence[str]) -> dict[int, str]:
    """{index: lemma} of the English words of an English sentence (its token surfaces) whose
    lemma their neighbours decide (her, its, meeting: see english_lemma_in_context). Word counts
    (wordcounts.py) see the same neighbours: the tokens around, on the same line."""
    lemmas: dict[int, str] = {}
    if not any(map(depends_on_context, surfaces)):
        return lemmas
    for index, surface in enumerate(surfaces):
        if depends_on_context(surface) and describe_token(surface, EN)[1] == EN:
            lemma = english_lemma_in_context(surface, surfaces[index - 1] if index else None,
                                             surfaces[index + 1] if index + 1 < len(surfaces) else None)
            if lemma is not None:
                lemmas[index] = lemma
    return lemmas


def is_stopword(norm: str, lemma: str, lang: str, stopwords: StopwordSets) -> bool:
    """A word is a stopword when its form or its lemma is listed for its language."""
    return norm in stopwords[lang] or lemma in stopwords[lang]


def describe_word(
    surface: str, sentence_lang: str, stopwords: StopwordSets,
) -> tuple[str, str, str, bool, bool]:
    """(norm, lang, lemma, is_word, is_stopword) of a normalised surface, wherever it stands:
    what the token table and the word counts both record (only a word is a stopword)."""
    norm, lang, lemma, word = describe_token(surface, sentence_lang)
    return norm, lang, lemma, word, word and is_stopword(norm, lemma, lang, stopwords)


def describe_in_context(surface: str, lemma: str, stopwords: StopwordSets) -> tuple[str, str, bool]:
    """(norm, lang, is_stopword) of an English word under the lemma its sentence gave it (see
    context_lemmas): what the token table and the word counts both record for it."""
    norm, lang, _, _ = describe_token(surface, EN)
    return norm, lang, is_stopword(norm, lemma, lang, stopwords)


def is_note_number(norm: str) -> bool:
    """What a note reference says, by its counting key: digits alone, of any script."""
    return DIGITS_ONLY.fullmatch(norm) is not None


def is_footnote_marker(normalized: str, start: int, end: int) -> bool:
    """`[12]` after a sentence is a note reference, not the number twelve: no word."""
    return (
        is_note_number(fold_for_counting(normalized[start:end]))
        and normalized[start - 1 : start] == "["
        and normalized[end : end + 1] == "]"
    )


MARKS_OR_TATWEEL = re.compile(
    f"[{COMBINING_LATIN_RANGES}{ARABIC_SIGN_RANGES}{HARAKAT_RANGES}{QURANIC_MARK_RANGES}{TATWEEL}]")


LANGUAGE_BEFORE_TEXT = FA  # what a document's first sentence takes over if it has no letter


def sentences_of(text: str, last_lang: str) -> Iterator[tuple[int, int, str]]:
    """Each sentence of normalised `text`: its span and language, by its letters, or with none
    the language of the sentence before (`last_lang` before the first)."""
    for start, end in sentence_spans(text):
        last_lang = sentence_language(text[start:end]) or last_lang
        yield start, end, last_lang


def token_spans(text: str, offset: int, lang: str) -> Iterator[Span]:
    """The tokens of a sentence (or of a piece of one between white space) in `lang`: hazm's
    rule for Persian, NLTK's for English."""
    return persian_token_spans(text, offset) if lang == FA else english_token_spans(text, offset)


def sentence_language(sentence: str) -> str:
    """Persian or English by the letters it has, counted only when it has both; "" with
    neither (digits and marks take the language of the sentence before)."""
    has_latin = LATIN_LETTERS.search(sentence) is not None
    has_arabic = ARABIC_LETTERS.search(sentence) is not None
    if not has_latin:
        return FA if has_arabic else ""
    if not has_arabic:
        return EN
    arabic, latin = script_counts(sentence)
    return FA if arabic >= latin else EN


SEGMENT_CHARS = 1_000_000  # a longer document is normalised and aligned a segment at a time


def segment_spans(text: str, limit: int = SEGMENT_CHARS) -> Iterator[Span]:
    """The document in pieces of at most `limit` characters, cut after a line break, else after
    a full stop, else at white space: the normalised copy and its offset map, several times the
    size of the text, then exist for one piece at a time, so memory stays bounded."""
    start, end = 0, len(text)
    while end - start > limit:
        line_break = text.rfind("\n", start + limit // 2, start + limit)
        if line_break >= 0:
            cut = line_break + 1
        else:
            cut = next(bounded_spans(text, start, end, limit))[1]
        yield start, cut
        start = cut
    if start < end:
        yield start, end


def document_segments(
    text: str, normalize_options: NormalizeOptions | None,
) -> tuple[list[Span], tuple[int, int, int] | None]:
    """The segments a document is analysed in, and for more than one the ZWNJ evidence of
    the whole: damage is judged document-wide (see restore_zwnj)."""
    segments = list(segment_spans(text, SEGMENT_CHARS))
    evidence = None
    if len(segments) > 1 and (normalize_options or NormalizeOptions()).repair_zwnj:
        pieces = [zwnj_evidence_of(text[start:end]) for start, end in segments]
        evidence = tuple(map(sum, zip(*pieces, strict=True)))
    return segments, evidence


def normalized_segments(
    text: str, normalize_options: NormalizeOptions | None,
) -> Iterator[tuple[int, int, str, list[str] | None]]:
    """Each segment of a document (see document_segments), its normalised form for analysis,
    and the chunks ZWNJ repair cut that form into if it left it as it was (None if not: word
    counting cuts it itself), one at a time."""
    from iranru.normalize.zwnj import LastCut

    segments, evidence = document_segments(text, normalize_options)
    for start, end in segments:
        cut = LastCut()
        normalized = normalize_text(text[start:end], normalize_options, for_display=False,
                                    zwnj_evidence=evidence, cut=cut)
        yield start, end, normalized, cut.pieces_of(normalized)


def analyze_document(
    document: Document,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
) -> AnalyzedDocument:
    """Normalise, split and lemmatise one document into a token table."""
    builder = TableBuilder(stopword_sets(token_options))
    for start, end, normalized, _ in normalized_segments(document.text, normalize_options):
        builder.add_segment(document.text, start, end, normalized)
    return AnalyzedDocument(
        document=document,
        language=language_of_text(document.text),
        table=builder.finish(),
        sentence_count=builder.sentence_count,
    )


class TableBuilder:
    """The token columns, filled segment by segment and sentence by sentence; arrays hold
    machine integers, and each word type is described once per document."""

    def __init__(self, stopwords: StopwordSets) -> None:
        self.stopwords = stopwords
        self.ids: dict[str, int] = {}
        self.types: dict[tuple[str, str], tuple[int, int, int, bool, bool, bool]] = {}
        self.starts, self.ends, self.norms, self.lemmas, self.langs, self.sentences = (
            array("I") for _ in range(6))
        self.words, self.stops = bytearray(), bytearray()
        self.sentence_count = 0
        self.last_lang = LANGUAGE_BEFORE_TEXT

    def describe(self, surface: str, sentence_lang: str) -> tuple[int, int, int, bool, bool, bool]:
        """(norm id, lemma id, lang id, is word, is stopword, may be a note reference) of a
        surface; only a note number may be one (is_footnote_marker), so only one is looked at."""
        norm, lang, lemma, word, stop = describe_word(surface, sentence_lang, self.stopwords)
        intern = self.ids.setdefault
        entry = (intern(norm, len(self.ids)), intern(lemma, len(self.ids)), intern(lang, len(self.ids)),
                 word, stop, is_note_number(norm))
        self.types[surface, sentence_lang] = entry
        return entry

    def in_context(self, surface: str, lemma: str) -> tuple[int, bool]:
        """(lemma id, is stopword) of an English word whose lemma its sentence decided."""
        _, _, stop = describe_in_context(surface, lemma, self.stopwords)
        return self.ids.setdefault(lemma, len(self.ids)), stop

    def add_segment(self, text: str, offset: int, end: int, normalized: str) -> None:
        """The tokens of text[offset:end], given its normalised form."""
        segment = text[offset:end]
        mapping = align(segment, normalized)
        # only a text with combining marks or tatweel needs spans widened over them
        widen_spans = MARKS_OR_TATWEEL.search(segment) is not None
        last = len(segment)
        types, describe = self.types, self.describe
        columns = (self.starts, self.ends, self.norms, self.lemmas, self.langs)
        for sentence_start, sentence_end, sentence_lang in sentences_of(normalized, self.last_lang):
            self.last_lang = sentence_lang
            filled = len(self.starts)
            has_word = False
            spans = list(token_spans(normalized[sentence_start:sentence_end], sentence_start, sentence_lang))
            in_context = context_lemmas([normalized[start:end] for start, end in spans]) if (
                sentence_lang == EN) else {}
            for index, (start, end) in enumerate(spans):
                surface = normalized[start:end]
                norm_id, lemma_id, lang_id, word, stop, note_number = (
                    types.get((surface, sentence_lang)) or describe(surface, sentence_lang))
                if in_context and index in in_context:
                    lemma_id, stop = self.in_context(surface, in_context[index])
                if note_number and is_footnote_marker(normalized, start, end):
                    word, stop, lemma_id = False, False, norm_id
                if widen_spans:
                    original_start, original_end = original_span(segment, mapping, start, end)
                else:
                    original_start, original_end = mapping[start], min(mapping[end - 1] + 1, last)
                self.starts.append(offset + original_start)
                self.ends.append(offset + original_end)
                self.norms.append(norm_id)
                self.lemmas.append(lemma_id)
                self.langs.append(lang_id)
                self.words.append(word)
                self.stops.append(stop)
                has_word = has_word or word
            added = len(self.starts) - filled
            if has_word:
                self.sentence_count += 1
                self.sentences.extend(itertools.repeat(self.sentence_count, added))
            elif added and self.sentence_count:  # punctuation alone is no sentence: it closes
                self.sentences.extend(itertools.repeat(self.sentence_count, added))  # the last one
            elif added:
                for column in (*columns, self.words, self.stops):
                    del column[filled:]

    def finish(self) -> TokenTable:
        return TokenTable(tuple(self.ids), self.starts, self.ends, self.norms, self.lemmas, self.langs,
                          self.sentences, bytes(self.words), bytes(self.stops))
