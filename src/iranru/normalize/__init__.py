"""Normalisation: an ordered tuple of named pure steps, shared by Persian and English text.

Every step is script-aware (Persian steps touch only Arabic-script characters, English ones
only Latin punctuation), so one pipeline serves documents in either language or both.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from iranru.normalize import en, fa
from iranru.normalize.offsets import align, original_span
from iranru.settings import NormalizeOptions

if TYPE_CHECKING:  # ZWNJ repair's module is heavy: imported when a text is repaired
    from iranru.normalize.zwnj import LastCut

Step = Callable[[str], str]
T = TypeVar("T")


def repair_zwnj(text: str, evidence: tuple[int, int, int] | None = None,
                cut: LastCut | None = None) -> str:
    """Restore lost zero-width non-joiners (قدرتهای → قدرت‌های, می توان → می‌توان)."""
    from iranru.normalize.zwnj import restore_zwnj

    return restore_zwnj(text, evidence, cut)


BASE_STEPS: tuple[tuple[str, Step], ...] = (
    ("unify_line_breaks", fa.unify_line_breaks),
    ("compose_unicode", fa.compose_unicode),
    ("remove_invisible_controls", fa.remove_invisible_controls),
    ("unify_arabic_letters", fa.unify_arabic_letters),
    ("strip_diacritics", fa.strip_diacritics),
    ("remove_stray_zwnj", fa.remove_stray_zwnj),
    ("fold_quotes_and_dashes", en.fold_quotes_and_dashes),
    ("split_glued_digits", fa.split_glued_digits),
    ("space_punctuation", fa.space_punctuation),
    ("collapse_spaces", fa.collapse_spaces),
)
DIGIT_STEPS: dict[str, tuple[tuple[str, Step], ...]] = {
    "auto": (("digits_by_context", fa.digits_by_context),),
    "latin": (("digits_to_latin", fa.digits_to_latin),),
    "persian": (("digits_to_persian", lambda text: text.translate(fa.DIGIT_TO_PERSIAN)),),
    "keep": (),
}
DIGIT_MODES = tuple(DIGIT_STEPS)


def build_steps(
    options: NormalizeOptions, for_display: bool, zwnj_evidence: tuple[int, int, int] | None = None,
) -> tuple[tuple[str, Step], ...]:
    """The pipeline for these options; analysis keeps digits (tokens fold them themselves)."""
    return BASE_STEPS + steps_after_base(options, for_display, zwnj_evidence)


def steps_after_base(
    options: NormalizeOptions, for_display: bool, zwnj_evidence: tuple[int, int, int] | None,
    cut: LastCut | None = None,
) -> tuple[tuple[str, Step], ...]:
    """ZWNJ repair (unless turned off), then for display the digits."""
    steps: tuple[tuple[str, Step], ...] = ()
    if options.repair_zwnj:
        steps += (("repair_zwnj", functools.partial(repair_zwnj, evidence=zwnj_evidence, cut=cut)),)
    if for_display:
        steps += DIGIT_STEPS[options.digits]
    return steps


def base_steps(text: str) -> str:
    """BASE_STEPS in fewer passes over the text. After line breaks are unified, the steps
    before space_punctuation never look across a space or a line break, so they run on the
    chunks between them, only on those they may change, and once per distinct chunk (a word,
    mostly: Zipf's law makes a few thousand of them cover most of a text); the steps that map
    characters alone are one table (fa.character_steps). A test keeps this equal to running
    BASE_STEPS one by one."""
    text = fa.unify_line_breaks(text) if "\r" in text else text
    text = map_changed_chunks(text)
    text = fa.space_punctuation(text)
    return fa.collapse_spaces(text)


def map_changed_chunks(text: str) -> str:
    """chunk_steps over a text, run only on the chunks it may change: those with a character
    that is not inert (fa.inert_characters), a stray ZWNJ or a digit glued to a letter (about 1
    in 80 in Persian text, 1 in 30 in English). Found by a few scans of the text, so most
    chunks are never cut out, looked up and joined again. Quotes and dashes are replaced
    throughout first (see fa.plain_replacements): English text has one in about 30 chunks."""
    for char, target in fa.plain_replacements():
        if char in text:
            text = text.replace(char, target)
    positions = [match.start() for match in fa.chunk_step_triggers().finditer(text)]
    reversed_text, last_index = None, len(text) - 1
    scans = [fa.ZWNJ_BEFORE_NO_LETTER] if fa.ZWNJ in text else []
    if fa.ANY_LETTER.search(text) is not None:  # English text has no digit glued to a letter
        scans.append(fa.DIGIT_BEFORE_LETTER)
    for pattern in scans:
        positions += [match.start() for match in pattern.finditer(text)]
        reversed_text = text[::-1] if reversed_text is None else reversed_text
        positions += [last_index - match.start() for match in pattern.finditer(reversed_text)]
    if not positions:
        return text
    pieces, done = [], 0  # text[:done] is mapped
    for position in sorted(positions):
        if position < done:
            continue  # in the chunk just mapped
        start = max(text.rfind(" ", done, position), text.rfind("\n", done, position)) + 1
        edge = CHUNK_EDGE.search(text, position)
        end = len(text) if edge is None else edge.start()
        pieces += (text[done:start], CHUNK_STEPS[text[start:end]])
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


CHUNK_EDGE = re.compile("[ \n]")


def chunk_steps(chunk: str) -> str:
    """The base steps from compose_unicode to split_glued_digits: each maps `a + " " + b` to the
    mapped `a`, a space and the mapped `b`, and likewise for a line break (a test checks it),
    so a text can be mapped chunk by chunk."""
    chunk = fa.compose_unicode(chunk)
    chunk = fa.LONE_SURROGATE.sub("\ufffd", fa.character_steps()(chunk))
    chunk = fa.remove_stray_zwnj(chunk)
    return fa.split_glued_digits(chunk)


class ChunkCache(dict[str, T]):
    """`compute` of each chunk met, for the life of the process; bounded in entries and in
    the length of a chunk kept."""

    def __init__(self, compute: Callable[[str], T]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, chunk: str) -> T:
        value = self.compute(chunk)
        if len(chunk) <= MAX_CACHED_CHUNK and len(self) < MAX_CACHED_CHUNKS:
            self[chunk] = value
        return value


MAX_CACHED_CHUNKS = 1 << 17
MAX_CACHED_CHUNK = 64
CHUNK_STEPS = ChunkCache(chunk_steps)


def normalize_text(
    text: str, options: NormalizeOptions | None = None, for_display: bool = True,
    zwnj_evidence: tuple[int, int, int] | None = None, cut: LastCut | None = None,
) -> str:
    """The text as iranru analyses it; line breaks are kept, one output line per input line.
    `zwnj_evidence` (see `zwnj_evidence_of`) judges the text as part of a larger document;
    `cut` keeps the chunks ZWNJ repair cut it into (see zwnj.LastCut)."""
    text = base_steps(text)
    for _, step in steps_after_base(options or NormalizeOptions(), for_display, zwnj_evidence, cut):
        text = step(text)
    return text


def zwnj_evidence_of(text: str) -> tuple[int, int, int]:
    """What ZWNJ repair judges `text` by, after the steps before it: summed over the pieces of
    a huge document, it makes every piece repaired as the whole would be."""
    from iranru.normalize.zwnj import zwnj_evidence

    return zwnj_evidence(base_steps(text))


@dataclass(frozen=True, slots=True)
class Change:
    """One edit a step made, located in the original text."""

    line: int
    start: int
    end: int
    before: str
    after: str
    rule: str


def explain_changes(text: str, options: NormalizeOptions | None = None) -> Iterator[Change]:
    """Every edit normalisation makes to `text`, as `normalize_text` makes it (the whole text
    judged at once, as ZWNJ repair needs), each in the original's offsets with the rules that
    made it: applying the rows to the original gives the normalised text exactly. The steps
    are run one by one only to say which rule changed what; the edits are the differences
    between each original line and its normalised line."""
    steps = build_steps(options or NormalizeOptions(), for_display=True)
    stages = [text]
    for _, step in steps:
        stages.append(step(stages[-1]))
    normalized = normalize_text(text, options)
    if stages[-1] != normalized:  # base_steps is BASE_STEPS fused (a test keeps them equal)
        raise AssertionError("the steps one by one and normalize_text disagree")
    names = [name for name, _ in steps]
    original_lines, breaks = lines_and_breaks(text)
    stage_lines = [lines_and_breaks(stage)[0] for stage in stages]
    offset = 0
    for number, line in enumerate(original_lines):
        touched = [(name, span) for index, name in enumerate(names) for span in changed_spans(
            line, stage_lines[index][number], stage_lines[index + 1][number])]
        for start, end, after in edits(line, stage_lines[-1][number]):
            rules = [name for name, span in touched if overlaps(span, (start, end))]
            yield Change(number + 1, offset + start, offset + end, line[start:end], after,
                         "+".join(dict.fromkeys(rules)) or "normalize")
        offset += len(line)
        if number < len(breaks):
            if breaks[number] != "\n":
                yield Change(number + 1, offset, offset + len(breaks[number]), breaks[number], "\n",
                             "unify_line_breaks")
            offset += len(breaks[number])


LINE_BREAK = re.compile("(\r\n?|\n)")


def lines_and_breaks(text: str) -> tuple[list[str], list[str]]:
    """A text's lines and the line breaks between them, as unify_line_breaks sees them (a lone
    carriage return is a line break too): the steps after it keep every line."""
    pieces = LINE_BREAK.split(text)
    return pieces[0::2], pieces[1::2]


def overlaps(one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Do two spans share a character, or does an empty one (an insertion) touch the other?"""
    if one[0] == one[1] or other[0] == other[1]:
        return one[0] <= other[1] and other[0] <= one[1]
    return one[0] < other[1] and other[0] < one[1]


def edits(before: str, after: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, replacement) in `before` that make `after`, left to right."""
    import difflib

    if before == after:
        return
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield i1, i2, after[j1:j2]


def changed_spans(original: str, before: str, after: str) -> Iterator[tuple[int, int]]:
    """Where in `original` one step changed `before` into `after`."""
    if before == after:
        return
    mapping = align(original, before)
    for start, end, _ in edits(before, after):
        yield original_span(original, mapping, start, end)


__all__ = ["Change", "DIGIT_MODES", "align", "explain_changes", "normalize_text", "original_span"]
