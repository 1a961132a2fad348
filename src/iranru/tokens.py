"""Sentences, tokens, lemmas and stopwords: hazm for Persian, NLTK for English, token by token.

Tokenisation runs on the normalised text; every token keeps its span in the original text
through the offset map, so reports can always point at what the user's file says.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from iranru import resources
from iranru.language import EN, FA, language_of_text, language_of_token, script_counts
from iranru.model import AnalyzedDocument, Document, Token
from iranru.normalize import align, normalize_text, original_span
from iranru.normalize.constants import ZWNJ
from iranru.normalize.fa import DIGIT_TO_LATIN
from iranru.settings import NormalizeOptions, TokenOptions

Span = tuple[int, int]
LATIN_CHUNK = re.compile(r"\S*[A-Za-z]\S*")
FALLBACK_TOKEN = re.compile(r"[\w\u200c]+(?:[-'.][\w\u200c]+)*|[^\w\s]+")
DIGITS_ONLY = re.compile(r"\d+")
LONGEST_WORD = 64  # longer "words" are junk (base64, runs of letters): not worth lemmatising


def paragraph_spans(text: str) -> Iterator[Span]:
    """Lines with any content: a line break always ends a sentence (titles, captions)."""
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, start + len(line)
        start += len(line) + 1


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
    for start, end in paragraph_spans(text):
        arabic, latin = script_counts(text[start:end])
        splitter = persian_sentence_spans if arabic >= latin else english_sentence_spans
        yield from splitter(text, start, end)


def fallback_spans(text: str, offset: int) -> Iterator[Span]:
    for match in FALLBACK_TOKEN.finditer(text):
        yield offset + match.start(), offset + match.end()


WORD_WITH_FULL_STOP = re.compile(r"[A-Za-z]{2,}\.")


def english_token_spans(text: str, offset: int) -> Iterator[Span]:
    """NLTK's tokens; a full stop NLTK left on a word inside a sentence (`"no."[12]`) is
    split off unless the word is a known abbreviation (Nov., Dr.)."""
    try:
        spans = list(resources.english_word_tokenizer().span_tokenize(text))
    except ValueError:  # NLTK's quote realignment can fail on odd input
        yield from fallback_spans(text, offset)
        return
    for left, right in spans:
        word = text[left:right]
        if (
            WORD_WITH_FULL_STOP.fullmatch(word)
            and word[:-1].lower() not in resources.ENGLISH_ABBREVIATIONS
        ):
            yield offset + left, offset + right - 1
            yield offset + right - 1, offset + right
        else:
            yield offset + left, offset + right


def persian_chunk_spans(text: str, offset: int) -> Iterator[Span]:
    """hazm's tokens, located in the text one after another."""
    cursor = 0
    spans: list[Span] = []
    for token in resources.persian_word_tokenizer().tokenize(text):
        found = text.find(token, cursor)
        if found < 0:
            yield from fallback_spans(text, offset)
            return
        spans.append((offset + found, offset + found + len(token)))
        cursor = found + len(token)
    yield from spans


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
    """hazm's Lemmatizer for Persian (verbs as past#present stem); simplemma for English, given
    the word with its capitals (proper names stay whole) and lower-cased after."""
    if len(word) == 1 or len(word) > LONGEST_WORD:  # era markers (ش, م); junk runs of letters
        return word.lower()
    if lang == FA:
        return lemmatize_persian(word)
    if lang == EN:
        import simplemma

        return simplemma.lemmatize(word, lang="en").lower()
    return word.lower()


IMPERSONAL_VERB = re.compile(f"^(?:ن?می){ZWNJ}(.+)$")


def lemmatize_persian(norm: str) -> str:
    """hazm's Lemmatizer, then two forms it leaves whole: a participle with its auxiliary
    (کرده‌بود → کرد#کن, via hazm's own `کرده_بود` spelling) and the impersonal
    `می‌` + present stem (می‌توان "one can" → توانست#توان)."""
    lemmatizer = resources.persian_lemmatizer()
    lemma = lemmatizer.lemmatize(norm) or norm
    if lemma != norm or ZWNJ not in norm:
        return lemma
    verbal = norm.replace(ZWNJ, "_")
    verb_lemma = lemmatizer.lemmatize(verbal, "VERB")
    if verb_lemma != verbal and "#" in verb_lemma:
        return verb_lemma
    impersonal = IMPERSONAL_VERB.match(norm)
    if impersonal and impersonal.group(1) in resources.persian_present_stems():
        return resources.persian_present_stems()[impersonal.group(1)]
    return lemma


@functools.lru_cache(maxsize=32)
def stopword_sets(extra: tuple[Path, ...]) -> dict[str, frozenset[str]]:
    added: frozenset[str] = frozenset()
    for path in extra:
        added |= {fold_for_counting(word) for word in resources.read_word_list(path)}
    return {lang: resources.builtin_stopwords(lang) | added for lang in (FA, EN)}


def is_word(surface: str) -> bool:
    return any(char.isalnum() for char in surface)


def is_footnote_marker(normalized: str, start: int, end: int) -> bool:
    """`[12]` after a sentence is a note reference, not the number twelve."""
    return (
        DIGITS_ONLY.fullmatch(fold_for_counting(normalized[start:end])) is not None
        and normalized[start - 1 : start] == "["
        and normalized[end : end + 1] == "]"
    )


def analyze_document(
    document: Document,
    normalize_options: NormalizeOptions | None = None,
    token_options: TokenOptions | None = None,
) -> AnalyzedDocument:
    """Normalise, split and lemmatise one document."""
    token_options = token_options or TokenOptions()
    normalized = normalize_text(document.text, normalize_options, for_display=False)
    mapping = align(document.text, normalized)
    stopwords = stopword_sets(token_options.extra_stopwords)
    tokens: list[Token] = []
    sentence_number = 0
    for sentence_start, sentence_end in sentence_spans(normalized):
        sentence = normalized[sentence_start:sentence_end]
        arabic, latin = script_counts(sentence)
        sentence_lang = FA if arabic >= latin and arabic else EN if latin else FA
        splitter = persian_token_spans if sentence_lang == FA else english_token_spans
        sentence_tokens: list[Token] = []
        for start, end in splitter(sentence, sentence_start):
            surface_normalized = normalized[start:end]
            word = is_word(surface_normalized) and not is_footnote_marker(normalized, start, end)
            norm = fold_for_counting(surface_normalized)
            lang = language_of_token(norm, sentence_lang)
            # English keeps its capitals for simplemma: "United States" is no "unite state"
            cased = surface_normalized.translate(DIGIT_TO_LATIN) if lang == EN else norm
            lemma = lemmatize(cased, lang) if word else norm
            original_start, original_end = original_span(document.text, mapping, start, end)
            sentence_tokens.append(
                Token(
                    start=original_start,
                    end=original_end,
                    surface=document.text[original_start:original_end],
                    norm=norm,
                    lemma=lemma,
                    lang=lang,
                    sentence=sentence_number + 1,
                    is_word=word,
                    stopword=word and (norm in stopwords[lang] or lemma in stopwords[lang]),
                )
            )
        if any(token.is_word for token in sentence_tokens):
            sentence_number += 1
            tokens.extend(sentence_tokens)
    return AnalyzedDocument(
        document=document,
        language=language_of_text(document.text),
        normalized=normalized,
        tokens=tuple(tokens),
        sentence_count=sentence_number,
    )
